"""The command line: parses options, calls the engine, picks a formatter, sets the exit code."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Callable, Iterator, Optional

import typer

from ivrcheck import __version__

app = typer.Typer(
    name="ivrcheck",
    help="Validate phone menus (IVRs) before callers meet them.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ivrcheck {__version__}")
        raise typer.Exit()


def fail(message: str) -> typer.Exit:
    """A tool error: one readable line on stderr and exit 2."""
    typer.echo(f"ivrcheck: error: {message}", err=True)
    return typer.Exit(2)


PathsArg = Annotated[list[Path], typer.Argument(help="Menu files or folders to search for them.", show_default=False)]
FileArg = Annotated[Path, typer.Argument(help="A menu file.", show_default=False)]
FormatOpt = Annotated[Optional[str], typer.Option(
    "--format", "-f", help="text, json, sarif, github, junit or gitlab [default: text; github inside GitHub Actions].")]
FailOnOpt = Annotated[Optional[FailOn], typer.Option("--fail-on", help="Lowest severity that makes the exit code 1 [default: error].")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", "-c", help="Config file (.ivrcheck.yaml or pyproject.toml); default: found upward from each path.")]
SelectOpt = Annotated[Optional[list[str]], typer.Option("--select", help="Only rules whose code starts with this (repeatable): S, H2, R504.")]
IgnoreOpt = Annotated[Optional[list[str]], typer.Option("--ignore", help="Skip rules whose code starts with this (repeatable).")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file (atomically) instead of stdout.")]


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = None,
) -> None:
    """Validate phone menus (IVRs) before callers meet them."""


JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=0, help="Files checked at once; 0 means one per CPU core.")]


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
    jobs: JobsOpt = 1,
) -> None:
    """Check menu files and report findings; exit 1 when any reaches --fail-on."""
    from ivrcheck import discover, engine, report
    from ivrcheck.findings import Severity

    _load_config.cache_clear()  # one cache per run: config files may change between runs in one process
    fmt = format or report.default_format()
    if fmt not in report.FORMATS:
        raise fail(f'unknown format "{fmt}"; choose one of {", ".join(sorted(report.FORMATS))}')
    files = discover.expand(_existing(paths))
    if not files:
        typer.echo("ivrcheck: warning: no menu files found (*.ivr.yaml, or YAML with `entry:` and `nodes:`)", err=True)
    configs = {path: _config_for(path, config, tuple(select or ()), tuple(ignore or ())) for path in files}
    with _progress(len(files)) as advance:
        results = engine.check_paths(files, configs.__getitem__, jobs=jobs or (os.cpu_count() or 1), progress=advance)
    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    _emit(report.FORMATS[fmt](results, color), output)
    _step_summary(results)
    thresholds = {discover.display_path(p): (fail_on.value if fail_on else cfg.fail_on) for p, cfg in configs.items()}
    for result in results:
        threshold = thresholds.get(result.path, fail_on.value if fail_on else "error")
        worst = result.worst()
        if threshold != "never" and worst is not None and worst >= Severity(threshold):
            raise typer.Exit(1)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr, only on a terminal and only when there is enough to wait for."""
    if total < 20 or not sys.stderr.isatty():
        yield None
        return
    with typer.progressbar(length=total, label="checking", file=sys.stderr) as bar:
        yield bar.update


