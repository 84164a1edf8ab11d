"""The process around the commands: messages on stderr, output, exit codes 0/1/2/3, progress, signals.

Exit codes: 0 all is well, 1 a finding reached `--fail-on` (or what the command names),
2 the command line or a config is wrong (`fail`), 3 ivrcheck itself failed (`finish`, `main`).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

import typer

from ivrcheck.findings import FileResult


def fail(message: str) -> typer.Exit:
    """A tool error: one readable line on stderr and exit 2."""
    typer.echo(f"ivrcheck: error: {message}", err=True)
    return typer.Exit(2)


def notice(message: str) -> None:
    """A warning (a path a folder search skipped), one line on stderr."""
    typer.echo(f"ivrcheck: warning: {message}", err=True)


@contextmanager
def refused(*errors: type[Exception]) -> Iterator[None]:
    """A broken config, a wrong path or `--from` (and `errors`, the command's own) end the run with exit 2."""
    from ivrcheck.config import ConfigError
    from ivrcheck.workspace import UsageError

    try:
        yield
    except (ConfigError, UsageError, *errors) as exc:
        raise fail(str(exc)) from None


def emit(data: str | bytes, output: Optional[Path]) -> None:
    """Write to standard output, or to a file (atomically; through devices, pipes and symlinks)."""
    from ivrcheck.fileio import text, utf8

    payload = utf8(data)
    if output is None or str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(payload) if hasattr(sys.stdout, "buffer") else sys.stdout.write(text(payload))
        sys.stdout.flush()
        return
    from ivrcheck.fileio import write_output

    try:
        write_output(output, payload)
    except OSError as exc:
        raise fail(f"{output}: cannot write: {exc.strerror or exc}") from None


def source_date() -> None:
    """A broken SOURCE_DATE_EPOCH is a usage error before any work: `report` and `render` (whose PDF
    and SVG writers read it too) read it one way."""
    from ivrcheck.report.audit import today

    try:
        today()
    except ValueError as exc:
        raise fail(str(exc)) from None


def finish(results: Sequence[FileResult], failed: bool) -> None:
    """The exit code after the output is written: 3 when ivrcheck itself failed on a file (whatever the
    findings: a broken checker must not pass for a broken menu, nor for a clean one), else 1 when `failed`."""
    from ivrcheck.engine import crashed
    from ivrcheck.report.text import inert  # a --stdin-filename holding a newline must not forge a line

    broken = [inert(path) for path in crashed(list(results))]
    if broken:
        named = ", ".join(broken[:3]) + (f" and {len(broken) - 3} more" if len(broken) > 3 else "")
        others = "; the other files were checked" if len(results) > len(broken) else ""
        typer.echo(f"ivrcheck: error: ivrcheck itself failed on {named} (F099, exit 3){others}; "
                   "please report it, with --debug for the traceback", err=True)
        raise typer.Exit(3)
    if failed:
        raise typer.Exit(1)


def debug(on: bool) -> None:
    """--debug: tracebacks of ivrcheck's own failures on stderr; through the environment, so that
    the engine and the --jobs worker processes see it too."""
    if on:
        os.environ["IVRCHECK_DEBUG"] = "1"


@contextmanager
def progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr, only on a terminal and only when there is enough to wait for."""
    if total < 20 or not sys.stderr.isatty():
        yield None
        return
    with typer.progressbar(length=total, label="checking", file=sys.stderr) as bar:
        yield bar.update


def started() -> None:
    """Start-up is over: let the cyclic collector run again, sparing it what was imported.

    `main` pauses the collector while the command's modules load, and the engine while it imports
    the pipeline with the first line it checks: imports only allocate objects that live as long as
    the process, and collecting among them is wasted time (about a sixth of the start-up).
    """
    gc.freeze()
    gc.enable()


def internal_error(exc: Exception) -> int:
    """One line on stderr (the traceback too under --debug or IVRCHECK_DEBUG) and exit code 3."""
    import traceback

    from ivrcheck.load.codes import debugging, internal_finding

    if debugging():
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    found = internal_finding("", exc)
    print(f"ivrcheck: error: {found.message.replace(' on this file', '')}; {found.help}", file=sys.stderr)
    return 3


def run(app: Callable[[], object]) -> None:
    """Run the app as the whole process: the exit code from its outcome, and no interpreter teardown."""
    gc.disable()  # until started(): see there

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
        code = internal_error(exc)
    else:
        code = 0
    # Every output is written and flushed by now: skip the interpreter's teardown, which on a
    # large line spends a third of a second freeing a model that is about to vanish anyway.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # closed (the language server's `exit` closes stdout) or a broken pipe
            pass
    os._exit(code)
