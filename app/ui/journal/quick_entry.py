"""Note something: a worry written down in three interactions and a few seconds.

Open (the top bar, Ctrl+J, the tray, a child's card) → tick a sign (or type a word and press
Enter) → Save (or Ctrl+Enter). The child is already chosen: the one whose card was used, else
the child last noted about, else the only child; "the family / not sure" is always there. The
time is now unless changed. Everything else waits behind "Add details", open or closed as the
parent last left it.

The same dialog edits an entry (``entry=``): saving makes a new revision, the old one is kept.
It reads and writes only through the session's worker (``ops``). A lock keeps what was typed as
a draft (``unsaved_draft`` / ``restore_draft`` / ``discard_and_close``, as Help now does).
The locked capture (``locked_capture.py``) is this dialog with another way to store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.journal.model import Entry, EntryFields, EntryFilter
from app.ui.announce import announce
from app.ui.help.unsaved_question import CANCEL, SAVE, ask_unsaved
from app.ui.journal.entry_details import EntryDetails
from app.ui.journal.entry_words import FAMILY, family_choice, problem_words, saved_words
from app.ui.journal.sign_picker import SignPicker
from app.ui.widgets.common import (
    body_label,
    button,
    message_label,
    show_message,
    title_label,
)

DETAILS_KEY = "journal/detailsOpen"  # a yes/no in window.ini: never a word of a note
RECENT_FOR_SUGGESTIONS = 40
UNKNOWN = object()  # "no child asked for": choose the last noted, or the only child


@dataclass(frozen=True)
class EntryChoices:
    """What the dialog offers, read on the worker: children, last child, words used before."""

    children: list[tuple[int, str]] = field(default_factory=list)
    last_child: int | None = None
    tags: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


def read_choices(services: Any) -> EntryChoices:
    """On the worker: active children and the most recent entries' child, tags and places."""
    children = [(c.id, c.name) for c in services.family.children()]
    recent = services.journal.page(EntryFilter(), 0, RECENT_FOR_SUGGESTIONS)
    tags = list(dict.fromkeys(tag for row in recent for tag in row.tags))
    places = [services.journal.entry(row.id).fields.place for row in recent[:10]]
    last = recent[0].child_id if recent else None
    return EntryChoices(children, last, tags, list(dict.fromkeys(p for p in places if p)))


