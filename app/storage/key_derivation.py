"""Turning a passphrase into a key slowly enough that guessing it is impractical.

Argon2id is tuned on the computer at setup so that one derivation takes at least about half a
second and 64 MiB of memory; the chosen parameters are written into the key file, so a faster
or slower computer later still derives the same key.
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw

KEY_BYTES = 32
SALT_BYTES = 16
TARGET_SECONDS = 0.5
MIN_MEMORY_KIB = 64 * 1024
MAX_TIME_COST = 64


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
        params = cls(
            time_cost=int(raw["time_cost"]),  # type: ignore[call-overload]
            memory_kib=int(raw["memory_kib"]),  # type: ignore[call-overload]
            parallelism=int(raw["parallelism"]),  # type: ignore[call-overload]
            version=int(raw.get("version", ARGON2_VERSION)),  # type: ignore[call-overload]
        )
        if not (1 <= params.time_cost <= 1000 and 8 <= params.memory_kib <= 4 * 1024 * 1024
                and 1 <= params.parallelism <= 16):
            raise ValueError("key derivation parameters out of range")
        return params


def derive_key(secret: str, salt: bytes, params: KdfParams) -> bytes:
    """A 256-bit key from a passphrase or recovery code (Argon2id)."""
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
