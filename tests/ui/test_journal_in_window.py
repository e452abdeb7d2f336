"""The journal inside the real window: pages by id, the pattern card's ways out, export and
history closed by a lock like every window showing vault data."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.core.journal.model import EntryFields
from tests.ui.helpers import open_unlocked, wait_for_ops


def _strong_worry(services, clock) -> tuple[int, int]:
    maya = services.family.add("Maya", 2013, 4).id
    entry = services.journal.add(EntryFields(maya, clock.now() - dt.timedelta(days=1),
                                             signs=("sign.secret-friend",), strength=3,
                                             saw="asked who Ash is and she went quiet"))
    services.close()
    return maya, entry.id


def _click(qtbot, host, name: str) -> None:
    found = host.findChild(QPushButton, name)
    assert found is not None, name
    qtbot.mouseClick(found, Qt.MouseButton.LeftButton)


def test_the_journal_pages_sit_in_the_sidebar_by_id(qtbot, context, services):
    services.close()
    window = open_unlocked(qtbot, context)
    ids = window.shell.page_ids()
    assert ids.index("family") < ids.index("journal") < ids.index("trends") < ids.index("rules")
    for page_id in ("journal", "trends", "rules"):
        page = window.shell.show_page(page_id)
        wait_for_ops(qtbot, window)
        assert page.isVisible() and page.title


def test_why_am_i_seeing_this_opens_the_entry_on_the_journal(qtbot, context, services, clock):
    _maya, entry_id = _strong_worry(services, clock)
    window = open_unlocked(qtbot, context)
    wait_for_ops(qtbot, window)
    family = window.shell.page("family")
    card = family.findChild(QPushButton, "patternShowMore").parentWidget().parentWidget()
    qtbot.waitUntil(card.isVisible, timeout=10000)
    key = next(iter(card.blocks))
    _click(qtbot, card, f"patternWhy{key}")
    _click(qtbot, card, f"patternOpen{key}_{entry_id}")
    wait_for_ops(qtbot, window)
    journal = window.shell.pages.currentWidget()
    assert journal.objectName() == "journalPage"
    qtbot.waitUntil(lambda: journal.current_id() == entry_id, timeout=10000)


def test_what_to_do_opens_the_rules_topic_in_the_library(qtbot, context, services, clock):
    _strong_worry(services, clock)
    window = open_unlocked(qtbot, context)
    wait_for_ops(qtbot, window)
    card = window.shell.page("family").findChild(QPushButton, "patternShowMore")
    card = card.parentWidget().parentWidget()
    qtbot.waitUntil(card.isVisible, timeout=10000)
    key = next(iter(card.blocks))
    _click(qtbot, card, f"patternWhatToDo{key}")
    _click(qtbot, card, f"patternTopic{key}")
    library = window.shell.pages.currentWidget()
    assert library.objectName() == "libraryPage"
    wait_for_ops(qtbot, window)  # made on this first visit: who it is for is read first
    assert library.starters.topic.currentData() == "always-in-your-corner"


def test_export_and_history_close_when_porchlight_locks(qtbot, context, services, clock):
    _maya, entry_id = _strong_worry(services, clock)
    window = open_unlocked(qtbot, context)
    journal = window.shell.show_page("journal")
    wait_for_ops(qtbot, window)
    qtbot.mouseClick(journal.export_button, Qt.MouseButton.LeftButton)
    export = window.session.window_of_kind("journal-export")
    assert export is not None and export.isVisible()
    journal.open_history(entry_id)
    history = journal.history_dialog
    wait_for_ops(qtbot, window)
    assert history.isVisible()
    window.lock()
    assert not export.isVisible()
    assert not history.isVisible()


def test_an_entry_deleted_over_30_days_ago_is_removed_for_good_at_unlock(qtbot, context,
                                                                          services, clock):
    from app.core.journal.model import EntryFilter

    maya = services.family.add("Maya", 2013, 4).id
    old = services.journal.add(EntryFields(maya, clock.now(), signs=("sign.withdraws",)))
    recent = services.journal.add(EntryFields(maya, clock.now(), signs=("sign.up-late",)))
    services.journal.delete(old.id)
    clock.advance(dt.timedelta(days=20))
    services.journal.delete(recent.id)
    clock.advance(dt.timedelta(days=11))  # old: 31 days in the bin; recent: 11
    services.close()
    window = open_unlocked(qtbot, context)
    wait_for_ops(qtbot, window)
    kept = window.session.ops.run_now(lambda s: s.journal.page(EntryFilter(deleted=True), 0, 10))
    assert [e.id for e in kept] == [recent.id]


def test_no_file_beside_the_vault_holds_a_name_or_a_journal_word(qtbot, context, services,
                                                                  clock, caplog):
    """Every file Porchlight writes in its folder (the encrypted vault, its log, window.ini, the
    sealed inbox, backups) is scanned for a child's name and the words of a note."""
    import logging

    from app.local_log import configure

    handlers = configure(context.folder.root, level=logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    try:
        services.family.add("Zephyrine", 2013, 4)
        services.close()
        window = open_unlocked(qtbot, context)
        dialog = window.note_something()
        wait_for_ops(qtbot, window)
        dialog.picker.set_picked(("sign.secret-friend",), ())
        dialog.details_toggle.click()
        dialog.details.saw.setPlainText("quibblefish marmalade at the bus stop")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
        wait_for_ops(qtbot, window)
        from app.core.journal.model import EntryFilter

        found = window.session.ops.run_now(
            lambda s: s.journal.page(EntryFilter(text="quibble"), 0, 5))
        assert len(found) == 1  # it was saved, and the search finds it
        journal = window.shell.show_page("journal")
        journal.filters.set_search("quibble")
        qtbot.wait(300)
        wait_for_ops(qtbot, window)
        window.session.backup_if_due()
        wait_for_ops(qtbot, window)
        window.lock()
        locked = window.note_something()
        locked.picker.set_picked(("sign.secret-friend",), ())
        locked.details_toggle.click()
        locked.details.saw.setPlainText("zanzibarian lighthouse note")
        qtbot.mouseClick(locked.save_button, Qt.MouseButton.LeftButton)
        assert len(list(context.folder.inbox.iterdir())) == 1  # sealed, waiting for unlock
    finally:
        for handler in handlers:
            handler.close()
            logging.getLogger().removeHandler(handler)
    files = [p for p in context.folder.root.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files) and any(p.name == "window.ini" for p in files)
    for path in files:
        data = path.read_bytes()
        for word in (b"Zephyrine", b"quibblefish", b"marmalade", b"zanzibarian"):
            assert word not in data, f"{word!r} in {path.name}"
    for word in ("Zephyrine", "quibblefish", "zanzibarian"):
        assert word not in caplog.text
