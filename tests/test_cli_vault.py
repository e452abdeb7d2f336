"""`porchlight vault status|check`: one line, documented exit codes, never vault contents."""

from __future__ import annotations

import io
import os

import pytest

from app.cli import parse
from app.cli_vault import run_vault_command
from app.storage import vault
from app.storage.services import Services
from tests.conftest import FAST_KDF, PASSPHRASE, RECOVERY

NAME = "Zephyrine"


def _run(folder, action, stdin=""):
    out = io.StringIO()
    code = run_vault_command(parse(["vault", action, "--data-dir", str(folder.root)]),
                             io.StringIO(stdin), out)
    return out.getvalue().strip(), code


@pytest.fixture
def made(folder, clock):
    opened = vault.create(folder, PASSPHRASE, RECOVERY, FAST_KDF, clock)
    Services.for_vault(opened).family.add(NAME, 2017, 4)
    opened.close()
    return folder


def test_status_of_each_state(folder, made, tmp_path):
    assert _run(made, "status") == ("set up", 0)
    made.key_file.rename(made.root / "key.aside")
    assert _run(made, "status") == ("key missing", 1)
    (made.root / "key.aside").rename(made.key_file)
    made.key_file.write_bytes(made.key_file.read_bytes()[:50])
    assert _run(made, "status") == ("damaged: key file", 1)
    made.database.unlink()
    assert _run(made, "status") == ("database missing", 1)
    from app.storage.data_folder import DataFolder

    empty = DataFolder(tmp_path / "empty")
    assert _run(empty, "status") == ("new", 2)
    foreign = DataFolder(tmp_path / "docs")
    foreign.root.mkdir()
    (foreign.root / "letter.odt").write_bytes(b"x")
    assert _run(foreign, "status") == ("not a Porchlight folder", 2)


def test_status_sees_a_zeroed_database(made):
    made.database.write_bytes(bytes(made.database.stat().st_size))
    assert _run(made, "status") == ("damaged: database", 1)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_status_of_an_unreadable_folder(made):
    made.root.chmod(0)
    try:
        line, code = _run(made, "status")
    finally:
        made.root.chmod(0o700)
    assert code == 3 and line.startswith("cannot read")


def test_check_ok_wrong_passphrase_and_damage(made):
    assert _run(made, "check", PASSPHRASE + "\n") == ("ok", 0)
    assert _run(made, "check", "not it\n") == ("wrong passphrase", 4)
    data = bytearray(made.database.read_bytes())
    data[5000:6000] = os.urandom(1000)
    made.database.write_bytes(bytes(data))
    line, code = _run(made, "check", PASSPHRASE + "\n")
    assert (line, code) == ("damaged: database", 1)


def test_no_command_prints_vault_contents(made, capsys):
    outputs = [_run(made, "status"), _run(made, "check", PASSPHRASE + "\n")]
    assert all(NAME not in line and PASSPHRASE not in line for line, _ in outputs)
    assert NAME not in capsys.readouterr().out
