"""The library's own words for the keys its content carries (a refusal line's tone).

The content model keeps tones as keys ("firm", "tell-adult"); the screen words them here,
through Qt's translation, so the same tone reads the same on the page and in practice.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TONE_WORDS: dict[str, str] = {
    "firm": QT_TRANSLATE_NOOP("LibraryWords", "Firm"),
    "light": QT_TRANSLATE_NOOP("LibraryWords", "Light or joking"),
    "change-subject": QT_TRANSLATE_NOOP("LibraryWords", "Change the subject"),
    "tell-adult": QT_TRANSLATE_NOOP("LibraryWords", "Telling a grown-up"),
}


def tone_words(tone: str) -> str:
    """A tone on screen; an unknown one (newer content) is shown as its key."""
    words = TONE_WORDS.get(tone)
    return QCoreApplication.translate("LibraryWords", words) if words else tone
