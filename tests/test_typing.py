"""The types of the public API, as a type checker sees them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import untraced


ROOT = Path(__file__).resolve().parent.parent


def test_typing_tests_pass_mypy_strict() -> None:
    """Every assert_type in typing_tests/ holds under mypy --strict."""
    # Errors inside secretspeech itself are for `mypy --strict src`; here
    # only what users see of the API counts, so imports are followed
    # silently.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--follow-imports=silent",
            "typing_tests",
        ],
        cwd=ROOT,
        env=untraced(os.environ),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )

    assert 0 == result.returncode, result.stdout + result.stderr
