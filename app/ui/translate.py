"""Translating words outside a Qt class: module functions call ``_tr``.

Inside a QObject subclass, ``self.tr`` is the way. Word modules (``checkins/words.py``,
``age_words.py``…) have no object to ask, so they use this ``_tr``, with the same arguments as
``tr``: the text, an optional disambiguation, and the count for a plural (``%n``). ``make i18n``
runs ``pyside6-lupdate -tr-function-alias tr+=_tr``, which files these strings under the empty
context — the one used here — with their plural forms, so a translator sees every one of them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("", text, disambiguation, n)
