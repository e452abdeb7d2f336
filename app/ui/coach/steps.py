"""The five screens of the guided talk: prepare, talk, practise, close, and how it went.

Each is a plain widget the coach dialog shows in turn; none of them saves anything. Text is
large where it is read aloud, and every button has a keyboard mnemonic (Alt+letter) so the whole
talk can be led without a mouse.
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

from app.core.coach import CALM_CHECKLIST, MOODS
from app.core.content.model import Library, Pressure, Reassurance, Refusal
from app.core.picker import Pick
from app.ui.widgets.common import body_label, button, clear_layout, title_label


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

    def __init__(self, who: str, band_words: str) -> None:
        super().__init__()
        self.setObjectName("prepareStep")
        layout = _column(self)
        layout.addWidget(title_label(f"Check-in with {who}"))
        layout.addWidget(body_label(band_words, muted=True))
        layout.addWidget(title_label("Before you start", "sectionTitle"))
        self.checks = []
        for index, line in enumerate(CALM_CHECKLIST):
            box = QCheckBox(line)
            box.setObjectName(f"calm{index}")
            self.checks.append(box)
            layout.addWidget(box)
        layout.addWidget(title_label("Today's conversation starters", "sectionTitle"))
        self.picks_host = QVBoxLayout()
        layout.addLayout(self.picks_host)
        layout.addStretch(1)
        self.begin_button = _forward_button(layout, "&Begin the talk", "beginTalk", self.begin)

    def show_picks(self, library: Library, picks: list[Pick]) -> None:
        clear_layout(self.picks_host)
        for number, pick in enumerate(picks, start=1):
            topic = library.topic(pick.starter.topic)
            label = body_label(f"{number}. {topic.title if topic else pick.starter.topic} — "
                               f"{pick.reason}", name="pickReason")
            self.picks_host.addWidget(label)


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
        self.note.setAccessibleName("Quick note")
        self.note.setPlaceholderText("Quick note (only you can read it)")
        layout.addWidget(self.note)
        row = QHBoxLayout()
        self.swap_button = button("&Swap for another", "swapStarter")
        self.not_today_button = button("&Not today", "notToday")
        self.talked_button = button("&We talked about it", "talkedAbout", primary=True)
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
        self.progress.setText(f"Starter {number} of {total} · "
                              f"{topic.title if topic else starter.topic} · {pick.reason}")
        self.starter_text.setText(starter.text)
        parts = ["Then ask:", *(f"  •  {f}" for f in starter.follow_ups), "",
                 "Listen for:", *(f"  •  {item}" for item in starter.listen_for)]
        for pair in starter.if_they_say:
            parts += ["", f"If they say: “{pair.they_say}”", f"You can say: “{pair.you_say}”"]
        self.details.setText("\n".join(parts))
        self.note.clear()
        self.talked_button.setFocus()


class PractiseStep(QWidget):
    done = Signal()

    def __init__(self, refusals: list[Refusal], pressure: list[Pressure]) -> None:
        super().__init__()
        self.setObjectName("practiseStep")
        self._pressure, self._index = pressure, 0
        layout = _column(self)
        layout.addWidget(title_label("Practise saying no", "pageTitle"))
        layout.addWidget(body_label(
            "A quick role-play. You read the pushy \"online friend\"; your child answers with a "
            "line they pick. Swap roles if they want to try being the pushy one.", muted=True))
        layout.addWidget(body_label("You read:", muted=True))
        self.pressure_text = _big("", "pressureLine")
        layout.addWidget(self.pressure_text)
        another = button("Another &pushy line", "anotherPressure")
        another.clicked.connect(self.next_pressure)
        layout.addWidget(another, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(body_label("Your child answers with:", muted=True))
        self.refusal = QComboBox()
        self.refusal.setObjectName("refusalChoice")
        self.refusal.setAccessibleName("The line your child picks")
        for line in refusals:
            self.refusal.addItem(line.text, line.id)
        layout.addWidget(self.refusal)
        self.refusal_text = _big("", "refusalLine")
        self.refusal.currentIndexChanged.connect(
            lambda: self.refusal_text.setText(self.refusal.currentText()))
        self.refusal_text.setText(self.refusal.currentText())
        layout.addWidget(self.refusal_text)
        self.practised = QCheckBox("&We practised it")
        self.practised.setObjectName("practised")
        layout.addWidget(self.practised)
        layout.addStretch(1)
        self.next_button = _forward_button(layout, "Ne&xt", "practiseNext", self.done)
        self.next_pressure()

    def next_pressure(self) -> None:
        if not self._pressure:
            self.pressure_text.setText("“Come on, just this once. Nobody will know.”")
            return
        self.pressure_text.setText(f"“{self._pressure[self._index % len(self._pressure)].text}”")
        self._index += 1

    def refusal_id(self) -> str:
        return str(self.refusal.currentData() or "")


class CloseStep(QWidget):
    done = Signal()

    def __init__(self, line: Reassurance | None) -> None:
        super().__init__()
        self.setObjectName("closeStep")
        self.line = line
        layout = _column(self)
        layout.addWidget(title_label("To finish", "pageTitle"))
        layout.addWidget(body_label("End on this — in your own words if you like:", muted=True))
        layout.addWidget(_big(line.text if line else
                              "Whatever happens online, you can always come to me.",
                              "reassuranceLine"))
        layout.addStretch(1)
        self.next_button = _forward_button(layout, "Ne&xt", "closeNext", self.done)


class AfterStep(QWidget):
    finish = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("afterStep")
        layout = _column(self)
        layout.addWidget(title_label("How did it go?", "pageTitle"))
        rating_row = QHBoxLayout()
        self.rating = QButtonGroup(self)
        for value in range(1, 6):
            radio = QRadioButton(f"&{value}")
            radio.setObjectName(f"rating{value}")
            radio.setAccessibleName(f"{value} out of 5")
            self.rating.addButton(radio, value)
            rating_row.addWidget(radio)
        rating_row.addWidget(body_label("1 = hard going · 5 = went really well", muted=True), 1)
        layout.addLayout(rating_row)
        self.mood = QComboBox()
        self.mood.setObjectName("childMood")
        self.mood.setAccessibleName("Your child's mood")
        self.mood.addItem("Your child's mood…", "")
        for mood in MOODS:
            self.mood.addItem(mood, mood)
        layout.addWidget(self.mood)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("talkNotes")
        self.notes.setAccessibleName("Notes")
        self.notes.setPlaceholderText("Notes — what stood out (only you can read this)")
        self.notes.setTabChangesFocus(True)
        layout.addWidget(self.notes, 1)
        self.come_back = QLineEdit()
        self.come_back.setObjectName("comeBackTo")
        self.come_back.setAccessibleName("Things to come back to")
        self.come_back.setPlaceholderText("Anything to come back to next time?")
        layout.addWidget(self.come_back)
        row = QHBoxLayout()
        self.next_checkin = body_label("", muted=True, name="nextCheckinAfterTalk")
        row.addWidget(self.next_checkin, 1)
        self.finish_button = button("&Save and finish", "finishTalk", primary=True)
        self.finish_button.clicked.connect(self.finish)
        row.addWidget(self.finish_button)
        layout.addLayout(row)
