"""Finding starters and lines in the library: filters and plain-words search.

Search is a case- and accent-insensitive match of every word typed, anywhere in a starter's
words (its text, follow-ups, listen-for, the if-they-say scripts, the topic's title) — what a
parent expects from a search box, fast enough to run on every keystroke.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from app.core.content.model import Library, Reassurance, Refusal, Starter


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _matches(words: list[str], haystack: str) -> bool:
    folded = _fold(haystack)
    return all(word in folded for word in words)


def _words(query: str) -> list[str]:
    return _fold(query).split()


def starter_haystack(library: Library, starter: Starter) -> str:
    topic = library.topic(starter.topic)
    scripts = [f"{pair.they_say} {pair.you_say}" for pair in starter.if_they_say]
    return " ".join([starter.text, *starter.follow_ups, *starter.listen_for, *scripts,
                     starter.why, topic.title if topic else ""])


def find_starters(library: Library, *, query: str = "", band: str | None = None,
                  topic_id: str | None = None,
                  only: Iterable[str] | None = None) -> list[Starter]:
    """Starters for a band and topic whose words contain everything in ``query``."""
    words = _words(query)
    allowed = set(only) if only is not None else None
    return [s for s in library.starters(band, topic_id)
            if (allowed is None or s.id in allowed)
            and (not words or _matches(words, starter_haystack(library, s)))]


def find_refusals(library: Library, *, query: str = "", band: str | None = None) -> list[Refusal]:
    words = _words(query)
    return [r for r in library.refusals_for(band) if not words or _matches(words, r.text)]


def find_reassurance(library: Library, *, query: str = "",
                     band: str | None = None) -> list[Reassurance]:
    words = _words(query)
    return [r for r in library.reassurance_for(band) if not words or _matches(words, r.text)]
