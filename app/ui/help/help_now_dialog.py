"""Help now: what to do if it is happening right now, one click from anywhere.

Calm, in order: what to say to the child first, the steps from the family's own country's
authorities, who to contact (numbers and addresses copy with a click; nothing goes online),
what never to do, and — once unlocked — the evidence log. From the unlock screen it shows
everything but the log, because the log lives in the encrypted database.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.countries import CHOICES, choice_for
from app.ui.content_access import LibraryState
from app.ui.widgets.common import body_label, button, card, message_label, show_message, title_label

FIRST_WORDS_COUNT = 3


class HelpNowDialog(QDialog):
    def __init__(self, library: LibraryState, country_code: str,
                 evidence_store: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpNowDialog")
        self.setWindowTitle("Help now")
        self.resize(900, 760)
        self._library = library
        self._evidence_store = evidence_store
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.setContentsMargins(28, 20, 28, 8)
        header.addWidget(title_label("Help now"), 1)
        header.addWidget(QLabel("Help lines for"))
        self.country = QComboBox()
        self.country.setObjectName("helpCountry")
        self.country.setAccessibleName("Country for help lines")
        for choice in CHOICES:
            self.country.addItem(choice.name, choice.code)
        self.country.setCurrentIndex(self.country.findData(choice_for(country_code).code))
        self.country.currentIndexChanged.connect(self._rebuild)
        header.addWidget(self.country)
        outer.addLayout(header)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll, 1)
        footer = QHBoxLayout()
        footer.setContentsMargins(28, 8, 28, 16)
        self.copied = message_label("okMessage")
        footer.addWidget(self.copied)
        footer.addStretch(1)
        close = button("Close", "closeHelpNow")
        close.clicked.connect(self.accept)
        footer.addWidget(close)
        outer.addLayout(footer)
        self.evidence_log: QWidget | None = None
        self._rebuild()

    def country_code(self) -> str:
        return str(self.country.currentData())

    # --- content ---------------------------------------------------------------------------

    def _rebuild(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(28, 4, 28, 20)
        layout.setSpacing(14)
        library = self._library.library
        country = library.country(self.country_code()) if library else None
        if country is None:
            layout.addWidget(body_label(
                "The help lines could not be loaded. If your child is in danger, call your "
                "local emergency number now.", name="errorMessage"))
        else:
            self._emergency(layout, country)
            self._first_words(layout)
            self._steps(layout, country)
            self._channels(layout, country)
            self._never(layout, country)
        self._evidence(layout)
        layout.addStretch(1)
        self.scroll.setWidget(body)

    def _emergency(self, layout: QVBoxLayout, country: Any) -> None:
        frame, inner = card("In danger now")
        number = country.emergency
        call = f"call {number}" if any(ch.isdigit() for ch in number) else \
            "call your local emergency number"
        inner.addWidget(body_label(
            f"If your child is in danger right now, or has talked about hurting themselves, "
            f"{call} now.", name="emergencyLine"))
        layout.addWidget(frame)

    def _first_words(self, layout: QVBoxLayout) -> None:
        lines = self._library.first_words(FIRST_WORDS_COUNT)
        if not lines:
            return
        layout.addWidget(title_label("First, say this to your child", "sectionTitle"))
        for line in lines:
            layout.addWidget(body_label(f"“{line}”", name="firstWords"))

    def _steps(self, layout: QVBoxLayout, country: Any) -> None:
        layout.addWidget(title_label(f"What to do now — {country.name}", "sectionTitle"))
        for number, step in enumerate(country.steps, start=1):
            layout.addWidget(body_label(f"{number}.  {step.text}", name="helpStep"))

    def _channels(self, layout: QVBoxLayout, country: Any) -> None:
        layout.addWidget(title_label("Who to contact", "sectionTitle"))
        for channel in country.channels:
            frame, inner = card(channel.name)
            inner.addWidget(title_label(channel.name, "channelName"))
            purpose = " ".join(part for part in (channel.for_what, channel.for_whom) if part)
            inner.addWidget(body_label(purpose, muted=True))
            for label, value in (("Phone", channel.phone), ("Web", channel.web),
                                 ("Text", channel.text_line)):
                if value:
                    inner.addLayout(self._copy_row(label, value))
            layout.addWidget(frame)

    def _copy_row(self, label: str, value: str) -> QHBoxLayout:
        row = QHBoxLayout()
        text = QLabel(f"{label}:  {value}")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setObjectName("channelContact")
        row.addWidget(text, 1)
        copy = button("Copy", f"copy_{value}")
        copy.setAccessibleName(f"Copy {label.lower()} {value}")
        copy.clicked.connect(lambda: self.copy(value))
        row.addWidget(copy)
        return row

    def copy(self, value: str) -> None:
        QGuiApplication.clipboard().setText(value)
        show_message(self.copied, f"Copied {value}", ok=True)

    def _never(self, layout: QVBoxLayout, country: Any) -> None:
        layout.addWidget(title_label("Never", "sectionTitle"))
        for item in country.never:
            layout.addWidget(body_label(f"✕  {item.text}", name="neverItem"))

    def _evidence(self, layout: QVBoxLayout) -> None:
        if self._evidence_store is None:
            layout.addWidget(body_label(
                "Unlock Porchlight to keep an evidence log: usernames, profile links, times, "
                "what was demanded and payment details, stored encrypted.", muted=True,
                name="evidenceLocked"))
            self.evidence_log = None
            return
        from app.ui.help.evidence_log import EvidenceLog

        self.evidence_log = EvidenceLog(self._evidence_store)
        layout.addWidget(self.evidence_log)
