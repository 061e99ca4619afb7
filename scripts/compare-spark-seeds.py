#!/usr/bin/env python3
"""Compares the seed tables swiftdbt loads on Spark with the ones dbt-spark 1.11 loads from the same project, on the
same server: column names and types (`describe table`) and the rows, exactly (as sorted lists of Python values).

dbt-spark's `session` method writes each seed value into the SQL as '<value>' without escaping, so a value holding a
quote (O'Brien) fails its seed with a syntax error. Such a seed is compared instead with the CSV file as Spark's own
reader loads it (header, RFC 4180 quoting, empty fields as null), cast to the column types swiftdbt gave the table.

Run with the Python of a virtual environment holding dbt-spark (session method) and pyspark, the server named by
SPARK_REMOTE (`. scripts/spark.sh start` exports it), and swiftdbt built:

    /tmp/dbt-spark-venv/bin/python scripts/compare-spark-seeds.py PROJECT_FOLDER [SWIFTDBT_EXECUTABLE]

Prints one line per seed and a summary; exits 1 when anything differs.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def copy_project(source, root, name, profile, schema, method):
    project = os.path.join(root, name)
    shutil.copytree(source, project, ignore=shutil.ignore_patterns("target", "dbt_packages", "logs", ".git"))
    connection = "      method: session\n      host: NA\n" if method == "session" else (
        f"      method: connect\n      host: {os.environ['SPARK_REMOTE'].split('//')[1].split(':')[0]}\n"
        f"      port: {os.environ['SPARK_REMOTE'].rsplit(':', 1)[1].split('/')[0]}\n")
    with open(os.path.join(project, "profiles.yml"), "w") as file:
        file.write(f"{profile}:\n  target: dev\n  outputs:\n    dev:\n      type: spark\n{connection}"
                   f"      schema: {schema}\n      threads: 1\n")
    return project


def profile_name(project):
    with open(os.path.join(project, "dbt_project.yml")) as file:
        for line in file:
            if line.startswith("profile:"):
                return line.split(":", 1)[1].strip().strip("'\"")
    raise SystemExit("no profile in dbt_project.yml")


def table(spark, relation):
    columns = [(row["col_name"], row["data_type"]) for row in spark.sql(f"describe table {relation}").collect()]
    columns = columns[:next((i for i, c in enumerate(columns) if not c[0] or c[0].startswith("#")), len(columns))]
    rows = sorted((tuple(row) for row in spark.sql(f"select * from {relation}").collect()), key=repr)
    return columns, rows


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    source = os.path.abspath(sys.argv[1])
    swiftdbt = sys.argv[2] if len(sys.argv) == 3 else os.path.join(REPOSITORY, ".build", "debug", "swiftdbt")
    from pyspark.sql import SparkSession
    spark = SparkSession.builder.remote(os.environ["SPARK_REMOTE"]).getOrCreate()
    suffix = uuid.uuid4().hex[:8]
    reference_schema, our_schema = f"seeds_dbt_{suffix}", f"seeds_swiftdbt_{suffix}"
    root = tempfile.mkdtemp(prefix="compare-spark-seeds-")
    differing = 0
    try:
        profile = profile_name(source)
        reference = copy_project(source, root, "dbt-spark", profile, reference_schema, "session")
        ours = copy_project(source, root, "swiftdbt", profile, our_schema, "connect")
        dbt = os.path.join(os.path.dirname(sys.executable), "dbt")
        subprocess.run([dbt, "seed", "--profiles-dir", "."], cwd=reference, capture_output=True, text=True)
        run = subprocess.run([swiftdbt, "seed", "--profiles-dir", "."], cwd=ours, capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stdout + run.stderr)
            return 1
        with open(os.path.join(reference, "target", "run_results.json")) as file:
            loaded = {result["unique_id"].split(".")[-1] for result in json.load(file)["results"] if result["status"] == "success"}
        seeds = sorted(glob.glob(os.path.join(ours, "seeds", "**", "*.csv"), recursive=True))
        for path in seeds:
            name = os.path.splitext(os.path.basename(path))[0]
            columns, rows = table(spark, f"`{our_schema}`.`{name}`")
            if name in loaded:
                against = "dbt-spark's table"
                reference_columns, reference_rows = table(spark, f"`{reference_schema}`.`{name}`")
            else:
                against = "Spark's CSV reader (dbt-spark's seed failed)"
                ddl = ", ".join(f"`{column}` {kind}" for column, kind in columns)
                frame = spark.read.csv(path, header=True, quote='"', escape='"', schema=ddl, mode="FAILFAST")
                reference_columns = columns
                reference_rows = sorted((tuple(row) for row in frame.collect()), key=repr)
            problems = []
            if columns != reference_columns:
                problems.append(f"columns {columns} vs {reference_columns}")
            if rows != reference_rows:
                missing = [row for row in reference_rows if row not in rows][:3]
                extra = [row for row in rows if row not in reference_rows][:3]
                problems.append(f"rows {len(rows)} vs {len(reference_rows)}; only in reference {missing}; only in swiftdbt {extra}")
            if problems:
                differing += 1
                print(f"DIFF {name} against {against}: " + "; ".join(problems))
            else:
                print(f"same {name} as {against}: {len(rows)} rows, columns {', '.join(f'{c} {t}' for c, t in columns)}")
        print(f"{len(seeds) - differing} of {len(seeds)} seeds equal")
        return 1 if differing else 0
    finally:
        for schema in (reference_schema, our_schema):
            spark.sql(f"drop database if exists `{schema}` cascade")
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
