"""Lock Porchlight when the computer's screen locks, where the desktop tells us.

On Linux desktops the screen saver announces itself on the session D-Bus: KDE, Xfce, Cinnamon
and others with ``org.freedesktop.ScreenSaver.ActiveChanged(true)``, GNOME with
``org.gnome.ScreenSaver.ActiveChanged(true)``. We listen for both and emit ``screen_locked``.
Where there is no session bus (Windows, macOS, a bare session) nothing is heard and nothing
breaks: the idle timer and the sleep check still lock. No message leaves this computer — the
session bus is a local socket.
"""

from __future__ import annotations

from PySide6.QtCore import SLOT, QObject, Signal, Slot

_SOURCES = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


class ScreenLockWatch(QObject):
    screen_locked = Signal()

    def __init__(self, bus=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening = False
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a build without Qt D-Bus
            return
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        if not self._bus.isConnected():
            return
        for path, interface in _SOURCES:
            if self._bus.connect("", path, interface, "ActiveChanged", self,
                                 SLOT("_active_changed(bool)")):
                self.listening = True

    @Slot(bool)
    def _active_changed(self, active: bool) -> None:
        if active:
            self.screen_locked.emit()
