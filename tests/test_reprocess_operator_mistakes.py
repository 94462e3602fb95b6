"""``scrapy reprocess IN -O OUT`` facing an operator's mistakes and failing pipelines.

Each case runs the real command in a subprocess from the project root and checks what an
operator would: the exit status, the one line on stderr (no traceback for a mistake) and the
target's bytes, which a failed run leaves exactly as they were (or absent).
"""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from newsbot.commands.reprocess import Summary
from newsbot.exitcodes import ExitCode

ROOT = Path(__file__).resolve().parent.parent

# a previous, good output that a failed run must not replace
GOOD_TARGET = "".join(
    json.dumps({"id": f"{n:032x}", "title": f"Kept article {n}"}) + "\n" for n in range(129)
).encode()

FAILING_PIPELINES = """
class FailsToBuild:
    def __init__(self):
        raise RuntimeError("cannot connect to the archive database")


class FailsToOpen:
    def open_spider(self, spider=None):
        raise RuntimeError("cannot open the archive")

    def process_item(self, item, spider=None):
        return item


class FailsOnItem:
    def process_item(self, item, spider=None):
        raise ValueError("the archive rejected the record")


class FailsToClose:
    def process_item(self, item, spider=None):
        return item

    def close_spider(self, spider=None):
        raise RuntimeError("cannot flush the archive")
"""


def record(n: int, **fields: str) -> dict[str, str]:
    rec = {
        "crawled_at": "2025-05-11T10:00:00Z",
        "id": f"{n:032x}",
        "url": f"https://www.daily8.com/en/article/{n:032x}",
        "aggregator": "daily8",
        "source": "Independent",
        "title": f"Pier {n} reopens",
        "body": "The pier reopened.\n\nCrowds came.",
        "language": "en",
        "published_raw": "3 hours ago",
    }
    rec.update(fields)
    return rec


def jsonl(*records: dict[str, str], encoding: str = "utf-8") -> bytes:
    return b"".join((json.dumps(r, ensure_ascii=False) + "\n").encode(encoding) for r in records)


