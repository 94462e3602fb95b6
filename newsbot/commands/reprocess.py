"""``scrapy reprocess IN.jsonl -O OUT.jsonl``: re-run the item pipelines over an export.

Use it after rules change (noise rules, timestamp parsing, validation): every record of an
existing JSON Lines export goes through the project's ``ITEM_PIPELINES``, in the same order
and with the same settings as a crawl, inside a crawl of a spider that sends no requests.
Each record keeps its ``crawled_at``, which pipelines use as the anchor for relative times.

A JSON array (a ``.json`` export) is read as well, its Nth record reported as line N; one a
killed crawl cut short gives the whole records before the cut. A gzip, bzip2 or xz file (what
Scrapy's feed ``postprocessing`` writes) is read decompressed; the output is plain JSON Lines.
An empty input (a quiet incremental run's export) gives an empty output, exit 0; a target
that holds records is not replaced by it (exit 2).
Each line is read as UTF-8; a line that is not (an export saved as Latin-1 or Windows-1252)
keeps its valid UTF-8 and has every other byte read as the Windows-1252 character it most
likely is (the Latin-1 byte 0xC9 is ``É``), never U+FFFD; such lines are counted and
reported once.
Lines that are not JSON objects are reported on stderr as ``line N: <reason>`` (the first
ten, then a count) and skipped; records a pipeline drops are reported with their line number
and the reason. The output is written atomically (``newsbot.atomic``: a temporary file in the
same folder, fsynced, renamed; mode 0644 like crawl exports), so a failed run leaves no
half-written file. ``-o`` appends to the output instead of overwriting it.

The input and the target are checked before anything is read: a missing input, a directory
on either side, or a target crawl would refuse (``newsbot.feeds.check_target``) is one line on
stderr and exit 2; a folder that cannot be written is exit 3.

It never replaces its target with less than it read; each of these leaves it untouched: an
input with lines but no valid record (a binary file, the wrong file: exit 2), records that were all
dropped (another tool's export, a rule that drops everything: exit 2), a mistake in a setting
or the environment found when the crawl starts (one line, exit 2), a record a pipeline failed
on, a crawl that could not run, stopped before every record went through the pipelines (Ctrl-C:
the records under way finish, exit 130; a second Ctrl-C stops at once) or logged an error (a
pipeline's ``close_spider`` that failed: exit 1), a write that fails (disk full: exit 3).
Scrapy's INFO log is not shown (``-L INFO`` shows it); nothing is recorded in the seen-store.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import json
import lzma
import os
import re
import signal
import sys
import zlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from itemadapter import ItemAdapter
from scrapy import Spider, signals
from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError as ScrapyUsageError
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.ossignal import install_shutdown_handlers
from scrapy.utils.serialize import ScrapyJSONEncoder

from newsbot.atomic import write_atomically as write_file
from newsbot.commands.crawl import check_log_level, failure_of, report_failure
from newsbot.commands.stops import hold_early_stops, ignore_late_stops, stopped_early
from newsbot.exitcodes import ExitCode, ExportFailed, UsageError
from newsbot.feeds import check_not_being_written, check_target, check_writable
from newsbot.items import EXPORT_FIELDS, OPTIONAL_FIELDS
from newsbot.record_check import field_problem
from newsbot.settings_check import check_setting_pairs

ANCHOR = "crawled_at"
BAD_LINES_SHOWN = 10
EMPTY_LINE = "empty line"
# a byte that is not part of valid UTF-8, as the "surrogateescape" error handler keeps it
ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _file_state(path: str | Path) -> tuple[int, int, int] | None:
    """What tells one version of a file from the next: inode, size, modification time."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


