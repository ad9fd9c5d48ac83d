"""
Write ``tests/api_manifest.json``, the committed record of the public API.

The manifest lists every name in ``__all__`` of `secretspeech`,
`secretspeech.exceptions`, `secretspeech.strategies` and
`secretspeech.formats`: its kind; the signature of a callable; the
fields of an attrs class with their types and
defaults; the members of an enum; the public methods and properties of a
class with their signatures.  ``tests/test_public_api.py`` compares it with
the code, so any change to the API shows up as a diff of this file.

Usage: ``python scripts/update_api_manifest.py [--check]``; with
``--check`` it writes nothing and exits with 1 if the manifest is stale.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import json
import sys
import typing
from pathlib import Path
from typing import Any

import attrs


ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "api_manifest.json"
MODULES = (
    "secretspeech",
    "secretspeech.exceptions",
    "secretspeech.strategies",
    "secretspeech.formats",
)


def signature(obj: Any) -> str:
    """Return the signature of *obj* as `inspect` spells it."""
    return str(inspect.signature(obj))


def default(field: attrs.Attribute[Any]) -> dict[str, str]:
    """Describe the default of an attrs *field*, if it has one."""
    value: object = field.default
    if value is attrs.NOTHING:
        return {}
    factory = getattr(value, "factory", None)
    if factory is not None:
        return {"default": f"Factory({factory.__qualname__})"}
    return {"default": repr(value)}


def member(cls: type, name: str, value: object) -> dict[str, Any]:
    """Describe one public attribute found in a class's namespace."""
    if isinstance(value, property):
        returns = getattr(value.fget, "__annotations__", {}).get("return")
        return {"kind": "property", "type": str(returns)}
    if isinstance(value, classmethod | staticmethod):
        kind = type(value).__name__
        return {"kind": kind, "signature": signature(getattr(cls, name))}
    if inspect.isfunction(value):
        found: dict[str, Any] = {
            "kind": "method",
            "signature": signature(value),
        }
        overloads = typing.get_overloads(value)
        if overloads:
            found["overloads"] = [signature(o) for o in overloads]
        return found
    return {"kind": "attribute", "type": type(value).__name__}


def members(cls: type) -> dict[str, Any]:
    """Describe the public methods and properties a class defines."""
    fields = {f.name for f in attrs.fields(cls)} if attrs.has(cls) else set()
    found: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        if not klass.__module__.startswith("secretspeech"):
            continue
        for name, value in vars(klass).items():
            if not name.startswith("_") and name not in fields:
                found[name] = member(cls, name, value)
    return dict(sorted(found.items()))


def describe_type(cls: type) -> dict[str, Any]:
    """Describe a public class, enum or exception."""
    if issubclass(cls, enum.Enum):
        return {
            "kind": "enum",
            # Public ancestors, so a private base class in between (which
            # only adds forgiving parsing) is not part of the contract.
            "ancestors": [
                b.__name__
                for b in cls.__mro__[1:]
                if not b.__name__.startswith("_") and b is not object
            ],
            "members": {m.name: m.value for m in cls},
        }
    if issubclass(cls, BaseException):
        return {
            "kind": "exception",
            "bases": [b.__name__ for b in cls.__bases__],
        }
    found: dict[str, Any] = {"kind": "class", "signature": signature(cls)}
    if attrs.has(cls):
        found["kind"] = "attrs class"
        found["fields"] = [
            {
                "name": f.name,
                "type": str(f.type),
                "kw_only": f.kw_only,
                **default(f),
            }
            for f in attrs.fields(cls)
        ]
    found["members"] = members(cls)
    return found


def describe(obj: object) -> dict[str, Any]:
    """Describe one public object of the API."""
    if isinstance(obj, type):
        return describe_type(obj)
    if typing.get_origin(obj) is not None:
        return {"kind": "type alias", "value": str(obj)}
    if callable(obj):
        return {"kind": "function", "signature": signature(obj)}
    if isinstance(obj, tuple) and all(isinstance(v, enum.Enum) for v in obj):
        return {"kind": "constant", "value": [v.value for v in obj]}
    # Data such as ss.people or ss.DATA_VERSION: its type is the API, its
    # value is the dataset.
    return {"kind": "data", "type": type(obj).__name__}


def snapshot() -> dict[str, dict[str, Any]]:
    """Return the manifest of the current code."""
    manifest = {}
    for name in MODULES:
        module = importlib.import_module(name)
        manifest[name] = {
            public: describe(getattr(module, public))
            for public in sorted(module.__all__)
        }
    return manifest


def dumps(manifest: dict[str, Any]) -> str:
    """Return the manifest as the text of the committed file."""
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    """Write the manifest, or with ``--check`` only compare it."""
    text = dumps(snapshot())
    if "--check" in argv:
        current = (
            MANIFEST.read_text(encoding="utf-8") if MANIFEST.exists() else ""
        )
        if current != text:
            print(f"{MANIFEST.relative_to(ROOT)} is stale; run {__file__}")
            return 1
        return 0
    MANIFEST.write_text(text, encoding="utf-8")
    print(f"wrote {MANIFEST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
