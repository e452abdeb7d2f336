"""Which language the app speaks: our own translation, Qt's, and a pseudo-locale for layout checks.

At start-up ``install_translators`` loads ``porchlight_<lang>.qm`` (made by ``make i18n`` from
``resources/translations/*.ts``) and Qt's own ``qtbase_<lang>.qm`` (the stock buttons and
dialogs) for the system locale, falling back quietly to English when either is missing.

``PORCHLIGHT_LOCALE`` overrides the system: a locale name (``fr``, ``es_MX``) or ``pseudo``. The
pseudo-locale translates nothing; it lengthens every string by about 40% and accents it
(``"Edit {name}"`` → ``"[Éḋîţ {name} ~~~~]"`` in spirit), so a layout that only fits English, or a
string that never went through ``tr``, shows up on screen. Placeholders (``{name}``, ``%n``,
``%1``), mnemonics and markup are kept intact so ``.format`` and plurals still work.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import resources_dir

LOCALE_VARIABLE = "PORCHLIGHT_LOCALE"
PSEUDO = "pseudo"
CATALOGUE = "porchlight"
GROWTH = 0.4

# Accented look-alikes from Latin-1 and Latin Extended-A: every UI font has them, so the
# screenshots show real glyphs (taller ones too, to catch clipped heights) rather than boxes.
_ACCENTS = str.maketrans(
    "AEIOUCNYaeioucnyszSZ",
    "ÅÉÎÖÜÇÑÝåéîöüçñýšžŠŽ",
)
# What must come through untouched: {name}, %n, %1, &&, &x (a mnemonic), <b>, &amp;.
_KEEP = re.compile(r"\{[^{}]*\}|%n|%L?\d|&&|&[A-Za-z]+;|&.|<[^<>]*>")


def translations_dir() -> Path:
    """``resources/translations`` in a checkout, a wheel or a frozen build."""
    return resources_dir() / "translations"


def pseudo_text(text: str) -> str:
    """``text`` accented and about 40% longer, with every placeholder left as it was."""
    if not text:
        return text
    pieces: list[str] = []
    position = 0
    for match in _KEEP.finditer(text):
        pieces.append(text[position:match.start()].translate(_ACCENTS))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(text[position:].translate(_ACCENTS))
    # Words of at most five tildes: a long paragraph grows by whole words that wrap, as a
    # real translation does, rather than by one unbreakable run wider than any column.
    count = max(1, round(len(text) * GROWTH) - 3)
    padding = " ".join("~" * min(5, count - start) for start in range(0, count, 6))
    # A multi-line text is padded on its first line, so a wrapped label grows in width too.
    body = "".join(pieces)
    first, newline, rest = body.partition("\n")
    return f"[{first} {padding}]{newline}{rest}"


class PseudoTranslator(QTranslator):
    """Answers every lookup with the pseudo text of its source string."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return pseudo_text(source_text)

    def isEmpty(self) -> bool:
        return False


def wanted_locale(locale: QLocale | str | None = None) -> QLocale | str:
    """The locale asked for: the argument, then ``PORCHLIGHT_LOCALE``, then the system's."""
    if locale is None:
        locale = os.environ.get(LOCALE_VARIABLE, "").strip() or None
    if locale is None:
        return QLocale.system()
    if isinstance(locale, str) and locale.lower() == PSEUDO:
        return PSEUDO
    return locale if isinstance(locale, QLocale) else QLocale(locale)


def install_translators(app: QCoreApplication,
                        locale: QLocale | str | None = None) -> list[QTranslator]:
    """Install the translations for ``locale`` (see ``wanted_locale``) on ``app``.

    Returns the translators installed (parented to ``app`` so they live as long as it does);
    an empty list means English. Never raises for a missing or unreadable file.
    """
    wanted = wanted_locale(locale)
    if wanted == PSEUDO:
        translator = PseudoTranslator(app)
        app.installTranslator(translator)
        return [translator]
    assert isinstance(wanted, QLocale)
    if locale is not None or os.environ.get(LOCALE_VARIABLE):
        QLocale.setDefault(wanted)  # dates and numbers follow an explicit choice too
    if wanted.language() in (QLocale.Language.English, QLocale.Language.C):
        # The source strings are English; only their plural forms ("1 year old") need a file.
        english = QTranslator(app)
        if english.load(str(translations_dir() / f"{CATALOGUE}_en.qm")) and \
                app.installTranslator(english):
            return [english]
        english.deleteLater()
        return []
    installed: list[QTranslator] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((CATALOGUE, str(translations_dir())), ("qtbase", qt_folder)):
        translator = QTranslator(app)
        # load() walks fr_CA → fr by itself and reports False when nothing matched.
        if translator.load(wanted, name, "_", folder) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo ``install_translators`` (tests switch the pseudo-locale on and off)."""
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
