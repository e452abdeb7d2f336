"""A second launch is told apart from a folder where the lock cannot be taken at all."""

from __future__ import annotations

import os
import stat

from app.desktop.single_instance import ClaimResult, SingleInstance


def test_the_first_claims_and_a_second_launch_is_told_it_is_running(qtbot, tmp_path):
    first = SingleInstance(tmp_path / "data")
    assert first.claim() is ClaimResult.FIRST
    lock = tmp_path / "data" / "porchlight.lock"
    assert stat.S_IMODE(os.stat(lock).st_mode) == 0o600
    second = SingleInstance(tmp_path / "data")
    assert second.claim() is ClaimResult.ALREADY_RUNNING
    first.release()
    third = SingleInstance(tmp_path / "data")
    assert third.claim() is ClaimResult.FIRST
    third.release()


def test_a_folder_that_cannot_be_made_is_not_called_already_running(qtbot, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should go")
    instance = SingleInstance(blocker / "data")
    assert instance.claim() is ClaimResult.CANNOT_LOCK
    assert not instance.claim()  # falsy, so old callers still stop
