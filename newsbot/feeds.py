"""Feed storage that never shows a half-written export, and never fails silently.

Items are written to ``<final name>.part``, created exclusively (two runs never share one),
and the file is fsynced, renamed to its final name and its folder fsynced only when the feed
closes: a tool watching ``exports/`` never reads a partial file, and a crawl that dies leaves
only a ``.part`` behind (recovered by the next run, see ``newsbot.incremental.recovery``).

An export target must be a regular file or a new path: a device (``-O /dev/null``), a
directory, or a symlink leading out of its folder is refused before the crawl starts
(:func:`check_target`, a :class:`~newsbot.exitcodes.UsageError`). A write that fails (disk
full, file too large, folder turned read-only) fails the export once: one ERROR line, the
``.part`` removed, the crawl stopped with reason ``export_failed``, stats
``newsbot/export/failed``, and nothing recorded in the seen-store.

``-O`` replaces its target, except after a run that read nothing at all: no article exported,
dropped or skipped (as seen, or as older than ``since``), and at least one page failed (the
site down, a wrong address), articles were asked for and never read (a ``CLOSESPIDER_*``
limit or a stop came first) or no page answered at all (stopped before the first).
Such a run leaves an existing non-empty target as it was (:func:`read_nothing`; stat
``newsbot/export/kept_previous``, a WARNING, the report's export line says so), and so does a
run that dropped every article it read (:func:`dropped_everything`: a profile or a noise rule
that drops them all must not blank the file either).
"""

from __future__ import annotations

import importlib.util
import io
import logging
import os
import re
import secrets
import shutil
from collections.abc import Iterable, Mapping
from datetime import timezone
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from scrapy.exporters import JsonLinesItemExporter
from scrapy.extensions.feedexport import FileFeedStorage
from scrapy.utils.python import to_bytes

from newsbot import stats as names
from newsbot.atomic import commit, create_exclusive, create_locked, discard, hidden_temporary
from newsbot.exitcodes import ExportFailed, UsageError
from newsbot.extensions.context import run_context
from newsbot.outcome import EXPORT_ERROR_STAT, EXPORT_FAILED_STAT
from newsbot.usage import did_you_mean, one_of

logger = logging.getLogger(__name__)

PART_SUFFIX = ".part"
STORED_STAT = "newsbot/export/files"
KEPT_PREVIOUS_STAT = "newsbot/export/kept_previous"
# feed option of the default export (``exports/<spider>/<time>-<run id>.jsonl``): its file
# must be new; one that exists was written by another run with the same id in the same second
NEW_FILE = "newsbot_new_file"
EXPORT_FAILED_REASON = "export_failed"  # the crawl's finish reason after a failed write


def set_aside_stale(part: Path) -> bool:
    """Set ``part`` aside as ``<name>.discarded`` when no running crawl holds it (a killed
    run left it); False when one does, or it is not a file."""
    from newsbot.incremental.recovery import discard_part

    if not part.is_file():
        return False
    target = discard_part(part)
    if target is None:
        return False
    logger.warning(
        "A killed run's partial export %s was set aside as %s: its articles are crawled "
        "again by this run",
        part,
        target,
    )
    return True


def part_path(final: str | Path) -> Path:
    final = Path(final)
    return final.with_name(final.name + PART_SUFFIX)


NAME_MAX = 255  # bytes in one file name, on Linux's file systems
# the longest names newsbot writes beside an export: what its name (without .jsonl) grows by
_BESIDE = (".discarded", ".part")
_BESIDE_STEM = (".recovered-99.jsonl", ".summary.json")


def check_name_length(path: str | Path) -> None:
    """Refuse a target whose name, or a name newsbot writes beside it (``.part``,
    ``.summary.json``, ``.discarded``), is longer than a file system allows: one line, not
    a traceback (and not a run that ends "ok" without its summary)."""
    path = Path(path)
    name = path.name
    base = name.removesuffix(".jsonl")  # as the summary and recovered names are made
    longest = max(
        [len((name + end).encode()) for end in _BESIDE]
        + [len((base + end).encode()) for end in _BESIDE_STEM]
    )
    if longest > NAME_MAX:
        room = NAME_MAX - (longest - len(name.encode()))
        raise UsageError(
            f"export target name {name[:40]}... is too long ({len(name.encode())} bytes): with "
            f"what newsbot writes beside it (.part, .summary.json) it must be at most {room} bytes "
            f"(a file name may have {NAME_MAX})"
        )
    for part in path.parent.parts:
        if len(part.encode()) > NAME_MAX:
            raise UsageError(f"export target {path}: folder name {part[:40]}... is too long")


