"""Files that hold what the parties said, readable by their owner only.

A data directory holds every message in clear (``parley.db``), a member's machine its
outbox (messages not sent yet) and its witness state. Directories are made 0700, files
0600; a file or directory found readable by others is tightened, and said so, at start.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def _tighten(path: Path, mode: int) -> str | None:
    try:
        current = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None
    if current & 0o077:
        os.chmod(path, mode)
        return f"{path} was readable by others (mode {oct(current)}); made it {oct(mode)}"
    return None


def private_dir(path: Path) -> list[str]:
    """Make ``path`` (and missing parents) a directory only its owner can enter; what was
    tightened, as sentences."""
    fixed = []
    if not path.exists():
        path.mkdir(parents=True, mode=PRIVATE_DIR)
        os.chmod(path, PRIVATE_DIR)  # mkdir's mode is filtered by the umask
    elif (note := _tighten(path, PRIVATE_DIR)) is not None:
        fixed.append(note)
    return fixed


def private_file(path: Path) -> list[str]:
    """Create ``path`` empty with mode 0600 if it is missing (so that a database created
    in it, and SQLite's -wal and -shm files, which copy its mode, are private); tighten
    it and its -wal/-shm if others can read them. What was tightened, as sentences."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
        return []
    fixed = []
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if (note := _tighten(p, PRIVATE_FILE)) is not None:
            fixed.append(note)
    return fixed


def write_private_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text``, atomically, readable by its owner only."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(tmp, PRIVATE_FILE)
    os.replace(tmp, path)
