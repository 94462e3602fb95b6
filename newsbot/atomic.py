"""One way to write a file that readers only ever see whole.

Every file newsbot writes for others to read (feed exports, recovered exports, run
summaries, ``scrapy reprocess`` output) goes through here:

1. the content is written to a temporary file in the same folder, created exclusively
   (``O_EXCL``: two writers never share one), mode 0666 minus the umask (0644 usually);
2. flushed and ``fsync``-ed;
3. renamed over the final name (atomic on POSIX);
4. the folder is ``fsync``-ed, so the rename itself survives a power loss.

A failure at any step removes the temporary file and raises ``OSError``; the final name
keeps what it had before.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import IO

FILE_MODE = 0o666  # minus the umask, like open(): 0644 with the usual 022


def fsync_directory(folder: str | Path) -> None:
    """Make a rename (or creation) in ``folder`` durable."""
    fd = os.open(str(folder), os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def hidden_temporary(final: str | Path) -> Path:
    """``.<name>.<random>.tmp`` next to ``final``: unique, and no reader globs for it."""
    final = Path(final)
    return final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp")


def create_exclusive(path: str | Path) -> IO[bytes]:
    """Open a new file for writing; ``FileExistsError`` if the name is taken."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
    fd = os.open(str(path), flags, FILE_MODE)
    return os.fdopen(fd, "wb")


def create_locked(path: str | Path) -> IO[bytes]:
    """:func:`create_exclusive`, holding an exclusive flock on the new file until its handle
    is closed (or the process dies): another run can tell it is being written."""
    handle = create_exclusive(path)
    with contextlib.suppress(OSError):  # a file system without locks: the file still works
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


def commit(handle: IO[bytes], temporary: str | Path, final: str | Path) -> None:
    """Steps 2-4 for a file written through ``handle``; on error the temporary is removed.

    The file is renamed before its handle is closed, so a lock held through the handle
    covers it until it has its final name."""
    try:
        handle.flush()
        os.fsync(handle.fileno())
        os.replace(temporary, final)
        handle.close()
    except BaseException:
        discard(handle, temporary)
        raise
    fsync_directory(Path(final).parent)


def discard(handle: IO[bytes] | None, temporary: str | Path) -> None:
    """Close ``handle`` (ignoring a failed flush) and remove the temporary file."""
    if handle is not None:
        with contextlib.suppress(OSError):
            handle.close()
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)


def write_atomically(
    final: str | Path,
    chunks: bytes | Iterable[bytes],
    *,
    temporary: str | Path | None = None,
) -> None:
    """Write ``chunks`` to ``final`` so that readers see the old file or the whole new one."""
    final = Path(final)
    temporary = Path(temporary) if temporary is not None else hidden_temporary(final)
    handle = create_exclusive(temporary)
    try:
        for chunk in [chunks] if isinstance(chunks, bytes) else chunks:
            handle.write(chunk)
    except BaseException:
        discard(handle, temporary)
        raise
    commit(handle, temporary, final)
