"""
Shared test configuration: the Hypothesis profiles.

``ci`` is loaded unless ``HYPOTHESIS_PROFILE`` names another: it is
derandomized, so every run tries the same examples and a failure in CI
reproduces locally.  For a deeper local search, which is random and so
finds new examples on each run::

    HYPOTHESIS_PROFILE=thorough pytest tests
"""

from __future__ import annotations

import os

from hypothesis import settings


# No deadline in either: timings on shared CI machines vary too much for a
# per-example deadline to mean anything, and the slow strategy (corpora)
# is slow on every example, which a deadline would not fix.
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=100,
    deadline=None,
    print_blob=True,
)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
