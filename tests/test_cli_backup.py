"""`porchlight backup list|create|restore`: names and sizes only, exit codes as documented."""

from __future__ import annotations

import io
import subprocess
import sys

from PySide6.QtCore import QLockFile

from app import cli
from app.cli_backup import run_backup_command
from app.core.evidence import EvidenceDraft
from app.storage import vault
from app.storage.backups import create_backup, list_backups
from app.storage.services import Services
from tests.conftest import PASSPHRASE

SECRET = "Quendrith Pallowmere"


def _run(folder, *argv, stdin=""):
    args = cli.parse(["backup", *argv, "--data-dir", str(folder.root)])
    out = io.StringIO()
    code = run_backup_command(args, io.StringIO(stdin), out)
    return code, out.getvalue()


def _with_note(open_vault):
    Services.for_vault(open_vault).evidence.add(EvidenceDraft(platform="Kik", notes=SECRET))


def test_create_then_list(open_vault, folder):
    _with_note(open_vault)
    open_vault.close()
    code, output = _run(folder, "create", stdin=PASSPHRASE + "\n")
    assert code == 0
    [backup] = list_backups(folder)
    assert output.strip() == backup.name
    code, output = _run(folder, "list")
    assert code == 0
    assert output.startswith(backup.name) and "manual" in output and "KiB" in output
    assert SECRET not in output


def test_create_with_a_wrong_passphrase_or_no_vault(open_vault, folder, tmp_path):
    open_vault.close()
    assert _run(folder, "create", stdin="not it\n") == (4, "wrong passphrase\n")
    assert list_backups(folder) == []
    empty = folder.__class__(tmp_path / "empty")
    assert _run(empty, "create", stdin=PASSPHRASE + "\n")[0] == 2
    assert _run(empty, "list") == (0, "no backups\n")


def test_restore_keeps_the_current_files_aside(open_vault, folder, clock):
    _with_note(open_vault)
    backup = create_backup(open_vault.engine, folder, "daily", clock.now())
    open_vault.close()
    folder.database.write_bytes(b"\x00" * 8192)
    code, output = _run(folder, "restore", backup.name)
    assert code == 0, output
    assert f"restored {backup.name}" in output
    aside = next(folder.root.glob("aside-*"))
    assert str(aside) in output
    assert (aside / "porchlight.db").read_bytes() == b"\x00" * 8192
    reopened = vault.unlock(folder, PASSPHRASE, clock)
    assert [e.draft.notes for e in Services.for_vault(reopened).evidence.entries()] == [SECRET]
    reopened.close()


def test_restore_refuses_unknown_damaged_and_while_running(open_vault, folder, clock):
    backup = create_backup(open_vault.engine, folder, "daily", clock.now())
    open_vault.close()
    assert _run(folder, "restore", "2020-01-01T00-00-00Z-daily")[0] == 2
    lock = QLockFile(str(folder.lock_file))
    assert lock.tryLock(0)
    try:
        code, output = _run(folder, "restore", backup.name)
        assert code == 5 and "close it first" in output
    finally:
        lock.unlock()
    (backup / "porchlight.key").write_bytes(b"{}")
    before = folder.database.read_bytes()
    code, output = _run(folder, "restore", backup.name)
    assert code == 1 and "damaged" in output
    assert folder.database.read_bytes() == before
    assert not list(folder.root.glob("aside-*"))


def test_the_installed_command_lists_backups(open_vault, folder, clock):
    create_backup(open_vault.engine, folder, "daily", clock.now())
    open_vault.close()
    result = subprocess.run([sys.executable, "-m", "app", "backup", "list", "--data-dir",
                             str(folder.root)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "daily" in result.stdout
