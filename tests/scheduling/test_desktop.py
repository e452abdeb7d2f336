"""Autostart entries per platform, and one instance per data folder."""

from __future__ import annotations

import configparser
import logging
import os
import plistlib
import shutil
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import APP_ID, APP_NAME
from app.desktop.autostart import (
    Autostart,
    exec_line,
    launch_agent,
    windows_run_value,
    xdg_entry,
)
from app.desktop.single_instance import SingleInstance
from tests.scheduling.notification_service import NotificationService

COMMAND = ["/opt/Porch Light/porchlight", "--minimized"]
# A path a parent could really have: a space, an apostrophe, a double quote and a dollar sign.
AWKWARD = ["/home/o'brien/Apps/Porch \"Light\" $1/porchlight", "--minimized"]


def read_exec(value: str) -> list[str]:
    """The Desktop Entry spec's reading of an Exec value, written from the spec's own words.

    First the key file's string escapes (\\s \\n \\t \\r \\\\), then the quoting rule:
    inside double quotes a backslash escapes the next character; %% is a literal percent.
    """
    unescaped, i = [], 0
    escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] in escapes:
            unescaped.append(escapes[value[i + 1]])
            i += 2
        else:
            unescaped.append(value[i])
            i += 1
    text, args, current, quoted, started, i = "".join(unescaped), [], [], False, False, 0
    while i < len(text):
        char = text[i]
        if quoted and char == "\\":
            current.append(text[i + 1])
            i += 1
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if current or started:
                args.append("".join(current))
            current, started = [], False
        else:
            current.append(char)
        i += 1
    if current or started:
        args.append("".join(current))
    return [arg.replace("%%", "%") for arg in args]


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
    assert entry["Exec"] == '"/opt/Porch Light/porchlight" --minimized'
    assert autostart.is_enabled()
    autostart.set_enabled(False)
    assert not path.exists() and not autostart.is_enabled()


def test_xdg_exec_quotes_awkward_paths_the_desktop_entry_way():
    line = exec_line(AWKWARD)
    assert line == r'''"/home/o'brien/Apps/Porch \\"Light\\" \\$1/porchlight" --minimized'''
    assert read_exec(line) == AWKWARD
    odd = ["/opt/100%/porchlight", "a\\b"]
    assert read_exec(exec_line(odd)) == odd


@given(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1),
                min_size=1, max_size=4))
def test_any_command_survives_the_exec_line(command):
    assert read_exec(exec_line(command)) == command


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (Debian: desktop-file-utils)")
def test_the_autostart_entry_for_an_awkward_path_validates(tmp_path):
    autostart = Autostart("linux", tmp_path, AWKWARD)
    autostart.set_enabled(True)
    result = subprocess.run(["desktop-file-validate", str(autostart.path())],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


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


TITLE, BODY = "Porchlight", "Time for your weekly check-in."


@pytest.mark.skipif(sys.platform != "linux" or not NotificationService.available(),
                    reason="needs dbus-daemon (Linux)")
def test_a_native_notification_reaches_the_desktop_notification_service(monkeypatch):
    from app.desktop.notifications import NativeNotifier

    with NotificationService() as service:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.address)
        assert NativeNotifier.send_now(TITLE, BODY) is True
        assert service.received == [(APP_NAME, TITLE, BODY)]


def test_without_a_notification_service_it_says_so_in_the_log_and_nothing_else(
        monkeypatch, caplog, tmp_path):
    from app.desktop.notifications import NativeNotifier

    for name in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    # Somewhere to look that has no session bus either.
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    with caplog.at_level(logging.DEBUG):
        assert NativeNotifier.send_now(TITLE, "Sam: the weekly check-in.") is False
    ours = [r for r in caplog.records if r.name == "app.desktop.notifications"]
    assert [r.getMessage().split(":")[0] for r in ours] == ["desktop notification not shown"]
    assert all("Sam" not in r.getMessage() and not r.exc_info for r in ours)
    # The library's own traceback stays out of the app's log (pytest still sees it).
    assert logging.getLogger("desktop_notifier").propagate is False