def _same_file(a: Path, b: Path) -> bool:
    """The same file under any name: a symlink, `../`, or a hard link (device and inode)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


@dataclass
class Summary:
    read: int = 0
    written: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)
    dropped: list[tuple[int | None, str]] = field(default_factory=list)
    errors: list[tuple[int | None, str]] = field(default_factory=list)
    redecoded: list[int] = field(default_factory=list)  # lines that were not UTF-8
    unfinished: int = 0  # records the crawl ended without (neither written, dropped nor failed)
    finish_reason: str | None = None
    logged_errors: int = 0  # e.g. a pipeline's close_spider that failed
    interrupted: bool = False  # Ctrl-C or SIGTERM: the records under way finished, no more
    # fields every line of a current export has that written records lack (an older export's
    # records): field -> their line numbers
    lacking: dict[str, list[int]] = field(default_factory=dict)

    @property
    def empty_input(self) -> bool:
        """The input holds nothing at all (no bytes, or blank lines): a quiet run's export."""
        return self.read == len(self.bad) and all(why == EMPTY_LINE for _, why in self.bad)

    @property
    def all_dropped(self) -> bool:
        """Every record was dropped: the wrong file, or a rule that drops everything."""
        return (
            bool(self.dropped)
            and not self.errors
            and len(self.dropped) == self.read - len(self.bad)
        )

    def not_written_because(self) -> str | None:
        """Why the output must not be written, or None for a clean run over every record."""
        if self.errors:
            return f"{len(self.errors)} record(s) failed in a pipeline"
        if self.unfinished:
            stopped = (
                "interrupted"
                if self.interrupted
                else f"the crawl stopped (finish reason: {self.finish_reason or 'none'})"
            )
            return f"{stopped} before {self.unfinished} record(s) went through the pipelines"
        if self.logged_errors:
            return f"{self.logged_errors} error(s) logged above"
        if self.all_dropped:
            return (
                f"every record was dropped ({len(self.dropped)}): an export of another tool, "
                "or a rule that drops them all?"
            )
        return None

    def report(self, stream: Any = None) -> None:
        stream = stream or sys.stderr
        for n, reason in self.bad[:BAD_LINES_SHOWN]:
            print(f"line {n}: {reason}", file=stream)
        if len(self.bad) > BAD_LINES_SHOWN:
            print(f"... and {len(self.bad) - BAD_LINES_SHOWN} more bad lines", file=stream)
        for line_no, reason in self.dropped:
            where = line_no if line_no is not None else "?"
            print(f"line {where}: dropped: {reason}", file=stream)
        for line_no, reason in self.errors:
            where = line_no if line_no is not None else "?"
            print(f"line {where}: pipeline error: {reason}", file=stream)
        if self.redecoded:
            print(
                f"{len(self.redecoded)} line(s) not UTF-8, re-decoded as Windows-1252 "
                f"(first: line {self.redecoded[0]})",
                file=stream,
            )
        for name, lines in self.lacking.items():
            print(
                f"{len(lines)} record(s) without {name} (first: line {lines[0]}), a field every "
                "line of a current export has: written as read, without it (an older export?)",
                file=stream,
            )
        print(
            f"reprocess: {self.read} lines read, {self.written} records written, "
            f"{len(self.bad)} bad lines skipped, {len(self.dropped)} dropped, "
            f"{len(self.errors)} failed",
            file=stream,
        )


