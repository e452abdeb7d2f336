"""The banner across the top of the app when a check-in is due or some were missed.

It always appears, whatever the desktop does with notifications. A due check-in offers Start,
Snooze (an hour), Move… and Skip…; missed ones are gathered into one line per schedule —
"3 weekly check-ins with Sam were missed" — shown until the parent answers it once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.ui.checkins.controller import CheckinController
from app.ui.widgets.common import button, clear_layout


class DueBanner(QFrame):
    def __init__(self, controller: CheckinController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueBanner")
        self.setAccessibleName("Check-in reminders")
        self.controller = controller
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(20, 10, 20, 10)
        self.rows.setSpacing(8)
        controller.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        clear_layout(self.rows)
        for occurrence in self.controller.due:
            who = self.controller.who(occurrence.child_ids)
            self._row(f"Check-in with {who} is due", f"due{occurrence.id}", [
                ("Start", "start", True, lambda o=occurrence: self.controller.start(o)),
                ("Snooze 1 hour", "snooze", False, lambda o=occurrence: self.controller.snooze(o)),
                ("Move…", "move", False, lambda o=occurrence: self.controller.reschedule(o)),
                ("Skip…", "skip", False, lambda o=occurrence: self.controller.skip(o)),
            ])
        for group in self.controller.missed:
            who = self.controller.who(group.child_ids)
            text = (f"{group.count} weekly check-ins with {who} were missed — start one now?"
                    if group.count > 1 else
                    f"A weekly check-in with {who} was missed — start one now?")
            key = f"missed{group.occurrence_ids[0]}"
            self._row(text, key, [
                ("Start now", "start", True,
                 lambda g=group: self.controller.start_after_missed(g)),
                ("Not now", "dismiss", False, lambda g=group: self.controller.dismiss_missed(g)),
            ])
        self.setVisible(bool(self.controller.due or self.controller.missed))

    def _row(self, text: str, key: str, actions) -> None:
        row_host = QWidget()
        row_host.setObjectName(f"bannerRow_{key}")
        row = QHBoxLayout(row_host)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text)
        label.setObjectName("bannerText")
        label.setWordWrap(True)
        row.addWidget(label, 1)
        for words, action, primary, slot in actions:
            widget = button(words, f"{action}_{key}", primary=primary)
            widget.clicked.connect(lambda _checked=False, act=slot: act())
            row.addWidget(widget)
        self.rows.addWidget(row_host)
