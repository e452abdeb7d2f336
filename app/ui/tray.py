"""The tray icon: reminders while the window is closed, and a mark when a check-in is due.

Where the desktop has no tray (GNOME without an extension, offscreen tests) there is no icon:
the window then minimises instead of hiding, so it is never lost. The tray's tooltip is as
discreet as the notifications — no names.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app import APP_NAME
from app.ui.app_icon import give_app_icon

ICON_SIZE = 64


def _marked(icon: QIcon) -> QIcon:
    """The app icon with a small amber dot: "something is waiting for you"."""
    pixmap = icon.pixmap(ICON_SIZE, ICON_SIZE)
    if pixmap.isNull():
        pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
        pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#e08a1e"))
    radius = ICON_SIZE * 0.18
    painter.drawEllipse(QPointF(ICON_SIZE - radius - 2, radius + 2), radius, radius)
    painter.end()
    return QIcon(pixmap)


class Tray(QObject):
    show_requested = Signal()
    start_requested = Signal()
    note_requested = Signal()  # a quick journal note, locked or not
    hide_requested = Signal()
    lock_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon: QSystemTrayIcon | None = None
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        self._plain = give_app_icon()
        self._attention = _marked(self._plain)
        self.icon = QSystemTrayIcon(self._plain, self)
        self.icon.setToolTip(APP_NAME)
        menu = QMenu()
        show = QAction(self.tr("Show Porchlight"), menu)
        show.triggered.connect(self.show_requested)
        start = QAction(self.tr("Start a check-in"), menu)
        start.triggered.connect(self.start_requested)
        note = QAction(self.tr("Note something"), menu)
        note.triggered.connect(self.note_requested)
        hide = QAction(self.tr("Hide and lock (Ctrl+Shift+Q)"), menu)
        hide.triggered.connect(self.hide_requested)
        lock = QAction(self.tr("Lock"), menu)
        lock.triggered.connect(self.lock_requested)
        leave = QAction(self.tr("Quit Porchlight"), menu)
        leave.triggered.connect(self.quit_requested)
        menu.addAction(show)
        menu.addAction(start)
        menu.addAction(note)
        menu.addSeparator()
        menu.addAction(hide)
        menu.addAction(lock)
        menu.addSeparator()
        menu.addAction(leave)
        self._menu = menu
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._activated)
        self.icon.show()

    @property
    def available(self) -> bool:
        return self.icon is not None

    def set_attention(self, on: bool) -> None:
        if self.icon is None:
            return
        self.icon.setIcon(self._attention if on else self._plain)
        self.icon.setToolTip(self.tr("{app} — a check-in is waiting").format(app=APP_NAME)
                            if on else APP_NAME)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_requested.emit()
