#!/usr/bin/env python3
"""Times whole swiftdbt commands, and the same commands with dbt-core when it is installed.

One command builds swiftdbt in release, generates the benchmark projects (cached between runs),
runs every benchmark a few times after a warm-up, and prints a table: median, min and max wall
time and peak RSS per tool, and the ratio dbt-core / swiftdbt. BENCHMARKS.md explains the method.

    python3 Benchmarks/run.py                       # everything below, dbt-core where it is installed
    python3 Benchmarks/run.py --huge                # also parse/compile 100,000 models
    python3 Benchmarks/run.py --only parse,ls --runs 9
    python3 Benchmarks/run.py --dbt-sizes all       # dbt-core parse/compile at every size (10k takes many minutes)
    python3 Benchmarks/run.py --no-dbt --no-postgres --markdown out.md --json out.json

Benchmarks: `parse` and `compile` of synthetic projects (--sizes), `ls` on the repository's
attribution project, `build` of a chain of views on SQLite (with the SQL replayed alone, to give
swiftdbt's overhead per model), and `seed` of a large 8-column CSV into SQLite and PostgreSQL
(rows/s; a second, larger CSV shows whether peak memory grows with the file).

dbt-core is found as $DBT, else /work/dbt-venv/bin/dbt, else `dbt` on PATH; without it the dbt
columns say so. Install it with `python3 -m venv venv && venv/bin/pip install "dbt-core==1.10.*"
dbt-sqlite dbt-postgres`. dbt runs `--no-partial-parse` (swiftdbt has no parse cache), with
anonymous usage statistics off, on its own copy of the same project with the same profile.
dbt-core is slow, so by default it runs once, at the smaller sizes (--dbt-sizes, --dbt-seed-rows).

PostgreSQL: with $PGHOST set, that server is used (PGPORT, PGUSER, PGPASSWORD, PGDATABASE);
otherwise scripts/postgres.sh starts a throwaway server for the run and stops it at the end.
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
GENERATOR_VERSION = "2"
# The repository's own project, which `ls` runs on.
ATTRIBUTION_PARTS = ["dbt_project.yml", "models", "macros", "seeds", "data-tests"]


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# MARK: Projects

def profile_name(project_dir):
    for line in open(os.path.join(project_dir, "dbt_project.yml")):
        if line.startswith("profile:"):
            return line.split(":", 1)[1].strip().strip("'\"")
    return "bench"


def profiles_yml(project_dir, target, tool):
    """A dbt-sqlite profile with the database under the project, or a dbt-postgres one with a schema per tool."""
    name = profile_name(project_dir)
    if target == "postgres":
        env = os.environ
        return (f"{name}:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
                f"      host: {env['PGHOST']}\n      port: {env.get('PGPORT', '5432')}\n"
                f"      user: {env.get('PGUSER', 'postgres')}\n      password: \"{env.get('PGPASSWORD', '')}\"\n"
                f"      dbname: {env.get('PGDATABASE', 'postgres')}\n      schema: bench_{tool}\n")
    db_dir = os.path.join(project_dir, "db")
    return (f"{name}:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
            "      database: database\n      schema: main\n      schemas_and_paths:\n"
            f"        main: {os.path.join(db_dir, 'main.db')}\n      schema_directory: {db_dir}\n")


def ensure_project(work, kind, size):
    """Generates a project once; later runs reuse it while the generator arguments are the same."""
    name = {"synthetic": f"models_{size}", "chain": f"chain_{size}", "seed": f"seed_{size}",
            "attribution": "attribution"}[kind]
    out = os.path.join(work, "projects", name)
    stamp = os.path.join(out, ".bench-stamp")
    wanted = f"{kind} {size} {GENERATOR_VERSION}"
    if kind == "attribution":
        # Copied afresh each run: the repository's project is what is measured.
        wanted += " " + str(time.time())
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        for part in ATTRIBUTION_PARTS:
            source = os.path.join(ROOT, part)
            (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(out, part))
    elif os.path.exists(stamp) and open(stamp).read() == wanted:
        return out
    else:
        log(f"generating {kind} project of {size:,} to {out}")
        script, flag = {"synthetic": ("generate_project.py", "--models"), "chain": ("generate_chain.py", "--models"),
                        "seed": ("generate_csv.py", "--rows")}[kind]
        subprocess.run([sys.executable, os.path.join(HERE, script), flag, str(size), "--out", out],
                       check=True, stdout=subprocess.DEVNULL)
    with open(stamp, "w") as f:
        f.write(wanted)
    return out


def tool_copy(project, tool, target):
    """Each tool runs in its own copy of a project, so target/ and databases never mix."""
    copy = f"{project}-{tool}-{target}"
    stamp = os.path.join(project, ".bench-stamp")
    copy_stamp = os.path.join(copy, ".bench-stamp")
    if not (os.path.exists(copy_stamp) and open(copy_stamp).read() == open(stamp).read()):
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(project, copy, ignore=shutil.ignore_patterns("target", "db", "logs"))
    with open(os.path.join(copy, "profiles.yml"), "w") as f:
        f.write(profiles_yml(copy, target, tool))
    os.makedirs(os.path.join(copy, "db"), exist_ok=True)
    return copy


def reset_database(project, target, tool):
    db = os.path.join(project, "db")
    shutil.rmtree(db, ignore_errors=True)
    os.makedirs(db)
    if target == "postgres":
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-c", f"drop schema if exists bench_{tool} cascade"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# MARK: Timing

def run_once(argv, cwd, env):
    """Wall time (s) and peak RSS (MB) of one command, from wait4's rusage of that child."""
    with open(os.path.join(cwd, "bench-last.log"), "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    if code != 0:
        tail = open(os.path.join(cwd, "bench-last.log"), errors="replace").read()[-2000:]
        raise RuntimeError(f"`{' '.join(argv)}` exited with {code} in {cwd}:\n{tail}")
    return wall, usage.ru_maxrss / 1024.0, cpu  # ru_maxrss is in KiB on Linux


def summary(walls, rss=0.0, cpus=()):
    return {"median": statistics.median(walls), "min": min(walls), "max": max(walls), "rss": rss,
            "cpu": statistics.median(cpus) if cpus else None, "runs": len(walls), "samples": walls}


def measure(argv, cwd, env, runs, warmup, before_each=None):
    samples = []
    for i in range(warmup + runs):
        if before_each:
            before_each()
        sample = run_once(argv, cwd, env)
        if i >= warmup:
            samples.append(sample)
    return summary([s[0] for s in samples], max(s[1] for s in samples), [s[2] for s in samples])


# MARK: Tools

def find_dbt():
    for candidate in [os.environ.get("DBT"), "/work/dbt-venv/bin/dbt", shutil.which("dbt")]:
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


def build_sql_trace(work):
    """The LD_PRELOAD library that records the statements swiftdbt prepares (sql_trace.c)."""
    library = os.path.join(work, "sql_trace.so")
    subprocess.run(["cc", "-shared", "-fPIC", "-O2", "-o", library, os.path.join(HERE, "sql_trace.c"), "-ldl"],
                   check=True)
    return library


def start_postgres(work):
    """Uses $PGHOST's server, or starts scripts/postgres.sh's throwaway one; returns how to stop it."""
    if os.environ.get("PGHOST"):
        return None
    script = os.path.join(ROOT, "scripts", "postgres.sh")
    output = subprocess.run(["bash", "-c", f'. "{script}" start >&2 && env -0'], check=True,
                            capture_output=True, text=True).stdout
    started = dict(item.split("=", 1) for item in output.split("\0") if "=" in item)
    for key in ["PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD", "SWIFTDBT_PG_DIR", "SWIFTDBT_PG_BIN"]:
        os.environ[key] = started[key]
    log(f"started a throwaway PostgreSQL server on {started['PGHOST']}:{started['PGPORT']}")
    return lambda: subprocess.run(["bash", "-c", f'. "{script}" stop'], check=False)


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


def load_average():
    try:
        return open("/proc/loadavg").read().split()[:3]
    except OSError:
        return []


# MARK: Chain replay

def trace_statements(swiftdbt, copy, env, library):
    """Runs the build once with sql_trace.so loaded; returns the statements swiftdbt prepared, in order."""
    trace = os.path.join(copy, "sql-trace.txt")
    traced = dict(env, LD_PRELOAD=library, SWIFTDBT_SQL_TRACE=trace)
    reset_database(copy, "sqlite", "swiftdbt")
    run_once([swiftdbt, "build", "--project-dir", copy, "--profiles-dir", copy], copy, traced)
    statements = []
    with open(trace, "rb") as f:
        data = f.read()
    position = 0
    while position < len(data):
        newline = data.index(b"\n", position)
        length = int(data[position:newline])
        statements.append(data[newline + 1:newline + 1 + length].decode())
        position = newline + 1 + length + 1
    return statements


def replay(statements, copy, runs, warmup):
    """Times the statements alone through Python's sqlite3 (C underneath; no statement cache, autocommit,
    so BEGIN and COMMIT pass through as swiftdbt sent them) on a fresh database, in a child process."""
    script = (
        "import sqlite3, sys, time, json\n"
        "statements = json.load(open(sys.argv[2]))\n"
        "connection = sqlite3.connect(sys.argv[1], isolation_level=None, cached_statements=0)\n"
        "start = time.perf_counter()\n"
        "for sql in statements:\n"
        "    connection.execute(sql).fetchall()\n"
        "print(time.perf_counter() - start)\n")
    listing = os.path.join(copy, "sql-trace.json")
    with open(listing, "w") as f:
        json.dump(statements, f)
    walls = []
    for i in range(warmup + runs):
        reset_database(copy, "sqlite", "swiftdbt")
        out = subprocess.run([sys.executable, "-c", script, os.path.join(copy, "db", "main.db"), listing],
                             check=True, capture_output=True, text=True).stdout
        if i >= warmup:
            walls.append(float(out))
    return summary(walls)


# MARK: Benchmarks

def plan(args):
    """Each benchmark: label, project kind and size, command, target database, whether dbt runs it."""
    only = set(args.only.split(",")) if args.only else None
    sizes = [int(s) for s in args.sizes.split(",")] + ([100_000] if args.huge else [])
    dbt_sizes = None if args.dbt_sizes == "all" else {int(s) for s in args.dbt_sizes.split(",") if s}
    items = []

    def add(label, kind, size, command, target="sqlite", dbt=True, runs=None, note="", fresh=True):
        items.append({"label": label, "kind": kind, "size": size, "command": command, "target": target,
                      "dbt": dbt, "runs": runs, "note": note, "fresh": fresh})

    for command in ["parse", "compile"]:
        for size in sizes:
            add(f"{command} {size:,} models", "synthetic", size, command,
                dbt=dbt_sizes is None or size in dbt_sizes)
    add("ls, attribution project", "attribution", 0, "ls")
    add(f"build chain of {args.chain:,} views (SQLite)", "chain", args.chain, "build")
    add(f"rebuild chain of {args.chain:,} views, unchanged (SQLite)", "chain", args.chain, "build", fresh=False,
        note="over the views of the previous run")
    targets = ["sqlite"] + ([] if args.no_postgres else ["postgres"])
    for target in targets:
        name = "SQLite" if target == "sqlite" else "PostgreSQL"
        if args.dbt_seed_rows and args.dbt_seed_rows != args.seed_rows:
            add(f"seed {args.dbt_seed_rows:,} rows ({name})", "seed", args.dbt_seed_rows, "seed", target)
        add(f"seed {args.seed_rows:,} rows ({name})", "seed", args.seed_rows, "seed", target,
            dbt=args.dbt_seed_rows == args.seed_rows)
        if args.seed_memory_rows:
            add(f"seed {args.seed_memory_rows:,} rows ({name})", "seed", args.seed_memory_rows, "seed", target,
                dbt=False, runs=1, note="peak memory vs file size")
    return [item for item in items if only is None or item["command"] in only]


def fmt_time(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_result(result):
    if result is None:
        return "-", "-"
    if "error" in result:
        return "failed", "-"
    spread = f" ({fmt_time(result['min'])}–{fmt_time(result['max'])})" if result["runs"] > 1 else " (1 run)"
    return fmt_time(result["median"]) + spread, f"{result['rss']:.0f} MB"


def ratio(row):
    s, d = row["swiftdbt"], row["dbt"]
    if not s or not d or "error" in s or "error" in d:
        return "-"
    value = d["median"] / s["median"]
    return f"{value:.0f}x" if value >= 10 else f"{value:.1f}x"


def table(rows, dbt_note):
    lines = ["| benchmark | swiftdbt median (min–max) | swiftdbt peak RSS | dbt-core median (min–max) | dbt-core peak RSS "
             "| dbt / swiftdbt | notes |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        swift_time, swift_rss = fmt_result(row["swiftdbt"])
        if row["dbt"] is not None:
            dbt_time, dbt_rss = fmt_result(row["dbt"])
        else:
            dbt_time, dbt_rss = (dbt_note if row["dbt_wanted"] else "not run (size)"), "-"
        lines.append(f"| {row['label']} | {swift_time} | {swift_rss} | {dbt_time} | {dbt_rss} | {ratio(row)} "
                     f"| {'; '.join(row['notes'])} |")
    return "\n".join(lines)


def rows_per_second(rows, result):
    if not result or "error" in result:
        return None
    return f"{rows / result['median']:,.0f} rows/s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="model counts for parse and compile (default 1000,10000)")
    parser.add_argument("--huge", action="store_true", help="also parse and compile 100,000 models")
    parser.add_argument("--chain", type=int, default=1000, help="views in the chain `build` runs on (default 1000)")
    parser.add_argument("--seed-rows", type=int, default=1_000_000, help="rows of the seed CSV (default 1,000,000)")
    parser.add_argument("--seed-memory-rows", type=int, default=3_000_000,
                        help="rows of a larger CSV seeded once to compare peak memory (default 3,000,000; 0: skip)")
    parser.add_argument("--only", help="comma-separated commands to run: parse,compile,ls,build,seed")
    parser.add_argument("--runs", type=int, default=5, help="timed swiftdbt runs per benchmark (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed swiftdbt runs first (default 1)")
    parser.add_argument("--dbt-runs", type=int, default=1, help="timed dbt-core runs per benchmark (default 1: dbt is slow)")
    parser.add_argument("--dbt-warmup", type=int, default=0, help="untimed dbt-core runs first (default 0)")
    parser.add_argument("--dbt-sizes", default="1000",
                        help="model counts at which dbt-core runs parse and compile: a list, or 'all' (default 1000)")
    parser.add_argument("--dbt-seed-rows", type=int, default=100_000,
                        help="rows of the CSV dbt-core seeds; swiftdbt seeds it too, for the ratio (default 100,000)")
    parser.add_argument("--no-dbt", action="store_true", help="skip dbt-core even when installed")
    parser.add_argument("--no-postgres", action="store_true", help="skip the PostgreSQL seed benchmarks")
    parser.add_argument("--work", default=os.environ.get("SWIFTDBT_BENCH_DIR", "/tmp/swiftdbt-bench"),
                        help="where projects are generated and run (default /tmp/swiftdbt-bench)")
    parser.add_argument("--scratch-path", default=os.path.join(ROOT, ".build-bench"), help="swift build scratch path")
    parser.add_argument("--swiftdbt", help="use this swiftdbt binary instead of building one")
    parser.add_argument("--markdown", help="also write the table (with method notes) to this file")
    parser.add_argument("--json", help="also write every sample to this JSON file")
    args = parser.parse_args()

    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    swiftdbt = os.path.abspath(args.swiftdbt) if args.swiftdbt else build_swiftdbt(args.scratch_path)
    dbt = None if args.no_dbt else find_dbt()
    dbt_note = "skipped (--no-dbt)" if args.no_dbt else "not installed"
    if dbt is None and not args.no_dbt:
        log("dbt-core not found ($DBT, /work/dbt-venv/bin/dbt or `dbt` on PATH): the dbt columns stay empty.")
    env = dict(os.environ)
    env.update({"DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DO_NOT_TRACK": "1", "NO_COLOR": "1",
                "DBT_USE_COLORS": "false"})
    env.pop("DBT_PROFILES_DIR", None)
    dbt_version = ""
    if dbt:
        listing = subprocess.run([dbt, "--version"], capture_output=True, text=True, env=env).stdout
        versions = [line.strip(" -").split(":") for line in listing.splitlines() if ":" in line]
        parts = [f"{name.strip()} {value.split()[0]}" for name, value, *_ in versions
                 if name.strip() in ("installed", "sqlite", "postgres") and value.split()]
        dbt_version = ", ".join(p.replace("installed", "dbt-core").replace("sqlite", "dbt-sqlite")
                                .replace("postgres", "dbt-postgres") for p in parts)
        log(f"dbt-core: {dbt} ({dbt_version})")

    items = plan(args)
    stop_postgres = start_postgres(args.work) if any(i["target"] == "postgres" for i in items) else None
    env.update({k: os.environ[k] for k in ["PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD"] if k in os.environ})
    loads = [load_average()]
    rows = []
    try:
        for item in items:
            rows.append(run_item(item, args, swiftdbt, dbt, env))
            loads.append(load_average())
    finally:
        if stop_postgres:
            stop_postgres()

    result = table(rows, dbt_note)
    print(result)
    notes = (f"Machine: {machine()}. swiftdbt: release build; {args.runs} timed runs after {args.warmup} warm-up "
             "unless the row says 1 run. "
             + (f"dbt-core ({dbt_version}): {args.dbt_runs} timed run(s) after {args.dbt_warmup} warm-up, "
                "--no-partial-parse, at the sizes shown." if dbt else "dbt-core: not run.")
             + f" Load average (1, 5, 15 min) at start and after each benchmark: {' | '.join(' '.join(l) for l in loads)}.")
    print("\n" + notes)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(result + "\n\n" + notes + "\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"machine": machine(), "dbt": dbt_version, "loads": loads, "rows": rows}, f, indent=2)


def run_item(item, args, swiftdbt, dbt, env):
    project = ensure_project(args.work, item["kind"], item["size"])
    row = {"label": item["label"], "command": item["command"], "size": item["size"], "target": item["target"],
           "swiftdbt": None, "dbt": None, "dbt_wanted": item["dbt"], "notes": [item["note"]] if item["note"] else []}
    resets = item["command"] in ("build", "seed") and item["fresh"]
    tools = [("swiftdbt", [swiftdbt], item["runs"] or args.runs, 0 if item["runs"] else args.warmup)]
    if dbt and item["dbt"]:
        tools.append(("dbt", [dbt], args.dbt_runs, args.dbt_warmup))
    for tool, prefix, runs, warmup in tools:
        copy = tool_copy(project, tool, item["target"])
        argv = prefix + [item["command"], "--project-dir", copy, "--profiles-dir", copy]
        if tool == "dbt":
            argv += ["--no-partial-parse"]
        before = (lambda c=copy, t=tool: reset_database(c, item["target"], t)) if resets else None
        log(f"{item['label']}: {tool}, {warmup} warm-up + {runs} run(s)")
        try:
            row[tool] = measure(argv, copy, env, runs, warmup, before)
            log(f"  median {fmt_time(row[tool]['median'])}, peak RSS {row[tool]['rss']:.0f} MB")
        except RuntimeError as error:
            log(f"  FAILED: {error}")
            row[tool] = {"error": str(error)}
    if item["command"] == "seed":
        for tool in ["swiftdbt", "dbt"]:
            speed = rows_per_second(item["size"], row[tool])
            if speed:
                row["notes"].append(f"{tool} {speed}")
    if item["kind"] == "chain" and resets and row["swiftdbt"] and "error" not in row["swiftdbt"]:
        copy = tool_copy(project, "swiftdbt", "sqlite")
        statements = trace_statements(swiftdbt, copy, env, build_sql_trace(args.work))
        row["sql_replay"] = replay(statements, copy, args.runs, args.warmup)
        overhead = (row["swiftdbt"]["median"] - row["sql_replay"]["median"]) / item["size"]
        row["overhead_per_model"] = overhead
        row["notes"].append(f"SQL alone {fmt_time(row['sql_replay']['median'])} ({len(statements):,} statements "
                            f"replayed); swiftdbt overhead {overhead * 1000:.2f} ms/model")
        log("  " + row["notes"][-1])
    return row


if __name__ == "__main__":
    main()
