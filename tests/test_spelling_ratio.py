"""The spelling ratio worked out without rapidfuzz is rapidfuzz's own, to the last bit (sounds.ratio)."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest
from rapidfuzz.fuzz import ratio as rapidfuzz_ratio

from ivrcheck.language import sounds


@pytest.mark.parametrize("letters", ["ab", "abcdef", "aäöü ßñ1-", "billngBIL", "😀x字"])
def test_the_ratio_is_rapidfuzz_s_float_for_short_and_long_spellings(letters: str) -> None:
    rng = random.Random(11)
    for _ in range(3_000):
        longest = rng.choice([3, 12, 40, 200])  # 200 + 200 goes past SHORT: rapidfuzz answers
        first = "".join(rng.choice(letters) for _ in range(rng.randint(0, longest)))
        second = "".join(rng.choice(letters) for _ in range(rng.randint(0, longest)))
        assert sounds.ratio(first, second) == rapidfuzz_ratio(first, second), (first, second)


def test_known_ratios_and_the_edges() -> None:
    assert sounds.ratio("", "") == rapidfuzz_ratio("", "") == 100.0
    assert sounds.ratio("billing", "") == 0.0
    assert sounds.ratio("billing", "filling") == rapidfuzz_ratio("billing", "filling") == pytest.approx(200 * 6 / 14)
    assert sounds.ratio("muutto", "muutos") == rapidfuzz_ratio("muutto", "muutos")
    near_miss = "x" * (sounds.SHORT // 2)
    assert sounds.ratio(near_miss, near_miss + "y") == rapidfuzz_ratio(near_miss, near_miss + "y")


def test_comparing_labels_does_not_load_rapidfuzz() -> None:
    """Its compiled modules cost 4.5 MiB of a run's peak; labels are short enough to compare here."""
    code = ("import sys; from ivrcheck.language.sounds import spelled_alike; "
            "assert spelled_alike('Billing', 'Filling', 80) and not spelled_alike('Billing', 'Orders', 80); "
            "print('rapidfuzz' in sys.modules)")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "False"
