"""The translation machinery: which translators load, the pseudo-locale, and the shipped files.

``make i18n`` writes ``resources/translations/porchlight_<lang>.ts`` (lupdate) and compiles the
``.qm`` the app loads (lrelease); both are committed so a fresh clone, a wheel and a frozen build
need no build step. The last two tests fail when the code has strings the ``.ts`` files lack, or
a ``.qm`` was not rebuilt from its ``.ts``: run ``make i18n`` and commit what it changed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.ui.i18n import (
    PseudoTranslator,
    install_translators,
    pseudo_text,
    remove_translators,
    translations_dir,
)

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ("es", "fr")
BIN = Path(sys.executable).parent


@pytest.fixture
def default_locale():
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize(("source", "expected_kept"), [
    ("Edit {name}", ["{name}"]),
    ("%n check-ins were missed", ["%n"]),
    ("&Start a talk", ["&S"]),
    ("Save &amp; close <b>now</b>", ["&amp;", "<b>", "</b>"]),
    ("Step %1 of %2", ["%1", "%2"]),
])
def test_pseudo_text_is_longer_accented_and_keeps_placeholders(source, expected_kept) -> None:
    shown = pseudo_text(source)
    assert all(part in shown for part in expected_kept), shown
    assert len(shown) >= 1.3 * len(source) and shown != source
    assert any(ch in shown for ch in "ÅÉÎÖÜåéîöüçñý")
    assert pseudo_text("") == ""


def test_pseudo_text_still_formats_and_counts(qapp) -> None:
    translators = install_translators(qapp, "pseudo")
    try:
        assert isinstance(translators[0], PseudoTranslator)
        edit = QCoreApplication.translate("FamilyPage", "Edit {name}").format(name="Maya")
        assert "Maya" in edit and edit.startswith("[É")
        missed = QCoreApplication.translate("CheckinsPage", "%n check-ins were missed", "", 3)
        assert "3" in missed and "%n" not in missed
    finally:
        remove_translators(qapp, translators)
    assert QCoreApplication.translate("FamilyPage", "Edit {name}") == "Edit {name}"


def test_english_needs_only_its_plural_forms(qapp, default_locale) -> None:
    translators = install_translators(qapp, "en_GB")
    try:
        assert len(translators) == 1  # porchlight_en: plurals only; no Qt file is read
        assert QCoreApplication.translate("FamilyPage", "Your family") == "Your family"
    finally:
        remove_translators(qapp, translators)


def test_french_loads_ours_and_qts_own(qapp, default_locale) -> None:
    translators = install_translators(qapp, "fr_CA")  # no fr_CA file: falls back to fr
    try:
        assert len(translators) == 2
        assert QLocale().language() == QLocale.Language.French  # dates follow the choice
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        remove_translators(qapp, translators)


def test_a_language_nobody_translated_falls_back_quietly(qapp, default_locale) -> None:
    translators = install_translators(qapp, "tlh")  # Klingon: neither we nor Qt have it
    try:
        assert len(translators) <= 1  # at most English's plural forms
        assert QCoreApplication.translate("FamilyPage", "Your family") == "Your family"
    finally:
        remove_translators(qapp, translators)


def test_the_environment_variable_chooses_the_pseudo_locale(qapp, monkeypatch) -> None:
    monkeypatch.setenv("PORCHLIGHT_LOCALE", "pseudo")
    translators = install_translators(qapp)
    try:
        assert QCoreApplication.translate("Shell", "Lock").startswith("[")
    finally:
        remove_translators(qapp, translators)


def _tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _sources(ts_file: Path) -> set[tuple[str, str]]:
    tree = ElementTree.parse(ts_file)
    return {(context.findtext("name") or "", message.findtext("source") or "")
            for context in tree.getroot().iter("context")
            for message in context.iter("message")
            if message.get("type") != "obsolete"
            and (message.find("translation") is None
                 or message.find("translation").get("type") not in {"obsolete", "vanished"})}


def test_the_ts_files_hold_every_string_in_the_code(tmp_path) -> None:
    fresh = tmp_path / "porchlight_xx.ts"
    subprocess.run([_tool("pyside6-lupdate"), "-extensions", "py", "-tr-function-alias",
                    "tr+=_tr", "-silent", "app", "-ts", str(fresh)], cwd=ROOT, check=True,
                   capture_output=True, timeout=120)
    in_code = _sources(fresh)
    assert len(in_code) > 100  # lupdate really reads our tr() calls
    # …and the word modules' _tr() calls, plurals included (the same flags as `make i18n`).
    assert ("", "in %n days") in in_code and ("", "%n years old") in in_code
    for locale in LOCALES:
        shipped = _sources(translations_dir() / f"porchlight_{locale}.ts")
        missing = sorted(in_code - shipped)
        assert not missing, (f"porchlight_{locale}.ts lacks {len(missing)} string(s); run "
                             f"`make i18n`. First: {missing[:5]}")


def test_each_qm_is_compiled_from_its_ts(tmp_path) -> None:
    for locale in LOCALES:
        ts_file = translations_dir() / f"porchlight_{locale}.ts"
        built = tmp_path / f"porchlight_{locale}.qm"
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(built)],
                       check=True, capture_output=True, timeout=120)
        shipped = translations_dir() / f"porchlight_{locale}.qm"
        assert shipped.read_bytes() == built.read_bytes(), f"run `make i18n` ({shipped.name})"


def test_english_plurals_read_naturally(qapp, default_locale) -> None:
    """Qt's plurals need an English file too: without it a count of one reads "1 years old"."""
    from app.ui.age_words import years_old
    from app.ui.checkins.words import consistency_words, missed_words
    from app.ui.i18n import install_translators, remove_translators

    installed = install_translators(qapp, "en_GB")
    try:
        assert installed, "porchlight_en.qm was not loaded"
        assert years_old(1) == "1 year old" and years_old(7) == "7 years old"
        assert missed_words(1, ["Sam"]).startswith("A weekly check-in with Sam was missed")
        assert missed_words(3, ["Sam"]).startswith("3 weekly check-ins with Sam were missed")
        assert consistency_words(1, 1) == "Talked at 1 of the last check-in"
    finally:
        remove_translators(qapp, installed)


def test_every_english_plural_has_both_forms() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "english_plurals", translations_dir() / "english_plurals.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tree = ElementTree.parse(translations_dir() / "porchlight_en.ts")
    for message in tree.getroot().iter("message"):
        if message.get("numerus") == "yes":
            forms = [f.text for f in message.find("translation").iter("numerusform")]
            assert len(forms) == 2 and all(forms), message.findtext("source")
