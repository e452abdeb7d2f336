"""One classifier: real disk, permission, lock and damage errors get their kind and words.

The errors are produced for real (a SQLite page limit for a full disk, a read-only connection,
a second writer, garbage bytes, a tiny or read-only mount) — nothing is faked.
"""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys
import textwrap

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text

from app.storage import vault
from app.storage.errors import Problem, ProblemKind, VaultUnavailable, classify
from app.storage.writes import SaveFailed, writing
from app.ui import messages
from tests.conftest import FAST_KDF, PASSPHRASE, RECOVERY


@pytest.mark.parametrize(("number", "kind"), [
    (errno.ENOSPC, ProblemKind.DISK_FULL), (errno.EROFS, ProblemKind.READ_ONLY),
    (errno.EACCES, ProblemKind.PERMISSION), (errno.EPERM, ProblemKind.PERMISSION),
    (errno.ENOENT, ProblemKind.MISSING),
])
def test_operating_system_errors(number, kind):
    assert classify(OSError(number, "x"), "folder") == Problem(kind, "folder")


def test_a_full_disk_on_save_is_disk_full(open_vault):
    with pytest.raises(SaveFailed) as caught, writing(open_vault.sessions) as session:
        pages = session.execute(text("PRAGMA page_count")).scalar()
        session.execute(text(f"PRAGMA max_page_count = {pages}"))
        session.execute(text("INSERT INTO settings VALUES ('big', :v)"), {"v": "x" * 200_000})
    assert caught.value.problem == Problem(ProblemKind.DISK_FULL, "database")
    assert caught.value.disk_full
    assert messages.for_vault_error(caught.value) == messages.DISK_FULL
    assert "x" * 20 not in str(caught.value)


def test_read_only_and_busy_and_not_a_database(tmp_path):
    path = tmp_path / "plain.db"
    first = sqlcipher.connect(str(path), isolation_level=None)
    first.execute("CREATE TABLE t (x)")
    read_only = sqlcipher.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlcipher.Error) as caught:
        read_only.execute("INSERT INTO t VALUES (1)")
    assert classify(caught.value).kind is ProblemKind.READ_ONLY
    first.execute("BEGIN IMMEDIATE")
    second = sqlcipher.connect(str(path), timeout=0, isolation_level=None)
    with pytest.raises(sqlcipher.Error) as caught:
        second.execute("BEGIN IMMEDIATE")
    assert classify(caught.value) == Problem(ProblemKind.LOCKED, "database")
    assert messages.for_vault_error(caught.value) == messages.LOCKED_BY_ANOTHER_PROGRAM
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\x13" * 8192)
    with pytest.raises(sqlcipher.Error) as caught:
        sqlcipher.connect(str(garbage)).execute("SELECT * FROM sqlite_master").fetchall()
    assert classify(caught.value).kind is ProblemKind.DAMAGED


