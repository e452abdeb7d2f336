"""Overlays per locale: French on top of English, Canadian French on top of French, and the
checker's two rules (ids that exist in English; translations not older than the English).

The overlays here are tiny fixtures written into a temporary copy of a complete library; no real
translation ships yet.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app.core.content.checker import run_check
from app.core.content.loader import load_library
from app.core.content.overlays import locale_chain, overlay_locales
from tests.core.content_fixtures import write_library
from tests.core.test_content_checker import check

STARTER = "privacy.9-12.s0"
FR_TOPIC = f'''id = "privacy"
title = "Vie privée"
reviewed = 2026-12-01

[[starter]]
id = "{STARTER}"
text = "À qui peux-tu le dire si une discussion de jeu te met mal à l'aise ?"
follow_ups = ["Que ferais-tu ?", "À qui peux-tu demander ?"]

[[starter.if_they_say]]
they_say = "Je ne sais pas."
you_say = "Ce n'est pas grave. Tu peux me le dire."
'''
FR_CA_TOPIC = f'''reviewed = 2026-12-02

[[starter]]
id = "{STARTER}"
text = "À qui peux-tu en parler si un clavardage de jeu te met mal à l'aise ?"
'''
FR_REFUSALS = '''reviewed = 2026-12-01

[[refusal]]
id = "refusal.6-8.firm.0"
text = "Non. Je vais le dire à ma mère."
'''


def library_with_overlays(root: Path) -> Path:
    write_library(root)
    (root / "fr" / "topics").mkdir(parents=True)
    (root / "fr" / "topics" / "privacy.toml").write_text(FR_TOPIC, encoding="utf-8")
    (root / "fr" / "refusals.toml").write_text(FR_REFUSALS, encoding="utf-8")
    (root / "fr_CA" / "topics").mkdir(parents=True)
    (root / "fr_CA" / "topics" / "privacy.toml").write_text(FR_CA_TOPIC, encoding="utf-8")
    return root


@pytest.mark.parametrize(("name", "chain"), [
    ("fr_CA", ["fr_CA", "fr"]), ("fr-CA", ["fr_CA", "fr"]), ("fr_CA.UTF-8", ["fr_CA", "fr"]),
    ("fr", ["fr"]), ("es_MX", ["es_MX", "es"]), ("en_US", []), ("C", []), (None, []),
])
def test_the_fallback_chain(name, chain) -> None:
    assert locale_chain(name) == chain


def test_english_is_untouched_without_a_locale(tmp_path) -> None:
    root = library_with_overlays(tmp_path / "c")
    starter = load_library(root).library.starter(STARTER)
    assert starter.text == "Who can you tell if a game chat feels bad?"


def test_french_replaces_only_the_fields_it_translates(tmp_path) -> None:
    root = library_with_overlays(tmp_path / "c")
    result = load_library(root, "fr_FR")
    library = result.library
    starter = library.starter(STARTER)
    assert result.problems == []
    assert starter.text.startswith("À qui peux-tu le dire")
    assert starter.follow_ups == ("Que ferais-tu ?", "À qui peux-tu demander ?")
    assert starter.if_they_say[0].you_say == "Ce n'est pas grave. Tu peux me le dire."
    assert starter.listen_for == ("Who they name.",)  # left out: stays English
    assert starter.bands == ("9-12",) and starter.sources == ("src-a",)  # structure is English
    assert library.topic("privacy").title == "Vie privée"
    assert library.topic("privacy").summary == "S"
    refusal = next(r for r in library.refusals if r.id == "refusal.6-8.firm.0")
    assert refusal.text == "Non. Je vais le dire à ma mère." and refusal.tone == "firm"
    other = library.starter("privacy.9-12.s1")
    assert other.text == "Who can you tell if a game chat feels bad?"  # not translated yet


def test_canadian_french_sits_on_french_which_sits_on_english(tmp_path) -> None:
    root = library_with_overlays(tmp_path / "c")
    library = load_library(root, "fr_CA").library
    starter = library.starter(STARTER)
    assert "clavardage" in starter.text  # fr_CA wins where it has the text
    assert starter.follow_ups[0] == "Que ferais-tu ?"  # fr fills what fr_CA leaves out
    assert starter.listen_for == ("Who they name.",)  # English fills the rest
    assert library.topic("privacy").title == "Vie privée"


def test_a_locale_without_an_overlay_reads_english(tmp_path) -> None:
    root = library_with_overlays(tmp_path / "c")
    assert load_library(root, "es").library.starter(STARTER).text.startswith("Who can")


def test_search_finds_the_translated_words(tmp_path) -> None:
    from app.core.content.search import find_starters

    root = library_with_overlays(tmp_path / "c")
    library = load_library(root, "fr").library
    assert [s.id for s in find_starters(library, query="a qui peux-tu le dire")] == [STARTER]


def test_a_sound_overlay_passes_the_checker(tmp_path) -> None:
    root = library_with_overlays(tmp_path / "c")
    assert overlay_locales(root) == ["fr", "fr_CA"]
    assert check(root) == (0, [])


def test_an_overlay_id_missing_in_english_is_an_error(tmp_path) -> None:
    root = library_with_overlays(tmp_path / "c")
    (root / "fr" / "reassurance.toml").write_text(
        'reviewed = 2026-12-01\n\n[[reassurance]]\nid = "reassure.gone"\ntext = "Tu peux."\n',
        encoding="utf-8")
    code, found = check(root)
    assert code == 1
    assert found == [("reassurance.toml", 4, "“reassure.gone” is not an id in the English "
                      "library")]


def test_an_overlay_older_than_the_english_is_a_warning(tmp_path) -> None:
    root = library_with_overlays(tmp_path / "c")
    (root / "fr" / "refusals.toml").write_text(FR_REFUSALS.replace("2026-12-01", "2026-11-01"),
                                               encoding="utf-8")
    out = io.StringIO()
    code = run_check(root, stats=False, out=out)
    assert code == 0, out.getvalue()  # a stale translation is shown, and flagged
    assert ("refusals.toml:4: warning: the fr text of “refusal.6-8.firm.0” was reviewed "
            "2026-11-01, before the English changed (2026-11-23)") in out.getvalue()
    assert "1 warning(s)." in out.getvalue()


def test_an_overlay_cannot_change_structure_or_add_fields(tmp_path) -> None:
    root = library_with_overlays(tmp_path / "c")
    (root / "fr" / "red_flags.toml").write_text(
        'reviewed = 2026-12-01\n\n[[red_flag]]\nid = "flag.0"\nbands = ["3-5"]\n'
        'text = "T"\nsummary = "pas ici"\n', encoding="utf-8")
    code, found = check(root)
    messages = [message for _name, _line, message in found]
    assert code == 1
    assert "an overlay holds only translated text: “bands” belongs in the English file" in messages
    assert "“flag.0” has no field “summary” in English" in messages


def test_a_broken_overlay_file_is_named_and_english_still_loads(tmp_path) -> None:
    root = library_with_overlays(tmp_path / "c")
    (root / "fr" / "topics" / "privacy.toml").write_text("id = \n", encoding="utf-8")
    result = load_library(root, "fr")
    assert [p.path.name for p in result.problems] == ["privacy.toml"]
    assert result.library.starter(STARTER).text.startswith("Who can")
    assert next(r for r in result.library.refusals
                if r.id == "refusal.6-8.firm.0").text.startswith("Non.")


def test_the_weeks_after_in_help_now_can_be_translated(tmp_path) -> None:
    import shutil

    root = tmp_path / "conversations"
    shutil.copytree(Path(__file__).resolve().parents[2] / "conversations", root)
    (root / "fr" / "countries").mkdir(parents=True)
    (root / "fr" / "countries" / "gb.toml").write_text(
        'code = "gb"\nreviewed = 2026-12-30\n\n[[after]]\nid = "gb.after.routines"\n'
        'text = "Gardez les repas et le sommeil aussi réguliers que possible."\n',
        encoding="utf-8")
    result = load_library(root, "fr_FR")
    after = {a.id: a for a in result.library.country("gb").after}
    assert after["gb.after.routines"].text.startswith("Gardez les repas")
    assert not [p for p in result.problems if "gb.after" in str(p)]
