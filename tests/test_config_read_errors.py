"""A config YAML cannot read is one line at file:line:col saying what to write, never Python's own words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ivrcheck.config import ConfigError
from ivrcheck.config.files import load_config
from ivrcheck.reading import menu_text
from ivrcheck.rules import catalog


def error_of(tmp_path: Path, text: str) -> str:
    path = tmp_path / ".ivrcheck.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path, catalog())
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    return message[len(str(path)):]


def test_an_impossible_date_is_placed_with_what_to_write(tmp_path):
    message = error_of(tmp_path, "waivers:\n  - {rules: [H203], reason: x, until: 2027-02-30}\n")
    assert message == (":2:39: 2027-02-30 is not a day of the calendar; write a real date as YYYY-MM-DD, "
                       "such as 2027-02-28")


def test_a_real_date_still_loads(tmp_path):
    path = tmp_path / ".ivrcheck.yaml"
    path.write_text("waivers:\n  - {rules: [H203], reason: x, until: 2027-02-28}\n", encoding="utf-8")
    assert load_config(path, catalog()).waivers[0].until == "2027-02-28"


def test_an_endless_number_is_placed(tmp_path):
    message = error_of(tmp_path, f"rules:\n  too-deep:\n    max_depth: {'9' * 5000}\n")
    assert message.startswith(":3:16: a value 5,000 characters long is a number no setting can hold")
    assert "4300" not in message and "sys.set_int_max_str_digits" not in message


def test_a_key_past_yamls_limit_is_said_to_be_too_long_not_too_deep(tmp_path):
    message = error_of(tmp_path, f'per_file_ignores:\n  "{"[" * 2000}": [S108]\n  "x/**": [S108]\n')
    assert message == (":2:3: this key is 2,002 characters long; YAML reads a key written `key: value` only up "
                       "to 1,024 characters; shorten it (a glob can use `*`)")


def test_a_key_just_inside_the_limit_loads(tmp_path):
    path = tmp_path / ".ivrcheck.yaml"
    path.write_text(f'per_file_ignores:\n  "{"a" * 1000}*": [S108]\n', encoding="utf-8")
    assert load_config(path, catalog()) is not None


def test_other_syntax_errors_are_placed(tmp_path):
    message = error_of(tmp_path, "select: [H203\nignore: []\n")
    assert message.startswith(":") and message.split(":")[1].isdigit() and "fix the YAML there" in message


def test_a_long_node_id_in_a_menu_is_said_to_be_too_long():
    text = f"entry: a\nnodes:\n  {'n' * 3000}: {{type: agent}}\n  a: {{type: agent}}\n"
    menu, findings = menu_text(text, "m.ivr.yaml")
    assert menu is None
    assert [(f.code, f.span.line, f.span.column) for f in findings] == [("F001", 3, 3)]
    assert "3,000 characters long" in findings[0].message and "1,024" in findings[0].message


def test_a_misplaced_colon_in_a_menu_keeps_yamls_words():
    menu, findings = menu_text("entry: a\nnodes:\n  a: {type: agent}: x\n", "m.ivr.yaml")
    assert [f.code for f in findings] == ["F001"] and "characters long" not in findings[0].message


@pytest.mark.parametrize("written, wrong, told", [
    ("rules:\n  too-deep: {max_depth: %s}\n", "must be int, like its default 3", "write 1.0e+3"),
    # the same hint for a speaking rate (it was only "must be a positive number")
    ("speaking_rate: {en: %s}\n", "speaking_rate.en must be a positive number below 1000000", "write 1.0e+3"),
])
def test_a_number_yaml_reads_as_text_for_its_exponent_says_how_to_write_it(tmp_path, written, wrong, told):
    message = error_of(tmp_path, written % "1e3")
    assert message.endswith(f"{wrong}; YAML reads 1e3 as text (an exponent needs a point before the `e` and a "
                            f"sign after it): {told}")
    assert "YAML reads" not in error_of(tmp_path, written % "deep")


def test_a_setting_written_twice_is_placed_not_silently_lost(tmp_path):
    message = error_of(tmp_path, "fail_on: error\nselect: [S]\nfail_on: warning\n")
    assert message == (':3:1: "fail_on" is written twice in one mapping (first on line 1); YAML keeps only '
                       "the last: keep one")


def test_the_same_key_in_two_mappings_is_not_written_twice(tmp_path):
    path = tmp_path / ".ivrcheck.yaml"
    path.write_text("waivers:\n  - {rules: [H203], reason: x}\n  - {rules: [H204], reason: y}\n", encoding="utf-8")
    assert len(load_config(path, catalog()).waivers) == 2  # `reason` in two mappings, each once


def test_a_waiver_until_written_as_a_timestamp_is_shown_as_written(tmp_path):
    message = error_of(tmp_path, "waivers: [{rules: [H203], reason: r, until: 2026-12-07T23:59:59+14:00}]\n")
    assert message.endswith("waivers[0].until is 2026-12-07T23:59:59+14:00, a time; write the last day it holds "
                            "as YYYY-MM-DD, e.g. 2026-12-07")
    assert "datetime" not in message
    assert error_of(tmp_path, "waivers: [{rules: [H203], reason: r, until: next spring}]\n").endswith(
        'waivers[0].until is "next spring"; write the last day it holds as YYYY-MM-DD')


@pytest.mark.parametrize("plant", ["fifo", "device", "huge"])
def test_a_config_that_is_no_regular_file_or_too_big_is_one_line_not_a_hang(tmp_path, monkeypatch, plant):
    """Issue 23, fifth blind tester: a file ivrcheck finds for itself is read only when it is a regular
    file of a sensible size (a FIFO would block, a link to /dev/zero never end)."""
    from ivrcheck.config import files

    path = tmp_path / ".ivrcheck.yaml"
    if plant == "fifo":
        os.mkfifo(path)
    elif plant == "device":
        path.symlink_to("/dev/zero")
    else:
        path.write_text("select: [H203]\n" * 10, encoding="utf-8")
        monkeypatch.setattr(files, "CONFIG_LIMIT", 100)
    with pytest.raises(ConfigError) as caught:
        files._text(path)
    told = {"fifo": "it is a FIFO (named pipe), not a regular file", "device": "it is a device, not a regular file",
            "huge": "it is 150 bytes, over the 100-byte limit"}[plant]
    assert str(caught.value) == f"{path}: cannot read the config: {told}"


def test_a_config_of_a_sensible_size_behind_a_symlink_still_loads(tmp_path):
    """The near miss: a config that is a link to a regular file (dotfiles kept elsewhere) is followed."""
    real = tmp_path / "kept.yaml"
    real.write_text("select: [H203]\n", encoding="utf-8")
    (tmp_path / ".ivrcheck.yaml").symlink_to(real)
    assert load_config(tmp_path / ".ivrcheck.yaml", catalog()).select == ("H203",)
