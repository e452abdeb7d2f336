"""The Journal page: every note over time, filtered and searched, one read in full beside it.

The timeline is a list view over ``TimelineModel`` (a page of 100 at a time, so 50,000 entries
open as fast as 50); the filters and search build an ``EntryFilter`` that the model reads on
the database worker. Choosing an entry reads it in full for the detail view (one read per
choice, never one per row). Deleting hides an entry at once, with no question: a calm line
offers Undo, and Recently deleted keeps it for ``RESTORE_DAYS`` days. Removing for good asks
once, in plain words, and says that backups keep it until they age out. The page follows
``Changes(journal=True)`` (and family changes, for names) and keeps the parent's place.
While a counsellor's plan runs, a line names the signs its week asks the family to watch for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.clock import Clock, local_today
from app.core.journal.model import RESTORE_DAYS, Entry
from app.core.plans.plan_topics import watch_this_week
from app.ui.announce import announce
from app.ui.journal.entry_detail import EntryDetail
from app.ui.journal.filter_bar import FilterBar
from app.ui.journal.history_dialog import HistoryDialog
from app.ui.journal.timeline_delegate import TimelineDelegate
from app.ui.journal.timeline_model import ID_ROLE, TimelineModel
from app.ui.journal.timeline_words import Names, count_words, empty_words
from app.ui.ops import Ops, follow_changes
from app.ui.widgets.common import body_label, button, title_label

SIDE_BY_SIDE_MIN_WIDTH = 700  # narrower than this, the entry is shown below the list


class JournalPage(QWidget):
    export_requested = Signal()  # "Export for a professional…": the main window opens it
    window_opened = Signal(object, str)  # a window showing entries: the session closes it at lock

    def __init__(self, ops: Ops, clock: Clock, catalogue: Any, *,
                 edit_entry: Callable[[int], None] | None = None) -> None:
        super().__init__()
        self.setObjectName("journalPage")
        self.title = self.tr("Journal")
        self._ops, self._clock, self._edit_entry = ops, clock, edit_entry
        self.zone = clock.zone()
        self.names = Names.from_catalogue(catalogue)
        self.history_dialog: HistoryDialog | None = None
        self._select_id: int | None = None  # keep this entry chosen when the list comes back
        self._select_row: int | None = None  # or this row (after the chosen entry went away)
        self._undo: Callable[[], None] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        header = QHBoxLayout()
        header.addWidget(title_label(self.tr("Journal")), 1)
        self.count_line = body_label("", muted=True, name="journalCount")
        header.addWidget(self.count_line, 0, Qt.AlignmentFlag.AlignBottom)
        self.export_button = button(self.tr("Export for a professional…"), "journalExport",
                                    accessible=self.tr("Export journal entries for a "
                                                       "professional"))
        self.export_button.clicked.connect(self.export_requested)
        header.addSpacing(12)
        header.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(header)
        self.watch_line = body_label("", name="journalWatchThisWeek")  # a plan's signs to watch
        self.watch_line.hide()
        layout.addWidget(self.watch_line)
        self._top = QVBoxLayout()  # the pattern card, when the shell gives one
        self._top.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._top)
        self._wanted: int | None = None  # asked for from outside ("Why am I seeing this?")
        self.filters = FilterBar(self.names)
        self.filters.changed.connect(self.apply_filters)
        layout.addWidget(self.filters)
        layout.addWidget(self._status_line())

        self.model = TimelineModel(ops, self.zone, self.names, self)
        self.model.loaded.connect(self._loaded)
        self.delegate = TimelineDelegate(self.names, self.zone, self)
        self.list = QListView()
        self.list.setObjectName("journalTimeline")
        self.list.setAccessibleName(self.tr("Journal entries, newest first"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(self.delegate)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-wrap on a resize
        self.list.installEventFilter(self)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.doubleClicked.connect(lambda _index: self.edit_current())
        self.empty = body_label("", muted=True, name="journalEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setContentsMargins(40, 40, 40, 40)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)

        self.detail = EntryDetail(self.names, self.zone)
        self.detail.edit_requested.connect(self._edit)
        self.detail.history_requested.connect(self.open_history)
        self.detail.delete_requested.connect(self.delete_entry)
        self.detail.restore_requested.connect(self.restore_entry)
        self.detail.purge_requested.connect(self.purge_entry)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("journalSplit")
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.stack)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        layout.addWidget(self.split, 1)
        follow_changes(self, ops, lambda c: c.touches("journal", "family", "plans"),
                       self.refresh)
        self.refresh()

    def show_on_top(self, widget: QWidget) -> None:
        """A card above the timeline (the pattern card): it hides itself when it has nothing."""
        self._top.addWidget(widget)

    def select_entry(self, entry_id: int) -> None:
        """Choose this entry on the timeline, or show it beside the list if it is not there."""
        self._select_id = self._wanted = entry_id
        self.model.set_filter(self._filter(), keep_place=True)

    def _status_line(self) -> QWidget:
        """A calm line under the filters: "Moved to Recently deleted. [Undo]"."""
        self.status = QFrame()
        self.status.setObjectName("notice")
        row = QHBoxLayout(self.status)
        row.setContentsMargins(12, 6, 8, 6)
        self.status_text = QLabel()
        self.status_text.setObjectName("journalStatus")
        self.status_text.setWordWrap(True)
        row.addWidget(self.status_text, 1)
        self.undo_button = button(self.tr("Undo"), "journalUndo", link=True,
                                  accessible=self.tr("Undo the delete"))
        self.undo_button.clicked.connect(self.undo)
        row.addWidget(self.undo_button)
        self.status.hide()
        return self.status

    def _say(self, text: str, undo: Callable[[], None] | None = None) -> None:
        self.status_text.setText(text)
        self._undo = undo
        self.undo_button.setVisible(undo is not None)
        self.status.setVisible(bool(text))
        announce(self.status_text, text)

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Names first (children may have changed), then the list where the parent was."""
        self._ops.read(lambda s: s.family.children(include_archived=True),
                       self._children_read, owner=self)
        self._ops.read(lambda s: s.plans.active_plans(), self._plans_read, owner=self)
        self._keep_current()
        self.model.set_filter(self._filter(), keep_place=True)

    def _children_read(self, children: list[Any]) -> None:
        self.names.children = {child.id: child.name for child in children}
        self.filters.set_children([c for c in children if not c.archived])

    def _plans_read(self, plans: list[Any]) -> None:
        """"Things to watch this week for Maya: …", one line per child; hidden when none."""
        lines = [self.tr("Things to watch this week for {child}: {signs}").format(
            child=self.names.child(found.child_id),
            signs="; ".join(self.names.sign(s).rstrip(".") for s in found.sign_ids))
            for found in watch_this_week(plans, local_today(self._clock))]
        self.watch_line.setText("\n".join(lines))
        self.watch_line.setVisible(bool(lines))

    def _filter(self):
        return self.filters.entry_filter(self._clock.now(), self.zone)

    def apply_filters(self) -> None:
        flt = self._filter()
        if flt.deleted != self.model.filter.deleted:
            self._say("")  # another view: an Undo offered for the last one no longer fits
        self.delegate.deleted_view = flt.deleted
        self._select_id, self._select_row = None, None
        self.model.set_filter(flt)

    def _keep_current(self) -> None:
        """Remember the chosen entry and row, unless an entry is already asked for (Undo)."""
        index = self.list.currentIndex()
        if index.isValid() and self._select_id is None:
            self._select_id, self._select_row = index.data(ID_ROLE), index.row()

    def _loaded(self, total: int) -> None:
        flt = self.model.filter
        self.delegate.deleted_view = flt.deleted
        self.count_line.setText(count_words(total, bool(flt.text), flt.deleted))
        self.empty.setText(empty_words(self.filters.narrowed(), flt.deleted))
        self.stack.setCurrentWidget(self.list if total else self.empty)
        self.detail.setVisible(bool(total))
        self.list.doItemsLayout()
        row = self.model.row_of(self._select_id) if self._select_id is not None else -1
        if row < 0 and self._select_row is not None:
            row = min(self._select_row, self.model.rowCount() - 1)
        self._select_id = self._select_row = None
        wanted, self._wanted = self._wanted, None
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        elif wanted is not None:  # outside the filters or further back: show it all the same
            self.detail.setVisible(True)
            self._ops.read(lambda s: s.journal.entry(wanted),
                           lambda entry: self.detail.show_entry(
                               entry, can_edit=self._edit_entry is not None), owner=self,
                           failed=lambda _error: self.detail.show_entry(None))
        else:
            self.detail.show_entry(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry_id = current.data(ID_ROLE) if current.isValid() else None
        if entry_id is None:
            self.detail.show_entry(None)
            return
        self._ops.read(lambda s: s.journal.entry(entry_id),
                       lambda entry: self._entry_read(entry_id, entry), owner=self,
                       failed=lambda _error: self.detail.show_entry(None))

    def _entry_read(self, entry_id: int, entry: Entry) -> None:
        if self.current_id() == entry_id:
            self.detail.show_entry(entry, can_edit=self._edit_entry is not None)

    def current_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    # --- acting on the chosen entry ----------------------------------------------------------

    def edit_current(self) -> None:
        entry_id = self.current_id()
        if entry_id is not None and not self.model.filter.deleted:
            self._edit(entry_id)

    def _edit(self, entry_id: int) -> None:
        if self._edit_entry is not None:
            self._edit_entry(entry_id)

    def open_history(self, entry_id: int) -> None:
        self.history_dialog = HistoryDialog(self._ops, entry_id, self.names, self.zone, self)
        self.window_opened.emit(self.history_dialog, "journal-history")
        self.history_dialog.open()

    def delete_entry(self, entry_id: int) -> None:
        """Hide it at once; the status line offers Undo (it waits in Recently deleted)."""
        self._keep_current()
        self._ops.write(lambda s: s.journal.delete(entry_id), touches=Changes(journal=True),
                        done=lambda _r: self._say(self.tr(
                            "Moved to Recently deleted. You can bring it back for %n days.",
                            "", RESTORE_DAYS), lambda: self._bring_back(entry_id)), owner=self)

    def _bring_back(self, entry_id: int) -> None:
        self._select_id = entry_id
        self._ops.write(lambda s: s.journal.undelete(entry_id), touches=Changes(journal=True),
                        done=lambda _r: self._say(self.tr("It's back in your journal.")),
                        owner=self)

    def undo(self) -> None:
        undo, self._undo = self._undo, None
        if undo is not None:
            undo()

    def restore_entry(self, entry_id: int) -> None:
        self._keep_current()
        self._ops.write(lambda s: s.journal.undelete(entry_id), touches=Changes(journal=True),
                        done=lambda _r: self._say(self.tr("Restored to your journal.")),
                        owner=self)

    def purge_entry(self, entry_id: int) -> None:
        """Ask once, plainly; then remove the entry and every version of it."""
        answer = QMessageBox.question(
            self, self.tr("Remove for good?"),
            self.tr("This removes the entry and every earlier version of it from Porchlight. "
                    "It can't be brought back.\n\nCopies stay in Porchlight's encrypted "
                    "backups until they age out (up to a year)."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._keep_current()
        self._ops.write(lambda s: s.journal.purge(entry_id), touches=Changes(journal=True),
                        done=lambda _r: self._say(self.tr("Removed for good.")), owner=self)

    # --- keyboard and size -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            entry_id = self.current_id()
            if entry_id is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_current()
                return True
            if entry_id is not None and event.key() == Qt.Key.Key_Delete:
                if self.model.filter.deleted:
                    self.purge_entry(entry_id)
                else:
                    self.delete_entry(entry_id)
                return True
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        wide = self.width() >= SIDE_BY_SIDE_MIN_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.split.orientation() != orientation:
            self.split.setOrientation(orientation)
        super().resizeEvent(event)
