"""Settings → Reminders: names in notifications, starting at login, and closing to the tray.

Two of these are family choices from the catalogue (saved in the vault through the session);
starting at login is this computer's own entry (``app.desktop.autostart``), written directly
because it is not in the vault. Start at login only shows where it can be set, close to tray
only where there is a tray.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QFormLayout, QMessageBox, QVBoxLayout, QWidget

from app.ui.session import UnlockedSession
from app.ui.settings.catalogue import CLOSE_TO_TRAY, REMINDERS, in_section
from app.ui.settings.controls import Changed, add_to_form, spec_control
from app.ui.widgets.common import body_label, title_label


class RemindersSection(QWidget):
    def __init__(self, session: UnlockedSession, changed: Changed, *, autostart: Any = None,
                 tray_available: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remindersSection")
        self.autostart = autostart
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title_label(self.tr("Reminders"), "sectionTitle"))
        form = QFormLayout()
        self.controls: dict[str, QWidget] = {}
        for spec in in_section(REMINDERS):
            if spec is CLOSE_TO_TRAY and not tray_available:
                continue  # no tray on this desktop: closing the window quits
            control = spec_control(spec, session.setting(spec), changed)
            self.controls[spec.key] = control
            add_to_form(form, spec, control)
        self.start_at_login = QCheckBox(self.tr("Start Porchlight when I log in"), self)
        self.start_at_login.setObjectName("startAtLogin")
        self.start_at_login.setAccessibleName(self.start_at_login.text())
        if autostart is not None:
            self.start_at_login.setChecked(autostart.is_enabled())
            self.start_at_login.toggled.connect(self.set_start_at_login)
            form.addRow(self.start_at_login)
            form.addRow(body_label(self.tr(
                "It waits in the background, locked, so reminders come even if you never open "
                "the window. This is set for this computer only."), muted=True))
        else:
            self.start_at_login.hide()
        layout.addLayout(form)

    def set_start_at_login(self, on: bool) -> None:
        try:
            self.autostart.set_enabled(on)
        except OSError:
            QMessageBox.warning(self, self.tr("Couldn't change this"), self.tr(
                "Porchlight couldn't change the start-up setting on this computer. Nothing else "
                "was changed."))
            self.start_at_login.blockSignals(True)
            self.start_at_login.setChecked(self.autostart.is_enabled())
            self.start_at_login.blockSignals(False)
