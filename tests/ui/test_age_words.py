"""Ages, bands and birth months worded on screen through Qt (plurals, the computer's months)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale

from app.core.ages import AgeBand, BirthMonth
from app.core.family import ChildProblem
from app.ui.age_words import (
    band_heading,
    band_label,
    describe_age,
    month_names,
    problem_words,
    years_old,
)

TODAY = dt.date(2026, 11, 23)


def test_bands_read_the_same_everywhere(qapp):
    assert band_label(AgeBand.PRETEEN) == "ages 9–12"
    assert band_heading("13-15") == "Ages 13–15"


def test_ages_use_the_plural_form(qapp):
    assert years_old(10) == "10 years old"
    assert years_old(0) == "under 1 year old"


def test_a_child_in_a_band_is_described_with_the_next_change(qapp):
    words = describe_age(BirthMonth(2016, 4), TODAY)
    assert words.badge == "Ages 9–12" and words.age == "10 years old"
    assert words.summary == "ages 9–12, 10 years old"
    april = QLocale.system().monthName(4, QLocale.FormatType.LongFormat)
    assert words.born == f"Born {april} 2016"
    assert words.note.startswith("Moves to ages 13–15 in ") and words.note.endswith("2029.")


def test_outside_the_bands_there_is_a_friendly_note(qapp):
    assert describe_age(BirthMonth(2025, 1), TODAY).badge == "Under 3"
    grown = describe_age(BirthMonth(2006, 1), TODAY)
    assert grown.badge == "18 or older" and "nothing is lost" in grown.note


def test_months_come_from_the_computer_s_language(qapp):
    months = month_names()
    assert len(months) == 12
    assert months[0] == QLocale.system().monthName(1, QLocale.FormatType.LongFormat)


def test_problems_from_the_core_are_worded_here(qapp):
    assert problem_words(ChildProblem("name-too-long", 60)) == (
        "Please keep the name under 60 characters.")
    assert "over 25" in problem_words(ChildProblem("birth-too-old", 25))
    assert "future" in problem_words(ChildProblem("birth-future"))
    assert problem_words(ChildProblem("name-missing")) == "Please give a name or nickname."
