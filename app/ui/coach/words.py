"""The coach's and the talks page's words: moods, why a starter was picked, the calm checklist.

The core hands over keys (``app.core.coach.MOODS``, ``app.core.picker.Pick.reason`` and its
values); this module words them through Qt's translation, so a talk recorded in English reads
right in Spanish later, and the same reason reads the same in the coach and on the Talks page.
The English source strings are written for English (one week, six weeks) because no English
translation file is loaded; each form is still a numerus string for languages with more forms.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.coach import MOODS, mood_key
from app.core.content.model import Library
from app.core.picker import CORE_INTERVAL_WEEKS, Pick
from app.ui.translate import _tr

_CONTEXT = "CoachWords"

MOOD_WORDS: dict[str, str] = {
    "relaxed": QT_TRANSLATE_NOOP("CoachWords", "Relaxed"),
    "chatty": QT_TRANSLATE_NOOP("CoachWords", "Chatty"),
    "quiet": QT_TRANSLATE_NOOP("CoachWords", "Quiet"),
    "bored": QT_TRANSLATE_NOOP("CoachWords", "Bored"),
    "worried": QT_TRANSLATE_NOOP("CoachWords", "Worried"),
    "upset": QT_TRANSLATE_NOOP("CoachWords", "Upset"),
    "cross": QT_TRANSLATE_NOOP("CoachWords", "Cross"),
}
assert set(MOOD_WORDS) == set(MOODS), "every mood key needs its words"

CALM_CHECKLIST = (
    QT_TRANSLATE_NOOP("CoachWords",
                      "Pick a relaxed moment: in the car, on a walk, while cooking together."),
    QT_TRANSLATE_NOOP("CoachWords", "Listen more than you talk. Short questions, then wait."),
    QT_TRANSLATE_NOOP("CoachWords",
                      "Stay calm whatever you hear. Your face is the answer they remember."),
    QT_TRANSLATE_NOOP("CoachWords", "Promise — and mean it — no punishment and no devices "
                                    "taken away for telling you."),
    QT_TRANSLATE_NOOP("CoachWords", "It's fine to stop early and come back to it another day."),
)


def mood_words(value: str) -> str:
    """A stored mood on screen: a key (or an old English word) in the parent's language.

    A value the coach never offered is shown as it was saved rather than hidden."""
    key = mood_key(value)
    words = MOOD_WORDS.get(key)
    return QCoreApplication.translate(_CONTEXT, words) if words else value


def calm_checklist() -> list[str]:
    return [QCoreApplication.translate(_CONTEXT, line) for line in CALM_CHECKLIST]


def weeks_words(weeks: int) -> str:
    """"1 week", "6 weeks"."""
    return _tr("%n week", "", weeks) if weeks == 1 else _tr("%n weeks", "", weeks)


def journal_words(days: int, category: str = "") -> str:
    """"you noted a sign of “Money and gifts” 3 days ago" (or "of this" without a category)."""
    if not category:
        if days <= 0:
            return _tr("you noted a sign of this today")
        if days == 1:
            return _tr("you noted a sign of this yesterday")
        return _tr("you noted a sign of this %n days ago", "", days)
    if days <= 0:
        return _tr("you noted a sign of “{category}” today").format(category=category)
    if days == 1:
        return _tr("you noted a sign of “{category}” yesterday").format(category=category)
    return _tr("you noted a sign of “{category}” %n days ago", "", days).format(
        category=category)


def reason_words(pick: Pick, library: Library | None = None) -> str:
    """Why a starter is in today's talk: "never talked about yet; a core topic, every 4 weeks".

    With the ``library``, a topic the journal brought forward names the sign's category
    (already in the parent's language); without it the words still read right.
    A draft kept by an older version may carry its reason as English words; it is shown as is.
    """
    if pick.reason == "never-covered":
        parts = [_tr("never talked about yet")]
    elif pick.reason == "new-for-band":
        parts = [_tr("new for {age}-year-olds").format(age=pick.values.get("age", 0))]
    elif pick.reason == "due-again":
        weeks = int(pick.values.get("weeks", 0))
        parts = [_tr("not talked about for a week", "", weeks) if weeks == 1
                 else _tr("not talked about for %n weeks", "", weeks)]
    elif pick.reason == "plan-week":
        parts = [_tr("Your counsellor chose this for week {week}").format(
            week=int(pick.values.get("week", 0)))]
    elif pick.reason == "journal-sign":
        parts = [journal_words(int(pick.values.get("days", 0)),
                               _category_title(library, pick.sign_id))]
    else:
        parts = [pick.reason] if pick.reason else []
    if pick.core:
        parts.append(_tr("a core topic, every %n weeks", "", CORE_INTERVAL_WEEKS))
    if pick.favourite:
        parts.append(_tr("one of your favourites"))
    return _tr("; ").join(parts)


def _category_title(library: Library | None, sign_id: str) -> str:
    if library is None or not sign_id:
        return ""
    sign = next((s for s in library.signs if s.id == sign_id), None)
    category = next((c for c in library.sign_categories
                     if sign is not None and c.id == sign.category), None)
    return category.title if category else ""
