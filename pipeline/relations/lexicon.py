"""The words relation extraction reads, compiled once from the language pack."""

from __future__ import annotations

import re

from ..attributes import AttributeFilter
from ..attribution import PlaceFinder, SourceFinder
from ..confidence import CONFIDENCE_FILE, ConfidenceModel
from ..countries import Countries
from ..currency_names import currency_adjectives
from ..languages import DEFAULT_LANG, language_data, models_dir
from ..numbers import grammar
from ..numbers.words import _alternation
from ..verb_classes import VerbClasses
from .event_corrector import EVENT_TYPES_FILE, EventTypeModel
from .who_ranker import WHO_RANKER_FILE, WhoRanker


def _words_rx(words, *, case: bool = False) -> re.Pattern | None:
    """One pattern matching any of ``words`` as whole words (the longest first), None for an empty list;
    case-insensitive unless ``case``."""
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", 0 if case else re.IGNORECASE)


class RelationLexicon:
    """Sets, tables and patterns built from ``models/<lang>/relations.json`` and ``numbers.json``;
    the stages of the extractor read them as attributes."""

    def __init__(self, lang: str = DEFAULT_LANG):
        self.lang = lang
        data = language_data(lang)
        lex = data.relations
        # where a noun phrase's head stands: "last" after its modifiers ("500 National Guard troops")
        self.head_last = data.series["head_position"] == "last"
        self.trigger_of: dict[str, str] = {}
        for event_type, words in lex["event_triggers"].items():
            for w in words:
                self.trigger_of.setdefault(w.lower(), event_type)
        # a trigger of several words spans more tokens where an elided article is one ("demandeurs d'asile")
        self.max_trigger_tokens = max(len(w.split()) + w.count("'") + w.count("’") for w in self.trigger_of)
        # the endings that take an inflected form back to the trigger's own ("sinistrées" -> "sinistré",
        # "périr" -> "péri"), longest first: a trigger's forms the parser's lemmatizer misses
        self.inflection_endings = sorted((tuple(e) for e in lex["inflection_endings"]), key=lambda e: -len(e[0]))
        self.trigger_of_stem: dict[str, str] = {}
        for w, event_type in self.trigger_of.items():
            if " " not in w:
                self.trigger_of_stem.setdefault(self._stem(w), event_type)
        self.priority: list[str] = lex["trigger_priority"]
        self.combined: list[list[str]] = lex["combined_types"]
        # the types that stand for several together ("casualties"): another trigger may say which
        self.unspecific_types = {parts[-1] for parts in self.combined}
        self.containers = set(lex["container_nouns"])
        self.toll_nouns = {w.lower() for w in lex["toll_nouns"]}
        self.subset_verbs = set(lex["subset_verbs"])
        self.part_participles = {w.lower() for w in lex["part_participles"]}
        self.part_qualifiers = {w.lower() for w in lex["part_qualifiers"]}
        self.participle_endings = tuple(data.dates["past_tense"]["participle_endings"])
        self.event_nouns = set(lex["event_nouns"])
        self.sum_nouns = {w.lower() for w in lex["sum_nouns"]}
        self.range_participles = {w.lower() for w in lex["range_participles"]}
        self.reporting = set(lex["reporting_verbs"])
        self.own_time_conjunctions = [w.lower() for w in lex["own_time_conjunctions"]]
        self.accompanying_conjunctions = {w.lower() for w in lex["accompanying_conjunctions"]}
        self.sequence_adverbs = {w.lower() for w in lex["sequence_adverbs"]}
        self.start_markers = {w.lower() for w in lex["start_markers"]}
        self.since_words = {w.lower() for w in lex["since_markers"]}
        self.change_base_links = {w.lower() for w in lex["change_base_links"]}
        spans = "|".join(re.escape(w) for w in lex["change_span_prepositions"])
        units = "|".join(re.escape(u) for u in data.dates["relative_units"])
        # "jump 38% in a week": right after a percentage, a count of units is the span the change was measured over
        self.change_span_rx = re.compile(rf"^(?:{spans})\s+(?:[^\W\d]+\s+|\d+\s+)?(?:{units})$", re.IGNORECASE
                                         ) if spans else None
        self.holder_nouns = {w.lower() for w in lex["holder_nouns"]}
        self.holder_preps = {w.lower() for w in lex["holder_prepositions"]}
        self.implied_who = lex["implied_who"]
        self.cause_verbs = set(lex["cause_verbs"])
        self.bearer_verbs = set(lex["bearer_verbs"])
        self.verb_object_triggers = lex["verb_object_triggers"]
        self.weak_verb_object_triggers = lex["weak_verb_object_triggers"]
        self.comparison_rx = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(m) for m in lex["comparison_markers"]) + r")\s*$", re.IGNORECASE)
        self.measure_units = {w.lower() for w in lex["measure_units"]}
        self.unit_complements = {w.lower() for w in lex["unit_complements"]}
        since = "|".join(re.escape(m) for m in lex["since_markers"])
        # "depuis janvier", "depuis le début de l'été": the marker, maybe a few words, then the date
        self.since_rx = re.compile(rf"(?<!\w)(?:{since})\s+(?:[^\W\d]+['’]?\s*){{0,4}}$", re.IGNORECASE)
        self.since_start_rx = re.compile(rf"(?:{since})(?!\w)", re.IGNORECASE)
        dates = data.dates
        counted = dates["relative_to_previous_counts"]
        # "contre 2,1 milliards un an plus tôt": a comparison figure's time, counted back from the main figure's
        self.earlier_rx = re.compile(
            r"(?<!\w)(?P<count>[^\W\d]+|\d+)\s+(?P<unit>" + "|".join(re.escape(u) for u in dates["relative_units"])
            + r")\s+(?:" + "|".join(re.escape(w) for w in counted["earlier"]) + r")(?!\w)", re.IGNORECASE)
        self.relative_units = {u.lower(): code for u, code in dates["relative_units"].items()}
        # "a year earlier", "the year before": one unit back
        self.one_unit_words = {w.lower() for w in dates["count_articles"] + dates["previous_unit_determiners"]}
        # "dans la nuit", "dans la matinée": a part of a day the sentence names no day of
        self.bare_day_parts = {w.lower() for words in dates["bare_day_parts"].values() for w in words}
        previous = dates["previous_unit_phrases"]
        # "contre 121 l'année précédente": one unit back, with no count
        self.previous_unit_rx = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in previous["determiners"]) + r")\s*(?P<unit>"
            + "|".join(re.escape(u) for u in dates["relative_units"]) + r")\s+(?:"
            + "|".join(re.escape(w) for w in previous["after"]) + r")(?!\w)", re.IGNORECASE
        ) if previous["after"] else None
        links = "|".join(re.escape(w) for w in lex["change_base_links"])
        # a figure, a link, then a date: "up 18% from June 2023", "fell by about 3% on 2023"
        self.change_base_rx = re.compile(rf"[\d%]\s+(?:{links})\s*$", re.IGNORECASE) if links else None
        # "in the same period last year": the main figure's time, moved back by a past period
        self.past_periods = {k.lower(): (unit, -offset) for k, (unit, offset) in dates["relative_periods"].items()
                             if offset < 0 and unit in ("day", "week", "month", "year")}
        # ("the same period of last year", "la même période de l'an dernier": the year link may stand between)
        year_links = "|".join(re.escape(w) for w in dates["year_links"])
        year_link = rf"(?:(?:{year_links})\s+)?" if year_links else ""
        self.same_period_rx = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(m) for m in lex["same_period_markers"]) + r")\s+" + year_link
            + r"(?P<period>"
            + "|".join(re.escape(p) for p in sorted(self.past_periods, key=len, reverse=True)) + r")(?!\w)",
            re.IGNORECASE) if lex["same_period_markers"] and self.past_periods else None
        # "contre 150 l'an dernier à la même période": the period first, then a preposition and the marker
        self.period_same_rx = re.compile(
            r"(?<!\w)(?P<period>" + "|".join(re.escape(p) for p in sorted(self.past_periods, key=len, reverse=True))
            + r")\s+(?:[^\W\d]+\s+)?(?:" + "|".join(re.escape(m) for m in lex["same_period_markers"]) + r")(?!\w)",
            re.IGNORECASE) if lex["same_period_markers"] and self.past_periods else None
        # "up from 74 in the same period of 2024": the main figure's time, moved to that year
        self.same_period_year_rx = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(m) for m in lex["same_period_markers"]) + rf")\s+(?:{year_links})\s+"
            r"(?P<year>\d{4})(?!\w)", re.IGNORECASE) if lex["same_period_markers"] and year_links else None
        # a figure right after these ("contre 55 % en 2017", "up from £6.2bn") is a figure of comparison
        # with a clause of its own (series.json: the words that make an earlier figure join a series)
        self.comparison_figure_rx = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(m) for m in data.series["comparison_markers"]) + r")\s*$",
            re.IGNORECASE)
        # "compared with a profit of €64m", "against a national figure of 4.1%": the same, a noun phrase of the point
        # of comparison's own between the marker and the figure (an opener, a few words, a counted-noun link)
        openers = "|".join(re.escape(m) for m in lex["comparison_phrase_openers"])
        self.comparison_phrase_rx = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(m) for m in data.series["comparison_markers"]) + rf")\s+(?:{openers})\s+"
            r"(?:[^\W\d][\w-]*\s+){1,3}(?:" + "|".join(re.escape(m) for m in lex["counted_noun_links"]) + r")\s*$",
            re.IGNORECASE) if openers else None
        records = "|".join(re.escape(m) for m in lex["record_markers"])
        # (not across a figure: "hit a record £3.7bn in the second quarter" dates the figure)
        self.record_rx = re.compile(rf"(?<!\w)(?:{records})(?!\w)[^,;\d]{{0,25}}$", re.IGNORECASE)
        # ", soit une mortalité en baisse de 12 %": a clause restating the figure before it, up to this figure
        restating = "|".join(re.escape(m) for m in lex["restating_markers"])
        self.restating_rx = re.compile(rf",\s*(?:{restating})\s+(?:[^\W\d]+['’]?\s*){{0,6}}$", re.IGNORECASE
                                       ) if restating else None
        self.strong_types = set(lex["strong_types"])
        self.reflexive_non_triggers = set(lex["reflexive_non_triggers"])
        self.reflexive_trigger_of = {w: t for t, words in lex["reflexive_triggers"].items() for w in words}
        self.fallback_type_of = {w: t for t, words in lex["fallback_noun_types"].items() for w in words}
        self.weak_trigger_of = {w.lower(): t for t, words in lex["weak_triggers"].items() for w in words}
        self.passive_trigger_of = {w.lower(): t for t, words in lex["passive_triggers"].items() for w in words}
        self.verdict_verbs = {w.lower() for w in lex["verdict_verbs"]}
        self.waiting_words = {w.lower() for w in lex["waiting_words"]}
        self.stand_in_nouns = {w.lower() for w in lex["stand_in_nouns"]}
        self.seizure_verbs = {w.lower() for w in lex["seizure_verbs"]}
        self.seized_goods_links = {w.lower() for w in lex["seized_goods_links"]}
        self.vessel_nouns = {w.lower() for w in lex["vessel_nouns"]}
        # convention (c): people aboard a craft, displaced in an article about migrants on a crossing
        self.carried_words = {w.lower() for w in lex["carried_words"]}
        self.crossing_rx = _words_rx(lex["crossing_words"])
        self.carried_people = {w.lower() for w in lex["carried_people"]}
        self.passenger_craft = {w.lower() for w in lex["passenger_craft"]}
        self.average_rx = _words_rx(lex["average_words"])
        # convention (e): patients an emergency department received are visits
        self.emergency_rx = _words_rx(lex["emergency_words"], case=True)
        self.visit_verbs = {w.lower() for w in lex["visit_verbs"]}
        # convention (d): victims of an offence are affected when counted as harmed by it, other for another act
        self.offence_rx = _words_rx(lex["offence_words"])
        self.offence_verbs = {w.lower() for w in lex["offence_verbs"]}
        self.victim_nouns = {w.lower() for w in lex["victim_nouns"]}
        self.theft_verbs = {w.lower() for w in lex["theft_verbs"]}
        self.money_instrument_nouns = {w.lower() for w in lex["money_instrument_nouns"]}
        self.loss_verbs = {w.lower() for w in lex["loss_verbs"]}
        # fifteenth-session conventions (m)-(s)
        self.unit_measured = dict(lex["unit_measured"])
        self.measure_stand_ins = {w.lower() for w in lex["measure_stand_ins"]}
        self.mourning_nouns = {w.lower() for w in lex["mourning_nouns"]}
        self.injury_nouns = {w.lower() for w in lex["injury_nouns"]}
        self.request_verbs = {w.lower() for w in lex["request_verbs"]}
        self.penalty_nouns = {w.lower() for w in lex["penalty_nouns"]}
        self.bonus_nouns = {w.lower() for w in lex["bonus_nouns"]}
        self.pay_change_nouns = {w.lower() for w in lex["pay_change_nouns"]}
        self.pay_words = {w.lower() for w in lex["pay_words"]}
        self.bonus_holder_rx = _words_rx(lex["bonus_holder_markers"])
        self.claim_verbs = {w.lower() for w in lex["claim_verbs"]}
        self.cash_marker = lex["cash_marker"].lower()
        self.cash_nouns = {w.lower() for w in lex["cash_nouns"]}
        self.seizure_verbs = {w.lower() for w in lex["seizure_verbs"]}
        self.aboard_rx = _words_rx(lex["carried_words"])
        self.negations = {w.lower() for w in lex["negations"]}
        self.own_time_part_links = {w.lower() for w in lex["own_time_part_links"]}
        self.relative_part_pronouns = {w.lower() for w in lex["relative_part_pronouns"]}
        self.age_verbs = {w.lower() for w in lex["age_verbs"]}
        self.state_nouns = {w.lower() for w in lex["state_nouns"]}
        self.subset_rx = re.compile(
            r"(?:" + "|".join(re.escape(m) for m in lex["subset_markers"]) + r")\s*$", re.IGNORECASE
        )
        after = lex["subset_markers_after"]
        self.subset_after_rx = re.compile(
            r"\s*(?:" + "|".join(re.escape(m) for m in after) + r")\b", re.IGNORECASE) if after else None
        self.ellipsis_rx = re.compile(
            r"(?:(?<!\w)(?:" + "|".join(re.escape(m) for m in lex["ellipsis_markers"]) + r")|,)\s+$", re.IGNORECASE
        )
        num = data.numbers
        # the number words for one ("one"): a lone one may pick out a single thing (``single_entity_one``)
        self.one_words = {w.lower() for w, v in num["number_words"].items() if v == 1} - {
            w.lower() for w in num["article_words"]}
        # (not a word that is money only after a scale: "Thieves stole two crowns" counts crowns)
        self.currency_words = ({f.lower() for forms in num["currencies"].values() for f in forms} | {
            w.lower() for w in num["shared_currency_words"]}) - {
            f.lower() for forms in num["scaled_only_currencies"].values() for f in forms}
        # relations/currency.py: a word several currencies share -> their codes, the default first; the
        # currency form an amount's text starts ("Rs 500") or ends with (the longest); a currency's country
        # adjective -> it
        self.shared_currencies = {w.lower(): tuple(codes) for w, codes in num["shared_currency_words"].items()}
        forms = grammar(lang)
        currency_alt = _alternation(list(forms.currency_of) + list(forms.scaled_currency_of))
        self.currency_form_rx = re.compile(rf"^(?:{currency_alt})(?!\w)|(?<!\w)(?:{currency_alt})$", re.IGNORECASE)
        self.currency_of_adjective = _currency_of_adjective(self.shared_currencies, lang)
        self.scale_words = {w.lower() for w in num["scales"]} | set(num["approximate_nouns"]) | {
            n + "s" for n in num["approximate_nouns"]
        }
        # the scales an amount is written in ("37 millions"), not the approximate nouns ("une trentaine")
        self.money_scales = {w.lower() for w, value in num["scales"].items() if value >= 1_000_000}
        self.fraction_words = set(num["fractions"]) | set(lex["fraction_plurals"])
        self.counted_noun_links = set(lex["counted_noun_links"])
        self.other_words = {w.lower() for w in lex["other_words"]}
        self.among_words = set(lex["among_words"])
        self.anaphoric_pronouns = {w.lower() for w in lex["anaphoric_pronouns"]}
        self.demonstrative_agreement = {w.lower(): tuple(codes) for w, codes in lex["demonstrative_agreement"].items()}
        self.referring_clitics = {w.lower() for w in lex["referring_clitics"]}
        self.antecedent_sentences = lex["antecedent_sentences"]
        self.title_counts_are_headings = lex["title_counts_are_headings"]
        self.single_entity_one = lex["single_entity_one"]
        self.one_restrictors = {w.lower() for w in lex["one_restrictors"]}
        self.subject_held_changes = {w.lower() for w in lex["subject_held_changes"]}
        self.change_getting_verbs = {w.lower() for w in lex["change_getting_verbs"]}
        self.close_apposition_names = lex["close_apposition_names"]
        self.value_words = {w.lower() for w in lex["value_words"]}
        self.impersonal_verbs = set(lex["impersonal_verbs"])
        self.sanction_verbs: dict[str, str] = lex["sanction_verbs"]
        self.penalized_preps = set(lex["penalized_prepositions"])
        self.valuation_preps = set(lex["valuation_prepositions"])
        self.beneficiary_preps = set(lex["beneficiary_prepositions"])
        self.recipient_preps = set(lex["recipient_prepositions"])
        whats = "|".join(re.escape(m) for m in sorted(lex["comparison_whats"], key=len, reverse=True))
        self.comparison_what_rx = re.compile(rf"(?<!\w)(?P<what>{whats})\s*$", re.IGNORECASE) if whats else None
        # "soit 5 % de plus que", "£11.3bn more than": a comparative after a figure and the few words of its noun
        comparatives = lex["comparative_whats"]
        self.comparative_what_of = {m.lower(): w for m, w in comparatives.items()}
        self.comparative_rx = re.compile(
            r"[^\S\n]*(?:[^\W\d]+['’]?[^\S\n]*){0,3}?(?P<marker>"
            + "|".join(re.escape(m) for m in sorted(comparatives, key=len, reverse=True)) + r")(?!\w)",
            re.IGNORECASE) if comparatives else None
        self.change_nouns = {w.lower() for w in lex["change_nouns"]}
        self.population_nouns = {w.lower() for w in lex["population_nouns"]}
        self.group_links = set(lex["group_links"])
        self.negation_particles = set(lex["negation_particles"])
        self.time_words = {f.lower() for forms in num["time_units"].values() for f in forms}
        self.time_units = set(num["time_units"])
        self.sources = SourceFinder(lex, reporting=self.reporting, scale_words=self.scale_words,
                                    articles={w.lower() for w in num["article_words"]})
        self.countries = Countries(lang, data.places, function_words=data.slot_stopwords)
        self.places = PlaceFinder(
            self.countries, institutions=frozenset(w.lower() for w in data.places["institution_words"]),
            qualifiers=frozenset(w.lower() for w in data.places["institution_qualifiers"]),
            studies=frozenset(w.lower() for w in data.places["study_institutions"]),
            study_words=frozenset(w.lower() for w in data.places["study_words"]),
            facilities=frozenset(w.lower() for w in data.places["facility_words"]),
            # a head-first language writes an institution's noun before its place only ("CHU de Martinique");
            # a head-last one both ways ("Leicester Crown Court", "University of Leeds")
            noun_last_names=data.series["head_position"] == "last")
        self.attributes = AttributeFilter(data)
        self.generic_nouns = {w.lower() for w in lex["generic_nouns"]}
        threshold = lex["vector_type_threshold"]
        self.verb_classes = (VerbClasses(self.trigger_of, lex["vector_types"], threshold)
                             if threshold is not None else None)
        self.confidence = ConfidenceModel.read(models_dir() / lang / CONFIDENCE_FILE)
        self.people_nouns = {w.lower() for w in data.series["people_nouns"]}
        self.measure_nouns = {w.lower() for w in lex["measure_nouns"]}
        self.period_nouns = {w.lower() for w in lex["period_nouns"]}
        self.support_verbs = set(lex["support_verbs"])
        self.statistic_nouns = {w.lower() for w in lex["statistic_nouns"]}
        self.person_nouns = {w.lower() for w in lex["person_nouns"]}
        self.anyone_nouns = {w.lower() for w in lex["anyone_nouns"]}
        self.share_verbs = set(lex["share_verbs"])
        self.acted_share_verbs = set(lex["acted_share_verbs"])
        self.variation_links = {w.lower() for w in lex["variation_links"]}
        self.restating_markers = {w.lower() for w in lex["restating_markers"]}
        self.share_nouns = {w.lower() for w in lex["share_nouns"]}
        self.variation_nouns = {w.lower() for w in lex["variation_nouns"]}
        self.changed_links = {w.lower() for w in lex["changed_links"]}
        self.predicate_adverbs = {w.lower() for w in lex["predicate_adverbs"]}
        self.motion_nouns = {w.lower() for w in lex["motion_nouns"]}
        self.counted_infinitive_marks = {w.lower() for w in lex["counted_infinitive_marks"]}
        self.bound_triggers = {w.lower() for w in lex["bound_triggers"]}
        self.bound_trigger_links = {w.lower() for w in lex["bound_trigger_links"]}
        self.occurrence_nouns = {w.lower() for w in lex["occurrence_nouns"]}
        self.document_nouns = {w.lower() for w in lex["document_nouns"]}
        self.animal_nouns = {w.lower() for w in lex["animal_nouns"]}
        self.output_loss_words = {w.lower() for w in lex["output_loss_words"]}
        self.vote_nouns = {w.lower() for w in lex["vote_nouns"]}
        # "onze d'entre eux": the figure is a part of what the pronoun after these words stands for
        partitive = "|".join(re.escape(m) for m in lex["partitive_links"])
        self.partitive_rx = re.compile(rf"(?:{partitive})\s+\w", re.IGNORECASE) if partitive else None
        self.partitive_words = {w.lower() for w in lex["partitive_links"]}
        self.who_ranker = WhoRanker.read(models_dir() / lang / WHO_RANKER_FILE)
        self.event_model = EventTypeModel.read(models_dir() / lang / EVENT_TYPES_FILE)

    def _stem(self, word: str) -> str:
        for ending, base in self.inflection_endings:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                return word[: -len(ending)] + base
        return word

    def inflected_trigger(self, form: str) -> str | None:
        """The event type of a trigger ``form`` inflects, when its ending says so, else None."""
        return self.trigger_of_stem.get(self._stem(form)) if self.inflection_endings else None


def _currency_of_adjective(shared: dict[str, tuple[str, ...]], lang: str) -> dict[str, str]:
    """The stem of a country adjective CLDR's names of the shared words' currencies add -> that currency,
    when only one of them adds it."""
    words = {part for w in shared for part in w.split()}
    currency_of: dict[str, str] = {}
    taken_by_several = set()
    for code in dict.fromkeys(c for codes in shared.values() for c in codes):
        for stem in currency_adjectives(code, lang, words):
            if currency_of.setdefault(stem, code) != code:
                taken_by_several.add(stem)
    return {stem: code for stem, code in currency_of.items() if stem not in taken_by_several}
