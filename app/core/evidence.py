"""The evidence log's entries, as the rest of the app sees them.

Text only, by design: Porchlight never stores, shows or asks for images. The fields follow what
the hotlines and police ask families to keep (usernames, profile links, times, demands and
payment handles) so a printed log can be handed over as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

FIELD_LABELS = {
    "platform": "App, game or site",
    "username": "Their username",
    "profile_link": "Link to their profile",
    "happened_at": "When (date and time)",
    "demanded": "What they demanded or threatened",
    "payment_handles": "Payment details they gave",
    "notes": "Other notes",
}
MAX_FIELD_LENGTH = 5000


class EvidenceProblem(ValueError):
    """An entry the log cannot take, with a message a parent can act on."""


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
            raise EvidenceProblem("Please fill in at least one box before saving.")
        for name, value in values.items():
            if len(value) > MAX_FIELD_LENGTH:
                raise EvidenceProblem(
                    f"“{FIELD_LABELS[name]}” is very long; please keep it under "
                    f"{MAX_FIELD_LENGTH} characters.")
        return EvidenceDraft(**values)


@dataclass(frozen=True)
class EvidenceEntry:
    id: int
    draft: EvidenceDraft
    recorded: str  # when it was written down, as local text for the printout
