"""The pattern card on a real vault: it appears when a rule fires, lists the entries that made it
fire, says what to do, and "Not now" puts it aside for good; nothing fires, nothing shows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QVBoxLayout, QWidget

from app.core.changes import Changes
from app.core.journal.model import EntryFields, RuleSetting
from app.core.journal.rules import load_rules
from app.paths import shipped_content_dir
from app.ui.content_access import shipped_library
from app.ui.dates import date_words
from app.ui.journal.pattern_card import PatternCard
from app.ui.ops import Ops

RULE = "rule.secrecy-again"


@pytest.fixture(scope="module")
def rules():
    return load_rules(shipped_content_dir() / "rules.toml")


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


@pytest.fixture
def maya(services):
    return services.family.add("Maya", 2013, 4).id


def _note(services, child, when, *signs, tags=()):
    return services.journal.add(EntryFields(child, when, signs=signs, tags=tags)).id


def _card(qtbot, ops, clock, rules) -> tuple[QWidget, PatternCard]:
    host = QWidget()
    layout = QVBoxLayout(host)
    card = PatternCard(ops, clock, rules, shipped_library().library)
    layout.addWidget(card)
    qtbot.addWidget(host)
    host.resize(900, 600)
    host.show()
    qtbot.waitUntil(ops.idle, timeout=15000)
    return host, card


def _secrecy_week(services, clock, maya) -> list[int]:
    now = clock.now()
    return [_note(services, maya, now - dt.timedelta(days=6), "sign.hides-screen"),
            _note(services, maya, now - dt.timedelta(days=4), "sign.secret-friend"),
            _note(services, maya, now - dt.timedelta(days=1), "sign.clears-chats",
                  tags=("bus stop",))]


def _block(card, rule_id):
    return next(f for f in card.shown if f.rule_id == rule_id)


def test_nothing_fires_nothing_shows(qtbot, ops, clock, rules, services, maya):
    _note(services, maya, clock.now() - dt.timedelta(days=2), "sign.up-late")
    _, card = _card(qtbot, ops, clock, rules)
    assert card.shown == [] and card.isHidden()
    assert services.journal.firings() == []


def test_a_firing_rule_shows_a_calm_card_with_its_entries(qtbot, ops, clock, rules, services,
                                                          maya):
    ids = _secrecy_week(services, clock, maya)
    _, card = _card(qtbot, ops, clock, rules)
    assert card.isVisible()
    firing = _block(card, RULE)
    assert [e.entry_id for e in firing.entries] == ids
    assert [(f[1], f[2]) for f in services.journal.firings()].count((RULE, maya)) == 1
    key = firing.firing_id
    block = card.blocks[key]
    texts = [label.text() for label in block.findChildren(QLabel)]
    assert "A pattern worth a calm talk for Maya" in texts
    assert "Signs of secrecy noted 3 or more times within 10 days." in texts
    today = clock.now().date()
    span = block.findChild(QLabel, f"patternSpan{key}").text()
    assert date_words(today - dt.timedelta(days=6)) in span
    assert date_words(today - dt.timedelta(days=1)) in span and span.startswith("3 entries")

    entries = block.findChild(QListWidget, f"patternEntries{key}")
    assert not entries.isVisible()
    qtbot.mouseClick(block.findChild(QAbstractButton, f"patternWhy{key}"),
                     Qt.MouseButton.LeftButton)
    assert entries.isVisible() and entries.count() == 3
    lines = [entries.item(i).text() for i in range(3)]
    assert lines[0].startswith(date_words(today - dt.timedelta(days=6)))
    assert "Hides the screen" in lines[0]
    assert "bus stop" in lines[2]
    opened = []
    card.open_entry.connect(opened.append)
    entries.itemActivated.emit(entries.item(1))
    assert opened == [ids[1]]

    what = block.findChild(QWidget, f"patternWhatBox{key}")
    qtbot.mouseClick(block.findChild(QAbstractButton, f"patternWhatToDo{key}"),
                     Qt.MouseButton.LeftButton)
    rule = next(r for r in rules if r.id == RULE)
    assert what.isVisible()
    assert rule.what_to_do in [label.text() for label in what.findChildren(QLabel)]
    topics = []
    card.open_topic.connect(topics.append)
    qtbot.mouseClick(block.findChild(QAbstractButton, f"patternTopic{key}"),
                     Qt.MouseButton.LeftButton)
    assert topics == ["online-friends"]


def test_not_now_puts_it_aside_for_good(qtbot, ops, clock, rules, services, maya):
    _secrecy_week(services, clock, maya)
    _, card = _card(qtbot, ops, clock, rules)
    for firing in list(card.shown):
        qtbot.mouseClick(card.findChild(QAbstractButton, f"patternNotNow{firing.firing_id}"),
                         Qt.MouseButton.LeftButton)
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert card.isHidden() and card.shown == []
    assert services.journal.firings() == []  # every one dismissed
    _, again = _card(qtbot, ops, clock, rules)
    assert again.isHidden()


def test_the_card_follows_the_journal(qtbot, ops, clock, rules, services, maya):
    _, card = _card(qtbot, ops, clock, rules)
    assert card.isHidden()
    now = clock.now()
    for days_ago, sign in ((5, "sign.hides-screen"), (3, "sign.secret-friend"),
                           (2, "sign.clears-chats")):
        ops.write(lambda s, d=days_ago, g=sign: s.journal.add(EntryFields(
            maya, now - dt.timedelta(days=d), signs=(g,))),
            touches=Changes(journal=True), owner=None)
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert card.isVisible() and _block(card, RULE)
    ops.write(lambda s: s.journal.set_rule(RuleSetting(RULE, False)),
              touches=Changes(journal=True), owner=None)
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert all(f.rule_id != RULE for f in card.shown)  # a rule turned off shows no card
