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

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app import APP_NAME, __version__
from app.local_log import describe

log = logging.getLogger("porchlight.crash")


def support_details(exc_type: type[BaseException], error: BaseException | None,
                    tb: TracebackType | None) -> str:
    """What "Copy details for support" copies: version, error types, code locations."""
    return f"{APP_NAME} {__version__}\n{describe(exc_type, error, tb)}"


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

    # Emitted only off the GUI thread, so Qt queues it to the GUI's (an automatic connection
    # does: naming Qt's connection types would build all of Qt's enums before the first paint).
    _show_requested = Signal(str)

    def __init__(self, *, show_dialog: bool = True,
                 parent_window: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self.show_dialog = show_dialog
        self._parent_window = parent_window
        self._busy = threading.local()
        self.dialog: Any = None  # a CrashDialog (app.ui.crash_window) once one is shown
        self._previous: tuple[Any, Any] | None = None
        self._show_requested.connect(self._show)

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
            from app.ui.crash_window import CrashDialog  # only when something went wrong

            self.dialog = CrashDialog(details, self._parent_window())
            self.dialog.show()
            self.dialog.raise_()
            self.dialog.activateWindow()
        except BaseException:
            _fallback(None)
