"""Setup's first question: a counsellor's setup skips the family steps and keeps the choice."""

from PySide6.QtCore import QPoint, Qt

from app.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.ui.helpers import wait_for_shell


def _pick(qtbot, radio) -> None:
    """Click a choice on its circle, as a person would (the row is wider than its words)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _through_code(qtbot, flow) -> None:
    """From the passphrase step to the end of the recovery-code check."""
    qtbot.keyClicks(flow.passphrase.fields.first, PASSPHRASE)
    qtbot.keyClicks(flow.passphrase.fields.second, PASSPHRASE)
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    groups = flow.recovery.code_label.text().split("-")
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    first, second = flow.confirm.inputs
    qtbot.keyClicks(first, groups[1])
    qtbot.keyClicks(second, groups[4])


def test_a_counsellor_skips_country_and_children_and_the_vault_remembers(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    flow = window.setup_flow
    who = flow.welcome.who
    assert who.family.isChecked() and flow.workspace == "family"  # today's flow by default
    assert flow.step_label.text() == "Step 1 of 6"
    assert "children" in flow.welcome.how_long.text()

    _pick(qtbot, who.counsellor)
    assert flow.workspace == "counsellor"
    assert flow.step_label.text() == "Step 1 of 4"
    assert "children" not in flow.welcome.how_long.text()
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    assert flow.current_step() is flow.passphrase
    assert flow.step_label.text() == "Step 2 of 4"
    _through_code(qtbot, flow)
    assert flow.current_step() is flow.confirm
    assert flow.next_button.text() == "Finish setup"
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)

    wait_for_shell(qtbot, window)
    services = window.services
    assert services.plans.workspace() == "counsellor"
    assert services.family.children(include_archived=True) == []
    # The counsellor's own pages, no family's: no journal, no check-ins, no "Note something".
    assert window.shell.page_ids() == ["builder", "templates", "reports", "settings"]
    assert not window.note_button.isVisible() and window.note_something() is None
    window.close()


def test_changing_back_to_a_parent_restores_every_step(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    flow = window.setup_flow
    who = flow.welcome.who
    _pick(qtbot, who.counsellor)
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(flow.back_button, Qt.MouseButton.LeftButton)
    _pick(qtbot, who.family)
    assert flow.steps[-2:] == [flow.country, flow.children]
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    _through_code(qtbot, flow)
    assert flow.next_button.text() == "Continue"
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    assert flow.current_step() is flow.country
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(flow.children.name, "Maya")
    flow.children.year.setValue(2016)
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    wait_for_shell(qtbot, window)
    assert window.services.plans.workspace() == "family"
    assert [c.name for c in window.services.family.children()] == ["Maya"]
    window.close()
