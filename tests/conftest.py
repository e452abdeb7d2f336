"""Shared fixtures: a fresh encrypted vault per test, an injected clock, and no network.

Every test runs offscreen with a real SQLCipher database in its own temporary folder. The
network guard is the app's own: installed here for the whole run, so any connection attempt
anywhere — ours or a library's — fails the test that made it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

# Offscreen, with a 1920×1080 screen (the plugin's default is 800×800, smaller than the window).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    screen = Path(__file__).with_name("offscreen_screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
os.environ.setdefault("PORCHLIGHT_COLOR_SCHEME", "light")

import pytest

from app.core import network_guard
from app.core.clock import SettableClock
from app.storage.data_folder import DataFolder
from app.storage.key_derivation import KdfParams

network_guard.install()

PASSPHRASE = "lantern orchard velvet comet"
RECOVERY = "7K3QMZ8WXR2HB4NV9TJD5PYCE"
# Cheap parameters keep the suite fast; the real calibration has its own test.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC))


@pytest.fixture
def folder(tmp_path) -> DataFolder:
    return DataFolder(tmp_path / "data")


@pytest.fixture
def open_vault(folder, clock):
    from app.storage import vault

    opened = vault.create(folder, PASSPHRASE, RECOVERY, FAST_KDF, clock)
    yield opened
    opened.close()


@pytest.fixture
def services(open_vault):
    from app.storage.services import Services

    return Services.for_vault(open_vault)


@pytest.fixture
def context(folder, clock):
    from app.desktop.autostart import Autostart
    from app.desktop.notifications import RecordingNotifier
    from app.ui.context import AppContext

    return AppContext(folder, clock=clock, kdf_params=FAST_KDF, notifier=RecordingNotifier(),
                      use_tray=False, autostart=Autostart("linux", folder.root.parent / "home",
                                                          ["porchlight", "--minimized"]))
