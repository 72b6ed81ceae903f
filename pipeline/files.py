"""Files written whole or not at all: a temporary file in the same folder, renamed into place.

The tables (:mod:`pipeline.table`) are written this way; so are the JSON and
HTML of ``faits evaluate`` and the reports, so that a crash or a full disk never
leaves a half-written file where a reader expects a complete one.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from .errors import Errors, FaitsError


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically, creating its folder; returns the path."""
    path = Path(path)
    tmp = path.parent / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # a fresh name opened exclusively, not mkstemp: its 0600 mode would outlive the rename
        with open(tmp, "x", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError as e:
        raise FaitsError(Errors.E083.format(path=getattr(e, "filename", None) or path, error=e.strerror or e)) from e
    finally:
        tmp.unlink(missing_ok=True)
    return path


__all__ = ["write_text_atomic"]
