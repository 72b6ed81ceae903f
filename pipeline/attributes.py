"""Figures that describe or identify a thing rather than report a figure (SPEC section 2).

The number grammar already leaves out dates, ordinals, phone numbers and the
identifiers it can see on the surface. What needs the parse is decided here,
for each quantity mention, from its tokens and the language pack's words:

- an age: a time unit hanging on a noun by a link word ("un chauffeur de bus
  de 38 ans", "une femme d'une trentaine d'années"), unless the noun is a
  duration's holder ("une peine de cinq ans") or the unit has a complement of
  its own ("trois ans de tractations");
- an address: a number followed by a street noun ("au 37, rue de la Libération"), or by a street's
  name and its noun ("2 Marsham Street");
- an age set off by commas after a person's name ("Daniel Hartwell, 52, was convicted");
- an age written without its unit, after an age cue or as a bound of a person noun ("men aged 18 to 25",
  "children under 10");
- a locating distance: "à 140 km de Sanaa", "à 15 km au nord d'Angers", "à une dizaine de milles au sud";
- a dimension: "longue de 3 900 mètres", "dans un rayon de deux kilomètres";
- an identifier: a bare number right after the noun it numbers ("la base
  militaire 921", "la résolution 1405");
- a score: a "range" whose high end is below its low end ("la victoire 8 à 3");
- a number word written as a name ("les Vingt-Sept");
- the population of a place as description or class ("cette ville de 70 000 habitants");
- zero, and the numbers of a list (": 1. à la Teille, 2. au chêne", "1." opening a line);
- a time reference or a window, not a duration: "cinq ans plus tôt", "en 72 heures", "ces
  dernières 24 heures" (a window up to the publication date, which the extractor reads as a date);
- the day of a date listed before it ("les 6 et 13 avril");
- a number after a singular indefinite article, a name of a thing ("un deux roues");
- an age class ("les moins de 17 ans"), an age threshold of a noun or a verb's subject ("les ouvriers
  de plus de 58 ans", "12 ont moins de 16 ans");
- a count that names a group with a superlative ("les 50 plus grandes villes", "les sept pays les plus
  industrialisés", "des 10 % de ménages les plus aisés");
- a rate's denominator ("3,8 suicides pour 100 000 habitants", "sept entrées sur dix");
- what a relative clause says a noun holds ("la commune, qui compte 7 500 habitants"), or, in the simple
  present and with no event verb, what it is ("l'usine, qui emploie 320 salariés").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .languages import LanguageResources
from .numbers import normalize_number
from .parsing import doc_text
from .syntax import opened_by_pronoun, said_with

#: the reason :meth:`AttributeFilter.is_attribute` gives for "cinq ans plus tôt": its unit is no counted noun
TIME_REFERENCE = "time reference"
#: the reason for "ces dernières 24 heures": a span of time up to the publication date, a date of its own
TIME_WINDOW = "time window"
# the largest count of a time window ("ces dernières 48 heures"): a larger figure is no window
MAX_WINDOW = 1000


class AttributeFilter:
    """Tells which quantity mentions are attributes, not facts."""

    def __init__(self, data: LanguageResources):
        self.lang = data.code
        lex = data.relations
        num = data.numbers
        self.age_units = {f.lower() for unit in num["age_units"] for f in num["time_units"].get(unit, [unit])}
        cues = num["bare_age_cues"]
        # the cue reaches along a list of bare ages: "aged 19, 23 and 31"
        joiners = "|".join(re.escape(j) for j in num["enumeration_joiners"])
        self.bare_age_before = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + r")\s*"
            r"(?:\d{1,3}\s*(?:,\s*(?:(?:" + joiners + r")\s+)?|(?:" + joiners + r")\s+))*$",
            re.IGNORECASE) if cues else None
        self.age_bounds = {w.lower() for w in num["age_bounds"]}
        self.age_nouns = {w.lower() for w in num["age_nouns"]}
        self.person_nouns = {w.lower() for w in lex["person_nouns"]}
        self.fraction_nouns = {w.lower() for w in num["fractions"]}
        self.links = set(lex["counted_noun_links"])
        self.referring_clitics = {w.lower() for w in lex["referring_clitics"]}
        self.duration_holders = set(lex["duration_holders"])
        self.street_nouns = set(lex["street_nouns"])
        self.locating_prepositions = set(lex["locating_prepositions"])
        self.distance_units = set(lex["distance_units"])
        self.directions = set(lex["direction_words"])
        self.locating_directions = {w.lower() for w in lex["locating_directions"]}
        self.distance_verbs = {w.lower() for w in lex["distance_verbs"]}
        self.dimension_words = {w.lower() for w in lex["dimension_words"]}
        self.population_nouns = set(lex["population_nouns"])
        self.capacity_units = {w.lower() for w in lex["capacity_units"]}
        cues = lex["capacity_cues"]
        self.capacity_before = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + r")\s+$", re.IGNORECASE) if cues else None
        self.event_nouns = {w.lower() for w in lex["event_nouns"]}
        self.settlement_nouns = set(lex["settlement_nouns"])
        dates = data.dates
        self.time_units = {f.lower() for forms in num["time_units"].values() for f in forms} | set(num["time_units"])
        counted = dates["relative_to_previous_counts"]
        self.relative_words = {w.lower() for words in counted.values() for w in words}
        self.last_words = set(dates["last_words"])
        self.months = {m.lower() for m in dates["months"]}
        self.hour_words = {w.lower() for w in dates["clock_units"]}
        # days in a window of one unit: "ces trois derniers jours", "ces deux dernières semaines"
        span_days = {"day": 1, "week": 7, "month": 30, "year": 365}
        self.days_in = {w.lower(): span_days[code] for w, code in dates["relative_units"].items() if code in span_days}
        self.window_prepositions = set(lex["window_prepositions"])
        self.change_span_prepositions = set(lex["change_span_prepositions"])
        self.superlatives = set(lex["superlative_words"])
        self.possession_verbs = set(lex["possession_verbs"])
        self.staffing_verbs = set(lex["staffing_verbs"])
        self.search_verbs = set(lex["search_verbs"])
        self.trigger_words = {w.lower() for words in lex["event_triggers"].values() for w in words}
        self.reporting_verbs = set(lex["reporting_verbs"])
        self.rate_prepositions = set(lex["rate_prepositions"])
        self.part_total_links = [link.lower().split() for link in lex["part_total_links"]]

    def is_attribute(self, quantity: dict, tokens: list[Token]) -> str | None:
        """Why the mention is not a fact (age, address, distance, identifier, score, nothing, list number), or None."""
        high = quantity.get("high")
        if quantity["qualifier"] == "range" and high is not None and high < quantity["value"]:
            return "score"
        first, last = tokens[0], tokens[-1]
        doc = first.doc
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        before = doc[first.i - 1] if first.i > 0 else None
        if quantity["value"] == 0 and quantity["unit"] is None:
            return "nothing"  # "zéro et des poussières": an absence, not a count
        if (after is not None and after.text == "." and after.i + 1 < len(doc) and all(t.is_digit for t in tokens)
                and (self._starts_line(first) or (not doc[after.i + 1].is_title
                                                  and (before is None or before.is_punct or before.is_sent_start)))):
            return "list number"  # ": 1. à la Teille, 2. au chêne"; "1. The figures are ..." opening a line
        if (all(t.text.replace("-", "").isalpha() and t.is_title for t in tokens) and not first.is_sent_start
                and first.i > first.sent.start and not (before is not None and before.is_punct)):
            # "les Vingt-Sept", "le Tournoi des Six Nations": a number word written as a name (not the first
            # word after a dateline or a live blog's time: "NANTES, 4 sept (AFP) - Quinze personnes")
            return "name"
        if (self._age(tokens, after) or self._age_after_name(quantity, tokens, before, after)
                or self._age_without_unit(quantity, tokens, before)):
            return "age"
        if self.window_days(quantity, tokens) is not None:
            return TIME_WINDOW
        if self._time_reference(quantity, before, after):
            return TIME_REFERENCE
        if quantity["unit"] is None and all(t.is_digit for t in tokens) and self._days_before_month(after):
            return "date"  # "les 6 et 13 avril", "les 3, 4 et 5 octobre": the first days of a date
        if (quantity["unit"] is None and quantity["value"] > 1 and before is not None and before.pos_ == "DET"
                and "Sing" in before.morph.get("Number") and "Ind" in before.morph.get("Definite")
                and self._is_one(before)):  # the article that is also "one" (not "quelque 50 soldats")
            return "name"  # "un deux roues": one thing, named by a number
        if self._population(tokens, after):
            return "population"
        if self._capacity(tokens, after) or self._capacity_cue(quantity, first):
            return "capacity"
        if self._superlative_group(before, after):
            return "group"
        if self._held_by_relative(quantity, tokens) or self._staff_of_body(quantity, tokens):
            return "description"
        if self.is_denominator(quantity, tokens):
            return "denominator"
        if self._part_total(quantity, tokens):
            return "part total"
        if after is not None and self._street_follows(after):
            return "address"
        if self._locating(quantity, tokens, before, after):
            return "distance"
        if (quantity["unit"] is None and before is not None and self._numbered_noun(before)
                and not before.is_punct and before.i >= first.sent.start
                # not "On en dénombre 12", a verb after a referring clitic that the tagger took for a noun
                and not (before.i > first.sent.start and before.doc[before.i - 1].lower_ in self.referring_clitics)
                and (after is None or after.is_punct or after.pos_ not in ("NOUN", "ADJ", "PROPN")
                     # "de magnitude 5,8 jeudi matin": a rating with decimals, a date after it, no counted noun; a
                     # whole number is a count there ("et la préfecture de police 28 000 samedi", "and the county 300
                     # Tuesday": the counted noun left out after a comma, review-14a)
                     or (self._dated(after) and quantity["value"] % 1 != 0))
                and all(t.like_num or t.is_digit for t in tokens)):
            return "identifier"
        return None

    def _superlative_group(self, before: Token | None, after: Token | None) -> bool:
        """ "les 50 plus grandes villes", "les sept pays les plus industrialisés", "des 10 % de ménages les
        plus aisés": after a plural definite article, a count that a superlative makes the name of a group."""
        if not self.superlatives or before is None or after is None:
            return False
        if "Def" not in before.morph.get("Definite") or "Plur" not in before.morph.get("Number"):
            return False
        doc = after.doc
        if after.lower_ in self.superlatives:
            return after.i + 1 < len(doc) and doc[after.i + 1].pos_ in ("ADJ", "ADV", "VERB")
        i, end = after.i, min(after.sent.end - 1, after.i + 6)
        while i < end and "Def" not in doc[i].morph.get("Definite") and (
                doc[i].pos_ in ("NOUN", "PROPN", "ADJ") or doc[i].lower_ in self.links or doc[i].text == "%"):
            i += 1
        # the article must be followed by a word of the same sentence ("…de ménages les" may end a cut text)
        return (i > after.i and i + 1 < after.sent.end and "Def" in doc[i].morph.get("Definite")
                and doc[i + 1].lower_ in self.superlatives)

    def _staff_of_body(self, quantity: dict, tokens: list[Token]) -> bool:
        """ "Le département emploie 3 900 agents", "le SDIS s'appuie sur 6 300 sapeurs-pompiers, dont 5 400
        volontaires, répartis dans 140 centres": the counts a body's main verb of staffing says it has, in the
        simple present, describe the body (as the relative clause of ``_held_by_relative``), not the news."""
        if quantity["unit"] is not None or not self.staffing_verbs:
            return False
        ids = {t.i for t in tokens}
        top = next((t for t in tokens if t.head.i not in ids), tokens[-1])
        noun = top.head if top.dep_ in ("nummod", "det") and top.head.i > top.i else top
        if noun.lower_ in self.trigger_words:
            return False
        for t in noun.ancestors:
            if t.lemma_ in self.staffing_verbs:
                verb = t
                break
            if said_with(t, self.trigger_words) or (
                    t.pos_ in ("VERB", "AUX") and (t.morph.get("Person") or any(
                        c.dep_.startswith("aux") for c in t.children))):
                return False  # a verb of its own ("dont 40 ont été blessés") or an event word on the way
        else:
            return False
        return (verb.dep_ == "ROOT" and verb.morph.get("Tense") == ["Pres"] and verb.morph.get("Mood") == ["Ind"]
                and not any(c.dep_.startswith("aux") for c in verb.children)
                and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children))

    def _held_by_relative(self, quantity: dict, tokens: list[Token]) -> bool:
        """ "la commune de Clisson, qui compte 7 500 habitants", "l'association, qui compte 540 adhérents":
        what a relative clause says a noun holds describes it, not the news."""
        ids = {t.i for t in tokens}
        top = next((t for t in tokens if t.head.i not in ids), tokens[-1])
        noun = top.head if top.dep_ in ("nummod", "det") and top.head.i > top.i else top
        verb = noun.head
        if (noun.dep_ in ("obj", "obl:arg") and verb.lemma_ in self.possession_verbs
                and verb.dep_ == "acl:relcl" and opened_by_pronoun(verb)
                and verb.head.pos_ in ("NOUN", "PROPN")):
            return True
        # "l'usine, qui emploie 320 salariés", "le camp, où vivent 200 000 personnes": a relative clause in the
        # simple present says what a place or a body is, unless its verb names an event ("qui touche 300 personnes")
        if (quantity["unit"] is not None or noun.lower_ in self.trigger_words or self._said_by_modifier(noun)
                or noun.dep_ not in ("obj", "nsubj", "nsubj:pass", *(("obl:arg",) if noun.head.pos_ == "ADV" else ()))):
            # a share, an amount, a duration or an age keeps its own rules; so does a toll ("qui s'élève à 9 morts")
            return False
        # the counted noun is the verb's own (or hangs on a qualifier of it: "où vivent plus de 200 000 personnes")
        verb = noun.head if noun.head.pos_ in ("VERB", "AUX") else noun.head.head if noun.head.pos_ == "ADV" else None
        return (verb is not None and verb.dep_ == "acl:relcl" and opened_by_pronoun(verb)
                and verb.lemma_ not in self.reporting_verbs and verb.lemma_ not in self.search_verbs
                and verb.head.pos_ in ("NOUN", "PROPN") and verb.morph.get("Tense") == ["Pres"]
                and verb.morph.get("Mood") == ["Ind"] and not any(c.dep_.startswith("aux") for c in verb.children)
                and verb.lemma_.lower() not in self.trigger_words and verb.lower_ not in self.trigger_words)

    def _said_by_modifier(self, noun: Token) -> bool:
        """Whether a word hung on the counted noun names an event ("qui cherchent toujours 7 marins disparus",
        "où vivent 300 personnes privées d'eau"): the relative clause then tells news about them."""
        return any(said_with(c, self.trigger_words)
                   for c in noun.children if c.dep_ in ("amod", "acl"))

    def is_denominator(self, quantity: dict, tokens: list[Token]) -> bool:
        """ "3,8 suicides pour 100 000 habitants", "sept entrées sur dix": a power of ten right after a rate
        preposition that follows, a few words on, another figure of the sentence."""
        first = tokens[0]
        doc = first.doc
        if quantity["unit"] is not None or first.i == 0 or doc[first.i - 1].lower_ not in self.rate_prepositions:
            return False
        value = quantity["value"]
        if not (value >= 10 and float(value).is_integer() and str(int(value)).rstrip("0") == "1"):
            return False
        start = doc[max(first.sent.start, first.i - 6)].idx
        return any(start <= q["end"] <= doc[first.i - 1].idx and q["start"] != quantity["start"]
                   for q in doc._.quantities or [])

    def _part_total(self, quantity: dict, tokens: list[Token]) -> bool:
        """ "142 postes sur les 390 que compte le site": the whole a part is taken from, right after the part's
        figure and at most one word (its noun), is a reference, not a fact."""
        first = tokens[0]
        doc = first.doc
        for link in self.part_total_links:
            start = first.i - len(link)
            if start <= first.sent.start or [t.lower_ for t in doc[start : first.i]] != link:
                continue
            before = doc[start - 1]
            ends = {q["end"] for q in doc._.quantities or [] if q["start"] != quantity["start"]}
            # the part's figure ends on the word before the link, or on the one before that (its noun)
            if before.idx + len(before.text) in ends or (
                    start - 2 >= first.sent.start and before.is_alpha
                    and doc[start - 2].idx + len(doc[start - 2].text) in ends):
                return True
        return False

    @staticmethod
    def _starts_line(token: Token) -> bool:
        """Whether only blanks stand between the previous line break (or the text's start) and ``token``."""
        text = doc_text(token.doc)
        return not text[text.rfind("\n", 0, token.idx) + 1 : token.idx].strip()

    @staticmethod
    def _age_after_name(quantity: dict, tokens: list[Token], before: Token | None, after: Token | None) -> bool:
        """ "Daniel Hartwell, 52, was convicted", "Mr Marsden, 58, told": a bare small number set off by
        commas right after a person's name is the person's age."""
        if (quantity["unit"] is not None or not all(t.is_digit for t in tokens) or not 0 < quantity["value"] < 120
                or before is None or before.text != "," or after is None or after.text not in (",", ")")):
            return False
        name = before.doc[before.i - 1] if before.i > 0 else None
        # the small English model often takes a surname for an organisation; never a place ("Leeds, 30, ...")
        return name is not None and name.pos_ == "PROPN" and name.ent_type_ in ("PER", "ORG", "")

    def _age_without_unit(self, quantity: dict, tokens: list[Token], before: Token | None) -> bool:
        """ "Twelve men aged 18 to 25", "aged between 17 and 24", "children under 10": a small figure with no
        unit after an age cue, or a bound right after a noun of people, is their age (English leaves out
        "years")."""
        if quantity["unit"] is not None or not 0 < quantity["value"] < 120 or before is None:
            return False
        doc = before.doc
        if self.bare_age_before is not None and self.bare_age_before.search(
                doc_text(doc)[max(before.sent.start_char, tokens[0].idx - 30) : tokens[0].idx]):
            return True
        # the bound is the mention's first word ("under 10"), or the word before a bare number
        bound, noun = (tokens[0], before) if tokens[0].lower_ in self.age_bounds else (before, None)
        if noun is None and bound.lower_ in self.age_bounds and bound.i > 0:
            noun = doc[bound.i - 1]
        if bound.lower_ not in self.age_bounds or noun is None:
            return False
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in self.age_nouns:
            return True
        # "Forty-four of them were over 80", "Of those, 260 were over 70", "A third of our drivers are over 55": a
        # bound after a copula whose subject is a count of people (the count already given) is their age
        # (a bare bound: a noun after it is what it measures, "12 were over 100 hectares", "over 50 metres deep")
        last = tokens[-1]
        measured = last.i + 1 < last.sent.end and doc[last.i + 1].pos_ in ("NOUN", "PROPN")
        return noun.pos_ == "AUX" and not measured and (
            self._people_subject(noun.head) or self._people_subject(noun))

    def _people_subject(self, head: Token) -> bool:
        """Whether the subject of ``head`` is a count of people: a figure or a fraction, of a pronoun, a noun of
        people, or bare ("260 were over 70")."""
        for subject in (c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")):
            words = list(subject.subtree)
            counted = any(w.pos_ == "NUM" or w.like_num or w.lower_ in self.fraction_nouns or (
                w.is_alpha is False and "-" in w.text and normalize_number(w.text, self.lang) is not None)
                for w in words)  # "Forty-four of them" (a hyphenated number word the tagger takes for a noun)
            if counted and any(w.pos_ in ("PRON", "NUM") or w.lower_ in self.person_nouns
                               or w.lemma_.lower() in self.age_nouns for w in words):
                return True
        return False

    @staticmethod
    def _numbered_noun(token: Token) -> bool:
        """The noun a bare number identifies: "la résolution 1405", "la base militaire 921"."""
        if token.pos_ in ("NOUN", "PROPN"):
            return True
        doc = token.doc
        return token.pos_ == "ADJ" and token.i > 0 and doc[token.i - 1].pos_ == "NOUN"

    @staticmethod
    def _dated(token: Token) -> bool:
        """Whether ``token`` starts one of the Doc's dates (``doc._.dates``)."""
        return any(d["start"] <= token.idx < d["end"] for d in token.doc._.dates or [])

    def _is_one(self, token: Token) -> bool:
        read = normalize_number(token.text, self.lang)
        return read is not None and read.value == 1

    @staticmethod
    def _past_coordinated(token: Token | None, step: int) -> Token | None:
        """The first token from ``token`` on (``step`` 1 forward, -1 back) that is no number of a
        coordination of numbers ("de 23 et 31 ans", "de 7, 10 et 13 ans"), or None at the Doc's edge."""
        doc = token.doc if token is not None else None
        while token is not None and (token.like_num or token.pos_ == "CCONJ" or token.text == ","):
            i = token.i + step
            token = doc[i] if 0 <= i < len(doc) else None
        return token

    def _age(self, tokens: list[Token], after: Token | None) -> bool:
        unit_token = next((t for t in tokens if t.lower_ in self.age_units), None)
        if (unit_token is None and after is not None and (after.pos_ == "CCONJ" or after.text == ",")
                and after.i + 1 < len(after.doc) and after.doc[after.i + 1].like_num):
            # "âgés de 23 et 31 ans": the first ages of a coordination take the last one's unit
            after = self._past_coordinated(after, 1)
        if unit_token is None and after is not None:
            doc = after.doc
            if after.lower_ in self.age_units:
                unit_token = after
            elif after.lower_ in self.links and after.i + 1 < len(doc) and doc[after.i + 1].lower_ in self.age_units:
                unit_token = doc[after.i + 1]  # "une trentaine d'années"
        if unit_token is None:
            return False
        doc = unit_token.doc
        # the link word before the figure: "de 38 ans", "d'une trentaine d'années"
        start = tokens[0].i
        link = doc[start - 1] if start > 0 else None
        if (link is not None and (link.pos_ == "CCONJ" or link.text == ",") and link.i > 0
                and doc[link.i - 1].like_num):
            link = self._past_coordinated(link, -1)  # "âgés de 23 et 31 ans": the link before the first age
        if link is None or link.lower_ not in self.links:
            return False
        holder = doc[link.i - 1] if link.i > 0 else None
        if holder is not None and holder.pos_ == "ADV" and holder.i > 0 and (
                doc[holder.i - 1].pos_ == "DET" or "Def" in doc[holder.i - 1].morph.get("Definite")):
            return True  # "les moins de 17 ans", "les plus de 65 ans": an age class
        if holder is not None and holder.pos_ == "ADV" and holder.i > 1:
            verb_or_link = doc[holder.i - 1]
            if verb_or_link.lemma_ in self.possession_verbs:
                return True  # "12 ont moins de 16 ans": the age of the verb's subject
            noun = doc[holder.i - 2]
            if (verb_or_link.lower_ in self.links and noun.pos_ in ("NOUN", "PROPN")
                    and noun.lemma_ not in self.duration_holders):
                holder = noun  # "les ouvriers de plus de 58 ans": a threshold naming the noun's class
        if holder is None or holder.pos_ not in ("NOUN", "PROPN", "ADJ") or holder.lemma_ in self.duration_holders:
            return False
        nxt = doc[unit_token.i + 1] if unit_token.i + 1 < len(doc) else None
        # "trois ans de tractations", "six mois de travaux": a duration of something
        return not (nxt is not None and nxt.lower_ in self.links)

    @staticmethod
    def _other_figure(quantity: dict, token: Token) -> bool:
        """Whether the sentence of ``token`` holds a figure other than ``quantity``."""
        sent = token.sent
        return any(q["start"] != quantity["start"] and sent.start_char <= q["start"] < sent.end_char
                   for q in token.doc._.quantities or [])

    @staticmethod
    def _after_percentage(token: Token) -> bool:
        """Whether a percentage figure ends right before ``token`` ("de 19 % sur")."""
        if token.i == 0:
            return False
        end = token.doc[token.i - 1].idx + len(token.doc[token.i - 1].text)
        return any(q["end"] == end and q["unit"] == "%" for q in token.doc._.quantities or [])

    def _days_before_month(self, after: Token | None) -> bool:
        """Whether a list of day numbers, then a month, follows: ", 4 et 5 octobre"."""
        if after is None or not (after.pos_ == "CCONJ" or after.text == ","):
            return False
        doc, i, days = after.doc, after.i, 0
        while i < min(len(doc), after.i + 8) and (doc[i].pos_ == "CCONJ" or doc[i].text == "," or doc[i].is_digit):
            days += doc[i].is_digit
            i += 1
        return days > 0 and i < len(doc) and doc[i - 1].is_digit and doc[i].lower_ in self.months

    def window_days(self, quantity: dict, tokens: list[Token]) -> int | None:
        """ "ces dernières 24 heures", "les 48 dernières heures", "ces trois derniers jours": the days the
        window spans back from the publication date (an hour window counts whole days), else None."""
        if not (quantity["unit"] is None or quantity["unit"].lower() in self.time_units) or not (
                0 < quantity["value"] <= MAX_WINDOW):
            return None
        first, last = tokens[0], tokens[-1]
        doc = first.doc
        before = doc[first.i - 1] if first.i > 0 else None
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        unit = next((t for t in tokens if t.lower_ in self.time_units), None)
        if unit is not None and before is not None and before.lower_ in self.last_words:
            pass  # "ces dernières 24 heures"
        elif (unit is None and after is not None and after.lower_ in self.last_words and after.i + 1 < len(doc)
              and not self._singular_after(quantity, doc[after.i + 1])):
            unit = doc[after.i + 1]  # "les 48 dernières heures"
        elif unit is None and after is not None and after.lower_ in self.time_units and before is not None and (
                before.lower_ in self.last_words):
            unit = after
        else:
            return None
        if unit.lower_ in self.hour_words:
            return max(1, -(-int(quantity["value"]) // 24))
        return int(quantity["value"] * self.days_in.get(unit.lower_, 0)) or None

    def _time_reference(self, quantity: dict, before: Token | None, after: Token | None) -> bool:
        """ "cinq ans plus tôt", "ces dernières 24 heures", "les 48 dernières heures": a time counted from
        another, not a duration the article reports."""
        doc = (before or after).doc if (before or after) is not None else None
        if doc is None:
            return False
        if quantity["unit"] is None:
            return (after is not None and after.lower_ in self.last_words and after.i + 1 < len(doc)
                    and doc[after.i + 1].lower_ in self.time_units
                    and not self._singular_after(quantity, doc[after.i + 1]))
        if quantity["unit"].lower() not in self.time_units:
            return False
        if before is not None and before.lower_ in self.last_words:
            return True
        if before is not None and before.lower_ in self.window_prepositions and self._other_figure(quantity, before):
            return True  # "en 72 heures, les pompiers sont intervenus sur 410 feux": a window for another figure
        if before is not None and before.lower_ in self.change_span_prepositions and self._after_percentage(before):
            return True  # "en hausse de 19 % sur deux ans": the span the change was measured over
        if after is not None and after.lower_ in self.time_units and after.i + 1 < len(doc):
            after = doc[after.i + 1]  # the unit word after the number
        # "cinq ans plus tôt." where the clause ends ("for 19 days before its team noticed" is a duration)
        return after is not None and any(
            doc[after.i : after.i + n].text.lower() in self.relative_words
            and (after.i + n == len(doc) or doc[after.i + n].is_punct or doc[after.i + n].is_sent_start)
            for n in (1, 2) if after.i + n <= len(doc))

    @staticmethod
    def _singular_after(quantity: dict, unit: Token) -> bool:
        """Whether ``unit`` is singular after a figure above one: "up from 41 last year" is a figure, then a
        date; a window counts its unit in the plural ("les 48 dernières heures")."""
        return quantity["value"] > 1 and "Sing" in unit.morph.get("Number")

    def _population(self, tokens: list[Token], after: Token | None) -> bool:
        """"cette ville de 70 000 habitants", "les communes de plus de 10 000 habitants": the size of a
        place, as description or as a class, not a count of the news."""
        counted = after if after is not None and after.lower_ in self.population_nouns else None
        if counted is None:
            return False
        thing, linked = self._linked_thing(tokens)
        return linked and thing.lemma_ in self.settlement_nouns

    def _linked_thing(self, tokens: list[Token]) -> tuple[Token, bool]:
        """The word before a figure's link and qualifier words ("de plus de", "d'une capacité d'environ"), and
        whether a link was among them: what a size given as description hangs on."""
        doc = tokens[0].doc
        i, linked = tokens[0].i - 1, False
        while i > tokens[0].sent.start and (doc[i].pos_ in ("ADV", "ADP") or doc[i].lower_ in self.links):
            linked = linked or doc[i].lower_ in self.links
            i -= 1
        return doc[i], linked

    def _capacity(self, tokens: list[Token], after: Token | None) -> bool:
        """ "un stade de 15 000 places", "un immeuble de quatre étages": the size of the thing the figure hangs on
        by a link, not an event noun's count ("la création de 5 000 places")."""
        if after is None or after.lower_ not in self.capacity_units:
            return False
        thing, linked = self._linked_thing(tokens)
        return (linked and thing.pos_ in ("NOUN", "PROPN", "NUM") and thing.lemma_.lower() not in self.event_nouns
                and thing.lower_ not in self.event_nouns and thing.lower_ not in self.trigger_words)

    def _capacity_cue(self, quantity: dict, first: Token) -> bool:
        """ "a shelter built for 1,500 people", "licensed to carry 120 passengers", "which can hold about 250
        people": words right before the figure and its qualifier that give the capacity of a thing."""
        if self.capacity_before is None or quantity["unit"] is not None:
            return False  # a sum, a time or a share after the cue is no capacity ("a bridge built for £20 million")
        sent = first.sent
        start = min(quantity.get("start", first.idx), first.idx)
        return bool(self.capacity_before.search(doc_text(first.doc)[max(sent.start_char, start - 40) : start]))

    def _street_follows(self, after: Token) -> bool:
        doc = after.doc
        nxt = doc[after.i + 1] if after.is_punct and after.text == "," and after.i + 1 < len(doc) else after
        # a street noun after the street's name: "2 Marsham Street", "2150 W. Camelback Road"
        named = 0
        while named < 3 and nxt.is_title and nxt.lower_ not in self.street_nouns and nxt.i + 1 < len(doc):
            nxt, named = doc[nxt.i + 1], named + 1
        if nxt.lower_ not in self.street_nouns:
            return False
        if named == 0:
            return True
        # after a name, only a titled street noun that ends the phrase: not "nine Supreme Court justices"
        ends = nxt.i + 1 >= len(doc) or doc[nxt.i + 1].pos_ not in ("NOUN", "PROPN")
        return nxt.is_title and ends

    def _locating(self, quantity: dict, tokens: list[Token], before: Token | None, after: Token | None) -> bool:
        unit = self._distance_unit(tokens, after)
        if unit is None or before is None:
            return False
        doc = unit.doc
        # "à 140 km", "à environ 500 km": the preposition stands before the figure and its qualifier
        prep = before
        while prep.i > prep.sent.start and prep.pos_ == "ADV":
            prep = doc[prep.i - 1]
        if (quantity["unit"] is None or quantity["unit"].lower() in self.distance_units) and self._located_by_direction(
                tokens, unit):
            return True
        if prep.lower_ in self.locating_prepositions:
            nxt = doc[unit.i + 1] if unit.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "ADJ" and nxt.i + 1 < len(doc):
                nxt = doc[nxt.i + 1]  # "à 30 milles nautiques des côtes"
            if nxt is not None and nxt.pos_ == "ADV" and nxt.i + 1 < len(doc) and nxt.i + 1 < nxt.sent.end:
                nxt = doc[nxt.i + 1]  # "à une cinquantaine de kilomètres plus au nord"
            return nxt is not None and (nxt.lower_ in self.links or nxt.lower_ in self.directions)
        # "longue de 3 900 mètres", "dans un rayon de deux kilomètres": the size of a thing or of a zone
        # describes it; a figure's own measure ("le fleuve est monté à 6,2 mètres") has none of these words
        return (before.lower_ in self.links and before.i > before.sent.start
                and doc[before.i - 1].lower_ in self.dimension_words)

    def _located_by_direction(self, tokens: list[Token], unit: Token) -> bool:
        """ "about 300 metres from the jetty", "30 km north of the city", "600 metres below ground": a distance
        followed by a locating direction, unless a verb of motion takes it as its measure ("travelled 300 miles
        from")."""
        doc = unit.doc
        if not self.locating_directions or unit.i + 1 >= unit.sent.end:
            return False
        if doc[unit.i + 1].lower_ not in self.locating_directions:
            return False
        i = tokens[0].i - 1
        while i >= tokens[0].sent.start and doc[i].pos_ == "ADV":
            i -= 1
        if i >= tokens[0].sent.start and doc[i].pos_ == "ADP":
            # the verb a preposition's phrase hangs on: "the zone was widened to 20 km from the plant"
            gov = doc[i].head.head if doc[i].head.i > i else doc[i].head
            i = gov.i if gov.i < i else i
        return i < tokens[0].sent.start or doc[i].pos_ not in ("VERB", "AUX") or (
            doc[i].lemma_.lower() not in self.distance_verbs)

    def _distance_unit(self, tokens: list[Token], after: Token | None) -> Token | None:
        """The distance unit of the figure: among its tokens, right after it, or after a link when the figure
        is an approximate noun ("à une quinzaine de milles")."""
        unit = next((t for t in tokens if t.lower_ in self.distance_units), None)
        if unit is None and after is not None and after.lower_ in self.distance_units:
            unit = after
        if (unit is None and after is not None and after.pos_ == "ADJ" and after.i + 1 < after.sent.end
                and after.doc[after.i + 1].lower_ in self.distance_units):
            unit = after.doc[after.i + 1]  # "40 nautical miles"
        if unit is None and after is not None and after.lower_ in self.links and after.i + 1 < len(after.doc):
            nxt = after.doc[after.i + 1]
            unit = nxt if nxt.lower_ in self.distance_units else None
        return unit