_SHELL_VARIABLE = re.compile(r"\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)")


def check_target(path: str | Path) -> Path:
    """The file to write for the export target ``path``.

    A regular file or a new path is fine; a symlink is followed when it stays in its folder.
    Raises :class:`UsageError` for a device or other special file, a directory, a symlink
    leading out of its folder, a folder that is not a directory, or a shell variable left
    unexpanded in the path (`$HOME/x.jsonl`).
    """
    variable = _SHELL_VARIABLE.search(str(path))
    if variable is not None and not Path(path).exists():
        # `-O '$HOME/x.jsonl'` (quoted) made a folder named `$HOME` in the project
        raise UsageError(
            f"export target {path}: {variable.group()} is a shell variable nobody expanded "
            "(the path was quoted, or set where no shell reads it); write the path out"
        )
    path = Path(path)
    if path.is_symlink():
        resolved = path.resolve()
        if resolved.parent != path.parent.resolve():
            raise UsageError(
                f"export target {path} is a symlink to {resolved}, outside its folder; "
                "give a regular file or a new path"
            )
        path = resolved
    if path.exists() and not path.is_file():
        kind = "a directory" if path.is_dir() else "a device or special file, not a regular file"
        raise UsageError(f"export target {path} is {kind}; give a regular file or a new path")
    for folder in path.parents:
        if folder.exists():
            if not folder.is_dir():
                raise UsageError(f"export target {path}: {folder} is not a directory")
            break
    return path


def check_writable(folder: str | Path) -> None:
    """Create ``folder`` and a file in it (removed again): :class:`ExportFailed` if either
    fails. The only check that also holds for root (read-only mounts, ``chattr +i``)."""
    folder = Path(folder)
    probe = hidden_temporary(folder / "newsbot-write-check")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        create_exclusive(probe).close()
        probe.unlink()
    except OSError as exc:
        raise ExportFailed(f"cannot write exports to {folder}: {exc.strerror or exc}") from None


def fixed_folder(path: str | Path) -> Path:
    """A path up to its first ``%(...)s`` parameter: the folder that exists before a run
    fills in the rest (``exports/%(name)s/%(time)s`` gives ``exports``)."""
    folder = Path(path)
    while "%(" in str(folder):
        folder = folder.parent
    return folder


def local_path(uri: str) -> str | None:
    """The file path of a plain or ``file://`` feed URI; None for s3://, ftp://..."""
    if uri.startswith("file://"):
        return uri[len("file://") :]
    scheme = uri.split(":", 1)[0] if ":" in uri else ""
    if scheme and len(scheme) > 1 and "/" not in scheme:
        return None
    return uri


# a ``%(name)s`` placeholder as Scrapy fills it in; ``%(name)`` without its type letter is
# left in the file name as typed
_PLACEHOLDER = re.compile(r"%\(([^)]*)\)([-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[diouxXeEfFgGcrsa])?")
# what newsbot and Scrapy offer every feed URI besides the spider's attributes and arguments
URI_PARAMS = ("name", "time", "batch_time", "batch_id", "run_id")


def check_placeholders(uri: str, known: set[str]) -> None:
    """A placeholder the feed URI cannot fill is one line before the crawl starts: Scrapy
    would fail the export at its start with a traceback in the log and the run would end
    "ok" with nothing written."""
    for match in _PLACEHOLDER.finditer(uri):
        name, conversion = match.group(1), match.group(2)
        if name not in known:
            raise UsageError(
                f"export {uri!r}: unknown placeholder %({name})s"
                f"{did_you_mean(name, sorted(known))}; "
                f"use {', '.join(f'%({k})s' for k in URI_PARAMS)} or a spider argument"
            )
        if conversion is None:
            raise UsageError(f"export {uri!r}: %({name}) lacks its type letter; write %({name})s")
    code = _STRFTIME.search(_PLACEHOLDER.sub("", uri))
    if code is not None:
        # ops round 9: `-O daily8-%Y%m%d.jsonl` from a cron line wrote a file named so, as typed
        raise UsageError(
            f"export {uri!r}: {code.group()} is a date code (strftime, date(1)), which a feed "
            "path does not fill; use %(time)s (the run's start) or %(run_id)s"
        )


