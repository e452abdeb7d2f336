"""Issue 13: the lines that could hurt stay fixed, and the checker keeps them fixed.

Each content test reads the shipped library and would fail on the first edition's words; each
checker test damages a complete fixture library in one way and expects that one complaint.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from app.core.content import care_checks as care
from app.core.content.checker import run_check
from app.core.content.loader import load_library
from tests.core.content_fixtures import write_library

SHIPPED = Path(__file__).resolve().parents[2] / "conversations"


@pytest.fixture(scope="module")
def library():
    loaded = load_library(SHIPPED)
    assert not loaded.problems
    return loaded.library


def replies(library, starter_id: str) -> dict[str, str]:
    starter = library.starter(starter_id)
    assert starter is not None, starter_id
    return {pair.they_say: pair.you_say for pair in starter.if_they_say}


def everything(library, entry_id: str) -> str:
    """All the words of one starter, step or channel."""
    starter = library.starter(entry_id)
    if starter is not None:
        return " ".join([starter.text, starter.why, *starter.follow_ups, *starter.listen_for,
                         *(f"{p.they_say} {p.you_say}" for p in starter.if_they_say)])
    for country in library.countries.values():
        for entry in (*country.steps, *country.channels, *country.never):
            if entry.id == entry_id:
                return " ".join(str(v) for v in (getattr(entry, f, "") for f in (
                    "text", "name", "for_what", "for_whom", "phone", "web", "text_line")) if v)
    raise AssertionError(f"no entry {entry_id}")


def check_messages(root: Path) -> tuple[int, str]:
    out = io.StringIO()
    return run_check(root, stats=False, out=out), out.getvalue()


# --- 1. a preschooler points over clothes, never shows -------------------------------------

def test_swimsuit_parts_asks_to_point_over_clothes(library):
    starter = library.starter("body-safety.3-5.swimsuit-parts")
    assert "show me" not in starter.text.lower()
    assert "point" in starter.text.lower() and "clothes on" in starter.text.lower()
    assert any("names" in line for line in starter.follow_ups)


# --- 2. talk of dying is asked about, never laughed off ------------------------------------

@pytest.mark.parametrize("starter_id", [
    "always-in-your-corner.13-15.awkward-ways-to-tell",
    "threats-and-blackmail.13-15.whose-fault",
    "threats-and-blackmail.16-17.worst-night",
])
def test_dying_lines_get_a_direct_question_and_a_crisis_line(library, starter_id):
    dying = {k: v for k, v in replies(library, starter_id).items() if care.DYING_WORDS.search(k)}
    assert dying
    for reply in dying.values():
        assert "killing yourself" in reply and "?" in reply
        assert "crisis line" in reply
        assert "Ha," not in reply and "passes" not in reply


def test_the_checker_flags_a_brushed_off_dying_line(tmp_path):
    root = write_library(tmp_path / "c")
    path = root / "topics" / "pictures.toml"
    path.write_text(path.read_text().replace('they_say = "I don\'t know."',
                                             'they_say = "I\'d rather die."', 1))
    code, out = check_messages(root)
    assert code == 1
    assert "must ask directly and calmly about suicide" in out
    assert "must name a crisis line" in out


# --- 3. the law, without conditions ---------------------------------------------------------

def test_law_answers_no_longer_depend_on_being_tricked(library):
    for starter_id in ("pictures.13-15.the-law-and-you", "body-safety.9-12.law-on-pictures",
                       "pictures.9-12.even-of-yourself"):
        words = everything(library, starter_id)
        assert "If someone pressured or tricked you" not in words
        assert "If someone ever pushed or tricked you" not in words
        assert "even ones of yourself" not in words
        assert re.search(r"different in each country|differ from country to country|differs by "
                         r"country", words), starter_id
    jail = replies(library, "body-safety.9-12.law-on-pictures")["So if I sent one, I'd go to jail?"]
    assert jail.startswith("No.")
    criminal = replies(library, "pictures.13-15.the-law-and-you")[
        "So if I sent one, I'd be the criminal?"]
    assert criminal.startswith("No.") and "willingly" in criminal


# --- 4. no blame, no burden on the child -----------------------------------------------------

def test_no_mild_blame_or_burden(library):
    assert "Maybe it was risky" not in everything(library, "pictures.16-17.they-asked-for-it")
    assert "fine with anyone seeing" not in everything(library, "pictures.9-12.disappearing-pics")


# --- 5. meeting someone from online: an adult knows and comes --------------------------------

def test_meet_up_advice_brings_an_adult(library):
    reply = replies(library, "privacy.16-17.meeting-someone-from-online")[
        "We've video chatted, so I know they're real."]
    assert "tell me first" in reply and "come along" in reply
    assert "bring a friend" not in reply


# --- 6. screenshots without images ------------------------------------------------------------

@pytest.mark.parametrize("entry_id", [
    "ca.step.keep-evidence", "au.step.keep-evidence", "us.step.keep-evidence",
    "intl.step.keep-evidence", "threats-and-blackmail.13-15.what-to-keep",
    "privacy.13-15.knew-too-much",
])
def test_every_screenshot_step_keeps_images_out(library, entry_id):
    assert care.IMAGE_CAUTION.search(everything(library, entry_id))


def test_the_checker_flags_a_screenshot_without_the_caution(tmp_path):
    root = write_library(tmp_path / "c")
    path = root / "countries" / "gb.toml"
    path.write_text(path.read_text().replace('text = "Stay calm."',
                                             'text = "Screenshot the messages."'))
    code, out = check_messages(root)
    assert code == 1 and "gb.toml" in out and "CONTENT_GUIDE rule 9" in out


# --- 7 and 9. every child hears themselves; our own words ------------------------------------

def test_scripts_do_not_assume_a_straight_boy(library):
    assert "seems like a girl" not in everything(
        library, "gaming-and-chat.16-17.recorded-and-asked-for-money")
    assert "a girl their age" not in everything(
        library, "gifts-and-money.16-17.the-fake-girl-script")


def test_runs_copied_from_sources_are_rewritten(library):
    assert "I won't punish you, I'll help" not in everything(
        library, "gifts-and-money.16-17.the-fake-girl-script")
    assert "don't panic, but don't pay anything more" not in everything(library, "gb.step.dont-pay")


# --- 8. every starter ends with "come to me, you won't be in trouble" ------------------------

@pytest.mark.parametrize("starter_id", [
    "always-in-your-corner.13-15.happens-to-anyone", "threats-and-blackmail.13-15.what-to-keep",
    "pictures.16-17.someone-you-date", "gaming-and-chat.13-15.duo-partner-flirts",
    "moving-apps.13-15.the-pattern", "moving-apps.16-17.pushing-fast",
    "online-friends.13-15.prove-it", "saying-no.13-15.someone-you-like",
    "saying-no.16-17.turning-no-into-yes", "privacy.13-15.what-a-stranger-learns",
])
def test_named_starters_close_with_reassurance(library, starter_id):
    assert care.closes_with_reassurance(library.starter(starter_id))


def test_every_shipped_starter_closes_with_reassurance(library):
    assert [s.id for s in library.starters() if not care.closes_with_reassurance(s)] == []


def test_the_checker_flags_a_starter_without_reassurance(tmp_path):
    root = write_library(tmp_path / "c")
    path = root / "topics" / "privacy.toml"
    path.write_text(path.read_text().replace(
        "That is OK. You can tell me. You won't be in trouble.", "That is OK.", 1))
    code, out = check_messages(root)
    assert code == 1 and "privacy.toml" in out and "CONTENT_GUIDE rule 4" in out


# --- help lines -------------------------------------------------------------------------------

def test_help_lines_corrected(library):
    ca = library.country("ca")
    assert any(c.phone == "9-8-8" and "French" in c.for_what for c in ca.channels)
    assert "9-8-8" in everything(library, "ca.step.support")
    assert "usually makes the harassment worse" not in everything(library, "ca.step.stop-contact")
    assert "rereading" not in everything(library, "ca.step.keep-evidence")
    assert "Project Arachnid" not in everything(library, "ca.step.image-removal")
    gb = library.country("gb")
    assert any(c.phone == "0808 800 5000" for c in gb.channels)
    childline = everything(library, "gb.channel.childline")
    assert "under 19" in childline and "up to age 19" not in childline
    assert "at any hour" not in childline
    esafety = everything(library, "au.channel.esafety")
    assert "Adults 18 and over" not in esafety and "under-18s" in esafety
    assert "24 hours a day, 7 days a week." not in everything(library, "au.channel.kids-helpline")
    assert "WebChat runs at set times" in everything(library, "au.channel.kids-helpline")
    stop = next(s for s in library.country("au").steps if s.id == "au.step.stop-chat")
    assert "nsw-dont-be-sextorted" not in stop.sources
    intl = {c.id: c for c in library.country("intl").channels}
    assert intl["intl.channel.inhope"].web == "inhope.org"
    assert intl["intl.channel.fbi"].web == "tips.fbi.gov"


def test_every_country_has_the_weeks_after(library):
    for code in ("us", "ca", "gb", "au", "intl"):
        words = " ".join(s.text for s in library.countries[code].after)
        assert "self-harm" in words and "suicide" in words


def test_every_number_in_the_shipped_countries_is_sourced(library):
    assert list(care.sourced_contacts(library, SHIPPED)) == []


def test_the_checker_flags_an_unsourced_number(tmp_path):
    root = write_library(tmp_path / "c")
    path = root / "countries" / "au.toml"
    path.write_text(path.read_text().replace('text = "Stay calm."',
                                             'text = "Call 1800 123 456 now."'))
    code, out = check_messages(root)
    assert code == 1 and "“1800 123 456” is not listed in sources/contacts" in out


def test_the_checker_flags_a_number_whose_source_the_entry_does_not_cite(tmp_path):
    root = write_library(tmp_path / "c")
    (root / "sources" / "b.toml").write_text(
        '[[source]]\nid = "src-b"\npublisher = "P"\ntitle = "T"\nyear = 2024\nurl = ""\n')
    contacts = root / "sources" / "contacts" / "contacts.toml"
    contacts.write_text(contacts.read_text().replace('["src-a"]', '["src-b"]'))
    code, out = check_messages(root)
    assert code == 1 and "which “us.channel” does not cite" in out
