#!/usr/bin/env python3
"""Writes a seed project with one large CSV of mixed column types, for `seed` benchmarks.

Eight columns: integer id, decimal amount, text name, low-cardinality text category, date,
timestamp, boolean, and an integer with empty fields (NULLs). Deterministic for a given --rows.

Usage: python3 Benchmarks/generate_csv.py --rows 1000000 --out /tmp/seed_1m
"""
import argparse
import datetime
import os
import random
import shutil

CATEGORIES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
WORDS = ["red", "green", "blue", "amber", "violet", "cyan", "olive", "coral", "ivory", "slate"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "seeds"))
    with open(os.path.join(args.out, "dbt_project.yml"), "w") as f:
        f.write("name: seedbench\nversion: '1.0'\nprofile: bench\n")
    start = datetime.date(2020, 1, 1)
    base = datetime.datetime(2020, 1, 1)
    with open(os.path.join(args.out, "seeds", "big_seed.csv"), "w") as f:
        f.write("id,amount,name,category,order_date,updated_at,is_active,score\n")
        lines = []
        for i in range(1, args.rows + 1):
            amount = f"{rng.randint(0, 10_000_000) / 100:.2f}"
            name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i}"
            date = (start + datetime.timedelta(days=rng.randint(0, 1500))).isoformat()
            stamp = (base + datetime.timedelta(seconds=rng.randint(0, 120_000_000))).strftime("%Y-%m-%d %H:%M:%S")
            active = "true" if rng.random() < 0.5 else "false"
            score = "" if rng.random() < 0.1 else str(rng.randint(-1000, 1000))
            lines.append(f"{i},{amount},{name},{rng.choice(CATEGORIES)},{date},{stamp},{active},{score}\n")
            if len(lines) >= 50_000:
                f.write("".join(lines))
                lines = []
        f.write("".join(lines))
    print(f"wrote {args.rows} rows to {args.out}/seeds/big_seed.csv")


if __name__ == "__main__":
    main()
