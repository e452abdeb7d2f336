"""Check-ins for the unlocked app: the engine, the notifications, and what each button does.

One controller lives while the vault is open. It runs the reminder engine — whose catch-up pass
runs on the session's database worker (``app.ui.ops``) — turns its notices into discreet
desktop notifications (names only if the parent turned that on) and a tray mark, and carries
out every check-in action: each one is a single write on the worker, broadcast as
``Changes(checkins=True)``, then a re-plan, so the banner, the pages and the scheduler always
agree with the database. Nothing here runs SQL on the GUI thread: what the banner and the
pages need between passes (names, the next check-ins) comes back with each pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.changes import Changes
from app.core.checkins import Notice, Occurrence, Schedule, next_for_child, upcoming_moments
from app.core.schedules import DUE_WINDOW
from app.scheduling.catch_up import CatchUpResult, MissedGroup
from app.scheduling.reminder_engine import ReminderEngine
from app.storage.services import Services
from app.ui import messages
from app.ui.checkins import words
from app.ui.checkins.occurrence_dialogs import RescheduleDialog, SkipDialog, TalkDialog
from app.ui.ops import Ops
from app.ui.settings.catalogue import SHOW_NAMES

SNOOZE = dt.timedelta(hours=1)
CHECKINS = Changes(checkins=True)


@dataclass(frozen=True)
class PassContext:
    """What a pass reads besides check-ins, so the GUI thread never asks the database."""

    names: dict[int, str] = field(default_factory=dict)  # every child, archived too
    show_names: bool = False  # names in notifications: the parent's choice, off by default
    recent: list[Occurrence] = field(default_factory=list)  # slots from a day ago on


def read_context(services: Services, now: dt.datetime) -> PassContext:
    """On the worker, after the pass: names, the notification choice, recent check-ins."""
    children = services.family.children(include_archived=True)
    return PassContext({c.id: c.name for c in children},
                       bool(SHOW_NAMES.parse(services.settings.get(SHOW_NAMES.key))),
                       services.checkins.occurrences(slot_after=now - DUE_WINDOW))


class CheckinController(QObject):
    changed = Signal()  # what is due or missed changed: the banner and the tray follow
    ticked = Signal()  # after every catch-up pass: countdowns refresh (no SQL needed)
    attention = Signal(bool)  # something is due or missed: the tray marks it
    talk_saved = Signal()  # a guided talk was saved (pages follow Changes(talks=True) too)
    help_requested = Signal()  # "Help now" pressed inside a talk

    def __init__(self, services: Services, notifier: Any, parent: QObject | None = None, *,
                 ops: Ops) -> None:
        super().__init__(parent)
        self.services = services  # handed to the coach only; this class asks ``ops``
        self.ops = ops
        self.notifier = notifier
        self.clock = services.vault.clock
        self.context = PassContext()
        self.engine = ReminderEngine(services.checkins, self.clock, run=self._run_pass,
                                     parent=self)
        self.engine.notice.connect(self._announce)
        self.engine.updated.connect(self._updated)
        self.dialog_parent: QWidget | None = None
        self._last_state: tuple | None = None
        # The session ties each talk window to itself (closed at lock, kept as a draft).
        self.adopt: Callable[[QWidget, str, int | None], None] = lambda *_: None
        self.coach: Any = None
        self._stopped = False

    def start_engine(self) -> None:
        self.engine.start()

    def stop(self) -> None:
        self._stopped = True
        self.engine.stop()
        self.services = None  # nothing kept from the vault once the session ends

    def _run_pass(self, work: Callable[[], Any], done: Callable[[Any], None],
                  failed: Callable[[Exception], None]) -> None:
        """The engine's runner: the pass and its context on the worker, results back here."""
        now = self.clock.now()

        def on_worker(services: Services) -> tuple[Any, PassContext]:
            result = work()
            return result, read_context(services, now)

        def back(found: tuple[Any, PassContext]) -> None:
            result, self.context = found
            done(result)

        self.ops.read(on_worker, back, owner=self, failed=failed)

    # -- what is true now (from the last pass: no SQL) --------------------------------------

    @property
    def due(self) -> list[Occurrence]:
        return self.engine.latest.due

    @property
    def missed(self) -> list[MissedGroup]:
        return self.engine.latest.missed

    @property
    def schedules(self) -> list[Schedule]:
        return self.engine.latest.schedules

    def names(self, child_ids: tuple[int, ...] | list[int]) -> list[str]:
        known = self.context.names
        return [known[c] for c in child_ids if c in known]

    def who(self, child_ids: tuple[int, ...] | list[int]) -> str:
        return words.who(self.names(child_ids))

    def next_for(self, child_ids: list[int]) -> dict[int, dt.datetime | None]:
        """Each child's next check-in, from the last pass (no database read)."""
        now, latest = self.clock.now(), self.engine.latest
        known = {o.id: o for o in self.context.recent}
        known.update({o.id: o for o in latest.pending})
        found = list(known.values())
        return {c: next_for_child(c, latest.schedules, found, now) for c in child_ids}

    def upcoming_moments(self) -> list[dt.datetime]:
        """Times only (no names) of the next reminders, kept outside the vault for the lock."""
        latest = self.engine.latest
        return upcoming_moments(latest.schedules, latest.pending, self.clock.now())

    def _announce(self, notice: Notice) -> None:
        names = self.names(notice.child_ids) if self.context.show_names else None
        title, body = words.notification(notice, names)
        self.notifier.notify(title, body)

    def _state(self) -> tuple:
        return (tuple((o.id, o.effective_due()) for o in self.due),
                tuple(g.occurrence_ids for g in self.missed))

    def _updated(self, result: CatchUpResult) -> None:
        """Tell the banner only when something changed: a heartbeat must not reset it."""
        if result.wrote:  # the pass made or closed check-ins: pages showing them refresh
            self.ops.broadcast(CHECKINS)
        state = self._state()
        if state != self._last_state:
            self._last_state = state
            self.attention.emit(bool(self.due or self.missed))
            self.changed.emit()
        self.ticked.emit()

    def replan(self) -> None:
        self._last_state = None  # the parent changed something: refresh whatever the result
        self.engine.rebuild()
        if not self.engine.scheduler.running:
            self.engine.check_now()

    # -- actions: one write each, then a re-plan --------------------------------------------

    def write(self, change: Callable[[Services], object],
              done: Callable[[Any], None] | None = None, *,
              touches: Changes = CHECKINS) -> None:
        """One check-in change as one write on the worker; re-plan once it is in."""
        def saved(result: Any) -> None:
            if not self._stopped:
                self.replan()
            if done is not None:
                done(result)

        self.ops.write(change, touches=touches, done=saved, owner=self, failed=self._not_saved)

    def _not_saved(self, error: Exception) -> None:
        QMessageBox.warning(self.dialog_parent, self.tr("Not saved"),
                            messages.for_vault_error(error))
        if not self._stopped:
            self.replan()

    def set_paused(self, schedule_id: int, paused: bool) -> None:
        self.write(lambda s: s.checkins.set_paused(schedule_id, paused))

    def delete_schedule(self, schedule_id: int) -> None:
        self.write(lambda s: s.checkins.delete_schedule(schedule_id))

    def save_schedule(self, schedule_id: int | None, spec, child_ids: list[int],
                      caregiver: str) -> None:
        """Add (``schedule_id`` None) or change a schedule; problems are raised here, before
        the write, so the dialog can show them and stay open."""
        from app.core.schedules import ScheduleProblem, check_spec

        checked = check_spec(spec)
        if not child_ids:
            raise ScheduleProblem("no_child")
        if schedule_id is None:
            self.write(lambda s: s.checkins.add_schedule(checked, child_ids, caregiver))
        else:
            self.write(lambda s: s.checkins.update_schedule(schedule_id, checked, child_ids,
                                                            caregiver))

    def start(self, occurrence: Occurrence | None = None,
              child_ids: tuple[int, ...] = ()) -> bool:
        """The entry point for a talk: from the banner, the tray, a child, or any time.

        Opens the guided coach; if the conversation library could not be loaded at all, a
        simple "we talked" record still works.
        """
        from app.ui.content_access import shipped_library

        children = occurrence.child_ids if occurrence else child_ids
        library = shipped_library().library
        if library is not None and children:
            if self.coach is not None and self.coach.isVisible():
                self.coach.raise_()  # one talk at a time: bring the open one forward
                self.coach.activateWindow()
                return True
            self._open_coach(library, tuple(children),
                             occurrence.id if occurrence else None, None, None)
            return True
        dialog = TalkDialog(self.who(children), self.dialog_parent)
        if dialog.exec() != TalkDialog.DialogCode.Accepted:
            return False
        note = dialog.note_text()
        touches = Changes(checkins=True, talks=True)
        if occurrence is not None:
            self.write(lambda s: s.checkins.mark_done(occurrence.id, note), touches=touches)
        else:
            self.write(lambda s: s.checkins.record_unscheduled(children, note), touches=touches)
        return True

    def resume(self, draft_id: int, payload: dict[str, Any]) -> bool:
        """Reopen a talk kept when Porchlight locked mid-talk, where it was."""
        from app.ui.content_access import shipped_library

        library = shipped_library().library
        known = self.context.names
        children = tuple(int(c) for c in payload.get("child_ids", []) if int(c) in known)
        if library is None or not children:
            return False
        occurrence = payload.get("occurrence_id")
        self._open_coach(library, children, int(occurrence) if occurrence else None,
                         payload, draft_id)
        return True

    def _open_coach(self, library, children: tuple[int, ...], occurrence_id: int | None,
                    draft: dict[str, Any] | None, draft_id: int | None) -> None:
        from app.ui.coach.coach_dialog import CoachDialog

        coach = CoachDialog(self.ops, library, children, self.who(children),
                            occurrence_id, self.dialog_parent, draft=draft)
        coach.help_requested.connect(self.help_requested)
        coach.plan_questions.connect(self._ask_plan_questions)
        coach.finished.connect(self._talk_finished)
        self.adopt(coach, "talk", draft_id)
        self.coach = coach
        coach.show()

    def _ask_plan_questions(self, due: list[tuple[Any, int]]) -> None:
        """After a talk: the counsellor's questions for this week, one window per plan."""
        from app.ui.plans.questions_dialog import WeeklyQuestionsDialog

        for active, week in due:
            dialog = WeeklyQuestionsDialog(self.ops, active, week, self.dialog_parent)
            self.adopt(dialog, "plan-questions")
            dialog.show()

    def _talk_finished(self, result: int) -> None:
        self.coach = None
        if self._stopped:
            return
        if result == 1:  # QDialog.Accepted: the coach saved it (one write, its own Changes)
            self.talk_saved.emit()
        self.replan()

    def snooze(self, occurrence: Occurrence) -> None:
        until = self.clock.now() + SNOOZE
        self.write(lambda s: s.checkins.snooze(occurrence.id, until))

    def reschedule(self, occurrence: Occurrence) -> bool:
        zone = self._zone_of(occurrence)
        dialog = RescheduleDialog(self.clock.now(), self.dialog_parent, zone=zone)
        if dialog.exec() != RescheduleDialog.DialogCode.Accepted:
            return False
        moment = dialog.moment()
        self.write(lambda s: s.checkins.reschedule(occurrence.id, moment))
        return True

    def _zone_of(self, occurrence: Occurrence) -> str:
        for schedule in self.schedules:
            if schedule.id == occurrence.schedule_id:
                return schedule.spec.zone
        return occurrence.zone

    def skip(self, occurrence: Occurrence) -> bool:
        dialog = SkipDialog(self.dialog_parent)
        if dialog.exec() != SkipDialog.DialogCode.Accepted:
            return False
        reason = dialog.reason_text()
        self.write(lambda s: s.checkins.skip(occurrence.id, reason))
        return True

    def dismiss_missed(self, group: MissedGroup) -> None:
        ids = list(group.occurrence_ids)
        self.write(lambda s: s.checkins.acknowledge_missed(ids))

    def start_after_missed(self, group: MissedGroup) -> bool:
        self.dismiss_missed(group)
        return self.start(None, group.child_ids)
