#!/usr/bin/env python3
"""Runs dbt-core's `dbt deps` against a package hub of fixture packages (the hub DepsTests builds:
Python's http.server on a loopback port) and prints what it installs, for DepsTests' expected values.
Usage: DBT=/path/to/dbt python3 scripts/record-deps-reference.py (dbt-core 1.10)."""
import json, os, re, shutil, subprocess, sys, tarfile, tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(REPO, "Tests", "Fixtures", "packages")
CALENDAR = os.path.join(FIXTURES, "installed", "dbt_packages", "calendar_tools")
TEXT = os.path.join(FIXTURES, "installed", "dbt_packages", "text_tools")
DBT = os.environ.get("DBT", "dbt")

work = tempfile.mkdtemp(prefix="deps-reference-")
served = os.path.join(work, "hub")
documents = {}


def publish(name, version, fixture, dependencies=(), require=None):
    project = name.split("/")[1]
    top = f"{project}-{version}"
    source = os.path.join(served, "src", top)
    shutil.rmtree(source, ignore_errors=True)
    shutil.copytree(fixture, source)
    path = os.path.join(source, "dbt_project.yml")
    lines = [f"version: '{version}'" if l.startswith("version:") else l for l in open(path).read().split("\n")]
    open(path, "w").write("\n".join(lines))
    os.makedirs(os.path.join(served, "tarballs"), exist_ok=True)
    with tarfile.open(os.path.join(served, "tarballs", top + ".tar.gz"), "w:gz") as archive:
        archive.add(source, arcname=top)
    release = {"name": project, "packages": list(dependencies), "downloads": {"tarball": f"{url}tarballs/{top}.tar.gz"}}
    if require:
        release["require_dbt_version"] = require
    document = documents.setdefault(name, {"name": project, "namespace": name.split("/")[0], "versions": {}})
    document["versions"][version] = release
    os.makedirs(os.path.dirname(os.path.join(served, "api", "v1", name)), exist_ok=True)
    json.dump(document, open(os.path.join(served, "api", "v1", name + ".json"), "w"), sort_keys=True)
    json.dump(sorted(documents), open(os.path.join(served, "api", "v1", "index.json"), "w"))


os.makedirs(os.path.join(served, "api", "v1"))
server = subprocess.Popen([sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", served],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
url = "http://127.0.0.1:%s/" % re.search(r"port (\d+)", server.stdout.readline()).group(1)
try:
    for v in ["1.0.0", "1.2.0", "2.0.0", "2.1.0-rc1"]:
        publish("acme/calendar_tools", v, CALENDAR)
    publish("acme/calendar_tools", "1.4.0", CALENDAR, [{"package": "acme/text_tools", "version": [">=0.2.0", "<0.4.0"]}])
    publish("acme/calendar_tools", "1.9.0", CALENDAR, require=[">=1.11.0"])
    for v in ["0.2.0", "0.3.0", "0.4.0"]:
        publish("acme/text_tools", v, TEXT)

    project = os.path.join(work, "project")
    shutil.copytree(os.path.join(FIXTURES, "installed"), project, ignore=shutil.ignore_patterns("dbt_packages"))
    environment = dict(os.environ, DBT_PACKAGE_HUB_URL=url)

    def deps(packages, *arguments):
        open(os.path.join(project, "packages.yml"), "w").write("packages:\n" + packages)
        run = subprocess.run([DBT, "deps", *arguments], cwd=project, env=environment, capture_output=True, text=True)
        installed = {}
        folder = os.path.join(project, "dbt_packages")
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            text = open(os.path.join(folder, name, "dbt_project.yml")).read()
            installed[name] = re.search(r"^version: (.*)$", text, re.M).group(1)
        errors = [l for l in run.stdout.splitlines() if "rror" in l or "ould not" in l or "Version" in l]
        return {"exit": run.returncode, "installed": installed, "errors": errors[:3]}

    def case(title, result):
        print("==", title)
        print(json.dumps(result, indent=1))

    def fresh():
        for name in ["dbt_packages", "package-lock.yml"]:
            path = os.path.join(project, name)
            shutil.rmtree(path) if os.path.isdir(path) else os.path.exists(path) and os.remove(path)

    fresh()
    case("overlapping ranges", deps('  - package: acme/calendar_tools\n    version: [">=1.0.0", "<2.0.0"]\n'
                                    '  - package: acme/text_tools\n    version: ">=0.3.0"\n'))
    print(open(os.path.join(project, "package-lock.yml")).read())
    fresh()
    case("conflict", deps('  - package: acme/calendar_tools\n    version: [">=1.4.0", "<1.5.0"]\n'
                          '  - package: acme/text_tools\n    version: ">=0.4.0"\n'))
    fresh()
    case("prerelease not asked", deps('  - package: acme/calendar_tools\n    version: ">=2.0.0"\n'))
    fresh()
    case("prerelease allowed", deps('  - package: acme/calendar_tools\n    version: ">=2.0.0"\n    install_prerelease: true\n'))
    fresh()
    spec = '  - package: acme/text_tools\n    version: [">=0.2.0", "<1.0.0"]\n'
    case("lock: first", deps(spec))
    publish("acme/text_tools", "0.5.0", TEXT)
    case("lock: reused after 0.5.0 is published", deps(spec))
    case("lock: --upgrade", deps(spec, "--upgrade"))
finally:
    server.terminate()
    shutil.rmtree(work, ignore_errors=True)
