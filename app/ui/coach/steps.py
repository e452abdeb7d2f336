"""The five screens of the guided talk: prepare, talk, practise, close, and how it went.

Each is a plain widget the coach dialog shows in turn; none of them saves anything. Text is
large where it is read aloud, and every button has a keyboard mnemonic (Alt+letter) so the whole
talk can be led without a mouse. The content (starters, refusal lines, reassurance) is the
library's and shown as it is; every word of the screens themselves goes through ``tr``. The
steps are built empty and filled once the coach's data has been read on the database worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.coach import MOODS
from app.core.content.model import Library, Pressure, Reassurance, Refusal
from app.core.picker import Pick
from app.ui.coach.come_back import ComeBackList
from app.ui.coach.words import calm_checklist, mood_words, reason_words
from app.ui.widgets.common import (
    body_label,
    button,
    clear_layout,
    title_label,
    wrapping_checkbox,
)


def _column(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(32, 24, 32, 24)
    layout.setSpacing(12)
    return layout


def _forward_button(layout: QVBoxLayout, text: str, name: str, signal) -> QPushButton:
    """The step's main button, bottom right, emitting ``signal`` when pressed."""
    row = QHBoxLayout()
    row.addStretch(1)
    widget = button(text, name, primary=True)
    widget.clicked.connect(signal)
    row.addWidget(widget)
    layout.addLayout(row)
    return widget


