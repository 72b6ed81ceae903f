"""Joining cores into quantity mentions: amounts, ratios, ranges, negatives, qualifiers."""

from __future__ import annotations

from .finder import _Core, _unscaled
from .grammar import NumberGrammar
from .records import QuantityMention, _as_percent

# the largest base of a proportion said around its counted noun ("sept entrées sur dix", "trois élèves sur quatre")
RATIO_BASE_MAX = 10


def _merge_digit_groups(text: str, cores: list[_Core], g: NumberGrammar) -> list[_Core]:
    """"4 thousand 3 hundred and 21", "6 crore and two hundred": figures with a scale word, then smaller
    groups, make one number. A group joins when it is below the scale before it and is itself scaled
    or in words, or, after the conjunction, below a hundred under a scale of at most a thousand
    ("3 hundred and 21"; "2 million and 45" stays two figures)."""
    out: list[_Core] = []
    scale = None  # the scale of the last group of out[-1] when more groups may join it
    for core in cores:
        prev = out[-1] if out else None
        if prev is not None and scale is not None and _joins(text, prev, core, scale, g):
            prev.value, prev.end, prev.unit = prev.value + core.value, core.end, prev.unit or core.unit
            scale = _group_scale(text, core, g)
            continue
        out.append(core)
        # a unit after the figures ends the number ("4 thousand dollars"); one before it does not ("$4 thousand")
        scale = _group_scale(text, core, g) if core.unit is None or _unit_before(core) else None
    return out


def _group_scale(text: str, core: _Core, g: NumberGrammar) -> float | None:
    """The scale of figures written with a scale word ("4 thousand": 1000), when whole and exact."""
    if core.kind != "digits" or not core.scaled or core.qualifier != "exact":
        return None
    unscaled = _unscaled(core, text, g)
    return core.value / unscaled if float(unscaled).is_integer() else None


def _unit_before(core: _Core) -> bool:
    return core.number_start is not None and core.number_start > core.start


def _joins(text: str, prev: _Core, core: _Core, scale: float, g: NumberGrammar) -> bool:
    if (core.qualifier != "exact" or core.article or core.kind not in ("digits", "cardinal")
            or not 0 < core.value < scale or (prev.unit and core.unit) or _unit_before(core)):
        return False
    between = text[prev.end : core.start]
    grouped = core.kind == "cardinal" or (core.kind == "digits" and core.scaled)
    if between.isspace() and "\n" not in between:
        return grouped
    if g.and_after.fullmatch(between):
        return grouped or (core.value < 100 and scale <= 1000)
    return False


def _merge_amounts(text: str, cores: list[_Core], g: NumberGrammar) -> list[_Core]:
    """"15 dollars et 15 cents", "treize euros et quarante-cinq cents", "15 dollars 50": one amount."""
    out: list[_Core] = []
    for core in cores:
        prev = out[-1] if out else None
        if (prev is not None and prev.unit and len(prev.unit) == 3 and not prev.minor and core.kind != "fraction"
                and g.amount_between.fullmatch(text[prev.end : core.start])
                and 0 < core.value < 100 and core.qualifier == "exact"):
            if core.minor:
                prev.value, prev.end = prev.value + core.value, core.end
                continue
            whole = core.value == int(core.value)
            if core.unit is None and whole and g.name_after.match(text[core.end : core.end + 3]):
                prev.value, prev.end = prev.value + core.value / 100, core.end
                continue
        out.append(core)
    return out


def _merge_ratios(text: str, cores: list[_Core], g: NumberGrammar) -> list[_Core]:
    """"un sur trois", "1 sur 3": a proportion in percent."""
    out: list[_Core] = []
    for core in cores:
        prev = out[-1] if out else None
        if (prev is not None and prev.unit is None and core.unit is None and prev.qualifier == core.qualifier == "exact"
                and 0 <= prev.value <= core.value and core.value > 0
                and g.ratio_between.match(text[prev.end : core.start])):
            out[-1] = _Core(prev.start, core.end, _as_percent(prev.value / core.value), unit="%", kind="fraction")
            continue
        if (prev is not None and prev.unit is None and core.unit is None and core.qualifier == "exact"
                and prev.kind != "fraction" and 1 < prev.value < core.value <= RATIO_BASE_MAX
                and prev.value == int(prev.value) and g.ratio_noun_between.match(text[prev.end : core.start])
                and g.ratio_one_after.match(text, core.end)):
            # "près de sept entrées sur dix": a proportion in percent, said with its counted noun inside (not
            # "248 sièges sur 460": a part of a total that large is a count, and the total another)
            out[-1] = _Core(prev.start, core.end, _as_percent(prev.value / core.value), qualifier=prev.qualifier,
                            unit="%", kind="fraction")
            continue
        one = (g.ratio_one_before.search(text, max(0, core.start - 60), core.start)
               if g.ratio_one_before is not None and core.unit is None and core.qualifier == "exact"
               and core.value > 1 and g.ratio_one_after.match(text, core.end) else None)
        if one is not None and prev is not None and prev.start == one.start() and prev.value == 1:
            out.pop()  # the "un" of the ratio, read as a count of one
            prev = out[-1] if out else None
        if one is not None and (prev is None or prev.end <= one.start()):
            # "soit un éleveur sur deux": a proportion in percent, said with its counted noun inside
            out.append(_Core(one.start(), core.end, _as_percent(1 / core.value), unit="%", kind="fraction"))
            continue
        out.append(core)
    return out


