"""Every choice on the Settings page, declared once: key, kind, default, label, help.

Picard's options and Vorta's settings work this way: the page is built from the catalogue, so a
new choice is one entry here and nothing else, and no screen spells a settings key by hand.
Labels are marked for translation with ``QT_TRANSLATE_NOOP`` and translated when shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: type  # int or bool
    default: int | bool
    label: str
    help: str
    minimum: int = 0
    maximum: int = 0
    section: str = "security"
    suffix: str = ""

    def parse(self, raw: str | None) -> int | bool:
        """The stored text as a value; anything unreadable falls back to the default."""
        if raw is None:
            return self.default
        if self.kind is bool:
            return raw == "1"
        try:
            return min(max(int(raw), self.minimum), self.maximum)
        except ValueError:
            return self.default

    def store(self, value: int | bool) -> str:
        if self.kind is bool:
            return "1" if value else "0"
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

CATALOGUE: tuple[SettingSpec, ...] = (AUTO_LOCK, LOCK_ON_SLEEP)


def spec_for(key: str) -> SettingSpec:
    return next(spec for spec in CATALOGUE if spec.key == key)
