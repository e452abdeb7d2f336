"""Shared fixtures: a fresh encrypted vault per test, an injected clock, and no network.

Every test runs offscreen with a real SQLCipher database in its own temporary folder. The
network guard is the app's own: installed here for the whole run, so any connection attempt
anywhere — ours or a library's — fails the test that made it.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

# One time zone and locale for every run, set before anything reads the local time: a test
# that passes here passes on any machine. `make test` reruns the tests marked `zones` with
# PORCHLIGHT_TEST_TZ set (Pacific/Honolulu, Asia/Tokyo) to catch code that uses the computer's
# zone where it means the schedule's or the user's.
os.environ["TZ"] = os.environ.get("PORCHLIGHT_TEST_TZ") or "UTC"
os.environ["LC_ALL"] = "C.UTF-8"

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

# The C library caches the zone: re-read TZ before any test computes a local time (the imports
# above only define things).
time.tzset()
network_guard.install()

# Test modules whose outcome depends on the local time zone; a test elsewhere can opt in with
# @pytest.mark.zones. Paths are relative to the tests folder.
ZONE_SENSITIVE_MODULES = frozenset({
    "core/test_ages.py",
    "core/test_calendar_export.py",
    "core/test_schedules.py",
    "scheduling/test_catch_up.py",
    "scheduling/test_engine.py",
    "storage/test_evidence_store.py",
    "storage/test_family_store.py",
    "storage/test_talk_store.py",
    "test_timezones.py",
    "ui/test_checkins.py",
    "ui/test_coach.py",
    "ui/test_family_page.py",
})


def pytest_collection_modifyitems(config, items) -> None:
    tests_folder = Path(__file__).parent
    for item in items:
        try:
            module = item.path.relative_to(tests_folder).as_posix()
        except ValueError:
            continue
        if module in ZONE_SENSITIVE_MODULES:
            item.add_marker(pytest.mark.zones)


def pytest_report_header(config) -> str:
    return f"time zone: {os.environ['TZ']}, locale: {os.environ['LC_ALL']}"


@pytest.fixture
def local_zone() -> Iterator[Callable[[str], None]]:
    """Switch the computer's zone for one test (setting TZ alone changes nothing until tzset)."""
    before = os.environ["TZ"]

    def switch(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield switch
    switch(before)

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
                      use_tray=False, backup_delay_ms=None,
                      autostart=Autostart("linux", folder.root.parent / "home",
                                          ["porchlight", "--minimized"]))


@pytest.fixture(autouse=True)
def _collect_cycles_on_the_gui_thread():
    """As the app does (app/ui/collector.py): the cycle collector never runs on a worker
    thread, where finalising a Qt widget crashes; it runs here, between tests, instead."""
    import gc

    gc.disable()
    yield
    _collections[0] += 1
    gc.collect(2 if _collections[0] % 25 == 0 else 1)  # a full pass now and then: fast enough


_collections = [0]


@pytest.fixture(autouse=True)
def _english_as_the_app_starts(request):
    """Every GUI test sees the English the app shows: its plural forms ("1 pattern", "2
    patterns") come from a translator the app installs at start-up. Without this, a test saw
    them or not depending on whether an earlier test had installed one and left it."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from app.ui.i18n import CATALOGUE, translations_dir

    app = QApplication.instance()
    if app is None:
        yield
        return
    english = QTranslator(app)  # the file only: the default QLocale stays as the test left it
    assert english.load(str(translations_dir() / f"{CATALOGUE}_en.qm"))
    app.installTranslator(english)
    yield
    app.removeTranslator(english)
    english.deleteLater()
