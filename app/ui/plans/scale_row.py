"""A row of five choices, 1 to 5, with words at both ends ("Badly" … "Very well").

The Homework Rating Scale asks how a task went and how hard it was on short scales; a row of
radio buttons with its two ends in words is quicker to answer than a slider and reads well to a
screen reader (each button says its number and what the ends mean). Nothing is chosen until the
parent chooses: an unanswered scale stays unanswered (``value()`` is None).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget


class ScaleRow(QWidget):
    changed = Signal()

    def __init__(self, name: str, question: str, low: str, high: str,
                 value: int | None = None) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAccessibleName(question)
        self.group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.low_label = low_label = QLabel(low)
        low_label.setProperty("muted", True)
        row.addWidget(low_label)
        for number in range(1, 6):
            choice = QRadioButton(str(number))
            choice.setObjectName(f"{name}{number}")
            choice.setAccessibleName(self.tr("{question}: {n} of 5 ({low} to {high})").format(
                question=question, n=number, low=low, high=high))
            self.group.addButton(choice, number)
            row.addWidget(choice)
        high_label = QLabel(high)
        high_label.setProperty("muted", True)
        row.addWidget(high_label)
        row.addStretch(1)
        self.set_value(value)
        self.group.idToggled.connect(lambda _id, on: on and self.changed.emit())

    def line_up(self, *others: ScaleRow) -> None:
        """Give every row's left-hand words one width, so the 1s sit under each other."""
        rows = (self, *others)
        width = max(row.low_label.sizeHint().width() for row in rows)
        for row in rows:
            row.low_label.setMinimumWidth(width)

    def value(self) -> int | None:
        chosen = self.group.checkedId()
        return chosen if chosen > 0 else None

    def set_value(self, value: int | None) -> None:
        if value is None:
            self.group.setExclusive(False)
            for choice in self.group.buttons():
                choice.setChecked(False)
            self.group.setExclusive(True)
        elif 1 <= value <= 5:
            self.group.button(value).setChecked(True)
