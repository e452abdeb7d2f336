"""The guided weekly talk, from "Start" to "Save and finish".

Prepare → talk (one starter at a time) → practise a refusal line → close with reassurance →
how it went. The starters come from the picker (``app.core.picker``) using the child's band and
what they have talked about before; "Swap for another" asks it again without the ones already
shown. The dialog opens at once and reads what it needs on the database worker (``ops.read``:
births, talk history, favourites), showing the starters when they arrive. Nothing is written
until "Save and finish", and then all at once, in one write on the worker — the talk, what
became of each starter, and the check-in marked done (``Changes(talks, checkins)``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.coach import TalkRecord, talk_band
from app.core.content.model import Library
from app.core.journal.sign_topics import journal_topics
from app.core.picker import Pick, pick_starters
from app.core.plans.plan_topics import current_week
from app.ui.age_words import band_label
from app.ui.coach import coach_data, talk_draft
from app.ui.coach.coach_data import CoachData, NextCheckin
from app.ui.coach.come_back import keep_after_talk
from app.ui.coach.steps import AfterStep, CloseStep, PractiseStep, PrepareStep, TalkStep
from app.ui.dates import city_of, short_moment, zone_differs
from app.ui.ops import Ops
from app.ui.widgets.common import body_label, button


def database_worker(source: object, parent: QObject | None) -> Ops:
    """The session's worker: given as ``ops``, as the session, or (older callers that pass the
    services and the main window) found through the window's session."""
    if isinstance(source, Ops):
        return source
    for holder in (source, getattr(parent, "session", None)):
        ops = getattr(holder, "ops", None)
        if isinstance(ops, Ops):
            return ops
    raise TypeError("the coach reads and saves through the session's database worker (ops)")


