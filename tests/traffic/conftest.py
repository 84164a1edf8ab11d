"""Shared fixtures: a real line (the bundled Acme Bank menu) and its true shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from ivrcheck import engine

ROOT = Path(__file__).resolve().parents[2]
ACME = ROOT / "menus" / "acme-bank.ivr.yaml"
FIXTURES = ROOT / "tests" / "importers" / "fixtures"

#: The true shares the generated callers follow on Acme Bank.
ACME_SHARES = {
    "main": {"1": 0.5, "2": 0.3, "3": 0.15, "0": 0.05},
    "cards": {"1": 0.6, "2": 0.35, "0": 0.05},
    "payments": {"1": 0.7, "2": 0.3},
    "loans": {"1": 0.55, "2": 0.45},
}


@pytest.fixture(scope="session")
def acme():
    return engine.inspect_file(ACME)


def inspect(relative: str):
    return engine.inspect_file(FIXTURES / relative)
