"""The command line: parses options, calls the engine, picks a formatter, sets the exit code."""

from __future__ import annotations

import gc
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Callable, Iterator, Optional

import typer
from typer.core import TyperArgument, TyperOption

from ivrcheck import __version__
from ivrcheck.findings import FileResult

# Typer prints an argument's Python type in --help (`<list[str]>`): jargon to a designer, and
# each argument's help already says what it takes.
# Flags show `<bool>` the same way. Every option that takes a value declares a metavar instead.
TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
TyperOption.display_type_rich = lambda self, ctx: self.metavar  # type: ignore[method-assign]
try:  # typer < 0.29 reads an argument's type column from its parameter type instead
    from typer._click.types import ParamType as _ParamType
except ImportError:  # pragma: no cover - typer with click outside, or a layout we do not know
    _ParamType = None
if _ParamType is not None:
    _plain_metavar = _ParamType.get_metavar

    def _argument_metavar(self, param, ctx):  # type: ignore[no-untyped-def]
        found = _plain_metavar(self, param, ctx)
        return "" if found is None and isinstance(param, TyperArgument) else found

    _ParamType.get_metavar = _argument_metavar  # type: ignore[method-assign]

app = typer.Typer(
    name="ivrcheck",
    help="Validate phone menus (IVRs) before callers meet them.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

INPUT, SELECTION, OUTPUT = "What to check", "Which rules", "Output"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ivrcheck {__version__}")
        raise typer.Exit()


def fail(message: str) -> typer.Exit:
    """A tool error: one readable line on stderr and exit 2."""
    typer.echo(f"ivrcheck: error: {message}", err=True)
    return typer.Exit(2)


PathsArg = Annotated[list[str], typer.Argument(
    metavar="PATH...", show_default=False,
    help="Menu files or folders to search for them; - reads one menu from standard input.")]
FileArg = Annotated[Path, typer.Argument(metavar="FILE", show_default=False, help="A menu file.")]
FormatOpt = Annotated[Optional[str], typer.Option(
    "--format", "-f", metavar="FORMAT", rich_help_panel=OUTPUT,
    help="text, json, sarif, github, junit or gitlab (default: text; github inside GitHub Actions).")]
FailOnOpt = Annotated[Optional[str], typer.Option(
    "--fail-on", metavar="LEVEL", rich_help_panel=OUTPUT,
    help="Lowest severity that makes the exit code 1: error, warning, info or never (default: error).")]
ConfigOpt = Annotated[Optional[Path], typer.Option(
    "--config", "-c", metavar="FILE", rich_help_panel=SELECTION,
    help="Config file (.ivrcheck.yaml or pyproject.toml); by default the closest one above each path.")]
SelectOpt = Annotated[Optional[list[str]], typer.Option(
    "--select", metavar="CODES", rich_help_panel=SELECTION,
    help="Run only rules whose code starts with one of these (S, H2, R504; repeat or separate with commas).")]
IgnoreOpt = Annotated[Optional[list[str]], typer.Option(
    "--ignore", metavar="CODES", rich_help_panel=SELECTION,
    help="Skip rules whose code starts with one of these (repeat or separate with commas).")]
OutputOpt = Annotated[Optional[Path], typer.Option(
    "--output", "-o", metavar="FILE", rich_help_panel=OUTPUT,
    help="Write to this file instead of standard output (- is standard output).")]
FromOpt = Annotated[Optional[str], typer.Option(
    "--from", metavar="FORMAT", rich_help_panel=INPUT,
    help="The files' format when it cannot be told from their content (ivr, or a platform: see `ivrcheck import --help`).")]
EntryOpt = Annotated[Optional[str], typer.Option(
    "--entry", metavar="NAME", rich_help_panel=INPUT,
    help="Where calls start, when the file does not say (an Asterisk context, a FreeSWITCH menu).")]
StdinNameOpt = Annotated[Optional[str], typer.Option(
    "--stdin-filename", metavar="NAME", rich_help_panel=INPUT,
    help="The file name to show for a menu read from standard input (-).")]
TextOrJsonOpt = Annotated[str, typer.Option(
    "--format", "-f", metavar="FORMAT", rich_help_panel=OUTPUT, show_default=False,
    help="text or json (default: text).")]
DebugOpt = Annotated[bool, typer.Option(
    "--debug", rich_help_panel=OUTPUT,
    help="When ivrcheck itself fails on a file (exit 3), print the traceback on stderr (as IVRCHECK_DEBUG=1 does).")]
JobsOpt = Annotated[int, typer.Option(
    "--jobs", "-j", metavar="N", rich_help_panel=INPUT, show_default=False,
    help="Files checked at once; 0 means one per CPU core (default: 1).")]


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    """Validate phone menus (IVRs) before callers meet them."""


@app.command()
def check(
    paths: PathsArg,
    *,
    format: FormatOpt = None,
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    output: OutputOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", rich_help_panel=OUTPUT,
                                        help="Print only the findings: no summary, nothing when all is well.")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", rich_help_panel=OUTPUT,
                                             help="Print how many findings each code has, instead of the findings.")] = False,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
    stdin_filename: StdinNameOpt = None,
    jobs: JobsOpt = 1,
    fix: Annotated[bool, typer.Option("--fix", rich_help_panel=INPUT,
                                      help="Apply the safe fixes to the files first, then report what is left.")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", rich_help_panel=INPUT,
                                               help="With --fix, apply the fixes that need a person's eye too "
                                                    "(deleting an unreachable node).")] = False,
    strict_waivers: Annotated[bool, typer.Option(
        "--strict-waivers", help="Refuse waiver comments that give no `reason:` (F023, an error).")] = False,
    debug: DebugOpt = False,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", envvar="IVRCHECK_NO_CACHE", rich_help_panel=INPUT, show_envvar=False,
        help="Check every line again instead of reusing the results of unchanged ones (docs/cache.md).")] = False,
    cache_dir: Annotated[Optional[Path], typer.Option(
        "--cache-dir", metavar="DIR", envvar="IVRCHECK_CACHE_DIR", rich_help_panel=INPUT, show_default=False,
        show_envvar=False, help="Where results are kept between runs (default: .ivrcheck_cache beside the config file).")] = None,
) -> None:
    """Check menu files and report findings; exit 1 when any reaches --fail-on, 3 when ivrcheck itself fails."""
    from ivrcheck import report

    _debug(debug)
    fmt = format or report.default_format()
    if fmt not in report.FORMATS:
        raise fail(f'unknown format "{fmt}"; choose one of {", ".join(sorted(report.FORMATS))}')
    if jobs < 0:
        raise fail(f"--jobs is {jobs}; use 0 (one per CPU core) or more")
    if fix or unsafe_fixes:
        _fix(paths, _resolver(config, select, ignore, fail_on, source_format, entry, strict_waivers or None),
             unsafe_fixes)
    run = _run(paths, config, select, ignore, fail_on, source_format, entry, stdin_filename, jobs,
               keep=bool(os.environ.get("GITHUB_STEP_SUMMARY")), strict_waivers=strict_waivers or None,
               cache=None if no_cache else _cache(cache_dir))
    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    if statistics:
        text = report.statistics(run.results)
    else:
        text = report.FORMATS[fmt](run.results, color)
        if quiet and fmt == "text":
            text = report.quiet_text(run.results, color)
    _emit(text, output)
    _step_summary(run)
    _finish(run.results, run.fails)


