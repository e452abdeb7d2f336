"""Saying a banner or a result out loud: screen readers hear what sighted parents see appear.

A label that becomes visible is not read by a screen reader unless it has focus, so "Saved" or
"Backup failed" would pass unheard. ``announce`` sends Qt's ``QAccessibleAnnouncementEvent``
(Qt 6.8 and later; Orca, NVDA and VoiceOver read it without moving focus). On an older Qt it
falls back to an Alert event plus a name change on the widget, which most readers voice too.

Announcing is best effort and never raises: a missing accessibility bridge is normal (no screen
reader running), and a message must still appear on screen.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget

try:  # Qt >= 6.8
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - exercised only on Qt 6.7 and older
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]

# The last few announcements, newest last: tests (and a curious developer) can read what a
# screen reader was told without an AT-SPI bus.
_RECENT: list[tuple[str, bool]] = []
_KEEP = 20


def announce(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Have screen readers read ``text``, as coming from ``widget``.

    ``urgent`` interrupts what the reader is saying (for errors); otherwise it waits its turn.
    """
    if not text:
        return
    _RECENT.append((text, urgent))
    del _RECENT[:-_KEEP]
    try:
        if QAccessibleAnnouncementEvent is not None:
            event = QAccessibleAnnouncementEvent(widget, text)
            politeness = QAccessible.AnnouncementPoliteness
            event.setPoliteness(politeness.Assertive if urgent else politeness.Polite)
            QAccessible.updateAccessibility(event)
        else:  # pragma: no cover - Qt 6.7 and older
            QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))
            QAccessible.updateAccessibility(
                QAccessibleEvent(widget, QAccessible.Event.NameChanged))
    except RuntimeError:
        pass  # the widget was deleted between showing and announcing: nothing to read


def recent_announcements() -> list[tuple[str, bool]]:
    """What was announced lately, oldest first, as (text, urgent)."""
    return list(_RECENT)
