"""Locking the computer's screen locks Porchlight, heard on a real (private) session bus."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.ui.helpers import open_unlocked

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or not (shutil.which("dbus-daemon") and shutil.which("dbus-send")),
    reason="needs dbus-daemon and dbus-send (Linux)")


@pytest.fixture
def session_bus():
    from PySide6.QtDBus import QDBusConnection

    daemon = subprocess.Popen(["dbus-daemon", "--session", "--print-address", "--nofork"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    address = daemon.stdout.readline().strip()
    name = f"porchlight-test-{daemon.pid}"
    bus = QDBusConnection.connectToBus(address, name)
    assert bus.isConnected()
    yield address, bus
    QDBusConnection.disconnectFromBus(name)
    daemon.terminate()
    daemon.wait(5)


def _announce(address: str, path: str, interface: str, active: bool) -> None:
    subprocess.run(["dbus-send", f"--bus={address}", "--type=signal", path,
                    f"{interface}.ActiveChanged", f"boolean:{str(active).lower()}"], check=True)


@pytest.mark.parametrize("path, interface", [
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
])
def test_the_screen_locking_locks_porchlight(qtbot, context, services, session_bus, path,
                                             interface):
    address, bus = session_bus
    services.close()
    context.screen_bus = bus
    window = open_unlocked(qtbot, context)
    assert window.screen_watch.listening
    _announce(address, path, interface, False)  # the screen saver ending changes nothing
    qtbot.wait(200)
    assert window.session is not None
    _announce(address, path, interface, True)
    qtbot.waitUntil(lambda: window.session is None, timeout=5000)
    assert window.unlock_page is not None
