"""Canonical JSON: one byte string per value, so hashes and signatures are reproducible."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def _reject_floats(value: Any) -> None:
    # Floats have several textual forms across platforms; payloads use ints and strings only.
    # Iterative, cheapest types first: this runs on every revision hashed or imported.
    stack = [value]
    while stack:
        v = stack.pop()
        t = type(v)
        if t is str or t is int or t is bool or v is None:
            continue
        if t is dict:
            for k in v:
                if type(k) is not str:
                    raise TypeError("object keys must be strings")
            stack.extend(v.values())
        elif t is list or t is tuple:
            stack.extend(v)
        elif isinstance(v, float):
            raise TypeError("floats are not allowed in canonical data")
        elif isinstance(v, dict):
            stack.append(dict(v))
        elif isinstance(v, (list, tuple)):
            stack.extend(v)


def dumps(value: Any, *, check: bool = True) -> str:
    """check=False skips the float scan, for values already known to be float-free (parsed
    with floats refused, or read back from the vault)."""
    if check:
        _reject_floats(value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def encode(value: Any, *, check: bool = True) -> bytes:
    return dumps(value, check=check).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
