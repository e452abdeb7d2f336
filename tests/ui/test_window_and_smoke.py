"""The window remembers its place; --smoke starts and paints on new and existing folders."""

import os
import subprocess
import sys

from app.desktop.notifications import RecordingNotifier
from app.ui.main_window import MainWindow
from tests.conftest import FAST_KDF, PASSPHRASE, RECOVERY


def test_window_remembers_size_and_position(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.resize(1000, 650)
    window.move(40, 30)
    qtbot.wait(20)
    placed = window.geometry()
    window.close()
    again = MainWindow(context)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (1000, 650)
    assert again.geometry() == placed


def _smoke(data_dir) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "app", "--smoke", "--data-dir", str(data_dir)],
                          env=env, capture_output=True, text=True, timeout=60)


def test_smoke_on_a_new_folder(tmp_path):
    result = _smoke(tmp_path / "new")
    assert result.returncode == 0, result.stderr
    assert "painted" in result.stdout
    assert not (tmp_path / "new").exists()  # a smoke run leaves nothing behind


def test_smoke_on_an_existing_folder(tmp_path, clock):
    from app.storage import vault
    from app.storage.data_folder import DataFolder

    folder = DataFolder(tmp_path / "existing")
    vault.create(folder, PASSPHRASE, RECOVERY, FAST_KDF, clock).close()
    result = _smoke(folder.root)
    assert result.returncode == 0, result.stderr


def test_version_and_help():
    result = subprocess.run([sys.executable, "-m", "app", "--version"], capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 0 and result.stdout.startswith("Porchlight ")


def test_lock_returns_to_the_unlock_screen(qtbot, context, services):
    services.close()
    from tests.ui.helpers import open_unlocked

    window = open_unlocked(qtbot, context)
    window.shell.lock_button.click()
    assert window.shell is None and window.services is None and window.unlock_page is not None


def test_demo_smoke_paints_and_leaves_nothing_behind(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "app", "--demo", "--smoke"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "painted" in result.stdout
    assert list(tmp_path.iterdir()) == []  # the throw-away folder is gone afterwards


def test_the_passphrase_the_demo_shows_unlocks_the_demo(qtbot, tmp_path, monkeypatch):
    """The --demo start path, end to end: read the passphrase off the screen and type it in."""
    import re
    import shutil
    import tempfile

    from PySide6.QtWidgets import QLabel

    from app.ui.application import _demo_context

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    context, demo_root = _demo_context()
    context.notifier, context.use_tray = RecordingNotifier(), False
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        note = window.findChild(QLabel, "demoNote")
        assert note is not None
        shown = re.search(r"demo passphrase is:\s*(.+)$", note.text().strip())
        assert shown is not None, note.text()
        window.unlock_page.passphrase.setText(shown.group(1).strip())
        window.unlock_page.try_unlock()
        qtbot.waitUntil(lambda: window.shell is not None, timeout=10000)
        assert [child.name for child in window.services.family.children()]
        window.shell.lock_button.click()
    finally:
        shutil.rmtree(demo_root, ignore_errors=True)



def test_unlock_page_shows_the_demo_passphrase(qtbot, folder, clock):
    from PySide6.QtWidgets import QLabel

    from app.storage.demo import DEMO_PASSPHRASE, create_demo
    from app.ui.context import AppContext

    create_demo(folder.root, clock)
    window = MainWindow(AppContext(folder, clock, demo_passphrase=DEMO_PASSPHRASE,
                                   notifier=RecordingNotifier(), use_tray=False))
    qtbot.addWidget(window)
    note = window.findChild(QLabel, "demoNote")
    assert note is not None and DEMO_PASSPHRASE in note.text()
    window.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_page.try_unlock()
    qtbot.waitUntil(lambda: window.shell is not None, timeout=10000)


def test_unlocking_makes_the_home_page_only_and_the_rest_on_first_visit(qtbot, context,
                                                                        services):
    """The parent waits for the home page alone; a page opened later is made then, in its
    place in the sidebar, reads its own data, and is the same page on the next visit."""
    services.close()
    from tests.ui.helpers import open_unlocked, wait_for_ops

    window = open_unlocked(qtbot, context)
    shell = window.shell
    ids = shell.page_ids()
    assert ids[0] == "family" and len(ids) == 9
    assert [shell.is_built(i) for i in ids] == [True] + [False] * 8
    assert shell.pages.currentWidget() is shell.page("family")
    library = shell.show_page("library")
    assert library.objectName() == "libraryPage" and shell.is_built("library")
    assert shell.pages.indexOf(library) == ids.index("library") == shell.sidebar.currentRow()
    wait_for_ops(qtbot, window)
    assert library.loaded  # it read who it is for when first opened
    assert shell.pages.count() == len(ids)
    shell.show_page("family")
    assert shell.show_page("library") is library
    assert [shell.is_built(i) for i in ids].count(True) == 2
    shell.sidebar.setCurrentRow(ids.index("journal"))  # a click in the sidebar
    assert shell.pages.currentWidget().objectName() == "journalPage"
