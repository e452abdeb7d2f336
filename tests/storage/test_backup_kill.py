"""A kill -9 during a backup never leaves anything that looks like a good backup.

A separate Python process unlocks the vault and takes backups; it is killed (SIGKILL, no
clean-up possible) after each step of a backup in turn, and at random moments of a backup loop.
Afterwards every folder with a backup's name must verify in full, and the next start's clean-up
removes whatever else was left.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from app.core.evidence import EvidenceDraft
from app.storage import vault
from app.storage.backups import clean_incomplete_backups, list_backups, verify_backup
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

CHILD = r"""
import datetime as dt, os, signal, sys
from app.storage import backups, vault
from app.storage.data_folder import DataFolder

folder = DataFolder(__import__("pathlib").Path(sys.argv[1]))
mode = sys.argv[2]
opened = vault.unlock(folder, sys.argv[3])
if mode.startswith("after:"):
    step = mode.split(":", 1)[1]
    real = getattr(backups, step) if step != "rename" else None
    if step == "rename":
        real_rename = os.rename
        def killing_rename(*args):
            real_rename(*args)
            os.kill(os.getpid(), signal.SIGKILL)
        os.rename = killing_rename
    else:
        def killing(*args, **kwargs):
            real(*args, **kwargs)
            os.kill(os.getpid(), signal.SIGKILL)
        setattr(backups, step, killing)
    backups.create_backup(opened.engine, folder, "daily", dt.datetime.now(dt.UTC))
    sys.exit(3)  # not reached
print("ready", flush=True)
moment = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
while True:
    moment += dt.timedelta(seconds=1)
    backups.create_backup(opened.engine, folder, "daily", moment)
"""


def _prepare(open_vault, services) -> None:
    for number in range(300):
        services.evidence.add(EvidenceDraft(platform="Discord", notes=f"entry {number} " * 40))
    open_vault.close()


def _all_named_backups_are_good(folder) -> int:
    named = list_backups(folder)
    for info in named:
        assert info.complete, info.name
        verify_backup(info.path)
    return len(named)


@pytest.mark.parametrize("step", ["_copy_database", "_verify_copy", "_copy_file",
                                  "_write_manifest", "_sync", "rename"])
def test_killed_after_each_step(services, open_vault, folder, clock, step):
    _prepare(open_vault, services)
    result = subprocess.run([sys.executable, "-c", CHILD, str(folder.root), f"after:{step}",
                             PASSPHRASE], capture_output=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()[-2000:]
    count = _all_named_backups_are_good(folder)
    assert count == (1 if step == "rename" else 0)
    leftovers = [p for p in folder.backups.iterdir() if p.name.startswith(".incomplete-")]
    assert len(leftovers) == (0 if step == "rename" else 1)
    clean_incomplete_backups(folder)
    assert [p.name for p in folder.backups.iterdir()] == [b.name for b in list_backups(folder)]
    vault.unlock(folder, PASSPHRASE, clock).close()  # the vault itself is untouched


def test_killed_at_random_moments(services, open_vault, folder, clock):
    _prepare(open_vault, services)
    chooser = random.Random(9)
    for _round in range(6):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder.root), "loop",
                                  PASSPHRASE], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == b"ready"
            time.sleep(chooser.uniform(0.01, 0.4))
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
        _all_named_backups_are_good(folder)
        clean_incomplete_backups(folder)
        assert not any(p.name.startswith(".incomplete-") for p in folder.backups.iterdir())
    assert _all_named_backups_are_good(folder) >= 1
    vault.unlock(folder, PASSPHRASE, clock).close()
