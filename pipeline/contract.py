"""The language contract: the keys each data file of ``models/<lang>/`` must hold, and their JSON types.

One ``TypedDict`` per file, one line per key: adding a key to a lexicon means adding
one line here (and the key to every language folder). :func:`validate` checks a file
read from disk against its declaration when a language loads: a missing key, an
unknown key or a value of the wrong type is a :class:`~pipeline.errors.FaitsError`
naming the file and the key. Keys starting with ``_`` are comments and are allowed
anywhere.

Types are read as JSON: ``str``, ``int`` (not a boolean), ``float`` (an int too),
``list[T]``, ``dict[K, T]`` (an object with free keys), ``tuple[A, B]`` (a list of
exactly that many items), ``A | B``, and a nested ``TypedDict`` (an object with
exactly its keys). A string is a :data:`Word` of the language (what generic code
must never write: ``tests/test_language_leaks.py`` looks for them), a :data:`Code`
(a concept the same in every language: "more_than", "EUR", "day", "killed"), a
:data:`Regex` or an :data:`Affix` (an ending: "ième"); :func:`words_of` lists a file's words.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, TypedDict, Union, get_args, get_origin, get_type_hints, is_typeddict

from .errors import Errors, FaitsError

Word = Annotated[str, "word"]  # a word or phrase of the language
Code = Annotated[str, "code"]  # a concept code, the same in every language
Regex = Annotated[str, "regex"]  # a regular expression
Affix = Annotated[str, "affix"]  # a word ending or beginning ("ième"), not a word
Words = list[Word]
Pair = tuple[Word, Word]


# -- language.json --------------------------------------------------------------------------------


class LanguageFile(TypedDict):
    code: Code  # ISO 639-1
    spacy_model: Code  # the spaCy pipeline the language runs on
    numbers: str  # the file names of the lexicons below, relative to the folder
    dates: str
    relations: str
    places: str
    ingest: str
    series: str
    slot_stopwords: Words  # SPEC sections 6 and 8: dropped before comparing text slots


# -- numbers.json ---------------------------------------------------------------------------------


class NumbersLexicon(TypedDict):
    decimal_separator: str  # a character: neither a word nor a code
    group_separators: list[str]
    other_decimal_separator: str  # a group separator that separates decimals before one or two digits, or ""
    qualifiers: dict[Code, Words]  # qualifier code -> phrases before the number
    range_patterns: list[Pair]  # [opener, connector]; "" opener: none needed
    scales: dict[Word, int]
    approximate_nouns: dict[Word, int]
    approximate_singular_determiners: Words
    vague_plural_determiners: Words
    fractions: dict[Word, int]  # noun -> denominator
    fraction_multipliers: dict[Word, int]
    bare_fractions: Words  # phrases starting with a fraction used with no multiplier: "half the protesters"
    percent_words: Words
    currencies: dict[Code, Words]  # ISO 4217 code -> forms
    # a word several countries' currencies are called ("pesos") -> their ISO 4217 codes, the default first
    shared_currency_words: dict[Word, list[Code]]
    time_units: dict[Word, Words]  # unit as written in the table -> forms
    number_words: dict[Word, int]
    article_words: Words
    expression_only_numbers: dict[Word, int]  # a count only in an expression, as a lone article ("single")
    article_counts_after: Words
    article_only_before: Words  # "dont une partie avec sursis": a lone article before these counts nothing
    pronoun_determiners: Words  # a lone one after these is a pronoun, no count ("the one you mentioned")
    pronoun_followers: Words  # a lone one before these is a pronoun, no count ("one of the largest")
    enumeration_joiners: Words
    not_quantity_before: Words
    age_nouns: Words
    age_cues: Words
    age_noun_links: Words
    bare_age_cues: Words  # attributes.py: "men aged 18 to 25": an age with no unit after these
    age_bounds: Words  # attributes.py: "children under 10": an age bound with no unit after a person noun
    postposed_qualifiers: dict[Code, Words]
    word_scales: Words
    digit_scales: dict[Word, int]
    plural_only: Words
    number_conjunctions: Words
    units_after_conjunction: Words
    decimal_words: Words
    ratio_words: Words
    ratio_ones: Words  # joining.py: "un éleveur sur deux": the word for one before the counted noun of a ratio
    ratio_followers: Words  # joining.py: words that may follow such a ratio ("un sur deux en grève")
    negative_words: Words
    negative_blockers: Words
    ordinal_suffixes: list[Affix]
    ordinal_stems: dict[Word, Word]
    compound_ordinals: dict[Word, Word]  # ordinal -> cardinal, a denominator only in a compound ("twenty-first")
    currency_symbols_before: Words
    scaled_only_currencies: dict[Code, Words]
    minor_currencies: dict[Word, tuple[Code, int]]  # form -> [ISO code, minor units per major unit]
    glued_units: Words  # measure units written right after the figures ("94mph", "20cm"): the figures are read
    age_units: Words
    clock_cues: dict[Word, Words]  # clock unit -> words before a time of day
    clock_suffixes: Words
    cued_clock_not_before: list[Regex]  # "après 10 heures de négociations": after the unit, no clock time
    identifier_patterns: list[Regex]
    vague_plural_scales: Words
    bare_vague_plurals: dict[Word, int]  # a vague count with no determiner before of_words ("dozens of")
    of_words: Words
    qualifier_fillers: Words
    date_determiners: Words
    postposed_qualifier_followers: Words
    amount_joiners: Words
    phone_patterns: list[Regex]
    # finder.py: nouns of an event or a sanction a hyphenated duration before them measures ("48-hour walkout",
    # "two-year suspended sentence"): the duration is read as a quantity before these only
    duration_event_nouns: Words


# -- dates.json -----------------------------------------------------------------------------------


class SeasonSpan(TypedDict):
    start: tuple[int, int]  # [month, day]
    end: tuple[int, int]


class Range(TypedDict):
    open: Words  # before the first end: "du 3 au 5 mai"
    to: Words  # between the two ends


class CountedDays(TypedDict):
    later: Words
    earlier: Words


class FutureTense(TypedDict):
    endings: list[Affix]
    past_conditional: Words
    not_verbs: Words
    near_future_aux: Words
    infinitive_endings: list[Affix]
    cues: Words
    modal_conditionals: Words


class PastTense(TypedDict):
    auxiliaries: Words
    participle_endings: list[Affix]
    imperfect_endings: list[Affix]
    not_imperfect_after: list[Affix]
    simple_past_forms: Words  # past forms no ending tells ("said", "told")


class DatesLexicon(TypedDict):
    months: dict[Word, int]
    weekdays: dict[Word, int]  # Monday = 0
    seasons: dict[Word, SeasonSpan]
    bare_seasons: Words
    part_of_period: dict[Word, Code]  # word -> early, mid, late, whole
    relative_days: dict[Word, int]
    relative_periods: dict[Word, tuple[Code, int]]  # phrase -> [unit, offset]
    relative_past: Words
    relative_future: Words
    relative_future_after: Words  # after a count: "two weeks hence", "three days from today"
    window_future: Words  # among relative_future, the words of a window from the reference: "within two years"
    count_articles: Words  # an article counting one in a relative date: "a week ago"
    previous_unit_determiners: Words  # before a unit, one of it back from another figure's time: "the year before"
    previous_unit_phrases: dict[Code, Words]  # determiners, words after the unit: "l'année précédente" one back
    not_relative_future_before: Words
    relative_units: dict[Word, Code]
    last_words: Words
    next_words: Words
    this_words: Words
    year_words: Words
    month_words: Words  # a month named by a noun after a part link: "the end of the month"
    first_day_words: Words
    day_ordinals: dict[Word, int]  # days of a month written as ordinal words, after the first: "second" -> 2
    day_determiners: Words
    weekday_determiners: Words
    weekday_weeks: dict[Word, int]  # before a weekday: the week it falls in, from the reference's ("next" -> 1)
    weekday_week_links: Words  # between a weekday and a week ("Friday of next week")
    weekday_ordinals: dict[Word, int]  # the N-th weekday of a month ("the first Monday of March"); -1: the last
    month_less_day_determiners: Words  # before a day with no month ("on the 15th", "Friday the 15th")
    numeric_day_determiners: Words
    plural_day_determiners: Words
    range_connectors: list[Pair]  # [opener, connector] joining two date mentions
    day_range: Range
    bare_range_to: Words  # between two days of a month-first range with no opener ("July 13 to 15")
    month_range: Range
    night_day_range: Range
    night_weekday_range: Range
    night_articles: Words
    year_divisions: dict[Word, int]
    anaphoric_periods: dict[Word, int]  # "in the quarter": the last period of that many months named before
    anaphoric_period_not_before: Words  # "in the quarter to September" names its period: no anaphora
    division_ordinals: dict[Word, int]
    division_abbreviations: dict[Word, int]
    division_year_links: Words
    night_nouns: Words
    not_date_after: Words
    season_prefixes: Words
    season_name_links: Words  # after a season, a complement that makes it a name: "le printemps des poètes"
    year_links: Words  # between a season or a feast and its year: "the autumn of 2024", "Thanksgiving of next year"
    month_prefixes: Words
    day_months: dict[Word, int]  # "BORDEAUX, 2 sept (AFP)": a month's short form that is one only after a day
    short_weekdays: Words  # a weekday's short form that alone is a date only after a determiner: not "the Sun Van"
    window_ends: Range  # "the 12 months to May", "the week to Sunday": [determiners], [links to the last period]
    edge_months: dict[Word, int]  # "the first (1) / final (-1) three months of 2023": months at a year's start or end
    financial_year_start_month: int  # "2025-26" runs from this month of 2025 to the month before it in 2026; 0: none
    year_prefixes: Words
    two_digit_year_prefixes: Words
    part_prefixes: Words
    part_month_links: Words
    part_year_links: Words
    two_digit_year_pivot: int
    decade_words: Words
    decade_determiners: Words
    decade_part_links: Words
    century_words: Words
    century_part_links: Words
    ordinal_marks: list[Affix]
    relative_to_previous: dict[Word, int]
    relative_to_previous_counts: CountedDays
    weekend_words: Words
    weekend_determiners: Words
    time_of_day_words: dict[Word, int]
    clock_units: Words
    day_parts: Words
    day_part_prefixes: Words
    # a part of the day with its preposition and no day of its own ("dans la nuit", "dans la matinée") is a date
    # of the publication day: "night" the night before it (the one after it in the future), "day" that day
    bare_day_parts: dict[Code, Words]
    bare_day_part_not_before: Words  # a complement after it names another day: "dans la nuit de samedi"
    reference_nights: Words  # among the bare nights, those of the publication day even after a day named
    present_words: Words
    future_tense: FutureTense
    past_tense: PastTense
    past_prefixes: Words
    future_prefixes: Words
    deadline_prefixes: Words  # future, unless the clause has a compound past ("had applied by Friday")
    holidays: dict[Word, Code]  # phrase -> "MM-DD" or "easter+N"
    holiday_prefixes: Words
    capitalized_only: Words  # date words that are another word in lowercase ("May", "may")


# -- relations.json -------------------------------------------------------------------------------


class RelationsLexicon(TypedDict):
    event_triggers: dict[Code, Words]  # event type -> lemmas and forms
    trigger_priority: list[Code]
    combined_types: list[list[Code]]
    generic_nouns: Words
    container_nouns: Words
    event_nouns: Words
    sum_nouns: Words  # event nouns of a sum given or spent: a verb's object, the verb is the predicate
    range_participles: Words  # "allant" in "des peines allant de 2 à 7 ans": it opens a range, no predicate
    attribution_prepositions: Words
    attribution_nouns: Words
    reporting_verbs: Words
    negations: Words
    subset_markers: Words
    subset_markers_after: Words  # linking.py: "31 of whom were children": a part's marker right after its number
    part_participles: Words  # linking.py: "dont six venus d'ailleurs": a participle after a part's number
    part_qualifiers: Words  # linking.py: "dont deux grièvement", "dont quatre graves": how hurt, not a kind
    reporting_nouns: Words
    holder_nouns: Words
    holder_prepositions: Words  # "followed by Senegalese at 22%": the name before them holds a bare figure
    measure_units: Words
    unit_complements: Words  # record.py: "400 mètres cubes de lactosérum": the word completing a measure unit
    strong_types: list[Code]
    ellipsis_markers: Words
    reflexive_non_triggers: Words
    reflexive_triggers: dict[Code, Words]  # event_type.py: "se sont relayés": a type only with the reflexive pronoun
    fallback_noun_types: dict[Code, Words]
    weak_triggers: dict[Code, Words]  # "arrived", "intercepted": a type only where the counted noun has none
    passive_triggers: dict[Code, Words]  # "were returned": a trigger in the passive (else a weak trigger)
    verdict_verbs: Words  # "of whom eight were charged": what a court did, "other" whatever the part's group
    waiting_words: Words  # "patients waiting for treatment", "on the waiting list": a queue, "other"
    stand_in_nouns: Words  # "The figure was 1,640 in March": the who of the figure the sentence before gave
    comparison_phrase_openers: Words  # "compared with a profit of €64m": a point of comparison with a noun of its own
    seizure_verbs: Words  # "Officers seized £18,500 in cash": the cash seized is who (fifteenth session (s))
    seized_goods_links: Words  # the links between a seized amount and its goods ("in cash", "of cocaine")
    vessel_nouns: Words  # "731 arrivals in 14 boats": a count of what carries people is not displaced
    carried_words: Words  # record.py: "transportait 48 personnes", "160 people on board": people aboard a craft
    crossing_words: Words  # record.py: an article about migrants on a crossing: its people aboard are displaced
    carried_people: Words  # record.py: nouns of people counted aboard ("passagers", "people")
    passenger_craft: Words  # record.py: "le ferry transportait 480 passagers": passengers, not a crossing
    average_words: Words  # record.py: "en moyenne 61 personnes": a per-unit average, a measure
    emergency_words: Words  # record.py: "les urgences ont accueilli 312 patients": visits, other
    visit_verbs: Words  # record.py: lemmas of a department receiving its patients ("accueillir", "see")
    offence_words: Words  # record.py: an article about an offence (fraud, scam): its victims are affected
    offence_verbs: Words  # record.py: lemmas of the offence or its loss ("escroquer", "steal", "lose")
    victim_nouns: Words  # record.py: "victimes", "victims": affected as such, other by another act
    theft_verbs: Words  # record.py: "stole 212 containers": the object is the thing taken, not a victim
    money_instrument_nouns: Words  # record.py: "a pay rise worth £1,800": money itself, not goods valued
    loss_verbs: Words  # record.py: "deux tiers des agriculteurs ont perdu leurs récoltes": a share hit, affected
    # fifteenth-session conventions (corpus/README.md, letters m-s), read by record.py
    unit_measured: dict[Word, Word]  # (m) "43 °C": the unit's measured thing ("température") is who
    measure_stand_ins: Words  # (m) "le thermomètre", "le record": nouns standing for the measured thing
    mourning_nouns: Words  # (n) "trois jours de deuil national": who is the mourning (lemmas)
    injury_nouns: Words  # (o) "soignés pour des brûlures": wounded
    request_verbs: Words  # (p) lemmas: "avait requis une amende": what is the verb phrase
    penalty_nouns: Words  # (p) "amende", "fine": the noun a requested penalty's what is not
    bonus_nouns: Words  # (q) "une prime ... par agent": who is the holder
    pay_change_nouns: Words  # (q) "hausse", "rise": a pay rise only beside one of pay_words
    pay_words: Words  # (q) "salaire", "pay"
    bonus_holder_markers: Words  # (q) "par", "à chaque", "for": what stands before the holder
    claim_verbs: Words  # (q) lemmas: "réclament une prime": a claim keeps its claimant
    cash_marker: Word  # (s) "en" of "180 000 euros en numéraire"
    cash_nouns: Words  # (s) "numéraire", "cash": who is the thing seized
    seizure_verbs: Words  # (s) lemmas: "saisir", "seize"
    implied_who: dict[Word, Word]
    cause_verbs: Words
    bearer_verbs: Words  # context.py: a sum after one of these is borne by its indirect object ("cost the firm £4m")
    comparison_markers: Words
    change_base_links: Words  # "up 18% from June 2023": after a figure, a date that is the base of a change
    own_time_part_links: Words  # "of them 8 were charged": a part with a verb of its own, undated by its total's
    state_nouns: Words  # "restent dans un état grave": a verb's complement naming a state belongs to what
    age_verbs: Words  # "dont 14 avaient moins de 15 ans": with an age as object, a part's verb says who it is
    relative_part_pronouns: Words  # "of whom", "of which": such a part without a date of its own keeps its total's
    same_period_markers: Words  # "up from 24,600 in the same period last year": the main figure's time, moved back
    verb_object_triggers: dict[Word, Code]  # "verb object" lemmas -> event type
    # the same, that say less than the counted noun ("400 blessés pris en charge" stay wounded)
    weak_verb_object_triggers: dict[Word, Code]
    inflection_endings: list[list[Affix]]  # [ending, the trigger's ending]: "sinistrées" -> "sinistré"
    source_nouns: Words
    counted_noun_links: Words  # "une trentaine de blessés"
    other_words: Words  # context.py: "les sept autres" names no group: a bare count
    among_words: Words  # "12 blessés parmi les pompiers"
    anaphoric_pronouns: Words  # "Il s'élève à 842 millions": who is the noun of the sentence before
    demonstrative_agreement: dict[Word, list[Code]]  # anaphora.py: "Celle-ci recule": a demonstrative's Number, Gender
    referring_clitics: Words  # anaphora.py: "On en dénombre 40": the clitic stands for what is counted, said before
    antecedent_sentences: int  # anaphora.py: how many sentences before a count's the group it refers to is looked for
    title_counts_are_headings: bool  # record.py: a title's count of people takes its first body mention's who
    # extractor.py: a lone number word for one ("One kitchen hand worked ...") is a fact only with an event type
    single_entity_one: bool
    one_restrictors: Words  # extractor.py: "Only one hospital has an ICU": a restricted one is a count
    # record.py: a change's noun or comparative a percentage or a count measures, whose holder is the subject of the
    # verb it complements ("Teachers will get a 3.5 percent raise", "22,480 students showed up, 320 fewer")
    subject_held_changes: Words
    change_getting_verbs: Words  # record.py: verbs whose object change is their subject's ("will get a raise")
    close_apposition_names: bool  # record.py: "His brother Lee Harker received six years": who is the name
    value_words: Words  # record.py: "converters ..., worth £1.3m": an amount after these values the noun before
    impersonal_verbs: Words  # "il faudra 3 milliards": a pronoun subject that stands for nothing
    speaker_pronouns: Words  # attribution.py: "..., it said": a reporting verb's pronoun subject stands for a source
    speaker_nouns: Words  # attribution.py: organisations that can speak ("airline"), the pronoun's source
    non_source_nouns: Words  # attribution.py: "selon le dernier bilan" names no author
    sanction_verbs: dict[Word, Code]  # verb of a penalty -> "object" or "subject": where the penalized one stands
    penalized_prepositions: Words  # "a infligé à Apple une amende", "requis trois ans contre le chauffeur"
    valuation_prepositions: Words  # "estime à 1,2 milliard le surcoût": who is the thing valued
    beneficiary_prepositions: Words  # "contre 3 689 pour sa rivale": who is the one the figure is for
    recipient_prepositions: Words  # "une aide versée aux commerçants": who for an amount without a subject
    comparison_whats: Words  # record.py: "up from 18,500": the words before a point of comparison are its what
    comparative_whats: dict[Word, Word]  # what.py: "soit 5 % de plus que": a comparative after a figure -> its what
    change_nouns: Words  # what.py: "soit un gain de 4 points": a restating figure's own change noun keeps its what
    group_links: Words  # "la moitié de ces troupes"
    negation_particles: Words
    attribution_noun_links: Words  # "de source policière"
    fraction_plurals: Words
    since_markers: Words  # "depuis janvier": a period to the publication date
    record_markers: Words  # "son plus bas niveau depuis 2008": the date bounds a record, not the figure
    superlative_words: Words  # attributes.py: "les 50 plus grandes villes" names a group, not a figure
    possession_verbs: Words  # attributes.py: "12 ont moins de 16 ans" is an age; "qui compte 540 adhérents"
    staffing_verbs: Words  # attributes.py: "le département emploie 3 900 agents" describes the body: no fact
    search_verbs: Words  # attributes.py: "les secours, qui recherchent 12 personnes" is news, not what they hold
    restating_markers: Words  # time.py: ", soit une hausse de 9 %" restates the figure before it, at its time
    addressee_prepositions: Words  # attribution.py: "a déclaré un témoin à l'AFP": whom the speaker told
    rate_prepositions: Words  # attributes.py: "3,8 suicides pour 100 000 habitants": the denominator
    part_total_links: Words  # attributes.py: "142 postes sur les 390 que compte le site": the whole a part is of
    window_prepositions: Words  # attributes.py: "en 72 heures" is a time window, not a duration
    change_span_prepositions: Words  # attributes.py: "de 19 % sur deux ans" is the span of a change
    duration_holders: Words  # attributes.py: "une peine de cinq ans" is not an age
    street_nouns: Words  # attributes.py: addresses
    locating_prepositions: Words  # attributes.py: "à 140 km de Sanaa"
    distance_units: Words
    direction_words: Words
    # attributes.py: after a distance, these locate whatever stands before the figure, but a verb ("overturned
    # about 300 metres from the jetty", "30 km north of the city"; not "travelled 300 miles from")
    locating_directions: Words
    distance_verbs: Words  # attributes.py: verbs of motion whose distance is their measure ("travelled 300 miles")
    dimension_words: Words  # before a link and a distance, a size: no fact ("longue de 3 900 mètres")
    population_nouns: Words  # attributes.py: "cette ville de 70 000 habitants"
    capacity_units: Words  # attributes.py: "un stade de 15 000 places", "un immeuble de quatre étages": a size
    capacity_cues: Words  # attributes.py: "a shelter built for 1,500 people", "licensed to carry 120 passengers"
    settlement_nouns: Words
    vector_types: list[Code]  # verb_classes.py: event types a predicate may take from the vectors
    vector_type_threshold: float | None
    toll_nouns: Words  # "the death toll rose to 61": a figure of the toll itself has who "death toll" and no unit
    subset_verbs: Words  # "the dead included 12 children": the part takes the event type of the subject
    share_verbs: Words  # record.py: "les cadres représentent 21 % des postes": the subject holds the share
    acted_share_verbs: Words  # record.py: "a supprimé 40 % des vols": the share counts what the verb acts on
    variation_links: Words  # record.py: "a réduit de 50 % ses vols": a variation of the verb's object
    partitive_links: Words  # record.py: "onze d'entre eux": who is the noun the pronoun stands for
    share_nouns: Words  # record.py: "la proportion de foyers endettés atteint 23 %": the group holds the share
    variation_nouns: Words  # record.py: "soit une mortalité en baisse de 12 %": the change of what it describes
    motion_nouns: Words  # event_type.py: "l'arrivée de 4 800 réfugiés": who arrives says what the arrival is
    counted_infinitive_marks: Words  # event_type.py: "ils sont 240 à être hébergés": the verb says what befell the 240
    changed_links: Words  # record.py: "a fall of 4% in its share price": after the figure, what the change is of
    predicate_adverbs: Words  # event_type.py: an adverb of the predicate that names a harm ("grièvement percutés")
    bound_triggers: Words  # triggers only before one of bound_trigger_links ("privés d'électricité")
    bound_trigger_links: Words
    occurrence_nouns: Words  # counted events, not people ("sept accidents mortels"): their count is other
    document_nouns: Words  # "sept arrêtés de péril": an authority's acts, not people arrested: other
    animal_nouns: Words  # animals killed, wounded or lost are other ("85 vaches ont péri"), not casualties
    vote_nouns: Words  # event_type.py: "arrivée en tête avec 38 % des voix": votes are other, whatever the verb
    output_loss_words: Words  # record.py: "les pertes de récolte à 35 %": losses in percent are of output, not people
    person_nouns: Words  # anaphora.py, record.py: nouns that can name people ("children", "climbers")
    anyone_nouns: Words  # event_type.py: people named by age, sex, kin or home ("families"), not by a role
    statistic_nouns: Words  # record.py: "an average of 32 days" a subject waited is the subject's
    measure_nouns: Words  # who_ranker.py: "le taux de chômage a atteint 7,4 %": a noun naming what a figure measures
    support_verbs: Words  # event_type.py: "déployés, appuyés par 15 hélicoptères": the means back the group
    period_nouns: Words  # record.py, who_ranker.py: "contre 2 100 la saison précédente": a time, never who
    own_time_conjunctions: Words  # time.py: "même si la demande augmente en été" dates its own verb only
    accompanying_conjunctions: Words  # time.py: "to rise 2% in October as debt hits £3.7bn": a clause beside another
    sequence_adverbs: Words  # time.py: "and it then paid out $3.2bn": a clause of a later time than the one before
    start_markers: Words  # time.py: "would rise by 2% from October 1": before a day, its start, no comparison point


# -- places.json ----------------------------------------------------------------------------------


class PlacesLexicon(TypedDict):
    # country names come from CLDR through babel (pipeline/countries.py); here only what CLDR lacks
    country_aliases: dict[Word, Code]  # a name of a country the press uses and CLDR does not -> ISO 3166 code
    country_links: Words  # "en", "au": "Koursk, en Russie" puts the place in the country
    regions: Words  # wide regions, never the most specific place
    # attribution.py: the words of an institution's name around the place it holds ("CHU de Martinique",
    # "Leicester Crown Court", "préfecture du Finistère": the place is the fact's where, without them)
    institution_words: Words
    institution_qualifiers: Words  # words of such a name only beside one of those ("Crown", "départemental")
    study_institutions: Words  # "université": its name locates what it does, not the facts its studies report
    study_words: Words  # "étude", "researchers": the words by which such an institution reports
    facility_words: Words  # (r) "gare", "mine": a named facility, located by another place written beside it


# -- ingest.json ----------------------------------------------------------------------------------


class IngestLexicon(TypedDict):
    debris_lines: Words  # whole lines of web debris dropped before any NLP ("Lire aussi")


# -- series.json ----------------------------------------------------------------------------------


class SeriesLexicon(TypedDict):
    part_markers: Words  # "dont": a part of a total is another series
    comparison_markers: Words  # "contre": the earlier figure joins the series
    head_position: Code  # "first": the head noun comes first in a noun phrase (or "last")
    stopwords: Words  # words that do not tell two groups apart
    generic_names: Words  # names too common to identify a story ("France", "ministère")
    people_nouns: Words  # nouns that name people without telling which group ("civils", "habitants")
    rival_markers: Words  # words between two figures of one sentence that set them against each other
    plural_endings: Words  # letters that end a plural noun ("s", "x"): "mort" and "morts" count one thing
    enumeration_joiners: Words  # "et": names so joined are enumerated ("Caixas et Llauro"), not one within the other
    enumeration_fillers: Words  # the only other words an enumeration may hold between its names ("de")
    live_entry: Regex  # how a live blog's time-stamped entry opens ("18 h 20 –"): successive updates of one article
    same_groups: list[Words]  # nouns that count one group ("rescapés", "survivants"): two outlets' words for it
    other_period_nouns: Words  # "contre 4,8 % l'an dernier": a compared figure of another period ("an") ...
    earlier_words: Words  # ... put before ("dernier") is another series
    other_holder_words: Words  # "contre 3 689 pour le maire sortant": a compared figure of another holder
    own_count_nouns: Words  # after other_holder_words, the count itself: "contre 35 pour le bilan de la veille"
    place_prepositions: Words  # "contre 5,9 % en Bretagne": a compared figure of another place
    wider_scopes: Words  # "contre 7,4 % au niveau national": a compared figure of a wider place
    partitive_pronouns: Words  # "l'association en recense 61": the pronoun stands for the noun counted before
    attribution_markers: Words  # "18 500 selon la police, 45 000 selon les syndicats": rival figures
    earlier_state_phrases: Words  # "Un précédent bilan faisait état de 9 morts": an earlier state of the toll
    respective_markers: Words  # "contre respectivement 31,2 % et 22 %": compared figures paired in order
    update_markers: Words  # "le bilan passe à 14 morts", "the toll rose to 34": a toll's new state in its article
    separate_event_markers: Words  # "Par ailleurs, un accident a fait 12 morts": a toll of another event
    span_phrases: dict[Word, int]  # "30 % sur un an": 365, the length of the period a figure measures
    turn_markers: Words  # "Les autorités évoquent pour leur part 30 blessés": another party's rival figure
    increment_words: Words  # "deux nouveaux corps": a count added to a toll, never the whole toll
    unit_spellings: list[Words]  # "kg", "kilos": one unit of measure; "38 kilos" and "38 tonnes" are two quantities


#: the lexicon files a language folder holds: the key naming the file in language.json -> contract
LEXICONS: dict[str, type] = {
    "numbers": NumbersLexicon,
    "dates": DatesLexicon,
    "relations": RelationsLexicon,
    "places": PlacesLexicon,
    "ingest": IngestLexicon,
    "series": SeriesLexicon,
}


# -- who_ranker.json (optional; written by bench/fit_who.py) ------------------------------------


class WhoRankerFile(TypedDict):
    weights: dict[Code, float]  # feature of pipeline/relations/who_ranker.py -> weight (log-odds)
    bias: float
    margin: float  # log-odds another candidate must score above the rules' pick to replace it
    fitted_on: dict[Code, float]  # what it was fitted on and its cross-validated figures


# -- event_types.json (optional; written by bench/fit_event_types.py) ------------------------------


class EventTypesFile(TypedDict):
    # event type -> feature of pipeline/relations/event_corrector.py ("noun:<lemma>", "rules:killed") -> weight
    weights: dict[Code, dict[str, float]]
    bias: dict[Code, float]
    margin: float  # what another type must score above the rules' type to replace it
    fitted_on: dict[Code, float]  # what it was fitted on and its cross-validated figures


# -- validation -----------------------------------------------------------------------------------


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "an integer",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _hints(contract: type) -> dict[str, Any]:
    return get_type_hints(contract, include_extras=True)


def _describe(tp: Any) -> str:
    origin, args = get_origin(tp), get_args(tp)
    if origin is Annotated:
        return _describe(args[0])
    if is_typeddict(tp):
        return "an object with the keys " + ", ".join(_hints(tp))
    if origin is list:
        return f"a list of {_describe(args[0]).removeprefix('a ').removeprefix('an ')}s"
    if origin is dict:
        return f"an object of {_describe(args[1]).removeprefix('a ').removeprefix('an ')}s"
    if origin is tuple:
        return f"a list of {len(args)} items ({', '.join(_describe(a) for a in args)})"
    if origin in (Union, types.UnionType):
        return " or ".join(_describe(a) for a in args)
    return {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}.get(tp, str(tp))


def _check(value: Any, tp: Any, where: str, path: Path) -> None:
    """Raise E007 when ``value`` is not of the JSON type ``tp``; ``where`` locates it (a.b[2])."""
    origin, args = get_origin(tp), get_args(tp)

    def wrong() -> typing.NoReturn:
        raise FaitsError(Errors.E007.format(path=path, key=where, expected=_describe(tp), got=_json_type(value)))

    if origin is Annotated:
        _check(value, args[0], where, path)
    elif is_typeddict(tp):
        if not isinstance(value, dict):
            wrong()
        _check_keys(value, tp, path, prefix=f"{where}.")
    elif origin in (Union, types.UnionType):
        for option in args:
            try:
                _check(value, option, where, path)
                return
            except FaitsError:
                continue
        wrong()
    elif origin is list:
        if not isinstance(value, list):
            wrong()
        for i, item in enumerate(value):
            _check(item, args[0], f"{where}[{i}]", path)
    elif origin is tuple:
        if not isinstance(value, list) or len(value) != len(args):
            wrong()
        for i, (item, item_tp) in enumerate(zip(value, args, strict=True)):
            _check(item, item_tp, f"{where}[{i}]", path)
    elif origin is dict:
        if not isinstance(value, dict):
            wrong()
        for key, item in value.items():
            _check(item, args[1], f"{where}.{key}", path)
    elif tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            wrong()
    elif tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            wrong()
    elif not isinstance(value, tp):
        wrong()


def _check_keys(data: dict[str, Any], contract: type, path: Path, prefix: str = "") -> None:
    declared = _hints(contract)
    for key in declared:
        if key not in data:
            raise FaitsError(Errors.E005.format(path=path, key=prefix + key, expected=_describe(declared[key])))
    for key in data:
        if key not in declared and not key.startswith("_"):
            raise FaitsError(Errors.E006.format(path=path, key=prefix + key, allowed=", ".join(declared)))
    for key, tp in declared.items():
        _check(data[key], tp, prefix + key, path)


def validate(data: Any, contract: type, path: Path) -> None:
    """Check the JSON ``data`` read from ``path`` against ``contract`` (a TypedDict of this module)."""
    if not isinstance(data, dict):
        raise FaitsError(Errors.E007.format(path=path, key="(the file)", expected="an object", got=_json_type(data)))
    _check_keys(data, contract, path)


def read_model_file(path: Path, contract: type) -> dict | None:
    """The JSON object of an optional model file (a learned part's weights), checked against ``contract``;
    None when the file is absent."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise FaitsError(Errors.E004.format(path=path, error=e)) from e
    validate(data, contract, path)
    return data


def words_of(data: Any, tp: Any, kind: Any = Word) -> Iterator[str]:
    """Every string of ``kind`` (a :data:`Word` by default, or a :data:`Code`...) in ``data``, a file
    checked against its contract ``tp``; keys of objects included."""
    origin, args = get_origin(tp), get_args(tp)
    if tp == kind:
        yield data
    elif is_typeddict(tp):
        for key, item_tp in _hints(tp).items():
            yield from words_of(data[key], item_tp, kind)
    elif origin in (Union, types.UnionType):
        for option in args:
            try:
                _check(data, option, "", Path())
            except FaitsError:
                continue
            yield from words_of(data, option, kind)
            return
    elif origin is list:
        for item in data:
            yield from words_of(item, args[0], kind)
    elif origin is tuple:
        for item, item_tp in zip(data, args, strict=True):
            yield from words_of(item, item_tp, kind)
    elif origin is dict:
        for key, item in data.items():
            yield from words_of(key, args[0], kind)
            yield from words_of(item, args[1], kind)
