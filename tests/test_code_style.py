"""The code base stays lint-clean and formatted (ruff), and the pure modules type-check (mypy)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PURE_MODULES = [
    "newsbot/timestamps",
    "newsbot/cleaning",
    "newsbot/extract",
    "newsbot/profiles.py",
    "newsbot/publisher.py",
    "newsbot/decoding.py",
    "newsbot/usage.py",
    "newsbot/memory.py",
]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def ruff() -> str:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if not found:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    return found


def test_ruff_check(ruff):
    result = _run(ruff, "check", "newsbot", "tests")
    assert result.returncode == 0, result.stdout[-4000:]


def test_ruff_format(ruff):
    result = _run(ruff, "format", "--check", "newsbot", "tests")
    assert result.returncode == 0, result.stdout[-4000:]


def test_mypy_on_pure_modules():
    pytest.importorskip("mypy")
    result = _run(sys.executable, "-m", "mypy", "--ignore-missing-imports", *PURE_MODULES)
    assert result.returncode == 0, result.stdout[-4000:]


def test_package_holds_no_test_or_benchmark_support():
    """What users install is what they run: no benchmark or test helper ships in ``newsbot/``,
    and no shipped module reaches into the checkout's ``tests/`` or ``benchmarks/``."""
    package = ROOT / "newsbot"
    assert not (package / "benchmarks").exists()
    offenders = []
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for needle in ('/ "tests"', "/ 'tests'", "from tests", "import tests", "from benchmarks"):
            if needle in text:
                offenders.append(f"{path.relative_to(ROOT)}: {needle}")
    assert offenders == []
