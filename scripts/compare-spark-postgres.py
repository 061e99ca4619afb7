#!/usr/bin/env python3
"""Compares the tables a project built on Spark with the ones it built on PostgreSQL: for every table and view of
the PostgreSQL schema, the row count and an order-independent checksum of every column must match the relation
of the same name in the Spark schema.

Run with the Python of scripts/spark.sh's virtual environment (pyspark), with PostgreSQL's `psql` on the PATH:

    /tmp/swiftdbt-spark-venv/bin/python scripts/compare-spark-postgres.py PG_SCHEMA SPARK_SCHEMA

PostgreSQL is reached through the usual PG* variables (scripts/postgres.sh exports them), Spark through
SPARK_REMOTE (scripts/spark.sh). Values are compared as normalised text: numbers to 9 significant digits (Spark's
`float` is single precision where PostgreSQL's is double), booleans as true/false, timestamps without a trailing
`.0`. Prints one line per relation and a summary; exits 1 when anything differs.
"""
import csv
import decimal
import hashlib
import io
import os
import subprocess
import sys


def normalise(value):
    if value is None or value == "":
        return "<null>"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if text in ("t", "f"):
        return "true" if text == "t" else "false"
    try:
        number = decimal.Decimal(text)
        if number.is_finite():
            return format(float(number), ".9g")
    except (decimal.InvalidOperation, ValueError):
        pass
    if len(text) >= 19 and text[4] == "-" and text[10] in " T":
        text = text.replace("T", " ")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return text


def checksums(columns, rows):
    """Per column (lower-cased name): a SHA-256 of its sorted, normalised values."""
    result = {}
    for index, name in enumerate(columns):
        values = sorted(normalise(row[index]) for row in rows)
        result[name.lower()] = hashlib.sha256("\x1f".join(values).encode()).hexdigest()[:16]
    return result


def psql(sql):
    out = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", f"copy ({sql}) to stdout with (format csv, header, null '')"],
                         check=True, capture_output=True, text=True).stdout
    table = list(csv.reader(io.StringIO(out)))
    return table[0], table[1:]


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    pg_schema, spark_schema = sys.argv[1], sys.argv[2]
    from pyspark.sql import SparkSession
    spark = SparkSession.builder.remote(os.environ["SPARK_REMOTE"]).getOrCreate()
    _, names = psql("select table_name from information_schema.tables where table_schema = '"
                    + pg_schema.replace("'", "''") + "' order by 1")
    differing = 0
    for (name,) in names:
        columns, rows = psql(f'select * from "{pg_schema}"."{name}"')
        try:
            frame = spark.sql(f"select * from `{spark_schema}`.`{name}`")
            spark_rows = [tuple(row) for row in frame.collect()]
            spark_sums = checksums(frame.columns, spark_rows)
        except Exception as error:  # a missing relation or a failing view
            print(f"DIFF {name}: not readable on Spark: {str(error).splitlines()[0]}")
            differing += 1
            continue
        pg_sums = checksums(columns, rows)
        problems = []
        if len(rows) != len(spark_rows):
            problems.append(f"rows {len(rows)} (postgres) vs {len(spark_rows)} (spark)")
        for column, checksum in pg_sums.items():
            if column not in spark_sums:
                problems.append(f"column {column} missing on spark")
            elif spark_sums[column] != checksum:
                problems.append(f"column {column} differs")
        if problems:
            differing += 1
            print(f"DIFF {name}: " + "; ".join(problems))
        else:
            print(f"same {name}: {len(rows)} rows, {len(columns)} columns")
    print(f"{len(names) - differing} of {len(names)} relations equal")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
