"""A config's path patterns match as pathlib and fnmatch match them, without a regex per pattern."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import PurePosixPath, PureWindowsPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ivrcheck.discover import glob_matches

#: Mostly the patterns matched without the library (plain parts and `*`), some with what it is left.
parts = st.one_of(st.text(alphabet="ab.*/", min_size=1, max_size=10), st.text(alphabet="ab.*?[]/\\-", max_size=12))
paths = st.lists(st.text(alphabet="ab.-*", min_size=1, max_size=5), min_size=1, max_size=4)


def library(relative: PurePosixPath, pattern: str) -> bool:
    return relative.match(pattern) or fnmatch(str(relative), pattern)


@settings(max_examples=500)
@given(paths, parts)
def test_any_pattern_matches_as_the_library_matches_it(path: list[str], pattern: str) -> None:
    relative = PurePosixPath(*path)
    try:
        expected = library(relative, pattern)
    except ValueError:  # pathlib refuses an empty pattern; config refuses it before this
        return
    assert glob_matches(relative, pattern) == expected


@pytest.mark.parametrize(("path", "pattern", "expected"), [
    ("menus/part12/main.ivr.yaml", "menus/part12/*.ivr.yaml", True),
    ("menus/part12/main.ivr.yaml", "menus/part1/*.ivr.yaml", False),  # near miss: a prefix of the folder
    ("menus/part12/main.ivr.yaml", "part12/*.ivr.yaml", True),  # pathlib matches from the right
    ("menus/part12/main.ivr.yaml", "*.yaml", True),
    ("menus/part12/main.ivr.yaml", "menus/*", True),  # fnmatch's * crosses folders
    ("menus/a/b/main.ivr.yaml", "**/legacy-*.yaml", False),
    ("menus/legacy-1.ivr.yaml", "**/legacy-*.yaml", True),
    ("menus/aXbXb.yaml", "menus/a*b*b.yaml", True),
    ("menus/aXb.yaml", "menus/a*b*b.yaml", False),  # pieces may not overlap
    ("menus/main.ivr.yaml", "menus/./main.ivr.yaml", True),  # pathlib drops a `.` part
])
def test_the_patterns_of_a_config_match_as_documented(path: str, pattern: str, expected: bool) -> None:
    assert glob_matches(PurePosixPath(path), pattern) is expected
    assert library(PurePosixPath(path), pattern) is expected


def test_a_windows_path_is_left_to_the_library() -> None:
    assert glob_matches(PureWindowsPath("Menus/Main.ivr.yaml"), "menus/*.IVR.yaml")
