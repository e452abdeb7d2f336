"""Settings: Security, Family, Reminders, Backups and About, on one scrolling page.

Each section is its own widget; the family-wide choices in them are built from the catalogue
(``app.ui.settings.catalogue``), so ``controls`` holds one widget per catalogue entry, by key.
Values come from the session, which reads them on the database worker once per unlock and again
after every settings change; a change here is written through the session (``set_setting``,
one write op that announces ``Changes(settings=True)``), and the controls show the values again
whenever the session has read them, without writing them back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.ui.session import UnlockedSession
from app.ui.settings.backups_section import BackupsSection
from app.ui.settings.catalogue import CATALOGUE, SettingSpec, Value
from app.ui.settings.controls import show_value
from app.ui.settings.family_section import FamilySection
from app.ui.settings.reminders_section import RemindersSection
from app.ui.settings.security_section import SecuritySection
from app.ui.widgets.common import body_label, button, title_label


def _rule() -> QFrame:
    """A thin line between sections, so each reads as its own group."""
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Plain)
    line.setProperty("muted", True)
    return line


class SettingsPage(QWidget):
    title = "Settings"
    restore_requested = Signal()

    def __init__(self, session: UnlockedSession, *, autostart: Any = None,
                 tray_available: bool = False) -> None:
        super().__init__()
        self.setObjectName("settingsPage")
        self.title = self.tr("Settings")
        self._session = session
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.scroll = scroll
        layout = QVBoxLayout(body)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Settings")))

        self.security = SecuritySection(session, self._changed)
        self.family = FamilySection(session, self._changed)
        self.reminders = RemindersSection(session, self._changed, autostart=autostart,
                                          tray_available=tray_available)
        self.backups = BackupsSection(session)
        self.backups.restore_requested.connect(self.restore_requested)
        self.controls: dict[str, QWidget] = {
            **self.security.controls, **self.family.controls, **self.reminders.controls}
        for number, section in enumerate((self.security, self.family, self.reminders,
                                          self.backups)):
            if number:
                layout.addWidget(_rule())
            layout.addWidget(section)
        layout.addWidget(_rule())
        self._about(layout, session)
        layout.addStretch(1)
        session.facts_ready.connect(self.show_values)

    def _about(self, layout: QVBoxLayout, session: UnlockedSession) -> None:
        layout.addWidget(title_label(self.tr("About"), "sectionTitle"))
        assert session.services is not None
        root = session.services.vault.folder.root
        layout.addWidget(body_label(self.tr(
            "Porchlight {version}. Free software under the GNU GPL, version 3 or later. It never "
            "goes online.").format(version=__version__), muted=True))
        row = QHBoxLayout()
        row.addWidget(body_label(self.tr("Your data folder:")))
        path = QLineEdit(str(root))  # a long path scrolls here instead of widening the page
        path.setObjectName("dataFolderPath")
        path.setAccessibleName(self.tr("Data folder location"))
        path.setReadOnly(True)
        row.addWidget(path, 1)
        open_folder = button(self.tr("Open folder"), "openDataFolder",
                             accessible=self.tr("Open the data folder"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(root))))
        row.addWidget(open_folder)
        layout.addLayout(row)

    def _changed(self, spec: SettingSpec, value: Value) -> None:
        self._session.set_setting(spec, value)

    def show_values(self) -> None:
        """The session has read the family's choices (again): show them."""
        for spec in CATALOGUE:
            control = self.controls.get(spec.key)
            if control is not None:
                show_value(control, self._session.setting(spec))
