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

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout

from app.core.changes import Changes
from app.core.clock import Clock, local_today
from app.core.journal.rules import HOME_CARD_DAYS, Rule, evaluate_all
from app.storage.services import Services
from app.ui.announce import announce
from app.ui.dates import date_words
from app.ui.journal import rule_words
from app.ui.ops import Ops
from app.ui.widgets.common import body_label, button, card, clear_layout, title_label


@dataclass(frozen=True)
class ShownEntry:
    entry_id: int
    day: dt.date  # local date it was noted
    signs: tuple[str, ...]  # sign ids, then the caregiver's own tags


@dataclass(frozen=True)
class ShownFiring:
    """One firing the card shows, with what "Why am I seeing this?" lists."""

    firing_id: int
    rule_id: str
    child_name: str
    fired_on: dt.date
    entries: tuple[ShownEntry, ...]
    params: dict[str, int]


def read_patterns(services: Services, rules: Sequence[Rule], today: dt.date,
                  zone: dt.tzinfo) -> list[ShownFiring]:
    """On the worker: evaluate, record, and read back the firings not put aside."""
    journal = services.journal
    settings = journal.rule_settings()
    fresh = evaluate_all(rules, settings, journal.events(), today, zone,
                         within_days=HOME_CARD_DAYS)
    journal.record_firings([(f.rule_id, f.child_id, f.fired_on, f.entry_ids) for f in fresh])
    names = {c.id: c.name for c in services.family.children(include_archived=True)}
    by_id = {r.id: r for r in rules}
    since = today - dt.timedelta(days=HOME_CARD_DAYS - 1)
    shown = []
    for firing_id, rule_id, child_id, fired_on, entry_ids in journal.firings():
        rule, setting = by_id.get(rule_id), settings.get(rule_id)
        if rule is None or fired_on < since or (setting is not None and not setting.enabled):
            continue
        entries = []
        for entry_id in entry_ids:
            try:
                entry = journal.entry(entry_id)
            except KeyError:
                continue  # purged since: it no longer explains anything
            if entry.deleted_at is not None:
                continue
            fields = entry.fields
            entries.append(ShownEntry(entry_id, fields.noted_at.astimezone(zone).date(),
                                      fields.signs + fields.tags))
        if not entries:
            continue
        name = names.get(child_id, "") if child_id is not None else rule_words.family_name()
        shown.append(ShownFiring(firing_id, rule_id, name, fired_on, tuple(entries),
                                 rule.params(setting.params if setting else None)))
    return sorted(shown, key=lambda f: f.fired_on, reverse=True)


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

    def __init__(self, ops: Ops, clock: Clock, rules: Sequence[Rule], catalogue: Any) -> None:
        super().__init__()
        self.setObjectName("patternCard")
        self._ops, self._clock, self._rules = ops, clock, list(rules)
        self._by_id = {r.id: r for r in self._rules}
        self._sign_words = {s.id: s.text for s in getattr(catalogue, "signs", ())}
        self._catalogue = catalogue
        self.shown: list[ShownFiring] = []
        self._stale = False
        self._watched: QObject | None = None
        self.blocks: dict[int, QFrame] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(10)
        self._list = outer
        self.hide()
        ops.changed.connect(self._changed)
        self.refresh()

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        rules, today, zone = self._rules, local_today(self._clock), self._clock.zone()
        if not rules:
            return
        # A write (the firings are recorded) that changes nothing a page shows: no broadcast.
        self._ops.write(lambda s: read_patterns(s, rules, today, zone), touches=Changes(),
                        done=self._show, owner=self)

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
        self.shown = shown
        self.blocks = {}
        clear_layout(self._list)
        for firing in shown:
            block = self._block(firing)
            self.blocks[firing.firing_id] = block
            self._list.addWidget(block)
        self.setVisible(bool(shown))

    # --- one firing --------------------------------------------------------------------------

    def _block(self, firing: ShownFiring) -> QFrame:
        rule = self._by_id[firing.rule_id]
        frame, layout = card(self.tr("Pattern for {name}").format(name=firing.child_name))
        frame.setProperty("firingId", firing.firing_id)
        layout.addWidget(title_label(rule_words.card_heading(firing.child_name),
                                     "sectionTitle"))
        title = body_label(rule.title, name=f"patternRule{firing.firing_id}")
        title.setStyleSheet("font-weight: 600;")
        layout.addWidget(title)
        layout.addWidget(body_label(rule.looks_for_with(firing.params),
                                    name=f"patternLooksFor{firing.firing_id}"))
        days = [e.day for e in firing.entries]
        layout.addWidget(body_label(rule_words.entries_span(len(days), min(days), max(days)),
                                    muted=True, name=f"patternSpan{firing.firing_id}"))
        why_list = self._why_list(firing)
        what = self._what_to_do(rule, firing)
        row = QHBoxLayout()
        key = firing.firing_id
        why = button(self.tr("Why am I seeing this?"), f"patternWhy{key}",
                     accessible=self.tr("Why am I seeing the pattern for {name}?").format(
                         name=firing.child_name))
        why.setCheckable(True)
        why.toggled.connect(why_list.setVisible)
        todo = button(self.tr("What to do"), f"patternWhatToDo{key}",
                      accessible=self.tr("What to do about the pattern for {name}").format(
                          name=firing.child_name))
        todo.setCheckable(True)
        todo.toggled.connect(what.setVisible)
        later = button(self.tr("Not now"), f"patternNotNow{key}",
                       accessible=self.tr("Not now: put aside the pattern for {name}").format(
                           name=firing.child_name))
        later.clicked.connect(lambda: self.dismiss(firing.firing_id))
        for widget in (why, todo, later):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(why_list)
        layout.addWidget(what)
        return frame

    def _why_list(self, firing: ShownFiring) -> QFrame:
        box = QFrame()
        box.setObjectName(f"patternWhyBox{firing.firing_id}")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(body_label(rule_words.why_intro(), muted=True))
        entries = QListWidget()
        entries.setObjectName(f"patternEntries{firing.firing_id}")
        entries.setAccessibleName(self.tr("Entries behind the pattern for {name}").format(
            name=firing.child_name))
        entries.setWordWrap(True)
        for entry in firing.entries:
            words = [self._sign_words.get(s, s) for s in entry.signs]
            item = QListWidgetItem(rule_words.entry_line(date_words(entry.day), words))
            item.setData(Qt.ItemDataRole.UserRole, entry.entry_id)
            entries.addItem(item)
        entries.itemActivated.connect(
            lambda item: self.open_entry.emit(int(item.data(Qt.ItemDataRole.UserRole))))
        rows = min(entries.count(), 5)
        entries.setMaximumHeight(rows * (entries.fontMetrics().height() * 2 + 14) + 8)
        layout.addWidget(entries)
        box.hide()
        return box

    def _what_to_do(self, rule: Rule, firing: ShownFiring) -> QFrame:
        box = QFrame()
        box.setObjectName(f"patternWhatBox{firing.firing_id}")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(body_label(rule.might_mean))
        layout.addWidget(body_label(rule.what_to_do))
        if rule.help_now:
            go = button(self.tr("Open Help now"), f"patternHelpNow{firing.firing_id}")
            go.clicked.connect(self.open_help_now.emit)
        else:
            topic = self._catalogue.topic(rule.topic) if self._catalogue is not None else None
            words = topic.title if topic is not None else rule.topic
            go = button(self.tr("Read “{topic}”").format(topic=words),
                        f"patternTopic{firing.firing_id}", link=True,
                        accessible=self.tr("Read the topic {topic}").format(topic=words))
            go.clicked.connect(lambda: self.open_topic.emit(rule.topic))
        row = QHBoxLayout()
        row.addWidget(go)
        row.addStretch(1)
        layout.addLayout(row)
        box.hide()
        return box

    # --- putting aside -----------------------------------------------------------------------

    def dismiss(self, firing_id: int) -> None:
        """"Not now": the firing is dismissed for good; the card goes when none is left."""
        block = self.blocks.pop(firing_id, None)
        if block is not None:
            block.hide()
            block.deleteLater()
        self.shown = [f for f in self.shown if f.firing_id != firing_id]
        self.setVisible(bool(self.shown))
        announce(self, rule_words.not_now_done())
        # A journal change: the same card elsewhere (home page, journal) hears of it too.
        self._ops.write(lambda s: s.journal.dismiss_firing(firing_id),
                        touches=Changes(journal=True), owner=self)
