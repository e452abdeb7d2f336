"""The conversation library: starters by topic and age, refusal lines, reassurance lines.

"For <child>" picks that child's band; the search box filters every tab as you type. If a
content file is broken, a notice names it and the rest of the library works as usual. The
children and the favourite cards are read on the database worker; the page follows
``Changes`` (a child added or edited) and a star click is written there too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.ages import AgeBand
from app.core.changes import Changes
from app.core.clock import local_today
from app.core.content.search import find_reassurance, find_refusals
from app.storage.services import Services
from app.ui.age_words import band_heading, band_label
from app.ui.content_access import LibraryState
from app.ui.library.practice_dialog import PracticeDialog
from app.ui.library.starters_tab import StartersTab
from app.ui.library.words import tone_words
from app.ui.ops import Ops, follow_changes
from app.ui.widgets.common import body_label, button, title_label


@dataclass(frozen=True)
class LibraryFacts:
    """Who the library can be shown for (name, band today) and the favourite cards."""

    children: list[tuple[str, str]]
    favourites: set[str]


def read_facts(services: Services) -> LibraryFacts:
    """On the worker: each child with a band today, and the favourites."""
    today = local_today(services.vault.clock)
    children = []
    for child in services.family.children():
        band = child.status(today).band
        if band is not None:
            children.append((child.name, band.value))
    return LibraryFacts(children, services.favourites.ids())


class LibraryPage(QWidget):
    def __init__(self, ops: Ops, state: LibraryState) -> None:
        super().__init__()
        self.setObjectName("libraryPage")
        self.title = self.tr("Library")
        self.ops = ops
        self.library = state.library
        self.loaded = False
        self._pending_topic: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 16)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Conversation library")))
        notice = state.problem_summary()
        if notice:
            layout.addWidget(body_label(notice, name="contentProblems"))
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setAccessibleName(self.tr("Search the library"))
        self.search.setPlaceholderText(self.tr("Search starters and scripts…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filters)
        self.for_whom = QComboBox()
        self.for_whom.setObjectName("libraryFor")
        self.for_whom.setAccessibleName(self.tr("Show conversations for"))
        self.for_whom.currentIndexChanged.connect(self.apply_filters)
        row.addWidget(self.search, 3)
        row.addWidget(self.for_whom, 2)
        layout.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("libraryTabs")
        self.starters = StartersTab(self.library)
        self.starters.favourite_changed.connect(self.save_favourite)
        self.tabs.addTab(self.starters, self.tr("Conversation starters"))
        self.tabs.addTab(self._refusals_tab(), self.tr("Saying no"))
        self.reassurance = QListWidget()
        self.reassurance.setObjectName("reassuranceList")
        self.reassurance.setAccessibleName(self.tr("Reassurance lines"))
        self.reassurance.setWordWrap(True)
        self.tabs.addTab(self.reassurance, self.tr("Reassurance"))
        layout.addWidget(self.tabs, 1)
        # A child added or edited changes "For <child>"; a star click (settings) is already shown.
        follow_changes(self, ops, lambda c: c.touches("family"), self.fill_for_whom)
        self.fill_for_whom()

    def _refusals_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(body_label(self.tr(
            "Lines a child can use when someone pushes. Practise them together until they "
            "come out easily — out loud, with a smile, more than once."), muted=True))
        self.refusals = QListWidget()
        self.refusals.setObjectName("refusalList")
        self.refusals.setAccessibleName(self.tr("Lines for saying no"))
        self.refusals.setWordWrap(True)
        layout.addWidget(self.refusals, 1)
        self.practice_button = button(self.tr("Practise these lines…"), "practiceRefusals",
                                      primary=True)
        self.practice_button.clicked.connect(self.open_practice)
        layout.addWidget(self.practice_button)
        return tab

    def show_topic(self, topic_id: str) -> None:
        """Open on one topic's starters (a pattern's "what to do" points here)."""
        self.tabs.setCurrentWidget(self.starters)
        if not self.loaded:  # just made: who it is for is still being read
            self._pending_topic = topic_id
            return
        self.search.clear()
        index = self.starters.topic.findData(topic_id)
        if index < 0:  # not in the chosen child's band: "All ages" (the last choice)
            self.for_whom.setCurrentIndex(self.for_whom.count() - 1)
            index = self.starters.topic.findData(topic_id)
        if index >= 0:
            self.starters.topic.setCurrentIndex(index)

    def fill_for_whom(self) -> None:
        """Read the children and favourites on the worker, then list who to show it for."""
        self.ops.read(read_facts, self._facts_read, owner=self)

    def _facts_read(self, facts: LibraryFacts) -> None:
        """Each child (by their band today), then every band, then all ages."""
        previous = self.for_whom.currentText()
        self.for_whom.blockSignals(True)
        self.for_whom.clear()
        for name, band in facts.children:
            self.for_whom.addItem(self.tr("For {name} ({band})").format(
                name=name, band=band_label(band)), band)
        for age_band in AgeBand:
            self.for_whom.addItem(band_heading(age_band), age_band.value)
        self.for_whom.addItem(self.tr("All ages"), None)
        self.for_whom.setCurrentIndex(max(self.for_whom.findText(previous), 0))
        self.for_whom.blockSignals(False)
        self.starters.favourites = set(facts.favourites)
        self.loaded = True
        self.apply_filters()
        topic, self._pending_topic = self._pending_topic, None
        if topic is not None:
            self.show_topic(topic)

    def save_favourite(self, starter_id: str, favourite: bool) -> None:
        """A star click, kept on the worker with the family's other choices."""
        self.ops.write(lambda s: s.favourites.set_favourite(starter_id, favourite),
                       touches=Changes(settings=True), owner=self)

    def band(self) -> str | None:
        return self.for_whom.currentData()

    def apply_filters(self) -> None:
        query, band = self.search.text(), self.band()
        self.starters.set_filters(query, band)
        self.refusals.clear()
        for refusal in find_refusals(self.library, query=query, band=band):
            self.refusals.addItem(self.tr("{line}    ({tone} · {bands})").format(
                line=refusal.text, tone=tone_words(refusal.tone), bands=", ".join(refusal.bands)))
        self.reassurance.clear()
        for line in find_reassurance(self.library, query=query, band=band):
            self.reassurance.addItem(line.text)

    def open_practice(self) -> PracticeDialog:
        lines = find_refusals(self.library, query=self.search.text(), band=self.band())
        dialog = PracticeDialog(lines, self)
        dialog.open()
        return dialog
