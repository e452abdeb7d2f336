"""Export for a professional: the files hold the ticked entries' words and none of the others'.

The JSON file is checked byte for byte. The PDF's text is stored compressed, with the fonts'
own glyph codes, so its bytes never show a word either way: it is read back with pypdf's text
extraction (pypdf is a test dependency), and the picked words are found there, which proves the
extraction sees the text the unpicked words are checked against.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from app.core.journal.model import EntryFields
from app.ui.journal.export_dialog import FAMILY, ExportDialog
from app.ui.ops import Ops

PICKED = ("zebracorn", "quibblefish")
UNPICKED = ("wombatine", "marmaloon", "hedgeparlour", "ferntickle", "gloamstone")
ELSEWHERE = ("outsidery", "siblingo")


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    qtbot.waitUntil(worker.idle, timeout=15000)
    worker.finish()


@pytest.fixture
def family(services, clock):
    """Maya's entries: two to keep, one to untick (a word in every field), one too old; and
    one of Sam's in the same days."""
    maya = services.family.add("Maya", 2016, 4).id
    sam = services.family.add("Sam", 2012, 9).id
    now = clock.now()
    journal = services.journal
    journal.add(EntryFields(maya, now - dt.timedelta(days=3), ("sign.hides-screen",),
                            saw=f"Saw {PICKED[0]} on the screen", think=f"Think {PICKED[1]}",
                            place="home"))
    journal.add(EntryFields(maya, now - dt.timedelta(days=10), ("sign.unexplained-gifts",),
                            tags=("Roblox",), saw="A gift card arrived", did="Asked calmly"))
    journal.add(EntryFields(maya, now - dt.timedelta(days=5), ("sign.up-late",),
                            tags=(UNPICKED[0],), saw=f"Saw {UNPICKED[1]}",
                            think=f"Think {UNPICKED[2]}", place=UNPICKED[3],
                            did=f"Did {UNPICKED[4]}", strength=2))
    journal.add(EntryFields(maya, now - dt.timedelta(days=200), ("sign.withdraws",),
                            saw=f"Long ago {ELSEWHERE[0]}"))
    journal.add(EntryFields(sam, now - dt.timedelta(days=2), ("sign.short-temper",),
                            saw=f"Sam's {ELSEWHERE[1]}"))
    return maya, sam


