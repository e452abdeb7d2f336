"""How long the starter picker takes for one talk (target: under 5 ms).

A child with two years of weekly talks behind them (three starters a week), picked 500 times
with different seeds; prints the median and the slowest run.

    .venv/bin/python tests/benchmarks/bench_picker.py
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time

from app.core.content.loader import load_library
from app.core.picker import Discussed, pick_starters
from app.paths import shipped_content_dir


def main() -> None:
    library = load_library(shipped_content_dir()).library
    today = dt.date(2026, 11, 23)
    rng = random.Random(1)
    starters = library.starters("9-12")
    history = [Discussed(s.id, s.topic, today - dt.timedelta(weeks=week))
               for week in range(104) for s in rng.sample(starters, 3)]
    timings = []
    for seed in range(500):
        start = time.perf_counter()
        pick_starters(library, "9-12", history, today, seed=seed,
                      favourites=frozenset({starters[0].id}))
        timings.append((time.perf_counter() - start) * 1000)
    print(f"picker: {len(history)} past items, median {statistics.median(timings):.2f} ms, "
          f"slowest {max(timings):.2f} ms over {len(timings)} runs")
    print(f"BENCH picker_ms {statistics.median(timings):.2f}")


if __name__ == "__main__":
    main()
