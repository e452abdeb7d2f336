"""What a write changed, so each open page refreshes only when it concerns it.

Anki's ``OpChanges`` idea: every write op says which parts of the family's data it touched; the
unlocked session broadcasts that once, and each page decides from it whether to refresh now
(visible) or later (when shown). Room is kept for the journal and counsellor plans.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    family: bool = False  # children added, edited, archived, deleted
    checkins: bool = False  # schedules and occurrences
    talks: bool = False  # guided talks and their items
    evidence: bool = False  # the evidence log in Help now
    settings: bool = False  # family-wide choices (country, notification names, …)
    drafts: bool = False  # words kept when Porchlight locked
    journal: bool = False  # the warning-signs journal
    plans: bool = False  # counsellor homework plans

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name)
                          for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def touches(self, *parts: str) -> bool:
        """Whether any of the named parts changed: ``changes.touches("family", "checkins")``."""
        return any(getattr(self, part) for part in parts)


NOTHING = Changes()
