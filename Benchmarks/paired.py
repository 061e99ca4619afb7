#!/usr/bin/env python3
"""Alternates two (or more) swiftdbt binaries on one project and prints wall and CPU medians for each.

    python3 Benchmarks/paired.py parse /tmp/swiftdbt-bench/projects/models_10000-swiftdbt-sqlite 6 OLD_BINARY NEW_BINARY

One warm-up run per binary, then RUNS rounds, the order reversed every other round, so that load from other
work on the machine falls on both alike. CPU time (user + system, from `wait4`) moves less than wall time on a
busy machine. The project needs its profiles.yml (run.py writes one into its copies).
"""
import os
import statistics
import subprocess
import sys
import time


def once(binary, command, project):
    start = time.perf_counter()
    child = subprocess.Popen([binary, command, "--project-dir", project, "--profiles-dir", project],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit(f"{binary} {command} failed ({status})")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    command, project, runs, binaries = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    times = {binary: ([], []) for binary in binaries}
    for binary in binaries:
        once(binary, command, project)
    for round_number in range(runs):
        for binary in binaries if round_number % 2 == 0 else binaries[::-1]:
            wall, cpu = once(binary, command, project)
            times[binary][0].append(wall)
            times[binary][1].append(cpu)
    print("load average (1, 5, 15 min):", " ".join(f"{value:.2f}" for value in os.getloadavg()))
    for binary, (walls, cpus) in times.items():
        print(f"{binary}: wall median {statistics.median(walls):.3f} s (min {min(walls):.3f}, max {max(walls):.3f}); "
              f"CPU median {statistics.median(cpus):.3f} s (min {min(cpus):.3f})")


if __name__ == "__main__":
    main()
