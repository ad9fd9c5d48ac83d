"""
MkDocs hook: build the Sphinx API reference and mount it at ``/api/``.

Sphinx runs on ``docs/sphinx/`` with warnings as errors and nitpicky
references (``-W -n``), into a fresh temporary directory; every file it
writes is added to the MkDocs build as ``api/<path>``, so ``mkdocs build``
alone produces the whole site.  The temporary directory is removed once the
site is written.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel


if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


#: Where the API reference appears in the site.
MOUNT = "api"
_SKIP = frozenset({".buildinfo", ".buildinfo.bak"})
_build_dirs: list[Path] = []


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Run Sphinx and add its HTML, unchanged, under ``api/``."""
    root = Path(config.config_file_path).resolve().parent
    work = Path(tempfile.mkdtemp(prefix="secretspeech-api-"))
    _build_dirs.append(work)
    out = work / "html"
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-W",
        "-n",
        "-q",
        "-b",
        "html",
        "-d",
        str(work / "doctrees"),
        str(root / "docs" / "sphinx"),
        str(out),
    ]
    done = subprocess.run(command, check=False, cwd=root)
    if done.returncode:
        msg = (
            f"Sphinx failed (exit {done.returncode}) building the API "
            "reference; its warnings are above.  Reproduce with: "
            "python -m sphinx -W -n -b html docs/sphinx build/api"
        )
        raise PluginError(msg)
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.name not in _SKIP:
            uri = f"{MOUNT}/{path.relative_to(out).as_posix()}"
            files.append(
                File.generated(
                    config,
                    uri,
                    abs_src_path=str(path),
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
            )
    return files


def on_post_build(config: MkDocsConfig) -> None:  # noqa: ARG001 -- hook API
    """Remove the temporary Sphinx builds once the site is written."""
    while _build_dirs:
        shutil.rmtree(_build_dirs.pop(), ignore_errors=True)


def on_build_error(error: Exception) -> None:  # noqa: ARG001 -- hook API
    """Remove the temporary Sphinx builds after a failed build too."""
    while _build_dirs:
        shutil.rmtree(_build_dirs.pop(), ignore_errors=True)
