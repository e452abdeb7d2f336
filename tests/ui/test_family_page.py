"""The home page: add, edit, archive and delete children, with validation and bands — every
read and write on the database worker, the page following the family's Changes."""

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox
from sqlalchemy import event

from app.core.changes import Changes
from app.core.schedules import ScheduleSpec
from app.ui.dialogs.child_dialog import ChildDialog
from app.ui.ops import Ops
from app.ui.pages.family_page import FamilyPage
from tests.ui.helpers import answer_next_dialog


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


@pytest.fixture
def page(qtbot, services, ops):
    widget = FamilyPage(ops, services.vault.clock)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(ops.idle)
    return widget


def _settle(qtbot, ops) -> None:
    qtbot.waitUntil(ops.idle, timeout=15000)


def _badges(page):
    return [label.text() for label in page.findChildren(QLabel, "bandBadge")]


def _button(page, name):
    return page.findChild(QAbstractButton, name)


def _fill(name, month, year, *, notes=None):
    def action(dialog: ChildDialog):
        dialog.name.setText(name)
        dialog.month.setCurrentIndex(month - 1)
        dialog.year.setValue(year)
        dialog.save_button.click()
        if notes is not None:
            notes.append(dialog.message.text())
            dialog.reject()
    return action


def _add_elsewhere(qtbot, ops, name, year, month):
    """A write from another page or window: only the Changes tell the Family page."""
    ops.write(lambda s: s.family.add(name, year, month), touches=Changes(family=True),
              owner=None)
    _settle(qtbot, ops)


def test_add_child_through_the_dialog(qtbot, page, services, ops):
    answer_next_dialog(_fill("Maya", 4, 2017))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, ops)
    assert [c.name for c in services.family.children()] == ["Maya"]
    assert _badges(page) == ["Ages 9–12"]


@pytest.mark.parametrize(("name", "month", "year", "words"), [
    ("", 4, 2017, "name"),
    ("Maya", 12, 2026, "future"),
    ("Maya", 1, 1990, "over 25"),
])
def test_dialog_refuses_bad_details_with_a_message(qtbot, page, services, ops, name, month,
                                                   year, words):
    notes: list[str] = []
    answer_next_dialog(_fill(name, month, year, notes=notes))
    page.add_child()
    _settle(qtbot, ops)
    assert notes and words in notes[0]
    assert services.family.children(include_archived=True) == []


def test_edit_archive_restore_delete(qtbot, page, services, ops, monkeypatch):
    _add_elsewhere(qtbot, ops, "Sam", 2012, 10)
    child = services.family.children()[0]
    answer_next_dialog(_fill("Samuel", 10, 2012))
    qtbot.mouseClick(_button(page, f"editChild{child.id}"), Qt.MouseButton.LeftButton)
    _settle(qtbot, ops)
    assert services.family.child(child.id).name == "Samuel"
    assert page.findChild(QLabel, "sectionTitle").text() == "Samuel"

    qtbot.mouseClick(_button(page, f"archiveChild{child.id}"), Qt.MouseButton.LeftButton)
    _settle(qtbot, ops)
    assert services.family.children() == []
    assert page.findChild(QLabel, "emptyFamily") is not None
    assert page.show_archived.isVisibleTo(page)
    assert page.show_archived.text() == "Show archived children (1)"
    page.show_archived.setChecked(True)
    _settle(qtbot, ops)
    restore = _button(page, f"archiveChild{child.id}")
    assert restore.text() == "Restore" and restore.accessibleName() == "Restore Samuel"
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    _settle(qtbot, ops)
    assert [c.name for c in services.family.children()] == ["Samuel"]

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(_button(page, f"deleteChild{child.id}"), Qt.MouseButton.LeftButton)
    _settle(qtbot, ops)
    assert asked == ["Delete Samuel?"] and len(services.family.children()) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(_button(page, f"deleteChild{child.id}"), Qt.MouseButton.LeftButton)
    _settle(qtbot, ops)
    assert services.family.children(include_archived=True) == []
    assert _button(page, f"deleteChild{child.id}") is None


def test_under_three_and_adult_are_explained(qtbot, page, ops):
    _add_elsewhere(qtbot, ops, "Baby", 2025, 2)
    _add_elsewhere(qtbot, ops, "Alex", 2006, 1)
    assert set(_badges(page)) == {"Under 3", "18 or older"}
    notes = " ".join(label.text() for label in page.findChildren(QLabel, "ageNote"))
    assert "start at age 3" in notes and "up to 17" in notes


def test_band_moves_on_the_birthday_without_any_action(qtbot, page, ops, clock):
    _add_elsewhere(qtbot, ops, "Maya", 2017, 12)
    assert _badges(page) == ["Ages 6–8"]
    # Nine in the morning of 1 December where the computer is (in Honolulu that is 19:00 UTC).
    clock.set(dt.datetime(2026, 12, 1, 9).astimezone())
    page.refresh()
    _settle(qtbot, ops)
    assert _badges(page) == ["Ages 9–12"]


def test_a_child_added_elsewhere_appears_and_a_hidden_page_catches_up_when_shown(
        qtbot, page, ops):
    """Issue 10: the page follows Changes (no hand-wired family_changed signal)."""
    _add_elsewhere(qtbot, ops, "Maya", 2016, 4)
    assert _badges(page) == ["Ages 9–12"]
    page.hide()
    _add_elsewhere(qtbot, ops, "Robin", 2021, 6)
    assert len(_badges(page)) == 1  # hidden: nothing read yet
    page.show()
    _settle(qtbot, ops)
    assert sorted(_badges(page)) == ["Ages 3–5", "Ages 9–12"]
    assert not hasattr(page, "family_changed")


