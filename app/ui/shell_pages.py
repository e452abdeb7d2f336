"""The pages of the unlocked app: their ids, their sidebar titles, and how each one is made.

A page is made the first time it is shown, not at unlock: the parent waits only for the home
page (the family, or a counsellor's plan builder), and each other page reads its own data when
first opened. So the sidebar's titles live here, translated in the page's own context (the same
words the page gives itself), and each slot holds the function that makes its page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.shell import Shell

log = logging.getLogger(__name__)


@dataclass
class PageSlot:
    """One sidebar entry: made on first visit (``widget`` is then kept)."""

    page_id: str
    title: str
    make: Callable[[], QWidget]
    widget: QWidget | None = None


def _title(context: str, words: str) -> str:
    return QCoreApplication.translate(context, words)


def family_slots(shell: Shell, content: Any) -> list[PageSlot]:
    """The family's pages, in sidebar order; the home page first."""
    library = content.library
    rules = _pattern_rules()
    return [
        PageSlot("family", _title("FamilyPage", "Family"),
                 lambda: _family(shell, library, rules)),
        PageSlot("checkins", _title("CheckinsPage", "Check-ins"), lambda: _checkins(shell)),
        PageSlot("journal", _title("JournalPage", "Journal"),
                 lambda: _journal(shell, library, rules)),
        PageSlot("trends", _title("TrendsPanel", "Trends"), lambda: _trends(shell, library)),
        PageSlot("rules", _title("RulesPage", "Rules"), lambda: _rules(shell, library, rules)),
        PageSlot("plans", _title("PlansPage", "Plans"), lambda: _plans(shell, library)),
        PageSlot("talks", _title("TalksPage", "Talks"), lambda: _talks(shell, library)),
        PageSlot("library", _title("LibraryPage", "Library"), lambda: _library(shell, content)),
        settings_slot(shell),
    ]


def counsellor_slots(shell: Shell, library: Any) -> list[PageSlot]:
    """The plan builder, templates and saved plans, reports received: no family data. The three
    are made together (opening a template fills the builder)."""
    from app.ui.counsellor import counsellor_pages

    pages = counsellor_pages(shell.session.ops, shell.services.vault.clock, library)
    builder = pages[0]
    builder.show_requested.connect(lambda: shell.show_page("builder"))
    slots = [PageSlot(page.objectName().removesuffix("Page"), page.title, lambda p=page: p, page)
             for page in pages]
    return [*slots, settings_slot(shell)]


def settings_slot(shell: Shell) -> PageSlot:
    def make() -> QWidget:
        from app.ui.settings.settings_page import SettingsPage

        page = SettingsPage(shell.session, autostart=shell.autostart,
                            tray_available=shell.tray_available)
        page.restore_requested.connect(shell.backup_restore_requested)
        return page

    return PageSlot("settings", _title("SettingsPage", "Settings"), make)


_shipped_rules: list[tuple[Any, ...]] = []  # the shipped rules, once read


def _pattern_rules() -> list[Any]:
    """The shipped pattern rules, read once per run: the file ships with Porchlight and does not
    change while it runs, and reading it took about 6 ms of every unlock. A rules file that
    cannot be read leaves the patterns out, never the journal (and is tried again next time)."""
    if not _shipped_rules:
        from app.core.journal.rules import RulesError, load_rules
        from app.paths import shipped_content_dir

        try:
            _shipped_rules.append(tuple(load_rules(shipped_content_dir() / "rules.toml")))
        except (RulesError, OSError):
            log.error("pattern rules not loaded")
            return []
    return list(_shipped_rules[0])


def _pattern_card(shell: Shell, host: Any, library: Any, rules: list[Any],
                  first_shown: int) -> None:
    """The calm "a pattern worth a talk" card, on top of ``host`` (the home page, the journal)."""
    from app.ui.journal.pattern_card import PatternCard

    card = PatternCard(shell.session.ops, shell.services.vault.clock, rules, library,
                       first_shown=first_shown)
    card.open_entry.connect(shell.open_entry)
    card.open_topic.connect(shell.open_topic)
    card.open_help_now.connect(shell.help_requested)
    host.show_on_top(card)


def _family(shell: Shell, library: Any, rules: list[Any]) -> QWidget:
    from app.ui.pages.family_page import FamilyPage

    controller = shell.controller
    page = FamilyPage(shell.session.ops, shell.services.vault.clock,
                      start_talk=lambda child_id: controller.start(None, (child_id,)))
    page.note_requested.connect(shell.note_requested)
    _pattern_card(shell, page, library, rules, first_shown=1)
    return page


def _checkins(shell: Shell) -> QWidget:
    from app.ui.pages.checkins_page import CheckinsPage

    return CheckinsPage(shell.session)


def _journal(shell: Shell, library: Any, rules: list[Any]) -> QWidget:
    from app.ui.journal.journal_page import JournalPage

    page = JournalPage(shell.session.ops, shell.services.vault.clock, library,
                       edit_entry=shell.edit_entry_requested.emit)
    page.export_requested.connect(shell.export_requested)
    page.window_opened.connect(shell.session.adopt)  # a lock closes it with the rest
    _pattern_card(shell, page, library, rules, first_shown=0)
    return page


def _trends(shell: Shell, library: Any) -> QWidget:
    from app.ui.journal.trends_panel import TrendsPanel

    return TrendsPanel(shell.session.ops, shell.services.vault.clock, library)


def _rules(shell: Shell, library: Any, rules: list[Any]) -> QWidget:
    from app.ui.journal.rules_page import RulesPage

    page = RulesPage(shell.session.ops, shell.services.vault.clock, rules, library)
    page.open_topic.connect(shell.open_topic)
    page.open_help_now.connect(shell.help_requested)
    return page


def _plans(shell: Shell, library: Any) -> QWidget:
    from app.ui.plans.plans_page import PlansPage

    page = PlansPage(shell.session.ops, shell.services.vault.clock, library)
    page.window_opened.connect(shell.session.adopt)  # a lock closes them with the rest
    page.report_requested.connect(shell.report_requested)
    return page


def _talks(shell: Shell, library: Any) -> QWidget:
    from app.ui.pages.talks_page import TalksPage

    return TalksPage(shell.session.ops, shell.controller, library)


def _library(shell: Shell, content: Any) -> QWidget:
    from app.ui.pages.library_page import LibraryPage

    return LibraryPage(shell.session.ops, content)
