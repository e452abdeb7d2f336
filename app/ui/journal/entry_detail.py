"""One entry in full, beside the timeline: every part with its label, facts before meaning.

Safeguarding guidance keeps what was seen or heard apart from what it might mean, and reads
the facts first; the detail view follows that order. Its buttons act on the entry shown:
Edit, History and Delete for a live entry; Restore and "Remove for good now" for one in
Recently deleted. The view only emits what was asked; the page does the work on the worker.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.core.journal.model import Entry
from app.ui.dates import moment_words
from app.ui.journal.timeline_words import (
    Names,
    field_labels,
    removed_on_words,
    strength_word,
)
from app.ui.widgets.common import body_label, button, clear_layout, title_label


def _value(text: str, name: str) -> QLabel:
    label = body_label(text, name=name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


class EntryDetail(QFrame):
    edit_requested = Signal(int)
    history_requested = Signal(int)
    delete_requested = Signal(int)
    restore_requested = Signal(int)
    purge_requested = Signal(int)

    def __init__(self, names: Names, zone: dt.tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName(self.tr("The chosen entry"))
        self.names, self.zone = names, zone
        self.entry: Entry | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 14)
        outer.setSpacing(8)
        self.body = QWidget()
        self.body.setObjectName("entryDetailBody")
        self.fields = QVBoxLayout(self.body)
        self.fields.setContentsMargins(0, 0, 6, 0)
        self.fields.setSpacing(4)
        scroll = QScrollArea()
        scroll.setObjectName("entryDetailScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setStyleSheet("QScrollArea, QWidget#entryDetailBody { background: transparent; }")
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.edit_button = button(self.tr("Edit"), "editEntry",
                                  accessible=self.tr("Edit this entry"))
        self.history_button = button(self.tr("History"), "entryHistory",
                                     accessible=self.tr("History of this entry"))
        self.delete_button = button(self.tr("Delete"), "deleteEntry", danger=True,
                                    accessible=self.tr("Delete this entry"))
        self.restore_button = button(self.tr("Restore"), "restoreEntry",
                                     accessible=self.tr("Restore this entry"))
        self.purge_button = button(self.tr("Remove for good now"), "purgeEntry", danger=True,
                                   accessible=self.tr("Remove this entry for good now"))
        for widget, signal in ((self.edit_button, self.edit_requested),
                               (self.history_button, self.history_requested),
                               (self.delete_button, self.delete_requested),
                               (self.restore_button, self.restore_requested),
                               (self.purge_button, self.purge_requested)):
            widget.clicked.connect(lambda _c=False, s=signal: self._emit(s))
            row.addWidget(widget)
        row.addStretch(1)
        outer.addLayout(row)
        self.show_entry(None)

    def _emit(self, signal) -> None:
        if self.entry is not None:
            signal.emit(self.entry.id)

    def show_entry(self, entry: Entry | None, *, can_edit: bool = True) -> None:
        """Fill the view with ``entry`` (None: a calm hint to pick one)."""
        self.entry = entry
        clear_layout(self.fields)
        deleted = entry is not None and entry.deleted_at is not None
        self.edit_button.setVisible(entry is not None and not deleted and can_edit)
        self.history_button.setVisible(entry is not None and not deleted)
        self.delete_button.setVisible(entry is not None and not deleted)
        self.restore_button.setVisible(deleted)
        self.purge_button.setVisible(deleted)
        if entry is None:
            self.fields.addWidget(body_label(self.tr(
                "Choose an entry to read it in full."), muted=True, name="entryDetailHint"))
            self.fields.addStretch(1)
            return
        fields = entry.fields
        self.fields.addWidget(title_label(moment_words(fields.noted_at, self.zone),
                                          "sectionTitle"))
        self.fields.addWidget(body_label(self.names.child(fields.child_id), name="entryChild"))
        if entry.deleted_at is not None:
            self.fields.addWidget(body_label(removed_on_words(entry.deleted_at, self.zone),
                                             name="entryRemovedOn"))
        signs = [self.names.sign(s) for s in fields.signs]
        if signs:
            self._part(self.tr("Signs"), "\n".join(f"• {s}" for s in signs), "entrySigns")
        if fields.tags:
            self._part(self.tr("Your own words for it"), ", ".join(fields.tags), "entryTags")
        labels = field_labels()
        for key in ("saw", "think"):
            text = getattr(fields, key)
            if text:
                self._part(labels[key], text, f"entry_{key}")
        if fields.strength:
            self._part(labels["strength"], strength_word(fields.strength), "entry_strength")
        for key in ("place", "did"):
            text = getattr(fields, key)
            if text:
                self._part(labels[key], text, f"entry_{key}")
        if fields.come_back:
            self._part(labels["come_back"], self.tr("Yes"), "entry_come_back")
        if entry.revision > 1:
            self.fields.addWidget(body_label(self.tr("Changed %n times since it was first "
                                                     "noted.", "", entry.revision - 1),
                                             muted=True, name="entryRevisions"))
        self.fields.addStretch(1)

    def _part(self, label: str, text: str, name: str) -> None:
        heading = QLabel(label)
        heading.setObjectName(f"{name}Label")
        heading.setProperty("muted", True)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.fields.addSpacing(6)
        self.fields.addWidget(heading)
        value = _value(text, name)
        value.setAccessibleName(label)
        self.fields.addWidget(value)