def test_a_change_elsewhere_that_is_not_the_family_does_not_reread(qtbot, page, ops):
    reads = []
    page.refresh = lambda: reads.append(1)  # type: ignore[method-assign]
    ops.write(lambda s: None, touches=Changes(talks=True), owner=None)
    _settle(qtbot, ops)
    assert reads == []


def test_no_sql_on_the_gui_thread_and_one_write_per_change(qtbot, services, ops, page):
    """Every store call from the page and its dialog runs on the worker thread."""
    statements: list[tuple[str, int]] = []

    def record(_conn, _cursor, statement, *_):
        statements.append((statement.strip().split()[0].upper(), threading.get_ident()))

    engine = services.vault.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        answer_next_dialog(_fill("Maya", 4, 2017))
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
        _settle(qtbot, ops)
        child = services.family.children()[0]
        statements.clear()  # the test's own read above ran here, on purpose
        qtbot.mouseClick(_button(page, f"archiveChild{child.id}"), Qt.MouseButton.LeftButton)
        _settle(qtbot, ops)
        page.show_archived.setChecked(True)
        _settle(qtbot, ops)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    gui = threading.get_ident()
    assert statements and [s for s, thread in statements if thread == gui] == []
    assert sum(1 for s, _ in statements if s == "BEGIN") >= 1
    assert _button(page, f"archiveChild{child.id}").text() == "Restore"


def test_next_check_in_is_shown_on_the_schedule_s_clock(qtbot, services, ops, page):
    maya = services.family.add("Maya", 2016, 4)
    services.checkins.add_schedule(
        ScheduleSpec(6, dt.time(18, 0), "Pacific/Auckland", 1, dt.date(2026, 11, 29)),
        [maya.id])
    page.refresh()
    _settle(qtbot, ops)
    text = page.findChild(QLabel, f"nextCheckin{maya.id}").text()
    assert text.startswith("Next check-in: ") and "Auckland time" in text
    assert "18:00" in text or "6:00" in text
    assert "in 5 days" in text or "in 6 days" in text


def test_every_button_says_which_child_it_acts_on(qtbot, services, ops):
    page = FamilyPage(ops, services.vault.clock, start_talk=lambda child_id: None)
    qtbot.addWidget(page)
    page.show()
    _add_elsewhere(qtbot, ops, "Maya", 2016, 4)
    _add_elsewhere(qtbot, ops, "Sam", 2012, 10)

    def names() -> list[str]:
        return [b.accessibleName() for b in page.findChildren(QAbstractButton) if b.isVisible()]

    # New cards are shown on the next turn of the event loop (Qt queues a layout's show).
    qtbot.waitUntil(lambda: "Talk with Sam" in names(), timeout=15000)
    assert len(names()) == len(set(names())) and all(names())
    assert {"Edit Maya", "Archive Maya", "Delete Maya…", "Talk with Sam"} <= set(names())


def test_a_failed_save_keeps_the_dialog_open_with_what_was_typed(qtbot):
    from app.core.family import check_details
    from app.storage.writes import SaveFailed
    from app.ui import messages

    def check(name, year, month):
        return check_details(name, year, month, dt.date(2026, 11, 23))

    def commit(details, done, failed):
        failed(SaveFailed("database or disk is full", disk_full=True))

    dialog = ChildDialog(check, commit, dt.date(2026, 11, 23))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Maya")
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.result() != ChildDialog.DialogCode.Accepted
    assert dialog.message.text() == messages.DISK_PROBLEM
    assert dialog.name.text() == "Maya" and dialog.save_button.isEnabled()


def _weekly(services, child_id, start: dt.date, hour: int):
    spec = ScheduleSpec(start.weekday(), dt.time(hour, 0), "UTC", 1, start)
    return services.checkins.add_schedule(spec, [child_id])


def test_a_due_check_in_says_so_and_the_page_settles(qtbot, services, ops, page, clock):
    """A check-in due when read is "due now" — not a reason to read again and again."""
    maya = services.family.add("Maya", 2016, 4)
    schedule = _weekly(services, maya.id, dt.date(2026, 11, 23), 17)  # an hour ago (UTC)
    due = dt.datetime(2026, 11, 23, 17, tzinfo=dt.UTC)
    services.checkins.create_occurrences(schedule.id, [due], due)
    page.refresh()
    _settle(qtbot, ops)
    assert page.findChild(QLabel, f"nextCheckin{maya.id}").text() == "A check-in is due now."
    reads: list[int] = []
    page.refresh = lambda: reads.append(1)  # type: ignore[method-assign]
    clock.advance(dt.timedelta(minutes=1))
    page._countdown.timeout.emit()  # a minute on: still due, nothing new to read
    assert reads == [] and ops.idle()


def test_when_the_next_check_in_passes_the_page_reads_the_one_after(qtbot, services, ops, page,
                                                                    clock):
    maya = services.family.add("Maya", 2016, 4)
    _weekly(services, maya.id, dt.date(2026, 11, 23), 19)  # in an hour (UTC)
    page.refresh()
    _settle(qtbot, ops)
    label = page.findChild(QLabel, f"nextCheckin{maya.id}")
    assert "(in 1 hour" in label.text()
    clock.advance(dt.timedelta(hours=2))
    page._countdown.timeout.emit()
    _settle(qtbot, ops)
    label = page.findChild(QLabel, f"nextCheckin{maya.id}")
    assert label.text().endswith("(in 7 days)")
