"""A currency word several countries share ("pesos", "lira", "shillings", "francs") takes the code of the
country named nearest: the sentence, then the article, then the word's default (SPEC: an ISO 4217 code in
``unit``). Sentences written for these tests."""

import pytest

from pipeline.currency_names import adjective_stem, cldr_currency_names, country_currencies, currency_adjectives


def money_units(facts):
    return [(f["how_many"], f["unit"]) for f in facts]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a country's adjective in the sentence
    ("Le gouvernement philippin a débloqué 5 milliards de pesos pour les sinistrés.", [(5e9, "PHP")]),
    # the country named in the sentence
    ("L'Ouganda a versé 2 milliards de shillings aux familles des victimes.", [(2e9, "UGX")]),
    ("Au Sénégal, l'État a promis 500 millions de francs aux agriculteurs.", [(5e8, "XOF")]),
    ("Le Cameroun a débloqué 3 milliards de francs CFA pour les sinistrés.", [(3e9, "XAF")]),
    ("La Suisse a débloqué 12 millions de francs pour les réfugiés.", [(12e6, "CHF")]),
    ("Au Pakistan, les inondations ont causé 900 millions de roupies de dégâts.", [(9e8, "PKR")]),
    ("La Tunisie a alloué 40 millions de dinars à la reconstruction.", [(4e7, "TND")]),
    ("Le Danemark a versé 200 millions de couronnes à l'Ukraine.", [(2e8, "DKK")]),
    ("Au Liban, la reconstruction coûtera 90 000 milliards de livres.", [(9e13, "LBP")]),
    # the country named in an earlier sentence of the article
    ("Le typhon a frappé les Philippines lundi. Les dégâts sont estimés à 5 milliards de pesos.", [(5e9, "PHP")]),
    # CLDR's name of the currency, which the pack does not list
    ("La ville a reçu 40 millions de shillings ougandais.", [(4e7, "UGX")]),
    ("Le pain coûte 3 000 livres libanaises.", [(3000, "LBP")]),
])
def test_a_shared_currency_word_takes_the_country_named_nearest(facts_of, sentence, expected):
    assert money_units(facts_of(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # controls: a currency named in full keeps its code whatever country the sentence names
    ("Les Philippines ont reçu 3 milliards de pesos mexicains du Mexique.", [(3e9, "MXN")]),
    ("Aux Philippines, l'amende atteint 2 millions de dollars.", [(2e6, "USD")]),
    ("Au Sénégal, la ville a dépensé 2 millions d'euros.", [(2e6, "EUR")]),
    ("Au Liban, le projet coûte 3 millions de livres sterling.", [(3e6, "GBP")]),
    # no country anywhere: the word's default
    ("Le ministre a annoncé 300 millions de pesos pour le marché.", [(3e8, "MXN")]),
    ("Le maire a promis 40 millions de francs à la commune.", [(4e7, "FRF")]),
    # a country whose currency the word is not: the default ("francs" in France were French francs)
    ("En France, le chantier avait coûté 40 millions de francs.", [(4e7, "FRF")]),
    # "couronnes" is money only after a scale
    ("Au Danemark, les enfants ont déposé 3 couronnes de fleurs.", [(3, "couronnes")]),
])
def test_a_currency_named_in_full_or_no_country_keeps_its_code(facts_of, sentence, expected):
    assert money_units(facts_of(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Philippine government released 5 billion pesos for the victims.", [(5e9, "PHP")]),
    ("In Beirut, Lebanon, a loaf of bread now costs 45,000 lira.", [(45000, "LBP")]),
    ("Uganda paid 2 billion shillings to the families.", [(2e9, "UGX")]),
    ("The Ugandan ministry paid 2 billion shillings to the families.", [(2e9, "UGX")]),
    ("Cameroon released 3 billion CFA francs for the victims.", [(3e9, "XAF")]),
    ("Floods in Pakistan caused 900 million rupees of damage.", [(9e8, "PKR")]),
    ("Egypt raised the price of bread to 20 pounds.", [(20, "EGP")]),
    ("The typhoon hit the Philippines on Monday. Damage is estimated at 5 billion pesos.", [(5e9, "PHP")]),
])
def test_english_shared_currency_words_take_the_country_named_nearest(en_facts, sentence, expected):
    assert money_units(en_facts(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Philippines received 3 billion Mexican pesos from Mexico.", [(3e9, "MXN")]),
    ("In Manila, the Philippines, the city spent £2 million and $5 million.", [(2e6, "GBP"), (5e6, "USD")]),
    ("Kenya's neighbour Uganda received 40 million euros.", [(4e7, "EUR")]),
    ("The mayor pledged 12 million pesos to rebuild the market.", [(12e6, "MXN")]),
    ("The ministry will pay 3 million shillings to each household.", [(3e6, "KES")]),
    ("The county set aside 40 million Tanzanian shillings in Uganda.", [(4e7, "TZS")]),
])
def test_english_currency_named_in_full_or_no_country_keeps_its_code(en_facts, sentence, expected):
    assert money_units(en_facts(sentence)) == expected


