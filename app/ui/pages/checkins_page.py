"""The Check-ins page: the weekly schedules, a talk any time, the history, calendar export.

Schedules are listed with their next time and a countdown; each can be changed, paused or
deleted (history stays). The history shows, per child, every check-in done, skipped (with its
reason), missed or moved, and how steady the habit has been lately.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.calendar_export import schedules_to_ics
from app.core.checkins import (
    STATUS_WORDS,
    Schedule,
    countdown_words,
    next_for_child,
    weekly_consistency,
)
from app.core.clock import local_today
from app.core.schedules import REMINDER_CHOICES, next_slot
from app.storage.services import Services
from app.storage.writes import SaveFailed
from app.ui import messages
from app.ui.checkins.controller import CheckinController
from app.ui.checkins.schedule_dialog import ScheduleDialog
from app.ui.widgets.common import (
    body_label,
    button,
    card,
    clear_layout,
    fill_child_combo,
    title_label,
)

CALENDAR_FILE = "porchlight-check-ins.ics"
CLOSE_TO_TRAY_KEY = "window.close_to_tray"


def when_words(moment: dt.datetime, now: dt.datetime, zone: dt.tzinfo | None = None) -> str:
    """The moment on the schedule's own clock (the computer's only when no zone is known)."""
    local = moment.astimezone(zone)
    return f"{local:%a %d %b, %H:%M} ({countdown_words(now, moment)})"


class CheckinsPage(QWidget):
    title = "Check-ins"

    def __init__(self, services: Services, controller: CheckinController, *,
                 autostart=None, tray_available: bool = False) -> None:
        super().__init__()
        self.setObjectName("checkinsPage")
        self.services, self.controller = services, controller
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)

        header = QHBoxLayout()
        header.addWidget(title_label("Weekly check-ins"), 1)
        self.talk_now = button("Talk now…", "talkNow")
        self.talk_now.setToolTip("Record a talk you had outside the schedule")
        self.talk_now.clicked.connect(self.record_talk_now)
        self.export_button = button("Add to calendar…", "exportCalendar")
        self.export_button.clicked.connect(self.export_calendar)
        self.add_button = button("Set up a check-in", "addSchedule", primary=True)
        self.add_button.clicked.connect(self.add_schedule)
        for widget in (self.talk_now, self.export_button, self.add_button):
            header.addWidget(widget)
        layout.addLayout(header)
        layout.addWidget(body_label(
            "A few minutes, once a week, is what keeps children talking to you about their "
            "online life. Porchlight reminds you and keeps track — only on this computer.",
            muted=True))

        self.schedule_host = QVBoxLayout()
        self.schedule_host.setSpacing(10)
        layout.addLayout(self.schedule_host)

        layout.addWidget(title_label("History", "sectionTitle"))
        pick = QHBoxLayout()
        self.history_child = QComboBox()
        self.history_child.setObjectName("historyChild")
        self.history_child.setAccessibleName("History for")
        self.history_child.currentIndexChanged.connect(self.fill_history)
        pick.addWidget(self.history_child)
        self.consistency = body_label("", name="consistency")
        pick.addWidget(self.consistency, 1)
        layout.addLayout(pick)
        self.history = QListWidget()
        self.history.setObjectName("history")
        self.history.setAccessibleName("Check-in history")
        self.history.setMinimumHeight(160)
        layout.addWidget(self.history)

        layout.addWidget(title_label("Reminders", "sectionTitle"))
        self.show_names = QCheckBox("Show children's names in desktop notifications")
        self.show_names.setObjectName("showNames")
        self.show_names.setToolTip("Off by default: notifications can be seen over your "
                                   "shoulder or on a locked screen.")
        self.show_names.setChecked(controller.show_names())
        self.show_names.toggled.connect(controller.set_show_names)
        layout.addWidget(self.show_names)
        self.autostart = autostart
        self.start_at_login = QCheckBox("Start Porchlight when I log in (it waits in the "
                                        "background, locked)")
        self.start_at_login.setObjectName("startAtLogin")
        self.start_at_login.setVisible(autostart is not None)
        if autostart is not None:
            self.start_at_login.setChecked(autostart.is_enabled())
        self.start_at_login.toggled.connect(self.set_start_at_login)
        layout.addWidget(self.start_at_login)
        self.close_to_tray = QCheckBox("Keep running in the tray when I close the window")
        self.close_to_tray.setObjectName("closeToTray")
        self.close_to_tray.setVisible(tray_available)
        self.close_to_tray.setChecked(services.settings.get(CLOSE_TO_TRAY_KEY) != "0")
        self.close_to_tray.toggled.connect(
            lambda on: services.settings.set(CLOSE_TO_TRAY_KEY, "1" if on else "0"))
        layout.addWidget(self.close_to_tray)
        layout.addStretch(1)
        controller.changed.connect(self.refresh)
        self.refresh()

    # -- listing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        clear_layout(self.schedule_host)
        schedules = self.services.checkins.schedules()
        if not schedules:
            self.schedule_host.addWidget(body_label(
                "No check-ins yet. Set one up for a day and time that usually works — you can "
                "change it any time.", name="noSchedules"))
        for schedule in schedules:
            self.schedule_host.addWidget(self._schedule_card(schedule))
        fill_child_combo(self.history_child, self.services.family.children())
        self.fill_history()

    def _schedule_card(self, schedule: Schedule) -> QWidget:
        now = self.controller.clock.now()
        frame, layout = card(f"Check-in {schedule.id}")
        frame.setProperty("scheduleId", schedule.id)
        who = self.controller.who(schedule.child_ids)
        layout.addWidget(title_label(f"{schedule.spec.describe()} — with {who}", "sectionTitle"))
        facts = []
        if schedule.paused:
            facts.append("Paused")
        else:
            facts.append("Next: " + when_words(next_slot(schedule.spec, now), now,
                                               schedule.spec.tz))
        if schedule.caregiver:
            facts.append(f"Led by {schedule.caregiver}")
        reminders = [REMINDER_CHOICES[r].lower() for r in schedule.spec.reminders]
        facts.append("Reminders: " + (", ".join(reminders) if reminders else "none"))
        layout.addWidget(body_label(" · ".join(facts), muted=True, name="scheduleFacts"))
        row = QHBoxLayout()
        edit = button("Change…", f"editSchedule{schedule.id}")
        edit.clicked.connect(lambda: self.edit_schedule(schedule))
        pause = button("Resume" if schedule.paused else "Pause", f"pauseSchedule{schedule.id}")
        pause.clicked.connect(lambda: self._change(
            lambda: self.services.checkins.set_paused(schedule.id, not schedule.paused)))
        delete = button("Delete…", f"deleteSchedule{schedule.id}", danger=True)
        delete.clicked.connect(lambda: self.delete_schedule(schedule))
        for widget in (edit, pause, delete):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        return frame

    def fill_history(self) -> None:
        self.history.clear()
        child_id = self.history_child.currentData()
        if child_id is None:
            self.consistency.setText("")
            self.history.hide()
            return
        occurrences = self.services.checkins.occurrences(child_id=child_id)
        done, counted = weekly_consistency([o.status for o in occurrences])
        self.consistency.setText(f"Talked at {done} of the last {counted} check-ins"
                                 if counted else "No check-ins yet")
        zones = {s.id: s.spec.tz for s in self.services.checkins.schedules()}
        for occurrence in reversed(occurrences):
            words = STATUS_WORDS[occurrence.status]
            if occurrence.schedule_id is None and occurrence.status == "done":
                words = "Talked (any time)"
            due = occurrence.due_at.astimezone(zones.get(occurrence.schedule_id))
            line = f"{due:%a %d %b %Y, %H:%M} — {words}"
            if occurrence.rescheduled:
                line += " (moved)"
            if occurrence.reason:
                line += f": {occurrence.reason}"
            self.history.addItem(line)
        self.history.setVisible(bool(occurrences))

    def next_for(self, child_ids: list[int]) -> dict[int, dt.datetime | None]:
        """Each child's next check-in, reading the schedules and occurrences once."""
        store, now = self.services.checkins, self.controller.clock.now()
        schedules, occurrences = store.schedules(), store.occurrences()
        return {c: next_for_child(c, schedules, occurrences, now) for c in child_ids}

    # -- actions ----------------------------------------------------------------------------

    def _change(self, change) -> None:
        try:
            change()
        except SaveFailed as error:
            QMessageBox.warning(self, "Not saved", messages.for_vault_error(error))
        self.controller.replan()
        self.refresh()

    def _dialog(self, schedule: Schedule | None) -> None:
        children = self.services.family.children()
        if not children:
            QMessageBox.information(self, "Add a child first",
                                    "Add a child on the Family page, then set up a check-in.")
            return
        store = self.services.checkins
        if schedule is None:
            def commit(spec, ids, caregiver):
                return store.add_schedule(spec, ids, caregiver)
        else:
            def commit(spec, ids, caregiver):
                return store.update_schedule(schedule.id, spec, ids, caregiver)
        dialog = ScheduleDialog(children, commit, local_today(self.controller.clock), schedule,
                                self)
        if dialog.exec() == ScheduleDialog.DialogCode.Accepted:
            self.controller.replan()
            self.refresh()

    def add_schedule(self) -> None:
        self._dialog(None)

    def edit_schedule(self, schedule: Schedule) -> None:
        self._dialog(schedule)

    def delete_schedule(self, schedule: Schedule) -> None:
        answer = QMessageBox.question(
            self, "Delete this check-in?",
            f"Stop the check-in “{schedule.spec.describe()}”? Talks you already had stay in "
            "the history.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self._change(lambda: self.services.checkins.delete_schedule(schedule.id))

    def record_talk_now(self) -> None:
        child_id = self.history_child.currentData()
        if child_id is None:
            return
        self.controller.start(None, (child_id,))
        self.refresh()

    def export_calendar(self) -> None:
        schedules = [s for s in self.services.checkins.schedules() if not s.paused]
        if not schedules:
            QMessageBox.information(self, "Nothing to add yet",
                                    "Set up a check-in first, then add it to your calendar.")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save calendar file",
                                              str(Path.home() / CALENDAR_FILE),
                                              "Calendar files (*.ics)")
        if not path:
            return
        names = None
        if QMessageBox.question(
                self, "Include names?",
                "Put your children's names in the calendar events? Shared or synced calendars "
                "can be seen by others.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes:
            names = {c.id: c.name for c in self.services.family.children(include_archived=True)}
        now = self.controller.clock.now()
        data = schedules_to_ics(schedules, names, today=local_today(self.controller.clock),
                                stamp=now)
        try:
            Path(path).write_bytes(data)
        except OSError:
            QMessageBox.warning(self, "Not saved", messages.DISK_PROBLEM)

    def set_start_at_login(self, on: bool) -> None:
        try:
            self.autostart.set_enabled(on)
        except OSError:
            QMessageBox.warning(self, "Couldn't change this",
                                "Porchlight couldn't change the start-up setting on this "
                                "computer. Nothing else was changed.")
            self.start_at_login.blockSignals(True)
            self.start_at_login.setChecked(self.autostart.is_enabled())
            self.start_at_login.blockSignals(False)
