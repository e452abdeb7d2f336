"""Refusal practice a child can use: big words, one line at a time, next and shuffle.

Keys: Space or → for the next line, S to shuffle, Esc to close — so a parent can hand over the
keyboard, or just read along.
"""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.content.model import Refusal
from app.ui.library.words import tone_words
from app.ui.theme import body_point_size
from app.ui.widgets.common import body_label, button


class PracticeDialog(QDialog):
    def __init__(self, lines: list[Refusal], parent: QWidget | None = None,
                 seed: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceDialog")
        self.setWindowTitle(self.tr("Practise saying no"))
        self.resize(760, 460)
        self._lines = list(lines)
        self._random = random.Random(seed)
        self._index = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 28)
        self.tone = body_label("", muted=True, name="practiceTone")
        layout.addWidget(self.tone)
        self.line = QLabel()
        self.line.setObjectName("practiceLine")
        self.line.setWordWrap(True)
        self.line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # About 2.7 times the body text, whatever size the parent's system font is.
        size = body_point_size(QApplication.instance()) * 2.7
        self.line.setStyleSheet(f"font-size: {size:.1f}pt; font-weight: 600;")
        layout.addWidget(self.line, 1)
        self.position = body_label("", muted=True, name="practicePosition")
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.position)
        row = QHBoxLayout()
        self.shuffle_button = button(self.tr("Shuffle"), "practiceShuffle",
                                     accessible=self.tr("Shuffle the lines"))
        self.shuffle_button.clicked.connect(self.shuffle)
        self.next_button = button(self.tr("Next line"), "practiceNext", primary=True)
        self.next_button.clicked.connect(self.next_line)
        close = button(self.tr("Done"), "practiceDone",
                       accessible=self.tr("Done practising"))
        close.clicked.connect(self.accept)
        row.addWidget(self.shuffle_button)
        row.addStretch(1)
        row.addWidget(close)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        self._show()

    def current(self) -> Refusal | None:
        return self._lines[self._index] if self._lines else None

    def _show(self) -> None:
        line = self.current()
        if line is None:
            self.line.setText(self.tr("No lines to practise for this age yet."))
            self.position.setText("")
            self.tone.setText("")
            self.next_button.setEnabled(False)
            return
        self.line.setText(line.text)
        self.tone.setText(tone_words(line.tone))
        self.position.setText(self.tr("{number} of {total}").format(
            number=self._index + 1, total=len(self._lines)))

    def next_line(self) -> None:
        if self._lines:
            self._index = (self._index + 1) % len(self._lines)
            self._show()

    def shuffle(self) -> None:
        self._random.shuffle(self._lines)
        self._index = 0
        self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Right):
            self.next_line()
        elif event.key() == Qt.Key.Key_S:
            self.shuffle()
        else:
            super().keyPressEvent(event)
