"""Every rule's docstring is a complete page whose examples behave as documented."""


import pytest

from ivrcheck.rules import ALL_RULES
from ivrcheck.rules.docstring import SECTIONS, sections, yaml_example
from scripts.gen_rule_docs import expected
from tests.conftest import check

IDS = [r.CODE for r in ALL_RULES]


@pytest.mark.parametrize("rule", ALL_RULES, ids=IDS)
def test_page_has_every_section(rule) -> None:
    found = sections(rule)
    assert list(found)[: len(SECTIONS)] == list(SECTIONS), rule.CODE
    assert all(found[s] for s in SECTIONS), rule.CODE


@pytest.mark.parametrize("rule", ALL_RULES, ids=IDS)
def test_example_triggers_the_rule(rule) -> None:
    result = check(yaml_example(rule, "Example"))
    assert result.score is not None, [f.text for f in result.findings]
    assert rule.CODE in {f.code for f in result.findings}


@pytest.mark.parametrize("rule", ALL_RULES, ids=IDS)
def test_use_instead_does_not(rule) -> None:
    result = check(yaml_example(rule, "Use instead"))
    assert result.score is not None, [f.text for f in result.findings]
    assert rule.CODE not in {f.code for f in result.findings}


def test_generated_pages_are_up_to_date() -> None:
    stale = [str(p) for p, text in expected().items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    assert not stale, f"run `python scripts/gen_rule_docs.py`: stale {stale}"


def test_format_page_is_up_to_date() -> None:
    from scripts.gen_format_docs import DOC
    from scripts.gen_format_docs import expected as format_page

    assert DOC.read_text(encoding="utf-8") == format_page(), "run `python scripts/gen_format_docs.py`"
