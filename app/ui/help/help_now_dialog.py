"""Help now: what to do if it is happening right now, one click from anywhere.

Calm, in order: what to say to the child first, the steps from the family's own country's
authorities, who to contact (numbers and addresses copy with a click; nothing goes online),
what never to do, and — once unlocked — the evidence log. From the unlock screen it shows
everything but the log, because the log lives in the encrypted database.

The log is built once per dialog: changing the country rebuilds only the country's sections, so
a half-typed entry is never wiped. Closing with unsaved words asks first; a lock saves them as
a draft (``unsaved_draft``) and then uses ``discard_and_close``, which does not ask. The log is
given the session's database worker (``ops``), never a store: without one (locked, before
setup) there is no log.
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

from app.core.countries import choice_for
from app.ui.content_access import LibraryState
from app.ui.help.country_words import country_choices
from app.ui.help.unsaved_question import CANCEL, SAVE, ask_unsaved
from app.ui.ops import Ops
from app.ui.widgets.common import (
    body_label,
    button,
    card,
    clear_layout,
    message_label,
    show_message,
    title_label,
)

FIRST_WORDS_COUNT = 3


class HelpNowDialog(QDialog):
    def __init__(self, library: LibraryState, country_code: str,
                 ops: Ops | None = None, parent: QWidget | None = None, *,
                 urgent: bool = False) -> None:
        super().__init__(parent)
        self.urgent = urgent  # after a self-harm sign: the crisis lines come first
        self.setObjectName("helpNowDialog")
        self.setWindowTitle(self.tr("Help now"))
        self.resize(900, 760)
        self._library = library
        self._ops = ops
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.setContentsMargins(28, 20, 28, 8)
        header.addWidget(title_label(self.tr("Help now")), 1)
        header.addWidget(QLabel(self.tr("Help lines for")))
        self.country = QComboBox()
        self.country.setObjectName("helpCountry")
        self.country.setAccessibleName(self.tr("Country for help lines"))
        for code, name in country_choices():
            self.country.addItem(name, code)
        self.country.setCurrentIndex(self.country.findData(choice_for(country_code).code))
        self.country.currentIndexChanged.connect(self._rebuild)
        header.addWidget(self.country)
        outer.addLayout(header)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll, 1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(28, 4, 28, 20)
        body_layout.setSpacing(14)
        self._country_box = QVBoxLayout()  # refilled when the country changes
        self._country_box.setSpacing(14)
        body_layout.addLayout(self._country_box)
        self.evidence_log: Any = None
        self._evidence(body_layout)  # built once: its typed words survive a country change
        body_layout.addStretch(1)
        self.scroll.setWidget(body)
        self._closing_without_asking = False
        footer = QHBoxLayout()
        footer.setContentsMargins(28, 8, 28, 16)
        self.copied = message_label("okMessage")
        footer.addWidget(self.copied)
        footer.addStretch(1)
        close = button(self.tr("Close"), "closeHelpNow", accessible=self.tr("Close Help now"))
        close.clicked.connect(self.accept)
        footer.addWidget(close)
        outer.addLayout(footer)
        self._rebuild()

    def country_code(self) -> str:
        return str(self.country.currentData())

    # --- unsaved evidence --------------------------------------------------------------------

    def unsaved_draft(self) -> dict[str, object] | None:
        """The evidence log's unsaved words (None when locked, without a log, or all saved)."""
        return self.evidence_log.unsaved_draft() if self.evidence_log is not None else None

    def restore_draft(self, payload: dict[str, object]) -> None:
        if self.evidence_log is not None:
            self.evidence_log.restore_draft(payload)

    def discard_and_close(self) -> None:
        """Close without asking: the lock has already kept the words as a draft."""
        if self.evidence_log is not None:
            self.evidence_log.discard_changes()
        self._closing_without_asking = True
        try:
            self.close()
        finally:
            self._closing_without_asking = False

    def done(self, result: int) -> None:
        """Every way out (Close, Esc, the window's ✕) passes here: unsaved words ask first.

        After Save the window closes once the entry is really saved; if it could not be, it
        stays open with the words and the log says why.
        """
        log = self.evidence_log
        if not self._closing_without_asking and log is not None and log.has_unsaved_changes():
            answer = ask_unsaved(self, self.tr("Save your evidence entry?"), self.tr(
                "The evidence entry you are writing is not saved yet. Save it before closing "
                "Help now, or discard it?"))
            if answer == CANCEL:
                return
            if answer == SAVE:
                log.save(then=lambda: QDialog.done(self, result))
                return
            log.discard_changes()
        super().done(result)

    # --- content ---------------------------------------------------------------------------

    def _rebuild(self) -> None:
        """Refill the country's sections only; the evidence log below is left as it is."""
        layout = self._country_box
        clear_layout(layout)
        library = self._library.library
        country = library.country(self.country_code()) if library else None
        if country is None:
            layout.addWidget(body_label(self.tr(
                "The help lines could not be loaded. If your child is in danger, call your "
                "local emergency number now."), name="errorMessage"))
        else:
            if self.urgent:
                self._crisis_first(layout, country)
            self._emergency(layout, country)
            self._first_words(layout)
            self._steps(layout, country)
            self._weeks_after(layout, country)
            self._channels(layout, country)
            self._never(layout, country)

    def _emergency(self, layout: QVBoxLayout, country: Any) -> None:
        frame, inner = card(self.tr("In danger now"))
        number = country.emergency
        if any(ch.isdigit() for ch in number):
            line = self.tr("If your child is in danger right now, or has talked about hurting "
                           "themselves, call {number} now.").format(number=number)
        else:
            line = self.tr("If your child is in danger right now, or has talked about hurting "
                           "themselves, call your local emergency number now.")
        inner.addWidget(body_label(line, name="emergencyLine"))
        layout.addWidget(frame)

    def show_crisis_first(self) -> None:
        """A self-harm sign was just noted: put the country's crisis lines at the very top."""
        if not self.urgent:
            self.urgent = True
            self._rebuild()
        self.scroll.verticalScrollBar().setValue(0)

    def _crisis_first(self, layout: QVBoxLayout, country: Any) -> None:
        lines = [channel for channel in country.channels if channel.crisis]
        if not lines:
            return
        frame, inner = card(self.tr("Talk to a crisis line now"))
        holder = QWidget()  # found by name; the card keeps the card look
        holder.setObjectName("crisisFirst")
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        holder.layout().addWidget(frame)
        inner.addWidget(title_label(self.tr("Talk to a crisis line now"), "sectionTitle"))
        inner.addWidget(body_label(self.tr(
            "Stay with your child. Ask them calmly and directly whether they are thinking about "
            "suicide; asking does not put the idea in their head. These lines are free and "
            "private, and you can call them together."), name="crisisAdvice"))
        for channel in lines:
            inner.addWidget(title_label(channel.name, "crisisName"))
            for kind, value in (("phone", channel.phone), ("text", channel.text_line),
                                ("web", channel.web)):
                if value:
                    inner.addLayout(self._copy_row(kind, value, channel.name, prefix="crisis_"))
        layout.addWidget(holder)

    def _first_words(self, layout: QVBoxLayout) -> None:
        lines = self._library.first_words(FIRST_WORDS_COUNT)
        if not lines:
            return
        layout.addWidget(title_label(self.tr("First, say this to your child"), "sectionTitle"))
        for line in lines:
            layout.addWidget(body_label(self.tr("“{words}”").format(words=line),
                                        name="firstWords"))

    def _steps(self, layout: QVBoxLayout, country: Any) -> None:
        layout.addWidget(title_label(self.tr("What to do now — {country}").format(
            country=country.name), "sectionTitle"))
        for number, step in enumerate(country.steps, start=1):
            layout.addWidget(body_label(self.tr("{number}.  {step}").format(
                number=number, step=step.text), name="helpStep"))

    def _weeks_after(self, layout: QVBoxLayout, country: Any) -> None:
        """What helps once the crisis is over: its own short section, so the numbered steps
        above stay what to do right now and these do not read as step 11."""
        if not country.after:
            return
        section = QWidget()
        section.setObjectName("weeksAfter")
        section.setAccessibleName(self.tr("The weeks after"))
        inner = QVBoxLayout(section)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(8)
        inner.addWidget(title_label(self.tr("The weeks after"), "sectionTitle"))
        for item in country.after:
            inner.addWidget(body_label(self.tr("•  {item}").format(item=item.text),
                                       name="weeksAfterItem"))
        layout.addWidget(section)

    def _channels(self, layout: QVBoxLayout, country: Any) -> None:
        layout.addWidget(title_label(self.tr("Who to contact"), "sectionTitle"))
        values = [v for c in country.channels for v in (c.phone, c.web, c.text_line) if v]
        shared = {v for v in values if values.count(v) > 1}  # named with their channel too
        for channel in country.channels:
            frame, inner = card(channel.name)
            inner.addWidget(title_label(channel.name, "channelName"))
            purpose = " ".join(part for part in (channel.for_what, channel.for_whom) if part)
            inner.addWidget(body_label(purpose, muted=True))
            for kind, value in (("phone", channel.phone), ("web", channel.web),
                                ("text", channel.text_line)):
                if value:
                    inner.addLayout(self._copy_row(
                        kind, value, channel.name if value in shared else ""))
            layout.addWidget(frame)

    def _copy_row(self, kind: str, value: str, channel: str = "",
                  prefix: str = "") -> QHBoxLayout:
        """One contact line with its Copy button ("Copy phone 0800 1111" to a screen reader;
        a number two channels share is named with its channel: "Copy phone 999 (Police)")."""
        row = QHBoxLayout()
        shown = {"phone": self.tr("Phone: {value}"), "web": self.tr("Web: {value}"),
                 "text": self.tr("Text: {value}")}[kind]
        text = QLabel(shown.format(value=value))
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setObjectName("channelContact")
        row.addWidget(text, 1)
        spoken = {"phone": self.tr("Copy phone {value}"), "web": self.tr("Copy web {value}"),
                  "text": self.tr("Copy text line {value}")}[kind]
        spoken = spoken.format(value=value)
        if channel:
            spoken = self.tr("{copy} ({channel})").format(copy=spoken, channel=channel)
        if prefix:  # the same line shows again under "Who to contact": say which copy this is
            spoken = self.tr("{copy}, at the top").format(copy=spoken)
        copy = button(self.tr("Copy"), f"{prefix}copy_{value}", accessible=spoken)
        copy.clicked.connect(lambda: self.copy(value))
        row.addWidget(copy)
        return row

    def copy(self, value: str) -> None:
        QGuiApplication.clipboard().setText(value)
        show_message(self.copied, self.tr("Copied {value}").format(value=value), ok=True)

    def _never(self, layout: QVBoxLayout, country: Any) -> None:
        layout.addWidget(title_label(self.tr("Never"), "sectionTitle"))
        for item in country.never:
            layout.addWidget(body_label(self.tr("✕  {item}").format(item=item.text),
                                        name="neverItem"))

    def _evidence(self, layout: QVBoxLayout) -> None:
        if self._ops is None:
            layout.addWidget(body_label(self.tr(
                "Unlock Porchlight to keep an evidence log: usernames, profile links, times, "
                "what was demanded and payment details, stored encrypted."), muted=True,
                name="evidenceLocked"))
            self.evidence_log = None
            return
        from app.ui.help.evidence_log import EvidenceLog

        self.evidence_log = EvidenceLog(self._ops)
        layout.addWidget(self.evidence_log)
