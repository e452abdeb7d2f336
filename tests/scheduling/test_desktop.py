"""Autostart entries per platform, and one instance per data folder."""

from __future__ import annotations

import configparser
import os
import plistlib
import subprocess
import sys

from app import APP_ID
from app.desktop.autostart import Autostart, launch_agent, windows_run_value, xdg_entry
from app.desktop.single_instance import SingleInstance

COMMAND = ["/opt/Porch Light/porchlight", "--minimized"]


def test_xdg_autostart_entry_is_written_and_removed(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    autostart = Autostart("linux", tmp_path, COMMAND)
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    path = tmp_path / ".config" / "autostart" / f"{APP_ID}.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(path.read_text())
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "'/opt/Porch Light/porchlight' --minimized"
    assert autostart.is_enabled()
    autostart.set_enabled(False)
    assert not path.exists() and not autostart.is_enabled()


def test_launch_agent_plist_for_macos(tmp_path):
    autostart = Autostart("darwin", tmp_path, COMMAND)
    autostart.set_enabled(True)
    plist = plistlib.loads((tmp_path / "Library/LaunchAgents" / f"{APP_ID}.plist").read_bytes())
    assert plist == plistlib.loads(launch_agent(COMMAND))
    assert plist["ProgramArguments"] == COMMAND and plist["RunAtLoad"] is True


def test_windows_run_value_quotes_paths_with_spaces():
    value = windows_run_value([r"C:\Program Files\Porchlight\porchlight.exe", "--minimized"])
    assert value == r'"C:\Program Files\Porchlight\porchlight.exe" --minimized'
    assert "Exec=" in xdg_entry(COMMAND)


def test_a_second_instance_asks_the_first_to_show_itself(tmp_path, qtbot):
    first = SingleInstance(tmp_path)
    assert first.claim()
    try:
        second = SingleInstance(tmp_path)
        with qtbot.waitSignal(first.show_requested, timeout=3000):
            assert not second.claim()
    finally:
        first.release()
    assert SingleInstance(tmp_path).claim()


def test_a_second_launch_of_the_app_exits_and_raises_the_first(tmp_path, qtbot):
    first = SingleInstance(tmp_path)
    assert first.claim()
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        with qtbot.waitSignal(first.show_requested, timeout=20000):
            process = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(tmp_path)],
                                       env=environment, stdout=subprocess.PIPE, text=True)
            while process.poll() is None:
                qtbot.wait(20)
        assert process.returncode == 0
        assert "already running" in process.stdout.read()
    finally:
        first.release()


def test_native_notifications_without_a_notification_service_fail_quietly(monkeypatch):
    from app.desktop.notifications import NativeNotifier

    for name in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    NativeNotifier._send("Porchlight", "Time for your weekly check-in.")  # no exception
