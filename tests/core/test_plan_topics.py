"""This week of a counsellor's plan: which topics the coach brings first, what the journal
asks the family to watch for, and nothing before the start, after the end or once ended."""

from __future__ import annotations

import datetime as dt

from app.core.picker import Discussed
from app.core.plans.model import ActivePlan, Plan, PlanWeek
from app.core.plans.plan_topics import current_week, plan_topics, watch_this_week

START = dt.date(2026, 3, 2)  # a Monday


def _active(child_id: int = 1, *, ended: bool = False, start: dt.date = START) -> ActivePlan:
    weeks = (
        PlanWeek(1, topics=("saying-no",), watch=("sign.hides-screen",)),
        PlanWeek(2, topics=("privacy", "online-friends")),
        PlanWeek(3, topics=("pictures",), watch=("sign.secret-friend", "sign.secret-friend",
                                                 "sign.unexplained-gifts")),
    )
    plan = Plan("p1", 1, "Staying safe online", "M.", "9-12", start, weeks)
    ended_at = dt.datetime(2026, 3, 10, tzinfo=dt.UTC) if ended else None
    return ActivePlan(7, child_id, plan, dt.datetime(2026, 3, 1, tzinfo=dt.UTC), ended_at)


def test_the_week_follows_the_calendar_from_the_plans_start():
    active = _active()
    assert current_week(active, START - dt.timedelta(days=1)) is None
    assert current_week(active, START).number == 1
    assert current_week(active, START + dt.timedelta(days=13)).number == 2
    assert current_week(active, START + dt.timedelta(days=14)).number == 3
    assert current_week(active, START + dt.timedelta(days=21)) is None  # after the last week


def test_this_weeks_topics_name_their_week():
    assert plan_topics([_active()], START + dt.timedelta(days=8)) == {
        "privacy": 2, "online-friends": 2}
    assert plan_topics([_active()], START - dt.timedelta(days=3)) == {}


def test_an_ended_plan_brings_nothing_forward_and_watches_nothing():
    active = _active(ended=True)
    assert plan_topics([active], START + dt.timedelta(days=8)) == {}
    assert watch_this_week([active], START + dt.timedelta(days=15)) == []


def test_a_topic_talked_about_since_its_week_began_is_done_for_the_week():
    today = START + dt.timedelta(days=10)
    history = [Discussed("privacy.1", "privacy", START + dt.timedelta(days=8)),
               Discussed("online-friends.1", "online-friends", START + dt.timedelta(days=6))]
    # privacy was talked about in week 2; online friends only in week 1, before it was asked
    assert plan_topics([_active()], today, history) == {"online-friends": 2}


def test_two_childrens_plans_together_keep_the_earlier_week():
    later = _active(2, start=START - dt.timedelta(weeks=1))  # in its week 3 when the other is in 2
    early = _active(1)
    topics = plan_topics([later, early], START + dt.timedelta(days=8))
    assert topics == {"pictures": 3, "privacy": 2, "online-friends": 2}


def test_watch_this_week_names_each_childs_signs_once_and_hides_weeks_without():
    plans = [_active(1), _active(2, start=START - dt.timedelta(weeks=1))]
    found = watch_this_week(plans, START + dt.timedelta(days=8))
    assert len(found) == 1  # child 1 is in week 2, which watches nothing
    assert found[0].child_id == 2 and found[0].week == 3
    assert found[0].sign_ids == ("sign.secret-friend", "sign.unexplained-gifts")
