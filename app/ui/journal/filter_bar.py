"""The filters across the top of the journal: who, what kind, when, how strong, and words.

The bar only gathers choices and says when they changed; the page turns them into an
``EntryFilter`` and asks the worker. Typing in the search box waits ~150 ms after the last key
before saying so, so a fast typist starts one search, not one per letter. Date presets count
back from today on the parent's clock; "Choose dates" shows a from/to pair, both days included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.journal.model import EntryFilter
from app.ui.journal.timeline_words import Names, family_words

SEARCH_DELAY_MS = 150
EVERYONE, FAMILY = "everyone", "family"
PRESET_DAYS = {"4w": 28, "3m": 91, "12m": 365}


def _combo(name: str, accessible: str, min_chars: int = 8) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(min_chars)
    return combo


class FilterBar(QWidget):
    changed = Signal()  # any choice changed (search: once typing pauses)

    def __init__(self, names: Names, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalFilters")
        self._names = names
        self.search = QLineEdit()
        self.search.setObjectName("journalSearch")
        self.search.setAccessibleName(self.tr("Search your journal"))
        self.search.setPlaceholderText(self.tr("Search your notes…"))
        self.search.setClearButtonEnabled(True)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_DELAY_MS)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._typing.start())

        self.child = _combo("journalChild", self.tr("Whose entries"))
        self.child.addItem(self.tr("Everyone"), EVERYONE)
        self.child.addItem(family_words(), FAMILY)
        self.category = _combo("journalCategory", self.tr("Kind of sign"))
        self.category.addItem(self.tr("Every kind of sign"), "")
        for category_id, title in names.categories.items():
            self.category.addItem(title, category_id)
        self.sign = _combo("journalSign", self.tr("Sign"), 10)
        self.category.currentIndexChanged.connect(self._fill_signs)
        self._fill_signs()
        self.dates = _combo("journalDates", self.tr("When"))
        for text, key in ((self.tr("Any time"), ""), (self.tr("Last 4 weeks"), "4w"),
                          (self.tr("Last 3 months"), "3m"), (self.tr("Last 12 months"), "12m"),
                          (self.tr("Choose dates…"), "range")):
            self.dates.addItem(text, key)
        self.since = self._date_edit("journalSince", self.tr("From"))
        self.until = self._date_edit("journalUntil", self.tr("To"))
        self.strength = _combo("journalStrength", self.tr("How strong"))
        for text, value in ((self.tr("Any strength"), None),
                            (self.tr("Quite or very worried"), 2),
                            (self.tr("Very worried"), 3)):
            self.strength.addItem(text, value)
        self.come_back = QCheckBox(self.tr("Come back to this"))
        self.come_back.setObjectName("journalComeBackOnly")
        self.come_back.setAccessibleName(self.tr("Only entries to come back to"))
        self.deleted = QCheckBox(self.tr("Recently deleted"))
        self.deleted.setObjectName("journalRecentlyDeleted")
        self.deleted.setAccessibleName(self.tr("Show recently deleted entries"))

        top, bottom = QHBoxLayout(), QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.child, 1)
        top.addWidget(self.dates, 1)
        top.addWidget(self.since)
        top.addWidget(self.until)
        top.addWidget(self.deleted)
        for widget in (self.category, self.sign, self.strength):
            bottom.addWidget(widget, 1)
        bottom.addWidget(self.come_back)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(top)
        column.addLayout(bottom)
        self._show_range()
        for combo in (self.child, self.category, self.sign, self.strength):
            combo.currentIndexChanged.connect(self.changed)
        self.dates.currentIndexChanged.connect(self._dates_changed)
        self.since.dateChanged.connect(self.changed)
        self.until.dateChanged.connect(self.changed)
        self.come_back.toggled.connect(self.changed)
        self.deleted.toggled.connect(self.changed)

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDate(QDate.currentDate())
        return edit

    def _fill_signs(self) -> None:
        """The sign choice lists the chosen kind's signs only (all signs for every kind)."""
        category = self.category.currentData()
        current = self.sign.currentData()
        self.sign.blockSignals(True)
        self.sign.clear()
        self.sign.addItem(self.tr("Any sign"), "")
        for sign_id, text in self._names.signs.items():
            if not category or self._names.sign_category.get(sign_id) == category:
                self.sign.addItem(self._names.chip(sign_id), sign_id)
                self.sign.setItemData(self.sign.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.sign.setCurrentIndex(max(self.sign.findData(current), 0))
        self.sign.blockSignals(False)

    def _dates_changed(self) -> None:
        self._show_range()
        self.changed.emit()

    def _show_range(self) -> None:
        choosing = self.dates.currentData() == "range"
        self.since.setVisible(choosing)
        self.until.setVisible(choosing)

    def set_children(self, children: Iterable[Any]) -> None:
        """Refill the child choice (names from the vault), keeping what was chosen."""
        current = self.child.currentData()
        self.child.blockSignals(True)
        while self.child.count() > 2:
            self.child.removeItem(1)
        for number, child in enumerate(children, start=1):
            self.child.insertItem(number, child.name, child.id)
        self.child.setCurrentIndex(max(self.child.findData(current), 0))
        self.child.blockSignals(False)

    def set_search(self, text: str) -> None:
        """Put words in the search box and search at once (no typing pause to wait for)."""
        self.search.setText(text)
        self._typing.stop()
        self.changed.emit()

    # --- the filter ------------------------------------------------------------------------

    def entry_filter(self, now: dt.datetime, zone: dt.tzinfo) -> EntryFilter:
        child = self.child.currentData()
        children: tuple[int | None, ...] | None = None
        if child == FAMILY:
            children = (None,)
        elif child != EVERYONE:
            children = (int(child),)
        category, sign = self.category.currentData(), self.sign.currentData()
        since, until = self._range(now, zone)
        return EntryFilter(children=children, categories=(category,) if category else (),
                           signs=(sign,) if sign else (), since=since, until=until,
                           min_strength=self.strength.currentData(),
                           come_back_only=self.come_back.isChecked(),
                           text=self.search.text().strip(), deleted=self.deleted.isChecked())

    def _range(self, now: dt.datetime, zone: dt.tzinfo
               ) -> tuple[dt.datetime | None, dt.datetime | None]:
        key = self.dates.currentData()
        today = now.astimezone(zone).date()
        if key in PRESET_DAYS:
            return _start_of(today - dt.timedelta(days=PRESET_DAYS[key]), zone), None
        if key == "range":
            first, last = self.since.date().toPython(), self.until.date().toPython()
            if last < first:
                first, last = last, first
            return _start_of(first, zone), _start_of(last + dt.timedelta(days=1), zone)
        return None, None

    def narrowed(self) -> bool:
        """Whether any choice hides entries (the empty list then says "no matches")."""
        return bool(self.search.text().strip() or self.child.currentIndex()
                    or self.category.currentIndex() or self.sign.currentIndex()
                    or self.dates.currentIndex() or self.strength.currentIndex()
                    or self.come_back.isChecked())


def _start_of(day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    """Midnight at the start of ``day`` on the parent's clock, as UTC."""
    return dt.datetime.combine(day, dt.time(), tzinfo=zone).astimezone(dt.UTC)
