# ruff: noqa: E501  (tables of names: one row a line reads best)
"""Names of every state in the lexicon's other languages (fr, de, es, ru, uk), for
people_from_wikidata.write_countries: the states countries.yaml does not curate get them here.

Sources:
  * names: CLDR territory names (Unicode CLDR, through the `babel` package: a dependency of
    this generator only, never of the package);
  * capitals: CLDR's exemplar city of the capital's time zone (Africa/Algiers -> fr "Alger",
    ru "Алжир"), where the capital is one (130 of 197) and not an ambiguous word;
  * adjectives (demonyms): the hand-written ADJECTIVES table below (CLDR has none), for the
    uncurated states with most news, each language's masculine singular form expanded by
    its regular endings (fr -e/-s/-es, de -e/-en/-er/-es/-em, es -a/-os/-as, ru and uk the
    full adjective paradigm).

Russian and Ukrainian are matched word for word (alerts/knowledge/phrases.py has no
stemming), so a name gets its singular case forms: the noun paradigm by its ending (Нигер ->
Нигера, Нигеру, Нигером, Нигере; Кения -> Кении, Кению, Кенией), an adjective before it
declined along (Новая Зеландия -> Новой Зеландии); indeclinable names (Того, Перу) stay.

Left out on purpose (AMBIGUOUS): names that are common words or first names in one of the
languages, since one index serves every language (German "Island" is Iceland and an English
word, Russian "Того" is "of that", Ukrainian "Малі" is "small", French "Maurice" and
"Dominique" and Spanish "Mauricio" are first names, French "Grenade" is a grenade, Spanish
"Granada" a Spanish city, French "Chili" a pepper).
"""

from __future__ import annotations

from functools import cache

LANGUAGES = ("fr", "de", "es", "ru", "uk")

# Names left out above that are the country when written capitalised inside a sentence (their
# other sense is a lower-case word in a language that writes headlines in sentence case): the
# base's proper aliases. Ukrainian "Малі" (small), Russian "Мали" and Ukrainian "мали" (had),
# Russian and Ukrainian "Того" (of that).
PROPER_ALIASES = {"ML": ["Малі", "Мали"], "TG": ["Того"]}
# Abbreviations printed in capitals only, matched as written: "CAR" (the Central African
# Republic; not "car", nor "CAR-T" cells).
CASE_ALIASES = {"CF": ["CAR"]}

# Folded (lower-case) names never used, in any language.
AMBIGUOUS = {
    "island", "того", "мали", "малі", "maurice", "mauricio", "dominique", "grenade",
    "granada", "chili", "salvador", "santiago", "lima", "лима", "ліма", "victoria", "виктория",
    "вікторія", "kingston", "georgetown", "praia", "прая", "male", "malé", "мале", "nassau",
    "monaco", "монако", "luxembourg", "luxemburg", "luxemburgo", "люксембург", "san marino",
    "сан-марино", "singapore", "singapour", "singapur", "сингапур", "сінгапур", "djibouti",
    "dschibuti", "yibuti", "джибути", "джибуті", "kuwait", "koweït", "кувейт", "panama",
    "panamá", "панама", "tripoli", "tripolis", "trípoli", "триполи", "тріполі", "bissau",
    "бисау", "бісау", "apia", "апиа", "апіа", "roseau", "castries", "valletta", "moroni",
    "морони", "мороні", "suva", "сува", "dili", "дили", "ділі", "banjul", "freetown", "port louis", "la paz", "ла-пас", "congo", "équateur",
}

