"""The starter picker: its rules hold over random histories, and a simulated year covers all."""

from __future__ import annotations

import datetime as dt
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.content.loader import load_library
from app.core.picker import (
    CORE_INTERVAL_WEEKS,
    NO_REPEAT_WEEKS,
    Discussed,
    coverage,
    pick_starters,
)
from app.paths import shipped_content_dir

TODAY = dt.date(2026, 11, 23)
BANDS = ["3-5", "6-8", "9-12", "13-15", "16-17"]


@cache
def library():
    return load_library(shipped_content_dir()).library


@st.composite
def histories(draw):
    band = draw(st.sampled_from(BANDS))
    starters = library().starters(band)
    items = draw(st.lists(st.tuples(st.sampled_from(starters), st.integers(0, 400)),
                          max_size=60))
    history = [Discussed(s.id, s.topic, TODAY - dt.timedelta(days=days)) for s, days in items]
    return band, history, draw(st.integers(0, 2**32))


@settings(max_examples=150, deadline=None)
@given(histories())
def test_the_rules_hold_over_random_histories(case):
    band, history, seed = case
    lib = library()
    picks = pick_starters(lib, band, history, TODAY, seed=seed)
    assert 2 <= len(picks) <= 3
    topics = [p.starter.topic for p in picks]
    assert len(set(topics)) == len(topics), "two starters from one topic"
    assert all(band in p.starter.bands for p in picks)
    recent = {h.starter_id for h in history if (TODAY - h.on).days < NO_REPEAT_WEEKS * 7}
    for pick in picks:
        if pick.starter.id in recent:
            others = [s.id for s in lib.starters(band, pick.starter.topic)]
            assert set(others) <= recent, "repeated a starter while others were free"
    core_ids = {t.id for t in lib.topics_for(band) if t.core}
    core_lately = any(h.topic_id in core_ids and (TODAY - h.on).days < CORE_INTERVAL_WEEKS * 7
                      for h in history)
    if not core_lately:
        assert core_ids & set(topics), "no core topic for 4 weeks"
    rows = {r.topic_id: r for r in coverage(lib, band, history, TODAY)}
    never = {t for t, r in rows.items() if r.last is None and not r.core}
    for topic in topics:
        row = rows[topic]
        if not row.core and row.last is not None:
            assert never <= set(topics), "an old topic was picked over a never-covered one"
    assert pick_starters(lib, band, history, TODAY, seed=seed) == picks


def test_swap_gives_another_starter_and_never_the_excluded():
    lib = library()
    first = pick_starters(lib, "9-12", [], TODAY, seed=5)
    shown = frozenset(p.starter.id for p in first)
    swapped = pick_starters(lib, "9-12", [], TODAY, seed=6, exclude=shown)
    assert not shown & {p.starter.id for p in swapped}


def test_favourites_win_ties_and_say_so():
    lib = library()
    favourite = lib.starters("6-8", "privacy")[-1].id
    picks = pick_starters(lib, "6-8", [], TODAY, seed=1, favourites=frozenset({favourite}))
    chosen = {p.starter.id: p.favourite for p in picks}
    assert chosen.get(favourite) is True
    assert not any(loved for starter_id, loved in chosen.items() if starter_id != favourite)


def test_reasons_are_keys_with_values_never_sentences():
    lib = library()
    fresh = pick_starters(lib, "9-12", [], TODAY, seed=3)
    assert [(p.reason, p.values) for p in fresh] == [("never-covered", {})] * len(fresh)
    assert sum(p.core for p in fresh) == 1  # one core topic is enough for a talk

    # Every topic talked about six weeks ago: each comes back as "due again" with the weeks.
    long_ago = TODAY - dt.timedelta(weeks=6, days=2)
    history = [Discussed(lib.starters("9-12", t.id)[0].id, t.id, long_ago)
               for t in lib.topics_for("9-12")]
    again = pick_starters(lib, "9-12", history, TODAY, seed=3)
    assert again and {(p.reason, p.values["weeks"]) for p in again} == {("due-again", 6)}

    # Talked about before the child turned nine: new for the band, worded by its first age.
    since = TODAY - dt.timedelta(weeks=1)
    new = pick_starters(lib, "9-12", history, TODAY, seed=3, band_since=since)
    assert new and {(p.reason, p.values["age"]) for p in new} == {("new-for-band", 9)}


