"""Turning a passphrase into a key slowly enough that guessing it is impractical.

Argon2id is tuned on the computer at setup so that one derivation takes at least about half a
second and 64 MiB of memory; the chosen parameters are written into the key file, so a faster
or slower computer later still derives the same key.
"""

from __future__ import annotations

import math
import time
import unicodedata
from dataclasses import asdict, dataclass

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw

KEY_BYTES = 32
SALT_BYTES = 16
TARGET_SECONDS = 0.5
MIN_MEMORY_KIB = 64 * 1024
MAX_TIME_COST = 64
# What a key file may ask for. The floor keeps a tampered file from making guessing cheap; the
# ceilings keep it from making every unlock take minutes or gigabytes (tests use 8 MiB).
FLOOR_MEMORY_KIB = 8 * 1024
CEILING_MEMORY_KIB = 1024 * 1024
CEILING_TIME_COST = 4 * MAX_TIME_COST
CEILING_PARALLELISM = 16
ARGON2_VERSIONS = (0x10, ARGON2_VERSION)


@dataclass(frozen=True)
class KdfParams:
    time_cost: int
    memory_kib: int
    parallelism: int
    version: int = ARGON2_VERSION

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict[str, object]) -> KdfParams:
        """Parameters read from a key file; anything out of range raises ``ValueError``."""
        if set(raw) - {"time_cost", "memory_kib", "parallelism", "version"}:
            raise ValueError("unknown key derivation parameter")
        params = cls(
            time_cost=_whole_number(raw["time_cost"]),
            memory_kib=_whole_number(raw["memory_kib"]),
            parallelism=_whole_number(raw["parallelism"]),
            version=_whole_number(raw.get("version", ARGON2_VERSION)),
        )
        if not (1 <= params.time_cost <= CEILING_TIME_COST
                and FLOOR_MEMORY_KIB <= params.memory_kib <= CEILING_MEMORY_KIB
                and 1 <= params.parallelism <= CEILING_PARALLELISM
                and params.memory_kib >= 8 * params.parallelism
                and params.version in ARGON2_VERSIONS):
            raise ValueError("key derivation parameters out of range")
        return params


def _whole_number(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("key derivation parameter is not a whole number")
    return value


def normalise_secret(secret: str) -> str:
    """The same passphrase typed on any keyboard: "Café" composed or decomposed is one secret."""
    return unicodedata.normalize("NFC", secret)


def derive_key(secret: str, salt: bytes, params: KdfParams) -> bytes:
    """A 256-bit key from a passphrase or recovery code (Argon2id), taken exactly as given.

    Callers normalise first (``normalise_secret``); the raw form is kept for vaults made before
    normalisation, whose secret may have been stored decomposed.
    """
    return hash_secret_raw(
        secret=secret.encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
        version=params.version,
    )


def calibrate(target_seconds: float = TARGET_SECONDS, memory_kib: int = MIN_MEMORY_KIB,
              parallelism: int = 2) -> KdfParams:
    """Parameters that take at least ``target_seconds`` on this computer."""
    salt = b"porchlight-calib"
    time_cost = 1
    while True:
        params = KdfParams(time_cost, memory_kib, parallelism)
        started = time.perf_counter()
        derive_key("calibration", salt, params)
        elapsed = time.perf_counter() - started
        if elapsed >= target_seconds or time_cost >= MAX_TIME_COST:
            return params
        # Scale up in one step from the measurement, with a margin; then measure again.
        time_cost = min(MAX_TIME_COST, max(time_cost + 1,
                                           math.ceil(time_cost * target_seconds * 1.1 / elapsed)))