def reprocess(
    *args: str, env: dict[str, str] | None = None, pythonpath: Path | None = None
) -> subprocess.CompletedProcess:
    paths = [str(ROOT)] + ([str(pythonpath)] if pythonpath else [])
    return subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "reprocess", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {}), "PYTHONPATH": os.pathsep.join(paths)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line(proc: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "export.jsonl"
    path.write_bytes(jsonl(record(1), record(2)))
    return path


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "cleaned.jsonl"
    path.write_bytes(GOOD_TARGET)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize(
    ("option", "env", "named"),
    [
        (["-s", "NEWSBOT_NOISE_FILE=/nope.toml"], {}, "NEWSBOT_NOISE_FILE='/nope.toml'"),
        (["-s", "NEWSBOT_WORKERS=many"], {}, "NEWSBOT_WORKERS='many'"),
        ([], {"NEWSBOT_ENV": "prodcution"}, "did you mean 'production'?"),
    ],
    ids=["noise-file", "workers", "environment"],
)
def test_a_setting_or_environment_mistake_is_one_line_and_leaves_the_target(
    source, target, option, env, named
):
    proc = reprocess(str(source), "-O", str(target), *option, env=env)
    assert proc.returncode == ExitCode.USAGE, proc.stderr
    line = one_line(proc)
    assert line.startswith("scrapy reprocess: error: ") and named in line
    assert line.endswith(f"{target} left untouched")
    assert target.read_bytes() == GOOD_TARGET
    assert leftovers(target.parent) == []


def test_appending_to_the_input_itself_is_refused_and_leaves_it(source):
    """`-o IN.jsonl` would append every record after itself: each twice in the file."""
    before = source.read_bytes()
    proc = reprocess(str(source), "-o", str(source))
    assert proc.returncode == ExitCode.USAGE, proc.stderr
    line = one_line(proc)
    assert "is the input" in line and f"-O {source}" in line
    assert source.read_bytes() == before
    assert leftovers(source.parent) == []


def test_appending_to_a_hard_link_of_the_input_is_refused_too(source, tmp_path):
    """A hard link is the same file under another name (ops round 5: every record twice)."""
    link = tmp_path / "hard.jsonl"
    os.link(source, link)
    before = source.read_bytes()
    proc = reprocess(str(source), "-o", str(link))
    assert proc.returncode == ExitCode.USAGE, proc.stderr
    assert "is the input" in one_line(proc)
    assert source.read_bytes() == before and os.path.samefile(source, link)


@pytest.mark.parametrize("option", ["-O", "-o"])
def test_a_dash_as_output_is_refused_not_written_as_a_file(source, option):
    """`-O -` is standard output to Scrapy users; reprocess wrote a file named `-` (ops round 5)."""
    proc = reprocess(str(source), option, "-")
    assert proc.returncode == ExitCode.USAGE, proc.stderr
    assert "give a file name" in one_line(proc)
    assert not (ROOT / "-").exists()


def test_a_target_a_crawl_is_exporting_to_is_refused_before_reading(source, target):
    """A crawl running with `-O target` holds `target.part` (its lock): reprocess stops at
    once, exit 3, instead of replacing the crawl's export when both end (ops round 5)."""
    import fcntl

    with open(f"{target}.part", "ab") as part:
        fcntl.flock(part, fcntl.LOCK_EX | fcntl.LOCK_NB)
        proc = reprocess(str(source), "-O", str(target))
    assert proc.returncode == ExitCode.EXPORT_FAILED, proc.stderr
    assert "is being written by another run" in one_line(proc)
    assert target.read_bytes() == GOOD_TARGET


def test_an_input_a_crawl_is_still_writing_is_refused(source, target, tmp_path):
    """ops round 7: `scrapy reprocess exports/x.jsonl.part` while the crawl wrote it read a
    half-written last line and missed every record still to come. A `.part` nobody holds (a
    killed run's) is read as any file."""
    import fcntl

    live = tmp_path / "latest.jsonl.part"
    live.write_bytes(source.read_bytes())
    with open(live, "ab") as part:
        fcntl.flock(part, fcntl.LOCK_EX | fcntl.LOCK_NB)
        proc = reprocess(str(live), "-O", str(target))
    assert proc.returncode == ExitCode.USAGE, proc.stderr
    line = one_line(proc)
    assert "is being written by a running crawl" in line and "latest.jsonl" in line, line
    assert target.read_bytes() == GOOD_TARGET
    proc = reprocess(str(live), "-O", str(target))  # the crawl was killed: nobody holds it
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert target.read_bytes() != GOOD_TARGET


@pytest.mark.parametrize("name", ["out.csv", "out.JSON", "out.xml", "out.jsonl:xlsx"])
def test_a_target_named_for_another_format_is_refused(source, tmp_path, name):
    """ops round 8: `-O out.csv` wrote JSON Lines into a .csv name without a word; ops round
    10: crawl's `-O out.jsonl:xlsx` form made a file named `out.jsonl:xlsx`."""
    target = tmp_path / name
    proc = reprocess(str(source), "-O", str(target))
    assert proc.returncode == ExitCode.USAGE, proc.stderr
    assert "reprocess writes JSON Lines" in one_line(proc) and ".jsonl" in one_line(proc)
    assert not target.exists()


@pytest.mark.parametrize(
    ("name", "plain"),
    [("out.jsonl.gz", "out.jsonl"), ("out.gz", "out.jsonl"), ("o.jsonl.xz", "o.jsonl")],
)
def test_a_compressed_target_is_refused(source, tmp_path, name, plain):
    """ops round 13: `-O out.jsonl.gz` wrote plain JSON Lines under a .gz name, which zcat
    then refused."""
    target = tmp_path / name
    proc = reprocess(str(source), "-O", str(target))
    assert proc.returncode == ExitCode.USAGE, proc.stderr
    line = one_line(proc)
    assert "plain JSON Lines" in line and str(tmp_path / plain) in line, line
    assert not target.exists()


REWRITES_TARGET = """
import os
from pathlib import Path


class AnotherRunExports:
    def process_item(self, item, spider=None):
        target = Path(os.environ["TARGET"])
        if b"fresh" not in target.read_bytes():
            target.write_bytes(b'{"id": "fresh"}\\n')  # a crawl's export lands meanwhile
        return item
"""


def test_a_target_written_by_another_run_meanwhile_is_left_to_it(source, tmp_path):
    """The target changed between reading and writing (a crawl finished its export into it):
    reprocess writes nothing over it, exit 3 (ops round 5: the crawl's export was lost)."""
    (tmp_path / "other_run.py").write_text(REWRITES_TARGET)
    pipelines = json.dumps({"other_run.AnotherRunExports": 100})
    proc = reprocess(
        str(source), "-O", str(source), "-s", f"ITEM_PIPELINES={pipelines}",
        env={"TARGET": str(source)}, pythonpath=tmp_path,
    )  # fmt: skip
    assert proc.returncode == ExitCode.EXPORT_FAILED, proc.stderr
    assert "changed while reprocess ran" in proc.stderr
    assert source.read_bytes() == b'{"id": "fresh"}\n'


def test_a_mistake_leaves_a_missing_target_missing(source, tmp_path):
    target = tmp_path / "new.jsonl"
    proc = reprocess(str(source), "-O", str(target), "-s", "NEWSBOT_WORKERS=many")
    assert proc.returncode == ExitCode.USAGE
    assert "NEWSBOT_WORKERS='many'" in one_line(proc)
    assert not target.exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("pipeline", "says"),
    [
        ("FailsToBuild", "cannot connect to the archive database"),
        ("FailsToOpen", "cannot open the archive"),
        ("FailsOnItem", "line 1: pipeline error: the archive rejected the record"),
        ("FailsToClose", "cannot flush the archive"),
    ],
)
def test_a_failing_pipeline_exits_non_zero_and_leaves_the_target(
    source, target, tmp_path, pipeline, says
):
    (tmp_path / "archive_pipelines.py").write_text(FAILING_PIPELINES)
    pipelines = json.dumps({f"archive_pipelines.{pipeline}": 100})
    proc = reprocess(
        str(source), "-O", str(target), "-s", f"ITEM_PIPELINES={pipelines}", pythonpath=tmp_path
    )
    assert proc.returncode == ExitCode.UNEXPECTED, proc.stderr
    assert says in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].endswith(f"{target} left untouched")
    assert target.read_bytes() == GOOD_TARGET
    assert leftovers(tmp_path) == []


