"""Golden files: every format's output for the fixed sample results, byte for byte.

Regenerate after an intended change with `IVRCHECK_UPDATE_GOLDEN=1 python3 -m pytest tests/report`,
then read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ivrcheck.report import FORMATS
from ivrcheck.report.ci import sarif
from ivrcheck.report.summary import markdown_summary
from tests.report.samples import DIAGRAMS, FROZEN_LOAD_CODES, FROZEN_RULES, sample_results

GOLDEN = Path(__file__).with_name("golden")
UPDATE = os.environ.get("IVRCHECK_UPDATE_GOLDEN") == "1"
SUFFIX = {"text": ".txt", "json": ".json", "sarif": ".sarif", "github": ".txt", "junit": ".xml", "gitlab": ".json"}


def compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    assert path.is_file(), f"{path} is missing: run IVRCHECK_UPDATE_GOLDEN=1 python3 -m pytest tests/report"
    assert actual == path.read_bytes().decode("utf-8"), (
        f"{name} differs from its golden file; if the change is intended, regenerate with IVRCHECK_UPDATE_GOLDEN=1")


@pytest.fixture
def frozen_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """SARIF lists every rule: freeze the registry and version so new rules do not churn the file."""
    monkeypatch.setattr(sarif, "ALL_RULES", FROZEN_RULES)
    monkeypatch.setattr(sarif, "LOAD_CODES", FROZEN_LOAD_CODES)
    monkeypatch.setattr(sarif, "__version__", "0.0.0-golden")


def test_every_format_has_a_golden_file() -> None:
    assert set(FORMATS) == set(SUFFIX)


@pytest.mark.parametrize("name", sorted(SUFFIX))
def test_format_matches_golden(name: str, frozen_registry: None, capsys: pytest.CaptureFixture[str]) -> None:
    compare(f"{name}{SUFFIX[name]}", FORMATS[name](sample_results(), False))
    assert capsys.readouterr() == ("", ""), "formatters return text and never print"


def test_summary_matches_golden() -> None:
    compare("summary.md", markdown_summary(sample_results(), diagrams=DIAGRAMS))
