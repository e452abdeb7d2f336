"""The key file: the database key, wrapped twice, and nothing else.

The database is encrypted with a random 256-bit data key. That key is stored only wrapped with
AES-256-GCM: once under a key derived from the passphrase, once under a key derived from the
recovery code. Changing the passphrase rewraps one slot and never re-encrypts the database.

The GCM tag tells a wrong passphrase apart from a damaged file: a checksum over the whole
file is verified first, so a flipped byte reads as "damaged", and only an intact file whose
tag does not match reads as "wrong passphrase".

The file is read as untrusted input: its size, nesting, every field's type and length and the
key-derivation cost are checked, and any failure is ``KeyFileDamaged`` (a file from a newer
Porchlight is ``NewerKeyFile`` instead). Secrets are Unicode-normalised (NFC) before wrapping;
unwrapping also tries the secret exactly as typed, so a vault made before that still opens.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.storage.atomic_file import write_atomically
from app.storage.key_derivation import (
    KEY_BYTES,
    SALT_BYTES,
    KdfParams,
    derive_key,
    normalise_secret,
)

FORMAT = "porchlight-key-file"
VERSION = 1
PASSPHRASE_SLOT = "passphrase"
RECOVERY_SLOT = "recovery"
NONCE_BYTES = 12
TAG_BYTES = 16
MAX_FILE_BYTES = 64 * 1024  # a real key file is under 1 KiB


class KeyFileDamaged(Exception):
    """The key file is unreadable or altered."""


class NewerKeyFile(Exception):
    """The key file was written by a newer Porchlight (a higher ``version``)."""


class WrongSecret(Exception):
    """The key file is intact but the passphrase (or recovery code) does not open it."""


@dataclass(frozen=True)
class WrappedKey:
    salt: bytes
    nonce: bytes
    ciphertext: bytes

    def as_dict(self) -> dict[str, str]:
        return {name: base64.b64encode(getattr(self, name)).decode("ascii")
                for name in ("salt", "nonce", "ciphertext")}

    @classmethod
    def from_dict(cls, raw: object) -> WrappedKey:
        if not isinstance(raw, dict) or set(raw) != {"salt", "nonce", "ciphertext"}:
            raise KeyFileDamaged("a key slot has the wrong fields")
        if not all(isinstance(value, str) for value in raw.values()):
            raise KeyFileDamaged("a key slot field is not text")
        wrapped = cls(*(base64.b64decode(raw[name], validate=True)
                        for name in ("salt", "nonce", "ciphertext")))
        if (len(wrapped.salt), len(wrapped.nonce), len(wrapped.ciphertext)) != (
                SALT_BYTES, NONCE_BYTES, KEY_BYTES + TAG_BYTES):
            raise KeyFileDamaged("a key slot field has the wrong length")
        return wrapped


def _aad(slot: str) -> bytes:
    return f"{FORMAT}/v{VERSION}/{slot}".encode()


def wrap(data_key: bytes, secret: str, slot: str, params: KdfParams) -> WrappedKey:
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    kek = derive_key(normalise_secret(secret), salt, params)
    return WrappedKey(salt, nonce, AESGCM(kek).encrypt(nonce, data_key, _aad(slot)))


@dataclass(frozen=True)
class KeyFile:
    params: KdfParams
    slots: dict[str, WrappedKey]

    @classmethod
    def new(cls, data_key: bytes, passphrase: str, recovery_code: str,
            params: KdfParams) -> KeyFile:
        return cls(params, {
            PASSPHRASE_SLOT: wrap(data_key, passphrase, PASSPHRASE_SLOT, params),
            RECOVERY_SLOT: wrap(data_key, recovery_code, RECOVERY_SLOT, params),
        })

    def unwrap(self, secret: str, slot: str) -> bytes:
        """The data key; the normalised secret first, then (older vaults) exactly as typed."""
        wrapped = self.slots[slot]
        candidates = dict.fromkeys((normalise_secret(secret), secret))
        for candidate in candidates:
            kek = derive_key(candidate, wrapped.salt, self.params)
            try:
                data_key = AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, _aad(slot))
            except InvalidTag:
                continue
            if len(data_key) != KEY_BYTES:
                raise KeyFileDamaged("unexpected key length")
            return data_key
        raise WrongSecret(slot)

    def with_slot(self, slot: str, data_key: bytes, secret: str) -> KeyFile:
        slots = dict(self.slots)
        slots[slot] = wrap(data_key, secret, slot, self.params)
        return KeyFile(self.params, slots)

    # --- on disk -------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        body = {
            "format": FORMAT,
            "version": VERSION,
            "kdf": {"name": "argon2id", **self.params.as_dict()},
            "slots": {name: wrapped.as_dict() for name, wrapped in sorted(self.slots.items())},
        }
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
        body["checksum"] = hashlib.sha256(canonical.encode()).hexdigest()
        return (json.dumps(body, sort_keys=True, indent=2) + "\n").encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        if len(data) > MAX_FILE_BYTES:
            raise KeyFileDamaged("the file is far larger than a key file")
        try:
            return cls._parse(data)
        except (KeyFileDamaged, NewerKeyFile):
            raise
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
            # Only the exception's type: its text can quote the file's content.
            raise KeyFileDamaged(type(error).__name__) from error

    @classmethod
    def _parse(cls, data: bytes) -> KeyFile:
        body = json.loads(data.decode("utf-8"))
        if not isinstance(body, dict) or not isinstance(body.get("checksum"), str):
            raise KeyFileDamaged("not a key file")
        if body.get("format") != FORMAT:
            raise KeyFileDamaged("not a Porchlight key file")
        version = body.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise NewerKeyFile(str(version))
        checksum = body.pop("checksum")
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
        if hashlib.sha256(canonical.encode()).hexdigest() != checksum:
            raise KeyFileDamaged("checksum mismatch")
        if version != VERSION or set(body) != {"format", "version", "kdf", "slots"}:
            raise KeyFileDamaged("unexpected key file layout")
        if not isinstance(body["kdf"], dict) or not isinstance(body["slots"], dict):
            raise KeyFileDamaged("unexpected key file layout")
        kdf = dict(body["kdf"])
        if kdf.pop("name", None) != "argon2id":
            raise KeyFileDamaged("unknown key derivation")
        if set(body["slots"]) != {PASSPHRASE_SLOT, RECOVERY_SLOT}:
            raise KeyFileDamaged("a key slot is missing")
        slots = {name: WrappedKey.from_dict(raw) for name, raw in body["slots"].items()}
        return cls(KdfParams.from_dict(kdf), slots)

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        """Read and check the key file; an ``OSError`` (missing, no permission) is left as is."""
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        return cls.from_bytes(data)

    def write(self, path: Path) -> None:
        write_atomically(path, self.to_bytes())