# a date code as date(1) and strftime write them (`%Y`, `%m`, `%d`, `%F`...); one that is also a
# hex digit followed by another is a percent-escape in a URL (`%da`), not a date code
_STRFTIME = re.compile(r"%[dFBbAe](?![0-9A-Fa-f])|%[YmHMSjTyIpz]")


def check_batches(uri: str, count: object) -> None:
    """A feed split in batches needs a placeholder that numbers its files: Scrapy otherwise
    logs an error and drops the feed, and the run ends "ok" with nothing written."""
    try:
        batches = int(str(count).strip() or 0)
    except ValueError:
        raise UsageError(
            f"FEED_EXPORT_BATCH_ITEM_COUNT={count!r}: expected a whole number of items a file"
        ) from None
    if batches > 0 and "%(batch_id)" not in uri and "%(batch_time)" not in uri:
        raise UsageError(
            f"FEED_EXPORT_BATCH_ITEM_COUNT={batches}: export {uri!r} has no %(batch_id)d or "
            "%(batch_time)s to number its files; add one (e.g. "
            "exports/%(name)s/%(time)s-%(batch_id)d.jsonl) or drop the setting"
        )


# the feed formats that write JSON Lines (Scrapy's names and aliases: `-o x.jl` is "jl")
LINE_FORMATS = ("jsonlines", "jsonl", "jl")
# a file's extension and the feed format it holds
FORMAT_OF_EXTENSION = {".jsonl": "jsonlines", ".jl": "jsonlines", ".json": "json",
                       ".csv": "csv", ".xml": "xml"}  # fmt: skip


def check_append(path: Path, options: dict[str, Any]) -> None:
    """``-o`` onto an existing file: its format must be the one the file holds, and a JSON
    array (``.json``), an XML or a CSV export cannot take a second one after its own (it would
    not parse, or would read a header as a record)."""
    if options.get("overwrite", False) or not path.is_file() or path.stat().st_size == 0:
        return
    fmt = str(options.get("format") or "")
    fmt = "jsonlines" if fmt in LINE_FORMATS else fmt
    holds = FORMAT_OF_EXTENSION.get(path.suffix.lower())
    if holds and fmt and fmt != holds:
        raise UsageError(
            f"-o {path}: appending {fmt} to a {path.suffix} file ({holds}) would mix two "
            f"formats in it; use a {fmt} file or -O to replace it"
        )
    if fmt == "json":
        raise UsageError(
            f"-o {path}: appending to a JSON array file makes it invalid JSON; write JSON Lines "
            "(.jsonl), which takes appends, or -O to replace it"
        )
    # ops round 11: a second XML document after the first (no XML reader takes the file),
    # a second CSV header row mid-file (which CSV readers return as a record)
    if fmt in ("xml", "csv"):
        what, second = (
            ("an XML", "a second XML document")
            if fmt == "xml"
            else ("a CSV", "a second header row")
        )
        raise UsageError(
            f"-o {path}: appending to {what} export writes {second} into it; write JSON "
            f"Lines (.jsonl), which takes appends, a new file each run (-o "
            f"'exports/%(name)s/%(time)s.{fmt}'), or -O to replace it"
        )


_WINDOWS_PATH = re.compile(r"[A-Za-z]:[\\/]|\\\\")


