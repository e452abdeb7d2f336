# ruff: noqa: F821, F722  (D-Bus signatures such as "as" or "a{sv}" are annotations here)
"""A real, private D-Bus session with a minimal notification service that records what arrives.

Used by test_desktop.py to see a native notification actually delivered (desktop-notifier
swallows delivery errors, so only the far end can tell). No `from __future__ import
annotations` here: dbus-fast reads the D-Bus signatures from the annotations themselves.
"""

import asyncio
import os
import shutil
import signal
import subprocess
import threading

from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface, method


class _Notifications(ServiceInterface):
    def __init__(self, received: list) -> None:
        super().__init__("org.freedesktop.Notifications")
        self.received = received

    @method()
    def Notify(self, app_name: "s", replaces_id: "u", app_icon: "s",
               summary: "s", body: "s", actions: "as", hints: "a{sv}",
               expire_timeout: "i") -> "u":
        self.received.append((app_name, summary, body))
        return len(self.received)

    @method()
    def GetCapabilities(self) -> "as":
        return ["body"]

    @method()
    def GetServerInformation(self) -> "ssss":
        return ["test", "porchlight", "1", "1.2"]

    @method()
    def CloseNotification(self, notification_id: "u") -> None:
        return None


class NotificationService:
    """Start a session bus and the service on it; ``address`` goes in DBUS_SESSION_BUS_ADDRESS."""

    def __init__(self) -> None:
        self.received: list[tuple[str, str, str]] = []
        self.address = ""
        self._pid = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()

    @staticmethod
    def available() -> bool:
        return shutil.which("dbus-daemon") is not None and os.name == "posix"

    def __enter__(self) -> "NotificationService":
        out = subprocess.run(["dbus-daemon", "--session", "--fork", "--nopidfile",
                              "--print-address=1", "--print-pid=1"],
                             capture_output=True, text=True, timeout=10, check=True).stdout
        self.address, pid = out.split()[:2]
        self._pid = int(pid)
        threading.Thread(target=self._serve, name="notification-service", daemon=True).start()
        if not self._ready.wait(10):
            raise RuntimeError("the test notification service did not start")
        return self

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def start() -> None:
            bus = await MessageBus(bus_address=self.address).connect()
            bus.export("/org/freedesktop/Notifications", _Notifications(self.received))
            await bus.request_name("org.freedesktop.Notifications")
            self._ready.set()

        self._loop.run_until_complete(start())
        self._loop.run_forever()

    def __exit__(self, *exc) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        os.kill(self._pid, signal.SIGTERM)
