"""The key file: the database key, wrapped twice, and nothing else.

The database is encrypted with a random 256-bit data key. That key is stored only wrapped with
AES-256-GCM: once under a key derived from the passphrase, once under a key derived from the
recovery code. Changing the passphrase rewraps one slot and never re-encrypts the database.

The GCM tag tells a wrong passphrase apart from a damaged file: a checksum over the whole
file is verified first, so a flipped byte reads as "damaged", and only an intact file whose
tag does not match reads as "wrong passphrase".
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
from app.storage.key_derivation import KEY_BYTES, SALT_BYTES, KdfParams, derive_key

FORMAT = "porchlight-key-file"
VERSION = 1
PASSPHRASE_SLOT = "passphrase"
RECOVERY_SLOT = "recovery"


class KeyFileDamaged(Exception):
    """The key file is missing, unreadable or altered."""


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
    def from_dict(cls, raw: dict[str, str]) -> WrappedKey:
        return cls(*(base64.b64decode(raw[name], validate=True)
                     for name in ("salt", "nonce", "ciphertext")))


def _aad(slot: str) -> bytes:
    return f"{FORMAT}/v{VERSION}/{slot}".encode()


def wrap(data_key: bytes, secret: str, slot: str, params: KdfParams) -> WrappedKey:
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(12)
    kek = derive_key(secret, salt, params)
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
        wrapped = self.slots[slot]
        kek = derive_key(secret, wrapped.salt, self.params)
        try:
            data_key = AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, _aad(slot))
        except InvalidTag as error:
            raise WrongSecret(slot) from error
        if len(data_key) != KEY_BYTES:
            raise KeyFileDamaged("unexpected key length")
        return data_key

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
        try:
            body = json.loads(data.decode("utf-8"))
            checksum = body.pop("checksum")
            canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
            if hashlib.sha256(canonical.encode()).hexdigest() != checksum:
                raise KeyFileDamaged("checksum mismatch")
            if body["format"] != FORMAT:
                raise KeyFileDamaged("not a Porchlight key file")
            if body["version"] != VERSION:
                raise KeyFileDamaged(f"unknown key file version {body['version']}")
            kdf = dict(body["kdf"])
            if kdf.pop("name") != "argon2id":
                raise KeyFileDamaged("unknown key derivation")
            slots = {name: WrappedKey.from_dict(raw) for name, raw in body["slots"].items()}
            if PASSPHRASE_SLOT not in slots or RECOVERY_SLOT not in slots:
                raise KeyFileDamaged("a key slot is missing")
            return cls(KdfParams.from_dict(kdf), slots)
        except KeyFileDamaged:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as error:
            raise KeyFileDamaged(str(error)) from error

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise KeyFileDamaged(str(error)) from error
        return cls.from_bytes(data)

    def write(self, path: Path) -> None:
        write_atomically(path, self.to_bytes())