def _as_cp1252(match: re.Match[str]) -> str:
    byte = bytes([ord(match.group()) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:  # 5 bytes Windows-1252 leaves undefined: their Latin-1 meaning
        return byte.decode("latin-1")


def decode_line(raw: bytes) -> tuple[str, bool]:
    """``raw`` as text, and whether it was not UTF-8 (then its valid UTF-8 is kept and every
    other byte read as Windows-1252: never U+FFFD)."""
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return ESCAPED_BYTE.sub(_as_cp1252, raw.decode("utf-8", "surrogateescape")), True


# what Scrapy's feed postprocessing plugins write (FEEDS' "postprocessing"): by magic bytes
_DECOMPRESSING: dict[bytes, Any] = {
    b"\x1f\x8b": gzip.open,
    b"BZh": bz2.open,
    b"\xfd7zXZ\x00": lzma.open,
}
_CUT_SHORT = (EOFError, OSError, lzma.LZMAError, zlib.error)


def open_input(path: str | Path) -> BinaryIO:
    """``path`` for reading, decompressed if it is a gzip, bzip2 or xz file (by its first
    bytes, whatever its name)."""
    with open(path, "rb") as fh:
        head = fh.read(6)
    for magic, opener in _DECOMPRESSING.items():
        if head.startswith(magic):
            return opener(path, "rb")
    return open(path, "rb")


def read_records(path: str | Path, summary: Summary) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for each JSON object line; the rest go to ``summary.bad``. A
    JSON array (a ``.json`` export: ``[`` first) is read whole, its Nth object as line N. A
    compressed export (gzip, bzip2, xz) is read decompressed; one cut short (a killed run)
    gives the records before the cut."""
    with open_input(path) as fh:
        try:
            head = fh.read(64)
        except _CUT_SHORT as exc:
            summary.read += 1
            summary.bad.append((1, f"cannot decompress: {exc}"))
            return
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
            fh.seek(0)
            yield from _array_records(_read_all(fh), summary)
            return
        fh.seek(0)
        lines = iter(fh)
        n = 0
        while True:
            try:
                raw = next(lines)
            except StopIteration:
                return
            except _CUT_SHORT as exc:
                summary.read += 1
                summary.bad.append((n + 1, f"the compressed file is cut short ({exc})"))
                return
            n += 1
            summary.read += 1
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):  # a byte order mark, not a record's
                raw = raw[3:]
            if not raw.strip():
                summary.bad.append((n, EMPTY_LINE))
                continue
            text, redecoded = decode_line(raw)
            if redecoded:
                summary.redecoded.append(n)
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                summary.bad.append((n, f"invalid JSON: {exc.msg} (column {exc.colno})"))
                continue
            problem = _record_problem(record)
            if problem is not None:
                summary.bad.append((n, problem))
                continue
            yield n, record


def _read_all(fh: BinaryIO) -> bytes:
    """All of ``fh``; of a compressed file cut short, what came before the cut."""
    chunks: list[bytes] = []
    try:
        while chunk := fh.read(1 << 20):
            chunks.append(chunk)
    except _CUT_SHORT:  # the array's parse then says where it breaks off
        pass
    return b"".join(chunks)


def _record_problem(record: Any) -> str | None:
    """Why a parsed line is not a record to reprocess (not an object, a field of the wrong
    type), or None."""
    if not isinstance(record, dict):
        return f"not a JSON object but {type(record).__name__}"
    return field_problem(record)


def _array_records(raw: bytes, summary: Summary) -> Iterator[tuple[int, dict[str, Any]]]:
    text, redecoded = decode_line(raw.removeprefix(b"\xef\xbb\xbf"))
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        items, cut = _array_prefix(text)
        if cut is None:  # "[" then something that is not a JSON value at all
            summary.read += 1
            summary.bad.append((exc.lineno, f"a JSON array that does not parse: {exc.msg}"))
            return
        # what a killed `-O x.json` leaves: "[", whole records, one cut in the middle
        summary.bad.append(
            (len(items) + 1, f"the JSON array breaks off at line {cut.lineno}: {cut.msg}")
        )
        summary.read += 1
    if not isinstance(items, list):
        summary.read += 1
        summary.bad.append((1, f"not a JSON array or JSON Lines but {type(items).__name__}"))
        return
    if redecoded:
        summary.redecoded.append(1)
    for n, record in enumerate(items, 1):
        summary.read += 1
        problem = _record_problem(record)
        if problem is not None:
            summary.bad.append((n, problem))
        else:
            yield n, record


def _array_prefix(text: str) -> tuple[list[Any], json.JSONDecodeError | None]:
    """The whole values at the start of a JSON array that does not parse, and where it
    stopped parsing (None: not even one value could be read after ``[``)."""
    decoder = json.JSONDecoder()
    items: list[Any] = []
    pos = text.index("[") + 1
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        try:
            value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            return items, (exc if items else None)
        items.append(value)


def ordered(record: dict[str, Any]) -> dict[str, Any]:
    """The record with EXPORT_FIELDS first, then optional fields, then anything else."""
    keys = [k for k in (*EXPORT_FIELDS, *OPTIONAL_FIELDS) if k in record]
    keys += [k for k in record if k not in keys]
    return {k: record[k] for k in keys}


def write_atomically(path: str | Path, lines: list[str], append: bool = False) -> None:
    """``lines`` as the file ``path`` (after its current content with ``append``), atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    chunks: list[bytes] = []
    if append and path.exists():
        existing = path.read_bytes()
        chunks.append(existing)
        if existing and not existing.endswith(b"\n"):
            chunks.append(b"\n")
    chunks.extend((line + "\n").encode("utf-8") for line in lines)
    write_file(path, chunks)


class ReprocessSpider(Spider):
    """Sends no requests: its start() yields the records of the input file as items."""

    name = "reprocess"
    # no export, no seen-store, no health checks: the command writes its own output
    custom_settings = {"FEEDS": {}, "NEWSBOT_INCREMENTAL": False, "SPIDERMON_ENABLED": False}

    def __init__(
        self,
        records: list[tuple[int, dict[str, Any]]] | None = None,
        summary: Summary | None = None,
        **kw: Any,
    ):
        super().__init__(**kw)
        self.records = records or []
        self.summary = summary or Summary()  # its ``interrupted``: set by the first Ctrl-C

    async def start(self) -> AsyncIterator[Any]:
        for _, record in self.records:
            if self.summary.interrupted:  # no more records; the ones under way finish
                return
            yield record


class Reprocessor:
    """Collects what the pipelines did to each record of one run."""

    def __init__(self, records: list[tuple[int, dict[str, Any]]], summary: Summary) -> None:
        self.records = records
        self.summary = summary
        self.line_of = {id(rec): n for n, rec in records}
        self.anchor = {n: rec[ANCHOR] for n, rec in records if ANCHOR in rec}
        self.by_key = {self._key(rec): n for n, rec in records}
        self.output: list[tuple[int, dict[str, Any]]] = []

    @staticmethod
    def _key(record: Any) -> tuple[str, str]:
        adapter = ItemAdapter(record)
        return str(adapter.get("id", "")), str(adapter.get("url", ""))

    def _line(self, item: Any) -> int | None:
        n = self.line_of.get(id(item))
        return n if n is not None else self.by_key.get(self._key(item))

    def connect(self, crawler: Any) -> None:
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(self.item_error, signal=signals.item_error)

    def item_scraped(self, item: Any) -> None:
        n = self._line(item)
        record = ItemAdapter(item).asdict()
        if n is not None and n in self.anchor:
            record[ANCHOR] = self.anchor[n]
        self.output.append((n if n is not None else sys.maxsize, record))

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        self.summary.dropped.append((self._line(item), str(exception) or type(exception).__name__))

    def item_error(self, item: Any, failure: Any) -> None:
        self.summary.errors.append((self._line(item), failure.getErrorMessage()))

    def unfinished(self) -> int:
        """Records that were neither written, dropped nor failed (the crawl ended first)."""
        summary = self.summary
        return len(self.records) - len(self.output) - len(summary.dropped) - len(summary.errors)

    def lines(self) -> list[str]:
        encoder = ScrapyJSONEncoder(ensure_ascii=False)
        written = sorted(self.output, key=lambda x: x[0])
        lacking: dict[str, list[int]] = {}
        for n, rec in written:
            for name in EXPORT_FIELDS:
                if name not in rec:
                    lacking.setdefault(name, []).append(n)
        self.summary.lacking = lacking  # (the same whatever the number of calls)
        return [encoder.encode(ordered(rec)) for _, rec in written]


class NothingToReprocess(UsageError):
    """The input holds no valid record."""


def check_input(path: str | Path) -> Path:
    """The JSON Lines file to read; :class:`UsageError` if it is missing, a directory, a
    device or cannot be read."""
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"{path} is a directory; expected a JSON Lines file")
    if not path.exists():
        raise UsageError(f"{path}: no such file; expected a JSON Lines file")
    if not path.is_file():
        raise UsageError(f"{path} is a device or special file; expected a JSON Lines file")
    try:
        path.open("rb").close()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    _check_not_being_written(path)
    return path


def _check_not_being_written(path: Path) -> None:
    """A running crawl's ``.part`` (it holds the file's lock) is refused: its last line may be
    half written, and the records after it are still to come (ops round 7 reprocessed one)."""
    from newsbot.incremental.recovery import hold_lock

    lock = hold_lock(path)
    if lock is not None:
        lock.close()
        return
    final = path.name.removesuffix(".part") if path.name.endswith(".part") else None
    after = f" and reprocess {path.with_name(final)}" if final else ""
    raise UsageError(f"{path} is being written by a running crawl: let the run finish{after}")


# what another format's file is called: reprocess writes JSON Lines only (ops round 8: a
# `-O out.csv` held JSON Lines without a word)
_OTHER_FORMATS = {".csv", ".json", ".xml", ".tsv", ".pickle", ".pkl", ".marshal", ".xlsx"}
_COMPRESSED = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz", ".zst": "zstd", ".zip": "zip"}


def check_json_lines_name(target: Path) -> None:
    """A target named for another format is refused: the file would hold JSON Lines. So is
    crawl's ``FILE:format`` form (``out.jsonl:xlsx``), which would name the file with it."""
    name, colon, form = target.name.rpartition(":")
    if colon and name and form and form.replace("_", "").isalnum():
        raise UsageError(
            f"{target}: reprocess writes JSON Lines and takes no ':{form}' format (that is "
            f"scrapy crawl's -O FILE:FORMAT); give a .jsonl name ({target.with_name(name)})"
        )
    suffix = target.suffix.lower()
    if suffix in _COMPRESSED:
        # ops round 13: `-O out.jsonl.gz` held plain JSON Lines that zcat refused
        inner = target.with_suffix("")
        plain = inner if inner.suffix.lower() == ".jsonl" else inner.with_suffix(".jsonl")
        raise UsageError(
            f"{target}: reprocess writes plain JSON Lines, not {_COMPRESSED[suffix]}; give a "
            f".jsonl name ({plain}) and compress the file afterwards"
        )
    if suffix in _OTHER_FORMATS:
        raise UsageError(
            f"{target}: reprocess writes JSON Lines, not {suffix[1:].upper()}; give a .jsonl "
            f"name ({target.with_suffix('.jsonl')})"
        )


def check_settings_of_a_run(settings: Any, out_path: str | Path) -> None:
    """An empty input starts no crawler, so nothing would read the settings: they are
    checked here as a run checks them (ops round 24: ``-s NEWSBOT_WORKERS=1.5`` over an empty
    file wrote an empty export and exited 0)."""
    from newsbot import settings as defaults
    from newsbot.addons.environment import EnvironmentAddon
    from newsbot.workers.pool import worker_count

    copy = settings.copy()
    try:
        EnvironmentAddon().update_settings(copy)
        worker_count(copy.get("NEWSBOT_WORKERS", defaults.NEWSBOT_WORKERS))
    except UsageError as error:
        raise UsageError(f"{error}; {out_path} left untouched") from None


def reprocess(process: Any, in_path: str | Path, out_path: str | Path, append: bool) -> Summary:
    """Run the pipelines of ``process``'s settings over ``in_path``; write ``out_path``.

    Raises :class:`NothingToReprocess` (before any pipeline runs) when no line of
    ``in_path`` is a record, :class:`UsageError` for a mistake found when the crawl starts,
    :class:`ExportFailed` when the write fails, and whatever stopped the crawl; writes nothing
    then, nor when ``summary.not_written_because()`` says why.
    """
    summary = Summary()
    before = _file_state(out_path)
    records = list(read_records(in_path, summary))
    if not records and summary.empty_input:
        check_settings_of_a_run(process.settings, out_path)
        if not append and before is not None and before[1] > 0:
            # ops rounds 10 and 11: an empty file picked up by mistake blanked an export
            raise NothingToReprocess(
                f"{in_path} holds no record; {out_path} holds records and is left untouched "
                "(remove it first to write an empty output)"
            )
        # an empty export is what a run that found nothing new writes: its answer is empty too
        if not append:
            _write_checked(out_path, before, [])
        return summary
    if not records:
        # the first line that says what is wrong with the file (ops round 5: a CSV export)
        first = next(((n, why) for n, why in summary.bad if why != EMPTY_LINE), None)
        where = f"; line {first[0]}: {first[1]}" if first else ""
        raise NothingToReprocess(
            f"{in_path} has no valid JSON Lines record ({summary.read} line(s) read, "
            f"{len(summary.bad)} bad{where}); {out_path} left untouched"
        )
    collector = Reprocessor(records, summary)
    crawler = process.create_crawler(ReprocessSpider)
    collector.connect(crawler)
    _stop_softly_on_signal(process, summary)
    errors: list[BaseException] = []
    run = process.crawl(crawler, records=records, summary=summary)
    if hasattr(run, "addErrback"):  # a Deferred (a non-asyncio reactor)
        run.addErrback(lambda failure: errors.append(failure.value))
    process.start()
    ignore_late_stops()
    error = failure_of(run, errors)
    if isinstance(error, UsageError):
        raise UsageError(f"{error}; {out_path} left untouched") from None
    if error is not None:
        raise error
    stats = crawler.stats.get_stats() if crawler.stats else {}
    summary.unfinished = collector.unfinished()
    summary.finish_reason = stats.get("finish_reason")
    summary.logged_errors = stats.get("log_count/ERROR", 0)
    if summary.not_written_because() is None:
        _write_checked(out_path, before, collector.lines(), append=append)
        summary.written = len(collector.output)
    return summary


def _write_checked(
    out_path: str | Path, before: Any, lines: list[str], append: bool = False
) -> None:
    """``lines`` written to ``out_path``, unless another run wrote it meanwhile (ops round
    5: a crawl's fresh export replaced by the older records reprocess had read)."""
    check_not_being_written(Path(out_path))
    if _file_state(out_path) != before:
        raise ExportFailed(
            f"{out_path} changed while reprocess ran (another run wrote it); run it "
            f"again on the new file; {out_path} left untouched"
        )
    try:
        write_atomically(out_path, lines, append=append)
    except OSError as exc:
        raise ExportFailed(
            f"cannot write {out_path}: {exc.strerror or exc}; {out_path} left untouched"
        ) from None


def _stop_softly_on_signal(process: Any, summary: Summary) -> None:
    """The first Ctrl-C (or SIGTERM) stops feeding records and lets the ones under way
    finish, then the command leaves the target untouched (exit 130); a second one stops at
    once. Scrapy's own graceful stop cancels the feed in the middle of a record and then
    waits for it forever. Installed at once and under the name Scrapy installs when the
    reactor starts, so a Ctrl-C while the crawl opens is a soft stop as well."""

    def on_signal(_signum: int, _frame: Any) -> None:
        summary.interrupted = True
        install_shutdown_handlers(process._signal_kill)  # noqa: SLF001 (Scrapy's forced stop)

    process._signal_shutdown = on_signal  # noqa: SLF001
    install_shutdown_handlers(on_signal)
    if stopped_early():  # while Scrapy was being set up: no record is fed
        on_signal(signal.SIGINT, None)


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "IN.jsonl (-O OUT.jsonl | -o OUT.jsonl)"

    def short_desc(self) -> str:
        return "Re-run the item pipelines over an existing JSON Lines export"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("-o", "--output", metavar="FILE", help="append records to FILE")
        parser.add_argument(
            "-O", "--overwrite-output", metavar="FILE", help="write records to FILE (replace it)"
        )

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        try:  # Scrapy's own message does not name the setting
            check_setting_pairs(opts.set or [])
        except UsageError as error:
            sys.exit(int(report_failure("reprocess", error)))
        super().process_options(args, opts)
        assert self.settings is not None
        # settings.py's LOG_LEVEL (project priority) would show Scrapy's INFO log; only an
        # explicit -L or -s LOG_LEVEL does
        if (self.settings.getpriority("LOG_LEVEL") or 0) < SETTINGS_PRIORITIES["cmdline"]:
            self.settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
        check_log_level("reprocess", self.settings)
        hold_early_stops()

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise ScrapyUsageError("give exactly one input file", print_help=True)
        if bool(opts.output) == bool(opts.overwrite_output):
            raise ScrapyUsageError("give one output: -O FILE (overwrite) or -o FILE (append)")
        try:  # before reading anything
            in_path = check_input(args[0])
            if (opts.overwrite_output or opts.output) == "-":
                raise UsageError(
                    "-O - / -o -: reprocess writes a file (renamed into place when complete), "
                    "not standard output; give a file name"
                )
            target = check_target(opts.overwrite_output or opts.output)
            check_json_lines_name(target)
            if opts.output and target.exists() and _same_file(target, in_path):
                raise UsageError(
                    f"-o {target} is the input: appending would write every record twice; "
                    f"use -O {target} to rewrite it in place"
                )
            check_writable(target.parent)
            check_not_being_written(target)  # a crawl is exporting to it now
        except (UsageError, ExportFailed) as error:
            self.exitcode = int(report_failure("reprocess", error))
            return
        assert self.crawler_process is not None
        try:
            summary = reprocess(self.crawler_process, in_path, target, append=bool(opts.output))
        except Exception as error:  # nothing was written: a mistake, a failed write or a crash
            self.exitcode = int(report_failure("reprocess", error))
            if self.exitcode == ExitCode.UNEXPECTED:  # after its traceback
                print(f"scrapy reprocess: {target} left untouched", file=sys.stderr)
            return
        summary.report()
        if summary.empty_input:
            done = "nothing appended to" if opts.output else "written empty:"
            print(
                f"scrapy reprocess: {in_path} holds no record (a run that found nothing "
                f"writes an empty export); {done} {target}",
                file=sys.stderr,
            )
            return
        why = summary.not_written_because()
        if why is not None:
            print(f"scrapy reprocess: {why}; {target} left untouched", file=sys.stderr)
            forced = summary.unfinished and (
                summary.interrupted or summary.finish_reason in (None, "shutdown")
            )
            if forced:
                self.exitcode = int(ExitCode.INTERRUPTED)
            elif summary.all_dropped:
                self.exitcode = int(ExitCode.USAGE)
            else:
                self.exitcode = int(ExitCode.UNEXPECTED)
