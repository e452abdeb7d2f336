"""The timeline's rows, fetched from the vault a hundred at a time as the parent scrolls.

Opening the journal must cost the same at 50 entries and 50,000: the model asks the worker for
the count and the first page in one read, and the view asks for more (``canFetchMore`` /
``fetchMore``) only when the parent scrolls near the end. Each row is an ``EntrySummary``,
enough to draw it; nothing is read per row.

Every new filter or search bumps a generation number; a reply carrying an older generation is
dropped, so results for "gi" never overwrite results for "gifts" that the parent typed since.
A refresh after a change (an entry saved or deleted elsewhere) reads back as many rows as were
already shown, in one query, so the parent keeps their place in the list.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.core.journal.model import EntryFilter, EntrySummary
from app.storage.services import Services
from app.ui.dates import short_moment
from app.ui.journal.timeline_words import Names, come_back_mark, strength_word, week_key
from app.ui.ops import Ops

PAGE = 100
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's EntrySummary
NEW_WEEK_ROLE = Qt.ItemDataRole.UserRole + 2  # True on the first row of a week: draw a header
ID_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


def first_page(services: Services, flt: EntryFilter, limit: int) -> tuple[int, list[EntrySummary]]:
    """On the worker: how many entries the filter finds, and the newest ``limit`` of them."""
    journal = services.journal
    return journal.count(flt), journal.page(flt, 0, limit)


class TimelineModel(QAbstractListModel):
    loaded = Signal(int)  # the total, each time a new filter's first page has arrived

    def __init__(self, ops: Ops, zone: dt.tzinfo, names: Names | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops, self._zone = ops, zone
        self.names = names or Names()
        self.filter = EntryFilter()
        self.total: int | None = None  # None until the first read has come back
        self._rows: list[EntrySummary] = []
        self._new_week: list[bool] = []
        self._generation = 0
        self._fetching = False

    # --- reading -----------------------------------------------------------------------------

    def set_filter(self, flt: EntryFilter, *, keep_place: bool = False) -> None:
        """Read ``flt``'s count and first page (or as many rows as shown, ``keep_place``)."""
        self.filter = flt
        self._generation += 1
        generation = self._generation
        limit = max(PAGE, -(-len(self._rows) // PAGE) * PAGE) if keep_place else PAGE
        self._fetching = True
        self._ops.read(lambda s: first_page(s, flt, limit),
                       lambda result: self._first_page_read(generation, result), owner=self,
                       failed=lambda error: self._failed(generation, error))

    def refresh(self) -> None:
        self.set_filter(self.filter, keep_place=True)

    def _first_page_read(self, generation: int, result: tuple[int, list[EntrySummary]]) -> None:
        if generation != self._generation:
            return  # an older filter's answer: the parent has asked for something else since
        total, rows = result
        self.beginResetModel()
        self.total, self._rows, self._fetching = total, list(rows), False
        self._new_week = self._weeks(self._rows, None)
        self.endResetModel()
        self.loaded.emit(total)

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self._fetching = False
            self._ops.report(error, self)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self.total is None or self._fetching:
            return False
        return len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        flt, offset, generation = self.filter, len(self._rows), self._generation
        self._fetching = True
        self._ops.read(lambda s: s.journal.page(flt, offset, PAGE),
                       lambda rows: self._more_read(generation, offset, rows), owner=self,
                       failed=lambda error: self._failed(generation, error))

    def _more_read(self, generation: int, offset: int, rows: list[EntrySummary]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._fetching = False
        if not rows:
            self.total = len(self._rows)  # fewer than counted (deleted meanwhile): stop asking
            return
        last = self._rows[-1] if self._rows else None
        self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
        self._rows.extend(rows)
        self._new_week.extend(self._weeks(rows, last))
        self.endInsertRows()

    def _weeks(self, rows: list[EntrySummary], before: EntrySummary | None) -> list[bool]:
        previous = week_key(before.noted_at, self._zone) if before is not None else None
        flags = []
        for row in rows:
            week = week_key(row.noted_at, self._zone)
            flags.append(week != previous)
            previous = week
        return flags

    # --- what the view asks ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == SUMMARY_ROLE:
            return row
        if role == NEW_WEEK_ROLE:
            return self._new_week[index.row()]
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.spoken(row)
        return None

    def spoken(self, row: EntrySummary) -> str:
        """One row as a screen reader says it: when, who, signs, how strong, the start."""
        names = self.names
        parts = [short_moment(row.noted_at, self._zone), names.child(row.child_id)]
        parts.append(", ".join([names.chip(s) for s in row.signs] + list(row.tags)))
        if row.strength:
            parts.append(strength_word(row.strength))
        if row.come_back:
            parts.append(come_back_mark())
        text = "".join(t for t, _hit in row.snippet) if row.snippet else row.preview
        if text:
            parts.append(text)
        return ". ".join(p for p in parts if p)

    def summary(self, row: int) -> EntrySummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, entry_id: int) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == entry_id), -1)

    def loaded_ids(self) -> list[int]:
        return [row.id for row in self._rows]
