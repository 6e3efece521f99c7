"""Gaps a report states itself: "their first call since September 2022", "first talks in
five years", "впервые за 24 года", and the last contact it mentions: "they last spoke in
March". Dates and durations are read relative to the item's publication date, in six
languages, and always conservatively (the latest date the words allow).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from alerts.fold import fold

WAR_START = date(2022, 2, 24)  # Russia's full-scale invasion of Ukraine


def _alternatives(*phrases: str) -> str:
    """A regex alternation of literal phrases, folded like the text they are matched on."""
    return "|".join(re.escape(fold(p)) for p in sorted(set(phrases), key=len, reverse=True))


MONTHS: dict[str, int] = {}
for number, names in enumerate([
    "january janvier januar enero января січня jan يناير كانون_الثاني",
    "february fevrier februar febrero февраля лютого feb فبراير شباط",
    "march mars marz marzo марта березня mar مارس آذار",
    "april avril april abril апреля квітня apr أبريل ابريل نيسان",
    "may mai mai mayo мая травня مايو أيار",
    "june juin juni junio июня червня jun يونيو حزيران",
    "july juillet juli julio июля липня jul يوليو تموز",
    "august aout august agosto августа серпня aug أغسطس اغسطس آب",
    "september septembre september septiembre setiembre сентября вересня sept sep سبتمبر أيلول",
    "october octobre oktober octubre октября жовтня oct أكتوبر اكتوبر تشرين_الأول",
    "november novembre november noviembre ноября листопада nov نوفمبر تشرين_الثاني",
    "december decembre dezember diciembre декабря грудня dec ديسمبر كانون_الأول",
], start=1):
    for name in names.split():
        MONTHS[fold(name)] = number

NUMBERS: dict[str, float] = {}
for value, names in [
    (1, "a an one un une uno una ein eine einem einer einen один одного одна одну один одного"),
    (2, "two deux zwei dos два двух две двох дві"),
    (3, "three trois drei tres три трех трьох"),
    (4, "four quatre vier cuatro четыре четырех чотири чотирьох"),
    (5, "five cinq funf fünf cinco пять пяти п'ять п’ять п'яти п’яти"),
    (6, "six sechs seis шесть шести шість шести"),
    (7, "seven sept sieben siete семь семи сім семи"),
    (8, "eight huit acht ocho восемь восьми вісім восьми"),
    (9, "nine neuf neun nueve девять девяти дев'ять дев’ять"),
    (10, "ten dix zehn diez десять десяти десяти"),
    (11, "eleven onze elf once"),
    (12, "twelve douze zwolf zwölf doce двенадцать"),
    (15, "fifteen quinze funfzehn fünfzehn quince пятнадцать"),
    (18, "eighteen dix-huit achtzehn dieciocho восемнадцать"),
    (20, "twenty vingt zwanzig veinte двадцать"),
    (0.5, "half"),
    # Arabic: the counted noun follows the number ("ثلاث سنوات"); a dual noun is two of it.
    (3, "ثلاث ثلاثة"), (4, "أربع أربعة اربع اربعة"), (5, "خمس خمسة"), (6, "ست ستة"),
    (7, "سبع سبعة"), (8, "ثماني ثمانية ثمان"), (9, "تسع تسعة"), (10, "عشر عشرة"),
]:
    for name in names.split():
        NUMBERS[fold(name)] = value

UNITS = {  # days per unit
    365.25: "year years yr ans an annee annees jahr jahre jahren jahres ano anos год года лет году рік роки років року "
            "عام عاما سنة سنوات أعوام اعوام سنين",
    30.44: "month months mois monat monate monaten meses mes месяц месяца месяцев місяць місяці місяців "
           "شهر أشهر اشهر شهور",
    7: "week weeks semaine semaines woche wochen semana semanas неделю недели недель тиждень тижні тижнів "
       "أسبوع أسابيع",
    1: "day days jour jours tag tage tagen dia dias день дня дней день дні днів يوم أيام",
}
UNIT_DAYS = {fold(word): days for days, words in UNITS.items() for word in words.split()}
# Arabic duals name two of a unit without a number: "منذ عامين" (for two years).
UNIT_DAYS.update({fold(word): 2 * days for days, words in {
    365.25: "عامين سنتين", 30.44: "شهرين", 7: "أسبوعين اسبوعين", 1: "يومين"}.items()
    for word in words.split()})
DECADE = {fold(w): 3652.5 for w in [
    "decade", "decades", "decennie", "decennies", "décennies", "jahrzehnt", "jahrzehnte",
    "jahrzehnten", "decada", "decadas", "décadas", "десятилетие", "десятилетия", "десятилетий",
    "десятиліття", "десятиліть"]}

APPROX = _alternatives("nearly", "almost", "about", "around", "more than", "over", "some",
                       "plus de", "pres de", "près de", "presque", "environ", "fast", "mehr als",
                       "über", "rund", "knapp", "casi", "mas de", "más de", "unos", "cerca de",
                       "почти", "более чем", "больше чем", "более", "около", "майже", "понад",
                       "більш ніж", "більше ніж", "близько", "hace", "نحو", "حوالي", "حوالى",
                       "قرابة", "زهاء", "أكثر من", "اكثر من", "ما يقرب من", "ما يقارب")
WAR = _alternatives(
    "russia's invasion", "the invasion", "the full-scale invasion", "russia's full-scale invasion",
    "the start of the war", "the beginning of the war", "the outbreak of the war", "the war began",
    "the start of the invasion", "the war started", "le debut de la guerre", "l'invasion",
    "le début de l'invasion", "le debut de l'invasion russe", "kriegsbeginn", "beginn des krieges",
    "dem beginn des krieges", "der invasion", "dem russischen angriff", "el inicio de la guerra",
    "el comienzo de la guerra", "la invasion", "la invasión", "начала войны", "начала конфликта",
    "начала спецоперации", "начала сво", "начала специальной военной операции",
    "початку повномасштабного вторгнення", "початку повномасштабної війни", "початку війни",
    "початку вторгнення")

FIRST = _alternatives("first", "أول", "اول", "premier", "premiere", "première", "premiers", "premieres",
                      "erste", "erster", "erstes", "ersten", "erstem", "primer", "primera",
                      "primero", "primeros", "primeras", "первый", "первая", "первое", "первые",
                      "первого", "первой", "первую", "первым", "перший", "перша", "перше",
                      "перші", "першого", "першої", "першу", "першим",
                      # the first at its level: "highest-level US-Iran talks in three decades"
                      "highest-level", "highest level", "most senior", "highest-ranking",
                      "plus haut niveau", "ranghochste", "ranghöchste", "ranghochsten",
                      "ranghöchsten", "mas alto nivel", "más alto nivel")
SINCE = _alternatives("since", "depuis", "seit", "desde", "с", "со", "з", "із", "від", "منذ")
WITHIN = _alternatives("in", "en", "за", "in over", "in more than", "in nearly", "in almost",
                       "for", "for over", "for more than", "for nearly", "for almost",
                       "خلال", "في")
FIRST_TIME = _alternatives("for the first time", "first time", "pour la premiere fois",
                           "une premiere", "zum ersten mal", "erstmals", "por primera vez",
                           "впервые", "вперше", "уперше", "لأول مرة", "للمرة الأولى")
LAST = _alternatives("last spoke", "last met", "last talked", "last held talks", "last spoke by phone",
                     "last had a call", "last visited", "derniere fois", "dernière fois", "zuletzt",
                     "ultima vez", "última vez", "последний раз", "в последний раз", "востаннє",
                     "минулого разу")

_WORDS_BETWEEN = r"(?:[^\s.;:!?]+\s+){0,10}?"
_APPROX_OPT = rf"(?:(?:{APPROX})\s+)?"
_CUES = [
    # "for the first time since 2019", "впервые почти за два года"
    re.compile(rf"(?<!\w)(?:{FIRST_TIME})\s+(?:(?P<approx>{APPROX})\s+)?(?P<prep>{SINCE}|{WITHIN})\s+(?P<rest>.{{0,60}})"),
    # "their first call since September 2022", "premier entretien ... depuis cinq ans"
    re.compile(rf"(?<!\w)(?:{FIRST})\s+{_WORDS_BETWEEN}(?:(?P<approx>{APPROX})\s+)?(?P<prep>{SINCE}|{WITHIN})\s+(?P<rest>.{{0,60}})"),
]
_LAST = re.compile(rf"(?<!\w)(?:{LAST})\s+{_WORDS_BETWEEN}(?:in|on|en|im|am|el|в|у|во)\s+(?P<rest>.{{0,40}})")
# "the first phone conversation between A and B", "met for the first time": a first contact
# ever, when nothing qualifies it ("since ...", "in years", "as president", "this year").
CONTACT_NOUNS = _alternatives(
    "call", "calls", "conversation", "conversations", "talks", "meeting", "meetings", "contact",
    "contacts", "encounter", "summit", "entretien", "appel", "rencontre", "echange", "sommet",
    "telefonat", "gesprach", "telefongesprach", "treffen", "begegnung", "kontakt", "gipfel",
    "conversacion", "llamada", "reunion", "encuentro", "contacto", "cumbre", "разговор",
    "беседа", "встреча", "контакт", "переговоры", "розмова", "зустріч", "переговори")
PAIR_PREPS = _alternatives("between", "with", "entre", "avec", "zwischen", "mit", "con", "между",
                           "с", "со", "між", "з", "із", "بين", "مع")
QUALIFIERS = _alternatives("as", "this year", "of the year", "of his", "of her", "of their",
                           "in office", "since", "after", "als", "comme", "como", "как",
                           "в качестве", "як", "depuis", "seit", "desde", "с тех пор",
                           "apres", "nach", "despues", "tras", "после", "після", "від", "بعد",
                           "منذ", "以来", "之后")
NEGATED = _alternatives("have not", "haven't", "haven’t", "havent", "has not", "hasn't",
                        "hasn’t", "had not", "hadn't", "hadn’t", "not")
CONTACT_VERBS = _alternatives("spoken", "talked", "met", "been in contact", "had contact",
                              "had any contact", "seen each other", "spoken to each other",
                              "spoken with each other", "met each other")
_DURATION_PREPS = {fold(p) for p in ("in", "en", "за", "in over", "in more than", "in nearly",
                                      "in almost", "for", "for over", "for more than",
                                      "for nearly", "for almost")}
# "their first meeting", "leur premier entretien", "ihr erstes Telefonat", "их первая встреча":
# a plural possessive says the first is the pair's, as "between A and B" does.
THEIR = _alternatives("their", "leur", "leurs", "ihr", "ihre", "ihres", "ihrem", "ihren", "ihrer",
                      "их", "їх", "їхня", "їхній", "їхнє", "їхню")
_FIRST_EVER = [
    re.compile(rf"(?<!\w)(?:{FIRST})(?:[- ]ever)?\s+(?:[^\s.;:!?]+\s+){{0,2}}?(?:{CONTACT_NOUNS})"
               rf"\s+(?:[^\s.;:!?]+\s+)?(?:{PAIR_PREPS})\s(?P<rest>[^.;:!?]*)"),
    re.compile(rf"(?<!\w)(?:{THEIR})\s+(?:{FIRST})(?:[- ]ever)?\s+(?:[^\s.;:!?]+\s+){{0,2}}?"
               rf"(?:{CONTACT_NOUNS})(?!\w)(?P<rest>[^.;:!?]*)"),
    re.compile(rf"(?<!\w)(?:{FIRST_TIME})(?:\s+ever)?(?P<rest>(?:\s[^.;:!?]*)?)"),
]
# "they haven't spoken in two years", "had not met since 2019"
_NOT_SINCE = re.compile(rf"(?<!\w)(?:{NEGATED})\s+(?:[^\s.;:!?]+\s+)?(?:{CONTACT_VERBS})\s+"
                        rf"(?:[^\s.;:!?]+\s+){{0,3}}?(?P<prep>{SINCE}|{WITHIN})\s+(?P<rest>.{{0,60}})")


@dataclass(frozen=True)
class StatedGap:
    phrase: str  # the words of the report, folded
    since: date  # the last contact the report implies (the latest date the words allow)
    kind: str  # "first-since", "last-contact", "not-since" ("haven't spoken in two years")
    #            or "first-ever" (since: date.min)
    earliest: date | None = None  # a month without a day is a range: its first day
    contact: str = ""  # the kind of contact the gap is about ("in-person"), "" for any


# A gap stated about in-person contact ("first in-person meeting since 2019", "first visit
# since") says nothing about calls in between.
IN_PERSON = re.compile(r"(?<!\w)(?:" + _alternatives(
    "in-person", "in person", "face-to-face", "face to face", "face à face", "face-à-face",
    "cara a cara", "visit", "visits", "trip",
    "summit", "meeting", "met", "meet", "meets", "talks in", "en personne", "visite", "rencontre",
    "sommet", "tete-a-tete", "besuch", "treffen", "gipfel", "persönlich", "personlich",
    "visita", "reunion", "reunión", "encuentro", "cumbre", "en persona", "встреча", "встречи",
    "визит", "лично", "очная", "лицом к лицу", "зустріч", "візит", "особисто", "віч-на-віч",
    # the adjective of a meeting left out ("першу особисту від лютого 2022 року")
    "личная", "личную", "личной", "особиста", "особисту", "особистої", "особистій", "зустрічі",
    "приїхав", "прибыл",
    "زيارة", "لقاء", "قمة", "يلتقي", "التقى", "يلتقيان", "التقيا", "تلتقي", "التقت", "اجتمع",
    "يجتمع", "اجتمعا", "يجتمعان", "访问", "会晤", "会见", "会面", "峰会") + r")(?!\w)")
# A first visit or trip is a first journey to a place, not a first contact with its leader.
VISIT = re.compile(r"(?<!\w)(?:" + _alternatives(
    "visit", "visits", "visiting", "visited", "trip", "travel", "travels", "travelling",
    "traveling", "voyage", "visite", "besuch", "reise", "visita", "viaje", "визит", "поездка",
    "поездку", "візит", "поїздка", "поїздку", "زيارة", "访问") + r")(?!\w)")
# A first qualified by a place ("their first meeting in Beijing", "at the White House") is a
# first there, not a first contact.
PLACE_PREPS = re.compile(r"^\s*(?:" + _alternatives(
    "in", "at", "on", "a", "à", "en", "au", "aux", "im", "am", "bei", "auf", "del", "в", "во",
    "у", "на", "під", "في", "على") + r")(?!\w)")
# "ending two years of silence", "après deux ans de silence", "nach zwei Jahren Funkstille",
# "tras un silencio de tres años", "после двух лет молчания": a stated gap in contact.
SILENCE = _alternatives("silence", "estrangement", "funkstille", "schweigen", "silencio",
                        "молчания", "молчание", "молчанья", "мовчання", "قطيعة", "القطيعة", "صمت",
                        "الصمت")
_SILENCE_AFTER = re.compile(rf"(?<!\w)(?P<dur>(?:[^\s.;:!?]+\s+){{1,4}}?)(?:(?:of|de|d'|d’|من)\s*)?"
                            rf"(?:{SILENCE})(?!\w)")
_SILENCE_BEFORE = re.compile(rf"(?<!\w)(?:{SILENCE})\s+(?:of|de|von)\s+(?P<rest>.{{0,40}})")
# "almost three years" is less than three: read as nine tenths of it.
_LESS = re.compile(r"^(?:" + _alternatives("nearly", "almost", "presque", "pres de", "près de",
                                           "fast", "knapp", "casi", "почти", "майже",
                                           "قرابة", "ما يقرب من", "ما يقارب", "近") + r")\s")


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _last_month_before(month: int, published: date) -> date:
    year = published.year if month < published.month else published.year - 1
    return _end_of_month(year, month)


# A number word never swallows the punctuation after it ("in years. Israel's ...").
_NUMBER = r"(?P<num>\d+(?:[.,]\d+)?|[^\s\d.,;:!?]+)"
_UNIT = r"(?P<unit>[^\s.,;:!?]+)"
_DURATION = re.compile(rf"^{_APPROX_OPT}(?:{_NUMBER}\s+)?{_UNIT}")
_MONTH_YEAR = re.compile(r"^(?:(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th|er)?\s+)?(?P<month>[^\W\d_]+)"
                         r"(?:\s+(?:de|of))?\s+(?P<year>(?:19|20)\d\d)")
# A season of a year ("since the summer of 2024", "depuis l'été 2024", "seit dem Sommer 2024",
# "с лета 2024 года"): the season's last month, the latest date the words allow.
_SEASONS = {**dict.fromkeys(("spring", "printemps", "fruhling", "primavera", "весны", "весни"),
                            5),
            **dict.fromkeys(("summer", "ete", "sommer", "verano", "лета", "літа"), 8),
            **dict.fromkeys(("autumn", "fall", "automne", "herbst", "otono", "осени", "осені"),
                            11),
            **dict.fromkeys(("winter", "hiver", "invierno", "зимы", "зими"), 14)}
_SEASON_YEAR = re.compile(r"^(?:the\s+|l['’]|le\s+|el\s+|der\s+|dem\s+)?(?P<season>[^\W\d_]+)"
                          r"\s+(?:(?:of|de|del|des)\s+|d['’])?(?P<year>(?:19|20)\d\d)(?!\d)")
# (a word before the year may carry an elided article: "depuis l'été 2024")
_YEAR = re.compile(r"^(?:(?:the|la|le|el|der|die|das|[\w'’]+)\s+){0,3}?"
                   r"(?:(?:of|de|del|von|in|en|im)\s+)?(?P<year>(?:19|20)\d\d)(?!\d)")
_MONTH = re.compile(r"^(?P<month>[^\W\d_]+)")
# "since last November", "seit vergangenem November", "desde el pasado noviembre": the last
# such month before the publication; "since November last year", "с ноября прошлого года",
# "depuis novembre de l'année dernière": that month of the year before the publication's.
_LAST_MONTH = re.compile(r"^(?:last|past|this\s+past|letzten|vergangenen|vergangenem|"
                         r"pasado|el\s+pasado)\s+(?P<month>[^\W\d_]+)")
_MONTH_LAST_YEAR = re.compile(
    r"^(?P<month>[^\W\d_]+)\s+(?:of\s+)?(?:last\s+year|de\s+l'?annee\s+derniere|"
    r"de\s+l'?an\s+dernier|del\s+ano\s+pasado|des\s+vorjahres|letzten\s+jahres|"
    r"vergangenen\s+jahres|прошлого\s+года|минулого\s+року)(?!\w)")
# "since 28 February", "depuis le 28 février", "від 28 лютого", "since February 28": a day
# without a year is the last such day up to the publication date.
_DAY_MONTH = re.compile(r"^(?:(?:the|le|el|dem|den)\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?\s+"
                        r"(?:(?:de|of)\s+)?(?P<month>[^\W\d_]+)(?!\s+(?:de\s+)?(?:19|20)\d\d)")
_MONTH_DAY = re.compile(r"^(?P<month>[^\W\d_]+)\s+(?P<day>\d{1,2})(?!\d)(?![,.]?\s*(?:19|20)\d\d)")
# "since the Syrian civil war began in 2011", "since he took office in 2019": an event dated
# by its year a few words on.
_EVENT_YEAR = re.compile(r"^(?:[^\s\d.,;:!?]+\s+){1,7}?(?:in|en|im|в|у)\s+(?P<year>(?:19|20)\d\d)(?!\d)")


def parse_time(rest: str, published: date, durations_only: bool = False) -> date | None:
    """The date a time expression at the start of `rest` points back to, or None."""
    rest = rest.strip()
    if not durations_only:
        if re.match(rf"^(?:{WAR})(?!\w)", rest):
            return WAR_START if published > WAR_START else None
        m = _MONTH_YEAR.match(rest)
        if m and m.group("month") in MONTHS:
            year, month = int(m.group("year")), MONTHS[m.group("month")]
            end = _end_of_month(year, month)
            day = int(m.group("day") or end.day)
            return min(date(year, month, min(day, end.day)), published)
        m = _SEASON_YEAR.match(rest)
        if m and m.group("season") in _SEASONS:
            year, month = int(m.group("year")), _SEASONS[m.group("season")]
            end = _end_of_month(year + (month - 1) // 12, (month - 1) % 12 + 1)
            return min(end, published) if year <= published.year else None
        m = _YEAR.match(rest) or _EVENT_YEAR.match(rest)
        if m:
            year = int(m.group("year"))
            return min(date(year, 12, 31), published) if year <= published.year else None
    m = _DURATION.match(rest)
    if m:
        unit = m.group("unit")
        days = UNIT_DAYS.get(unit) or DECADE.get(unit)
        number = m.group("num")
        if days and number:
            less = 0.9 if _LESS.match(rest) else 1.0
            value = NUMBERS.get(number)
            if value is None:
                try:
                    value = float(number.replace(",", "."))
                except ValueError:
                    value = None
            if value:
                return published - timedelta(days=value * days * less)
        elif days and not number:
            return published - timedelta(days=days)  # "впервые за год", "first in a decade"
    if not durations_only:
        m = _DAY_MONTH.match(rest) or _MONTH_DAY.match(rest)
        if m and m.group("month") in MONTHS:
            month, day = MONTHS[m.group("month")], int(m.group("day"))
            for year in (published.year, published.year - 1):
                if day <= calendar.monthrange(year, month)[1] and \
                        date(year, month, day) <= published:
                    return date(year, month, day)
        m = _MONTH_LAST_YEAR.match(rest)
        if m and m.group("month") in MONTHS:
            return _end_of_month(published.year - 1, MONTHS[m.group("month")])
        m = _LAST_MONTH.match(rest) or _MONTH.match(rest)
        if m and m.group("month") in MONTHS and len(m.group("month")) > 3:
            return _last_month_before(MONTHS[m.group("month")], published)
    return None


_ZH_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
               "九": 9, "十": 10}
_ZH_UNITS = {"年": 365.25, "个月": 30.44, "月": 30.44, "周": 7, "天": 1}
# "2022年9月以来首次", "自2019年以来首次": since a date; "五年来首次", "时隔24年": a duration.
_ZH_SINCE = re.compile(r"(?P<year>(?:19|20)\d\d)年(?:(?P<month>\d{1,2})月)?(?:以来|来)"
                       r"(?:的)?(?:首次|第一次)")
# (with a word of about before the number: "时隔近七年", nearly seven years; "时隔逾十年")
_ZH_FOR = re.compile(r"(?:时隔(?:近|将近|约|逾|超过)?(?P<n1>\d+|[一二两三四五六七八九十]+)"
                     r"(?P<u1>年|个月|周|天))|"
                     r"(?:(?<!\d)(?P<n2>\d{1,3}|[一二两三四五六七八九十]+)(?P<u2>年|个月|周|天)(?:来|以来)"
                     r"(?:的)?(?:首次|第一次))")


def _zh_number(text: str) -> float | None:
    if text.isdigit():
        return float(text)
    if text in _ZH_NUMBERS:
        return float(_ZH_NUMBERS[text])
    if text.startswith("十") and text[1:] in _ZH_NUMBERS:  # 十二
        return 10.0 + _ZH_NUMBERS[text[1:]]
    if len(text) == 2 and text[1] == "十" and text[0] in _ZH_NUMBERS:  # 二十
        return 10.0 * _ZH_NUMBERS[text[0]]
    return None


# Chinese writes no spaces, so IN_PERSON's word boundaries never hold there: a gap is about
# in-person contact when these stand next to it ("14年来首次访朝", "首次会晤", "首次峰会",
# "首次面对面会谈": face to face, as IN_PERSON's "face-to-face").
_ZH_IN_PERSON = re.compile(r"访|会晤|会见|会面|见面|峰会|面对面|面對面|当面|當面")


def _zh_contact(text: str, m: re.Match[str]) -> str:
    """"in-person" when such a word stands within a few characters of the gap, in its
    clause ("时隔三年 两国领导人首次会晤")."""
    before = re.split(r"[。，；！？,;!?]", text[max(0, m.start() - 6):m.start()])[-1]
    after = re.split(r"[。，；！？,;!?]", text[m.end():m.end() + 12])[0]
    return "in-person" if _ZH_IN_PERSON.search(before + m.group(0) + after) else ""


def _chinese_gaps(text: str, published: date) -> list[StatedGap]:
    found = []
    for m in _ZH_SINCE.finditer(text):
        year = int(m.group("year"))
        if m.group("month"):
            month = int(m.group("month"))
            if not 1 <= month <= 12:
                continue
            since, earliest = _end_of_month(year, month), date(year, month, 1)
        else:
            since, earliest = date(year, 12, 31), None
        if since <= published:
            found.append(StatedGap(m.group(0), since, "first-since", earliest,
                                   _zh_contact(text, m)))
    for m in _ZH_FOR.finditer(text):
        number = _zh_number(m.group("n1") or m.group("n2"))
        unit = _ZH_UNITS[m.group("u1") or m.group("u2")]
        if number:
            found.append(StatedGap(m.group(0), published - timedelta(days=number * unit),
                                   "first-since", None, _zh_contact(text, m)))
    return found


def _timed(rest: str, published: date) -> bool:
    """Whether a time phrase or a qualifier follows in its phrase: then the first is not a
    first ever (not past a comma: "the first conversation between the two leaders, the
    presidency said, as the neighbours press on" qualifies nothing)."""
    rest = re.split(r"[,;]", rest, maxsplit=1)[0]
    if re.search(rf"(?<!\w)(?:{QUALIFIERS})(?!\w)", rest):
        return True
    for m in re.finditer(rf"(?<!\w)(?:{WITHIN})\s+(?P<rest>.*)", rest):
        if parse_time(m.group("rest"), published, True) is not None:
            return True
    return False


def _first_ever(folded: str, published: date) -> list[StatedGap]:
    found = []
    for cue in _FIRST_EVER:
        for m in cue.finditer(folded):
            if _timed(m.group("rest"), published):
                continue
            if cue is _FIRST_EVER[1] and PLACE_PREPS.match(m.group("rest")):
                continue  # "their first meeting in Beijing": a first there
            context = folded[max(0, m.start() - 40):m.start("rest")]
            if VISIT.search(context):
                continue  # "who is visiting Ukraine for the first time": a first trip
            # The words right after qualify it too: "вперше зустрілися віч-на-віч", "for the
            # first time in person".
            after = " ".join(m.group("rest").split()[:5])
            contact = "in-person" if IN_PERSON.search(f"{context} {after}") else ""
            phrase = folded[m.start():m.start("rest")].strip()
            found.append(StatedGap(phrase, date.min, "first-ever", None, contact))
    return found


_LESS_ANY = re.compile(r"(?<!\w)(?:" + _alternatives("nearly", "almost", "presque", "pres de",
                                                      "fast", "knapp", "casi", "почти", "майже",
                                                      "قرابة", "ما يقرب من", "ما يقارب")
                       + r")(?!\w)")
_PREP_AT = re.compile(rf"(?:(?P<approx>{APPROX})\s+)?(?P<prep>{SINCE}|{WITHIN})\s+(?P<rest>.{{0,60}})")
_WORD_AT = re.compile(r"[^\s.;:!?]+\s+")


def _every(cue: re.Pattern[str], folded: str) -> Iterator[re.Match[str]]:
    """Each match of the cue, those starting inside an earlier one's reach too: in "first such
    visit since ties were restored. It was the first visit ... in seven years" the second
    "first" lies in the first match's 60 characters of time, which says none."""
    pos = 0
    while (m := cue.search(folded, pos)) is not None:
        yield m
        pos = m.start() + 1


def _cue_matches(folded: str, published: date
                 ) -> Iterator[tuple[int, re.Match[str], date]]:
    """Each "first ... since/in <time>" with the date it points back to. The words between
    "first" and the time are tried one by one: in "premier entretien en face à face depuis
    2019" the "en" of "en face" is no time, the "depuis" after it is."""
    told: set[int] = set()  # where each time said starts: one gap each
    for cue in _CUES:
        for start in _every(cue, folded):
            pos = start.start("prep") - (len(start.group("approx")) + 1
                                         if start.group("approx") else 0)
            for _ in range(12):
                m = _PREP_AT.match(folded, pos)
                if m is not None:
                    rest, lead = m.group("rest"), " ".join(
                        g for g in (m.group("approx"), m.group("prep")) if g)
                    if _LESS_ANY.search(lead):
                        rest = "almost " + rest  # "впервые почти за два года", "in almost"
                    since = parse_time(rest, published, m.group("prep") in _DURATION_PREPS)
                    if since is not None and since <= published:
                        if m.start() not in told:
                            told.add(m.start())
                            yield start.start(), m, since
                        break
                word = _WORD_AT.match(folded, pos)
                if word is None:
                    break
                pos = word.end()


# Russian and Ukrainian "с", "з" also mean "with" ("впервые встретился с Путиным"): an
# undated gap is read from the other words for since only.
_SINCE_AT = re.compile(r"(?<!\w)(?:" + _alternatives("since", "depuis", "seit", "desde", "منذ")
                       + r")\s+(?P<rest>[^.;:!?]{1,60})")


def undated_gaps(text: str, published: date) -> list[str]:
    """The gaps a report states from something the reader cannot date: "the first visit
    since the Khashoggi murder", "their first meeting since the summit". Such a gap has no
    length, so it can never show that more than a rule's days have passed; the rule says so
    and lets its history decide."""
    folded = fold(text)
    dated = {first for first, _, _ in _cue_matches(folded, published)}
    found: list[str] = []
    for cue in _CUES:
        for start in _every(cue, folded):
            if start.start() in dated:
                continue
            since = _SINCE_AT.match(folded, start.start("prep"))
            if since is None:
                continue
            phrase = folded[start.start():since.end()].strip()
            if not any(phrase in other for other in found):  # "for the first time since"
                found.append(phrase)                          # holds "first time since"
    return found


# "20 months after their first summit", "two years after the last meeting", "20 mois après
# le premier sommet", "через 20 месяцев после первого саммита": the last contact was that long
# before the report.
_AFTER = _alternatives("after", "apres", "après", "nach", "despues de", "después de", "после",
                       "після", "بعد")
_EARLIER = _alternatives("first", "last", "previous", "premier", "premiere", "dernier",
                         "derniere", "precedent", "precedente", "ersten", "letzten", "vorigen",
                         "primera", "primer", "ultima", "ultimo", "anterior", "первого",
                         "первой", "последнего", "последней", "предыдущего", "предыдущей",
                         "першого", "першої", "останнього", "останньої", "попереднього",
                         "попередньої")
_EARLIER_CONTACT = _alternatives(
    "summit", "meeting", "talks", "visit", "call", "sommet", "rencontre", "visite", "entretien",
    "gipfel", "gipfeltreffen", "treffen", "besuch", "telefonat", "cumbre", "reunion",
    "reunión", "encuentro", "visita", "llamada", "саммита", "встречи", "визита", "переговоров",
    "разговора", "саміту", "зустрічі", "візиту", "переговорів", "розмови")
_AFTER_CONTACT = re.compile(
    rf"(?<!\w)(?P<dur>(?:[^\s.;:!?]+\s+){{1,4}}?)(?:{_AFTER})\s+"
    rf"(?:(?:{THEIR}|the|le|la|les|der|dem|des|el|la|los|их|їх)\s+)?(?:{_EARLIER})\s+"
    rf"(?:(?:[^\s.;:!?]+\s+){{0,2}}?)(?:{_EARLIER_CONTACT})(?!\w)")


def _after_contacts(folded: str, published: date) -> list[StatedGap]:
    found = []
    for m in _AFTER_CONTACT.finditer(folded):
        words = m.group("dur").split()
        for k in range(len(words)):  # "returns, 20 months after": from "20" on
            since = parse_time(" ".join(words[k:]), published, True)
            if since is not None and since < published:
                phrase = " ".join([*words[k:], folded[m.end("dur"):m.end()]])
                found.append(StatedGap(phrase.strip(), since, "last-contact"))
                break
    return found


def _silences(folded: str, published: date) -> list[StatedGap]:
    found = []
    for m in _SILENCE_AFTER.finditer(folded):
        words = m.group("dur").split()
        for k in range(len(words)):  # "ending two years of silence": from "two" on
            since = parse_time(" ".join(words[k:]).replace("-", " "), published, True)
            if since is not None:
                found.append(StatedGap(m.group(0).strip(), since, "first-since"))
                break
    for m in _SILENCE_BEFORE.finditer(folded):
        since = parse_time(m.group("rest"), published, True)
        if since is not None:
            found.append(StatedGap(m.group(0).split(".")[0][:60].strip(), since, "first-since"))
    return found


def stated_gaps(text: str, published: date) -> list[StatedGap]:
    folded = fold(text)
    found: list[StatedGap] = _chinese_gaps(text, published)
    for first, m, since in _cue_matches(folded, published):
        phrase = folded[first:m.start("rest")] + m.group("rest").split(".")[0][:40]
        month = _MONTH_YEAR.match(m.group("rest").strip())
        earliest = (since.replace(day=1) if month and not month.group("day")
                    and month.group("month") in MONTHS else None)
        # The kind of contact: the words between "first" and the time, and before.
        context = folded[max(0, first - 40):m.start("rest")]
        contact = "in-person" if IN_PERSON.search(context) else ""
        found.append(StatedGap(phrase.strip(), since, "first-since", earliest, contact))
    found.extend(_silences(folded, published))
    found.extend(_after_contacts(folded, published))
    for m in _NOT_SINCE.finditer(folded):
        said = parse_time(m.group("rest"), published, m.group("prep") in _DURATION_PREPS)
        if said is not None and said <= published:
            phrase = folded[m.start():m.start("rest")] + m.group("rest").split(".")[0][:30]
            found.append(StatedGap(phrase.strip(), said, "not-since"))
    if not found:
        found.extend(_first_ever(folded, published))
    for m in _LAST.finditer(folded):
        said = parse_time(m.group("rest"), published)
        if said is not None and said <= published:
            phrase = folded[m.start():m.start("rest")] + m.group("rest").split(".")[0][:30]
            found.append(StatedGap(phrase.strip(), said, "last-contact"))
    return found
