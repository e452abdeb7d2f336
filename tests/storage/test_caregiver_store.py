"""Caregivers: a named list; renaming or removing someone follows onto their check-ins."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.schedules import ScheduleSpec
from app.storage.caregiver_store import CaregiverNotFound, CaregiverProblem


def _schedule(services, caregiver: str):
    child = services.family.add("Maya", 2016, 4)
    spec = ScheduleSpec(6, dt.time(18, 0), "Europe/London", 1, dt.date(2026, 11, 29))
    return services.checkins.add_schedule(spec, [child.id], caregiver)


def test_added_caregivers_are_listed_alphabetically_with_tidy_names(services):
    services.caregivers.add("  Grandma   Jo ")
    services.caregivers.add("dad")
    services.caregivers.add("Mum")
    assert [c.name for c in services.caregivers.caregivers()] == ["dad", "Grandma Jo", "Mum"]


@pytest.mark.parametrize("name, reason", [("", "empty"), ("   ", "empty"), ("MUM", "taken")])
def test_an_empty_or_taken_name_is_refused(services, name, reason):
    services.caregivers.add("Mum")
    with pytest.raises(CaregiverProblem) as problem:
        services.caregivers.add(name)
    assert problem.value.reason == reason
    assert [c.name for c in services.caregivers.caregivers()] == ["Mum"]


def test_renaming_follows_onto_the_check_ins_they_lead(services):
    schedule = _schedule(services, "Mum")
    mum = services.caregivers.add("Mum")
    assert services.caregivers.caregivers()[0].leads == 1
    renamed = services.caregivers.rename(mum.id, "Mama")
    assert renamed.leads == 1
    assert services.checkins.schedule(schedule.id).caregiver == "Mama"
    assert [(c.name, c.leads) for c in services.caregivers.caregivers()] == [("Mama", 1)]


def test_renaming_to_a_name_someone_else_has_is_refused_and_changes_nothing(services):
    schedule = _schedule(services, "Mum")
    mum = services.caregivers.add("Mum")
    services.caregivers.add("Dad")
    with pytest.raises(CaregiverProblem):
        services.caregivers.rename(mum.id, "dad")
    assert services.checkins.schedule(schedule.id).caregiver == "Mum"
    # the same person in other letters is allowed: it is a correction, not a clash
    services.caregivers.rename(mum.id, "MUM")
    assert services.checkins.schedule(schedule.id).caregiver == "MUM"


def test_removing_someone_keeps_their_check_ins_with_nobody_named(services):
    schedule = _schedule(services, "Grandma")
    grandma = services.caregivers.add("Grandma")
    assert services.caregivers.remove(grandma.id) == 1
    assert services.caregivers.caregivers() == []
    kept = services.checkins.schedule(schedule.id)
    assert kept.caregiver == "" and kept.child_ids
    with pytest.raises(CaregiverNotFound):
        services.caregivers.remove(grandma.id)