class CoachDialog(QDialog):
    """Not modal: Help now, and the rest of Porchlight, stay reachable during a talk."""

    help_requested = Signal()
    ready = Signal()  # the talk's data has been read: starters chosen, steps filled
    plan_questions = Signal(object)  # after saving: [(plan, week)] whose questions wait

    def __init__(self, ops: Ops | Any, library: Library, child_ids: tuple[int, ...],
                 who: str, occurrence_id: int | None = None,
                 parent: QWidget | None = None, draft: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coachDialog")
        self.setModal(False)
        self.setWindowTitle(self.tr("Check-in with {who}").format(who=who))
        self.resize(860, 640)
        self.setMinimumSize(720, 520)
        self.ops = database_worker(ops, parent)
        self.library = library
        self.child_ids = tuple(child_ids)
        self.band = ""
        self.today: dt.date | None = None
        self.record = TalkRecord(self.child_ids, "", dt.datetime.now(dt.UTC), occurrence_id)
        self._history: list[Any] = []
        self._since: dt.date | None = None
        self._favourites: frozenset[str] = frozenset()
        self.seed = 0
        self._shown: set[str] = set()
        self.picks: list[Pick] = []
        self.index = 0
        self.loaded = False
        self.pending_draft = draft  # kept as it is until the talk can be put back
        self._saving = False

        self.prepare = PrepareStep(who)
        self._plan_topics: dict[str, int] = {}
        self._plans: list[Any] = []
        self.plan_line = body_label("", name="coachPlanWeek")  # the counsellor's week, if any
        self.plan_line.setTextFormat(Qt.TextFormat.PlainText)  # the plan's words, as written
        self.plan_line.hide()
        self.prepare.body.insertWidget(2, self.plan_line)
        self.talk = TalkStep()
        self.practise = PractiseStep()
        self.close_step = CloseStep()
        self.after = AfterStep()
        self.stack = QStackedWidget()
        for step in (self.prepare, self.talk, self.practise, self.close_step, self.after):
            self.stack.addWidget(step)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.setContentsMargins(16, 10, 16, 0)
        header.addStretch(1)
        self.help_button = button(self.tr("Help now"), "coachHelpNow",
                                  accessible=self.tr("Help now, from the talk"))
        self.help_button.setToolTip(self.tr("What to do if your child tells you something is "
                                            "happening now (Ctrl+Shift+H)"))
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
        self._discarding = False
        children = self.child_ids
        self.ops.read(lambda s: coach_data.load(s, children), self._loaded, owner=self)

    def _loaded(self, data: CoachData) -> None:
        """The children's bands and history are in: choose the starters and fill the steps."""
        self.today = data.today
        self.band, self._since = talk_band(data.births, data.today)
        self._history, self._favourites = data.history, data.favourites
        self._journal = journal_topics(data.signs, self.library.signs, data.today, data.zone)
        self._plan_topics = data.plan_topics
        self._plans = list(data.plans)
        self._show_plan(data)
        record, draft = self.record, self.pending_draft
        record.band, record.started_at = self.band, data.now
        fresh_seed = (record.occurrence_id if record.occurrence_id is not None
                      else int(data.now.timestamp()))
        self.seed = int(draft["seed"]) if draft and "seed" in draft else fresh_seed
        self.picks = self._pick(3)

        rng = random.Random(self.seed)
        pressure = [p for p in self.library.pressure if self.band in p.bands]
        rng.shuffle(pressure)
        reassurance = self.library.reassurance_for(self.band)
        closing = rng.choice(reassurance) if reassurance else None
        record.reassurance_id = closing.id if closing else ""
        self.practise.fill(self.library.refusals_for(self.band), pressure)
        self.close_step.set_line(closing)
        label = band_label(self.band)
        self.prepare.band_words.setText(
            self.tr("Starters for {band}.").format(band=label) if len(self.child_ids) == 1
            else self.tr("Starters for {band} (the youngest's, so every word suits both).")
            .format(band=label))
        self.prepare.show_picks(self.library, self.picks)
        self.prepare.come_back.show_entries(data.come_back, self.library, data.zone)
        self.loaded = True
        if draft:
            talk_draft.restore(self, draft)
        self.pending_draft = None
        if self.stack.currentWidget() is self.prepare:
            self.prepare.begin_button.setFocus()
        self.ready.emit()

    def _show_plan(self, data: CoachData) -> None:
        """"Your counsellor's plan “…”: week 3 of 6." and the counsellor's note for the week."""
        lines = []
        for active in data.plans:
            week = current_week(active, data.today)
            if week is None:
                continue
            lines.append(self.tr("Your counsellor's plan “{title}”: week {week} of {weeks}.")
                         .format(title=active.plan.title, week=week.number,
                                 weeks=len(active.plan.weeks)))
            if week.note.strip():
                lines.append(self.tr("Why this week: {note}").format(note=week.note.strip()))
        self.plan_line.setText("\n".join(lines))
        self.plan_line.setVisible(bool(lines))

    def _pick(self, size: int) -> list[Pick]:
        picks = pick_starters(self.library, self.band, self._history, self.today,
                              favourites=self._favourites, seed=self.seed + len(self._shown),
                              band_since=self._since, size=size,
                              exclude=frozenset(self._shown), journal_topics=self._journal,
                              plan_topics=self._plan_topics)
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
            self._show_next_checkin()
        self._go(step)

    def _to_close(self) -> None:
        self._go(self.close_step)
        self.close_step.next_button.setFocus()

    def _to_after(self) -> None:
        self._show_next_checkin()
        self._go(self.after)
        self.after.rating.button(1).setFocus()

    def begin(self) -> None:
        if not self.loaded:
            return  # the starters are still being chosen: the button is not enabled yet
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

    def _show_next_checkin(self) -> None:
        """Read the next check-in on the worker and show it under the notes when it arrives."""
        children, occurrence = self.child_ids, self.record.occurrence_id
        self.ops.read(lambda s: coach_data.next_checkin(s, children, occurrence),
                      lambda found: self.after.next_checkin.setText(self.next_checkin_words(found)),
                      owner=self)

    def next_checkin_words(self, found: NextCheckin) -> str:
        """"Next check-in: Sun 6 Dec, 18:00" on the schedule's clock, named if not this one's."""
        if found.kind == "none" or found.moment is None:
            return self.tr("No weekly check-in planned yet.")
        if found.kind == "due-now":
            return self.tr("A scheduled check-in is also due now.")
        when = short_moment(found.moment, found.zone)
        if found.zone is not None and zone_differs(found.zone, found.moment):
            when = self.tr("{moment}, {city} time").format(
                moment=when, city=city_of(str(getattr(found.zone, "key", found.zone))))
        return self.tr("Next check-in: {when}").format(when=when)

    def save(self) -> None:
        """One write on the worker: the talk, its starters, and the check-in marked done."""
        if self._saving or not self.loaded:
            return
        record = self.record
        record.refusal_id = self.practise.refusal_id()
        record.practised = self.practise.practised.isChecked()
        rating = self.after.rating.checkedId()
        record.rating = rating if rating > 0 else None
        record.mood = str(self.after.mood.currentData() or "")
        record.notes = self.after.notes.toPlainText()
        record.come_back_to = self.after.come_back.text()
        saving = dataclasses.replace(record, items=list(record.items))
        self._saving = True
        self.after.finish_button.setEnabled(False)
        children, talked_about = self.child_ids, self.prepare.come_back.talked_about()
        tag = self.tr("from a talk")  # the parent's own word for it, in their language

        def keep(services: Any) -> int:
            talk_id = coach_data.save(services, saving)
            keep_after_talk(services, children, talked_about, saving.come_back_to, tag,
                            saving.finished_at or services.vault.clock.now())
            return talk_id

        touches_journal = bool(talked_about or saving.come_back_to.strip())
        self.ops.write(keep, touches=Changes(talks=True, checkins=True, journal=touches_journal),
                       done=self._saved, failed=self._not_saved, owner=self)

    def _saved(self, _talk_id: int) -> None:
        self._saving = False
        due = self.questions_due()
        if due:
            self.plan_questions.emit(due)  # asked once the talk is kept, in their own window
        self.accept()

    def questions_due(self) -> list[tuple[Any, int]]:
        """This week's plan questions not answered yet: (the child's plan, the week number)."""
        due = []
        for active in self._plans:
            week = current_week(active, self.today)
            if week is not None and any(q.id not in active.answers for q in week.questions):
                due.append((active, week.number))
        return due

    def _not_saved(self, error: Exception) -> None:
        """Nothing was written: the talk stays open with every word, to try again."""
        self._saving = False
        self.after.finish_button.setEnabled(True)
        self.ops.report(error, self)

    # --- leaving ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc or the close button: never throw away a talk's notes without asking."""
        if self._discarding or not talk_draft.has_progress(self):
            super().reject()
            return
        answer = QMessageBox.question(
            self, self.tr("Leave this talk?"),
            self.tr("What you noted in this talk has not been saved yet. Leave it without "
                    "saving?"),
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

