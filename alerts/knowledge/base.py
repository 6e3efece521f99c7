"""The knowledge base: data files in alerts/knowledge/data, loaded once, looked up by date."""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import os
import pickle
import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from alerts import buildcache
from alerts.errors import Problem
from alerts.fold import fold
from alerts.knowledge import choice
from alerts.knowledge.choice import use_folder  # noqa: F401 - where callers found it
from alerts.knowledge.groups import group_members
from alerts.knowledge.phrases import CJK, PhraseIndex, token_text, within_longer
from alerts.knowledge.titles import titled_offices

LANGUAGES = ("en", "fr", "de", "es", "ru", "uk")
_RECENT_TEXTS = 1024  # texts whose mentions are remembered
# Token texts whose names' and offices' hits are remembered (KnowledgeBase._hits), and the
# shortest one remembered: an item's whole text, in which its sentences are found after.
_SCANS = 4
_SCANNED_MIN = 60


def _with_accents(aliases: list[Any], name: str) -> list[str]:
    """The ambiguous aliases, each also as the person's name writes it: a surname listed
    without its accents ("Sanchez") is read as written too ("Pedro Sánchez": "Sánchez")."""
    out = [str(a) for a in aliases]
    words = name.split()
    for alias in list(out):
        out += [w for w in words if w not in out
                and unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode() == alias]
    return out


# Arabic names made with "عبد" (servant of) are written apart or joined: "عبد الله الثاني",
# "عبدالله الثاني". (A name listed joined is already found written apart: "معين عبد الملك".)
_ABD_APART = re.compile(r"(?<![\w])عبد (?=ال)")


def _abd_spellings(phrase: str) -> list[str]:
    """A name's "عبد ال..." words written joined, if it writes them apart."""
    if "عبد " not in phrase:
        return []
    joined = _ABD_APART.sub("عبد", phrase)
    return [joined] if joined != phrase else []


# Words before an office phrase that name someone else, or a body: "diplomatic adviser to
# the Prime Minister", "Office of the President", "помощник президента", "радник Президента".
_NOT_THE_HOLDER_WORDS = [
    "adviser to", "advisor to", "aide to", "assistant to", "adviser of", "advisor of",
    "advisers to", "advisors to", "aides to", "envoys of", "conseillers des", "berater der",
    "советники", "советников", "радники", "радників",
    "spokesperson for", "spokesman for", "spokeswoman for", "spokesperson of",
    "spokesman of", "chief of staff to", "chief of staff of", "office of", "cabinet of",
    "administration of", "wife of", "husband of", "envoy of", "special envoy of",
    "representative of", "deputy", "vice", "вице", "віце", "former", "ex", "late",
    # a deputy in the other languages, and a junior minister in the ministry: "den
    # stellvertretenden Außenminister der Ukraine", "Staatsminister im Auswärtigen Amt",
    # "заместитель министра иностранных дел", "заступник міністра закордонних справ"
    "stellvertretende", "stellvertretender", "stellvertretenden", "staatsminister im",
    "staatsministerin im", "staatssekretär im", "staatssekretärin im", "minister of state at",
    "minister of state in", "state secretary at", "state secretary in", "заместитель",
    "заместителя", "заместителем", "заместителю", "замглавы", "заступник", "заступника",
    "заступником", "заступнику",
    # one sent by them: "el enviado especial de la Casa Blanca", "спецпредставитель президента"
    "enviado", "enviada", "enviado especial", "enviada especial", "emisario", "emisaria",
    "envoyé", "envoyée", "envoyé spécial", "envoyée spéciale", "émissaire", "gesandter",
    "sondergesandter", "sondergesandte", "sondergesandten", "посланник", "спецпосланник",
    "спецпредставитель", "посланець", "спецпредставник",
    # "former" elsewhere: "колишня прем'єр-міністр України Юлія Тимошенко" is not the holder
    "ancien", "ancienne", "ehemalige", "ehemaliger", "ehemaligen", "frühere", "früherer",
    "бывший", "бывшая", "бывшего", "бывшим", "бывшему", "бывшей", "экс", "колишній",
    "колишня", "колишнього", "колишнім", "колишньому", "колишньої", "екс",
    "conseiller du", "conseillere du", "conseiller de", "conseiller diplomatique du",
    "conseillere diplomatique du", "conseiller special du", "porte parole du", "cabinet du",
    "conseillers diplomatiques des", "conseillers diplomatiques du",
    "epouse du", "berater des", "beraterin des", "sprecher des", "sprecherin des",
    "asesor del", "asesora del", "portavoz del", "помощник", "помощника", "советник",
    "советника", "пресс секретарь", "администрация", "администрации", "супруга",
    "радник", "радника", "речник", "офіс", "офісу", "дружина",
    # someone who does not hold it yet: "the incoming president", "der designierte Kanzler"
    "incoming", "designierte", "designierter", "designierten", "избранный", "избранного",
    "избранному", "избранным", "новоизбранный", "новоизбранного", "обраний", "обраного",
    "новообраний", "новообраного",
    # nor one who may hold it some day: "talks with a future Russian president"
    "future", "would be", "futur", "künftige", "künftiger", "künftigen", "futuro",
    "futura", "будущий", "будущего", "будущим", "будущему", "майбутній", "майбутнього",
    "майбутнім", "майбутньому",
]


@functools.cache
def _not_the_holder() -> re.Pattern[str]:
    """Those words as one pattern, made at the first office found (folding them loads the
    folding tables, which a process that reads no text, such as a poll in which nothing
    changed, does not need)."""
    return re.compile(
        "(?:^| )(?:(?:" + "|".join(re.escape(token_text(w).strip())
                                   for w in _NOT_THE_HOLDER_WORDS)
        + r")(?: (?:the|la|le|l|des|du|de|der|des|dem|del|de la))?|(?:"
        + "|".join(re.escape(token_text(w).strip()) for w in _ORDINALS)
        + r"|\d+(?:st|nd|rd|th|e|er))) $")


# A holder by number, right before the office, is not the one in office: "the 45th
# president", "П'ятий Президент України Петро Порошенко" (not "first": "First, the Prime
# Ministers of Spain and Denmark", "his first White House visit").
_ORDINALS = [
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "deuxième", "troisième", "quatrième", "cinquième", "sixième", "segundo", "tercer",
    "cuarto", "quinto", "sexto", "второй", "третий", "четвертый", "пятый", "шестой",
    "другий", "третій", "четвертий", "п'ятий", "шостий"]


# Characters before an office searched for those words (the longest with its article).
_HOLDER_REACH = 48

# Kin named before a given name and a leader's surname: "first lady Jill Biden", "his son
# Hunter Biden", "daughter Ivanka Trump" name someone else of that family.
_KIN_WORDS = [
    # (not a bare "son": the French "son", his, as in "reçoit son homologue Xi")
    "first lady", "first gentleman", "wife", "husband", "spouse", "his son", "her son",
    "their son", "daughter",
    "brother", "sister", "son in law", "daughter in law", "stepson", "stepdaughter",
    "nephew", "niece", "widow", "mother", "father", "grandson", "granddaughter",
    "épouse", "mari", "fils", "fille", "frère", "sœur", "gendre", "veuve", "première dame",
    "ehefrau", "ehemann", "sohn", "tochter", "bruder", "schwester", "schwiegersohn", "witwe",
    "esposa", "esposo", "hijo", "hija", "hermano", "hermana", "yerno", "viuda",
    "primera dama", "жена", "сын", "дочь", "брат", "сестра", "зять", "вдова",
    "первая леди", "дружина", "син", "донька", "дочка", "перша леді",
]
# At most this many characters of given names between the kin word and the surname.
_KIN_REACH = 64
# "son of" in a name's patronymic chain (token text): a name right after one is a father's
# or grandfather's, part of the longer name ("Mohammed bin Salman bin Abdulaziz").
_PATRONYMIC = (" bin", " ibn", " bint", " بن", " ابن", " بنت")


@functools.cache
def _kin_before() -> re.Pattern[str]:
    """A kin word and one or two given names right before a surname ("first lady jill")."""
    return re.compile(
        "(?:^| )(?:" + "|".join(re.escape(token_text(w).strip()) for w in _KIN_WORDS)
        + r")(?: (?!(?:of|de|du|des|del|von|der)\b)[^ ]+){1,2}$")

# Chinese, written right before an office (no space between): "美国前国务卿" (the former US
# secretary of state), "前任总统".
_NOT_THE_HOLDER_BEFORE_CJK = ("前", "前任", "原", "候任", "当选")

# Chinese, written right after an office: one who serves its holder, not the holder
# ("美国总统国家安全事务助理沙利文", "俄罗斯总统新闻秘书", "俄罗斯总统特别代表").
_SERVING_AFTER_CJK = re.compile(
    "(?:国家安全事务|国家安全|外交|新闻|首席|高级|特别)*"
    "(?:助理|顾问|代表|发言人|秘书|办公室|办公厅)")

