#!/usr/bin/env python3
"""Times whole swiftdbt commands, and the same commands with dbt-core when it is installed.

One command builds swiftdbt in release, generates the benchmark projects (cached between runs),
runs every benchmark a few times after a warm-up, and prints a table: median, min and max wall
time and peak RSS per tool, and the ratio dbt-core / swiftdbt.

    python3 Benchmarks/run.py                       # parse/compile at 1k and 10k, ls, chain build, 1M-row seed
    python3 Benchmarks/run.py --huge                # also parse/compile at 100k models
    python3 Benchmarks/run.py --only parse,ls --runs 9
    python3 Benchmarks/run.py --dbt-sizes all       # dbt-core at every size too (dbt parse of 10k takes many minutes)
    python3 Benchmarks/run.py --markdown out.md --json out.json

dbt-core is found as $DBT, else `dbt` on PATH; without it the dbt columns say so. Install it with
`python3 -m venv venv && venv/bin/pip install "dbt-core==1.10.*" dbt-sqlite dbt-postgres` and
run with DBT=venv/bin/dbt. dbt runs `--no-partial-parse` (swiftdbt has no parse cache), with
anonymous usage statistics off. Both tools read the same generated profiles.yml (dbt-sqlite).
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Bumped when a generator's output changes, so cached projects are regenerated.
GENERATOR_VERSION = "1"


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# MARK: Projects

def profiles_yml(project_dir):
    db_dir = os.path.join(project_dir, "db")
    return (
        "bench:\n"
        "  target: dev\n"
        "  outputs:\n"
        "    dev:\n"
        "      type: sqlite\n"
        "      threads: 1\n"
        "      database: database\n"
        "      schema: main\n"
        "      schemas_and_paths:\n"
        f"        main: {os.path.join(db_dir, 'main.db')}\n"
        f"      schema_directory: {db_dir}\n"
    )


def ensure_project(work, kind, size):
    """Generates a project once; later runs reuse it while the generator arguments are the same."""
    name = {"synthetic": f"models_{size}", "chain": f"chain_{size}", "seed": f"seed_{size}"}[kind]
    out = os.path.join(work, "projects", name)
    stamp = os.path.join(out, ".bench-stamp")
    wanted = f"{kind} {size} {GENERATOR_VERSION}"
    if os.path.exists(stamp) and open(stamp).read() == wanted:
        return out
    log(f"generating {kind} project of {size:,} to {out}")
    script, flag = {"synthetic": ("generate_project.py", "--models"), "chain": ("generate_chain.py", "--models"),
                    "seed": ("generate_csv.py", "--rows")}[kind]
    subprocess.run([sys.executable, os.path.join(HERE, script), flag, str(size), "--out", out],
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "profiles.yml"), "w") as f:
        f.write(profiles_yml(out))
    os.makedirs(os.path.join(out, "db"), exist_ok=True)
    with open(stamp, "w") as f:
        f.write(wanted)
    return out


def tool_copy(project, tool):
    """Each tool runs in its own copy of a project, so target/ and databases never mix."""
    copy = f"{project}-{tool}"
    stamp = os.path.join(project, ".bench-stamp")
    copy_stamp = os.path.join(copy, ".bench-stamp")
    if not (os.path.exists(copy_stamp) and open(copy_stamp).read() == open(stamp).read()):
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(project, copy, ignore=shutil.ignore_patterns("target", "db", "logs"))
        with open(os.path.join(copy, "profiles.yml"), "w") as f:
            f.write(profiles_yml(copy))
    os.makedirs(os.path.join(copy, "db"), exist_ok=True)
    return copy


def reset_database(project):
    db = os.path.join(project, "db")
    shutil.rmtree(db, ignore_errors=True)
    os.makedirs(db)


# MARK: Timing

def run_once(argv, cwd, env):
    """Wall time (s) and peak RSS (MB) of one command, from wait4's rusage of that child."""
    with open(os.path.join(cwd, "bench-last.log"), "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        tail = open(os.path.join(cwd, "bench-last.log"), errors="replace").read()[-2000:]
        raise RuntimeError(f"`{' '.join(argv)}` exited with {code} in {cwd}:\n{tail}")
    return wall, usage.ru_maxrss / 1024.0  # ru_maxrss is in KiB on Linux


def measure(argv, cwd, env, runs, warmup, before_each=None):
    samples = []
    for i in range(warmup + runs):
        if before_each:
            before_each()
        wall, rss = run_once(argv, cwd, env)
        if i >= warmup:
            samples.append((wall, rss))
    walls = [s[0] for s in samples]
    return {"median": statistics.median(walls), "min": min(walls), "max": max(walls),
            "rss": max(s[1] for s in samples), "runs": len(samples), "samples": walls}


# MARK: Tools

def find_dbt():
    candidate = os.environ.get("DBT") or shutil.which("dbt")
    if candidate and os.path.exists(candidate) and os.access(candidate, os.X_OK):
        return candidate
    return None


def build_swiftdbt(scratch):
    log(f"building swiftdbt (release, --scratch-path {scratch})")
    subprocess.run(["swift", "build", "-c", "release", "--scratch-path", scratch, "--product", "swiftdbt"],
                   cwd=ROOT, check=True, stdout=sys.stderr)
    binary = subprocess.run(["swift", "build", "-c", "release", "--scratch-path", scratch, "--show-bin-path"],
                            cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(binary, "swiftdbt")


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    memory = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()} {platform.release()}"


# MARK: Benchmarks

def plan(args):
    """(label, kind, size, command words, resets database, whether dbt runs it)."""
    only = set(args.only.split(",")) if args.only else None
    sizes = [int(s) for s in args.sizes.split(",")] + ([100_000] if args.huge else [])
    dbt_sizes = None if args.dbt_sizes == "all" else {int(s) for s in args.dbt_sizes.split(",")}
    items = []
    for command in ["parse", "compile"]:
        for size in sizes:
            items.append((f"{command} {size:,} models", "synthetic", size, [command], False,
                          dbt_sizes is None or size in dbt_sizes))
    items.append((f"ls {args.ls_models:,} models", "synthetic", args.ls_models, ["ls"], False, True))
    items.append((f"build chain of {args.chain:,} views", "chain", args.chain, ["build"], True, True))
    items.append((f"seed {args.seed_rows:,} rows x 8 cols", "seed", args.seed_rows, ["seed"], True, True))
    return [item for item in items if only is None or item[3][0] in only]


def fmt_time(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_result(result):
    if result is None:
        return "-", "-"
    if "error" in result:
        return "failed", "-"
    return (f"{fmt_time(result['median'])} ({fmt_time(result['min'])}–{fmt_time(result['max'])})",
            f"{result['rss']:.0f} MB")


def table(rows, dbt_note):
    lines = ["| benchmark | swiftdbt median (min–max) | swiftdbt peak RSS | dbt-core median (min–max) | dbt-core peak RSS | dbt / swiftdbt |",
             "| --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        swift_time, swift_rss = fmt_result(row["swiftdbt"])
        dbt_time, dbt_rss = fmt_result(row["dbt"]) if row["dbt"] is not None else (dbt_note if row["dbt_wanted"] else "not run", "-")
        ratio = "-"
        s, d = row["swiftdbt"], row["dbt"]
        if s and d and "error" not in s and "error" not in d:
            ratio = f"{d['median'] / s['median']:.0f}x" if d["median"] / s["median"] >= 10 else f"{d['median'] / s['median']:.1f}x"
        lines.append(f"| {row['label']} | {swift_time} | {swift_rss} | {dbt_time} | {dbt_rss} | {ratio} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="model counts for parse and compile (default 1000,10000)")
    parser.add_argument("--huge", action="store_true", help="also parse and compile 100,000 models")
    parser.add_argument("--ls-models", type=int, default=100, help="models in the project `ls` runs on (default 100)")
    parser.add_argument("--chain", type=int, default=1000, help="views in the chain `build` runs on (default 1000)")
    parser.add_argument("--seed-rows", type=int, default=1_000_000, help="rows of the seed CSV (default 1,000,000)")
    parser.add_argument("--only", help="comma-separated commands to run: parse,compile,ls,build,seed")
    parser.add_argument("--runs", type=int, default=5, help="timed swiftdbt runs per benchmark (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed swiftdbt runs first (default 1)")
    parser.add_argument("--dbt-runs", type=int, default=1, help="timed dbt-core runs per benchmark (default 1: dbt is slow)")
    parser.add_argument("--dbt-warmup", type=int, default=0, help="untimed dbt-core runs first (default 0)")
    parser.add_argument("--dbt-sizes", default="1000",
                        help="model counts at which dbt-core runs parse and compile: a list, or 'all' (default 1000)")
    parser.add_argument("--no-dbt", action="store_true", help="skip dbt-core even when installed")
    parser.add_argument("--work", default=os.environ.get("SWIFTDBT_BENCH_DIR", "/tmp/swiftdbt-bench"),
                        help="where projects are generated and run (default /tmp/swiftdbt-bench)")
    parser.add_argument("--scratch-path", default=os.path.join(ROOT, ".build-bench"), help="swift build scratch path")
    parser.add_argument("--swiftdbt", help="use this swiftdbt binary instead of building one")
    parser.add_argument("--markdown", help="also write the table (with method notes) to this file")
    parser.add_argument("--json", help="also write every sample to this JSON file")
    args = parser.parse_args()

    os.makedirs(args.work, exist_ok=True)
    swiftdbt = os.path.abspath(args.swiftdbt) if args.swiftdbt else build_swiftdbt(args.scratch_path)
    dbt = None if args.no_dbt else find_dbt()
    dbt_note = "skipped (--no-dbt)" if args.no_dbt else "not installed"
    if dbt is None and not args.no_dbt:
        log("dbt-core not found ($DBT or `dbt` on PATH): the dbt columns stay empty. "
            "Install: python3 -m venv venv && venv/bin/pip install 'dbt-core==1.10.*' dbt-sqlite dbt-postgres")
    dbt_version = ""
    env = dict(os.environ)
    env.update({"DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DO_NOT_TRACK": "1", "NO_COLOR": "1",
                "DBT_USE_COLORS": "false"})
    env.pop("DBT_PROFILES_DIR", None)
    if dbt:
        dbt_version = subprocess.run([dbt, "--version"], capture_output=True, text=True, env=env).stdout
        installed = [l.split(":", 1)[1].strip() for l in dbt_version.splitlines() if l.strip().startswith("- installed:")]
        plugins = [l.strip(" -").split(":")[0] + " " + l.split(":", 1)[1].split()[0]
                   for l in dbt_version.splitlines() if l.strip().startswith("- sqlite:")]
        dbt_version = " ".join(["dbt-core " + (installed[0] if installed else "?")] + ["dbt-" + p for p in plugins])
        log(f"dbt-core: {dbt} ({dbt_version})")

    rows = []
    for label, kind, size, words, resets, dbt_wanted in plan(args):
        project = ensure_project(args.work, kind, size)
        row = {"label": label, "command": words[0], "size": size, "swiftdbt": None, "dbt": None, "dbt_wanted": dbt_wanted}
        tools = [("swiftdbt", [swiftdbt], args.runs, args.warmup)]
        if dbt and dbt_wanted:
            tools.append(("dbt", [dbt], args.dbt_runs, args.dbt_warmup))
        for tool, prefix, runs, warmup in tools:
            copy = tool_copy(project, tool)
            argv = prefix + words + ["--project-dir", copy, "--profiles-dir", copy]
            if tool == "dbt":
                argv += ["--no-partial-parse"]
            before = (lambda c=copy: reset_database(c)) if resets else None
            log(f"{label}: {tool}, {warmup} warm-up + {runs} runs")
            try:
                row[tool] = measure(argv, copy, env, runs, warmup, before)
                log(f"  median {fmt_time(row[tool]['median'])}, peak RSS {row[tool]['rss']:.0f} MB")
            except RuntimeError as error:
                log(f"  FAILED: {error}")
                row[tool] = {"error": str(error)}
        rows.append(row)

    result = table(rows, dbt_note)
    print(result)
    notes = (f"Machine: {machine()}. swiftdbt: release build; {args.runs} timed runs after {args.warmup} warm-up. "
             + (f"{dbt_version}: {args.dbt_runs} timed run(s) after {args.dbt_warmup} warm-up, --no-partial-parse."
                if dbt else "dbt-core: not run."))
    print("\n" + notes)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(result + "\n\n" + notes + "\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"machine": machine(), "dbt": dbt_version, "rows": rows}, f, indent=2)


if __name__ == "__main__":
    main()
