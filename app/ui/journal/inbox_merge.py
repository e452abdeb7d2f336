"""At each unlock: publish the inbox key, bring in the notes written while locked, say so.

Publishing the public key at every unlock is what lets the next locked note be sealed (and
heals a deleted key file). Merging runs on the session's database worker: the store adds each
note not yet kept (by its note id) and only then are the inbox files removed, so a crash in
between never makes a note twice. When some came in, a banner says how many, with a button to
the journal to review them (they have no child yet: names were locked away when they were
written). Logs name error kinds only, never a word of a note.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from app.core.changes import Changes
from app.ui.announce import announce
from app.ui.widgets.common import body_label, button

log = logging.getLogger(__name__)


def publish_and_merge(services: Any, folder: Any) -> tuple[int, int]:
    """On the worker, at unlock: remove for good what was deleted over 30 days ago (as the
    journal promised), write the public key beside the vault, then merge the sealed notes.
    Returns how many entries were purged and how many notes merged."""
    from app.storage.journal_inbox import merge_inbox, publish_public_key

    purged = 0
    try:
        purged = services.journal.purge_expired()
    except Exception as error:  # never stops the merge; it is tried again at the next unlock
        log.error("expired entries not purged: %s", type(error).__name__)
    publish_public_key(folder, services.journal.inbox_public_key())
    return purged, merge_inbox(services.journal, folder)


def merge_after_unlock(ops: Any, folder: Any, done: Callable[[int], None],
                       owner: Any) -> None:
    """Ask the worker to publish and merge; ``done(count)`` on the GUI thread afterwards.

    The journal's pages hear of a change only when an entry came in or went: most unlocks
    change nothing, and a change makes the pattern card and the rules page run every rule
    over years of notes again (seconds, at the moment the parent is waiting to see the app)."""

    def merged(counts: tuple[int, int]) -> None:
        purged, count = counts
        if purged or count:
            ops.broadcast(Changes(journal=True))
        done(count)

    ops.write(lambda s: publish_and_merge(s, folder), touches=Changes(), done=merged,
              owner=owner,
              failed=lambda error: log.error("inbox not merged: %s", type(error).__name__))


class InboxBanner(QFrame):
    """ "2 notes written while locked — review": shown once after an unlock that merged some."""

    review_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxBanner")
        self.setAccessibleName(self.tr("Notes written while locked"))
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 10, 20, 10)
        self.text = body_label("", name="inboxLine")
        row.addWidget(self.text, 1)
        self.review_button = button(self.tr("Review"), "reviewLockedNotes", primary=True,
                                    accessible=self.tr("Review the notes written while locked"))
        self.review_button.clicked.connect(self._review)
        row.addWidget(self.review_button)
        self.hide_button = button(self.tr("Not now"), "hideInboxBanner",
                                  accessible=self.tr("Hide the message about notes written "
                                                     "while locked"))
        self.hide_button.clicked.connect(self.hide)
        row.addWidget(self.hide_button)
        self.count = 0
        self.hide()

    def show_count(self, count: int, *, can_review: bool = True) -> None:
        """Say how many came in; nothing is shown for none."""
        self.count = count
        if count <= 0:
            self.hide()
            return
        self.text.setText(self.tr("%n notes written while locked — review them and choose "
                                  "the child.", "", count))
        self.review_button.setVisible(can_review)
        self.show()
        announce(self, self.text.text())

    def _review(self) -> None:
        self.hide()
        self.review_requested.emit()