# Words after an office phrase that name someone who does not hold it yet: "the US
# president-elect" on 2024-12-07 is Trump, not the incumbent Biden.
_NOT_YET_AFTER = re.compile(r"(?:elect|electo|electa|elu|elue|designate|designado|designada)\b")
# Words after an office phrase that name one who held it before: "الرئيس المصري السابق"
# (token text: "السابق", "الاسبق").
_FORMER_AFTER = re.compile(r"(?:السابق|الاسبق|السابقه|الاسبقه)\b")
# Where a case alias's sentence ends, for telling text written all in capitals.
_SENTENCE_END = re.compile(r"[.!?;:|。！？؟…]+(?:\s|$)|\n|\s[-–—]\s")
_CASED_WORD = re.compile(r"[^\W\d_]{2,}")
# A case alias inside a longer code is not one: "CAR-T" cells, "PORT-AU-PRINCE", "AU$".
_CODE_AFTER = re.compile(r"-[A-Z](?![^\W_])|\$")
_CAPS_AROUND = re.compile(r"[A-Z]-$")
_CAPS_AFTER = re.compile(r"-[A-Z]")
# Where a sentence (or a quotation, a bracket) begins, for proper aliases.
_OPENING = re.compile(r"[\s\"'«»„“”‘’‚(\[]*$")


# Russian and Ukrainian decline names: "с Путиным", "Сирилом Рамафосой", "Зеленського",
# "з Лукашенком". Each word of a Cyrillic name is declined by its ending (the forms of both
# languages together: a form of the other is no word of this one); a word with an ending that
# does not decline is left as written. Endings are tried in order, the longer first where one
# ends another ("ский" before "ий", "ка" before "а").
_CYRILLIC_WORD = re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+$")
# ending -> (genitive, dative, instrumental, prepositional) endings, each may list several
_DECLENSIONS: tuple[tuple[str, tuple[str, str, str, str]], ...] = (
    ("енко", ("енка", "енку енкові", "енком", "енку енкові")),  # Ukrainian only
    ("ский", ("ского", "скому", "ским", "ском")),
    ("цкий", ("цкого", "цкому", "цким", "цком")),
    ("ський", ("ського", "ському", "ським", "ському ськім")),
    ("цький", ("цького", "цькому", "цьким", "цькому цькім")),
    ("ий", ("ия", "ию", "ием", "ии")),
    ("ій", ("ія", "ію", "ієм", "ії")),
    ("ая", ("ой", "ой", "ой", "ой")),
    ("й", ("я", "ю", "ем єм", "е ї")),
    ("ь", ("я", "ю", "ем", "е")),
    ("ка", ("ки", "ке ці", "кой кою", "ке ці")),
    ("га", ("ги", "ге зі", "гой гою", "ге зі")),
    ("ха", ("хи", "хе сі", "хой хою", "хе сі")),
    ("жа", ("жи", "же жі", "жей жею", "же жі")),
    ("ша", ("ши", "ше ші", "шей шею", "ше ші")),
    ("ча", ("чи", "че чі", "чей чею", "че чі")),
    ("а", ("ы и", "е і", "ой ою", "е і")),
    ("я", ("и і", "е і", "ей ею", "е і")),
    ("о", ("а", "у ові", "ом", "і ові")),  # Ukrainian masculine names: Дмитро, Кличко
    ("ов", ("ова", "ову", "овым овим", "ове ові")),
    ("ев", ("ева", "еву", "евым евим", "еве еві")),
    ("ёв", ("ёва", "ёву", "ёвым", "ёве")),
    ("ин", ("ина", "ину", "иным ином", "ине")),  # Путиным; Си Цзиньпином
    ("ын", ("ына", "ыну", "ыным", "ыне")),
    ("ін", ("іна", "іну", "іним іном", "іні")),
)
# Words inside a name that are not declined: "Мухаммед бін Салман" -> "Мухаммедом бін
# Салманом", "Башар аль-Асад".
_NAME_PARTICLES = frozenset({"бин", "бін", "бен", "ибн", "ібн", "аль", "ал", "эль", "ель", "ас",
                             "де", "да", "ван", "фон", "дос", "дас"})
_HUSHING = "жшчщц"
_CONSONANTS = "бвгджзклмнпрстфхцчшщ"


def _declined(word: str) -> tuple[set[str], ...]:
    """A word's genitive, dative, instrumental and prepositional forms, each set holding the
    word itself too (a first name is often left as written: "Эмомали Рахмоном")."""
    cases: tuple[set[str], ...] = ({word}, {word}, {word}, {word})
    if not _CYRILLIC_WORD.match(word):
        return cases
    for ending, endings in _DECLENSIONS:
        if word.endswith(ending):
            stem = word[:-len(ending)]
            for forms, case in zip(endings, cases, strict=True):
                case.update(stem + e for e in forms.split())
            return cases
    if word[-1] in _CONSONANTS:
        instrumental = "ем ом" if word[-1] in _HUSHING else "ом"
        for forms, case in zip(("а", "у ові", instrumental, "е і ові"), cases, strict=True):
            case.update(word + e for e in forms.split())
    return cases


def cyrillic_case_forms(alias: str) -> list[str]:
    """The oblique case forms of a Cyrillic name ("Сирил Рамафоса" -> "Сирила Рамафосы",
    ..., "Сирилом Рамафосой"): every word in the same case. None for a name in another
    script."""
    words = alias.split()
    if not words or not _CYRILLIC_WORD.match(words[-1]) \
            or not all(_CYRILLIC_WORD.match(w) or w in _NAME_PARTICLES for w in words):
        return []
    declined = [_declined(w) for w in words]
    out: dict[str, None] = {}
    for case in range(4):
        # The last word (the surname) declined when it declines; the words before it
        # declined in the same case or left as written.
        combos = sorted(declined[-1][case] - {words[-1]}) or [words[-1]]
        for forms in reversed(declined[:-1]):
            combos = [f"{f} {c}" for f in sorted(forms[case]) for c in combos]
        out.update(dict.fromkeys(combos))
    out.pop(alias, None)
    return list(out)


def part_of_a_code(text: str, start: int, end: int) -> bool:
    """Whether the case alias text[start:end] belongs to a longer code or name written in
    capitals and hyphens: "CAR-T" cells (a hyphen and one capital after it), "AU$" (a
    currency), "PORT-AU-PRINCE" (capitals joined by hyphens on both sides). "US-China talks"
    and "EU-US trade" are the alias."""
    if _CODE_AFTER.match(text, end):
        return True
    return bool(_CAPS_AROUND.search(text, 0, start) and _CAPS_AFTER.match(text, end)
                and text[end + 1:end + 3].isupper())


