"""The home page: each child with their age band, and adding, editing, archiving or deleting.

Archiving hides a child but keeps everything noted about them; deleting asks first and is
final. Bands are recomputed from the injected clock each time the page is shown, so a child
moves band on their birthday with nothing for the parent to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.checkins import countdown_words
from app.core.clock import local_today
from app.core.family import Child, ChildDetails
from app.storage.services import Services
from app.storage.writes import SaveFailed
from app.ui import messages
from app.ui.age_words import describe_age
from app.ui.dialogs.child_dialog import ChildDialog
from app.ui.widgets.common import body_label, button, card, clear_layout, title_label


class FamilyPage(QWidget):
    title = "Family"
    family_changed = Signal()

    def __init__(self, services: Services,
                 next_checkins: Callable[[list[int]], dict[int, dt.datetime | None]]
                 | None = None,
                 start_talk: Callable[[int], object] | None = None) -> None:
        super().__init__()
        self.setObjectName("familyPage")
        self._services = services
        self._next_checkins = next_checkins
        self._start_talk = start_talk
        self._next_labels: dict[int, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        header = QHBoxLayout()
        header.addWidget(title_label("Your family"), 1)
        self.add_button = button("Add a child", "addChild", primary=True)
        self.add_button.clicked.connect(self.add_child)
        header.addWidget(self.add_button)
        layout.addLayout(header)
        layout.addWidget(body_label(
            "Each child's age band decides which conversations Porchlight suggests. Bands "
            "change on their birthday by themselves.", muted=True))
        self.show_archived = QCheckBox("Show archived children")
        self.show_archived.setObjectName("showArchived")
        self.show_archived.toggled.connect(self.refresh)
        layout.addWidget(self.show_archived)

        self.list_host = QWidget()
        self.list_layout = QVBoxLayout(self.list_host)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.list_host)
        layout.addWidget(scroll, 1)
        self.refresh()

    # --- listing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._next_labels = {}
        clear_layout(self.list_layout)
        children = self._services.family.children(include_archived=self.show_archived.isChecked())
        archived_count = (len(self._services.family.children(include_archived=True))
                          - len(self._services.family.children()))
        self.show_archived.setText(f"Show archived children ({archived_count})")
        self.show_archived.setVisible(archived_count > 0 or self.show_archived.isChecked())
        if not children:
            empty = body_label(
                "No children here yet. Add a child to get conversation ideas that fit their "
                "age.", name="emptyFamily")
            self.list_layout.addWidget(empty)
        for child in children:
            self.list_layout.addWidget(self._child_card(child))
        self.list_layout.addStretch(1)
        self.refresh_next_checkins()
        self.family_changed.emit()

    def _child_card(self, child: Child) -> QWidget:
        words = describe_age(child.birth, local_today(self._services.vault.clock))
        frame, layout = card(f"Child {child.name}")
        frame.setProperty("childId", child.id)
        top = QHBoxLayout()
        name = title_label(child.name + (" (archived)" if child.archived else ""), "sectionTitle")
        top.addWidget(name)
        badge = QLabel(words.badge)
        badge.setObjectName("bandBadge")
        badge.setAccessibleName(f"Age band: {words.badge}")
        top.addWidget(badge)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(body_label(f"{words.born} · {words.summary.split(', ')[-1]}",
                                    muted=True))
        if words.note:
            layout.addWidget(body_label(words.note, name="ageNote"))
        if self._next_checkins is not None and not child.archived:
            label = body_label("", name=f"nextCheckin{child.id}")
            self._next_labels[child.id] = label
            layout.addWidget(label)
        buttons = QHBoxLayout()
        edit = button("Edit", f"editChild{child.id}")
        edit.clicked.connect(lambda: self.edit_child(child))
        archive = button("Restore" if child.archived else "Archive", f"archiveChild{child.id}")
        archive.setToolTip("Hide from the lists but keep everything noted about them")
        archive.clicked.connect(lambda: self.toggle_archive(child))
        delete = button("Delete…", f"deleteChild{child.id}", danger=True)
        delete.clicked.connect(lambda: self.delete_child(child))
        widgets = [edit, archive, delete]
        if self._start_talk is not None and not child.archived:
            talk = button(f"Talk with {child.name}", f"startTalk{child.id}", primary=True)
            talk.setToolTip("Start a guided talk now, outside the schedule")
            talk.clicked.connect(lambda: self._start_talk(child.id))
            widgets.insert(0, talk)
        for widget in widgets:
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return frame

    def refresh_next_checkins(self) -> None:
        """Each child's next check-in with a countdown (one lookup for the whole family)."""
        if self._next_checkins is None or not self._next_labels:
            return
        now = self._services.vault.clock.now()
        for child_id, moment in self._next_checkins(list(self._next_labels)).items():
            if moment is None:
                text = "No weekly check-in yet — set one up on the Check-ins page."
            elif moment <= now:
                text = "A check-in is due now."
            else:
                text = (f"Next check-in: {moment.astimezone():%a %d %b, %H:%M} "
                        f"({countdown_words(now, moment)})")
            self._next_labels[child_id].setText(text)

    # --- actions ---------------------------------------------------------------------------

    def _open_dialog(self, child: Child | None, commit: Callable[[ChildDetails], object]) -> None:
        today = local_today(self._services.vault.clock)
        dialog = ChildDialog(self._services.family.check, commit, today, child, self)
        if dialog.exec() == ChildDialog.DialogCode.Accepted:
            self.refresh()

    def add_child(self) -> None:
        family = self._services.family
        self._open_dialog(None, lambda d: family.add(d.name, d.birth.year, d.birth.month))

    def edit_child(self, child: Child) -> None:
        family = self._services.family
        self._open_dialog(child, lambda d: family.update(child.id, d.name, d.birth.year,
                                                         d.birth.month))

    def _safely(self, change: Callable[[], object]) -> None:
        try:
            change()
        except SaveFailed as error:
            QMessageBox.warning(self, "Not saved", messages.for_vault_error(error))
        self.refresh()

    def toggle_archive(self, child: Child) -> None:
        self._safely(lambda: self._services.family.set_archived(child.id, not child.archived))

    def delete_child(self, child: Child) -> None:
        answer = QMessageBox.question(
            self, f"Delete {child.name}?",
            f"Delete {child.name} and everything noted about them? This can't be undone.\n\n"
            "To hide them but keep their notes, choose Archive instead.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.family.delete(child.id)
        except SaveFailed as error:
            QMessageBox.warning(self, "Not saved", messages.for_vault_error(error))
            return
        finally:
            self.refresh()
        from app.ui.backup_offer import offer_to_drop_backups

        offer_to_drop_backups(self, self._services.vault)
