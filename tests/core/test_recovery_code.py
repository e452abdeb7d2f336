import pytest

from app.core import recovery_code


def test_generated_codes_are_canonical_and_distinct():
    codes = {recovery_code.generate() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert recovery_code.normalise(code) == code
        assert len(recovery_code.display(code).split("-")) == 5


def test_typing_slips_are_forgiven():
    code = "7K3QMZ8WXR2HB4NV9TJD5PYCE"
    typed = " 7k3qm-z8wxr  2hb4n-v9tjd-5pyce "
    assert recovery_code.normalise(typed) == code
    assert recovery_code.normalise(code.replace("0", "O")) == code
    assert recovery_code.group_matches(code, 1, "z8wxr")
    assert not recovery_code.group_matches(code, 1, "z8wxq")


@pytest.mark.parametrize(
    "typed", ["", "ABC", "7K3QMZ8WXR2HB4NV9TJD5PYCEX", "7K3QMZ8WXR2HB4NV9TJD5PYC!"]
)
def test_impossible_codes_are_explained(typed):
    with pytest.raises(recovery_code.RecoveryCodeProblem):
        recovery_code.normalise(typed)


def test_letters_outside_the_alphabet_are_named():
    with pytest.raises(recovery_code.RecoveryCodeProblem, match="U"):
        recovery_code.normalise("U" * 25)
