"""Signs feed the talks: every sign names topics, recent signs bring them forward in the picker,
and the coach words why."""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo

from app.core.content.loader import load_library
from app.core.journal.model import SignEvent
from app.core.journal.sign_topics import JournalReason, journal_topics
from app.core.picker import Discussed, pick_starters
from app.paths import shipped_content_dir
from app.ui.coach.words import reason_words

ZONE = ZoneInfo("Australia/Sydney")
TODAY = dt.date(2026, 11, 23)


@cache
def library():
    return load_library(shipped_content_dir()).library


def noted(days_ago: int, sign_id: str, strength: int | None = None, hour: int = 12,
          entry: int = 1) -> SignEvent:
    sign = next(s for s in library().signs if s.id == sign_id)
    moment = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(hour), ZONE)
    return SignEvent(entry, 1, moment.astimezone(dt.UTC), sign_id, sign.category, strength)


def test_every_shipped_sign_names_topics_and_self_harm_signs_name_always_in_your_corner():
    lib = library()
    for sign in lib.signs:
        assert sign.topics, f"{sign.id} names no topics"
        assert all(lib.topic(t) is not None for t in sign.topics)
        if sign.category == "self-harm":
            assert sign.urgent and "always-in-your-corner" in sign.topics


def test_the_most_recent_sign_per_topic_within_the_days():
    events = [noted(20, "sign.unexplained-gifts", entry=1), noted(6, "sign.urgent-money", entry=2),
              noted(40, "sign.switching-apps", entry=3), noted(3, "sign.talks-of-dying", entry=4)]
    topics = journal_topics(events, library().signs, TODAY, ZONE)
    assert topics["gifts-and-money"] == JournalReason("sign.urgent-money", 6)
    assert topics["threats-and-blackmail"] == JournalReason("sign.urgent-money", 6)
    assert topics["manipulation"] == JournalReason("sign.unexplained-gifts", 20)
    assert topics["always-in-your-corner"] == JournalReason("sign.talks-of-dying", 3)
    assert "moving-apps" not in topics  # 40 days ago is past the 28 days
    assert "moving-apps" in journal_topics(events, library().signs, TODAY, ZONE, days=60)


def test_days_ago_counts_the_parents_days_and_ignores_own_tags_and_the_future():
    late = noted(1, "sign.up-late", hour=8)  # 8 in the morning in Sydney: two days ago in UTC
    assert journal_topics([late], library().signs, TODAY, ZONE)["online-friends"].days_ago == 1
    tag = SignEvent(2, 1, late.noted_at, "bus stop", "")
    future = noted(-2, "sign.switching-apps", entry=3)
    assert journal_topics([tag, future], library().signs, TODAY, ZONE) == {}


def test_on_the_same_day_the_stronger_sign_wins():
    events = [noted(2, "sign.unexplained-gifts", 1, entry=1),
              noted(2, "sign.too-good-offer", 3, entry=2)]
    reason = journal_topics(events, library().signs, TODAY, ZONE)["gifts-and-money"]
    assert reason == JournalReason("sign.too-good-offer", 2)


def talked_recently(band: str) -> list[Discussed]:
    """Every topic of the band talked about three weeks ago: none is due or new, and each has
    rested long enough (``JOURNAL_REST_DAYS``) for the journal to bring it forward."""
    return [Discussed(t.starters[0].id, t.id, TODAY - dt.timedelta(days=21))
            for t in library().topics_for(band)]


def test_the_picker_brings_the_journals_topic_forward_and_the_coach_says_why():
    history = talked_recently("13-15")
    plain = pick_starters(library(), "13-15", history, TODAY, seed=3)
    assert "gifts-and-money" not in {p.starter.topic for p in plain}
    events = [noted(3, "sign.unexplained-gifts")]
    topics = journal_topics(events, library().signs, TODAY, ZONE)
    picks = pick_starters(library(), "13-15", history, TODAY, seed=3, journal_topics=topics)
    first = picks[0]
    assert first.starter.topic in {"gifts-and-money", "manipulation"}
    assert (first.reason, first.values, first.sign_id) == (
        "journal-sign", {"days": 3}, "sign.unexplained-gifts")
    assert [p.reason for p in picks].count("journal-sign") == 1  # one per talk
    assert reason_words(first) == "you noted a sign of this 3 days ago"
    assert reason_words(first, library()) == "you noted a sign of “Money and gifts” 3 days ago"


def test_a_topic_talked_about_since_the_sign_is_not_brought_forward_again():
    history = talked_recently("13-15")  # three weeks ago
    old_sign = {"gifts-and-money": JournalReason("sign.unexplained-gifts", 25)}
    picks = pick_starters(library(), "13-15", history, TODAY, seed=3, journal_topics=old_sign)
    assert all(p.reason != "journal-sign" for p in picks)
    new_sign = {"gifts-and-money": JournalReason("sign.unexplained-gifts", 2)}
    picks = pick_starters(library(), "13-15", history, TODAY, seed=3, journal_topics=new_sign)
    assert picks[0].starter.topic == "gifts-and-money"


def test_reason_words_for_today_and_yesterday():
    history = talked_recently("9-12")
    for days, words in ((0, "you noted a sign of this today"),
                        (1, "you noted a sign of this yesterday")):
        reason = {"moving-apps": JournalReason("sign.switching-apps", days)}
        [pick, *_] = pick_starters(library(), "9-12", history, TODAY, journal_topics=reason)
        assert reason_words(pick) == words
    reason = {"moving-apps": JournalReason("sign.switching-apps", 1)}
    [pick, *_] = pick_starters(library(), "9-12", history, TODAY, journal_topics=reason)
    assert reason_words(pick, library()) == "you noted a sign of “Online habits” yesterday"
