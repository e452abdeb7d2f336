"""The Rules page: every pattern rule in words, with the parent's switch and numbers.

Porchlight's patterns are rules a parent can read and tune, not a black box. Each rule is a
``RuleEditor`` card. The page reads, on the database worker, the saved settings, the children
and the noted signs once; when the parent moves a number, the preview ("it would have fired 3
times in the last 12 weeks for Maya") is computed on the worker from those signs — with the
very ``preview`` the engine uses, so what the page promises is what the card will do — and an
older answer arriving after a newer question is dropped. Saving writes the setting (a journal
change, so the pattern card re-evaluates); Reset goes back to the rule's own numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from app.core.changes import Changes
from app.core.clock import Clock, local_today
from app.core.journal.entry_events import EntryEvents
from app.core.journal.model import RuleSetting
from app.core.journal.rules import Rule, prepare_by_child, preview_prepared
from app.core.journal.rules_table import Table
from app.storage.services import Services
from app.ui.journal import rule_words
from app.ui.journal.rule_editor import RuleEditor
from app.ui.ops import Ops, follow_changes
from app.ui.widgets.common import body_label, title_label

PREVIEW_DELAY_MS = 200  # a held-down spin arrow asks once it rests, not at every step


@dataclass(frozen=True)
class RulesView:
    """What the page needs, read in one go on the worker."""

    settings: dict[str, RuleSetting]
    children: list[tuple[int | None, str]]  # (id, name) to preview for; None: the family
    entries: list[EntryEvents]  # every live entry with its signs, as the rules read them
    categories: Mapping[str, str]  # sign id → category, beside the entries
    today: dt.date
    zone: dt.tzinfo
    # Each child's notes prepared for the rules, made on the worker at the first preview and
    # kept for every later one of this reading (moving a number re-runs one rule, not a read).
    tables: dict[int | None, Table] = field(default_factory=dict, compare=False, repr=False)


def read_rules_view(services: Services, today: dt.date, zone: dt.tzinfo) -> RulesView:
    """On the worker: saved settings, the children (and the family, if it has entries), and
    every live entry with its signs, which the previews run over."""
    entries, categories = services.journal.entry_events()
    children: list[tuple[int | None, str]] = [(c.id, c.name)
                                              for c in services.family.children()]
    if any(e.child_id is None for e in entries):
        children.append((None, rule_words.family_name()))
    return RulesView(services.journal.rule_settings(), children, entries, categories, today,
                     zone)


def preview_counts(rule: Rule, setting: RuleSetting, view: RulesView) -> dict[str, int]:
    """On the worker: how often ``rule`` would have fired for each child with these numbers."""
    if not setting.enabled:
        return {}
    params = rule.params(setting.params)
    if not view.tables:
        view.tables.update(prepare_by_child(view.entries, view.today, view.zone,
                                            [child_id for child_id, _ in view.children],
                                            view.categories))
    return {name: preview_prepared(rule, params, view.tables[child_id], view.today,
                                   weeks=rule_words.PREVIEW_WEEKS)
            for child_id, name in view.children}


class RulesPage(QWidget):
    open_topic = Signal(str)
    open_help_now = Signal()

    def __init__(self, ops: Ops, clock: Clock, rules: Sequence[Rule], catalogue: Any) -> None:
        super().__init__()
        self.setObjectName("rulesPage")
        self.title = self.tr("Rules")
        self._ops, self._clock = ops, clock
        self.view: RulesView | None = None
        self._asked: dict[str, int] = {}  # rule id -> number of the latest preview asked
        self._waiting: set[str] = set()
        self._first_read = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Pattern rules")))
        layout.addWidget(body_label(self.tr(
            "Porchlight looks for these patterns in what you note, and shows a calm card when "
            "one appears. Each rule says what it looks for and why. Turn a rule off or change "
            "its numbers to suit your family: you see how often it would have shown before "
            "you save."), muted=True))
        host = QWidget()
        self.list_layout = QVBoxLayout(host)
        self.list_layout.setContentsMargins(0, 0, 12, 0)
        self.list_layout.setSpacing(12)
        self.editors: dict[str, RuleEditor] = {}
        for rule in rules:
            editor = RuleEditor(rule, catalogue)
            editor.open_topic.connect(self.open_topic)
            editor.open_help_now.connect(self.open_help_now)
            editor.trying.connect(lambda e=editor: self._soon(e))
            editor.save_asked.connect(lambda s, e=editor: self._save(e, s, words=True))
            editor.reset_asked.connect(lambda s, e=editor: self._save(e, s, words=False))
            self.editors[rule.id] = editor
            self.list_layout.addWidget(editor)
        if not rules:
            self.list_layout.addWidget(body_label(self.tr(
                "The pattern rules could not be read, so none are shown. Everything you note "
                "is kept as usual."), name="noRules"))
        self.list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("rulesScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(host)
        layout.addWidget(scroll, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._preview_waiting)
        follow_changes(self, ops, lambda c: c.touches("journal", "family"), self.refresh)
        # Read when first shown, not when built at unlock: the previews run every rule over
        # years of notes (a second or more), and most visits to Porchlight never open Rules.

    def showEvent(self, event: QShowEvent) -> None:
        if not self._first_read:  # a change seen meanwhile may have asked already
            self.refresh()
        super().showEvent(event)

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._first_read = True
        today, zone = local_today(self._clock), self._clock.zone()
        self._ops.read(lambda s: read_rules_view(s, today, zone), self._show, owner=self)

    def _show(self, view: RulesView) -> None:
        self.view = view
        for rule_id, editor in self.editors.items():
            if not editor.dirty():  # a number being tried is never thrown away by a refresh
                editor.show_setting(view.settings.get(rule_id, RuleSetting(rule_id)))
            self._waiting.add(rule_id)
        self._preview_waiting()

    # --- previews ----------------------------------------------------------------------------

    def _soon(self, editor: RuleEditor) -> None:
        self._waiting.add(editor.rule.id)
        self._timer.start()

    def _preview_waiting(self) -> None:
        view = self.view
        if view is None:
            return
        asked = [(self.editors[i], self._next_number(i)) for i in sorted(self._waiting)]
        self._waiting.clear()
        jobs = [(e.rule, e.tried(), e.rule.id, n) for e, n in asked]

        def run(_services: Services) -> list[tuple[str, int, dict[str, int]]]:
            return [(rule_id, n, preview_counts(rule, setting, view))
                    for rule, setting, rule_id, n in jobs]

        self._ops.read(run, self._previewed, owner=self)

    def _next_number(self, rule_id: str) -> int:
        self._asked[rule_id] = self._asked.get(rule_id, 0) + 1
        return self._asked[rule_id]

    def _previewed(self, results: list[tuple[str, int, dict[str, int]]]) -> None:
        for rule_id, number, counts in results:
            if number == self._asked.get(rule_id):  # an older answer to an older question
                self.editors[rule_id].show_preview(counts)

    # --- saving ------------------------------------------------------------------------------

    def _save(self, editor: RuleEditor, setting: RuleSetting, *, words: bool) -> None:
        def saved(_result: object) -> None:
            editor.show_setting(setting)
            editor.said(rule_words.saved_words() if words else rule_words.reset_words())

        self._ops.write(lambda s: s.journal.set_rule(setting), touches=Changes(journal=True),
                        done=saved, owner=editor)
        if not words:
            self._soon(editor)
