"""The unlocked app: a sidebar of the pages that exist, and the page area.

Each page has an id (tests and code find pages by id, never by their visible, translatable
title). Pages are listed in ``shell_pages`` and made on their first visit: unlocking builds the
home page only, so the parent is not kept waiting for eight pages they may not open tonight.
Until then the page area holds an empty stand-in that is never shown (the page is made before
the switch to it).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.checkins.due_banner import DueBanner
from app.ui.drafts_banner import DraftsBanner
from app.ui.session import UnlockedSession
from app.ui.shell_pages import PageSlot, counsellor_slots, family_slots
from app.ui.widgets.common import button

log = logging.getLogger(__name__)


class Shell(QWidget):
    lock_requested = Signal()
    restore_requested = Signal(object)  # a Draft to reopen
    backup_restore_requested = Signal()  # Settings → Restore a backup: lock, then choose
    note_requested = Signal(int)  # a child's card asked for a quick entry: the child's id
    help_requested = Signal()  # a pattern or rule says: open Help now
    edit_entry_requested = Signal(int)  # the journal asked to change an entry: its id
    export_requested = Signal()  # the journal's "Export for a professional…"
    report_requested = Signal(int)  # a plan's "Write a progress report…": the plan's row id

    def __init__(self, session: UnlockedSession, *, autostart=None,
                 tray_available: bool = False) -> None:
        super().__init__()
        self.setObjectName("shell")
        assert session.services is not None and session.controller is not None
        self.services = session.services
        self.controller = controller = session.controller
        self.session = session
        self.autostart, self.tray_available = autostart, tray_available
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Pages"))
        self.sidebar.setFixedWidth(200)
        self.pages = QStackedWidget()
        self._slots = self._page_slots()
        for slot in self._slots:
            self.sidebar.addItem(slot.title)
            self.pages.addWidget(slot.widget if slot.widget is not None else QWidget())
        self._build(0)
        self.sidebar.currentRowChanged.connect(self._show_row)
        self.sidebar.setCurrentRow(0)

        self.lock_button = button(self.tr("Lock"), "lockButton",
                                  accessible=self.tr("Lock Porchlight"))
        self.lock_button.setToolTip(self.tr("Lock Porchlight now (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested)
        # Queued: the shortcut's own key event is still being delivered to this page.
        QShortcut(QKeySequence("Ctrl+L"), self,
                  activated=lambda: QTimer.singleShot(0, self.lock_requested.emit),
                  context=Qt.ShortcutContext.WindowShortcut)

        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 12)
        side.addWidget(self.sidebar, 1)
        side.addWidget(self.lock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        side_host = QWidget()
        side_host.setObjectName("sidebarHost")
        side_host.setLayout(side)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side_host)
        self.banner = DueBanner(controller)
        self.drafts_banner = DraftsBanner(session.pending_drafts, session.discard_draft)
        self.drafts_banner.restore_requested.connect(self.restore_requested)
        session.ops.changed.connect(self.drafts_banner.on_changes)
        from app.ui.journal.inbox_merge import InboxBanner

        self.inbox_banner = InboxBanner()  # "2 notes written while locked — review"
        self.inbox_banner.review_requested.connect(self.review_locked_notes)
        main = QVBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        main.addWidget(self.drafts_banner)
        main.addWidget(self.inbox_banner)
        main.addWidget(self.banner)
        main.addWidget(self.pages, 1)
        layout.addLayout(main, 1)

    def _page_slots(self) -> list[PageSlot]:
        from app.ui.content_access import shipped_library

        content = shipped_library()
        # Chosen at setup; read once on the worker (a few milliseconds) before the pages exist.
        self.workspace = str(self.session.ops.run_now(lambda s: s.plans.workspace())
                             or "family")
        if self.workspace == "counsellor":
            return counsellor_slots(self, content.library)
        return family_slots(self, content)

    def _build(self, row: int) -> QWidget:
        """The page at ``row``, made now if this is its first visit."""
        slot = self._slots[row]
        if slot.widget is None:
            slot.widget = slot.make()
            stand_in = self.pages.widget(row)
            self.pages.insertWidget(row, slot.widget)
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
        return slot.widget

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.pages.setCurrentWidget(self._build(row))

    def open_entry(self, entry_id: int) -> None:
        """From "Why am I seeing this?": the entry, chosen on the journal's timeline."""
        self.show_page("journal").select_entry(entry_id)

    def open_topic(self, topic_id: str) -> None:
        """From a rule's "what to do": the library, showing that topic's starters."""
        self.show_page("library").show_topic(topic_id)

    def review_locked_notes(self) -> None:
        """The journal page, where notes merged from the inbox wait for their child."""
        if "journal" in self.page_ids():
            self.show_page("journal")

    def page_ids(self) -> list[str]:
        return [slot.page_id for slot in self._slots]

    def page_titles(self) -> list[str]:
        return [slot.title for slot in self._slots]

    def page(self, page_id: str) -> QWidget:
        """The page with this id ("family", "checkins", "talks", "library"), made if need be."""
        ids = self.page_ids()
        if page_id not in ids:  # the visible title still works while tests move over
            return self._build(self.page_titles().index(page_id))
        return self._build(ids.index(page_id))

    def is_built(self, page_id: str) -> bool:
        """Whether the page has been made (pages are made on their first visit)."""
        return self._slots[self.page_ids().index(page_id)].widget is not None

    def show_page(self, page_id: str) -> QWidget:
        self.sidebar.setCurrentRow(self.page_ids().index(page_id))
        return self.pages.currentWidget()