def to_qdatetime(moment: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    return dt.datetime.fromtimestamp(value.toSecsSinceEpoch(), dt.UTC)


class QuickEntryDialog(QDialog):
    saved = Signal(object)  # the Entry kept (None for a sealed locked note)
    urgent_saved = Signal()  # a self-harm sign was saved: Help now must open

    def __init__(self, library: Any, clock: Any, ops: Any = None, *, child_id: Any = UNKNOWN,
                 entry: Entry | None = None, remember: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickEntryDialog")
        self._ops, self._clock, self._remember = ops, clock, remember
        self.entry = entry
        self._wanted_child = entry.fields.child_id if entry is not None else child_id
        self._busy = self._done_saving = self._closing_without_asking = False
        self.setWindowTitle(self.tr("Change this note") if entry else self.tr("Note something"))
        self._fit_to_screen()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 16)
        outer.setSpacing(10)
        outer.addWidget(title_label(self.windowTitle(), "sectionTitle"))
        self.intro = body_label("", muted=True, name="entryIntro")  # the locked mode says why
        self.intro.hide()
        outer.addWidget(self.intro)
        outer.addLayout(self._top_row())
        self.picker = SignPicker(library)
        outer.addWidget(self.picker, 1)
        self.details_toggle = QPushButton()
        self.details_toggle.setObjectName("detailsToggle")
        self.details_toggle.setCheckable(True)
        self.details_toggle.setProperty("link", True)
        self.details_toggle.setAutoDefault(False)
        self.details_toggle.toggled.connect(self._show_details)
        outer.addWidget(self.details_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.details = EntryDetails()
        self.details_scroll = QScrollArea()  # the dialog keeps its size; the details scroll
        self.details_scroll.setObjectName("entryDetailsArea")
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_scroll.setWidget(self.details)
        outer.addWidget(self.details_scroll, 1)
        self.message = message_label("entryMessage")
        outer.addWidget(self.message)
        outer.addLayout(self._footer())
        shown = bool(remember.value(DETAILS_KEY, False, type=bool)) if remember else False
        self.details_toggle.setChecked(shown)
        self._show_details(shown)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)
        if entry is not None:
            self._fill_from(entry.fields)
        self._start = self._content()
        self._load_choices()
        self.picker.filter.setFocus()

    # --- building ----------------------------------------------------------------------------

    def _fit_to_screen(self) -> None:
        """About 720×680, never taller than the screen it opens on (a small laptop too)."""
        screen = (self.parentWidget() or self).screen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 720, 680
        if room is not None:
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(width, height)

    def _top_row(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.child = QComboBox()
        self.child.setObjectName("entryChild")
        self.child.setAccessibleName(self.tr("Who it is about"))
        self.child.addItem(family_choice(), FAMILY)
        self.when = QDateTimeEdit()
        self.when.setObjectName("entryWhen")
        self.when.setAccessibleName(self.tr("When it happened"))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
        self.when.setDateTime(to_qdatetime(self._clock.now()))
        about, when = QLabel(self.tr("About")), QLabel(self.tr("When"))
        about.setBuddy(self.child)
        when.setBuddy(self.when)
        grid.addWidget(about, 0, 0)
        grid.addWidget(when, 0, 1)
        grid.addWidget(self.child, 1, 0)
        grid.addWidget(self.when, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return grid

    def _footer(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = button(self.tr("Cancel"), "cancelEntry",
                                    accessible=self.tr("Cancel this note"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = button(self.tr("Save"), "saveEntry", primary=True,
                                  accessible=self.tr("Save the note"))
        self.save_button.setDefault(False)  # Enter ticks a sign in the picker; Ctrl+Enter saves
        self.save_button.setAutoDefault(False)
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        self.footer = row
        return row

    def _show_details(self, shown: bool) -> None:
        self.details_scroll.setVisible(shown)
        self.details_toggle.setText(self.tr("Hide details") if shown else self.tr("Add details"))
        self.details_toggle.setAccessibleName(self.details_toggle.text())
        if self._remember is not None:
            self._remember.setValue(DETAILS_KEY, shown)

    # --- choices (children, words used before) -----------------------------------------------

    def _load_choices(self) -> None:
        if self._ops is None:
            return
        self.save_button.setEnabled(False)  # until the right child is chosen
        self._ops.read(read_choices, self._choices_read, owner=self)

    def _choices_read(self, choices: EntryChoices) -> None:
        self.child.clear()
        for child_id, name in choices.children:
            self.child.addItem(name, child_id)
        self.child.addItem(family_choice(), FAMILY)
        wanted = self._wanted_child
        if wanted is UNKNOWN:
            ids = [child_id for child_id, _name in choices.children]
            wanted = (choices.last_child if choices.last_child in ids
                      else ids[0] if len(ids) == 1 else None)
        self.select_child(wanted)
        self.picker.set_tag_suggestions(choices.tags)
        self.details.set_places(choices.places)
        self.save_button.setEnabled(not self._busy)

    def select_child(self, child_id: int | None) -> None:
        index = self.child.findData(FAMILY if child_id is None else child_id)
        self.child.setCurrentIndex(index if index >= 0 else self.child.findData(FAMILY))

    def child_id(self) -> int | None:
        value = self.child.currentData()
        return None if value in (FAMILY, None) else int(value)

    # --- the note ----------------------------------------------------------------------------

    def fields(self) -> EntryFields:
        return EntryFields(child_id=self.child_id(), noted_at=from_qdatetime(self.when.dateTime()),
                           signs=self.picker.signs(), tags=self.picker.tags(),
                           **self.details.values())

    def _fill_from(self, fields: EntryFields) -> None:
        self.when.setDateTime(to_qdatetime(fields.noted_at))
        self.picker.set_picked(fields.signs, fields.tags)
        self.details.set_values(fields.__dict__)
        if self.details.filled():
            self.details_toggle.setChecked(True)

    def _content(self) -> tuple[Any, ...]:
        values = self.details.values()
        return (self.picker.signs(), self.picker.tags(), tuple(sorted(values.items())))

    def has_unsaved_changes(self) -> bool:
        return not self._done_saving and self._content() != self._start

    def save(self) -> None:
        if self._busy or not self.save_button.isEnabled():
            return
        fields = self.fields()
        problem = problem_words(fields)
        if problem:
            show_message(self.message, problem)
            return
        show_message(self.message, "")
        self._set_busy(True)
        self._store(fields)

    def _store(self, fields: EntryFields) -> None:
        """Through the session's worker: a new entry, or a new revision of the one edited."""
        entry = self.entry
        if entry is None:
            work = lambda s: s.journal.add(fields)  # noqa: E731
        else:
            work = lambda s: s.journal.revise(entry.id, fields)  # noqa: E731
        self._ops.write(work, touches=Changes(journal=True), done=self._stored,
                        failed=self._not_stored, owner=self)

    def _not_stored(self, error: Exception) -> None:
        self._set_busy(False)
        self._ops.report(error, self)  # the default calm message; the words stay here

    def _stored(self, entry: Entry | None) -> None:
        urgent = self.picker.urgent_picked()
        self._done_saving = True
        self._set_busy(False)
        target = self.parentWidget() or self
        announce(target, saved_words(self.entry is not None))
        self.saved.emit(entry)
        if urgent:
            self.urgent_saved.emit()
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save"))

    # --- drafts and closing ------------------------------------------------------------------

    def unsaved_draft(self) -> dict[str, Any] | None:
        """What was typed, for the session to keep encrypted at a lock (None: nothing new)."""
        if not self.has_unsaved_changes():
            return None
        fields = self.fields()
        return {"entry_id": self.entry.id if self.entry else None, "child": fields.child_id,
                "noted_at": fields.noted_at.isoformat(), "signs": list(fields.signs),
                "tags": list(fields.tags), **self.details.values(),
                "details_open": self.details_toggle.isChecked()}

    def restore_draft(self, payload: dict[str, Any]) -> None:
        self._wanted_child = payload.get("child")
        if self.child.findData(self._wanted_child) >= 0 or self._wanted_child is None:
            self.select_child(self._wanted_child)
        self.when.setDateTime(to_qdatetime(dt.datetime.fromisoformat(str(payload["noted_at"]))))
        self.picker.set_picked(tuple(payload.get("signs", ())), tuple(payload.get("tags", ())))
        self.details.set_values(payload)
        self.details_toggle.setChecked(bool(payload.get("details_open")) or
                                       self.details.filled())

    def discard_and_close(self) -> None:
        """Close without asking: the lock has already kept the words as a draft."""
        self._closing_without_asking = True
        try:
            self.close()
        finally:
            self._closing_without_asking = False

    def done(self, result: int) -> None:
        """Every way out passes here: unsaved words ask first (save, discard or stay)."""
        if self._closing_without_asking or not self.has_unsaved_changes():
            super().done(result)
            return
        answer = ask_unsaved(self, self.tr("Save this note?"), self.tr(
            "The note you are writing is not saved yet. Save it, or discard it?"))
        if answer == SAVE:
            self.save()
        elif answer != CANCEL:
            self._done_saving = True
            super().done(result)