def simulate_year(birth: dt.date, start: dt.date, weeks: int = 52):
    """Weekly talks; every picked starter is talked about. Returns the history and bands."""
    from app.core.ages import BirthMonth, age_status

    lib, history, bands = library(), [], []
    since = None
    for week in range(weeks):
        day = start + dt.timedelta(weeks=week)
        band = age_status(BirthMonth(birth.year, birth.month), day).band.value
        if bands and band != bands[-1][1]:
            since = day
        bands.append((day, band))
        for pick in pick_starters(lib, band, history, day, seed=week, band_since=since):
            history.append(Discussed(pick.starter.id, pick.starter.topic, day))
    return history, bands


def test_a_year_of_weekly_talks_for_a_child_turning_nine_covers_both_bands():
    lib = library()
    history, bands = simulate_year(dt.date(2018, 5, 1), dt.date(2026, 11, 23))
    assert {b for _, b in bands} == {"6-8", "9-12"}
    for band in ("6-8", "9-12"):
        days = [d for d, b in bands if b == band]
        talked = {h.topic_id for h in history if days[0] <= h.on <= days[-1]}
        assert {t.id for t in lib.topics_for(band)} <= talked, band


def test_a_new_band_brings_its_topics_forward():
    lib = library()
    history, bands = simulate_year(dt.date(2018, 5, 1), dt.date(2026, 11, 23))
    first_day = next(d for d, b in bands if b == "9-12")
    first_talk = {h.topic_id for h in history if h.on == first_day}
    only_new = {t.id for t in lib.topics_for("9-12")} - {t.id for t in lib.topics_for("6-8")}
    assert first_talk & only_new


# --- topics the journal brings forward (app.core.journal.sign_topics) ---------------------


def test_journal_topics_come_right_after_a_core_topic_that_is_due():
    from app.core.journal.sign_topics import JournalReason

    lib = library()
    # everything talked about a week ago, except the core topic "saying no", ten weeks ago
    history = [Discussed(t.starters[0].id, t.id, TODAY - dt.timedelta(days=7))
               for t in lib.topics_for("9-12") if t.id != "saying-no"]
    history.append(Discussed(lib.starters("9-12", "saying-no")[0].id, "saying-no",
                             TODAY - dt.timedelta(weeks=10)))
    flagged = {"moving-apps": JournalReason("sign.switching-apps", 4),
               "gifts-and-money": JournalReason("sign.unexplained-gifts", 2)}
    # everything else was talked about a week ago: the journal's topics have rested 14 days
    history = [d for d in history if d.topic_id not in flagged]
    picks = pick_starters(lib, "9-12", history, TODAY, seed=1, journal_topics=flagged)
    # One journal topic per talk, the most recent sign first; the other waits its turn.
    assert [p.starter.topic for p in picks][:2] == ["saying-no", "gifts-and-money"]
    assert [p.reason for p in picks][:2] == ["due-again", "journal-sign"]
    assert picks[1].sign_id == "sign.unexplained-gifts" and picks[1].values == {"days": 2}
    assert [p.reason for p in picks].count("journal-sign") == 1