# Masculine singular adjectives: iso2 -> fr, de, es, ru, uk (CLDR has no demonyms).
ADJECTIVES = """\
DZ|algérien|algerisch|argelino|алжирский|алжирський
MA|marocain|marokkanisch|marroquí|марокканский|марокканський
TN|tunisien|tunesisch|tunecino|тунисский|туніський
NE|nigérien|nigrisch|nigerino|нигерский|нігерський
ML|malien|malisch|maliense|малийский|малійський
BF|burkinabé|burkinisch|burkinés|буркинийский|буркінійський
TD|tchadien|tschadisch|chadiano|чадский|чадський
NG|nigérian|nigerianisch|nigeriano|нигерийский|нігерійський
KE|kényan|kenianisch|keniano|кенийский|кенійський
SN|sénégalais|senegalesisch|senegalés|сенегальский|сенегальський
CM|camerounais|kamerunisch|camerunés|камерунский|камерунський
GH|ghanéen|ghanaisch|ghanés|ганский|ганський
CI|ivoirien|ivorisch|marfileño|ивуарийский|івуарійський
MR|mauritanien|mauretanisch|mauritano|мавританский|мавританський
UG|ougandais|ugandisch|ugandés|угандийский|угандійський
TZ|tanzanien|tansanisch|tanzano|танзанийский|танзанійський
MZ|mozambicain|mosambikanisch|mozambiqueño|мозамбикский|мозамбіцький
AO|angolais|angolanisch|angoleño|ангольский|ангольський
ZW|zimbabwéen|simbabwisch|zimbabuense|зимбабвийский|зімбабвійський
ZM|zambien|sambisch|zambiano|замбийский|замбійський
GA|gabonais|gabunisch|gabonés|габонский|габонський
BJ|béninois|beninisch|beninés|бенинский|бенінський
KW|koweïtien|kuwaitisch|kuwaití|кувейтский|кувейтський
BH|bahreïni|bahrainisch|bareiní|бахрейнский|бахрейнський
BD|bangladais|bangladeschisch|bangladesí|бангладешский|бангладеський
LK|sri-lankais|sri-lankisch|esrilanqués|шри-ланкийский|шрі-ланкійський
NP|népalais|nepalesisch|nepalí|непальский|непальський
MY|malaisien|malaysisch|malasio|малайзийский|малайзійський
SG|singapourien|singapurisch|singapurense|сингапурский|сінгапурський
MN|mongol|mongolisch|mongol|монгольский|монгольський
LA|laotien|laotisch|laosiano|лаосский|лаоський
KG|kirghiz|kirgisisch|kirguís|киргизский|киргизький
TJ|tadjik|tadschikisch|tayiko|таджикский|таджицький
UZ|ouzbek|usbekisch|uzbeko|узбекский|узбецький
TM|turkmène|turkmenisch|turcomano|туркменский|туркменський
IE|irlandais|irisch|irlandés|ирландский|ірландський
HR|croate|kroatisch|croata|хорватский|хорватський
SI|slovène|slowenisch|esloveno|словенский|словенський
BG|bulgare|bulgarisch|búlgaro|болгарский|болгарський
AL|albanais|albanisch|albanés|албанский|албанський
BA|bosnien|bosnisch|bosnio|боснийский|боснійський
ME|monténégrin|montenegrinisch|montenegrino|черногорский|чорногорський
MK|macédonien|mazedonisch|macedonio|македонский|македонський
IS|islandais|isländisch|islandés|исландский|ісландський
MT|maltais|maltesisch|maltés|мальтийский|мальтійський
NZ|néo-zélandais|neuseeländisch|neozelandés|новозеландский|новозеландський
CL|chilien|chilenisch|chileno|чилийский|чилійський
PE|péruvien|peruanisch|peruano|перуанский|перуанський
EC|équatorien|ecuadorianisch|ecuatoriano|эквадорский|еквадорський
BO|bolivien|bolivianisch|boliviano|боливийский|болівійський
PY|paraguayen|paraguayisch|paraguayo|парагвайский|парагвайський
UY|uruguayen|uruguayisch|uruguayo|уругвайский|уругвайський
GT|guatémaltèque|guatemaltekisch|guatemalteco|гватемальский|гватемальський
HN|hondurien|honduranisch|hondureño|гондурасский|гондураський
HT|haïtien|haitianisch|haitiano|гаитянский|гаїтянський
JM|jamaïcain|jamaikanisch|jamaicano|ямайский|ямайський
"""

_HUSHING = "гкхжшчщ"


