"""Issue 13, the parts the first pass left: what the seeds say, every child, and the weeks after.

Each test reads the shipped library and names the starters or entries that carry one point of
the issue, so deleting or moving one of them (or wording it so it no longer says the point)
fails here. The care rules (closing promise, crisis reply, reading level) are checked for the
new starters one by one, so a failure names the starter at fault.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app.core.content import care_checks as care
from app.core.content.checker import run_check, stats_lines
from app.core.content.loader import load_library
from app.core.content.readability import too_hard
from tests.core.content_fixtures import write_library

SHIPPED = Path(__file__).resolve().parents[2] / "conversations"

# What the seeds say that the first edition did not: (starter id, band, words it must carry).
SEED_STARTERS = [
    ("threats-and-blackmail.9-12.i-have-a-photo", "9-12", ["already have a photo", "bluff"]),
    ("threats-and-blackmail.9-12.bring-your-friends", "9-12", ["friends", "little brother"]),
    ("threats-and-blackmail.13-15.get-someone-else", "13-15", ["someone else", "recruit"]),
    ("threats-and-blackmail.13-15.they-saved-the-chat", "13-15", ["chat", "conversations"]),
    ("threats-and-blackmail.16-17.why-paying-never-ends-it", "16-17",
     ["another country", "paying"]),
    ("threats-and-blackmail.16-17.meet-me-or-else", "16-17", ["in person", "police"]),
    ("threats-and-blackmail.16-17.picture-from-years-ago", "16-17",
     ["years", "remember"]),
    ("gifts-and-money.13-15.vapes-for-a-pic", "13-15", ["weed", "drugs"]),
    ("gifts-and-money.16-17.sign-up-with-your-card", "16-17", ["card number", "bank"]),
    ("fake-images.13-15.a-profile-pretending-to-be-you", "13-15", ["profile", "report"]),
]

NEW_STARTERS = [starter_id for starter_id, _, _ in SEED_STARTERS]


@pytest.fixture(scope="module")
def library():
    loaded = load_library(SHIPPED)
    assert not loaded.problems
    return loaded.library


def check_messages(root: Path) -> tuple[int, str]:
    out = io.StringIO()
    return run_check(root, stats=False, out=out), out.getvalue()


def words_of(library, starter_id: str) -> str:
    starter = library.starter(starter_id)
    assert starter is not None, f"missing starter {starter_id}"
    return " ".join([starter.text, starter.why, *starter.follow_ups, *starter.listen_for,
                     *(f"{p.they_say} {p.you_say}" for p in starter.if_they_say)])


# --- 1. what the seeds say -------------------------------------------------------------------

@pytest.mark.parametrize(("starter_id", "band", "needed"), SEED_STARTERS)
def test_each_seed_point_is_a_starter_in_its_band(library, starter_id, band, needed):
    starter = library.starter(starter_id)
    assert starter is not None, starter_id
    assert starter.bands == (band,)
    text = words_of(library, starter_id).lower()
    for word in needed:
        assert word in text, (starter_id, word)
    assert str(starter.reviewed) == "2026-11-29"


def test_nine_to_twelve_already_has_the_blackmail_topic(library):
    topic = library.topic("threats-and-blackmail")
    assert "9-12" in topic.bands
    assert len(library.starters("9-12", "threats-and-blackmail")) >= 6
    assert "8 to 17" in topic.summary


def test_the_bluff_is_met_with_silence_not_a_reply(library):
    replies = {p.they_say: p.you_say for p in
               library.starter("threats-and-blackmail.9-12.i-have-a-photo").if_they_say}
    assert "don't write back" in replies["I'd ask them to show me the photo."]


def test_the_seed_red_flags_are_in_the_catalogue(library):
    flags = {flag.id for flag in library.red_flags}
    for flag_id in ("red-flag.claims-to-already-have-a-photo", "red-flag.threatens-to-out-you",
                    "red-flag.wants-friends-or-siblings-brought-in",
                    "red-flag.wants-to-meet-in-person", "red-flag.sign-up-with-a-card",
                    "red-flag.offers-drugs", "red-flag.pretends-to-be-you",
                    "red-flag.old-picture-years-later"):
        assert flag_id in flags


def test_the_fbi_line_promises_privacy_and_victim_specialists(library):
    fbi = next(c for c in library.country("us").channels if c.id == "us.channel.fbi")
    assert "protect victims' identities" in fbi.for_what
    assert "victim specialists" in fbi.for_what


def test_fbi_safe_online_surfing_is_a_learning_line_not_a_report_line(library):
    us = library.country("us")
    sos = next(c for c in us.channels if c.id == "us.channel.safe-online-surfing")
    assert sos.web == "sos.fbi.gov" and not sos.phone
    assert "not for reporting" in sos.name
    assert us.channels[-1] is sos  # after every line that takes a report
    assert "fbi-safe-online-surfing" in library.sources


@pytest.mark.parametrize("starter_id", NEW_STARTERS)
def test_each_new_starter_keeps_the_care_rules(library, starter_id):
    starter = library.starter(starter_id)
    assert care.closes_with_reassurance(starter), starter_id
    assert too_hard(starter.child_facing_text(), starter.bands) is None
    assert starter.sources and all(s in library.sources for s in starter.sources)
    for pair in starter.if_they_say:
        if care.DYING_WORDS.search(pair.they_say):
            assert care.ASKS_DIRECTLY.search(pair.you_say)
            assert care.CRISIS_REFERENCE.search(pair.you_say)


# --- 2. every child ---------------------------------------------------------------------------

LGBTQ_STARTERS = [
    ("threats-and-blackmail.13-15.threat-to-out-you", "13-15", ["who you like", "on your side"]),
    ("privacy.13-15.a-second-account", "13-15", ["second account", "won't be in trouble"]),
    ("threats-and-blackmail.16-17.outed-as-leverage", "16-17", ["who you are", "not judge"]),
    ("online-friends.16-17.finding-your-people", "16-17", ["community", "lgbtq+"]),
]
ADAPTED_REFUSALS = {
    "3-5": "saying-no.3-5.three-steps-every-time",
    "6-8": "saying-no.6-8.my-no-steps",
    "9-12": "saying-no.9-12.the-exact-words",
    "13-15": "saying-no.13-15.a-script-that-never-changes",
    "16-17": "saying-no.16-17.step-by-step-card",
}
FRIEND_STARTERS = {
    "9-12": "always-in-your-corner.9-12.a-friend-tells-you",
    "13-15": "always-in-your-corner.13-15.when-a-friend-tells-you",
    "16-17": "always-in-your-corner.16-17.a-friends-secret",
}
EVERY_CHILD = ([s for s, _, _ in LGBTQ_STARTERS] + list(ADAPTED_REFUSALS.values())
               + list(FRIEND_STARTERS.values()))


@pytest.mark.parametrize(("starter_id", "band", "needed"), LGBTQ_STARTERS)
def test_lgbtq_teens_hear_themselves(library, starter_id, band, needed):
    assert library.starter(starter_id).bands == (band,)
    text = words_of(library, starter_id).lower()
    for word in needed:
        assert word in text, (starter_id, word)


def test_the_threat_to_out_someone_is_a_red_flag(library):
    flag = next(f for f in library.red_flags if f.id == "red-flag.threatens-to-out-you")
    assert "who you like" in flag.text


@pytest.mark.parametrize("band", list(ADAPTED_REFUSALS))
def test_every_band_has_a_literal_refusal_with_a_note_on_adapting_the_talk(library, band):
    starter = library.starter(ADAPTED_REFUSALS[band])
    assert starter.topic == "saying-no" and starter.bands == (band,)
    assert "To adapt the talk:" in starter.why
    note = starter.why.lower()
    assert "same" in note and ("practise" in note or "rehearse" in note)
    assert '"no' in starter.text.lower() or "say" in starter.text.lower()  # the words to use


@pytest.mark.parametrize("band", list(FRIEND_STARTERS))
def test_a_friend_who_is_told_knows_what_to_do(library, band):
    starter = library.starter(FRIEND_STARTERS[band])
    assert starter.bands == (band,)
    text = words_of(library, starter.id).lower()
    assert "danger" in text  # when an adult must hear, whatever was promised
    assert "in trouble" in text  # the friend is never in trouble for helping
    assert "pick" in text or "choose" in text or "their terms" in text  # the friend keeps control


@pytest.mark.parametrize("starter_id", EVERY_CHILD)
def test_every_child_starter_keeps_the_care_rules(library, starter_id):
    test_each_new_starter_keeps_the_care_rules(library, starter_id)


# --- 2b. after the crisis: "The weeks after" is its own section, per country ------------------

COUNTRIES = ("us", "ca", "gb", "au", "intl")


@pytest.mark.parametrize("code", COUNTRIES)
def test_every_country_has_the_weeks_after_as_its_own_section(library, code):
    country = library.countries[code]
    words = " ".join(item.text for item in country.after)
    for needed in ("sleep", "school", "self-harm", "suicide", "on their own"):
        assert needed in words, (code, needed)
    assert not any("weeks-after" in step.id or step.text.startswith("The weeks after")
                   for step in country.steps)
    for item in country.after:
        assert item.id.startswith(f"{code}.after.") and item.sources and item.reviewed


def test_the_us_weeks_after_names_the_fbi_victim_specialists(library):
    words = " ".join(item.text for item in library.countries["us"].after)
    assert "victim specialists" in words and "741741" in words


def _with_after(root: Path, code: str, entry: str) -> None:
    path = root / "countries" / f"{code}.toml"
    path.write_text(path.read_text() + f'\n[[after]]\nid = "{code}.after.x"\n{entry}\n')


def test_an_after_entry_inherits_its_files_sources_and_date(tmp_path):
    root = write_library(tmp_path / "c")
    _with_after(root, "gb", 'text = "Keep routines steady."')
    loaded = load_library(root)
    assert not loaded.problems
    (item,) = loaded.library.countries["gb"].after
    assert item.sources == ("src-a",) and str(item.reviewed) == "2026-11-23"
    assert loaded.files["gb.after.x"] == root / "countries" / "gb.toml"


def test_the_checker_holds_after_entries_to_the_sourced_numbers_rule(tmp_path):
    root = write_library(tmp_path / "c")
    _with_after(root, "au", 'text = "Call 1800 999 999 any time."')
    code, out = check_messages(root)
    assert code == 1 and "“1800 999 999” is not listed in sources/contacts" in out
    assert "au.toml" in out


def test_the_checker_holds_after_entries_to_the_screenshot_rule(tmp_path):
    root = write_library(tmp_path / "c")
    _with_after(root, "us", 'text = "Take screenshots of the messages."')
    code, out = check_messages(root)
    assert code == 1 and "CONTENT_GUIDE rule 9" in out


def test_stats_count_the_weeks_after(library):
    assert "4 after" in "\n".join(stats_lines(library))


# --- 2c. Help now shows the weeks after (a real dialog, offscreen) ----------------------------

def _order(dialog, widget) -> int:
    box = dialog._country_box
    return next(i for i in range(box.count()) if box.itemAt(i).widget() is widget)


def test_help_now_shows_the_weeks_after_after_the_steps(qtbot, library):
    from PySide6.QtWidgets import QLabel, QWidget

    from app.ui.content_access import LibraryState
    from app.ui.help.help_now_dialog import HelpNowDialog

    dialog = HelpNowDialog(LibraryState(library), "gb")
    qtbot.addWidget(dialog)
    for code in ("gb", "us", "intl"):
        dialog.country.setCurrentIndex(dialog.country.findData(code))
        (section,) = dialog.findChildren(QWidget, "weeksAfter")  # the old country's is gone
        assert section.accessibleName() == "The weeks after"
        items = [label.text() for label in section.findChildren(QLabel, "weeksAfterItem")]
        assert len(items) == len(library.countries[code].after)
        assert any("suicide" in text for text in items)
        steps = dialog.findChildren(QLabel, "helpStep")
        assert not any("The weeks after" in label.text() for label in steps)
        last_step = steps[-1]
        first_channel = dialog.findChildren(QLabel, "channelName")[0].parentWidget()
        assert _order(dialog, last_step) < _order(dialog, section) < _order(dialog,
                                                                             first_channel)
