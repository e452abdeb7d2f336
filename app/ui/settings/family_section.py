"""Settings → Family: the country Help now follows, and the caregivers who lead check-ins.

The country is a catalogue entry (saved through the session; Help now reads the session's copy,
which is read again after every settings change). Caregivers are a list of their own
(``CaregiverStore``): each check-in picks its leader from it, and renaming or removing someone
here follows onto their check-ins. Every read and write goes through the session's worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.storage.caregiver_store import NAME_LENGTH, Caregiver, CaregiverProblem
from app.ui import messages
from app.ui.ops import follow_changes
from app.ui.session import UnlockedSession
from app.ui.settings.catalogue import FAMILY, in_section
from app.ui.settings.controls import Changed, add_to_form, spec_control
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label

CAREGIVERS_CHANGED = Changes(settings=True, checkins=True)  # a rename shows on the check-ins


class FamilySection(QWidget):
    def __init__(self, session: UnlockedSession, changed: Changed,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("familySection")
        self._session = session
        self.caregivers: list[Caregiver] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title_label(self.tr("Family"), "sectionTitle"))
        form = QFormLayout()
        self.controls: dict[str, QWidget] = {}
        for spec in in_section(FAMILY):
            control = spec_control(spec, session.setting(spec), changed)
            self.controls[spec.key] = control
            add_to_form(form, spec, control)
        layout.addLayout(form)

        heading = title_label(self.tr("Who leads check-ins"), "subsectionTitle")
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        layout.addWidget(heading)
        layout.addWidget(body_label(self.tr(
            "The grown-ups who lead check-ins. Each check-in names one of them; renaming "
            "someone here renames them on their check-ins too."), muted=True))
        self.list = QListWidget()
        self.list.setObjectName("caregiverList")
        self.list.setAccessibleName(self.tr("Caregivers"))
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(150)
        self.list.currentRowChanged.connect(self._chosen)
        layout.addWidget(self.list)
        add_row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newCaregiverName")
        self.new_name.setAccessibleName(self.tr("Name of the caregiver to add"))
        self.new_name.setPlaceholderText(self.tr("A name, e.g. Grandma"))
        self.new_name.setMaxLength(NAME_LENGTH)
        self.new_name.returnPressed.connect(self.add)
        self.add_button = button(self.tr("Add"), "addCaregiver",
                                 accessible=self.tr("Add this caregiver"))
        self.add_button.clicked.connect(self.add)
        self.rename_button = button(self.tr("Rename…"), "renameCaregiver")
        self.rename_button.clicked.connect(self.rename)
        self.remove_button = button(self.tr("Remove…"), "removeCaregiver")
        self.remove_button.clicked.connect(self.remove)
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.add_button)
        add_row.addSpacing(12)
        add_row.addWidget(self.rename_button)
        add_row.addWidget(self.remove_button)
        layout.addLayout(add_row)
        self.message = message_label("caregiverMessage")
        self.message.setAccessibleName(self.tr("Caregivers message"))
        layout.addWidget(self.message)
        follow_changes(self, session.ops, lambda c: c.touches("settings", "checkins"),
                       self.refresh)
        self._chosen(-1)
        self.refresh()

    # --- the list --------------------------------------------------------------------------

    def refresh(self) -> None:
        self._session.ops.read(lambda s: s.caregivers.caregivers(), self._fill, owner=self)

    def _fill(self, caregivers: list[Caregiver]) -> None:
        chosen = self.chosen()
        self.caregivers = caregivers
        self.list.clear()
        for person in caregivers:
            if person.leads:
                text = self.tr("{name} · check-ins led: %n", "", person.leads).format(
                    name=person.name)
            else:
                text = person.name
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.list.addItem(item)
            if chosen is not None and person.id == chosen.id:
                self.list.setCurrentItem(item)
        if not caregivers:
            empty = QListWidgetItem(self.tr("Nobody yet: add the grown-ups who lead check-ins."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self._chosen(self.list.currentRow())

    def chosen(self) -> Caregiver | None:
        row = self.list.currentRow()
        return self.caregivers[row] if 0 <= row < len(self.caregivers) else None

    def _chosen(self, _row: int) -> None:
        person = self.chosen()
        for widget in (self.rename_button, self.remove_button):
            widget.setEnabled(person is not None)
        if person is None:
            self.rename_button.setAccessibleName(self.tr("Rename the chosen caregiver"))
            self.remove_button.setAccessibleName(self.tr("Remove the chosen caregiver"))
        else:
            self.rename_button.setAccessibleName(self.tr("Rename {name}").format(
                name=person.name))
            self.remove_button.setAccessibleName(self.tr("Remove {name}").format(
                name=person.name))

    # --- changes ---------------------------------------------------------------------------

    def _problem(self, error: Exception, name: str) -> None:
        if isinstance(error, CaregiverProblem) and error.reason == "taken":
            show_message(self.message, self.tr("{name} is already on the list.").format(
                name=" ".join(name.split())))
        elif isinstance(error, CaregiverProblem):
            show_message(self.message, self.tr("Please type a name."))
        else:
            show_message(self.message, messages.for_vault_error(error))

    def add(self) -> None:
        name = self.new_name.text()
        if not name.strip():
            show_message(self.message, self.tr("Please type a name."))
            return

        def added(person: Caregiver) -> None:
            self.new_name.clear()
            show_message(self.message, self.tr("{name} added.").format(name=person.name),
                         ok=True)

        self._session.ops.write(lambda s: s.caregivers.add(name), touches=Changes(settings=True),
                                done=added, failed=lambda e: self._problem(e, name), owner=self)

    def rename(self) -> None:
        person = self.chosen()
        if person is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename {name}").format(name=person.name),
                                        self.tr("New name:"), QLineEdit.EchoMode.Normal,
                                        person.name)
        if not ok or name.strip() == person.name:
            return

        def renamed(new: Caregiver) -> None:
            show_message(self.message, self.tr("Renamed to {name}.").format(name=new.name),
                         ok=True)

        self._session.ops.write(lambda s: s.caregivers.rename(person.id, name),
                                touches=CAREGIVERS_CHANGED, done=renamed,
                                failed=lambda e: self._problem(e, name), owner=self)

    def remove(self) -> None:
        person = self.chosen()
        if person is None:
            return
        if person.leads:
            text = self.tr("Check-ins led by {name}: %n. They stay as they are, with nobody "
                           "named to lead them.", "", person.leads).format(name=person.name)
        else:
            text = self.tr("{name} leads no check-in; nothing else changes.").format(
                name=person.name)
        answer = QMessageBox.question(
            self, self.tr("Remove {name}?").format(name=person.name), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._session.ops.write(
            lambda s: s.caregivers.remove(person.id), touches=CAREGIVERS_CHANGED,
            done=lambda _n: show_message(self.message, self.tr("{name} removed.").format(
                name=person.name), ok=True),
            failed=lambda e: self._problem(e, person.name), owner=self)
