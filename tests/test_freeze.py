"""The one-folder build for offline computers: PyInstaller makes it, and the built app must start,
render an article with its picture to a PDF, and pass its own content check (tms_info.freeze's
smoke test). It takes about half a minute, so it runs with the rest of the tests in CI."""
from __future__ import annotations

import subprocess
import sys


def test_the_app_builds_into_one_folder_that_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "tms_info.freeze", "--dist", str(tmp_path / "dist")],
                            capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert "smoke test passed" in result.stdout
    built = tmp_path / "dist" / "tms-info"
    assert (built / "_internal" / "tms_info" / "resources" / "content" / "en" / "index.md").is_file()
