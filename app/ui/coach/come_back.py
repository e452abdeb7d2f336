"""The journal and the talks as one: what the parent wanted to come back to, before the talk.

Entries marked "come back to this" are listed in the coach's prepare step, each with a box
"We talked about it"; the ticked ones lose the mark when the talk is saved (a new revision, so
the history keeps that it was once flagged). A talk's own "things to come back to" go the other
way: they become a journal entry marked to come back to, so they show on the timeline and in
the next talk. Both run on the database worker with the talk's save.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from app.core.journal.model import Entry, EntryFields
from app.storage.services import Services
from app.ui.dates import short_moment
from app.ui.widgets.common import body_label, clear_layout, title_label, wrapping_checkbox

PREVIEW_CHARS = 90


def entries_to_come_back_to(services: Services, child_ids: Sequence[int]) -> list[Entry]:
    """On the worker: the children's (and the family's) entries marked to come back to."""
    found = [e for who in (*child_ids, None) for e in services.journal.come_back(who)]
    return sorted(found, key=lambda entry: entry.fields.noted_at, reverse=True)


def keep_after_talk(services: Services, child_ids: Sequence[int], talked_about: Sequence[int],
                    come_back_to: str, tag: str, finished_at: dt.datetime) -> None:
    """On the worker, after the talk is saved: unmark what was talked about, and keep the
    talk's own "come back to" words as a journal entry marked to come back to."""
    if talked_about:
        services.journal.clear_come_back(list(talked_about))
    words = come_back_to.strip()
    if words:
        child = child_ids[0] if len(child_ids) == 1 else None
        services.journal.add(EntryFields(child, finished_at, tags=(tag,), saw=words,
                                         come_back=True))


class ComeBackList(QWidget):
    """The prepare step's "You wanted to come back to" section; hidden when there is none."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("comeBackList")
        self.setAccessibleName(self.tr("Things you wanted to come back to"))
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(6)
        self.boxes: dict[int, QCheckBox] = {}
        self.hide()

    def show_entries(self, entries: Sequence[Entry], library: Any, zone: dt.tzinfo) -> None:
        clear_layout(self._rows)
        self.boxes = {}
        if not entries:
            self.hide()
            return
        self._rows.addWidget(title_label(self.tr("You wanted to come back to"), "sectionTitle"))
        sign_words = {sign.id: sign.text for sign in getattr(library, "signs", ())}
        for entry in entries:
            fields = entry.fields
            what = (fields.saw or fields.think or ", ".join(
                sign_words.get(s, s) for s in fields.signs) or ", ".join(fields.tags))
            if len(what) > PREVIEW_CHARS:
                what = what[:PREVIEW_CHARS].rstrip() + "…"
            self._rows.addWidget(body_label(self.tr("{when}: {what}").format(
                when=short_moment(fields.noted_at, zone), what=what),
                name=f"comeBackEntry{entry.id}"))
            row, box = wrapping_checkbox(self.tr("We talked about it"), f"talkedAbout{entry.id}")
            box.setAccessibleName(self.tr("We talked about it: {what}").format(what=what))
            self.boxes[entry.id] = box
            self._rows.addWidget(row)
        self.show()

    def talked_about(self) -> list[int]:
        return [entry_id for entry_id, box in self.boxes.items() if box.isChecked()]
