"""The calm card on the home page and in the journal: a pattern worth a talk, and why.

When a rule has fired in the last two weeks, the card says so in a quiet voice — "A pattern
worth a calm talk for Maya" and what the rule looks for — never as an alarm and never as a
notification (nothing with a name or a journal word leaves the window). Three buttons: "Why am I
seeing this?" lists the entries that made it fire (local date and signs; opening one emits
``open_entry``), "What to do" shows the rule's own words with a way to the topic or to Help now,
and "Not now" puts it aside (the firing is dismissed; a new firing of the pattern shows again).

On the worker the card runs every rule over the noted signs, records the firings (so a
dismissal sticks), and reads back the ones not put aside. The card hides itself when nothing
fires; it follows journal changes itself, since a hidden widget is never "shown" again to learn
it is stale.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from app.core.changes import Changes
from app.core.clock import Clock, local_today
from app.core.journal.rules import Rule
from app.storage.services import Services
from app.ui.announce import announce
from app.ui.dates import date_words
from app.ui.journal import rule_words
from app.ui.journal.pattern_data import ShownFiring, read_patterns
from app.ui.ops import Ops
from app.ui.widgets.common import body_label, button, card, clear_layout, title_label

FIRST_SHOWN = 2  # patterns shown at once; the rest wait behind "Show 2 more"
# The cards reading through each worker (weakly: a card gone at lock is forgotten).
_siblings: weakref.WeakKeyDictionary[Ops, weakref.WeakSet[PatternCard]] = (
    weakref.WeakKeyDictionary())


class _ShowWatch(QObject):
    """Tells the card when the page holding it is shown (to catch up on changes missed)."""

    def __init__(self, host: QObject, shown: Any) -> None:
        super().__init__(host)
        self._shown = shown
        host.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._shown()
        return False


class PatternCard(QFrame):
    open_entry = Signal(int)
    open_topic = Signal(str)
    open_help_now = Signal()

    def __init__(self, ops: Ops, clock: Clock, rules: Sequence[Rule], catalogue: Any, *,
                 first_shown: int = FIRST_SHOWN) -> None:
        """``first_shown`` patterns open at once; 0 (the journal) shows one line to open them."""
        super().__init__()
        self._first = first_shown
        self.setObjectName("patternCard")
        self._ops, self._clock, self._rules = ops, clock, list(rules)
        self._by_id = {r.id: r for r in self._rules}
        self._sign_words = {s.id: s.text for s in getattr(catalogue, "signs", ())}
        self._catalogue = catalogue
        self.shown: list[ShownFiring] = []
        self.read_once = False
        self._stale = False
        self._watched: QObject | None = None
        self.blocks: dict[int, QFrame] = {}
        self._all = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(10)
        self._list = outer
        self.hide()
        ops.changed.connect(self._changed)
        siblings = _siblings.setdefault(ops, weakref.WeakSet())
        reading = [c for c in siblings if shiboken6.isValid(c) and c._rules == self._rules]
        siblings.add(self)
        if not reading:
            self.refresh()
        elif reading[0].read_once:  # a sibling's reading has come: the same patterns here
            self._show(list(reading[0].shown))
        # else the sibling's reading, still on the worker, comes to this card too

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        rules, today, zone = self._rules, local_today(self._clock), self._clock.zone()
        if not rules:
            return
        # A write (the firings are recorded) that changes nothing a page shows: no broadcast.
        self._ops.write(lambda s: read_patterns(s, rules, today, zone), touches=Changes(),
                        done=self._show_everywhere, owner=self)

    def _show_everywhere(self, shown: list[ShownFiring]) -> None:
        """The reading goes to every card with these rules on this worker (the home page's and
        the journal's): one run of every rule over years of notes, not one per card."""
        for other in list(_siblings.get(self._ops, ())):
            if other is self or (shiboken6.isValid(other) and other._rules == self._rules):
                other._stale = False
                other._show(list(shown))

    def _changed(self, changes: Changes) -> None:
        if not changes.journal or not shiboken6.isValid(self):
            return
        host = self.parentWidget()
        if host is None or host.isVisible():
            self.refresh()
            return
        self._stale = True
        if self._watched is not host:
            self._watched = host
            _ShowWatch(host, self._host_shown)

    def _host_shown(self) -> None:
        if self._stale and shiboken6.isValid(self):
            self._stale = False
            self.refresh()

    def _show(self, shown: list[ShownFiring]) -> None:
        self.read_once = True
        self.shown = shown
        self.blocks = {}
        clear_layout(self._list)
        self.more = button("", "patternShowMore", link=True)
        self.more.clicked.connect(self._show_all)
        row = QHBoxLayout()
        row.addWidget(self.more)
        row.addStretch(1)
        self._more_row = QWidget()
        self._more_row.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self._list.addWidget(self._more_row)
        self._all = False
        self._arrange()

    def _arrange(self) -> None:
        """The first ``FIRST_SHOWN`` patterns, the rest behind "Show 3 more": a calm card,
        not a wall of them. A pattern's block is built when it is first shown: years of notes
        can fire a hundred patterns, and building them all made unlocking take seconds."""
        keys = [f.key for f in self.shown]
        for index, firing in enumerate(self.shown):
            if (self._all or index < self._first) and firing.key not in self.blocks:
                block = self._block(firing)  # in order: the shown ones are always the first
                self.blocks[firing.key] = block
                self._list.insertWidget(self._list.indexOf(self._more_row), block)
        for index, key in enumerate(keys):
            if key in self.blocks:
                self.blocks[key].setVisible(self._all or index < self._first)
        hidden = 0 if self._all else max(len(keys) - self._first, 0)
        if self._first == 0:
            self.more.setText(self.tr("%n patterns worth a calm talk: show them", "", hidden))
        else:
            self.more.setText(self.tr("Show %n more patterns", "", hidden))
        self.more.setAccessibleName(self.more.text())
        self.more.setVisible(hidden > 0)
        self.setVisible(bool(keys))

    def _show_all(self) -> None:
        self._all = True
        self._arrange()

    # --- one pattern -------------------------------------------------------------------------

    def _block(self, firing: ShownFiring) -> QFrame:
        rule, key = self._by_id[firing.rule_id], firing.key
        frame, layout = card(self.tr("Pattern for {name}: {rule}").format(
            name=firing.child_name, rule=rule.title))
        frame.setProperty("firingId", key)
        layout.addWidget(title_label(rule_words.card_heading(firing.child_name),
                                     "sectionTitle"))
        title = body_label(rule.title, name=f"patternRule{key}")
        title.setStyleSheet("font-weight: 600;")
        layout.addWidget(title)
        layout.addWidget(body_label(rule.looks_for_with(firing.params),
                                    name=f"patternLooksFor{key}"))
        days = [e.day for e in firing.entries]
        layout.addWidget(body_label(rule_words.entries_span(len(days), min(days), max(days)),
                                    muted=True, name=f"patternSpan{key}"))
        why_box = self._why_box(firing)
        what = self._what_to_do(rule, firing)
        about = self.tr("the pattern “{rule}” for {name}").format(rule=rule.title,
                                                                   name=firing.child_name)
        why = button(self.tr("Why am I seeing this?"), f"patternWhy{key}",
                     accessible=self.tr("Why am I seeing {what}?").format(what=about))
        why.setCheckable(True)
        why.toggled.connect(lambda on: self._open_why(why_box, firing, on))
        todo = button(self.tr("What to do"), f"patternWhatToDo{key}",
                      accessible=self.tr("What to do about {what}").format(what=about))
        todo.setCheckable(True)
        todo.toggled.connect(what.setVisible)
        later = button(self.tr("Not now"), f"patternNotNow{key}",
                       accessible=self.tr("Not now: put aside {what}").format(what=about))
        later.clicked.connect(lambda: self.dismiss(key))
        row = QHBoxLayout()
        for widget in (why, todo, later):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(why_box)
        layout.addWidget(what)
        return frame

    def _why_box(self, firing: ShownFiring) -> QFrame:
        """The entries that made it fire: each its local date, its signs, and an Open button."""
        box = QFrame()
        box.setObjectName(f"patternWhyBox{firing.key}")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(body_label(rule_words.why_intro(), muted=True))
        box.hide()
        return box

    def _open_why(self, box: QFrame, firing: ShownFiring, on: bool) -> None:
        """Show or hide the entries; their rows are built at the first opening only (a pattern
        over years of notes can list hundreds, most never opened)."""
        if on and not box.property("filled"):
            box.setProperty("filled", True)
            self._entry_rows(box.layout(), firing)
        box.setVisible(on)

    def _entry_rows(self, layout: Any, firing: ShownFiring) -> None:
        for entry in firing.entries:
            row = QHBoxLayout()
            day = date_words(entry.day)
            words = [self._sign_words.get(s, s) for s in entry.signs]
            row.addWidget(body_label(rule_words.entry_line(day, words),
                                     name=f"patternEntry{entry.entry_id}"), 1)
            go = button(self.tr("Open"), f"patternOpen{firing.key}_{entry.entry_id}",
                        accessible=self.tr("Open the entry of {date}, about {name}").format(
                            date=day, name=firing.child_name))
            go.setProperty("entryId", entry.entry_id)
            go.clicked.connect(lambda _=False, i=entry.entry_id: self.open_entry.emit(i))
            row.addWidget(go, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(row)

    def _what_to_do(self, rule: Rule, firing: ShownFiring) -> QFrame:
        box = QFrame()
        box.setObjectName(f"patternWhatBox{firing.key}")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(body_label(rule.might_mean))
        layout.addWidget(body_label(rule.what_to_do))
        if rule.help_now:
            go = button(self.tr("Open Help now"), f"patternHelpNow{firing.key}",
                        accessible=self.tr("Open Help now, for {name}").format(
                            name=firing.child_name))
            go.clicked.connect(self.open_help_now.emit)
        else:
            topic = self._catalogue.topic(rule.topic) if self._catalogue is not None else None
            words = topic.title if topic is not None else rule.topic
            go = button(self.tr("Read “{topic}”").format(topic=words),
                        f"patternTopic{firing.key}", link=True,
                        accessible=self.tr("Read the topic {topic}, for {name}").format(
                            topic=words, name=firing.child_name))
            go.clicked.connect(lambda: self.open_topic.emit(rule.topic))
        row = QHBoxLayout()
        row.addWidget(go)
        row.addStretch(1)
        layout.addLayout(row)
        box.hide()
        return box

    # --- putting aside -----------------------------------------------------------------------

    def dismiss(self, key: int) -> None:
        """"Not now": the pattern's firings are dismissed for good; the card goes when none is
        left (a new firing of the pattern, later, shows again)."""
        firing = next((f for f in self.shown if f.key == key), None)
        if firing is None:
            return
        block = self.blocks.pop(key)
        block.hide()
        block.deleteLater()
        self.shown = [f for f in self.shown if f.key != key]
        self._arrange()
        announce(self, rule_words.not_now_done())
        ids = firing.firing_ids

        def put_aside(services: Services) -> None:
            for firing_id in ids:
                services.journal.dismiss_firing(firing_id)

        # A journal change: the same card elsewhere (home page, journal) hears of it too.
        self._ops.write(put_aside, touches=Changes(journal=True), owner=self)
