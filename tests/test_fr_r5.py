"""French constructions sorted from the errors of the batches b23-b25 and of the whole French dev split (fr-r5,
corpus/reviews/fr-r5.md), each on sentences written for these tests: a time is never who ("contre 2 100 la saison
précédente", "a condamné mercredi X"), the means that back a group after a participle of support ("appuyés par une
quinzaine d'hélicoptères"), people "sans domicile", clock times after "avant", "après", "entre", a magnitude before a
date, a since date inside a modifier set off by commas, an area hit, and a ratio whose counted noun has a word of its
own ("un accident mortel sur trois"). Publication date 2025-06-20, a Friday, as in tests/conftest.py."""

from __future__ import annotations

import pytest

from .conftest import one_fact

model = pytest.mark.model


@model
@pytest.mark.parametrize("text, value, who", [
    # a period of the year, or a day the parser took for the object, is not who
    ("L'affluence moyenne a atteint 4 200 spectateurs par match, contre 3 100 la saison précédente, soit une "
     "progression de 35 %.", 35, "affluence moyenne"),
    ("Le tribunal correctionnel de Laval a condamné mercredi Thomas R., 37 ans, à cinq ans de prison, dont deux avec "
     "sursis, pour avoir dirigé un réseau de faux artisans.", 5, "Thomas R."),
    # controls: a noun that counts; a party that is the verb's own object
    ("Le tribunal a condamné Paul D. à deux ans de prison.", 2, "Paul D."),
    ("Plus de 2 000 abonnés ont renouvelé leur carte cette saison.", 2000, "abonnés"),
])
def test_a_time_is_never_who(facts_of, text, value, who):
    assert one_fact(facts_of(text), value)["who"] == who


@model
@pytest.mark.parametrize("text, value, event_type", [
    # the means after a participle of support take the type of the clause before it, whatever the parse
    ("Quelque 3 000 soldats et secouristes ont été déployés dans les régions sinistrées, appuyés par une vingtaine "
     "d'hélicoptères.", 20, "deployed"),
    ("Quelque 600 pompiers restent mobilisés, appuyés par 10 bombardiers d'eau, dont six Canadair, et trois "
     "hélicoptères.", 3, "deployed"),
    # controls: the group itself; a participle that backs nothing
    ("Quelque 600 pompiers restent mobilisés, appuyés par 10 bombardiers d'eau.", 600, "deployed"),
    ("Le projet, soutenu par 12 communes, a été adopté.", 12, "other"),
])
def test_means_backing_a_group_take_its_type(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


@model
@pytest.mark.parametrize("text, value, event_type", [
    # people without a home are displaced (SPEC section 4: sans-abri), as "sans abri" already was
    ("Les bénévoles ont recensé 3 150 personnes sans domicile dans la métropole.", 3150, "displaced"),
    ("Près de 900 personnes se retrouvent sans abri après le séisme.", 900, "displaced"),
    # control: a home counted is no people
    ("La ville compte 900 logements vacants.", 900, "other"),
])
def test_people_without_a_home_are_displaced(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


@model
@pytest.mark.parametrize("text, values", [
    # a clock time after "avant", "après", "entre" is no figure
    ("Le 3 mai, peu avant 22 heures, la voiture a percuté deux piétons.", [2]),
    ("Les visites sont suspendues entre 14 heures et 18 h dans 12 établissements.", [12]),
    ("Les adolescents passent trois heures par jour devant un écran, dont 40 minutes après 23 heures.", [3, 40]),
    # controls: a duration of something after the same words stays a fact
    ("L'accord a été trouvé après 11 heures de négociations.", [11]),
    ("Les suspects ont été libérés après 48 heures de garde à vue.", [48]),
])
def test_clock_times_after_before_after_between(facts_of, text, values):
    assert sorted(f["how_many"] for f in facts_of(text)) == values


@model
@pytest.mark.parametrize("text, values", [
    # a magnitude is a rating, not a fact (corpus/README.md), also before a date
    ("Une réplique de magnitude 6,2 mardi soir a provoqué de nouveaux effondrements.", []),
    # control: the numbered noun before a counted noun
    ("Le séisme a fait 41 morts mardi.", [41]),
])
def test_a_magnitude_before_a_date(facts_of, text, values):
    assert sorted(f["how_many"] for f in facts_of(text)) == values


@model
@pytest.mark.parametrize("text, value, when_start", [
    # a since date in a modifier set off by commas on another noun tells how long that noun has been so
    ("Un retraité de Vannes, veuf depuis 2018, avait versé 32 000 euros aux escrocs.", 32000, None),
    ("La gratuité, en vigueur depuis 2015 pour les collections permanentes, a concerné 64 % des entrées.", 64, None),
    # control: the modifier of the noun the figure counts dates it
    ("Les 300 salariés, en grève depuis lundi, ont bloqué l'usine.", 300, "2025-06-16"),
])
def test_a_since_date_set_off_on_another_noun(facts_of, text, value, when_start):
    assert one_fact(facts_of(text), value)["when_start"] == when_start


@model
@pytest.mark.parametrize("text, value, event_type", [
    # an area hit is no people (corpus/README.md: affected is for people and human units; hectares are other)
    ("Quelque 2 400 hectares de vignes ont été touchés par la grêle.", 2400, "other"),
    ("Plus de 80 000 hectares de cultures sont touchés par la sécheresse.", 80000, "other"),
    # control: households hit
    ("Plus de 3 000 foyers ont été touchés par la coupure.", 3000, "affected"),
])
def test_an_area_hit_is_other(facts_of, text, value, event_type):
    assert one_fact(facts_of(text), value)["event_type"] == event_type


@model
@pytest.mark.parametrize("text, value, unit", [
    # a ratio around its counted noun with one word of its own
    ("L'alcool est en cause dans un accident mortel sur quatre.", 25, "%"),
    ("Seules 5 200 attributions ont été prononcées, soit une demande satisfaite sur cinq.", 20, "%"),
    # control: a second number that counts its own noun is no ratio
    ("Il a été reconnu coupable d'un vol aggravé sur trois victimes.", 3, "victimes"),
])
def test_ratio_with_a_described_noun(facts_of, text, value, unit):
    assert one_fact(facts_of(text), value)["unit"] == unit
