"""First run driven end to end, then a restart on the same folder."""

from PySide6.QtCore import Qt

from app.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.ui.helpers import sql_threads, wait_for_shell


def _complete_setup(qtbot, window: MainWindow) -> None:
    flow = window.setup_flow
    assert flow is not None and flow.current_step() is flow.welcome
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)

    assert flow.current_step() is flow.passphrase
    assert not flow.next_button.isEnabled()
    qtbot.keyClicks(flow.passphrase.fields.first, "password1")
    qtbot.keyClicks(flow.passphrase.fields.second, "password1")
    assert not flow.next_button.isEnabled()  # matching but weak
    flow.passphrase.fields.clear()
    qtbot.keyClicks(flow.passphrase.fields.first, PASSPHRASE)
    qtbot.keyClicks(flow.passphrase.fields.second, PASSPHRASE + "x")
    assert not flow.next_button.isEnabled()  # strong but different
    qtbot.keyClick(flow.passphrase.fields.second, Qt.Key.Key_Backspace)
    assert flow.next_button.isEnabled()
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)

    assert flow.current_step() is flow.recovery
    shown = flow.recovery.code_label.text()
    groups = shown.split("-")
    assert len(groups) == 5
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)

    assert flow.current_step() is flow.confirm
    first, second = flow.confirm.inputs
    qtbot.keyClicks(first, groups[1].lower())
    qtbot.keyClicks(second, "AAAAA")
    assert not flow.next_button.isEnabled()
    assert "doesn't match" in flow.confirm.message.text()
    second.clear()
    qtbot.keyClicks(second, groups[4])
    assert flow.next_button.isEnabled()
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)

    assert flow.current_step() is flow.country
    flow.findChild(type(flow.country.group.buttons()[0]), "country_ca").setChecked(True)
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)

    step = flow.children
    assert flow.current_step() is step
    qtbot.mouseClick(step.add_button, Qt.MouseButton.LeftButton)
    assert "name" in step.message.text()  # empty name refused, plainly
    qtbot.keyClicks(step.name, "Maya")
    step.month.setCurrentIndex(3)
    step.year.setValue(2017)
    qtbot.keyClick(step.name, Qt.Key.Key_Return)
    qtbot.keyClicks(step.name, "Sam")
    step.month.setCurrentIndex(9)
    step.year.setValue(2012)
    # Typed but not added: "Finish setup" adds it too.
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)


def test_first_run_then_restart_and_unlock(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    _complete_setup(qtbot, window)
    wait_for_shell(qtbot, window)
    family = window.services.family
    assert sorted(c.name for c in family.children()) == ["Maya", "Sam"]
    assert window.services.settings.country().code == "ca"
    assert window.shell.page_ids() == ["family", "checkins", "journal", "trends", "rules",
                                       "plans", "talks", "library", "settings"]
    window.close()

    restarted = MainWindow(context)
    qtbot.addWidget(restarted)
    restarted.show()
    page = restarted.unlock_page
    assert page is not None and restarted.setup_flow is None
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    wait_for_shell(qtbot, restarted)
    names = sorted(c.name for c in restarted.services.family.children())
    assert names == ["Maya", "Sam"]
    restarted.close()


def test_setup_writes_nothing_until_the_end(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    flow = window.setup_flow
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(flow.passphrase.fields.first, PASSPHRASE)
    qtbot.keyClicks(flow.passphrase.fields.second, PASSPHRASE)
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    window.close()
    assert not context.folder.is_set_up()
    assert not context.folder.database.exists()


def test_setup_runs_no_sql_on_the_gui_thread(qtbot, context):
    """Creating the vault and saving the workspace, country and children all happen on a
    background thread: the window never waits for the disk, even at the end of setup."""
    with sql_threads() as (seen, on_gui):
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        _complete_setup(qtbot, window)
        wait_for_shell(qtbot, window)
    assert any("INSERT INTO children" in s for s in seen)  # the hook saw the writes
    assert on_gui == []
    window.close()


def test_a_full_disk_while_saving_the_children_keeps_setup_and_the_next_try_saves_them(
        qtbot, context, monkeypatch):
    """The vault is made, then the disk fills while the children are saved: the parent stays
    on the last step with the words for a full disk, and Finish saves what is missing into the
    same vault (never a second one, never a child twice)."""
    from app.storage import vault
    from app.storage.family_store import FamilyStore
    from app.storage.writes import SaveFailed
    from app.ui import messages

    made, real_create, real_add = [], vault.create, FamilyStore.add

    def create(*args, **kwargs):
        made.append(1)
        return real_create(*args, **kwargs)

    def add_then_fill_the_disk(store, name, year, month):
        if name == "Sam":
            raise SaveFailed("database or disk is full", disk_full=True)
        return real_add(store, name, year, month)

    monkeypatch.setattr(vault, "create", create)
    monkeypatch.setattr(FamilyStore, "add", add_then_fill_the_disk)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    _complete_setup(qtbot, window)
    flow = window.setup_flow
    qtbot.waitUntil(lambda: flow.message.isVisible(), timeout=15000)
    assert flow.message.text() == messages.translated(messages.DISK_FULL)
    assert flow.current_step() is flow.children and flow.next_button.isEnabled()
    assert window.shell is None and made == [1]

    monkeypatch.setattr(FamilyStore, "add", real_add)  # room on the disk again
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    wait_for_shell(qtbot, window)
    assert made == [1]
    assert sorted(c.name for c in window.services.family.children()) == ["Maya", "Sam"]
    assert window.services.settings.country().code == "ca"
    window.close()
