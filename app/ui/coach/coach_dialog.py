"""The guided weekly talk, from "Start" to "Save and finish".

Prepare → talk (one starter at a time) → practise a refusal line → close with reassurance →
how it went. The starters come from the picker (``app.core.picker``) using the child's band and
what they have talked about before; "Swap for another" asks it again without the ones already
shown. Nothing is written until "Save and finish", and then all at once — the talk, what became
of each starter, and the check-in marked done.
"""

from __future__ import annotations

import random

from PySide6.QtWidgets import QDialog, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from app.core.ages import AgeBand
from app.core.checkins import next_for_child
from app.core.clock import local_today
from app.core.coach import TalkRecord, talk_band
from app.core.content.model import Library
from app.core.picker import Pick, pick_starters
from app.storage.services import Services
from app.storage.writes import SaveFailed
from app.ui import messages
from app.ui.coach.steps import AfterStep, CloseStep, PractiseStep, PrepareStep, TalkStep


class CoachDialog(QDialog):
    def __init__(self, services: Services, library: Library, child_ids: tuple[int, ...],
                 who: str, occurrence_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coachDialog")
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
        self._seed = occurrence_id if occurrence_id is not None else int(clock.now().timestamp())
        self._shown: set[str] = set()
        self.picks = self._pick(3)
        self._index = 0

        rng = random.Random(self._seed)
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
        layout.addWidget(self.stack)

        self.prepare.begin.connect(self.begin)
        self.talk.talked.connect(lambda: self._answer("talked"))
        self.talk.not_today.connect(lambda: self._answer("not-today"))
        self.talk.swap.connect(self.swap)
        self.practise.done.connect(self._to_close)
        self.close_step.done.connect(self._to_after)
        self.after.finish.connect(self.save)
        self.prepare.begin_button.setFocus()

    def _pick(self, size: int) -> list[Pick]:
        picks = pick_starters(self.library, self.band, self._history, self.today,
                              favourites=self._favourites, seed=self._seed + len(self._shown),
                              band_since=self._since, size=size,
                              exclude=frozenset(self._shown))
        self._shown |= {p.starter.id for p in picks}
        return picks

    def _go(self, step: QWidget) -> None:
        self.stack.setCurrentWidget(step)
        step.setFocus()

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
        self.talk.show_pick(self.library, self.picks[self._index], self._index + 1,
                            len(self.picks))

    def current(self) -> Pick:
        return self.picks[self._index]

    def _answer(self, outcome: str) -> None:
        starter = self.current().starter
        self.record.outcome(starter.id, starter.topic, outcome, self.talk.note.text())
        self._index += 1
        if self._index < len(self.picks):
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
                self.picks[self._index] = candidate
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
        return f"Next check-in: {min(moments).astimezone():%a %d %b, %H:%M}"

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

