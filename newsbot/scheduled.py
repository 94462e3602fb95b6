"""One scheduled run: ``scrapy crawl <spider>`` under a lock, so two runs never overlap.

    python -m newsbot.scheduled daily8 [-- extra scrapy arguments]

Used by the systemd service (settings/deploy/systemd/newsbot.service) and the cron line
(settings/deploy/cron/newsbot.cron), from the project's folder or one below it (elsewhere it
is one line and exit 2). The lock is an ``flock`` on the project's ``.newsbot/<spider>.lock``
(``--lock`` to change it): when the previous run still holds it, this run logs that and
exits 0 without crawling. SIGTERM/SIGINT are passed on to the crawl, which then stops
gracefully (the next run resumes with ``JOBDIR``, set by the production environment).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import signal
import subprocess
import sys
from pathlib import Path

from scrapy.utils.conf import closest_scrapy_cfg


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        at = argv.index("--")
        argv, extra = argv[:at], argv[at + 1 :]
    parser = argparse.ArgumentParser(
        prog="python -m newsbot.scheduled",
        usage="%(prog)s [-h] [--lock LOCK] spider [-- scrapy crawl arguments]",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("spider", help="the spider to run, e.g. daily8 (scrapy list names them)")
    parser.add_argument("--lock", help="lock file (default: .newsbot/<spider>.lock)")
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # `-s X=1` or `-a ...` without the `--` before them
        parser.error(
            f"unrecognized arguments: {' '.join(unknown)} (scrapy's arguments go after --: "
            f"python -m newsbot.scheduled {args.spider} -- {' '.join(unknown)})"
        )
    args.scrapy_args = extra
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    found = closest_scrapy_cfg()
    if not found:  # a cron line without `cd`: `scrapy crawl` would only say "not available"
        print(
            f"python -m newsbot.scheduled: no newsbot project in {Path.cwd()} or above it (no "
            "scrapy.cfg); run it from the project's folder (cd /path/to/newsbot && ...)",
            file=sys.stderr,
        )
        return 2
    project = Path(found).parent
    lock_path = Path(args.lock) if args.lock else project / ".newsbot" / f"{args.spider}.lock"
    if args.lock and not lock_path.parent.is_dir():  # a typo, not a folder to make anywhere
        print(
            f"python -m newsbot.scheduled: --lock {args.lock}: {lock_path.parent} is not a "
            "folder; give a lock file in an existing folder",
            file=sys.stderr,
        )
        return 2
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        lock = lock_path.open("a+")
    except OSError as exc:  # a read-only checkout, a full disk (ops round 7: a traceback)
        print(
            f"python -m newsbot.scheduled: cannot write the lock file {lock_path}: "
            f"{exc.strerror or exc}; give --lock a file in a writable folder",
            file=sys.stderr,
        )
        return 2
    try:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        print(
            f"newsbot: a {args.spider} run still holds {lock_path}; skipping this run",
            file=sys.stderr,
        )
        return 0
    lock.seek(0)
    lock.truncate()
    lock.write(f"{os.getpid()}\n")
    lock.flush()
    command = [sys.executable, "-m", "scrapy", "crawl", args.spider, *args.scrapy_args]
    # the crawl holds the lock too (the same open file): a wrapper killed with -9 leaves a
    # crawl that still holds it, so the next run skips instead of failing on its JOBDIR (ops
    # round 9: exit 2); and the crawl is told to stop, gracefully, when the wrapper dies
    child = subprocess.Popen(command, pass_fds=(lock.fileno(),), preexec_fn=_stop_with_parent)

    def forward(signum: int, frame: object) -> None:
        child.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    try:
        return child.wait()
    finally:
        lock.close()


def _stop_with_parent() -> None:
    """In the crawl's process before it starts: SIGTERM (a graceful stop) when the wrapper
    dies, however it dies (Linux's parent-death signal; elsewhere nothing)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


if __name__ == "__main__":
    sys.exit(main())
