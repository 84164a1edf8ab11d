"""fileio's gate for files ivrcheck finds for itself: only regular files, bounded, links only where allowed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ivrcheck.fileio import NotRegular, TooLarge, read_limited


def test_a_regular_file_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "entry"
    path.write_bytes(b"x" * 100)
    assert read_limited(path, 100) == b"x" * 100


def test_one_byte_over_the_limit_is_refused_with_the_sizes(tmp_path: Path) -> None:
    path = tmp_path / "entry"
    path.write_bytes(b"x" * 101)
    with pytest.raises(TooLarge) as caught:
        read_limited(path, 100)
    assert (caught.value.size, caught.value.limit) == (101, 100)


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")  # no writer: a blocking open would wait for ever
    with pytest.raises(NotRegular) as caught:
        read_limited(tmp_path / "fifo", 100)
    assert caught.value.kind == "a FIFO (named pipe)"


def test_a_device_and_a_folder_are_refused(tmp_path: Path) -> None:
    for path, kind in ((Path("/dev/zero"), "a device"), (tmp_path, "a folder")):
        with pytest.raises(NotRegular) as caught:
            read_limited(path, 100)
        assert caught.value.kind == kind


def test_a_link_is_followed_unless_told_not_to(tmp_path: Path) -> None:
    (tmp_path / "real").write_bytes(b"kept")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert read_limited(tmp_path / "link", 100) == b"kept"
    with pytest.raises(NotRegular) as caught:
        read_limited(tmp_path / "link", 100, follow=False)
    assert caught.value.kind == "a symbolic link"
    (tmp_path / "zero").symlink_to("/dev/zero")
    with pytest.raises(NotRegular):
        read_limited(tmp_path / "zero", 100)  # followed, and found to be a device


def test_a_missing_file_is_the_ordinary_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_limited(tmp_path / "gone", 100)
