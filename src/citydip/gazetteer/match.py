"""Match free-text names of the partner country's places to the gazetteer: ``match_name`` and ``suggest``.

Rules, in order (docs/gazetteer.md explains each):
1. the text is folded (case, accents, tone marks, apostrophes, spaces, traditional characters) and
   stripped of affixes in EU languages and Chinese ("City of", "Provinz", "Shi", "市"), which may hint
   at a level; a qualifier in the text ("Suzhou, Jiangsu", "Huishan (Wuxi)") names a province or a
   parent city;
2. exact keys first, by tier (main names, then curated exonyms, then GeoNames alternates);
   failing that, a typo search with rapidfuzz over the main names and exonyms of significant places;
3. a name that is (also, and better) a city outside the partner country is ``unmatched``; the
   territories kept apart from it (for China: Hong Kong, Macau and Taiwan; territories.py) come back as
   alternatives of an ``unmatched`` result;
4. a province given decides between homonyms; otherwise the most populous candidate is returned and,
   when another candidate of the same or higher level (or of comparable size) exists, the status is
   ``ambiguous`` with the others in ``alternatives``.
"""
import re
from copy import copy
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from citydip.gazetteer.index import get_index, near
from citydip.gazetteer.normalise import core_key, fold, fold_tokens, split_affixes
from citydip.gazetteer.territories import partner, partner_name, territory_label

QUALIFIED = (re.compile(r"^(?P<a>.+?)\s*\((?P<b>[^)]+)\)\s*$"), re.compile(r"^(?P<a>[^,]+),\s*(?P<b>.+)$"),
             re.compile(r"^(?P<a>.+?)\s+[–—-]\s+(?P<b>.+)$"))
RIVAL_SHARE = 0.5
# A city of this size named like a province (Osaka, Kyoto; levels unknown outside China) is what a
# respondent means by the name, rather than the province.
CITY_OVER_PROVINCE = 100_000
NEAR_MISS_SCORE = 85


@dataclass
class MatchResult:
    text: str
    place_id: str = ""
    matched_name: str = ""
    province: str = ""
    level: str = ""
    score: float = 0.0
    status: str = "unmatched"
    alternatives: list = field(default_factory=list)
    province_code: str = ""
    name_zh: str = ""
    note: str = ""

    def as_row(self):
        return {"place_id": self.place_id, "matched_name": self.matched_name, "province": self.province,
                "level": self.level, "score": f"{self.score:.1f}" if self.place_id else "", "status": self.status}


@dataclass
class Query:
    key: str
    core: str
    hint: str = ""
    province: str = ""
    parent: str = ""


def match_name(text, province=None, territories=None):
    """Match one name; ``province`` (a name in any spelling, or an ISO code such as CN-JS) decides homonyms.

    ``territories``: the countries whose places may be the match (default: the partner country alone)."""
    return _match(text or "", province or "", tuple(territories or (partner(),)))


@lru_cache(maxsize=20_000)
def _cached(text, province, territories, build):
    return _match_uncached(text, province, territories)


def _match(text, province, territories):
    result = copy(_cached(text, province, territories, id(get_index())))
    result.alternatives = list(result.alternatives)
    return result


def clear_cache():
    _cached.cache_clear()


def _match_uncached(text, province, territories):
    index = get_index()
    query = parse_query(text, index)
    if province:
        query.province = index.province_code(province) or province.upper()
    if not query.core:
        return MatchResult(text, note="empty name")
    hits, score = exact_hits(query, index)
    if hits and all(is_minor(index.places[pid], index) for pid in hits):
        hits = with_near_misses(query.core, hits, index)
    if not hits:
        hits, score = fuzzy_hits(query.core, index)
    if not hits:
        return MatchResult(text, note="no place of that name")
    return decide(text, query, hits, score, index, territories)


