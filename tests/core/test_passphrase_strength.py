from app.core.passphrase_strength import assess


def test_common_passwords_are_not_acceptable():
    for weak in ["password1", "Password123!", "letmein", "qwertyuiop", "maya2016"]:
        assert not assess(weak).acceptable, weak


def test_unrelated_words_are_acceptable():
    strength = assess("lantern orchard velvet comet")
    assert strength.acceptable and strength.score >= 3
    assert strength.label in {"strong", "very-strong"} and strength.advice == "good"


def test_short_passphrases_get_length_advice():
    strength = assess("x9$Kq!")
    assert not strength.acceptable and strength.advice == "too-short"


def test_personal_words_count_against_strength():
    assert assess("zephyrinequill", personal_words=("zephyrine", "quill")).score <= 2


def test_a_known_pattern_is_called_easy_to_guess():
    strength = assess("password12345")
    assert not strength.acceptable and strength.advice == "easy-to-guess"
