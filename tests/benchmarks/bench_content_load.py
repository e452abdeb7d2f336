"""Content load benchmark: the whole shipped library must load in under 100 ms.

    make bench
    .venv/bin/python tests/benchmarks/bench_content_load.py

Loads ``conversations/`` repeatedly in this process (the app loads it once, on first use) and
prints the minimum and median; exits 1 if the median is over the budget.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.core.content.loader import load_library  # noqa: E402

BUDGET_MS = 100.0
RUNS = 30


def main() -> int:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        result = load_library(ROOT / "conversations")
        timings.append((time.perf_counter() - started) * 1000)
    library = result.library
    median = statistics.median(timings)
    print(f"loaded {len(library.starters())} starters, {len(library.refusals)} refusals, "
          f"{len(library.signs)} signs, {len(library.countries)} countries, "
          f"{len(result.problems)} problems")
    print(f"load time: min {min(timings):.1f} ms, median {median:.1f} ms (budget {BUDGET_MS} ms)")
    print(f"BENCH content_load_ms {median:.1f}")
    return 0 if median <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
