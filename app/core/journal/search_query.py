"""Whatever a parent types in the journal's search box, made into a query FTS5 cannot refuse.

FTS5 has its own query language: a raw ``:)``, a stray quote, ``AND``, ``*``, ``NEAR(`` or an
unbalanced bracket is a syntax error or means something the parent never meant. So nothing
typed reaches ``MATCH`` as syntax: the text is cut into tokens at white space, each token is
quoted (a quote inside doubled), and the tokens are matched together (all must be found).

Two indexes answer: a token of 3 characters or more is looked for anywhere in a word through
the trigram index ("cord" finds "Discord"); a shorter one cannot be (a trigram needs 3
characters), so it is a word prefix in the word index ("bu" finds "bus"). Both indexes drop
accents, so "cafe" finds "café". Anything that leaves no token at all means "no search".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

TRIGRAM_MIN = 3  # the trigram index cannot find anything shorter
MAX_TOKENS = 12  # more words than this add nothing but time
MAX_TOKEN_CHARS = 64
# The search snippets mark hits with these; typed or stored text never contains them.
HIT_START = "\ue000"
HIT_END = "\ue001"


@dataclass(frozen=True)
class SearchQuery:
    """The sanitised search: an FTS5 expression per index, ``None`` where that index is unused."""

    trigram: str | None  # for the trigram index: quoted parts of words, all required
    words: str | None  # for the word index: quoted word prefixes, all required
    terms: tuple[str, ...]  # the tokens kept, as the parent typed them (for display)


def sanitise(typed: str) -> SearchQuery | None:
    """The safe FTS5 query for ``typed``, or ``None`` when there is nothing to search for."""
    long_parts: list[str] = []
    short_parts: list[str] = []
    terms: list[str] = []
    for token in _tokens(typed):
        if len(token) >= TRIGRAM_MIN:
            long_parts.append(_quoted(token))
            terms.append(token)
            continue
        words = _word_characters(token)
        if words:
            short_parts.extend(_quoted(word) + "*" for word in words)
            terms.append(token)
    if not terms:
        return None
    return SearchQuery(
        trigram=" ".join(dict.fromkeys(long_parts)) or None,
        words=" ".join(dict.fromkeys(short_parts)) or None,
        terms=tuple(terms),
    )


def clean_text(text: str) -> str:
    """Text as it goes into the index and the query: no hit markers, control characters or lone
    surrogates (which could not even be stored)."""
    return "".join(c for c in text if c not in (HIT_START, HIT_END) and not _is_control(c))


def split_hits(marked: str) -> tuple[tuple[str, bool], ...]:
    """A snippet with hit markers as (text, highlighted) runs, empty runs left out."""
    runs: list[tuple[str, bool]] = []
    highlighted = False
    current: list[str] = []
    for char in marked:
        if char in (HIT_START, HIT_END):
            if current:
                runs.append(("".join(current), highlighted))
                current = []
            highlighted = char == HIT_START
            continue
        current.append(char)
    if current:
        runs.append(("".join(current), highlighted))
    return tuple(runs)


def _tokens(typed: str) -> list[str]:
    cleaned = unicodedata.normalize("NFC", clean_text(typed))
    tokens = []
    for token in cleaned.split():
        token = token[:MAX_TOKEN_CHARS]
        if token and token not in tokens:
            tokens.append(token)
        if len(tokens) == MAX_TOKENS:
            break
    return tokens


def _word_characters(token: str) -> list[str]:
    """The runs of letters and digits in ``token``: what the word index keeps of it."""
    words: list[str] = []
    current: list[str] = []
    for char in token:
        if unicodedata.category(char)[0] in "LN" or unicodedata.category(char) == "Co":
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs") and char not in "\t\n\r"
