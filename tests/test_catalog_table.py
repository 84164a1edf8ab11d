"""The stored catalog (ivrcheck/config/catalog.json) is the rules' own: a run whose results are all
kept validates its config against the table and never imports the rules."""

from __future__ import annotations

from importlib import resources

from ivrcheck import rules, workspace
from ivrcheck.config import catalog


def test_the_stored_table_is_the_rules_catalog() -> None:
    kept = catalog.stored()
    assert kept is not None, "ivrcheck/config/catalog.json is missing: python scripts/gen_catalog.py"
    assert kept == rules.catalog(), "the rules changed: python scripts/gen_catalog.py"
    written = (resources.files("ivrcheck.config") / catalog.FILE).read_text(encoding="utf-8")
    assert written == catalog.table_text(rules.catalog())  # as the script writes it, so it stays unchanged


def test_without_the_table_the_rules_are_asked(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(workspace, "stored_catalog", lambda: None)
    assert workspace.codes_and_settings() == rules.catalog()


def test_a_table_that_cannot_be_read_is_no_table(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / catalog.FILE).write_text('[["S101", "undefined-target"]]', encoding="utf-8")
    monkeypatch.setattr(catalog.resources, "files", lambda package: tmp_path)
    assert catalog.stored() is None
