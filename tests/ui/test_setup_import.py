"""Setup's side paths: moving a family over from another computer, and someone else's folder.

Real vaults and real export files throughout: a family is set up in one temporary folder,
exported with ``export_vault``, and brought into a second, empty folder through the setup
window (only the native file dialog is replaced, by a function answering with the file).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLineEdit, QWidget

from app.storage import vault
from app.storage.data_folder import DataFolder, FolderState
from app.storage.services import Services
from app.storage.vault_export import export_vault
from app.ui.main_window import MainWindow
from app.ui.setup.flow import SetupFlow
from tests.conftest import FAST_KDF, PASSPHRASE, RECOVERY
from tests.ui.helpers import wait_for_shell
from tests.ui.test_setup_flow import _complete_setup


@pytest.fixture
def exported(tmp_path, clock) -> Path:
    """An export of a family (one child, Maya) made on "the old computer"."""
    old = DataFolder(tmp_path / "old computer")
    opened = vault.create(old, PASSPHRASE, RECOVERY, FAST_KDF, clock)
    Services.for_vault(opened).family.add("Maya", 2017, 4)
    (tmp_path / "moving").mkdir()
    path = export_vault(opened, tmp_path / "moving" / "family")
    opened.close()
    return path


@pytest.fixture
def answer_file_dialog(monkeypatch):
    """Make "Choose the file…" answer with a given path; records what the dialog was asked."""
    asked: list[tuple[str, str]] = []
    chosen: list[Path] = []

    def get_open_file_name(parent, caption, directory, filter_):
        asked.append((caption, filter_))
        return (str(chosen[-1]), filter_) if chosen else ("", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))

    def answer(path: Path) -> list[tuple[str, str]]:
        chosen.append(path)
        return asked

    return answer


def _flow(qtbot, context) -> SetupFlow:
    flow = SetupFlow(context)
    qtbot.addWidget(flow)
    flow.resize(1024, 640)
    flow.show()
    return flow


def _click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _open_import(qtbot, flow: SetupFlow) -> None:
    assert flow.current_step() is flow.welcome
    assert flow.import_button.isVisible() and flow.next_button.text() == "Set up Porchlight"
    _click(qtbot, flow.import_button)
    assert flow.current_step() is flow.import_step
    assert not flow.next_button.isEnabled()  # nothing chosen yet
    assert flow.back_button.isVisible() and not flow.import_button.isVisible()


def _snapshot(root: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every path under ``root`` (and root itself) with its bytes and mode."""
    found = {".": (None, stat.S_IMODE(os.lstat(root).st_mode))}
    for path in sorted(root.rglob("*")):
        info = os.lstat(path)
        data = path.read_bytes() if stat.S_ISREG(info.st_mode) else None
        found[path.relative_to(root).as_posix()] = (data, stat.S_IMODE(info.st_mode))
    return found


def _someone_elses_folder(root: Path) -> dict[str, tuple[bytes | None, int]]:
    (root / "photos").mkdir(parents=True)
    (root / "taxes 2025.pdf").write_bytes(b"%PDF-1.7 not ours")
    (root / "photos" / "beach.jpg").write_bytes(b"\xff\xd8\xff jpeg bytes")
    os.chmod(root / "taxes 2025.pdf", 0o644)
    os.chmod(root / "photos" / "beach.jpg", 0o664)
    os.chmod(root / "photos", 0o755)
    os.chmod(root, 0o755)
    return _snapshot(root)


def test_a_family_moves_over_from_another_computer(qtbot, context, clock, exported,
                                                   answer_file_dialog):
    flow = _flow(qtbot, context)
    _open_import(qtbot, flow)
    asked = answer_file_dialog(exported)
    _click(qtbot, flow.import_step.choose_button)
    assert asked == [("Choose your Porchlight export",
                      "Porchlight export (*.porchlight-export)")]
    step = flow.import_step
    assert step.preview.isVisible() and not step.message.isVisible()
    assert step.file_label.text() == "family.porchlight-export"
    from app.ui.dates import date_words  # through QLocale, not strftime (issue 10)

    made = date_words(clock.now().astimezone().date())
    assert step.details_label.text().startswith(f"Made on {made}, ")
    assert " kB." in step.details_label.text() or " MB." in step.details_label.text()
    assert "passphrase you use on the other computer" in step.encrypted_label.text()
    assert not context.folder.root.exists()  # choosing only reads the file
    assert flow.next_button.isEnabled() and flow.next_button.text() == "Bring it in"

    with qtbot.waitSignal(flow.imported, timeout=15000):
        _click(qtbot, flow.next_button)
    assert context.folder.state() is FolderState.READY
    assert context.folder.database.exists() and context.folder.key_file.exists()
    opened = vault.unlock(context.folder, PASSPHRASE, clock)
    assert [child.name for child in Services.for_vault(opened).family.children()] == ["Maya"]
    opened.close()


