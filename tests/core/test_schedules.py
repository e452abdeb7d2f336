"""Schedule maths: wall-clock time holds across every DST change, fortnights keep parity."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.checkins import weekly_consistency
from app.core.schedules import (
    EVENING_BEFORE,
    ScheduleProblem,
    ScheduleSpec,
    check_spec,
    local_time,
    next_slot,
    reminder_moment,
    slots_between,
    to_utc,
)

ZONES = ["America/New_York", "Europe/London", "Europe/Berlin", "Australia/Sydney",
         "America/Santiago", "Asia/Kolkata"]
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
END = dt.datetime(2028, 1, 1, tzinfo=dt.UTC)


def sunday_six(zone: str, every_weeks: int = 1) -> ScheduleSpec:
    return check_spec(ScheduleSpec(6, dt.time(18, 0), zone, every_weeks, dt.date(2026, 1, 4)))


def dst_changes(zone: str) -> list[dt.datetime]:
    tz, changes = ZoneInfo(zone), []
    moment = START
    while moment < END:
        later = moment + dt.timedelta(hours=1)
        if moment.astimezone(tz).utcoffset() != later.astimezone(tz).utcoffset():
            changes.append(later)
        moment = later
    return changes


@pytest.mark.parametrize("zone", ZONES)
def test_sunday_six_pm_stays_six_pm_local_for_two_years(zone):
    slots = slots_between(sunday_six(zone), START, END)
    assert len(slots) in (104, 105)
    for slot in slots:
        local = local_time(slot, zone)
        assert (local.weekday(), local.hour, local.minute) == (6, 18, 0)
    gaps = {b - a for a, b in itertools.pairwise(slots)}
    changes = dst_changes(zone)
    if zone == "Asia/Kolkata":
        assert changes == [] and gaps == {dt.timedelta(weeks=1)}
    else:
        # Every DST change of the two years falls between two slots, and the week around it is
        # an hour longer or shorter in UTC — which is exactly what keeps 18:00 local.
        assert len(changes) == 4
        for change in changes:
            before = max(s for s in slots if s < change)
            after = min(s for s in slots if s > change)
            assert after - before != dt.timedelta(weeks=1)


@pytest.mark.parametrize("zone", ZONES)
def test_a_fortnightly_schedule_keeps_its_parity(zone):
    spec = sunday_six(zone, every_weeks=2)
    slots = slots_between(spec, START, END)
    for slot in slots:
        weeks = (local_time(slot, zone).date() - spec.first_date).days // 7
        assert weeks % 2 == 0
    # Asking from any point in between never shifts the fortnight.
    middle = slots[10] + dt.timedelta(days=3)
    assert next_slot(spec, middle) == slots[11]


def test_a_time_in_the_spring_gap_moves_forward_and_a_repeated_time_takes_the_first():
    new_york = ZoneInfo("America/New_York")
    gap = to_utc(dt.datetime(2026, 3, 8, 2, 30), new_york)
    assert gap.astimezone(new_york).strftime("%H:%M") == "03:30"
    repeated = to_utc(dt.datetime(2026, 11, 1, 1, 30), new_york)
    assert repeated.astimezone(new_york).utcoffset() == dt.timedelta(hours=-4)


def test_reminders_are_in_wall_clock_time_even_across_a_dst_change():
    zone = "Europe/London"
    due = to_utc(dt.datetime(2026, 3, 29, 18, 0), ZoneInfo(zone))  # the day clocks go forward
    evening = reminder_moment(due, zone, EVENING_BEFORE)
    assert local_time(evening, zone) == dt.datetime(2026, 3, 28, 19, 0)
    assert local_time(reminder_moment(due, zone, "15"), zone) == dt.datetime(2026, 3, 29, 17, 45)


@pytest.mark.parametrize("computer_zone", ["America/Los_Angeles", "Pacific/Honolulu",
                                           "Asia/Tokyo", "Pacific/Kiritimati"])
def test_a_schedule_holds_when_the_computer_changes_zone(local_zone, computer_zone):
    spec = sunday_six("Europe/Berlin")
    before = slots_between(spec, START, END)
    local_zone(computer_zone)
    # The switch is real: the computer's own idea of "now" moved (TZ alone would not do it).
    assert START.astimezone().utcoffset() == START.astimezone(ZoneInfo(computer_zone)).utcoffset()
    after = slots_between(spec, START, END)
    assert after == before
    assert {local_time(slot, "Europe/Berlin").time() for slot in after} == {dt.time(18)}
    assert next_slot(spec, START) == before[0]


def test_bad_schedules_are_refused_with_a_key_the_ui_words():
    with pytest.raises(ScheduleProblem) as zone:
        check_spec(ScheduleSpec(6, dt.time(18), "Mars/Olympus"))
    assert (zone.value.key, zone.value.value) == ("zone", "Mars/Olympus")
    with pytest.raises(ScheduleProblem) as every:
        check_spec(ScheduleSpec(6, dt.time(18), "UTC", every_weeks=3))
    assert every.value.key == "every_weeks"
    with pytest.raises(ScheduleProblem) as reminder:
        check_spec(ScheduleSpec(6, dt.time(18), "UTC", reminders=("30",)))
    assert (reminder.value.key, reminder.value.value) == ("reminder", "30")
    assert check_spec(ScheduleSpec(6, dt.time(18), "UTC", first_date=dt.date(2026, 11, 23))
                      ).first_date == dt.date(2026, 11, 29)


@given(st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2030, 1, 1)),
       st.sampled_from(ZONES), st.integers(0, 6), st.integers(0, 23), st.sampled_from([1, 2]))
def test_next_slot_is_the_first_slot_after_any_moment(naive, zone, weekday, hour, every):
    spec = check_spec(ScheduleSpec(weekday, dt.time(hour, 30), zone, every, dt.date(2025, 1, 1)))
    after = naive.replace(tzinfo=dt.UTC)
    following = next_slot(spec, after)
    assert following > after
    assert slots_between(spec, after, following) == [following]
    assert following - after <= dt.timedelta(weeks=every, hours=2)


def test_consistency_counts_the_last_eight_finished():
    statuses = ["missed"] * 3 + ["done"] * 6 + ["skipped", "done", "pending"]
    assert weekly_consistency(statuses) == (7, 8)
