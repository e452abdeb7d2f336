import time

import pytest

from app.storage.key_derivation import MIN_MEMORY_KIB, KdfParams, calibrate, derive_key
from app.storage.key_file import (
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    KeyFile,
    KeyFileDamaged,
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
