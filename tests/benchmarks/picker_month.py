"""What the picker chooses over a simulated month for two children of different ages.

Four weekly talks each for a 7-year-old and a 14-year-old with no history, every picked
starter "talked about", printed with the reason the picker gives the parent.

    .venv/bin/python tests/benchmarks/picker_month.py
"""

from __future__ import annotations

import datetime as dt

from app.core.content.loader import load_library
from app.core.picker import Discussed, pick_starters
from app.paths import shipped_content_dir

CHILDREN = (("Maya, 7", "6-8"), ("Sam, 14", "13-15"))


def main() -> None:
    library = load_library(shipped_content_dir()).library
    start = dt.date(2026, 11, 29)
    for who, band in CHILDREN:
        print(f"{who} (ages {band})")
        history: list[Discussed] = []
        for week in range(4):
            day = start + dt.timedelta(weeks=week)
            picks = pick_starters(library, band, history, day, seed=week)
            print(f"  week {week + 1} ({day:%d %b}):")
            for pick in picks:
                print(f"    {pick.starter.id} — {pick.reason}")
                history.append(Discussed(pick.starter.id, pick.starter.topic, day))
        # Week 5 shows the core topics coming round again.
        day = start + dt.timedelta(weeks=4)
        picks = pick_starters(library, band, history, day, seed=4)
        print(f"  week 5 ({day:%d %b}):")
        for pick in picks:
            print(f"    {pick.starter.id} — {pick.reason}")


if __name__ == "__main__":
    main()