@app.command()
def score(
    paths: PathsArg,
    *,
    format: TextOrJsonOpt = "text",
    config: ConfigOpt = None,
    output: OutputOpt = None,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
    stdin_filename: StdinNameOpt = None,
    explain: Annotated[bool, typer.Option("--explain", rich_help_panel=OUTPUT,
                                          help="Show each part's measures, the findings that moved them "
                                               "and any cap.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Print the clarity score of menu files and its four-part breakdown; exit 1 when one cannot be scored."""
    from ivrcheck.report import clarity

    _debug(debug)
    if format not in clarity.FORMATS:
        raise fail(f'unknown format "{format}"; choose text or json')
    run = _run(paths, config, None, None, "never", source_format, entry, stdin_filename, 1)
    _emit(clarity.FORMATS[format](run.results, explain=explain), output)
    _finish(run.results, any(result.score is None for result in run.results))


@app.command()
def tasks(
    paths: PathsArg,
    *,
    format: TextOrJsonOpt = "text",
    config: ConfigOpt = None,
    output: OutputOpt = None,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Predict each task's path for a first-time caller (an offline tree test); exit 1 when a file cannot be loaded."""
    from ivrcheck import discover, engine
    from ivrcheck.report import tasks as report

    if format not in report.FORMATS:
        raise fail(f'unknown format "{format}"; choose text or json')
    _debug(debug)
    resolve = _resolver(config, None, None, None, source_format, entry)
    tests = [engine.tree_test(path, resolve(path)) for path in discover.expand(_existing(paths), _notice)]
    _emit(report.FORMATS[format](tests), output)
    _finish([test.result for test in tests], any(test.predictions is None for test in tests))


@app.command("traffic")
def traffic_command(
    logs: Annotated[list[Path], typer.Argument(
        metavar="LOG...", show_default=False,
        help="Call logs: Connect contact records or flow logs, Genesys conversation details, Asterisk CEL, "
             "cdr_csv or queue_log, FreeSWITCH CDR, Studio execution steps, or the plain CSV (docs/traffic.md).")],
    *,
    line: Annotated[Path, typer.Option("--line", "-l", metavar="FILE", rich_help_panel=INPUT, show_default=False,
                                       help="The phone line the calls went through (a menu file or an export).")],
    log_format: Annotated[Optional[str], typer.Option(
        "--log-format", metavar="FORMAT", rich_help_panel=INPUT,
        help="The logs' format when it cannot be told from their content: csv, connect-flow-log, connect-ctr, "
             "genesys, studio, freeswitch, asterisk-cel, asterisk-cdr, asterisk-queue-log or aggregate.")] = None,
    format: TextOrJsonOpt = "text",
    write_weights: Annotated[bool, typer.Option(
        "--write-weights", rich_help_panel=OUTPUT,
        help="Write the observed shares into the line's YAML as `weight:`, keeping comments and order.")] = False,
    compare: Annotated[bool, typer.Option(
        "--compare", rich_help_panel=OUTPUT,
        help="Set the predictions (weights, tree test, seconds to a person) against what callers did.")] = False,
    diagram: Annotated[Optional[Path], typer.Option(
        "--diagram", metavar="FILE", rich_help_panel=OUTPUT,
        help="Also draw the line as a heat map of the shares (.svg, .png, .pdf or .dot).")] = None,
    report_file: Annotated[Optional[Path], typer.Option(
        "--report", metavar="FILE", rich_help_panel=OUTPUT,
        help="Also write the hand-over HTML report of the line with its traffic section.")] = None,
    config: ConfigOpt = None,
    output: OutputOpt = None,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
) -> None:
    """Read what callers really did from call logs: shares, lost callers and drift per menu; exit 1 on findings."""
    from ivrcheck import engine
    from ivrcheck import traffic as traffic_step
    from ivrcheck.report import traffic as report

    if format not in report.FORMATS:
        raise fail(f'unknown format "{format}"; choose text or json')
    resolve = _resolver(config, None, None, None, source_format, entry)
    [line_path, *_] = _existing([str(line)])
    _existing([str(p) for p in logs])
    try:
        run = engine.traffic(line_path, logs, resolve(line_path), log_format, compare=compare)
    except traffic_step.UnknownLog as error:
        raise fail(str(error)) from None
    if run.traffic is None:
        _emit(_text_result(run.inspection.result), output)
        raise typer.Exit(1)
    _emit(report.FORMATS[format](run.traffic, run.findings, run.compare), output)
    if diagram is not None:
        _heat_map(run, diagram)
    if report_file is not None:
        from ivrcheck.report import traffic_html
        from ivrcheck.report.handover import html

        extra = traffic_html.section_for({run.inspection.result.path: (run.traffic, run.findings)})
        _emit(html.format([run.inspection], [run.inspection.result], extra=extra), report_file)
    if write_weights:
        from ivrcheck.traffic import weights

        try:
            changed = weights.write(line_path, run.inspection.menu, run.traffic)
        except weights.NotMenuYaml as error:
            raise fail(str(error)) from None
        typer.echo(f"wrote {changed} weight{'' if changed == 1 else 's'} to {line_path}", err=True)
    if run.findings:
        raise typer.Exit(1)


def _heat_map(run, diagram: Path) -> None:
    from ivrcheck.render import RenderError, format_for, heat

    try:
        fmt = format_for(str(diagram))
        if fmt not in ("svg", "png", "pdf", "dot"):
            raise RenderError(f'a heat map is drawn as .svg, .png, .pdf or .dot, not "{diagram.name}"')
        _emit(heat.render(run.inspection.menu, run.inspection.line, run.inspection.result, run.traffic.all, fmt),
              diagram)
    except RenderError as error:
        raise fail(str(error)) from None


def _text_result(result: FileResult) -> str:
    from ivrcheck.report import text

    return text.format([result])


@app.command()
def diff(
    paths: Annotated[Optional[list[str]], typer.Argument(
        metavar="OLD NEW | PATH...", show_default=False,
        help="Two menu files (old, new); with --git, the working-tree files to compare (default: all changed).")] = None,
    *,
    git: Annotated[Optional[str], typer.Option("--git", metavar="REV", rich_help_panel=INPUT,
                                               help="Compare the working tree with this revision (git show REV:path).")] = None,
    format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", rich_help_panel=OUTPUT,
                                        show_default=False,
                                        help="text, json or markdown (default: text).")] = "text",
    fail_on_regression: Annotated[bool, typer.Option("--fail-on-regression", rich_help_panel=OUTPUT,
                                                     help="Exit 1 when the score falls or a person gets further away.")] = False,
    config: ConfigOpt = None,
    output: OutputOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Show what a change does to callers: options, nodes, metrics, score, findings new and fixed."""
    from ivrcheck import discover, engine
    from ivrcheck.callers.git import GitError, changed
    from ivrcheck.report import diff as report

    _debug(debug)
    if format not in report.FORMATS:
        raise fail(f'unknown format "{format}"; choose text, json or markdown')
    resolve = _resolver(config, None, None, None, None, None)
    try:
        if git is None:
            if len(paths or []) != 2:
                raise fail("give two menu files (OLD NEW), or --git REV [PATH...]")
            old, new = _existing(paths or [])
            diffs = [engine.diff_files(old, new, resolve(new))]
        else:
            files = discover.expand(_existing(paths), _notice) if paths else [
                p for p in changed(git, Path.cwd()) if p.is_file() and discover.is_menu_file(p)]
            diffs = [engine.diff_git(git, path, resolve(path)) for path in files]
    except GitError as exc:
        raise fail(str(exc)) from None
    _emit(report.FORMATS[format](diffs), output)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        try:
            with open(summary, "a", encoding="utf-8") as out:
                out.write(report.markdown(diffs))
        except OSError as exc:
            typer.echo(f"ivrcheck: warning: cannot write the job summary {summary}: {exc.strerror}", err=True)
    _finish([FileResult(d.path, tuple(d.new_findings)) for d in diffs],
            fail_on_regression and any(d.regressions for d in diffs))


@app.command()
def render(
    file: FileArg,
    *,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", rich_help_panel=OUTPUT,
                                         help="Where to write: .svg .png .pdf .dot .mmd or .md.")],
    format: Annotated[Optional[str], typer.Option("--format", "-f", metavar="FORMAT", rich_help_panel=OUTPUT,
                                                  help="svg, png, pdf, dot, mmd or md (default: from the -o name).")] = None,
    state: Annotated[str, typer.Option("--state", metavar="STATE", show_default=False,
                                       help="The schedule state to draw: open or closed (default: open).")] = "open",
    root: Annotated[Optional[str], typer.Option("--root", metavar="NODE",
                                                help="Draw from this node instead of the entry.")] = None,
    depth: Annotated[Optional[int], typer.Option("--depth", metavar="N",
                                                 help="Draw at most this many arrows below the root.")] = None,
    to: Annotated[Optional[str], typer.Option("--to", metavar="NODE",
                                              help="Draw only the paths that reach this node.")] = None,
    fold: Annotated[str, typer.Option("--fold", metavar="N", show_default=False,
                                      help="Fold everything more than N arrows below the root into boxes with "
                                           "counts; auto (default) folds only what does not fit an A3 page; "
                                           "none draws all.")] = "auto",
    pages: Annotated[bool, typer.Option("--pages", help="PDF only: an overview page, then a page per "
                                                         "top-level option (needs the pypdf package).")] = False,
    direction: Annotated[str, typer.Option("--direction", metavar="DIR", show_default=False,
                                           help="TB (top-down, default) or LR (left to right).")] = "TB",
    edges: Annotated[str, typer.Option("--edges", metavar="WHICH", show_default=False,
                                       help="auto (default): routes most menus share are said once in the legend; "
                                            "all: draw an arrow for every route.")] = "auto",
    link_base: Annotated[Optional[str], typer.Option(
        "--link-base", metavar="URL",
        help="Link each node in an SVG to its line: the file's URL, or a folder URL ending in / "
             "(https://github.com/OWNER/REPO/blob/main/).")] = None,
    config: ConfigOpt = None,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Draw a menu as a diagram: a box per menu with a row per option, findings marked, the fastest path to a
    person in bold."""
    from ivrcheck import engine
    from ivrcheck.numbers import number_or_none
    from ivrcheck.render import Options, RenderError, format_for
    from ivrcheck.render import render as draw
    from ivrcheck.report.text import format as text

    _debug(debug)
    if depth is not None and depth < 0:
        raise fail(f"--depth is {depth}; use 0 or more")
    if state not in ("open", "closed"):
        raise fail(f'--state is "{state}"; choose open or closed')
    if direction.upper() not in ("TB", "LR"):
        raise fail(f'--direction is "{direction}"; choose TB or LR')
    if edges not in ("auto", "all"):
        raise fail(f'--edges is "{edges}"; choose auto or all')
    fold_depth = {"auto": None, "none": -1}.get(fold)
    if fold_depth is None and fold != "auto":
        fold_depth = number_or_none(fold, whole=True, low=1, high=1000)  # type: ignore[assignment]
        if fold_depth is None:
            raise fail(f'--fold is "{fold[:40]}"; use a depth from 1 to 1000, auto or none')
    options = Options(state=state, root=root, depth=depth, to=to, fold=fold_depth, direction=direction.upper(),
                      edges=edges, link_base=link_base, pages=pages)
    (path,) = _existing([str(file)])
    try:
        fmt = format_for(output.name, format)
        inspection = engine.inspect_file(path, _resolver(config, None, None, None, source_format, entry)(path))
        if inspection.menu is None or inspection.line is None:
            typer.echo(text([inspection.result]), nl=False)
            _finish([inspection.result], True)
        data = draw(inspection.menu, inspection.line, inspection.result, fmt, options)
    except RenderError as exc:
        raise fail(str(exc)) from None
    _emit(data, output)
    if str(output) != "-":
        typer.echo(f"wrote {output} ({fmt}, {len(data):,} bytes)")


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(metavar="FILE", show_default=False,
                                         help="A platform export: Genesys Archy YAML, Amazon Connect or Twilio Studio JSON.")],
    *,
    output: OutputOpt = None,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
) -> None:
    """Convert a platform's flow export into ivrcheck's menu YAML (exit 1 when it cannot be read)."""
    from ivrcheck import importers, reading
    from ivrcheck.report import quiet_text
    from ivrcheck.report.menu_yaml import imported

    _known_format(source_format)
    (path,) = _existing([str(file)])
    loaded = reading.read_file(path, str(file), source_format=source_format, entry=entry)
    module = importers.BY_NAME.get(source_format or "") or (
        importers.detect(loaded.text, str(file)) if loaded.text is not None else None)
    if module is None and source_format != importers.NATIVE and loaded.text is not None:
        raise fail(f"{file}: cannot tell which platform this export is from; pass --from "
                   f"({', '.join(n for n in importers.names() if n != importers.NATIVE)})")
    typer.echo(quiet_text([FileResult.failed(str(file), loaded.findings)]), nl=False, err=True)
    if loaded.menu is None:
        raise typer.Exit(1)
    _emit(imported(loaded.menu, loaded.findings, module.TITLE if module else "ivrcheck YAML", str(file)), output)
    if output is not None and str(output) != "-":
        typer.echo(f"wrote {output} ({len(loaded.menu.nodes)} nodes)", err=True)


@app.command("report")
def report_command(
    paths: PathsArg,
    *,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE", rich_help_panel=OUTPUT,
        help="Where to write: report.html or report.md (- is standard output).")] = None,
    format: Annotated[Optional[str], typer.Option(
        "--format", "-f", metavar="FORMAT", rich_help_panel=OUTPUT,
        help="html or md (default: from the -o name; html on standard output).")] = None,
    config: ConfigOpt = None,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
    stdin_filename: StdinNameOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Write a hand-over report: scores, findings, diagrams and a phone to try each menu on (HTML or Markdown)."""
    from ivrcheck.report import handover

    _debug(debug)
    fmt = handover.format_for(str(output) if output is not None else "-", format)
    if fmt is None and format is not None:
        raise fail(f'unknown report format "{format}"; choose html or md')
    if fmt is None:
        raise fail(f'cannot tell the report format of "{output}"; name it .html or .md, or use --format html|md')
    if fmt == "md":
        from ivrcheck.report.handover import markdown as writer
    else:
        from ivrcheck.report.handover import html as writer
    from ivrcheck.report.audit import today

    try:
        today()  # a broken SOURCE_DATE_EPOCH is a usage error, before any work
    except ValueError as exc:
        raise fail(str(exc)) from None
    run = _run(paths, config, None, None, "never", source_format, entry, stdin_filename, 1, keep=True)
    _emit(writer.format(run.inspections.values(), run.results), output)
    if output is not None and str(output) != "-":
        typer.echo(f"wrote {output} ({fmt}, {len(run.inspections)} phone line{'' if len(run.inspections) == 1 else 's'})")
    _finish(run.results, any(result.score is None for result in run.results))


@app.command()
def rule(code: Annotated[Optional[str], typer.Argument(
        metavar="CODE", help="A rule or load-problem code or name (S103, dead-end, F013); all when left out.")] = None,
) -> None:
    """Explain a rule or load problem (or list them all)."""
    from ivrcheck.report import rule_pages as pages

    if code is None:
        typer.echo(pages.listing())
        return
    page = pages.explain(code)
    if page is None:
        raise fail(f'no rule "{code}"; {pages.did_you_mean(code)}')
    typer.echo(page)


@app.command()
def schema(output: OutputOpt = None) -> None:
    """Print the JSON Schema (draft-07) of the menu format, for editors and other tools."""
    import json

    from ivrcheck.load.json_schema import menu_schema

    _emit(json.dumps(menu_schema(), indent=2, ensure_ascii=False) + "\n", output)


@app.command()
def server() -> None:
    """Run the language server over standard input and output (for editors: docs/editors.md)."""
    try:
        from ivrcheck.lsp.server import serve
    except ImportError as exc:
        raise fail(f'the language server needs pip install "ivrcheck[lsp]" ({exc.name} is missing)') from None
    serve()


@app.command()
def mcp() -> None:
    """Run the MCP server over standard input and output (for AI assistants: docs/editors.md)."""
    try:
        from ivrcheck.mcp.server import serve
    except ImportError as exc:
        raise fail(f'the MCP server needs pip install "ivrcheck[mcp]" ({exc.name} is missing)') from None
    serve()


@app.command("config")
def config_command(
    path: Annotated[Path, typer.Argument(metavar="PATH", show_default=False,
                                         help="Show the settings that apply to this file or folder (default: here).")] = Path("."),
    *,
    show: Annotated[bool, typer.Option("--show", show_default=False,
                                       help="Print the resolved settings and where each came from.")] = True,
    config: ConfigOpt = None,
) -> None:
    """Print the settings that apply to PATH, each with where it came from."""
    from ivrcheck.report.settings import describe

    (found,) = _existing([str(path)])
    typer.echo(describe(_resolver(config, None, None, None, None, None)(found)))


def _cache(folder: Optional[Path]):
    from ivrcheck.cache import LineCache  # hashing and pickling are loaded only when the cache is on

    return LineCache(folder)


def _run(paths: list[str], config: Optional[Path], select, ignore, fail_on, source_format, entry,
         stdin_filename: Optional[str], jobs: int, keep: bool = False, strict_waivers: bool | None = None,
         cache=None):
    """Resolve the paths and configs, then check every file (or standard input) through the engine."""
    from ivrcheck import discover, engine

    resolver = _resolver(config, select, ignore, fail_on, source_format, entry, strict_waivers=strict_waivers)
    if paths == ["-"]:
        name = stdin_filename or "<stdin>"
        cfg = resolver(Path(name) if stdin_filename else Path.cwd())
        inspection = engine.inspect_text(sys.stdin.read(), cfg, name)
        return engine.Run([inspection.result], cfg.fails(inspection.result.worst()), {name: inspection})
    files = discover.expand(_existing(paths), _notice)
    if not files:
        typer.echo("ivrcheck: warning: no menu files found (*.ivr.yaml, or YAML with `entry:` and `nodes:`)", err=True)
    try:
        configs = {path: resolver(path) for path in files}
    except _config_error() as exc:
        raise fail(str(exc)) from None
    with _progress(len(files)) as advance:
        return engine.check_paths(files, configs.__getitem__, jobs=jobs or (os.cpu_count() or 1),
                                  progress=advance, keep=keep, cache=cache)


def _fix(paths: list[str], resolve: Callable[[Path], object], unsafe: bool) -> None:
    """Apply fixes file by file and say how many on standard error (the report is of what is left)."""
    from ivrcheck import discover, engine

    if paths == ["-"]:
        raise fail("--fix changes files in place; give file paths, not standard input")
    try:
        counts = [len(engine.fix_file(path, resolve(path), unsafe)) for path in discover.expand(_existing(paths))]
    except _config_error() as exc:
        raise fail(str(exc)) from None
    fixed, files = sum(counts), sum(1 for c in counts if c)
    typer.echo(f"ivrcheck: applied {fixed} fix{'' if fixed == 1 else 'es'} in {files} file{'' if files == 1 else 's'}",
               err=True)


def _resolver(config: Optional[Path], select, ignore, fail_on, source_format, entry,
              strict_waivers: bool | None = None) -> Callable[[Path], object]:
    from ivrcheck import rules
    from ivrcheck.config import Resolver

    _started()  # every command that checks menus resolves their configs first, its imports done
    _known_format(source_format)
    try:
        resolver = Resolver(rules.catalog(), config, select=select or (), ignore=ignore or (), fail_on=fail_on,
                            source_format=source_format, entry=entry, strict_waivers=strict_waivers)
    except _config_error() as exc:
        raise fail(str(exc)) from None

    def resolve(path: Path):
        try:
            return resolver(path)
        except _config_error() as exc:
            raise fail(str(exc)) from None
    return resolve


def _notice(message: str) -> None:
    """A path a folder search skipped, one line on stderr."""
    typer.echo(f"ivrcheck: warning: {message}", err=True)


def _debug(on: bool) -> None:
    """--debug: tracebacks of ivrcheck's own failures on stderr; through the environment, so that
    the engine and the --jobs worker processes see it too."""
    if on:
        os.environ["IVRCHECK_DEBUG"] = "1"


def _finish(results: list[FileResult], failed: bool) -> None:
    """The exit code after the output is written: 3 when ivrcheck itself failed on a file (whatever the
    findings: a broken checker must not pass for a broken menu, nor for a clean one), else 1 when `failed`."""
    from ivrcheck.engine import crashed

    broken = crashed(results)
    if broken:
        named = ", ".join(broken[:3]) + (f" and {len(broken) - 3} more" if len(broken) > 3 else "")
        others = "; the other files were checked" if len(results) > len(broken) else ""
        typer.echo(f"ivrcheck: error: ivrcheck itself failed on {named} (F099, exit 3){others}; "
                   "please report it, with --debug for the traceback", err=True)
        raise typer.Exit(3)
    if failed:
        raise typer.Exit(1)


def _known_format(source_format: Optional[str]) -> None:
    """`--from` names ivr or an importer, with a did-you-mean otherwise (exit 2)."""
    from ivrcheck import importers

    if source_format is not None and source_format not in importers.names():
        from ivrcheck.didyoumean import suggest

        raise fail(f'--from is "{source_format}"; {suggest(source_format, importers.names())}')


def _config_error() -> type[Exception]:
    from ivrcheck.config import ConfigError

    return ConfigError


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr, only on a terminal and only when there is enough to wait for."""
    if total < 20 or not sys.stderr.isatty():
        yield None
        return
    with typer.progressbar(length=total, label="checking", file=sys.stderr) as bar:
        yield bar.update