def _dialog(qtbot, ops, clock, child_id=None) -> ExportDialog:
    dialog = ExportDialog(ops, clock, child_id=child_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(ops.idle, timeout=15000)
    return dialog


def _rows(dialog: ExportDialog) -> dict[str, object]:
    return {dialog.entries.item(row).text(): dialog.entries.item(row)
            for row in range(dialog.entries.count())}


def _untick(dialog: ExportDialog, word: str) -> None:
    [item] = [item for text, item in _rows(dialog).items() if word in text]
    item.setCheckState(Qt.CheckState.Unchecked)


def _save(qtbot, ops, dialog, monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(path), "PDF files (*.pdf)"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(ops.idle, timeout=15000)


def _pdf_text(path) -> str:
    """The PDF's words; NFKC undoes the fonts' ligatures ("ﬁ" → "fi")."""
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_the_period_lists_the_childs_entries_all_ticked(qtbot, ops, clock, family):
    maya, _sam = family
    dialog = _dialog(qtbot, ops, clock, child_id=maya)
    assert dialog.child.currentData() == maya
    assert dialog.entries.count() == 3  # not the old one, not Sam's
    assert len(dialog.ticked_ids()) == 3
    assert dialog.summary.text() == "3 of 3 entries ticked."
    assert any(PICKED[0] in text for text in _rows(dialog))  # the preview line
    assert dialog.facts_only.isChecked()  # the safer choice is the default


def test_unticked_entries_stay_unticked_when_the_dates_change(qtbot, ops, clock, family):
    dialog = _dialog(qtbot, ops, clock, child_id=family[0])
    _untick(dialog, UNPICKED[1])
    assert dialog.summary.text() == "2 of 3 entries ticked."
    dialog.first_day.setDate(dialog.first_day.date().addDays(-365))
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert dialog.entries.count() == 4 and len(dialog.ticked_ids()) == 3
    dialog._tick_every(False)
    assert not dialog.save_button.isEnabled()
    dialog._tick_every(True)
    assert dialog.save_button.isEnabled() and len(dialog.ticked_ids()) == 4


def test_files_hold_the_ticked_words_and_none_of_the_unticked(qtbot, ops, clock, family,
                                                              tmp_path, monkeypatch):
    dialog = _dialog(qtbot, ops, clock, child_id=family[0])
    _untick(dialog, UNPICKED[1])
    dialog.with_thoughts.setChecked(True)
    _save(qtbot, ops, dialog, monkeypatch, tmp_path / "for-the-counsellor")

    pdf, data = tmp_path / "for-the-counsellor.pdf", tmp_path / "for-the-counsellor.json"
    assert dialog.message.text() == "Saved for-the-counsellor.pdf and for-the-counsellor.json"
    raw = data.read_bytes()
    text = _pdf_text(pdf)
    for word in PICKED:
        assert word.encode() in raw and word in text
    for word in UNPICKED + ELSEWHERE:
        assert word.encode() not in raw.lower() and word not in text.lower()
    document = json.loads(raw)
    assert document["child"] == "Maya" and document["fields"] == "facts-and-thoughts"
    assert len(document["entries"]) == 2
    assert "Notes from a parent's journal" in text and "Maya" in text
    assert PdfReader(pdf).pages[0].images  # the trend chart of the picked entries
    assert [name for name in tmp_path.iterdir() if name.name.startswith(".")] == []


def test_facts_only_leaves_what_the_parent_thinks_out_of_both_files(qtbot, ops, clock, family,
                                                                   tmp_path, monkeypatch):
    dialog = _dialog(qtbot, ops, clock, child_id=family[0])
    _save(qtbot, ops, dialog, monkeypatch, tmp_path / "facts.pdf")
    raw = (tmp_path / "facts.json").read_bytes()
    text = _pdf_text(tmp_path / "facts.pdf")
    assert PICKED[0].encode() in raw and PICKED[0] in text  # what was seen goes
    for word in (PICKED[1], UNPICKED[2]):  # what the parent thinks does not
        assert word.encode() not in raw and word not in text
    assert UNPICKED[1] in text  # ticked this time: its facts go
    assert json.loads(raw)["fields"] == "facts"


def test_a_folder_that_cannot_be_written_says_so_and_leaves_nothing(qtbot, ops, clock, family,
                                                                   tmp_path, monkeypatch):
    dialog = _dialog(qtbot, ops, clock, child_id=family[0])
    _save(qtbot, ops, dialog, monkeypatch, tmp_path / "gone" / "notes.pdf")
    assert "that folder is no longer there" in dialog.message.text()
    assert not (tmp_path / "gone").exists()


def test_the_family_as_a_whole_is_a_choice(qtbot, ops, clock, services, family):
    services.journal.add(EntryFields(None, clock.now() - dt.timedelta(days=1),
                                     ("sign.much-more-online",), saw="Everyone on screens"))
    dialog = _dialog(qtbot, ops, clock)
    dialog.child.setCurrentIndex(dialog.child.findData(FAMILY))
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert dialog.chosen_child() is None
    assert [text for text in _rows(dialog) if "Everyone on screens" in text]
    assert dialog.entries.count() == 1


def test_dates_in_the_wrong_order_list_nothing(qtbot, ops, clock, family):
    dialog = _dialog(qtbot, ops, clock, child_id=family[0])
    dialog.first_day.setDate(QDate(2027, 1, 1))
    qtbot.waitUntil(ops.idle, timeout=15000)
    assert dialog.entries.count() == 0 and not dialog.save_button.isEnabled()
