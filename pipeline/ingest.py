"""Read articles from .txt files (with a syndication footer), JSONL and CSV records.

Every input becomes either an :class:`Article` (cleaned text, metadata read
from the footer or the record) or a :class:`Skipped` (where, and why). Nothing
is dropped silently.
"""

from __future__ import annotations

import csv
import errno
import glob
import hashlib
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from pathlib import Path

from .errors import Errors, FaitsError
from .languages import DEFAULT_LANG, installed_languages, models_dir, supported_languages
from .textmap import FORMAT_CHARS
from .webpage import read_page

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".csv", ".html", ".htm")
DEFAULT_MAX_BYTES = 20_000_000

# The syndication footer of scraped articles (see the seed articles): field name → regex.
FOOTER_FIELDS = {
    "url": re.compile(r"^\s*Source link\s*:\s*(?P<value>\S.*?)\s*$", re.IGNORECASE),
    "author": re.compile(r"^\s*Author\s*:\s*(?P<value>.*?)\s*$", re.IGNORECASE),
    "published": re.compile(r"^\s*Publish(?:ed)? date\s*:\s*(?P<value>.*?)\s*$", re.IGNORECASE),
    "tags": re.compile(r"^\s*Tags\s*:\s*(?P<value>.*?)\s*$", re.IGNORECASE),
}
# The syndication footer's last line, the same in every article whatever its language.
DEBRIS_LINES = [
    re.compile(r"^\s*Copyright for syndicated content belongs to the linked Source\.?\s*$", re.IGNORECASE),
]


@cache
def _language_debris(root: Path) -> re.Pattern:
    """Lines of web debris in any installed language (``debris_lines`` of ``models/<lang>/ingest.json``):
    the text is cleaned before its language is known."""
    lines = {line for data in installed_languages() for line in data.ingest["debris_lines"]}
    if not lines:
        return re.compile(r"(?!)")
    alt = "|".join(re.escape(line) for line in sorted(lines, key=len, reverse=True))
    return re.compile(rf"^\s*(?:{alt})\s*:?\s*$", re.IGNORECASE)


def is_debris(line: str) -> bool:
    """Whether a line of an article is web debris ("Lire aussi", the syndication copyright)."""
    return _is_debris(line, _language_debris(models_dir()))


def _is_debris(line: str, language_debris: re.Pattern) -> bool:
    return any(rx.match(line) for rx in DEBRIS_LINES) or bool(language_debris.match(line))


@dataclass
class Article:
    """One article ready for the pipeline. ``text`` is the cleaned text offsets refer to."""

    article_id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    author: str | None = None
    source: str | None = None
    lang: str | None = None
    origin: str = ""  # file (and line or record) it came from
    warnings: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Skipped:
    """An input that could not become an article, and why."""

    origin: str
    reason: str
    article_id: str | None = None


def parse_published(value: str | None, lang: str | None = None) -> date | None:
    """A publication date as written → its day; ValueError when it is not a full date.

    ISO dates and datetimes are read directly, and so are RFC 2822 dates ("Tue, 17 Jun 2025 08:30:00
    +0200", the dates of feeds and mail, English in every language). Any other writing ("17/06/2025",
    "17 juin 2025") is read through dateparser in the article's language (``lang``, else the default
    language), then the other installed ones, with the first one's order of day and month. Only what is
    written is read: day, month and year must all be there, and a relative date ("hier", "il y a 2
    jours") is no publication date. A datetime gives its day where it was written (its own time zone).
    """
    if value is None:
        return None
    value = str(value).strip()
    if not value or value.lower() in ("nan", "none", "null"):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (ValueError, TypeError, IndexError):
        pass
    written = _read_written_date(value, lang or DEFAULT_LANG)
    if written is None:
        raise ValueError(Errors.E019.format(value=value))
    return written


# longer than any way of writing a date: not read (dateparser's time grows with the text)
MAX_DATE_CHARS = 80


def _read_written_date(value: str, lang: str) -> date | None:
    if len(value) > MAX_DATE_CHARS:
        return None
    import dateparser  # imported when a date is not ISO: it takes a while to load

    languages = [code for code in dict.fromkeys([lang, DEFAULT_LANG, *supported_languages()])
                 if _date_order(code) is not None]  # those dateparser knows, the article's first
    settings = {
        "PARSERS": ["custom-formats", "absolute-time"],  # no relative dates, no timestamps
        "REQUIRE_PARTS": ["day", "month", "year"],  # no part guessed from today
        "RETURN_AS_TIMEZONE_AWARE": True,  # the day as written, not moved to this machine's zone
    }
    if languages and _date_order(languages[0]):
        settings["DATE_ORDER"] = _date_order(languages[0])
    # the whole value, else its longest start that is a full date: a time written in a way dateparser
    # does not read ("à 8 h 30") or a note after the date does not hide the day
    words = value.split()
    for n in range(len(words), 0, -1):
        try:
            parsed = dateparser.parse(" ".join(words[:n]), languages=languages or None, settings=settings)
        except (ValueError, OverflowError, TypeError):
            parsed = None
        if parsed is not None:
            return parsed.date()
    return None