def starts_a_sentence(text: str, start: int) -> bool:
    """Whether text[start] is a sentence's first word (after a quotation mark or a bracket
    that opens it too), or the sentence is written in Title Case (most of its words capital):
    where a word is capitalised whatever it is."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    if _OPENING.fullmatch(text, begin, start):
        return True
    after = _SENTENCE_END.search(text, start)
    # The words of four letters or more but the sentence's first and the alias itself.
    found = list(_CASED_WORD.finditer(text, begin, after.start() if after else len(text)))
    words = [m.group(0) for m in found[1:] if len(m.group(0)) > 3 and m.start() != start]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 4 >= len(words) * 3


def all_capitals(text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] is written in capitals ("TALKS WITH US
    COLLAPSE"), where a case alias tells nothing: three in four of its other words that have
    a case are all capitals."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    words = [w for w in _CASED_WORD.findall(text[begin:start] + " " +
                                            text[end:after.start() if after else len(text)])
             if w.upper() != w.lower()]
    upper = sum(w.isupper() for w in words)
    return bool(words) and upper * 4 >= len(words) * 3


# An ambiguous surname ("Abe", "Kim", "May") names a person only by its context: coordinated
# with a person the text names ("Abe and Xi", "Trump, Kim", "Moon-Kim talks", "Путин и Абэ",
# "entre Abe et Xi"), or after a title the person's office fits ("Prime Minister Abe"); and
# only when one person of that surname holds an office on the day (_by_context).
_AND_WORDS = ("and", "und", "et", "y", "e", "и", "і", "та", "й")
# How the written text joins two names: a comma, a hyphen or slash without spaces, "&", a
# coordinating word; the other name begins with a capital.
_JOIN = r"(?:,[ \t]*|[-–—/]|[ \t]*&[ \t]*|[ \t]+(?:" + "|".join(_AND_WORDS) + r")[ \t]+)"
_JOINED_AFTER = re.compile(_JOIN + r"(?=[^\W\d_])")
# A contact verb between two names joins them as a coordinating word does: "Orbán meets
# Putin", "Putin hosts Orbán", "Sánchez s'entretient avec Macron" (the other name is a
# person the text names: _by_context). Written forms; folded as token_text folds them for
# the token text.
CONTACT_JOINS = (
    "meets", "met", "meets with", "met with", "hosts", "hosted", "receives", "received",
    "welcomes", "welcomed", "calls", "called", "phones", "phoned", "speaks with", "spoke with",
    "speaks to", "spoke to", "talks with", "talked with", "holds talks with",
    "held talks with", "rencontre", "a rencontré", "reçoit", "a reçu", "accueille",
    "s'entretient avec", "s'est entretenu avec", "téléphone à", "trifft", "traf", "empfängt",
    "empfing", "telefoniert mit", "telefonierte mit", "spricht mit", "sprach mit",
    "se reúne con", "se reunió con", "recibe a", "recibió a", "habla con", "habló con",
    "встретился с", "встречается с", "принял", "принимает", "провел переговоры с",
    "провёл переговоры с", "поговорил с", "зустрівся з", "зустрівся із", "прийняв",
    "провів переговори з", "поговорив з")
_CONTACT_TOKENS = tuple(sorted({token_text(v).strip() for v in CONTACT_JOINS}, key=len,
                               reverse=True))
_CONTACT_AFTER = re.compile(r"[ \t]+(?:" + "|".join(
    re.escape(v) for v in sorted(CONTACT_JOINS, key=len, reverse=True))
    + r")[ \t]+(?=[^\W\d_])", re.IGNORECASE)
_CONTACT_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_][\w'’.-]*[ \t]+(?:" + "|".join(
    re.escape(v) for v in sorted(CONTACT_JOINS, key=len, reverse=True))
    + r")[ \t]+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[ \t]+([^\W_][\w'’.-]*)")
# Titles before a surname, folded as token_text folds them, and the offices they name.
# A word of letters (an ambiguous alias is one).
_WORD = re.compile(r"[^\W\d_]+")
_TITLES: dict[str, tuple[str, ...]] = {}
for _words, _offices in (
        (("president", "presidente", "presidenta", "prasident", "prasidentin", "президент",
          "президента", "президенту", "президентом", "президенте", "президенті"),
         ("head-of-state",)),
        (("prime minister", "pm", "premier", "chancellor", "premier ministre",
          "premiere ministre", "kanzler", "kanzlerin", "bundeskanzler", "bundeskanzlerin",
          "premierminister", "premierministerin", "ministerprasident", "ministerprasidentin",
          "primer ministro", "primera ministra", "премьер", "премьер министр",
          "премьер министра", "премьер министру", "премьер министром", "канцлер", "канцлера",
          "прем єр", "прем єр міністр", "прем єр міністра", "прем єр міністру"),
         ("head-of-government",)),
        (("foreign minister", "foreign secretary", "secretary of state", "aussenminister",
          "aussenministerin", "canciller", "ministre des affaires etrangeres",
          "ministro de asuntos exteriores", "ministro de relaciones exteriores",
          "министр иностранных дел", "главы мид", "глава мид", "міністр закордонних справ",
          "глава мзс"), ("foreign-minister",)),
        # a monarch named by the given name ("King Juan Carlos", "el rey Felipe", "König
        # Harald"): the head of state
        (("king", "queen", "rey", "reina", "roi", "reine", "konig", "konigin", "emperor",
          "empress", "emir", "sultan", "король", "короля", "королем", "королю", "королева",
          "королеву", "эмир", "эмира", "султан", "султана", "емір", "еміра"),
         ("head-of-state",))):
    for _word in _words:
        _TITLES[_word] = _offices
_TITLE_LAST_WORDS = {w.split()[-1] for w in _TITLES}
# The offices of those who lead a state abroad, in this order (a "counterpart" of one is the
# holder of the first of them the other state has: frames.py).
LEADING_OFFICES = ("head-of-state", "head-of-government", "foreign-minister")


def _word_before(text: str, end: int, marks: str = "'’.-") -> tuple[int, int]:
    """(start, end) of the word that ends at `end` after spaces or tabs, of letters, digits and
    `marks`; an empty span where none does. Scanned by hand: a pattern searched backwards
    from `end` tries every position before it."""
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in marks):
        start -= 1
    return start, end


def _contact_before(text: str, start: int) -> bool:
    """Whether a capitalised word and a contact verb come right before text[start]: "Putin
    hosts Orbán" (CONTACT_JOINS)."""
    found = _CONTACT_BEFORE.search(text, max(0, start - 60), start)
    return found is not None and text[found.start()].isupper()


def _joined_before(text: str, start: int) -> bool:
    """Whether a capitalised word is joined to text[start] as _JOIN joins two names: "Trump,
    Kim", "Moon-Kim", "Abe and Xi", "Trump & Kim"."""
    end = start
    if end > 0 and text[end - 1] in "-–—/":
        end -= 1
    else:
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        if end > 0 and text[end - 1] in ",&":
            end -= 1
        elif end < start:
            a, b = _word_before(text, end, "")
            if b == end and a < b and text[a:b] in _AND_WORDS and a > 0 and text[a - 1] in " \t":
                end = a
            else:
                return False
        else:
            return False
    a, b = _word_before(text, end, "'’.")
    return a < b and text[a].isupper() and text[a:b][0].isalpha()


_POSSESSIVE_BEFORE = re.compile(r"(?:[A-Z][\w.-]*[ \t]+){0,2}[A-Z][\w.-]*['’]s[ \t]+$")


def _possessive_start(text: str, start: int) -> int:
    """Where a state's possessive right before a name begins ("Kishida and South Korea's
    Yoon": the join is before "South"), else `start`. Whether the words name a state, the
    knowledge base decides (KnowledgeBase._by_context)."""
    m = _POSSESSIVE_BEFORE.search(text, max(0, start - 60), start)
    return m.start() if m is not None else start


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _script(name: str) -> str:
    """The script of a name's first letter ("LATIN", "CYRILLIC", "CJK", "ARABIC"...)."""
    letter = next((c for c in name if c.isalpha()), "")
    return unicodedata.name(letter, "").split(" ")[0] if letter else ""


def _title_case(text: str, start: int) -> bool:
    """Whether the sentence around text[start] is written in Title Case (most of its words of
    four letters or more, but the first and the one at `start`, capital)."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, start)
    found = list(_CASED_WORD.finditer(text, begin, after.start() if after else len(text)))
    words = [m.group(0) for m in found[1:] if len(m.group(0)) > 3 and m.start() != start]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 4 >= len(words) * 3


def named_by_context(text: str, start: int, end: int, alone: bool = False) -> bool:
    """Whether an ambiguous surname written at text[start:end] (with its capital) stands where
    a name is coordinated with another ("Abe and Xi", "Trump, Kim", "Moon-Kim summit") or
    after a title ("Prime Minister Abe"), and is a whole name: not a longer one's part ("Kim
    Yo Jong", "Steve Kim", in text that is not Title Case), not a date ("Trump, May 5"),
    not in a sentence written in capitals. Whether the other name is a person's, and whose
    the surname is, the knowledge base decides on the day (KnowledgeBase._by_context).
    `alone`: the surname may also stand by itself (its item names the person in full)."""
    following = _NEXT_WORD.match(text, end)
    if following and following.group(1)[0].isdigit():
        return False  # "May 5", "May 2018": a month
    p_start, p_end = _word_before(text, start)
    previous = text[p_start:p_end] if p_end < start and text[p_start:p_end][:1].isalpha() else ""
    titled = bool(previous) and token_text(previous).strip().split(" ")[-1] in _TITLE_LAST_WORDS
    if not titled and not alone:  # the cheap test first: most capitalised surnames stand alone
        after = _JOINED_AFTER.match(text, end) or _CONTACT_AFTER.match(text, end)
        lead = _possessive_start(text, start)
        if not ((after and text[after.end()].isupper()) or _joined_before(text, lead)
                or _contact_before(text, lead)):
            return False
    if all_capitals(text, start, end) or part_of_a_code(text, start, end):
        return False
    if not _title_case(text, start) and following and following.group(1)[0].isupper():
        return False  # "Kim Yo Jong"
    # "Steve Kim", "Jimmy Lai", "Marjorie Taylor Greene": a first name, at a sentence's start
    # or in Title Case too; a title, a state's possessive, "And" in Title Case are not.
    return not (previous and previous[0].isupper() and not titled
                and not previous.endswith(("'s", "’s")) and previous.lower() not in _AND_WORDS)


@dataclass(frozen=True)
class Role:
    office: str
    title: str
    country: str
    start: date | None
    end: date | None

    def covers(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str  # "person" | "country"
    name: str
    roles: tuple[Role, ...] = ()
    # The state whose office says who this person is, where several cover one day: a
    # President of France is ex officio Co-Prince of Andorra, a King of the United Kingdom
    # head of state of fourteen other realms. Set by a hand-written source over a generated one.
    home: str = ""

    def role_at(self, day: date | None) -> Role | None:
        current = [r for r in self.roles if r.covers(day)]
        if current:
            return next((r for r in current if r.country == self.home), current[0])
        if not self.roles:
            return None
        return next((r for r in reversed(self.roles) if r.country == self.home), self.roles[-1])

    def describe(self, day: date | None) -> str:
        if self.kind != "person":
            return self.name
        role = self.role_at(day)
        return f"{self.name}, {role.title}" if role else self.name


@dataclass(frozen=True)
class Conflict:
    """An armed conflict: the states at war in it, where, and when (states.yaml)."""

    id: str
    name: str
    parties: tuple[str, ...]
    theatre: tuple[str, ...]
    start: date | None
    end: date | None
    others: tuple[str, ...] = ()  # parties the knowledge base does not know, by name
    # The two sides, when the parties are not all against each other (default: the two
    # parties of a war between two states and no one else).
    sides: tuple[tuple[str, ...], ...] = ()
    # Who mediated talks between the sides, and when: ((codes), from, to).
    mediators: tuple[tuple[tuple[str, ...], date | None, date | None], ...] = ()

    def covers(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def side_of(self, code: str) -> int | None:
        """0 or 1: the side a state fights on, or None."""
        return next((k for k, side in enumerate(self.sides) if code in side), None)

    def mediates(self, code: str, day: date) -> bool:
        return any(code in who and (start is None or start <= day) and (end is None or day <= end)
                   for who, start, end in self.mediators)


@dataclass(frozen=True)
class EventType:
    id: str
    title: str


@dataclass(frozen=True)
class Mention:
    entity: Entity
    alias: str  # the phrase as the knowledge base writes it
    start: int  # offset in the token text, for ordering and proximity
    via: str  # "name", "office" or "country"


@dataclass(frozen=True)
class EventMention:
    event: EventType
    phrase: str
    start: int


@dataclass(frozen=True)
class Contact:
    """Two known people of different countries in direct contact, as a report tells it."""

    first: Mention
    second: Mention
    phrase: str  # the contact phrase, as the knowledge base writes it


def _day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _cache_dir() -> Path:
    """The knowledge base's part of the cache folder (alerts.buildcache)."""
    return buildcache.cache_root() / "knowledge"


