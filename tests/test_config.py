"""Configuration: strict validation, per-file ignores, severity overrides, `config --show`."""

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ivrcheck.cli import app
from ivrcheck.config import ConfigError, parse_config
from ivrcheck.findings import Severity
from ivrcheck.rules import catalog
from tests.conftest import lint

runner = CliRunner()

DEAD_END = """
entry: main
nodes:
  main:
    prompt: For hours, press 1. For an advisor, press 0.
    options:
      "1": {label: Hours, goto: info}
      "0": {label: Advisor, goto: advisor}
  info: {type: message, prompt: Nine to five.}
  advisor: {type: agent}
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.mark.parametrize("data, message", [
    ({"selcet": ["S"]}, 'unknown option "selcet"; did you mean "select"?'),
    ({"rules": {"dead-ends": {}}}, 'no rule is called "dead-ends"; did you mean "dead-end"?'),
    ({"severity": {"S103": "fatal"}}, 'severity of S103 is "fatal"'),
    ({"fail_on": "warnings"}, 'did you mean "warning"?'),
    ({"speaking_rate": {"en": -5}}, "speaking_rate.en must be a positive number"),
    ({"ignore": ["Q1"]}, 'ignore names "Q1", which matches no rule code'),
])
def test_bad_config_is_one_clear_error(data: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=".*") as caught:
        parse_config(data, ".ivrcheck.yaml", catalog())
    assert message in str(caught.value)
    assert str(caught.value).startswith(".ivrcheck.yaml: ")


def test_severity_override_by_name() -> None:
    (finding,) = lint(DEAD_END, select="S103", severity={"dead-end": "info"})
    assert finding.severity is Severity.INFO


def test_per_file_ignores_apply_to_matching_files_only(tmp_path: Path) -> None:
    write(tmp_path / ".ivrcheck.yaml", 'per_file_ignores:\n  "legacy/*.ivr.yaml": [S103]\n')
    legacy = write(tmp_path / "legacy" / "old.ivr.yaml", DEAD_END)
    current = write(tmp_path / "current" / "new.ivr.yaml", DEAD_END)
    assert runner.invoke(app, ["check", str(legacy)]).exit_code == 0
    assert runner.invoke(app, ["check", str(current)]).exit_code == 1


def test_explicit_config_flag_wins_over_the_found_one(tmp_path: Path) -> None:
    menu = write(tmp_path / "line.ivr.yaml", DEAD_END)
    write(tmp_path / ".ivrcheck.yaml", "fail_on: error\n")
    other = write(tmp_path / "ci" / "relaxed.yaml", "fail_on: never\n")
    assert runner.invoke(app, ["check", str(menu)]).exit_code == 1
    assert runner.invoke(app, ["check", "--config", str(other), str(menu)]).exit_code == 0
    missing = runner.invoke(app, ["check", "--config", str(tmp_path / "nope.yaml"), str(menu)])
    assert missing.exit_code == 2 and "config file not found" in missing.output


def test_config_show_prints_each_setting_with_its_origin(tmp_path: Path) -> None:
    write(tmp_path / ".ivrcheck.yaml", "fail_on: warning\nrules:\n  dead-end: {}\nspeaking_rate: {en: 170}\n")
    menu = write(tmp_path / "line.ivr.yaml", DEAD_END)
    result = runner.invoke(app, ["config", "--show", str(menu)])
    assert result.exit_code == 0
    source = str((tmp_path / ".ivrcheck.yaml").resolve())
    assert f"config file: {source}" in result.output
    assert f"fail_on: warning  # {source}" in result.output
    assert f"speaking_rate.en: 170 words_per_minute  # {source}" in result.output
    assert "select: all  # default" in result.output
    assert "S103 dead-end: on, error  # severity: default" in result.output


def test_speaking_rate_changes_seconds_to_human() -> None:
    from tests.conftest import check

    menu = """
        entry: main
        nodes:
          main:
            prompt: Welcome to the bank. To speak to an advisor, press 0.
            options:
              "0": {label: Advisor, goto: advisor}
          advisor: {type: agent}
        """
    slow = check(menu).metrics["seconds_to_human"]
    fast = check(menu, speaking_rate={"en": 300}).metrics["seconds_to_human"]
    assert fast == pytest.approx(slow / 2, abs=0.1)


def test_config_show_names_per_file_ignores_as_their_origin(tmp_path: Path) -> None:
    write(tmp_path / ".ivrcheck.yaml", 'per_file_ignores:\n  "legacy/*.ivr.yaml": [S103]\n')
    legacy = write(tmp_path / "legacy" / "old.ivr.yaml", DEAD_END)
    output = runner.invoke(app, ["config", "--show", str(legacy)]).output
    source = str((tmp_path / ".ivrcheck.yaml").resolve())
    assert f"ignore: ['S103']  # per_file_ignores in {source}" in output
    assert "ignore: []  # default" in output


def test_f_codes_are_accepted_in_ignore_and_severity() -> None:
    config = parse_config({"ignore": ["F014"], "severity": {"F015": "info"}}, ".ivrcheck.yaml", catalog())
    assert config.ignore == ("F014",)
    assert config.severity["F015"] is Severity.INFO


def test_tree_test_thresholds_have_a_name_of_their_own() -> None:
    config = parse_config({"tree_test": {"min_scent": 0.4}}, "x", catalog())
    assert config.tree_test == {"min_scent": 0.4}
    assert config.settings_for("T602", {"min_scent": 0.25, "tie_margin": 0.05}) == {"min_scent": 0.4, "tie_margin": 0.05}


def test_the_old_spelling_of_the_tree_test_thresholds_still_works() -> None:
    old = parse_config({"rules": {"task-astray": {"tie_margin": 0.1}}}, "x", catalog())
    assert old.tree_test == {"tie_margin": 0.1}
    both = parse_config({"rules": {"T602": {"tie_margin": 0.1, "min_scent": 0.3}}, "tree_test": {"min_scent": 0.5}},
                        "x", catalog())
    assert both.tree_test == {"tie_margin": 0.1, "min_scent": 0.5}  # the new name wins where both set one


def test_a_wrong_tree_test_setting_names_the_section() -> None:
    with pytest.raises(ConfigError, match='unknown option "min_sent" for tree_test; did you mean "min_scent"'):
        parse_config({"tree_test": {"min_sent": 0.4}}, "x", catalog())
    with pytest.raises(ConfigError, match="tree_test must be a mapping"):
        parse_config({"tree-test": 0.4}, "x", catalog())


def test_tree_test_moves_the_predictions(tmp_path: Path) -> None:
    """The tasks' predictions (and rule T602) read the thresholds set under `tree_test:`."""
    from ivrcheck import treetest

    menu = write(tmp_path / "m.ivr.yaml", textwrap.dedent("""\
        entry: main
        tasks:
          - {say: I want to pay my bill, expect: billing}
        nodes:
          main:
            prompt: For billing, press 1. For an advisor, press 0.
            on_timeout: repeat
            on_invalid: repeat
            options:
              "1": {label: Billing, goto: billing}
              "0": {label: Advisor, goto: advisor}
          billing: {type: agent}
          advisor: {type: agent}
        """))
    plain = treetest.tree_test(menu, parse_config({}, "x", catalog()))
    strict = treetest.tree_test(menu, parse_config({"tree_test": {"min_scent": 0.99}}, "x", catalog()))
    assert [p.success for p in plain.predictions] == [True]
    assert [p.success for p in strict.predictions] == [False]  # nothing smells strongly enough to tempt


