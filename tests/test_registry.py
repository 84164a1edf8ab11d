"""The rule registry matches the SPEC table, and nothing in rules/ is left unregistered."""

import importlib
import pkgutil
import re
from pathlib import Path

from ivrcheck import rules
from ivrcheck.findings import Severity

SPEC = Path(__file__).resolve().parents[2] / "shared" / "SPEC.md"
FAMILIES = {"structure": "S", "human": "H", "labels": "L", "prompts": "P", "robustness": "R"}
NOT_RULES = {"__init__", "base", "pages"}


README = Path(__file__).resolve().parents[1] / "README.md"


def rule_rows(text: str) -> dict[str, tuple[str, str]]:
    """code -> (name, default severity) from a SPEC-style rule table."""
    rows = re.findall(r"^\| ([A-Z]\d{3}) \| ([a-z-]+) \| (\w+)(?:[^|]*)\|", text, re.MULTILINE)
    return {code: (name, severity) for code, name, severity in rows}


def spec_table() -> dict[str, tuple[str, str]]:
    """The SPEC's rule table (when the SPEC is beside the repo), plus the rules the README adds to it."""
    table = rule_rows(SPEC.read_text()) if SPEC.exists() else {}
    return {**table, **rule_rows(README.read_text(encoding="utf-8"))} if table else {}


def test_rules_beyond_the_spec_are_in_the_readme_table() -> None:
    added = rule_rows(README.read_text(encoding="utf-8"))
    assert {"H208", "H209", "L305", "L306", "P407", "R507"} <= set(added)
    assert all(code in {r.CODE for r in rules.ALL_RULES} for code in added)


def test_codes_and_names_are_unique() -> None:
    codes = [r.CODE for r in rules.ALL_RULES]
    names = [r.NAME for r in rules.ALL_RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


def test_every_rule_matches_the_spec_table() -> None:
    table = spec_table()
    for rule in rules.ALL_RULES:
        if table:
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