def test_a_crafted_key_file_through_unlock_is_named_damaged(open_vault, folder, clock):
    import base64
    import hashlib
    import json

    open_vault.close()
    body = json.loads(folder.key_file.read_bytes())
    body.pop("checksum")
    body["slots"]["passphrase"]["nonce"] = base64.b64encode(b"short").decode()
    body["checksum"] = hashlib.sha256(
        json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
    folder.key_file.write_text(json.dumps(body))
    with pytest.raises(vault.DamagedVault) as caught:
        vault.unlock(folder, PASSPHRASE, clock)
    assert messages.for_vault_error(caught.value) == messages.DAMAGED_KEY_FILE


def test_a_newer_key_file_says_newer(open_vault, folder, clock):
    import hashlib
    import json

    open_vault.close()
    body = json.loads(folder.key_file.read_bytes())
    body.pop("checksum")
    body["version"] = 2
    body["checksum"] = hashlib.sha256(
        json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
    folder.key_file.write_text(json.dumps(body))
    with pytest.raises(vault.NewerVault) as caught:
        vault.unlock(folder, PASSPHRASE, clock)
    assert classify(caught.value) == Problem(ProblemKind.NEWER_VERSION, "key file")
    assert messages.for_vault_error(caught.value) == messages.NEWER_KEY_FILE


def test_every_kind_has_its_own_words():
    words = {messages.for_problem(Problem(kind, part)) for kind in ProblemKind
             for part in ("database", "key file", "backup", "folder", "")}
    assert messages.UNEXPECTED in words  # BUG only
    kinds_to_words = {kind: messages.for_problem(Problem(kind, "database"))
                      for kind in ProblemKind if kind is not ProblemKind.BUG}
    assert messages.UNEXPECTED not in kinds_to_words.values()
    assert len(set(kinds_to_words.values())) == len(kinds_to_words)
    for text_ in words - {messages.UNEXPECTED, messages.WRONG_PASSPHRASE,
                          messages.VAULT_LOCKED}:
        assert "nothing" in text_.lower(), text_


# --- a real full disk and a real read-only folder (a private mount namespace) --------------

_IN_NAMESPACE = textwrap.dedent("""
    import os, shutil, subprocess, sys
    sys.path.insert(0, {root!r})
    from app.storage import vault
    from app.storage.data_folder import DataFolder
    from app.storage.errors import classify
    from app.storage.key_derivation import KdfParams
    from app.ui import messages

    fast = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    mount, source, case = sys.argv[1], sys.argv[2], sys.argv[3]
    def run(*args):
        subprocess.run(args, check=True)
    from pathlib import Path
    folder = DataFolder(Path(mount) / "data")
    if case == "setup-full":
        run("mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", mount)
    else:
        run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount)
        shutil.copytree(source, str(folder.root))
        if case == "unlock-full":
            filler = os.open(os.path.join(mount, "filler"), os.O_WRONLY | os.O_CREAT)
            try:
                while True:
                    os.write(filler, b"0" * 4096)
            except OSError:
                os.close(filler)
        else:
            run("mount", "-o", "remount,ro", mount)
    try:
        if case == "setup-full":
            vault.create(folder, "lantern orchard velvet comet", "R" * 25, fast).close()
        else:
            vault.unlock(folder, "lantern orchard velvet comet").close()
        print("opened")
    except Exception as error:
        problem = classify(error)
        print(type(error).__name__, problem.kind.name, problem.part,
              messages.for_vault_error(error) == messages.for_problem(problem),
              sorted(os.listdir(folder.root)) if os.path.isdir(folder.root) else [])
""")


def _in_namespace(tmp_path, source, case):
    if sys.platform != "linux" or shutil.which("unshare") is None:
        pytest.skip("needs Linux mount namespaces")
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("user namespaces are not allowed here")
    mount = tmp_path / "mount"
    mount.mkdir()
    script = _IN_NAMESPACE.format(root=str(__import__("pathlib").Path(__file__).parents[2]))
    result = subprocess.run(["unshare", "-rm", sys.executable, "-c", script, str(mount),
                             str(source), case], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


def test_a_full_disk_at_setup_is_not_damage_and_leaves_no_half_vault(tmp_path):
    line = _in_namespace(tmp_path, tmp_path, "setup-full")
    assert line.startswith("VaultUnavailable DISK_FULL"), line
    assert "porchlight.db'" not in line and "porchlight.key'" not in line


@pytest.mark.parametrize(("case", "kind"), [("unlock-full", "DISK_FULL"),
                                            ("read-only", "READ_ONLY")])
def test_unlock_on_a_full_or_read_only_disk_is_not_damage(tmp_path, folder, clock, case, kind):
    vault.create(folder, PASSPHRASE, RECOVERY, FAST_KDF, clock).close()
    line = _in_namespace(tmp_path, folder.root, case)
    assert line.split()[:2] == ["VaultUnavailable", kind], line
    assert " True " in line


def test_vault_unavailable_carries_its_problem():
    error = VaultUnavailable(Problem(ProblemKind.READ_ONLY, "folder"))
    assert classify(error) == Problem(ProblemKind.READ_ONLY, "folder")
    assert messages.for_vault_error(error) == messages.READ_ONLY