def test_cldr_gives_names_and_countries_currencies():
    assert "pesos philippins" in cldr_currency_names("PHP", "fr")
    assert "ugandan shillings" in cldr_currency_names("UGX", "en")
    assert "franc cfa" in cldr_currency_names("XOF", "fr")  # the issuer in brackets is dropped
    assert country_currencies("LB") == {"LBP"}
    assert country_currencies("ZZ") == frozenset()


def test_a_country_adjective_is_compared_without_its_endings():
    assert {adjective_stem(w) for w in ("libanais", "libanaise", "libanaises")} == {"libanai"}
    assert adjective_stem("Philippines") == adjective_stem("philippin")
    # the feminine's doubled consonant; the "ss" of "Swiss" is no plural (a stem of four letters or more)
    assert {adjective_stem(w) for w in ("indien", "indiens", "indienne", "indiennes")} == {"indien"}
    assert {adjective_stem(w) for w in ("suisse", "suisses")} == {"suiss"}
    assert adjective_stem("Swiss") == "swiss"
    shared = {"franc", "francs", "cfa", "peso"}
    assert currency_adjectives("PHP", "fr", shared) == {"philippin"}
    # "West African CFA franc" adds two words, neither a country's adjective
    assert currency_adjectives("XOF", "en", shared) == set()


@pytest.mark.parametrize(("lang", "sentence", "expected"), [
    # a nationality used as a noun names a person, not the money's country: the place counts
    ("fr", "En Suisse, un Français a payé une amende de 5 000 francs.", [(5000, "CHF")]),
    ("en", "In Switzerland, a Frenchman paid a fine of 5,000 francs.", [(5000, "CHF")]),
    # controls: the adjective modifying a noun still names the currency's country
    ("fr", "En France, le gouvernement suisse a versé 5 millions de francs.", [(5e6, "CHF")]),
    ("en", "The Ugandan ministry paid 2 billion shillings to the families.", [(2e9, "UGX")]),
])
def test_a_nationality_noun_is_no_currency_evidence(facts_of, en_facts, lang, sentence, expected):
    assert money_units((facts_of if lang == "fr" else en_facts)(sentence)) == expected


@pytest.mark.parametrize(("lang", "sentence", "expected"), [
    # the masculine adjective names the country CLDR's feminine name of the currency does
    ("fr", "Le gouvernement égyptien a versé 3 millions de livres aux familles.", [(3e6, "EGP")]),
    ("fr", "Le ministère syrien a débloqué 2 milliards de livres.", [(2e9, "SYP")]),
    ("en", "The Swiss government paid 2 million francs to the victims.", [(2e6, "CHF")]),
    # controls: the feminine and plural forms still do
    ("fr", "Le pain coûte 3 000 livres libanaises.", [(3000, "LBP")]),
    ("fr", "La Banque nationale suisse a versé 2 millions de francs.", [(2e6, "CHF")]),
])
def test_every_form_of_a_country_adjective_names_its_currency(facts_of, en_facts, lang, sentence, expected):
    assert money_units((facts_of if lang == "fr" else en_facts)(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # "Rs", written before the figure, is the rupee of several countries too
    ("In Pakistan, the court fined the company Rs 500,000.", [(5e5, "PKR")]),
    ("In Sri Lanka, police seized Rs. 2 million from the suspects.", [(2e6, "LKR")]),
    # controls: India named, or no country at all, the default
    ("In India, the court fined the company Rs 500,000.", [(5e5, "INR")]),
    ("The court fined the company Rs 500,000.", [(5e5, "INR")]),
])
def test_a_shared_currency_written_before_the_figure(en_facts, sentence, expected):
    assert money_units(en_facts(sentence)) == expected
