"""The pattern card on a real vault: it appears when a rule fires, lists the entries that made it
fire, says what to do, and "Not now" puts it aside for good; nothing fires, nothing shows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QVBoxLayout, QWidget

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
    key = firing.key
    block = card.blocks[key]
    texts = [label.text() for label in block.findChildren(QLabel)]
    assert "A pattern worth a calm talk for Maya" in texts
    assert "Signs of secrecy noted 3 or more times within 10 days." in texts
    def noted(days_ago):  # the local day the card speaks of, in the caregiver's zone
        return (clock.now() - dt.timedelta(days=days_ago)).astimezone(clock.zone()).date()

    span = block.findChild(QLabel, f"patternSpan{key}").text()
    assert date_words(noted(6)) in span
    assert date_words(noted(1)) in span and span.startswith("3 entries")

    why_box = block.findChild(QWidget, f"patternWhyBox{key}")
    assert not why_box.isVisible()
    qtbot.mouseClick(block.findChild(QAbstractButton, f"patternWhy{key}"),
                     Qt.MouseButton.LeftButton)
    assert why_box.isVisible()
    lines = [why_box.findChild(QLabel, f"patternEntry{i}").text() for i in ids]
    assert lines[0].startswith(date_words(noted(6)))
    assert "Hides the screen" in lines[0] and "bus stop" in lines[2]
    opens = [b for b in why_box.findChildren(QAbstractButton)]
    assert [b.property("entryId") for b in opens] == ids
    opened = []
    card.open_entry.connect(opened.append)
    qtbot.mouseClick(opens[1], Qt.MouseButton.LeftButton)
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
    firing = _block(card, RULE)
    qtbot.mouseClick(card.findChild(QAbstractButton, f"patternNotNow{firing.key}"),
                     Qt.MouseButton.LeftButton)
    assert all(f.rule_id != RULE for f in card.shown)
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert all(f[1] != RULE for f in services.journal.firings())
    for firing in list(card.shown):
        qtbot.mouseClick(card.findChild(QAbstractButton, f"patternNotNow{firing.key}"),
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


def test_many_patterns_wait_behind_show_more_and_one_rule_is_one_pattern(qtbot, ops, clock,
                                                                          rules, services, maya):
    now = clock.now()
    sam = services.family.add("Sam", 2016, 9).id
    for child in (maya, sam):  # secrecy for both, twice over for Maya (two firings, one card)
        for days_ago in (13, 12, 11) if child == maya else ():
            _note(services, child, now - dt.timedelta(days=days_ago), "sign.hides-screen")
        for days_ago in (3, 2, 1):
            _note(services, child, now - dt.timedelta(days=days_ago), "sign.clears-chats")
    _note(services, sam, now - dt.timedelta(days=1), "sign.talks-of-dying")
    _, card = _card(qtbot, ops, clock, rules)
    firings = [f for f in services.journal.firings() if f[1] == RULE and f[2] == maya]
    assert len(firings) == 2
    patterns = [(f.rule_id, f.child_name) for f in card.shown]
    assert patterns.count((RULE, "Maya")) == 1 and len(patterns) == len(set(patterns)) >= 3
    assert card.shown[0].rule_id == "rule.self-harm"  # Help now comes first
    assert set(_block(card, RULE).firing_ids) == {f[0] for f in firings}
    visible = [k for k, block in card.blocks.items() if block.isVisible()]
    assert visible == [f.key for f in card.shown[:2]]
    more = card.findChild(QAbstractButton, "patternShowMore")
    hidden = len(patterns) - 2
    words = f"Show {hidden} more pattern" + ("" if hidden == 1 else "s")
    assert more.isVisible() and more.text() == words
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert all(block.isVisible() for block in card.blocks.values()) and not more.isVisible()
