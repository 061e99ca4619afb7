#!/usr/bin/env python3
"""Writes a dbt project whose models form one chain of views: each selects from the previous.

model_0000 selects constants; model_i selects every column of model_{i-1} and adds nothing, so a
`build` measures per-node overhead (render, create view, bookkeeping) rather than query time.

Usage: python3 Benchmarks/generate_chain.py --models 1000 --out /tmp/chain_1k
"""
import argparse
import os
import shutil


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--per-folder", type=int, default=250)
    args = parser.parse_args()
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    with open(os.path.join(args.out, "dbt_project.yml"), "w") as f:
        f.write("name: chain\nversion: '1.0'\nprofile: bench\n"
                "models:\n  chain:\n    +materialized: view\n")
    width = max(4, len(str(args.models - 1)))
    for i in range(args.models):
        folder = os.path.join(args.out, "models", f"part_{i // args.per_folder:03d}")
        os.makedirs(folder, exist_ok=True)
        if i == 0:
            sql = "select 1 as id, 'first' as label, 1.5 as amount\n"
        else:
            sql = f"select id, label, amount from {{{{ ref('model_{i - 1:0{width}d}') }}}}\n"
        with open(os.path.join(folder, f"model_{i:0{width}d}.sql"), "w") as f:
            f.write(sql)
    print(f"wrote a chain of {args.models} views to {args.out}")


if __name__ == "__main__":
    main()
