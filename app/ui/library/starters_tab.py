"""The starters tab of the library: topic and favourites filters, cards, copy and print.

Favourites are read once by the page (on the database worker) and kept here as a set; a click
on a card's star changes the set at once and writes it on the worker (``Changes(settings)``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.content.model import Library, Starter
from app.core.content.search import find_starters
from app.ui.library.card_document import card_text, cards_document
from app.ui.library.starter_card import StarterCard, openings
from app.ui.printing import CANCELLED, print_document, problem_text, save_pdf
from app.ui.widgets.common import body_label, button, clear_layout, message_label, show_message

PAGE_SIZE = 30


class StartersTab(QWidget):
    favourite_changed = Signal(str, bool)  # starter id, now a favourite: the page writes it

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.favourites: set[str] = set()
        self.query = ""
        self.band: str | None = None
        self.shown_limit = PAGE_SIZE
        self.cards: list[StarterCard] = []
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.topic = QComboBox()
        self.topic.setObjectName("libraryTopic")
        self.topic.setAccessibleName(self.tr("Topic"))
        self.topic.currentIndexChanged.connect(self.refresh)
        self.favourites_only = QCheckBox(self.tr("Favourites only"))
        self.favourites_only.setObjectName("favouritesOnly")
        self.favourites_only.setAccessibleName(self.tr("Show favourites only"))
        self.favourites_only.toggled.connect(self.refresh)
        self.count = body_label("", muted=True, name="starterCount")
        self.print_button = button(self.tr("Print…"), "printCards",
                                   accessible=self.tr("Print the cards"))
        self.print_button.clicked.connect(self.print_cards)
        self.pdf_button = button(self.tr("Save as PDF…"), "pdfCards",
                                 accessible=self.tr("Save the cards as PDF"))
        self.pdf_button.clicked.connect(self.save_cards_pdf)
        row.addWidget(self.topic, 2)
        row.addWidget(self.favourites_only)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        layout.addLayout(row)
        status = QHBoxLayout()
        status.addWidget(self.count, 1)
        self.message = message_label("okMessage")
        status.addWidget(self.message)
        layout.addLayout(status)
        self.host = QWidget()
        self.cards_layout = QVBoxLayout(self.host)
        self.cards_layout.setContentsMargins(0, 0, 8, 0)
        self.cards_layout.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.host)
        layout.addWidget(scroll, 1)
        self._fill_topics()

    def _fill_topics(self) -> None:
        current = self.topic.currentData()
        self.topic.blockSignals(True)
        self.topic.clear()
        self.topic.addItem(self.tr("All topics"), None)
        for topic in self.library.topics_for(self.band):
            self.topic.addItem(topic.title, topic.id)
        index = self.topic.findData(current)
        self.topic.setCurrentIndex(max(index, 0))
        self.topic.blockSignals(False)

    def set_filters(self, query: str, band: str | None) -> None:
        band_changed = band != self.band
        self.query, self.band = query, band
        if band_changed:
            self._fill_topics()
        self.shown_limit = PAGE_SIZE
        self.refresh()

    def matching(self) -> list[Starter]:
        only = set(self.favourites) if self.favourites_only.isChecked() else None
        return find_starters(self.library, query=self.query, band=self.band,
                             topic_id=self.topic.currentData(), only=only)

    def refresh(self) -> None:
        clear_layout(self.cards_layout)
        starters = self.matching()
        favourites = self.favourites
        self.cards = []
        shown = starters[: self.shown_limit]
        for starter, short in zip(shown, openings([s.text for s in shown]), strict=True):
            card = StarterCard(self.library, starter, starter.id in favourites, short)
            card.favourite_toggled.connect(self.toggle_favourite)
            card.copy_requested.connect(self.copy)
            self.cards_layout.addWidget(card)
            self.cards.append(card)
        if len(starters) > self.shown_limit:
            more = button(self.tr("Show more ({left} left)").format(
                left=len(starters) - self.shown_limit), "showMore")
            more.clicked.connect(self.show_more)
            self.cards_layout.addWidget(more)
        if not starters:
            self.cards_layout.addWidget(body_label(
                self.tr("Nothing matches. Try fewer words, another topic, or all ages."),
                name="noStarters"))
        self.cards_layout.addStretch(1)
        count = len(starters)
        self.count.setText(self.tr("%n conversation starter", "", count) if count == 1
                           else self.tr("%n conversation starters", "", count))

    def show_more(self) -> None:
        self.shown_limit += PAGE_SIZE
        self.refresh()

    def toggle_favourite(self, starter_id: str) -> None:
        now = starter_id not in self.favourites
        if now:
            self.favourites.add(starter_id)
        else:
            self.favourites.discard(starter_id)
        self.favourite_changed.emit(starter_id, now)
        for card in self.cards:
            if card.starter.id == starter_id:
                card.set_favourite(now)
        if self.favourites_only.isChecked() and not now:
            self.refresh()

    def copy(self, starter_id: str) -> None:
        starter = self.library.starter(starter_id)
        if starter:
            QGuiApplication.clipboard().setText(card_text(self.library, starter))
            show_message(self.message, self.tr("Copied to the clipboard."), ok=True)

    def selected(self) -> list[Starter]:
        """The cards ticked for printing, or all shown cards when none are ticked."""
        ticked = [card.starter for card in self.cards if card.select.isChecked()]
        return ticked or [card.starter for card in self.cards]

    def print_cards(self) -> None:
        result = print_document(self, cards_document(self.library, self.selected()),
                                self.tr("Porchlight conversation cards"))
        if not result and result.reason != CANCELLED:
            show_message(self.message, problem_text(result.reason))

    def save_cards_pdf(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save cards as PDF"),
                                              self.tr("conversation-cards.pdf"),
                                              self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        result = save_pdf(cards_document(self.library, self.selected()), path,
                          self.tr("Porchlight conversation cards"))
        if not result:
            show_message(self.message, problem_text(result.reason))
            return None
        show_message(self.message, self.tr("Saved to {path}").format(path=path), ok=True)
        return path