def test_a_line_that_is_not_utf8_is_read_as_windows_1252_and_reported_once(tmp_path):
    source = tmp_path / "export.jsonl"
    mixed = json.dumps(record(3, title="Pier’s café reopens"), ensure_ascii=False).encode("cp1252")
    mixed = mixed.replace("café".encode("cp1252"), "café".encode())  # a stray byte in UTF-8
    source.write_bytes(
        jsonl(record(1, source="Ünïversity News"))
        + jsonl(record(2, source="RTÉ", title="Café reopens"), encoding="latin-1")
        + mixed
        + b"\n"
    )
    target = tmp_path / "cleaned.jsonl"
    proc = reprocess(str(source), "-O", str(target))
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert proc.stderr.count("not UTF-8") == 1
    assert "2 line(s) not UTF-8, re-decoded as Windows-1252 (first: line 2)" in proc.stderr
    text = target.read_text(encoding="utf-8")
    assert "\ufffd" not in text
    rows = [json.loads(line) for line in text.splitlines()]
    assert [r["source"] for r in rows] == ["Ünïversity News", "RTÉ", "Independent"]
    assert [r["title"] for r in rows] == ["Pier 1 reopens", "Café reopens", "Pier’s café reopens"]


@pytest.mark.parametrize("option", ["-O", "-o"])
def test_a_directory_as_target_is_refused_before_reading(source, tmp_path, option):
    folder = tmp_path / "exports"
    folder.mkdir()
    proc = reprocess(str(source), option, str(folder))
    assert proc.returncode == ExitCode.USAGE
    line = one_line(proc)  # no "lines read": the input was not read
    assert line == (
        f"scrapy reprocess: error: export target {folder} is a directory; "
        "give a regular file or a new path"
    )
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("make_input", "says"),
    [
        (lambda path: path.mkdir(), " is a directory; expected a JSON Lines file"),
        (lambda path: None, ": no such file; expected a JSON Lines file"),
    ],
    ids=["directory", "missing"],
)
def test_an_input_that_is_not_a_file_is_one_line(target, tmp_path, make_input, says):
    given = tmp_path / "exports"
    make_input(given)
    proc = reprocess(str(given), "-O", str(target))
    assert proc.returncode == ExitCode.USAGE
    assert one_line(proc) == f"scrapy reprocess: error: {given}{says}"
    assert target.read_bytes() == GOOD_TARGET


