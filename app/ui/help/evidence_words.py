"""The evidence log's words: its boxes, their hints, a refused entry and when one was written.

The core (``app.core.evidence``) keeps the fields and the rules; what a parent reads is here,
through Qt's translation (context "EvidenceWords"), so the form and the printout say the same
thing in the parent's language. Moments go through ``app.ui.dates`` (QLocale, the computer's
zone), never ``strftime``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.evidence import EvidenceProblem
from app.ui.dates import moment_words
from app.ui.translate import _tr

_CONTEXT = "EvidenceWords"
_LABELS = {
    "platform": QT_TRANSLATE_NOOP("EvidenceWords", "App, game or site"),
    "username": QT_TRANSLATE_NOOP("EvidenceWords", "Their username"),
    "profile_link": QT_TRANSLATE_NOOP("EvidenceWords", "Link to their profile"),
    "happened_at": QT_TRANSLATE_NOOP("EvidenceWords", "When (date and time)"),
    "demanded": QT_TRANSLATE_NOOP("EvidenceWords", "What they demanded or threatened"),
    "payment_handles": QT_TRANSLATE_NOOP("EvidenceWords", "Payment details they gave"),
    "notes": QT_TRANSLATE_NOOP("EvidenceWords", "Other notes"),
}
_PLACEHOLDERS = {
    "platform": QT_TRANSLATE_NOOP("EvidenceWords", "e.g. Instagram, Snapchat, a game"),
    "profile_link": QT_TRANSLATE_NOOP("EvidenceWords", "copy the address of their profile page"),
    "happened_at": QT_TRANSLATE_NOOP("EvidenceWords", "e.g. Tuesday 14 May, about 9 pm"),
    "payment_handles": QT_TRANSLATE_NOOP(
        "EvidenceWords", "accounts, gift cards, crypto wallets, usernames for payment apps"),
}


def field_names() -> list[str]:
    """The boxes in the order they are shown and printed."""
    return list(_LABELS)


def field_label(name: str) -> str:
    return QCoreApplication.translate(_CONTEXT, _LABELS[name])


def placeholder(name: str) -> str:
    return (QCoreApplication.translate(_CONTEXT, _PLACEHOLDERS[name])
            if name in _PLACEHOLDERS else "")


def problem_words(problem: EvidenceProblem) -> str:
    if problem.key == "too-long":
        return _tr("“{label}” is very long; please keep it under {limit} characters.").format(
            label=field_label(problem.field), limit=problem.limit)
    return _tr("Please fill in at least one box before saving.")


def recorded_words(moment: dt.datetime) -> str:
    """When an entry was written, in the parent's language and the computer's zone."""
    return moment_words(moment)