def check_feeds(
    feeds: dict[str, Any],
    spider_name: str,
    known: set[str] | None = None,
    batch_item_count: object = 0,
    storages: Mapping[str, Any] | None = None,
) -> None:
    """Every local feed target of a crawl, checked before it starts (see module docstring);
    ``known``: the placeholders its URIs may use besides :data:`URI_PARAMS`;
    ``batch_item_count``: ``FEED_EXPORT_BATCH_ITEM_COUNT``, which a feed may override;
    ``storages``: ``FEED_STORAGES`` (with Scrapy's), to check a remote target's scheme."""
    _quiet_failed_stores()  # a remote storage's failure too: one line, no password
    for uri, options in feeds.items():
        check_placeholders(str(uri), {*URI_PARAMS, *(known or ())})
        check_batches(str(uri), (options or {}).get("batch_item_count", batch_item_count))
        path = local_path(str(uri))
        if path is None:
            if storages is not None:
                check_storage(str(uri), storages)
            continue
        if path.startswith("~"):  # quoted, so no shell expanded it: a folder named `~` here
            raise UsageError(
                f"export {uri!r}: ~ is not expanded in an export path (it was quoted); write "
                "the full path, or $HOME unquoted"
            )
        if os.name != "nt" and _WINDOWS_PATH.match(path):
            # `-O C:\Users\ops\daily8.jsonl` made a file of that name in the project folder
            # (blind operator round 16)
            raise UsageError(
                f"export {uri!r} is a Windows path (a drive letter or a share, backslashes); on "
                "this machine write a path such as exports/daily8.jsonl"
            )
        path = path.replace("%(name)s", spider_name)
        if "%(" not in Path(path).name and "%(" not in str(Path(path).parent):
            check_name_length(path)
            target = check_target(path)
            check_writable(target.parent)
            check_append(target, options or {})
            check_not_being_written(target)
        else:
            folder = fixed_folder(Path(path).parent)
            check_target(folder / "_")  # the folder part: a directory or a new path
            check_writable(folder)


# Scrapy's remote storages and the library each needs (its storage is disabled without it,
# with an error in the log, and the crawl ran to the end exporting nothing, exit 0)
STORAGE_LIBRARIES = {
    "s3": ("botocore", "boto3"),
    "gs": ("google.cloud.storage", "google-cloud-storage"),
}


def check_storage(uri: str, storages: Mapping[str, Any]) -> None:
    """A remote export target whose scheme Scrapy does not know, or whose storage needs a
    library that is not installed, is one line before the crawl (ops round 9: `-O s3://...`
    without boto3 crawled everything, wrote nothing and exited 0)."""
    scheme = urlsplit(uri).scheme.lower()
    shown = without_password(uri)
    if scheme not in storages or storages.get(scheme) is None:
        known = ", ".join(sorted(s for s in storages if s and storages.get(s)))
        raise UsageError(
            f"export target {shown}: unknown storage scheme {scheme!r}"
            f"{did_you_mean(scheme, [s for s in storages if s])}; known: {known}, or a file path"
        )
    needs = STORAGE_LIBRARIES.get(scheme)
    if needs is not None and importlib.util.find_spec(needs[0].split(".")[0]) is None:
        raise UsageError(
            f"export target {shown}: {scheme}:// needs the {needs[1]} library, which is not "
            f"installed (pip install {needs[1]})"
        )


def without_password(uri: str) -> str:
    """``uri`` with the password of its ``user:password@`` part hidden (for messages)."""
    return _PASSWORD.sub(r"\1***@", uri)


_PASSWORD = re.compile(r"(//[^/@:\s]*:)[^/@\s]*@")


def check_not_being_written(target: Path) -> None:
    """Refuse a target whose ``.part`` a running crawl holds (its lock): this run would
    crawl for nothing, then fail its export, or replace the other run's when it ends."""
    from newsbot.incremental.recovery import hold_lock

    part = part_path(target)
    if not part.is_file():
        return
    lock = hold_lock(part)
    if lock is not None:  # nobody holds it: a killed run's, set aside when the export opens
        lock.close()
        return
    raise ExportFailed(
        f"{part} is being written by another run: let that run finish, or give this one "
        "another export file"
    )


# a `:format` suffix as an operator writes one, right or wrong (`jsonlines`, `json-lines`)
_FORMAT_SUFFIX = re.compile(r"[A-Za-z][\w-]*")


