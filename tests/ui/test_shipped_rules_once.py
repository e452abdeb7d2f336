"""The shipped pattern rules are read once per run, and a file that cannot be read is not kept."""

from __future__ import annotations

import pytest

import app.paths
from app.core.journal.rules import load_rules
from app.ui import shell_pages


@pytest.fixture(autouse=True)
def _nothing_read_yet(monkeypatch):
    monkeypatch.setattr(shell_pages, "_shipped_rules", [])


def test_the_rules_are_read_once_and_each_caller_gets_its_own_list(monkeypatch):
    shipped = load_rules(app.paths.shipped_content_dir() / "rules.toml")
    first = shell_pages._pattern_rules()
    assert [rule.id for rule in first] == [rule.id for rule in shipped] and first

    def unreadable(*_args):
        raise OSError("read again")

    monkeypatch.setattr(app.paths, "shipped_content_dir", unreadable)
    second = shell_pages._pattern_rules()  # from memory: the file is not read again
    assert second == first and second is not first
    second.clear()
    assert shell_pages._pattern_rules() == first


def test_a_rules_file_that_cannot_be_read_leaves_the_patterns_out_and_is_tried_again(
        monkeypatch, tmp_path):
    (tmp_path / "rules.toml").write_text("this is = not [ a rules file", encoding="utf-8")
    real = app.paths.shipped_content_dir
    monkeypatch.setattr(app.paths, "shipped_content_dir", lambda: tmp_path)
    assert shell_pages._pattern_rules() == []
    monkeypatch.setattr(app.paths, "shipped_content_dir", real)
    assert shell_pages._pattern_rules()
