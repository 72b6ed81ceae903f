"""spaCy's tokenizer with a cache of whitespace-separated chunks that keeps working on French text.

spaCy's tokenizer cuts a text at whitespace and tokenizes each chunk on its own
(prefixes, suffixes, infixes, special cases), and keeps a cache of the chunks it
has tokenized. But its flag "a special case was used" is one per text, not one
per chunk: once a chunk of a text hits a special case, no later chunk of that
text is cached. French texts hit one early (elisions, abbreviations), so most
chunks of an article were tokenized again on every article (a tenth of a run on
real news, as long as bare spaCy's tokenizer takes).

:class:`ChunkTokenizer` keeps its own cache, chunk → tokens (their text and the
norms special cases give them), and builds the Doc from the words: the same
tokens, spaces, offsets and norms as spaCy's tokenizer gives
(tests/test_tokenizing.py compares them on every text of the corpus). A chunk is
tokenized by spaCy's tokenizer the first time it is met, as a text of its own:
a chunk's tokens depend only on the chunk, the whitespace around it being cut
away (a single space after a word is that word's trailing space; spaCy's
special cases hold no whitespace but whitespace itself).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

# whitespace runs and the chunks between them; Python's \s is str.isspace, what spaCy cuts at
_RUNS = re.compile(r"\s+|\S+")
# chunks kept at most; the cache is emptied when full (a stream of news keeps bringing new words,
# and the frequent ones come back at once)
MAX_CHUNKS = 20_000


class ChunkTokenizer:
    """``tokenizer(text)`` for a spaCy :class:`Tokenizer`, each chunk tokenized once and then read from a cache."""

    def __init__(self, tokenizer: Tokenizer, max_chunks: int = MAX_CHUNKS) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self.max_chunks = max_chunks
        # chunk -> (its tokens' texts, as many False (no trailing space), (token index, norm) of special cases)
        self._chunks: dict[str, tuple[tuple[str, ...], list[bool], tuple[tuple[int, str], ...]]] = {}

    def _learn(self, chunks: list[str]) -> None:
        """Tokenize chunks not in the cache and keep their tokens. The chunks of non-space characters are
        tokenized in one call, joined by line breaks: a line break is a token of its own, so no special
        case can span two chunks, and each chunk's tokens are those it has alone."""
        spaces = [c for c in chunks if c[0].isspace()]
        plain = [c for c in chunks if not c[0].isspace()]
        for group in ([[c] for c in spaces] + ([plain] if plain else [])):
            doc = self.tokenizer("\n".join(group))
            words, starts, normed = [], [], {}
            for t in doc:
                words.append(t.text)
                starts.append(t.idx)
                if t.norm != t.lex.norm:
                    # a special case may give a token a norm of its own (the no-break space); the models read it
                    normed[t.i] = t.norm_
            start = 0
            for chunk in group:
                lo, hi = bisect_left(starts, start), bisect_left(starts, start + len(chunk))
                norms = tuple((i - lo, normed[i]) for i in range(lo, hi) if i in normed) if normed else ()
                self._chunks[chunk] = (tuple(words[lo:hi]), [False] * (hi - lo), norms)
                start += len(chunk) + 1

    def __call__(self, text: str) -> Doc:
        runs = _RUNS.findall(text)
        chunks = self._chunks
        new = [run for run in dict.fromkeys(runs) if run not in chunks]
        if new:
            if len(chunks) + len(new) > self.max_chunks:
                chunks.clear()
                new = list(dict.fromkeys(runs))
            self._learn(new)
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[tuple[int, str]] = []
        for run in runs:
            if run[0] == " " and words:
                # a space after a chunk is its last token's trailing space; the rest of the run is a chunk
                spaces[-1] = True
                run = run[1:]
                if not run:
                    continue
            found = chunks.get(run)
            if found is None:
                # the rest of a run of spaces ("  " after a word), never seen alone
                self._learn([run])
                found = chunks[run]
            if found[2]:
                norms += [(len(words) + i, norm) for i, norm in found[2]]
            words += found[0]
            spaces += found[1]
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for i, norm in norms:
            doc[i].norm_ = norm
        return doc


# the chunk tokenizer of each pipeline met, with the tokenizer it was made for: held weakly, so a pipeline
# dropped by its user is freed with its cache, and made anew when the pipeline is given another tokenizer
_CHUNKERS: weakref.WeakKeyDictionary[Language, tuple[Tokenizer, ChunkTokenizer]] = weakref.WeakKeyDictionary()


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` (the text within ``nlp.max_length``), through a :class:`ChunkTokenizer` when
    ``nlp``'s tokenizer is spaCy's (another tokenizer is called as it is)."""
    tokenizer = nlp.tokenizer
    if type(tokenizer) is not Tokenizer:
        return nlp.make_doc(text)
    known = _CHUNKERS.get(nlp)
    if known is None or known[0] is not tokenizer:
        known = _CHUNKERS[nlp] = (tokenizer, ChunkTokenizer(tokenizer))
    return known[1](text)
