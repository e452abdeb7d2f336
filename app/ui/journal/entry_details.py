"""The optional half of a note, behind "Add details": never needed to save.

What was seen or heard comes first, with its hint, because safeguarding guidance asks for the
facts in the words used before anyone's reading of them; what the parent thinks it might mean
has its own box, so the two are never mixed. Then how worried (not said unless chosen),
where (home, school, or the app names used before), what was done, and "come back to this".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from app.ui.journal.entry_words import place_suggestions, strength_words
from app.ui.widgets.common import wrapping_checkbox

TEXT_LINES = 3  # each free-text box shows about this many lines before it scrolls
MAX_PLACE_LENGTH = 80


def _text_box(name: str, accessible: str, hint: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setPlaceholderText(hint)
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field of the note
    line = box.fontMetrics().lineSpacing()
    box.setFixedHeight(line * TEXT_LINES + 16)
    return box


class EntryDetails(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryDetails")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(4)
        self.saw = _text_box("entrySaw", self.tr("What I saw or heard"),
                             self.tr("The facts, in the words you saw or heard"))
        form.addRow(self._label(self.tr("What I saw or heard"), self.saw), self.saw)
        self.think = _text_box("entryThink", self.tr("What I think it might mean"),
                               self.tr("Your own reading of it, kept apart from the facts"))
        form.addRow(self._label(self.tr("What I think it might mean"), self.think), self.think)
        self.strength_group = QButtonGroup(self)
        strength_row = QGridLayout()  # two by two: still fits in a longer language
        strength_row.setHorizontalSpacing(18)
        for index, (value, words) in enumerate(strength_words()):
            radio = QRadioButton(words)
            radio.setObjectName(f"strength{value or 0}")
            radio.setAccessibleName(self.tr("How worried: {words}").format(words=words))
            self.strength_group.addButton(radio, value or 0)
            strength_row.addWidget(radio, index // 2, index % 2)
        strength_row.setColumnStretch(2, 1)
        self.strength_group.button(0).setChecked(True)
        self.strength_group.idToggled.connect(lambda *_: self.changed.emit())
        form.addRow(QLabel(self.tr("How worried are you?")), strength_row)
        self.place = QLineEdit()
        self.place.setObjectName("entryPlace")
        self.place.setAccessibleName(self.tr("Where"))
        self.place.setPlaceholderText(self.tr("Home, school, or which app or game"))
        self.place.setMaxLength(MAX_PLACE_LENGTH)
        self.set_places([])
        form.addRow(self._label(self.tr("Where"), self.place), self.place)
        self.did = _text_box("entryDid", self.tr("What I did"),
                             self.tr("For example: asked how their day was, said nothing yet"))
        form.addRow(self._label(self.tr("What I did"), self.did), self.did)
        come_back_row, self.come_back = wrapping_checkbox(
            self.tr("Come back to this in the next talk"), "entryComeBack")
        form.addRow(come_back_row)
        for box in (self.saw, self.think, self.did):
            box.textChanged.connect(self.changed)
        self.place.textChanged.connect(lambda *_: self.changed.emit())
        self.come_back.toggled.connect(lambda *_: self.changed.emit())

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def set_places(self, used_before: list[str]) -> None:
        completer = QCompleter(place_suggestions(used_before), self.place)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.place.setCompleter(completer)

    def strength(self) -> int | None:
        chosen = self.strength_group.checkedId()
        return chosen if chosen in (1, 2, 3) else None

    def values(self) -> dict[str, Any]:
        """The details as EntryFields keyword values (text trimmed at the ends only)."""
        return {"saw": self.saw.toPlainText().strip(), "think": self.think.toPlainText().strip(),
                "strength": self.strength(), "place": self.place.text().strip(),
                "did": self.did.toPlainText().strip(), "come_back": self.come_back.isChecked()}

    def set_values(self, values: dict[str, Any]) -> None:
        self.saw.setPlainText(str(values.get("saw") or ""))
        self.think.setPlainText(str(values.get("think") or ""))
        strength = values.get("strength")
        self.strength_group.button(strength if strength in (1, 2, 3) else 0).setChecked(True)
        self.place.setText(str(values.get("place") or ""))
        self.did.setPlainText(str(values.get("did") or ""))
        self.come_back.setChecked(bool(values.get("come_back")))

    def filled(self) -> bool:
        values = self.values()
        return any(values[key] for key in ("saw", "think", "place", "did")) or bool(
            values["strength"]) or bool(values["come_back"])
