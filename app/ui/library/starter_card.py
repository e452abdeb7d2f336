"""One conversation starter as a card: the question, follow-ups, what to listen for, scripts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout

from app.core.content.model import Library, Starter
from app.ui.widgets.common import body_label, button


class StarterCard(QFrame):
    favourite_toggled = Signal(str)
    copy_requested = Signal(str)

    def __init__(self, library: Library, starter: Starter, favourite: bool) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setAccessibleName(f"Conversation starter: {starter.text}")
        self.starter = starter
        topic = library.topic(starter.topic)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        meta = f"{topic.title if topic else starter.topic} · ages {', '.join(starter.bands)}"
        layout.addWidget(body_label(meta, muted=True))
        text = body_label(starter.text, name="starterText")
        layout.addWidget(text)
        if starter.why:
            layout.addWidget(body_label(f"Why: {starter.why}", muted=True))
        layout.addWidget(self._section("Follow-ups", starter.follow_ups))
        layout.addWidget(self._section("Listen for", starter.listen_for))
        for pair in starter.if_they_say:
            layout.addWidget(body_label(f"If they say: “{pair.they_say}”", name="theySay"))
            layout.addWidget(body_label(f"You can say: “{pair.you_say}”", name="youSay"))
        sources = library.cite(starter.sources)
        if sources:
            layout.addWidget(body_label("Sources: " + "; ".join(s.citation() for s in sources),
                                        muted=True, name="cardSources"))
        row = QHBoxLayout()
        self.favourite_button = button("", f"favourite_{starter.id}")
        self.favourite_button.setCheckable(True)
        self.set_favourite(favourite)
        self.favourite_button.clicked.connect(lambda: self.favourite_toggled.emit(starter.id))
        copy = button("Copy", f"copy_{starter.id}")
        copy.clicked.connect(lambda: self.copy_requested.emit(starter.id))
        self.select = QCheckBox("Select for printing")
        self.select.setObjectName(f"select_{starter.id}")
        row.addWidget(self.favourite_button)
        row.addWidget(copy)
        row.addStretch(1)
        row.addWidget(self.select)
        layout.addLayout(row)

    @staticmethod
    def _section(title: str, items: tuple[str, ...]) -> QLabel:
        label = body_label(title + "\n" + "\n".join(f"  •  {item}" for item in items))
        label.setObjectName("cardSection")
        return label

    def set_favourite(self, favourite: bool) -> None:
        self.favourite_button.setChecked(favourite)
        self.favourite_button.setText("★ Favourite" if favourite else "☆ Add to favourites")
        self.favourite_button.setAccessibleName(
            "Remove from favourites" if favourite else "Add to favourites")
