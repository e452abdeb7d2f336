"""The whole-file check left for just after an unlock: its verdicts, its mark, and its end.

The app unlocks with ``check_later`` (only the first pages are read before the window shows)
and then runs ``check_whole_file`` beside the database worker. These tests use real vaults on
disk, damaged the way a failing disk damages them.
"""

from __future__ import annotations

import os
import threading

import pytest

from app.storage import vault
from app.storage.integrity_watch import DAMAGED, SOUND
from app.storage.services import Services
from tests.conftest import FAST_KDF, PASSPHRASE, RECOVERY

PAGE = 4096


def _make(folder, clock, rows=60):
    opened = vault.create(folder, PASSPHRASE, RECOVERY, FAST_KDF, clock)
    services = Services.for_vault(opened)
    for number in range(rows):  # pages beyond the first ones, to damage
        services.settings.set(f"filler-{number:03d}", os.urandom(150).hex())
    services.family.add("Maya", 2017, 4)
    opened.close()


def _flip_page(folder, page=3):
    data = bytearray(folder.database.read_bytes())
    for index in range(page * PAGE + 500, page * PAGE + 564):
        data[index] ^= 0xA5
    folder.database.write_bytes(bytes(data))


def _check_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "porchlight-check"]


def test_a_sound_file_is_sound_and_leaves_no_mark(folder, clock):
    _make(folder, clock)
    opened = vault.unlock(folder, PASSPHRASE, clock, check_later=True)
    heard: list[str] = []
    assert opened.check_whole_file(heard.append).wait(30) == SOUND
    assert heard == [SOUND] and not folder.check_marker.exists()
    assert Services.for_vault(opened).family.children()[0].name == "Maya"
    opened.close()


def test_damage_past_the_first_pages_is_found_after_and_refused_next_time(folder, clock):
    _make(folder, clock)
    sound = folder.database.read_bytes()
    _flip_page(folder)
    opened = vault.unlock(folder, PASSPHRASE, clock, check_later=True)  # opens: page 1 is fine
    assert opened.check_whole_file().wait(30) == DAMAGED
    assert folder.check_marker.exists()
    opened.close()
    with pytest.raises(vault.DamagedVault) as caught:  # checked whole first, this time
        vault.unlock(folder, PASSPHRASE, clock, check_later=True)
    assert caught.value.part == "database"
    assert folder.database.exists()  # nothing is deleted
    folder.database.write_bytes(sound)  # a sound file back (a restore does this)
    vault.unlock(folder, PASSPHRASE, clock, check_later=True).close()
    assert not folder.check_marker.exists()  # checked whole and sound: the mark goes


@pytest.mark.parametrize("where", [0, 16])
def test_a_ruined_start_of_the_file_still_fails_at_once(folder, clock, where):
    """The first read proves the key and the first pages: a wrong start is refused as before."""
    _make(folder, clock)
    data = bytearray(folder.database.read_bytes())
    data[where:where + PAGE] = os.urandom(PAGE)
    folder.database.write_bytes(bytes(data))
    with pytest.raises(vault.DamagedVault):
        vault.unlock(folder, PASSPHRASE, clock, check_later=True)
    with pytest.raises(vault.WrongPassphrase):
        vault.unlock(folder, "not the passphrase", clock, check_later=True)


def test_the_api_still_checks_the_whole_file_before_opening(folder, clock):
    _make(folder, clock)
    _flip_page(folder)
    with pytest.raises(vault.DamagedVault):
        vault.unlock(folder, PASSPHRASE, clock)  # the command line's `vault check` and backups


def test_a_lock_ends_the_check_before_the_key_goes(folder, clock):
    _make(folder, clock, rows=400)
    for _round in range(5):
        opened = vault.unlock(folder, PASSPHRASE, clock, check_later=True)
        heard: list[str] = []
        watch = opened.check_whole_file(heard.append)
        opened.close()  # at once: interrupted, or finished just before
        assert not _check_threads()
        assert watch.result in (None, SOUND) and heard in ([], [SOUND])
        assert not folder.check_marker.exists()
    with pytest.raises(vault.VaultLocked):
        opened.check_whole_file()
