"""The evidence log's entries, as the rest of the app sees them.

Text only, by design: Porchlight never stores, shows or asks for images. The fields follow what
the hotlines and police ask families to keep (usernames, profile links, times, demands and
payment handles) so a printed log can be handed over as it is. The boxes' labels, and the
words for a refused entry, live in the UI (``app.ui.help.evidence_words``), translated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

MAX_FIELD_LENGTH = 5000


class EvidenceProblem(ValueError):
    """An entry the log cannot take; the UI words it (``app.ui.help.evidence_words``).

    ``key`` is ``"empty"`` (nothing filled in) or ``"too-long"`` (``field`` names the box,
    ``limit`` is the most it takes).
    """

    def __init__(self, key: str, field: str = "", limit: int = 0) -> None:
        super().__init__(key if not field else f"{key}: {field}")
        self.key, self.field, self.limit = key, field, limit


@dataclass(frozen=True)
class EvidenceDraft:
    platform: str = ""
    username: str = ""
    profile_link: str = ""
    happened_at: str = ""
    demanded: str = ""
    payment_handles: str = ""
    notes: str = ""

    def cleaned(self) -> EvidenceDraft:
        values = {f.name: getattr(self, f.name).strip() for f in fields(self)}
        if not any(values.values()):
            raise EvidenceProblem("empty")
        for name, value in values.items():
            if len(value) > MAX_FIELD_LENGTH:
                raise EvidenceProblem("too-long", name, MAX_FIELD_LENGTH)
        return EvidenceDraft(**values)


@dataclass(frozen=True)
class EvidenceEntry:
    id: int
    draft: EvidenceDraft
    recorded: dt.datetime  # when it was written down (aware); the UI words it with QLocale
