"""The plumbing the scripts/record-*-reference.py recorders share: a throwaway copy of a fixture project with a
profiles.yml for dbt-sqlite or dbt-postgres, running the reference dbt in it, reading its run_results.json,
connecting to the PostgreSQL server of `. scripts/postgres.sh start` and writing the reference JSON.

A recorder run as `python3 scripts/record-....py` imports it with `import dbt_reference` (the script's folder is
first on Python's path)."""
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
"""The repository's root folder."""

DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"
"""The dbt executable: the recorder's first argument, else the venv of
`pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"` in /tmp/dbt-venv."""


DBT_WITH_MD5 = [os.path.join(os.path.dirname(DBT), "python"), "-c", """
import hashlib, sqlite3, sys
connect = sqlite3.connect
def with_md5(*args, **kwargs):
    connection = connect(*args, **kwargs)
    connection.create_function("md5", 1, lambda t: None if t is None else hashlib.md5(str(t).encode()).digest(),
                               deterministic=True)
    return connection
sqlite3.connect = with_md5
from dbt.cli.main import cli
sys.argv[0] = "dbt"
cli()
"""]
"""dbt's command line (for run_dbt's `command`) with SQLean crypto's `md5(text)` (a blob digest) on every SQLite
connection: dbt-sqlite's snapshots need it, and this venv's Python cannot load SQLite extensions."""


def new_schema():
    """A fresh PostgreSQL schema name, `ref_` and eight hex digits."""
    return "ref_" + uuid.uuid4().hex[:8]


def profile(name, adapter, project, schema, sqlite_file="main.sqlite"):
    """The text of a profiles.yml with profile `name` and one target `dev` (one thread): for adapter "sqlite" the
    schema `main` in `project`/target/`sqlite_file`, otherwise PostgreSQL's `schema` on the server of PGHOST."""
    if adapter == "sqlite":
        target = project + "/target"
        return (f"{name}:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                "      database: main\n      schema: main\n      schemas_and_paths:\n"
                f"        main: {target}/{sqlite_file}\n      schema_directory: {target}\n")
    return (f"{name}:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
            f"      host: {os.environ['PGHOST']}\n      port: {os.environ.get('PGPORT', '5432')}\n"
            f"      user: {os.environ.get('PGUSER', 'postgres')}\n      pass: \"{os.environ.get('PGPASSWORD', '')}\"\n"
            f"      dbname: {os.environ.get('PGDATABASE', 'postgres')}\n      schema: {schema}\n")


@contextlib.contextmanager
def project_copy(fixture, name, profile_text):
    """Yields the path of a copy of the project folder `fixture`, named `name` in a new temporary folder, with an
    empty target/ and `profile_text` as its profiles.yml; the temporary folder is removed afterwards.
    `profile_text` may be a function of the copy's path."""
    work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
    try:
        project = os.path.join(work, name)
        shutil.copytree(fixture, project)
        os.makedirs(project + "/target", exist_ok=True)
        with open(project + "/profiles.yml", "w") as f:
            f.write(profile_text(project) if callable(profile_text) else profile_text)
        yield project
    finally:
        shutil.rmtree(work)


@contextlib.contextmanager
def fixture_project(fixture, name, adapter):
    """Yields (project, schema): a copy of `fixture` named `name` (as `project_copy`) whose profile `name` targets
    `adapter`, on PostgreSQL in a new schema, dropped afterwards (SQLite: `main`, and `schema` goes unused)."""
    schema = new_schema()
    try:
        with project_copy(fixture, name, lambda project: profile(name, adapter, project, schema)) as project:
            yield project, schema
    finally:
        if adapter == "postgres":
            drop_schemas(schema)


def run_dbt(project, arguments, check=False, command=None):
    """Runs `dbt <arguments> --profiles-dir <project>` in `project` without usage statistics (`command`, a list,
    in place of `dbt` when given); returns the finished process, its output as text. With `check`, a non-zero exit
    raises CalledProcessError."""
    env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    return subprocess.run((command or [DBT]) + arguments + ["--profiles-dir", project], cwd=project, env=env,
                          capture_output=True, text=True, check=check)


ANSI = re.compile(r"\x1b\[[0-9;]*m")
"""A colour escape of dbt's console output."""


def error_lines(run):
    """The lines of a finished dbt run's output from "Encountered an error:" on (colours and timestamps removed)."""
    lines = [ANSI.sub("", line).split("  ", 1)[-1].strip() for line in run.stdout.splitlines()]
    return lines[next((i for i, line in enumerate(lines) if line.startswith("Encountered an error")), len(lines)):]


