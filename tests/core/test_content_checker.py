"""The content checker: shipped folder passes; every kind of breakage is a file:line message."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.content.checker import run_check
from app.core.content.loader import load_library
from tests.core.content_fixtures import write_library

SHIPPED = Path(__file__).resolve().parents[2] / "conversations"
LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<message>.+)$")


def check(root: Path) -> tuple[int, list[tuple[str, int, str]]]:
    out = io.StringIO()
    code = run_check(root, stats=False, out=out)
    found = []
    for line in out.getvalue().splitlines():
        match = LINE.match(line)
        if match:
            found.append((Path(match["path"]).name, int(match["line"]), match["message"]))
    return code, found


def test_the_shipped_library_passes():
    out = io.StringIO()
    code = run_check(SHIPPED, stats=True, out=out)
    assert code == 0, out.getvalue()


def test_a_complete_fixture_passes(tmp_path):
    assert check(write_library(tmp_path / "c")) == (0, [])


def test_bad_toml_names_file_and_line(tmp_path):
    root = write_library(tmp_path / "c")
    path = root / "topics" / "privacy.toml"
    lines = path.read_text().splitlines()
    lines[7] = 'text = "unterminated'
    path.write_text("\n".join(lines))
    code, found = check(root)
    assert code == 1
    assert ("privacy.toml", 8) in [(f, n) for f, n, _ in found]
    assert any("not valid TOML" in m for f, _, m in found if f == "privacy.toml")


def test_missing_field_points_at_the_entry(tmp_path):
    root = write_library(tmp_path / "c")
    path = root / "topics" / "pictures.toml"
    text = path.read_text()
    header_lines = [n for n, line in enumerate(text.splitlines(), 1) if line == "[[starter]]"]
    cut = text.replace('follow_ups = ["What would you do?", "Who is safe to ask?"]\n', "", 3)
    cut = cut.replace('[[starter]]\nid = "pictures.3-5.s2"\nbands = ["3-5"]\n'
                      'text = "Who can you tell if a game chat feels bad?"\n',
                      '[[starter]]\nid = "pictures.3-5.s2"\nbands = ["3-5"]\n', 1)
    path.write_text(cut)
    code, found = check(root)
    assert code == 1
    hits = [(n, m) for f, n, m in found if f == "pictures.toml"]
    assert hits and hits[0][0] == header_lines[0]
    assert "follow_ups" in hits[0][1]


def test_wrong_type_and_unknown_field(tmp_path):
    root = write_library(tmp_path / "c")
    red = root / "red_flags.toml"
    red.write_text(red.read_text().replace('text = "T"', "text = 5", 1))
    refusals = root / "refusals.toml"
    lines = refusals.read_text().splitlines()
    index = lines.index('tone = "firm"')
    lines[index] = 'tone = "firm"\ncolour = "blue"'
    refusals.write_text("\n".join(lines))
    code, found = check(root)
    assert code == 1
    red_hits = [(n, m) for f, n, m in found if f == "red_flags.toml"]
    assert red_hits and red_hits[0][0] == 6 and "str" in red_hits[0][1]
    refusal_hits = [m for f, _, m in found if f == "refusals.toml"]
    assert any("colour" in m for m in refusal_hits)


def test_duplicate_ids_across_files(tmp_path):
    root = write_library(tmp_path / "c")
    path = root / "red_flags.toml"
    path.write_text(path.read_text().replace('id = "flag.3"', 'id = "reassure.4"'))
    code, found = check(root)
    assert code == 1
    assert any(f == "red_flags.toml" and "reassure.4" in m and "already used" in m
               for f, _, m in found)


def test_dangling_source_and_band_outside_topic(tmp_path):
    root = write_library(tmp_path / "c")
    path = root / "topics" / "privacy.toml"
    text = path.read_text()
    text = text.replace('bands = ["3-5", "6-8", "9-12", "13-15", "16-17"]',
                        'bands = ["6-8", "9-12", "13-15", "16-17"]', 1)
    text = text.replace('sources = ["src-a"]', 'sources = ["no-such-source"]', 1)
    path.write_text(text)
    code, found = check(root)
    messages = " ".join(m for f, _, m in found if f == "privacy.toml")
    assert code == 1
    assert "no-such-source" in messages and "not one of the topic's bands" in messages


def test_too_few_starters_and_too_hard_to_read(tmp_path):
    root = write_library(tmp_path / "c", starters_per_band=3)
    path = root / "topics" / "saying-no.toml"
    path.write_text(path.read_text().replace(
        "Who can you tell if a game chat feels bad?",
        "Considering the psychological ramifications of unsolicited communication, "
        "how would you characterise appropriate boundaries?", 1))
    code, found = check(root)
    messages = [m for _, _, m in found]
    assert code == 1
    assert any("at least 4 needed" in m for m in messages)
    assert any("at least 200 needed" in m for m in messages)
    assert any("reads at grade" in m for m in messages)


def test_a_broken_file_is_skipped_and_the_rest_loads(tmp_path):
    root = write_library(tmp_path / "c")
    (root / "topics" / "privacy.toml").write_text("id = [")
    result = load_library(root)
    assert len(result.problems) == 1 and result.problems[0].path.name == "privacy.toml"
    assert result.library.topic("privacy") is None
    assert result.library.topic("pictures") is not None
    assert result.library.country("zz").code == "intl"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_damage_never_raises(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("fuzz") / "c"
    write_library(root, starters_per_band=1)
    files = sorted(root.rglob("*.toml"))
    target = data.draw(st.sampled_from(files))
    lines = target.read_text().splitlines()
    action = data.draw(st.sampled_from(["delete", "replace", "insert", "garbage"]))
    index = data.draw(st.integers(0, max(0, len(lines) - 1)))
    noise = data.draw(st.text(max_size=40))
    if action == "delete" and lines:
        del lines[index]
    elif action == "replace" and lines:
        lines[index] = noise
    elif action == "insert":
        lines.insert(index, noise)
    else:
        lines = [noise]
    target.write_text("\n".join(lines), encoding="utf-8")
    out = io.StringIO()
    code = run_check(root, stats=True, out=out)
    assert code in (0, 1)
    for line in out.getvalue().splitlines():
        if LINE.match(line):
            assert Path(LINE.match(line)["path"]).suffix == ".toml" or "topics" in line
    shutil.rmtree(root.parent)


def test_cli_reports_and_exits_1(tmp_path):
    import subprocess
    import sys

    root = write_library(tmp_path / "c")
    (root / "reassurance.toml").write_text("reassurance = 3\n")
    result = subprocess.run([sys.executable, "-m", "app", "content", "check", str(root),
                             "--stats"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "reassurance.toml:1:" in result.stdout and "Traceback" not in result.stderr
    assert "starters per topic and band" in result.stdout


@pytest.mark.parametrize("name", ["refusals.toml", "warning_signs.toml"])
def test_missing_catalogue_is_named(tmp_path, name):
    root = write_library(tmp_path / "c")
    (root / name).unlink()
    code, found = check(root)
    assert code == 1 and any(f == name for f, _, _ in found)


# --- signs → topics and the pattern rules (conversations/rules.toml) ----------------------

RULE = '''
[[rule]]
id = "rule.{n}"
title = "A"
looks_for = "{{count}} within {{days}} days."
might_mean = "M"
what_to_do = "W"
topic = "privacy"
false_alarms = ["F"]
sources = ["src-a"]
reviewed = 2026-11-23

[rule.condition]
kind = "count"
of = {{ categories = ["secrecy"], signs = ["sign.mood.1"] }}
params.count = {{ default = 3, min = 2, max = 10 }}
params.days = {{ default = 10, min = 3, max = 60 }}
'''


def with_rules(tmp_path: Path, count: int = 10) -> Path:
    root = write_library(tmp_path / "c")
    (root / "rules.toml").write_text("".join(RULE.format(n=n) for n in range(count)))
    return root


def test_the_shipped_library_has_its_rules():
    assert (SHIPPED / "rules.toml").exists()


def test_sound_rules_pass(tmp_path):
    assert check(with_rules(tmp_path)) == (0, [])


def test_a_sign_pointing_to_a_missing_topic_is_named_at_its_line(tmp_path):
    root = write_library(tmp_path / "c")
    path = root / "warning_signs.toml"
    text = path.read_text().replace('id = "sign.secrecy.1"\ncategory = "secrecy"\n',
                                    'id = "sign.secrecy.1"\ncategory = "secrecy"\n'
                                    'topics = ["privacy", "knitting"]\n')
    path.write_text(text)
    line = text.splitlines().index('id = "sign.secrecy.1"') + 1
    code, found = check(root)
    assert code == 1
    assert ("warning_signs.toml", line, "“sign.secrecy.1” points to an unknown topic "
            "“knitting”") in found


def test_rules_that_point_nowhere_are_named(tmp_path):
    root = with_rules(tmp_path)
    path = root / "rules.toml"
    text = path.read_text()
    text = text.replace('topic = "privacy"', 'topic = "sailing"', 1)
    text = text.replace('sources = ["src-a"]', 'sources = ["src-z"]', 1)
    text = text.replace('categories = ["secrecy"], signs = ["sign.mood.1"]',
                        'categories = ["weather"], signs = ["sign.mood.9"]', 1)
    path.write_text(text)
    code, found = check(root)
    assert code == 1
    messages = [m for f, n, m in found if f == "rules.toml" and n == 3]  # rule.0's id
    assert sorted(messages) == sorted([
        "rule “rule.0”: condition: unknown sign “sign.mood.9”",
        "rule “rule.0”: condition: unknown category “weather”",
        "rule “rule.0”: topic: unknown topic “sailing”",
        "rule “rule.0”: sources: unknown source “src-z”"])


def test_rules_that_do_not_load_are_reported_and_too_few_are_counted(tmp_path):
    root = with_rules(tmp_path)
    path = root / "rules.toml"
    path.write_text(path.read_text().replace('false_alarms = ["F"]', "false_alarms = []", 1))
    code, found = check(root)
    assert code == 1
    assert ("rules.toml", 3, "rule “rule.0”: false_alarms: name at least one everyday "
            "explanation") in found
    root = with_rules(tmp_path / "few", count=3)
    code, found = check(root)
    assert code == 1 and ("rules.toml", 1, "3 pattern rules, at least 10 needed") in found