def check_cli_targets(values: Iterable[str], formats: Iterable[str] = ()) -> None:
    """``-o``/``-O`` values that name a folder, read before Scrapy takes the format from the
    file name: an existing folder or a path ending in ``/`` has no extension, and Scrapy's
    "Unrecognized output format ''" hid the real mistake. A ``:format`` suffix that is no
    format of ``formats`` is named (``-o -:json-lines`` was "format ''"), and one target given
    twice is refused: Scrapy kept only the last of the two (ops round 20)."""
    known = sorted(formats)
    seen: dict[str, str] = {}
    for value in values:
        uri, _, fmt = value.rpartition(":")
        if not uri or "/" in fmt or not fmt:  # no `:format` suffix (or a URI's own colon)
            uri = value
        elif known and _FORMAT_SUFFIX.fullmatch(fmt) and fmt not in known:
            raise UsageError(
                f"export target {value}: unknown format {fmt!r}{did_you_mean(fmt, known)}; "
                f"expected {one_of(known)} after the colon"
            )
        path = local_path(uri)
        same = os.path.abspath(path) if path is not None else uri
        if same in seen and path not in ("-", "stdout:"):
            raise UsageError(
                f"export target {uri} given twice ({seen[same]} and {value}): give each "
                "export its own file"
            )
        seen[same] = value
        if path is None or path in ("-", "stdout:"):
            continue
        try:
            path.encode("utf-8")
        except UnicodeEncodeError:  # a byte the shell passed that is no UTF-8 (ops round 14)
            shown = path.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
            raise UsageError(
                f"export target {shown} has bytes that are not UTF-8 text; give a name in "
                "UTF-8 (Scrapy's export cannot open it)"
            ) from None
        if not path.endswith(("/", "\\")):
            check_name_length(path)
        if path.endswith(("/", "\\")) or Path(path).is_dir():
            raise UsageError(
                f"export target {path} is a folder, not a regular file; give a file in it "
                f"(-O {Path(path) / 'items.jsonl'})"
            )


class GuardedFile(io.BufferedIOBase):
    """The ``.part`` file an exporter writes to; the first failed write fails the export.

    Later writes are dropped without a word (one error, not one per item). A binary file
    object, so exporters that wrap it in a text layer (CSV, XML) work as with a real file.
    """

    def __init__(self, handle: IO[bytes] | None, storage: AtomicFileFeedStorage) -> None:
        super().__init__()
        self.handle = handle
        self.storage = storage

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self.handle is not None and self.storage.error is None:
            try:
                return self.handle.write(data)
            except OSError as exc:
                self.storage.fail(exc)
        return len(data)

    def flush(self) -> None:
        if self.handle is not None and self.storage.error is None and not self.handle.closed:
            try:
                self.handle.flush()
            except OSError as exc:
                self.storage.fail(exc)

    def fileno(self) -> int:
        if self.handle is None:
            raise OSError("export file not open")
        return self.handle.fileno()

    def close(self) -> None:
        """Leaves the ``.part`` to ``store()`` (a text layer closes us when it is dropped)."""
        if not self.closed:
            self.flush()
            super().close()


class _CrawlerStorage:
    """A feed storage that knows its crawler (to record a failed export and stop it)."""

    crawler: Any = None

    @classmethod
    def from_crawler(
        cls, crawler: Any, uri: str, *, feed_options: dict[str, Any] | None = None
    ) -> Any:
        storage = cls(uri, feed_options=feed_options)  # type: ignore[call-arg]
        storage.crawler = crawler
        return storage


def _quiet_failed_stores() -> None:
    feedexport_logger = logging.getLogger("scrapy.extensions.feedexport")
    if _QUIET not in feedexport_logger.filters:
        feedexport_logger.addFilter(_QUIET)


def stop_failed_export(crawler: Any, error: str, reason: str = EXPORT_FAILED_REASON) -> None:
    """Record a failed export (exit status 3) and stop the crawl with ``reason``."""
    if crawler is None:
        return
    if crawler.stats is not None:
        crawler.stats.inc_value(EXPORT_FAILED_STAT)
        crawler.stats.set_value(EXPORT_ERROR_STAT, error)
    engine = getattr(crawler, "engine", None)
    if engine is not None and getattr(engine, "running", False):
        from scrapy.utils.defer import _schedule_coro

        _schedule_coro(engine.close_spider_async(reason=reason))


class GuardedStdoutFeedStorage(_CrawlerStorage):
    """``-O -`` (``stdout:``): the first write that fails (a full disk behind a redirect, a
    reader that went away) fails the export in one line, exit 3, instead of a traceback per
    item and exit 0 with a torn last line."""

    def __init__(
        self, uri: str, _stdout: IO[bytes] | None = None, *, feed_options: dict | None = None
    ) -> None:
        import sys

        self.uri = uri
        self._stdout: IO[bytes] = _stdout or sys.stdout.buffer
        self.crawler: Any = None
        self.error: OSError | None = None
        _quiet_failed_stores()

    def open(self, spider: Any) -> GuardedFile:
        return GuardedFile(self._stdout, self)  # type: ignore[arg-type]

    def fail(self, error: OSError) -> None:
        if self.error is not None:
            return
        self.error = error
        reason = error.strerror or str(error)
        if isinstance(error, BrokenPipeError):
            reason = "its reader went away (broken pipe)"
        _quiet_stdout()  # what is left in the buffer cannot be written either
        logger.error(
            "Export failed: cannot write standard output: %s. The crawl stops; nothing of "
            "this run is recorded in the seen-store, so the next run exports these articles "
            "again.",
            reason,
        )
        stop_failed_export(self.crawler, f"standard output: {reason}")

    def store(self, file: Any) -> None:
        if self.error is None:
            try:
                self._stdout.flush()
            except OSError as exc:
                self.fail(exc)
        if self.error is not None:
            raise ExportFailed(f"standard output: {self.error.strerror or self.error}")


