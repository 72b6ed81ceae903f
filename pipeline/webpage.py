"""Read an HTML news page: its article body as text, and its metadata (title, URL, author, date, language).

trafilatura (the extra ``faits[html]``) finds the article body and leaves
out what surrounds it: cookie banners, navigation, "related links" blocks and
readers' comments. Without it, a small reader of this module keeps the text
of every block of the page (scripts, styles, navigation, header, footer and
forms dropped), and the page's warning says so.

The page is always given as a string: nothing here fetches a URL. Entities
are decoded once, by the HTML parser (``&amp;lt;b&amp;gt;`` is the text
``&lt;b&gt;``); trafilatura's text output decodes them a second time, so the
body is read from its element tree instead.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from html.parser import HTMLParser

from .errors import Errors

# <meta> names and properties, lower-cased, in order of preference
PUBLISHED_META = ("article:published_time", "datepublished", "og:published_time", "dc.date.issued", "dc.date",
                  "date", "pubdate", "publishdate", "parsely-pub-date", "sailthru.date")
TITLE_META = ("og:title", "twitter:title", "dc.title")
URL_META = ("og:url",)
AUTHOR_META = ("author", "dc.creator", "parsely-author", "sailthru.author")
_WANTED_META = frozenset(PUBLISHED_META + TITLE_META + URL_META + AUTHOR_META)
# elements of trafilatura's body tree that hold blocks rather than text
CONTAINERS = frozenset({"body", "div", "list", "table", "quote"})


@dataclass(frozen=True)
class WebPage:
    """What a page holds for an article: text with one paragraph a block, and metadata as written."""

    text: str
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None  # as written in the page; ingest.parse_published reads it
    lang: str | None = None  # the page's declared language (<html lang>), for reading its dates
    warning: str = ""


def _squash(text: str) -> str:
    return " ".join(text.split())


class _PageReader(HTMLParser):
    """Every block of the page as a paragraph (scripts, styles, navigation, header, footer and forms
    dropped), the <title>, the first <h1>, the <meta> values of ``_WANTED_META``, the canonical link
    and the page's language."""

    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "template"}
    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "article", "section",
              "br", "tr", "figcaption", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities decoded here, once
        self.blocks: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.lang: str | None = None
        self.h1: str | None = None
        self._title: list[str] = []
        self._current: list[str] = []
        self._skipping = 0
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): v for k, v in attrs if v is not None}
        if tag == "html" and attrs.get("lang"):
            self.lang = attrs["lang"]
        elif tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key in _WANTED_META and attrs.get("content", "").strip():
                self.meta.setdefault(key, attrs["content"].strip())
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            self.canonical = self.canonical or attrs["href"].strip()
        elif tag == "time" and attrs.get("itemprop", "").lower() == "datepublished" and attrs.get("datetime"):
            self.meta.setdefault("datepublished", attrs["datetime"].strip())
        if tag in self.SKIP:
            self._skipping += 1
        elif tag == "title" and not self._skipping:  # not an <svg>'s <title>
            self._in_title = True
        elif tag in self.BLOCKS:
            self._flush()
            self._in_h1 = tag == "h1" and self.h1 is None and not self._skipping

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1
        elif tag == "title":
            self._in_title = False
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self._in_title:
            self._title.append(data)
        elif not self._skipping:
            self._current.append(data)

    def _flush(self):
        text = _squash("".join(self._current))
        if text:
            self.blocks.append(text)
            if self._in_h1:
                self.h1 = text
        self._in_h1 = False
        self._current = []

    def close(self):
        super().close()
        self._flush()

    @property
    def title(self) -> str | None:
        return _squash("".join(self._title)) or None

    def first_meta(self, keys: tuple[str, ...]) -> str | None:
        return next((self.meta[k] for k in keys if k in self.meta), None)


def _read_markup(page: str) -> _PageReader:
    reader = _PageReader()
    reader.feed(page)
    reader.close()
    return reader


def _language(reader: _PageReader) -> str | None:
    """"fr-FR" → "fr"."""
    code = (reader.lang or "").strip().replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and len(code) in (2, 3) else None


