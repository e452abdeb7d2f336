import pytest

from app.core.evidence import EvidenceDraft, EvidenceProblem

SECRET_HANDLE = "cashapp $QuorvexHalberd77"


def test_entries_persist_and_are_encrypted(services, open_vault, folder, clock):
    from app.storage import vault
    from app.storage.services import Services
    from tests.conftest import PASSPHRASE

    entry = services.evidence.add(EvidenceDraft(
        platform="Snapchat", username="  quorvex_halberd ", payment_handles=SECRET_HANDLE,
        demanded="Wanted $500 by tonight or they would post the pictures"))
    assert entry.draft.username == "quorvex_halberd"
    open_vault.backup("evidence")
    open_vault.close()
    for path in folder.root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"Quorvex" not in data and b"quorvex" not in data, path.name
    reopened = vault.unlock(folder, PASSPHRASE, clock)
    again = Services.for_vault(reopened).evidence.entries()
    assert [e.draft.payment_handles for e in again] == [SECRET_HANDLE]
    reopened.close()


def test_empty_and_overlong_entries_are_refused(services):
    """The core says which problem (a key, the box, the limit); the UI words it."""
    with pytest.raises(EvidenceProblem) as empty:
        services.evidence.add(EvidenceDraft(notes="   "))
    with pytest.raises(EvidenceProblem) as too_long:
        services.evidence.add(EvidenceDraft(notes="x" * 5001))
    assert empty.value.key == "empty"
    assert (too_long.value.key, too_long.value.field, too_long.value.limit) == (
        "too-long", "notes", 5000)
    assert services.evidence.entries() == []


def test_an_entry_carries_the_moment_it_was_written_not_text(services, clock):
    """Issue 10: no strftime in storage; the UI words the moment through QLocale."""
    entry = services.evidence.add(EvidenceDraft(platform="Discord"))
    assert entry.recorded == clock.now() and entry.recorded.tzinfo is not None
    assert services.evidence.entries()[0].recorded == clock.now()


def test_update_and_delete(services):
    entry = services.evidence.add(EvidenceDraft(platform="Discord"))
    services.evidence.update(entry.id, EvidenceDraft(platform="Discord", username="x1"))
    assert services.evidence.entries()[0].draft.username == "x1"
    services.evidence.delete(entry.id)
    assert services.evidence.entries() == []
