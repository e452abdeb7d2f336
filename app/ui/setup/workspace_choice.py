"""Setup's first question: who is using Porchlight — a parent or caregiver, or a counsellor.

A counsellor gets a workspace of their own in the same encrypted vault (plan builder, templates,
reports received) and needs no family data, so setup leaves out the country and children steps
for them. The parent's answer is the default: choosing nothing keeps today's flow unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from app.ui.widgets.common import body_label, title_label

FAMILY = "family"
COUNSELLOR = "counsellor"


class WorkspaceChoice(QWidget):
    """Two choices, a parent's first; ``changed`` says which one is picked now."""

    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("workspaceChoice")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title_label(self.tr("Who is using Porchlight?"), "sectionTitle"))
        self.group = QButtonGroup(self)
        self.family = self._choice(layout, self.tr("A parent or caregiver"), "workspaceFamily",
                                   FAMILY)
        self.counsellor = self._choice(layout, self.tr("A counsellor"), "workspaceCounsellor",
                                       COUNSELLOR)
        layout.addWidget(body_label(self.tr(
            "Counsellors build homework plans for families and read the reports they send "
            "back. No family details are needed."), muted=True, name="workspaceCounsellorNote"))
        self.family.setChecked(True)
        self.group.buttonToggled.connect(self._toggled)

    def _choice(self, layout: QVBoxLayout, text: str, name: str, kind: str) -> QRadioButton:
        radio = QRadioButton(text)
        radio.setObjectName(name)
        radio.setAccessibleName(text)
        radio.setProperty("kind", kind)
        self.group.addButton(radio)
        layout.addWidget(radio)
        return radio

    def kind(self) -> str:
        """"family" or "counsellor" (the workspace kinds of ``app.core.plans.model``)."""
        return COUNSELLOR if self.counsellor.isChecked() else FAMILY

    def _toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self.changed.emit(self.kind())
