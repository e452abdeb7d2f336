"""`porchlight plan check FILE` and `porchlight plan example`: one line per problem, exit codes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from app import cli
from app.core.plans.examples import example_plan, example_report
from app.core.plans.fhir_plan import plan_bytes, read_plan
from app.core.plans.fhir_report import report_bytes


def _run(capsys, *argv):
    code = cli.run_command(cli.parse(["plan", *argv]))
    return code, capsys.readouterr().out.splitlines()


def test_a_good_plan_and_a_good_report(tmp_path, capsys):
    plan = example_plan(dt.date(2026, 3, 2))
    (tmp_path / "a.porchplan").write_bytes(plan_bytes(plan))
    written = dt.datetime(2026, 3, 16, 19, 0, tzinfo=dt.UTC)
    (tmp_path / "r.json").write_bytes(report_bytes(example_report(plan, written)))
    assert _run(capsys, "check", str(tmp_path / "a.porchplan")) == (
        0, [f"{tmp_path / 'a.porchplan'}: a plan for 4 weeks"])
    assert _run(capsys, "check", str(tmp_path / "r.json")) == (
        0, [f"{tmp_path / 'r.json'}: a report"])


def test_each_problem_on_its_own_line_with_file_and_field(tmp_path, capsys):
    data = json.loads(plan_bytes(example_plan(dt.date(2026, 3, 2))))
    data["entry"][0]["resource"]["meta"]["versionId"] = "x"
    data["entry"][1]["resource"]["item"][0]["item"][2]["text"] = ""
    bad = tmp_path / "bad.porchplan"
    bad.write_text(json.dumps(data))
    code, lines = _run(capsys, "check", str(bad))
    assert code == 1
    assert lines == [
        f"{bad}: entry[0].resource.meta.versionId: is 'x'; the plan's version is a whole "
        "number, 1 or more",
        f"{bad}: entry[1].resource.item[0].item[2].text: is missing (the question the family "
        "is asked)",
    ]


def test_missing_huge_and_foreign_files(tmp_path, capsys):
    missing = tmp_path / "nowhere.porchplan"
    assert _run(capsys, "check", str(missing)) == (
        1, [f"{missing}: (file): cannot be read (No such file or directory)"])
    huge = tmp_path / "huge.porchplan"
    huge.write_bytes(b" " * (2 * 1024 * 1024))
    assert _run(capsys, "check", str(huge)) == (
        1, [f"{huge}: (file): is larger than 1 MiB; plan and report files are smaller"])
    patient = tmp_path / "patient.json"
    patient.write_text('{"resourceType": "Patient"}')
    assert _run(capsys, "check", str(patient)) == (
        1, [f"{patient}: resourceType: is 'Patient'; expected 'Bundle'"])


def test_example_writes_a_plan_that_checks(tmp_path, capsys):
    target = tmp_path / "sample.porchplan"
    assert _run(capsys, "example", str(target)) == (
        0, [f"{target}: a plan for 4 weeks written"])
    plan = read_plan(target.read_bytes(), str(target))
    assert plan.start == dt.date.today() and len(plan.weeks) == 4
    code, printed = _run(capsys, "example")
    assert code == 0 and read_plan("\n".join(printed).encode(), "stdout").weeks == plan.weeks


def test_the_installed_command_answers_without_a_display(tmp_path):
    target = tmp_path / "sample.porchplan"
    made = subprocess.run([sys.executable, "-m", "app", "plan", "example", str(target)],
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    checked = subprocess.run([sys.executable, "-m", "app", "plan", "check", str(target)],
                             capture_output=True, text=True, timeout=60)
    assert (checked.returncode, checked.stdout) == (0, f"{target}: a plan for 4 weeks\n")
