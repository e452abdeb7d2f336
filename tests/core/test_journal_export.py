"""The export document: only the entries picked, only the fields chosen, versioned, local times."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

from app.core.journal.export import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    FACTS,
    FACTS_AND_THOUGHTS,
    ExportRequest,
    SignWords,
    export_document,
    export_json,
    period_bounds,
    picked_in_period,
)
from app.core.journal.model import Entry, EntryFields

LONDON = ZoneInfo("Europe/London")
NOON = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
WORDS = {"sign.hides-screen": SignWords("Hides the screen.", "Secrecy"),
         "sign.unexplained-gifts": SignWords("Has gifts from someone.", "Money and gifts")}


def _entry(entry_id: int, noted_at: dt.datetime, word: str, **changes) -> Entry:
    fields = EntryFields(child_id=1, noted_at=noted_at, signs=("sign.hides-screen",),
                         tags=(f"tag{word}",), saw=f"saw {word}", think=f"think {word}",
                         strength=2, place=f"place {word}", did=f"did {word}")
    return Entry(id=entry_id, fields=fields.with_changes(**changes), revision=1,
                 created_at=noted_at, updated_at=noted_at)


def _request(choice: str = FACTS, **changes) -> ExportRequest:
    values = dict(choice=choice, first_day=dt.date(2026, 11, 1), last_day=dt.date(2026, 11, 30),
                  child_name="Maya", zone=LONDON, made_at=NOON)
    values.update(changes)
    return ExportRequest(**values)


def test_facts_only_leaves_out_what_the_parent_thinks_and_how_strong_it_felt():
    document = export_document([_entry(7, NOON, "alpha")], _request(FACTS), WORDS)
    assert document["format"] == EXPORT_FORMAT and document["version"] == EXPORT_VERSION
    assert document["fields"] == "facts" and document["child"] == "Maya"
    assert document["period"] == {"from": "2026-11-01", "to": "2026-11-30"}
    [item] = document["entries"]
    assert item["saw"] == "saw alpha" and item["place"] == "place alpha"
    assert item["did"] == "did alpha" and item["tags"] == ["tagalpha"]
    assert "think" not in item and "strength" not in item
    assert b"think alpha" not in export_json(document)


def test_facts_and_thoughts_adds_the_interpretation_and_strength():
    document = export_document([_entry(7, NOON, "alpha")], _request(FACTS_AND_THOUGHTS), WORDS)
    [item] = document["entries"]
    assert item["think"] == "think alpha" and item["strength"] == 2


def test_only_the_entries_given_are_in_the_file_oldest_first():
    later = _entry(2, NOON, "zebracorn")
    earlier = _entry(9, NOON - dt.timedelta(days=3), "quibblefish")
    data = export_json(export_document([later, earlier], _request(FACTS_AND_THOUGHTS), WORDS))
    assert b"zebracorn" in data and b"quibblefish" in data
    parsed = json.loads(data)
    assert [item["saw"] for item in parsed["entries"]] == ["saw quibblefish", "saw zebracorn"]
    assert [item["number"] for item in parsed["entries"]] == [1, 2]
    alone = export_json(export_document([later], _request(FACTS_AND_THOUGHTS), WORDS))
    assert b"quibblefish" not in alone


def test_signs_carry_their_words_and_an_unknown_sign_still_goes_by_id():
    entry = _entry(1, NOON, "a", signs=("sign.unexplained-gifts", "sign.retired"))
    [item] = export_document([entry], _request(), WORDS)["entries"]
    assert item["signs"] == [
        {"id": "sign.unexplained-gifts", "text": "Has gifts from someone.",
         "category": "Money and gifts"},
        {"id": "sign.retired", "text": "", "category": ""}]


def test_times_are_written_in_the_parents_zone_with_the_edit_history():
    summer = dt.datetime(2026, 7, 1, 17, 30, tzinfo=dt.UTC)
    entry = Entry(id=1, fields=_entry(1, summer, "a").fields, revision=3, created_at=summer,
                  updated_at=summer + dt.timedelta(days=2))
    [item] = export_document([entry], _request(first_day=dt.date(2026, 6, 1)), WORDS)["entries"]
    assert item["noted_at"] == "2026-07-01T18:30+01:00"
    assert item["revision"] == 3 and item["last_changed"] == "2026-07-03T18:30+01:00"


def test_non_ascii_words_stay_readable_in_the_json():
    entry = _entry(1, NOON, "a", saw="Il a dit « café » 🙂")
    assert "« café » 🙂".encode() in export_json(export_document([entry], _request(), WORDS))


@pytest.mark.parametrize(("changes", "problem"), [
    ({"choice": "everything"}, "choice"),
    ({"last_day": dt.date(2026, 10, 1)}, "dates"),
    ({"made_at": dt.datetime(2026, 11, 20, 12)}, "naive-time"),
])
def test_a_request_that_makes_no_sense_is_refused(changes, problem):
    request = _request(**changes)
    assert problem in request.problems()
    with pytest.raises(ValueError):
        export_document([], request, WORDS)


def test_the_period_is_whole_days_in_the_parents_zone():
    since, until = period_bounds(dt.date(2026, 7, 1), dt.date(2026, 7, 31), LONDON)
    assert since == dt.datetime(2026, 6, 30, 23, tzinfo=dt.UTC)
    assert until == dt.datetime(2026, 7, 31, 23, tzinfo=dt.UTC)
    inside = _entry(1, dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC), "in")  # 1 July, 00:30
    outside = _entry(2, dt.datetime(2026, 7, 31, 23, 30, tzinfo=dt.UTC), "out")  # 1 August
    picked = picked_in_period([inside, outside], dt.date(2026, 7, 1), dt.date(2026, 7, 31),
                              LONDON)
    assert [entry.id for entry in picked] == [1]
