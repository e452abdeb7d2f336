"""How long a verified backup takes, and how big it is, for a family after five years.

Three children, one weekly check-in for all three, every week for five years done with a talk
(three starters talked about, notes on each, notes on the talk). Times ``create_backup``
(``VACUUM INTO``, ``integrity_check`` of the copy, key file, manifest, fsyncs and rename) as
the median of 5, and a plain ``shutil.copyfile`` of the same database file as the reference
measured in the same run, so the ratio means something on any machine.

    .venv/bin/python tests/benchmarks/bench_backup.py

Prints ``BENCH backup_ms``, ``BENCH backup_size_kib``, ``BENCH backup_ratio_vs_copy`` and, for
the move to another computer, ``BENCH export_ms`` and ``BENCH export_size_kib``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.core.clock import SettableClock
from app.core.coach import TalkItem, TalkRecord
from app.core.schedules import ScheduleSpec
from app.storage import vault
from app.storage.backups import create_backup
from app.storage.data_folder import DataFolder
from app.storage.engine import checkpoint
from app.storage.key_derivation import KdfParams
from app.storage.services import Services
from app.storage.vault_export import export_vault

WEEKS = 5 * 52
RUNS = 5
NOTE = ("She said a boy from another school asked for her snap and she blocked him; "
        "we practised what to say if someone asks for pictures. ")


def build(root: Path) -> tuple[vault.OpenVault, DataFolder]:
    now = dt.datetime(2026, 11, 23, 18, tzinfo=dt.UTC)
    clock = SettableClock(now)
    folder = DataFolder(root / "data")
    opened = vault.create(folder, "bench passphrase of some length", "7K3QMZ8WXR2HB4NV9TJD5PYCE",
                          KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1), clock)
    services = Services.for_vault(opened)
    children = [services.family.add(name, year, 5).id
                for name, year in (("Ada", 2012), ("Ben", 2015), ("Cleo", 2018))]
    first = (now - dt.timedelta(weeks=WEEKS)).date()
    first -= dt.timedelta(days=(first.weekday() - 6) % 7)  # a Sunday
    spec = ScheduleSpec(weekday=6, at=dt.time(18), zone="Europe/London", first_date=first)
    schedule = services.checkins.add_schedule(spec, children)
    slots = [dt.datetime.combine(first + dt.timedelta(weeks=w), dt.time(18), tzinfo=dt.UTC)
             for w in range(WEEKS)]
    services.checkins.create_occurrences(schedule.id, slots, slots[-1])
    for number, occurrence in enumerate(services.checkins.occurrences()):
        record = TalkRecord(tuple(children), "9-12", occurrence.due_at,
                            occurrence_id=occurrence.id, rating=4, mood="calm",
                            notes=f"Week {number}. {NOTE}", come_back_to="ask about the game chat",
                            finished_at=occurrence.due_at + dt.timedelta(minutes=20))
        for item in range(3):
            record.items.append(TalkItem(f"starter-{number}-{item}", f"topic-{item}", "talked",
                                         f"{NOTE} ({item})"))
        services.talks.save(record)
    assert len(services.checkins.occurrences(status="done")) == WEEKS
    checkpoint(opened.engine)
    return opened, folder


def median_ms(action: Callable[[], object]) -> float:
    timings = []
    for _run in range(RUNS):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="porchlight-bench-") as name:
        root = Path(name)
        opened, folder = build(root)
        moments = iter(opened.clock.now() + dt.timedelta(seconds=s) for s in range(100))
        made: list[Path] = []
        backup_ms = median_ms(lambda: made.append(
            create_backup(opened.engine, folder, "bench", next(moments))))
        size = sum(p.stat().st_size for p in made[-1].iterdir())
        copy_ms = median_ms(lambda: shutil.copyfile(folder.database, root / "plain-copy.db"))
        export_ms = median_ms(lambda: export_vault(opened, root / "family"))
        export_size = (root / "family.porchlight-export").stat().st_size
        opened.close()
    print(f"BENCH backup_ms {backup_ms:.1f}")
    print(f"BENCH backup_size_kib {size / 1024:.0f}")
    print(f"BENCH backup_ratio_vs_copy {backup_ms / copy_ms:.1f}")
    print(f"BENCH copy_ms {copy_ms:.2f}")
    print(f"BENCH export_ms {export_ms:.1f}")
    print(f"BENCH export_size_kib {export_size / 1024:.0f}")


if __name__ == "__main__":
    main()
