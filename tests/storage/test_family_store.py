import datetime as dt

import pytest

from app.core.ages import AgeBand
from app.core.clock import local_today
from app.core.family import ChildProblem
from app.storage.family_store import ChildNotFound


def test_add_edit_archive_delete(services):
    family = services.family
    maya = family.add("  Maya  ", 2017, 4)
    sam = family.add("Sam", 2012, 10)
    assert maya.name == "Maya"
    assert [c.name for c in family.children()] == ["Sam", "Maya"]  # eldest first

    family.update(maya.id, "Maya Rose", 2017, 5)
    assert family.child(maya.id).birth.month == 5
    assert family.child(maya.id).name == "Maya Rose"

    family.set_archived(sam.id, True)
    assert [c.name for c in family.children()] == ["Maya Rose"]
    assert {c.name for c in family.children(include_archived=True)} == {"Maya Rose", "Sam"}
    family.set_archived(sam.id, False)
    assert len(family.children()) == 2

    family.delete(sam.id)
    assert [c.name for c in family.children(include_archived=True)] == ["Maya Rose"]
    with pytest.raises(ChildNotFound):
        family.child(sam.id)


@pytest.mark.parametrize(
    ("name", "year", "month", "key", "limit"),
    [
        ("", 2017, 4, "name-missing", 0),
        ("   ", 2017, 4, "name-missing", 0),
        ("x" * 61, 2017, 4, "name-too-long", 60),
        ("Maya", 2027, 1, "birth-future", 0),
        ("Maya", 2026, 12, "birth-future", 0),  # the clock says November 2026
        ("Maya", 1995, 3, "birth-too-old", 25),
    ],
)
def test_invalid_details_are_refused_and_nothing_is_saved(services, name, year, month, key,
                                                          limit):
    """The core says which problem (a key and its number); the UI words it."""
    with pytest.raises(ChildProblem) as refused:
        services.family.add(name, year, month)
    assert (refused.value.key, refused.value.limit) == (key, limit)
    assert services.family.children(include_archived=True) == []


def test_edits_are_validated_too(services):
    child = services.family.add("Robin", 2020, 1)
    with pytest.raises(ChildProblem):
        services.family.update(child.id, "", 2020, 1)
    assert services.family.child(child.id).name == "Robin"


def test_band_follows_the_injected_clock(services, clock):
    child = services.family.add("Maya", 2017, 12)
    assert child.status(local_today(clock)).band is AgeBand.EARLY_PRIMARY  # 8 in Nov 2026
    clock.set(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC))
    assert services.family.child(child.id).status(local_today(clock)).band is AgeBand.PRETEEN


def test_country_setting(services):
    assert services.settings.country().code == "intl"
    services.settings.set_country("gb")
    assert services.settings.country().name == "United Kingdom"
    services.settings.set_country("zz")
    assert services.settings.country().code == "intl"


def test_a_full_database_is_refused_cleanly(services, open_vault):
    from app.storage.writes import SaveFailed

    services.family.add("Maya", 2017, 4)
    with open_vault.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
        connection.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        connection.commit()
    with pytest.raises(SaveFailed) as caught:
        for index in range(200):
            services.family.add("A long enough name for filling pages " + str(index), 2017, 4)
    assert caught.value.disk_full
    assert "Maya" in [c.name for c in services.family.children()]
