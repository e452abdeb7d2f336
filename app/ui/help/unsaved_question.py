"""One question, asked the same way everywhere in Help now: save, discard, or stay.

Asked before typed words would be left behind (another entry, a new one, closing the window).
The title says what the question is about without quoting anything the parent wrote.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui.translate import _tr

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_unsaved(parent: QWidget, title: str, text: str) -> str:
    """SAVE, DISCARD or CANCEL; Esc and closing the question mean CANCEL (nothing is lost)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("unsavedQuestion")
    save = box.addButton(_tr("Save"), QMessageBox.ButtonRole.AcceptRole)
    save.setObjectName("unsavedSave")
    save.setAccessibleName(_tr("Save the unsaved words"))
    discard = box.addButton(_tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("unsavedDiscard")
    discard.setAccessibleName(_tr("Discard the unsaved words"))
    cancel = box.addButton(_tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("unsavedCancel")
    cancel.setAccessibleName(_tr("Cancel and keep editing"))
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return SAVE
    if clicked is discard:
        return DISCARD
    return CANCEL
