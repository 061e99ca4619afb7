#!/usr/bin/env python3
"""Records what dbt-core 1.10 does with the fixture Tests/Fixtures/execution/materialized_views, for
Tests/Fixtures/reference/materialized-views.json: for each step (a fresh copy of the fixture, dbt commands), the
exit codes, each failed node's message and the warnings about `on_configuration_change`, every table's and
materialized view's rows (sorted), the kind of each relation, and each index (relation, columns, unique).
dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`); dbt-sqlite the one step it has (an error).
Usage (with a Python that has psycopg2, such as the venv's): python3 scripts/record-materialized-view-reference.py [dbt]"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/execution/materialized_views")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/materialized-views.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"
CHANGED = "{more: true, mv_indexes: [{columns: [name], unique: true}], occ: %s}"

STEPS = {
    "postgres": [
        ("create_then_refresh", [["run"], ["run", "--vars", "{more: true}"]]),
        ("indexes_apply", [["run"], ["run", "--vars", CHANGED % "apply"]]),
        ("indexes_continue", [["run"], ["run", "--vars", CHANGED % "continue"]]),
        ("indexes_fail", [["run"], ["run", "--vars", CHANGED % "fail"]]),
        ("full_refresh", [["run"], ["run", "--select", "base", "--vars", "{more: true}"], ["run", "--select", "mv", "--full-refresh"]]),
    ],
    "sqlite": [("unsupported", [["run"]])],
}
WARNING = re.compile(r"on_configuration_change")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def profile(adapter, project, schema):
    if adapter == "sqlite":
        return ("materialized_views:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                "      database: main\n      schema: main\n      schemas_and_paths:\n"
                f"        main: {project}/target/materialized_views.sqlite\n      schema_directory: {project}/target\n")
    return ("materialized_views:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
            f"      host: {os.environ['PGHOST']}\n      port: {os.environ.get('PGPORT', '5432')}\n"
            f"      user: {os.environ.get('PGUSER', 'postgres')}\n      pass: \"{os.environ.get('PGPASSWORD', '')}\"\n"
            f"      dbname: {os.environ.get('PGDATABASE', 'postgres')}\n      schema: {schema}\n")


def relations(adapter, schema):
    """{name: {"kind", "rows", "indexes"}} of the schema's tables, views and materialized views (PostgreSQL)."""
    if adapter == "sqlite":
        return {}
    import psycopg2
    db = psycopg2.connect(host=os.environ["PGHOST"], port=os.environ.get("PGPORT", "5432"),
                          user=os.environ.get("PGUSER", "postgres"), password=os.environ.get("PGPASSWORD", ""),
                          dbname=os.environ.get("PGDATABASE", "postgres"))
    cur = db.cursor()
    cur.execute("select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                "where n.nspname = %s and c.relkind in ('r', 'v', 'm') order by 1", (schema,))
    out = {}
    for name, kind in cur.fetchall():
        cur.execute(f'select * from "{schema}"."{name}"')
        rows = sorted([list(r) for r in cur.fetchall()], key=repr)
        cur.execute("select x.indisunique, array_to_string(array(select a.attname from unnest(x.indkey) k(n) "
                    "join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.n), ',') from pg_index x "
                    "join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace "
                    "where n.nspname = %s and t.relname = %s order by 2, 1", (schema, name))
        out[name] = {"kind": {"r": "table", "v": "view", "m": "materialized_view"}[kind], "rows": rows,
                     "indexes": [{"columns": c, "unique": u} for u, c in cur.fetchall()]}
    cur.execute(f'drop schema if exists "{schema}" cascade')
    db.commit()
    return out


def record(adapter):
    results = {}
    for name, runs in STEPS[adapter]:
        work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
        try:
            project = os.path.join(work, "materialized_views")
            shutil.copytree(FIXTURE, project)
            os.makedirs(project + "/target", exist_ok=True)
            schema = "ref_" + uuid.uuid4().hex[:8]
            with open(project + "/profiles.yml", "w") as f:
                f.write(profile(adapter, project, schema))
            codes, messages, warnings = [], [], []
            env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
            for arguments in runs:
                done = subprocess.run([DBT] + arguments + ["--profiles-dir", project], cwd=project, env=env,
                                      capture_output=True, text=True)
                codes.append(done.returncode)
                with open(project + "/target/run_results.json") as f:
                    run = json.load(f)
                messages.append({r["unique_id"].split(".")[-1]: r["message"] for r in run["results"] if r["status"] == "error"})
                warnings.append(sorted({ANSI.sub("", line).split("  ", 1)[-1].strip()
                                        for line in (done.stdout + done.stderr).splitlines() if WARNING.search(line)}))
            results[name] = {"runs": runs, "exit_codes": codes, "messages": messages, "warnings": warnings,
                             "relations": relations(adapter, schema)}
        finally:
            shutil.rmtree(work)
    return results


def main():
    version = subprocess.run([DBT, "--version"], capture_output=True, text=True).stdout
    reference = {"dbt": next((line.strip() for line in version.splitlines() if "installed" in line), ""),
                 "sqlite": record("sqlite")}
    if os.environ.get("PGHOST"):
        reference["postgres"] = record("postgres")
    with open(OUTPUT, "w") as f:
        json.dump(reference, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