def parse_query(text, index):
    """Split a qualifier off the name: a province ("Suzhou, Jiangsu") or a parent city ("Huishan (Wuxi)")."""
    for pattern in QUALIFIED:
        found = pattern.match(text.strip())
        if found:
            return qualified_query(found["a"], found["b"], index)
    tokens = fold_tokens(text)
    core, hint = core_key(text, tokens)
    query = Query("".join(tokens), core, hint)
    if not index.hits(query.key) and not index.hits(core):
        trailing_province(query, tokens, index)
    return query


def qualified_query(a, b, index):
    for name, other in ((a, b), (b, a)):
        code = index.province_code(other)
        if code and index.province_code(name) != code:
            core, hint = core_key(name)
            return Query(fold(name), core, hint, province=code)
    core_a, hint_a = core_key(a)
    core_b, _ = core_key(b)
    if is_city(index, core_a) and not is_city(index, core_b):
        core_a, core_b = core_b, core_a
        a = b
    return Query(fold(a), core_a, hint_a, parent=core_b)


def is_city(index, key):
    return any(index.places[p].rank <= 1 and index.places[p].level != "province" for p in index.hits(key))


def trailing_province(query, tokens, index):
    """"Suzhou Jiangsu" or "Taizhou Zhejiang Province": the last words name a province."""
    for cut in range(len(tokens) - 1, 0, -1):
        code = index.province_code(" ".join(tokens[cut:]))
        head, hint = split_affixes(tokens[:cut])
        if code and index.hits("".join(head)):
            query.key = query.core = "".join(head)
            query.hint, query.province = hint or query.hint, code
            return


def exact_hits(query, index):
    """Places named by the whole text or by its core (affixes stripped), each with its best tier."""
    hits = dict(index.hits(query.key))
    for pid, tier in index.hits(query.core).items():
        hits[pid] = min(tier, hits.get(pid, tier))
    return hits, (100.0 if hits else 0.0)


def is_minor(place, index):
    """A small place of unknown level (a town or village GeoNames lists, not a GB/T 2260 unit)."""
    return place.level == "city" and not index.significant(place.place_id)


def with_near_misses(key, hits, index):
    """Only minor places have this exact name ("Nanjin", a village): a big city one typo away
    ("Nanjing") joins them as a lower-tier hit, so the result is that city, flagged ambiguous."""
    near, score = fuzzy_hits(key, index)
    if score < NEAR_MISS_SCORE:
        return hits
    extra = {pid: 3 for pid in near if index.significant(pid) and pid not in hits}
    return {**hits, **extra}


def fuzzy_hits(key, index):
    """Typos: main names or exonyms of significant places within one edit (two for names of 8+ letters),
    counting a swap of neighbours as one edit (OSA distance); a foreign city as close wins."""
    if len(key) < 5 or key in index.foreign:
        return {}, 0.0
    edits = 1 if len(key) < 8 else 2
    found = process.extract(key, near(index.fuzzy_buckets, key, edits), scorer=OSA.distance, limit=8,
                            score_cutoff=edits)
    found = [f for f in found if f[0] != key]
    if not found:
        return {}, 0.0
    best = min(f[1] for f in found)
    if process.extractOne(key, near(index.foreign_buckets, key, best), scorer=OSA.distance, score_cutoff=best):
        return {}, 0.0
    hits = {}
    for choice, distance, _ in found:
        if distance == best:
            for pid, tier in index.hits(choice).items():
                if tier <= 1:
                    hits[pid] = min(tier, hits.get(pid, tier))
    return hits, round(100.0 * (1 - best / max(len(key), 1)), 1)


def decide(text, query, hits, score, index, territories):
    best_tier = min(hits.values())
    places, forced = candidates(hits, best_tier, index)
    places = by_level_hint(places, query.hint)
    if not (query.parent or query.province) and is_foreign(query, places, best_tier, score, index):
        return MatchResult(text, note=f"the name of a city outside {partner_name()}")
    inside = [p for p in places if p.country_code in territories]
    outside = [p for p in places if p.country_code not in territories]
    if not inside:
        where = ", ".join(sorted({territory_label(p.country_code) or p.country_code for p in outside}))
        return MatchResult(text, alternatives=ranked(outside), note=f"a place in {where}, kept apart from {partner_name()}")
    chosen = narrow(inside, query, index)
    if not chosen:
        return MatchResult(text, alternatives=ranked(inside) + parent_alternatives(query, index),
                           note="no place of that name in the province or city given")
    return result_for(text, chosen, score, outside, forced)