def _ru_noun(word: str) -> list[str]:
    """Singular case forms (nom, gen, dat, acc, ins, prep) of a Russian name, or [word]."""
    w = word
    if w.endswith("ия"):
        s = w[:-2]
        return [w, s + "ии", s + "ии", s + "ию", s + "ией", s + "ии"]
    if w.endswith("я"):
        s = w[:-1]
        return [w, s + "и", s + "е", s + "ю", s + "ей", s + "е"]
    if w.endswith("а"):
        s = w[:-1]
        gen = s + ("и" if s[-1] in _HUSHING else "ы")
        return [w, gen, s + "е", s + "у", s + ("ей" if s[-1] in "жшчщц" else "ой"), s + "е"]
    if w.endswith("ий"):
        s = w[:-2]
        return [w, s + "ия", s + "ию", w, s + "ием", s + "ии"]
    if w.endswith("й"):
        s = w[:-1]
        return [w, s + "я", s + "ю", w, s + "ем", s + "е"]
    if w.endswith("ы"):
        s = w[:-1]
        return [w, s, s + "ам", w, s + "ами", s + "ах"]
    if w[-1] in "бвгдзклмнпрстфхжшчщц":
        ins = "ем" if w[-1] in "жшчщц" else "ом"
        return [w, w + "а", w + "у", w, w + ins, w + "е"]
    return [w]  # Того, Перу, Чили: indeclinable


def _ru_adjective(word: str) -> list[str] | None:
    if word.endswith("ая"):
        s = word[:-2]
        return [word, s + "ой", s + "ой", s + "ую", s + "ой", s + "ой"]
    if word.endswith(("ый", "ий")):
        s = word[:-2]
        soft = s[-1] in _HUSHING
        return [word, s + "ого", s + "ому", word, s + ("им" if soft or word.endswith("ий") else "ым"), s + "ом"]
    return None


_UK_ALTERNATION = {"к": "ц", "г": "з", "х": "с"}


def _uk_noun(word: str) -> list[str]:
    """Case forms (nom, gen, dat, acc, ins, loc) of a Ukrainian name, or [word]."""
    w = word
    if w.endswith("ія"):
        s = w[:-2]
        return [w, s + "ії", s + "ії", s + "ію", s + "ією", s + "ії"]
    if w.endswith("я"):
        s = w[:-1]
        i = "ї" if s[-1] in "аеєиіїоуюя" else "і"
        return [w, s + i, s + i, s + "ю", s + "єю", s + i]
    if w.endswith("а"):
        s = w[:-1]
        gen = s + ("і" if s[-1] in "жшчщ" else "и")
        dat = s[:-1] + _UK_ALTERNATION.get(s[-1], s[-1]) + "і"
        return [w, gen, dat, s + "у", s + ("ею" if s[-1] in "жшчщ" else "ою"), dat]
    if w.endswith("ій"):
        s = w[:-2]
        return [w, s + "ію", s + "ію", w, s + "ієм", s + "ії"]
    if w.endswith("й"):
        s = w[:-1]
        return [w, s + "ю", s + "ю", w, s + "єм", s + "ї"]
    if w.endswith(("и", "і")) and len(w) > 4 and w[-2] not in "аеєиіїоуюя":
        s = w[:-1]  # plural names: Мальдіви, Комори
        return [w, s, s + "ам", w, s + "ами", s + "ах"]
    if w[-1] in "бвгдзклмнпрстфхжшчщц":
        ins = "ем" if w[-1] in "жшчщ" else "ом"
        return [w, w + "у", w + "ові", w, w + ins, w + "і", w + "а"]
    return [w]


def _uk_adjective(word: str) -> list[str] | None:
    if word.endswith("а"):
        s = word[:-1]
        return [word, s + "ої", s + "ій", s + "у", s + "ою", s + "ій"]
    if word.endswith("ий"):
        s = word[:-2]
        return [word, s + "ого", s + "ому", word, s + "им", s + "ому"]
    return None