@cache
def _date_order(lang: str) -> str | None:
    """The order of day, month and year in numeric dates of ``lang`` ("DMY" in French), from dateparser's
    locale data ("" when it has none); None for a language dateparser does not know."""
    from dateparser.languages.loader import default_loader

    try:
        return default_loader.get_locale(lang).info.get("date_order") or ""
    except (ValueError, KeyError):
        return None


def optional_date(value) -> date | None:
    """A date, an ISO string or None → a date or None; what cannot be read gives None."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_UTF16_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
               (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _decode(raw: bytes, origin: str, warnings: list[str]) -> str:
    for bom, encoding in _UTF16_BOMS:
        if raw.startswith(bom):
            # a UTF-16 or UTF-32 text (Windows' "Unicode") has NUL bytes, but its byte order mark says what it is
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as e:
                raise ValueError(Errors.E070.format(encoding=encoding.upper(), error=e.reason)) from e
    if b"\x00" in raw[:8192]:
        raise ValueError(Errors.E013)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        warnings.append(Errors.E023.format(encoding="cp1252"))
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return raw.decode("latin-1")


# C0 controls but tab and line ends, and DEL: removed from the text (a warning says how many)
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# an article id is data, kept exactly; one that cannot be a cell of the table is refused
MAX_ID_CHARS = 200
ID_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)


def clean_text(raw: str) -> tuple[str, dict[str, str]]:
    """Remove the metadata footer and web debris; return (clean text, footer fields).

    The title is the first paragraph. Paragraphs are separated by a blank
    line; a paragraph repeated right after itself (a title printed twice) is
    kept once.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = CONTROL_CHARS.sub("", text)  # NUL and other control bytes are no text (tabs and line ends are)
    fields: dict[str, str] = {}
    kept: list[str] = []
    # the packs' debris lines looked up once per text, not once per line (a Path made from the environment)
    language_debris = _language_debris(models_dir())
    for line in text.split("\n"):
        matched = False
        for name, rx in FOOTER_FIELDS.items():
            m = rx.match(line)
            if m:
                fields.setdefault(name, m.group("value"))
                matched = True
                break
        if matched or _is_debris(line, language_debris):
            continue
        kept.append(line.strip())
    paragraphs: list[str] = []
    current: list[str] = []
    for line in kept + [""]:
        if line:
            current.append(line)
        elif current:
            para = "\n".join(current)
            if not paragraphs or paragraphs[-1] != para:
                paragraphs.append(para)
            current = []
    tag = fields.get("tags")
    if tag and paragraphs and paragraphs[0] == tag:
        paragraphs.pop(0)
    if tag and paragraphs:
        # scrapers glue the site's name to the last sentence: "...conquises.L’Express"
        last = paragraphs[-1]
        if last.endswith(tag) and len(last) > len(tag) and last[-len(tag) - 1] in ".!?»":
            paragraphs[-1] = last[: -len(tag)]
    return "\n\n".join(paragraphs), fields


def article_from_text(
    raw: str,
    article_id: str,
    *,
    published: date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    author: str | None = None,
    source: str | None = None,
    lang: str | None = None,
    date_lang: str | None = None,
    origin: str = "",
    warnings: list[str] | None = None,
) -> Article:
    """An article from its text and metadata (a footer in the text fills what is not given).

    ``date_lang`` is the language a written publication date is read in when ``lang`` is not
    declared (an HTML page's own ``lang``, which does not route the article)."""
    warnings = list(warnings or [])
    article_id = check_id(article_id)
    controls = len(CONTROL_CHARS.findall(raw))
    if controls:
        warnings.append(Errors.E071.format(n=controls))
    text, fields = clean_text(raw)
    if title:
        title = title.strip()
        if not text.startswith(title):
            text = f"{title}\n\n{text}" if text else title
    if not FORMAT_CHARS.sub("", text).strip():  # nothing visible: zero-width characters alone are no text
        raise ValueError(Errors.E012)
    pub_value = published if published is not None else fields.get("published")
    pub: date | None = None
    if isinstance(pub_value, date):
        pub = pub_value
    elif pub_value:
        try:
            pub = parse_published(pub_value, lang or date_lang)
        except ValueError:
            warnings.append(Errors.E019.format(value=pub_value))
    return Article(
        article_id=article_id,
        text=text,
        title=_bounded_title(title or text.split("\n", 1)[0]),  # the article format: the first line is the title
        published=pub,
        url=url or fields.get("url"),
        author=author or fields.get("author"),
        source=source or fields.get("tags"),
        lang=lang,
        origin=origin,
        warnings=warnings,
    )


