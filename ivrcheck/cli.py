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
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", envvar="IVRCHECK_NO_CACHE", rich_help_panel=INPUT, show_envvar=False,
        help="Check every line again instead of reusing the results of unchanged ones (docs/cache.md).")] = False,
    cache_dir: Annotated[Optional[Path], typer.Option(
        "--cache-dir", metavar="DIR", envvar="IVRCHECK_CACHE_DIR", rich_help_panel=INPUT, show_default=False,
        show_envvar=False, help="Where results are kept between runs (default: .ivrcheck_cache beside the config file).")] = None,
) -> None:
    """Check menu files and report findings; exit 1 when any reaches --fail-on."""
    from ivrcheck import report

    fmt = format or report.default_format()
    if fmt not in report.FORMATS:
        raise fail(f'unknown format "{fmt}"; choose one of {", ".join(sorted(report.FORMATS))}')
    if jobs < 0:
        raise fail(f"--jobs is {jobs}; use 0 (one per CPU core) or more")
    run = _run(paths, config, select, ignore, fail_on, source_format, entry, stdin_filename, jobs,
               keep=bool(os.environ.get("GITHUB_STEP_SUMMARY")), cache=None if no_cache else _cache(cache_dir))
    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    if statistics:
        text = report.statistics(run.results)
    else:
        text = report.FORMATS[fmt](run.results, color)
        if quiet and fmt == "text":
            text = report.quiet_text(run.results, color)
    _emit(text, output)
    _step_summary(run)
    if run.fails:
        raise typer.Exit(1)


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
) -> None:
    """Print the clarity score of menu files and its four-part breakdown; exit 1 when one cannot be scored."""
    from ivrcheck.report import clarity

    if format not in clarity.FORMATS:
        raise fail(f'unknown format "{format}"; choose text or json')
    run = _run(paths, config, None, None, "never", source_format, entry, stdin_filename, 1)
    _emit(clarity.FORMATS[format](run.results, explain=explain), output)
    if any(result.score is None for result in run.results):
        raise typer.Exit(1)


@app.command()
def tasks(
    paths: PathsArg,
    *,
    format: TextOrJsonOpt = "text",
    config: ConfigOpt = None,
    output: OutputOpt = None,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
) -> None:
    """Predict each task's path for a first-time caller (an offline tree test); exit 1 when a file cannot be loaded."""
    from ivrcheck import discover, engine
    from ivrcheck.report import tasks as report

    if format not in report.FORMATS:
        raise fail(f'unknown format "{format}"; choose text or json')
    resolve = _resolver(config, None, None, None, source_format, entry)
    tests = [engine.tree_test(path, resolve(path)) for path in discover.expand(_existing(paths))]
    _emit(report.FORMATS[format](tests), output)
    if any(test.predictions is None for test in tests):
        raise typer.Exit(1)


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
) -> None:
    """Show what a change does to callers: options, nodes, metrics, score, findings new and fixed."""
    from ivrcheck import discover, engine
    from ivrcheck.callers.git import GitError, changed
    from ivrcheck.report import diff as report

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
            files = discover.expand(_existing(paths)) if paths else [
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
    if fail_on_regression and any(d.regressions for d in diffs):
        raise typer.Exit(1)


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
) -> None:
    """Draw a menu as a diagram: a box per menu with a row per option, findings marked, the fastest path to a
    person in bold."""
    from ivrcheck import engine
    from ivrcheck.render import Options, RenderError, format_for
    from ivrcheck.render import render as draw
    from ivrcheck.report.text import format as text

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
        if not fold.isdigit() or int(fold) < 1:
            raise fail(f'--fold is "{fold}"; use a depth of 1 or more, auto or none')
        fold_depth = int(fold)
    options = Options(state=state, root=root, depth=depth, to=to, fold=fold_depth, direction=direction.upper(),
                      edges=edges, link_base=link_base, pages=pages)
    (path,) = _existing([str(file)])
    try:
        fmt = format_for(output.name, format)
        inspection = engine.inspect_file(path, _resolver(config, None, None, None, source_format, entry)(path))
        if inspection.menu is None or inspection.line is None:
            typer.echo(text([inspection.result]), nl=False)
            raise typer.Exit(1)
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
    from ivrcheck import importers, load
    from ivrcheck.report import quiet_text
    from ivrcheck.report.menu_yaml import imported

    _known_format(source_format)
    (path,) = _existing([str(file)])
    loaded = load.read_file(path, str(file), source_format=source_format, entry=entry)
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
) -> None:
    """Write a hand-over report: scores, findings, diagrams and a phone to try each menu on (HTML or Markdown)."""
    from ivrcheck.report import handover

    fmt = handover.format_for(str(output) if output is not None else "-", format)
    if fmt is None and format is not None:
        raise fail(f'unknown report format "{format}"; choose html or md')
    if fmt is None:
        raise fail(f'cannot tell the report format of "{output}"; name it .html or .md, or use --format html|md')
    run = _run(paths, config, None, None, "never", source_format, entry, stdin_filename, 1, keep=True)
    if fmt == "md":
        from ivrcheck.report import markdown as writer
    else:
        from ivrcheck.report import html as writer
    _emit(writer.format(run.inspections.values(), run.results), output)
    if output is not None and str(output) != "-":
        typer.echo(f"wrote {output} ({fmt}, {len(run.inspections)} phone line{'' if len(run.inspections) == 1 else 's'})")
    if any(result.score is None for result in run.results):
        raise typer.Exit(1)


