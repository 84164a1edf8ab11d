"""The HTML report in real headless Chromium, driven with Selenium: what a reader sees and can do.

A fresh profile, no network; the tests skip (with the reason) only when Chromium or its driver
is not installed. `.ci/run` installs both.
"""

from __future__ import annotations

import shutil
import tempfile
import textwrap
from pathlib import Path
from typing import Iterator

import pytest

from ivrcheck.engine import inspect_file
from ivrcheck.graph.clock import edge_seconds
from ivrcheck.report.handover import html as html_report
from tests.conftest import MENUS

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
if not (CHROMIUM.exists() and DRIVER.exists()):
    pytest.skip(f"browser tests need {CHROMIUM} and {DRIVER} (apt-get install chromium chromium-driver)",
                allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium (pip install -e '.[test]')")
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

INJECTION = Path(__file__).parent.parent / "data" / "injection.ivr.yaml"
ACME, CLINIC = MENUS / "acme-bank.ivr.yaml", MENUS / "clinic-hours.ivr.yaml"
#: Installed before any of the page's own code: records CSP refusals and stands in for speech.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
});
window.__spoken = [];
try {
  Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
    speak: function (u) { window.__spoken.push([u.lang, u.text]); }, cancel: function () {},
    getVoices: function () { return []; }}});
} catch (e) {}
"""


def start(scripts: bool = True):
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                f"--user-data-dir={tempfile.mkdtemp(prefix='ivrcheck-chromium-')}"):
        options.add_argument(arg)
    if not scripts:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
    return driver


@pytest.fixture(autouse=True)
def _needs_dot_for_diagrams(request) -> None:
    if shutil.which("dot") is None and request.node.name.startswith(("test_score", "test_keys", "test_closed")):
        pytest.skip("Graphviz `dot` is not installed, so the report has no diagram to find nodes in")


@pytest.fixture(scope="module")
def browser() -> Iterator:
    driver = start()
    yield driver
    driver.quit()


@pytest.fixture
def show(browser, tmp_path: Path):
    """Write the report of some menus and open it; returns the driver."""
    def load(*paths: Path, text: str | None = None):
        page = tmp_path / "report.html"
        page.write_text(text if text is not None else html_report.format([inspect_file(p) for p in paths]),
                        encoding="utf-8")
        browser.get(page.as_uri())
        return browser
    return load


def phone(driver, index: int = 0):
    return driver.find_element(By.CSS_SELECTOR, f"[data-phone='{index}']")


def dial(driver, *keys: str, state: str | None = None, index: int = 0) -> None:
    box = phone(driver, index)
    if state is not None:
        box.find_element(By.CSS_SELECTOR, f"input[data-state='{state}']").click()
    box.find_element(By.CSS_SELECTOR, "[data-action=call]").click()
    for key in keys:
        selector = "[data-action=silent]" if key == "silent" else f"[data-key='{key}']"
        box.find_element(By.CSS_SELECTOR, selector).click()


def where(driver, index: int = 0) -> tuple[str, float, str]:
    """(node the phone is at, seconds elapsed, node highlighted in the diagram)."""
    box = phone(driver, index)
    node = box.find_element(By.CSS_SELECTOR, ".phone-path li:last-child").get_attribute("data-node")
    seconds = float(box.find_element(By.CSS_SELECTOR, ".phone-elapsed").get_attribute("data-seconds"))
    lit = driver.execute_script(
        "var s = arguments[0].closest('section').querySelectorAll('.ivr-current');"
        "return s.length === 1 ? s[0].getAttribute('data-node') : s.length + ' highlighted';", box)
    return node, seconds, lit


def walk(inspection, state: str, steps: list[tuple[str, str]]) -> float:
    """Seconds of a walk by the Python timing model: (node, key or edge kind) at each step."""
    analysis = inspection.line.states[state]
    total = 0.0
    for node_id, how in steps:
        attrs = next(a for _, a in analysis.out[node_id] if a.get("press") == how or a["kind"] == how)
        total += edge_seconds(analysis.nodes[node_id], attrs, inspection.line.language)
    return total


def test_score_findings_and_diagram_are_in_the_dom(show) -> None:
    path = MENUS / "bad-everything.ivr.yaml"
    result = inspect_file(path).result
    driver = show(path)
    assert driver.find_element(By.CSS_SELECTOR, "[data-score]").text == str(result.score)
    parts = {r.get_attribute("data-part"): r.find_element(By.CSS_SELECTOR, "td").text
             for r in driver.find_elements(By.CSS_SELECTOR, "tr[data-part]")}
    assert parts == {part: f"{points}/25" for part, points in result.breakdown.items()}
    rows = driver.find_elements(By.CSS_SELECTOR, "tr.finding")
    assert [r.get_attribute("data-code") for r in rows] == [f.code for f in result.findings]
    drawn = {g.get_attribute("data-node") for g in driver.find_elements(By.CSS_SELECTOR, "figure.diagram svg .ivr-node")}
    assert drawn >= inspect_file(path).line.open.reachable
    assert driver.find_element(By.CSS_SELECTOR, "figure.diagram svg").is_displayed()


def test_keys_follow_the_menu_and_time_it_like_the_metrics(show) -> None:
    inspection = inspect_file(ACME)
    driver = show(ACME)
    dial(driver, "1", "1")
    node, seconds, lit = where(driver)
    expected = walk(inspection, "open", [("main", "1"), ("cards", "1"), ("card_blocked", "next")])
    assert (node, lit) == ("advisor", "advisor")
    assert seconds == pytest.approx(expected, abs=1e-9)
    assert phone(driver).find_element(By.CSS_SELECTOR, ".phone-elapsed").text == f"{expected:.1f} s"
    assert "A person answers" in phone(driver).find_element(By.CSS_SELECTOR, ".phone-status").text
    dial(driver, "0")  # the fastest way to a person: the metric's own seconds
    assert where(driver)[:2] == ("advisor", pytest.approx(inspection.result.metrics["seconds_to_human"], abs=0.05))


def test_staying_silent_follows_timeouts_then_after_retries(show) -> None:
    inspection = inspect_file(ACME)
    driver = show(ACME)
    dial(driver, "silent", "silent")
    assert where(driver)[0] == "main"
    assert "try 3 of 3" in phone(driver).find_element(By.CSS_SELECTOR, ".phone-status").text
    phone(driver).find_element(By.CSS_SELECTOR, "[data-action=silent]").click()
    node, seconds, lit = where(driver)
    assert (node, lit) == ("advisor", "advisor")
    assert seconds == pytest.approx(inspection.result.metrics["fallback_seconds_to_human"], abs=0.05)


def test_closed_state_routes_to_the_closed_targets(show) -> None:
    inspection = inspect_file(CLINIC)
    driver = show(CLINIC)
    dial(driver, state="closed")
    assert where(driver)[0] == "after_hours"
    figures = {f.get_attribute("data-state"): f.is_displayed()
               for f in driver.find_elements(By.CSS_SELECTOR, "figure.diagram")}
    assert figures == {"open": False, "closed": True}
    phone(driver).find_element(By.CSS_SELECTOR, "[data-key='0']").click()
    node, seconds, lit = where(driver)
    assert (node, lit) == ("nurse", "nurse")
    closed = inspection.result.metrics["by_state"]["closed"]
    assert seconds == pytest.approx(closed["seconds_to_human"], abs=0.05)
    dial(driver, "1", state="open")
    assert where(driver)[:1] == ("appointments",)


def test_a_queue_outside_hours_passes_the_call_to_its_closed_target(show, tmp_path: Path) -> None:
    menu = tmp_path / "desk.ivr.yaml"
    menu.write_text(textwrap.dedent("""\
        name: Desk
        language: en
        entry: main
        hours:
          office: {mon-fri: "09:00-17:00"}
        nodes:
          main:
            prompt: For the desk, press 1. To hear this again, press star.
            on_timeout: repeat
            on_invalid: repeat
            after_retries: desk
            options:
              "1": {label: Desk, goto: desk}
              "*": {label: Repeat, goto: repeat}
          desk: {type: agent, queue: desk, hours: office, closed: voicemail, announces_wait: true}
          voicemail: {type: voicemail, confirmation: sms}
        """))
    driver = show(menu)
    dial(driver, "1", state="closed")
    path = [li.get_attribute("data-node") for li in phone(driver).find_elements(By.CSS_SELECTOR, ".phone-path li")]
    assert path == ["main", "desk", "voicemail"]
    dial(driver, "1", state="open")
    assert where(driver)[0] == "desk"


def test_hostile_menu_text_runs_nothing_and_the_csp_stays_quiet(show) -> None:
    driver = show(INJECTION)
    with pytest.raises(NoAlertPresentException):
        _ = driver.switch_to.alert.text
    assert driver.execute_script("return window.pwned") is None
    for tag in ("img", "iframe", "b"):
        assert driver.find_elements(By.TAG_NAME, tag) == []
    assert len(driver.find_elements(By.TAG_NAME, "script")) == 2
    dial(driver, "1", "#")  # the phone writes the hostile label as text, and `back` returns to the menu
    path = [li.text for li in phone(driver).find_elements(By.CSS_SELECTOR, ".phone-path li")]
    assert "<svg onload=window.pwned=6>" in path[1]
    assert where(driver)[0] == inspect_file(INJECTION).menu.entry.ref
    assert driver.execute_script("return window.pwned") is None
    assert driver.execute_script("return window.__violations") == []
    assert [e for e in driver.get_log("browser") if "Content Security Policy" in e["message"]] == []
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0


def test_a_changed_script_is_refused_by_the_csp(show) -> None:
    """The control for the test above: the CSP watch does see a refusal when there is one."""
    text = html_report.format([inspect_file(ACME)]).replace("(function () {", "(function () { void 0;", 1)
    driver = show(text=text)
    assert any("script-src" in v for v in driver.execute_script("return window.__violations"))
    assert not phone(driver).is_displayed()


def test_prompts_are_spoken_in_the_line_language(show) -> None:
    driver = show(MENUS / "energia.ivr.yaml")
    dial(driver)
    spoken = driver.execute_script("return window.__spoken")
    assert spoken and spoken[0][0] == "fi-FI"
    assert spoken[-1][1] == phone(driver).find_element(By.CSS_SELECTOR, ".phone-heard p:last-child").text


def test_print_layout_puts_each_line_on_its_own_a4_pages(show) -> None:
    driver = show(ACME, CLINIC)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        styles = driver.execute_script(
            "return Array.from(document.querySelectorAll('section.line')).map(s => getComputedStyle(s).breakBefore)"
            ".concat([getComputedStyle(document.querySelector('.phone')).display])")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert styles == ["page", "page", "none"]
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
    assert len(pdf["data"]) > 1000


def test_readable_without_javascript(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(html_report.format([inspect_file(MENUS / "bad-everything.ivr.yaml")]), encoding="utf-8")
    driver = start(scripts=False)
    try:
        driver.get(page.as_uri())
        assert not phone(driver).is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, ".needs-script").is_displayed()
        assert driver.find_elements(By.CSS_SELECTOR, "tr.finding") and driver.find_element(
            By.CSS_SELECTOR, "figure.diagram svg").is_displayed()
    finally:
        driver.quit()
