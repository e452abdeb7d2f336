"""A counsellor's plan in the family's week: the coach brings this week's topics first and says
who chose them, and the journal names the signs the week asks the family to watch for — both
read on the database worker, both quiet when no plan is running."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel

from app.core.changes import Changes
from app.core.plans.model import Plan, PlanWeek
from app.ui.coach.coach_dialog import CoachDialog
from app.ui.content_access import shipped_library
from app.ui.journal.journal_page import JournalPage
from app.ui.ops import Ops

TODAY = dt.date(2026, 11, 23)  # the clock fixture's day: week 2 of a plan from 16 November


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


def _plan() -> Plan:
    weeks = (PlanWeek(1, topics=("saying-no",)),
             PlanWeek(2, topics=("gifts-and-money", "pictures"),
                      watch=("sign.unexplained-gifts", "sign.hides-screen"),
                      note="Gifts are how <b>trust</b> gets bought."),
             PlanWeek(3, topics=("privacy",)))
    return Plan("plan-1", 1, "Safer online <i>together</i>", "M.", "9-12",
                TODAY - dt.timedelta(days=7), weeks)


def test_the_coach_puts_this_weeks_plan_topics_first_and_shows_the_week(qtbot, services, ops):
    maya = services.family.add("Maya", 2016, 4)
    services.plans.import_plan(_plan(), maya.id)
    dialog = CoachDialog(ops, shipped_library().library, (maya.id,), "Maya")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=15000)
    assert {p.starter.topic for p in dialog.picks[:2]} == {"gifts-and-money", "pictures"}
    assert all(p.reason == "plan-week" and p.values == {"week": 2} for p in dialog.picks[:2])
    worded = [label.text() for label in dialog.prepare.findChildren(QLabel, "pickReason")]
    assert sum("Your counsellor chose this for week 2" in w for w in worded) == 2
    assert dialog.plan_line.isVisible()
    assert dialog.plan_line.text().splitlines() == [
        "Your counsellor's plan “Safer online <i>together</i>”: week 2 of 3.",
        "Why this week: Gifts are how <b>trust</b> gets bought."]  # plain text, as written


def test_without_a_plan_the_coach_says_nothing_of_one(qtbot, services, ops):
    maya = services.family.add("Maya", 2016, 4)
    dialog = CoachDialog(ops, shipped_library().library, (maya.id,), "Maya")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=15000)
    assert not dialog.plan_line.isVisible()
    assert all(p.reason != "plan-week" for p in dialog.picks)


def test_the_journal_names_this_weeks_things_to_watch_and_hides_the_line_without(
        qtbot, services, ops):
    library = shipped_library().library
    maya = services.family.add("Maya", 2016, 4)
    page = JournalPage(ops, services.vault.clock, library)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert not page.watch_line.isVisible()

    ops.write(lambda s: s.plans.import_plan(_plan(), maya.id), touches=Changes(plans=True),
              owner=page)
    qtbot.waitUntil(lambda: page.watch_line.isVisible(), timeout=15000)
    signs = {s.id: s.text.rstrip(".") for s in library.signs}
    assert page.watch_line.text() == (
        f"Things to watch this week for Maya: {signs['sign.unexplained-gifts']}; "
        f"{signs['sign.hides-screen']}")

    active = services.plans.active_for(maya.id)
    ops.write(lambda s: s.plans.end_plan(active.id), touches=Changes(plans=True), owner=page)
    qtbot.waitUntil(lambda: not page.watch_line.isVisible(), timeout=15000)
