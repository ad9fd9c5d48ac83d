"""
Shared test configuration: the Hypothesis profiles, and the built site.

``ci`` is loaded unless ``HYPOTHESIS_PROFILE`` names another: it is
derandomized, so every run tries the same examples and a failure in CI
reproduces locally.  For a deeper local search, which is random and so
finds new examples on each run::

    HYPOTHESIS_PROFILE=thorough pytest tests
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import Phase, settings


# No deadline in either: timings on shared CI machines vary too much for a
# per-example deadline to mean anything, and the slow strategy (corpora)
# is slow on every example, which a deadline would not fix.
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=100,
    deadline=None,
    print_blob=True,
    # The explain phase reruns a failing example to say which lines ran;
    # it costs seconds per failure search and adds nothing a report needs
    # in CI.  The thorough profile keeps it.
    phases=[phase for phase in Phase if phase is not Phase.explain],
)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


#: The repository address the site fixture builds with, as Read the Docs
#: gives it (a clone address); the site shows it as a web address.
REPO_CLONE_URL = "https://example.org/secretspeech/secretspeech.git"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the whole site once, as the docs say, into a temporary dir."""
    out = tmp_path_factory.mktemp("site")
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "NO_COLOR": "1",
        "READTHEDOCS_GIT_CLONE_URL": REPO_CLONE_URL,
    }
    env.pop("SECRETSPEECH_REPO_URL", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(out),
        ],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    return out
