"""The process around the commands: messages on stderr, output, exit codes 0/1/2/3, progress, signals.

Exit codes: 0 all is well, 1 a finding reached `--fail-on` (or what the command names),
2 the command line or a config is wrong (`fail`), 3 ivrcheck itself failed (`finish`, `main`).
"""

from __future__ import annotations

import errno
import gc
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

import typer

from ivrcheck.findings import FileResult

STDOUT = "standard output"


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
    """Write to standard output, or to a file (atomically; through devices, pipes and symlinks).

    Every command's output goes through here, so one place turns a failed write (a full disk,
    a closed or broken pipe) into one line and exit 2, never a traceback or click's silent exit 1.
    """
    from ivrcheck.fileio import utf8

    payload = utf8(data)
    if output is None or str(output) == "-":
        _to_stdout(payload)
        return
    from ivrcheck.fileio import write_output

    try:
        write_output(output, payload)
    except OSError as exc:
        raise fail(f"{output}: cannot write: {exc.strerror or exc}") from None


def say(line: str) -> None:
    """One line on standard output (a rule's page, `wrote x.svg`), through `emit`."""
    emit(line + "\n", None)


def _to_stdout(payload: bytes) -> None:
    from ivrcheck.fileio import text

    stream = sys.stdout
    if stream is None:  # started with standard output closed (`>&-`)
        raise fail(f"{STDOUT}: cannot write: it is closed (`>&-`); send it to a file or to /dev/null")
    try:
        stream.flush()
        stream.buffer.write(payload) if hasattr(stream, "buffer") else stream.write(text(payload))
        stream.flush()
    except (OSError, ValueError) as exc:  # ValueError: the stream was closed under us
        raise fail(f"{STDOUT}: cannot write: {getattr(exc, 'strerror', None) or exc}") from None


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


def _unwritten(exc: OSError) -> bool:
    """A write that failed outside `emit`: only output click writes itself (--help) gets there.

    Files ivrcheck writes name themselves in their errors (`emit`, `--fix`, the cache keeps quiet);
    a full disk or a pipe nobody reads without a file name is standard output's.
    """
    return exc.errno in (errno.ENOSPC, errno.EPIPE, errno.EDQUOT) and exc.filename is None


def _unwritable(exc: OSError) -> int:
    """Output click wrote itself (--help) found standard output full or closed: one line, exit 2."""
    print(f"ivrcheck: error: {STDOUT}: cannot write: {exc.strerror or exc}", file=sys.stderr)
    return 2


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
    except OSError as exc:
        code = _unwritable(exc) if _unwritten(exc) else internal_error(exc)
    except Exception as exc:  # ivrcheck's own failure outside a file's check (an output format, a diagram)
        code = internal_error(exc)
    else:
        code = 0
    # Every output is written and flushed by now: skip the interpreter's teardown, which on a
    # large line spends a third of a second freeing a model that is about to vanish anyway.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush() if stream is not None else None
        except (OSError, ValueError):  # closed (the language server's `exit` closes stdout) or a broken pipe
            pass
    os._exit(code)