def test_a_topic_talked_about_lately_is_not_brought_forward_again_by_a_new_sign():
    from app.core.journal.sign_topics import JournalReason

    lib = library()
    history = [Discussed(lib.starters("9-12", "gifts-and-money")[0].id, "gifts-and-money",
                         TODAY - dt.timedelta(days=10))]
    # a new sign 3 days ago, after that talk: still resting (10 < 14 days)
    flagged = {"gifts-and-money": JournalReason("sign.unexplained-gifts", 3)}
    picks = pick_starters(lib, "9-12", history, TODAY, seed=1, journal_topics=flagged)
    assert all(p.reason != "journal-sign" for p in picks)
    later = TODAY + dt.timedelta(days=5)  # 15 days after the talk, the sign 8 days ago
    flagged = {"gifts-and-money": JournalReason("sign.unexplained-gifts", 8)}
    picks = pick_starters(lib, "9-12", history, later, seed=1, journal_topics=flagged)
    assert [p.reason for p in picks].count("journal-sign") == 1


@settings(max_examples=60, deadline=None)
@given(histories(), st.integers(0, 27))
def test_the_rules_still_hold_with_journal_topics(case, days_ago):
    from app.core.journal.sign_topics import JournalReason

    band, history, seed = case
    lib = library()
    topics = [t.id for t in lib.topics_for(band)]
    flagged = {topic: JournalReason("sign.withdraws", days_ago) for topic in topics[::3]}
    picks = pick_starters(lib, band, history, TODAY, seed=seed, journal_topics=flagged)
    assert 2 <= len(picks) <= 3
    assert len({p.starter.topic for p in picks}) == len(picks)
    for pick in picks:
        assert (pick.reason == "journal-sign") == bool(pick.sign_id)
        if pick.reason == "journal-sign":
            assert pick.starter.topic in flagged and pick.values == {"days": days_ago}


# --- topics a counsellor's plan chose for this week (app.core.plans.plan_topics) ------------


def test_plan_topics_come_first_even_before_a_core_topic_that_is_due_and_the_journal():
    from app.core.journal.sign_topics import JournalReason

    lib = library()
    history = [Discussed(t.starters[0].id, t.id, TODAY - dt.timedelta(days=7))
               for t in lib.topics_for("9-12") if t.id != "saying-no"]
    history.append(Discussed(lib.starters("9-12", "saying-no")[0].id, "saying-no",
                             TODAY - dt.timedelta(weeks=10)))
    flagged = {"gifts-and-money": JournalReason("sign.unexplained-gifts", 2),
               "pictures": JournalReason("sign.hides-screen", 1)}
    picks = pick_starters(lib, "9-12", history, TODAY, seed=1, journal_topics=flagged,
                          plan_topics={"pictures": 3, "privacy": 3})
    assert [p.starter.topic for p in picks][:2] in (["pictures", "privacy"],
                                                    ["privacy", "pictures"])
    assert [p.reason for p in picks[:2]] == ["plan-week", "plan-week"]
    assert all(p.values == {"week": 3} and p.sign_id == "" for p in picks[:2])
    assert picks[2].starter.topic == "saying-no"  # the due core topic still gets a place


def test_two_core_topics_from_a_plan_both_come_even_in_one_talk():
    lib = library()
    picks = pick_starters(lib, "9-12", [], TODAY, seed=2,
                          plan_topics={"saying-no": 1, "always-in-your-corner": 1})
    topics = [p.starter.topic for p in picks]
    assert {"saying-no", "always-in-your-corner"} <= set(topics)


def test_a_plan_topic_outside_the_childs_band_is_not_forced_in():
    lib = library()
    band_topics = {t.id for t in lib.topics_for("3-5")}
    outside = next(t.id for t in lib.topics_for("16-17") if t.id not in band_topics)
    picks = pick_starters(lib, "3-5", [], TODAY, seed=3, plan_topics={outside: 2})
    assert outside not in {p.starter.topic for p in picks}
    assert all(p.reason != "plan-week" for p in picks)


def test_without_plan_topics_the_picks_are_as_before():
    lib = library()
    assert (pick_starters(lib, "13-15", [], TODAY, seed=9, plan_topics={})
            == pick_starters(lib, "13-15", [], TODAY, seed=9))
