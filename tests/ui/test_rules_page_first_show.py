"""The Rules page is built at unlock with the others but reads (and runs its previews) only when
the parent first opens it; after that it follows changes as every page does."""

from __future__ import annotations

import pytest

from app.core.changes import Changes
from app.core.journal.rules import load_rules
from app.paths import shipped_content_dir
from app.ui.content_access import shipped_library
from app.ui.journal.rules_page import RulesPage
from app.ui.ops import Ops


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


def test_nothing_is_read_until_the_page_is_first_shown(qtbot, ops, clock, services):
    services.family.add("Maya", 2013, 4)
    rules = load_rules(shipped_content_dir() / "rules.toml")
    page = RulesPage(ops, clock, rules, shipped_library().library)
    qtbot.addWidget(page)
    ops.broadcast(Changes(journal=True))  # a change while hidden asks for one read, not two
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert page.view is None
    page.show()
    qtbot.waitUntil(lambda: page.view is not None and ops.idle(), timeout=15000)
    assert [name for _id, name in page.view.children] == ["Maya"]
    previews = [editor for editor in page.editors.values() if editor.rule.id in page._asked]
    assert previews and all(page._asked[e.rule.id] == 1 for e in previews)
