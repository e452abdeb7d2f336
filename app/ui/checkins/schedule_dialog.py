"""Setting up or changing a check-in: who, which day and time, how often, who leads, reminders.

The time zone defaults to the computer's and is stored with the schedule, so "Sunday at 6 pm"
stays 6 pm at home even when the laptop travels. Who leads it is picked from the family's
caregivers (Settings → Family keeps that list); a name the schedule already has stays offered
even if it is no longer on the list, so opening and saving never drops it. Problems are shown
in the dialog, which stays open until they are put right; nothing is saved half-way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from zoneinfo import available_timezones

from PySide6.QtCore import QLocale, QTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.checkins import Schedule
from app.core.family import Child
from app.core.schedules import (
    EVENING_BEFORE,
    REMINDER_CHOICES,
    WEEKDAYS,
    ScheduleProblem,
    ScheduleSpec,
)
from app.storage.writes import SaveFailed
from app.ui import messages
from app.ui.checkins.words import problem_words, reminder_choice
from app.ui.dates import weekday_name
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
                 parent: QWidget | None = None, *, caregivers: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleDialog")
        self._commit = commit
        heading = (self.tr("Change this check-in") if schedule
                   else self.tr("Set up a weekly check-in"))
        self.setWindowTitle(heading)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title_label(heading, "sectionTitle"))
        layout.addWidget(body_label(self.tr(
            "A short, relaxed talk at the same time each week works best — in the car, at "
            "dinner, at bedtime."), muted=True))

        chosen = set(schedule.child_ids) if schedule else {c.id for c in children[:1]}
        self.child_boxes: dict[int, QCheckBox] = {}
        who = QVBoxLayout()
        for child in children:
            box = QCheckBox(child.name)
            box.setObjectName(f"scheduleChild{child.id}")
            box.setAccessibleName(self.tr("With {name}").format(name=child.name))
            box.setChecked(child.id in chosen)
            self.child_boxes[child.id] = box
            who.addWidget(box)

        spec = schedule.spec if schedule else None
        self.weekday = QComboBox()
        self.weekday.setObjectName("scheduleWeekday")
        self.weekday.setAccessibleName(self.tr("Day of the week"))
        self.weekday.addItems([weekday_name(day) for day in WEEKDAYS])
        self.weekday.setCurrentIndex(spec.weekday if spec else 6)
        self.time = QTimeEdit(QTime(spec.at.hour, spec.at.minute) if spec else QTime(18, 0))
        self.time.setObjectName("scheduleTime")
        self.time.setAccessibleName(self.tr("Time"))
        self.time.setDisplayFormat(QLocale.system().timeFormat(QLocale.FormatType.ShortFormat))
        self.every = QComboBox()
        self.every.setObjectName("scheduleEvery")
        self.every.setAccessibleName(self.tr("How often"))
        self.every.addItems([self.tr("Every week"), self.tr("Every two weeks")])
        self.every.setCurrentIndex((spec.every_weeks - 1) if spec else 0)
        self.first = QDateEdit(spec.first_date if spec else today)
        self.first.setObjectName("scheduleFirst")
        self.first.setAccessibleName(self.tr("Starting from"))
        self.first.setCalendarPopup(True)
        self.first.setDisplayFormat(QLocale.system().dateFormat(QLocale.FormatType.ShortFormat))
        self.caregiver = QComboBox()
        self.caregiver.setObjectName("scheduleCaregiver")
        self.caregiver.setAccessibleName(self.tr("Who leads the talk"))
        self.caregiver.addItem(self.tr("Nobody in particular"), "")
        current = schedule.caregiver if schedule else ""
        for name in [*caregivers, *([current] if current and current not in caregivers else [])]:
            self.caregiver.addItem(name, name)
        self.choose_caregiver(current)
        caregiver_hint = body_label(self.tr(
            "Add or rename the people who lead check-ins in Settings, under Family."),
            muted=True)
        self.zone = QComboBox()
        self.zone.setObjectName("scheduleZone")
        self.zone.setAccessibleName(self.tr("Time zone"))
        zones = sorted(available_timezones())
        self.zone.addItems(zones)
        current_zone = spec.zone if spec else system_zone()
        self.zone.setCurrentIndex(max(zones.index(current_zone) if current_zone in zones else 0,
                                      0))
        self.zone.setEditable(True)
        self.reminder_boxes: dict[str, QCheckBox] = {}
        reminders = QVBoxLayout()
        picked = spec.reminders if spec else DEFAULT_REMINDERS
        for key in REMINDER_CHOICES:
            box = QCheckBox(reminder_choice(key))
            box.setObjectName(f"scheduleReminder_{key}")
            box.setChecked(key in picked)
            self.reminder_boxes[key] = box
            reminders.addWidget(box)

        when = QHBoxLayout()
        when.addWidget(self.weekday, 1)
        when.addWidget(self.time)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("With"), who)
        form.addRow(self.tr("When"), when)
        form.addRow(self.tr("How often"), self.every)
        form.addRow(self.tr("Starting from"), self.first)
        form.addRow(self.tr("Who leads it"), self.caregiver)
        form.addRow("", caregiver_hint)
        form.addRow(self.tr("Remind me"), reminders)
        form.addRow(self.tr("Time zone"), self.zone)
        layout.addLayout(form)
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = button(self.tr("Cancel"), "scheduleCancel",
                        accessible=self.tr("Cancel this check-in's changes"))
        cancel.clicked.connect(self.reject)
        self.save_button = button(self.tr("Save check-in"), "scheduleSave", primary=True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def choose_caregiver(self, name: str) -> None:
        """Pick ``name`` as the one who leads (nobody, if it is not offered)."""
        self.caregiver.setCurrentIndex(max(self.caregiver.findData(name), 0))

    def caregiver_name(self) -> str:
        return str(self.caregiver.currentData() or "")

    def spec(self) -> ScheduleSpec:
        at = self.time.time()
        return ScheduleSpec(self.weekday.currentIndex(), dt.time(at.hour(), at.minute()),
                            self.zone.currentText().strip(), self.every.currentIndex() + 1,
                            self.first.date().toPython(),
                            tuple(k for k, box in self.reminder_boxes.items() if box.isChecked()))

    def save(self) -> None:
        children = [i for i, box in self.child_boxes.items() if box.isChecked()]
        try:
            self._commit(self.spec(), children, self.caregiver_name())
        except ScheduleProblem as problem:
            show_message(self.message, problem_words(problem))
            return
        except SaveFailed as error:
            show_message(self.message, messages.for_vault_error(error))
            return
        self.accept()
