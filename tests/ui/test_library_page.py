"""The library page driven as a parent would: filters, search, favourites, copy, print."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from app.ui.content_access import LibraryState
from app.ui.library.practice_dialog import PracticeDialog
from app.ui.ops import Ops
from app.ui.pages.library_page import LibraryPage
from tests.core.content_fixtures import write_library

MARKER = "Would a real friend ask you to keep a marmalade secret?"


@pytest.fixture
def state(tmp_path) -> LibraryState:
    root = write_library(tmp_path / "content")
    topic = root / "topics" / "manipulation.toml"
    topic.write_text(topic.read_text().replace(
        'id = "manipulation.9-12.s0"\nbands = ["9-12"]\n'
        'text = "Who can you tell if a game chat feels bad?"',
        f'id = "manipulation.9-12.s0"\nbands = ["9-12"]\ntext = "{MARKER}"'))
    return LibraryState.load(root)


@pytest.fixture
def ops(qtbot, services):
    worker = Ops(services)
    yield worker
    worker.finish()


def open_page(qtbot, ops, state) -> LibraryPage:
    widget = LibraryPage(ops, state)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitUntil(ops.idle, timeout=5000)  # children and favourites are read on the worker
    assert widget.loaded
    qtbot.wait(20)  # the cards arrived after the page was shown: let them be laid out
    return widget


@pytest.fixture
def page(qtbot, services, state, ops):
    services.family.add("Maya", 2016, 4)  # 10 in Nov 2026: ages 9–12
    return open_page(qtbot, ops, state)


def _shown_texts(page):
    return [card.starter.text for card in page.starters.cards]


def test_for_a_child_selects_their_band(page):
    assert page.for_whom.currentText() == "For Maya (ages 9–12)"
    assert page.band() == "9-12"
    starters = page.starters.matching()
    assert starters and all(s.bands == ("9-12",) for s in starters)
    assert page.starters.count.text() == f"{len(starters)} conversation starters"


def test_topic_filter_and_search(qtbot, page):
    page.starters.topic.setCurrentIndex(page.starters.topic.findData("manipulation"))
    assert {s.topic for s in page.starters.matching()} == {"manipulation"}
    qtbot.keyClicks(page.search, "MARMALADE secret")
    assert _shown_texts(page) == [MARKER]
    page.search.clear()
    qtbot.keyClicks(page.search, "no such words anywhere")
    assert page.starters.cards == []
    assert page.starters.count.text() == "0 conversation starters"


def test_favourites_persist_and_filter(qtbot, page, services, state, ops):
    card = page.starters.cards[0]
    writes = ops.writes
    qtbot.mouseClick(card.favourite_button, Qt.MouseButton.LeftButton)
    assert card.favourite_button.isChecked()  # shown at once, written on the worker
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert ops.writes - writes == 1
    assert services.favourites.ids() == {card.starter.id}
    page.starters.favourites_only.setChecked(True)
    assert [c.starter.id for c in page.starters.cards] == [card.starter.id]
    again = open_page(qtbot, ops, state)
    again.starters.favourites_only.setChecked(True)
    assert [c.starter.id for c in again.starters.cards] == [card.starter.id]


def test_copy_and_save_cards_as_pdf(qtbot, page, tmp_path, monkeypatch):
    qtbot.keyClicks(page.search, "marmalade")
    card = page.starters.cards[0]
    page.starters.copy(card.starter.id)
    copied = QGuiApplication.clipboard().text()
    assert MARKER in copied and "Follow-ups:" in copied and "Sources:" in copied
    page.search.clear()
    first, second = page.starters.cards[0], page.starters.cards[1]
    first.select.setChecked(True)
    second.select.setChecked(True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "cards.pdf"), ""))
    path = page.starters.save_cards_pdf()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
    assert first.starter.text.split()[0] in text and "Follow-ups" in text
    assert text.count("Listen for") == 2


def test_refusals_reassurance_and_practice(qtbot, page):
    assert page.refusals.count() == 8  # 2 per tone for ages 9–12 in the fixture
    assert page.reassurance.count() == 0  # the fixture's lines are all for ages 3–5
    page.for_whom.setCurrentIndex(page.for_whom.findData(None))
    assert page.reassurance.count() == 25
    dialog = page.open_practice()
    assert isinstance(dialog, PracticeDialog)
    first = dialog.position.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert dialog.position.text() != first and dialog.position.text().startswith("2 of")
    qtbot.keyClick(dialog, Qt.Key.Key_S)
    assert dialog.position.text().startswith("1 of")
    dialog.close()


def test_a_broken_file_is_named_and_the_rest_works(qtbot, ops, tmp_path):
    from PySide6.QtWidgets import QLabel

    root = write_library(tmp_path / "content")
    (root / "topics" / "privacy.toml").write_text("id = [")
    page = open_page(qtbot, ops, LibraryState.load(root))
    notice = page.findChild(QLabel, "contentProblems")
    assert notice is not None and "privacy.toml" in notice.text()
    assert page.starters.matching()


def test_saving_cards_into_a_folder_that_is_gone_says_so(qtbot, page, tmp_path, monkeypatch):
    missing = tmp_path / "unplugged-usb-stick" / "cards.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    assert page.starters.save_cards_pdf() is None
    assert not missing.exists()
    assert page.starters.message.isVisibleTo(page) or page.starters.message.text()
    assert "Saved to" not in page.starters.message.text()


def test_every_card_control_names_the_card_it_acts_on(page):
    from PySide6.QtWidgets import QAbstractButton

    controls = [w for w in page.findChildren(QAbstractButton) if w.isVisibleTo(page)]
    names = [w.accessibleName() for w in controls]
    assert all(names) and len(names) == len(set(names)), "two controls share a name"
    cards = page.starters.cards
    assert len(cards) >= 2
    for card in cards:
        words = card.starter.text.split()
        assert card.copy_button.accessibleName().startswith("Copy: " + " ".join(words[:3]))
        assert card.select.accessibleName().startswith("Pick for printing: " + words[0])
        assert card.favourite_button.accessibleName().startswith("Add to favourites: ")


def test_a_child_added_elsewhere_appears_when_the_page_is_next_shown(qtbot, page, services,
                                                                     ops):
    from app.core.changes import Changes

    page.hide()
    ops.write(lambda s: s.family.add("Sam", 2012, 9), touches=Changes(family=True), owner=None)
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert page.for_whom.findText("For Sam (ages 13–15)") == -1  # hidden: marked stale only
    page.show()
    qtbot.waitUntil(lambda: page.for_whom.findText("For Sam (ages 13–15)") >= 0, timeout=5000)
