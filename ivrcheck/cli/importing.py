"""`ivrcheck import`: a platform's flow export written as ivrcheck's menu YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ivrcheck.cli import checking
from ivrcheck.cli.options import EntryOpt, FromOpt, OutputOpt
from ivrcheck.cli.process import emit, refused

ExportArg = Annotated[Path, typer.Argument(metavar="FILE", show_default=False,
                                           help="A platform export: {platforms}.")]


def import_command(
    file: ExportArg,
    *,
    output: OutputOpt = None,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
) -> None:
    """Convert a platform's flow export into ivrcheck's menu YAML (exit 1 when it cannot be read)."""
    from ivrcheck import workspace
    from ivrcheck.findings import FileResult
    from ivrcheck.report import quiet_text
    from ivrcheck.report.menu_yaml import imported

    with refused():
        workspace.known_format(source_format)
        (path,) = checking.existing([str(file)])
        workspace.refuse_overwriting([path], output, what="the export being read")
        found = workspace.import_file(path, str(file), source_format, entry)
    typer.echo(quiet_text([FileResult.failed(str(file), found.findings)]), nl=False, err=True)
    if found.menu is None:
        raise typer.Exit(1)
    emit(imported(found.menu, found.findings, found.title, str(file)), output)
    if output is not None and str(output) != "-":
        typer.echo(f"wrote {output} ({len(found.menu.nodes)} nodes)", err=True)
