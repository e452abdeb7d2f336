"""Notes written while locked: sealed, unreadable on disk, merged once, damage left alone."""

from __future__ import annotations

import datetime as dt
import os
import secrets

import pytest

from app.core.journal.model import EntryFields, EntryFilter, LockedNote
from app.storage import vault
from app.storage.journal_inbox import (
    InboxUnavailable,
    clear_merged,
    merge_inbox,
    publish_public_key,
    read_locked_notes,
    seal,
    write_locked_note,
)
from app.storage.services import Services
from tests.conftest import PASSPHRASE

WORDS = ("zebracorn", "quibblefish", "Snapgrotto")


def _note(child_id: int | None, saw: str = "zebracorn quibblefish at the bus stop") -> LockedNote:
    fields = EntryFields(child_id=child_id, noted_at=dt.datetime(2026, 11, 23, 21, 0,
                                                                 tzinfo=dt.UTC),
                         signs=("sign.hides-screen",), tags=("Snapgrotto",), saw=saw,
                         strength=2, come_back=True)
    return LockedNote(note_id=secrets.token_hex(16), fields=fields,
                      written_at=dt.datetime(2026, 11, 23, 21, 1, tzinfo=dt.UTC))


@pytest.fixture
def published(services, folder):
    publish_public_key(folder, services.journal.inbox_public_key())
    return services


def test_the_key_pair_is_made_once_and_kept(services):
    public = services.journal.inbox_public_key()
    assert len(public) == 32 and public == services.journal.inbox_public_key()
    assert services.journal.inbox_private_key() != public


def test_inbox_files_hold_no_words_no_vault_key_and_no_private_key(published, folder,
                                                                  open_vault):
    maya = published.family.add("Maya", 2015, 3).id
    paths = [write_locked_note(folder, _note(maya)) for _ in range(2)]
    secrets_held = (open_vault._data_key, published.journal.inbox_private_key(),
                    open_vault._data_key.hex().encode())
    for path in [*paths, folder.inbox_public_key]:
        data = path.read_bytes()
        for word in WORDS:
            for encoded in (word.encode(), word.lower().encode(), word.encode("utf-16-le")):
                assert encoded not in data, path.name
        for secret in secrets_held:
            assert secret not in data, path.name
    if os.name == "posix":
        assert (folder.inbox.stat().st_mode & 0o777) == 0o700
        assert all((p.stat().st_mode & 0o777) == 0o600 for p in paths)


def test_a_note_comes_back_as_written(published, folder):
    note = _note(None)
    write_locked_note(folder, note)
    notes, damaged = read_locked_notes(folder, published.journal.inbox_private_key())
    assert notes == [note] and damaged == []


def test_merging_twice_adds_once_and_clears_the_inbox(published, folder):
    maya = published.family.add("Maya", 2015, 3).id
    first, second = _note(maya), _note(None, saw="second")
    write_locked_note(folder, first)
    write_locked_note(folder, second)
    assert merge_inbox(published.journal, folder) == 2
    assert merge_inbox(published.journal, folder) == 0
    assert list(folder.inbox.iterdir()) == []
    [merged] = published.journal.page(EntryFilter(children=(maya,)), 0, 10)
    entry = published.journal.entry(merged.id)
    assert entry.fields == first.fields and entry.revision == 1
    assert published.journal.count(EntryFilter()) == 2


def test_a_crash_between_merge_and_clear_never_duplicates(published, folder):
    note = _note(None)
    write_locked_note(folder, note)
    notes, _ = read_locked_notes(folder, published.journal.inbox_private_key())
    assert published.journal.merge_locked_notes(notes) == 1  # ... and the app dies here
    assert len(list(folder.inbox.iterdir())) == 1
    assert merge_inbox(published.journal, folder) == 0
    assert published.journal.count(EntryFilter()) == 1
    assert list(folder.inbox.iterdir()) == []


def test_a_damaged_file_is_reported_and_left_in_place(published, folder):
    good = write_locked_note(folder, _note(None))
    bad = write_locked_note(folder, _note(None))
    data = bytearray(bad.read_bytes())
    data[-5] ^= 0xFF
    bad.write_bytes(bytes(data))
    stranger = folder.inbox / "not-ours.sealed"
    stranger.write_bytes(b"hello")
    notes, damaged = read_locked_notes(folder, published.journal.inbox_private_key())
    assert len(notes) == 1 and sorted(damaged) == sorted([bad, stranger])
    assert merge_inbox(published.journal, folder) == 1
    assert not good.exists() and bad.exists() and stranger.exists()


def test_a_note_sealed_to_another_vault_is_damaged_here(published, folder):
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    other = X25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    folder.inbox.mkdir(exist_ok=True)
    path = folder.inbox / "abcdef0123456789.sealed"
    path.write_bytes(seal(other, _note(None)))
    assert read_locked_notes(folder, published.journal.inbox_private_key()) == ([], [path])


def test_without_a_public_key_the_inbox_is_unavailable(folder):
    folder.prepare()
    with pytest.raises(InboxUnavailable):
        write_locked_note(folder, _note(None))
    assert not folder.inbox.exists()


def test_clear_touches_only_our_named_files(published, folder):
    note = _note(None)
    path = write_locked_note(folder, note)
    clear_merged(folder, ["../porchlight", "nope"])
    assert path.exists()
    assert clear_merged(folder, [note.note_id]) == 1 and not path.exists()


def test_a_note_for_a_child_removed_since_goes_to_the_family(published, folder):
    write_locked_note(folder, _note(999))
    assert merge_inbox(published.journal, folder) == 1
    [summary] = published.journal.page(EntryFilter(), 0, 10)
    assert summary.child_id is None


def test_notes_written_while_locked_merge_after_the_next_unlock(published, folder, open_vault,
                                                                clock):
    open_vault.close()  # locked: only the public key is at hand
    write_locked_note(folder, _note(None))
    reopened = vault.unlock(folder, PASSPHRASE, clock)
    try:
        journal = Services.for_vault(reopened).journal
        publish_public_key(folder, journal.inbox_public_key())
        assert merge_inbox(journal, folder) == 1
        assert journal.page(EntryFilter(), 0, 1)[0].tags == ("Snapgrotto",)
    finally:
        reopened.close()
