"""One widget per catalogue entry: a check box, a number, or a choice — saved as it changes.

The sections of the Settings page lay these out; the page keeps them in one dictionary by key
(``SettingsPage.controls``) and puts the session's values in whenever they are read again, with
the widget's signals held so showing a value never writes it back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QSpinBox, QWidget

from app.core.countries import CHOICES
from app.ui.settings.catalogue import COUNTRY, SettingSpec, Value
from app.ui.widgets.common import body_label

Changed = Callable[[SettingSpec, Value], None]


def words(text: str) -> str:
    """A catalogue label or help text, translated (they are marked in the "Settings" context)."""
    return QCoreApplication.translate("Settings", text) if text else ""


def choice_words(spec: SettingSpec) -> list[tuple[str, str]]:
    """(value, words) for each choice of a ``str`` entry, in the catalogue's order."""
    if spec is COUNTRY:
        return [(c.code, QCoreApplication.translate("Countries", c.name)) for c in CHOICES]
    return [(value, value) for value in spec.choices]


def spec_control(spec: SettingSpec, value: Value, changed: Changed) -> QWidget:
    """The widget for ``spec`` showing ``value``; each change is handed to ``changed``."""
    label = words(spec.label)
    if spec.kind is bool:
        box = QCheckBox(label)
        box.setObjectName(spec.key)
        box.setAccessibleName(label)
        box.setChecked(bool(value))
        box.toggled.connect(lambda on: changed(spec, on))
        return box
    if spec.kind is str:
        combo = QComboBox()
        combo.setObjectName(spec.key)
        combo.setAccessibleName(label)
        for code, text in choice_words(spec):
            combo.addItem(text, code)
        combo.setCurrentIndex(max(combo.findData(value), 0))
        combo.setMaximumWidth(360)
        combo.currentIndexChanged.connect(
            lambda _index: changed(spec, str(combo.currentData())))
        return combo
    spin = QSpinBox()
    spin.setObjectName(spec.key)
    spin.setAccessibleName(label)
    spin.setRange(spec.minimum, spec.maximum)
    spin.setSuffix(words(spec.suffix))
    spin.setValue(int(value))
    spin.setMaximumWidth(180)
    spin.valueChanged.connect(lambda number: changed(spec, number))
    return spin


def show_value(control: QWidget, value: Value) -> None:
    """Put ``value`` in without writing it back."""
    control.blockSignals(True)
    try:
        if isinstance(control, QCheckBox):
            control.setChecked(bool(value))
        elif isinstance(control, QComboBox):
            control.setCurrentIndex(max(control.findData(value), 0))
        elif isinstance(control, QSpinBox):
            control.setValue(int(value))
    finally:
        control.blockSignals(False)


def add_to_form(form: QFormLayout, spec: SettingSpec, control: QWidget) -> None:
    """A check box carries its own words; other controls get the label beside them. The help
    text goes underneath, muted."""
    if isinstance(control, QCheckBox):
        form.addRow(control)
    else:
        form.addRow(words(spec.label), control)
    form.addRow(body_label(words(spec.help), muted=True))