def _step_summary(run) -> None:
    """Inside GitHub Actions, append a Markdown summary of the run to the job's summary page."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from ivrcheck.render import RenderError
    from ivrcheck.render import render as draw
    from ivrcheck.report.summary import markdown_summary

    diagrams = {}
    for path, found in run.inspections.items():  # the checked results, so suppressed findings stay unmarked
        if found.menu is not None and found.line is not None:
            try:
                diagrams[path] = draw(found.menu, found.line, found.result, "mmd").decode("utf-8")
            except RenderError:
                continue
    try:
        with open(target, "a", encoding="utf-8") as out:
            out.write(markdown_summary(run.results, diagrams))
    except OSError as exc:
        typer.echo(f"ivrcheck: warning: cannot write the job summary {target}: {exc.strerror}", err=True)


def _existing(paths: list[str]) -> list[Path]:
    for path in paths:
        if path == "-":
            raise fail("- (standard input) must be the only path")
        if not Path(path).exists():
            raise fail(f"{path}: no such file or folder")
    return [Path(p) for p in paths]


def _emit(data: str | bytes, output: Optional[Path]) -> None:
    """Write to standard output, or to a file (atomically; through devices, pipes and symlinks)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if output is None or str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(payload) if hasattr(sys.stdout, "buffer") else sys.stdout.write(payload.decode())
        sys.stdout.flush()
        return
    from ivrcheck.fileio import write_output

    try:
        write_output(output, payload)
    except OSError as exc:
        raise fail(f"{output}: cannot write: {exc.strerror or exc}") from None


