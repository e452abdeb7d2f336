"""The ``.porchplan`` file: a FHIR R4 collection bundle that reads back as the same plan.

Every plan written here is also validated with the R4 models of ``fhir.resources`` (its
``R4B`` package: fhir.resources 8 ships R5 as the default, R4B and STU3, but no pure R4; R4B
keeps R4's CarePlan, Questionnaire, Composition and QuestionnaireResponse unchanged).
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.content.loader import load_library
from app.core.content.model import Library
from app.core.plans.examples import example_plan
from app.core.plans.fhir_base import MAX_BYTES, PLAN_SYSTEM, PlanFileError
from app.core.plans.fhir_plan import plan_bytes, plan_to_bundle, read_plan, unknown_ids
from app.core.plans.model import Plan, PlanWeek, Question
from app.paths import shipped_content_dir

START = dt.date(2026, 3, 2)


@cache
def library() -> Library:
    return load_library(shipped_content_dir()).library


def fhir_valid(data: bytes) -> Bundle:
    """Validated by an independent implementation of the R4 resource models."""
    return Bundle.model_validate_json(data)


def bare_plan() -> Plan:
    """The least a plan can be: one week, nothing optional."""
    return Plan(id="p1", version=3, title="", family_label="", band="13-15", start=START,
                weeks=(PlanWeek(number=1),))


def damaged(plan: Plan, change) -> bytes:
    data = plan_to_bundle(plan)
    change(data)
    return json.dumps(data).encode()


def problems(data: bytes) -> list[tuple[str, str]]:
    with pytest.raises(PlanFileError) as caught:
        read_plan(data, "plan.porchplan")
    assert all(line.startswith("plan.porchplan: ") for line in caught.value.lines())
    return caught.value.problems


@pytest.mark.parametrize("plan", [example_plan(START), bare_plan()], ids=["example", "bare"])
def test_plan_round_trips_and_is_valid_r4(plan):
    data = plan_bytes(plan, library())
    assert read_plan(data, "plan.porchplan") == plan
    assert read_plan(plan_bytes(plan), "plan.porchplan") == plan  # names are only for people
    bundle = fhir_valid(data)
    assert bundle.type == "collection"
    assert [e.resource.get_resource_type() for e in bundle.entry] == ["CarePlan", "Questionnaire"]
    assert plan_bytes(plan) == plan_bytes(plan)


def test_the_file_says_what_the_plan_is_in_standard_places():
    plan = example_plan(START)
    care, asked = (e["resource"] for e in plan_to_bundle(plan, library())["entry"])
    assert care["status"] == "active" and care["intent"] == "plan"
    assert care["identifier"] == [{"system": PLAN_SYSTEM, "value": plan.id}]
    assert care["meta"]["versionId"] == "1" and asked["version"] == "1"
    assert care["note"] == [{"text": plan.counsellor_contact}]
    week3 = care["activity"][2]["detail"]
    assert week3["scheduledPeriod"] == {"start": "2026-03-16", "end": "2026-03-22"}
    assert week3["description"] == plan.weeks[2].note
    assert {c["code"] for c in week3["code"]["coding"]} >= {"gifts-and-money", "manipulation"}
    checkin = care["activity"][4]["detail"]
    assert checkin["scheduledTiming"]["repeat"]["dayOfWeek"] == ["sun"]
    assert checkin["scheduledTiming"]["repeat"]["timeOfDay"] == ["18:30:00"]
    week1 = asked["item"][0]
    assert (week1["linkId"], week1["type"]) == ("w1", "group")
    assert [i["type"] for i in week1["item"]] == ["display", "display", "boolean", "integer"]
    choice = asked["item"][1]["item"][1]
    assert choice["answerOption"][0] == {"valueString": "In the car"}
    assert "Sunday 18:30" in care["text"]["div"] and care["text"]["status"] == "generated"


def test_example_uses_only_ids_the_library_knows():
    assert unknown_ids(example_plan(START), library()) == []


def test_unknown_ids_are_kept_and_named():
    plan = example_plan(START)
    newer = PlanWeek(number=1, topics=("topic-from-next-year", "online-friends"),
                     watch=("sign.new-in-2030",), refusal="refusal.firm.still-no")
    plan = Plan(**{**plan.__dict__, "weeks": (newer, *plan.weeks[1:])})
    read = read_plan(plan_bytes(plan), "plan.porchplan")
    assert read.weeks[0].topics == ("topic-from-next-year", "online-friends")
    assert unknown_ids(read, library()) == ["topic-from-next-year", "sign.new-in-2030"]


def test_markup_and_control_characters_stay_plain_text():
    plan = Plan(**{**bare_plan().__dict__,
                   "title": "<b>Bold</b>\x07 plan\u202e", "family_label": "<script>x</script>",
                   "counsellor_contact": "Call\x00 me\nweekdays"})
    data = plan_bytes(plan)
    assert b"\\u0007" not in data and "\u202e".encode() not in data  # cleaned when written
    care = plan_to_bundle(plan)["entry"][0]["resource"]
    assert "&lt;b&gt;Bold&lt;/b&gt;" in care["text"]["div"]
    read = read_plan(data, "plan.porchplan")
    assert read.title == "<b>Bold</b> plan"
    assert read.family_label == "<script>x</script>"
    assert read.counsellor_contact == "Call me\nweekdays"
    fhir_valid(data)


def test_an_expired_plan_is_read_with_its_end():
    plan = Plan(**{**bare_plan().__dict__, "expires": dt.date(2020, 1, 1),
                   "start": dt.date(2019, 12, 2)})
    assert read_plan(plan_bytes(plan), "old.porchplan").expires == dt.date(2020, 1, 1)


def _care(data):
    return data["entry"][0]["resource"]


def _asked(data):
    return data["entry"][1]["resource"]


@pytest.mark.parametrize(("change", "field", "words"), [
    (lambda d: _care(d).pop("status"), "entry[0].resource.status", "missing"),
    (lambda d: _care(d).update(title=7), "entry[0].resource.title", "str"),
    (lambda d: _care(d)["activity"][2]["detail"].update(code="x"),
     "entry[0].resource.activity[2].detail.code", "object"),
    (lambda d: d["entry"].append({"resource": {"resourceType": "Patient"}}),
     "entry[2].resource.resourceType", "Patient"),
    (lambda d: d.update(type="document"), "type", "a report"),
    (lambda d: _care(d)["meta"].update(versionId="two"), "entry[0].resource.meta.versionId",
     "whole number"),
    (lambda d: _care(d)["identifier"].clear(), "entry[0].resource.identifier", "plan id"),
    (lambda d: _care(d)["category"][0]["coding"][0].update(code="7-9"),
     "entry[0].resource.category[0].coding[0].code", "age band"),
    (lambda d: _care(d)["activity"][1]["detail"]["scheduledPeriod"].update(start="2026-03-10"),
     "entry[0].resource.activity[1].detail.scheduledPeriod.start", "week 2 starts on 2026-03-09"),
    (lambda d: _care(d)["activity"][0]["detail"]["code"]["coding"][0].update(code="<b>"),
     "entry[0].resource.activity[0].detail.code.coding[0].code", "library id"),
    (lambda d: _asked(d)["item"][1]["item"][1].update(answerOption=[]),
     "entry[1].resource.item[1].item[1].answerOption", "two or more"),
    (lambda d: _asked(d)["item"][1]["item"][1].update(linkId="w1.q1"),
     "entry[1].resource.item[1].item[1].linkId", "repeats"),
    (lambda d: _asked(d)["item"][0].update(linkId="w9"), "entry[1].resource.item[0].linkId",
     "week 9"),
    (lambda d: _care(d)["period"].update(start="March"), "entry[0].resource.period.start",
     "date like"),
])
def test_each_problem_names_its_field(change, field, words):
    found = problems(damaged(example_plan(START), change))
    assert any(path == field and words in message for path, message in found), found


def test_all_problems_in_one_go():
    def change(data):
        _care(data)["meta"]["versionId"] = "0"
        _care(data)["category"] = []
        _asked(data)["item"][0]["item"][2]["text"] = ""
    found = {path for path, _ in problems(damaged(example_plan(START), change))}
    assert found == {"entry[0].resource.meta.versionId", "entry[0].resource.category",
                     "entry[1].resource.item[0].item[2].text"}


def test_too_big_too_deep_and_not_json_are_refused_before_parsing():
    big = plan_bytes(example_plan(START)).replace(b'"title": "', b'"title": "' + b"x" * MAX_BYTES)
    assert problems(big) == [("(file)", f"is {len(big):,} bytes; plan and report files are at "
                                        "most 1 MiB")]
    bomb = b'{"resourceType": "Bundle", "entry": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    assert problems(bomb)[0][0] == "(file)" and "nested deeper" in problems(bomb)[0][1]
    assert problems(b"\x89PNG\r\n")[0][0] == "(file)"
    assert problems(b"[]")[0] == ("(file)", "expected `object`, got `array`")
    brackets_in_text = plan_bytes(Plan(**{**bare_plan().__dict__, "title": "[" * 100}))
    assert read_plan(brackets_in_text, "plan.porchplan").title == "[" * 100


def test_questions_of_every_kind_come_back():
    week = PlanWeek(number=1, questions=(
        Question("a", "yes-no", "Talked?"), Question("b", "scale", "How calm?"),
        Question("c", "choice", "Where?", ("Car", "Table")), Question("d", "text", "Said?")))
    plan = Plan(**{**bare_plan().__dict__, "weeks": (week, PlanWeek(number=2))})
    assert read_plan(plan_bytes(plan), "plan.porchplan") == plan
    fhir_valid(plan_bytes(plan))


WORDS = st.lists(st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S")),
                         min_size=1, max_size=8), min_size=1, max_size=4).map(" ".join)
IDS = st.from_regex(r"[a-z0-9][a-z0-9.\-]{0,20}", fullmatch=True)


@st.composite
def plans(draw) -> Plan:
    count = draw(st.integers(1, 12))
    weeks = []
    for number in range(1, count + 1):
        kinds = draw(st.lists(st.sampled_from(["yes-no", "scale", "choice", "text"]),
                              max_size=2))
        questions = tuple(
            Question(f"w{number}.q{i}", kind, draw(WORDS),
                     tuple(draw(st.lists(WORDS, min_size=2, max_size=4)))
                     if kind == "choice" else ())
            for i, kind in enumerate(kinds, start=1))
        weeks.append(PlanWeek(
            number=number, topics=tuple(draw(st.lists(IDS, max_size=2))),
            starters=tuple(draw(st.lists(IDS, max_size=2))),
            refusal=draw(st.one_of(st.just(""), IDS)), watch=tuple(draw(st.lists(IDS, max_size=3))),
            questions=questions, note=draw(st.one_of(st.just(""), WORDS))))
    start = draw(st.dates(dt.date(2000, 1, 1), dt.date(2090, 1, 1)))
    return Plan(
        id=draw(st.from_regex(r"[A-Za-z0-9\-.]{1,64}", fullmatch=True)),
        version=draw(st.integers(1, 10**6)), title=draw(st.one_of(st.just(""), WORDS)),
        family_label=draw(st.one_of(st.just(""), WORDS)),
        band=draw(st.sampled_from(["3-5", "6-8", "9-12", "13-15", "16-17"])), start=start,
        weeks=tuple(weeks), checkin_weekday=draw(st.one_of(st.none(), st.integers(0, 6))),
        checkin_time=draw(st.one_of(st.none(), st.times().map(lambda t: t.replace(
            microsecond=0)))),
        counsellor_contact=draw(st.one_of(st.just(""), WORDS)),
        expires=draw(st.one_of(st.none(), st.dates(start, dt.date(2099, 1, 1)))))


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_the_builder_can_make_round_trips_as_valid_r4(plan):
    data = plan_bytes(plan)
    assert read_plan(data, "plan.porchplan") == plan
    fhir_valid(data)
