"""The unlocked app: a sidebar of the pages that exist, and the page area.

Only built pages are listed. Each page is a widget with a ``title`` and an ``objectName`` that
serves as its id (tests and code find pages by id, never by their visible, translatable title);
adding one later means adding it to ``_build_pages`` and nothing else.
"""

from __future__ import annotations

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
from app.ui.pages.family_page import FamilyPage
from app.ui.session import UnlockedSession
from app.ui.widgets.common import button

PAGE_IDS = {"familyPage": "family", "checkinsPage": "checkins", "talksPage": "talks",
            "libraryPage": "library", "settingsPage": "settings"}


class Shell(QWidget):
    lock_requested = Signal()
    restore_requested = Signal(object)  # a Draft to reopen
    backup_restore_requested = Signal()  # Settings → Restore a backup: lock, then choose
    note_requested = Signal(int)  # a child's card asked for a quick entry: the child's id
    edit_entry_requested = Signal(int)  # the journal asked to change an entry: its id

    def __init__(self, session: UnlockedSession, *, autostart=None,
                 tray_available: bool = False) -> None:
        super().__init__()
        self.setObjectName("shell")
        assert session.services is not None and session.controller is not None
        self.services = session.services
        self.controller = controller = session.controller
        self.session = session
        self._autostart, self._tray_available = autostart, tray_available
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Pages"))
        self.sidebar.setFixedWidth(200)
        self.pages = QStackedWidget()
        self._ids: list[str] = []
        for page in self._build_pages():
            self.sidebar.addItem(page.title)
            self.pages.addWidget(page)
            self._ids.append(PAGE_IDS.get(page.objectName(), page.objectName()))
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sidebar.setCurrentRow(0)
        family = self.page("family") if "family" in self._ids else None
        if family is not None and hasattr(family, "note_requested"):
            family.note_requested.connect(self.note_requested)

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

    def _build_pages(self) -> list[QWidget]:
        from app.ui.content_access import shipped_library
        from app.ui.pages.checkins_page import CheckinsPage
        from app.ui.pages.library_page import LibraryPage

        checkins = CheckinsPage(self.session)
        from app.ui.pages.talks_page import TalksPage

        content = shipped_library()
        family = FamilyPage(self.session.ops, self.services.vault.clock,
                            start_talk=lambda child_id: self.controller.start(None, (child_id,)))
        talks = TalksPage(self.session.ops, self.controller, content.library)
        library = LibraryPage(self.session.ops, content)
        from app.ui.settings.settings_page import SettingsPage

        settings = SettingsPage(self.session, autostart=self._autostart,
                                tray_available=self._tray_available)
        settings.restore_requested.connect(self.backup_restore_requested)
        return [family, checkins, talks, library, settings]

    def review_locked_notes(self) -> None:
        """The journal page, where notes merged from the inbox wait for their child."""
        if "journal" in self._ids:
            self.show_page("journal")

    def page_ids(self) -> list[str]:
        return list(self._ids)

    def page_titles(self) -> list[str]:
        return [self.sidebar.item(i).text() for i in range(self.sidebar.count())]

    def page(self, page_id: str) -> QWidget:
        """The page with this id ("family", "checkins", "talks", "library")."""
        if page_id not in self._ids:  # the visible title still works while tests move over
            return self.pages.widget(self.page_titles().index(page_id))
        return self.pages.widget(self._ids.index(page_id))

    def show_page(self, page_id: str) -> QWidget:
        self.sidebar.setCurrentRow(self._ids.index(page_id))
        return self.pages.currentWidget()
