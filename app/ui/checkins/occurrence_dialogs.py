"""Small dialogs for one check-in: record the talk, skip it with a reason, or move it.

"Record the talk" is where "Start" lands until the guided coach arrives; the coach will take
over the same entry point (``CheckinController.start``). Notes and reasons stay in the
encrypted database and never appear in notifications or logs.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

SKIP_REASONS = ("We were away", "Someone was ill", "Busy day — we'll talk next week",
                "We talked at another time")


class _Base(QDialog):
    def __init__(self, name: str, heading: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(heading)
        self.setMinimumWidth(460)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(24, 20, 24, 20)
        self.column.setSpacing(10)
        self.column.addWidget(title_label(heading, "sectionTitle"))
        if intro:
            self.column.addWidget(body_label(intro, muted=True))
        self.message = message_label()

    def finish(self, ok_text: str, ok_name: str) -> None:
        self.column.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = button("Cancel", f"{ok_name}Cancel")
        cancel.clicked.connect(self.reject)
        self.ok_button = button(ok_text, ok_name, primary=True)
        self.ok_button.clicked.connect(self.try_accept)
        row.addWidget(cancel)
        row.addWidget(self.ok_button)
        self.column.addLayout(row)

    def try_accept(self) -> None:
        self.accept()


class TalkDialog(_Base):
    """Record a talk as done, with an optional short note."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__("talkDialog", f"Check-in with {who}",
                         "Have your talk, then note how it went. A line or two is plenty — "
                         "only you can read it.", parent)
        self.note = QPlainTextEdit()
        self.note.setObjectName("talkNote")
        self.note.setAccessibleName("A short note about the talk")
        self.note.setPlaceholderText("What you talked about, anything to come back to…")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(110)
        self.column.addWidget(self.note)
        self.finish("We talked", "talkDone")

    def note_text(self) -> str:
        return self.note.toPlainText().strip()


class SkipDialog(_Base):
    """Skip one check-in; the reason is kept in its history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("skipDialog", "Skip this check-in",
                         "Skipping is fine now and then. The reason is kept in the history so "
                         "you can see patterns later.", parent)
        self.reason = QComboBox()
        self.reason.setObjectName("skipReason")
        self.reason.setAccessibleName("Reason")
        self.reason.setEditable(True)
        self.reason.addItems(list(SKIP_REASONS))
        self.reason.setCurrentText("")
        self.reason.lineEdit().setPlaceholderText("Why are you skipping? (pick or type)")
        self.column.addWidget(self.reason)
        self.finish("Skip this one", "skipConfirm")

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def try_accept(self) -> None:
        if not self.reason_text():
            show_message(self.message, "Please give a short reason — it helps later.")
            return
        self.accept()


class RescheduleDialog(_Base):
    """Move one check-in to another time; the weekly rule is unchanged."""

    def __init__(self, now: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__("rescheduleDialog", "Move this check-in",
                         "Pick a better time for this week's talk. The usual day and time stay "
                         "the same for later weeks.", parent)
        self._now = now
        in_an_hour = now.replace(second=0, microsecond=0) + dt.timedelta(hours=1)
        start = QDateTime.fromSecsSinceEpoch(int(in_an_hour.timestamp()))
        self.when = QDateTimeEdit(start)
        self.when.setObjectName("rescheduleWhen")
        self.when.setAccessibleName("New time")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.column.addWidget(self.when)
        self.finish("Move it", "rescheduleConfirm")

    def moment(self) -> dt.datetime:
        return self.when.dateTime().toPython().astimezone(dt.UTC)

    def try_accept(self) -> None:
        if self.moment() <= self._now:
            show_message(self.message, "Please pick a time that hasn't passed yet.")
            return
        self.accept()

