"""The writer phases of both trees of a run, per entry (see ``sitecustomize.py``).

python bench/writer_profile/report.py PREFIX
"""

from __future__ import annotations

import collections
import glob
import json
import sys


def load(prefix: str, side: str) -> tuple[int, float, int, collections.Counter[str]]:
    phases: collections.Counter[str] = collections.Counter()
    n, cpu, groups = 0, 0.0, 0
    for path in glob.glob(f"{prefix}-{side}-*.json"):
        with open(path) as f:
            a = json.load(f)
        n, cpu, groups = n + a["entries"], cpu + a["thread_cpu"], groups + a["groups"]
        phases.update(a["phases"])
    return n, cpu, groups, phases


def main() -> None:
    prefix = sys.argv[1]
    nb, cb, gb, pb = load(prefix, "before")
    na, ca, ga, pa = load(prefix, "after")
    if not nb or not na:
        sys.exit(f"no writer profile of both trees under {prefix}")
    print(f"writer thread CPU µs/entry: before {cb / nb * 1e6:.0f} ({nb / gb:.1f} a group)"
          f"  after {ca / na * 1e6:.0f} ({na / ga:.1f} a group)")  # fmt: skip
    for name in sorted(set(pb) | set(pa), key=lambda k: -pb.get(k, 0.0) / nb):
        print(
            f"  {name:40s} {pb.get(name, 0.0) / nb * 1e6:7.1f} -> {pa.get(name, 0.0) / na * 1e6:7.1f}"
        )


if __name__ == "__main__":
    main()
