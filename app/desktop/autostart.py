""""Start when I log in": the per-user autostart entry on Linux, Windows and macOS.

Each platform has its own place: an XDG ``.desktop`` file in ``~/.config/autostart``, a value
under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``, or a LaunchAgent property list
in ``~/Library/LaunchAgents``. What is written is built by plain functions (tested on every
platform); only the final write touches the system. The entry starts the app minimised to the
tray so reminders run without a window popping up at login.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app import APP_ID, APP_NAME

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
HIDDEN_FLAG = "--minimized"
# The Desktop Entry spec's reserved characters: an argument holding any of them is quoted.
EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# Inside double quotes these four take a backslash.
EXEC_ESCAPED_IN_QUOTES = frozenset('"`$\\')


def launch_command() -> list[str]:
    """How to start this very installation: the frozen executable, or Python and the module."""
    if getattr(sys, "frozen", False):
        return [sys.executable, HIDDEN_FLAG]
    return [sys.executable, "-m", "app", HIDDEN_FLAG]


def exec_argument(argument: str) -> str:
    """One argument as the Desktop Entry spec's ``Exec`` key wants it (not shell quoting).

    A literal ``%`` is doubled (it starts field codes); an argument with a reserved character
    goes in double quotes with ``"`` `` ` `` ``$`` ``\\`` escaped. Then the key file's own string
    escaping applies on top, so one literal backslash ends up as four.
    """
    argument = argument.replace("%", "%%")
    if argument and not EXEC_RESERVED.intersection(argument):
        return argument
    inner = "".join(f"\\{char}" if char in EXEC_ESCAPED_IN_QUOTES else char for char in argument)
    return key_file_string(f'"{inner}"')


def key_file_string(value: str) -> str:
    """A key file string value: backslash first, then the control characters it may not hold."""
    value = value.replace("\\", "\\\\")
    return value.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def exec_line(command: list[str]) -> str:
    return " ".join(exec_argument(part) for part in command)


def xdg_entry(command: list[str]) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_NAME}",
        "Comment=Weekly check-in reminders",
        f"Exec={exec_line(command)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "",
    ])


def windows_run_value(command: list[str]) -> str:
    """The Run-key value: each part quoted, as Windows' command-line parser expects."""
    import subprocess

    return subprocess.list2cmdline(command)


def launch_agent(command: list[str]) -> bytes:
    return plistlib.dumps({"Label": APP_ID, "ProgramArguments": command, "RunAtLoad": True,
                           "ProcessType": "Interactive"})


@dataclass
class Autostart:
    """Turn the entry on or off for the current user; ``home`` is injectable for tests."""

    platform: str = sys.platform
    home: Path = field(default_factory=Path.home)
    command: list[str] | None = None

    def _command(self) -> list[str]:
        return self.command or launch_command()

    def path(self) -> Path | None:
        if self.platform.startswith("linux") or "bsd" in self.platform:
            # $XDG_CONFIG_HOME applies to the real home only (tests pass a home of their own).
            xdg = os.environ.get("XDG_CONFIG_HOME") if self.home == Path.home() else None
            config = Path(xdg) if xdg else self.home / ".config"
            return config / "autostart" / f"{APP_ID}.desktop"
        if self.platform == "darwin":
            return self.home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
        return None

    def supported(self) -> bool:
        return self.platform == "win32" or self.path() is not None

    def is_enabled(self) -> bool:
        if self.platform == "win32":
            return self._read_run_key() is not None
        path = self.path()
        return path is not None and path.exists()

    def set_enabled(self, enabled: bool) -> None:
        if self.platform == "win32":
            self._write_run_key(windows_run_value(self._command()) if enabled else None)
            return
        path = self.path()
        if path is None:
            raise OSError(f"Starting at login is not supported on {self.platform}.")
        if not enabled:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.platform == "darwin":
            path.write_bytes(launch_agent(self._command()))
        else:
            path.write_text(xdg_entry(self._command()), encoding="utf-8")

    @staticmethod
    def _read_run_key() -> str | None:
        import winreg  # type: ignore[import-not-found]

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                return winreg.QueryValueEx(key, APP_NAME)[0]
        except FileNotFoundError:
            return None

    @staticmethod
    def _write_run_key(value: str | None) -> None:
        import winreg  # type: ignore[import-not-found]

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            if value is None:
                with contextlib.suppress(FileNotFoundError):
                    winreg.DeleteValue(key, APP_NAME)
            else:
                winreg.SetValueEx(key, APP_NAME, 0, winreg.REG_SZ, value)
