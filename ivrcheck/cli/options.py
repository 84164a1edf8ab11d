"""The options as data: what each command takes, with help that names what the registries hold.

A help text that lists formats or platforms writes a `{placeholder}` (a key of `LISTS`)
instead of the list; `RegistryHelp` fills it in from the registry when the help is
printed, so the list cannot drift and `check` never imports the registries of other commands.
"""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer
from typer.core import TyperCommand

from ivrcheck.didyoumean import one_of
from ivrcheck.records import record

INPUT, SELECTION, OUTPUT = "What to check", "Which rules", "Output"


def _keys(module: str, name: str, prefix: str = "") -> Callable[[], list[str]]:
    """The names in a registry (a mapping's keys, a tuple's items), read when asked for."""
    return lambda: [prefix + key for key in dict.fromkeys(getattr(import_module(module), name))]


def _platforms() -> list[str]:
    from ivrcheck import importers

    return [importers.BY_NAME[name].TITLE for name in importers.NAMES]


def _sources() -> list[str]:
    """Each value `--from` takes, with the format it names."""
    from ivrcheck import importers

    return [f"{importers.NATIVE} for ivrcheck's menu YAML",
            *(f"{name} for {importers.BY_NAME[name].TITLE}" for name in importers.NAMES)]


def _report_names(prefix: str) -> Callable[[], list[str]]:
    """The hand-over report's formats (each once, however many file endings name it)."""
    def names() -> list[str]:
        extensions = import_module("ivrcheck.report.handover").EXTENSIONS
        return [prefix + fmt for fmt in dict.fromkeys(extensions.values())]
    return names


#: Placeholder -> the registry it lists (one home each: these are the registries' own names).
LISTS: dict[str, Callable[[], list[str]]] = {
    "formats": _keys("ivrcheck.report", "FORMATS"),
    "levels": _keys("ivrcheck.config", "FAIL_ON"),
    "platforms": _platforms,
    "sources": _sources,
    "score_formats": _keys("ivrcheck.report.clarity", "FORMATS"),
    "tasks_formats": _keys("ivrcheck.report.tasks", "FORMATS"),
    "traffic_formats": _keys("ivrcheck.report.traffic", "FORMATS"),
    "diff_formats": _keys("ivrcheck.report.diff", "FORMATS"),
    "render_formats": _keys("ivrcheck.render", "FORMATS"),
    "render_files": _keys("ivrcheck.render", "FORMATS", "."),
    "heat_files": _keys("ivrcheck.render.heat", "FORMATS", "."),
    "report_formats": _report_names(""),
    "report_files": _report_names("report."),
    "log_formats": lambda: import_module("ivrcheck.traffic.readers").formats(),
}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def listed(name: str) -> str:
    """A registry's names as a sentence lists them: `text, json or markdown`."""
    return one_of(LISTS[name]())


class RegistryHelp(TyperCommand):
    """A command whose help lists what the registries hold, read only when the help is printed."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        for param in self.params:
            text = getattr(param, "help", None)
            if text:
                param.help = _PLACEHOLDER.sub(lambda found: listed(found.group(1)), text)  # type: ignore[attr-defined]
        super().format_help(ctx, formatter)


@record
class Selection:
    """Which rules run and which findings fail the run: the config file and the flags laid over it."""

    config: Optional[Path] = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Optional[str] = None
    strict_waivers: Optional[bool] = None


@record
class Inputs:
    """What to read and how: the paths (- for standard input), their format, where calls start."""

    paths: tuple[str, ...] = ()
    source_format: Optional[str] = None
    entry: Optional[str] = None
    stdin_filename: Optional[str] = None
    jobs: int = 1


def _format(names: str, default: str = "text") -> Any:
    return Annotated[str, typer.Option(
        "--format", "-f", metavar="FORMAT", rich_help_panel=OUTPUT, show_default=False,
        help=f"{{{names}}} (default: {default}).")]


PathsArg = Annotated[list[str], typer.Argument(
    metavar="PATH...", show_default=False,
    help="Menu files or folders to search for them; - reads one menu from standard input.")]
FileArg = Annotated[Path, typer.Argument(metavar="FILE", show_default=False, help="A menu file.")]
FormatOpt = Annotated[Optional[str], typer.Option(
    "--format", "-f", metavar="FORMAT", rich_help_panel=OUTPUT,
    help="{formats} (default: text; github inside GitHub Actions).")]
FailOnOpt = Annotated[Optional[str], typer.Option(
    "--fail-on", metavar="LEVEL", rich_help_panel=OUTPUT,
    help="Lowest severity that makes the exit code 1: {levels} (default: error).")]
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
    help="The files' format when it cannot be told from their content: {sources}.")]
EntryOpt = Annotated[Optional[str], typer.Option(
    "--entry", metavar="NAME", rich_help_panel=INPUT,
    help="Where calls start, when the file does not say (an Asterisk context, a FreeSWITCH menu).")]
StdinNameOpt = Annotated[Optional[str], typer.Option(
    "--stdin-filename", metavar="NAME", rich_help_panel=INPUT,
    help="The file name to show for a menu read from standard input (-).")]
DebugOpt = Annotated[bool, typer.Option(
    "--debug", rich_help_panel=OUTPUT,
    help="When ivrcheck itself fails on a file (exit 3), print the traceback on stderr (as IVRCHECK_DEBUG=1 does).")]
JobsOpt = Annotated[int, typer.Option(
    "--jobs", "-j", metavar="N", rich_help_panel=INPUT, show_default=False,
    help="Files checked at once, up to 1,024; 0 means one per CPU core (default: 1).")]
ScoreFormatOpt = _format("score_formats")
TasksFormatOpt = _format("tasks_formats")
TrafficFormatOpt = _format("traffic_formats")
DiffFormatOpt = _format("diff_formats")
