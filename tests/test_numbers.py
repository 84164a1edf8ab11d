"""The one number reader: ASCII digits only, finite, short, in range; a reason otherwise."""

from __future__ import annotations

import pytest

from ivrcheck.numbers import NotANumber, is_digits, number_or_none, read_number


@pytest.mark.parametrize(("value", "whole", "expected"), [
    ("3", True, 3), (" 3 ", True, 3), ("-2", True, -2), ("+7", True, 7), (4, True, 4), (4.0, True, 4),
    ("0.5", False, 0.5), ("5e2", False, 500.0), (".5", False, 0.5), ("6.", False, 6.0), (3, False, 3.0),
    ("9" * 100, True, int("9" * 100)),
])
def test_numbers_written_in_ascii_digits_are_read(value: object, whole: bool, expected: float) -> None:
    found = read_number(value, whole=whole)
    assert found == expected and type(found) is (int if whole else float)


@pytest.mark.parametrize(("value", "whole", "reason"), [
    ("²", True, "not a whole number written in ASCII digits"),  # str.isdigit() says yes, int() says no
    ("٣", True, "not a whole number written in ASCII digits"),  # int() would read it as 3
    ("3²", False, "not a number written in ASCII digits"),
    (".inf", False, "not a number written in ASCII digits"), ("inf", False, "not a number"),
    ("nan", False, "not a number"), ("1e999", False, "not a finite number"),
    (float("inf"), False, "not a finite number"), (float("nan"), False, "not a finite number"),
    ("9" * 5000, True, "5,000 characters long"), ("1.5", True, "not a whole number"), (2.5, True, "not a whole number"),
    (True, False, "is not a number"), (None, False, "is not a number"), ([3], False, "is not a number"),
    ("", True, "not a whole number"), ("0x10", True, "not a whole number"), ("1_000", True, "not a whole number"),
])
def test_anything_else_says_why(value: object, whole: bool, reason: str) -> None:
    with pytest.raises(NotANumber, match=reason.replace("(", r"\(")):
        read_number(value, whole=whole)


def test_a_huge_int_a_parser_made_is_refused_without_printing_it() -> None:
    with pytest.raises(NotANumber, match="a number about 5,000 digits long is out of range"):
        read_number(10**5000, whole=True, high=100)


@pytest.mark.parametrize(("value", "low", "high", "ok"), [(0, 0, 10, True), (10, 0, 10, True), (-1, 0, 10, False),
                                                         (11, 0, 10, False), (11, 0, None, True), (-5, None, 0, True)])
def test_bounds_are_inclusive(value: int, low: int | None, high: int | None, ok: bool) -> None:
    assert (number_or_none(str(value), whole=True, low=low, high=high) is not None) is ok


def test_the_range_is_named_in_the_reason() -> None:
    with pytest.raises(NotANumber, match="-1 is out of range: it must be from 0 to 10"):
        read_number("-1", whole=True, low=0, high=10)
    with pytest.raises(NotANumber, match="it must be at least 1"):
        read_number("0", whole=True, low=1)


@pytest.mark.parametrize(("text", "digits"), [("123", True), ("²", False), ("٣", False), ("", False), ("1a", False)])
def test_is_digits_means_ascii_digits(text: str, digits: bool) -> None:
    assert is_digits(text) is digits