def _big(text: str, name: str) -> QLabel:
    label = body_label(text, name=name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PrepareStep(QWidget):
    begin = Signal()

    def __init__(self, who: str) -> None:
        super().__init__()
        self.setObjectName("prepareStep")
        outer = _column(self)
        # Everything above the Begin button scrolls: the journal's "come back to" list and a
        # longer language must never squeeze the words in a small window.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        scroll = QScrollArea()
        scroll.setObjectName("prepareScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.body = layout  # what scrolls: others insert lines here (the counsellor's week)
        layout.addWidget(title_label(self.tr("Check-in with {who}").format(who=who)))
        self.band_words = body_label("", muted=True, name="coachBand")
        layout.addWidget(self.band_words)
        layout.addWidget(title_label(self.tr("Before you start"), "sectionTitle"))
        self.checks = []
        for index, line in enumerate(calm_checklist()):
            row, box = wrapping_checkbox(line, f"calm{index}")
            self.checks.append(box)
            layout.addWidget(row)
        self.come_back = ComeBackList()  # from the journal: "You wanted to come back to"
        layout.addWidget(self.come_back)
        layout.addWidget(title_label(self.tr("Today's conversation starters"), "sectionTitle"))
        self.picks_host = QVBoxLayout()
        layout.addLayout(self.picks_host)
        self.picks_host.addWidget(body_label(self.tr("Choosing today's starters…"), muted=True,
                                             name="pickReason"))
        layout.addStretch(1)
        self.begin_button = _forward_button(outer, self.tr("&Begin the talk"), "beginTalk",
                                            self.begin)
        self.begin_button.setEnabled(False)  # until the starters are chosen

    def show_picks(self, library: Library, picks: list[Pick]) -> None:
        clear_layout(self.picks_host)
        for number, pick in enumerate(picks, start=1):
            topic = library.topic(pick.starter.topic)
            label = body_label(self.tr("{number}. {topic} — {reason}").format(
                number=number, topic=topic.title if topic else pick.starter.topic,
                reason=reason_words(pick, library)), name="pickReason")
            self.picks_host.addWidget(label)
        if not picks:
            self.picks_host.addWidget(body_label(
                self.tr("No starters for this age in the library yet: go straight to "
                        "practising."), muted=True, name="pickReason"))
        self.begin_button.setEnabled(True)


class TalkStep(QWidget):
    talked = Signal()
    not_today = Signal()
    swap = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("talkStep")
        layout = _column(self)
        self.progress = body_label("", muted=True, name="talkProgress")
        layout.addWidget(self.progress)
        self.starter_text = _big("", "coachStarter")
        layout.addWidget(self.starter_text)
        self.details = body_label("", name="coachDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.details)
        layout.addWidget(scroll, 1)
        self.note = QLineEdit()
        self.note.setObjectName("starterNote")
        self.note.setAccessibleName(self.tr("Quick note"))
        self.note.setPlaceholderText(self.tr("Quick note (only you can read it)"))
        layout.addWidget(self.note)
        row = QHBoxLayout()
        self.swap_button = button(self.tr("&Swap for another"), "swapStarter")
        self.not_today_button = button(self.tr("&Not today"), "notToday")
        self.talked_button = button(self.tr("&We talked about it"), "talkedAbout", primary=True)
        self.swap_button.clicked.connect(self.swap)
        self.not_today_button.clicked.connect(self.not_today)
        self.talked_button.clicked.connect(self.talked)
        row.addWidget(self.swap_button)
        row.addStretch(1)
        row.addWidget(self.not_today_button)
        row.addWidget(self.talked_button)
        layout.addLayout(row)

    def show_pick(self, library: Library, pick: Pick, number: int, total: int) -> None:
        starter = pick.starter
        topic = library.topic(starter.topic)
        self.progress.setText(self.tr("Starter {number} of {total} · {topic} · {reason}").format(
            number=number, total=total, topic=topic.title if topic else starter.topic,
            reason=reason_words(pick, library)))
        self.starter_text.setText(starter.text)
        bullet = self.tr("  •  {item}")
        parts = [self.tr("Then ask:"), *(bullet.format(item=f) for f in starter.follow_ups), "",
                 self.tr("Listen for:"), *(bullet.format(item=i) for i in starter.listen_for)]
        for pair in starter.if_they_say:
            parts += ["", self.tr("If they say: “{words}”").format(words=pair.they_say),
                      self.tr("You can say: “{words}”").format(words=pair.you_say)]
        self.details.setText("\n".join(parts))
        self.note.clear()
        self.talked_button.setFocus()


class PractiseStep(QWidget):
    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("practiseStep")
        self._pressure: list[Pressure] = []
        self._index = 0
        layout = _column(self)
        layout.addWidget(title_label(self.tr("Practise saying no"), "pageTitle"))
        layout.addWidget(body_label(self.tr(
            "A quick role-play. You read the pushy \"online friend\"; your child answers with a "
            "line they pick. Swap roles if they want to try being the pushy one."), muted=True))
        layout.addWidget(body_label(self.tr("You read:"), muted=True))
        self.pressure_text = _big("", "pressureLine")
        layout.addWidget(self.pressure_text)
        another = button(self.tr("Another &pushy line"), "anotherPressure")
        another.clicked.connect(self.next_pressure)
        layout.addWidget(another, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(body_label(self.tr("Your child answers with:"), muted=True))
        self.refusal = QComboBox()
        self.refusal.setObjectName("refusalChoice")
        self.refusal.setAccessibleName(self.tr("The line your child picks"))
        layout.addWidget(self.refusal)
        self.refusal_text = _big("", "refusalLine")
        self.refusal.currentIndexChanged.connect(
            lambda: self.refusal_text.setText(self.refusal.currentText()))
        layout.addWidget(self.refusal_text)
        self.practised = QCheckBox(self.tr("&We practised it"))
        self.practised.setObjectName("practised")
        layout.addWidget(self.practised)
        layout.addStretch(1)
        self.next_button = _forward_button(layout, self.tr("Ne&xt"), "practiseNext", self.done)
        self.next_pressure()

    def fill(self, refusals: list[Refusal], pressure: list[Pressure]) -> None:
        """The band's lines, once the coach knows the band."""
        self._pressure, self._index = list(pressure), 0
        self.refusal.clear()
        for line in refusals:
            self.refusal.addItem(line.text, line.id)
        self.refusal_text.setText(self.refusal.currentText())
        self.next_pressure()

    def next_pressure(self) -> None:
        if not self._pressure:
            self.pressure_text.setText(self.tr("“Come on, just this once. Nobody will know.”"))
            return
        line = self._pressure[self._index % len(self._pressure)].text
        self.pressure_text.setText(self.tr("“{line}”").format(line=line))
        self._index += 1

    def refusal_id(self) -> str:
        return str(self.refusal.currentData() or "")


class CloseStep(QWidget):
    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("closeStep")
        self.line: Reassurance | None = None
        layout = _column(self)
        layout.addWidget(title_label(self.tr("To finish"), "pageTitle"))
        layout.addWidget(body_label(self.tr("End on this — in your own words if you like:"),
                                    muted=True))
        self.line_text = _big("", "reassuranceLine")
        layout.addWidget(self.line_text)
        layout.addStretch(1)
        self.next_button = _forward_button(layout, self.tr("Ne&xt"), "closeNext", self.done)
        self.set_line(None)

    def set_line(self, line: Reassurance | None) -> None:
        self.line = line
        self.line_text.setText(line.text if line else self.tr(
            "Whatever happens online, you can always come to me."))


class AfterStep(QWidget):
    finish = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("afterStep")
        layout = _column(self)
        layout.addWidget(title_label(self.tr("How did it go?"), "pageTitle"))
        rating_row = QHBoxLayout()
        self.rating = QButtonGroup(self)
        for value in range(1, 6):
            radio = QRadioButton(f"&{value}")
            radio.setObjectName(f"rating{value}")
            radio.setAccessibleName(self.tr("{value} out of 5").format(value=value))
            self.rating.addButton(radio, value)
            rating_row.addWidget(radio)
        rating_row.addWidget(body_label(self.tr("1 = hard going · 5 = went really well"),
                                        muted=True), 1)
        layout.addLayout(rating_row)
        self.mood = QComboBox()
        self.mood.setObjectName("childMood")
        self.mood.setAccessibleName(self.tr("Your child's mood"))
        self.mood.addItem(self.tr("Your child's mood…"), "")
        for mood in MOODS:  # stored as the key, shown in the parent's language
            self.mood.addItem(mood_words(mood), mood)
        layout.addWidget(self.mood)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("talkNotes")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("Notes — what stood out (only you can read this)"))
        self.notes.setTabChangesFocus(True)
        layout.addWidget(self.notes, 1)
        self.come_back = QLineEdit()
        self.come_back.setObjectName("comeBackTo")
        self.come_back.setAccessibleName(self.tr("Things to come back to"))
        self.come_back.setPlaceholderText(self.tr("Anything to come back to next time?"))
        layout.addWidget(self.come_back)
        row = QHBoxLayout()
        self.next_checkin = body_label("", muted=True, name="nextCheckinAfterTalk")
        row.addWidget(self.next_checkin, 1)
        self.finish_button = button(self.tr("&Save and finish"), "finishTalk", primary=True)
        self.finish_button.clicked.connect(self.finish)
        row.addWidget(self.finish_button)
        layout.addLayout(row)
