"""The rule registry matches the SPEC table, and nothing in rules/ is left unregistered."""

import importlib
import pkgutil
import re
from pathlib import Path

from ivrcheck import rules
from ivrcheck.findings import Severity

SPEC = Path(__file__).resolve().parents[2] / "shared" / "SPEC.md"
FAMILIES = {"structure": "S", "human": "H", "labels": "L", "prompts": "P", "robustness": "R", "tasks": "T"}
NOT_RULES = {"__init__", "base", "pages"}


def spec_table() -> dict[str, tuple[str, str]]:
    """code -> (name, default severity) from the SPEC's rule table, when the SPEC is beside the repo."""
    if not SPEC.exists():
        return {}
    rows = re.findall(r"^\| ([A-Z]\d{3}) \| ([a-z-]+) \| (\w+)(?:[^|]*)\|", SPEC.read_text(), re.MULTILINE)
    return {code: (name, severity) for code, name, severity in rows}


def test_codes_and_names_are_unique() -> None:
    codes = [r.CODE for r in rules.ALL_RULES]
    names = [r.NAME for r in rules.ALL_RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


def test_every_rule_matches_the_spec_table() -> None:
    table = spec_table()
    for rule in rules.ALL_RULES:
        if table and rule.CODE in table:  # newer codes (S110, R507, T6xx) are listed in docs/rules/
            assert table[rule.CODE] == (rule.NAME, rule.SEVERITY.value), rule.CODE
        assert isinstance(rule.SEVERITY, Severity)


def test_module_name_is_the_rule_name_in_its_family_folder() -> None:
    for rule in rules.ALL_RULES:
        family, module = rule.__name__.split(".")[-2:]
        assert module == rule.NAME.replace("-", "_")
        assert rule.CODE.startswith(FAMILIES[family])


def test_no_rule_module_is_left_unregistered() -> None:
    registered = {r.__name__ for r in rules.ALL_RULES}
    for family in FAMILIES:
        package = importlib.import_module(f"ivrcheck.rules.{family}")
        for info in pkgutil.iter_modules(package.__path__):
            if info.name not in NOT_RULES:
                assert f"ivrcheck.rules.{family}.{info.name}" in registered, info.name


def test_settings_defaults_are_plain_values() -> None:
    for rule in rules.ALL_RULES:
        for key, value in rule.SETTINGS.items():
            assert re.fullmatch(r"[a-z_]+", key), (rule.CODE, key)
            assert isinstance(value, (int, float, str, bool, list)), (rule.CODE, key)
