"""The damage matrix: each way a data folder can be hurt, opened through the API and the screen.

Each case damages a real vault on disk, then unlocks with the right passphrase. The classifier
must name the kind and the part, the parent must get the words for exactly that (never the
"unexpected" message, never a traceback), and a damaged or missing part offers a restore.
``TABLE`` collects kind × where → message for the closing note (run with ``-s`` to print it).
"""

from __future__ import annotations

import os
import shutil

import pytest
from PySide6.QtCore import Qt

from app.storage import vault
from app.storage.errors import ProblemKind, classify
from app.storage.services import Services
from app.ui import messages
from tests.conftest import FAST_KDF, PASSPHRASE, RECOVERY

PAGE = 4096
TABLE: list[tuple[str, str, str, str]] = []


def _make(folder, clock, children=40):
    opened = vault.create(folder, PASSPHRASE, RECOVERY, FAST_KDF, clock)
    services = Services.for_vault(opened)
    for number in range(children):  # a few pages of rows, so there are pages to damage
        services.settings.set(f"filler-{number:03d}", os.urandom(150).hex())
    services.family.add("Maya", 2017, 4)
    opened.close()


def _rewrite(path, change):
    data = bytearray(path.read_bytes())
    change(data)
    path.write_bytes(bytes(data))


def _flip(data, start, count=16):
    for index in range(start, start + count):
        data[index] ^= 0xA5


