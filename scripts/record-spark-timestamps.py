#!/usr/bin/env python3
"""Records what a macro gets from run_query for zoned and plain timestamps under dbt-spark 1.11 (session method), the
reference SparkProjectTests.testZonedTimestampsReachMacrosInTheLocalTimeZone checks swiftdbt's against.

Needs a Spark Connect server (`. scripts/spark.sh start` exports SPARK_REMOTE) and a virtual environment with dbt-spark
(see scripts/record-spark-materialization-reference.py). Runs the spark_starter fixture's `log_timestamps` macro (the
session set to America/New_York) with the process in TZ=Asia/Tokyo and in TZ=UTC, and prints the lines it logs.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(REPOSITORY, "Tests", "SparkAdapterTests", "Fixtures", "spark_starter")


def main():
    root = tempfile.mkdtemp(prefix="dbt-spark-timestamps-")
    try:
        project = os.path.join(root, "spark_starter")
        shutil.copytree(FIXTURE, project)
        with open(os.path.join(project, "profiles.yml"), "w") as file:
            file.write("spark_starter:\n  target: dev\n  outputs:\n    dev:\n      type: spark\n"
                       "      method: session\n      host: NA\n      schema: reference_timestamps\n      threads: 1\n")
        for zone in ("Asia/Tokyo", "UTC"):
            run = subprocess.run([os.path.join(os.path.dirname(sys.executable), "dbt"), "run-operation", "log_timestamps",
                                  "--profiles-dir", "."], cwd=project, capture_output=True, text=True,
                                 env={**os.environ, "TZ": zone})
            print(f"TZ={zone}")
            for line in run.stdout.splitlines():
                match = re.match(r"^(?:\x1b\[0m)?\d\d:\d\d:\d\d  ((?:zoned|summer|plain): .*)$", line)
                if match:
                    print("  " + match.group(1))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
