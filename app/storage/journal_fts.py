"""The journal's two full-text indexes: their names, how they are built, and hiding them.

FTS5 keeps each index as a virtual table plus "shadow" tables (``_data``, ``_idx``,
``_content``, ``_docsize``, ``_config``) that SQLite creates and owns. They are not models:
Alembic's autogenerate and the "migrations produce exactly the models" check must not see
them, or they would propose dropping the search index. ``include_name`` is the filter both use.

Both indexes hold only the current revision's free text (rowid = entry id) and are created
with FTS5's ``secure-delete`` on, so a purged entry's words leave the index segments too.
"""

from __future__ import annotations

from typing import Any

WORD_INDEX = "journal_fts"  # unicode61, diacritics removed: whole words and word prefixes
TRIGRAM_INDEX = "journal_fts_trigram"  # parts of words, 3 characters or more
INDEXES = (WORD_INDEX, TRIGRAM_INDEX)
INDEXED_COLUMNS = ("saw", "think", "place", "did", "tags")
_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")


def is_index_table(name: str | None) -> bool:
    """Whether ``name`` is one of the search indexes or a table FTS5 keeps for one."""
    if name is None:
        return False
    return any(name == index or (name.startswith(index) and name[len(index):] in _SHADOW_SUFFIXES)
               for index in INDEXES)


def include_name(name: str | None, type_: str, _parents: Any = None) -> bool:
    """Alembic ``include_name`` filter: reflect everything except the search index tables."""
    return not (type_ == "table" and is_index_table(name))
