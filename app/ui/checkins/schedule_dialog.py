"""Setting up or changing a check-in: who, which day and time, how often, who leads, reminders.

The time zone defaults to the computer's and is stored with the schedule, so "Sunday at 6 pm"
stays 6 pm at home even when the laptop travels. Problems are shown in the dialog, which stays
open until they are put right; nothing is saved half-way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import available_timezones

from PySide6.QtCore import QTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.checkins import Schedule
from app.core.family import Child
from app.core.schedules import (
    EVENING_BEFORE,
    REMINDER_CHOICES,
    WEEKDAY_NAMES,
    ScheduleProblem,
    ScheduleSpec,
)
from app.storage.writes import SaveFailed
from app.ui import messages
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

DEFAULT_REMINDERS = (EVENING_BEFORE, "15")


def system_zone() -> str:
    """The computer's IANA zone name, or UTC if it has none we know."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode(errors="ignore")
    return name if name in available_timezones() else "UTC"


class ScheduleDialog(QDialog):
    def __init__(self, children: list[Child], commit: Callable[[ScheduleSpec, list[int], str],
                                                                object],
                 today: dt.date, schedule: Schedule | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleDialog")
        self._commit = commit
        heading = "Change this check-in" if schedule else "Set up a weekly check-in"
        self.setWindowTitle(heading)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title_label(heading, "sectionTitle"))
        layout.addWidget(body_label(
            "A short, relaxed talk at the same time each week works best — in the car, at "
            "dinner, at bedtime.", muted=True))

        chosen = set(schedule.child_ids) if schedule else {c.id for c in children[:1]}
        self.child_boxes: dict[int, QCheckBox] = {}
        who = QVBoxLayout()
        for child in children:
            box = QCheckBox(child.name)
            box.setObjectName(f"scheduleChild{child.id}")
            box.setChecked(child.id in chosen)
            self.child_boxes[child.id] = box
            who.addWidget(box)

        spec = schedule.spec if schedule else None
        self.weekday = QComboBox()
        self.weekday.setObjectName("scheduleWeekday")
        self.weekday.setAccessibleName("Day of the week")
        self.weekday.addItems(list(WEEKDAY_NAMES))
        self.weekday.setCurrentIndex(spec.weekday if spec else 6)
        self.time = QTimeEdit(QTime(spec.at.hour, spec.at.minute) if spec else QTime(18, 0))
        self.time.setObjectName("scheduleTime")
        self.time.setAccessibleName("Time")
        self.time.setDisplayFormat("HH:mm")
        self.every = QComboBox()
        self.every.setObjectName("scheduleEvery")
        self.every.setAccessibleName("How often")
        self.every.addItems(["Every week", "Every two weeks"])
        self.every.setCurrentIndex((spec.every_weeks - 1) if spec else 0)
        self.first = QDateEdit(spec.first_date if spec else today)
        self.first.setObjectName("scheduleFirst")
        self.first.setAccessibleName("Starting from")
        self.first.setCalendarPopup(True)
        self.first.setDisplayFormat("d MMM yyyy")
        self.caregiver = QLineEdit(schedule.caregiver if schedule else "")
        self.caregiver.setObjectName("scheduleCaregiver")
        self.caregiver.setAccessibleName("Who leads the talk")
        self.caregiver.setPlaceholderText("e.g. Mum, Dad, Grandma")
        self.caregiver.setMaxLength(80)
        self.zone = QComboBox()
        self.zone.setObjectName("scheduleZone")
        self.zone.setAccessibleName("Time zone")
        zones = sorted(available_timezones())
        self.zone.addItems(zones)
        current_zone = spec.zone if spec else system_zone()
        self.zone.setCurrentIndex(max(zones.index(current_zone) if current_zone in zones else 0,
                                      0))
        self.zone.setEditable(True)
        self.reminder_boxes: dict[str, QCheckBox] = {}
        reminders = QVBoxLayout()
        picked = spec.reminders if spec else DEFAULT_REMINDERS
        for key, words in REMINDER_CHOICES.items():
            box = QCheckBox(words)
            box.setObjectName(f"scheduleReminder_{key}")
            box.setChecked(key in picked)
            self.reminder_boxes[key] = box
            reminders.addWidget(box)

        when = QHBoxLayout()
        when.addWidget(self.weekday, 1)
        when.addWidget(self.time)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow("With", who)
        form.addRow("When", when)
        form.addRow("How often", self.every)
        form.addRow("Starting from", self.first)
        form.addRow("Who leads it", self.caregiver)
        form.addRow("Remind me", reminders)
        form.addRow("Time zone", self.zone)
        layout.addLayout(form)
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = button("Cancel", "scheduleCancel")
        cancel.clicked.connect(self.reject)
        self.save_button = button("Save check-in", "scheduleSave", primary=True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def spec(self) -> ScheduleSpec:
        at = self.time.time()
        return ScheduleSpec(self.weekday.currentIndex(), dt.time(at.hour(), at.minute()),
                            self.zone.currentText().strip(), self.every.currentIndex() + 1,
                            self.first.date().toPython(),
                            tuple(k for k, box in self.reminder_boxes.items() if box.isChecked()))

    def save(self) -> None:
        children = [i for i, box in self.child_boxes.items() if box.isChecked()]
        try:
            self._commit(self.spec(), children, self.caregiver.text())
        except ScheduleProblem as problem:
            show_message(self.message, str(problem))
            return
        except SaveFailed as error:
            show_message(self.message, messages.for_vault_error(error))
            return
        self.accept()