# a title is a line, not an article: a text with no line break gives its first 300 characters
MAX_TITLE_CHARS = 300


def _bounded_title(title: str) -> str | None:
    title = title.strip()
    if len(title) > MAX_TITLE_CHARS:
        return title[: MAX_TITLE_CHARS - 1] + "…"
    return title or None


def check_id(value) -> str:
    """An article id as given (ids are data, not paths); ValueError with the reason for one that cannot be."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(Errors.E072.format(got=type(value).__name__))
    value = str(value)
    if not value.strip():
        raise ValueError(Errors.E073.format(problem="it is empty"))
    if ID_CONTROL.search(value):
        raise ValueError(Errors.E073.format(problem="it holds control characters (a line break, a NUL...)"))
    if len(value) > MAX_ID_CHARS:
        raise ValueError(Errors.E073.format(problem=f"it is longer than {MAX_ID_CHARS} characters ({len(value)})"))
    return value


def _special(path: Path) -> str | None:
    """Why ``path`` is not a file faits can read (a dangling link, a link loop, a FIFO...), or None."""
    try:
        st = os.stat(path)  # follows links
    except FileNotFoundError:
        if os.path.islink(path):
            return Errors.E074.format(target=os.readlink(path))
        return Errors.E010.format(path=path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return Errors.E075
        return Errors.E077.format(error=e.strerror or e)
    if stat.S_ISREG(st.st_mode):
        return None
    if stat.S_ISDIR(st.st_mode):
        return Errors.E076 if os.path.islink(path) else None
    kind = ("a named pipe, FIFO" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode)
            else "a device")
    return Errors.E078.format(kind=kind)


def _walk(root: Path, files: list[Path], skipped: list[Skipped]) -> None:
    """Every visible entry under ``root``: regular files (or links to one) into ``files``, anything
    else into ``skipped`` with its reason. Links to directories are not followed (no loops)."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as e:
        skipped.append(Skipped(str(root), Errors.E077.format(error=e.strerror or e)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden: .git, .DS_Store
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            _walk(path, files, skipped)
            continue
        reason = _special(path)
        if reason is None:
            files.append(path)
        else:
            skipped.append(Skipped(str(path), reason))


def expand_inputs(inputs: Iterable[str | Path]) -> tuple[list[Path], list[Skipped]]:
    """Files, directories (searched recursively) and globs → article files, in a stable order.

    What cannot be read as a file (a missing path, a dangling link, a link loop, a FIFO, a link to a
    directory inside a folder) is returned among the skipped inputs, with its reason."""
    files: list[Path] = []
    missing: list[Skipped] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            # every visible file: one of an unsupported type is listed as skipped, not silently left out
            found: list[Path] = []
            _walk(p, found, missing)
            files.extend(sorted(found))
        elif p.is_file():
            files.append(p)
        elif os.path.lexists(p):
            missing.append(Skipped(str(item), _special(p) or Errors.E010.format(path=item)))
        else:
            matches = sorted(Path(m) for m in glob.glob(str(item), recursive=True))
            missing.extend(Skipped(str(m), reason) for m in matches
                           if not m.is_dir() and (reason := _special(m)) is not None)
            matches = [m for m in matches if m.is_file()]
            if matches:
                files.extend(matches)
            else:
                missing.append(Skipped(str(item), Errors.E010.format(path=item)))
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, missing


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Skipped]:
    """All articles of one file: one for .txt, one per record for .jsonl and .csv."""
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        yield Skipped(origin, Errors.E020.format(suffix=suffix or "(none)"))
        return
    reason = _special(path)
    if reason is not None:
        yield Skipped(origin, reason)  # never open a FIFO: reading it would wait forever
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Skipped(origin, Errors.E022.format(limit=max_bytes, size=size))
            return
        raw = path.read_bytes()
    except OSError as e:
        yield Skipped(origin, f"cannot read file: {e.strerror or e}")
        return
    warnings: list[str] = []
    try:
        text = _decode(raw, origin, warnings)
    except ValueError as e:
        yield Skipped(origin, str(e))
        return
    if suffix in (".html", ".htm") or (suffix == ".txt" and HTML_START.match(text)):
        page = read_page(text)
        try:
            yield article_from_text(page.text, path.stem, published=page.published, title=page.title,
                                    url=page.url, author=page.author, date_lang=page.lang, origin=origin,
                                    warnings=[*warnings, page.warning])
        except ValueError as e:
            yield Skipped(origin, str(e), path.stem)
    elif suffix == ".txt":
        try:
            yield article_from_text(text, path.stem, origin=origin, warnings=warnings)
        except ValueError as e:
            yield Skipped(origin, str(e), path.stem)
    elif suffix == ".jsonl":
        yield from _read_jsonl(text, origin, warnings)
    else:
        yield from _read_csv(text, origin, warnings)


def _record_article(rec: dict, origin: str, warnings: list[str], fallback_id: str) -> Article:
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("empty or missing 'text'")
    fields: dict[str, str | None] = {}
    for key in ("title", "published", "url", "source", "lang"):
        value = rec.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int, float))):
            raise ValueError(Errors.E079.format(key=key, got=type(value).__name__))
        fields[key] = str(value) if value is not None and value != "" else None
    rid = rec.get("id")
    rid = fallback_id if rid is None or (isinstance(rid, str) and not rid.strip()) else check_id(rid)
    return article_from_text(
        text,
        rid,
        published=fields["published"],
        title=fields["title"],
        url=fields["url"],
        source=fields["source"],
        lang=fields["lang"],
        origin=origin,
        warnings=warnings,
    )