def run_each(project, runs, warning):
    """Runs dbt with each argument list of `runs` in turn; returns the exit codes, each run's {node name: message}
    of its errored nodes (run_results.json) and each run's sorted distinct output lines matching the pattern
    `warning` (colours removed, and the line up to its first two spaces: the timestamp)."""
    codes, messages, warnings = [], [], []
    for arguments in runs:
        done = run_dbt(project, arguments)
        codes.append(done.returncode)
        messages.append({r["unique_id"].split(".")[-1]: r["message"] for r in run_results(project)
                         if r["status"] == "error"})
        warnings.append(sorted({ANSI.sub("", line).split("  ", 1)[-1].strip()
                                for line in (done.stdout + done.stderr).splitlines() if warning.search(line)}))
    return codes, messages, warnings


def run_results(project):
    """The `results` list of the project's target/run_results.json."""
    with open(project + "/target/run_results.json") as f:
        return json.load(f)["results"]


def postgres(autocommit=False):
    """A psycopg2 connection to the server of PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE."""
    import psycopg2
    db = psycopg2.connect(host=os.environ["PGHOST"], port=os.environ.get("PGPORT", "5432"),
                          user=os.environ.get("PGUSER", "postgres"), password=os.environ.get("PGPASSWORD", ""),
                          dbname=os.environ.get("PGDATABASE", "postgres"))
    db.autocommit = autocommit
    return db


def connect(adapter, project, sqlite_file="main.sqlite"):
    """A connection to the target of `profile(name, adapter, project, ...)`: its SQLite file or PostgreSQL."""
    if adapter == "sqlite":
        import sqlite3
        return sqlite3.connect(project + "/target/" + sqlite_file)
    return postgres()


def drop_schemas(*schemas):
    """Drops the PostgreSQL schemas and everything in them."""
    db = postgres()
    for schema in schemas:
        db.cursor().execute(f'drop schema if exists "{schema}" cascade')
    db.commit()
    db.close()


def write_reference(output, **by_adapter):
    """Writes `output`: a JSON object of the dbt version line (`installed: ...`) and the recordings by adapter,
    keys sorted, one space of indent, a final newline."""
    version = subprocess.run([DBT, "--version"], capture_output=True, text=True).stdout
    reference = dict(by_adapter, dbt=next((line.strip() for line in version.splitlines() if "installed" in line), ""))
    with open(output, "w") as f:
        json.dump(reference, f, indent=1, sort_keys=True)
        f.write("\n")


def compiled_relations(fixture, name, adapter):
    """Compiles a copy of `fixture` (profile `name`) with dbt on `adapter`; returns the manifest's `metadata.quoting`
    and, per node and source, its `relation_name` and compiled SQL (the target's schema written as `<schema>`, the
    database as `<database>`). PostgreSQL's schema is dropped afterwards."""
    schema = "main" if adapter == "sqlite" else new_schema()
    database = "main" if adapter == "sqlite" else os.environ.get("PGDATABASE", "postgres")
    try:
        with project_copy(fixture, name, lambda project: profile(name, adapter, project, schema)) as project:
            run_dbt(project, ["compile"], check=True)
            with open(os.path.join(project, "target", "manifest.json")) as f:
                manifest = json.load(f)
    finally:
        if adapter != "sqlite":
            drop_schemas(schema)

    def generic(text):
        return text.replace(schema, "<schema>").replace(database, "<database>")
    entries = {**manifest["nodes"], **manifest["sources"]}
    return manifest["metadata"]["quoting"], {
        unique_id: {"relation_name": generic(node["relation_name"]),
                    **({"compiled_code": generic(node["compiled_code"])} if "compiled_code" in node else {})}
        for unique_id, node in sorted(entries.items())}


def record_in_fresh_schema(record, output):
    """Writes `output` from `record(adapter, schema)`: PostgreSQL in a new schema (dropped afterwards), SQLite in `main`."""
    schema = new_schema()
    try:
        postgres = record("postgres", schema)
    finally:
        drop_schemas(schema)
    write_reference(output, sqlite=record("sqlite", "main"), postgres=postgres)


def record_sqlite_and_postgres(record, output):
    """Writes `output` from `record(adapter)` on SQLite, and on PostgreSQL too when PGHOST names a server."""
    recordings = {"sqlite": record("sqlite")}
    if os.environ.get("PGHOST"):
        recordings["postgres"] = record("postgres")
    write_reference(output, **recordings)