def _step_summary(results) -> None:
    """Inside GitHub Actions, append a Markdown summary of the run to the job's summary page."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from ivrcheck.report.summary import markdown_summary

    try:
        with open(target, "a", encoding="utf-8") as out:
            out.write(markdown_summary(results, _diagrams(results)))
    except OSError as exc:
        typer.echo(f"ivrcheck: warning: cannot write the job summary {target}: {exc.strerror}", err=True)


def _diagrams(results) -> dict[str, str]:
    """Mermaid diagrams of the checked files that loaded, for the job summary.

    The summary is written once a run, inside GitHub Actions only, so each loaded file is
    inspected again here rather than carrying every model through the parallel check.
    """
    from ivrcheck import engine
    from ivrcheck.render import RenderError, render

    diagrams = {}
    for result in results:
        if result.score is None or not Path(result.path).is_file():
            continue
        try:
            diagrams[result.path] = render(engine.inspect_file(Path(result.path)), "mmd").decode("utf-8")
        except RenderError:
            continue
    return diagrams


@app.command()
def score(
    file: FileArg,
    *,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    config: ConfigOpt = None,
) -> None:
    """Print the clarity score of one menu file and its four-part breakdown."""
    import json

    from ivrcheck import engine

    _load_config.cache_clear()
    (path,) = _existing([file])
    result = engine.check_file(path, _config_for(path, config, (), ()))
    if format == "json":
        typer.echo(json.dumps({"path": result.path, "score": result.score, "breakdown": result.breakdown,
                               "metrics": result.metrics}, indent=2, ensure_ascii=False))
    elif format == "text":
        typer.echo(_score_text(result))
    else:
        raise fail(f'unknown format "{format}"; choose text or json')
    if result.score is None:
        raise typer.Exit(1)


class State(str, Enum):
    open = "open"
    closed = "closed"


@app.command()
def render(
    file: FileArg,
    *,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write: .svg .png .pdf .dot .mmd or .md.")],
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="svg, png, pdf, dot, mmd or md; default: from -o.")] = None,
    state: Annotated[State, typer.Option("--state", help="Schedule state to draw.")] = State.open,
    root: Annotated[Optional[str], typer.Option("--root", help="Draw from this node instead of the entry.")] = None,
    depth: Annotated[Optional[int], typer.Option("--depth", min=0, help="Draw at most this many arrows below the root.")] = None,
    to: Annotated[Optional[str], typer.Option("--to", help="Draw only the paths that reach this node.")] = None,
    config: ConfigOpt = None,
) -> None:
    """Draw a menu as a diagram: shapes per node kind, findings marked, the fastest path to a person in bold."""
    from ivrcheck import engine
    from ivrcheck.fileio import atomic_write
    from ivrcheck.render import RenderError, format_for
    from ivrcheck.render import render as draw
    from ivrcheck.report.text import format as text

    _load_config.cache_clear()
    (path,) = _existing([file])
    try:
        fmt = format_for(output.name, format)
        inspection = engine.inspect_file(path, _config_for(path, config, (), ()))
        if inspection.menu is None:
            typer.echo(text([inspection.result]), nl=False)
            raise typer.Exit(1)
        data = draw(inspection, fmt, state=state.value, root=root, depth=depth, to=to)
        atomic_write(output, data)
    except RenderError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"{output}: cannot write: {exc.strerror}") from None
    typer.echo(f"wrote {output} ({fmt}, {len(data):,} bytes)")


@app.command()
def rule(code: Annotated[Optional[str], typer.Argument(help="A rule code or name; all rules when left out.")] = None) -> None:
    """Explain a rule (or list all rules)."""
    from ivrcheck import rules
    from ivrcheck.rules.base import summary

    if code is None:
        for item in rules.ALL_RULES:
            typer.echo(f"{item.CODE}  {item.NAME:<24} {item.SEVERITY.value:<8} {summary(item)}")
        return
    found = rules.lookup(code)
    if found is None:
        from ivrcheck.load.reader import suggest

        raise fail(f'no rule "{code}"; {suggest(code, [r.CODE for r in rules.ALL_RULES] + [r.NAME for r in rules.ALL_RULES])}')
    typer.echo(f"# {found.CODE} {found.NAME} ({found.SEVERITY.value})\n\n{(found.__doc__ or '').strip()}")


@app.command()
def schema(output: OutputOpt = None) -> None:
    """Print the JSON Schema (draft-07) of the menu format, for editors and other tools."""
    import json

    from ivrcheck.load.json_schema import menu_schema

    _emit(json.dumps(menu_schema(), indent=2, ensure_ascii=False) + "\n", output)


@app.command("config")
def config_command(
    path: Annotated[Path, typer.Argument(help="Show the settings that apply to this file or folder.")] = Path("."),
    *,
    show: Annotated[bool, typer.Option("--show", help="Print the resolved settings and where each came from.")] = True,
    config: ConfigOpt = None,
) -> None:
    """Print the settings that apply to PATH, each with where it came from."""
    from ivrcheck.config import describe

    (path,) = _existing([path])
    typer.echo(describe(_config_for(path, config, (), ())))


def _score_text(result) -> str:
    if result.score is None:
        from ivrcheck.report.text import format as text

        return text([result]).rstrip() + "\nNo score: the file could not be loaded."
    parts = "\n".join(f"  {name.replace('_', ' '):<13} {points:>2}/25" for name, points in result.breakdown.items())
    m = result.metrics
    human = "none reachable" if m["steps_to_human"] is None else (
        f"{m['steps_to_human']} key press{'es' if m['steps_to_human'] != 1 else ''}, {m['seconds_to_human']} s")
    return (f"{result.path}: clarity score {result.score}/100\n{parts}\n"
            f"  depth {m['depth']}, {m['menus']} menus, {m['options']} options; human: {human}; "
            f"zero-out coverage {m['zero_out_coverage']:.0%}; {len(result.findings)} findings")


def _existing(paths: list[Path]) -> list[Path]:
    for path in paths:
        if not path.exists():
            raise fail(f"{path}: no such file or folder")
    return paths


def _config_for(path: Path, explicit: Optional[Path], select: tuple[str, ...], ignore: tuple[str, ...]):
    from ivrcheck.config import ConfigError, find_config

    try:
        found = explicit if explicit is not None else find_config(path)
        cfg = _load_config(found.resolve() if found else None).for_file(path)
        overrides = {}
        if select:
            overrides["select"] = _prefixes(select)
        if ignore:
            overrides["ignore"] = cfg.ignore + _prefixes(ignore)
        return cfg.with_overrides(**overrides)
    except ConfigError as exc:
        raise fail(str(exc)) from None


@lru_cache(maxsize=None)
def _load_config(path: Optional[Path]):
    from ivrcheck.config import ConfigError, load_config

    if path is not None and not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    return load_config(path)


def _prefixes(values: tuple[str, ...]) -> tuple[str, ...]:
    from ivrcheck.config import ConfigError
    from ivrcheck.rules import ALL_RULES

    items = tuple(p.strip().upper() for v in values for p in v.split(",") if p.strip())
    for prefix in items:
        if not any(r.CODE.startswith(prefix) for r in ALL_RULES):
            raise ConfigError(f'"{prefix}" matches no rule code')
    return items


def _emit(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from ivrcheck.fileio import atomic_write

    try:
        atomic_write(output, text)
    except OSError as exc:
        raise fail(f"{output}: cannot write: {exc.strerror}") from None


def main() -> None:
    """Console script entry point."""
    app()
