"""The unlocked app: a sidebar of the pages that exist, and the page area.

Only built pages are listed. Each page is a widget with a ``title`` and an ``objectName`` that
serves as its id (tests and code find pages by id, never by their visible, translatable title);
adding one later means adding it to ``_build_pages`` and nothing else.
"""

from __future__ import annotations

import logging
from typing import Any

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

log = logging.getLogger(__name__)

PAGE_IDS = {"familyPage": "family", "checkinsPage": "checkins", "journalPage": "journal",
            "trendsPanel": "trends", "rulesPage": "rules", "talksPage": "talks",
            "libraryPage": "library", "settingsPage": "settings", "plansPage": "plans",
            "builderPage": "builder", "templatesPage": "templates", "reportsPage": "reports"}


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
        from app.ui.settings.settings_page import SettingsPage

        content = shipped_library()
        settings = SettingsPage(self.session, autostart=self._autostart,
                                tray_available=self._tray_available)
        settings.restore_requested.connect(self.backup_restore_requested)
        # Chosen at setup; read once on the worker (a few milliseconds) before the pages exist.
        self.workspace = str(self.session.ops.run_now(lambda s: s.plans.workspace())
                             or "family")
        if self.workspace == "counsellor":
            return [*self._counsellor_pages(content.library), settings]
        return [*self._family_pages(content), settings]

    def _counsellor_pages(self, library: Any) -> list[QWidget]:
        """The plan builder, templates and saved plans, and reports received: no family data."""
        from app.ui.counsellor import counsellor_pages

        pages = counsellor_pages(self.session.ops, self.services.vault.clock, library)
        builder = pages[0]
        builder.show_requested.connect(lambda: self.show_page("builder"))
        return pages

    def _family_pages(self, content: Any) -> list[QWidget]:
        from app.ui.pages.checkins_page import CheckinsPage
        from app.ui.pages.library_page import LibraryPage
        from app.ui.pages.talks_page import TalksPage

        checkins = CheckinsPage(self.session)
        family = FamilyPage(self.session.ops, self.services.vault.clock,
                            start_talk=lambda child_id: self.controller.start(None, (child_id,)))
        talks = TalksPage(self.session.ops, self.controller, content.library)
        library = LibraryPage(self.session.ops, content)
        journal, trends, rules = self._journal_pages(family, content.library)
        from app.ui.plans.plans_page import PlansPage

        plans = PlansPage(self.session.ops, self.services.vault.clock, content.library)
        plans.window_opened.connect(self.session.adopt)  # a lock closes them with the rest
        plans.report_requested.connect(self.report_requested)
        return [family, checkins, journal, trends, rules, plans, talks, library]

    def _journal_pages(self, family: FamilyPage, library: Any) -> list[QWidget]:
        """The journal, its trends and its rules; a pattern card on the home page and the
        journal (a rules file that cannot be read leaves the rules out, never the journal)."""
        from app.core.journal.rules import RulesError, load_rules
        from app.paths import shipped_content_dir
        from app.ui.journal.journal_page import JournalPage
        from app.ui.journal.pattern_card import PatternCard
        from app.ui.journal.rules_page import RulesPage
        from app.ui.journal.trends_panel import TrendsPanel

        ops, clock = self.session.ops, self.services.vault.clock
        try:
            rules = load_rules(shipped_content_dir() / "rules.toml")
        except (RulesError, OSError):
            log.error("pattern rules not loaded")
            rules = []
        journal = JournalPage(ops, clock, library, edit_entry=self.edit_entry_requested.emit)
        journal.export_requested.connect(self.export_requested)
        journal.window_opened.connect(self.session.adopt)  # a lock closes it with the rest
        trends = TrendsPanel(ops, clock, library)
        rules_page = RulesPage(ops, clock, rules, library)
        rules_page.open_topic.connect(self.open_topic)
        rules_page.open_help_now.connect(self.help_requested)
        for host, first_shown in ((family, 1), (journal, 0)):
            card = PatternCard(ops, clock, rules, library, first_shown=first_shown)
            card.open_entry.connect(self.open_entry)
            card.open_topic.connect(self.open_topic)
            card.open_help_now.connect(self.help_requested)
            host.show_on_top(card)
        return [journal, trends, rules_page]

    def open_entry(self, entry_id: int) -> None:
        """From "Why am I seeing this?": the entry, chosen on the journal's timeline."""
        self.show_page("journal").select_entry(entry_id)

    def open_topic(self, topic_id: str) -> None:
        """From a rule's "what to do": the library, showing that topic's starters."""
        self.show_page("library").show_topic(topic_id)

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
