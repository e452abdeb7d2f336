"""The demo: a throw-away data folder with a sample family, for trying Porchlight out.

The demo passphrase is shown on the unlock screen, so nothing in a demo folder is private; it
lives in a temporary folder that is removed when the app quits.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.core import recovery_code
from app.core.clock import Clock, SystemClock, local_today
from app.storage import vault
from app.storage.data_folder import DataFolder
from app.storage.demo_journal import write_demo_entries
from app.storage.key_derivation import KdfParams
from app.storage.services import Services

DEMO_PASSPHRASE = "porch light demo"
# The demo protects nothing, so it skips the deliberate half-second of key stretching.
DEMO_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
SAMPLE_CHILDREN = (("Maya", 9, 4), ("Sam", 14, 10), ("Robin", 5, 1))


def create_demo(root: Path, clock: Clock | None = None) -> DataFolder:
    clock = clock or SystemClock()
    folder = DataFolder(root)
    opened = vault.create(folder, DEMO_PASSPHRASE, recovery_code.generate(), DEMO_KDF, clock)
    services = Services.for_vault(opened)
    today = local_today(clock)
    children = {}
    for name, years, month_offset in SAMPLE_CHILDREN:
        birth = today - dt.timedelta(days=int(years * 365.25) + month_offset * 30)
        children[name] = services.family.add(name, birth.year, birth.month).id
    services.settings.set_country("us")
    write_demo_entries(services.journal.add, children, today, clock.zone())
    services.close()
    return folder