def test_output_is_written_only_after_a_clean_run_over_every_record():
    assert Summary().not_written_because() is None
    stopped = Summary(unfinished=3, finish_reason="shutdown").not_written_because()
    assert stopped and "stopped (finish reason: shutdown) before 3 record(s)" in stopped
    assert Summary(logged_errors=1).not_written_because() == "1 error(s) logged above"


def test_a_byte_order_mark_before_the_first_record_is_not_a_bad_line(tmp_path):
    source = tmp_path / "export.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + jsonl(record(1), record(2)))
    target = tmp_path / "cleaned.jsonl"
    proc = reprocess(str(source), "-O", str(target))
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert "2 records written, 0 bad lines skipped" in proc.stderr
    assert [json.loads(line)["id"] for line in target.read_text().splitlines()] == [
        record(1)["id"],
        record(2)["id"],
    ]


def test_an_unknown_log_level_is_one_line_and_a_lower_case_one_is_read(source, target):
    proc = reprocess(str(source), "-O", str(target), "-L", "verbose")
    assert proc.returncode == ExitCode.USAGE
    assert "LOG_LEVEL='verbose'" in one_line(proc)
    assert target.read_bytes() == GOOD_TARGET
    proc = reprocess(str(source), "-O", str(target), "-L", "warning")
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert len(target.read_text().splitlines()) == 2


@pytest.mark.parametrize("option", ["-O", "-o"])
def test_records_that_are_all_dropped_leave_the_target_and_exit_2(tmp_path, target, option):
    """Another tool's export (no url, no id): every record is dropped. Writing would have
    replaced a good export with an empty file, and the run ended 0."""
    foreign = tmp_path / "foreign.jsonl"
    foreign.write_text('{"foo": 1}\n{"bar": 2}\n', encoding="utf-8")
    proc = reprocess(str(foreign), option, str(target))
    assert proc.returncode == ExitCode.USAGE, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "every record was dropped (2)" in proc.stderr
    assert proc.stderr.strip().endswith(f"{target} left untouched")
    assert target.read_bytes() == GOOD_TARGET
    assert leftovers(target.parent) == []


def test_some_records_dropped_still_writes_the_rest(tmp_path, target):
    source = tmp_path / "export.jsonl"
    source.write_bytes(jsonl(record(1), {"foo": 1}))
    proc = reprocess(str(source), "-O", str(target))
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == [f"{1:032x}"]


