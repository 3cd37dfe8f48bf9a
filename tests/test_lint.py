"""The code is lint-clean under the rules in pyproject.toml ([tool.ruff.lint]), so the suite fails
on an unused import, a shadowed name or a bug pattern as it fails on a broken feature."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "tms_info", "tests", "main.py"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-1000:]
