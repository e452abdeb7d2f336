"""An entry's history: every saved version, what changed in each, and bringing one back.

Nothing a parent writes in the journal is lost by editing: each save is a new version and the
first is kept for good. This dialog lists the versions (newest first), shows the chosen one
against the version before it — words added underlined in green, words removed struck through
in red — and "Bring this version back" saves it again as a new version, so even that can be
undone. Colour is never the only sign: the same changes are written out in words for screen
readers ("added: …", "removed: …") as the diff view's accessible description.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.journal.model import EntryFields, Revision
from app.core.journal.word_diff import Run, changed, word_diff
from app.ui.dates import moment_words, short_moment
from app.ui.journal.timeline_words import Names, field_labels, strength_word
from app.ui.ops import Ops
from app.ui.theme import current_colors
from app.ui.translate import _tr
from app.ui.widgets.common import body_label, button, message_label, show_message, title_label


def field_texts(fields: EntryFields, names: Names, zone: dt.tzinfo) -> dict[str, str]:
    """Every part of a version as words, labelled, so two versions diff as text."""
    labels = field_labels()
    return {
        _tr("When"): moment_words(fields.noted_at, zone),
        _tr("Who"): names.child(fields.child_id),
        # One item a line: an added sign is one added line, not a change inside another.
        _tr("Signs"): "\n".join(names.chip(s) for s in fields.signs),
        _tr("Your own words for it"): "\n".join(fields.tags),
        labels["saw"]: fields.saw,
        labels["think"]: fields.think,
        labels["strength"]: strength_word(fields.strength) if fields.strength else "",
        labels["place"]: fields.place,
        labels["did"]: fields.did,
        labels["come_back"]: _tr("Yes") if fields.come_back else "",
    }


def version_words(revision: Revision, zone: dt.tzinfo | None = None) -> str:
    """Two lines: "Version 3 · restored from version 1" and when it was saved."""
    if revision.restored_from is not None:
        title = _tr("Version {number} · restored from version {old}").format(
            number=revision.number, old=revision.restored_from)
    elif revision.number == 1:
        title = _tr("Version {number} · first version").format(number=revision.number)
    else:
        title = _tr("Version {number}").format(number=revision.number)
    return _tr("{title}\n{when}").format(title=title,
                                          when=short_moment(revision.saved_at, zone))


def runs_html(runs: list[Run]) -> str:
    colors = current_colors()
    parts = []
    for text, kind in runs:
        if kind == "removed" and not text.strip():
            continue  # a space or line break that went: nothing to see
        word_part = text.rstrip()
        words = html.escape(word_part).replace("\n", "<br>")
        after = html.escape(text[len(word_part):]).replace("\n", "<br>")  # never underlined
        if kind == "added" and words:
            parts.append(f'<u style="color:{colors.success}">{words}</u>{after}')
        elif kind == "removed":
            parts.append(f'<s style="color:{colors.danger}">{words}</s>{after}')
        else:
            parts.append(words + after)
    return "".join(parts)


def _note(text: str) -> str:
    return f"<p><i>{html.escape(text)}</i></p>"


def runs_spoken(runs: list[Run]) -> str:
    """The changes in words, for a screen reader: colour and underline are not heard."""
    parts = []
    for text, kind in runs:
        if not text.strip():
            continue
        if kind == "added":
            parts.append(_tr("[added: {words}]").format(words=text.strip()))
        elif kind == "removed":
            parts.append(_tr("[removed: {words}]").format(words=text.strip()))
        else:
            parts.append(text.strip())
    return " ".join(parts)


class HistoryDialog(QDialog):
    restored = Signal(int)  # the new version's number

    def __init__(self, ops: Ops, entry_id: int, names: Names, zone: dt.tzinfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalHistory")
        self.setWindowTitle(self.tr("History of this entry"))
        self.resize(820, 540)
        self._ops, self.entry_id, self.names, self.zone = ops, entry_id, names, zone
        self.revisions: list[Revision] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("History of this entry")))
        layout.addWidget(body_label(self.tr(
            "Every time you change an entry, the earlier version is kept. Choose a version to "
            "see what changed from the one before."), muted=True))
        row = QHBoxLayout()
        self.versions = QListWidget()
        self.versions.setObjectName("historyVersions")
        self.versions.setAccessibleName(self.tr("Versions of this entry"))
        self.versions.setMinimumWidth(220)
        self.versions.setWordWrap(True)
        self.versions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.versions.currentRowChanged.connect(self._show_version)
        row.addWidget(self.versions, 2)
        self.diff = QTextBrowser()
        self.diff.setObjectName("historyDiff")
        self.diff.setAccessibleName(self.tr("What changed in this version"))
        self.diff.setOpenLinks(False)
        self.diff.document().setDocumentMargin(12)
        row.addWidget(self.diff, 5)
        layout.addLayout(row, 1)
        self.message = message_label("historyMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.restore_button = button(self.tr("Bring this version back"), "restoreVersion",
                                     primary=True)
        self.restore_button.clicked.connect(self.restore)
        self.close_button = button(self.tr("Close"), "closeHistory",
                                   accessible=self.tr("Close the history"))
        self.close_button.clicked.connect(self.accept)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.restore_button.setEnabled(False)
        self.refresh()

    def refresh(self, select_newest: bool = True) -> None:
        self._ops.read(lambda s: s.journal.history(self.entry_id), self._read, owner=self)

    def _read(self, revisions: list[Revision]) -> None:
        self.revisions = list(revisions)
        self.versions.blockSignals(True)
        self.versions.clear()
        for revision in reversed(self.revisions):
            item = QListWidgetItem(version_words(revision, self.zone))
            item.setData(Qt.ItemDataRole.UserRole, revision.number)
            self.versions.addItem(item)
        self.versions.blockSignals(False)
        self.versions.setCurrentRow(0)

    def _revision_at(self, row: int) -> tuple[Revision | None, Revision | None]:
        """The version on list row ``row`` and the one saved before it (None for the first)."""
        index = len(self.revisions) - 1 - row
        if not 0 <= index < len(self.revisions):
            return None, None
        return self.revisions[index], self.revisions[index - 1] if index > 0 else None

    def _show_version(self, row: int) -> None:
        revision, before = self._revision_at(row)
        newest = bool(self.revisions) and revision is self.revisions[-1]
        self.restore_button.setEnabled(revision is not None and not newest)
        if revision is None:
            self.diff.clear()
            return
        after_texts = field_texts(revision.fields, self.names, self.zone)
        before_texts = (field_texts(before.fields, self.names, self.zone) if before
                        else after_texts)  # the first version: shown as it is, nothing marked
        html_parts, spoken = [], []
        if before is None:
            html_parts.append(_note(self.tr("The first version, as it was noted.")))
        for label, after in after_texts.items():
            runs = word_diff(before_texts.get(label, ""), after)
            if not runs:
                continue
            html_parts.append(f"<p><b>{html.escape(label)}</b><br>{runs_html(runs)}</p>")
            spoken.append(f"{label}: {runs_spoken(runs)}")
        if before is not None and not any(
                changed(word_diff(before_texts[k], after_texts[k])) for k in after_texts):
            html_parts.insert(0, _note(self.tr("Nothing changed in the words.")))
        self.diff.setHtml("".join(html_parts))
        self.diff.setAccessibleDescription("\n".join(spoken))

    def chosen_number(self) -> int | None:
        revision, _before = self._revision_at(self.versions.currentRow())
        return revision.number if revision is not None else None

    def restore(self) -> None:
        number = self.chosen_number()
        if number is None:
            return
        entry_id = self.entry_id

        def done(entry) -> None:
            show_message(self.message, self.tr(
                "Version {number} is back, saved as version {new}.").format(
                number=number, new=entry.revision), ok=True)
            self.restored.emit(entry.revision)
            self.refresh()

        self._ops.write(lambda s: s.journal.restore_revision(entry_id, number),
                        touches=Changes(journal=True), done=done, owner=self)
