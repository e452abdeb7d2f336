"""The home page: add, edit, archive and delete children, with validation and bands."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from app.ui.dialogs.child_dialog import ChildDialog
from app.ui.pages.family_page import FamilyPage
from tests.ui.helpers import answer_next_dialog


@pytest.fixture
def page(qtbot, services):
    widget = FamilyPage(services)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _badges(page):
    return [label.text() for label in page.findChildren(QLabel, "bandBadge")]


def _fill(name, month, year, *, then_cancel=False, notes=None):
    def action(dialog: ChildDialog):
        dialog.name.setText(name)
        dialog.month.setCurrentIndex(month - 1)
        dialog.year.setValue(year)
        dialog.save_button.click()
        if notes is not None:
            notes.append(dialog.message.text())
        if dialog.isVisible():
            dialog.reject()
    return action


def test_add_child_through_the_dialog(qtbot, page, services):
    answer_next_dialog(_fill("Maya", 4, 2017))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert [c.name for c in services.family.children()] == ["Maya"]
    assert _badges(page) == ["Ages 9–12"]


@pytest.mark.parametrize(("name", "month", "year", "words"), [
    ("", 4, 2017, "name"),
    ("Maya", 12, 2026, "future"),
    ("Maya", 1, 1990, "over 25"),
])
def test_dialog_refuses_bad_details_with_a_message(qtbot, page, services, name, month, year,
                                                   words):
    notes: list[str] = []
    answer_next_dialog(_fill(name, month, year, notes=notes))
    page.add_child()
    assert notes and words in notes[0]
    assert services.family.children(include_archived=True) == []


def test_edit_archive_restore_delete(qtbot, page, services, monkeypatch):
    child = services.family.add("Sam", 2012, 10)
    page.refresh()
    answer_next_dialog(_fill("Samuel", 10, 2012))
    qtbot.mouseClick(page.findChild(type(page.add_button), f"editChild{child.id}"),
                     Qt.MouseButton.LeftButton)
    assert services.family.child(child.id).name == "Samuel"

    qtbot.mouseClick(page.findChild(type(page.add_button), f"archiveChild{child.id}"),
                     Qt.MouseButton.LeftButton)
    assert services.family.children() == []
    assert page.findChild(QLabel, "emptyFamily") is not None
    assert page.show_archived.isVisibleTo(page)
    page.show_archived.setChecked(True)
    restore = page.findChild(type(page.add_button), f"archiveChild{child.id}")
    assert restore.text() == "Restore"
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert [c.name for c in services.family.children()] == ["Samuel"]

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Cancel)
    delete = page.findChild(type(page.add_button), f"deleteChild{child.id}")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert asked == ["Delete Samuel?"] and len(services.family.children()) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.findChild(type(page.add_button), f"deleteChild{child.id}"),
                     Qt.MouseButton.LeftButton)
    assert services.family.children(include_archived=True) == []


def test_under_three_and_adult_are_explained(page, services):
    services.family.add("Baby", 2025, 2)
    services.family.add("Alex", 2006, 1)
    page.refresh()
    assert set(_badges(page)) == {"Under 3", "18 or older"}
    notes = " ".join(label.text() for label in page.findChildren(QLabel, "ageNote"))
    assert "start at age 3" in notes and "up to 17" in notes


def test_band_moves_on_the_birthday_without_any_action(page, services, clock):
    services.family.add("Maya", 2017, 12)
    page.refresh()
    assert _badges(page) == ["Ages 6–8"]
    # Nine in the morning of 1 December where the computer is (in Honolulu that is 19:00 UTC).
    clock.set(dt.datetime(2026, 12, 1, 9).astimezone())
    page.refresh()
    assert _badges(page) == ["Ages 9–12"]


def test_a_failed_save_keeps_the_dialog_open_with_what_was_typed(qtbot):
    from app.storage.writes import SaveFailed
    from app.ui import messages

    def check(name, year, month):
        from app.core.family import check_details

        return check_details(name, year, month, dt.date(2026, 11, 23))

    def commit(details):
        raise SaveFailed("database or disk is full", disk_full=True)

    dialog = ChildDialog(check, commit, dt.date(2026, 11, 23))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Maya")
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.result() != ChildDialog.DialogCode.Accepted
    assert dialog.message.text() == messages.DISK_PROBLEM
    assert dialog.name.text() == "Maya"
