"""Templates and saved plans: the counsellor's starting points, opened in the plan builder.

A template is a plan kept under a name to reuse with another family: opening one starts a new
plan (it gets its own id when saved as a file). A saved plan is one already handed over as a
file: opening it keeps its id, so the next save is a newer version of the same plan. Renaming a
template keeps it under the new name and drops the old one, in one write.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.plans.model import Plan
from app.storage.services import Services
from app.ui.counsellor.words import plan_summary
from app.ui.ops import Ops, follow_changes
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Kept:
    """What the page lists, read in one go on the worker."""

    templates: list[tuple[int, str, Plan]]
    built: list[Plan]


def read_kept(services: Services) -> Kept:
    return Kept(services.plans.templates(), services.plans.built())


def rename_template(services: Services, template_id: int, name: str, plan: Plan) -> None:
    """On the worker: keep ``plan`` under ``name`` and drop the old name."""
    new_id = services.plans.save_template(name, plan)
    if new_id != template_id:
        services.plans.delete_template(template_id)


class TemplatesPage(QWidget):
    # (plan, keep_identity): a template starts a new plan; a saved plan keeps its id.
    open_requested = Signal(object, bool)

    def __init__(self, ops: Ops) -> None:
        super().__init__()
        self.setObjectName("templatesPage")
        self.title = self.tr("Templates")
        self._ops = ops
        self.kept = Kept([], [])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Templates and saved plans")))
        layout.addWidget(body_label(self.tr(
            "Open a template to start a new plan from it, or a saved plan to change it and "
            "save a newer version for the same family."), muted=True))
        self.message = message_label("templatesMessage")
        layout.addWidget(self.message)

        layout.addWidget(title_label(self.tr("Templates"), "sectionTitle"))
        self.template_list = self._list("templateList", self.tr("Templates"))
        layout.addWidget(self.template_list, 1)
        row = QHBoxLayout()
        self.open_template = button(self.tr("Open in the builder"), "openTemplate",
                                    accessible=self.tr("Open the template in the builder"))
        self.open_template.clicked.connect(self._open_template)
        self.rename_button = button(self.tr("Rename…"), "renameTemplate",
                                    accessible=self.tr("Rename the template"))
        self.rename_button.clicked.connect(self.ask_rename)
        self.delete_button = button(self.tr("Delete…"), "deleteTemplate", danger=True,
                                    accessible=self.tr("Delete the template"))
        self.delete_button.clicked.connect(self.ask_delete)
        for widget in (self.open_template, self.rename_button, self.delete_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)

        layout.addWidget(title_label(self.tr("Plans you have saved as files"), "sectionTitle"))
        self.built_list = self._list("builtList", self.tr("Plans you have saved as files"))
        layout.addWidget(self.built_list, 1)
        built_row = QHBoxLayout()
        self.open_built = button(self.tr("Open in the builder"), "openBuilt",
                                 accessible=self.tr("Open the saved plan in the builder"))
        self.open_built.clicked.connect(self._open_built)
        built_row.addWidget(self.open_built)
        built_row.addStretch(1)
        layout.addLayout(built_row)
        follow_changes(self, ops, lambda c: c.plans, self.refresh)
        self.refresh()

    def _list(self, name: str, accessible: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        widget.currentRowChanged.connect(self._update_buttons)
        return widget

    def refresh(self) -> None:
        self._ops.read(read_kept, self._show, owner=self)

    def _show(self, kept: Kept) -> None:
        self.kept = kept
        for widget, rows in ((self.template_list, [(i, f"{n}\n{plan_summary(p)}")
                                                   for i, n, p in kept.templates]),
                             (self.built_list, [(p.id, self.tr("{title} (version {version})\n"
                                                               "{summary}").format(
                                 title=p.title, version=p.version, summary=plan_summary(p)))
                                 for p in kept.built])):
            current = widget.currentItem().data(ID_ROLE) if widget.currentItem() else None
            widget.blockSignals(True)
            widget.clear()
            for key, text in rows:
                item = QListWidgetItem(text)
                item.setData(ID_ROLE, key)
                widget.addItem(item)
                if key == current:
                    widget.setCurrentItem(item)
            widget.blockSignals(False)
        if not kept.templates:
            self.template_list.addItem(self.tr("No templates yet. In the plan builder, "
                                               "\"Save as a template\" keeps one here."))
            self.template_list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        if not kept.built:
            self.built_list.addItem(self.tr("No plans saved as files yet."))
            self.built_list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.chosen_template() is not None
        for widget in (self.open_template, self.rename_button, self.delete_button):
            widget.setEnabled(chosen)
        self.open_built.setEnabled(self.chosen_built() is not None)

    def chosen_template(self) -> tuple[int, str, Plan] | None:
        item = self.template_list.currentItem()
        key = item.data(ID_ROLE) if item is not None else None
        return next((t for t in self.kept.templates if t[0] == key), None)

    def chosen_built(self) -> Plan | None:
        item = self.built_list.currentItem()
        key = item.data(ID_ROLE) if item is not None else None
        return next((p for p in self.kept.built if p.id == key), None)

    def _open_template(self) -> None:
        chosen = self.chosen_template()
        if chosen is not None:
            self.open_requested.emit(chosen[2], False)

    def _open_built(self) -> None:
        chosen = self.chosen_built()
        if chosen is not None:
            self.open_requested.emit(chosen, True)

    def ask_rename(self) -> None:
        chosen = self.chosen_template()
        if chosen is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename the template"),
                                        self.tr("A new name:"), text=chosen[1])
        if ok:
            self.rename(chosen[0], name)

    def rename(self, template_id: int, name: str) -> None:
        chosen = next((t for t in self.kept.templates if t[0] == template_id), None)
        name = name.strip()
        if chosen is None or not name or name == chosen[1]:
            return
        if any(n.casefold() == name.casefold() and i != template_id
               for i, n, _ in self.kept.templates):
            show_message(self.message, self.tr(
                "Another template is already called \"{name}\". Choose another name.").format(
                    name=name))
            return
        show_message(self.message, "")
        plan = chosen[2]
        self._ops.write(lambda s: rename_template(s, template_id, name, plan),
                        touches=Changes(plans=True), owner=self)

    def ask_delete(self) -> None:
        chosen = self.chosen_template()
        if chosen is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete the template?"), self.tr(
            "Delete the template \"{name}\"? Plans already saved from it are not "
            "affected.").format(name=chosen[1]))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(chosen[0])

    def delete(self, template_id: int) -> None:
        self._ops.write(lambda s: s.plans.delete_template(template_id),
                        touches=Changes(plans=True), owner=self)
