"""When something unexpected breaks: a calm message, a local record, and nothing exposed.

Installed as ``sys.excepthook`` and ``threading.excepthook`` by ``run_app`` (never in tests,
so pytest-qt still fails a test whose slot raises). An uncaught error is written to the local
log as its type and code locations only (``app.local_log``) and, when a window can be shown, a
short message says that nothing saved was lost and what to do next. The traceback is never put
on screen; "Copy details for support" copies the same type-and-locations text as the log.

The hook must never make things worse: an error inside it falls back to one line on stderr
naming the error's type, and a second error while the message is open adds to it instead of
opening another window.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import APP_NAME, __version__
from app.local_log import describe
from app.ui.translate import _tr
from app.ui.widgets.common import body_label, button, title_label

log = logging.getLogger("porchlight.crash")


def support_details(exc_type: type[BaseException], error: BaseException | None,
                    tb: TracebackType | None) -> str:
    """What "Copy details for support" copies: version, error types, code locations."""
    return f"{APP_NAME} {__version__}\n{describe(exc_type, error, tb)}"


class CrashDialog(QDialog):
    """The calm message. One at a time; later errors are added to its support details."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(_tr("Something went wrong"))
        self.details = details
        self.count = 1
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(12)
        column.addWidget(title_label(_tr("Something went wrong in Porchlight."), "sectionTitle"))
        self.body = body_label(_tr(
            "Nothing you saved has been lost. You can carry on with what you were doing.\n\n"
            "If this keeps happening, close Porchlight and open it again. If it still happens, "
            "\"Copy details for support\" copies a short note of where the problem is in "
            "Porchlight's code. It holds nothing you have written."), name="crashBody")
        column.addWidget(self.body)
        self.copied = QLabel("")
        self.copied.setObjectName("crashCopied")
        self.copied.setAccessibleName(_tr("Copy status"))
        column.addWidget(self.copied)
        row = QHBoxLayout()
        row.addStretch(1)
        self.copy_button = button(_tr("Copy details for support"), "copySupportDetails")
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = button(_tr("Close"), "closeCrashDialog", primary=True)
        self.close_button.setAccessibleName(_tr("Close this message"))
        self.close_button.clicked.connect(self.accept)
        row.addWidget(self.copy_button)
        row.addWidget(self.close_button)
        column.addLayout(row)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.body.setMinimumWidth(460)  # wrapped text gets its full height at this width
        self.adjustSize()

    def add(self, details: str) -> None:
        """Another error while this message is open: keep its details too, show no new window."""
        self.count += 1
        self.details = f"{self.details}\n---\n{details}"

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copied.setText(_tr("Copied. You can paste it into a message to support."))
        self.adjustSize()


def _fallback(exc_type: type[BaseException] | None) -> None:
    """The last resort inside a failing hook: the error's type, nothing else, on stderr."""
    try:
        name = getattr(exc_type, "__name__", "unknown error")
        stream = sys.__stderr__ or sys.stderr
        if stream is not None:
            stream.write(f"{APP_NAME}: unexpected {name}\n")
    except Exception:
        pass


class CrashReporter(QObject):
    """The hook itself: log the error's shape, then show (or add to) the calm message."""

    _show_requested = Signal(str)  # queued, so an error on another thread shows on the GUI's

    def __init__(self, *, show_dialog: bool = True,
                 parent_window: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self.show_dialog = show_dialog
        self._parent_window = parent_window
        self._busy = threading.local()
        self.dialog: CrashDialog | None = None
        self._previous: tuple[Any, Any] | None = None
        self._show_requested.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # -- installing --------------------------------------------------------------------------

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self
        threading.excepthook = self.thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    # -- the hooks ---------------------------------------------------------------------------

    def __call__(self, exc_type: type[BaseException], error: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._report(exc_type, error, tb, "uncaught exception", on_gui_thread=True)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self._report(args.exc_type, args.exc_value, args.exc_traceback,
                     "uncaught exception in a thread", on_gui_thread=False)

    def _report(self, exc_type: type[BaseException], error: BaseException | None,
                tb: TracebackType | None, event: str, *, on_gui_thread: bool) -> None:
        if getattr(self._busy, "active", False):  # the hook itself failed and re-entered
            _fallback(exc_type)
            return
        self._busy.active = True
        try:
            log.error(event, exc_info=(exc_type, error, tb))
            if self.show_dialog and not issubclass(exc_type, KeyboardInterrupt):
                details = support_details(exc_type, error, tb)
                if on_gui_thread and threading.current_thread() is threading.main_thread():
                    self._show(details)
                else:
                    self._show_requested.emit(details)
        except BaseException:
            _fallback(exc_type)
        finally:
            self._busy.active = False

    def _show(self, details: str) -> None:
        try:
            if not isinstance(QApplication.instance(), QApplication):
                return  # no GUI to show it in (the log has it)
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.add(details)
                return
            self.dialog = CrashDialog(details, self._parent_window())
            self.dialog.show()
            self.dialog.raise_()
            self.dialog.activateWindow()
        except BaseException:
            _fallback(None)