def test_a_damaged_export_is_named_and_nothing_is_written(qtbot, context, exported,
                                                          answer_file_dialog):
    flow = _flow(qtbot, context)
    _open_import(qtbot, flow)
    data = exported.read_bytes()
    exported.write_bytes(data[: len(data) // 2])
    answer_file_dialog(exported)
    _click(qtbot, flow.import_step.choose_button)
    step = flow.import_step
    assert step.message.isVisible()
    assert step.message.text().startswith("\"family.porchlight-export\" can't be used")
    assert "Nothing has been changed" in step.message.text()
    assert not step.preview.isVisible() and not flow.next_button.isEnabled()
    assert flow.current_step() is step  # the choice stays: choose another copy
    assert not context.folder.root.exists()

    _click(qtbot, flow.back_button)
    assert flow.current_step() is flow.welcome


def test_a_file_damaged_after_choosing_is_refused_and_nothing_is_written(
        qtbot, context, exported, answer_file_dialog):
    flow = _flow(qtbot, context)
    _open_import(qtbot, flow)
    answer_file_dialog(exported)
    _click(qtbot, flow.import_step.choose_button)
    assert flow.next_button.isEnabled()
    exported.write_bytes(exported.read_bytes()[:4096])  # the USB stick was pulled mid-copy
    blocker = qtbot.waitSignal(flow.imported, timeout=1500, raising=False)
    _click(qtbot, flow.next_button)
    qtbot.waitUntil(lambda: flow.current_step() is flow.import_step, timeout=15000)
    blocker.wait()
    assert not blocker.signal_triggered
    assert "can't be used" in flow.import_step.message.text()
    assert not flow.next_button.isEnabled()
    assert not context.folder.root.exists()  # not even an empty folder is left behind


def test_someone_elses_folder_is_named_first_and_setup_uses_a_folder_inside_it(
        qtbot, context):
    root = context.folder.root
    before = _someone_elses_folder(root)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    flow = window.setup_flow
    step = flow.folder_step
    assert flow.current_step() is step  # before the passphrase, not at the very end
    assert str(root) in [label.text() for label in step.findChildren(type(step.heading))]
    assert step.findChild(QWidget, "suggestedFolderPath").text() == str(root / "Porchlight")
    assert flow.next_button.text() == "Use a Porchlight folder inside it"
    assert not flow.back_button.isVisible() and not flow.import_button.isVisible()
    assert step.quit_button.isVisible()
    assert _snapshot(root) == before

    _click(qtbot, flow.next_button)
    assert context.folder.root == root / "Porchlight"
    assert str(root / "Porchlight") in flow.welcome.folder_note.text()
    assert not context.folder.root.exists()  # nothing is written until the end
    _complete_setup(qtbot, window)
    wait_for_shell(qtbot, window)
    window.close()

    assert context.folder.state() is FolderState.READY
    after = _snapshot(root)
    assert {name: after[name] for name in before} == before  # same bytes, same modes
    assert {name.split("/")[0] for name in after} - set(before) == {"Porchlight"}


def test_someone_elses_folder_then_moving_over_fills_the_folder_inside(
        qtbot, context, clock, exported, answer_file_dialog):
    root = context.folder.root
    before = _someone_elses_folder(root)
    flow = _flow(qtbot, context)
    _click(qtbot, flow.next_button)  # use the Porchlight folder inside it
    _open_import(qtbot, flow)
    answer_file_dialog(exported)
    _click(qtbot, flow.import_step.choose_button)
    with qtbot.waitSignal(flow.imported, timeout=15000):
        _click(qtbot, flow.next_button)
    assert context.folder.root == root / "Porchlight"
    vault.unlock(context.folder, PASSPHRASE, clock).close()
    after = _snapshot(root)
    assert {name: after[name] for name in before} == before


def test_a_porchlight_already_inside_someone_elses_folder_is_offered_for_unlocking(
        qtbot, context, clock):
    root = context.folder.root
    vault.create(DataFolder(root / "Porchlight"), PASSPHRASE, RECOVERY, FAST_KDF, clock).close()
    (root / "notes.txt").write_text("not ours")
    flow = _flow(qtbot, context)
    assert flow.current_step() is flow.folder_step
    assert flow.next_button.text() == "Open the Porchlight folder inside it"
    with qtbot.waitSignal(flow.imported, timeout=2000):
        _click(qtbot, flow.next_button)
    assert context.folder.root == root / "Porchlight"
    assert context.folder.state() is FolderState.READY


def test_when_the_folder_inside_is_someone_elses_too_only_quitting_is_offered(qtbot, context):
    root = context.folder.root
    (root / "Porchlight").mkdir(parents=True)
    (root / "Porchlight" / "band practice.txt").write_text("not ours either")
    flow = _flow(qtbot, context)
    assert flow.current_step() is flow.folder_step
    assert not flow.next_button.isVisible()
    assert "--data-dir" in flow.folder_step.findChild(QWidget, "foreignOffer").text()
    flow.go_next()
    assert context.folder.root == root and flow.current_step() is flow.folder_step


def test_controls_on_the_new_steps_have_unique_accessible_names(qtbot, context, exported,
                                                                answer_file_dialog):
    (context.folder.root).mkdir(parents=True)
    (context.folder.root / "letter.odt").write_bytes(b"x")
    flow = _flow(qtbot, context)
    for page in (flow.folder_step, flow.import_step):
        flow._show(page)
        if page is flow.import_step:
            answer_file_dialog(exported)
            flow.import_step.choose_file()
        controls = [w for w in flow.findChildren(QWidget)
                    if isinstance(w, QAbstractButton | QLineEdit) and w.isVisible()]
        labels = [w for w in page.findChildren(QWidget) if w.isVisible()
                  and w.objectName() in ("foreignFolderPath", "suggestedFolderPath",
                                         "exportFileName", "exportDetails")]
        names = [w.accessibleName() for w in controls + labels]
        assert all(names), names
        assert len(names) == len(set(names)), names


def test_closing_on_someone_elses_folder_leaves_it_untouched(qtbot, context):
    root = context.folder.root
    before = _someone_elses_folder(root)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert window.setup_flow.current_step() is window.setup_flow.folder_step
    window.close()
    assert _snapshot(root) == before