def _quiet_stdout() -> None:
    """Point standard output at /dev/null: Python's flush at exit would fail again (a closed
    pipe, a full disk), print a traceback and exit 120."""
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


class _QuietExportFailure(logging.Filter):
    """Scrapy logs a failed ``store()`` with a traceback; ours already said why, in one line.
    A feed URI's password is never logged (``ftp://user:***@host/...``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, dict):
            record.args = {
                k: without_password(v) if isinstance(v, str) else v for k, v in record.args.items()
            }
        elif isinstance(record.args, tuple):
            record.args = tuple(
                without_password(v) if isinstance(v, str) else v for v in record.args
            )
        if record.exc_info and isinstance(record.exc_info[1], ExportFailed):
            record.msg = f"{record.msg} (%s)"
            record.args = (*(record.args or ()), record.exc_info[1])  # type: ignore[misc]
            record.exc_info = None
            record.exc_text = None
        return True


_QUIET = _QuietExportFailure()


class AtomicFileFeedStorage(_CrawlerStorage, FileFeedStorage):
    """``file://`` and plain paths, written under a temporary name, renamed when done."""

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.crawler: Any = None
        self.error: OSError | None = None
        self.committed = False
        self.kept_previous = False  # an empty run left the existing target as it was
        self.collided = False  # the default export's name was taken by another run
        self.new_file = bool((feed_options or {}).get(NEW_FILE))
        self._temporary: Path | None = None
        self._handle: IO[bytes] | None = None
        _quiet_failed_stores()

    @property
    def final(self) -> Path:
        return Path(self.path)

    @property
    def temporary(self) -> Path | None:
        """The ``.part`` file being written (None before ``open`` or after a failure)."""
        return self._temporary

    def open(self, spider: Any) -> GuardedFile:
        if self.error is not None:  # failed before its first item (e.g. the seen-store)
            return GuardedFile(None, self)
        try:
            final = check_target(self.path)
            if self.new_file and final.exists():
                self.collided = True
                run_id = self.crawler.settings.get("NEWSBOT_RUN_ID") if self.crawler else None
                self.fail(
                    OSError(
                        f"{final} exists: another run with NEWSBOT_RUN_ID={run_id} started in "
                        "the same second wrote it (give each run its own NEWSBOT_RUN_ID, or "
                        "leave it unset for a random one)"
                    )
                )
                return GuardedFile(None, self)
            final.parent.mkdir(parents=True, exist_ok=True)
            temporary = part_path(final)
            try:
                self._handle = create_locked(temporary)
            except FileExistsError:
                # a .part nobody holds is a killed run's: set it aside (JSON Lines ones the
                # incremental runs recover before this; other formats are crawled again)
                if not set_aside_stale(temporary):
                    raise
                self._handle = create_locked(temporary)
            self._temporary = temporary
            if self.write_mode == "ab" and final.exists():
                with final.open("rb") as existing:  # -o appends: start from what is there
                    shutil.copyfileobj(existing, self._handle)
        except FileExistsError:
            self.fail(FileExistsError(f"{part_path(self.path)} is being written by another run"))
        except UsageError as exc:
            self.fail(OSError(str(exc)))
        except OSError as exc:
            self.fail(exc)
        return GuardedFile(self._handle, self)

    def fail(self, error: OSError) -> None:
        """The export cannot be completed: say so once, stop the crawl, keep no ``.part``."""
        if self.error is not None:
            return
        self.error = error
        reason = error.strerror or str(error)
        logger.error(
            "Export failed: cannot write %s: %s. The crawl stops; nothing of this run is "
            "recorded in the seen-store, so the next run exports these articles again.",
            self.path,
            reason,
        )
        if self._temporary is not None:
            discard(self._handle, self._temporary)
            self._handle = None
        stop_failed_export(self.crawler, f"{self.path}: {reason}")

    def store(self, file: Any) -> None:
        if self.error is None and self._handle is not None and self._temporary is not None:
            if self._keeps_previous():
                return None
            try:
                commit(self._handle, self._temporary, self.path)
            except OSError as exc:
                self.fail(exc)
            else:
                self.committed = True
                if self.crawler is not None and self.crawler.stats is not None:
                    self.crawler.stats.inc_value(STORED_STAT)
                return None
        if self.error is None:
            self.fail(OSError(f"{self.path} was never opened"))
        raise ExportFailed(f"{self.path}: {self.error.strerror or self.error}")

    def _min_articles_found(self) -> int:
        settings = getattr(self.crawler, "settings", None)
        if settings is None:
            return 1
        try:
            return settings.getint("NEWSBOT_HEALTH_MIN_ARTICLES_FOUND", 1)
        except (TypeError, ValueError):
            return 1

    def _keeps_previous(self) -> bool:
        """After a run that read nothing, dropped all it read or found nothing new, an existing
        ``-O`` target is kept and the empty ``.part`` discarded: a wrong address, a site down
        or a rule that drops every article must not blank yesterday's export, and an
        incremental run must not blank articles the seen-store will never export again."""
        assert self._handle is not None and self._temporary is not None
        stats = self.crawler.stats.get_stats() if self.crawler and self.crawler.stats else {}
        final = self.final
        try:
            previous = final.is_file() and final.stat().st_size > 0
        except OSError:
            return False
        # no item exported by any feed (a JSON, CSV or XML export still wrote its brackets,
        # header or root element: counted in bytes, `-O x.json` was replaced by `[]`)
        if stats.get("item_scraped_count") or not previous or not stats:
            return False  # exported something, nothing to keep, or no crawl's counts to judge
        if read_nothing(stats):
            why = (
                f"this run read nothing ({stats.get(names.PAGES_FAILED, 0)} page(s) failed, "
                f"{stats.get(names.ARTICLES_SCHEDULED, 0)} article(s) asked for and none read)"
                if stats.get("downloader/response_count") or stats.get(names.PAGES_FAILED)
                else "this run read nothing (it stopped before any page answered)"
            )
        elif dropped_everything(stats):
            why = (
                f"this run dropped every article it read ({stats['item_dropped_count']}: a "
                "profile or a noise rule that drops them all?)"
            )
        elif found_no_article(stats, self._min_articles_found()):
            why = (
                f"its listings led to no article ({stats.get(names.LISTING_PAGES, 0)} listing "
                "page(s) read: the wrong site or spider, or listings built by script?)"
            )
        elif self.write_mode == "wb" and _found_nothing_new(stats):
            # an incremental run onto the previous run's export: its articles are in the
            # seen-store and no run would export them again (ops round 7 lost 103 this way)
            why = f"this run found nothing new ({_nothing_new_counts(stats)})"
        else:
            return False
        discard(self._handle, self._temporary)
        self._handle = None
        self.kept_previous = True
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(KEPT_PREVIOUS_STAT)
        logger.warning(
            "Kept %s as it was: %s; the run summary records what happened", self.path, why
        )
        return True


