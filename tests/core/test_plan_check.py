"""Damaged plan and report files: never a traceback, always the file and the field.

Hypothesis takes valid files and breaks them the ways files break in the wild — keys deleted,
values of the wrong type, nesting bombs, huge strings, truncation, flipped bytes, random bytes —
and feeds them to the importer's reader (``read_plan``) and to ``plan check``. 2,000 damaged
files here; ``make fuzz`` sets PORCHLIGHT_FUZZ_EXAMPLES=10000.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.plans.examples import example_plan, example_report
from app.core.plans.fhir_base import MAX_BYTES, PlanFileError
from app.core.plans.fhir_plan import plan_bytes, read_plan
from app.core.plans.fhir_report import read_report, report_bytes
from app.core.plans.plan_check import check_bytes

EXAMPLES = int(os.environ.get("PORCHLIGHT_FUZZ_EXAMPLES", "2000"))
SOURCE = "damaged.porchplan"
PLAN = example_plan(dt.date(2026, 3, 2))
VALID = (plan_bytes(PLAN),
         report_bytes(example_report(PLAN, dt.datetime(2026, 3, 16, 19, 0, tzinfo=dt.UTC))))

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=6)


def nodes(tree: Any, path: tuple = ()) -> list[tuple]:
    """Every place in the JSON tree, as a path of keys and indexes."""
    found = [path]
    if isinstance(tree, dict):
        for key, value in tree.items():
            found += nodes(value, (*path, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            found += nodes(value, (*path, index))
    return found


def replace(tree: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return tree


@st.composite
def damaged_tree(draw) -> bytes:
    tree = json.loads(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(1, 3))):
        places = nodes(tree)
        path = draw(st.sampled_from(places))
        how = draw(st.sampled_from(["delete", "retype", "deep", "huge", "empty", "swap"]))
        if how == "delete" and path:
            parent = tree
            for step in path[:-1]:
                parent = parent[step]
            del parent[path[-1]]
        elif how == "retype":
            tree = replace(tree, path, draw(JSON_VALUES))
        elif how == "deep":
            depth = draw(st.integers(1, 40))
            tree = replace(tree, path, json.loads("[" * depth + "]" * depth))
        elif how == "huge":
            size = draw(st.sampled_from([600, 9000, 300_000, MAX_BYTES]))
            tree = replace(tree, path, draw(st.sampled_from(["x", "<b>", "\x00", "é"])) * size)
        elif how == "empty":
            tree = replace(tree, path, draw(st.sampled_from(["", [], {}, 0, "   "])))
        elif how == "swap":
            tree = replace(tree, path, draw(st.sampled_from(
                ["Patient", "document", "collection", "2026-02-30", "w99", "-1", "1e999"])))
    return json.dumps(tree).encode()


@st.composite
def damaged_bytes(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(VALID)))
    how = draw(st.sampled_from(["truncate", "flip", "random", "bomb", "splice"]))
    if how == "truncate":
        return bytes(data[: draw(st.integers(0, len(data) - 1))])
    if how == "flip":
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if how == "random":
        return draw(st.binary(max_size=2000))
    if how == "bomb":
        depth = draw(st.sampled_from([17, 1000, 500_000]))
        opener = draw(st.sampled_from([b"[", b'{"a":']))
        return b'{"resourceType": "Bundle", "type": "collection", "entry": ' + opener * depth
    at = draw(st.integers(0, len(data)))
    return bytes(data[:at] + draw(st.binary(min_size=1, max_size=50)) + data[at:])


def assert_clear(error: PlanFileError) -> None:
    assert error.problems
    for path, message in error.problems:
        assert path.strip() and path.isprintable(), error.problems
        assert message.strip(), error.problems
    assert all(line.startswith(f"{SOURCE}: ") and len(line) < 400 for line in error.lines())


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(damaged_tree(), damaged_bytes()))
def test_damaged_files_get_clear_problems_never_a_traceback(data):
    for read in (read_plan, read_report):
        try:
            read(data, SOURCE)
        except PlanFileError as error:
            assert_clear(error)
    code, lines = check_bytes(data, SOURCE)
    assert code in (0, 1) and lines
    assert all(line.startswith(f"{SOURCE}: ") and len(line) > len(SOURCE) + 4 for line in lines)
    if code == 1:
        assert all(line.count(": ") >= 2 for line in lines)


def test_the_damage_is_real():
    """The fuzzer's files are mostly refused: it is testing the error paths, not valid files."""
    refused = 0
    for data in (b"", b"{}", b"[]", VALID[0][:-2], VALID[0].replace(b'"CarePlan"', b'"Patient"'),
                 VALID[1].replace(b'"final"', b'"draft"')):
        code, _ = check_bytes(data, SOURCE)
        refused += code
    assert refused == 6