@app.command()
def rule(code: Annotated[Optional[str], typer.Argument(
        metavar="CODE", help="A rule or load-problem code or name (S103, dead-end, F013); all when left out.")] = None,
) -> None:
    """Explain a rule or load problem (or list them all)."""
    from ivrcheck.report import pages

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
         stdin_filename: Optional[str], jobs: int, keep: bool = False, cache=None):
    """Resolve the paths and configs, then check every file (or standard input) through the engine."""
    from ivrcheck import discover, engine

    resolver = _resolver(config, select, ignore, fail_on, source_format, entry)
    if paths == ["-"]:
        name = stdin_filename or "<stdin>"
        cfg = resolver(Path(name) if stdin_filename else Path.cwd())
        inspection = engine.inspect_text(sys.stdin.read(), cfg, name)
        return engine.Run([inspection.result], cfg.fails(inspection.result.worst()), {name: inspection})
    files = discover.expand(_existing(paths))
    if not files:
        typer.echo("ivrcheck: warning: no menu files found (*.ivr.yaml, or YAML with `entry:` and `nodes:`)", err=True)
    try:
        configs = {path: resolver(path) for path in files}
    except _config_error() as exc:
        raise fail(str(exc)) from None
    with _progress(len(files)) as advance:
        return engine.check_paths(files, configs.__getitem__, jobs=jobs or (os.cpu_count() or 1),
                                  progress=advance, keep=keep, cache=cache)


def _resolver(config: Optional[Path], select, ignore, fail_on, source_format, entry) -> Callable[[Path], object]:
    from ivrcheck import rules
    from ivrcheck.config import Resolver

    _started()  # every command that checks menus resolves their configs first, its imports done
    _known_format(source_format)
    try:
        resolver = Resolver(rules.catalog(), config, select=select or (), ignore=ignore or (), fail_on=fail_on,
                            source_format=source_format, entry=entry)
    except _config_error() as exc:
        raise fail(str(exc)) from None

    def resolve(path: Path):
        try:
            return resolver(path)
        except _config_error() as exc:
            raise fail(str(exc)) from None
    return resolve


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
    else:
        code = 0
    # Every output is written and flushed by now: skip the interpreter's teardown, which on a
    # large line spends a third of a second freeing a model that is about to vanish anyway.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