def _load(path: Path):
    from ivrcheck.config.files import load_config

    return load_config(path, catalog())


@pytest.mark.parametrize("data", ["rules: {}\n".encode("utf-16"), "rules: {}\n".encode("utf-16-le")])
def test_a_utf16_config_is_named_as_such(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / ".ivrcheck.yaml"
    path.write_bytes(data)
    with pytest.raises(ConfigError, match="UTF-16, not UTF-8; save the file as UTF-8"):
        _load(path)


def test_a_latin1_config_is_placed_at_its_byte(tmp_path: Path) -> None:
    path = tmp_path / ".ivrcheck.yaml"
    path.write_bytes(b"rules:\n  S101: {}\n# caf\xe9\n")
    with pytest.raises(ConfigError, match=r"\.ivrcheck\.yaml:3:6: the config is not UTF-8 \(byte 0xe9\)"):
        _load(path)


@pytest.mark.parametrize("where", ["folder", "/dev/null"])
def test_a_config_path_that_is_no_file_is_not_called_missing(tmp_path: Path, where: str) -> None:
    path = tmp_path if where == "folder" else Path(where)
    if not path.exists():
        pytest.skip("no /dev/null")
    with pytest.raises(ConfigError, match="not a config file"):
        _load(path)
    with pytest.raises(ConfigError, match="config file not found"):
        _load(tmp_path / "missing.yaml")
