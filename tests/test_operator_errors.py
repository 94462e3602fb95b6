"""An operator's mistakes, as a user meets them: ``scrapy crawl`` in a subprocess prints one
line naming the argument or setting (no traceback), exits with status 2, and fetches nothing."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from scrapy.settings import BaseSettings

from newsbot.addons.environment import add_default_feed, anchor_to_project, overlay_settings
from newsbot.cleaning import clean_blocks, load_noise_rules
from newsbot.exitcodes import UsageError
from newsbot.feeds import check_append
from newsbot.replica import build_site
from newsbot.replica.faults import FaultServer
from tests.conftest import CLOCK, ROOT


@pytest.fixture(scope="module")
def server():
    with FaultServer(build_site(seed=8, articles=12, clock=CLOCK)) as running:
        yield running


def crawl(server, tmp_path: Path, *extra: str, env: dict[str, str] | None = None, spider="daily8"):
    command = [sys.executable, "-m", "scrapy", "crawl", spider,
               "-s", f"NEWSBOT_SEEN_STORE={tmp_path / 'seen.sqlite'}", *extra]  # fmt: skip
    if not any(part.startswith("start_urls=") for part in extra):
        command += ["-a", f"start_urls={server.base_url}/en"]
    full_env = {"PATH": "/usr/bin:/bin", "NEWSBOT_EXPORTS_DIR": str(tmp_path / "exports"),
                "NEWSBOT_ENV": "test", **(env or {})}  # fmt: skip
    if "HOME" in os.environ and "HOME" not in (env or {}):
        full_env["HOME"] = os.environ["HOME"]
    before = len(server.log)
    proc = subprocess.run(
        command, cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )
    return proc, server.log[before:]


@contextlib.contextmanager
def small_disk(folder: Path, size: str):
    """A tmpfs of ``size`` mounted on ``folder`` for the block (skips where none can be)."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip("no tmpfs mount here (not root?)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def error_line(proc) -> str:
    """The one error line; asserts it is alone, last, and that no traceback was printed."""
    assert "Traceback" not in proc.stderr and "Task exception" not in proc.stderr, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("scrapy crawl: error:")]
    assert len(errors) == 1, proc.stderr[-3000:]
    assert proc.stderr.rstrip().splitlines()[-1] == errors[0]
    assert proc.returncode == 2, proc.stderr[-3000:]
    return errors[0]


def refused_before_any_request(proc, requests, expected: list[str]) -> str:
    """The one error line holds every fragment of ``expected``; no request went out."""
    line = error_line(proc)
    for fragment in expected:
        assert fragment in line, line
    assert requests == []
    return line


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("max_article=5", ["-a max_article", "unknown", "did you mean 'max_articles'"]),
        ("start_url=http://127.0.0.1:1/en", ["-a start_url", "did you mean 'start_urls'"]),
        # ops round 8: the name in capitals had no hint
        ("START_URLS=http://127.0.0.1:1/en", ["-a START_URLS", "did you mean 'start_urls'"]),
        ("start_urls=", ["-a start_urls", "empty value"]),
        ("start_urls= , ", ["-a start_urls", "empty"]),
        ("start_urls=http://[::1", ["-a start_urls", "'http://[::1'", "not a valid URL"]),
        ("start_urls=http://127.0.0.1:99999/en", ["-a start_urls", "99999", "out of range"]),
        ("start_urls=file:///etc/passwd", ["-a start_urls", "not http(s)"]),
        ("start_urls=www.daily8.com/en", ["-a start_urls", "not http(s)"]),
        ("mirror_hosts=not a host", ["-a mirror_hosts", "'not a host'", "not a host"]),
        ("mirror_hosts=", ["-a mirror_hosts", "empty value"]),
        ("since=2099-01-01", ["-a since", "in the future"]),
        ("since=0m", ["-a since", "'0m'", "empty window"]),
        ("since=", ["-a since", "empty value"]),
        ("since=yesterday-ish", ["-a since", "duration", "ISO"]),
        ("max_articles=0", ["-a max_articles", ">= 1"]),
        ("max_articles=five", ["-a max_articles", "whole number"]),
        ("related_depth=-1", ["-a related_depth", ">= 0"]),
        ("fresh=maybe", ["-a fresh", "yes/no"]),
    ],
)
def test_bad_spider_argument_is_one_line_and_exit_2(server, tmp_path, argument, expected):
    proc, requests = crawl(server, tmp_path, "-a", argument)
    line = error_line(proc)
    for fragment in expected:
        assert fragment in line, line
    assert requests == []  # not even robots.txt
    assert not (tmp_path / "exports").exists() or not any((tmp_path / "exports").rglob("*"))


def test_a_mirror_host_that_is_also_a_start_host_is_one_line(server, tmp_path):
    """Its links were read as the profile's real host's: a crawl of a local copy reached
    for the internet, lost half its articles and still ended 0."""
    host = server.base_url.split("//", 1)[1]
    proc, requests = crawl(server, tmp_path, "-a", f"mirror_hosts={host}")
    line = error_line(proc)
    assert f"-a mirror_hosts: {host} is also a start URL's host" in line, line
    assert requests == []


def test_unknown_environment_names_the_valid_ones(server, tmp_path):
    proc, requests = crawl(server, tmp_path, env={"NEWSBOT_ENV": "nonexistent"})
    line = error_line(proc)
    assert "NEWSBOT_ENV='nonexistent'" in line
    for name in ("development", "production", "test", "distributed"):
        assert name in line
    proc, _ = crawl(server, tmp_path, "-s", "NEWSBOT_ENV=prodcution")
    assert "did you mean 'production'" in error_line(proc)
    assert requests == []


def test_corrupt_seen_store_names_the_setting(server, tmp_path):
    store = tmp_path / "seen.sqlite"
    store.write_bytes(b"this is not an SQLite database, it was overwritten by mistake\n" * 40)
    proc, requests = crawl(
        server, tmp_path, "-s", "HTTPCACHE_ENABLED=0", env={"NEWSBOT_ENV": "development"}
    )
    line = error_line(proc)
    assert "NEWSBOT_SEEN_STORE" in line and str(store) in line and "not a usable seen-store" in line
    assert requests == []
    assert store.read_bytes().startswith(b"this is not an SQLite")  # left as it was


def test_a_seen_store_damaged_behind_its_header_names_the_setting(server, tmp_path):
    """ops4: bytes overwritten in the data pages of a good store (a bad disk, a partial
    copy), header intact. It opened, the first lookup failed mid-crawl with a traceback,
    and every run exported nothing and ended 0 with its health checks passed."""
    from newsbot.incremental.store import SeenRecord, SQLiteSeenStore

    store = tmp_path / "seen.sqlite"
    good = SQLiteSeenStore(store, "daily8")
    good.put_many(SeenRecord(f"{n:032x}", "h" * 64, None, False, time.time()) for n in range(3000))
    good.close()
    for suffix in ("-wal", "-shm", "-claims"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    data = bytearray(store.read_bytes())
    pages = len(data) // 4096
    for n in range(pages // 3, pages // 3 + 5):  # b-tree pages in the middle: their headers
        data[n * 4096 : n * 4096 + 8] = b"\xde\xad\xbe\xef" * 2
    store.write_bytes(bytes(data))
    proc, requests = crawl(
        server, tmp_path, "-s", "HTTPCACHE_ENABLED=0", env={"NEWSBOT_ENV": "development"}
    )
    line = error_line(proc)
    assert "NEWSBOT_SEEN_STORE" in line and "not a usable seen-store" in line, line
    assert "malformed" in line, line
    assert requests == []


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (".*", "matches an empty text"),
        ("(?:Subscribe now)?", "matches an empty text"),
        ("(?a)subscribe now", "only i, m, s and x"),
    ],
)
def test_a_noise_rule_that_would_match_every_line_is_one_line(server, tmp_path, pattern, expected):
    """ops4: `patterns = [".*"]` dropped every article as missing its body, and a small run
    ended 0 with its health checks passed; `(?a)...` (a valid regex alone) ended in a
    traceback."""
    noise = tmp_path / "noise.toml"
    noise.write_text(f'[[rule]]\nid = "mine"\nkind = "line"\npatterns = [\'{pattern}\']\n')
    proc, requests = crawl(server, tmp_path, "-s", f"NEWSBOT_NOISE_FILE={noise}")
    line = error_line(proc)
    assert "noise rule #1 (mine)" in line and expected in line, line
    assert requests == []


def test_a_noise_rule_opening_with_ignore_case_is_read(tmp_path):
    """ops4: `(?i)^subscribe now$` is a valid pattern an operator writes; joined with the
    rule's others it was an error at start-up, with a traceback."""
    noise = tmp_path / "noise.toml"
    noise.write_text(
        "[[rule]]\nid = \"mine\"\nkind = \"line\"\npatterns = ['(?i)^subscribe now$', 'Donate']\n"
    )
    rules = load_noise_rules(None, noise, kinds=False, pitch=False)
    story = "The ferry resumed its winter timetable on Monday after repairs."
    assert clean_blocks([story, "SUBSCRIBE NOW", "Donate"], rules).kept == [story]


