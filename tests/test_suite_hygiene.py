"""The suite's own safety nets: a hung dialog ends the run, and the zone pin holds."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HUNG_DIALOG_TEST = '''
from PySide6.QtWidgets import QDialog

def test_nobody_answers_this_dialog(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.exec()
'''


def test_a_dialog_nobody_answers_fails_the_run_instead_of_hanging_it(tmp_path):
    (tmp_path / "test_hung.py").write_text(HUNG_DIALOG_TEST, encoding="utf-8")
    started = time.monotonic()
    # The project's own pytest settings, with only the limit shortened.
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-c", str(ROOT / "pyproject.toml"),
         "--rootdir", str(tmp_path), "-o", "timeout=2", str(tmp_path / "test_hung.py")],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode != 0
    assert "Timeout" in result.stdout + result.stderr
    assert "dialog.exec()" in result.stdout + result.stderr
    assert time.monotonic() - started < 30


def test_the_suite_runs_in_its_pinned_zone_and_locale():
    expected = os.environ.get("PORCHLIGHT_TEST_TZ") or "UTC"
    assert os.environ["TZ"] == expected and os.environ["LC_ALL"] == "C.UTF-8"
    winter = dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC)
    offsets = {"UTC": 0, "Pacific/Honolulu": -10, "Asia/Tokyo": 9}
    if expected in offsets:
        assert winter.astimezone().utcoffset() == dt.timedelta(hours=offsets[expected])