@pytest.mark.parametrize("moment", ["Spider opened", "started (bot"], ids=["under-way", "opening"])
def test_one_ctrl_c_finishes_the_records_under_way_and_leaves_the_target(tmp_path, target, moment):
    """Scrapy's graceful stop cancelled the feed in the middle of a record and then waited
    for it forever; one Ctrl-C must end the command, with the target as it was. The same
    while the command is still starting (Scrapy's first log line): the soft stop was
    installed only once the spider opened, and earlier Python raised KeyboardInterrupt."""
    source = tmp_path / "big.jsonl"
    source.write_bytes(jsonl(*(record(n, body="A long paragraph. " * 200) for n in range(6000))))
    command = ["reprocess", str(source), "-O", str(target), "-L", "INFO"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrapy.cmdline", *command],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        seen = []
        for line in proc.stderr:  # until the moment
            seen.append(line)
            if moment in line:
                break
        if moment == "Spider opened":
            time.sleep(0.5)  # the records under way
        proc.send_signal(signal.SIGINT)
        _out, rest = proc.communicate(timeout=60)
        err = "".join(seen) + rest
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == ExitCode.INTERRUPTED, err
    assert "Traceback" not in err, err
    assert "interrupted before" in err and f"{target} left untouched" in err, err
    assert target.read_bytes() == GOOD_TARGET


def test_a_json_array_export_is_read_record_by_record(tmp_path):
    """Scrapy's `json` export (`[`, a record a line with a comma, `]`): 1 of 6 records was
    written, the rest were 'bad lines', and the run ended 0."""
    source = tmp_path / "export.json"
    source.write_text(
        "[\n"
        + ",\n".join(
            json.dumps(record(n, body=f"Pier {n} reopened after {n + 2} weeks of repairs."))
            for n in range(6)
        )
        + "\n]",
        encoding="utf-8",
    )
    target = tmp_path / "cleaned.jsonl"
    proc = reprocess(str(source), "-O", str(target))
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == [f"{n:032x}" for n in range(6)]
    assert "6 lines read, 6 records written, 0 bad lines" in proc.stderr


def test_a_record_with_a_field_of_the_wrong_type_is_a_bad_line(tmp_path):
    """`"related": "abc"` went through and was written again, an export that no longer
    validates; `"crawled_at": "yesterday"`, the anchor of the record's age, nulled a good
    `published_at`. Each such line is skipped and named; the other records are written."""
    whole = {"category": None, "hashtags": [], "published_at": None, "related": []}
    whole |= {"published_precision": None, "found_via": {"kind": "listing", "url": "/en"}}
    source = tmp_path / "edited.jsonl"
    source.write_bytes(
        jsonl(
            record(1, **whole),
            record(2, **{**whole, "related": "abc"}),
            record(3, **whole, crawled_at="yesterday"),
            {**record(4, **whole), "title": 4},
            record(5, **whole),
        )
    )
    out = tmp_path / "out.jsonl"
    proc = reprocess(str(source), "-O", str(out))
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "line 2: related must be array, not string" in proc.stderr
    assert 'line 3: crawled_at "yesterday" is not a time' in proc.stderr
    assert "line 4: title must be string, not integer" in proc.stderr
    assert "5 lines read, 2 records written, 3 bad lines skipped" in proc.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == [f"{1:032x}", f"{5:032x}"]
    schema = json.loads((ROOT / "newsbot" / "article.schema.json").read_text())
    for row in rows:
        jsonschema.validate(row, schema)


@pytest.mark.parametrize("content", [b"", b"\n\n"], ids=["no-bytes", "blank-lines"])
@pytest.mark.parametrize("before", [None, b""], ids=["new-target", "empty-target"])
def test_an_empty_export_gives_an_empty_output_and_exit_0(tmp_path, content, before):
    """A quiet incremental run writes an empty export; a job that reprocesses every export
    failed on it with exit 2 ("no valid record"), as if it were the wrong file."""
    source = tmp_path / "quiet.jsonl"
    source.write_bytes(content)
    target = tmp_path / "cleaned.jsonl"
    if before is not None:
        target.write_bytes(before)
    proc = reprocess(str(source), "-O", str(target))
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert target.read_bytes() == b""
    assert f"{source} holds no record" in proc.stderr and f"written empty: {target}" in proc.stderr
    proc = reprocess(str(source), "-o", str(target := tmp_path / "kept.jsonl"))
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    ("setting", "named"),
    [
        ("NEWSBOT_WORKERS=1.5", "NEWSBOT_WORKERS"),
        ("NEWSBOT_ENV=prodcution", "NEWSBOT_ENV"),
        ("CONCURRENT_REQUESTS=lots", "CONCURRENT_REQUESTS"),
    ],
)
def test_a_setting_mistake_is_named_even_when_the_input_is_empty(tmp_path, setting, named):
    """ops round 24: `-s NEWSBOT_WORKERS=1.5` over an empty export wrote an empty output and
    exited 0; the same setting over records was refused. The mistake does not depend on what
    the file holds."""
    source = tmp_path / "quiet.jsonl"
    source.write_bytes(b"")
    target = tmp_path / "cleaned.jsonl"
    proc = reprocess(str(source), "-O", str(target), "-s", setting)
    assert proc.returncode == ExitCode.USAGE, proc.stderr
    assert named in one_line(proc) and "left untouched" in one_line(proc)
    assert not target.exists()


