"""The spelling ratio is rapidfuzz's to the last bit: a check compares a few spellings in Python
rather than import rapidfuzz for them (language/sounds.py), and no verdict may move."""

from __future__ import annotations

import random

from rapidfuzz.fuzz import ratio as rapidfuzz_ratio

from ivrcheck.language import sounds


def _spelling(rng: random.Random, letters: str, longest: int) -> str:
    alphabet = letters[:rng.randint(1, len(letters))]  # few letters make long common runs likely
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))


def test_the_ratio_is_rapidfuzz_ratio_on_random_spellings() -> None:
    rng = random.Random(28)
    letters = "abeilnostuyäöé -'"
    for _ in range(20_000):
        first, second = _spelling(rng, letters, 40), _spelling(rng, letters, 40)
        assert sounds.ratio(first, second) == rapidfuzz_ratio(first, second), (first, second)


def test_the_ratio_of_known_pairs_and_the_long_ones_left_to_rapidfuzz() -> None:
    assert sounds.ratio("", "") == rapidfuzz_ratio("", "") == 100.0
    assert sounds.ratio("billing", "") == 0.0
    assert sounds.ratio("billing", "filling") == rapidfuzz_ratio("billing", "filling")
    assert sounds.ratio("muutto", "muutos") == rapidfuzz_ratio("muutto", "muutos")
    long_one, long_two = "billing " * 40, "filling " * 41
    assert len(long_one) + len(long_two) > sounds.SHORT
    assert sounds.ratio(long_one, long_two) == rapidfuzz_ratio(long_one, long_two)
    assert sounds._common("abcbdab", "bdcaba") == 4  # the textbook pair: "bcba"
