"""The main window: setup on a new folder, the unlock screen afterwards, then the app.

This module is imported before the first paint, so it pulls in only Qt and light modules; the
setup flow and the unlocked shell (and with them the storage libraries) load when needed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from app import APP_NAME
from app.storage.data_folder import make_private_dir, make_private_file
from app.ui.context import AppContext
from app.ui.pages.unlock_page import UnlockPage

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
        self.setCentralWidget(self.stack)
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

    def show_unlock(self) -> None:
        self.unlock_page = UnlockPage(self.context)
        self.unlock_page.unlocked.connect(self.show_app)
        self._switch_to(self.unlock_page)

    def show_app(self, services: Any) -> None:
        from app.ui.shell import Shell

        self.services = services
        self.shell = Shell(services)
        self.shell.lock_requested.connect(self.lock)
        self.setup_flow = None
        self.unlock_page = None
        self._switch_to(self.shell)

    def lock(self) -> None:
        """Close the database and forget the key; back to the unlock screen."""
        if self.services is not None:
            self.services.close()
            self.services = None
        self.shell = None
        self.show_unlock()

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        if self.services is not None:
            self.services.close()
            self.services = None
        super().closeEvent(event)
