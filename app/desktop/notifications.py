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


class NativeNotifier:
    """desktop-notifier's native backends, off the GUI thread."""

    def notify(self, title: str, body: str) -> None:
        threading.Thread(target=self._send, args=(title, body), name="notify",
                         daemon=True).start()

    @staticmethod
    def _send(title: str, body: str) -> None:
        # The library logs a traceback when no notification service exists; that is normal
        # on some desktops, and the banner and tray cover it.
        logging.getLogger("desktop_notifier").setLevel(logging.ERROR)
        try:
            from desktop_notifier import DesktopNotifierSync

            DesktopNotifierSync(app_name=APP_NAME).send(title=title, message=body)
        except Exception as error:  # no service, no bus: the banner and tray still show it
            log.info("desktop notification not shown: %s", type(error).__name__)


class RecordingNotifier:
    """Keeps what would have been shown instead of showing it: the stand-in tests use."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def notify(self, title: str, body: str) -> None:
        self.shown.append((title, body))