def found_no_article(stats: dict[str, Any], minimum: int) -> bool:
    """Whether the run's pages answered but led to no article at all (nothing asked for,
    read or skipped): the "articles found" health check fails it (``minimum`` > 0), and a
    site whose listings moved to script, or the wrong spider for it, must not blank
    yesterday's export (ops round 8: 103 records replaced by an empty file)."""
    if minimum <= 0 or stats.get(names.ARTICLES_SCHEDULED) or stats.get(SKIPPED_OLDER):
        return False
    if not stats.get("downloader/response_count"):
        return False  # no page answered: read_nothing's case, or no crawl at all
    return not _read_any(stats)


def read_nothing(stats: dict[str, Any]) -> bool:
    """Whether a run read no article at all (nothing exported, dropped, unchanged, skipped as
    seen or as older than ``since``) and some page failed, it asked for articles it never
    got to (stopped by a ``CLOSESPIDER_*`` limit, a timeout, Ctrl-C) or no page answered at
    all (stopped before the first)."""
    # pages answered, none failed and nothing was asked for: an empty site, the empty file is
    # its answer; no page answered and none failed: stopped before the first answer (ops
    # round 10: `CLOSESPIDER_TIMEOUT=0.3` emptied yesterday's 103-record `-O` target)
    answered = stats.get("downloader/response_count")
    if answered and not stats.get(names.PAGES_FAILED) and not stats.get(names.ARTICLES_SCHEDULED):
        return False
    return not _read_any(stats)


