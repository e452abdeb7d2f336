"""One pattern rule on the Rules page: the rule in words, and the parent's switch and numbers.

The opposite of a monitoring app's black box: the card says what the rule looks for (with the
parent's numbers filled in), what it might mean — the everyday explanation included — what to
do, its known false alarms, its sources and when it was reviewed. The parent can turn it off or
move its numbers within the range the rule allows, and sees before saving how often it would
have fired lately for each child (the page computes that on the worker and hands it back here).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QSpinBox

from app.core.journal.model import RuleSetting
from app.core.journal.rules import Rule
from app.ui.journal import rule_words
from app.ui.widgets.common import (
    body_label,
    button,
    card,
    message_label,
    show_message,
    title_label,
)


def _heading(text: str) -> QLabel:
    label = body_label(text)
    label.setStyleSheet("font-weight: 600;")
    return label


class RuleEditor(QFrame):
    """The card; ``setting`` is what is saved now, the controls what the parent is trying."""

    open_topic = Signal(str)
    open_help_now = Signal()
    trying = Signal()  # the switch or a number moved: the page computes a new preview
    save_asked = Signal(object)  # RuleSetting to write
    reset_asked = Signal(object)  # RuleSetting with the rule's defaults

    def __init__(self, rule: Rule, catalogue: Any | None = None) -> None:
        super().__init__()
        self.rule = rule
        self.saved = RuleSetting(rule.id)
        frame, layout = card(rule.title)
        self.setObjectName("ruleCard")
        self.setProperty("ruleId", rule.id)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        layout.addWidget(title_label(rule.title, "sectionTitle"))
        self.looks_for = body_label("", name=f"ruleLooksFor_{rule.id}")
        layout.addWidget(self.looks_for)
        layout.addWidget(_heading(self.tr("What it might mean")))
        layout.addWidget(body_label(rule.might_mean))
        layout.addWidget(_heading(self.tr("What to do")))
        layout.addWidget(body_label(rule.what_to_do))
        layout.addLayout(self._next_step(catalogue))
        if rule.false_alarms:
            layout.addWidget(_heading(self.tr("Known false alarms")))
            layout.addWidget(body_label("\n".join(f"• {line}" for line in rule.false_alarms)))
        cited = [s.citation() for s in catalogue.cite(rule.sources)] if catalogue else []
        about = [rule_words.sources_words(cited), rule_words.reviewed_words(rule.reviewed)]
        layout.addWidget(body_label("\n".join(p for p in about if p), muted=True,
                                    name=f"ruleSources_{rule.id}"))
        layout.addWidget(self._tuning())
        self.preview = body_label("", name=f"rulePreview_{rule.id}")
        self.preview.setAccessibleName(self.tr("How often {rule} would have fired").format(
            rule=rule.title))
        layout.addWidget(self.preview)
        self.message = message_label(f"ruleMessage_{rule.id}")
        layout.addWidget(self.message)
        layout.addLayout(self._actions())
        self.show_setting(self.saved)

    # --- building ----------------------------------------------------------------------------

    def _next_step(self, catalogue: Any | None) -> QHBoxLayout:
        row = QHBoxLayout()
        rule = self.rule
        if rule.help_now:
            go = button(self.tr("Open Help now"), f"ruleHelpNow_{rule.id}",
                        accessible=self.tr("Open Help now, for {rule}").format(rule=rule.title))
            go.clicked.connect(self.open_help_now.emit)
        else:
            topic = catalogue.topic(rule.topic) if catalogue is not None else None
            words = topic.title if topic is not None else rule.topic
            go = button(self.tr("Read “{topic}”").format(topic=words), f"ruleTopic_{rule.id}",
                        link=True, accessible=self.tr("Read the topic {topic}, for {rule}")
                        .format(topic=words, rule=rule.title))
            go.clicked.connect(lambda: self.open_topic.emit(rule.topic))
        self.next_step = go
        row.addWidget(go)
        row.addStretch(1)
        return row

    def _tuning(self) -> QFrame:
        box = QFrame()
        box.setObjectName("notice")
        form = QFormLayout(box)
        form.setContentsMargins(12, 10, 12, 10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # longer languages
        rule = self.rule
        self.enabled = QCheckBox(self.tr("Use this rule"))
        self.enabled.setObjectName(f"ruleOn_{rule.id}")
        self.enabled.setAccessibleName(self.tr("Use the rule {rule}").format(rule=rule.title))
        self.enabled.toggled.connect(self._moved)
        form.addRow(self.enabled)
        self.spins: dict[str, QSpinBox] = {}
        for name, param in rule.condition.params.items():
            spin = QSpinBox()
            spin.setObjectName(f"ruleParam_{rule.id}_{name}")
            label = rule_words.param_label(name)
            spin.setAccessibleName(self.tr("{number}, for {rule}").format(number=label,
                                                                          rule=rule.title))
            spin.setRange(param.min, param.max)
            spin.setValue(param.default)
            spin.setToolTip(self.tr("From {low} to {high}; the rule's own number is "
                                    "{default}").format(low=param.min, high=param.max,
                                                        default=param.default))
            spin.valueChanged.connect(self._moved)
            self.spins[name] = spin
            form.addRow(label, spin)
        return box

    def _actions(self) -> QHBoxLayout:
        rule = self.rule
        self.save_button = button(self.tr("Save"), f"ruleSave_{rule.id}", primary=True,
                                  accessible=self.tr("Save {rule}").format(rule=rule.title))
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(lambda: self.save_asked.emit(self.tried()))
        self.reset_button = button(self.tr("Reset to the rule's numbers"), f"ruleReset_{rule.id}",
                                   accessible=self.tr("Reset {rule} to its own numbers")
                                   .format(rule=rule.title))
        self.reset_button.clicked.connect(self.reset)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        return row

    # --- state -------------------------------------------------------------------------------

    def tried(self) -> RuleSetting:
        """What the controls say now, as a setting (numbers equal to the defaults left out)."""
        defaults = self.rule.params()
        params = {name: spin.value() for name, spin in self.spins.items()
                  if spin.value() != defaults[name]}
        return RuleSetting(self.rule.id, self.enabled.isChecked(), params)

    def params(self) -> dict[str, int]:
        return self.rule.params(self.tried().params)

    def dirty(self) -> bool:
        """Whether the controls differ from what is saved (Save is offered only then)."""
        saved = self.saved
        return (self.enabled.isChecked() != saved.enabled
                or self.params() != self.rule.params(saved.params))

    def show_setting(self, setting: RuleSetting) -> None:
        """Put a saved setting in the controls (quietly: no preview asked for each control)."""
        self.saved = setting
        values = self.rule.params(setting.params)
        for widget in (self.enabled, *self.spins.values()):
            widget.blockSignals(True)
        self.enabled.setChecked(setting.enabled)
        for name, spin in self.spins.items():
            spin.setValue(values[name])
        for widget in (self.enabled, *self.spins.values()):
            widget.blockSignals(False)
        self._reword()

    def reset(self) -> None:
        self.show_setting(RuleSetting(self.rule.id))
        self.reset_asked.emit(RuleSetting(self.rule.id))

    def _moved(self) -> None:
        self.message.hide()
        self._reword()
        self.trying.emit()

    def _reword(self) -> None:
        on = self.enabled.isChecked()
        params = self.params()
        self.looks_for.setText(self.rule.looks_for_with(params))
        for name, spin in self.spins.items():
            spin.setSuffix(rule_words.param_suffix(name, spin.value()))
            spin.setEnabled(on)
        self.save_button.setEnabled(self.dirty())
        if not on:
            self.preview.setText(rule_words.off_words())

    def show_preview(self, counts: Mapping[str, int]) -> None:
        """One line per child: ``counts`` maps a child's name to how often it would have fired."""
        if not self.enabled.isChecked():
            self.preview.setText(rule_words.off_words())
        elif not counts:
            self.preview.setText(rule_words.no_children_words())
        else:
            self.preview.setText("\n".join(rule_words.preview_words(n, name)
                                           for name, n in counts.items()))

    def said(self, text: str) -> None:
        show_message(self.message, text, ok=True)
