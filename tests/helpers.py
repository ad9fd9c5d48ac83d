"""Small helpers shared by the tests: the bundled data as plain JSON."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any


def bundled_document() -> dict[str, Any]:
    """Return a fresh, mutable copy of the bundled corpus JSON."""
    data = resources.files("secretspeech") / "_data" / "corpus.json"
    return copy.deepcopy(json.loads(data.read_text(encoding="utf-8")))


def bundled_text() -> str:
    """Return the bundled canonical text."""
    data = resources.files("secretspeech") / "_data" / "article.txt"
    return data.read_text(encoding="utf-8")
