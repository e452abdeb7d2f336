"""``porchlight plan check FILE`` and ``porchlight plan example``: the format from a terminal.

A counsellor (or a tool that writes plans) checks a file before handing it over; the output is
one ``FILE: path.to.field: message`` line per problem (exit 1), or one line saying what the file
is (exit 0). The file is read at most 1 MiB + 1 byte, so a huge file is refused without
loading it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TextIO

from app.core.plans.examples import example_plan
from app.core.plans.fhir_base import MAX_BYTES, WHOLE_FILE, PlanFileError, bundle_kind
from app.core.plans.fhir_plan import plan_bytes, read_plan
from app.core.plans.fhir_report import read_report
from app.core.plans.model import Plan


def check_bytes(data: bytes, source: str) -> tuple[int, list[str]]:
    """(exit code, lines) for one file's bytes: a report if it says so, else read as a plan."""
    try:
        if bundle_kind(data) == "report":
            read_report(data, source)
            return 0, [f"{source}: a report"]
        return 0, [f"{source}: {describe(read_plan(data, source))}"]
    except PlanFileError as error:
        return 1, error.lines()


def describe(plan: Plan) -> str:
    """ "a plan for 4 weeks": what a good plan file is, in a few words."""
    count = len(plan.weeks)
    return f"a plan for {count} week{'s' if count != 1 else ''}"


def check_file(path: Path, out: TextIO) -> int:
    """Print what the file is, or every problem in it; return the exit code."""
    source = str(path)
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        print(f"{source}: {WHOLE_FILE}: cannot be read ({error.strerror or 'error'})", file=out)
        return 1
    if len(data) > MAX_BYTES:
        print(f"{source}: {WHOLE_FILE}: is larger than 1 MiB; plan and report files are "
              "smaller", file=out)
        return 1
    code, lines = check_bytes(data, source)
    for line in lines:
        print(line, file=out)
    return code


def write_example(target: Path | None, today: dt.date, out: TextIO) -> int:
    """Write the sample 4-week plan to ``target`` (or print it when there is none)."""
    data = plan_bytes(example_plan(today))
    if target is None:
        out.write(data.decode("utf-8") + "\n")
        return 0
    try:
        partial = target.with_name(target.name + ".partial")
        partial.write_bytes(data)
        partial.replace(target)
    except OSError as error:
        print(f"{target}: cannot be written ({error.strerror or 'error'})", file=out)
        return 1
    print(f"{target}: {describe(example_plan(today))} written", file=out)
    return 0
