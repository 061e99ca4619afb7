#!/usr/bin/env python3
"""Records the batches dbt-core 1.10's MicrobatchBuilder computes for a set of microbatch configs, for
Tests/Fixtures/reference/microbatch-batches.json: each case gives `batch_size`, `begin`, `lookback`, whether the run
is incremental (the table exists), `--event-time-start`/`--event-time-end` and the invocation time ("now"); the
batches are recorded as [start, end] ISO strings, as run_results.json writes them.
Usage: /tmp/dbt-venv/bin/python scripts/record-microbatch-batches.py  (a venv with `pip install "dbt-core==1.10.*"`)."""
import json
import os
from datetime import datetime
from types import SimpleNamespace

import pytz

from dbt.contracts.graph.model_config import NodeConfig
from dbt.materializations.incremental.microbatch import MicrobatchBuilder

OUTPUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "reference", "microbatch-batches.json")
CASES = [
    {"batch_size": "day", "begin": "2024-01-01", "lookback": 1, "incremental": False, "start": None, "end": None, "now": "2024-01-04 10:30:00"},
    {"batch_size": "day", "begin": "2024-01-01", "lookback": 1, "incremental": True, "start": None, "end": None, "now": "2024-01-04 10:30:00"},
    {"batch_size": "day", "begin": "2024-01-01", "lookback": 3, "incremental": True, "start": None, "end": None, "now": "2024-01-04 00:00:00"},
    {"batch_size": "hour", "begin": "2024-01-01", "lookback": 2, "incremental": True, "start": None, "end": None, "now": "2024-01-04 10:30:00"},
    {"batch_size": "hour", "begin": "2024-01-01", "lookback": 1, "incremental": False, "start": "2024-01-03 22:15:00", "end": "2024-01-04 01:10:00", "now": "2024-02-01 00:00:00"},
    {"batch_size": "month", "begin": "2023-11-15", "lookback": 1, "incremental": False, "start": None, "end": None, "now": "2024-03-31 23:00:00"},
    {"batch_size": "month", "begin": "2023-01-01", "lookback": 2, "incremental": True, "start": None, "end": None, "now": "2024-03-01 00:00:00"},
    {"batch_size": "year", "begin": "2020-06-01", "lookback": 1, "incremental": False, "start": None, "end": None, "now": "2023-02-01 00:00:00"},
    {"batch_size": "year", "begin": "2020-06-01", "lookback": 1, "incremental": True, "start": None, "end": "2022-07-01", "now": "2030-01-01 00:00:00"},
]


def parse(text):
    return datetime.fromisoformat(text) if text else None


def main():
    out = []
    for case in CASES:
        config = NodeConfig(materialized="incremental", incremental_strategy="microbatch", event_time="t",
                            batch_size=case["batch_size"], begin=parse(case["begin"]), lookback=case["lookback"])
        builder = MicrobatchBuilder(SimpleNamespace(config=config, name="m"), is_incremental=case["incremental"],
                                    event_time_start=parse(case["start"]), event_time_end=parse(case["end"]),
                                    default_end_time=parse(case["now"]).replace(tzinfo=pytz.UTC))
        end = builder.build_end_time()
        start = builder.build_start_time(end)
        batches = builder.build_batches(start, end)
        out.append(dict(case, batches=[[b[0].isoformat(), b[1].isoformat()] for b in batches]))
    with open(OUTPUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
