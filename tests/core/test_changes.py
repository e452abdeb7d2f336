from hypothesis import given
from hypothesis import strategies as st

from app.core.changes import NOTHING, Changes

parts = st.builds(Changes, **{name: st.booleans() for name in Changes.__dataclass_fields__})


def test_nothing_is_falsy_and_any_part_is_truthy():
    assert not NOTHING
    assert Changes(talks=True)
    assert Changes(family=True).touches("family", "checkins")
    assert not Changes(evidence=True).touches("family", "checkins")


@given(parts, parts)
def test_combining_keeps_every_part_of_either(a, b):
    both = a | b
    for name in Changes.__dataclass_fields__:
        assert getattr(both, name) == (getattr(a, name) or getattr(b, name))
    assert (a | NOTHING) == a
