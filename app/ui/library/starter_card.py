"""One conversation starter as a card: the question, follow-ups, what to listen for, scripts.

A page holds thirty cards, so each control's accessible name says which card it acts on
("Copy: If a picture you'd sent…"); a screen reader never hears thirty plain "Copy" buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout

from app.core.content.model import Library, Starter
from app.ui.widgets.common import body_label, button


def first_words(text: str, count: int = 7) -> str:
    """The opening words of a starter, to name the card a control belongs to."""
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def openings(texts: list[str], count: int = 7) -> list[str]:
    """Opening words for each card, unique among them: longer where two begin alike, and
    numbered where two texts are the same, so no two controls on a page share a name."""
    result = []
    for text in texts:
        words, size = text.split(), count
        others = [t.split() for t in texts if t != text]
        while size < len(words) and any(o[:size] == words[:size] for o in others):
            size += 1
        result.append(first_words(text, size))
    seen: dict[str, int] = {}
    for index, short in enumerate(result):
        seen[short] = seen.get(short, 0) + 1
        if seen[short] > 1:
            result[index] = f"{short} ({seen[short]})"
    return result


class StarterCard(QFrame):
    favourite_toggled = Signal(str)
    copy_requested = Signal(str)

    def __init__(self, library: Library, starter: Starter, favourite: bool,
                 short: str | None = None) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setAccessibleName(self.tr("Conversation starter: {text}").format(text=starter.text))
        self.starter = starter
        self.short = short or first_words(starter.text)
        topic = library.topic(starter.topic)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        meta = self.tr("{topic} · ages {bands}").format(
            topic=topic.title if topic else starter.topic, bands=", ".join(starter.bands))
        layout.addWidget(body_label(meta, muted=True))
        text = body_label(starter.text, name="starterText")
        layout.addWidget(text)
        if starter.why:
            layout.addWidget(body_label(self.tr("Why: {why}").format(why=starter.why),
                                        muted=True))
        layout.addWidget(self._section(self.tr("Follow-ups"), starter.follow_ups))
        layout.addWidget(self._section(self.tr("Listen for"), starter.listen_for))
        for pair in starter.if_they_say:
            layout.addWidget(body_label(self.tr("If they say: “{words}”").format(
                words=pair.they_say), name="theySay"))
            layout.addWidget(body_label(self.tr("You can say: “{words}”").format(
                words=pair.you_say), name="youSay"))
        sources = library.cite(starter.sources)
        if sources:
            layout.addWidget(body_label(self.tr("Sources: {sources}").format(
                sources="; ".join(s.citation() for s in sources)),
                muted=True, name="cardSources"))
        row = QHBoxLayout()
        self.favourite_button = button("", f"favourite_{starter.id}")
        self.favourite_button.setCheckable(True)
        self.set_favourite(favourite)
        self.favourite_button.clicked.connect(lambda: self.favourite_toggled.emit(starter.id))
        self.copy_button = button(self.tr("Copy"), f"copy_{starter.id}",
                                  accessible=self.tr("Copy: {words}").format(words=self.short))
        self.copy_button.clicked.connect(lambda: self.copy_requested.emit(starter.id))
        self.select = QCheckBox(self.tr("Select for printing"))
        self.select.setObjectName(f"select_{starter.id}")
        self.select.setAccessibleName(
            self.tr("Pick for printing: {words}").format(words=self.short))
        row.addWidget(self.favourite_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(self.select)
        layout.addLayout(row)

    def _section(self, title: str, items: tuple[str, ...]) -> QLabel:
        bullet = self.tr("  •  {item}")
        label = body_label("\n".join([title, *(bullet.format(item=item) for item in items)]))
        label.setObjectName("cardSection")
        return label

    def set_favourite(self, favourite: bool) -> None:
        self.favourite_button.setChecked(favourite)
        self.favourite_button.setText(self.tr("★ Favourite") if favourite
                                      else self.tr("☆ Add to favourites"))
        self.favourite_button.setAccessibleName(
            (self.tr("Remove from favourites: {words}") if favourite
             else self.tr("Add to favourites: {words}")).format(words=self.short))
