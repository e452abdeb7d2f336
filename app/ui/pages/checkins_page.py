"""The Check-ins page: the weekly schedules, a talk any time, the history, calendar export.

Schedules are listed with their next time (on the schedule's own clock, its city named when
that differs from the computer's) and a countdown; each can be changed, paused or deleted
(history stays). The history shows, per child, every check-in done, skipped (with its
reason), missed or moved, and how steady the habit has been lately.

Everything the page shows is read on the database worker in one read (``refresh``), and every
change is one write through the controller; the page follows ``Changes`` (check-ins, family,
talks) instead of hand-wired signals. Between reads the countdowns tick without SQL.
The Reminders options (names in notifications, start at login, close to tray) live in Settings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.calendar_export import CalendarWords, schedules_to_ics
from app.core.checkins import Occurrence, Schedule, weekly_consistency
from app.core.clock import local_today
from app.core.family import Child
from app.core.schedules import next_slot
from app.storage.services import Services
from app.ui import messages
from app.ui.checkins import words
from app.ui.checkins.schedule_dialog import ScheduleDialog
from app.ui.dates import short_moment
from app.ui.ops import follow_changes
from app.ui.widgets.common import (
    body_label,
    button,
    card,
    clear_layout,
    fill_child_combo,
    title_label,
)

CALENDAR_FILE = "porchlight-check-ins.ics"


@dataclass
class PageData:
    """One read's worth of what the page shows."""

    schedules: list[Schedule] = field(default_factory=list)
    children: list[Child] = field(default_factory=list)  # active: the history picker
    names: dict[int, str] = field(default_factory=dict)  # every child, archived too
    history_child: int | None = None
    history: list[Occurrence] = field(default_factory=list)
    caregivers: list[str] = field(default_factory=list)  # Settings → Family keeps the list


def load(services: Services, child_id: int | None) -> PageData:
    """On the worker: schedules, children, and one child's history (the first if none)."""
    children = services.family.children()
    everyone = services.family.children(include_archived=True)
    if child_id not in {c.id for c in children}:
        child_id = children[0].id if children else None
    history = services.checkins.occurrences(child_id=child_id) if child_id is not None else []
    return PageData(services.checkins.schedules(), children,
                    {c.id: c.name for c in everyone}, child_id, history,
                    [c.name for c in services.caregivers.caregivers()])


