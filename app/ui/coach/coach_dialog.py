"""The guided weekly talk, from "Start" to "Save and finish".

Prepare → talk (one starter at a time) → practise a refusal line → close with reassurance →
how it went. The starters come from the picker (``app.core.picker``) using the child's band and
what they have talked about before; "Swap for another" asks it again without the ones already
shown. Nothing is written until "Save and finish", and then all at once — the talk, what became
of each starter, and the check-in marked done.
"""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.ages import AgeBand
from app.core.checkins import next_for_child
from app.core.clock import local_today
from app.core.coach import TalkRecord, talk_band
from app.core.content.model import Library
from app.core.picker import Pick, pick_starters
from app.storage.services import Services
from app.storage.writes import SaveFailed
from app.ui import messages
from app.ui.coach import talk_draft
from app.ui.coach.steps import AfterStep, CloseStep, PractiseStep, PrepareStep, TalkStep
from app.ui.widgets.common import button


class CoachDialog(QDialog):
    """Not modal: Help now, and the rest of Porchlight, stay reachable during a talk."""

    help_requested = Signal()

    def __init__(self, services: Services, library: Library, child_ids: tuple[int, ...],
                 who: str, occurrence_id: int | None = None,
                 parent: QWidget | None = None, draft: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coachDialog")
        self.setModal(False)
        self.setWindowTitle(f"Check-in with {who}")
        self.resize(860, 640)
        self.setMinimumSize(720, 520)
        self.services, self.library = services, library
        clock = services.vault.clock
        self.today = local_today(clock)
        children = [services.family.child(c) for c in child_ids]
        self.band, band_since = talk_band([c.birth for c in children], self.today)
        self.record = TalkRecord(tuple(child_ids), self.band, clock.now(), occurrence_id)
        history = sorted((d for c in child_ids for d in services.talks.discussed(c)),
                         key=lambda d: d.on)
        self._history, self._since = history, band_since
        self._favourites = frozenset(services.favourites.ids())
        fresh_seed = occurrence_id if occurrence_id is not None else int(clock.now().timestamp())
        self.seed = int(draft["seed"]) if draft and "seed" in draft else fresh_seed
        self._shown: set[str] = set()
        self.picks = self._pick(3)
        self.index = 0

        rng = random.Random(self.seed)
        refusals = library.refusals_for(self.band)
        pressure = [p for p in library.pressure if self.band in p.bands]
        rng.shuffle(pressure)
        reassurance = library.reassurance_for(self.band)
        closing = rng.choice(reassurance) if reassurance else None
        self.record.reassurance_id = closing.id if closing else ""

        label = AgeBand(self.band).label
        youngest = "" if len(children) == 1 else " (the youngest's, so every word suits both)"
        self.prepare = PrepareStep(who, f"Starters for {label}{youngest}.")
        self.prepare.show_picks(library, self.picks)
        self.talk = TalkStep()
        self.practise = PractiseStep(refusals, pressure)
        self.close_step = CloseStep(closing)
        self.after = AfterStep()
        self.stack = QStackedWidget()
        for step in (self.prepare, self.talk, self.practise, self.close_step, self.after):
            self.stack.addWidget(step)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.setContentsMargins(16, 10, 16, 0)
        header.addStretch(1)
        self.help_button = button("Help now", "coachHelpNow")
        self.help_button.setAccessibleName("Help now, from the talk")
        self.help_button.setToolTip("What to do if your child tells you something is happening "
                                    "now (Ctrl+Shift+H)")
        self.help_button.clicked.connect(self.help_requested)
        header.addWidget(self.help_button)
        layout.addLayout(header)
        layout.addWidget(self.stack)

        self.prepare.begin.connect(self.begin)
        self.talk.talked.connect(lambda: self._answer("talked"))
        self.talk.not_today.connect(lambda: self._answer("not-today"))
        self.talk.swap.connect(self.swap)
        self.practise.done.connect(self._to_close)
        self.close_step.done.connect(self._to_after)
        self.after.finish.connect(self.save)
        self.prepare.begin_button.setFocus()
        self._discarding = False
        if draft:
            talk_draft.restore(self, draft)

    def _pick(self, size: int) -> list[Pick]:
        picks = pick_starters(self.library, self.band, self._history, self.today,
                              favourites=self._favourites, seed=self.seed + len(self._shown),
                              band_since=self._since, size=size,
                              exclude=frozenset(self._shown))
        self._shown |= {p.starter.id for p in picks}
        return picks

    def _go(self, step: QWidget) -> None:
        self.stack.setCurrentWidget(step)
        step.setFocus()

    def go_to_step(self, number: int) -> None:
        """Straight to a step (used when a kept talk is reopened)."""
        step = self.stack.widget(max(0, min(number, self.stack.count() - 1)))
        if step is self.talk:
            if not self.picks:
                step = self.practise
            else:
                self._show_current()
        elif step is self.after:
            self.after.next_checkin.setText(self._next_checkin_words())
        self._go(step)

    def _to_close(self) -> None:
        self._go(self.close_step)
        self.close_step.next_button.setFocus()

    def _to_after(self) -> None:
        self.after.next_checkin.setText(self._next_checkin_words())
        self._go(self.after)
        self.after.rating.button(1).setFocus()

    def begin(self) -> None:
        if not self.picks:
            self._go(self.practise)
            return
        self._show_current()
        self._go(self.talk)
        self.talk.talked_button.setFocus()

    def _show_current(self) -> None:
        self.talk.show_pick(self.library, self.picks[self.index], self.index + 1,
                            len(self.picks))

    def current(self) -> Pick:
        return self.picks[self.index]

    def _answer(self, outcome: str) -> None:
        starter = self.current().starter
        self.record.outcome(starter.id, starter.topic, outcome, self.talk.note.text())
        self.index += 1
        if self.index < len(self.picks):
            self._show_current()
        else:
            self._go(self.practise)
            self.practise.next_button.setFocus()

    def swap(self) -> None:
        """Another starter instead of this one: never one from a topic already in the talk."""
        old = self.current()
        self.record.outcome(old.starter.id, old.starter.topic, "swapped")
        taken = {p.starter.topic for p in self.picks}
        for candidate in self._pick(len(self.library.topics_for(self.band))):
            if candidate.starter.topic not in taken or candidate.starter.topic == old.starter.topic:
                self.picks[self.index] = candidate
                break
        self._show_current()

    def _next_checkin_words(self) -> str:
        """"Next check-in: Sun 06 Dec, 18:00" once this one is done."""
        store, now = self.services.checkins, self.services.vault.clock.now()
        others = [o for o in store.occurrences() if o.id != self.record.occurrence_id]
        moments = [m for c in self.record.child_ids
                   if (m := next_for_child(c, store.schedules(), others, now)) is not None]
        if not moments:
            return "No weekly check-in planned yet."
        if min(moments) <= now:
            return "A scheduled check-in is also due now."
        # On the clock of the child's schedule, as the Check-ins page shows it.
        zones = [s.spec.tz for s in store.schedules()
                 if set(s.child_ids) & set(self.record.child_ids)]
        when = min(moments).astimezone(zones[0] if zones else None)
        return f"Next check-in: {when:%a %d %b, %H:%M}"

    def save(self) -> None:
        record = self.record
        record.refusal_id = self.practise.refusal_id()
        record.practised = self.practise.practised.isChecked()
        rating = self.after.rating.checkedId()
        record.rating = rating if rating > 0 else None
        record.mood = str(self.after.mood.currentData() or "")
        record.notes = self.after.notes.toPlainText()
        record.come_back_to = self.after.come_back.text()
        record.finished_at = self.services.vault.clock.now()
        try:
            self.services.talks.save(record)
        except SaveFailed as error:
            QMessageBox.warning(self, "Not saved", messages.for_vault_error(error))
            return
        self.accept()

    # --- leaving ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc or the close button: never throw away a talk's notes without asking."""
        if self._discarding or not talk_draft.has_progress(self):
            super().reject()
            return
        answer = QMessageBox.question(
            self, "Leave this talk?",
            "What you noted in this talk has not been saved yet. Leave it without saving?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            super().reject()

    def unsaved_draft(self) -> dict[str, Any] | None:
        return None if self.result() == QDialog.DialogCode.Accepted else talk_draft.capture(self)

    def discard_and_close(self) -> None:
        """Close without a question: the session has kept the talk as a draft first."""
        self._discarding = True
        self.done(QDialog.DialogCode.Rejected)