def _started() -> None:
    """Start-up is over: let the cyclic collector run again, sparing it what was imported.

    `main` pauses the collector while the pipeline's modules load: imports only allocate
    objects that live as long as the process, and collecting among them is wasted time
    (about a sixth of the start-up).
    """
    gc.freeze()
    gc.enable()


def _internal_error(exc: Exception) -> int:
    """One line on stderr (the traceback too under --debug or IVRCHECK_DEBUG) and exit code 3."""
    import traceback

    from ivrcheck.load.codes import debugging, internal_finding

    if debugging():
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    found = internal_finding("", exc)
    print(f"ivrcheck: error: {found.message.replace(' on this file', '')}; {found.help}", file=sys.stderr)
    return 3


def main() -> None:
    """Console script entry point."""
    import signal

    gc.disable()  # until _started(): see there

    # A plain `kill` ends the run through SystemExit, so a half-written output's temporary
    # file is removed (fileio cleans up on any exception) instead of being left behind.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    try:
        app()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
    except Exception as exc:  # ivrcheck's own failure outside a file's check (an output format, a diagram)
        code = _internal_error(exc)
    else:
        code = 0
    # Every output is written and flushed by now: skip the interpreter's teardown, which on a
    # large line spends a third of a second freeing a model that is about to vanish anyway.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