def _load(name: str) -> Any:
    """A shipped data file. Parsed YAML is kept as JSON in the user's cache folder, keyed
    by the file's content (reading JSON is ten times quicker than parsing the YAML); when
    the cache cannot be read or written, the YAML is parsed every time."""
    raw = resources.files("alerts.knowledge").joinpath("data", name).read_bytes()
    cached = _cache_dir() / f"{name}.{hashlib.blake2b(raw, digest_size=12).hexdigest()}.json"
    try:
        return json.loads(cached.read_bytes())
    except (OSError, ValueError):
        pass
    import yaml  # only to parse (#17: a poll reads the cached JSON and the built base)

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(raw.decode("utf-8"), Loader=loader) or []
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        for old in cached.parent.glob(f"{name}.*.json"):  # earlier versions of the file
            old.unlink(missing_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(data, default=str, ensure_ascii=False), "utf-8")
        partial.replace(cached)
    except OSError:
        pass  # a read-only home (a hardened service): parse each time
    return data


class _Unpacked(dict):  # type: ignore[type-arg]
    """A table of a pickled knowledge base (its entities, its office holders) whose values
    are each unpickled the first time they are asked for (#17): a steady-state poll reads a
    few hundred of the ~4,000 entities, and unpickling them all (with their roles and dates)
    was ~30 ms of its ~75 ms knowledge base. Read as a dict; what iterates, counts or
    compares it unpacks all of it first. Not for adding to."""

    def __init__(self, packed: dict[Any, bytes]) -> None:
        super().__init__()
        self._packed = packed

    @classmethod
    def of(cls, table: dict[Any, Any]) -> _Unpacked:
        if isinstance(table, _Unpacked):
            return table
        return cls({key: pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
                    for key, value in table.items()})

    def __missing__(self, key: Any) -> Any:
        blob = self._packed.get(key)
        if blob is None:
            raise KeyError(key)
        # setdefault: two threads unpacking one value at once keep the first one's object
        return dict.setdefault(self, key, pickle.loads(blob))

    def get(self, key: Any, default: Any = None) -> Any:
        if key in self:
            return self[key]
        return default

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self._packed

    def _whole(self) -> None:
        for key in self._packed:
            if not dict.__contains__(self, key):
                self.__missing__(key)

    def __iter__(self) -> Any:
        self._whole()
        return dict.__iter__(self)

    def __len__(self) -> int:
        return len(self._packed)

    def keys(self) -> Any:
        self._whole()
        return dict.keys(self)

    def values(self) -> Any:
        self._whole()
        return dict.values(self)

    def items(self) -> Any:
        self._whole()
        return dict.items(self)

    def __eq__(self, other: object) -> bool:
        self._whole()
        if isinstance(other, _Unpacked):
            other._whole()
        return dict.__eq__(self, other)

    def __repr__(self) -> str:
        self._whole()
        return dict.__repr__(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return _Unpacked, (self._packed,)


_Payload = tuple[str, str, str]  # entity id, the alias as written, how it names it
_Hit = tuple[int, str, tuple[_Payload, ...]]  # PhraseIndex.find's: start, key, payloads


class KnowledgeBase:
    def __init__(self, people: list[dict], countries: list[dict],
                 offices: list[dict] | Callable[[], list[dict]],
                 events: list[dict], modality: dict | None = None,
                 states: dict | None = None, calendar: dict | None = None):
        """`offices` may be a loader; either way the office phrases (the largest file, which
        checking rules never needs) are indexed when text is first searched for holders.
        `states`: how states are led and their armed conflicts (states.yaml); `calendar`:
        words that name a time, not a place (calendar.yaml), by language."""
        self.entities: dict[str, Entity] = {}
        self.events: dict[str, EventType] = {}
        self._names: PhraseIndex[tuple[str, str, str]] = PhraseIndex()
        self._office_specs = offices
        self._recent: dict[tuple[str, date | None, tuple[tuple[int, str], ...],
                                 frozenset[str]], list[Mention]] = {}
        self._office_index: PhraseIndex[tuple[str, str, str]] | None = None
        self._scans: tuple[tuple[str, tuple[_Hit, ...], tuple[_Hit, ...]], ...] = ()
        self._triggers: PhraseIndex[tuple[str, str]] = PhraseIndex()
        self._holders: dict[tuple[str, str], list[tuple[Role, str]]] = {}
        self._lookup: dict[str, str] = {}
        # Case aliases ("US"), matched in the written text, capitals included: their folded
        # form is a common word ("us"). Written form -> payloads.
        self._case: dict[str, list[_Payload]] = {}
        # Proper aliases: case aliases that are a common word at a sentence's start (Ukrainian
        # "Малі" is Mali and "small"): matched as written, never where a sentence begins.
        self._proper: set[str] = set()
        # Ambiguous aliases of people, as written -> the ids of everyone who has it.
        self._ambiguous: dict[str, list[str]] = {}
        # People whose names the base knows in more than one script (leaders named abroad):
        # a surname coordinated with another name is theirs without the text naming their
        # state ("Abe and Xi"); "Trump and Cruz" is not Cuba's prime minister Marrero Cruz.
        self._named_abroad: set[str] = set()
        self._ambiguous_automaton: Any = None  # their written forms, found in one pass

        # A state's adjectives that are none of its names, folded: "Armenian" in "recognises
        # Armenian genocide" names no state recognised (SentenceFrames._states_recognised);
        # not "Italien" (French "Italian", German "Italy") nor "U.S.".
        adjectives: set[str] = set()
        state_names: set[str] = set()
        for spec in countries:
            code = str(spec["code"])
            adjectives.update(fold(str(p)) for words in (spec.get("adjectives") or {}).values()
                              for p in words or [])
            state_names.update(fold(str(p)) for words in (spec.get("names") or {}).values()
                               for p in words or [])
            entity = Entity(code, "country", str(spec.get("name") or code))
            self.entities[code] = entity
            self._lookup[code.lower()] = code
            for group in ("names", "adjectives", "capital"):
                # (a capital names where something is as often as whose: "Havana embassy")
                via = "capital" if group == "capital" else "country"
                for lang_names in (spec.get(group) or {}).values():
                    for phrase in lang_names or []:
                        self._names.add(str(phrase), (code, str(phrase), via))
                        if group == "names":
                            self._lookup.setdefault(token_text(str(phrase)).strip(), code)
            for phrase in spec.get("case_aliases") or []:
                self._case.setdefault(str(phrase), []).append((code, str(phrase), "country"))
            for phrase in spec.get("proper_aliases") or []:
                self._case.setdefault(str(phrase), []).append((code, str(phrase), "country"))
                self._proper.add(str(phrase))
        for spec in people:
            roles = tuple(
                Role(str(r.get("office", "other")), str(r.get("title", "")),
                     str(r.get("country", "")), _day(r.get("from")), _day(r.get("to")))
                for r in spec.get("roles") or [])
            entity = Entity(str(spec["id"]), "person", str(spec.get("name") or spec["id"]), roles,
                            str(spec.get("home") or ""))
            self.entities[entity.id] = entity
            self._lookup[entity.id] = entity.id
            for phrase in [entity.name, *(spec.get("aliases") or []),
                           *(spec.get("script_aliases") or [])]:
                for spelling in _abd_spellings(str(phrase)):
                    self._names.add(spelling, (entity.id, spelling, "name"))
                self._names.add(str(phrase), (entity.id, str(phrase), "name"))
                self._lookup.setdefault(token_text(str(phrase)).strip(), entity.id)
                for form in cyrillic_case_forms(str(phrase)):
                    self._names.add(form, (entity.id, form, "name"))
            for phrase in spec.get("case_aliases") or []:
                self._case.setdefault(str(phrase), []).append((entity.id, str(phrase), "name"))
            # Ambiguous surnames written with a capital ("Abe", "Kim", "Мэй"): a name only
            # where the text's context says whose (_by_context). Scripts without case
            # (Arabic, Chinese) give no capital to go by.
            for phrase in _with_accents(spec.get("ambiguous_aliases") or [], entity.name):
                if phrase[:1].isupper() and _WORD.fullmatch(phrase):
                    self._ambiguous.setdefault(phrase, []).append(entity.id)
            if spec.get("ambiguous_aliases") and len({_script(str(a)) for a in [
                    *(spec.get("aliases") or []), *spec["ambiguous_aliases"]]}) > 1:
                self._named_abroad.add(entity.id)
            for role in roles:
                self._holders.setdefault((role.office, role.country), []).append((role, entity.id))
        self.adjectives: frozenset[str] = frozenset(adjectives - state_names)
        self.calendar: tuple[str, ...] = tuple(dict.fromkeys(
            str(p) for words in (calendar or {}).values() for p in words or []))
        states = states or {}
        # code -> (the office that leads the state's government, since when)
        self._leaders: dict[str, tuple[str, date | None]] = {
            str(spec["code"]): (str(spec["leader"]), _day(spec.get("from")))
            for spec in states.get("leaders") or []}
        self.conflicts: tuple[Conflict, ...] = tuple(
            _conflict(spec) for spec in states.get("conflicts") or [])
        modality = modality or {}
        self._before = {token_text(str(p)).strip() for words in
                        (modality.get("before") or {}).values() for p in words or []}
        self._denials: PhraseIndex[str] = PhraseIndex()
        for words in (modality.get("denial") or {}).values():
            for phrase in words or []:
                self._denials.add(str(phrase), str(phrase))
        # Longest first: "US" must not end the search for "USA" (which is a name anyway).
        self._case_pattern = re.compile(
            r"(?<![^\W_])(?:" + "|".join(re.escape(a) for a in sorted(self._case, key=len,
                                                                      reverse=True))
            + r")(?![^\W_])") if self._case else None
        for spec in events:
            event = EventType(str(spec["id"]), str(spec.get("title") or spec["id"]))
            self.events[event.id] = event
            for lang_phrases in (spec.get("triggers") or {}).values():
                for phrase in lang_phrases or []:
                    self._triggers.add(str(phrase), (event.id, str(phrase)))

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (the cache file), the entities and office holders are packed one by one,
        to be unpacked when first asked for (_Unpacked)."""
        state = dict(self.__dict__)
        state["entities"] = _Unpacked.of(self.entities)
        state["_holders"] = _Unpacked.of(self._holders)
        # Every name of every entity, for rules and `alerts check` only (resolve, suggest):
        # packed whole, unpacked at its first use (__getattr__).
        packed = state.pop("_lookup_packed", None)
        state["_lookup"] = packed if packed is not None else pickle.dumps(
            self._lookup, protocol=pickle.HIGHEST_PROTOCOL)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        if isinstance(state.get("_lookup"), bytes):
            state = dict(state)
            state["_lookup_packed"] = state.pop("_lookup")
        self.__dict__.update(state)

    def __getattr__(self, name: str) -> Any:
        """The lookup table of names, unpacked at its first use (only a pickled base lacks
        it)."""
        packed = self.__dict__.get("_lookup_packed") if name == "_lookup" else None
        if packed is None:
            raise AttributeError(name)
        lookup = self.__dict__.setdefault("_lookup", pickle.loads(packed))
        self.__dict__.pop("_lookup_packed", None)  # another thread may have done it
        return lookup

    @property
    def _offices(self) -> PhraseIndex[tuple[str, str, str]]:
        """Office phrases, indexed when text is first searched for office holders."""
        if self._office_index is None:
            specs = self._office_specs
            index: PhraseIndex[tuple[str, str, str]] = PhraseIndex()
            for spec in specs() if callable(specs) else specs:
                for phrase in spec.get("phrases") or []:
                    index.add(str(phrase), (str(spec["office"]), str(spec["country"]),
                                            str(phrase)))
            self._office_index = index
        return self._office_index

    # -- for rule validation ---------------------------------------------------------------

    def resolve(self, name: str) -> Entity | None:
        """An entity by id, code or any alias, as a rule author may write it."""
        entity_id = self._lookup.get(name) or self._lookup.get(token_text(name).strip())
        return self.entities.get(entity_id) if entity_id else None

    def suggest(self, name: str) -> list[str]:
        return difflib.get_close_matches(token_text(name).strip(), list(self._lookup), n=3)

    # -- in text ---------------------------------------------------------------------------

    def holder(self, office: str, country: str, day: date | None) -> Entity | None:
        """Who held the office on `day`: of overlapping tenures (an acting holder, a stale
        record), the one that began last."""
        best: tuple[date, str] | None = None
        for role, entity_id in self._holders.get((office, country), []):
            if role.covers(day) and (best is None or (role.start or date.min) > best[0]):
                best = (role.start or date.min, entity_id)
        return self.entities[best[1]] if best else None

    def president_office(self, country: str) -> str:
        """The office a state's president holds, as the office phrases say ("President of
        Iran": the head of government; the supreme leader is its head of state): the head
        of state where they say nothing."""
        entity = self.entities.get(country)
        if entity is not None:
            for _, _, payloads in self._offices.find(token_text(f"president of {entity.name}")):
                for office, code, _ in payloads:
                    if code == country:
                        return office
        return "head-of-state"

    def leading_office(self, country: str, day: date | None) -> str:
        """The office that leads `country`'s government on `day` and hosts the working
        visits of foreign leaders: the head of government where the head of state is
        ceremonial (states.yaml), the head of state everywhere else."""
        office, since = self._leaders.get(country, ("head-of-state", None))
        if since is not None and (day is None or day < since):
            return "head-of-state"
        return office

    def conflicts_of(self, party: str, day: date | None) -> list[Conflict]:
        """The armed conflicts `party` (a state's code) is a party to on `day`."""
        return [c for c in self.conflicts if party in c.parties and c.covers(day)]

    def war_between(self, a: str, b: str, day: date | None,
                    mediator: bool = False) -> Conflict | None:
        """The conflict going on on `day` whose two sides the states `a` and `b` are on or,
        with `mediator`, one of whose sides is `a` or `b` and the other its mediator then.
        Undated text has no war going on."""
        if day is None or not a or not b:
            return None
        for c in self.conflicts:
            if not c.covers(day):
                continue
            sa, sb = c.side_of(a), c.side_of(b)
            if sa is not None and sb is not None and sa != sb:
                return c
            if mediator and ((sa is not None and sb is None and c.mediates(b, day))
                             or (sb is not None and sa is None and c.mediates(a, day))):
                return c
        return None

    def case_hits(self, text: str, named: Callable[[], Collection[str]] | None = None
                  ) -> list[tuple[int, str]]:
        """The case aliases written in `text` (as written: "US", not "us" nor "Us"), each as
        (where it starts in `text`, the alias); none in a sentence written in capitals. With
        them, the ambiguous surnames written where a name may stand on its context
        (named_by_context), or anywhere a name may stand when they are the surname of a
        person `named` (the ids its item names: "Sánchez" after "Pedro Sánchez", asked only
        of text with such a surname): mentions() decides whose they are, if anyone's."""
        # The pattern tries its lookbehind and every alias at each character (about 10 µs
        # for a 200-character summary); most texts hold none of the few aliases at all.
        hits = self._case_alias_hits(text) if any(alias in text for alias in self._case) \
            else []
        if self._ambiguous:
            found = [(end + 1 - len(alias), end + 1, alias)
                     for end, alias in self._ambiguous_finder().iter(text)]
            hits += [(start, alias) for start, end, alias in found
                     if not (start and _word_char(text[start - 1]))
                     and not (end < len(text) and _word_char(text[end]))
                     and alias not in self._case and (
                         named_by_context(text, start, end)
                         or (named is not None and self.named_surname(alias, named())
                             is not None and named_by_context(text, start, end, alone=True)))]
            hits.sort()
        return hits

    def _case_alias_hits(self, text: str) -> list[tuple[int, str]]:
        """case_hits' case aliases (the ambiguous surnames aside), found by the pattern."""
        if self._case_pattern is None:
            return []
        return [(m.start(), m.group(0)) for m in self._case_pattern.finditer(text)
                if not all_capitals(text, m.start(), m.end())
                and not part_of_a_code(text, m.start(), m.end())
                and not (m.group(0) in self._proper and starts_a_sentence(text, m.start()))]

    def text_mentions(self, text: str, day: date | None) -> list[Mention]:
        """mentions() of written text: its token text, and its case aliases."""
        tokens = token_text(text)
        cased = []
        for start, alias in self.case_hits(text):
            # The key's leading space: where the token text of what comes before ends.
            before = token_text(text[:start])
            offset = len(before) - 1 if before.strip() else 0
            key = token_text(alias)
            if tokens.startswith(key, offset):  # folding kept the words apart, as it should
                cased.append((offset, alias))
        return self.mentions(tokens, day, tuple(cased))

    def mentions(self, tokens: str, day: date | None,
                 cased: tuple[tuple[int, str], ...] = (),
                 named: frozenset[str] = frozenset()) -> list[Mention]:
        """Known people and countries named in `tokens` (see token_text), first mention each.
        `cased`: case aliases the written text holds, as (where the alias's key starts in
        `tokens`, the alias as written); see case_hits and text_mentions. `named`: the people
        the text's item names, whose ambiguous surnames stand for them (case_hits).

        Remembered for the last texts: matching, story grouping and the message's "who"
        ask about the same item in turn."""
        key = (tokens, day, cased, named)
        found = self._recent.get(key)
        if found is None:
            found = self._mentions(tokens, day, cased, named)
            if len(self._recent) >= _RECENT_TEXTS:
                self._recent.clear()
            self._recent[key] = found
        return list(found)

    def _mentions(self, tokens: str, day: date | None,
                  cased: tuple[tuple[int, str], ...] = (),
                  named: frozenset[str] = frozenset()) -> list[Mention]:
        found: dict[str, Mention] = {}
        hits, offices = self._hits(tokens)
        if cased:
            hits += [(start, token_text(alias), tuple(self._case[alias]))
                     for start, alias in cased if alias in self._case]
            hits.sort(key=lambda hit: hit[0])
        spans = [(start, start + len(key)) for start, key, _ in hits]
        # a part of a longer name is not named: "Sudan" in "South Sudan", 印度 in 印度尼西亚
        inside = within_longer(spans)
        hits = [hit for hit, span in zip(hits, spans, strict=True) if span not in inside]
        people: list[tuple[int, int, Entity]] = []  # where the text names a person, and whom
        for start, key, payloads in hits:
            end = start + len(key)
            if " " not in key.strip() and _kin_before().search(
                    tokens, max(0, start - _KIN_REACH), start) and all(
                    self.entities[entity_id].kind == "person" for entity_id, _, _ in payloads):
                continue  # "first lady Jill Biden": a surname of someone else of the family
            if (" " + tokens[max(0, start - 6):start].rstrip()).endswith(_PATRONYMIC):
                continue  # "محمد بن سلمان بن عبدالعزيز": his father's name, not his father
            for entity_id, alias, via in payloads:
                if self.entities[entity_id].kind == "person":
                    people.append((start, end, self.entities[entity_id]))
                if entity_id not in found:
                    found[entity_id] = Mention(self.entities[entity_id], alias, start, via)
        # Where the names begin: an office right before a name is that person's title
        # ("Congolese President Joseph Kabila" names Kabila, whichever Congo's president the
        # title alone would be).
        # (a name's key starts with the space after the office's last word; in Chinese, with
        # no space, right at its end: "美国总统小布什")
        name_starts = {s + 1 for s, _, _ in people} | {s for s, _, _ in people}
        # "le président sénégalais", "президент Кении": an office noun beside a state, in
        # the languages whose phrases the base does not list for every state (titles.py)
        offices = offices + titled_offices(self, tokens, hits)
        # an office inside a longer one is not named: 几内亚总理 in 巴布亚新几内亚总理
        inside = within_longer([(start, start + len(key)) for start, key, _ in offices])
        # a Chinese office written bare right after another state's name is that state's:
        # "老挝国家主席通伦" is no Chinese head of state
        state_ends = {start + len(key): {e for e, _, _ in payloads
                                         if self.entities[e].kind == "country"}
                      for start, key, payloads in hits if CJK.match(key)}
        for start, key, payloads in offices:
            if (start, start + len(key)) in inside:
                continue
            before = state_ends.get(start)
            if before:
                payloads = tuple(p for p in payloads if p[1] in before)
            if start + len(key) in name_starts:
                continue
            if _not_the_holder().search(tokens, max(0, start - _HOLDER_REACH), start + 1) \
                    or tokens.endswith(_NOT_THE_HOLDER_BEFORE_CJK, 0, start):
                continue  # "adviser to the Prime Minister of X", "Office of the President"
            if _NOT_YET_AFTER.match(tokens, start + len(key)) \
                    or _FORMER_AFTER.match(tokens, start + len(key)):
                continue  # "president-elect", "presidente electo", "الرئيس ... السابق"
            if _SERVING_AFTER_CJK.match(tokens, start + len(key)):
                continue  # "美国总统国家安全事务助理": the US president's security adviser
            for office, country, phrase in payloads:
                person = self.holder(office, country, day)
                if person is not None:
                    people.append((start, start + len(key), person))
                if person is not None and person.id not in found:
                    found[person.id] = Mention(person, phrase, start, "office")
        if cased:
            ambiguous = [(start, alias) for start, alias in cased if alias in self._ambiguous
                         and not any(s <= start and start + len(token_text(alias)) <= e
                                     for s, e in spans)]  # "Kim" of "Kim Jong Un"
            states = {m.entity.id for m in found.values() if m.entity.kind == "country"}
            for start, person, alias in self._by_context(tokens, day, ambiguous, people,
                                                         states, named):
                found.setdefault(person.id, Mention(person, alias, start, "name"))
        # "Chinese, Russian, Indian leaders", "лидеры Китая, России и Индии": each state's
        # office holder of the day (groups.py).
        members = group_members(self, tokens, list(found.values()), day)
        if members:
            # A state whose leader the text names stands for that leader: "Obama and Rouhani
            # speak, first direct contact between U.S. and Iranian leaders" (not Iran's
            # supreme leader as well).
            led = {r.country for m in found.values() if m.entity.kind == "person"
                   and m.via == "name" for r in m.entity.roles
                   if r.office in ("head-of-state", "head-of-government") and r.covers(day)}
        for person, words, start, begins in members:
            role = person.role_at(day)
            if role is not None and role.country in led and person.id not in found:
                continue
            if not _not_the_holder().search(tokens, max(0, begins - _HOLDER_REACH),
                                            begins + 1):  # "advisers to leaders of"
                found.setdefault(person.id, Mention(person, words, start, "office"))
        return sorted(found.values(), key=lambda m: m.start)

    def case_aliases(self) -> tuple[str, ...]:
        """The aliases found only as written (case_hits): "US", "UN"."""
        return tuple(self._case)

    def name_hits(self, tokens: str) -> list[_Hit]:
        """Where the names index finds a name in `tokens` (token text), as (start, key,
        payloads of (entity id, alias, how)), before mentions() decides which stand for
        whom; the scan is kept for the mentions of the same text or a stretch of it."""
        return self._hits(tokens)[0]

    def _hits(self, tokens: str) -> tuple[list[_Hit], list[_Hit]]:
        """The names' and the offices' hits in `tokens` (each index's find, in its order).
        A sentence's token text is most often a stretch of its item's, scanned just before
        (text_mentions of the whole item): Aho-Corasick reports every occurrence of every
        key, so the hits inside a stretch of a text are the stretch's own, in the same
        order (by where each ends, the longer first), and they are taken from there
        instead of running both automatons again."""
        for text, names, offices in self._scans:
            at = text.find(tokens)
            if at >= 0:
                end = at + len(tokens)
                return ([(s - at, k, p) for s, k, p in names if s >= at and s + len(k) <= end],
                        [(s - at, k, p) for s, k, p in offices
                         if s >= at and s + len(k) <= end])
        return self._scanned(tokens)

    def _scanned(self, tokens: str) -> tuple[list[_Hit], list[_Hit]]:
        """Both indexes' hits in `tokens`, each automaton run over it (a long text's are
        remembered for _hits)."""
        names = list(self._names.find(tokens))
        offices = list(self._offices.find(tokens))
        if len(tokens) >= _SCANNED_MIN:
            self._scans = ((tokens, tuple(names), tuple(offices)), *self._scans[:_SCANS - 1])
        return names, offices

    def _surname_holder(self, alias: str, day: date | None,
                        offices: tuple[str, ...] = ()) -> Entity | None:
        """The one person with the ambiguous alias who holds an office on `day` (of
        `offices`, when given); of several, the one who holds the office that leads their
        state (states.yaml), if only one does. None when no one, or no one alone."""
        holding: list[tuple[Entity, Role]] = []
        for entity_id in self._ambiguous.get(alias, ()):
            entity = self.entities[entity_id]
            role = next((r for r in entity.roles if r.covers(day)
                         and (not offices or r.office in offices)), None)
            if role is not None:
                holding.append((entity, role))
        if len(holding) > 1:
            holding = [(e, r) for e, r in holding if any(
                q.covers(day) and q.office == self.leading_office(q.country, day)
                and self.holder(q.office, q.country, day) is e for q in e.roles)]
        return holding[0][0] if len(holding) == 1 else None

    def _ambiguous_finder(self) -> Any:
        """An automaton of the ambiguous aliases as written (case and all), built at its
        first use: it finds them in text in one pass, inside longer words too (case_hits
        keeps whole words)."""
        if self._ambiguous_automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for alias in self._ambiguous:
                automaton.add_word(alias, alias)
            automaton.make_automaton()
            self._ambiguous_automaton = automaton
        return self._ambiguous_automaton

    def _possessor(self, tokens: str, start: int) -> str:
        """The state named in the possessive right before `start` ("Japan's Abe"), or ""."""
        before = tokens[:start + 1]
        if not before.endswith(" s "):
            return ""
        words = before.split()[:-1]
        for size in (3, 2, 1):
            key = " " + " ".join(words[-size:]) + " "
            for _, found_key, found in self._names.find(key):
                country = next((p[0] for p in found if found_key == key
                                and self.entities[p[0]].kind == "country"), "")
                if country:
                    return country
        return ""

    def ambiguous_alias(self, alias: str) -> bool:
        """Whether `alias` (as written) is an ambiguous surname ("Sánchez", "Kim")."""
        return alias in self._ambiguous

    def named_surname(self, alias: str, named: Collection[str]) -> Entity | None:
        """The one person of `named` (ids) whose ambiguous alias `alias` is, or None."""
        ids = [e for e in self._ambiguous.get(alias, ()) if e in named]
        return self.entities[ids[0]] if len(ids) == 1 else None

    def _by_context(self, tokens: str, day: date | None, ambiguous: list[tuple[int, str]],
                    people: list[tuple[int, int, Entity]], states: set[str],
                    named: frozenset[str] = frozenset()) -> list[tuple[int, Entity, str]]:
        """Whom the ambiguous surnames at `ambiguous` (where each one's key starts in
        `tokens`, the alias as written; named_by_context vetted where they stand) name on
        `day`: the one person of that surname holding an office then, when the surname
        follows a title that office fits ("Prime Minister Abe"), or is coordinated with a
        person the text names ("Abe and Xi", "Trump, Kim"), or with another such surname of a
        leader of another state ("Moon, Kim", "Park, Abe"). Coordinated, the person must be
        one the base names in more than one script, or serve a state of `states` (those the
        text names). Undated text names no one so: no day says who held an office."""
        out: list[tuple[int, Entity, str]] = []
        if day is None:
            return out
        spans = list(people)
        pending: list[tuple[int, int, str, Entity]] = []
        for start, alias in ambiguous:
            end = start + len(token_text(alias))
            whose = self.named_surname(alias, named) if named else None
            if whose is not None:  # "Sánchez" in an item that names Pedro Sánchez
                out.append((start, whose, alias))
                spans.append((start, end, whose))
                continue
            before = tokens[:start + 1]
            title = next((offices for words, offices in _TITLES.items()
                          if before.endswith(" " + words + " ")), None)
            if title is not None:
                titled = self._surname_holder(alias, day, title)
                if titled is not None:
                    out.append((start, titled, alias))
                    spans.append((start, end, titled))
                continue
            person = self._surname_holder(alias, day)
            owner = self._possessor(tokens, start)
            if person is not None and owner and not any(
                    r.country == owner for r in person.roles if r.covers(day)):
                continue  # "Japan's Park": not South Korea's president
            if person is not None and person.id not in self._named_abroad and not any(
                    r.country in states for r in person.roles if r.covers(day)):
                continue  # "Trump and Cruz": a senator, not Cuba's prime minister
            if person is not None:
                pending.append((start, end, alias, person))

        def joined(a: tuple[int, int], b: tuple[int, int]) -> bool:
            """Nothing between the two names but a coordinating word, and the second's
            state in the possessive ("Japan's Abe and China's Xi")."""
            first, second = sorted((a, b))
            words = tokens[first[1] - 1:second[0] + 1].split()
            joining = words[:1] if words[:1] and words[0] in _AND_WORDS else []
            verb = next((v.split() for v in _CONTACT_TOKENS
                         if words[:len(v.split())] == v.split()), None)
            if verb is not None:  # "Orbán meets Putin"
                joining = verb
            if len(words) > len(joining) + 1 and words[-1] == "s":
                possessor = " " + " ".join(words[len(joining):-1]) + " "
                if any(key == possessor and self.entities[p[0]].kind == "country"
                       for _, key, found in self._names.find(possessor) for p in found):
                    words = joining
            return words == joining

        for _ in range(2):  # a surname named by another one found so
            for item in list(pending):
                start, end, alias, person = item
                if any(joined((start, end), (s, e)) and other is not person
                       for s, e, other in spans):
                    out.append((start, person, alias))
                    spans.append((start, end, person))
                    pending.remove(item)
        # Two surnames coordinated with each other, each of a leader of a different state.
        def leads(person: Entity) -> set[str]:
            return {r.country for r in person.roles
                    if r.covers(day) and r.office in LEADING_OFFICES}

        for start, end, alias, person in pending:
            if any(joined((start, end), (s, e)) and leads(person) and leads(other)
                   and not leads(person) & leads(other)
                   for s, e, _, other in pending if other is not person):
                out.append((start, person, alias))
        return out

    def asserted(self, tokens: str, start: int) -> bool:
        """False when one of the four words before `start` makes the event a plan, a wish, a
        refusal or a negation ("will speak", "plans to visit", "refused to meet")."""
        before = tokens[:start].split()[-4:]
        for size in (1, 2, 3):
            for i in range(len(before) - size + 1):
                if " ".join(before[i:i + size]) in self._before:
                    return False
        return True

    def denied(self, tokens: str) -> str | None:
        return next((phrase for _, _, payloads in self._denials.find(tokens)
                     for phrase in payloads), None)

    def contact(self, tokens: str, day: date | None) -> Contact | None:
        """Direct contact between two known people of different countries, asserted and not
        denied: the first such pair mentioned and the first contact phrase."""
        if self.denied(tokens):
            return None
        phrase = next((e.phrase for e in self.event_mentions(tokens, asserted_only=True)
                       if e.event.id == "contact"), None)
        if phrase is None:
            return None
        people = [m for m in self.mentions(tokens, day) if m.entity.kind == "person"]
        for i, first in enumerate(people):
            for second in people[i + 1:]:
                if _country(first.entity, day) != _country(second.entity, day):
                    return Contact(first, second, phrase)
        return None

    def event_mentions(self, tokens: str, asserted_only: bool = False) -> list[EventMention]:
        found: dict[str, EventMention] = {}
        for start, _, payloads in self._triggers.find(tokens):
            if asserted_only and not self.asserted(tokens, start + 1):
                continue
            for event_id, phrase in payloads:
                if event_id not in found or start < found[event_id].start:
                    found[event_id] = EventMention(self.events[event_id], phrase, start)
        return sorted(found.values(), key=lambda m: m.start)


def _country(entity: Entity, day: date | None) -> str:
    role = entity.role_at(day)
    return role.country if role else entity.id


_lock = choice.lock  # the chosen folder and the instances built from it change together
_instances: dict[tuple[str, str], KnowledgeBase] = {}


def _conflict(spec: dict) -> Conflict:
    """A conflict of states.yaml (or of the user's knowledge, checked by user.py)."""
    parties = tuple(str(c) for c in spec.get("parties") or [])
    others = tuple(str(o) for o in spec.get("others") or [])
    sides = tuple(tuple(str(c) for c in side) for side in spec.get("sides") or [])
    if not sides and len(parties) == 2 and not others:
        sides = ((parties[0],), (parties[1],))
    mediators = tuple((tuple(str(c) for c in m.get("who") or []), _day(m.get("from")),
                       _day(m.get("to"))) for m in spec.get("mediators") or [])
    return Conflict(str(spec["id"]), str(spec.get("name") or spec["id"]), parties,
                    tuple(str(c) for c in spec.get("theatre") or []), _day(spec.get("from")),
                    _day(spec.get("to")), others, sides, mediators)


def _role_key(role: dict) -> tuple[str, str]:
    return str(role.get("office", "other")), str(role.get("country", ""))


def _overlap(a: dict, b: dict) -> bool:
    a0, a1, b0, b1 = _day(a.get("from")), _day(a.get("to")), _day(b.get("from")), _day(b.get("to"))
    return (a0 is None or b1 is None or a0 <= b1) and (b0 is None or a1 is None or b0 <= a1)


def merge_people(base: list[dict], extra: list[dict]) -> list[dict]:
    """`extra` over `base` by id: names replaced, aliases added, roles of the same office and
    country that overlap replaced (the later source knows better), other roles added."""
    merged: dict[str, dict] = {}
    for spec in base:
        merged[str(spec["id"])] = dict(spec)
    for spec in extra:
        key = str(spec["id"])
        old = merged.get(key)
        if old is None:
            merged[key] = dict(spec)
            continue
        new = dict(old)
        if spec.get("name"):
            new["name"] = spec["name"]
        for group in ("aliases", "script_aliases", "ambiguous_aliases", "case_aliases"):
            seen = list(old.get(group) or [])
            seen += [a for a in spec.get(group) or [] if a not in seen]
            new[group] = seen
        added = list(spec.get("roles") or [])
        kept = [r for r in old.get("roles") or []
                if not any(_role_key(r) == _role_key(n) and _overlap(r, n) for n in added)]
        new["roles"] = sorted(kept + added, key=lambda r: str(r.get("from") or ""))
        if added:  # the latest office the better-knowing source names
            latest = max(added, key=lambda r: str(r.get("from") or ""))
            new["home"] = str(latest.get("country") or old.get("home") or "")
        merged[key] = new
    return list(merged.values())


def merge_places(base: list[dict], extra: list[dict]) -> list[dict]:
    """Countries and organisations by code: names, adjectives and capitals added."""
    merged = {str(spec["code"]): dict(spec) for spec in base}
    for spec in extra:
        old = merged.setdefault(str(spec["code"]), {"code": spec["code"]})
        if spec.get("name"):
            old["name"] = spec["name"]
        for group in ("names", "adjectives", "capital"):
            languages = {lang: list(words or []) for lang, words in (old.get(group) or {}).items()}
            for lang, words in (spec.get(group) or {}).items():
                languages.setdefault(lang, []).extend(w for w in words if w not in languages[lang])
            old[group] = languages
        for group in ("case_aliases", "proper_aliases"):
            cased = list(old.get(group) or [])
            old[group] = cased + [a for a in spec.get(group) or [] if a not in cased]
    return list(merged.values())


def merge_states(base: dict, extra: dict) -> dict:
    """Leaders by code and conflicts by id: the user's entry replaces the shipped one."""
    leaders = {str(spec["code"]): spec for spec in base.get("leaders") or []}
    leaders.update({str(spec["code"]): spec for spec in extra.get("leaders") or []})
    conflicts = {str(spec["id"]): spec for spec in base.get("conflicts") or []}
    conflicts.update({str(spec["id"]): spec for spec in extra.get("conflicts") or []})
    return {"leaders": list(leaders.values()), "conflicts": list(conflicts.values())}


def merge_events(base: list[dict], extra: list[dict]) -> list[dict]:
    """Event types by id: trigger phrases added, a title given replaces the shipped one."""
    merged = {str(spec["id"]): dict(spec) for spec in base}
    for spec in extra:
        old = merged.setdefault(str(spec["id"]), {"id": spec["id"]})
        if spec.get("title"):
            old["title"] = spec["title"]
        triggers = {lang: list(words or []) for lang, words in (old.get("triggers") or {}).items()}
        for lang, words in (spec.get("triggers") or {}).items():
            triggers.setdefault(lang, []).extend(w for w in words if w not in triggers[lang])
        old["triggers"] = triggers
    return list(merged.values())


def shipped_people() -> list[dict]:
    """The generated Wikidata office holders, with the hand-curated file over them."""
    return merge_people(_load("people-generated.yaml"), _load("people.yaml"))


_BUILT_KEPT = 3  # built bases kept in the cache folder
# The code whose output a built base is: a change to any of them builds it again.
_BUILT_BY = ("knowledge/base.py", "knowledge/phrases.py", "knowledge/user.py", "rules/text.py")


def _code_digest() -> bytes:
    """The building code's digest as this process loaded it (alerts.buildcache)."""
    return buildcache.code_digest(_BUILT_BY)


_CODE_DIGEST = _code_digest()


def _built_key(folder: Path | None) -> str:
    """What a built knowledge base depends on: the shipped data, the user's folder (by
    content), the code that builds and searches it (as this process loaded it), and the
    Python and automaton versions."""
    import sys

    import ahocorasick

    from alerts.knowledge.user import folder_stamp

    digest = hashlib.blake2b(digest_size=16)
    # Every shipped data file, not only those read today: one added later is covered too.
    data = resources.files("alerts.knowledge").joinpath("data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml", ".json")) and entry.is_file():
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    digest.update(_CODE_DIGEST)
    digest.update(f"{folder}\0{folder_stamp(folder)}\0{sys.version}\0"
                  f"{getattr(ahocorasick, '__version__', '')}".encode())
    return digest.hexdigest()


_readable_cache = buildcache.owned  # a cached base is code to Python's unpickler


def _build(folder: Path | None) -> KnowledgeBase:
    """The knowledge base with its phrase automata built, from the cache folder when this
    data, these user files and this code built it before (reading it takes about a quarter
    of the time of building it); built and cached otherwise (alerts.buildcache). Without a
    usable cache folder it is built every time. Bases of other data, user files or code:
    the few most recent are kept (a desk and `alerts explain` on the shipped base alone)."""
    try:
        key = _built_key(folder)
    except OSError:
        return _prepared(_construct(folder))
    # A missing base is built and stored by a child process (`_store`) and read back: building
    # and pickling it here would leave a long-lived process (the daemon) about 14 MiB it never
    # gives back (alerts.buildcache.built).
    return buildcache.built(_cache_dir(), "built", key, lambda: _prepared(_construct(folder)),
                            KnowledgeBase, keep=_BUILT_KEPT,
                            child=(__name__, "_store", "" if folder is None else str(folder)))


def _store(folder: str = "") -> None:
    """Build the base of this user folder ("" for none) into the cache folder (run in the
    child process alerts.buildcache.built starts)."""
    _build(Path(folder) if folder else None)


def _prepared(kb: KnowledgeBase) -> KnowledgeBase:
    """Every index built now (the office phrases included), nothing remembered of texts."""
    offices = kb._offices
    kb._office_specs = []  # the loader is not needed any more (and cannot be pickled)
    for index in (kb._names, offices, kb._triggers, kb._denials):
        index.prepare()
    if kb._ambiguous:
        kb._ambiguous_finder()
    kb._recent.clear()
    kb._scans = ()
    return kb


def _construct(folder: Path | None) -> KnowledgeBase:
    from alerts.knowledge.user import read_folder

    user = read_folder(folder)
    people = merge_people(shipped_people(), user.people)
    countries = merge_places(merge_places(_load("countries.yaml"),
                                          _load("countries-generated.yaml")), user.countries)
    events = merge_events(_load("events.yaml"), user.events)
    extra_offices = user.offices
    return KnowledgeBase(people, countries,
                         lambda: (_load("offices.yaml") + _load("offices-generated.yaml")
                                  + extra_offices), events,
                         _load("modality.yaml"),  # type: ignore[arg-type]
                         merge_states(_load("states.yaml"),
                                      {"leaders": user.leaders, "conflicts": user.conflicts}),
                         _load("calendar.yaml"))


def user_warnings(folder: Path | None) -> list[Problem]:
    """Aliases of the user's people that another person already has: a name that will find
    both in text. Loads the whole base (for `alerts check`)."""
    from alerts.knowledge.user import read_folder

    user = read_folder(folder)
    if not user.people:
        return []
    others: dict[str, str] = {}
    user_ids = {str(spec["id"]) for spec in user.people}
    for spec in shipped_people():
        if str(spec["id"]) in user_ids:
            continue
        for phrase in [spec.get("name"), *(spec.get("aliases") or []),
                       *(spec.get("script_aliases") or [])]:
            if phrase:
                others.setdefault(token_text(str(phrase)).strip(), str(spec["id"]))
    for spec in user.people:
        for phrase in [spec.get("name"), *(spec.get("aliases") or [])]:
            if phrase:
                others.setdefault(token_text(str(phrase)).strip(), str(spec["id"]))
    warnings: list[Problem] = []
    for spec in user.people:
        file, line = spec["_where"]
        for phrase in [spec.get("name"), *(spec.get("aliases") or [])]:
            owner = others.get(token_text(str(phrase)).strip()) if phrase else None
            if owner is not None and owner != spec["id"]:
                warnings.append(Problem(file, line, f"alias {phrase!r} of {spec['id']!r} is "
                                        f"already a name of {owner!r}; text naming it will "
                                        "find both, so use a longer form or move it to "
                                        "ambiguous_aliases"))
    return warnings


def knowledge_base(folder: Path | bool | None = True) -> KnowledgeBase:
    """The knowledge base, loaded on first use (only rules that name entities need it): the
    shipped data with the configured user folder (see use_folder), or with `folder`."""
    with _lock:
        if folder is True:
            chosen, stamp = choice.current()
        else:
            from alerts.knowledge.user import folder_stamp

            chosen = folder or None  # type: ignore[assignment]
            stamp = folder_stamp(chosen)
        key = (str(chosen), stamp)
        instance = _instances.get(key)
        if instance is None:
            if len(_instances) >= 4:  # an old version of the user's files: let it go
                _instances.clear()
            instance = _instances[key] = _build(chosen)
        return instance
