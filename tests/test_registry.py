"""The rule registry matches the specification's rule table, and nothing in rules/ is left unregistered."""

import importlib
import pkgutil
import re
from pathlib import Path

from ivrcheck import rules
from ivrcheck.findings import Severity

TABLE = Path(__file__).resolve().parent / "data" / "rule_table.md"
NOT_RULES = {"__init__", "base", "pages", "evidence"}


def spec_table() -> dict[str, tuple[str, str]]:
    """code -> (name, default severity), from the copy of the specification's table in tests/data."""
    rows = re.findall(r"^\| ([A-Z]\d{3}) \| ([a-z-]+) \| (\w+) \|", TABLE.read_text(encoding="utf-8"), re.MULTILINE)
    return {code: (name, severity) for code, name, severity in rows}


def test_the_table_is_there_and_lists_rules() -> None:
    assert len(spec_table()) >= 30


def test_codes_and_names_are_unique() -> None:
    codes = [r.CODE for r in rules.ALL_RULES]
    names = [r.NAME for r in rules.ALL_RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


def test_every_rule_matches_the_spec_table() -> None:
    table = spec_table()
    for rule in rules.ALL_RULES:
        assert table.get(rule.CODE) == (rule.NAME, rule.SEVERITY.value), rule.CODE
        assert isinstance(rule.SEVERITY, Severity)


def test_every_row_of_the_table_is_a_registered_rule() -> None:
    assert set(spec_table()) <= set(rules.BY_CODE)


def test_module_name_is_the_rule_name_in_its_family_folder() -> None:
    for rule in rules.ALL_RULES:
        family, module = rule.__name__.split(".")[-2:]
        assert family == rules.family(rule)
        assert module == rule.NAME.replace("-", "_")
        assert rule.CODE.startswith(rules.FAMILIES[family])


def test_every_rule_declares_its_score_part() -> None:
    for rule in rules.ALL_RULES:
        assert rule.PART in rules.PARTS, rule.CODE


def test_no_rule_module_is_left_unregistered() -> None:
    registered = {r.__name__ for r in rules.ALL_RULES}
    for family in rules.FAMILIES:
        package = importlib.import_module(f"ivrcheck.rules.{family}")
        for info in pkgutil.iter_modules(package.__path__):
            if info.name not in NOT_RULES:
                assert f"ivrcheck.rules.{family}.{info.name}" in registered, info.name


def test_settings_defaults_are_plain_values() -> None:
    for rule in rules.ALL_RULES:
        for key, value in rule.SETTINGS.items():
            assert re.fullmatch(r"[a-z_]+", key), (rule.CODE, key)
            assert isinstance(value, (int, float, str, bool, list)), (rule.CODE, key)
