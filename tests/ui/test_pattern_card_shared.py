"""The home page's and the journal's pattern cards share one reading: running every rule over
years of notes once per unlock or change, not once per card."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.changes import Changes
from app.core.journal.model import EntryFields
from app.core.journal.rules import load_rules
from app.paths import shipped_content_dir
from app.ui.content_access import shipped_library
from app.ui.journal.pattern_card import PatternCard
from app.ui.ops import Ops


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


def _hosted(qtbot, ops, clock, rules, first_shown: int) -> tuple[QWidget, PatternCard]:
    host = QWidget()
    card = PatternCard(ops, clock, rules, shipped_library().library, first_shown=first_shown)
    QVBoxLayout(host).addWidget(card)
    qtbot.addWidget(host)
    return host, card


def test_two_cards_on_one_worker_read_once_and_show_the_same(qtbot, ops, clock, services):
    maya = services.family.add("Maya", 2013, 4).id
    for days, sign in ((6, "sign.hides-screen"), (4, "sign.secret-friend"),
                       (1, "sign.clears-chats")):
        services.journal.add(EntryFields(maya, clock.now() - dt.timedelta(days=days),
                                         signs=(sign,)))
    rules = load_rules(shipped_content_dir() / "rules.toml")
    home, home_card = _hosted(qtbot, ops, clock, rules, 1)
    journal, journal_card = _hosted(qtbot, ops, clock, rules, 0)
    home.show()
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert ops.writes == 1
    assert home_card.shown and home_card.shown == journal_card.shown
    assert home_card.isVisible() and len(home_card.blocks) == 1 and not journal_card.blocks

    ops.broadcast(Changes(journal=True))  # the home page is shown: it reads, for both
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert ops.writes == 2
    journal.show()  # the journal's card has its patterns already: no reading of its own
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert ops.writes == 2 and journal_card.shown == home_card.shown

    _later, later_card = _hosted(qtbot, ops, clock, rules, 1)  # built after the reading came
    assert later_card.shown == home_card.shown and ops.writes == 2