def _text(title: str | None, paragraphs: list[str]) -> str:
    """The article format: the title once, first, then one paragraph a block."""
    if title:
        paragraphs = [title] + [p for p in paragraphs if p != title]
    return "\n\n".join(paragraphs)


def _with_html_parser(reader: _PageReader, warning: str) -> WebPage:
    title = reader.h1 or reader.first_meta(TITLE_META) or reader.title
    return WebPage(
        text=_text(title, reader.blocks),
        title=title,
        url=reader.first_meta(URL_META) or reader.canonical,
        author=reader.first_meta(AUTHOR_META),
        published=reader.first_meta(PUBLISHED_META),
        lang=_language(reader),
        warning=warning,
    )


def _inline_text(el) -> str:
    """An element's text with its descendants' (lb, trafilatura's line break, kept as a line end; table
    cells spaced)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif isinstance(child.tag, str):  # not a comment or a processing instruction
            parts.append((" " if child.tag == "cell" else "") + _inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _tree_paragraphs(element) -> list[str]:
    """The paragraphs of trafilatura's body tree: each leaf block (p, head, item, a table row...) one
    paragraph a line of it; a container's (body, list, table, quote, div) loose text one too."""
    out: list[str] = []

    def add(text: str | None) -> None:
        out.extend(line for line in (_squash(part) for part in (text or "").split("\n")) if line)

    def walk(el) -> None:
        if el.tag in CONTAINERS and any(isinstance(c.tag, str) and c.tag != "lb" for c in el):
            add(el.text)
            for child in el:
                if isinstance(child.tag, str):
                    walk(child)
                add(child.tail)
        else:
            add(_inline_text(el))

    walk(element)
    return out


def _once(value: str | None, written: list[str | None]) -> str | None:
    """trafilatura decodes entities of its metadata a second time: give back the page's value decoded
    once when one of ``written`` is it."""
    if value is None:
        return None
    value = _squash(value)
    for candidate in written:
        if candidate and candidate != value and html.unescape(candidate) == value:
            return candidate
    return value or None


def _with_trafilatura(trafilatura, page: str, reader: _PageReader) -> WebPage | None:
    """The article body and metadata as trafilatura reads them; None when it finds no body."""
    document = trafilatura.bare_extraction(
        page,
        include_comments=False,
        include_images=False,
        include_links=False,
        favor_precision=True,  # a line of page debris read as a fact costs more than a lost paragraph
        with_metadata=True,
        # the date from the page's markup only, never guessed from its text
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or document.body is None:
        return None
    paragraphs = _tree_paragraphs(document.body)
    if not paragraphs:
        return None
    title = _once(document.title, [reader.first_meta(TITLE_META), reader.h1, reader.title])
    return WebPage(
        text=_text(title, paragraphs),
        title=title,
        url=_once(document.url, [reader.first_meta(URL_META), reader.canonical]),
        author=_once(document.author, [reader.first_meta(AUTHOR_META)]),
        # htmldate's ISO date when it found one; else the page's own value, read by ingest (non-ISO)
        published=document.date or reader.first_meta(PUBLISHED_META),
        lang=_language(reader) or document.language,
        warning=Errors.E024,
    )


def _trafilatura():
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura


def read_page(page: str) -> WebPage:
    """The article of an HTML page, with trafilatura when the extra ``faits[html]`` is installed."""
    reader = _read_markup(page)
    trafilatura = _trafilatura()
    if trafilatura is None:
        return _with_html_parser(reader, Errors.E088)
    try:
        read = _with_trafilatura(trafilatura, page, reader)
    except Exception as e:  # noqa: BLE001 (a page trafilatura cannot read is read the simple way, not lost)
        return _with_html_parser(reader, Errors.E089.format(problem=f"failed on it ({type(e).__name__}: {e})"))
    return read or _with_html_parser(reader, Errors.E089.format(problem="found no article body in it"))


__all__ = ["WebPage", "read_page"]