def test_emptied_item_pipelines_are_a_warning(server, tmp_path):
    """ops4: an overlay's `ITEM_PIPELINES = []` switched off validation and cleaning without
    a word: raw records exported, exit 0."""
    proc, _ = crawl(server, tmp_path, "-s", "ITEM_PIPELINES={}", "-a", "max_articles=1")
    assert "WARNING: ITEM_PIPELINES is empty" in proc.stderr, proc.stderr[-3000:]
    assert "no noise removed" in proc.stderr


def test_bad_noise_file(server, tmp_path):
    noise = tmp_path / "noise.toml"
    noise.write_text('[[rule]]\nid = "x"\nkind = "line"\npatterns = ["(unclosed"]\n')
    proc, requests = crawl(server, tmp_path, "-s", f"NEWSBOT_NOISE_FILE={noise}")
    line = error_line(proc)
    assert "NEWSBOT_NOISE_FILE" in line and "bad rule" in line and "noise rule #1 (x)" in line
    noise.write_text("[[rule]\n")
    assert "not valid TOML" in error_line(crawl(server, tmp_path, "-s",
                                                f"NEWSBOT_NOISE_FILE={noise}")[0])  # fmt: skip
    missing = tmp_path / "missing.toml"
    assert "no such file" in error_line(crawl(server, tmp_path, "-s",
                                              f"NEWSBOT_NOISE_FILE={missing}")[0])  # fmt: skip
    # ops round 8: the site profile given as the noise file ran with outlet rules off
    profile = ROOT / "settings" / "daily8.toml"
    line = error_line(crawl(server, tmp_path, "-s", f"NEWSBOT_NOISE_FILE={profile}")[0])
    assert "not a noise file" in line and "'allowed_domains'" in line, line
    assert requests == []


def test_a_broken_kinds_file_is_named_not_the_noise_file(server, tmp_path):
    """ops round 7: a TOML error in settings/noise_kinds.toml was reported as one in
    settings/noise.toml, the file the operator had not touched."""
    folder = _settings_copy(tmp_path)
    kinds = folder / "noise_kinds.toml"
    kinds.write_text(kinds.read_text(encoding="utf-8") + "\n[[kind\n", encoding="utf-8")
    proc, requests = crawl(server, tmp_path, env={"NEWSBOT_SETTINGS_DIR": str(folder)})
    line = error_line(proc)
    assert f"{kinds}: not valid TOML" in line and "noise.toml" not in line.replace(
        "noise_kinds.toml", ""
    ), line
    given = tmp_path / "kinds.toml"
    given.write_text("[[kind]\n", encoding="utf-8")
    proc, _ = crawl(server, tmp_path, "-s", f"NEWSBOT_NOISE_KINDS_FILE={given}")
    line = error_line(proc)
    assert f"NEWSBOT_NOISE_KINDS_FILE='{given}'" in line and "not valid TOML" in line, line
    assert requests == []


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda text: text + "\n[broken\n", "not valid TOML"),
        (lambda text: text.replace('timezone = "', 'timezone = "Mars/'), "IANA"),
        (lambda text: None, "not found"),
        # a catch-all article rule first: the listing itself was exported as the only article
        (
            lambda text: text.replace(
                "article = [\n", "article = [\n    { pattern = '(?P<id>.*)' },\n"
            ),
            "also matches the listing https://www.daily8.com/en",
        ),
        # a script-filled part's selector that does not parse: found only in a browser mode,
        # as a failure on every article page that named neither the key nor the selector
        (
            lambda text: text.replace(
                """['[data-fill="related"]']""", """['[data-fill="related"']"""
            ),
            """script_filled.article: '[data-fill="related"' is not a CSS selector""",
        ),
        # ops round 12: a hashtag pattern without its group failed every article with
        # hashtags ("no such group"): 34 of 103 lost, health checks passed, exit 0
        (
            lambda text: text.replace("hashtag/(?P<tag>[^/?#]+)", "hashtag/([^/?#]+)"),
            "has no (?P<tag>...) group",
        ),
    ],
)
def test_bad_profile(server, tmp_path, edit, expected):
    folder = tmp_path / "settings"
    (folder / "environments").mkdir(parents=True)
    for path in (ROOT / "settings" / "environments").glob("*.toml"):
        (folder / "environments" / path.name).write_text(path.read_text())
    (folder / "noise.toml").write_text((ROOT / "settings" / "noise.toml").read_text())
    text = edit((ROOT / "settings" / "daily8.toml").read_text())
    if text is not None:
        (folder / "daily8.toml").write_text(text)
    proc, requests = crawl(server, tmp_path, env={"NEWSBOT_SETTINGS_DIR": str(folder)})
    line = error_line(proc)
    assert "settings/daily8.toml" in line and expected in line
    assert requests == []


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        # blind operator round 16: habits from Windows and from other projects; the first two
        # wrote a file named `C:\Users\...` in the project folder, the third was a traceback
        (["-O", "C:\\Users\\ops\\daily8.jsonl"], ["Windows path", "C:"]),
        (["-s", "FEED_URI=D:\\exports\\daily8.jsonl"], ["Windows path", "D:"]),
        (["-s", "SPIDER_MODULES=myproject.spiders"], ["SPIDER_MODULES", "myproject"]),
    ],
)
def test_paths_and_modules_of_other_machines_are_refused(server, tmp_path, extra, expected):
    proc, requests = crawl(server, tmp_path, *extra)
    refused_before_any_request(proc, requests, expected)
    assert not list(ROOT.glob("[CD]:*")), "a Windows path became a file in the project"


def test_unknown_spider_and_bad_setting(server, tmp_path):
    proc, _ = crawl(server, tmp_path, spider="daily9")
    assert "did you mean 'daily8'" in error_line(proc)
    proc, _ = crawl(server, tmp_path, "-s", "NEWSBOT_WORKERS=lots")
    assert "NEWSBOT_WORKERS='lots'" in error_line(proc)
    proc, _ = crawl(server, tmp_path, "-s", "NEWSBOT_BROWSER=alwyas")
    assert "did you mean 'always'" in error_line(proc)
    for setting, expected in (("NEWSBOT_MAX_PAGES=ten", "whole number >= 1"),
                              ("NEWSBOT_WORKER_TIMEOUT=-5", "number >= 0.001"),
                              ("NEWSBOT_SEEN_MAX_AGE=a month", "not a duration"),
                              ("NEWSBOT_SEEN_MAX_AGE=30", "30d for days"),
                              # ops round 14: `1M` read as a minute emptied the store
                              ("NEWSBOT_SEEN_MAX_AGE=1M", "ambiguous"),
                              ("NEWSBOT_SEEN_MAX_AGE=1m", "under an hour"),
                              # ops round 14: a slash short became an SQLite store `redis:/...`
                              ("NEWSBOT_SEEN_STORE=redis:/127.0.0.1:6/0", "not one"),
                              # blind operator round 14: a word was Scrapy's traceback as a
                              # distributed worker opened its queue
                              ("NEWSBOT_REDIS_PREFETCH=one", "whole number >= 1"),
                              ("NEWSBOT_REDIS_TIMEOUT=soon", "number >= 0.001")):  # fmt: skip
        proc, requests = crawl(server, tmp_path, "-s", setting)
        assert setting.split("=")[0] in error_line(proc) and expected in error_line(proc)
        assert requests == []


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("LOG_LEVEL=VERBOSE", ["LOG_LEVEL='VERBOSE'", "one of: CRITICAL"]),
        ("CONCURRENT_REQUESTS=lots", ["CONCURRENT_REQUESTS='lots'", "whole number >= 1"]),
        ("NEWSBOT_INCREMENTAL=nope", ["NEWSBOT_INCREMENTAL='nope'", "True or False"]),
        ("DOWNLOAD_TIMEOUT=-3", ["DOWNLOAD_TIMEOUT='-3'", "number >= 0.001"]),
        ("NEWSBOT_HEALTH_MIN_EXPORTED_SHARE=1.5", ["share from 0 to 1"]),
        ("NEWSBOT_HEALTH_MAX_FAILED_PAGES_SHARE=half", ["'half'", "0.5 is half"]),
        ("NEWSBOT_HEALTH_MIN_SAMPLE=-5", ["NEWSBOT_HEALTH_MIN_SAMPLE", ">= 0"]),
        ('SPIDERMON_FIELD_COVERAGE_RULES={"title": "all"}', ["['title']='all'"]),
        ("CONCURENT_REQUESTS=4", ["unknown setting", "did you mean 'CONCURRENT_REQUESTS'"]),
        ("NEWSBOT_RUN_ID=", ["NEWSBOT_RUN_ID=''", "leave it unset"]),
        ("NEWSBOT_RUN_ID=../../etc/x", ["NEWSBOT_RUN_ID=", "names the export file"]),
        ("FEED_EXPORT_ENCODING=klingon", ["FEED_EXPORT_ENCODING='klingon'", "not an encoding"]),
        # ops6: latin-1 lost 19 of 52 articles (and marked them seen), exit 0; utf-16 wrote a
        # BOM before every line
        ("FEED_EXPORT_ENCODING=latin-1", ["FEED_EXPORT_ENCODING='latin-1'", "UTF-8"]),
        ("FEED_EXPORT_ENCODING=utf-16", ["FEED_EXPORT_ENCODING='utf-16'", "leave it unset"]),
        # ops6: a format typo in -s FEEDS ran the crawl and exported nothing, exit 0
        (
            'FEEDS={"out.jsonl": {"format": "jsonline"}}',
            ["format 'jsonline' is not one Scrapy can write", "did you mean 'jsonlines'"],
        ),
        # ops6: malformed JSON in -s FEEDS got Scrapy's "Invalid -s value, use -s NAME=VALUE"
        ('FEEDS={"out.jsonl": {"format": "jsonlines"', ["-s FEEDS: not valid JSON", "column"]),
        ("FEEDS={'out.jsonl': {'format': 'jsonlines'}}", ["JSON needs double quotes"]),
        ('FEEDS=["out.jsonl"]', ["-s FEEDS: expected a JSON object", "got a list"]),
        ("ITEM_PIPELINES=newsbot.pipelines.Dedupe", ["-s ITEM_PIPELINES: not valid JSON"]),
        # ops11: a misspelt field cut every record to the fields spelt right, exit 0; `no`
        # for a yes/no of Scrapy's own was its traceback, exit 1
        (
            "FEED_EXPORT_FIELDS=id,titel,published_at",
            ["FEED_EXPORT_FIELDS: 'titel' is not a field", "did you mean 'title'"],
        ),
        (
            'FEEDS={"out.csv": {"format": "csv", "fields": ["id", "publised_at"]}}',
            ["'publised_at' is not a field", "did you mean 'published_at'"],
        ),
        ("LOG_FILE_APPEND=no", ["LOG_FILE_APPEND='no'", "True or False"]),
    ],
)
def test_bad_scrapy_or_health_setting_is_one_line_before_any_request(
    server, tmp_path, setting, expected
):
    proc, requests = crawl(server, tmp_path, "-s", setting)
    refused_before_any_request(proc, requests, expected)


