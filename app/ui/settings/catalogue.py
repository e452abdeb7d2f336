"""Every family-wide choice, declared once: key, kind, default, label, help, section.

Picard's options and Vorta's settings work this way: the Settings page is built from the
catalogue, the session reads every entry once per unlock, and no other screen spells a settings
key by hand — code that needs a choice names its entry (``SHOW_NAMES``, ``CLOSE_TO_TRAY``…).
Labels are marked for translation with ``QT_TRANSLATE_NOOP`` and translated when shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.core.countries import CHOICES, FALLBACK_CODE

Value = int | bool | str

SECURITY, FAMILY, REMINDERS = "security", "family", "reminders"


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: type  # int, bool, or str (one of ``choices``)
    default: Value
    label: str
    help: str
    minimum: int = 0
    maximum: int = 0
    section: str = SECURITY
    suffix: str = ""
    choices: tuple[str, ...] = ()

    def parse(self, raw: str | None) -> Value:
        """The stored text as a value; anything unreadable falls back to the default."""
        if raw is None:
            return self.default
        if self.kind is bool:
            return raw == "1"
        if self.kind is str:
            value = raw.strip().lower()
            return value if value in self.choices else self.default
        try:
            return min(max(int(raw), self.minimum), self.maximum)
        except ValueError:
            return self.default

    def store(self, value: Value) -> str:
        if self.kind is bool:
            return "1" if value else "0"
        if self.kind is str:
            return str(self.parse(str(value)))
        return str(min(max(int(value), self.minimum), self.maximum))


AUTO_LOCK = SettingSpec(
    key="security.auto_lock_minutes", kind=int, default=10, minimum=0, maximum=240,
    label=QT_TRANSLATE_NOOP("Settings", "Lock when Porchlight is left alone for"),
    help=QT_TRANSLATE_NOOP("Settings", "Nobody touching Porchlight for this long locks it. "
                           "A talk in progress counts as being there. 0 means never."),
    suffix=QT_TRANSLATE_NOOP("Settings", " minutes"))

LOCK_ON_SLEEP = SettingSpec(
    key="security.lock_on_sleep", kind=bool, default=True,
    label=QT_TRANSLATE_NOOP("Settings", "Lock when the computer goes to sleep"),
    help=QT_TRANSLATE_NOOP("Settings", "Porchlight notices when the computer wakes up and "
                           "asks for the passphrase again."))

COUNTRY = SettingSpec(
    key="country", kind=str, default=FALLBACK_CODE, section=FAMILY,
    choices=tuple(choice.code for choice in CHOICES),
    label=QT_TRANSLATE_NOOP("Settings", "Country for help lines"),
    help=QT_TRANSLATE_NOOP("Settings", "Help now shows the reporting steps and help lines of "
                           "this country."))

SHOW_NAMES = SettingSpec(
    key="notifications.show_names", kind=bool, default=False, section=REMINDERS,
    label=QT_TRANSLATE_NOOP("Settings", "Show children's names in desktop notifications"),
    help=QT_TRANSLATE_NOOP("Settings", "Off by default: notifications can be seen over your "
                           "shoulder or on a locked screen."))

CLOSE_TO_TRAY = SettingSpec(
    key="window.close_to_tray", kind=bool, default=True, section=REMINDERS,
    label=QT_TRANSLATE_NOOP("Settings", "Keep running in the tray when I close the window"),
    help=QT_TRANSLATE_NOOP("Settings", "Reminders keep coming while the window is closed; "
                           "Porchlight stays locked until you open it."))

CATALOGUE: tuple[SettingSpec, ...] = (AUTO_LOCK, LOCK_ON_SLEEP, COUNTRY, SHOW_NAMES,
                                      CLOSE_TO_TRAY)


def spec_for(key: str) -> SettingSpec:
    return next(spec for spec in CATALOGUE if spec.key == key)


def in_section(section: str) -> tuple[SettingSpec, ...]:
    return tuple(spec for spec in CATALOGUE if spec.section == section)
