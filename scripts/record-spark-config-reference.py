#!/usr/bin/env python3
"""Records what dbt-spark 1.11 does with the configs of Tests/SparkAdapterTests/Fixtures/spark_materializations/
models/configs on this server (parquet tables, no Unity Catalog): `on_schema_change`, `persist_docs`, `grants` and
a test's `store_failures`, the reference SparkMaterializationTests checks swiftdbt against.

Needs a Spark Connect server (`. scripts/spark.sh start` exports SPARK_REMOTE) and dbt-spark (method `session`):

    python3 -m venv /tmp/dbt-spark-venv
    /tmp/dbt-spark-venv/bin/pip install "dbt-spark[session]==1.11.*" "pyspark[connect]==4.3.0" "dbt-core==1.10.*"
    /tmp/dbt-spark-venv/bin/python scripts/record-spark-config-reference.py

Runs the models twice (the second time with `n: 2`), then the data tests of m_docs_table, in a temporary copy and
schema, and prints each run's node statuses and messages (without Spark's stack trace), and each relation's
columns (name, type, comment), comment and rows as JSON.
"""
import json
import os
import sys

from pyspark.sql import SparkSession

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "SparkAdapterTests", "Fixtures", "spark_materializations")
SCHEMA = "reference_configs"
DBT = [os.path.join(os.path.dirname(sys.executable), "dbt")]


def statuses(project, arguments):
    dbt_reference.run_dbt(project, arguments, command=DBT)
    return {r["unique_id"].split(".")[-1]: [r["status"], " ".join((r["message"] or "").split("JVM stacktrace")[0].split()),
                                            r.get("failures")]
            for r in dbt_reference.run_results(project)}


def relation(spark, schema, name):
    described = spark.sql(f"describe table extended `{schema}`.`{name}`").collect()
    comment = next((row[1] for row in described if row[0] == "Comment"), None)
    columns = []
    for row in described:
        if not row[0] or row[0].startswith("#"):
            break
        columns.append([row[0], row[1], row[2]])
    rows = sorted([list(map(str, r)) for r in spark.sql(f"select * from `{schema}`.`{name}`").collect()])
    return {"columns": columns, "comment": comment, "rows": rows}


def main():
    spark = SparkSession.builder.remote(os.environ["SPARK_REMOTE"]).getOrCreate()
    profile = ("spark_materializations:\n  target: dev\n  outputs:\n    dev:\n      type: spark\n"
               f"      method: session\n      host: NA\n      schema: {SCHEMA}\n      threads: 1\n")
    try:
        with dbt_reference.project_copy(FIXTURE, "spark_materializations", profile) as project:
            select = ["--select", "path:models/configs"]
            runs = {
                "first": statuses(project, ["run", *select]),
                "second": statuses(project, ["run", *select, "--vars", "{n: 2}"]),
                "test": statuses(project, ["test", "--select", "m_docs_table"]),
            }
        relations = {}
        for schema in [SCHEMA, SCHEMA + "_dbt_test__audit"]:
            if spark.sql(f"show databases like '{schema}'").count():
                for row in spark.sql(f"show tables in `{schema}`").collect():
                    if not row["isTemporary"]:
                        relations[schema + "." + row["tableName"]] = relation(spark, schema, row["tableName"])
        print(json.dumps({"runs": runs, "relations": relations}, indent=2, sort_keys=True))
    finally:
        for schema in [SCHEMA, SCHEMA + "_dbt_test__audit"]:
            spark.sql(f"drop database if exists `{schema}` cascade")


if __name__ == "__main__":
    main()
