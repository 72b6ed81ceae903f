"""Which date of its sentence each fact attaches to (SPEC section 3, when)."""

from __future__ import annotations

import calendar
import re
from datetime import date as Date
from datetime import timedelta

from spacy.tokens import Doc, Span, Token

from ..numbers import normalize_number
from ..parsing import doc_text
from ..syntax import nearest, opened_by_pronoun
from .mention import MentionContext


def _shift(iso: str, unit: str, count: int) -> str:
    """``iso`` moved back by ``count`` days, weeks, months or years (a month's last day stays its last)."""
    day = Date.fromisoformat(iso)
    if unit in ("day", "week"):
        return (day - timedelta(days=count * (7 if unit == "week" else 1))).isoformat()
    months = count * (12 if unit == "year" else 1)
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    was_last = day.day == calendar.monthrange(day.year, day.month)[1]
    return Date(year, month + 1, last if was_last else min(day.day, last)).isoformat()


_CLAUSE_COMMA = re.compile(r",(?!\d)")  # a comma between clauses, not one inside a number ("11,900")
_CLAUSE_BREAK = re.compile(r"[;:]|,(?!\d)")  # the same, or a stronger stop


def _first_clause_verb(token: Token) -> Token | None:
    """The first verb or copular predicate at or above ``token``."""
    return next((t for t in (token, *token.ancestors)
                 if t.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in t.children)), None)


