"""The heat map and the report's traffic section, and the `ivrcheck traffic` command around them."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from typer.testing import CliRunner

from ivrcheck import engine
from ivrcheck.cli import app
from ivrcheck.render import heat
from ivrcheck.render.dot import heat_colour, heat_width
from ivrcheck.report import traffic_html
from ivrcheck.report.handover import html
from tests.traffic.conftest import ACME, ACME_SHARES
from tests.traffic.simulate import calls
from tests.traffic.writers import plain_csv


@pytest.fixture(scope="module")
def acme_log(tmp_path_factory, acme):
    path = tmp_path_factory.mktemp("logs") / "acme.csv"
    path.write_text(plain_csv(calls(acme.menu, ACME_SHARES, 2000)[0]), encoding="utf-8")
    return path


def test_the_heat_map_draws_each_option_by_its_share(acme, acme_log) -> None:
    run = engine.traffic(ACME, [acme_log])
    dot = heat.render(acme.menu, acme.line, acme.result, run.traffic.all, "dot").decode()
    main = run.traffic.all.menus["main"]
    for key in ("1", "2", "3"):
        share = main.option(key).share
        assert f'penwidth={heat_width(share)}, color="{heat_colour(share)}", tooltip="{share:.0%} of callers"' in dot
        assert re.search(r"· *(<br[^>]*>)? *" + f"{share:.0%}", dot)  # the share is written on the option's row too
    assert heat_width(0.5) > heat_width(0.14) and heat_colour(0.5) != heat_colour(0.05)


def test_the_report_section_lists_shares_drift_and_findings(acme, acme_log) -> None:
    run = engine.traffic(ACME, [acme_log])
    extra = traffic_html.section_for({run.inspection.result.path: (run.traffic, run.findings)},
                                     draw=lambda report, seen: b"<svg xmlns='http://www.w3.org/2000/svg'></svg>")
    page = html.format([run.inspection], [run.inspection.result], draw=lambda r, s: b"<svg/>", extra=extra)
    share = run.traffic.all.menus["main"].option("1").share
    assert re.search(r'data-menu="main" data-key="1">.*?<td class="num share">' + re.escape(f"{share:.1%}"), page)
    assert "In the design, taken by nobody" in page and "Findings from traffic (0)" in page


def test_the_command_writes_json_a_diagram_and_a_report(tmp_path, acme_log) -> None:
    out, picture, page = tmp_path / "t.json", tmp_path / "heat.dot", tmp_path / "r.html"
    result = CliRunner().invoke(app, ["traffic", str(acme_log), "--line", str(ACME), "--format", "json",
                                      "-o", str(out), "--diagram", str(picture), "--report", str(page), "--compare"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["states"]["all"]["calls"] == 2000
    assert data["predicted_vs_observed"]["weights"][0]["menu"] == "main"
    assert "penwidth=" in picture.read_text(encoding="utf-8")
    assert 'class="traffic"' in page.read_text(encoding="utf-8")


def test_the_command_explains_an_unknown_log_and_a_missing_line(tmp_path) -> None:
    log = tmp_path / "mystery.txt"
    log.write_text("hello\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["traffic", str(log), "--line", str(ACME)])
    assert result.exit_code == 2 and "cannot tell what log this is" in result.output
    result = CliRunner().invoke(app, ["traffic", str(log), "--line", str(tmp_path / "none.ivr.yaml")])
    assert result.exit_code == 2


@pytest.mark.skipif(shutil.which("dot") is None, reason="the heat map as SVG needs Graphviz `dot`")
def test_the_heat_map_renders_as_svg(acme, acme_log) -> None:
    run = engine.traffic(ACME, [acme_log])
    assert heat.render(acme.menu, acme.line, acme.result, run.traffic.all, "svg").startswith(b"<?xml")


def test_a_folder_of_logs_is_read_and_a_bad_format_is_named(tmp_path, acme_log) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / "a.csv").write_text(acme_log.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / ".hidden").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["traffic", str(folder), "--line", str(ACME), "-f", "json"])
    assert result.exit_code == 0 and json.loads(result.output)["states"]["all"]["calls"] == 2000
    result = CliRunner().invoke(app, ["traffic", str(acme_log), "--line", str(ACME), "--log-format", "cvs"])
    assert result.exit_code == 2 and 'unknown log format "cvs"' in result.output


def test_predicted_against_observed_gives_the_error(acme, acme_log) -> None:
    run = engine.traffic(ACME, [acme_log], compare=True)
    main = next(m for m in run.compare["weights"] if m["menu"] == "main")
    rows = {r["key"]: r for r in main["options"]}
    assert rows["1"]["predicted"] == 0.45 and rows["1"]["observed"] == round(
        run.traffic.all.menus["main"].option("1").share, 4)
    assert main["mean_absolute_error"] == round(
        sum(abs(r["predicted"] - r["observed"]) for r in main["options"]) / len(main["options"]), 4)
    lost_card = next(t for t in run.compare["tasks"] if t["task"] == "I lost my card")
    assert [s["key"] for s in lost_card["steps"]] == ["1", "1"]
    assert abs(lost_card["observed_path_share"]
               - lost_card["steps"][0]["observed_share"] * lost_card["steps"][1]["observed_share"]) < 1e-3
    person = run.compare["seconds_to_person"]["open"]
    assert person["error"] == round(person["observed_median"] - person["predicted_fastest"], 1)


def test_the_help_names_every_log_format() -> None:
    from ivrcheck.traffic import readers

    result = CliRunner().invoke(app, ["traffic", "--help"], env={"COLUMNS": "300"})
    assert all(fmt in result.output for fmt in readers.formats()), result.output