def test_a_setting_name_in_small_letters_is_named_not_ignored(server, tmp_path):
    proc, requests = crawl(server, tmp_path, "-s", "log_level=DEBUG")
    line = error_line(proc)
    assert "-s: unknown setting 'log_level'" in line and "did you mean 'LOG_LEVEL'" in line
    assert requests == []


def test_a_lower_case_log_level_is_read_as_its_capitals(server, tmp_path):
    proc, _ = crawl(server, tmp_path, "-L", "info")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "[newsbot.report] INFO" in proc.stderr


def _settings_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "settings"
    (folder / "environments").mkdir(parents=True)
    for path in (ROOT / "settings").rglob("*.toml"):
        target = folder / path.relative_to(ROOT / "settings")
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "CONCURENT_REQUESTS = 4",
            ["environments/test.toml", "did you mean 'CONCURRENT_REQUESTS'"],
        ),
        ("CONCURRENT_ITEMS = -4", ["CONCURRENT_ITEMS=-4", ">= 1"]),
        ('DOWNLOAD_DELAY = "lots"', ["DOWNLOAD_DELAY='lots'", "number >= 0"]),
        ('log_level = "DEBUG"', ["'log_level'", "did you mean 'LOG_LEVEL'", "capitals"]),
        # every setting of the file would have been dropped without a word
        ("[setting]", ["unknown table [setting]", "did you mean 'settings'"]),
        ('LOG_LEVEL = "DEBUG"\n[settings]', ["LOG_LEVEL is outside the [settings] table"]),
        # ops round 13: each was a traceback and exit 1
        ("JOBDIR = 3", ["JOBDIR=3", "a folder's path"]),
        ('FEEDS = ["x.jsonl"]', ["FEEDS", "[settings.FEEDS] table", "got a list"]),
        ('ITEM_PIPELINES = ["newsbot.pipelines.x"]', ["ITEM_PIPELINES", "got a list"]),
        ("SCHEDULER_PRIORITY_QUEUE = 7", ["SCHEDULER_PRIORITY_QUEUE=7", "import path"]),
        ('LOG_FILE = "/nonexistent/dir/nb.log"', ["LOG_FILE=", "does not exist"]),
        ('DEPTH_PRIORITY = "one"', ["DEPTH_PRIORITY='one'", "whole number"]),
    ],
)
def test_a_mistake_in_an_environment_overlay_is_one_line(server, tmp_path, line, expected):
    folder = _settings_copy(tmp_path)
    overlay = folder / "environments" / "test.toml"
    text = overlay.read_text(encoding="utf-8")
    if line.startswith(("[", "LOG_LEVEL")):  # the table's header written otherwise
        text = text.replace("[settings]", line, 1)
    else:
        text += f"\n{line}\n"
    overlay.write_text(text, encoding="utf-8")
    proc, requests = crawl(server, tmp_path, env={"NEWSBOT_SETTINGS_DIR": str(folder)})
    error = error_line(proc)
    for fragment in expected:
        assert fragment in error, error
    assert requests == []


def test_a_log_level_number_in_an_overlay_is_refused_as_on_the_command_line(server, tmp_path):
    """ops round 13: `LOG_LEVEL = 5` in an overlay was taken, `-s LOG_LEVEL=10` refused."""
    folder = _settings_copy(tmp_path)
    overlay = folder / "environments" / "test.toml"
    text = overlay.read_text(encoding="utf-8")
    assert 'LOG_LEVEL = "INFO"' in text
    overlay.write_text(text.replace('LOG_LEVEL = "INFO"', "LOG_LEVEL = 5"), encoding="utf-8")
    proc, requests = crawl(server, tmp_path, env={"NEWSBOT_SETTINGS_DIR": str(folder)})
    error = error_line(proc)
    assert "LOG_LEVEL=5" in error and "one of: CRITICAL, DEBUG" in error, error
    assert requests == []


@pytest.mark.parametrize(("level", "code"), [("debug", 0), ("loud", 2)])
def test_a_log_level_in_an_overlay_is_read_as_on_the_command_line(server, tmp_path, level, code):
    """ops round 8: `LOG_LEVEL = "debug"` in an environment overlay ended in a ValueError
    traceback (exit 1), while `-s LOG_LEVEL=debug` was read as DEBUG."""
    folder = _settings_copy(tmp_path)
    overlay = folder / "environments" / "test.toml"
    text = overlay.read_text(encoding="utf-8")
    assert 'LOG_LEVEL = "INFO"' in text
    overlay.write_text(text.replace('LOG_LEVEL = "INFO"', f'LOG_LEVEL = "{level}"'), "utf-8")
    proc, _ = crawl(server, tmp_path, "-a", "max_articles=2",
                    env={"NEWSBOT_SETTINGS_DIR": str(folder)})  # fmt: skip
    assert proc.returncode == code, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    if code:
        assert "LOG_LEVEL='loud'" in error_line(proc)
    else:
        assert "DEBUG" in proc.stderr


def test_a_broken_profile_in_a_moved_settings_folder_names_that_file(server, tmp_path):
    """ops4: the message named settings/daily8.toml while the file read (and to fix) was
    the copy under NEWSBOT_SETTINGS_DIR."""
    folder = _settings_copy(tmp_path)
    profile = folder / "daily8.toml"
    profile.write_text(profile.read_text(encoding="utf-8") + '\nbroken = "\n', encoding="utf-8")
    proc, requests = crawl(server, tmp_path, env={"NEWSBOT_SETTINGS_DIR": str(folder)})
    line = error_line(proc)
    assert f"{profile} is not valid TOML" in line, line
    assert requests == []


def test_a_misspelt_profile_key_is_named_not_ignored(server, tmp_path):
    folder = _settings_copy(tmp_path)
    profile = folder / "daily8.toml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("max_pages = 50", "max_page = 1"),
        encoding="utf-8",
    )
    proc, requests = crawl(server, tmp_path, env={"NEWSBOT_SETTINGS_DIR": str(folder)})
    line = error_line(proc)
    assert "[pagination] 'max_page'" in line and "did you mean 'max_pages'" in line
    assert requests == []


@pytest.mark.parametrize(
    ("written", "wrong", "expected"),
    [
        ("day_first = true", 'day_first = "false"', ["day_first = 'false'", "true or false"]),
        # ops round 8: the example was a list of URLs
        (
            'allowed_domains = ["daily8.com"]',
            'allowed_domains = "daily8.com"',
            ["allowed_domains = 'daily8.com'", 'e.g. ["example.com"]'],
        ),
        ("max_pages = 50", 'max_pages = "50"', ["[pagination] max_pages", "whole number"]),
        (
            'start_urls = ["https://www.daily8.com/en", "https://www.daily8.com/en/hashtag/News"]',
            'start_urls = "https://www.daily8.com/en"',
            ["start_urls = 'https://www.daily8.com/en'", "a list of strings"],
        ),
    ],
)
def test_a_profile_value_of_the_wrong_type_is_named_not_misread(
    server, tmp_path, written, wrong, expected
):
    """`day_first = "false"` would read as true, a string of start URLs letter by letter."""
    folder = _settings_copy(tmp_path)
    profile = folder / "daily8.toml"
    text = profile.read_text(encoding="utf-8")
    assert written in text
    profile.write_text(text.replace(written, wrong), encoding="utf-8")
    proc, requests = crawl(server, tmp_path, env={"NEWSBOT_SETTINGS_DIR": str(folder)})
    line = error_line(proc)
    assert "settings/daily8.toml" in line and all(part in line for part in expected), line
    assert requests == []


