#!/usr/bin/env python3
"""Records what dbt-spark 1.11 builds from Tests/SparkAdapterTests/Fixtures/spark_materializations, the reference
SparkMaterializationTests checks swiftdbt's tables against.

Needs a Spark Connect server (`. scripts/spark.sh start` exports SPARK_REMOTE) and a virtual environment with
dbt-spark (its `session` method reaches the server through SPARK_REMOTE):

    python3 -m venv /tmp/dbt-spark-venv
    /tmp/dbt-spark-venv/bin/pip install "dbt-spark[session]==1.11.*" "pyspark[connect]==4.3.0" "dbt-core==1.10.*"
    /tmp/dbt-spark-venv/bin/python scripts/record-spark-materialization-reference.py

Runs the fixture as the test does (a first run, a second with `n: 2` without m_located, then m_merge alone) in a
temporary copy and schema, and prints each run's node statuses (messages without Spark's stack trace) and every table's rows as JSON.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from pyspark.sql import SparkSession

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(REPOSITORY, "Tests", "SparkAdapterTests", "Fixtures", "spark_materializations")
SCHEMA = "reference_materializations"


def dbt(project, *arguments):
    command = [os.path.join(os.path.dirname(sys.executable), "dbt"), "run", "--profiles-dir", ".", *arguments]
    subprocess.run(command, cwd=project, capture_output=True, text=True)
    with open(os.path.join(project, "target", "run_results.json")) as file:
        results = json.load(file)["results"]
    return {result["unique_id"].split(".")[-1]: [result["status"], " ".join((result["message"] or "").split("JVM stacktrace")[0].split())] for result in results}


def main():
    spark = SparkSession.builder.remote(os.environ["SPARK_REMOTE"]).getOrCreate()
    root = tempfile.mkdtemp(prefix="dbt-spark-reference-")
    try:
        project = os.path.join(root, "spark_materializations")
        shutil.copytree(FIXTURE, project)
        with open(os.path.join(project, "profiles.yml"), "w") as file:
            file.write("spark_materializations:\n  target: dev\n  outputs:\n    dev:\n      type: spark\n"
                       f"      method: session\n      host: NA\n      schema: {SCHEMA}\n      threads: 1\n")
        with open(os.path.join(project, "models", "m_located.sql"), "w") as file:
            file.write(f"{{{{ config(materialized='table', location_root='{root}/located') }}}}\nselect 7 as id\n")
        runs = {
            "first": dbt(project, "--exclude", "m_merge", "path:models/configs"),
            "second": dbt(project, "--exclude", "m_merge", "m_located", "path:models/configs", "--vars", "{n: 2}"),
            "merge": dbt(project, "--select", "m_merge"),
        }
        tables = {}
        for row in spark.sql(f"show tables in `{SCHEMA}`").collect():
            name = row["tableName"]
            tables[name] = sorted([list(map(str, r)) for r in spark.sql(f"select * from `{SCHEMA}`.`{name}`").collect()])
        print(json.dumps({"runs": runs, "tables": tables}, indent=2, sort_keys=True))
    finally:
        spark.sql(f"drop database if exists `{SCHEMA}` cascade")
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
