"""The law profiles (issue 25): the example lines in menus/audit/ give exactly the findings their
comments predict, each ending with its clause; profiles combine."""

import re
from pathlib import Path

import pytest

from ivrcheck.config import Resolver, parse_config
from ivrcheck.engine import check_file
from ivrcheck.rules import catalog
from tests.conftest import MENUS, lint

AUDIT = MENUS / "audit"
EXAMPLES = sorted(AUDIT.rglob("*.ivr.yaml"))
#: The lines written in English, where every finding is one the comments predict.
EVERY_FINDING = {"energy-eaa", "benefits-508"}
_PREDICTED = re.compile(r"^#\s+([A-Z]\d{3}) at ", re.MULTILINE)


def _result(path: Path):
    config = Resolver(catalog())(path)
    return check_file(path, config=config, display=str(path.relative_to(MENUS))), config


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_gives_the_findings_its_comments_predict(path: Path) -> None:
    result, config = _result(path)
    assert result.score is not None, [f.text for f in result.findings]
    predicted = sorted(_PREDICTED.findall(path.read_text(encoding="utf-8")))
    law = [f for f in result.findings if f.code in config.clauses]
    assert sorted(f.code for f in law) == predicted
    for finding in law:
        assert finding.message.endswith(f"[{config.clauses[finding.code]}]")
    if path.stem in EVERY_FINDING:
        assert sorted(f.code for f in result.findings) == predicted


def test_the_examples_cover_spain_both_ways_the_eaa_and_508() -> None:
    folders = {p.parent.name for p in EXAMPLES}
    assert folders == {"es", "eu", "us"} and len(EXAMPLES) == 4
    assert not _PREDICTED.findall((AUDIT / "es" / "conforme.ivr.yaml").read_text(encoding="utf-8"))


def test_profiles_combine_and_a_code_in_two_packs_names_both_clauses() -> None:
    config = parse_config({"profile": ["us-508", "gethuman"]}, "<test>", catalog())
    assert config.clauses["R506"] == ("36 CFR 1194.23(c): usable by TTY users; a key for every spoken choice; "
                                      "GetHuman 5: touch-tone fall-back for speech")
    both = parse_config({"profile": ["eu-eaa", "us-508"]}, "<test>", catalog())
    assert set(both.clauses["R509"].split("; ")) == {both.clauses["R509"]}  # only the EAA names R509
    assert both.clauses["R510"].startswith("36 CFR 1194.23(c)")
    spain = parse_config({"profile": ["es-ley-10-2025", "eu-eaa"]}, "<test>", catalog())
    assert {"H210", "H213", "R509", "R506"} <= set(spain.clauses)


def test_the_stricter_grade_holds_when_two_packs_grade_one_code() -> None:
    config = parse_config({"profile": ["gethuman", "us-508"]}, "<test>", catalog())
    assert config.severity["R501"].value == "warning"  # both say warning
    config = parse_config({"profile": ["us-508", "gethuman"]}, "<test>", catalog())
    assert config.severity["R506"].value == "error"


def test_the_finnish_profile_reports_a_charged_contract_call() -> None:
    text = """
    entry: main
    language: fi
    line: {country: FI, consumers: true, tariff: {per_minute: 0.18, basic_rate: 0.0}}
    defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: palvelu}
    nodes:
      main:
        prompt: Sopimuksen irtisanominen, paina 1. Asiakaspalvelu, paina 0.
        options:
          "1": {label: Irtisanominen, goto: palvelu, contract_matter: true}
          "0": {label: Asiakaspalvelu, goto: palvelu}
      palvelu: {type: agent}
    """
    (finding,) = lint(text, select="H213", profile="fi-consumer")
    assert finding.severity.value == "error" and "MAO:301/2025" in finding.message


@pytest.mark.parametrize("name", ["acme-bank", "energia", "clinic-hours", "auto-attendant", "monikielinen"])
def test_the_good_example_lines_declared_for_an_audit_raise_no_finding_of_the_law(name: str) -> None:
    from ivrcheck.engine import check_text

    text = (MENUS / f"{name}.ivr.yaml").read_text(encoding="utf-8")
    audited = re.sub(r"^(entry:.*)$", r"\1\nline: {country: ES, consumers: true, text_alternative: [chat]}",
                     text, count=1, flags=re.MULTILINE)
    assert "line: {country: ES" in audited
    config = parse_config({"profile": ["es-ley-10-2025", "eu-eaa"]}, "<test>", catalog())
    result = check_text(audited, config, f"{name}.ivr.yaml")
    assert result.score is not None
    assert [f.text for f in result.findings if f.clause] == []
