"""`ivrcheck traffic`: what callers really did, read from call logs and laid on the line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ivrcheck.cli import checking
from ivrcheck.cli.options import (INPUT, OUTPUT, ConfigOpt, EntryOpt, FromOpt, Inputs, OutputOpt, Selection,
                                  TrafficFormatOpt, listed)
from ivrcheck.cli.process import emit, fail, refused

if TYPE_CHECKING:
    from ivrcheck.engine import TrafficRun

LogsArg = Annotated[list[Path], typer.Argument(
    metavar="LOG...", show_default=False,
    help="Call logs: Connect contact records or flow logs, Genesys conversation details, Asterisk CEL, "
         "cdr_csv or queue_log, FreeSWITCH CDR, Studio execution steps, or the plain CSV (docs/traffic.md).")]
LineOpt = Annotated[Path, typer.Option("--line", "-l", metavar="FILE", rich_help_panel=INPUT, show_default=False,
                                       help="The phone line the calls went through (a menu file or an export).")]
LogFormatOpt = Annotated[Optional[str], typer.Option(
    "--log-format", metavar="FORMAT", rich_help_panel=INPUT,
    help="The logs' format when it cannot be told from their content: {log_formats}.")]
WeightsOpt = Annotated[bool, typer.Option(
    "--write-weights", rich_help_panel=OUTPUT,
    help="Write the observed shares into the line's YAML as `weight:`, keeping comments and order.")]
CompareOpt = Annotated[bool, typer.Option(
    "--compare", rich_help_panel=OUTPUT,
    help="Set the predictions (weights, tree test, seconds to a person) against what callers did.")]
DiagramOpt = Annotated[Optional[Path], typer.Option(
    "--diagram", metavar="FILE", rich_help_panel=OUTPUT,
    help="Also draw the line as a heat map of the shares ({heat_files}).")]
ReportOpt = Annotated[Optional[Path], typer.Option(
    "--report", metavar="FILE", rich_help_panel=OUTPUT,
    help="Also write the hand-over HTML report of the line with its traffic section.")]


def traffic_command(
    logs: LogsArg,
    *,
    line: LineOpt,
    log_format: LogFormatOpt = None,
    format: TrafficFormatOpt = "text",
    write_weights: WeightsOpt = False,
    compare: CompareOpt = False,
    diagram: DiagramOpt = None,
    report_file: ReportOpt = None,
    config: ConfigOpt = None,
    output: OutputOpt = None,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
) -> None:
    """Read what callers really did from call logs: shares, lost callers and drift per menu; exit 1 on findings."""
    from ivrcheck import engine
    from ivrcheck.report import traffic as report
    from ivrcheck.traffic import UnknownLog, log_files

    if format not in report.FORMATS:
        raise fail(f'unknown format "{format}"; choose {listed("traffic_formats")}')
    resolve = checking.resolver(Selection(config), Inputs(source_format=source_format, entry=entry))
    [line_path, *_] = checking.existing([str(line)])
    checking.existing([str(p) for p in logs])
    checking.not_over_inputs([line_path, *log_files(logs), config], output, diagram, report_file)
    with refused(UnknownLog):
        run = engine.traffic(line_path, logs, resolve(line_path), log_format, compare=compare)
    if run.traffic is None:
        from ivrcheck.report import text

        emit(text.format([run.inspection.result]), output)
        raise typer.Exit(1)
    emit(report.FORMATS[format](run.traffic, run.findings, run.compare), output)
    _extras(run, line_path, diagram, report_file, write_weights)
    if run.findings:
        raise typer.Exit(1)


def _extras(run: TrafficRun, line_path: Path, diagram: Optional[Path], report_file: Optional[Path],
            write_weights: bool) -> None:
    """What was asked for besides the report: the heat map, the hand-over report, the weights written back."""
    if diagram is not None:
        from ivrcheck.render import RenderError, heat

        found = run.inspection
        with refused(RenderError):
            emit(heat.for_file(found.menu, found.line, found.result, run.traffic.all, diagram), diagram)
    if report_file is not None:
        from ivrcheck.report import traffic_html
        from ivrcheck.report.handover import html

        extra = traffic_html.section_for({run.inspection.result.path: (run.traffic, run.findings)})
        emit(html.format([run.inspection], [run.inspection.result], extra=extra), report_file)
    if write_weights:
        from ivrcheck.traffic import weights

        with refused(weights.NotMenuYaml):
            changed = weights.write(line_path, run.inspection.menu, run.traffic)
        typer.echo(f"wrote {changed} weight{'' if changed == 1 else 's'} to {line_path}", err=True)

