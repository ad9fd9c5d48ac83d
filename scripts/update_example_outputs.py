"""
Rewrite the output the docs show for each example script.

Every ```console block in ``docs/`` that starts with ``$ python
examples/NAME.py [ARGS]`` is given the script's current output (the tests
in ``tests/test_examples.py`` fail until the docs show what the scripts
print). Run after a change to the data or to an example:
``python scripts/update_example_outputs.py``.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(
    r"(```console\n\$ python (examples/\S+\.py)([^\n]*)\n)(.*?)(```)",
    re.DOTALL,
)


def output(script: str, args: str) -> str:
    """Return what the example prints, as the docs show it."""
    result = subprocess.run(
        [sys.executable, str(ROOT / script), *shlex.split(args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    return result.stdout + result.stderr


def main() -> int:
    """Rewrite every page whose shown output is stale; list them."""
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        new = BLOCK.sub(lambda m: m[1] + output(m[2], m[3]) + m[5], text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            print(f"updated {page.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