def test_a_byte_order_mark_an_editor_wrote_is_not_a_toml_error(server, tmp_path):
    folder = _settings_copy(tmp_path)
    for name in ("daily8.toml", "noise.toml", "environments/test.toml"):
        path = folder / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    proc, _ = crawl(server, tmp_path, env={"NEWSBOT_SETTINGS_DIR": str(folder)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Exported" in proc.stderr or "exported" in proc.stderr


def test_a_crawl_typed_in_a_subfolder_keeps_the_projects_exports_and_store(server, tmp_path):
    project = tmp_path / "project"
    (project / "settings").mkdir(parents=True)
    (project / "scrapy.cfg").write_text((ROOT / "scrapy.cfg").read_text())
    env = {"PATH": "/usr/bin:/bin", "NEWSBOT_ENV": "test", "PYTHONPATH": str(ROOT)}
    if "HOME" in os.environ:
        env["HOME"] = os.environ["HOME"]
    command = [sys.executable, "-m", "scrapy", "crawl", "daily8", "-a",
               f"start_urls={server.base_url}/en", "-s", "NEWSBOT_INCREMENTAL=true"]  # fmt: skip
    proc = subprocess.run(
        command, cwd=project / "settings", env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert len(list((project / "exports" / "daily8").glob("*.jsonl"))) == 1
    assert (project / ".newsbot" / "seen.sqlite").is_file()
    assert not (project / "settings" / "exports").exists()
    assert not (project / "settings" / ".newsbot").exists()


def test_the_article_spider_names_a_misspelt_argument(server, tmp_path):
    proc, requests = crawl(server, tmp_path, "-a", "url_file=urls.txt", spider="article")
    line = error_line(proc)
    assert "-a url_file" in line and "did you mean 'urls_file'" in line
    assert requests == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("redis://127.0.0.1:1/0", "Redis does not answer"),
        ("redis:/127.0.0.1", "not a Redis URL"),
        ("redis://:hunter2@127.0.0.1:1/0", "Redis does not answer"),
        # ops6: a `#` in the password (not percent-encoded) printed it twice, in clear
        ("redis://:hunter2#1@127.0.0.1:1/0", "is written percent-encoded: # is %23"),
        # ops6: a database that is not a number was silently database 0
        ("redis://127.0.0.1:1/jobs", "the database 'jobs' is not a number"),
    ],
)
def test_a_redis_url_that_cannot_serve_is_one_line(server, tmp_path, url, expected):
    pytest.importorskip("scrapy_redis", reason="the ops extra (scrapy-redis) is not installed")
    proc, requests = crawl(server, tmp_path, "-s", f"NEWSBOT_REDIS_URL={url}")
    line = error_line(proc)
    assert expected in line and "hunter2" not in proc.stderr
    assert requests == []


def test_an_empty_environment_name_is_a_mistake_not_development(server, tmp_path):
    proc, requests = crawl(server, tmp_path, env={"NEWSBOT_ENV": ""})
    line = error_line(proc)
    assert "NEWSBOT_ENV is set but empty" in line and "production" in line
    assert requests == []


@pytest.mark.parametrize(
    "name", ["NEWSBOT_EXPORTS_DIR", "NEWSBOT_REDIS_URL", "NEWSBOT_SETTINGS_DIR", "NEWSBOT_CHROMIUM"]
)
def test_an_empty_variable_newsbot_reads_is_a_mistake_not_its_default(server, tmp_path, name):
    """ops round 5: `NEWSBOT_EXPORTS_DIR=` (a unit file's empty value) silently meant the
    default folder, while `-s NAME=` was refused."""
    proc, requests = crawl(server, tmp_path, env={name: ""})
    line = error_line(proc)
    assert f"{name} is set but empty" in line
    assert requests == []


def test_a_setting_given_as_an_environment_variable_is_said_not_ignored(server, tmp_path):
    proc, _ = crawl(server, tmp_path, env={"NEWSBOT_WORKERS": "many"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    warned = [line for line in proc.stderr.splitlines() if "NEWSBOT_WORKERS is not read" in line]
    assert len(warned) == 1 and "-s NEWSBOT_WORKERS=" in warned[0]


def test_a_jobdir_in_use_by_a_running_crawl_is_one_line(server, tmp_path):
    from newsbot.extensions.incremental import MARKER

    jobdir = tmp_path / "job"
    jobdir.mkdir()
    (jobdir / MARKER).write_text(f"{os.getpid()}\n")  # a live process holds it (this test)
    proc, requests = crawl(server, tmp_path, "-s", f"JOBDIR={jobdir}")
    line = error_line(proc)
    assert f"JOBDIR {jobdir} is in use by a running crawl (pid {os.getpid()})" in line
    assert requests == []
    assert (jobdir / MARKER).read_text() == f"{os.getpid()}\n"  # left to the running crawl


def test_a_jobdir_locked_by_a_crawl_that_has_not_yet_written_its_marker_is_refused(
    server, tmp_path
):
    """ops round 11: two jobs started in the same instant both found no marker, both wrote
    theirs and ran on one JOBDIR (one hung on the other's queue). The JOBDIR is locked first:
    here this test holds the lock, as a crawl that has not yet written its marker does."""
    import fcntl

    from newsbot.extensions.incremental import LOCK, MARKER

    jobdir = tmp_path / "job"
    jobdir.mkdir()
    with open(jobdir / LOCK, "ab") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        proc, requests = crawl(server, tmp_path, "-s", f"JOBDIR={jobdir}")
    line = error_line(proc)
    assert f"JOBDIR {jobdir} is in use by a running crawl" in line
    assert requests == []
    assert not (jobdir / MARKER).exists()  # the other crawl writes its own
    proc, requests = crawl(server, tmp_path, "-s", f"JOBDIR={jobdir}")  # unlocked: it runs
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert requests


def test_a_jobdir_that_cannot_be_a_folder_is_one_line(server, tmp_path):
    """A file where the JOBDIR should be, or a folder under it: one line naming it."""
    taken = tmp_path / "job"
    taken.write_text("not a folder\n")
    for jobdir in (taken, taken / "daily8"):
        proc, requests = crawl(server, tmp_path, "-s", f"JOBDIR={jobdir}")
        line = error_line(proc)
        assert f"JOBDIR {jobdir} cannot be used" in line
        assert requests == []
    assert taken.read_text() == "not a folder\n"


def test_a_mistake_is_also_in_the_log_file_a_scheduled_job_keeps(server, tmp_path):
    log = tmp_path / "job.log"  # scrapyd gives each job a LOG_FILE; stderr goes elsewhere
    proc, requests = crawl(server, tmp_path, "-a", "max_article=5", "-s", f"LOG_FILE={log}")
    line = error_line(proc)
    assert line in log.read_text(encoding="utf-8")
    assert requests == []


def test_a_stopped_jobdir_resumed_with_other_arguments_is_refused(server, tmp_path):
    """A JOBDIR's queued requests were made for its crawl's -a arguments: a resume with
    another related_depth (or other start URLs) would silently be neither crawl."""
    from newsbot.extensions.incremental import ARGUMENTS_FILE

    jobdir = tmp_path / "job"
    stop = ("-s", f"JOBDIR={jobdir}", "-s", "CLOSESPIDER_ITEMCOUNT=2")
    first, _ = crawl(server, tmp_path, *stop, "-a", "related_depth=1")
    assert (jobdir / "requests.queue").exists(), first.stderr[-3000:]  # stopped, not finished
    written = (jobdir / ARGUMENTS_FILE).read_text(encoding="utf-8")
    assert '"related_depth": 1' in written

    proc, requests = crawl(server, tmp_path, "-s", f"JOBDIR={jobdir}", "-a", "related_depth=3")
    line = error_line(proc)
    assert f"JOBDIR {jobdir} holds a stopped crawl with other arguments" in line
    assert "related_depth 1 -> 3" in line and "resume it with the same -a arguments" in line
    assert requests == []
    assert (jobdir / ARGUMENTS_FILE).read_text(encoding="utf-8") == written
    assert (jobdir / "requests.queue").exists()

    # the same arguments resume it (this small site's queue may be empty by now: the resumed
    # run reads no listing, which is no failure of the site: completeness is not judged)
    resumed, _ = crawl(server, tmp_path, "-s", f"JOBDIR={jobdir}", "-a", "related_depth=1")
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert "other arguments" not in resumed.stderr
    assert "Health checks: all" in resumed.stderr  # not "0 article(s) found ... FAILED"
    assert "Spider closed (finished)" in resumed.stderr, resumed.stderr[-3000:]
    assert not (jobdir / ARGUMENTS_FILE).exists()  # finished: nothing left to resume


def test_a_stopped_jobdir_of_another_spider_is_refused(server, tmp_path):
    """ops round 7: `scrapy crawl river -s JOBDIR=<daily8's stopped job>` read daily8's
    queued requests with the river's callbacks (tracebacks, exit 0) and wiped the job."""
    from newsbot.extensions.incremental import ARGUMENTS_FILE

    jobdir = tmp_path / "job"
    first, _ = crawl(server, tmp_path, "-s", f"JOBDIR={jobdir}", "-s", "CLOSESPIDER_ITEMCOUNT=2")
    assert (jobdir / "requests.queue").exists(), first.stderr[-3000:]  # stopped, not finished
    assert '"_spider": "daily8"' in (jobdir / ARGUMENTS_FILE).read_text(encoding="utf-8")
    queue = sorted(p.name for p in (jobdir / "requests.queue").iterdir())

    proc, requests = crawl(server, tmp_path, "-s", f"JOBDIR={jobdir}", spider="river")
    line = error_line(proc)
    assert f"JOBDIR {jobdir} holds a stopped crawl of the daily8 spider, not river" in line
    assert "scrapy crawl daily8" in line and requests == []
    assert sorted(p.name for p in (jobdir / "requests.queue").iterdir()) == queue  # kept


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("out/%(nme)s.jsonl", ["unknown placeholder %(nme)s", "did you mean 'name'"]),
        ("out/%(name)s-%(time).jsonl", ["%(time) lacks its type letter", "%(time)s"]),
        ("out/%(since_when)s.jsonl", ["unknown placeholder %(since_when)s"]),
        # ops round 12: an argument not given on this run (daily8 wrote `d-None.jsonl`)
        ("out/d-%(max_articles)s.jsonl", ["unknown placeholder %(max_articles)s"]),
    ],
)
def test_a_feed_placeholder_that_cannot_be_filled_is_one_line(server, tmp_path, target, expected):
    """Scrapy failed such an export at its start (a traceback in the log) and the run ended
    "ok" with nothing written; now nothing starts."""
    proc, requests = crawl(server, tmp_path, "-O", str(tmp_path / target))
    refused_before_any_request(proc, requests, expected)
    assert not (tmp_path / "out").exists()


def test_a_feed_placeholder_names_an_argument_given_on_this_run(server, tmp_path):
    """ops round 12: `-O 'out-%(max_articles)s.jsonl'` with the argument given was a KeyError
    when the export opened (river, article: `%(urls_file)s`): no export, exit 0."""
    proc, requests = crawl(
        server, tmp_path, "-a", "max_articles=3", "-a", "related_depth=0",
        "-O", str(tmp_path / "out" / "d-%(max_articles)s.jsonl"),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    (export,) = (tmp_path / "out").glob("*.jsonl")
    assert export.name == "d-3.jsonl"
    assert len(export.read_text(encoding="utf-8").splitlines()) == 3


@pytest.mark.parametrize("name", ["exports", "new/", "exports:jsonlines"])
def test_an_export_target_that_is_a_folder_is_named_so(server, tmp_path, name):
    """`-O exports` (an existing folder) or `-O new/`: Scrapy answered "Unrecognized output
    format ''", since a folder has no extension; the mistake is the folder."""
    (tmp_path / "exports").mkdir()
    proc, requests = crawl(server, tmp_path, "-O", f"{tmp_path}/{name}")
    line = error_line(proc)
    assert "is a folder, not a regular file" in line and "format" not in line, line
    assert requests == []
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("sftp://127.0.0.1/out.jsonl", ["unknown storage scheme 'sftp'", "did you mean 'ftp'"]),
        ("s3://bucket/out.jsonl", ["s3:// needs the boto3 library", "pip install boto3"]),
    ],
)
def test_a_remote_export_target_that_cannot_be_written_is_one_line(
    server, tmp_path, target, expected
):
    """ops round 9: `-O s3://...` without boto3 crawled the whole site, wrote nothing
    anywhere and exited 0 (Scrapy disables the storage with an error in the log)."""
    if target.startswith("s3:") and importlib.util.find_spec("botocore") is not None:
        pytest.skip("botocore is installed here: an s3:// target can be written")
    proc, requests = crawl(server, tmp_path, "-O", target)
    refused_before_any_request(proc, requests, expected)