def candidates(hits, best_tier, index):
    """Places of the best tier; when these are all minor places (a village that shares a typo or an
    alternate name of a big city), the significant places of lower tiers join them, as rivals."""
    places = [index.places[pid] for pid, tier in hits.items() if tier == best_tier]
    if not all(is_minor(p, index) for p in places):
        return places, set()
    promoted = [index.places[pid] for pid, tier in hits.items() if tier > best_tier and index.significant(pid)]
    return places + promoted, ({p.place_id for p in places} if promoted else set())


def by_level_hint(places, hint):
    provinces = [p for p in places if p.level == "province"]
    others = [p for p in places if p.level != "province"]
    if not provinces or not others:
        return places
    if hint == "province":
        return provinces
    if hint or any(p.rank <= 1 or p.population >= CITY_OVER_PROVINCE for p in others):
        return others
    return provinces


def is_foreign(query, places, tier, score, index):
    """True when the name is better known as a city outside the partner country than as any of these places."""
    population = index.foreign.get(query.core) or index.foreign.get(query.key)
    if not population or score < 100:
        return False
    if tier == 2:
        return True
    return all(p.rank >= 2 and p.population < population for p in places)


def narrow(places, query, index):
    if query.province:
        places = [p for p in places if query.province in (p.province_code, p.place_id)]
    if query.parent:
        children = [p for p in places if query.parent in p.parent_keys]
        if not children:
            # GeoNames often lacks the prefecture of a district: accept the province of the city named.
            provinces = {index.places[pid].province_code for pid in index.hits(query.parent) if is_city(index, query.parent)}
            children = [p for p in places if p.province_code in provinces and p.rank >= 2]
        places = children
    return places


def parent_alternatives(query, index):
    if not query.parent:
        return []
    return ranked([index.places[pid] for pid in index.hits(query.parent) if pid in index.places])


def ranked(places):
    return [p.as_dict() for p in sorted(places, key=lambda p: (-p.population, p.rank, p.place_id))]


def result_for(text, places, score, outside, forced=()):
    places = sorted(places, key=lambda p: (-p.population, p.rank, p.place_id))
    top = places[0]
    rivals = [p for p in places[1:]
              if (p.rank <= top.rank and p.level != "city") or p.population >= RIVAL_SHARE * top.population
              or p.place_id in forced]
    others = [p for p in places[1:] if p not in rivals]
    return MatchResult(
        text, place_id=top.place_id, matched_name=top.name, province=top.province, level=top.level, score=score,
        status="ambiguous" if rivals else "matched", alternatives=ranked(rivals) + ranked(others) + ranked(outside),
        province_code=top.province_code, name_zh=top.name_zh)


def suggest(text, limit=8):
    """Places for a type-ahead: names starting with the text (the partner country first, main names first),
    then typos."""
    index = get_index()
    home = partner()
    key = fold(text)
    if not key:
        return []
    scored = {}
    for candidate in index.prefixed(key) + index.prefixed(core_key(text)[0]):
        for pid, tier in index.hits(candidate).items():
            place = index.places[pid]
            rank = (place.country_code != home, tier, -place.population)
            scored[pid] = min(scored.get(pid, rank), rank)
    if len(scored) < limit:
        hits, _ = fuzzy_hits(core_key(text)[0], index)
        for pid in hits:
            scored.setdefault(pid, (index.places[pid].country_code != home, 3, -index.places[pid].population))
    best = sorted(scored, key=lambda pid: scored[pid])[:limit]
    return [suggestion(index.places[pid]) for pid in best]


def suggestion(place):
    return {"place_id": place.place_id, "name": place.name, "name_zh": place.name_zh, "province": place.province,
            "level": place.level, "country_code": place.country_code}
