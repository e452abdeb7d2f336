"""The conversation library: starters by topic and age, refusal lines, reassurance lines.

"For <child>" picks that child's band; the search box filters every tab as you type. If a
content file is broken, a notice names it and the rest of the library works as usual.
"""

from __future__ import annotations

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
from app.core.clock import local_today
from app.core.content.model import TONE_LABELS
from app.core.content.search import find_reassurance, find_refusals
from app.storage.services import Services
from app.ui.content_access import LibraryState
from app.ui.library.practice_dialog import PracticeDialog
from app.ui.library.starters_tab import StartersTab
from app.ui.widgets.common import body_label, button, title_label


class LibraryPage(QWidget):
    title = "Library"

    def __init__(self, services: Services, state: LibraryState) -> None:
        super().__init__()
        self.setObjectName("libraryPage")
        self._services = services
        self.library = state.library
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 16)
        layout.setSpacing(10)
        layout.addWidget(title_label("Conversation library"))
        notice = state.problem_summary()
        if notice:
            layout.addWidget(body_label(notice, name="contentProblems"))
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setAccessibleName("Search the library")
        self.search.setPlaceholderText("Search starters and scripts…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filters)
        self.for_whom = QComboBox()
        self.for_whom.setObjectName("libraryFor")
        self.for_whom.setAccessibleName("Show conversations for")
        self.for_whom.currentIndexChanged.connect(self.apply_filters)
        row.addWidget(self.search, 3)
        row.addWidget(self.for_whom, 2)
        layout.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("libraryTabs")
        self.starters = StartersTab(self.library, services.favourites)
        self.tabs.addTab(self.starters, "Conversation starters")
        self.tabs.addTab(self._refusals_tab(), "Saying no")
        self.reassurance = QListWidget()
        self.reassurance.setObjectName("reassuranceList")
        self.reassurance.setWordWrap(True)
        self.tabs.addTab(self.reassurance, "Reassurance")
        layout.addWidget(self.tabs, 1)
        self.fill_for_whom()

    def _refusals_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(body_label(
            "Lines a child can use when someone pushes. Practise them together until they "
            "come out easily — out loud, with a smile, more than once.", muted=True))
        self.refusals = QListWidget()
        self.refusals.setObjectName("refusalList")
        self.refusals.setWordWrap(True)
        layout.addWidget(self.refusals, 1)
        self.practice_button = button("Practise these lines…", "practiceRefusals", primary=True)
        self.practice_button.clicked.connect(self.open_practice)
        layout.addWidget(self.practice_button)
        return tab

    def fill_for_whom(self) -> None:
        """Each child (by their band today), then every band, then all ages."""
        previous = self.for_whom.currentText()
        self.for_whom.blockSignals(True)
        self.for_whom.clear()
        today = local_today(self._services.vault.clock)
        for child in self._services.family.children():
            status = child.status(today)
            if status.band is not None:
                self.for_whom.addItem(f"For {child.name} ({status.band.label})",
                                      status.band.value)
        for band in AgeBand:
            self.for_whom.addItem(band.label[0].upper() + band.label[1:], band.value)
        self.for_whom.addItem("All ages", None)
        self.for_whom.setCurrentIndex(max(self.for_whom.findText(previous), 0))
        self.for_whom.blockSignals(False)
        self.apply_filters()

    def band(self) -> str | None:
        return self.for_whom.currentData()

    def apply_filters(self) -> None:
        query, band = self.search.text(), self.band()
        self.starters.set_filters(query, band)
        self.refusals.clear()
        for refusal in find_refusals(self.library, query=query, band=band):
            bands = ", ".join(refusal.bands)
            self.refusals.addItem(f"{refusal.text}    ({TONE_LABELS[refusal.tone]} · {bands})")
        self.reassurance.clear()
        for line in find_reassurance(self.library, query=query, band=band):
            self.reassurance.addItem(line.text)

    def open_practice(self) -> PracticeDialog:
        lines = find_refusals(self.library, query=self.search.text(), band=self.band())
        dialog = PracticeDialog(lines, self)
        dialog.open()
        return dialog
