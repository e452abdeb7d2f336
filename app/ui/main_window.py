"""The main window: setup on a new folder, the unlock screen afterwards, then the app.

This module is imported before the first paint, so it pulls in only Qt and light modules; the
setup flow and the unlocked shell (and with them the storage libraries) load when needed.
While unlocked, an ``UnlockedSession`` owns everything that holds vault data; locking (the
button, Ctrl+L, the tray, idle time, waking from sleep, quick hide) ends it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.ui.context import AppContext
from app.ui.widgets.common import app_shortcut, button
from app.ui.window_journal import JournalWindowActions
from app.ui.window_place import WindowPlace

if TYPE_CHECKING:  # imported where used: a new folder's first screen needs no unlock page
    from PySide6.QtGui import QCloseEvent  # its type (with QEvent's 170 kinds) costs 1.6 ms

    from app.ui.pages.unlock_page import UnlockPage

HELP_SHORTCUT = "Ctrl+Shift+H"
NOTE_SHORTCUT = "Ctrl+J"
NOTED_SHOWN_MS = 6000  # how long "Noted in your journal." stays in the top bar
QUICK_HIDE_SHORTCUT = "Ctrl+Shift+Q"
DEFAULT_SIZE = (1100, 740)
MINIMUM_SIZE = (820, 560)


class MainWindow(JournalWindowActions, WindowPlace, QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.context = context
        self.session: Any = None  # UnlockedSession while unlocked
        self.stack = QStackedWidget()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._top_bar())
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.help_dialog: Any = None
        self.locked_note: Any = None  # the quick entry while locked (sealed into the inbox)
        self.locked_reminders: Any = None  # LockedReminders while locked
        self._quitting = False
        self._told_about_tray = False
        self._told_about_permissions = False
        self.screen_watch: Any = None
        self.tray: Any = None
        # Asked first: where there is no tray, its module (and its icon drawing) never loads.
        if context.use_tray and QSystemTrayIcon.isSystemTrayAvailable():
            from app.ui.tray import Tray

            tray = Tray(self)
            if tray.available:
                self.tray = tray
                tray.show_requested.connect(self.bring_forward)
                tray.start_requested.connect(self.start_checkin)
                tray.hide_requested.connect(self.quick_hide)
                tray.lock_requested.connect(self.lock)
                tray.note_requested.connect(self.note_something)
                tray.quit_requested.connect(self.quit_for_real)
        self.setMinimumSize(*MINIMUM_SIZE)
        self.resize(*DEFAULT_SIZE)
        self._restore_geometry()
        self.shell: Any = None
        self.setup_flow: Any = None
        self.unlock_page: UnlockPage | None = None
        if context.folder.is_set_up():
            self.show_unlock()
        else:
            self.show_setup()

    def _top_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("topBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(16, 8, 16, 8)
        name = QLabel(APP_NAME)
        name.setObjectName("appName")
        row.addWidget(name)
        row.addStretch(1)
        self.noted = QLabel()  # a short, calm confirmation after a quick entry is saved
        self.noted.setObjectName("okMessage")
        self.noted.setAccessibleName(self.tr("Journal note saved"))
        self.noted.hide()
        self._noted_timer = QTimer(self, singleShot=True, interval=NOTED_SHOWN_MS)
        self._noted_timer.timeout.connect(self.noted.hide)
        row.addWidget(self.noted)
        self.note_button = button(self.tr("Note something"), "noteSomethingButton",
                                  accessible=self.tr("Note something in the journal"))
        self.note_button.setToolTip(self.tr("Write down a worry in a few seconds ({keys})")
                                    .format(keys=NOTE_SHORTCUT))
        self.note_button.clicked.connect(lambda: self.note_something())
        self.note_button.hide()  # shown while unlocked; the unlock page has its own
        row.addWidget(self.note_button)
        app_shortcut(NOTE_SHORTCUT, self, lambda: self.note_something())
        self.help_button = button(self.tr("Help now"), "helpNowButton")
        self.help_button.setToolTip(self.tr("What to do if it is happening now ({keys})").format(
            keys=HELP_SHORTCUT))
        self.help_button.clicked.connect(self.open_help_now)
        row.addWidget(self.help_button)
        app_shortcut(HELP_SHORTCUT, self, self.open_help_now)
        app_shortcut(QUICK_HIDE_SHORTCUT, self, self.quick_hide)
        return bar

    @property
    def services(self) -> Any:
        return self.session.services if self.session is not None else None

    @property
    def checkins(self) -> Any:
        """The check-in controller while unlocked, else None."""
        return self.session.controller if self.session is not None else None

    def open_help_now(self, urgent: bool = False) -> Any:
        """Help now works everywhere: before setup, locked (no log) and unlocked (with log).

        ``urgent`` (a self-harm sign was just noted) puts the country's crisis lines first."""
        from app.ui.content_access import shipped_library
        from app.ui.help.help_now_dialog import HelpNowDialog

        if self.help_dialog is not None and self.help_dialog.isVisible():
            if urgent:
                self.help_dialog.show_crisis_first()
            self.help_dialog.raise_()
            self.help_dialog.activateWindow()
            return self.help_dialog
        ops = self.session.ops if self.session is not None else None
        self.help_dialog = HelpNowDialog(shipped_library(), self._help_country(), ops, self,
                                         urgent=urgent)
        if self.session is not None:
            self.session.adopt(self.help_dialog, "evidence")
            self.help_dialog.evidence_log.deleted.connect(self._offer_backup_cleanup)
        self.help_dialog.show()
        return self.help_dialog

    # --- screens ---------------------------------------------------------------------------

    def _switch_to(self, widget: QWidget) -> None:
        old = self.stack.currentWidget()
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        widget.setFocus()

    def show_setup(self) -> None:
        from app.ui.setup.flow import SetupFlow

        # Made inside the window's stack: its page is built in place, never moved in whole.
        self.setup_flow = SetupFlow(self.context, parent=self.stack)
        self.setup_flow.completed.connect(self.show_app)
        self.setup_flow.imported.connect(self.show_unlock)
        self._switch_to(self.setup_flow)

    def _notifier(self) -> Any:
        if self.context.notifier is None:
            from app.desktop.notifications import NativeNotifier

            self.context.notifier = NativeNotifier()
        return self.context.notifier

    def show_unlock(self) -> None:
        from app.ui.checkins.locked_reminders import LockedReminders
        from app.ui.pages.unlock_page import UnlockPage

        self.locked_reminders = LockedReminders(self._settings(), self.context.clock,
                                                self._notifier(), self)
        self.locked_reminders.start()
        self.unlock_page = UnlockPage(self.context, parent=self.stack)  # built in place
        self.unlock_page.unlocked.connect(self.show_app)
        self.unlock_page.note_requested.connect(self.note_something)
        self.note_button.hide()
        self._switch_to(self.unlock_page)

    def show_app(self, services: Any) -> None:
        from app.desktop.autostart import Autostart
        from app.ui.session import UnlockedSession
        from app.ui.shell import Shell

        if self.locked_reminders is not None:
            self.locked_reminders.stop()
            self.locked_reminders = None
        if self.help_dialog is not None:  # the locked Help now has no log: reopen it with one
            self.help_dialog.close()
            self.help_dialog = None
        self.session = UnlockedSession(services, self._notifier(),
                                       idle_seconds=self.context.idle_seconds, parent=self)
        self.session.facts_ready.connect(self._remember_help_country)
        self.session.facts_ready.connect(self._remember_close_choice)
        self.session.idle_timeout.connect(self.lock)
        self.session.whole_file_damaged.connect(self._whole_file_damaged)
        checkins = self.session.controller
        checkins.dialog_parent = self
        checkins.changed.connect(self._remember_reminder_times)
        checkins.help_requested.connect(self.open_help_now)
        checkins.engine.heartbeat.woke.connect(self._woke)
        self._watch_screen_lock()
        if self.tray is not None:
            checkins.attention.connect(self.tray.set_attention)
        autostart = self.context.autostart or Autostart()
        self.shell = Shell(self.session,
                           autostart=autostart if autostart.supported() else None,
                           tray_available=self.tray is not None)
        self.shell.lock_requested.connect(self.lock)
        self.shell.restore_requested.connect(self.restore_draft)
        self.shell.backup_restore_requested.connect(self.restore_from_backup)
        self.shell.note_requested.connect(lambda child_id: self.note_something(child_id,
                                                                               from_card=True))
        self.shell.edit_entry_requested.connect(self.edit_journal_entry)
        self.shell.export_requested.connect(self.export_journal)
        self.shell.report_requested.connect(self.write_plan_report)
        self.shell.help_requested.connect(lambda: self.open_help_now(urgent=True))
        self.setup_flow = None
        self.unlock_page = None
        self._switch_to(self.shell)
        self.note_button.setVisible(not self._counsellor())
        checkins.start_engine()
        self._merge_locked_notes()
        self._carry_locked_note_over()
        if self.context.backup_delay_ms is not None:
            QTimer.singleShot(self.context.backup_delay_ms, self.session,
                              self.session.backup_if_due)
        self._warn_about_permissions()
        self.session.check_whole_file_when_idle()

    def _whole_file_damaged(self) -> None:
        """The check after unlocking found damage: lock (drafts kept) and say so, with the
        backup offer; the next unlock checks the whole file first and will not open it."""
        from app.storage.errors import DATABASE, DamagedVault

        self.lock()
        if self.unlock_page is not None:
            self.unlock_page.show_problem(DamagedVault(DATABASE, "found after unlocking"))

    def _watch_screen_lock(self) -> None:
        """Lock with the computer's screen, where the desktop announces it (once per run)."""
        if self.screen_watch is None:
            from app.desktop.screen_lock import ScreenLockWatch

            self.screen_watch = ScreenLockWatch(self.context.screen_bus, parent=self)
            self.screen_watch.screen_locked.connect(self.lock)

    def _woke(self) -> None:
        """The computer slept (or its clock jumped): lock, unless the parent turned that off."""
        if self.session is not None and self.session.locks_on_sleep():
            self.lock()

    def _warn_about_permissions(self) -> None:
        """Once per run: the folder's file system would not make the files private."""
        warning = getattr(self.context.folder, "permission_warning", None)
        if warning and not self._told_about_permissions:
            self._told_about_permissions = True
            from PySide6.QtWidgets import QMessageBox

            from app.ui import messages

            QMessageBox.information(self, self.tr("About your data folder"),
                                    messages.translated(messages.PERMISSIONS_NOT_TIGHTENED))

    def restore_from_backup(self) -> None:
        """From Settings: lock first (a restore needs the vault closed), then choose a backup."""
        self.lock()
        if self.unlock_page is not None:
            self.unlock_page.open_restore()

    def _offer_backup_cleanup(self) -> None:
        from app.ui.backup_offer import offer_to_drop_backups

        if self.session is not None and self.help_dialog is not None:
            offer_to_drop_backups(self.help_dialog, self.session.ops)

    def restore_draft(self, draft: Any) -> None:
        """Reopen a window with the words kept when Porchlight last locked."""
        if self.session is None:
            return
        if draft.kind == "talk":
            if not self.session.controller.resume(draft.id, draft.payload):
                self.session.discard_draft(draft.id)  # its child is gone: nothing to go back to
            return
        if draft.kind == "evidence":
            dialog = self.open_help_now()
            if self.session.window_of_kind("evidence") is dialog:
                self.session.adopt(dialog, "evidence", draft.id)
            dialog.restore_draft(draft.payload)
        if draft.kind == "journal-entry":
            self._restore_journal_draft(draft)

    def _close_vault(self) -> None:
        if self.tray is not None:
            self.tray.set_attention(False)
        if self.session is not None:
            self._remember_close_choice()
            session, self.session = self.session, None
            if self.help_dialog is not None and self.help_dialog in session.windows():
                self.help_dialog = None
            session.end()

    def lock(self) -> None:
        """Keep drafts, close every window showing vault data, forget the key; unlock screen."""
        if self.session is None:
            return
        from app.desktop.memory import give_back_freed_memory

        self._close_vault()
        shell, self.shell = self.shell, None
        self.note_button.hide()
        self.noted.hide()
        self.show_unlock()
        del shell
        give_back_freed_memory()  # the vault's page cache, freed just now (see memory.py)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        if self._keeps_running_in_tray():
            event.ignore()
            self.hide()
            if not self._told_about_tray and self.tray.icon is not None:
                self._told_about_tray = True
                self.tray.icon.showMessage(APP_NAME, self.tr(
                    "Porchlight keeps running here so your check-in reminders still come."))
            return
        self._close_vault()
        super().closeEvent(event)
        if self.tray is not None:
            from PySide6.QtWidgets import QApplication

            QApplication.quit()