def test_a_failed_ftp_export_never_logs_its_password(server, tmp_path):
    """ops round 9: the ERROR line of a failed FTP export printed `ftp://user:password@...`."""
    with socket.socket() as closed:  # a port nothing listens on: the store fails at once
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    target = f"ftp://crawler:hunter2secret@127.0.0.1:{port}/out.jsonl"
    proc, _requests = crawl(server, tmp_path, "-O", target, "-s", "LOG_LEVEL=INFO")
    assert proc.returncode == 3, proc.stderr[-3000:]
    assert "hunter2secret" not in proc.stderr + proc.stdout
    assert "ftp://crawler:***@127.0.0.1" in proc.stderr, proc.stderr[-3000:]


def test_an_argument_given_twice_is_one_line(server, tmp_path):
    """Scrapy kept the last `start_urls` without a word: the crawl ran on half of it."""
    first, second = f"{server.base_url}/en", f"{server.base_url}/nothing"
    proc, requests = crawl(
        server, tmp_path, "-a", f"start_urls={first}", "-a", f"start_urls={second}"
    )
    line = error_line(proc)
    assert "-a start_urls given twice" in line and "commas" in line, line
    assert requests == []
    proc, _ = crawl(server, tmp_path, "-a", "max_articles=1", "-a", "max_articles=1")
    assert proc.returncode == 0, proc.stderr[-2000:]  # the same value twice is harmless


def test_a_log_file_in_a_missing_folder_is_one_line(server, tmp_path):
    log = tmp_path / "no" / "such" / "crawl.log"
    proc, requests = crawl(server, tmp_path, "-s", f"LOG_FILE={log}")
    line = error_line(proc)
    assert "LOG_FILE=" in line and "does not exist" in line, line
    assert requests == [] and not log.parent.exists()


@contextlib.contextmanager
def read_only_folder(tmp_path: Path):
    """An empty folder on a read-only bind mount for the block (skips where none can be)."""
    folder, read_only = tmp_path / "rw", tmp_path / "ro"
    folder.mkdir()
    read_only.mkdir()
    if subprocess.run(["mount", "--bind", str(folder), str(read_only)]).returncode != 0:
        pytest.skip("no bind mount here (not root?)")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(read_only)], check=True)
        yield read_only
    finally:
        subprocess.run(["umount", str(read_only)], check=False)


def test_a_log_file_on_a_read_only_disk_says_why(server, tmp_path):
    """ops round 8: it said "cannot be written here" and not why."""
    with read_only_folder(tmp_path) as read_only:
        proc, requests = crawl(server, tmp_path, "-s", f"LOG_FILE={read_only / 'run.log'}")
    line = error_line(proc)
    assert "LOG_FILE=" in line and "cannot be written (read-only file system)" in line, line
    assert requests == []


def test_a_new_seen_store_on_a_read_only_disk_says_why(server, tmp_path):
    """ops round 13: exit 2 and "not a usable seen-store ... move the file aside", with no
    file there to move: the folder cannot be written (exit 3, the disk's condition)."""
    with read_only_folder(tmp_path) as read_only:
        proc, requests = crawl(server, tmp_path, "-s", "NEWSBOT_INCREMENTAL=1",
                               "-s", f"NEWSBOT_SEEN_STORE={read_only / 'seen.sqlite'}")  # fmt: skip
    assert proc.returncode == 3, proc.stderr[-3000:]
    line = proc.stderr.strip().splitlines()[-1]
    assert "its folder cannot be written (read-only file system)" in line, line
    assert "move the file aside" not in line and "Traceback" not in proc.stderr
    assert requests == []


