"""The Journal page on a real vault: paging, filters, search, delete and undo, recently deleted,
remove for good, history, keyboard, names and empty states — every read on the worker."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from app.core.changes import Changes
from app.core.journal.model import EntryFields, EntryFilter
from app.ui.content_access import shipped_library
from app.ui.journal.journal_page import JournalPage
from app.ui.journal.timeline_model import PAGE, SUMMARY_ROLE
from app.ui.ops import Ops
from tests.ui.test_accessibility import accessible_name, controls

START = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


@pytest.fixture
def library():
    return shipped_library().library


@pytest.fixture
def kids(services):
    return services.family.add("Maya", 2014, 3).id, services.family.add("Sam", 2011, 9).id


def note(services, child_id, hours_ago, *, signs=("sign.hides-screen",), saw="", **more):
    fields = EntryFields(child_id=child_id, noted_at=START - dt.timedelta(hours=hours_ago),
                         signs=signs, saw=saw, **more)
    return services.journal.add(fields).id


def open_page(qtbot, ops, services, library, edited=None):
    page = JournalPage(ops, services.vault.clock, library,
                       edit_entry=(edited.append if edited is not None else None))
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    settle(qtbot, ops)
    return page


def settle(qtbot, ops) -> None:
    qtbot.waitUntil(ops.idle, timeout=15000)


def shown_ids(page) -> list[int]:
    return page.model.loaded_ids()


def choose(qtbot, ops, page, entry_id) -> None:
    page.list.setCurrentIndex(page.model.index(page.model.row_of(entry_id)))
    settle(qtbot, ops)
    assert page.detail.entry is not None and page.detail.entry.id == entry_id


def test_opens_with_one_page_and_fetches_more_when_scrolled(qtbot, ops, services, library,
                                                             kids):
    for number in range(250):
        note(services, kids[number % 2], number)
    page = open_page(qtbot, ops, services, library)
    assert page.model.rowCount() == PAGE
    assert page.count_line.text() == "250 entries"
    assert page.model.canFetchMore()
    page.list.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > PAGE, timeout=5000)
    settle(qtbot, ops)
    assert page.model.rowCount() in (200, 250)
    times = [page.model.summary(row).noted_at for row in range(page.model.rowCount())]
    assert times == sorted(times, reverse=True)  # newest first, no gap or repeat between pages
    assert len(set(shown_ids(page))) == len(times)
    while page.model.canFetchMore():
        page.model.fetchMore()
        settle(qtbot, ops)
    assert page.model.rowCount() == 250 and not page.model.canFetchMore()


def test_first_entry_of_each_week_carries_the_week_header(qtbot, ops, services, library, kids):
    monday = note(services, kids[0], 24 * 0)  # Monday 23 November, noon
    note(services, kids[0], 24 * 1)  # Sunday 22: the week before
    note(services, kids[0], 24 * 2)
    page = open_page(qtbot, ops, services, library)
    flags = [page.model.data(page.model.index(row), Qt.ItemDataRole.UserRole + 2)
             for row in range(3)]
    assert flags == [True, True, False]
    assert shown_ids(page)[0] == monday


def test_filters_narrow_the_list(qtbot, ops, services, library, kids):
    maya, sam = kids
    strong = note(services, maya, 1, strength=3, come_back=True)
    weak = note(services, maya, 2, strength=1)
    gift = note(services, sam, 3, signs=("sign.unexplained-gifts",))
    family = note(services, None, 4)
    page = open_page(qtbot, ops, services, library)
    assert page.count_line.text() == "4 entries"
    bar = page.filters
    bar.child.setCurrentIndex(bar.child.findData(maya))
    settle(qtbot, ops)
    assert page.model.rowCount() == 2
    bar.strength.setCurrentIndex(bar.strength.findData(3))
    settle(qtbot, ops)
    assert shown_ids(page) == [strong]
    bar.strength.setCurrentIndex(0)
    bar.come_back.setChecked(True)
    settle(qtbot, ops)
    assert shown_ids(page) == [strong]
    bar.come_back.setChecked(False)
    bar.child.setCurrentIndex(bar.child.findData("family"))
    settle(qtbot, ops)
    assert shown_ids(page) == [family]
    bar.child.setCurrentIndex(0)
    bar.category.setCurrentIndex(bar.category.findData("money-and-gifts"))
    settle(qtbot, ops)
    assert shown_ids(page) == [gift]
    assert bar.sign.findData("sign.hides-screen") < 0  # only the kind's signs are offered
    bar.category.setCurrentIndex(0)
    bar.sign.setCurrentIndex(bar.sign.findData("sign.hides-screen"))
    settle(qtbot, ops)
    assert shown_ids(page) == [strong, weak, family]


def test_date_presets_and_a_chosen_range(qtbot, ops, services, library, kids):
    recent = note(services, kids[0], 24 * 3)
    note(services, kids[0], 24 * 60)
    old = note(services, kids[0], 24 * 200)
    page = open_page(qtbot, ops, services, library)
    bar = page.filters
    bar.dates.setCurrentIndex(bar.dates.findData("4w"))
    settle(qtbot, ops)
    assert shown_ids(page) == [recent]
    bar.dates.setCurrentIndex(bar.dates.findData("range"))
    assert bar.since.isVisibleTo(page) and bar.until.isVisibleTo(page)
    day = (START - dt.timedelta(days=200)).date()
    bar.since.setDate(day)
    bar.until.setDate(day)
    settle(qtbot, ops)
    assert shown_ids(page) == [old]


def test_search_highlights_the_matching_words(qtbot, ops, services, library, kids):
    hit = note(services, kids[0], 1, saw="He asked about a gift card from a gaming friend")
    note(services, kids[0], 2, saw="Quiet at dinner, went to bed early")
    page = open_page(qtbot, ops, services, library)
    page.filters.search.setText("gift card")
    qtbot.waitUntil(lambda: page.model.filter.text == "gift card", timeout=3000)
    settle(qtbot, ops)
    assert shown_ids(page) == [hit]
    assert page.count_line.text() == "1 entries match" or "match" in page.count_line.text()
    row = page.model.data(page.model.index(0), SUMMARY_ROLE)
    highlighted = " ".join(text for text, hit in row.snippet if hit).lower()
    assert "gift" in highlighted and "card" in highlighted
    assert "gaming" not in highlighted


def test_an_older_search_answering_late_is_dropped(qtbot, ops, services, library, kids):
    note(services, kids[0], 1, saw="secret account on another app")
    wanted = note(services, kids[0], 2, saw="gift card from someone online")
    page = open_page(qtbot, ops, services, library)
    totals: list[int] = []
    page.model.loaded.connect(totals.append)
    hold = threading.Event()
    ops.read(lambda _s: hold.wait(10), owner=None)  # the worker is busy: both queries queue
    page.model.set_filter(EntryFilter(text="secret"))
    page.model.set_filter(EntryFilter(text="gift"))
    hold.set()
    settle(qtbot, ops)
    assert totals == [1]
    assert shown_ids(page) == [wanted]


def test_delete_hides_at_once_and_undo_brings_it_back(qtbot, ops, services, library, kids):
    first = note(services, kids[0], 1)
    second = note(services, kids[0], 2)
    page = open_page(qtbot, ops, services, library)
    choose(qtbot, ops, page, first)
    qtbot.mouseClick(page.detail.delete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert shown_ids(page) == [second]
    assert page.current_id() == second  # the next entry is chosen
    assert page.status.isVisible() and page.undo_button.isVisible()
    assert "Recently deleted" in page.status_text.text()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert shown_ids(page) == [first, second]
    assert services.journal.entry(first).deleted_at is None
    assert page.current_id() == first
    assert not page.undo_button.isVisible()


def test_recently_deleted_shows_when_it_goes_and_restores(qtbot, ops, services, library, kids):
    gone = note(services, kids[0], 1)
    kept = note(services, kids[0], 2)
    services.journal.delete(gone)
    page = open_page(qtbot, ops, services, library)
    assert shown_ids(page) == [kept]
    page.filters.deleted.setChecked(True)
    settle(qtbot, ops)
    assert shown_ids(page) == [gone]
    assert page.count_line.text() == "1 recently deleted" or "deleted" in page.count_line.text()
    choose(qtbot, ops, page, gone)
    removed_on = page.detail.findChild(type(page.empty), "entryRemovedOn")
    assert removed_on is not None and "Will be removed for good on" in removed_on.text()
    assert "2026" in removed_on.text()  # 23 December 2026: thirty days on
    assert page.detail.restore_button.isVisible() and page.detail.purge_button.isVisible()
    assert not page.detail.delete_button.isVisible()
    qtbot.mouseClick(page.detail.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert shown_ids(page) == []
    assert page.empty.isVisible() and "Nothing recently deleted" in page.empty.text()
    page.filters.deleted.setChecked(False)
    settle(qtbot, ops)
    assert shown_ids(page) == [gone, kept]


def test_remove_for_good_asks_once_and_removes(qtbot, ops, services, library, kids,
                                                monkeypatch):
    gone = note(services, kids[0], 1, saw="zebracorn words")
    services.journal.delete(gone)
    page = open_page(qtbot, ops, services, library)
    page.filters.deleted.setChecked(True)
    settle(qtbot, ops)
    choose(qtbot, ops, page, gone)
    asked: list[str] = []
    answer = {"button": QMessageBox.StandardButton.Cancel}
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or answer["button"])
    qtbot.mouseClick(page.detail.purge_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert len(asked) == 1 and "backups" in asked[0]
    assert services.journal.entry(gone).id == gone  # cancelled: still there
    answer["button"] = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(page.detail.purge_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert len(asked) == 2
    with pytest.raises(KeyError):
        services.journal.entry(gone)
    assert shown_ids(page) == [] and page.status_text.text() == "Removed for good."


def test_history_from_the_detail_view_restores_as_a_new_version(qtbot, ops, services, library,
                                                                 kids):
    entry_id = note(services, kids[0], 1, saw="talked to a friend on Discord")
    entry = services.journal.entry(entry_id)
    services.journal.revise(entry_id, entry.fields.with_changes(saw="talked to a friend on "
                                                                "Snapchat"))
    page = open_page(qtbot, ops, services, library)
    choose(qtbot, ops, page, entry_id)
    qtbot.mouseClick(page.detail.history_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    dialog = page.history_dialog
    assert dialog is not None and dialog.versions.count() == 2
    assert "[removed: Discord]" in dialog.diff.accessibleDescription()
    dialog.versions.setCurrentRow(1)  # the first version
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    history = services.journal.history(entry_id)
    assert [r.number for r in history] == [1, 2, 3] and history[-1].restored_from == 1
    assert history[-1].fields.saw == "talked to a friend on Discord"
    assert page.detail.entry is not None and page.detail.entry.revision == 3
    dialog.close()


def test_keyboard_enter_edits_and_delete_key_deletes(qtbot, ops, services, library, kids):
    first = note(services, kids[0], 1)
    second = note(services, kids[0], 2)
    edited: list[int] = []
    page = open_page(qtbot, ops, services, library, edited)
    page.list.setFocus()
    choose(qtbot, ops, page, first)
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    settle(qtbot, ops)
    assert page.current_id() == second
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    assert edited == [second]
    qtbot.mouseClick(page.detail.edit_button, Qt.MouseButton.LeftButton)
    assert edited == [second, second]
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    settle(qtbot, ops)
    assert shown_ids(page) == [first]
    assert services.journal.entry(second).deleted_at is not None


def test_the_detail_view_reads_facts_before_meaning(qtbot, ops, services, library, kids):
    entry_id = note(services, kids[0], 1, saw="new phone in his bag", think="maybe a gift",
                    place="school", did="asked calmly", strength=2, tags=("bus stop",))
    page = open_page(qtbot, ops, services, library)
    choose(qtbot, ops, page, entry_id)
    names = [label.objectName() for label in page.detail.body.findChildren(type(page.empty))]
    order = [n for n in names if n in ("entry_saw", "entry_think", "entry_place", "entry_did")]
    assert order == ["entry_saw", "entry_think", "entry_place", "entry_did"]
    assert "entryChild" in names and "entryTags" in names and "entrySigns" in names


def test_a_note_saved_elsewhere_appears(qtbot, ops, services, library, kids):
    page = open_page(qtbot, ops, services, library)
    assert page.empty.isVisible() and "Nothing noted yet" in page.empty.text()
    fields = EntryFields(child_id=kids[1], noted_at=START, signs=("sign.hides-screen",))
    ops.write(lambda s: s.journal.add(fields), touches=Changes(journal=True), owner=None)
    settle(qtbot, ops)
    assert page.model.rowCount() == 1 and page.list.isVisible()
    assert page.count_line.text() in ("1 entries", "1 entry")


def test_no_matches_reads_differently_from_nothing_noted(qtbot, ops, services, library, kids):
    note(services, kids[0], 1, saw="quiet at dinner")
    page = open_page(qtbot, ops, services, library)
    page.filters.set_search("zebracorn")
    settle(qtbot, ops)
    assert page.empty.isVisible() and page.empty.text().startswith("No entries match")


def test_every_control_has_a_unique_accessible_name(qtbot, ops, services, library, kids):
    entry_id = note(services, kids[0], 1)
    page = open_page(qtbot, ops, services, library)
    choose(qtbot, ops, page, entry_id)
    page.filters.dates.setCurrentIndex(page.filters.dates.findData("range"))
    settle(qtbot, ops)
    found = controls(page)
    names = [accessible_name(widget) for widget in found]
    assert all(names), [w.objectName() for w, n in zip(found, names, strict=True) if not n]
    assert len(names) == len(set(names)), sorted(names)
    object_names = [widget.objectName() for widget in found]
    assert all(object_names) and len(object_names) == len(set(object_names))
    assert len(page.findChildren(QAbstractButton, "deleteEntry")) == 1