DAMAGE = {
    "truncate db": lambda f: _rewrite(f.database, lambda d: d.__delitem__(
        slice(len(d) // 2 + 100, None))),
    "zero db": lambda f: _rewrite(f.database, lambda d: d.__setitem__(
        slice(0, len(d)), bytes(len(d)))),
    "flip db header": lambda f: _rewrite(f.database, lambda d: _flip(d, 0)),
    "flip db page": lambda f: _rewrite(f.database, lambda d: _flip(d, 2 * PAGE + 500, 64)),
    "delete db": lambda f: f.database.unlink(),
    "delete key": lambda f: f.key_file.unlink(),
    "truncate key": lambda f: _rewrite(f.key_file, lambda d: d.__delitem__(
        slice(len(d) // 3, None))),
    "flip key byte": lambda f: _rewrite(f.key_file, lambda d: d.__setitem__(
        d.index(b'"ciphertext"') + 20, ord("B") if d[d.index(b'"ciphertext"') + 20] != ord(
            "B") else ord("C"))),
}

EXPECTED = {
    "truncate db": (ProblemKind.DAMAGED, "database", messages.DAMAGED_DATABASE),
    "zero db": (ProblemKind.DAMAGED, "database", messages.DAMAGED_DATABASE),
    "flip db header": (ProblemKind.DAMAGED, "database", messages.DAMAGED_DATABASE),
    "flip db page": (ProblemKind.DAMAGED, "database", messages.DAMAGED_DATABASE),
    "delete db": (ProblemKind.MISSING, "database", messages.MISSING_DATABASE),
    "delete key": (ProblemKind.MISSING, "key file", messages.MISSING_KEY_FILE),
    "truncate key": (ProblemKind.DAMAGED, "key file", messages.DAMAGED_KEY_FILE),
    "flip key byte": (ProblemKind.DAMAGED, "key file", messages.DAMAGED_KEY_FILE),
}


def _short(message: str) -> str:
    return message.split(". ")[0] + "."


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_through_the_api(folder, clock, damage):
    _make(folder, clock)
    DAMAGE[damage](folder)
    with pytest.raises(vault.VaultError) as caught:
        vault.unlock(folder, PASSPHRASE, clock)
    kind, part, words = EXPECTED[damage]
    problem = classify(caught.value)
    assert (problem.kind, problem.part) == (kind, part)
    text = messages.for_vault_error(caught.value)
    assert text == words and text != messages.UNEXPECTED
    assert messages.offers_restore(caught.value)
    assert "restore from a backup" in text.lower()
    TABLE.append((damage, "API (vault.unlock)", f"{kind.name} / {part}", _short(text)))


def test_deleting_a_wal_that_held_the_latest_commits(folder, clock, tmp_path):
    """A crash leaves recent commits in -wal only; deleting it loses them without an error.

    SQLite cannot tell a removed log from an absent one, so this is not detectable at open;
    what Porchlight does about it is fold the log in at every lock (``OpenVault.close``), so
    the window is a crash, not a normal lock. This test pins both facts down.
    """
    _make(folder, clock, children=2)
    opened = vault.unlock(folder, PASSPHRASE, clock)
    Services.for_vault(opened).family.add("After the last checkpoint", 2015, 1)
    crashed = tmp_path / "crashed"
    shutil.copytree(folder.root, crashed)  # what a kill -9 would leave: the log not folded in
    opened.close()
    assert os.path.getsize(folder.root / "porchlight.db-wal") == 0 if (
        folder.root / "porchlight.db-wal").exists() else True
    from app.storage.data_folder import DataFolder

    crash = DataFolder(crashed)
    assert (crashed / "porchlight.db-wal").stat().st_size > 0
    (crashed / "porchlight.db-wal").unlink()
    reopened = vault.unlock(crash, PASSPHRASE, clock)
    names = [child.name for child in Services.for_vault(reopened).family.children()]
    reopened.close()
    assert "After the last checkpoint" not in names and names == ["Maya"]
    after_lock = vault.unlock(folder, PASSPHRASE, clock)
    assert "After the last checkpoint" in [
        c.name for c in Services.for_vault(after_lock).family.children()]
    after_lock.close()
    TABLE.append(("delete -wal after a crash", "API (vault.unlock)", "opens (not detectable)",
                  "no message; commits since the last lock are lost"))
    (folder.root / "porchlight.db-wal").unlink(missing_ok=True)
    again = vault.unlock(folder, PASSPHRASE, clock)  # after a normal lock nothing is lost
    assert "After the last checkpoint" in [
        c.name for c in Services.for_vault(again).family.children()]
    again.close()
    TABLE.append(("delete -wal after a lock", "API (vault.unlock)", "opens, nothing lost",
                  "no message needed"))


SCREEN_CASES = ["delete db", "delete key", "truncate key", "zero db"]


@pytest.mark.parametrize("damage", SCREEN_CASES)
def test_through_the_unlock_screen(qtbot, context, clock, damage):
    from app.ui.pages.unlock_page import UnlockPage

    _make(context.folder, clock, children=40)
    DAMAGE[damage](context.folder)
    page = UnlockPage(context)
    qtbot.addWidget(page)
    page.show()
    kind, part, words = EXPECTED[damage]
    offered = []
    page.part_unusable.connect(offered.append)
    if kind is ProblemKind.MISSING:  # said before anyone types
        assert page.message.text() == words
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page._busy and page.message.text() == words, timeout=10000)
    assert (page.problem.kind, page.problem.part) == (kind, part)
    assert offered and offered[-1] == page.problem
    TABLE.append((damage, "unlock screen", f"{kind.name} / {part}", _short(words)))


def test_damage_past_the_first_pages_through_the_window(qtbot, context, clock):
    """The app reads only the first pages before the window shows, then checks the whole file
    beside it: damage found there locks (drafts kept) and says exactly what a damaged file at
    unlock always said, with the backup offer; the next unlock checks first and refuses."""
    from app.ui.main_window import MainWindow

    _make(context.folder, clock, children=40)
    DAMAGE["flip db page"](context.folder)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.try_unlock()
    qtbot.waitUntil(lambda: window.shell is not None, timeout=10000)  # it opens at once
    qtbot.waitUntil(lambda: window.session is None, timeout=10000)  # then locks
    kind, part, words = EXPECTED["flip db page"]
    page = window.unlock_page
    assert page.message.text() == words
    assert (page.problem.kind, page.problem.part) == (kind, part)
    assert page.restore_row.isVisibleTo(page)
    assert context.folder.check_marker.exists()
    page.passphrase.setText(PASSPHRASE)
    page.try_unlock()  # checked whole, before opening: refused at once this time
    qtbot.waitUntil(lambda: not page._busy, timeout=10000)
    assert window.session is None and page.message.text() == words
    TABLE.append(("flip db page", "window (checked after unlock)", f"{kind.name} / {part}",
                  _short(words)))


def test_print_the_table():
    """Runs last in this module: the table for the closing note (visible with ``-s``)."""
    if not TABLE:
        pytest.skip("run the whole module to collect the table")
    width = max(len(row[0]) for row in TABLE)
    print("\n| damage | where | kind / part | message (first sentence) |")
    print("|---|---|---|---|")
    for row in sorted(TABLE):
        print(f"| {row[0]:<{width}} | {row[1]} | {row[2]} | {row[3]} |")
