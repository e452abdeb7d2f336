"""The banner across the top of the app when a check-in is due or some were missed.

It always appears, whatever the desktop does with notifications. A due check-in offers Start,
Snooze (an hour), Move… and Skip…; missed ones are gathered into one line per schedule —
"3 weekly check-ins with Sam were missed" — shown until the parent answers it once.

When the reminder engine cannot run its pass (a full disk, a read-only folder…), reminders
would otherwise stop without a word; the banner says so first — "Reminders are paused: …" —
with "Try again now", and the line goes away by itself once a pass works again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.scheduling.reminder_engine import PassFailed
from app.ui.announce import announce
from app.ui.checkins import words
from app.ui.checkins.controller import CheckinController
from app.ui.translate import _tr
from app.ui.widgets.common import button, clear_layout

ONE_MINUTE_MS = 60_000


def paused_reason(kind: str) -> str:
    """Why reminders are paused, in a parent's words, for a ``ProblemKind`` name."""
    reasons = {
        "DISK_FULL": _tr("this computer's disk is full, so Porchlight can't note which "
                         "reminders it has given (freeing some space will fix it)"),
        "READ_ONLY": _tr("Porchlight's folder can't be written to right now"),
        "PERMISSION": _tr("Porchlight isn't allowed to use its notes file right now"),
        "LOCKED": _tr("another program is using Porchlight's notes file"),
        "DAMAGED": _tr("Porchlight couldn't read its notes file"),
        "MISSING": _tr("Porchlight's notes file can't be found"),
    }
    return reasons.get(kind, _tr("something unexpected got in the way"))


def paused_text(failure: PassFailed) -> str:
    when = (_tr("Porchlight will try again in a minute.")
            if failure.retry_in_ms <= ONE_MINUTE_MS else
            _tr("Porchlight will try again in a few minutes."))
    return _tr("Reminders are paused: {reason}. Nothing you saved has been lost. {when}").format(
        reason=paused_reason(failure.kind), when=when)


class DueBanner(QFrame):
    def __init__(self, controller: CheckinController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueBanner")
        self.setAccessibleName(_tr("Check-in reminders"))
        self.controller = controller
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(20, 10, 20, 10)
        self.rows.setSpacing(8)
        self.failure: PassFailed | None = controller.engine.failure
        controller.changed.connect(self.refresh)
        controller.engine.failed.connect(self._paused)
        controller.engine.recovered.connect(self._resumed)
        self.refresh()

    def _paused(self, failure: PassFailed) -> None:
        self.failure = failure
        self.refresh()

    def _resumed(self) -> None:
        self.failure = None
        self._announced: tuple[str, ...] = ()
        self.refresh()

    def refresh(self) -> None:
        clear_layout(self.rows)
        if self.failure is not None:
            self._row(paused_text(self.failure), "paused", [
                (_tr("Try again now"), "retry", False, self.controller.engine.retry_now,
                 _tr("Try reminders again now")),
            ])
        for occurrence in self.controller.due:
            names = self.controller.names(occurrence.child_ids)
            who = words.who(names)
            self._row(words.due_words(names), f"due{occurrence.id}", [
                (_tr("Start"), "start", True, lambda o=occurrence: self.controller.start(o),
                 _tr("Start check-in with {names}").format(names=who)),
                (_tr("Snooze 1 hour"), "snooze", False,
                 lambda o=occurrence: self.controller.snooze(o),
                 _tr("Snooze check-in with {names} for 1 hour").format(names=who)),
                (_tr("Move…"), "move", False, lambda o=occurrence: self.controller.reschedule(o),
                 _tr("Move check-in with {names}").format(names=who)),
                (_tr("Skip…"), "skip", False, lambda o=occurrence: self.controller.skip(o),
                 _tr("Skip check-in with {names}").format(names=who)),
            ])
        for group in self.controller.missed:
            names = self.controller.names(group.child_ids)
            who = words.who(names)
            key = f"missed{group.occurrence_ids[0]}"
            self._row(words.missed_words(group.count, names), key, [
                (_tr("Start now"), "start", True,
                 lambda g=group: self.controller.start_after_missed(g),
                 _tr("Start a check-in with {names} now").format(names=who)),
                (_tr("Not now"), "dismiss", False,
                 lambda g=group: self.controller.dismiss_missed(g),
                 _tr("Not now: missed check-ins with {names}").format(names=who)),
            ])
        self.setVisible(bool(self.failure or self.controller.due or self.controller.missed))
        lines = tuple(label.text() for label in self.findChildren(QLabel, "bannerText"))
        if lines and lines != self._announced:
            announce(self, " ".join(lines))  # a screen reader hears a new reminder at once
        self._announced = lines

    def _row(self, text: str, key: str, actions) -> list[QPushButton]:
        row_host = QWidget()
        row_host.setObjectName(f"bannerRow_{key}")
        row = QHBoxLayout(row_host)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text)
        label.setObjectName("bannerText")
        label.setAccessibleName(text)
        label.setWordWrap(True)
        row.addWidget(label, 1)
        made = []
        for text_, action, primary, slot, accessible in actions:
            widget = button(text_, f"{action}_{key}", primary=primary, accessible=accessible)
            widget.clicked.connect(lambda _checked=False, act=slot: act())
            row.addWidget(widget)
            made.append(widget)
        self.rows.addWidget(row_host)
        return made
