"""Drafts are kept encrypted, replaced per window, and survive closing and reopening the vault."""

import datetime as dt

from app.storage import vault
from app.storage.services import Services
from tests.conftest import PASSPHRASE


def test_a_draft_survives_a_lock_and_comes_back(services, folder, clock):
    draft_id = services.drafts.save("evidence", {"username": "night_owl_77", "editing": None})
    services.close()

    reopened = Services.for_vault(vault.unlock(folder, PASSPHRASE, clock))
    try:
        [draft] = reopened.drafts.drafts()
        assert (draft.id, draft.kind) == (draft_id, "evidence")
        assert draft.payload == {"username": "night_owl_77", "editing": None}
        assert draft.saved_at == clock.now()
    finally:
        reopened.close()


def test_saving_again_replaces_the_same_windows_draft(services, clock):
    first = services.drafts.save("talk", {"notes": "we talked about"})
    clock.advance(dt.timedelta(minutes=5))
    again = services.drafts.save("talk", {"notes": "we talked about games"}, first)
    assert again == first
    [draft] = services.drafts.drafts()
    assert draft.payload == {"notes": "we talked about games"}
    assert draft.saved_at == clock.now()


def test_discarded_drafts_are_gone_and_others_stay(services):
    keep = services.drafts.save("talk", {"notes": "a"})
    drop = services.drafts.save("evidence", {"username": "b"})
    services.drafts.discard(drop)
    services.drafts.discard(12345)  # already gone: nothing to do
    assert [d.id for d in services.drafts.drafts()] == [keep]


def test_draft_words_are_not_readable_on_disk(services, folder):
    services.drafts.save("evidence", {"notes": "zanzibarquokka"})
    services.close()
    for path in folder.root.iterdir():
        if path.is_file():
            assert b"zanzibarquokka" not in path.read_bytes()
