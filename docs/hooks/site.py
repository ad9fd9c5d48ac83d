"""
MkDocs hook: small fixes that make the site work as its readers expect.

- The copy button of an interactive session (```` ```pycon ````, or a
  ```` ```console ```` block with ``$`` prompts) copies only what you would
  type, without prompts and without output, so a pasted example runs.  The
  theme copies a ``data-copy`` attribute instead of the block's text where
  one is given.
- The source repository named by ``repo_url`` (Read the Docs gives its
  clone address) is shown as a plain web address.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


_BLOCK = re.compile(
    r'<div class="language-(?P<lang>[\w-]+) highlight">'
    r"(?P<pre><pre\b[^>]*>)(?P<rest>(?:<span></span>)?<code\b[^>]*>"
    r"(?P<code>.*?)</code></pre>)",
    re.DOTALL,
)
# What a reader types after each prompt, by the language of the block.
_PROMPTS = {
    "pycon": (">>> ", "... "),
    "python": (">>> ", "... "),
    # "$" for a POSIX shell, ">" for Windows' cmd and PowerShell.
    "console": ("$ ", "> "),
}


def typed(code: str, prompts: tuple[str, ...]) -> str | None:
    """
    Return the input lines of a session, without prompts or output.

    *code* is the plain text of the block.  Returns `None` if no line
    starts with a prompt: then the block is code to copy as it is.
    """
    bare = tuple(p.rstrip() for p in prompts)
    lines = []
    for line in code.splitlines():
        for prompt in prompts:
            if line.startswith(prompt):
                lines.append(line.removeprefix(prompt))
                break
        else:
            if line in bare:  # a blank line inside a block of code
                lines.append("")
    if not lines:
        return None
    return "\n".join(lines) + "\n"


def on_page_content(
    page_html: str,
    page: Page,  # noqa: ARG001 -- hook API
    config: MkDocsConfig,  # noqa: ARG001 -- hook API
    files: Files,  # noqa: ARG001 -- hook API
) -> str:
    """Give each session block the text its copy button should copy."""

    def mark(match: re.Match[str]) -> str:
        prompts = _PROMPTS.get(match["lang"])
        if prompts is None:
            return match[0]
        text = html.unescape(re.sub(r"<[^>]+>", "", match["code"]))
        copy = typed(text, prompts)
        if copy is None:
            return match[0]
        pre = match["pre"].removesuffix(">")
        attribute = html.escape(copy, quote=True).replace("\n", "&#10;")
        return (
            f'<div class="language-{match["lang"]} highlight">'
            f'{pre} data-copy="{attribute}">{match["rest"]}'
        )

    return _BLOCK.sub(mark, page_html)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Show the repository as a web address, named by its last two parts."""
    url = config.repo_url
    if url:
        url = re.sub(r"^git@([^:]+):", r"https://\1/", url)
        url = url.removesuffix("/").removesuffix(".git")
        config.repo_url = url
        config.repo_name = "/".join(url.split("/")[-2:])
    return config
