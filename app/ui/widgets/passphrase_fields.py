"""Choosing a passphrase: typed twice, with its strength shown as you type.

Used by first-run setup and by "Forgot passphrase?". It is ready only when the passphrase is
strong enough and both copies match, and says plainly what is missing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from app.core.passphrase_strength import MIN_LENGTH, Strength, assess
from app.ui.widgets.common import body_label


class PassphraseFields(QWidget):
    ready_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QLineEdit()
        self.first.setObjectName("newPassphrase")
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("repeatPassphrase")
        self.second.setAccessibleName(self.tr("Type the passphrase again"))
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setObjectName("strengthMeter")
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(8)
        self.strength_label = QLabel()
        self.strength_label.setObjectName("strengthLabel")
        self.advice = body_label("", muted=True, name="strengthAdvice")
        self.match_label = body_label("", muted=True, name="matchLabel")

        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.first)
        form.addRow("", self.meter)
        form.addRow("", self.strength_label)
        form.addRow("", self.advice)
        form.addRow(self.tr("Type it again"), self.second)
        form.addRow("", self.match_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)

        self._strength: Strength = assess("")
        self._ready = False
        self._first_changed("")
        self.first.textChanged.connect(self._first_changed)
        self.second.textChanged.connect(self._update_ready)

    def _label_words(self) -> dict[str, str]:
        return {"very-weak": self.tr("very weak"), "weak": self.tr("weak"),
                "fair": self.tr("fair"), "strong": self.tr("strong"),
                "very-strong": self.tr("very strong")}

    def _advice_words(self) -> dict[str, str]:
        return {
            "start": self.tr("Three or four unrelated words make a strong, memorable "
                             "passphrase."),
            "too-short": self.tr("Use at least {count} characters — a few unrelated words "
                                 "work well.").format(count=MIN_LENGTH),
            "easy-to-guess": self.tr("That is easy to guess: common words, names, dates or "
                                     "keyboard patterns. Add a few words that have nothing to "
                                     "do with your family."),
            "add-words": self.tr("Add another word or two that have nothing to do with your "
                                 "family."),
            "good": self.tr("Good — that's a strong passphrase."),
        }

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
        label = self._label_words().get(self._strength.label, "")
        self.strength_label.setText(self.tr("Strength: {label}").format(label=label)
                                    if text else "")
        self.advice.setText(self._advice_words().get(self._strength.advice, ""))
        self._update_ready()

    def _update_ready(self) -> None:
        first, second = self.first.text(), self.second.text()
        if not second:
            self.match_label.setText("")
        elif first == second:
            self.match_label.setText(self.tr("Both match."))
        else:
            self.match_label.setText(self.tr("The two don't match yet."))
        ready = self._strength.acceptable and first == second
        if ready != self._ready:
            self._ready = ready
            self.ready_changed.emit(ready)
