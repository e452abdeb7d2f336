"""The main window's place and its life outside the vault: window.ini, the tray, quick hide.

A mixin of ``MainWindow`` (kept apart so the window's own module stays about its screens and
the lock). ``window.ini`` beside the vault holds only what must work while locked or before
unlocking, never a name or a note: the window's size and place, the country for Help now, the
times of the next reminders, and the parent's "keep running in the tray" choice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, QTimer

from app.storage.data_folder import make_private_dir, make_private_file


class WindowPlace:
    """Needs from the window: ``context``, ``session``, ``shell``, ``tray``, ``checkins``,
    ``_quitting``, ``lock()`` and the QMainWindow it is mixed into."""

    context: Any
    session: Any
    shell: Any
    tray: Any
    checkins: Any
    _quitting: bool

    def _help_country(self) -> str:
        if self.session is not None:
            return self.session.country
        if self.context.folder.window_settings.exists():
            return str(self._settings().value("help/country", "intl"))
        return "intl"

    def _remember_help_country(self) -> None:
        """Keep a copy of the country outside the vault so Help now works while locked."""
        if self.session is not None:
            make_private_dir(self.context.folder.root)
            settings = self._settings()
            settings.setValue("help/country", self.session.country)
            settings.sync()
            make_private_file(self.context.folder.window_settings)

    def _remember_reminder_times(self) -> None:
        """Times only (no names) for reminders while locked; see ``locked_reminders``."""
        from app.core.checkins import upcoming_moments
        from app.ui.checkins.locked_reminders import save_moments

        if self.session is None:
            return
        now = self.context.clock.now()

        def save(moments: list) -> None:
            make_private_dir(self.context.folder.root)
            save_moments(self._settings(), moments)
            make_private_file(self.context.folder.window_settings)

        self.session.ops.read(lambda s: upcoming_moments(
            s.checkins.schedules(), s.checkins.occurrences(status="pending"), now), save,
            owner=self)

    def quick_hide(self) -> None:
        """Someone walked in: every Porchlight window disappears at once, and it locks."""
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible():
                widget.hide()
        if self.tray is not None:
            self.hide()
        else:
            self.showMinimized()  # no tray to come back from: the taskbar keeps it reachable
        # Locked on the next turn of the event loop: the key press is still being delivered.
        QTimer.singleShot(0, self.lock)

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
            self.shell.show_page("talks")

    def quit_for_real(self) -> None:
        self._quitting = True
        self.close()

    def _settings(self) -> QSettings:
        return QSettings(str(self.context.folder.window_settings), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        if self.context.folder.window_settings.exists():
            geometry = self._settings().value("window/geometry")
            if geometry is not None:
                self.restoreGeometry(geometry)

    def save_geometry(self) -> None:
        from app.storage.data_folder import FolderState

        try:
            if self.context.folder.state() is FolderState.FOREIGN:
                return  # someone else's folder: write nothing there, not even the window size
        except OSError:
            return
        make_private_dir(self.context.folder.root)
        settings = self._settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.sync()
        make_private_file(self.context.folder.window_settings)

    def _close_choice(self) -> bool | None:
        """The parent's "keep running in the tray" choice, known only while unlocked."""
        return self.session.close_to_tray if self.session is not None else None

    def _remember_close_choice(self) -> None:
        """A copy outside the vault, so closing while locked still follows the parent's choice."""
        from app.ui.close_to_tray import remember_close_choice

        choice = self._close_choice()
        if choice is not None:
            make_private_dir(self.context.folder.root)
            remember_close_choice(self._settings(), choice)
            make_private_file(self.context.folder.window_settings)

    def _keeps_running_in_tray(self) -> bool:
        from app.ui.close_to_tray import keeps_running_when_closed

        if self._quitting:
            return False
        return keeps_running_when_closed(self._settings(), self.tray is not None,
                                         self._close_choice(), self.context.clock.now())
