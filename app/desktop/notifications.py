"""Desktop notifications behind a small interface, so tests (and odd desktops) can swap them.

The native backend uses desktop-notifier (D-Bus on Linux, the notification centres of macOS and
Windows) on a short-lived worker thread, so a slow or missing notification service never blocks
the window. It may fail quietly — some desktops have none — which is why the app always shows
the in-app banner and marks the tray as well. Only the title and body given are sent; callers
word them (``app.core.checkins.notice_text``) so no child's name goes out unless chosen.
"""

from __future__ import annotations

import logging
import threading
from typing import Protocol

from app import APP_NAME

log = logging.getLogger(__name__)


class Notifier(Protocol):
    def notify(self, title: str, body: str) -> None: ...


class _DeliveryFailure(logging.Handler):
    """desktop-notifier catches a failed delivery and only logs it; this notices that log.

    The library's logger stops propagating, so its traceback (normal on a desktop without a
    notification service) never reaches our log; we log the error's kind ourselves.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.kind: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        error = record.exc_info[0] if record.exc_info else None
        self.kind = self.kind or (error.__name__ if error else "warning")


class NativeNotifier:
    """desktop-notifier's native backends, off the GUI thread."""

    _sending = threading.Lock()

    def notify(self, title: str, body: str) -> None:
        threading.Thread(target=self.send_now, args=(title, body), name="notify",
                         daemon=True).start()

    @classmethod
    def send_now(cls, title: str, body: str) -> bool:
        """Deliver on this thread; True when the notification service took it."""
        library_log = logging.getLogger("desktop_notifier")
        failure = _DeliveryFailure()
        with cls._sending:
            library_log.propagate = False
            library_log.setLevel(logging.WARNING)
            library_log.addHandler(failure)
            try:
                from desktop_notifier import DesktopNotifierSync

                DesktopNotifierSync(app_name=APP_NAME).send(title=title, message=body)
            except (OSError, RuntimeError) as error:  # no bus, no event loop for the backend
                failure.kind = type(error).__name__
            finally:
                library_log.removeHandler(failure)
        if failure.kind:
            # Kind only: never the title or body. The banner and tray still show the reminder.
            log.info("desktop notification not shown: %s", failure.kind)
        return failure.kind is None


class RecordingNotifier:
    """Keeps what would have been shown instead of showing it: the stand-in tests use."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def notify(self, title: str, body: str) -> None:
        self.shown.append((title, body))
