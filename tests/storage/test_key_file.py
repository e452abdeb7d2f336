import base64
import time

import pytest

from app.storage.key_derivation import MIN_MEMORY_KIB, KdfParams, calibrate, derive_key
from app.storage.key_file import (
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    KeyFile,
    KeyFileDamaged,
    NewerKeyFile,
    WrongSecret,
)
from tests.conftest import FAST_KDF

DATA_KEY = bytes(range(32))


def test_both_slots_unwrap_to_the_same_key(tmp_path):
    key_file = KeyFile.new(DATA_KEY, "pass phrase one", "RECOVERYCODE", FAST_KDF)
    path = tmp_path / "k"
    key_file.write(path)
    again = KeyFile.read(path)
    assert again.unwrap("pass phrase one", PASSPHRASE_SLOT) == DATA_KEY
    assert again.unwrap("RECOVERYCODE", RECOVERY_SLOT) == DATA_KEY
    assert again.params == FAST_KDF


def test_wrong_secret_is_not_damage(tmp_path):
    key_file = KeyFile.new(DATA_KEY, "pass phrase one", "RECOVERYCODE", FAST_KDF)
    with pytest.raises(WrongSecret):
        key_file.unwrap("pass phrase two", PASSPHRASE_SLOT)
    with pytest.raises(WrongSecret):
        key_file.unwrap("pass phrase one", RECOVERY_SLOT)


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "empty"])
def test_damaged_files_are_reported_as_damaged(tmp_path, damage):
    data = bytearray(KeyFile.new(DATA_KEY, "p", "r", FAST_KDF).to_bytes())
    if damage == "flip":
        index = data.index(b'"ciphertext"') + 20
        data[index] = ord("A") if data[index] != ord("A") else ord("B")
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "garbage":
        data = bytearray(b"\x00\xff" * 40)
    else:
        data = bytearray()
    with pytest.raises(KeyFileDamaged):
        KeyFile.from_bytes(bytes(data))


def test_key_file_holds_no_key_material_in_clear():
    text = KeyFile.new(DATA_KEY, "p", "r", FAST_KDF).to_bytes()
    assert DATA_KEY.hex().encode() not in text and DATA_KEY not in text
    assert b'"version": 1' in text and b"argon2id" in text


def test_calibration_meets_the_floor_on_this_machine():
    params = calibrate()
    assert params.memory_kib >= MIN_MEMORY_KIB
    started = time.perf_counter()
    derive_key("a passphrase", b"0123456789abcdef", params)
    assert time.perf_counter() - started >= 0.4  # target is 0.5 s; allow for noise


def test_out_of_range_parameters_are_rejected():
    with pytest.raises(ValueError):
        KdfParams.from_dict({"time_cost": 0, "memory_kib": 1, "parallelism": 1})


def _crafted(change) -> bytes:
    """A key file whose body was edited and re-checksummed: only the field checks can catch it."""
    import hashlib
    import json

    body = json.loads(KeyFile.new(DATA_KEY, "p", "r", FAST_KDF).to_bytes())
    body.pop("checksum")
    change(body)
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
    body["checksum"] = hashlib.sha256(canonical.encode()).hexdigest()
    return json.dumps(body).encode()


def _slot(body, field, value):
    body["slots"]["passphrase"][field] = value


CRAFTED = {
    "nonce too short": lambda b: _slot(b, "nonce", base64.b64encode(b"x" * 8).decode()),
    "nonce too long": lambda b: _slot(b, "nonce", base64.b64encode(b"x" * 40).decode()),
    "salt too short": lambda b: _slot(b, "salt", base64.b64encode(b"s").decode()),
    "ciphertext wrong length": lambda b: _slot(b, "ciphertext",
                                               base64.b64encode(b"c" * 20).decode()),
    "not base64": lambda b: _slot(b, "salt", "@@@not base64@@@"),
    "slot not text": lambda b: _slot(b, "salt", 12),
    "slot is a list": lambda b: b["slots"].__setitem__("passphrase", [1, 2]),
    "extra slot field": lambda b: _slot(b, "extra", "AAAA"),
    "slot missing": lambda b: b["slots"].pop("recovery"),
    "memory below floor": lambda b: b["kdf"].__setitem__("memory_kib", 1024),
    "memory absurd": lambda b: b["kdf"].__setitem__("memory_kib", 64 * 1024 * 1024),
    "time cost absurd": lambda b: b["kdf"].__setitem__("time_cost", 100000),
    "time cost zero": lambda b: b["kdf"].__setitem__("time_cost", 0),
    "parallelism zero": lambda b: b["kdf"].__setitem__("parallelism", 0),
    "parallelism text": lambda b: b["kdf"].__setitem__("parallelism", "2"),
    "argon2 version unknown": lambda b: b["kdf"].__setitem__("version", 7),
    "kdf not a dict": lambda b: b.__setitem__("kdf", "argon2id"),
    "slots not a dict": lambda b: b.__setitem__("slots", []),
    "wrong format": lambda b: b.__setitem__("format", "something-else"),
    "version text": lambda b: b.__setitem__("version", "1"),
}


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_every_crafted_field_is_named_as_damage(name):
    with pytest.raises(KeyFileDamaged):
        KeyFile.from_bytes(_crafted(CRAFTED[name]))


@pytest.mark.parametrize("data", [
    b"[" * 100_000 + b"]" * 100_000,  # deep nesting: RecursionError in json
    b'{"a":' * 5000 + b"1" + b"}" * 5000,
    b"[1, 2, 3]",
    b'"just a string"',
    b"null",
    b"{}",
    b" " * (70 * 1024),  # larger than any key file
    b"\xff\xfe\x00",
], ids=["deep-list", "deep-dict", "list", "string", "null", "empty-dict", "huge", "not-utf8"])
def test_hostile_files_are_damage_never_a_crash(data):
    with pytest.raises(KeyFileDamaged):
        KeyFile.from_bytes(data)


def test_a_key_file_from_a_newer_porchlight_is_not_damage():
    def newer(body):
        body["version"] = 2
        body["new-field"] = {"anything": True}

    with pytest.raises(NewerKeyFile):
        KeyFile.from_bytes(_crafted(newer))


def test_the_test_parameters_are_the_smallest_allowed():
    assert KdfParams.from_dict(FAST_KDF.as_dict()) == FAST_KDF
