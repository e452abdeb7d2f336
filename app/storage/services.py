"""What the UI gets once the vault is open: one object holding every store.

Pages receive this rather than an engine or a session, so no widget ever runs SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.storage.caregiver_store import CaregiverStore
from app.storage.checkin_store import CheckinStore
from app.storage.draft_store import DraftStore
from app.storage.evidence_store import EvidenceStore
from app.storage.family_store import FamilyStore
from app.storage.favourites_store import FavouritesStore
from app.storage.journal_store import JournalStore, catalogue_categories
from app.storage.plan_store import PlanStore
from app.storage.settings_store import SettingsStore
from app.storage.talk_store import TalkStore
from app.storage.vault import OpenVault


@dataclass
class Services:
    vault: OpenVault
    family: FamilyStore
    settings: SettingsStore
    evidence: EvidenceStore
    favourites: FavouritesStore
    checkins: CheckinStore
    talks: TalkStore
    drafts: DraftStore
    caregivers: CaregiverStore
    journal: JournalStore
    plans: PlanStore

    @classmethod
    def for_vault(cls, vault: OpenVault) -> Services:
        settings = SettingsStore(vault.sessions)
        return cls(vault, FamilyStore(vault.sessions, vault.clock), settings,
                   EvidenceStore(vault.sessions, vault.clock), FavouritesStore(settings),
                   CheckinStore(vault.sessions, vault.clock),
                   TalkStore(vault.sessions, vault.clock),
                   DraftStore(vault.sessions, vault.clock),
                   CaregiverStore(vault.sessions, vault.clock),
                   JournalStore(vault.sessions, vault.clock, catalogue_categories()),
                   PlanStore(vault.sessions, vault.clock))

    def close(self) -> None:
        self.vault.close()
