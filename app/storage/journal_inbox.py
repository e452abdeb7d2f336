"""Notes written while Porchlight is locked: sealed to the vault's key, merged at the next unlock.

A locked app has no data key, yet a parent must still be able to note a worry. At each unlock
the vault publishes the public half of its inbox key (``inbox.pub``); while locked, a note is
sealed to it — an ephemeral X25519 key, HKDF-SHA256, AES-GCM, the note as JSON inside — and
written as one file in ``inbox/``. Only the private half, kept inside the encrypted vault, opens
it: the inbox holds no readable word and nothing that opens the vault.

Merging adds each note the vault does not keep yet (by its random ``note_id``) and only then
removes the files whose note is kept, so a crash in between adds nothing twice. A file that
cannot be opened is reported and left where it is, never deleted.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.core.journal.model import EntryFields, LockedNote
from app.storage.atomic_file import write_atomically
from app.storage.data_folder import DataFolder, make_private_dir, make_private_file

if TYPE_CHECKING:
    from app.storage.journal_store import JournalStore

VERSION = 1
SUFFIX = ".sealed"
_INFO = b"porchlight journal inbox v1"
_KEY_BYTES = 32
_NONCE_BYTES = 12
_NOTE_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class InboxUnavailable(Exception):
    """No inbox key has been published here yet (the vault was never unlocked with a journal)."""


class DamagedNote(Exception):
    """A sealed note that cannot be opened or read."""


def seal(public_key: bytes, note: LockedNote) -> bytes:
    """``note`` encrypted to ``public_key``: version, ephemeral public key, nonce, ciphertext."""
    recipient = X25519PublicKey.from_public_bytes(public_key)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key = _derive(ephemeral.exchange(recipient), ephemeral_public, public_key)
    nonce = os.urandom(_NONCE_BYTES)
    header = bytes([VERSION]) + ephemeral_public
    plain = json.dumps(_to_json(note), ensure_ascii=False).encode("utf-8")
    return header + nonce + AESGCM(key).encrypt(nonce, plain, header)


def unseal(private_key: bytes, sealed: bytes) -> LockedNote:
    """The note inside ``sealed``; ``DamagedNote`` if it is not one of ours or was altered."""
    if len(sealed) < 1 + _KEY_BYTES + _NONCE_BYTES + 16 or sealed[0] != VERSION:
        raise DamagedNote("not a sealed note of this version")
    header, rest = sealed[:1 + _KEY_BYTES], sealed[1 + _KEY_BYTES:]
    nonce, ciphertext = rest[:_NONCE_BYTES], rest[_NONCE_BYTES:]
    private = X25519PrivateKey.from_private_bytes(private_key)
    own_public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(header[1:]))
        key = _derive(shared, header[1:], own_public)
        plain = AESGCM(key).decrypt(nonce, ciphertext, header)
        return _from_json(json.loads(plain.decode("utf-8")))
    except (InvalidTag, ValueError, KeyError, TypeError) as error:
        raise DamagedNote(type(error).__name__) from error


def publish_public_key(folder: DataFolder, key: bytes) -> None:
    """Write the inbox key's public half beside the vault (called at each unlock)."""
    if folder.inbox_public_key.exists() and folder.inbox_public_key.read_bytes() == key:
        return
    write_atomically(folder.inbox_public_key, key)
    make_private_file(folder.inbox_public_key)


def write_locked_note(folder: DataFolder, note: LockedNote) -> Path:
    """Seal ``note`` into its own file in the inbox; ``InboxUnavailable`` without a public key."""
    if not _NOTE_ID.match(note.note_id):
        raise ValueError("a note id is 8 to 64 letters, digits, '-' or '_'")
    try:
        public_key = folder.inbox_public_key.read_bytes()
    except FileNotFoundError as error:
        raise InboxUnavailable("no inbox key has been published") from error
    if len(public_key) != _KEY_BYTES:
        raise InboxUnavailable("the published inbox key is not a key")
    make_private_dir(folder.inbox)
    path = folder.inbox / f"{note.note_id}{SUFFIX}"
    write_atomically(path, seal(public_key, note))
    make_private_file(path)
    return path


def read_locked_notes(folder: DataFolder,
                      private_key: bytes) -> tuple[list[LockedNote], list[Path]]:
    """Every note in the inbox, and the files that could not be opened (left where they are)."""
    notes: list[LockedNote] = []
    damaged: list[Path] = []
    for path in _sealed_files(folder):
        try:
            notes.append(unseal(private_key, path.read_bytes()))
        except (DamagedNote, OSError):
            damaged.append(path)
    return notes, damaged


def clear_merged(folder: DataFolder, note_ids: Iterable[str]) -> int:
    """Remove the inbox files of notes now kept in the vault; return how many went.

    Only our own sealed files are touched (``<note id>.sealed`` inside ``inbox/``).
    """
    removed = 0
    for note_id in set(note_ids):
        if not _NOTE_ID.match(note_id):
            continue
        path = folder.inbox / f"{note_id}{SUFFIX}"
        if path.is_file() and not path.is_symlink():
            path.unlink()
            removed += 1
    return removed


def merge_inbox(services_journal: JournalStore, folder: DataFolder) -> int:
    """Read → merge → clear; return how many notes were new. Damaged files stay in place."""
    if not folder.inbox.is_dir():
        return 0
    notes, _damaged = read_locked_notes(folder, services_journal.inbox_private_key())
    added = services_journal.merge_locked_notes(notes)
    # Only what the vault now really keeps goes: a note the merge could not add stays sealed.
    clear_merged(folder, services_journal.kept_note_ids([note.note_id for note in notes]))
    return added


def _sealed_files(folder: DataFolder) -> list[Path]:
    if not folder.inbox.is_dir():
        return []
    return sorted(path for path in folder.inbox.iterdir()
                  if path.suffix == SUFFIX and not path.name.startswith(".")
                  and path.is_file() and not path.is_symlink())


def _derive(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public,
                info=_INFO).derive(shared)


def _to_json(note: LockedNote) -> dict[str, Any]:
    f = note.fields
    return {"note_id": note.note_id, "written_at": note.written_at.isoformat(),
            "fields": {"child_id": f.child_id, "noted_at": f.noted_at.isoformat(),
                       "signs": list(f.signs), "tags": list(f.tags), "saw": f.saw,
                       "think": f.think, "strength": f.strength, "place": f.place,
                       "did": f.did, "come_back": f.come_back}}


def _from_json(value: dict[str, Any]) -> LockedNote:
    f = value["fields"]
    strength = f.get("strength")
    child = f.get("child_id")
    fields = EntryFields(
        child_id=child if isinstance(child, int) else None,
        noted_at=_moment(f["noted_at"]), signs=tuple(str(s) for s in f.get("signs", ())),
        tags=tuple(str(t) for t in f.get("tags", ())), saw=str(f.get("saw", "")),
        think=str(f.get("think", "")), strength=strength if isinstance(strength, int) else None,
        place=str(f.get("place", "")), did=str(f.get("did", "")),
        come_back=bool(f.get("come_back", False)))
    note_id = str(value["note_id"])
    if not _NOTE_ID.match(note_id):
        raise ValueError("note id")
    return LockedNote(note_id=note_id, fields=fields, written_at=_moment(value["written_at"]))


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
