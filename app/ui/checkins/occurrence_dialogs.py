"""Small dialogs for one check-in: record the talk, skip it with a reason, or move it.

"Record the talk" is where "Start" lands until the guided coach arrives; the coach will take
over the same entry point (``CheckinController.start``). Notes and reasons stay in the
encrypted database and never appear in notifications or logs. The new time of a moved
check-in is picked on the schedule's own clock, its city named when that differs from the
computer's.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QDateTime,
    QLocale,
    QTimeZone,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.checkins.words import zone_label
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

SKIP_REASONS = (QT_TRANSLATE_NOOP("SkipDialog", "We were away"),
                QT_TRANSLATE_NOOP("SkipDialog", "Someone was ill"),
                QT_TRANSLATE_NOOP("SkipDialog", "Busy day — we'll talk next week"),
                QT_TRANSLATE_NOOP("SkipDialog", "We talked at another time"))


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
        cancel = button(QCoreApplication.translate("CheckinDialog", "Cancel"),
                        f"{ok_name}Cancel")
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
        super().__init__("talkDialog", self.tr("Check-in with {names}").format(names=who),
                         self.tr("Have your talk, then note how it went. A line or two is "
                                 "plenty — only you can read it."), parent)
        self.note = QPlainTextEdit()
        self.note.setObjectName("talkNote")
        self.note.setAccessibleName(self.tr("A short note about the talk"))
        self.note.setPlaceholderText(self.tr("What you talked about, anything to come back "
                                             "to…"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(110)
        self.column.addWidget(self.note)
        self.finish(self.tr("We talked"), "talkDone")

    def note_text(self) -> str:
        return self.note.toPlainText().strip()


class SkipDialog(_Base):
    """Skip one check-in; the reason is kept in its history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("skipDialog", self.tr("Skip this check-in"),
                         self.tr("Skipping is fine now and then. The reason is kept in the "
                                 "history so you can see patterns later."), parent)
        self.reason = QComboBox()
        self.reason.setObjectName("skipReason")
        self.reason.setAccessibleName(self.tr("Reason for skipping"))
        self.reason.setEditable(True)
        self.reason.addItems([QCoreApplication.translate("SkipDialog", r)
                              for r in SKIP_REASONS])
        self.reason.setCurrentText("")
        self.reason.lineEdit().setPlaceholderText(self.tr("Why are you skipping? (pick or "
                                                          "type)"))
        self.column.addWidget(self.reason)
        self.finish(self.tr("Skip this one"), "skipConfirm")

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def try_accept(self) -> None:
        if not self.reason_text():
            show_message(self.message, self.tr("Please give a short reason — it helps later."))
            return
        self.accept()


class RescheduleDialog(_Base):
    """Move one check-in to another time; the weekly rule is unchanged."""

    def __init__(self, now: dt.datetime, parent: QWidget | None = None, *,
                 zone: str = "") -> None:
        super().__init__("rescheduleDialog", self.tr("Move this check-in"),
                         self.tr("Pick a better time for this week's talk. The usual day and "
                                 "time stay the same for later weeks."), parent)
        self._now = now
        self._zone = QTimeZone(QByteArray(zone.encode())) if zone else QTimeZone.systemTimeZone()
        if not self._zone.isValid():
            self._zone = QTimeZone.systemTimeZone()
        in_an_hour = now.replace(second=0, microsecond=0) + dt.timedelta(hours=1)
        start = QDateTime.fromSecsSinceEpoch(int(in_an_hour.timestamp()), self._zone)
        self.when = QDateTimeEdit(start)
        self.when.setTimeZone(self._zone)
        self.when.setObjectName("rescheduleWhen")
        label = zone_label(ZoneInfo(zone), zone, now) if zone else ""
        self.when.setAccessibleName(self.tr("New time{zone}").format(zone=label))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(QLocale.system().dateTimeFormat(QLocale.FormatType.ShortFormat))
        self.column.addWidget(self.when)
        if label:
            self.column.addWidget(body_label(
                self.tr("Times here are on the check-in's own clock{zone}.").format(zone=label),
                muted=True, name="rescheduleZone"))
        self.finish(self.tr("Move it"), "rescheduleConfirm")

    def moment(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), dt.UTC)

    def try_accept(self) -> None:
        if self.moment() <= self._now:
            show_message(self.message, self.tr("Please pick a time that hasn't passed yet."))
            return
        self.accept()

