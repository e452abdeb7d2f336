"""The trend chart's twin: the same numbers as a table, one row per week, newest first.

A chart is no use to someone who cannot see it, and exact numbers are easier to read from a
table anyway. The rows hold the very ``ChartWeek`` values the chart drew, and each row's
accessible description is the sentence the chart announces for that week.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.ui.journal.trend_data import (
    Category,
    ChartWeek,
    long_day,
    shown_categories,
    week_description,
)
from app.ui.translate import _tr

Index = QModelIndex | QPersistentModelIndex


class TrendTableModel(QAbstractTableModel):
    """Columns: the week, each category with a sign in these weeks, all signs, check-ins
    done, talks. Rows: the weeks, newest first (the week a parent asks about on top)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weeks: list[ChartWeek] = []
        self._shown: list[Category] = []

    def set_data(self, weeks: Sequence[ChartWeek], categories: Sequence[Category]) -> None:
        self.beginResetModel()
        self._weeks = list(reversed(weeks))
        self._shown = shown_categories(weeks, categories)
        self.endResetModel()

    def week_at(self, row: int) -> ChartWeek:
        return self._weeks[row]

    def row_of(self, week: ChartWeek) -> int:
        return next((i for i, w in enumerate(self._weeks) if w.start == week.start), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._weeks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown) + 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if role not in shown or orientation != Qt.Orientation.Horizontal:
            return None
        categories = len(self._shown)
        if section == 0:
            return _tr("Week of")
        if section <= categories:
            return self._shown[section - 1].title
        return (_tr("All signs"), _tr("Check-ins done"), _tr("Talks"))[section - categories - 1]

    def value(self, row: int, column: int) -> int | str:
        week, categories = self._weeks[row], len(self._shown)
        if column == 0:
            return long_day(week.start)
        if column <= categories:
            return week.counts.get(self._shown[column - 1].id, 0)
        return (week.total, week.checkins, week.talks)[column - categories - 1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.value(index.row(), index.column()))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return week_description(self._weeks[index.row()], self._shown)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TrendTable(QTableView):
    """A read-only table view of ``TrendTableModel``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendTable")
        self.setAccessibleName(_tr("Signs per week table"))
        self.table_model = TrendTableModel(self)
        self.setModel(self.table_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        # Whole headers, read in full; a narrow window scrolls sideways rather than cut words.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def set_data(self, weeks: Sequence[ChartWeek], categories: Sequence[Category]) -> None:
        self.table_model.set_data(weeks, categories)

    def select_week(self, week: ChartWeek) -> None:
        """Put the cursor on the row for ``week`` (the week focused on the chart)."""
        row = self.table_model.row_of(week)
        if row >= 0:
            self.selectRow(row)
            self.scrollTo(self.table_model.index(row, 0))
