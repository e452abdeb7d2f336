"""Check-ins for the unlocked app: the engine, the notifications, and what each button does.

One controller lives while the vault is open. It runs the reminder engine, turns its notices
into discreet desktop notifications (names only if the parent turned that on) and a tray mark,
and carries out Start, Snooze, Move and Skip — then asks the engine to re-plan, so the banner,
the home page and the scheduler always agree with the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.checkins import Notice, Occurrence, join_names, notice_text
from app.scheduling.catch_up import MissedGroup
from app.scheduling.reminder_engine import ReminderEngine
from app.storage.services import Services
from app.storage.writes import SaveFailed
from app.ui import messages
from app.ui.checkins.occurrence_dialogs import RescheduleDialog, SkipDialog, TalkDialog

SHOW_NAMES_KEY = "notifications.show_names"
SNOOZE = dt.timedelta(hours=1)


class CheckinController(QObject):
    changed = Signal()  # what is due or missed changed, or the parent changed something
    ticked = Signal()  # after every catch-up pass: countdowns refresh
    attention = Signal(bool)  # something is due or missed: the tray marks it
    talk_saved = Signal()  # a guided talk was saved: coverage and history refresh
    help_requested = Signal()  # "Help now" pressed inside a talk

    def __init__(self, services: Services, notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.notifier = notifier
        self.clock = services.vault.clock
        self.engine = ReminderEngine(services.checkins, self.clock, parent=self)
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

    # -- what is true now -------------------------------------------------------------------

    @property
    def due(self) -> list[Occurrence]:
        return self.engine.latest.due

    @property
    def missed(self) -> list[MissedGroup]:
        return self.engine.latest.missed

    def names(self, child_ids: tuple[int, ...] | list[int]) -> list[str]:
        known = {c.id: c.name for c in self.services.family.children(include_archived=True)}
        return [known[c] for c in child_ids if c in known]

    def who(self, child_ids: tuple[int, ...] | list[int]) -> str:
        return join_names(self.names(child_ids)) or "your child"

    def show_names(self) -> bool:
        return self.services.settings.get(SHOW_NAMES_KEY) == "1"

    def set_show_names(self, on: bool) -> None:
        self.services.settings.set(SHOW_NAMES_KEY, "1" if on else "0")

    def _announce(self, notice: Notice) -> None:
        show = self.show_names()
        names = self.names(notice.child_ids) if show else []
        title, body = notice_text(notice.kind, names, show, notice.count)
        self.notifier.notify(title, body)

    def _state(self) -> tuple:
        return (tuple((o.id, o.effective_due()) for o in self.due),
                tuple(g.occurrence_ids for g in self.missed))

    def _updated(self, _result) -> None:
        """Rebuild pages only when something changed: a heartbeat must not reset the screen."""
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

    # -- actions ----------------------------------------------------------------------------

    def _safely(self, change) -> bool:
        try:
            change()
        except SaveFailed as error:
            QMessageBox.warning(self.dialog_parent, "Not saved", messages.for_vault_error(error))
            return False
        finally:
            self.replan()
        return True

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
        store = self.services.checkins
        if occurrence is not None:
            return self._safely(lambda: store.mark_done(occurrence.id, dialog.note_text()))
        return self._safely(lambda: store.record_unscheduled(children, dialog.note_text()))

    def resume(self, draft_id: int, payload: dict[str, Any]) -> bool:
        """Reopen a talk kept when Porchlight locked mid-talk, where it was."""
        from app.ui.content_access import shipped_library

        library = shipped_library().library
        known = {c.id for c in self.services.family.children(include_archived=True)}
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

        coach = CoachDialog(self.services, library, children, self.who(children),
                            occurrence_id, self.dialog_parent, draft=draft)
        coach.help_requested.connect(self.help_requested)
        coach.finished.connect(self._talk_finished)
        self.adopt(coach, "talk", draft_id)
        self.coach = coach
        coach.show()

    def _talk_finished(self, result: int) -> None:
        self.coach = None
        if self._stopped:
            return
        self.replan()
        if result == 1:  # QDialog.Accepted: the talk was saved
            self.talk_saved.emit()

    def snooze(self, occurrence: Occurrence) -> None:
        until = self.clock.now() + SNOOZE
        self._safely(lambda: self.services.checkins.snooze(occurrence.id, until))

    def reschedule(self, occurrence: Occurrence) -> bool:
        dialog = RescheduleDialog(self.clock.now(), self.dialog_parent)
        if dialog.exec() != RescheduleDialog.DialogCode.Accepted:
            return False
        return self._safely(lambda: self.services.checkins.reschedule(occurrence.id,
                                                                      dialog.moment()))

    def skip(self, occurrence: Occurrence) -> bool:
        dialog = SkipDialog(self.dialog_parent)
        if dialog.exec() != SkipDialog.DialogCode.Accepted:
            return False
        return self._safely(lambda: self.services.checkins.skip(occurrence.id,
                                                                dialog.reason_text()))

    def dismiss_missed(self, group: MissedGroup) -> None:
        self._safely(lambda: self.services.checkins.acknowledge_missed(
            list(group.occurrence_ids)))

    def start_after_missed(self, group: MissedGroup) -> bool:
        self.dismiss_missed(group)
        return self.start(None, group.child_ids)
