import datetime as dt

import pytest

from app.core.ages import (
    AgeBand,
    BirthMonth,
    BirthMonthProblem,
    Stage,
    age_status,
    next_band_change,
    validate_birth_month,
)
from app.core.clock import SettableClock, local_today

BIRTH = BirthMonth(2017, 3)  # turns 9 on 1 March 2026, 13 on 1 March 2030


@pytest.mark.parametrize(
    ("day", "years", "band"),
    [
        (dt.date(2026, 2, 28), 8, AgeBand.EARLY_PRIMARY),
        (dt.date(2026, 3, 1), 9, AgeBand.PRETEEN),
        (dt.date(2030, 2, 28), 12, AgeBand.PRETEEN),
        (dt.date(2030, 3, 1), 13, AgeBand.YOUNG_TEEN),
        (dt.date(2033, 3, 1), 16, AgeBand.OLDER_TEEN),
    ],
)
def test_band_changes_on_the_birthday(day, years, band):
    status = age_status(BIRTH, day)
    assert (status.years, status.band, status.stage) == (years, band, Stage.IN_BAND)


def test_band_moves_with_the_injected_clock():
    clock = SettableClock(dt.datetime(2026, 2, 28, 12, tzinfo=dt.UTC))
    assert age_status(BIRTH, local_today(clock)).band is AgeBand.EARLY_PRIMARY
    clock.advance(dt.timedelta(days=2))
    assert age_status(BIRTH, local_today(clock)).band is AgeBand.PRETEEN


def test_under_three_and_adults_are_not_in_a_band():
    assert age_status(BirthMonth(2025, 1), dt.date(2026, 11, 1)).stage is Stage.TOO_YOUNG
    grown = age_status(BirthMonth(2006, 5), dt.date(2026, 11, 1))
    assert grown.stage is Stage.ADULT and grown.band is None and grown.years == 20


def test_next_band_change():
    assert next_band_change(BIRTH, dt.date(2026, 11, 23)) == dt.date(2030, 3, 1)
    assert next_band_change(BirthMonth(2025, 6), dt.date(2026, 1, 1)) == dt.date(2028, 6, 1)
    assert next_band_change(BirthMonth(2005, 6), dt.date(2026, 1, 1)) is None


def test_every_age_from_3_to_17_has_exactly_one_band():
    for years in range(3, 18):
        bands = [band for band in AgeBand if band.youngest <= years <= band.oldest]
        assert len(bands) == 1


def test_future_and_implausible_birth_months_are_refused():
    today = dt.date(2026, 11, 23)
    with pytest.raises(BirthMonthProblem) as future:
        validate_birth_month(BirthMonth(2026, 12), today)
    with pytest.raises(BirthMonthProblem) as too_old:
        validate_birth_month(BirthMonth(1990, 1), today)
    assert (future.value.key, too_old.value.key) == ("future", "too-old")
    validate_birth_month(BirthMonth(2026, 11), today)


def test_the_core_words_nothing_a_band_is_its_key_and_its_ages():
    """Band wording lives in the UI (app.ui.age_words); the core hands over numbers."""
    assert (AgeBand.PRETEEN.value, AgeBand.PRETEEN.youngest, AgeBand.PRETEEN.oldest) == (
        "9-12", 9, 12)
    assert not hasattr(AgeBand.PRETEEN, "label")  # no English in the core


def test_today_is_counted_in_the_clock_s_own_zone():
    import datetime as dt
    from zoneinfo import ZoneInfo

    from app.core.clock import SettableClock, local_today

    late_evening_in_honolulu = dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.UTC)
    assert local_today(SettableClock(late_evening_in_honolulu,
                                     ZoneInfo("Pacific/Honolulu"))) == dt.date(2026, 11, 30)
    assert local_today(SettableClock(late_evening_in_honolulu,
                                     ZoneInfo("Asia/Tokyo"))) == dt.date(2026, 12, 1)
