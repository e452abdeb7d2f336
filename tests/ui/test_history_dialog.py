"""The History dialog on a real vault: versions listed newest first with their origin, each
shown against the one before in colour and in words, and an old one brought back as new."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.journal.model import EntryFields
from app.core.journal.word_diff import word_diff
from app.ui.content_access import shipped_library
from app.ui.journal.history_dialog import HistoryDialog, runs_html, runs_spoken
from app.ui.journal.timeline_words import Names
from app.ui.ops import Ops

NOTED = dt.datetime(2026, 11, 20, 17, 30, tzinfo=dt.UTC)


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


@pytest.fixture
def entry_id(services, clock):
    maya = services.family.add("Maya", 2014, 3).id
    fields = EntryFields(child_id=maya, noted_at=NOTED, signs=("sign.hides-screen",),
                         saw="Closed the chat when I came in", strength=1)
    first = services.journal.add(fields)
    clock.advance(dt.timedelta(hours=1))
    services.journal.revise(first.id, fields.with_changes(
        saw="Closed the chat quickly when I came in", strength=2,
        signs=("sign.hides-screen", "sign.secret-friend")))
    return first.id


def open_dialog(qtbot, ops, services, entry_id) -> HistoryDialog:
    names = Names.from_catalogue(shipped_library().library)
    names.children = {c.id: c.name for c in services.family.children()}
    dialog = HistoryDialog(ops, entry_id, names, dt.UTC)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(ops.idle, timeout=15000)
    return dialog


def test_versions_are_listed_newest_first_and_say_where_they_came_from(qtbot, ops, services,
                                                                      entry_id):
    dialog = open_dialog(qtbot, ops, services, entry_id)
    lines = [dialog.versions.item(row).text() for row in range(dialog.versions.count())]
    assert len(lines) == 2
    assert lines[0].startswith("Version 2\n") and "Mon 23 Nov, 19:00" in lines[0]
    assert lines[1].startswith("Version 1 · first version\n")
    assert not dialog.restore_button.isEnabled()  # the newest is what the entry shows now


def test_the_newest_version_shows_what_changed_in_colour_and_in_words(qtbot, ops, services,
                                                                     entry_id):
    dialog = open_dialog(qtbot, ops, services, entry_id)
    html = dialog.diff.toHtml()
    assert "quickly" in html
    spoken = dialog.diff.accessibleDescription()
    assert "[added: quickly]" in spoken
    assert "How strong: [removed: A little] [added: Quite] worried" in spoken
    assert "Signs: Hides the screen [added: Mentions a new friend" in spoken
    assert "What I saw or heard:" in spoken


def test_the_first_version_is_shown_as_it_was_without_marks(qtbot, ops, services, entry_id):
    dialog = open_dialog(qtbot, ops, services, entry_id)
    dialog.versions.setCurrentRow(1)
    spoken = dialog.diff.accessibleDescription()
    assert "Closed the chat when I came in" in spoken
    assert "[added:" not in spoken and "[removed:" not in spoken
    assert "first version" in dialog.diff.toPlainText()
    assert dialog.restore_button.isEnabled()


def test_bringing_a_version_back_saves_it_as_a_new_version(qtbot, ops, services, entry_id):
    dialog = open_dialog(qtbot, ops, services, entry_id)
    restored: list[int] = []
    dialog.restored.connect(restored.append)
    dialog.versions.setCurrentRow(1)
    dialog.restore_button.click()
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert restored == [3]
    history = services.journal.history(entry_id)
    assert [(r.number, r.restored_from) for r in history] == [(1, None), (2, None), (3, 1)]
    assert history[2].fields.saw == history[0].fields.saw
    assert history[2].fields.strength == 1
    assert dialog.versions.count() == 3
    assert dialog.versions.item(0).text().startswith("Version 3 · restored from version 1")
    assert dialog.message.isVisible() and "version 3" in dialog.message.text()


def test_removed_words_are_struck_and_added_words_underlined():
    runs = word_diff("met on Discord", "met on Snapchat")
    html = runs_html(runs)
    assert "<s " in html and "Discord" in html.split("<s ")[1]
    assert "<u " in html and "Snapchat" in html.split("<u ")[1]
    assert runs_spoken(runs) == "met on [removed: Discord] [added: Snapchat]"


def test_markup_typed_by_the_parent_is_shown_as_text():
    html = runs_html(word_diff("", "<b>not bold</b> & more"))
    assert "&lt;b&gt;" in html and "&amp;" in html
