"""The words the Rules page and the pattern card say around a rule's own text.

A rule's title, what it looks for, what it might mean and what to do are content (from
``conversations/rules.toml``, its own sentences, reviewed like the library). The words around
them — the names of its numbers, the preview line, the card's calm heading — are the app's and
go through Qt's translation here, in one place, so both screens say them the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from app.ui.dates import date_words
from app.ui.translate import _tr

PREVIEW_WEEKS = 12  # the preview counts firings over this many weeks back from today


def param_label(name: str) -> str:
    """What a rule's number means, as the label of its spin box."""
    labels = {
        "count": _tr("How many signs"),
        "days": _tr("Within how many days"),
        "weeks": _tr("Not seen for how many weeks"),
        "more": _tr("How many more signs than the fortnight before"),
        "strength": _tr("How strong, at least (1 to 3)"),
    }
    return labels.get(name, name)


def param_suffix(name: str, value: int) -> str:
    """The unit after the number in its spin box (" days"), or "" when it needs none."""
    if name == "days":
        return _tr(" days") if value != 1 else _tr(" day")
    if name == "weeks":
        return _tr(" weeks") if value != 1 else _tr(" week")
    return ""


def preview_words(times: int, child: str, weeks: int = PREVIEW_WEEKS) -> str:
    """"With these numbers it would have fired 3 times in the last 12 weeks for Maya"."""
    if times == 0:
        return _tr("With these numbers it would not have fired in the last {weeks} weeks for "
                   "{name}").format(weeks=weeks, name=child)
    return _tr("With these numbers it would have fired %n times in the last {weeks} weeks "
               "for {name}", "", times).format(weeks=weeks, name=child)


def off_words() -> str:
    return _tr("This rule is off: it will not show a card.")


def no_children_words() -> str:
    return _tr("Add a child on the Family page to see how often this rule would fire.")


def reviewed_words(day: dt.date | None) -> str:
    if day is None:
        return ""
    return _tr("Reviewed {date}").format(date=date_words(day))


def sources_words(citations: Iterable[str]) -> str:
    listed = list(citations)
    if not listed:
        return ""
    return _tr("Sources: {list}").format(list=_tr("; ").join(listed))


def family_name() -> str:
    """Entries about nobody in particular, named where a child's name would go."""
    return _tr("the family")


def card_heading(child: str) -> str:
    """The pattern card's calm heading: a talk, not an alarm."""
    return _tr("A pattern worth a calm talk for {name}").format(name=child)


def entries_span(entries: int, first: dt.date, last: dt.date) -> str:
    """"3 entries, from 10 November to 17 November 2026": what the card is based on."""
    if first == last:
        return _tr("%n entries, on {date}", "", entries).format(date=date_words(first))
    return _tr("%n entries, from {first} to {last}", "", entries).format(
        first=date_words(first), last=date_words(last))


def entry_line(day_words: str, signs: Iterable[str]) -> str:
    """One entry in "Why am I seeing this?": its local date and the signs noted."""
    said = [sign.rstrip(". ") for sign in signs]  # a catalogue sentence loses its full stop
    return _tr("{date}: {signs}").format(date=day_words, signs=_tr("; ").join(said))


def why_intro() -> str:
    return _tr("These entries made the pattern show. Open one to read it again.")


def not_now_done() -> str:
    return _tr("Put aside. It stays in the journal, and shows again if the pattern goes on.")


def saved_words() -> str:
    return _tr("Saved. The rule uses your numbers from now on.")


def reset_words() -> str:
    return _tr("Back to the rule's own numbers, and turned on.")