def _clause_tense(verb: Token) -> tuple[str, bool]:
    """A clause's tense: the tense its first auxiliary or copula (else its verb) says, and whether an auxiliary other
    than the passive's makes it compound ("has shipped", "will start", "a coûté"; not "were cancelled", "restent").
    (A French past of "être", "sont décédées", is parsed as a passive in the present: compound too.)"""
    helpers = [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    finite = helpers[0] if helpers else verb
    return "".join(finite.morph.get("Tense")), any(
        c.dep_ in ("aux", "aux:tense") or (c.dep_ == "aux:pass" and "Pres" in c.morph.get("Tense")) for c in helpers)


def _same_finite_form(a: Token, b: Token) -> bool:
    """Whether two clauses' finite forms (their first auxiliary or copula, else the verb) say the same tense, and the
    same mood where both say one ("was sentenced" and "ordered": past; "ont chuté" and "devraient": indicative and
    conditional)."""
    forms = []
    for verb in (a, b):
        helpers = [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
        finite = helpers[0] if helpers else verb
        forms.append(("".join(finite.morph.get("Tense")), "".join(finite.morph.get("Mood"))))
    (tense_a, mood_a), (tense_b, mood_b) = forms
    return tense_a == tense_b and (mood_a == mood_b or not mood_a or not mood_b)


def _figure_before(ctx: MentionContext, ctxs: list[MentionContext]) -> MentionContext | None:
    """The sentence's last figure before ``ctx``."""
    return next((c for c in reversed(ctxs) if c.quantity["start"] < ctx.quantity["start"]), None)


def _clause_verb(ctx: MentionContext) -> Token | None:
    """The head of the clause a figure stands in: the first verb or copular predicate above it ("une perte de 41
    millions" is in the clause of "a enregistré"; "dozens of stretches were unsafe" in that of "unsafe")."""
    anchor = ctx.anchor or ctx.tokens[0]
    return next((t for t in (anchor, *anchor.ancestors)
                 if t.pos_ == "VERB" or any(c.dep_ == "cop" for c in t.children)), None)


class DateAssigner:
    """The time stage (a part of :class:`~pipeline.relations.RelationExtractor`)."""

    def _nearest(self, token: Token, ctx: MentionContext) -> int:
        return nearest(ctx.heads, token.i, ctx.anchors)

    def _comparison_clauses(self, text: str, sent: Span, ctxs: list[MentionContext]) -> dict[int, tuple[int, int]]:
        """ "…, contre 55 % en 2017": a figure after a comparison word, and the characters of its clause
        (from the figure to the next figure of the sentence, or the sentence's end), by the figure's id."""
        clauses = {}
        starts = sorted(c.quantity["start"] for c in ctxs)
        for c in ctxs:
            start = c.quantity["start"]
            if c is ctxs[0] or not (self.comparison_figure_rx.search(text[max(0, start - 20) : start]) or (
                    self.comparison_phrase_rx is not None
                    and self.comparison_phrase_rx.search(text[max(sent.start_char, start - 60) : start]))):
                continue
            end = next((s for s in starts if s > start), sent.end_char)
            # (not past the comma that closes it when it counts its time back from the main figure's: "up from 11,900
            # a year earlier, figures released on Tuesday show", "contre 7,1 % un an plus tôt, selon l'Insee,
            # vendredi": a date after it is the report's, the main figure's, and the comparison figure's is counted
            # back from it; but "contre 47,9 % au premier tour, le 11 juin" is that figure's day)
            comma = _CLAUSE_COMMA.search(text, c.quantity["end"], end)
            if comma is not None and self._counted_back(text[c.quantity["end"] : comma.start()]):
                end = comma.start()
            clauses[id(c)] = (start, end)
        return clauses

    def _assign_dates(self, doc: Doc, text: str, sent: Span, ctxs: list[MentionContext], dates: list[dict],
                      clauses: dict[int, tuple[int, int]]) -> dict[int, dict]:
        in_sent = [d for d in dates if sent.start_char <= d["start"] < sent.end_char and d["when_start"]]
        candidates: dict[int, list[tuple[int, int, int, dict]]] = {}
        for d in in_sent:
            span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
            if span is None:
                continue
            before = text[max(sent.start_char, d["start"] - 30) : d["start"]]  # not the sentence before
            # the date's own first word may end the marker: "de plus qu'" + "en 2023"
            lead = re.match(r"[^\W\d]+", d["text"])
            # (not a date whose first word is a marker of its own: "From March to May, ... treated")
            # "up 18% from June 2023", "fell by 3% on 2023": right after a change, a period is the base it is
            # measured against (not a day, "rose 5% on Monday", nor a range, "from Monday to Friday")
            based = (self.change_base_rx is not None and d["granularity"] not in ("day", "holiday", "weekend", "range")
                     and self.change_base_rx.search(before + (lead.group(0) if lead else "")))
            # "down by a quarter on last year": the same, after a figure written in words
            based = based or (self.change_base_rx is not None and d["granularity"] not in (
                "day", "holiday", "weekend", "range") and self._right_after_figure_link(text, d, ctxs))
            # "will rise 3% from January 1 and another 2% from July": a period after the reference day is no base a
            # change is measured against, but when it starts
            reference = doc._.reference_date
            if based and reference and d["when_start"] > str(reference):
                based = False
            # "jump 38% in a week": the span a change was measured over, no time of it
            after_share = re.search(r"%\s+(\S*\s*)$", before)
            span_of_change = (self.change_span_rx is not None and after_share is not None
                              and self.change_span_rx.match((after_share.group(1) + d["text"]).strip()))
            marker = self.comparison_rx.search(before[-20:])
            if (marker and d["granularity"] in ("day", "holiday", "weekend")
                    and marker.group(0).strip().lower() in self.start_markers):
                marker = None  # "would rise by 2% from October 1": the day the figure starts from
            if (marker or self.record_rx.search(before) or based or span_of_change
                    or (lead and not self.comparison_rx.search(lead.group(0))
                        and self.comparison_rx.search(before[-20:] + lead.group(0)))):
                # "en hausse de 4 % par rapport à 2023", "son plus bas niveau depuis 2008": the point of
                # comparison is no figure's time
                continue
            root = span.root
            if self._bounds_superlative(root):
                # "their steepest drop since the company listed in 2019", "the fastest rate since early 2024": a
                # since phrase on a superlative bounds the record, as record_markers do, wherever its date stands
                continue
            relative = self._relative_clause(root)
            since_clause = self._since_clause(root)
            if since_clause is not None and any(
                    (verb := _first_clause_verb(c.anchor or c.tokens[0])) is not None and verb.i == since_clause.i
                    for c in ctxs):
                since_clause = None  # "since Cyclone Sidr killed 3,000 people in November 2007": that figure's day
            since = bool(self.since_rx.search(text[max(0, d["start"] - 30) : d["start"]])
                         or self.since_start_rx.match(d["text"]))
            d = self._since(d, text, doc._.reference_date, since_clause is not None)
            owner = next((key for key, (s, e) in clauses.items() if s <= d["start"] < e), None)
            # a date in a comparison figure's clause is that figure's alone; that figure takes no other
            fits = ([c for c in ctxs if id(c) == owner] if owner is not None
                    else [c for c in ctxs if id(c) not in clauses])
            # "to rise 2% in October as debt hits £3.7bn", "has shipped 500,000 doses, and a campaign will start next
            # week": a clause beside another, with a subject and a tense of its own, keeps its dates and figures
            fits = [c for c in fits if not self._apart(root, c.anchor or c.tokens[0])]
            # "Of the 21,600 cases, 5,900 were recorded in the past four weeks": the group a part is taken of,
            # fronted, is dated by what stands inside it only
            fits = [c for c in fits if (group := self._opening_group(c)) is None
                    or group.left_edge.i <= root.i <= group.right_edge.i]
            if relative is not None:
                # "25 travaillent dans l'atelier, qui sera fermé d'ici la fin de l'année": a relative clause in
                # a tense of its own dates its own verb, not a figure outside it (not "37 randonneurs ont péri
                # dans l'avalanche qui a balayé samedi le camp": the same tense tells the same event)
                # (a clause of a concession, a condition or a cause dates its own verb whatever its tense)
                same_tense = not relative.dep_.startswith("advcl")
                fits = [c for c in fits if relative.left_edge.i <= c.tokens[0].i <= relative.right_edge.i
                        or (same_tense and c.predicate is not None
                            and self._tense_of(c.predicate) == self._tense_of(relative))]
            fronted = self._fronted_participle(root)
            if fronted is not None:
                # "Déjà condamné en 2019, le prévenu a écopé de trois ans de prison": a participle clause opening
                # the sentence tells an earlier event of the subject's, with its own date
                fits = [c for c in fits if fronted.left_edge.i <= c.tokens[0].i <= fronted.right_edge.i]
            described = self._set_off_modifier(root) if since else None
            if described is not None and described.head.lower_ not in self.occurrence_nouns:
                # (but "L'incendie, actif depuis mardi, a parcouru 3 000 hectares": an event's period is that of what
                # the event did, review-14a)
                # "Une retraitée, veuve depuis 2019, avait déboursé 48 500 euros", "la vaccination, recommandée
                # depuis 2022, ne concerne que 41 %": a since date in a modifier set off by commas on a noun tells
                # how long the noun has been so, not the time of a figure outside that noun's phrase
                fits = [c for c in fits if described.head.left_edge.i <= c.tokens[0].i <= described.head.right_edge.i]
            participle = self._describing_participle(root)
            own_phrase: set[int] = set()
            if participle is not None:
                # "condamné mercredi pour 64 cambriolages commis entre septembre 2024 et mars 2025": a participle
                # clause on the noun phrase of a figure dates that figure, before the main clause's date
                own_phrase = {id(c) for c in fits
                              if participle.head.left_edge.i <= c.tokens[0].i and c.tokens[-1].i < participle.i}
            if not fits:
                continue
            # (a since clause's date is the period of the verb it hangs on: its figures are near that verb)
            dists = [(self._nearest(root if since_clause is None else since_clause, c), c) for c in fits]
            best = min(x for x, _ in dists)
            reporting = root.head.lemma_ in self.reporting and root.head.pos_ == "VERB"
            for dist, c in dists:
                if dist == best:
                    char_gap = abs(d["start"] - c.quantity["start"])
                    # "212 cases were reported between January and February": the reporting verb is the
                    # figure's own predicate, its date the event's
                    own = c.predicate is not None and root.head.i == c.predicate.i
                    # "Le 8 mars, dans la nuit, 30 personnes ont été évacuées": a bare part of the day is the
                    # publication day's only where the sentence names no other day of the event
                    bare = d["text"].lower() in self.bare_day_parts
                    candidates.setdefault(id(c), []).append(
                        (int(id(c) not in own_phrase), int(reporting and not own), int(bare), dist, char_gap, d))
        when = {key: min(options, key=lambda o: o[:5])[5] for key, options in candidates.items()}
        for c in ctxs:
            if id(c) in when and not (id(c) in clauses and when[id(c)]["start"] > c.quantity["end"]):
                continue
            if id(c) in clauses:
                # "contre 7,1 % un an plus tôt, selon l'Insee, vendredi": the count back from the main figure's
                # time says the comparison figure's, not a date after it in its clause (the report's)
                shifted = self._earlier_than(text, clauses[id(c)], c, ctxs, when)
                if shifted is not None:
                    when[id(c)] = shifted
            elif (restated := self._restates(text, sent, c, ctxs)) is not None:
                main = self._main_figure(restated, ctxs, clauses)
                if main is not None and id(main) in when:
                    when[id(c)] = when[id(main)]
            elif c.linked_to is not None:
                # a "dont" part, an elliptic figure: its figure's time; not a comparison figure's own date
                # ("56 000 euros, contre 61 000 en 2022, soit une économie de 8 %": the main figure's)
                main = self._main_figure(c.linked_to, ctxs, clauses)
                if main is not None and id(main) in when and not self._apart_from(doc, when[id(main)], c):
                    when[id(c)] = when[id(main)]
        for c in ctxs:
            restated = self._restates(text, sent, c, ctxs) if id(c) in when else None
            if (restated is not None and id(restated) not in when and id(restated) not in clauses
                    and when[id(c)]["start"] < self._restating_start(text, sent, c)):
                # "a annoncé hier la suppression de 300 postes, soit 25 % des effectifs": a date before the
                # restating clause, taken by its figure, is the restated figure's too
                when[id(restated)] = when[id(c)]
        return when

    @staticmethod
    def _tense_of(verb: Token) -> tuple[str, bool]:
        """A verb's tense as its finite form says it, and whether it is compound ("sera fermé", "a balayé")."""
        aux = [a for a in verb.children if a.dep_.startswith("aux")]
        finite = aux[0] if aux else verb
        return "".join(finite.morph.get("Tense")), bool(aux)

    def _relative_clause(self, token: Token) -> Token | None:
        """The verb of the relative clause, or of the clause opened by a conjunction whose time is its own
        ("même si la demande augmente en été"), with a finite verb of its own, that ``token`` stands in."""
        for t in (token, *token.ancestors):
            own_time = t.dep_.startswith("advcl") and self._opened_by_own_time_conjunction(t)
            if t.dep_ != "acl:relcl" and not own_time:
                continue
            verbs = (t, *(a for a in t.children if a.dep_.startswith("aux")))
            finite = any(v.morph.get("Person") for v in verbs)  # a finite verb says its person
            if own_time:
                # (or its tense, not a participle's, after a conjunction: an English past, "before its team
                # detected the breach")
                return t if finite or any(v.morph.get("Tense") and not set(v.morph.get("VerbForm")) & {
                    "Part", "Inf", "Ger"} for v in verbs) else None
            # opened by its relative pronoun ("qui sera fermé"), not a verb the parser hangs on a noun
            return t if finite and opened_by_pronoun(t) else None
        return None

    @staticmethod
    def _set_off_modifier(token: Token) -> Token | None:
        """The modifier set off by a comma after a noun ("veuve depuis 2019", "en vigueur depuis 2013",
        "recommandée depuis 2022") that ``token`` stands in, below any finite verb, else None."""
        doc = token.doc
        for t in (token, *token.ancestors):
            if t.morph.get("Person") or any(c.dep_.startswith("aux") for c in t.children):
                return None  # a finite verb's clause
            if (t.dep_ in ("appos", "acl", "nmod", "amod") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i < t.i
                    and t.left_edge.i > 0 and doc[t.left_edge.i - 1].is_punct and doc[t.left_edge.i - 1].text == ","):
                return t
        return None

    @staticmethod
    def _describing_participle(token: Token) -> Token | None:
        """The participle, without an auxiliary, of a clause after the noun it describes that ``token`` stands
        in, when that noun is no verb's subject ("une série de 64 cambriolages commis en 2024"; not "les 300
        salariés licenciés en 2023 ont manifesté", whose verb is theirs)."""
        for t in (token, *token.ancestors):
            if t.morph.get("Person") or any(c.dep_.startswith("aux") for c in t.children):
                return None  # a finite verb's clause: its date is its own verb's
            if (t.dep_ == "acl" and "Part" in t.morph.get("VerbForm") and t.head.pos_ == "NOUN"
                    and t.head.i < t.i and not t.head.dep_.startswith("nsubj")):
                return t
        return None

    @staticmethod
    def _fronted_participle(token: Token) -> Token | None:
        """The participle, with no auxiliary, of a clause that opens the sentence before its verb and that
        ``token`` stands in ("Déjà condamné en 2019, ..."), else None."""
        for t in (token, *token.ancestors):
            if "Part" not in t.morph.get("VerbForm") and (t.morph.get("Person") or any(
                    c.dep_.startswith("aux") for c in t.children)):
                return None  # a finite verb's clause: its date is its own
            if (t.dep_ == "advcl" and "Part" in t.morph.get("VerbForm") and t.i < t.head.i
                    and not any(c.dep_.startswith("aux") for c in t.children)
                    and all(w.pos_ in ("ADV", "PUNCT") for w in t.doc[t.sent.start : t.left_edge.i])):
                return t
        return None

    def _opened_by_own_time_conjunction(self, verb: Token) -> bool:
        """Whether ``verb``'s clause opens with a conjunction of a clause whose time is its own (a concession,
        a condition, a cause), not one of time ("quand", "lorsque"), whose date is the main clause's too."""
        for mark in (c for c in verb.children if c.dep_ == "mark"):
            words = " ".join(t.lower_ for t in (mark, *(c for c in mark.children if c.dep_ == "fixed")))
            if any(f" {c} " in f" {words} " for c in self.own_time_conjunctions):
                return True
        return False

    def _restating_start(self, text: str, sent: Span, ctx: MentionContext) -> int:
        """Where the restating clause of ``ctx`` opens (its comma), or past the figure when it has none."""
        start = ctx.quantity["start"]
        window = max(sent.start_char, start - 60)
        found = self.restating_rx.search(text[window:start]) if self.restating_rx is not None else None
        return window + found.start() if found else start + 1

    def _restates(self, text: str, sent: Span, ctx: MentionContext, ctxs: list[MentionContext]
                  ) -> MentionContext | None:
        """ "En 2025, 38 personnes ont perdu la vie, selon la préfecture, soit une mortalité en baisse de 12 %":
        the figure a restating clause's figure restates (the sentence's figure before it)."""
        start = ctx.quantity["start"]
        if self._restating_start(text, sent, ctx) > start:
            return None
        return _figure_before(ctx, ctxs)

    @staticmethod
    def _main_figure(ctx: MentionContext, ctxs: list[MentionContext], clauses: dict[int, tuple[int, int]]
                     ) -> MentionContext | None:
        """The figure ``ctx`` is, or, for a comparison figure, the figure it is compared with."""
        seen = set()
        while ctx is not None and id(ctx) in clauses and id(ctx) not in seen:
            seen.add(id(ctx))
            ctx = ctx.linked_to if ctx.linked_to is not None else _figure_before(ctx, ctxs)
        return None if ctx is None or id(ctx) in clauses else ctx

    def _counted_back(self, segment: str) -> bool:
        """Whether ``segment`` counts a time back from the main figure's ("a year earlier", "in the same period last
        year", "l'année précédente")."""
        return any(rx is not None and rx.search(segment)
                   for rx in (self.earlier_rx, self.same_period_rx, self.period_same_rx, self.previous_unit_rx))

    def _earlier_than(self, text: str, clause: tuple[int, int], ctx: MentionContext, ctxs: list[MentionContext],
                      when: dict[int, dict]) -> dict | None:
        """ "contre 2,1 milliards un an plus tôt", "up from 24,600 in the same period last year": the main figure's
        time, moved back."""
        segment = text[ctx.quantity["end"] : clause[1]]
        found = self.earlier_rx.search(segment)
        if found is not None:
            # "compared with hundreds a week before the practice was suspended": a conjunction opening a clause,
            # not "a week before" (and "a week" is a rate)
            last = ctx.sentence.doc.char_span(ctx.quantity["end"] + found.end() - 1, ctx.quantity["end"] + found.end(),
                                              alignment_mode="expand")
            if last is not None and last[-1].dep_ == "mark":
                found = None
        same = next((m for rx in (self.same_period_rx, self.period_same_rx) if found is None and rx is not None
                     and (m := rx.search(segment)) is not None), None)
        previous = (self.previous_unit_rx.search(segment) if found is None and same is None
                    and self.previous_unit_rx is not None else None)
        main = ctx.linked_to if ctx.linked_to is not None else _figure_before(ctx, ctxs)
        year = (self.same_period_year_rx.search(segment) if found is None and same is None and previous is None
                and self.same_period_year_rx is not None else None)
        if year is not None and main is not None and id(main) in when:
            # "up from 74 in the same period of 2024": the main figure's period, in that year
            base = when[id(main)]
            count = int(base["when_start"][:4]) - int(year["year"])
            if 0 < count <= 1000 and base["when_start"][:4] == base["when_end"][:4]:
                return dict(base, when_start=_shift(base["when_start"], "year", count),
                            when_end=_shift(base["when_end"], "year", count), text=year.group(0))
        if (found is None and same is None and previous is None) or main is None or id(main) not in when:
            return None
        if previous is not None:  # "contre 121 l'année précédente"
            found = previous
            unit, count = self.relative_units.get(found["unit"].lower()), 1
        elif same is not None:  # "up from 24,600 in the same period last year"
            found = same
            unit, count = self.past_periods[same["period"].lower()]
        else:
            unit = self.relative_units.get(found["unit"].lower())
            number = normalize_number(found["count"], self.lang)
            count = 1 if found["count"].lower() in self.one_unit_words else number.value if number is not None else None
        if unit is None or count is None or not float(count).is_integer() or not 0 < count <= 1000:
            return None
        base = when[id(main)]
        return dict(base, when_start=_shift(base["when_start"], unit, int(count)),
                    when_end=_shift(base["when_end"], unit, int(count)), text=found.group(0))

    def _since(self, date: dict, text: str, reference: str | None, clause: bool = False) -> dict:
        """"depuis janvier", "depuis le début de l'année": the period from the date to the publication date;
        ``clause``: the date stands in a clause the marker opens ("since the outbreak was declared on February 9")."""
        if reference is None or date["when_start"] > reference:
            return date
        if (clause or self.since_rx.search(text[max(0, date["start"] - 30) : date["start"]])
                or self.since_start_rx.match(date["text"])):
            if date["when_end"] == reference:
                return date
            return dict(date, when_end=reference, granularity="range")
        return date


    def _bounds_superlative(self, token: Token) -> bool:
        """Whether ``token`` stands in a since phrase or clause whose head is a superlative or a noun a superlative
        modifies ("the highest level since 2018", "the most since 2019", "steepest drop since the company listed in
        2019"): the parser's Degree=Sup, so no word list."""
        for t in (token, *token.ancestors):
            if any(c.dep_ in ("case", "mark") and c.lower_ in self.since_words for c in t.children):
                head = t.head
                return head.i != t.i and ("Sup" in head.morph.get("Degree") or any(
                    c.dep_ == "amod" and "Sup" in c.morph.get("Degree") for c in head.children))
        return False

    def _since_clause(self, token: Token) -> Token | None:
        """The verb of the clause ``token`` stands in when a since marker opens it ("has recorded 4,350 cases since the
        outbreak was declared on February 9"), else None."""
        verb = _first_clause_verb(token)
        if verb is not None and verb.dep_.startswith("advcl") and any(
                c.dep_ == "mark" and c.lower_ in self.since_words for c in verb.children):
            return verb
        return None

    def _right_after_figure_link(self, text: str, date: dict, ctxs: list[MentionContext]) -> bool:
        """Whether ``date`` comes right after a figure and one change base link ("down by a quarter on last year")."""
        for c in ctxs:
            if c.quantity["end"] <= date["start"]:
                gap = text[c.quantity["end"] : date["start"]].split()
                if len(gap) == 1 and gap[0].lower() in self.change_base_links:
                    return True
        return False

    def _own_subject_clause(self, token: Token) -> Token | None:
        """The verb of the clause ``token`` stands in when that clause has a subject of its own and stands beside
        another: coordinated with it ("and the search will resume on Thursday") or opened by an accompanying
        conjunction ("as household debt hits £3.7bn"); else None."""
        verb = _first_clause_verb(token)
        while verb is not None and verb.dep_ == "xcomp" and verb.head.i != verb.i:
            verb = verb.head  # "and it now plans to spend £6m": the clause of the verb the infinitive completes
        if verb is None or not any(c.dep_.startswith("nsubj") for c in verb.children):
            return None
        head = _first_clause_verb(verb.head)
        if verb.dep_ == "conj" and head is not None and head.i == verb.head.i:
            return verb
        if verb.dep_.startswith("advcl") and any(
                c.dep_ == "mark" and c.lower_ in self.accompanying_conjunctions for c in verb.children):
            return verb
        return None

    @staticmethod
    def _relative_on_noun(doc: Doc, date: dict, ctx: MentionContext) -> bool:
        """ "a £150 rebate that will be paid to 2.7 million households this winter": a date in a relative clause on
        the noun a figure counts or prices is that figure's time too."""
        span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
        # the noun counted, or the noun the figure's number stands on ("a £150 rebate")
        nouns = {t.head.i for t in ctx.tokens} | ({ctx.noun.i} if ctx.noun is not None else set())
        verb = _first_clause_verb(span.root) if span is not None else None  # the verb the date hangs on
        return (verb is not None and verb.dep_ == "acl:relcl" and verb.head.i in nouns
                and verb.pos_ in ("VERB", "AUX") and opened_by_pronoun(verb))

    @staticmethod
    def _fronted_over(doc: Doc, date: dict, ctx: MentionContext) -> bool:
        """ "In the first half, sales fell 14% and the group posted a net loss of €390m": a date opening the sentence,
        before the subject and the verb it hangs on, is the time of a clause coordinated with that verb too."""
        span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
        verb = _first_clause_verb(span.root) if span is not None else None
        if verb is None:
            return False
        subject = min((c.left_edge.i for c in verb.children if c.dep_.startswith("nsubj")), default=verb.i)
        own = _first_clause_verb(ctx.anchor or ctx.tokens[0])
        return (span.root.i < min(subject, verb.i) and own is not None and own.dep_ == "conj"
                and own.head.i == verb.i)

    def _apart_from(self, doc: Doc, date: dict, ctx: MentionContext) -> bool:
        """:meth:`_apart` for a date found in ``doc`` and a figure's context."""
        span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
        return span is not None and self._apart(span.root, ctx.anchor or ctx.tokens[0])

    def _apart(self, date: Token, figure: Token) -> bool:
        """Whether a date and a figure stand in two clauses side by side that tell two times: one with a subject of
        its own beside the other, in another tense ("We asked for $48 million for 2026 and we have received $11
        million") or put after it ("and it then paid out $3.2bn"), even when the date opens the sentence ("In the
        second quarter, revenue fell 6%, and the company will cut 300 jobs")."""
        for inner, outer in ((date, figure), (figure, date)):
            own = self._own_subject_clause(inner)
            if own is None or own.left_edge.i <= outer.i <= own.right_edge.i:
                continue
            other = _first_clause_verb(outer)
            if other is None or other.i == own.i:
                continue
            top = own
            while top.dep_ == "conj" and top.head.i != top.i:
                top = top.head
            # (a conjunct only: "will create 1,200 jobs in 2026 ... as it opens 14 stores" is a clause beside its own)
            if own.dep_ == "conj" and top.i != other.i and any(a.i == other.i for a in top.ancestors):
                # "gave a toll on Thursday, saying 61 people had died and about 30 were still missing": the other
                # clause governs both coordinated clauses from above, no clause beside them
                continue
            if (_clause_tense(own) != _clause_tense(other)
                    or any(c.dep_ == "advmod" and c.lower_ in self.sequence_adverbs for c in own.children)):
                return True
        return False

    def _share_dates(self, text: str, ctxs: list[MentionContext], when: dict[int, dict],
                     clauses: dict[int, tuple[int, int]]) -> None:
        """A figure without a date of its own takes the one its sentence gives a figure it goes with:
        a later item of its list, counting its noun ("900 people in Leeds, 300 in York and 80 in
        Harrogate on Saturday"), or a figure of a coordinated verb ("12 people were killed and 40 injured ... on
        Tuesday", where the date hangs on the last verb). Not a point of comparison ("up from 87 last
        week", "contre 9 700 l'an dernier"): that date is the other figure's own. Repeated while a figure takes one:
        "Two people died and 23 others were injured, five of them seriously, when ... on Monday" (23 takes its
        part's date, then 2 takes 23's)."""
        while self._share_once(text, ctxs, when, clauses):
            pass
        self._share_sentence_date(text, ctxs, when, clauses)
        self._undate_parts_with_own_verbs(ctxs, when)

    def _share_once(self, text: str, ctxs: list[MentionContext], when: dict[int, dict],
                    clauses: dict[int, tuple[int, int]]) -> bool:
        """One pass of :meth:`_share_dates`; whether a figure took a date."""
        shared = False
        for ctx in ctxs:
            if id(ctx) in when or ctx.subset_of is not None:
                continue
            for other in ctxs:
                # (nor a comparison figure's own date: "up from 18,500 acres this morning, and is 9% contained")
                if other is ctx or id(other) not in when or other.subset_of is not None or id(other) in clauses:
                    continue
                start = other.quantity["start"]
                # an item of a list counts the noun it took from this figure
                elliptic = (other.linked_to is ctx and other.noun is not None and ctx.noun is not None
                            and other.noun.i == ctx.noun.i
                            and not self.comparison_rx.search(text[max(0, start - 25) : start]))
                if (elliptic or self._coordinated_in_time(ctx.predicate, other.predicate)
                        or self._participle_of(ctx, other)
                        or self._same_clause(text, ctx, other, when, clauses)
                        or self._fronted_over(ctx.sentence.doc, when[id(other)], ctx)
                        or self._relative_on_noun(ctx.sentence.doc, when[id(other)], ctx)):
                    if self._apart_from(ctx.sentence.doc, when[id(other)], ctx) or (
                            self._opening_group(ctx) is not None):
                        # "The fund lost 14% in October, and it then paid out $3.2bn"; "Of the 21,600 cases, 5,900
                        # were recorded in the past four weeks" (a group's own date is inside it, found above)
                        continue
                    when[id(ctx)] = when[id(other)]
                    shared = True
                    break
        return shared

    def _undate_parts_with_own_verbs(self, ctxs: list[MentionContext], when: dict[int, dict]) -> None:
        """ "Police detained 61 people on Sunday; of those, 12 were later charged", "87 patients this year, 19 of
        whom needed intensive care": a part of the pronoun of its total, with a verb of its own, tells another
        event; a date outside that verb's clause is its total's, not its own."""
        if not self.own_time_part_links:
            return
        for i, ctx in enumerate(ctxs):
            verb = ctx.predicate
            # (a fronted group's figure may share the part's verb: "Of the 300 passengers ..., 40 were treated")
            fronted = self._part_of_fronted_group(ctx)
            if (id(ctx) not in when or verb is None or verb.pos_ != "VERB"
                    or not (fronted or self._part_of_pronoun(ctx))
                    or (not fronted and any(o.predicate is not None and o.predicate.i == verb.i for o in ctxs[:i]))):
                continue
            # (a date inside the fronted group is the group's)
            group = (ctx.noun.left_edge.idx, ctx.noun.right_edge.idx) if fronted else (-1, -1)
            if group[0] <= when[id(ctx)]["start"] <= group[1] or not self._in_own_clause(when[id(ctx)], ctx, ctxs):
                # a relative part ("of whom 41 died") is counted within its total's period: without a date of its
                # own clause it keeps the total's (thirteenth session, as a "dont" part)
                pronoun = None if fronted else self._part_of_pronoun(ctx)
                totals = when.pop(id(ctx)) if pronoun is not None and (
                    pronoun.lower_ in self.relative_part_pronouns) else None
                when.pop(id(ctx), None)
                doc, sent = verb.doc, ctx.sentence
                own = [d for d in doc._.dates or [] if sent.start_char <= d["start"] < sent.end_char
                       and d["when_start"] and not group[0] <= d["start"] <= group[1]
                       and self._in_own_clause(d, ctx, ctxs)]
                if own:  # "of whom 7 were released on Friday"
                    when[id(ctx)] = self._since(own[0], doc_text(doc), doc._.reference_date)
                elif totals is not None:
                    when[id(ctx)] = totals

    def _opening_group(self, ctx: MentionContext) -> Token | None:
        """The noun of the group that opens the sentence with a part link and that ``ctx`` counts ("Of the 21,600
        cases, ..."), else None."""
        noun = ctx.noun
        if (noun is None or not self.own_time_part_links or noun.left_edge.i != ctx.sentence.start
                or not noun.dep_.startswith(("obl", "nmod")) or noun.head.i < noun.right_edge.i
                or not noun.left_edge.i <= ctx.tokens[0].i <= noun.right_edge.i):
            return None
        if any(g.dep_ == "case" and g.lower_ in self.own_time_part_links for g in noun.children):
            return noun
        return None

    def _part_of_fronted_group(self, ctx: MentionContext) -> bool:
        """ "Of the 300 passengers on the ferry that ran aground on Sunday, 40 were treated": a bare figure counting
        the noun of a group fronted before it with a link."""
        noun = ctx.noun
        return (noun is not None and noun.right_edge.i < ctx.tokens[0].i and noun.dep_.startswith(("obl", "nmod"))
                and noun.head.i > ctx.tokens[-1].i
                and any(g.dep_ == "case" and g.lower_ in self.own_time_part_links for g in noun.children))

    @staticmethod
    def _in_own_clause(date: dict, ctx: MentionContext, ctxs: list[MentionContext]) -> bool:
        """Whether the first figure's verb above ``date`` is ``ctx``'s (the parser may hang the total's clause on
        the part's verb: "...on Saturday; of those, 9 were charged")."""
        verb = ctx.predicate
        span = verb.doc.char_span(date["start"], date["end"], alignment_mode="expand")
        if span is None:
            return False
        verbs = {o.predicate.i for o in ctxs if o.predicate is not None}
        return next((t.i for t in (span.root, *span.root.ancestors) if t.i in verbs), None) == verb.i

    def _part_of_pronoun(self, ctx: MentionContext) -> Token | None:
        """ "12 of them", "19 of whom", "of whom eight", "of those, 12": the pronoun of a figure next to a link and
        a pronoun, else None."""
        doc = ctx.tokens[0].doc
        first, last = ctx.tokens[0].i, ctx.tokens[-1].i
        if last + 2 < len(doc) and doc[last + 1].lower_ in self.own_time_part_links and doc[last + 2].pos_ == "PRON":
            return doc[last + 2]
        i = first - 1 if first > 0 and not doc[first - 1].is_punct else first - 2
        if i >= 1 and doc[i].pos_ in ("PRON", "DET") and doc[i].dep_ != "det" and (
                doc[i - 1].lower_ in self.own_time_part_links):
            return doc[i]
        return None

    def _share_sentence_date(self, text: str, ctxs: list[MentionContext], when: dict[int, dict],
                             clauses: dict[int, tuple[int, int]]) -> None:
        """ "left two dead and 57 injured, police said on Sunday", "Hale took 14,208 votes, a 38.6% share, the
        returning officer announced on Friday": when the sentence's only time is the day its figures were
        reported (a date on a reporting verb that is no figure's own), a figure without a date of its own
        takes it too, as SPEC's reporting day (not a point of comparison: "up from 368", "contre 9 700")."""
        if not ctxs:
            return
        sent = ctxs[0].sentence
        dated = [when[id(c)] for c in ctxs if id(c) in when and id(c) not in clauses]
        if not dated or len({(d["when_start"], d["when_end"]) for d in dated}) != 1 or (
                dated[0]["when_start"] != dated[0]["when_end"]):
            return  # a reporting day is a day ("2 180 cas avaient été déclarés en 2025" is no reporting day)
        span = sent.doc.char_span(dated[0]["start"], dated[0]["end"], alignment_mode="expand")
        verb = span.root.head if span is not None else None
        if verb is None or verb.lemma_ not in self.reporting or verb.pos_ != "VERB":
            return
        for ctx in ctxs:
            start = ctx.quantity["start"]
            if id(ctx) in when or id(ctx) in clauses or self.comparison_rx.search(text[max(0, start - 25) : start]):
                continue
            when[id(ctx)] = dated[0]

    def _same_clause(self, text: str, ctx: MentionContext, other: MentionContext, when: dict[int, dict],
                     clauses: dict[int, tuple[int, int]]) -> bool:
        """ "a enregistré une perte de 41 millions d'euros en 2024, pour un chiffre d'affaires de 587 millions", "a
        augmenté de 85 000, à 2,47 millions entre juillet et septembre": two figures of one verb tell one time
        (not a point of comparison: "contre 9 700")."""
        verb, other_verb = _clause_verb(ctx), _clause_verb(other)
        if verb is None or other_verb is None or verb.i != other_verb.i:
            return False
        start = ctx.quantity["start"]
        # nor the time of a variation restating a figure ("soit une hausse de 14 % depuis 2020")
        restating = (self._restates(text, ctx.sentence, other, [ctx, other]) is not None
                     or self._restates(text, ctx.sentence, ctx, [ctx, other]) is not None)
        # a date written after both figures may be the period of the later one alone ("À 41 %, la cote perd trois
        # points depuis septembre": the fall's period, not the level's)
        # (but both after the verb in one stretch without a comma or a stop, its complements, tell its time: "took
        # $18 million from 412 investors between 2019 and 2024"; not "fell to 41 weeks, from 46 weeks in January 2025")
        first, second = sorted((ctx.quantity, other.quantity), key=lambda q: q["start"])
        complements = (verb.i < min(ctx.tokens[0].i, other.tokens[0].i)
                       and not _CLAUSE_BREAK.search(text, first["end"], second["start"]))
        return (id(ctx) not in clauses and id(other) not in clauses and not restating
                and (when[id(other)]["start"] < max(start, other.quantity["start"]) or complements)
                and not self.comparison_rx.search(text[max(0, start - 25) : start]))

    @staticmethod
    def _participle_of(ctx: MentionContext, other: MentionContext) -> bool:
        """ "Two more soldiers died on Sunday, bringing the number of troops killed to 17": a figure inside a
        participle clause without a subject of its own, hung on the verb of a dated figure, shares its time."""
        if other.predicate is None:
            return False
        anchor = ctx.anchor or ctx.tokens[0]
        clause = next((a for a in (anchor, *anchor.ancestors) if a.dep_ == "advcl"), None)
        return (clause is not None and clause.head.i == other.predicate.i and clause.pos_ == "VERB"
                and bool(set(clause.morph.get("VerbForm")) & {"Ger", "Part"})
                and not any(c.dep_ in ("nsubj", "nsubj:pass", "mark") for c in clause.children))

    @staticmethod
    def _coordinated(a: Token | None, b: Token | None) -> bool:
        """Two verbs joined by a conjunction ("were killed and 40 injured")."""
        if a is None or b is None or a.i == b.i or a.pos_ != "VERB" or b.pos_ != "VERB":
            return False
        return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)

    @classmethod
    def _coordinated_in_time(cls, a: Token | None, b: Token | None) -> bool:
        """:meth:`_coordinated`, also through the infinitive a verb governs: "was sentenced on Wednesday ... and
        ordered to pay $11.5 million" tells one time."""
        if cls._coordinated(a, b):
            return True
        if a is None or b is None:
            return False
        a, b = (a.head if a.dep_ == "xcomp" and a.head.pos_ == "VERB" else a), (
            b.head if b.dep_ == "xcomp" and b.head.pos_ == "VERB" else b)
        # (in one tense and mood, the second verb with no auxiliary of its own: "ont chuté de 22 % ... et ne devraient
        # rapporter que 74 millions l'an prochain", "was investing £1bn this year and had pledged to build 1.5 million
        # homes" tell two times)
        second = b if b.dep_ == "conj" else a
        return (cls._coordinated(a, b) and _same_finite_form(a, b)
                and not any(c.dep_.startswith("aux") for c in second.children))
