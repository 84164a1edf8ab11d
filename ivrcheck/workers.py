"""Worker processes for `--jobs` that stop with the run: a kill or Ctrl-C leaves none behind."""

from __future__ import annotations

import signal
import sys
import threading
from typing import Callable, Iterator, Sequence, TypeVar

Job = TypeVar("Job")
Done = TypeVar("Done")


def in_order(work: Callable[[Job], Done], jobs: Sequence[Job], workers: int) -> Iterator[Done]:
    """`work` of each job, in the order given, `workers` at a time in processes of their own."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # only --jobs needs a process pool

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_started)
    try:
        yield from pool.map(work, jobs, chunksize=max(1, len(jobs) // (workers * 4)))
    except BaseException:
        # A SIGTERM's SystemExit, a Ctrl-C, a consumer that stops early: the workers are killed at once
        # (a pool that waited would finish every job first), so the run ends promptly with its exit
        # code and none is left behind; this pool never starts a worker again. The pool's own thread
        # may then trip over the futures cancelled here (CPython's InvalidStateError, printed as a
        # thread's traceback): the run is ending, so that thread's errors go unsaid.
        threading.excepthook = lambda args: None
        for worker in multiprocessing.active_children():
            worker.kill()
            worker.join(1)  # reaped, not left a zombie
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _started() -> None:
    """A worker dies of SIGTERM as any process does (the CLI's handler, inherited, would turn it into an
    exception the pool sends back) and leaves Ctrl-C to the parent, which ends the workers itself."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()


def _die_with_parent() -> None:
    """On Linux, a worker gets SIGTERM when the run is killed outright (SIGKILL, a `timeout -s KILL`),
    which no handler in the parent sees: the workers would go on checking for nobody."""
    if sys.platform != "linux":
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # no prctl in this C library: the workers end with the pool as before
        pass
