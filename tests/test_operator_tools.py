"""Scrapy's own tools on newsbot, run as an operator would: ``scrapy parse`` on an article and
on a listing, ``scrapy check`` against a replica started with ``python -m newsbot.replica
serve``, and a crawl with ``-a since=2h`` against that replica (its clock is the real one)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import ROOT

ARTICLE_LINK = re.compile(r'href="([^"]*/en/article/[0-9a-f]{32})"')


class Served:
    """``python -m newsbot.replica serve`` in its own process, read from its banner."""

    def __init__(self, *extra: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newsbot.replica", "serve", "--port", "0", "--ttl", "300",
             "--articles", "60", *extra],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self.proc.stdout is not None
        self.banner = {}
        for _ in range(5):
            label, value = self.proc.stdout.readline().split(maxsplit=1)
            self.banner[label.rstrip(":")] = value.split()[0]
        self.base = self.banner["site"]

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def served():
    server = Served()
    yield server
    server.close()


def scrapy(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSBOT_EXPORTS_DIR": str(tmp_path / "exports")}
    env.pop("NEWSBOT_ENV", None)  # the default (development) environment, as a user has it
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args, "-s", f"NEWSBOT_SEEN_STORE={tmp_path / 's.db'}",
         "-s", "HTTPCACHE_ENABLED=0"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip


def first_article(base: str) -> str:
    with urllib.request.urlopen(base + "/en", timeout=10) as response:
        html = response.read().decode()
    return base + ARTICLE_LINK.search(html)[1].removeprefix(base)


def leaves_nothing(tmp_path: Path) -> None:
    assert not (tmp_path / "exports").exists()  # no export, no summary
    assert not (tmp_path / "s.db").exists()  # the seen-store is not touched


@pytest.mark.parametrize("callback", [None, "parse_article_page"])
def test_parse_an_article_url(served, tmp_path, callback):
    url = first_article(served.base)
    proc = scrapy(
        tmp_path, "parse", "--spider=daily8", url, *(["-c", callback] if callback else [])
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    items = proc.stdout.split("# Scraped Items")[1].split("# Requests")[0]
    assert f"'id': '{url.rsplit('/', 1)[1]}'" in items and "'title':" in items
    requests = proc.stdout.split("# Requests")[1]
    assert "/article/" in requests  # its related articles
    assert "Filtered offsite" not in proc.stderr and "Traceback" not in proc.stderr
    leaves_nothing(tmp_path)


@pytest.mark.parametrize("callback", [None, "parse_article_page"])
def test_parse_a_publishers_page_with_the_article_spider(served, tmp_path, callback):
    """`scrapy parse --spider article URL` (ops round 5: NotImplementedError, a traceback)."""
    url = first_article(served.base)
    proc = scrapy(
        tmp_path, "parse", "--spider=article", url, *(["-c", callback] if callback else [])
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    items = proc.stdout.split("# Scraped Items")[1].split("# Requests")[0]
    assert f"'url': '{url}'" in items and "'title':" in items and "'body_blocks':" in items
    assert "Traceback" not in proc.stderr
    leaves_nothing(tmp_path)


@pytest.mark.parametrize("callback", [None, "parse_listing_page"])
def test_parse_a_listing_url(served, tmp_path, callback):
    proc = scrapy(tmp_path, "parse", "--spider=daily8", served.base + "/en",
                  *(["-c", callback] if callback else []))  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    requests = proc.stdout.split("# Requests")[1]
    assert requests.count("/en/article/") >= 5 and "/en?page=2" in requests
    assert "'id'" not in proc.stdout.split("# Scraped Items")[1].split("# Requests")[0]
    leaves_nothing(tmp_path)


def test_parse_reports_a_bad_argument_in_one_line(served, tmp_path):
    proc = scrapy(tmp_path, "parse", "--spider=daily8", served.base + "/en", "-a", "max_article=3")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("scrapy parse: error: -a max_article:")


def test_parse_names_an_unknown_spider_in_one_line(served, tmp_path):
    proc = scrapy(tmp_path, "parse", "--spider", "daily9", first_article(served.base))
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("scrapy parse: error: --spider daily9") and "'daily8'" in last
    leaves_nothing(tmp_path)


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["check", "daily9"], "scrapy check: error: spider daily9"),
        (["fetch", "--spider", "daily9"], "scrapy fetch: error: --spider daily9"),
    ],
)
def test_check_and_fetch_name_an_unknown_spider_in_one_line(served, tmp_path, command, said):
    """ops round 12: both were KeyError tracebacks, exit 1."""
    extra = [served.base + "/en"] if command[0] == "fetch" else []
    proc = scrapy(tmp_path, *command, *extra)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith(said) and "'daily8'" in last
    leaves_nothing(tmp_path)


@pytest.mark.parametrize("command", ["fetch", "parse"])
def test_a_page_without_its_scheme_is_one_line(tmp_path, command):
    """ops round 12: `scrapy fetch example.com` printed the whole --help and no reason."""
    proc = scrapy(tmp_path, command, "www.daily8.com/en")
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert proc.stderr.strip().splitlines() == [
        f"scrapy {command}: error: 'www.daily8.com/en' is not a URL; write it with its "
        "scheme: https://www.daily8.com/en"
    ]
    leaves_nothing(tmp_path)


def test_parse_a_url_no_profile_claims_names_the_spiders_in_one_line(served, tmp_path):
    """ops round 8: Scrapy logged "Unable to find spider for" and exited 0."""
    proc = scrapy(tmp_path, "parse", served.base + "/en")
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("scrapy parse: error: no spider's profile claims") and "daily8" in last
    leaves_nothing(tmp_path)


def test_parse_names_a_misspelt_callback_in_one_line(served, tmp_path):
    """ops round 8: `-c parse_artcle_page` ended in Scrapy's ValueError traceback, exit 1."""
    url = first_article(served.base)
    proc = scrapy(tmp_path, "parse", "--spider=daily8", "-c", "parse_artcle_page", url)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    last = proc.stderr.strip().splitlines()[-1]
    assert "-c parse_artcle_page" in last and "did you mean 'parse_article_page'" in last
    leaves_nothing(tmp_path)


