"""The main window: setup on a new folder, the unlock screen afterwards, then the app.

This module is imported before the first paint, so it pulls in only Qt and light modules; the
setup flow and the unlocked shell (and with them the storage libraries) load when needed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.storage.data_folder import make_private_dir, make_private_file
from app.ui.context import AppContext
from app.ui.pages.unlock_page import UnlockPage
from app.ui.widgets.common import button

HELP_SHORTCUT = "Ctrl+Shift+H"
DEFAULT_SIZE = (1100, 740)
MINIMUM_SIZE = (820, 560)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.context = context
        self.services: Any = None
        self.stack = QStackedWidget()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._top_bar())
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.help_dialog: Any = None
        self.checkins: Any = None  # CheckinController while unlocked
        self.locked_reminders: Any = None  # LockedReminders while locked
        self._quitting = False
        self._told_about_tray = False
        self.tray: Any = None
        if context.use_tray:
            from app.ui.tray import Tray

            tray = Tray(self)
            if tray.available:
                self.tray = tray
                tray.show_requested.connect(self.bring_forward)
                tray.start_requested.connect(self.start_checkin)
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
        self.help_button = button("Help now", "helpNowButton")
        self.help_button.setToolTip(f"What to do if it is happening now ({HELP_SHORTCUT})")
        self.help_button.clicked.connect(self.open_help_now)
        row.addWidget(self.help_button)
        QShortcut(QKeySequence(HELP_SHORTCUT), self, activated=self.open_help_now,
                  context=Qt.ShortcutContext.ApplicationShortcut)
        return bar

    def open_help_now(self) -> None:
        """Help now works everywhere: before setup, locked (no log) and unlocked (with log)."""
        from app.ui.content_access import shipped_library
        from app.ui.help.help_now_dialog import HelpNowDialog

        if self.help_dialog is not None and self.help_dialog.isVisible():
            self.help_dialog.raise_()
            self.help_dialog.activateWindow()
            return
        evidence = self.services.evidence if self.services is not None else None
        self.help_dialog = HelpNowDialog(shipped_library(), self._help_country(), evidence, self)
        self.help_dialog.show()

    def _help_country(self) -> str:
        if self.services is not None:
            return self.services.settings.country().code
        if self.context.folder.window_settings.exists():
            return str(self._settings().value("help/country", "intl"))
        return "intl"

    def _remember_help_country(self) -> None:
        """Keep a copy of the country outside the vault so Help now works while locked."""
        if self.services is not None:
            make_private_dir(self.context.folder.root)
            settings = self._settings()
            settings.setValue("help/country", self.services.settings.country().code)
            settings.sync()
            make_private_file(self.context.folder.window_settings)

    def _remember_reminder_times(self) -> None:
        """Times only (no names) for reminders while locked; see ``locked_reminders``."""
        from app.core.checkins import upcoming_moments
        from app.ui.checkins.locked_reminders import save_moments

        if self.services is None:
            return
        store = self.services.checkins
        moments = upcoming_moments(store.schedules(), store.occurrences(status="pending"),
                                   self.context.clock.now())
        make_private_dir(self.context.folder.root)
        save_moments(self._settings(), moments)
        make_private_file(self.context.folder.window_settings)

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

        self.setup_flow = SetupFlow(self.context)
        self.setup_flow.completed.connect(self.show_app)
        self._switch_to(self.setup_flow)

    def _notifier(self) -> Any:
        if self.context.notifier is None:
            from app.desktop.notifications import NativeNotifier

            self.context.notifier = NativeNotifier()
        return self.context.notifier

    def show_unlock(self) -> None:
        from app.ui.checkins.locked_reminders import LockedReminders

        self.locked_reminders = LockedReminders(self._settings(), self.context.clock,
                                                self._notifier(), self)
        self.locked_reminders.start()
        self.unlock_page = UnlockPage(self.context)
        self.unlock_page.unlocked.connect(self.show_app)
        self._switch_to(self.unlock_page)

    def show_app(self, services: Any) -> None:
        from app.desktop.autostart import Autostart
        from app.ui.checkins.controller import CheckinController
        from app.ui.shell import Shell

        self.services = services
        self._remember_help_country()
        if self.locked_reminders is not None:
            self.locked_reminders.stop()
            self.locked_reminders = None
        self.checkins = CheckinController(services, self._notifier(), self)
        self.checkins.dialog_parent = self
        self.checkins.changed.connect(self._remember_reminder_times)
        if self.tray is not None:
            self.checkins.attention.connect(self.tray.set_attention)
        autostart = self.context.autostart or Autostart()
        self.shell = Shell(services, self.checkins,
                           autostart=autostart if autostart.supported() else None,
                           tray_available=self.tray is not None)
        self.shell.lock_requested.connect(self.lock)
        self.setup_flow = None
        self.unlock_page = None
        self._switch_to(self.shell)
        self.checkins.start_engine()

    def _close_vault(self) -> None:
        if self.checkins is not None:
            self.checkins.stop()
            self.checkins = None
        if self.tray is not None:
            self.tray.set_attention(False)
        if self.services is not None:
            self.services.close()
            self.services = None

    def lock(self) -> None:
        """Close the database and forget the key; back to the unlock screen."""
        self._close_vault()
        self.shell = None
        self.show_unlock()

    def bring_forward(self) -> None:
        """Show the window in front: from the tray, or when Porchlight is started again."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def start_checkin(self) -> None:
        """From the tray: the due check-in if there is one, else the Talks page to pick a child."""
        self.bring_forward()
        if self.checkins is None or self.shell is None:
            return
        if self.checkins.due:
            self.checkins.start(self.checkins.due[0])
        else:
            self.shell.sidebar.setCurrentRow(self.shell.page_titles().index("Talks"))

    def quit_for_real(self) -> None:
        self._quitting = True
        self.close()

    # --- window state ----------------------------------------------------------------------

    def _settings(self) -> QSettings:
        return QSettings(str(self.context.folder.window_settings), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        if self.context.folder.window_settings.exists():
            geometry = self._settings().value("window/geometry")
            if geometry is not None:
                self.restoreGeometry(geometry)

    def save_geometry(self) -> None:
        make_private_dir(self.context.folder.root)
        settings = self._settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.sync()
        make_private_file(self.context.folder.window_settings)

    def _keeps_running_in_tray(self) -> bool:
        return (not self._quitting and self.tray is not None and self.services is not None
                and self.services.settings.get("window.close_to_tray") != "0")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        if self._keeps_running_in_tray():
            event.ignore()
            self.hide()
            if not self._told_about_tray and self.tray.icon is not None:
                self._told_about_tray = True
                self.tray.icon.showMessage(APP_NAME, "Porchlight keeps running here so your "
                                           "check-in reminders still come.")
            return
        self._close_vault()
        super().closeEvent(event)
        if self.tray is not None:
            from PySide6.QtWidgets import QApplication

            QApplication.quit()