def test_a_batch_count_without_a_numbered_export_is_one_line(server, tmp_path):
    """Scrapy dropped the export (an ERROR in the log) and the run ended 0 with its health
    checks passed and no file written."""
    proc, requests = crawl(server, tmp_path, "-s", "FEED_EXPORT_BATCH_ITEM_COUNT=5")
    line = error_line(proc)
    assert "FEED_EXPORT_BATCH_ITEM_COUNT=5" in line and "%(batch_id)d" in line, line
    assert requests == []
    target = tmp_path / "out" / "%(batch_id)d.jsonl"
    proc, _ = crawl(
        server, tmp_path, "-s", "FEED_EXPORT_BATCH_ITEM_COUNT=5", "-a", "max_articles=1",
        "-O", str(target),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert [p.name for p in (tmp_path / "out").glob("*.jsonl")] == ["1.jsonl"]


def test_feed_checks_take_scrapys_format_aliases(tmp_path):
    """`-o x.jl` is Scrapy's "jl" format, `-o x.jsonl` its "jsonl": both append JSON Lines to
    a JSON Lines file; another format onto one is refused."""
    for name in ("old.jl", "old.jsonl"):
        path = tmp_path / name
        path.write_text('{"id": "1"}\n', encoding="utf-8")
        for fmt in ("jl", "jsonl", "jsonlines"):
            check_append(path, {"format": fmt})
        with pytest.raises(UsageError, match="would mix two formats"):
            check_append(path, {"format": "csv"})


@pytest.mark.parametrize(
    ("name", "option", "says"),
    [
        ("old.jsonl", "{path}:csv", "appending csv to a .jsonl file (jsonlines)"),
        ("old.json", "{path}", "appending to a JSON array file makes it invalid JSON"),
        ("old.xml", "{path}", "appending to an XML export writes a second XML document"),
        ("old.csv", "{path}", "appending to a CSV export writes a second header row"),
    ],
)
def test_appending_another_format_or_a_second_document_is_one_line(
    server, tmp_path, name, option, says
):
    """Each ended 0 with a file that no longer parsed (ops round 11: XML and CSV)."""
    path = tmp_path / name
    before = {
        "l": b'{"id": "1", "title": "Kept"}\n',
        "n": b'[{"id": "1"}]',
        "v": b"id,title\r\n1,Kept\r\n",
    }.get(
        name[-1], b'<?xml version="1.0" encoding="utf-8"?>\n<items><item><id>1</id></item></items>'
    )
    path.write_bytes(before)
    proc, requests = crawl(server, tmp_path, "-o", option.format(path=path))
    line = error_line(proc)
    assert says in line, line
    assert requests == [] and path.read_bytes() == before


@pytest.mark.parametrize("setting", ["LOG_LEVEL=verbose", "FEEDS={bad"])
def test_a_setting_refused_before_logging_starts_is_in_the_log_file_too(server, tmp_path, setting):
    """ops round 11: a scrapyd job refused for its LOG_LEVEL or FEEDS left no job log at all
    (`log_url: null`); the reason was only in scrapyd's own log."""
    log = tmp_path / "job.log"
    proc, requests = crawl(server, tmp_path, "-s", setting, "-s", f"LOG_FILE={log}")
    line = error_line(proc)
    assert requests == []
    assert line in log.read_text(encoding="utf-8")


def test_a_log_file_that_is_the_export_target_is_one_line(server, tmp_path):
    """ops round 11: `--logfile x.jsonl -O x.jsonl` lost the whole log (the finished export
    was renamed over it) without a word."""
    path = tmp_path / "run.jsonl"
    path.write_bytes(b'{"id": "1"}\n')
    proc, requests = crawl(server, tmp_path, "--logfile", str(path), "-O", str(path))
    line = error_line(proc)
    assert "the export is written to the same file" in line, line
    assert requests == [] and path.read_bytes() == b'{"id": "1"}\n'


def test_a_quoted_tilde_in_an_export_path_is_one_line(server, tmp_path):
    """It made a folder named `~` in the project, which `rm -rf ~` would take for home."""
    proc, requests = crawl(server, tmp_path, "-O", "~/newsbot-tilde-test.jsonl")
    line = error_line(proc)
    assert "~ is not expanded in an export path" in line, line
    assert requests == [] and not (ROOT / "~").exists()


def test_a_quoted_shell_variable_in_an_export_path_is_one_line(server, tmp_path):
    """ops6: `-O '$HOME/x.jsonl'` made a folder named `$HOME` in the project, exit 0."""
    for target in ("$HOME/newsbot-var-test.jsonl", "${TMPDIR}/newsbot-var-test.jsonl"):
        proc, requests = crawl(server, tmp_path, "-O", target)
        line = error_line(proc)
        assert "is a shell variable nobody expanded" in line, line
        assert requests == []
    assert not (ROOT / "$HOME").exists() and not (ROOT / "${TMPDIR}").exists()


def test_a_value_with_an_unquoted_space_says_so(server, tmp_path):
    """`-a since=24 h`: the stray `h` was read as a second spider name. The line names the
    option it was cut from and shows it quoted (ops round 17: `-a start_urls=.../Middle East`)."""
    proc, requests = crawl(server, tmp_path, "-a", "since=24", "h")
    assert proc.returncode == 2 and requests == []
    assert "got 'daily8' and 'h': 'h' follows -a since=..., a value with a space" in proc.stderr
    assert "(-a since='24 h')" in proc.stderr


def test_a_log_file_under_a_tilde_is_one_line(server, tmp_path):
    """Scrapy opens LOG_FILE as written, so `~/logs/crawl.log` is a folder named `~` in the
    working directory, not the home folder: one line before the crawl, not a traceback."""
    (tmp_path / "logs").mkdir()
    proc, requests = crawl(
        server, tmp_path, "-s", "LOG_FILE=~/logs/crawl.log", env={"HOME": str(tmp_path)}
    )
    line = error_line(proc)
    assert "~/logs/crawl.log" in line and "~ is not expanded" in line, line
    assert requests == [] and not (ROOT / "~").exists()


@pytest.mark.parametrize("name", ["daily8.toml", "noise.toml", "environments/test.toml"])
def test_a_settings_file_saved_as_latin_1_names_its_line(server, tmp_path, name):
    """An editor that saved `é` as one Latin-1 byte: the file, the line and what to do."""
    folder = _settings_copy(tmp_path)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 2
    path.write_bytes(text.encode("utf-8") + "\n# café\n".encode("latin-1"))
    proc, requests = crawl(server, tmp_path, env={"NEWSBOT_SETTINGS_DIR": str(folder)})
    error = error_line(proc)
    assert name.split("/")[-1] in error and f"not UTF-8 at line {line}, column 6" in error, error
    assert "save the file as UTF-8" in error
    assert requests == []


@pytest.mark.parametrize("bom", [b"", b"\xff\xfe"], ids=["no-mark", "with-mark"])
@pytest.mark.parametrize("name", ["daily8.toml", "environments/test.toml"])
def test_a_settings_file_saved_as_utf16_says_so(server, tmp_path, name, bom):
    """ops round 12: an overlay saved as UTF-16 without its byte order mark decodes as UTF-8
    with a NUL between every two letters, and was refused naming the TOML error at column 2
    (`Invalid initial character for a key part`); it is named as UTF-16 now."""
    folder = _settings_copy(tmp_path)
    path = folder / name
    path.write_bytes(bom + path.read_text(encoding="utf-8").encode("utf-16-le"))
    proc, requests = crawl(server, tmp_path, env={"NEWSBOT_SETTINGS_DIR": str(folder)})
    error = error_line(proc)
    assert name.split("/")[-1] in error, error
    assert "not UTF-8: it looks saved as UTF-16; save the file as UTF-8" in error, error
    assert requests == []


def test_a_noise_file_with_old_mac_line_ends_is_read_as_written(tmp_path):
    """ops round 12: a noise file whose lines end in a bare CR (an old Mac editor) is read
    as a text-mode read reads it, one key a line, and its rule removes its line."""
    noise = tmp_path / "noise.toml"
    noise.write_bytes(
        b'[[rule]]\rid = "mine"\rkind = "line"\rpatterns = [\'Get the Gazette delivered\']\r'
    )
    rules = load_noise_rules(None, noise, kinds=False, pitch=False)
    story = "The ferry resumed its winter timetable on Monday after repairs."
    assert clean_blocks([story, "Get the Gazette delivered"], rules).kept == [story]


def test_an_empty_seen_store_setting_is_one_line(server, tmp_path):
    proc, requests = crawl(server, tmp_path, "-s", "NEWSBOT_SEEN_STORE=")
    line = error_line(proc)
    assert "-s NEWSBOT_SEEN_STORE: empty value" in line
    assert requests == []


def test_a_tilde_in_the_exports_folder_is_the_home_folder(server, tmp_path):
    """As systemd's Environment= passes it: no shell expanded it; the export went to a
    folder named `~` in the working directory, and the report read as the home folder."""
    home = tmp_path / "home"
    home.mkdir()
    proc, _ = crawl(server, tmp_path, "-a", "max_articles=2",
                    env={"NEWSBOT_EXPORTS_DIR": "~/nb-exports", "HOME": str(home)})  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    exported = list((home / "nb-exports" / "daily8").glob("*.jsonl"))
    assert len(exported) == 1 and exported[0].read_text().count("\n") == 2
    assert str(home / "nb-exports") in proc.stderr
    assert not (ROOT / "~").exists()


def test_a_seen_store_on_a_full_disk_fails_before_the_crawl(server, tmp_path):
    """The blind operator's second run on a full 300 KB disk crawled everything and failed
    only when the store was written at the end: opening the store writes nothing."""
    with small_disk(tmp_path / "disk", "512k") as disk:
        proc, requests = crawl(server, tmp_path, "-s", "NEWSBOT_INCREMENTAL=1",
                               "-s", f"NEWSBOT_SEEN_STORE={disk / 'seen.sqlite'}")  # fmt: skip
    assert proc.returncode == 3, proc.stderr[-3000:]
    assert "NEWSBOT_SEEN_STORE" in proc.stderr and "its disk is full" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert requests == []


def test_a_redis_seen_store_that_does_not_answer_is_one_line(server, tmp_path):
    """ops round 12: two chained tracebacks, exit 1 (the password in the URL shown)."""
    store = "NEWSBOT_SEEN_STORE=redis://newsbot:s3cret@127.0.0.1:9/0"
    proc, requests = crawl(server, tmp_path, "-s", "NEWSBOT_INCREMENTAL=1", "-s", store)
    assert proc.returncode == 3, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr and "s3cret" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert "NEWSBOT_SEEN_STORE=" in last and "start redis-server" in last
    assert requests == []


def test_a_jobdir_that_fills_up_mid_run_fails_the_run_and_keeps_the_previous_export(
    server, tmp_path
):
    """ops round 5: a JOBDIR on a disk that filled up mid-run gave tracebacks, a "shutdown"
    with nothing exported, exit 0, every health check passed, and the `-O` target replaced
    by an empty file. Now: one line naming the JOBDIR, exit 3, the target as it was."""
    target = tmp_path / "out" / "x.jsonl"
    proc, _ = crawl(server, tmp_path, "-O", str(target), "-s", "NEWSBOT_INCREMENTAL=0")
    assert proc.returncode == 0, proc.stderr[-3000:]
    before = target.read_bytes()
    assert before.count(b"\n") > 3

    with small_disk(tmp_path / "disk", "64k") as disk:
        (disk / "filler").write_bytes(b"x" * (52 * 1024))  # about 12 KB left
        proc, _ = crawl(server, tmp_path, "-O", str(target), "-s", "NEWSBOT_INCREMENTAL=0",
                        "-s", f"JOBDIR={disk / 'job'}")  # fmt: skip
    assert proc.returncode == 3, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    lines = [
        x for x in proc.stderr.splitlines() if x.startswith("JOBDIR") or "] ERROR: JOBDIR" in x
    ]
    assert len(lines) == 1 and str(disk / "job") in lines[0], proc.stderr[-3000:]
    assert "No space left on device" in lines[0]
    assert target.read_bytes() == before
    assert not target.with_name(target.name + ".part").exists()


def test_a_log_file_on_a_full_disk_is_one_line_before_the_crawl(server, tmp_path):
    """ops round 5: 86 `--- Logging error ---` blocks, a traceback at exit, exit 1."""
    with small_disk(tmp_path / "disk", "64k") as disk:
        (disk / "filler").write_bytes(b"x" * (64 * 1024))
        proc, requests = crawl(server, tmp_path, "-s", f"LOG_FILE={disk / 'crawl.log'}")
    line = error_line(proc)
    assert f"LOG_FILE='{disk / 'crawl.log'}'" in line and "its disk is full" in line
    assert requests == []


def test_a_log_file_whose_disk_fills_mid_run_says_so_once_and_logs_on(server, tmp_path):
    """ops round 5: the log stopped mid-line at 4 KB, stderr got 694 lines of tracebacks and
    the summary said nothing. Now one line, the rest of the log on stderr, the export whole,
    and the summary names the log file's failure."""
    target = tmp_path / "out" / "x.jsonl"
    with small_disk(tmp_path / "disk", "64k") as disk:
        (disk / "filler").write_bytes(b"x" * (60 * 1024))  # 4 KB left: the log's first lines
        proc, _ = crawl(server, tmp_path, "-O", str(target), "-s", "NEWSBOT_INCREMENTAL=0",
                        "-s", f"LOG_FILE={disk / 'crawl.log'}")  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Logging error" not in proc.stderr and "Traceback" not in proc.stderr
    said = [x for x in proc.stderr.splitlines() if x.startswith("newsbot: LOG_FILE")]
    assert len(said) == 1 and "No space left on device" in said[0]
    assert "[newsbot.report] INFO: Exported" in proc.stderr  # the run's report, on stderr
    summary = json.loads(target.with_name("x.summary.json").read_text())
    assert "No space left on device" in summary["log_file_error"]
    assert target.read_bytes().count(b"\n") == summary["items"] > 0


def _stdout_crawl(server, tmp_path: Path, stdout: Any) -> subprocess.Popen:
    command = [sys.executable, "-m", "scrapy", "crawl", "daily8", "-O", "-:jsonlines",
               "-a", f"start_urls={server.base_url}/en", "-s", "NEWSBOT_INCREMENTAL=0",
               "-s", f"NEWSBOT_SEEN_STORE={tmp_path / 'seen.sqlite'}"]  # fmt: skip
    env = {"PATH": "/usr/bin:/bin", "NEWSBOT_ENV": "test", "HOME": os.environ.get("HOME", "/")}
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=stdout, stderr=subprocess.PIPE, text=True
    )


