"""The texts of a store's articles: the store keeps facts and offsets, not texts, so they are read
again from the files they came from (or from other places given), and matched by content hash,
which guarantees the offsets still hold."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..ingest import Article, read_inputs

# "news.jsonl:12", "news.csv:record 3": a record of a file
_RECORD = re.compile(r"^(?P<file>.+):(?:record )?\d+$")


def origin_file(origin: str | None) -> Path | None:
    """The file an article's ``origin`` names (None for a raw text, or a file that is gone)."""
    if not origin:
        return None
    for candidate in (origin, (m := _RECORD.match(origin)) and m.group("file")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def texts_by_hash(origins: Iterable[str | None], wanted: set[str], extra: Iterable[str | Path] = ()) -> dict:
    """Articles whose content hash is in ``wanted``, read from the files of ``origins`` and from ``extra``
    (paths, directories, globs)."""
    files = list(dict.fromkeys(f for f in (origin_file(o) for o in origins) if f is not None))
    found: dict[str, Article] = {}
    for item in read_inputs([*files, *extra]):
        if isinstance(item, Article) and item.content_hash in wanted:
            found.setdefault(item.content_hash, item)
    return found