def _read_jsonl(text: str, origin: str, warnings: list[str]) -> Iterator[Article | Skipped]:
    records = 0
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        records += 1
        where = f"{origin}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skipped(where, Errors.E014.format(line=n, error=e.msg))
            continue
        except (ValueError, RecursionError) as e:  # an integer of 4,300 digits, arrays nested too deep
            yield Skipped(where, Errors.E014.format(line=n, error=" ".join(str(e).split())[:120]))
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
            got = type(rec).__name__ if not isinstance(rec, dict) else f"keys {sorted(rec)}"
            yield Skipped(where, Errors.E015.format(line=n, got=got))
            continue
        try:
            yield _record_article(rec, where, warnings, f"{Path(origin).stem}-{n}")
        except ValueError as e:
            yield Skipped(where, f"line {n}: {e}")
    if not records:
        yield Skipped(origin, Errors.E085)


def _read_csv(text: str, origin: str, warnings: list[str]) -> Iterator[Article | Skipped]:
    # a field may be as long as the file (an article of 200 KB), not only csv's 128 KB
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.DictReader(io.StringIO(text))
    n = 0
    try:
        columns = reader.fieldnames or []
        if "text" not in columns:
            yield Skipped(origin, Errors.E016.format(columns=", ".join(columns) or "none"))
            return
        for n, rec in enumerate(reader, start=1):
            where = f"{origin}:record {n}"
            try:
                yield _record_article(rec, where, warnings, f"{Path(origin).stem}-{n}")
            except ValueError as e:
                yield Skipped(where, Errors.E017.format(record=n) if "text" in str(e) else str(e))
    except csv.Error as e:  # a NUL byte, an unclosed quote at the end
        yield Skipped(f"{origin}:record {n + 1}", Errors.E086.format(record=n + 1, error=e))
        return
    if n == 0:
        yield Skipped(origin, Errors.E085)


def _looks_like_path(item: str) -> bool:
    if "\n" in item or len(item) > 1024:
        return False
    return Path(item).exists() or bool(glob.glob(item))


def read_inputs(
    inputs: Iterable[str | Path | Article], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Skipped]:
    """Articles from paths, globs, directories, raw texts or Article objects, in order.

    A string that names no existing file and matches no glob is taken as an
    article's text (id ``text-<n>``).
    """
    n_text = 0
    seen: set[Path] = set()
    for item in inputs:
        if isinstance(item, Article):
            yield item
        elif isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
            files, missing = expand_inputs([item])
            yield from missing
            for f in files:
                if f.resolve() not in seen:
                    seen.add(f.resolve())
                    yield from read_file(f, max_bytes)
        elif isinstance(item, str):
            n_text += 1
            try:
                yield article_from_text(item, f"text-{n_text}", origin=f"<text {n_text}>")
            except ValueError as e:
                yield Skipped(f"<text {n_text}>", str(e))
        else:
            raise FaitsError(f"Cannot read input of type {type(item).__name__}: expected a path or a text.")
