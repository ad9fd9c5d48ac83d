"""The suite's own set-up (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import SLOWEST_FIRST


ROOT = Path(__file__).resolve().parent.parent


def test_the_slowest_files_exist() -> None:
    """Each file that xdist is to hand out first is a test file."""
    missing = [name for name in SLOWEST_FIRST if not (ROOT / name).is_file()]

    assert [] == missing
    assert len(set(SLOWEST_FIRST)) == len(SLOWEST_FIRST)