def _negate(text: str, core: _Core, g: NumberGrammar) -> None:
    """"moins 1200000": a minus sign in words, but not "au moins" nor "moins de"."""
    before = text[max(0, core.start - 20) : core.start]
    m = g.negative_before.search(before)
    if m and not g.negative_blocked.search(before):
        core.value = -core.value
        core.start -= len(before) - m.start()


def _range_with_next(text: str, core: _Core, nxt: _Core | None, g: NumberGrammar):
    """The opener match when ``core`` and ``nxt`` make a range ("entre 200 et 300", "10 - 20 euros")."""
    if nxt is None or core.kind == "fraction" or nxt.kind == "fraction":
        return None, False
    conn = g.range_between.match(text[core.end : nxt.start])
    if not conn:
        return None, False
    opener = g.range_open.search(text[max(0, core.start - 10) : core.start])
    allowed = g.range_needs.get(conn.group("conn").lower(), set())
    if "" not in allowed and not (opener and opener.group("open").lower() in allowed):
        return None, False
    if not (core.unit == nxt.unit or core.unit is None or nxt.unit is None):
        return None, False
    if core.unit == "%" and nxt.unit is None and not opener:
        # "sales fell 14 per cent to 612,000 vehicles": a change in percent, then the level it reached; a range
        # of percentages writes the sign on its high end ("3 to 5%") or on both
        return None, False
    if not opener and core.scaled and not nxt.scaled and nxt.value < core.value:
        # "awarded £2.5m to 14 groups": a sum and a smaller bare figure after "to" are two figures
        return None, False
    return opener, True


def _mentions(text: str, cores: list[_Core], g: NumberGrammar) -> list[QuantityMention]:
    mentions: list[QuantityMention] = []
    i = 0
    while i < len(cores):
        core = cores[i]
        nxt = cores[i + 1] if i + 1 < len(cores) else None
        start, high, qualifier = core.start, None, core.qualifier
        end, value, unit = core.end, core.value, core.unit
        core_start, core_end = core.start, core.end
        opener, is_range = _range_with_next(text, core, nxt, g)
        if is_range and nxt is not None:
            low = core.value
            if nxt.scaled and not core.scaled and core.value < nxt.value / 100:
                # "entre 2 et 3 millions": the scale of the high end applies to both.
                low = core.value * (nxt.value / _unscaled(nxt, text, g))
            value, high, qualifier = low, nxt.value, "range"
            unit = nxt.unit or core.unit
            end, core_end = nxt.end, nxt.end
            if opener:
                start = core.start - len(text[max(0, core.start - 10) : core.start]) + opener.start()
            i += 2
            if unit in g.age_units and g.age_before.search(text[max(0, core.start - 40) : core.start]):
                continue  # "âgés de 19 à 34 ans"
        else:
            i += 1
            window = text[max(0, start - 40) : start]
            qm = g.qualifier_before.search(window)
            if qm:
                # an explicit word wins over the word's own qualifier ("plus d'un millier").
                qualifier = g.qualifier_of[qm.group("q").lower()]
                start -= len(window) - qm.start()
            elif qualifier == "exact":
                pm = g.qualifier_after.match(text[end : end + 60])
                if pm:
                    qualifier = g.postposed_of[pm.group("q").lower()]
        mentions.append(QuantityMention(start=start, end=end, text=text[start:end], value=value, high=high,
                                        qualifier=qualifier, unit=unit, core_start=core_start, core_end=core_end))
    return mentions