def case_forms(name: str, lang: str) -> list[str]:
    """A Russian or Ukrainian name with its singular case forms; other languages as given."""
    if lang not in ("ru", "uk"):
        return [name]
    noun, adjective = (_ru_noun, _ru_adjective) if lang == "ru" else (_uk_noun, _uk_adjective)
    words = name.split()
    if len(words) == 1:
        forms = noun(name)
    elif len(words) == 2 and (adj := adjective(words[0])) is not None:
        nouns = noun(words[1])
        forms = [f"{a} {n}" for a, n in zip(adj, nouns, strict=False)] if len(nouns) > 1 else [name]
    else:
        forms = [name]
    return list(dict.fromkeys(forms))


def adjective_forms(word: str, lang: str) -> list[str]:
    """A masculine singular adjective with its regular forms."""
    if lang == "fr":
        if word.endswith("e"):
            return [word, word + "s"]
        fem = word + ("ne" if word.endswith(("ien", "éen")) else "e")
        plural = word if word.endswith(("s", "x", "z")) else word + "s"
        return list(dict.fromkeys([word, fem, plural, fem + "s"]))
    if lang == "de":
        return [word] + [word + e for e in ("e", "en", "er", "es", "em")]
    if lang == "es":
        if word.endswith("o"):
            s = word[:-1]
            return [word, s + "a", s + "os", s + "as"]
        if word.endswith(("í", "e")) or word == "mongol":
            return [word, word + ("es" if word[-1] in "íl" else "s")] + ([word + "a", word + "as"] if word == "mongol" else [])
        if word.endswith(("és", "ín", "ís")):
            s = word[:-2] + {"é": "e", "í": "i"}[word[-2]] + word[-1]
            return [word, s + "a", s + "es", s + "as"]
        return [word, word + "es"]
    # ru / uk: the full paradigm of -ский/-ський (and -цкий/-цький)
    if lang == "ru":
        s = word[:-2]
        ends = ["ий", "ая", "ое", "ие", "ого", "ому", "им", "ом", "ой", "ую", "их", "ими"]
        return [s + e for e in ends]
    s = word[:-2]
    ends = ["ий", "а", "е", "і", "ого", "ої", "ому", "ій", "им", "ою", "у", "их", "ими"]
    return [s + e for e in ends]


@cache
def _locale(lang: str):  # type: ignore[no-untyped-def]
    from babel import Locale  # a dependency of this generator only

    return Locale.parse(lang)


def usable_name(name: str) -> bool:
    """Whether a name may be matched in any case: not a common word (AMBIGUOUS), not short."""
    return name.lower() not in AMBIGUOUS and len(name.replace(" ", "")) >= 3


def territory_names(iso2: str) -> dict[str, list[str]]:
    """CLDR's name of the state in each language, with case forms where words inflect."""
    out: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        name = _locale(lang).territories.get(iso2)
        if name and usable_name(name):
            out[lang] = case_forms(name.replace("’", "'").replace("ʼ", "'"), lang)
    return out


def _capital_zones(capitals: dict[str, str]) -> dict[str, str]:
    """iso2 -> the time zone whose exemplar city is the capital (by the zone's English id)."""
    zones = {}
    for zone in _locale("ru").time_zones:
        city = zone.split("/")[-1].replace("_", " ")
        if city in capitals:
            zones[capitals[city]] = zone
    return zones


def capital_names(iso2: str, capital_en: str) -> dict[str, list[str]]:
    """The capital's name in each language where CLDR localises its time zone's city."""
    zone = _capital_zones({capital_en: iso2}).get(iso2)
    out: dict[str, list[str]] = {}
    if zone is None or not usable_name(capital_en):
        return out
    for lang in LANGUAGES:
        city = (_locale(lang).time_zones.get(zone) or {}).get("city")
        if city and usable_name(city) and city != capital_en:
            out[lang] = case_forms(city.replace("’", "'"), lang)
    return out


def adjectives(iso2: str) -> dict[str, list[str]]:
    for line in ADJECTIVES.splitlines():
        code, *words = line.split("|")
        if code == iso2:
            return {lang: adjective_forms(w, lang) for lang, w in zip(LANGUAGES, words, strict=True)}
    return {}