def test_an_export_to_standard_output_on_a_full_disk_fails_the_run(server, tmp_path):
    """ops round 5: `-O - > file` on a full disk left a torn last line with exit 0, every
    health check passed and a traceback per item. Now one line and exit 3."""
    with small_disk(tmp_path / "disk", "16k") as disk:
        (disk / "filler").write_bytes(b"x" * (12 * 1024))  # 4 KB left: two or three records
        with (disk / "out.jsonl").open("wb") as out:
            proc = _stdout_crawl(server, tmp_path, out)
            _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 3, stderr[-3000:]
    assert "Traceback" not in stderr, stderr[-3000:]
    failed = [x for x in stderr.splitlines() if "Export failed: cannot write standard output" in x]
    assert len(failed) == 1 and "No space left on device" in failed[0], stderr[-3000:]


def test_an_export_to_a_pipe_whose_reader_goes_away_fails_the_run_quietly(server, tmp_path):
    """ops round 5: `-O - | head` gave a BrokenPipe traceback per item and exit 0."""
    proc = _stdout_crawl(server, tmp_path, subprocess.PIPE)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first.startswith("{")
    proc.stdout.close()  # the reader goes away
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 3, stderr[-3000:]
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr[-3000:]
    assert "its reader went away" in stderr


@pytest.mark.parametrize("length", [256, 250])
def test_an_export_name_too_long_for_the_file_system_is_one_line(server, tmp_path, length):
    """ops round 5: a 256-byte name gave an OSError traceback; a 249-byte one ran "ok"
    without its summary, whose name was too long. Both are refused before the crawl."""
    target = tmp_path / ("a" * (length - len(".jsonl")) + ".jsonl")
    proc, requests = crawl(server, tmp_path, "-O", str(target))
    line = error_line(proc)
    assert "is too long" in line or "must be at most" in line, line
    assert requests == []


def test_the_overlays_relative_jobdir_is_the_projects_wherever_the_command_is_typed(tmp_path):
    """ops5: `cd settings && NEWSBOT_ENV=production scrapy crawl daily8` made its job under
    settings/.newsbot/jobs, which the same command typed from the project never found. A
    JOBDIR typed on the command line stays the operator's, read from where it was typed."""
    settings = BaseSettings()
    settings.set("JOBDIR", ".newsbot/jobs/%(name)s", priority="project")
    settings.set("NEWSBOT_SEEN_STORE", ".newsbot/seen.sqlite", priority="project")
    anchor_to_project(settings, tmp_path)
    assert settings["JOBDIR"] == str(tmp_path / ".newsbot/jobs/%(name)s")
    assert settings["NEWSBOT_SEEN_STORE"] == str(tmp_path / ".newsbot/seen.sqlite")
    typed = BaseSettings()
    typed.set("JOBDIR", "jobs/mine", priority="cmdline")
    anchor_to_project(typed, tmp_path)
    assert typed["JOBDIR"] == "jobs/mine"


def test_the_default_exports_folder_is_the_projects_wherever_the_command_is_typed(
    tmp_path, monkeypatch
):
    """ops round 9: `NEWSBOT_EXPORTS_DIR=out` typed from `settings/` put the export in
    settings/out, unlike the seen-store and the JOBDIR; `-s NEWSBOT_EXPORTS_DIR=out` stays
    the operator's, read from where it was typed."""
    monkeypatch.setenv("NEWSBOT_EXPORTS_DIR", "out")
    settings = BaseSettings()
    add_default_feed(settings, tmp_path)
    assert list(settings.getdict("FEEDS")) == [f"{tmp_path}/out/%(name)s/%(time)s-%(run_id)s.jsonl"]
    monkeypatch.delenv("NEWSBOT_EXPORTS_DIR")
    typed = BaseSettings()
    typed.set("NEWSBOT_EXPORTS_DIR", "out", priority="cmdline")
    add_default_feed(typed, tmp_path)
    assert list(typed.getdict("FEEDS")) == ["out/%(name)s/%(time)s-%(run_id)s.jsonl"]


def test_a_depth_limit_is_named_before_the_crawl(server, tmp_path):
    """ops round 9: `-s DEPTH_LIMIT=1` dropped article requests at DEBUG and the run failed
    its exported-share check (exit 4) without naming the setting."""
    proc, _requests = crawl(server, tmp_path, "-s", "DEPTH_LIMIT=1", "-s", "LOG_LEVEL=INFO")
    warned = [line for line in proc.stderr.splitlines() if "DEPTH_LIMIT=1" in line]
    assert warned and "dropped without a word" in warned[0], proc.stderr[-3000:]
    assert "-a related_depth" in warned[0]


def test_a_closespider_count_is_named_with_what_it_does_not_limit(server, tmp_path):
    """ops round 10: `-s CLOSESPIDER_ITEMCOUNT=5` exported 206 records (the requests under
    way finish) and failed a health check, and nothing pointed to -a max_articles."""
    proc, _requests = crawl(server, tmp_path, "-s", "CLOSESPIDER_ITEMCOUNT=5")
    warned = [line for line in proc.stderr.splitlines() if "CLOSESPIDER_ITEMCOUNT=5" in line]
    assert warned and "expect more than 5" in warned[0], proc.stderr[-3000:]
    assert "-a max_articles" in warned[0]


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        (
            'ITEM_PIPELINES={"newsbot.pipelines.noise.NoisePipelin": 100}',
            "ITEM_PIPELINES: 'newsbot.pipelines.noise.NoisePipelin' cannot be loaded: "
            "newsbot.pipelines.noise has no 'NoisePipelin' (did you mean 'NoisePipeline'?)",
        ),
        (
            'EXTENSIONS={"newsbot.extensions.progres.Progress": 1}',
            "no module named 'newsbot.extensions.progres' (did you mean 'progress'?)",
        ),
        (
            "HTTPCACHE_STORAGE=scrapy.extensions.httpcache.DbmCacheStorag",
            "has no 'DbmCacheStorag' (did you mean 'DbmCacheStorage'?)",
        ),
    ],
    ids=["pipeline", "extension-module", "cache-storage"],
)
def test_a_misspelt_class_path_is_one_line_before_the_crawl(server, tmp_path, setting, expected):
    """ops round 10: a misspelt class in ITEM_PIPELINES, EXTENSIONS or HTTPCACHE_STORAGE was
    Scrapy's NameError (or ModuleNotFoundError) traceback and exit 1."""
    proc, requests = crawl(server, tmp_path, "-s", setting)
    assert proc.returncode == 2, proc.stderr[-3000:]
    assert expected in proc.stderr and "Traceback" not in proc.stderr
    assert requests == []  # refused before any request


