"""The Rules page on a real vault: each rule in words, a switch and numbers, a preview that is
the engine's own count for the real entries, Save that persists, Reset to the rule's numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QSpinBox

from app.core.changes import Changes
from app.core.clock import local_today
from app.core.journal.model import EntryFields, RuleSetting
from app.core.journal.rules import load_rules, preview
from app.paths import shipped_content_dir
from app.ui.content_access import shipped_library
from app.ui.journal import rule_words
from app.ui.journal.rules_page import RulesPage
from app.ui.ops import Ops

RULE = "rule.secrecy-again"  # 3 or more signs of secrecy within 10 days
SECRECY = ("sign.hides-screen", "sign.secret-friend", "sign.clears-chats")


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
def family(services, clock):
    """Maya with two clusters of secrecy (a month ago, this week) and a quiet Sam."""
    maya = services.family.add("Maya", 2013, 4).id
    sam = services.family.add("Sam", 2016, 9).id
    now = clock.now()
    for days_ago, sign in ((33, 0), (30, 1), (26, 2), (9, 0), (5, 1), (2, 2), (1, 0)):
        services.journal.add(EntryFields(maya, now - dt.timedelta(days=days_ago),
                                         signs=(SECRECY[sign],)))
    services.journal.add(EntryFields(sam, now - dt.timedelta(days=4),
                                     signs=("sign.up-late",)))
    return {"Maya": maya, "Sam": sam}


def _open(qtbot, ops, clock, rules) -> RulesPage:
    page = RulesPage(ops, clock, rules, shipped_library().library)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitUntil(ops.idle, timeout=15000)
    return page


def _expected(services, clock, rule, family, params) -> str:
    events = services.journal.events()
    today, zone = local_today(clock), clock.zone()
    return "\n".join(rule_words.preview_words(
        preview(rule, rule.params(params), events, today, zone, child_id), name)
        for name, child_id in family.items())


def _counts(services, clock, rule, family, params) -> list[int]:
    events, today, zone = services.journal.events(), local_today(clock), clock.zone()
    return [preview(rule, rule.params(params), events, today, zone, c) for c in family.values()]


def test_every_rule_is_shown_in_words(qtbot, ops, clock, rules):
    page = _open(qtbot, ops, clock, rules)
    assert page.objectName() == "rulesPage" and page.title == "Rules"
    assert len(page.editors) == len(rules) >= 10
    rule = next(r for r in rules if r.id == RULE)
    looks = page.findChild(QLabel, f"ruleLooksFor_{RULE}")
    assert looks.text() == "Signs of secrecy noted 3 or more times within 10 days."
    shown = {label.text() for label in page.editors[RULE].findChildren(QLabel)}
    assert rule.might_mean in shown and rule.what_to_do in shown
    sources = page.findChild(QLabel, f"ruleSources_{RULE}").text()
    assert "Sources: " in sources and "Reviewed " in sources and "2026" in sources
    assert all(line in "".join(shown) for line in rule.false_alarms)
    # Every control names what it acts on, and no two share a name.
    names = [w.accessibleName() for w in page.findChildren(QAbstractButton)
             + page.findChildren(QSpinBox)]
    assert all(names) and len(names) == len(set(names))


def test_the_next_step_opens_the_topic_or_help_now(qtbot, ops, clock, rules):
    page = _open(qtbot, ops, clock, rules)
    topics, helps = [], []
    page.open_topic.connect(topics.append)
    page.open_help_now.connect(lambda: helps.append(True))
    qtbot.mouseClick(page.findChild(QAbstractButton, f"ruleTopic_{RULE}"),
                     Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.findChild(QAbstractButton, "ruleHelpNow_rule.self-harm"),
                     Qt.MouseButton.LeftButton)
    assert topics == ["online-friends"] and helps == [True]


def test_the_preview_follows_the_numbers_on_real_entries(qtbot, ops, clock, rules, services,
                                                         family):
    page = _open(qtbot, ops, clock, rules)
    editor = page.editors[RULE]
    rule = editor.rule
    assert editor.preview.text() == _expected(services, clock, rule, family, {})
    baseline = _counts(services, clock, rule, family, {})
    assert baseline[0] > 0 and baseline[1] == 0  # Maya's clusters fire, Sam's night does not

    tried = {"count": 2, "days": 30}
    assert _counts(services, clock, rule, family, tried) != baseline  # a change that shows
    page.findChild(QSpinBox, f"ruleParam_{RULE}_count").setValue(2)
    page.findChild(QSpinBox, f"ruleParam_{RULE}_days").setValue(30)
    assert editor.looks_for.text() == "Signs of secrecy noted 2 or more times within 30 days."
    expected = _expected(services, clock, rule, family, tried)
    qtbot.waitUntil(lambda: editor.preview.text() == expected, timeout=5000)

    strict = {"count": 4, "days": 3}
    assert _counts(services, clock, rule, family, strict) == [0, 0]
    page.findChild(QSpinBox, f"ruleParam_{RULE}_count").setValue(4)
    page.findChild(QSpinBox, f"ruleParam_{RULE}_days").setValue(3)
    qtbot.waitUntil(lambda: editor.preview.text() == _expected(
        services, clock, rule, family, strict), timeout=5000)
    assert "would not have fired" in editor.preview.text()

    page.findChild(QCheckBox, f"ruleOn_{RULE}").setChecked(False)
    qtbot.waitUntil(ops.idle)
    assert editor.preview.text() == rule_words.off_words()
    assert not page.findChild(QSpinBox, f"ruleParam_{RULE}_days").isEnabled()
    assert services.journal.rule_settings() == {}  # nothing saved until Save


def test_save_persists_and_reset_goes_back(qtbot, ops, clock, rules, services, family):
    page = _open(qtbot, ops, clock, rules)
    save = page.findChild(QAbstractButton, f"ruleSave_{RULE}")
    assert not save.isEnabled()  # nothing to save yet
    page.findChild(QSpinBox, f"ruleParam_{RULE}_days").setValue(20)
    page.findChild(QCheckBox, f"ruleOn_{RULE}").setChecked(False)
    assert save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert services.journal.rule_settings()[RULE] == RuleSetting(RULE, False, {"days": 20})
    assert page.editors[RULE].message.text() == rule_words.saved_words()
    assert not save.isEnabled()

    again = _open(qtbot, ops, clock, rules)  # a fresh page reads what was saved
    assert again.findChild(QSpinBox, f"ruleParam_{RULE}_days").value() == 20
    assert not again.findChild(QCheckBox, f"ruleOn_{RULE}").isChecked()
    assert again.editors[RULE].preview.text() == rule_words.off_words()

    qtbot.mouseClick(page.findChild(QAbstractButton, f"ruleReset_{RULE}"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert services.journal.rule_settings()[RULE] == RuleSetting(RULE, True, {})
    assert page.findChild(QSpinBox, f"ruleParam_{RULE}_days").value() == 10
    assert page.findChild(QCheckBox, f"ruleOn_{RULE}").isChecked()
    rule = page.editors[RULE].rule
    qtbot.waitUntil(lambda: page.editors[RULE].preview.text() == _expected(
        services, clock, rule, family, {}), timeout=5000)
    # The other page heard the journal change and shows the reset too.
    qtbot.waitUntil(lambda: again.findChild(QSpinBox, f"ruleParam_{RULE}_days").value() == 10,
                    timeout=5000)


def test_a_refresh_keeps_numbers_being_tried(qtbot, ops, clock, rules, services, family):
    page = _open(qtbot, ops, clock, rules)
    page.findChild(QSpinBox, f"ruleParam_{RULE}_count").setValue(5)
    ops.write(lambda s: s.journal.add(EntryFields(family["Sam"], clock.now(),
                                                  signs=("sign.withdraws",))),
              touches=Changes(journal=True), owner=None)
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert page.findChild(QSpinBox, f"ruleParam_{RULE}_count").value() == 5
