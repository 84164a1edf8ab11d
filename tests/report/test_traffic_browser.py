"""The report's traffic section in real headless Chromium: a reader finds each option's observed share."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.handover.test_html_browser import start  # skips this module too without Chromium
from tests.traffic.conftest import ACME, ACME_SHARES

from selenium.webdriver.common.by import By  # noqa: E402 - after the skip above


@pytest.fixture(scope="module")
def browser():
    driver = start()
    yield driver
    driver.quit()


def test_the_report_shows_the_shares_callers_chose(browser, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ivrcheck import engine
    from ivrcheck.cli import app
    from tests.traffic.simulate import calls
    from tests.traffic.writers import plain_csv

    inspection = engine.inspect_file(ACME)
    generated, truth = calls(inspection.menu, ACME_SHARES, 1500)
    log, page = tmp_path / "calls.csv", tmp_path / "report.html"
    log.write_text(plain_csv(generated), encoding="utf-8")
    result = CliRunner().invoke(app, ["traffic", str(log), "--line", str(ACME), "--report", str(page)])
    assert result.exit_code == 0, result.output
    browser.get(page.as_uri())
    shown = {}
    for row in browser.find_elements(By.CSS_SELECTOR, ".traffic tr.traffic-option[data-menu='main']"):
        shown[row.get_attribute("data-key")] = row.find_element(By.CSS_SELECTOR, "td.share").text
    chosen = truth.keys["main"]
    total = sum(chosen.values())
    assert shown["1"] == f"{chosen['1'] / total:.1%}" and shown["2"] == f"{chosen['2'] / total:.1%}"
    assert browser.find_element(By.CSS_SELECTOR, ".traffic h3").text == "Traffic: what callers did"
    assert browser.execute_script("return window.__violations.length") == 0