class CheckinsPage(QWidget):
    def __init__(self, session) -> None:
        super().__init__()
        self.setObjectName("checkinsPage")
        self.title = self.tr("Check-ins")
        self.ops, self.controller = session.ops, session.controller
        self.data = PageData()
        self._facts: dict[int, QLabel] = {}
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

        layout.addWidget(title_label(self.tr("Weekly check-ins")))
        header = QHBoxLayout()
        self.talk_now = button(self.tr("Talk now…"), "talkNow")
        self.talk_now.setToolTip(self.tr("Record a talk you had outside the schedule"))
        self.talk_now.clicked.connect(self.record_talk_now)
        self.export_button = button(self.tr("Add to calendar…"), "exportCalendar")
        self.export_button.clicked.connect(self.export_calendar)
        self.add_button = button(self.tr("Set up a check-in"), "addSchedule", primary=True)
        self.add_button.clicked.connect(self.add_schedule)
        layout.addWidget(body_label(self.tr(
            "A few minutes, once a week, is what keeps children talking to you about their "
            "online life. Porchlight reminds you and keeps track — only on this computer."),
            muted=True))
        for widget in (self.add_button, self.talk_now, self.export_button):
            header.addWidget(widget)
        header.addStretch(1)
        layout.addLayout(header)

        self.schedule_host = QVBoxLayout()
        self.schedule_host.setSpacing(10)
        layout.addLayout(self.schedule_host)

        layout.addWidget(title_label(self.tr("History"), "sectionTitle"))
        pick = QHBoxLayout()
        self.history_child = QComboBox()
        self.history_child.setObjectName("historyChild")
        self.history_child.setAccessibleName(self.tr("History for"))
        self.history_child.currentIndexChanged.connect(self.fill_history)
        pick.addWidget(self.history_child)
        self.consistency = body_label("", name="consistency")
        pick.addWidget(self.consistency, 1)
        layout.addLayout(pick)
        self.history = QListWidget()
        self.history.setObjectName("history")
        self.history.setAccessibleName(self.tr("Check-in history"))
        self.history.setMinimumHeight(160)
        layout.addWidget(self.history)
        layout.addStretch(1)
        follow_changes(self, self.ops,
                       lambda c: c.touches("checkins", "family", "talks", "settings"),
                       self.refresh)
        self.controller.ticked.connect(self.tick)
        self.refresh()

    # -- listing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything the page shows, on the worker; ``show`` puts it on screen."""
        child_id = self.history_child.currentData()
        self.ops.read(lambda s: load(s, child_id), self.show_data, owner=self)

    def show_data(self, data: PageData) -> None:
        self.data = data
        clear_layout(self.schedule_host)
        self._facts = {}
        if not data.schedules:
            self.schedule_host.addWidget(body_label(self.tr(
                "No check-ins yet. Set one up for a day and time that usually works — you can "
                "change it any time."), name="noSchedules"))
        for schedule in data.schedules:
            self.schedule_host.addWidget(self._schedule_card(schedule))
        fill_child_combo(self.history_child, data.children)  # signals blocked: no second read
        self.history_child.blockSignals(True)
        self.history_child.setCurrentIndex(max(self.history_child.findData(data.history_child),
                                               0))
        self.history_child.blockSignals(False)
        self._show_history(data.history_child, data.history)

    def who(self, child_ids: tuple[int, ...]) -> str:
        return words.who([self.data.names[c] for c in child_ids if c in self.data.names])

    def _facts_text(self, schedule: Schedule) -> str:
        now = self.controller.clock.now()
        facts = []
        if schedule.paused:
            facts.append(self.tr("Paused"))
        else:
            spec = schedule.spec
            facts.append(self.tr("Next: {when}").format(
                when=words.when_words(next_slot(spec, now), now, spec.tz, spec.zone)))
        if schedule.caregiver:
            facts.append(self.tr("Led by {name}").format(name=schedule.caregiver))
        reminders = [words.reminder_choice(r).lower() for r in schedule.spec.reminders]
        facts.append(self.tr("Reminders: {list}").format(list=", ".join(reminders))
                     if reminders else self.tr("Reminders: none"))
        return " · ".join(facts)

    def _schedule_card(self, schedule: Schedule) -> QWidget:
        now = self.controller.clock.now()
        who = self.who(schedule.child_ids)
        what = words.schedule_words(schedule.spec, now)
        heading = self.tr("{schedule} — with {names}").format(schedule=what, names=who)
        frame, layout = card(heading)
        frame.setProperty("scheduleId", schedule.id)
        layout.addWidget(title_label(heading, "sectionTitle"))
        facts = body_label(self._facts_text(schedule), muted=True, name="scheduleFacts")
        self._facts[schedule.id] = facts
        layout.addWidget(facts)
        about = self.tr("{schedule} check-in with {names}").format(schedule=what, names=who)
        row = QHBoxLayout()
        edit = button(self.tr("Change…"), f"editSchedule{schedule.id}",
                      accessible=self.tr("Change {what}").format(what=about))
        edit.clicked.connect(lambda: self.edit_schedule(schedule))
        pause = button(self.tr("Resume") if schedule.paused else self.tr("Pause"),
                       f"pauseSchedule{schedule.id}",
                       accessible=(self.tr("Resume {what}") if schedule.paused
                                   else self.tr("Pause {what}")).format(what=about))
        pause.clicked.connect(
            lambda: self.controller.set_paused(schedule.id, not schedule.paused))
        delete = button(self.tr("Delete…"), f"deleteSchedule{schedule.id}", danger=True,
                        accessible=self.tr("Delete {what}").format(what=about))
        delete.clicked.connect(lambda: self.delete_schedule(schedule))
        for widget in (edit, pause, delete):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        return frame

    def tick(self) -> None:
        """After every catch-up pass: the countdowns move on (no database read)."""
        for schedule in self.data.schedules:
            label = self._facts.get(schedule.id)
            if label is not None:
                label.setText(self._facts_text(schedule))

    def fill_history(self) -> None:
        """Another child picked: read that child's history on the worker."""
        child_id = self.history_child.currentData()
        if child_id is None:
            self._show_history(None, [])
            return
        self.ops.read(lambda s: s.checkins.occurrences(child_id=child_id),
                      lambda found: self._show_history(child_id, found), owner=self)

    def _show_history(self, child_id: int | None, occurrences: list[Occurrence]) -> None:
        self.history.clear()
        if child_id is None:
            self.consistency.setText("")
            self.history.hide()
            return
        done, counted = weekly_consistency([o.status for o in occurrences])
        self.consistency.setText(words.consistency_words(done, counted))
        zones = {s.id: (s.spec.tz, s.spec.zone) for s in self.data.schedules}
        for occurrence in reversed(occurrences):
            zone, name = zones.get(occurrence.schedule_id, (None, ""))
            when = short_moment(occurrence.due_at, zone)
            if zone is not None:
                when += words.zone_label(zone, name, occurrence.due_at)
            self.history.addItem(words.history_line(
                when, occurrence.status, occurrence.schedule_id is not None,
                occurrence.rescheduled, occurrence.reason))
        self.history.setVisible(bool(occurrences))

    def next_for(self, child_ids: list[int]) -> dict[int, dt.datetime | None]:
        """Each child's next check-in (from the controller's last pass: no database read)."""
        return self.controller.next_for(child_ids)

    # -- actions ----------------------------------------------------------------------------

    def _dialog(self, schedule: Schedule | None) -> None:
        children = self.data.children
        if not children:
            QMessageBox.information(self, self.tr("Add a child first"), self.tr(
                "Add a child on the Family page, then set up a check-in."))
            return
        schedule_id = schedule.id if schedule is not None else None

        def commit(spec, ids, caregiver):
            self.controller.save_schedule(schedule_id, spec, ids, caregiver)

        dialog = ScheduleDialog(children, commit, local_today(self.controller.clock), schedule,
                                self, caregivers=self.data.caregivers)
        dialog.exec()

    def add_schedule(self) -> None:
        self._dialog(None)

    def edit_schedule(self, schedule: Schedule) -> None:
        self._dialog(schedule)

    def delete_schedule(self, schedule: Schedule) -> None:
        what = words.schedule_words(schedule.spec, self.controller.clock.now())
        answer = QMessageBox.question(
            self, self.tr("Delete this check-in?"),
            self.tr("Stop the check-in “{schedule}”? Talks you already had stay in the "
                    "history.").format(schedule=what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.delete_schedule(schedule.id)

    def record_talk_now(self) -> None:
        child_id = self.history_child.currentData()
        if child_id is None:
            return
        self.controller.start(None, (child_id,))

    def calendar_words(self) -> CalendarWords:
        return CalendarWords(
            calendar_name=self.tr("Porchlight check-ins"), summary=self.tr("Weekly check-in"),
            summary_with=self.tr("Weekly check-in with {names}"),
            alarm=self.tr("Weekly check-in"), led_by=self.tr("Led by {caregiver}."))

    def export_calendar(self) -> None:
        schedules = [s for s in self.data.schedules if not s.paused]
        if not schedules:
            QMessageBox.information(self, self.tr("Nothing to add yet"), self.tr(
                "Set up a check-in first, then add it to your calendar."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save calendar file"),
                                              str(Path.home() / CALENDAR_FILE),
                                              self.tr("Calendar files (*.ics)"))
        if not path:
            return
        names = None
        if QMessageBox.question(
                self, self.tr("Include names?"),
                self.tr("Put your children's names in the calendar events? Shared or synced "
                        "calendars can be seen by others."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes:
            names = {s.id: self.who(s.child_ids) for s in schedules}
        now = self.controller.clock.now()
        data = schedules_to_ics(schedules, names, today=local_today(self.controller.clock),
                                stamp=now, words=self.calendar_words())
        try:
            Path(path).write_bytes(data)
        except OSError:
            QMessageBox.warning(self, self.tr("Not saved"),
                                messages.translated(messages.DISK_PROBLEM))