def _read_any(stats: dict[str, Any]) -> bool:
    """Whether the run exported, dropped, skipped or found unchanged some article."""
    read = ("item_scraped_count", "item_dropped_count")
    return any(stats.get(key) for key in read) or _found_nothing_new(stats)


def dropped_everything(stats: dict[str, Any]) -> bool:
    """Whether a run read articles and dropped every one of them (nothing exported, none
    skipped as seen or older than ``since``, none unchanged): a fault, never an answer."""
    if not stats.get("item_dropped_count") or stats.get("item_scraped_count"):
        return False
    return not _found_nothing_new(stats)


def _found_nothing_new(stats: dict[str, Any]) -> bool:
    """Whether some article was skipped as seen or as older than ``since``, or found
    unchanged: a run that read such articles has an empty file as its right answer."""
    skipped = (names.SKIPPED_SEEN, SKIPPED_OLDER)
    return any(stats.get(key) for key in skipped) or any(
        value for key, value in stats.items() if key.startswith(names.INCREMENTAL)
    )


def _nothing_new_counts(stats: dict[str, Any]) -> str:
    """``12 skipped as seen, 3 unchanged``: what a run that found nothing new read."""
    counts = {
        "skipped as seen": stats.get(names.SKIPPED_SEEN, 0),
        "unchanged": stats.get(names.INCREMENTAL + "unchanged", 0),
        "older than since": stats.get(SKIPPED_OLDER, 0),
    }
    return ", ".join(f"{n} {what}" for what, n in counts.items() if n) or "none read"


SKIPPED_OLDER = names.key("skipped/older_than_since")  # nothing new: no article to export
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def safe_component(value: object) -> str:
    """A single path component: no separators, no ``..``, never empty."""
    text = _UNSAFE.sub("_", str(value)).strip("._") or "_"
    return text[:100]


def uri_params(params: dict[str, Any], spider: Any) -> dict[str, Any]:
    """Feed URI parameters that cannot escape the export folder.

    Scrapy offers every spider attribute (spider arguments included) to the URI template;
    each is reduced to one safe path component, ``%(time)s`` is the crawl's UTC start
    time, compact: ``20261125T120000Z``, and ``%(run_id)s`` the run's id (``NEWSBOT_RUN_ID``,
    random unless set), so that two runs started in the same second never share a name.
    """
    safe = {
        key: safe_component(value if isinstance(value, str) else ",".join(map(str, value)))
        for key, value in params.items()
        if isinstance(value, (str, list, tuple))  # `-a start_urls` is a list of URLs
    }
    params.update(safe)
    # the -a arguments as typed (a spider keeps them apart from its attributes)
    for key, value in (getattr(spider, "given_arguments", None) or {}).items():
        params[key] = safe_component(value)
    crawler = getattr(spider, "crawler", None)
    started = run_context(crawler).started_at
    params["time"] = started.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    settings = getattr(crawler, "settings", None)
    run_id = settings.get("NEWSBOT_RUN_ID") if settings is not None else None
    params["run_id"] = safe_component(run_id or new_run_id())
    return params


def new_run_id() -> str:
    """Six hex digits: unique enough per second and folder (names are created with O_EXCL)."""
    return secrets.token_hex(3)


class JsonLinesExporter(JsonLinesItemExporter):
    """Scrapy's JSON Lines exporter, with a direct path for the spiders' plain dict items.

    A dict item has no field metadata, so every field serialises to itself: the line is the
    same as Scrapy's (same encoder, same field order), without a per-field method call.
    """

    def export_item(self, item: Any) -> None:
        fields = self.fields_to_export
        if type(item) is not dict or not isinstance(fields, (list, tuple)):
            super().export_item(item)
            return
        if self.export_empty_fields:
            itemdict = {name: item.get(name) for name in fields}
        else:
            itemdict = {name: item[name] for name in fields if name in item}
        self.file.write(to_bytes(self.encoder.encode(itemdict) + "\n", self.encoding))