def test_an_http_cache_folder_that_cannot_be_made_is_one_line(server, tmp_path):
    """ops round 10: with HTTPCACHE_ENABLED (the development environment's default) and its
    folder under a file or on a read-only disk, every response was a traceback, the listing
    counted as a decoding failure and nothing was exported (exit 4)."""
    (tmp_path / "afile").write_text("not a folder")
    cache = tmp_path / "afile" / "cache"
    proc, requests = crawl(
        server, tmp_path, "-s", "HTTPCACHE_ENABLED=True", "-s", f"HTTPCACHE_DIR={cache}"
    )
    assert proc.returncode == 2, proc.stderr[-3000:]
    assert f"HTTPCACHE_DIR {cache} cannot be used" in proc.stderr
    assert "Traceback" not in proc.stderr and requests == []


def test_scrapys_older_feed_uri_is_the_export_not_a_second_one(tmp_path, monkeypatch):
    """ops round 9: `-s FEED_URI=x.jsonl -s FEED_FORMAT=jsonlines` wrote x.jsonl and the
    default per-run export as well."""
    monkeypatch.delenv("NEWSBOT_EXPORTS_DIR", raising=False)
    settings = BaseSettings()
    settings.set("FEED_URI", str(tmp_path / "x.jsonl"), priority="cmdline")
    add_default_feed(settings, tmp_path)
    assert not settings.getdict("FEEDS")


def test_a_settings_folder_without_environments_is_named_as_the_folder_read(tmp_path, monkeypatch):
    """ops round 9: with NEWSBOT_SETTINGS_DIR set and no environments/ in it, the error
    said "one of: (files in settings/environments/)": an empty list, the in-tree folder."""
    from newsbot.addons.environment import load_environment

    monkeypatch.setenv("NEWSBOT_SETTINGS_DIR", str(tmp_path))
    with pytest.raises(UsageError) as refused:
        load_environment("production")
    message = str(refused.value)
    assert str(tmp_path / "environments") in message and "holds no environment files" in message
    (tmp_path / "environments").mkdir()
    (tmp_path / "environments" / "staging.toml").write_text("[settings]\n")
    with pytest.raises(UsageError, match="one of: staging") as refused:
        load_environment("production")
    assert str(tmp_path / "environments") in str(refused.value)


@pytest.mark.parametrize("name", ["NEWSBOT_ENV", "NEWSBOT_SETTINGS_DIR"])
def test_a_setting_that_chooses_the_environment_file_is_refused_inside_it(name):
    """ops round 9: `NEWSBOT_ENV = "test"` in production.toml was counted as a setting and
    did nothing."""
    with pytest.raises(UsageError, match=f"{name} cannot be set in an environment file"):
        overlay_settings({"settings": {name: "test"}}, "settings/environments/production.toml")


def test_relative_settings_paths_are_named_as_the_absolute_paths_tried(server, tmp_path):
    """ops5: `cd exports && NEWSBOT_SETTINGS_DIR=settings ...` said `settings/daily8.toml:
    not found in settings`, the very path the operator sees in the project."""
    start = f"start_urls={server.base_url}/en"
    base = [sys.executable, "-m", "scrapy", "crawl", "daily8", "-a", start]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSBOT_ENV": "test"}
    moved = subprocess.run(
        base, cwd=ROOT / "exports", env={**env, "NEWSBOT_SETTINGS_DIR": "settings"},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert moved.returncode == 2
    assert f"not found in {ROOT / 'exports' / 'settings'}" in error_line(moved)
    noise = subprocess.run(
        [*base, "-s", "NEWSBOT_NOISE_FILE=settings/noise.toml"], cwd=ROOT / "exports", env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert noise.returncode == 2
    assert f"no such file ({ROOT / 'exports' / 'settings' / 'noise.toml'})" in error_line(noise)


@pytest.mark.parametrize(("soft", "hard"), [(20, 20), (20, 4096)])
def test_a_low_open_files_limit_is_one_line_or_raised(server, tmp_path, soft, hard):
    """ops6: under ``ulimit -n 20`` every article failed with its own traceback (``Too many
    open files``) and no summary was written. A hard limit that low is now one line before
    any request; a low soft limit under a higher hard one is raised and the crawl runs."""
    import resource

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))

    if resource.getrlimit(resource.RLIMIT_NOFILE)[1] < hard:
        pytest.skip(f"hard open-files limit here is below {hard}")
    env = {"PATH": "/usr/bin:/bin", "NEWSBOT_EXPORTS_DIR": str(tmp_path / "exports"),
           "NEWSBOT_ENV": "test", "HOME": os.environ.get("HOME", "/root")}  # fmt: skip
    command = [sys.executable, "-m", "scrapy", "crawl", "daily8",
               "-s", f"NEWSBOT_SEEN_STORE={tmp_path / 'seen.sqlite'}",
               "-a", f"start_urls={server.base_url}/en"]  # fmt: skip
    before = len(server.log)
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, preexec_fn=limits)  # fmt: skip
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    if hard < 32:
        line = error_line(proc)
        assert "open-files limit 20 is too low" in line and "ulimit -n" in line
        assert server.log[before:] == []
    else:
        assert proc.returncode == 0, proc.stderr[-3000:]
        (tmp_path / "unlimited").mkdir()
        unlimited, _ = crawl(server, tmp_path / "unlimited")
        assert unlimited.returncode == 0, unlimited.stderr[-3000:]
        counts = [
            sum(p.read_text(encoding="utf-8").count("\n") for p in folder.rglob("*.jsonl"))
            for folder in (tmp_path / "exports", tmp_path / "unlimited" / "exports")
        ]
        assert counts[0] == counts[1] > 0


@pytest.mark.parametrize(
    "command", [["list"], ["crawl", "daily8"], ["settings", "--get", "JOBDIR"]]
)
def test_a_checkout_whose_settings_folder_was_moved_is_one_line(tmp_path, command):
    """ops round 8: with settings/ renamed, every command ended in a ModuleNotFoundError
    traceback (`newsbot.site_config`), exit 1."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "newsbot", project / "newsbot",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    shutil.copy(ROOT / "scrapy.cfg", project / "scrapy.cfg")  # and no settings/ beside them
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(project), "NEWSBOT_ENV": "test"}
    proc = subprocess.run([sys.executable, "-m", "scrapy", *command], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 2, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    line = proc.stderr.strip().splitlines()[-1]
    assert line.startswith(f"newsbot: no settings folder: {project / 'settings'}"), line
    assert "NEWSBOT_SETTINGS_DIR" in line


def test_heartbeats_further_apart_than_the_worker_timeout_are_refused():
    """ops round 9: `NEWSBOT_REDIS_HEARTBEAT=60` with the 15 s worker timeout was accepted:
    every live worker would be taken for dead between two heartbeats."""
    from newsbot.usage import check_numeric_settings

    with pytest.raises(UsageError, match="taken for dead between two heartbeats"):
        check_numeric_settings({"NEWSBOT_REDIS_HEARTBEAT": "60"}.get)
    with pytest.raises(UsageError, match="at least twice the heartbeat"):
        check_numeric_settings({"NEWSBOT_REDIS_WORKER_TIMEOUT": "0.5"}.get)
    check_numeric_settings(
        {"NEWSBOT_REDIS_HEARTBEAT": "2", "NEWSBOT_REDIS_WORKER_TIMEOUT": "5"}.get
    )


def test_an_export_target_that_is_not_utf8_text_is_one_line(server, tmp_path):
    """`-O $'/tmp/caf\\xe9.jsonl'` (a Latin-1 byte from the shell) ended in Scrapy's
    UnicodeEncodeError traceback, exit 1 (ops round 14)."""
    target = os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.jsonl")
    proc, requests = crawl(server, tmp_path, "-O", target)
    assert "not UTF-8" in refused_before_any_request(proc, requests, ["export target"])


def test_an_exports_folder_that_is_not_utf8_text_still_gets_its_summary(server, tmp_path):
    """NEWSBOT_EXPORTS_DIR with a byte that is not UTF-8: the export was written and the
    seen-store recorded, then the summary crashed (no summary, no report, exit 0). The
    summary is now written with JSON's escapes (ops round 14)."""
    folder = os.fsencode(tmp_path) + b"/exp\xe9"
    env = {"PATH": "/usr/bin:/bin", "NEWSBOT_ENV": "test", "NEWSBOT_EXPORTS_DIR": folder}
    command = [sys.executable, "-m", "scrapy", "crawl", "daily8",
               "-a", f"start_urls={server.base_url}/en",
               "-s", f"NEWSBOT_SEEN_STORE={tmp_path / 'seen.sqlite'}"]  # fmt: skip
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert b"Traceback" not in proc.stderr, proc.stderr[-3000:]
    exports = list((Path(os.fsdecode(folder)) / "daily8").iterdir())
    summary = next(p for p in exports if p.name.endswith(".summary.json"))
    record = json.loads(summary.read_bytes())
    assert record["outcome"]["exit_code"] == 0
    assert os.fsencode(record["export"]).startswith(folder)
    assert any(p.name.endswith(".jsonl") and p.stat().st_size > 0 for p in exports)
