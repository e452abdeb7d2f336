"""Settings: security choices from the catalogue, backups, and where Porchlight keeps things.

The Security section is built from :mod:`app.ui.settings.catalogue` (one widget per entry,
saved as it changes); Backups has its own section; About says which version runs and opens the
data folder, so a parent or a helper can find the files without hunting.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.ui.session import UnlockedSession
from app.ui.settings.backups_section import BackupsSection
from app.ui.settings.catalogue import CATALOGUE, SettingSpec
from app.ui.widgets.common import body_label, button, title_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


class SettingsPage(QWidget):
    title = "Settings"
    restore_requested = Signal()

    def __init__(self, session: UnlockedSession) -> None:
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
        layout = QVBoxLayout(body)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Settings")))

        layout.addWidget(title_label(self.tr("Security"), "sectionTitle"))
        form = QFormLayout()
        self.controls: dict[str, QWidget] = {}
        for spec in CATALOGUE:
            control = self._control(spec)
            self.controls[spec.key] = control
            if isinstance(control, QCheckBox):
                form.addRow(control)
            else:
                form.addRow(_tr(spec.label), control)
            form.addRow(body_label(_tr(spec.help), muted=True))
        layout.addLayout(form)

        self.backups = BackupsSection(session)
        self.backups.restore_requested.connect(self.restore_requested)
        layout.addWidget(self.backups)

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
        open_folder = button(self.tr("Open folder"), "openDataFolder")
        open_folder.setAccessibleName(self.tr("Open the data folder"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(root))))
        row.addWidget(open_folder)
        layout.addLayout(row)
        layout.addStretch(1)

    def _control(self, spec: SettingSpec) -> QWidget:
        value = self._session.setting(spec)
        if spec.kind is bool:
            box = QCheckBox(_tr(spec.label))
            box.setObjectName(spec.key)
            box.setAccessibleName(_tr(spec.label))
            box.setChecked(bool(value))
            box.toggled.connect(lambda on, s=spec: self._session.set_setting(s, on))
            return box
        spin = QSpinBox()
        spin.setObjectName(spec.key)
        spin.setAccessibleName(_tr(spec.label))
        spin.setRange(spec.minimum, spec.maximum)
        spin.setSuffix(_tr(spec.suffix))
        spin.setValue(int(value))
        spin.setMaximumWidth(180)
        spin.valueChanged.connect(lambda number, s=spec: self._session.set_setting(s, number))
        return spin
