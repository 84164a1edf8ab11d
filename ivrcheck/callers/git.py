"""Reading an older version of a menu file from git, for `ivrcheck diff --git REV`."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git is missing, the folder is no repository, or the revision is unknown: one line, exit 2."""


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=60, check=False)
    except FileNotFoundError as exc:
        raise GitError("git is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise GitError(f"git {' '.join(args)} took over a minute") from exc


def root(folder: Path) -> Path:
    """The top folder of the repository that holds `folder`."""
    done = _git(["rev-parse", "--show-toplevel"], folder)
    if done.returncode != 0:
        raise GitError(f"{folder}: not inside a git repository")
    return Path(done.stdout.decode().strip())


def check_revision(rev: str, folder: Path) -> None:
    done = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], folder)
    if done.returncode != 0:
        raise GitError(f'unknown revision "{rev}"')


def old_text(rev: str, path: Path) -> str | None:
    """The file's text at `rev`, or None when it did not exist then."""
    folder = path.resolve().parent
    check_revision(rev, folder)
    done = _git(["show", f"{rev}:./{path.name}"], folder)
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="replace")


def changed(rev: str, folder: Path) -> list[Path]:
    """Files that differ between `rev` and the working tree (added, changed or renamed), under `folder`."""
    top = root(folder)
    check_revision(rev, folder)
    done = _git(["diff", "--name-only", "--diff-filter=AMR", rev, "--", str(folder.resolve())], top)
    if done.returncode != 0:
        raise GitError(done.stderr.decode(errors="replace").strip().splitlines()[0] if done.stderr else "git diff failed")
    return [top / line for line in done.stdout.decode().splitlines() if line]
