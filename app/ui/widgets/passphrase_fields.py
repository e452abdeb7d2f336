"""Choosing a passphrase: typed twice, with its strength shown as you type.

Used by first-run setup and by "Forgot passphrase?". It is ready only when the passphrase is
strong enough and both copies match, and says plainly what is missing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from app.core.passphrase_strength import Strength, assess
from app.ui.widgets.common import body_label


class PassphraseFields(QWidget):
    ready_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QLineEdit()
        self.first.setObjectName("newPassphrase")
        self.first.setAccessibleName("New passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("repeatPassphrase")
        self.second.setAccessibleName("Type the passphrase again")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setObjectName("strengthMeter")
        self.meter.setAccessibleName("Passphrase strength")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(8)
        self.strength_label = QLabel()
        self.strength_label.setObjectName("strengthLabel")
        self.advice = body_label("", muted=True, name="strengthAdvice")
        self.match_label = body_label("", muted=True, name="matchLabel")

        form = QFormLayout()
        form.addRow("Passphrase", self.first)
        form.addRow("", self.meter)
        form.addRow("", self.strength_label)
        form.addRow("", self.advice)
        form.addRow("Type it again", self.second)
        form.addRow("", self.match_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)

        self._strength: Strength = assess("")
        self._ready = False
        self._first_changed("")
        self.first.textChanged.connect(self._first_changed)
        self.second.textChanged.connect(self._update_ready)

    def passphrase(self) -> str:
        return self.first.text()

    def is_ready(self) -> bool:
        return self._ready

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def _first_changed(self, text: str) -> None:
        self._strength = assess(text)
        self.meter.setValue(self._strength.score if text else 0)
        self.strength_label.setText(f"Strength: {self._strength.label}" if text else "")
        self.advice.setText(self._strength.advice)
        self._update_ready()

    def _update_ready(self) -> None:
        first, second = self.first.text(), self.second.text()
        if not second:
            self.match_label.setText("")
        elif first == second:
            self.match_label.setText("Both match.")
        else:
            self.match_label.setText("The two don't match yet.")
        ready = self._strength.acceptable and first == second
        if ready != self._ready:
            self._ready = ready
            self.ready_changed.emit(ready)