@pytest.mark.parametrize("content", [b"", b"\n  \n\t\n"], ids=["no-bytes", "blank-lines"])
def test_an_empty_input_never_blanks_a_target_that_holds_records(tmp_path, target, content):
    """ops rounds 10 and 11: an empty file picked up by mistake (`-O good.jsonl`) replaced a
    70-record export with nothing, exit 0."""
    source = tmp_path / "empty.jsonl"
    source.write_bytes(content)
    proc = reprocess(str(source), "-O", str(target))
    assert proc.returncode == ExitCode.USAGE, proc.stderr
    assert f"{source} holds no record" in one_line(proc) and "left untouched" in one_line(proc)
    assert target.read_bytes() == GOOD_TARGET


@pytest.mark.parametrize(
    ("suffix", "compress"),
    [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)],
    ids=["gzip", "bzip2", "xz"],
)
def test_a_compressed_export_is_read_decompressed(tmp_path, suffix, compress):
    """Scrapy's feed postprocessing writes gzip, bzip2 or xz: all 7 lines were 'bad' and
    the message never said the file was compressed."""
    records = [record(n, body=f"Pier {n} reopened after repairs.") for n in range(7)]
    source = tmp_path / f"export.jsonl{suffix}"
    source.write_bytes(compress(jsonl(*records)))
    out = tmp_path / "out.jsonl"
    proc = reprocess(str(source), "-O", str(out))
    assert proc.returncode == ExitCode.OK, proc.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == [r["id"] for r in records]


def test_a_gzip_export_a_killed_run_cut_short_gives_the_records_before_the_cut(tmp_path):
    body = "The pier reopened after two years of repairs, and crowds came back. " * 12
    whole = gzip.compress(jsonl(*(record(n, body=f"{n}. {body}") for n in range(40))))
    source = tmp_path / "killed.jsonl.gz"
    source.write_bytes(whole[: len(whole) * 2 // 3])
    out = tmp_path / "out.jsonl"
    proc = reprocess(str(source), "-O", str(out))
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert "the compressed file is cut short" in proc.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert 0 < len(rows) < 40
    assert [row["id"] for row in rows] == [f"{n:032x}" for n in range(len(rows))]


@pytest.mark.parametrize("indent", [None, 4], ids=["a-record-a-line", "indented"])
def test_a_json_array_a_killed_run_cut_short_gives_its_whole_records(tmp_path, indent):
    """What a killed `-O x.json` leaves: `[`, whole records, one cut mid-record. It said
    '1 line read, 1 bad' and salvaged nothing, where a torn JSON Lines file salvages."""
    records = [record(n, body=f"Pier {n} reopened after repairs.") for n in range(4)]
    text = "[\n" + ",\n".join(json.dumps(r, indent=indent) for r in records) + "\n]"
    source = tmp_path / "killed.json"
    source.write_text(text[: text.index(records[3]["id"])], encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = reprocess(str(source), "-O", str(out))
    assert proc.returncode == ExitCode.OK, proc.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == [r["id"] for r in records[:3]]
    assert "line 4: the JSON array breaks off at line" in proc.stderr
    assert "4 lines read, 3 records written, 1 bad lines skipped" in proc.stderr


def test_records_of_an_older_export_are_kept_and_what_they_lack_is_named(tmp_path):
    """An export written before `related` and `found_via` existed (ops round 13): its records
    are reprocessed and written as read, and the report names the fields they lack, so the
    operator knows the output does not have every field the README lists."""
    source = tmp_path / "old.jsonl"
    full = record(3, hashtags=[], category=None, published_at=None, published_precision=None)
    full.update(related=[], found_via={"kind": "listing", "url": "https://www.daily8.com/en"})
    source.write_bytes(jsonl(record(1), record(2), full))
    target = tmp_path / "cleaned.jsonl"
    proc = reprocess(str(source), "-O", str(target))
    assert proc.returncode == ExitCode.OK, proc.stderr
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [f"{n:032x}" for n in (1, 2, 3)]
    assert "2 record(s) without related (first: line 1)" in proc.stderr
    assert "2 record(s) without found_via (first: line 1)" in proc.stderr
    assert "3 lines read, 3 records written" in proc.stderr