def test_crawl_to_standard_output_writes_json_lines(served, tmp_path):
    """ops round 8: `-O -` failed with Scrapy's "Unrecognized output format ''"."""
    proc = scrapy(tmp_path, "crawl", "daily8", "-a", f"start_urls={served.base}/en",
                  "-a", "max_articles=2", "-a", "related_depth=0", "-O", "-")  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == 2 and all(r["url"].startswith(served.base) for r in records)


def test_check_runs_the_contracts_against_the_replica(served, tmp_path):
    proc = scrapy(tmp_path, "check", "daily8", "-a", f"start_urls={served.base}/en")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert re.search(r"Ran [1-9]\d* contracts", proc.stderr) and "OK" in proc.stderr
    leaves_nothing(tmp_path)
    listed = scrapy(tmp_path, "check", "-l", "daily8")
    assert "parse_article_page" in listed.stdout and "parse_listing_page" in listed.stdout


def test_check_runs_the_river_contracts_against_its_replica(tmp_path):
    """ops round 8: `scrapy check river` ran 0 contracts and said OK."""
    river = subprocess.Popen(
        [sys.executable, "-m", "newsbot.replica.river", "serve", "--port", "0", "--ttl", "300"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert river.stdout is not None
        base = river.stdout.readline().split()[1]
        proc = scrapy(tmp_path, "check", "river", "-a", f"start_urls={base}/")
    finally:
        river.terminate()
        river.wait(timeout=30)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert re.search(r"Ran [1-9]\d* contracts", proc.stderr) and "OK" in proc.stderr
    leaves_nothing(tmp_path)


def test_check_names_a_misspelt_argument_in_one_line(served, tmp_path):
    proc = scrapy(tmp_path, "check", "daily8", "-a", f"start_url={served.base}/en")
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "Ran 0 contracts" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("scrapy check: error: -a start_url") and "'start_urls'" in last
    leaves_nothing(tmp_path)


def test_check_fails_when_the_site_changed(tmp_path):
    script_only = Served("--theme", "script")  # listings built by script: no article links
    try:
        proc = scrapy(tmp_path, "check", "daily8", "-a", f"start_urls={script_only.base}/en")
    finally:
        script_only.close()
    assert proc.returncode == 1 and "FAILED" in proc.stderr


def test_shell_in_the_production_environment_fetches_the_page(served, tmp_path):
    """The production overlay sets a JOBDIR: the shell's page went to the job's disk queue and
    never came back ("0 requests waiting" for ever, ops round 7). It answers now, and leaves
    no export, summary, seen-store or job state."""
    url = first_article(served.base)
    env_args = ["-s", f"JOBDIR={tmp_path / 'job'}"]
    proc = scrapy(tmp_path, "shell", url, "-c", "(response.status, len(response.text))",
                  *env_args)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    status, size = proc.stdout.strip().splitlines()[-1].strip("()").split(",")
    assert status == "200" and int(size) > 1000
    assert "JOBDIR" in proc.stderr and "ignored" in proc.stderr
    assert not (tmp_path / "job").exists()
    leaves_nothing(tmp_path)
    production = subprocess.run(
        [sys.executable, "-m", "scrapy", "shell", url, "-c", "response.status"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NEWSBOT_ENV": "production",
             "SCRAPY_SETTINGS_MODULE": "newsbot.settings",
             "NEWSBOT_EXPORTS_DIR": str(tmp_path / "exports")},
    )  # fmt: skip
    assert production.returncode == 0, production.stderr[-3000:]
    assert production.stdout.strip().splitlines()[-1] == "200"


@pytest.mark.parametrize("command", ["fetch", "shell"])
def test_fetch_and_shell_write_no_export_summary_or_report(served, tmp_path, command):
    """`scrapy fetch` wrote an empty export and a summary of a run that "failed its health
    checks" (ops round 7): a look at a page is not a run."""
    url = served.base + "/en"
    extra = ["--nolog"] if command == "fetch" else ["-c", "len(response.text)"]
    proc = scrapy(tmp_path, command, url, *extra)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "/en/article/" in proc.stdout or int(proc.stdout.strip().splitlines()[-1]) > 1000
    assert "Health checks" not in proc.stderr and "exit status" not in proc.stderr
    leaves_nothing(tmp_path)


@pytest.mark.parametrize("command", ["fetch", "shell", "parse"])
def test_tools_in_the_distributed_environment_never_use_redis(served, tmp_path, command):
    """ops round 11: under NEWSBOT_ENV=distributed `scrapy fetch` went through the crawl's
    Redis scheduler (a traceback, "no response", exit 1) and `scrapy shell` left keys in
    Redis. Here nothing listens at the Redis URL: a tool that used it would fail."""
    url = served.base + "/en"
    extra = {"fetch": ["--nolog"], "shell": ["-c", "len(response.text)"],
             "parse": ["--spider", "daily8"]}[command]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSBOT_EXPORTS_DIR": str(tmp_path / "x"),
           "NEWSBOT_ENV": "distributed", "NEWSBOT_REDIS_URL": "redis://127.0.0.1:9/0"}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-m", "scrapy", command, url, *extra],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert "distributed mode" not in proc.stderr and "Redis does not" not in proc.stderr
    if command == "parse":
        assert "/en/article/" in proc.stdout
    else:
        assert "/en/article/" in proc.stdout or int(proc.stdout.strip().splitlines()[-1]) > 1000


def _settings_get(name: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    if "NEWSBOT_ENV" not in env:
        full.pop("NEWSBOT_ENV", None)
    command = [sys.executable, "-m", "scrapy", "settings", "--get", name]
    return subprocess.run(command, cwd=cwd, env=full, capture_output=True, text=True, timeout=60)


def test_settings_get_shows_what_the_environment_overlay_sets():
    """ops round 7: `NEWSBOT_ENV=production scrapy settings --get JOBDIR` printed None (the
    overlay is applied when a crawler is built) while the crawl ran with a JOBDIR."""
    plain = _settings_get("JOBDIR", ROOT)
    assert plain.returncode == 0 and plain.stdout.strip() == "None", plain.stderr[-2000:]
    production = _settings_get("JOBDIR", ROOT, NEWSBOT_ENV="production")
    assert production.stdout.strip() == ".newsbot/jobs/%(name)s", production.stderr[-2000:]
    # ops round 8: None, not a word more; ops round 13: with the hint, but exit 0
    typo = _settings_get("CONCURENT_REQUESTS", ROOT)
    assert typo.returncode == 2 and typo.stdout.strip() == ""
    assert "did you mean 'CONCURRENT_REQUESTS'" in typo.stderr.strip().splitlines()[-1]
    lower = _settings_get("jobdir", ROOT)
    assert lower.returncode == 2 and "did you mean 'JOBDIR'" in lower.stderr
    wrong = _settings_get("JOBDIR", ROOT, NEWSBOT_ENV="prod")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert wrong.stderr.strip().splitlines()[-1].startswith("scrapy settings: error:")


def test_settings_get_of_a_setting_read_without_a_default():
    """Blind operator round 14: `scrapy settings --get NEWSBOT_REDIS_URL` on one machine was
    refused as no setting (did you mean 'NEWSBOT_REDIS_TIMEOUT'?), and `NEWSBOT_REDIS_ULR`
    was pointed at the timeout: it is unset (None), and the name to suggest."""
    unset = _settings_get("NEWSBOT_REDIS_URL", ROOT)
    assert unset.returncode == 0 and unset.stdout.strip() == "None", unset.stderr[-2000:]
    typo = _settings_get("NEWSBOT_REDIS_ULR", ROOT)
    assert typo.returncode == 2 and typo.stdout.strip() == ""
    assert "did you mean 'NEWSBOT_REDIS_URL'" in typo.stderr.strip().splitlines()[-1]


def test_settings_getint_of_a_word_is_one_line():
    """ops round 13: `scrapy settings --getint LOG_LEVEL` was a traceback."""
    full = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSBOT_ENV": "test"}
    command = [sys.executable, "-m", "scrapy", "settings", "--getint", "LOG_LEVEL"]
    proc = subprocess.run(command, cwd=ROOT, env=full, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert "LOG_LEVEL='INFO' is not a whole number" in proc.stderr.strip().splitlines()[-1]


def test_settings_get_shows_the_redis_url_a_crawl_takes():
    """ops round 11: under NEWSBOT_ENV=distributed with NEWSBOT_REDIS_URL in the environment,
    `scrapy settings --get NEWSBOT_REDIS_URL` showed the overlay's URL, not the one the crawl
    used."""
    url = "redis://127.0.0.1:6391/0"
    shown = _settings_get(
        "NEWSBOT_REDIS_URL", ROOT, NEWSBOT_ENV="distributed", NEWSBOT_REDIS_URL=url
    )
    assert shown.returncode == 0 and shown.stdout.strip() == url, shown.stderr[-2000:]
    scheduler = _settings_get("SCHEDULER", ROOT, NEWSBOT_ENV="distributed")
    assert scheduler.stdout.strip() == "newsbot.distributed.scheduler.DistributedScheduler"


def test_run_from_another_folder_the_checkouts_seen_store_is_used(tmp_path):
    """ops round 7: `SCRAPY_SETTINGS_MODULE=newsbot.settings scrapy crawl daily8` typed in
    another folder made a second, empty seen-store there: every article exported again."""
    proc = _settings_get("NEWSBOT_SEEN_STORE", tmp_path, SCRAPY_SETTINGS_MODULE="newsbot.settings")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == str(ROOT.resolve() / ".newsbot" / "seen.sqlite")


def test_fetch_of_a_port_nothing_listens_on_is_one_line_and_exit_1(tmp_path):
    """ops round 8: Scrapy's fetch logged the connection error with a traceback and exited 0."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/en"
    proc = scrapy(tmp_path, "fetch", url, "-s", "RETRY_TIMES=0")
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith(f"scrapy fetch: could not fetch {url}:") and "refused" in last, last
    leaves_nothing(tmp_path)


def test_since_2h_on_the_served_replica_exports_recent_articles(served, tmp_path):
    out = tmp_path / "recent.jsonl"
    proc = scrapy(tmp_path, "crawl", "daily8", "-a", f"start_urls={served.base}/en",
                  "-a", "since=2h", "-a", "related_depth=0", "-O", str(out))  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records  # the replica's clock is the real one: its newest articles are minutes old
    for record in records:  # nothing the page dates a day back, or more than 2 hours back
        assert not re.search(r"\b(?:day|days|week|weeks|month|months)\b",
                             record["published_raw"] or ""), record  # fmt: skip
        if record["published_at"]:
            crawled = datetime.fromisoformat(record["crawled_at"].replace("Z", "+00:00"))
            at = datetime.fromisoformat(record["published_at"].replace("Z", "+00:00"))
            assert crawled - at <= timedelta(hours=2, minutes=30), record


def test_no_tracked_setting_file_is_gitignored():
    """settings/*.toml are what operators edit: .gitignore must not hide them (or their edits)."""
    import shutil

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(["git", "ls-files", "settings"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()  # fmt: skip
    assert "settings/daily8.toml" in tracked and "settings/noise.toml" in tracked
    ignored = subprocess.run(["git", "check-ignore", "--no-index", *tracked], cwd=ROOT,
                             capture_output=True, text=True)  # fmt: skip
    assert ignored.stdout.split() == []


@pytest.mark.parametrize("command", ["check", "parse"])
def test_check_and_parse_leave_a_stopped_jobs_folder_as_it_was(served, tmp_path, command):
    """`scrapy check daily8 -s JOBDIR=<a stopped production job>` (ops round 14) ran the
    contracts as a job in that folder and finished it: only its lock was left, and the job
    could not be resumed. A -s JOBDIR given to a tool is ignored with a warning."""
    job = tmp_path / "job"
    (job / "requests.queue").mkdir(parents=True)
    saved = {"spider.state": b"\x80\x04}\x94.", "requests.queue/active.json": b"[1]",
             "requests.seen": b"0123abcd\n"}  # fmt: skip
    for name, data in saved.items():
        (job / name).write_bytes(data)
    args = (
        ["check", "daily8", "-a", f"start_urls={served.base}/en"]
        if command == "check"
        else ["parse", first_article(served.base), "--spider", "daily8"]
    )
    proc = scrapy(tmp_path, *args, "-s", f"JOBDIR={job}")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "JOBDIR" in proc.stderr and "ignored" in proc.stderr
    assert {str(p.relative_to(job)) for p in job.rglob("*") if p.is_file()} == set(saved)
    assert all((job / name).read_bytes() == data for name, data in saved.items())
    leaves_nothing(tmp_path)
