"""One weekly question in the plan builder: its kind, its words and, for a choice, the options.

A family answers these after a talk (yes/no, a 1–5 scale, one of the options, or a short text),
so each must read clearly on its own. ``problem()`` names what is missing in plain words before
the plan is saved; nothing here touches the database.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from app.core.plans.model import Question
from app.ui.counsellor.words import question_kind_words

NO_QUESTION = ""
MAX_CHOICES = 6


class QuestionEditor(QWidget):
    """Question ``index`` (1 or 2) of week ``week``; the second one may be left out."""

    def __init__(self, week: int, index: int) -> None:
        super().__init__()
        self.week, self.index = week, index
        prefix = f"week{week}Question{index}"
        self.setObjectName(prefix)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        self.kind.setObjectName(f"{prefix}Kind")
        self.kind.setAccessibleName(self.tr("Week {week}, question {index}: kind").format(
            week=week, index=index))
        if index > 1:
            self.kind.addItem(self.tr("No second question"), NO_QUESTION)
        for kind, words in question_kind_words().items():
            self.kind.addItem(words, kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.addRow(self.tr("Kind"), self.kind)
        self.text = QLineEdit()
        self.text.setObjectName(f"{prefix}Text")
        self.text.setAccessibleName(self.tr("Week {week}, question {index}: words").format(
            week=week, index=index))
        self.text.setPlaceholderText(self.tr("For example: Did your child bring up the talk "
                                             "again this week?"))
        self.text.setMaxLength(300)
        form.addRow(self.tr("Question"), self.text)
        self.choices = QPlainTextEdit()
        self.choices.setObjectName(f"{prefix}Choices")
        self.choices.setAccessibleName(self.tr("Week {week}, question {index}: options, one a "
                                               "line").format(week=week, index=index))
        self.choices.setPlaceholderText(self.tr("One option a line"))
        self.choices.setTabChangesFocus(True)
        self.choices.setFixedHeight(78)
        form.addRow(self.tr("Options"), self.choices)
        self._form = form
        self._kind_changed()

    @property
    def question_id(self) -> str:
        return f"w{self.week}.q{self.index}"

    def chosen_kind(self) -> str:
        return str(self.kind.currentData())

    def _options(self) -> tuple[str, ...]:
        lines = (line.strip() for line in self.choices.toPlainText().splitlines())
        return tuple(line for line in lines if line)

    def _kind_changed(self) -> None:
        kind = self.chosen_kind()
        self._form.setRowVisible(self.text, kind != NO_QUESTION)
        self._form.setRowVisible(self.choices, kind == "choice")

    def question(self) -> Question | None:
        """The question as the plan keeps it, or None when left out (or left empty)."""
        kind, text = self.chosen_kind(), self.text.text().strip()
        if kind == NO_QUESTION or not text:
            return None
        choices = self._options() if kind == "choice" else ()
        return Question(self.question_id, kind, text, choices)

    def problem(self) -> str:
        """What keeps this question from being saved, in plain words ("" if nothing)."""
        kind, text = self.chosen_kind(), self.text.text().strip()
        if kind == NO_QUESTION:
            return ""
        if not text:
            if self.index > 1:
                return ""  # an empty second question is simply left out
            return self.tr("Week {week} needs a question for the family.").format(week=self.week)
        if kind == "choice" and not 2 <= len(self._options()) <= MAX_CHOICES:
            return self.tr("Week {week}, question {index}: give between 2 and {most} options, "
                           "one a line.").format(week=self.week, index=self.index,
                                                 most=MAX_CHOICES)
        return ""

    def load(self, question: Question | None) -> None:
        kind = question.kind if question is not None else (
            NO_QUESTION if self.index > 1 else "yes-no")
        found = self.kind.findData(kind)
        self.kind.setCurrentIndex(max(found, 0))
        self.text.setText(question.text if question is not None else "")
        self.choices.setPlainText("\n".join(question.choices) if question is not None else "")
        self._kind_changed()
