"""Starting the GUI: the application object, the theme, the first window, and --smoke.

The first window is shown before anything heavy is imported; the storage and crypto libraries
are then loaded on a background thread while the parent reads the screen, so unlocking does not
wait for them.

Before anything else, errors get their safety net: the local log (types and code locations
only, in the data folder) and a hook that turns an uncaught error into a calm message instead
of a silent failure or a traceback. Both are taken down again when ``run_app`` returns.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME, __version__, local_log
from app.storage.data_folder import DataFolder, resolve_data_dir
from app.ui.app_icon import give_app_icon
from app.ui.context import AppContext
from app.ui.crash_dialog import CrashReporter
from app.ui.i18n import install_translators
from app.ui.main_window import MainWindow
from app.ui.theme import apply_theme, follow_the_system

SCHEME_CHECK_MS = 300
HEAVY_MODULES = ("app.storage.vault", "app.storage.services", "app.ui.shell",
                 "app.ui.setup.flow", "zxcvbn")


def create_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Fusion chosen on the command line, as Qt reads it: choosing it afterwards with
        # setStyle() hands Python a QStyle, and building its enums cost ~5 ms before the paint.
        app = QApplication([*argv, "-style", "fusion"])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # the icon itself comes after the first paint (app_icon)
    install_translators(app)  # before any window is built, so every tr() sees it
    apply_theme(app, set_style=app is existing)
    return app


def preload_heavy_modules() -> None:
    """Import what unlocking needs, off the GUI thread, after the first paint."""
    import importlib
    import threading

    def load() -> None:
        for name in HEAVY_MODULES:
            importlib.import_module(name)

    threading.Thread(target=load, name="preload", daemon=True).start()


def _demo_context() -> tuple[AppContext, Path]:
    import tempfile

    from app.storage.demo import DEMO_PASSPHRASE, create_demo

    root = Path(tempfile.mkdtemp(prefix="porchlight-demo-"))
    folder = create_demo(root / "data")
    return AppContext(folder, demo_passphrase=DEMO_PASSPHRASE), root


def run_app(args: argparse.Namespace) -> int:
    """The GUI, inside its safety net: the local log and the calm uncaught-error message."""
    local_log.configure(None)  # stderr until the data folder is known
    # --smoke never waits on a dialog; tests never get here, so pytest-qt keeps its own hook.
    reporter = CrashReporter(show_dialog=not args.smoke)
    reporter.install()
    try:
        return _run_app(args)
    finally:
        reporter.uninstall()
        local_log.unconfigure()


def _own_folder(folder: DataFolder) -> DataFolder:
    """A folder of someone else's files that already holds Porchlight inside: use that one."""
    from app.storage.data_folder import FolderState, suggest_subfolder

    try:
        if folder.state() is FolderState.FOREIGN:
            inside = suggest_subfolder(folder)
            if inside.state() is not FolderState.NEW:
                return inside
    except OSError:
        pass  # an unreadable folder is named by the unlock or setup screen
    return folder


def _is_ours(folder: DataFolder) -> bool:
    from app.storage.data_folder import FolderState

    try:
        return folder.state() is not FolderState.FOREIGN
    except OSError:
        return True


def _run_app(args: argparse.Namespace) -> int:
    app = create_application(sys.argv[:1])
    from app.ui.collector import GuiThreadCollector

    GuiThreadCollector(parent=app)  # no cycle collection on the database worker
    demo_root: Path | None = None
    if args.demo:
        context, demo_root = _demo_context()
    else:
        context = AppContext(_own_folder(DataFolder(resolve_data_dir(args.data_dir))))
    ours = _is_ours(context.folder)  # never write a log or a lock into someone else's folder
    if not args.smoke:  # --smoke leaves no file behind
        local_log.configure(context.folder.root if ours else None)
    instance = None
    if not args.smoke and ours:
        from app.desktop.single_instance import SingleInstance

        instance = SingleInstance(context.folder.root)
        from app.desktop.single_instance import ClaimResult

        claim = instance.claim()
        if claim is ClaimResult.CANNOT_LOCK:
            from app.ui import messages

            print(messages.CANNOT_TAKE_LOCK, file=sys.stderr)
            if not args.minimized:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(None, APP_NAME, messages.translated(messages.CANNOT_TAKE_LOCK))
            return 1
        if claim is ClaimResult.ALREADY_RUNNING:
            print("Porchlight is already running; bringing its window forward.")
            return 0
    window = MainWindow(context)
    if instance is not None:
        instance.show_requested.connect(window.bring_forward)
    if window.tray is not None:
        app.setQuitOnLastWindowClosed(False)  # the tray keeps it running; Quit is in its menu
    if not args.minimized:
        window.show()
    elif window.tray is None:
        window.showMinimized()  # no tray to wait in: start minimised instead of hidden
    try:
        if args.smoke:
            return _smoke(app, window)
        QTimer.singleShot(0, give_app_icon)
        QTimer.singleShot(0, preload_heavy_modules)
        # Well after the first paint: Qt's exact light/dark answer (see theme.py).
        QTimer.singleShot(SCHEME_CHECK_MS, lambda: follow_the_system(app))
        return app.exec()
    finally:
        if instance is not None:
            instance.release()
        if demo_root is not None:
            import shutil

            shutil.rmtree(demo_root, ignore_errors=True)


def _smoke(app: QApplication, window: MainWindow) -> int:
    """Paint the first window once and leave: proves the app starts, in CI and in packages."""
    app.processEvents()
    window.repaint()
    image = window.grab()
    app.processEvents()
    if image.isNull():
        print("smoke: the first window did not paint", file=sys.stderr)
        return 1
    print(f"smoke: painted {image.width()}x{image.height()}")
    # Hidden, not closed: closing saves the window's place in window.ini, and --smoke leaves
    # no file behind (not even a new data folder).
    window.hide()
    return 0
