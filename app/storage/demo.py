"""The demo: a throw-away data folder with a sample family, for trying Porchlight out.

The demo passphrase is shown on the unlock screen, so nothing in a demo folder is private; it
lives in a temporary folder that is removed when the app quits. It holds a year of life: the
journal (``demo_journal``), the weekly check-ins with their talks (``demo_history``) and a
counsellor's plan in its third week (``demo_plan``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.core import recovery_code
from app.core.clock import Clock, SystemClock, local_today
from app.core.content.model import Library
from app.paths import shipped_content_dir
from app.storage import vault
from app.storage.data_folder import DataFolder
from app.storage.demo_history import write_demo_history, zone_name
from app.storage.demo_journal import write_demo_entries
from app.storage.demo_plan import write_demo_plan
from app.storage.key_derivation import KdfParams
from app.storage.services import Services

DEMO_PASSPHRASE = "porch light demo"
# The demo protects nothing, so it skips the deliberate half-second of key stretching.
DEMO_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
SAMPLE_CHILDREN = (("Maya", 9, 4), ("Sam", 14, 10), ("Robin", 5, 1))


def _library() -> Library:
    from app.core.content.loader import load_library

    return load_library(shipped_content_dir()).library


def create_demo(root: Path, clock: Clock | None = None) -> DataFolder:
    clock = clock or SystemClock()
    folder = DataFolder(root)
    opened = vault.create(folder, DEMO_PASSPHRASE, recovery_code.generate(), DEMO_KDF, clock)
    services = Services.for_vault(opened)
    today = local_today(clock)
    children, births = {}, {}
    for name, years, month_offset in SAMPLE_CHILDREN:
        birth = today - dt.timedelta(days=int(years * 365.25) + month_offset * 30)
        child = services.family.add(name, birth.year, birth.month)
        children[name], births[name] = child.id, child.birth
    services.settings.set_country("us")
    write_demo_entries(services.journal.add, children, today, clock.zone())
    for caregiver in ("Dad", "Mum"):  # who leads which check-in (Settings → Family)
        services.caregivers.add(caregiver)
    now = clock.now()
    write_demo_history(opened.sessions, now, zone_name(clock.zone(), now), children, births,
                       _library())
    write_demo_plan(opened.sessions, today, clock.zone(), children["Maya"])
    services.close()
    return folder
