"""Event frames from one sentence: predicate, arguments, modality, flags, evidence.

The mechanisms, each independent of any one outlet or year:

* **Predicates by class.** An event noun ("ceasefire", "embassy", "peace talks") and the act
  words of its type in the same clause; a verb act beats a noun act ("ceasefire agreement
  collapses" is a collapse), the verb before the noun (it governs it) beats the one after.
  Contact verbs ("met", "spoke with") are events without a noun. A word inside a longer
  match of another kind is not read on its own ("calls for" is not "calls").
* **Governing predicates.** A demand ("urges ... to agree a ceasefire") turns the act into
  called-for; a refusal, a negation, a denial, a condition or a plan before the predicate in
  its own clause sets the modality; "to" right before a verb is a plan ("Biden and Xi to
  meet"); a denial anywhere before it in the sentence denies it.
* **Noun-phrase scope.** Words right beside the event noun decide metaphors ("tariff truce",
  "tregua comercial") and background ("despite the ceasefire", "since talks began").
* **Arguments by position.** Known people and countries of the sentence, resolved on the
  item's date; for contact, those before the verb are the subject and those after it (not
  after a topic word such as "about") its object: "Putin spoke with Aliyev and Pashinyan"
  is two pairs, both with Putin. For relations, only the act's own arguments count as
  parties (not states inside another phrase: "responds to Russia's invasion of Ukraine by
  cutting ties"), and an act one state does to another has an actor and a target, read from
  the subject and object, the passive or an Arabic verb-first clause ("Paris expulse à son
  tour douze agents algériens": France did it to Algeria).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from alerts.analysis.lexicon import (
    _ARABIC,
    ANAPHOR_COUNTS,
    HALT_OBJECTS,
    SIDE,
    Entry,
    Lexicon,
    arabic_candidates,
)
from alerts.analysis.model import EventFrame, Evidence, Participant, Sentence
from alerts.analysis.sentences import (
    folded_phrases,
    folded_words,
    has_cjk,
    is_cjk,
    lexicon_tokens,
    stopped_dateline,
    title_cased,
)
from alerts.fold import fold

if TYPE_CHECKING:
    from alerts.knowledge.base import KnowledgeBase, Mention

WINDOW = 7  # tokens between an event noun and its act, within one clause
PURPOSE_LINK = 3  # words between the noun and its purpose's start ("über ein", "aimed at")
CUE_WINDOW = 6  # tokens before a predicate searched for modality cues
LIST_VERBS = 4  # the verbs of a list read back for what governs them all ("to A, B and C")
SUBJECT_MODIFIERS = 3  # words before a clause's subject noun ("a long-awaited ceasefire")
# States two governments create by agreeing on them: "agree to restore relations" reports
# relations restored, while "agree to meet" or "agree to reopen embassies" plans a later act.
DONE_BY_AGREEING = {("relations", "restored"), ("relations", "established"),
                    ("relations", "upgraded"), ("ceasefire", "extended"),
                    # "Philippines, communist rebels agree to resume peace talks": announced
                    # by agreeing, as "agree to hold talks" is (acts.announced)
                    ("peace-talks", "resume"), ("peace-talks", "begin")}
# Acts one state does to another: who did it to whom tells a reply ("expels in turn") from
# the first act.
DIRECTED = {"ambassador-expelled", "diplomats-expelled", "ambassador-recalled"}
# The agent of a noun or a passive: "the expulsion of ... by Algeria", "par l'Algérie",
# "recognised by".
_AGENT = frozenset({"by", "par", "von", "por"})
# "as" before what an object is taken to be: "recognised Russia as a state sponsor of terrorism"
_NAMES_AS_MODALS = frozenset({"may", "will"})  # Theresa May, Will Smith
# Hypothetical cues that put something forward, as the lexicon writes them (_proposed_that)
_PROPOSING = ("propos", "suggest", "offer", "предлож", "запропон", "schlägt", "schlug",
              "vorgeschlagen", "اقترح", "提议", "建议")
# Conditions that say when, as the lexicon writes them (see _once)
_ONCE = frozenset({"as soon as", "dès que", "sobald", "en cuanto", "tan pronto como",
                   "как только", "як тільки", "щойно", "بمجرد", "一旦"})
_GOVERNMENT = folded_words("government", "cabinet", "gouvernement",
                           "regierung", "gobierno", "правительство", "правительства",
                           "правительством", "уряд", "уряду", "урядом", "الحكومة")
# A span of time in Chinese, one character a token: "数小时", "三天", "一周", "两个月"
_ZH_SPAN = frozenset("数几两一二三四五六七八九十小时天日周个月年")
# A day said between a verb and its nominal act: "anunció este jueves la ruptura"
_DAYS = folded_words("today", "yesterday", "monday", "tuesday", "wednesday", "thursday",
                     "friday", "saturday", "sunday", "on", "hier", "lundi", "mardi",
                     "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "ce", "heute",
                     "gestern", "am", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
                     "samstag", "sonntag", "hoy", "ayer", "este", "el", "lunes", "martes",
                     "miércoles", "jueves", "viernes", "sábado", "domingo", "сегодня", "вчера",
                     "сьогодні", "вчора", "учора")
# The instrumental endings of Russian and Ukrainian adjectives and nouns (folded), and the
# predicates that make a recognition one of a state (see _found_to_be)
_INSTRUMENTAL = ("ои", "ым", "ыми", "ими", "ом", "ем", "ою", "им", "ею")  # ("ой" folds to "ои")
_STATE_PREDICATES = folded_words("независимым", "независимой", "суверенным", "суверенной",
                                 "государством", "незалежною", "незалежним", "суверенною",
                                 "суверенним", "державою")
_TOWARD = folded_words("toward", "towards")
_AFTER_A_STATE = folded_words("on", "in", "at", "and", "by", "with", "after", "of", "from",
                              "for", "since", "amid", "while", "despite", "de", "en", "le",
                              "am", "im", "und", "y", "et", "и", "і", "в", "у")
_A_AN = folded_words("a", "an", "un", "une", "ein", "eine", "einen", "una")
# What a state recognised is called before its name: "recognise independent Kosovo"
_SOVEREIGN = folded_words("independent", "sovereign", "indépendant", "indépendante",
                          "souverain", "souveraine", "unabhängige", "unabhängiges",
                          "unabhängigen", "souveräne", "souveränen", "independiente",
                          "soberano", "soberana", "независимую", "независимый", "независимое",
                          "независимой", "суверенную", "незалежну", "незалежне", "незалежний",
                          "суверенну")
_AS = folded_words("as", "comme", "als", "como", "как", "як", "كـ", "为")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ROLE_OF_ACT = {"call": ("caller", "called"), "visit": ("visitor", "host"),
                "meeting": ("parties", "parties"), "talks": ("parties", "parties")}
_HOSTING = folded_phrases("hosts", "hosted", "welcome", "welcomes", "welcomed", "receive",
                          "receives", "received", "recoit", "recu", "recue", "a recu", "accueille",
                          "empfangt", "empfing", "empfangen", "recibe", "recibio", "принял",
                          "приняла", "прийняв", "прийняла", "استقبل", "استقبلت", "接见",
                          # "rolls out a red carpet for": the host welcomes each guest after it
                          "red carpet for", "tapis rouge a", "tapis rouge pour",
                          "roten teppich fur", "alfombra roja a", "alfombra roja para",
                          "красную дорожку для", "красную дорожку перед", "червону доріжку для",
                          "червону доріжку перед")


# How a demand read as an order to one's own fighters says so in its evidence.
ORDER = "(an order to its own forces)"
_GENITIVE = {"of", "de", "von", "del", "des", "du"}
_VOTED = frozenset({"vote", "votes", "voted", "voting"})
_THREATS = frozenset({"threat", "threats"})
# Words after which a headline lists two sides apart by a comma (see _without_list_commas).
_TWO_SIDES = frozenset({"between", "urge", "urges", "urged", "urging"})
# The words that set a contact before or after the news, whose people are no side of it
# (see _earlier_contacts); and, with "after" and "during" (which may name the news itself:
# "During a phone call with Biden, Zelensky said"), those that set where another visit went
# (see _hosts).
_EARLIER_TIMES = frozenset({"elapsed", "preview"})
_OTHER_TIMES = _EARLIER_TIMES | {"backdrop"}
# A person said again by a pronoun in a clause of its own (not "sie": also "they")
_HE = folded_words("he", "she", "er", "il", "elle", "él", "ella", "он", "она", "він", "вона")
_SINCE = folded_words("since", "depuis", "seit", "desde", "منذ", "自")
# The conditions that are an exchange (as frames.yaml writes them): the terms of a deal when
# its sides agreed it (see _terms_of_a_deal).
# Approving a deal takes its terms: its exchange is no offer (folded word starts).
_APPROVING = ("approv", "ratif", "endors", "billig", "aprueb", "aprob", "одобр", "схвал")
_EXCHANGES = frozenset({"in exchange for", "in return for", "en échange de", "im gegenzug",
                        "a cambio de", "в обмен на", "в обмін на", "مقابل", "换取"})
# The nouns that name an anniversary, followed by what it is of (see _occasion).
_ANNIVERSARY_NOUNS = folded_words("anniversary", "anniversaire", "aniversario", "jahrestag",
                                  "jahrestages", "годовщина", "годовщины", "годовщину",
                                  "годовщине", "річниця", "річниці", "річницю",
                                  # "на время празднования 80-летия Победы"
                                  "летия", "річчя")
# Prepositions of manner: "by phone", "par téléphone", "por teléfono", "via video link".
_MANNER = frozenset({"by", "par", "per", "por", "via"})
# German verb particles that may stand at the end of the clause ("bricht ... ab").
# Words after a contact noun that name its two sides ("the call between A and B").
_BETWEEN = frozenset({"between", "entre", "zwischen", "между", "між", "بين"})
# Prepositions that give the topic of talks after their noun: "talks on grain exports",
# "pourparlers sur", "Gespräche über", "conversaciones sobre", "переговоры по/об", "щодо",
# "حول"; and the starts of the words after them that make them time or manner instead
# ("talks on Monday", "переговоры по видеосвязи", "по итогам", "по приглашению").
_TOPIC = folded_words("on", "about", "over", "regarding", "concerning", "sur", "concernant", "uber",
                      "sobre", "acerca", "по", "о", "об", "относительно", "касательно", "щодо",
                      "про", "стосовно", "حول", "بشأن")
_NOT_TOPIC = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "sideline", "margin",
              "видео", "телефон", "итог", "приглашени", "инициатив", "поручени")
# Talks in the plural, before what they are about ("contacts on restoring ties"), folded.
# Words of an aim between talks and what they are about: "talks aimed at reaching a truce",
# "pourparlers en vue d'un cessez-le-feu", "المحادثات الرامية إلى التوصل لاتفاق".
_AIMS = folded_words("aimed", "aiming", "at", "to", "reach", "reaching", "secure", "securing",
                     "seek", "seeking", "toward", "towards", "for", "visant", "à", "parvenir",
                     "vue", "de", "d", "pour", "obtenir", "für", "zu", "um", "einer", "erreichen",
                     "para", "destinadas", "destinados", "a", "alcanzar", "lograr",
                     "для", "достижения", "направленные", "на", "досягнення", "спрямовані",
                     "الرامية", "الهادفة", "تهدف", "إلى", "الى", "التوصل", "بهدف")
# Whom a demand is addressed to, besides names: "called on the two warring parties to"
_ADDRESSEES = folded_words("sides", "side", "parties", "party", "two", "both", "all", "warring",
                           "government", "governments", "leaders", "groups", "factions",
                           "forces", "countries", "states", "belligerents", "on")
TALKS_REACH = 7  # words from a truce back to the talks it is the topic of
_TALK_WORDS = folded_words("contacts", "discussions", "consultations", "dialogue", "talks",
                           "negotiations", "negociations", "pourparlers", "kontakte", "gesprache",
                           "verhandlungen", "beratungen", "contactos", "conversaciones",
                           "negociaciones", "discusiones", "consultas", "контакты", "переговоры",
                           "консультации", "контакти", "переговори", "консультації", "اتصالات",
                           "محادثات", "مباحثات", "مفاوضات", "مشاورات")
# The Spanish personal "a" before a named object: "reconoce a Palestina".
_PERSONAL_A = {"es": "a"}
# "call" as naming, not phoning: "Trump called Zelensky a dictator", "called Putin 'a
# killer'". The words after "a"/"an"/"the" that make it a time instead ("called Putin a day
# later", "the next morning").
_NAMING_CALL = folded_phrases("call", "calls", "called", "calling")
_NAMING_ARTICLES = {"a", "an", "the"}
# Words right before English "call" that make it a verb ("to call", "has called"; titles and
# pronouns too, see _verb_after_subject).
_CALL_AFTER = {"to", "has", "have", "had", "will", "would", "did", "also", "then", "again",
               "once", "who", "and"}
# Lower-case words after "called Putin" that keep it a phone call (any other, written right
# after the name, is the epithet: "Biden calls Putin war criminal", "calling Putin genius");
# -ing and -ly words and numbers keep it one too ("calls Putin seeking", "called Putin
# directly", "called Putin 2 hours after").
_STILL_A_CALL = folded_words(
    "as", "before", "ahead", "while", "following", "until", "when", "despite", "once", "then",
    "now", "again", "back", "first", "twice", "today", "tonight", "yesterday", "tomorrow",
    "late", "early", "earlier", "later", "last", "next", "this", "that", "soon", "just",
    "himself", "herself", "personally", "hours", "days", "weeks", "minutes", "but", "who",
    "which", "where", "says", "said", "say", "not", "also", "too", "is", "was", "and", "or",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "two",
    "three", "four", "five", "six", "several", "some", "many", "both", "within")
_TIME_AFTER_ARTICLE = {"day", "days", "week", "weeks", "month", "months", "year", "years",
                       "hour", "hours", "minute", "minutes", "few", "couple", "second", "third",
                       "fourth", "fortnight", "half", "number", "short", "little", "while",
                       "dozen", "next", "same", "following", "previous", "other", "morning",
                       "afternoon", "evening", "night", "weekend", "first", "last", "total"}
# French "appeler à" is calling for, and "appeler quelqu'un à" urging: "Zelensky appelle
# Trump à faire pression", "a appelé à un cessez-le-feu". Not a phone call, save for "au
# téléphone" and words of time or topic after the preposition ("à la veille du sommet",
# "au sujet de").
_URGING_CALL = folded_phrases("appelle", "appellent", "a appelé", "ont appelé", "appelait",
                              "appelaient", "avait appelé")
_URGED_TO = {"à", "au", "aux"}
# Spanish "llamar a": a phone call with the person right after it ("llamó a Putin", "llamó
# al presidente ruso"), a call for anything else ("llamó a la calma") and an urging when the
# person is followed by "a" and what they are urged to ("llamó a Putin a negociar").
_LLAMAR_A = folded_phrases("llama a", "llaman a", "llamó a", "llamaron a", "llama al",
                           "llaman al", "llamó al", "llamaron al")
_LLAMAR = folded_phrases("llama", "llaman", "llamó", "llamaron")
# Chinese 致电 is a phone call or, with congratulations or condolences, a telegram.
_ZHIDIAN = " ".join(lexicon_tokens("致电"))
_MESSAGE_ZH = ("祝贺", "慰问", "吊唁", "贺电", "唁电", "致贺", "哀悼")
_NOT_AN_EPITHET_ES = folded_words("ayer", "hoy", "anoche", "nuevamente", "también", "luego",
                                  "después", "antes", "ya", "pronto", "entonces", "por", "de",
                                  "desde", "el", "la", "este", "esta", "en", "con")
_NOT_URGED = folded_words("téléphone", "sujet", "propos", "lendemain", "veille", "cours",
                          "moment", "début", "fin", "issue", "suite", "occasion", "demande",
                          "nom", "terme", "matin", "soir", "midi", "nouveau", "reprises",
                          "plusieurs", "deux", "trois", "mi", "heure", "heures", "retour",
                          "sortie", "surlendemain", "lors", "approche", "invitation",
                          "initiative", "près", "travers", "instar")
_URGED_DETERMINERS = folded_words("un", "une", "la", "le", "l", "les", "des", "du", "davantage",
                                  "plus", "leur", "son", "sa", "ses")
_QUOTE_MARKS = frozenset("'\"‘’“”«»")
# Things one receives, accepts or welcomes from someone, as the starts of their folded
# words in the shipped languages: "reçoit le soutien de Macron" and "принял предложение
# Трампа" (accepted Trump's proposal) are no meeting with either; "принял решение",
# "участие", "меры", "закон" are Russian idioms of the same verb (made a decision, took
# part, took measures, passed a law).
_RECEIVED_THINGS = tuple(sorted({lexicon_tokens(w)[0] for w in (
    "proposal", "proposition", "propuesta", "предложени", "пропозиці", "пропозицію",
    "support", "soutien", "apoyo", "respaldo", "поддержк", "підтримк", "backing",
    "decision", "décision", "decisión", "решени", "рішенн",
    "offer", "offre", "oferta", "letter", "lettre", "carta", "письм", "message", "mensaje",
    "послани", "послання", "congratulation", "félicitation", "felicitaci", "поздравлени",
    "привітанн", "condolence", "condoléance", "condolencia", "соболезновани", "співчутт",
    "resignation", "démission",
    "dimisi", "отставк", "відставк", "demand", "exigence", "exigencia", "требовани",
    "вимог", "condition", "condici", "услови", "умов", "idea", "idée", "иде", "initiative",
    "iniciativa", "инициатив", "ініціатив", "request", "solicitud", "просьб", "прохання",
    "участи", "участь", "меры", "закон", "assurance", "garantie", "garantía", "гаранти",
    "гарантії", "promise", "promesse", "promesa", "обещани", "обіцянк", "remarks",
    "statement", "déclaration", "declaraci", "заявлени", "заяву", "идею", "идеи")}))
# The same, as whole words (as starts they would take "planned" and "планета").
_RECEIVED_WORDS = folded_words("plan", "plans", "план", "плана", "планы")
# A word of manner after a contact verb, then a preposition of its topic: "speaks highly
# of Modi", "talks tough on Putin", "spoke out against", "parle ouvertement de Poutine"
# (adverbs in -ly and -ment are read as such too).
_MANNER_WORDS = folded_words("tough", "well", "ill", "out", "up", "down", "hard", "bien", "mal")
_TOPIC_AFTER_MANNER = folded_words("of", "on", "about", "against", "de", "du", "des", "sur",
                                   "contre")
# Verbs of discussing: what follows them is the topic ("обсудил предложение Трампа":
# discussed Trump's proposal), the counterpart only a person after "with" ("обсудил с
# Лукашенко"). The starts of the words of title that may stand between "with" and the
# person, inflected ("с президентом Белоруссии", "з колегою"), and of adjectives before a
# title ("с белорусским коллегой").
_DISCUSSING = folded_phrases("обсудил", "обсудили", "обсудила", "обговорив", "обговорили",
                             "обговорила")
_TITLE_STEMS = tuple(lexicon_tokens(w)[0] for w in (
    "президент", "премьер", "министр", "канцлер", "лидер", "глав", "коллег", "колег",
    "госсекретар", "генсек", "корол", "принц", "наследн", "эмир", "емір", "султан", "міністр",
    "лідер", "очільник", "прем"))
_ADJECTIVE_ENDINGS = ("им", "ым", "ои", "еи", "ого", "его", "ому", "ему", "ии", "ыи", "ою")
# Verbs of saying: a person before one and a contact after it told of the contact ("Kremlin
# says Trump spoke with Zelensky").
_SAYS = folded_words("says", "said", "say", "tells", "told", "claims", "claimed", "dit",
                     "affirme", "assure", "déclare", "sagt", "sagte", "erklärt", "dice", "dijo",
                     "afirma", "asegura", "заявил", "заявила", "сказал", "сказала", "заявив",
                     "сказав")
# Nouns of someone who acts for a leader, or of their family: a leader right before one
# ("Trump envoy Witkoff", "普京特使") or right after one ("envoy of Trump", "l'émissaire de
# Trump", "спецпосланника Трампа", "مبعوث ترامب") is that person's principal, not whom they
# met. Russian and Ukrainian ones as the starts of their inflected forms.
_ENVOYS = folded_words(
    "envoy", "envoys", "emissary", "adviser", "advisers", "advisor", "advisors", "aide", "aides",
    "administration", "official", "officials", "team", "delegation", "negotiator",
    "negotiators", "wife", "husband", "daughter", "son", "sons", "spokesman", "spokeswoman",
    "spokesperson", "representative", "representatives", "ally", "allies", "loyalist",
    "loyalists", "émissaire", "envoyé", "envoyée", "conseiller", "conseillère", "délégation",
    "épouse", "femme", "fille", "fils", "représentant", "représentante", "gesandte",
    "gesandter", "gesandten", "sondergesandte", "sondergesandter", "sondergesandten", "berater",
    "beraterin", "regierung", "ehefrau", "tochter", "enviado", "enviada", "emisario", "asesor",
    "asesora", "delegación",
    "esposa", "hija", "hijo", "representante", "administración", "portavoz")
# The same in languages that put the leader right after the noun with no word between (the
# genitive, the Arabic construct): "спецпосланника Трампа", "مبعوث ترامب". (Before a name,
# the Latin-script nouns need "of", "de": "Trump ally Orban" is Orban.)
_ENVOY_STEMS = tuple(lexicon_tokens(w)[0] for w in (
    "посланник", "спецпосланник", "советник", "помощник", "делегаци", "супруг", "дочер",
    "представител", "администраци", "эмиссар", "посланц", "спецпосланц", "посланець",
    "спецпосланець", "радник", "помічник",
    "делегаці", "дружин", "представник", "адміністраці", "مبعوث", "المبعوث", "مستشار", "وفد",
    "زوجة", "ابنة", "ممثل", "إدارة", "نائب", "النائب"))
_ENVOYS_ZH = ("特使", "顾问", "政府", "夫人", "女儿", "代表团", "副手", "代表", "团队", "官员")
# Who negotiates for a state: "the delegations of Russia and Ukraine" are its parties.
_DELEGATIONS = folded_words(
    "delegation", "delegations", "negotiators", "representatives", "délégation",
    "délégations", "négociateurs", "représentants", "delegation", "delegationen",
    "unterhändler", "vertreter", "delegación", "delegaciones", "negociadores",
    "representantes")
_OWNER_LINKS = folded_words("of", "to", "the", "de", "du", "del", "d", "l", "la", "le", "el", "des",
                            "von")
# An envoy's adjectives and task between the envoy and whom he serves ("المبعوث الخاص
# للرئيس", "enviado para misiones especiales del presidente", "special envoy of US
# President"), with the leader's title: at most ENVOY_REACH words back from the name.
_SPECIAL = folded_words("الخاص", "special", "missions", "for", "presidential", "personal",
                        "para", "misiones", "especiales", "especial", "pour", "spéciales",
                        "spécial", "spéciale", "personnel", "personnelle", "по", "особым",
                        "поручениям", "особливих",
                        "доручень", "з", "us", "u", "american",
                        # "النائب الأول للرئيس الإيراني": the first deputy of the president
                        "الأول")
ENVOY_REACH = 7
# Words before a leader for whom someone else acts: "on behalf of Putin", "по поручению
# Владимира Путина" ("adviser to Macron" is read with the links above).
_BEHALF = folded_words("behalf", "поручению")
_LEADING = frozenset({"head-of-state", "head-of-government", "foreign-minister"})
# Words before a person that say where someone came from, not whom they met.
_FROM = frozenset({"from", "от", "від"})
TITLES_REACH = 4  # words of titles and adjectives before a person, read past
WITH_REACH = 5  # words between "with" and whom a contact was with (and its word and "with")
# Whose time in office dates something: "the highest-level U.S. official to visit China under
# President Biden" met no Biden.
# Languages whose noun subject's verb may end its clause in any sentence, not only a
# headline's.
_VERB_LAST_CUES = frozenset({"ru", "uk"})
_UNDER = folded_words("under", "sous", "unter", "bajo")
_WHAT = frozenset({"what"})  # "what he called an unjust war": a name given, no call
# Who is away from a meeting: named after "without" or before "absent".
_WITHOUT = folded_words("without", "sans", "ohne", "sin", "без")
_ABSENT = folded_words("absent")
# What follows a plural noun, never a verb in "-s": "talks have stalled", "calls were".
_PLURAL_AUXILIARIES = folded_words("have", "were", "are", "will", "would", "could", "may",
                                   "might", "should", "must")
_THERE = folded_words("there", "dort", "là", "allí", "allá", "там")
# In whose place someone came: "held talks with Medvedev, standing in for President Putin"
_INSTEAD_OF = tuple(tuple(lexicon_tokens(p)) for p in (
    "standing in for", "in place of", "instead of", "au lieu de", "à la place de", "anstelle von",
    "en lugar de", "en vez de", "вместо", "замість", "بدلا من", "بدلاً من"))
# A message and who sent it: "a message from King Salman" (see _principal)
_MESSAGES = folded_words("message", "letter", "messages", "letters", "lettre", "botschaft",
                         "brief", "mensaje", "carta", "послание", "письмо", "послання", "лист",
                         "رسالة", "رسالتين")
_SENT_FROM = folded_words("from", "de", "du", "von", "от", "від", "من")
# Subjects that are both sides of a conflict at once: their acceptance is an agreement.
_BOTH_SIDES = folded_phrases(
    "both sides", "the two sides", "warring parties", "warring sides", "both parties",
    "the two parties", "les deux parties", "les deux camps", "les belligérants",
    "beide seiten", "konfliktparteien", "kriegsparteien", "ambas partes",
    "las dos partes", "las partes en conflicto", "обе стороны", "стороны конфликта",
    "противоборствующие стороны", "обидві сторони", "сторони конфлікту", "الطرفان",
    "الطرفين", "الأطراف", "طرفا النزاع", "الأطراف المتحاربة", "双方", "各方")
# Chinese postpositions of a backdrop: "停火期间" (during the ceasefire), said after the noun.
_ZH_AFTER_NOUN = folded_phrases("期间", "以来", "之后")
# The characters that open a Chinese clause of contrast or of its own ("但", "然而", "而").
_ZH_CLAUSE_OPENERS = frozenset("但然而却")
# Languages that leave a verb's subject out, and the word after which their verb then opens
# its clause ("anunciaron que alcanzaron un acuerdo", "заявили, что подписали").
_PRO_DROP = {"es": folded_words("que"), "ru": folded_words("что"), "uk": folded_words("що")}
# English past forms that end in no "-ed", of contact verbs and auxiliaries ("when they met",
# "when I was preparing"): a clause of time in the past, no plan.
_PAST_FORMS = frozenset({"met", "spoke", "held", "had", "sat", "saw", "came", "went", "flew",
                         "shook", "took", "made", "was", "were", "did"})
# "On the sidelines of" a meeting, where other contacts take place (see _sidelines_of).
# (where the summit's own modality does not already follow the planned contact's, as it does
# in "is expected to meet Xi on the sidelines of the G20 summit")
_SIDELINES = folded_phrases("en marge du", "en marge de", "en marge des")
# Groups of states with summits of their own that the knowledge base names no entity of.
_GROUPS = folded_words("g20", "g7", "g8", "brics", "sco", "шос", "apec")
# Words of "during" among the backdrop words: what happens during a contact took place in it.
_DURING = folded_words("during", "durante", "pendant", "lors", "während", "время", "час", "خلال")
_ZH_AND = frozenset({"与", "和", "同", "跟"})
def _of_title(word: str) -> bool:
    """A genitive word or a word of a title, between a noun and the person it is of ("the
    call of President Trump", "разговор президента Трампа")."""
    return word in _GENITIVE or word in _TITLE_WORDS or word.startswith(_TITLE_STEMS)


# A contact noun as the setting of another act: "in hourlong call with", "during a phone call".
_SETTING_PREPOSITIONS = frozenset({"in", "during", "on"})
# A contact's means after its verb: "by telephone", "via videolink".
_MANNER_PREPOSITIONS = folded_words("by", "via", "par", "per", "por")
_CALL_MODIFIERS = frozenset({"a", "an", "the", "their", "his", "her", "phone", "telephone",
                             "video", "hourlong", "hour", "long", "lengthy", "brief", "minute",
                             "late", "night", "private", "first"})
# Words opening a clause whose verb in the present tells of what is to come.
_TIME_OPENERS_DE = folded_words("bevor", "sobald", "wenn")
# What may follow a German verb at its clause's end: "ohne mit Baerbock gesprochen zu haben"
# (not "war" nor "sein": English "war", German "his")
_GERMAN_AUXILIARIES = folded_words("zu", "haben", "hat", "hatte", "hatten", "habe", "ist",
                                   "sind", "waren", "worden", "wurde", "wurden")
# What may follow a German "nicht" that ends a clause: a separable verb's particle ("stimmt
# der Waffenruhe nicht zu", "findet nicht statt") or "mehr" ("hält sie nicht mehr ein").
_GERMAN_PARTICLES = folded_words("zu", "an", "ab", "auf", "ein", "bei", "fest", "mehr",
                                 "statt", "teil", "zustande", "voran", "überein")
_GERMAN_MODALS = folded_words("will", "wollen", "soll", "sollen", "kann", "können", "möchte",
                              "möchten", "wird", "werden", "muss", "müssen", "wollte",
                              "wollten", "sollte", "sollten")
# Prepositions of a topic: who comes right after one is talked about, not talked with.
# (Not all of _TOPIC: "Ukraine looms large over Modi-Biden meeting" names its parties.)
_ABOUT = folded_words("about", "über", "sur", "sobre", "regarding", "concerning")
_TIME_OPENERS = frozenset({"when", "once", "before", "until", "whenever"})
# Cues that describe the noun right after them even after a determiner: "the planned
# summit", "a possible ceasefire", "the cancelled call" (not "a push", "the call", nouns).
_ATTRIBUTIVE_CUES = frozenset({"planned", "hypothetical", "negation", "cancellation"})
_COPULAS = {"is", "are", "was", "were", "be", "been", "being", "est", "sont", "etait",
            "etaient", "ete", "ist", "sind", "war", "waren", "worden", "es", "son", "fue",
            "fueron", "sido"}
_IRREGULAR_PARTICIPLES = {"held", "struck", "begun", "broken", "met", "brought", "made", "set",
                          "cut", "shut", "kept", "drawn", "frozen", "sought", "led", "won",
                          "taken", "withdrawn", "thrown"}


def _participle(word: str) -> bool:
    """Whether a folded word looks like a past participle in a Latin-script language: English
    -ed and the common irregular ones, French -é/-u/-is, German ge-...-t/-en, Spanish
    -ado/-ido."""
    if word.endswith("ed") or word in _IRREGULAR_PARTICIPLES:
        return True
    if word.startswith("ge") and word.endswith(("t", "en")):
        return True
    if word.endswith(("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")):
        return True
    # French: accents are folded away, so "signé" is "signe"; -ue/-u/-is/-it as well, and
    # -ert ("se sont ouverts").
    return len(word) > 4 and word.endswith(("e", "ee", "es", "ees", "u", "ue", "us", "is",
                                            "it", "its", "ert", "erts", "erte", "ertes"))
# Prepositions (folded) whose object is no argument of an event unless they follow the event's
# own words: "responds to Russia's invasion of Ukraine by cutting ties" names no party, "cuts
# ties with Russia" and "recalls its ambassador from Cuba" do. Not "a" nor "an" (English
# articles); Chinese and Arabic clitics are not read this way.
_PREPOSITIONS = folded_words("of", "to", "by", "on", "in", "at", "for", "against", "into", "over",
                             "about", "after", "amid", "during", "since", "under", "through",
                             "toward", "towards", "across", "with", "from", "between", "among",
                             "near", "before", "within", "de", "du", "des", "d", "au", "aux", "par",
                             "pour", "contre", "sur", "dans", "en", "apres", "pendant", "depuis",
                             "vers", "avec", "entre", "chez", "von", "vom", "zu", "zum", "zur",
                             "durch", "fur", "gegen", "auf", "im", "am", "nach", "seit", "uber",
                             "unter", "bei", "mit", "aus", "wegen", "del", "al", "por", "para",
                             "sobre", "tras", "durante", "desde", "hacia", "con", "в", "во", "на",
                             "о", "об", "по", "к", "ко", "для", "против", "после", "при", "под",
                             "над", "через", "за", "до", "от", "из", "с", "со", "у", "про", "проти",
                             "після", "під", "від", "з", "із", "في", "على", "عن", "ضد", "حول",
                             "بعد", "إلى", "الى", "من", "مع")
# Words that open a nickname in apposition: ", known as Timochenko,".
_NICKNAME_OPENERS = tuple(tuple(lexicon_tokens(o)) for o in (
    "known as", "also known as", "better known as", "alias", "dit", "surnommé", "conocido como",
    "apodado", "genannt", "известный как", "по прозвищу", "відомий як", "المعروف باسم",
    "الملقب"))
_CONJUNCTIONS = folded_words("and", "or", "et", "ou", "und", "oder", "y", "o", "e", "и", "или", "і",
                             "й", "та", "або", "أو")
# "his Turkish counterpart", "son homologue", "seinem Amtskollegen", "نظيره": the holder of
# the same office in another state (SentenceFrames._with_counterparts).
_COUNTERPART = folded_words("counterpart", "counterparts", "homologue", "homologues",
                            "amtskollege", "amtskollegen", "amtskollegin", "homólogo",
                            "homóloga", "homólogos", "коллега", "коллегой", "коллегу",
                            "коллеги", "колега", "колегою", "колегу", "колеги", "نظيره",
                            "نظيرها", "نظيرته", "نظيرتها")
# How far after "counterpart" the name of the one meant may come ("his counterpart from Iran,
# Hassan Rouhani").
_NAMED_AFTER = 4
_FROM_STATE = folded_words("from", "of", "de", "aus", "из", "з", "від")
# Possessives that make an envoy the actor's own ("recalls its Havana ambassador"), and the
# word that posts one somewhere ("驻立陶宛大使", the ambassador in Lithuania).
_OWN = folded_words("its", "their", "his", "her", "son", "sa", "ses", "leur", "leurs", "sein",
                    "seine", "seinen", "ihre", "ihren", "su", "sus", "свого", "своего", "своих",
                    "її", "його", "своїх")
_POSTED = folded_words("驻")
# Plural possessives: "their embassies" of the states named before (see _typed)
_THEIR = folded_words("their", "leurs", "ihre", "ihren", "sus", "их", "своих", "свои", "своїх",
                      "свої", "їхні", "їхніх")
# Quotation marks around a contact verb of its own: no contact (SentenceFrames._not_a_contact).
_QUOTES = frozenset('"\'«»“”„‘’')
# A war as the object of a Chinese word of ending, within this many characters after it
# (SentenceFrames._ends_a_war).
_ZH_OBJECT_REACH = 10
_ZH_WARS = ("冲突", "战争", "内战", "战乱")
# Things written, not said: exchanging them is no talk ("échangent des messages").
_WRITTEN = folded_words("messages", "message", "letters", "lettres", "lettre", "télégrammes",
                        "vœux", "voeux", "félicitations", "courriers", "notes", "documents")
# "قد" after "and" or "so": before a past verb it says it is done
# (SentenceFrames._arabic_misread);
# a verb whose first letter is one of these is in the present ("may"), but for the common
# past verbs that begin with "ت" ("تم", "تقرر": it was done, decided).
_QAD_OF_PAST = frozenset({"وقد", "فقد"})
_ARABIC_PRESENT_PREFIXES = ("ي", "ن", "ت")
_PAST_WITH_TA = folded_words("تم", "تمت", "تقرر", "توصل", "توصلت", "توصلا", "تلقى", "تلقت",
                             "تبادل", "تبادلا", "تباحث", "تباحثا", "تسلم", "تسلمت")
# A state's title before its name: "سفيرة مملكة السويد" (the ambassador of the Kingdom of Sweden)
_STATE_TITLES = folded_words("مملكة", "جمهورية", "دولة", "إمارة", "سلطنة")
_INFINITIVE_TO = folded_words("to", "zu")  # prepositions that are also the infinitive's mark
# English adjectives that make an "-ing" form after them a noun ("first meeting with").
_EVENT_ADJECTIVES = frozenset({"first", "second", "third", "last", "latest", "next",
                               "rare", "brief", "surprise", "historic", "bilateral"})
# States named by their kind, and the relative pronouns after them that open a clause right
# before its verb: "states that recognise Kosovo" (frames.py, _generic_subject).
_STATES_IN_GENERAL = folded_words("states", "countries", "nations", "governments", "pays",
                                  "etats", "staaten", "lander", "regierungen", "paises",
                                  "estados", "gobiernos", "страны", "государства", "країни",
                                  "держави", "الدول")
_RELATIVE_PRONOUNS = folded_words("that", "which", "qui", "die", "que", "которые", "які",
                                  "التي")
# German articles, and the words after which an article opens no object of its own: the
# prepositions and the conjunctions (frames.py, _bracket_closes).
_GERMAN_ARTICLES = folded_words("der", "die", "das", "den", "dem", "des", "ein", "eine",
                                "einen", "einem", "einer", "eines")
_GERMAN_GENITIVES = folded_words("des", "eines")
_GERMAN_LINKS = folded_words(
    "in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "seit", "von", "vom",
    "zu", "zum", "zur", "für", "gegen", "ohne", "um", "über", "unter", "vor", "zwischen", "ab",
    "bis", "durch", "trotz", "wegen", "während", "und", "sowie", "oder")
# Words between staff and the state whose they are: "diplomats of Russia", "штат
# посольства США" (the staff of the US embassy).
_FOREIGN_STOP = folded_words("of", "from", "посольства")
# Personal pronouns that are a verb's own subject (frames.py, _closes_clause).
_PRONOUNS = folded_words("it", "they", "he", "she", "il", "elle", "ils", "elles", "er", "sie",
                         "es", "он", "она", "оно", "они", "він", "вона", "воно", "вони")
# What an ending ends in: "ended with a ceasefire", "ended in a truce".
_OUTCOME = frozenset({"with", "in"})
_OUT = {"out", "away", "back", "home"}  # "pulls its ambassador out of", "back from"
_DETERMINERS = {"the", "its", "their", "his", "her", "le", "la", "les", "l", "son", "sa", "ses",
                "leur", "leurs", "der", "die", "das", "den", "dem", "des", "ihre", "ihren",
                "seine", "seinen", "el", "los", "las", "su", "sus"}
# Prepositions that name where a visit goes: "to China", "in Ankara", "до Китаю", "إلى".
_DESTINATION = folded_words("to", "in", "into", "a", "au", "aux", "en", "nach", "al", "в", "во",
                            "до", "у", "إلى", "الى", "في", "到", "赴")


# Words after which an -ing contact word with its object is something done ("after meeting
# Russia's Lavrov").
_GERUND_DONE = {"after", "following", "while", "when", "since", "by", "on", "upon"}
# "in talks with": talks under way (the preposition before the noun, "with" after it).
_IN = {"in", "en", "в", "у", "во", "في", "在"}
_WITH = {"with", "avec", "mit", "con", "с", "со", "з", "із", "مع", "与", "同"}
_STILL = folded_words("s", "remain", "remains", "remained", "still", "now", "already", "restent",
                      "reste", "bleiben", "siguen", "sigue", "está", "están", "estaba", "estaban",
                      "esta", "estan", "остаются", "находится", "находятся", "залишаються",
                      "перебуває", "перебувають")
# The first person singular, as the subject of a contact verb.
_FIRST_PERSON = folded_words("i", "je", "j", "ich", "yo", "я", "أنا", "我")
# A headline naming who speaks in the text: "Address by President Volodymyr Zelenskyy",
# "Remarks by President Biden", "Statement of the Prime Minister", "Обращение Путина".
SPEECH_WORDS = {"address", "speech", "remarks", "statement", "message", "discours", "allocution",
           "declaration", "rede", "ansprache", "erklarung", "discurso", "mensaje", "declaracion",
           "обращение", "выступление", "заявление", "звернення", "виступ", "заява"}
_SPEECH_BY = {"by", "of", "de", "du", "von", "des"}


def speaker_of(sentence: Sentence, mentions: list[tuple[int, Mention]]) -> Mention | None:
    """The person a headline says is speaking ("Address by President X to the citizens"):
    a speech word, "by" or "of" (or, in Russian and Ukrainian, the genitive right after
    it), then a known person before any other word of substance."""
    words = sentence.tokens
    people = [(i, m) for i, m in mentions if m.entity.kind == "person"]
    for k, w in enumerate(words):
        if w not in SPEECH_WORDS:
            continue
        start = k + 2 if k + 1 < len(words) and words[k + 1] in _SPEECH_BY else k + 1
        found = [m for i, m in people if start <= i <= start + 3]
        if len(found) == 1:
            return found[0]
    return None


# Words of a title between two people named side by side ("Russia's Vladimir Putin and North
# Korean leader Kim Jong Un"): they describe the next person, they do not end the list.
_TITLE_WORDS = folded_words("s", "president", "leader", "prime", "minister", "chancellor",
                            "premier", "king", "queen", "emir", "crown", "prince", "sheikh",
                            "sultan", "supreme", "foreign", "secretary", "general", "counterpart",
                            "ministre", "chancelier", "roi", "chef", "prasident", "kanzler",
                            "bundeskanzler", "ministerprasident", "staatschef", "kremlchef",
                            "regierungschef", "presidente",
                            "primer", "ministro", "canciller", "rey", "президент", "премьер",
                            "министр", "лидер", "канцлер", "прем", "єр", "міністр", "лідер", "رئيس",
                            "الرئيس", "زعيم", "الزعيم", "ملك", "ولي", "العهد", "الملك",
                            "عاهل", "العاهل", "أمير", "الأمير", "monarch", "monarque",
                            "monarca", "монарх", "король")
# ("прем'єр-міністр" is three tokens; a Chinese title is no token of its own.)


def _finite(word: str) -> bool:
    """An English verb form that carries its own tense ("expels", "recalled", "opening"), as
    against a bare one that shares an auxiliary ("recall", "open")."""
    return word.isascii() and word.endswith(("s", "ed", "ing"))


def joined_groups(tokens: tuple[str, ...], named: list[tuple[int, Mention]]
                  ) -> list[list[tuple[int, Mention]]]:
    """The people of a sentence named side by side, as groups: "Xi, Putin and Kim", "Russia's
    Vladimir Putin and North Korea's Kim Jong Un", "Chinese, Russian, Indian leaders". Only
    "and", commas, articles, titles and the names of states may stand between two people of
    one group; a person named twice in a row ("French President Emmanuel Macron") is one."""
    spans = [(i, i + max(len(lexicon_tokens(m.alias)), 1) - 1, m) for i, m in named]
    covered = {k for i, last, m in spans if m.entity.kind != "person"
               for k in range(i, last + 1)}
    groups: list[list[tuple[int, Mention]]] = []
    end = -1
    for i, last, m in sorted((s for s in spans if s[2].entity.kind == "person"),
                             key=lambda s: s[0]):
        between = range(end + 1, i)
        if groups and all(tokens[k] in _CONJUNCTIONS or tokens[k] in _DETERMINERS
                          or tokens[k] in _TITLE_WORDS or k in covered for k in between):
            if all(m.entity.id != other.entity.id for _, other in groups[-1]):
                groups[-1].append((i, m))
        else:
            groups.append([(i, m)])
        end = max(end, last)
    return groups


def headline_group(headline: list[tuple[tuple[str, ...], list[tuple[int, Mention]]]],
                   day: date | None) -> list[Mention]:
    """The leaders a plural subject of the lead stands for ("The leaders met at a regional
    summit"): the one group of people of two or more states the headline names side by side,
    or, with no such group, the headline's two people when they are of two states. Empty
    when the headline leaves it open."""
    def states(group: list[Mention]) -> set[str]:
        return {r.country for m in group if (r := m.entity.role_at(day)) is not None and r.country}

    groups = [[m for _, m in g] for tokens, named in headline
              for g in joined_groups(tokens, named) if len(g) >= 2]
    groups = [g for g in groups if len(states(g)) >= 2]
    if len(groups) == 1:
        return groups[0]
    if groups:
        return []
    people: dict[str, Mention] = {}
    for _, named in headline:
        for _, m in named:
            if m.entity.kind == "person":
                people.setdefault(m.entity.id, m)
    found = list(people.values())
    return found if len(found) == 2 and len(states(found)) == 2 else []


class Hit(NamedTuple):
    """A lexicon phrase in a sentence: its first and last token, and its entry. (A named
    tuple: a sentence makes a few dozen, and a frozen dataclass costs several times more to
    make.)"""
    first: int
    last: int
    entry: Entry


def find_hits(lex: Lexicon, words: tuple[str, ...]) -> list[Hit]:
    """Every lexicon phrase in the sentence; a hit inside a longer hit of a predicate
    category (noun, act, demand or refusal cue) is dropped."""
    hits = _purposes_of_ending(phrase_hits(lex, words), words, lex.accord_links)
    return _kept(_halts_named(hits, words))


# "a halt to the fighting" with the war named between: "pause in Israel-Hezbollah fighting",
# "end to Gaza fighting" (English names the war before its noun; at most three words).
_HALT_HEADS = folded_words("halt", "end", "pause")
_HALT_LINKS = folded_words("to", "in")
_HALT_OBJECTS = frozenset(HALT_OBJECTS)
HALT_NAMES = 3


def _halts_named(hits: list[Hit], words: tuple[str, ...]) -> list[Hit]:
    """A halt to fighting with the war's name between is the ceasefire noun its lexicon
    phrase ("halt to the fighting") is; not past an act, a noun or a clause boundary."""
    if _HALT_OBJECTS.isdisjoint(words):
        return hits
    stops = {i for h in hits if h.entry.category in ("act", "boundary", "noun")
             for i in range(h.first, h.last + 1)}
    for k, word in enumerate(words[:-2]):
        if word not in _HALT_HEADS or words[k + 1] not in _HALT_LINKS:
            continue
        end = next((j for j in range(k + 3, min(k + 3 + HALT_NAMES, len(words)))
                    if words[j] in _HALT_OBJECTS), None)
        if end is not None and not any(i in stops for i in range(k + 2, end)):
            hits.append(Hit(k, end, Entry("noun", "ceasefire", "main",
                                          form=" ".join(words[k:end + 1]), lang="en")))
    return hits


def phrase_hits(lex: Lexicon, words: tuple[str, ...]) -> list[Hit]:
    """Where each phrase of the lexicon occurs in the sentence: at each token in turn, the
    longer phrases first, each length's entries in the index's order."""
    hits: list[Hit] = []
    n = len(words)
    if _ARABIC.search("".join(words)) is None:
        # No Arabic letter: every word is its only candidate (arabic_candidates), and a
        # phrase holds where the words after its first are its own.
        tails = lex.tails
        # A Hit made as the tuple it is: Hit(...) runs the named tuple's __new__ in Python,
        # about half of the cost of a hit, for the few dozen hits of every sentence.
        new, hit = tuple.__new__, Hit
        # (only the tokens the index holds are visited: most are in no phrase)
        for i in itertools.compress(range(n), map(tails.__contains__, words)):
            word = words[i]
            found = tails.get(word)
            if isinstance(found, bytes):  # still packed as the cache file holds it
                found = lex.tail(word)
            assert found is not None
            singles, longer = found
            # Longer phrases first, as the index lists them: only those whose second word
            # is the next token's.
            sizes = longer.get(words[i + 1]) if longer and i + 1 < n else None
            if sizes is not None:
                for size, tails_of in sizes:
                    last = i + size
                    if last < n:
                        for entry in tails_of.get(words[i + 1:last + 1], ()):
                            hits.append(new(hit, (i, last, entry)))
            for entry in singles:
                hits.append(new(hit, (i, i, entry)))
    else:
        index = lex.index
        candidates = [arabic_candidates(w) for w in words]
        for i in range(n):
            for cand in candidates[i]:
                for phrase, entry in index.get(cand, ()):
                    last = i + len(phrase) - 1
                    if last >= n:
                        continue
                    if all(phrase[k] in candidates[i + k] for k in range(1, len(phrase))):
                        hits.append(Hit(i, last, entry))
    return hits


def _kept(hits: list[Hit]) -> list[Hit]:
    """The hits but those inside a longer predicate, in a place's name, or repeated."""
    # Contact phrases ("hold talks") never hide another type's word inside them.
    # A report's name hides the cue inside it ("compte rendu": no plan in "compte").
    # Only a predicate of two words or more can hold another hit inside it. Both kinds of
    # hider are picked out in one pass: most sentences have neither, and their hits are then
    # only told apart from repeats.
    predicates = []
    places = []
    # A peace accord and its act in one phrase ("signs peace") whose last word starts a
    # longer noun of talks ("signs peace agreement") is neither: the agreement is the noun,
    # "signs" its act.
    if any(h.entry.name == "accord" and h.last > h.first for h in hits):
        tails = {h.first for h in hits if h.entry.category == "noun" and h.last > h.first
                 and h.entry.type == "peace-talks"}
        hits = [h for h in hits if not (h.entry.category in ("noun", "act") and h.last > h.first
                                        and h.entry.type == "peace-talks" and h.last in tails)]
    for h in hits:
        entry = h.entry
        category = entry.category
        if category in ("place", "idiom"):
            places.append(h)
        elif h.last > h.first and (
                (category in ("noun", "act") and entry.type != "contact")
                or (category == "cue" and entry.name in ("demand", "refusal", "planned"))
                or category == "report"):
            predicates.append(h)
    kept = []
    seen: set[tuple[int, int, str, str, str, tuple[str, ...]]] = set()
    for h in hits:
        entry = h.entry
        category = entry.category
        key = (h.first, h.last, category, entry.type, entry.name, entry.then)
        if key in seen:
            continue  # "cease-fire" and "cease fire" are one phrase (the same words after)
        seen.add(key)
        if predicates and category in ("noun", "act", "cue") and any(
                o.first <= h.first and h.last <= o.last and (o.last - o.first) > (h.last - h.first)
                # a meeting that heads talks about ending a war is still a meeting ("Trump
                # and Putin hold summit on ending the war": they met)
                and not (entry.type == "contact" and o.first == h.first
                         and o.entry.type == "peace-talks" and o.entry.name == "main")
                # a negation that ends a predicate negates what follows it too: "talks end
                # without call for immediate ceasefire"
                and not (category == "cue" and entry.name == "negation" and h.last == o.last)
                for o in predicates):
            continue
        if places and category in ("noun", "act", "purpose", "cue") and any(
                p.first <= h.first and h.last <= p.last for p in places):
            continue  # "the truce village of Panmunjom": a place, not a truce
        kept.append(h)
    return kept


ACCORD_GAP = 2  # words between an accord and "peace" that name it or its subject
METAPHOR_AFTER = 3  # a metaphor word up to this many words after a purpose makes it one
LED_BY = 3  # words between a length and the talks that lasted it ("AU-led")
# Subordinators of a clause of reason, contrast or concession: who comes after one is no
# counterpart of a contact before it (not "where", "as", "since": "حيث كان في استقباله").
_OWN_CLAUSE = frozenset({
    "because", "although", "though", "whereas", "parce que", "puisque", "alors que",
    "tandis que", "bien que", "weil", "obwohl", "porque", "ya que", "aunque", "mientras",
    "потому что", "так как", "поскольку", "хотя", "тогда как", "в то время как", "тому що",
    "оскільки", "бо", "хоча", "тоді як", "لأن", "بينما", "رغم أن", "因为", "虽然", "尽管"})
# Words of a purpose after a coming: "arrives to hold talks", "لإجراء مباحثات".
_PURPOSE_WORDS = folded_words("to", "pour", "para", "um", "для", "чтобы", "щоб", "لإجراء")
# A meeting of three: its subject and two others all met ("тристоронню зустріч з").
_TRILATERAL = folded_words(
    "trilateral", "tripartite", "trilatéral", "trilatérale", "trilatérales",
    "tripartites", "trilaterale", "trilateralen", "trilaterales", "tripartita",
    "трехстороннюю", "трехсторонней", "трехсторонняя", "трёхстороннюю", "трёхсторонней",
    "тристоронню", "тристоронньої", "тристороння", "ثلاثي", "ثلاثية", "الثلاثي", "الثلاثية")
# The pronouns of a verb said of its subjects with each other (see _reciprocal).
_RECIPROCAL = folded_words("se", "s", "sich")
_BUT = folded_words("but", "pero", "mais", "aber", "но", "але", "لكن", "sino", "while",
                    "mientras", "tandis")
# Where a truce is: the phrase after it ("in their year-long trade war"), and its length.
_WHERE_IN = folded_words("in", "dans", "en", "im", "в", "во", "у", "في")
# The preposition of a year an act was done in ("established relations in 1979").
_DATED_IN = _WHERE_IN | folded_words("于", "au", "el")
# A day or a place after a verb, before its object ("firmaron hoy en la capital noruega el
# acuerdo", "signed in Oslo on Friday an agreement"): the days of _DAYS, the places of
# _WHERE_IN, and a few words more.
_HERE_AND_NOW = _DAYS | _WHERE_IN | folded_words(
    "aujourd", "اليوم", "أمس", "à", "au", "this", "esta", "cette", "le", "la")
PHRASE_WORDS = 6
OBJECT_GAP = 5  # words of that day and place ("hoy en la capital noruega")
PLACE_REACH = 4  # words from talks to the verb done at them after their place ("у Мінську")
# A date as French, Spanish, English and German write one in running text (folded): the days
# of _DAYS, the months, their articles: "ont annoncé, jeudi 5 mars, un cessez-le-feu".
_DATE_WORDS = _DAYS | folded_words(
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "soir", "matin", "le", "enero", "febrero", "marzo",
    "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
    "diciembre", "de")
SUBJECT_REACH = 12  # words of a long subject before its copula, names not counted
# Numbers said in words in a length ("une trêve de cinq ans", "a truce of five years").
_NUMBER_WORDS = folded_words(
    "two", "three", "four", "five", "six", "seven", "ten", "deux", "trois", "quatre", "cinq",
    "six", "sept", "dix", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "zehn", "dos",
    "tres", "cuatro", "cinco", "seis", "siete", "diez")
# Chinese words of the future that govern their whole clause (not "将" alone: "将军").
_ZH_FUTURE = frozenset({"将于", "即将", "将"})
# Whose place something is done at: "bei Präsident Selenskyj", "chez le président".
_AT_HOST = folded_words("bei", "chez")
_IN_PLACE = folded_words("in", "à", "en", "в", "у", "во", "في")
PARTICIPLE_WORDS = 3  # a German participle's own words before it ("am Montag in Kraft")
ASIDE_WORDS = 5  # a participle's phrase between commas ("стороны, вовлеченные в конфликт,")
OUTCOME_REACH = 9  # words from an outcome word to talks it names, a measure between
_MEASURE_HITS = frozenset({"determiner", "topic", "duration", "elapsed"})
# Words that measure or qualify talks between an outcome word and them: their round, its
# order, who led them, how long they were.
_MEASURES = folded_words(
    "more", "than", "plus", "mehr", "als", "más", "session", "sessions", "round", "rounds",
    "cycle", "ciclo", "ronda", "sesión", "runde", "sitzung", "раунд", "раунда", "тур", "тура",
    "сессии", "раунду", "туру", "new", "nouvelle", "nouveau", "nueva", "nuevo", "neue",
    "neuen", "нового", "first", "second", "third", "fourth", "fifth", "final",
    "premier", "première", "deuxième", "troisième", "dernier", "dernière", "primer",
    "segundo", "tercer", "cuarto", "quinto", "último", "erste", "ersten", "zweite", "zweiten",
    "dritte", "dritten", "letzten", "первого", "второго", "третьего", "очередного",
    "першого", "другого", "третього", "чергового", "led", "brokered", "mediated", "indirect",
    "direct", "indirectes", "directes", "indirectas", "directas", "indirekten", "direkten",
    "непрямых", "прямых", "непрямих", "прямих", "intense", "intensive", "marathon", "long",
    "lengthy", "week", "weeks", "semaine", "semaines", "semana", "semanas", "woche", "wochen")
CLAUSES_BACK = 2  # clauses read back past a relative or an act's list for talks' outcome
SIDELINE_WORDS = 5  # "en marge des sommets du G20": the phrase and the words before a summit
MULTILATERAL_WORDS = 6  # words after a summit that may name its organisation
SIGNED_WITH = 4  # words between "with" and whom an accord was signed with ("with Ukraine's ...")
# The words of a length said after a noun, with its number ("of 90 days", "مدتها 90 يوما").
_LENGTH_WORDS = folded_words(
    "of", "for", "lasting", "de", "von", "für", "durante", "pour", "на", "مدتها", "لمدة",
    "hours", "days", "weeks", "months", "heures", "jours", "semaines", "mois", "stunden", "tage",
    "tagen", "wochen", "monate", "monaten", "horas", "días", "semanas", "meses", "часов", "дней",
    "дня", "недель", "месяцев", "месяца", "годин", "днів", "дні", "тижнів", "місяців",
    "ساعة", "ساعات", "يوما", "يوم", "أيام", "أسابيع", "أشهر", "years", "ans", "années", "jahre",
    "jahren", "años", "лет", "года", "років", "роки", "سنوات", "أعوام", "عاما")
# Words that contradict someone, whose words after them are a claim denied (see
# _contradicted_claim)
_CONTRADICTING = folded_words("contradicting", "contradicted", "contradicts", "contredisant",
                              "contredit", "contradiciendo", "contradijo", "desmintiendo",
                              "widersprach", "widerspricht", "опровергая", "спростовуючи")
# Participles of meeting that say a meeting only when they open the sentence (_contact)
_OPENING_PARTICIPLES = folded_words("réunis", "réunies", "reunidos", "reunidas")
# English verbs of being for something, before a gerund: "welcomes restoring relations"
_ATTITUDES = frozenset({"welcome", "welcomes", "welcomed", "support", "supports", "supported",
                        "back", "backs", "backed", "favour", "favours", "favoured", "favor",
                        "favors", "favored", "endorse", "endorses", "endorsed", "advocate",
                        "advocates", "advocated"})
# Verbs of lasting, and the words of a length in years after them (within YEARS_REACH
# words: "lasted more than four years"): talks that took years are told as history.
_LASTED = folded_words("lasted", "тривали", "тривав", "тривала", "длились", "длился", "длилась",
                       "продолжались", "duraron", "duró", "duré", "dauerten", "dauerte",
                       "استمرت", "استمر", "دامت", "دام")
_YEARS_LONG = folded_words("years", "decades", "роки", "років", "десятиліття", "года", "лет",
                           "десятилетия", "años", "décadas", "ans", "années", "décennies",
                           "jahre", "jahrzehnte", "سنوات", "أعوام", "عاما", "عقود")
YEARS_REACH = 4
# The endings of a German participle declined as an adjective ("vereinbarten", "getretenen").
_DECLINED_DE = ("te", "ten", "tem", "ter", "tes", "ene", "enen", "enem", "ener", "enes")
_ADJECTIVE_DE = ("e", "en", "er", "em", "es")  # a declined adjective's endings
ACCORD_REACH = 6  # words between an accord and the link to its purpose: where, when, with whom
# Peace itself, folded, as the subject an accord is named for (not a humanitarian corridor).
_PEACE = folded_words("peace", "paix", "frieden", "friedens", "paz", "мир", "мира", "миру", "мире",
                      "السلام")
ARMED = ("ceasefire", "peace-talks")  # the event types of armed conflicts (see domains)
LABEL_WORDS = 4  # a headline's label before a colon: "Einigung in Minsk:"
ENDING_GAP = 3  # words between a word of ending and the conflict it ends ("ending the X-year war")
# More words may stand between when they tell how long the conflict lasted: "ends half a
# century of fighting", "pone fin a más de medio siglo de enfrentamientos armados".
DURATION_GAP = 7
_DURATION_WORDS = folded_words(
    "a", "an", "the", "of", "half", "more", "than", "nearly", "almost", "over", "century",
    "decades", "years", "de", "del", "más", "casi", "medio", "siglo", "décadas", "años", "à",
    "plus", "près", "d", "un", "demi", "siècle", "décennies", "ans")


def length_end(words: tuple[str, ...], last: int) -> int:
    """The last token of a noun ending at `last` and of the length said right after it
    ("هدنة مدتها 90 يوما", "a truce of 90 days", "una tregua de 90 días"), if any."""
    k = last + 1
    while k < len(words) and (words[k] in _LENGTH_WORDS or words[k] in _NUMBER_WORDS
                              or words[k][:1].isdigit()):
        k += 1
    counted = any(t[:1].isdigit() or t in _NUMBER_WORDS for t in words[last + 1:k])
    return k - 1 if counted else last


def metaphor_of(purpose: Hit, word: Hit, words: tuple[str, ...]) -> bool:
    """A dispute's or a metaphor's word makes the purpose one: next to it, a few words
    after it, or in the phrase of "in" right after it and its length ("ceasefire in their
    year-long trade war", "una tregua de 90 días en su guerra comercial")."""
    if word.last < purpose.first - 2:
        return False
    if word.first <= purpose.last + METAPHOR_AFTER:
        return True
    after = length_end(words, purpose.last) + 1
    return after < len(words) and words[after] in _WHERE_IN \
        and word.first <= after + PHRASE_WORDS


def _purposes_of_ending(hits: list[Hit], words: tuple[str, ...] = (),
                        links: tuple[tuple[str, ...], ...] = ()) -> list[Hit]:
    """A word of ending followed, within ENDING_GAP words and no clause boundary, by a word of
    armed conflict is a purpose ("on ending fighting", "aimed at ending the three-year war",
    "über ein Ende des Krieges", "об окончании войны"); a deal right before a purpose (of any
    form) is a peace accord ("deal to end 18-year war"). No purpose is a metaphor: one with a
    metaphor word inside, right before or right after it ends a trade or price war ("ending
    the trade war", "la fin de la guerre commerciale", "trade truce")."""
    categories = {h.entry.category for h in hits}
    if "purpose_end" not in categories and not {"metaphor", "purpose"} <= categories:
        return hits  # nothing here to join or to drop: most sentences
    ends = [h for h in hits if h.entry.category == "purpose_end" and h.entry.name == "end"]
    if ends:
        objects = [h for h in hits if h.entry.category == "purpose_end"
                   and h.entry.name == "object"]
        bounds = [h.first for h in hits if h.entry.category == "boundary"]
        for end in ends:
            obj = next((o for o in objects if o.entry.type == end.entry.type
                        and end.last < o.first <= end.last + 1 + DURATION_GAP
                        and (o.first <= end.last + 1 + ENDING_GAP
                             or all(w.isdigit() or w in _DURATION_WORDS
                                    for w in words[end.last + 1:o.first]))
                        and not any(end.last < b < o.first for b in bounds)), None)
            if obj is not None:
                hits.append(Hit(end.first, obj.last, Entry(
                    "purpose", end.entry.type, form=f"{end.entry.form} … {obj.entry.form}",
                    lang=end.entry.lang)))
    if not any(h.entry.category == "purpose" for h in hits):
        return hits  # a deal or a meeting with no purpose to join it to ("trade agreement")
    metaphors = [h for h in hits if h.entry.category == "metaphor"]
    if metaphors:
        # (or a few words after it, as a truce's own: "call truce in trade war, agree to
        # restart talks" restarts no truce talks)
        hits = [h for h in hits if h.entry.category != "purpose" or not any(
            metaphor_of(h, m, words) for m in metaphors)]
    # A deal right before such a purpose is a peace accord: "sign deal to end 18-year war";
    # so is one that a name or a word of its subject stands between it and peace ("اتفاق
    # جوبا للسلام", the Juba Agreement for Peace; "соглашение об установлении мира").
    stops = {i for h in hits if h.entry.category in ("act", "boundary", "noun")
             for i in range(h.first, h.last + 1)}

    def named_peace(head: Hit, p: Hit) -> bool:
        return (p.first == p.last and (words[p.first] in _PEACE  # "للسلام": by its stem
                                       or p.entry.form in _PEACE)
                and head.last + 1 < p.first <= head.last + 1 + ACCORD_GAP
                and not any(i in stops or words[i] in _CONJUNCTIONS
                            for i in range(head.last + 1, p.first)))

    # Not a deal that names another event ("a ceasefire agreement to end the war" is the
    # ceasefire's agreement).
    owned = {i for h in hits if h.entry.category == "noun" and h.entry.type != "contact"
             for i in range(h.first, h.last + 2)}

    def linked(head: Hit, p: Hit) -> bool:
        """A purpose of ending a war with links right before it, and at most ACCORD_REACH
        words between them and the deal that are none of an act, an event noun or a clause
        boundary: "signed a general agreement in Rome on Sunday to end 16 years of civil
        war" (not a bare purpose word: "an agreement in London for the settlement of
        claims")."""
        start = p.first
        while (link := next((k for k in links if start - len(k) > head.last
                             and words[start - len(k):start] == k), None)) is not None:
            start -= len(link)
        # (an Arabic purpose carries its link: "لإنهاء", to end)
        carried = start == p.first and words[p.first].startswith("ل") \
            and _ARABIC_LETTER.match(words[p.first]) is not None
        return (start < p.first or carried) and start - head.last - 1 <= ACCORD_REACH \
            and " … " in p.entry.form and not any(i in stops for i in range(head.last + 1, start))

    for head in [h for h in hits if h.entry.category == "purpose_end"
                 and h.entry.name in ("accord", "meeting") and h.first not in owned]:
        meeting = head.entry.name == "meeting"
        purpose = next((p for p in hits if p.entry.category == "purpose"
                        and p.entry.type == head.entry.type and p.entry.name != SIDE
                        and (linked(head, p) if meeting else (
                            p.first == head.last + 1 or named_peace(head, p)
                            or linked(head, p)))), None)
        # Not when the purpose is an event's own noun: "اتفاق وقف الأعمال القتالية" is a
        # ceasefire's agreement (the cessation of hostilities), not a peace accord. (A noun
        # inside the war it ends is no such noun: "ending 46-year state of war".)
        if purpose is not None and not any(
                h.entry.category == "noun" and h.first == purpose.first for h in hits):
            # A meeting about ending a war is peace talks ("Swiss summit on ending Ukraine
            # war"): its noun is the talks' own.
            hits.append(Hit(head.first, purpose.last, Entry(
                "noun", head.entry.type, "main" if meeting else "accord",
                form=f"{head.entry.form} {purpose.entry.form}", lang=head.entry.lang)))
    return hits


# Russian and Ukrainian verbal nouns, by their endings (folded): "объявление", "оголошення",
# "подписания", "підписанням".
_SLAVIC_VERBAL_NOUNS = ("ние", "ния", "нию", "нием", "нии", "ння", "нню", "нням", "нні")
# The plural endings of Russian participles ("вовлеченные", "участвующие"), which open a
# phrase that describes the noun before it.
_SLAVIC_PARTICIPLES = ("енные", "ённые", "анные", "вшие", "ющие", "ящие", "ущие", "ащие")
# "call" as a verb whose object a truce is ("call three-month truce"), and the words that may
# stand between them.
_CALL_VERBS = frozenset({"call", "calls", "called"})
_TRUCE_MODIFIERS = folded_words(
    "one", "two", "three", "four", "five", "six", "seven", "ten", "day", "days", "week",
    "weeks", "month", "months", "hour", "hours", "year", "unilateral", "temporary",
    "indefinite", "holiday", "christmas", "easter", "ramadan", "new", "fresh", "short", "long")
# The future tense read from a verb's ending, as written: the French plural ("tiendront un
# sommet", "signeront un cessez-le-feu") and the Spanish ("mantendrán un encuentro",
# "firmará la tregua"; its accent is on no other ending). Not the French singular: "-ra"
# ends Spanish nouns ("ruptura", "frontera") and English ones ("era", "opera").
_FUTURE_FR = re.compile(r"[a-zàâçéèêëîïôûùüœ]{2,}[eiudr]ront")
_FUTURE_ES = re.compile(r"[a-záéíóúñü]{2,}r(?:á|án)")
_FUTURE_ENDINGS = ("ront", "rá", "rán")
_CLAUSE_MARKS = frozenset(",;:—–()،؛")  # (with the Arabic comma and semicolon)
# Arabic verbs of saying, after which "إن" is "that", not "if"
_ARABIC_SAID = folded_words("قال", "قالت", "قالوا", "يقول", "تقول", "أكد", "أكدت", "أضاف",
                            "أضافت", "أوضح", "أوضحت", "ذكر", "ذكرت", "صرح", "صرحت", "أفاد",
                            "أفادت", "أعلن", "أعلنت", "رأى", "اعتبر", "اعتبرت")
# Arabic verbs that begin with the letters of the article: "التقى" (he met) is no noun
_ARABIC_AL_VERBS = folded_words("التقى", "التقت", "التقيا", "التقتا", "التقوا")
_STARTING = frozenset({"took-effect", "begin"})  # acts of starting (not "begin with")
# (not the Slavic "с"/"з", also "since": "первые с 2022 года переговоры")
_BEGIN_WITH = folded_words("with", "avec", "mit", "con")
# The prepositions of what is agreed on ("agreed on", "convenus du", "договорились о", "اتفقت
# على", "einigten sich auf"): SentenceFrames._agreed_on
_AGREED_ON = folded_words("on", "upon", "du", "de", "des", "о", "об", "про", "على", "auf",
                          "sobre", "en")
_OPENING_QUOTES = frozenset('«“„"')
_CLOSING_QUOTES = frozenset('»”“"')
QUOTED_ASIDE = 6  # words of a quotation read as an aside (SentenceFrames._quoted_asides)
_DASHES = frozenset("—–;")


def _boundaries(sentence: Sentence, hits: list[Hit]) -> list[int]:
    """Token indices before which a new clause starts."""
    text = sentence.text
    starts = set()
    spans = sentence.spans
    qualities: tuple[set[int], set[int]] | None = None
    for i in range(1, len(spans)):
        a, b = spans[i - 1][1], spans[i][0]
        # Most words are apart by one space: only other gaps are looked into.
        if (b - a > 1 or (b > a and text[a] != " ")) \
                and not _CLAUSE_MARKS.isdisjoint(text[a:b]) \
                and not (text[a:b] == ":" and text[a - 1].isdigit() and text[b].isdigit()):
            if text[a:b].strip() == ",":
                # "an immediate, unconditional ceasefire": a comma between two qualities
                # of one noun joins them.
                if qualities is None:
                    qualities = ({h.last for h in hits if h.entry.category == "quality"},
                                 {h.first for h in hits if h.entry.category == "quality"})
                if i - 1 in qualities[0] and i in qualities[1]:
                    continue
            if text[a:b].strip() == "," and _german_infinitive_object(sentence, hits, i):
                continue
            starts.add(i)  # (not the colon of a time: "з 18:00 припинити вогонь")
    if (dateline := stopped_dateline(text)) and (after := next(
            (i for i, (a, _) in enumerate(spans) if a >= dateline), 0)):
        starts.add(after)  # "MOSCOW, November 10. /TASS/. A complete ceasefire ..."
    running = sentence.position != "headline"
    # A word inside a longer phrase is that phrase's: the German "wo" (where) is no clause
    # mark in the English "won't" (read "wo not").
    marks = [h for h in hits if h.entry.category in ("boundary", "subordinator")
             or (running and h.entry.category == "text_subordinator")]
    if marks:
        # (not a time span or outcome word ending in one: "years after" opens a clause)
        longer = [(h.first, h.last) for h in hits if h.last > h.first
                  and h.entry.category not in ("elapsed", "outcomes")]
        for h in marks:
            if not any(a <= h.first and h.last <= b and (a, b) != (h.first, h.last)
                       for a, b in longer):
                starts.add(h.last + 1)  # the clause starts after "that", "but", "while"...
    return sorted(starts)


def _german_infinitive_object(sentence: Sentence, hits: list[Hit], i: int) -> bool:
    """The comma before token `i` opens the infinitive a German demand asks for: "fordern
    die Konfliktparteien auf, die Kämpfe einzustellen" (what the demand's object is to do:
    the demand reaches it, as "called on X to" does)."""
    words = sentence.tokens
    demand = any(h.entry.lang == "de" and h.last < i and (
        h.entry.name == "called-for" or (h.entry.category == "cue" and h.entry.name == "demand"))
        for h in hits)
    if not demand:
        return False
    end = next((k for k in range(i, len(words))
                if sentence.text[sentence.spans[k - 1][1]:sentence.spans[k][0]].strip()
                and k > i), len(words))
    return any(w == "zu" or _ZU_INFINITIVE.match(w) for w in words[i:end])


# A German infinitive with "zu" inside it, after its particle: "einzustellen", "auszuhandeln".
_ZU_INFINITIVE = re.compile(r"^(?:ein|auf|aus|ab|an|zurück|fest|her|vor|bei|mit|nach|weg|"
                            r"zusammen|wieder|frei|stand|statt)zu\w+en$")


def _clause(boundaries: list[int], index: int, n: int) -> tuple[int, int]:
    lo, hi = 0, n
    for b in boundaries:
        if b <= index:
            lo = b
        elif b > index:
            hi = b
            break
    return lo, hi


class SentenceFrames:
    """Frames of one sentence."""

    @property
    def item_states(self) -> frozenset[str]:
        """The states the headline and lead name (theirs for people): asked of few
        sentences, so read from the knowledge base only then."""
        return self._item_states() if self._item_states is not None else frozenset()

    def __init__(self, lex: Lexicon, sentence: Sentence, number: int, day: date | None,
                 mentions: list[tuple[int, Mention]], kb: KnowledgeBase | None,
                 item_flags: frozenset[str], purposes: dict[str, str] | None = None,
                 possessors: set[int] | None = None, hits: list[Hit] | None = None,
                 speaker: Mention | None = None,
                 item_states: Callable[[], frozenset[str]] | None = None,
                 antecedents: list[Mention] | None = None):
        self.lex, self.s, self.number, self.day = lex, sentence, number, day
        # _nominal by hit, kept only once the hits and clauses it reads are final (below)
        self._nominal_of: dict[tuple[int, int, int], bool] | None = None
        self.antecedents = antecedents or []  # whom "the leaders" stands for (headline_group)
        mentions = self._with_counterparts(mentions, sentence, day, kb)
        self._places = [(i, m) for i, m in mentions if m.entity.kind != "person"]
        self._item_states = item_states
        self.speaker = speaker  # who says "I" in the text (see `speaker_of`)
        self.mentions = mentions  # (token index, mention)
        self.kb = kb
        # A word of a person's name is no word of the sentence: "بان" of "بان كي مون" (Ban
        # Ki-moon) is no "that" of a hypothesis.
        names = [(i, i + len(lexicon_tokens(m.alias)) - 1) for i, m in mentions
                 if m.entity.kind == "person" and m.via == "name"]
        found = hits if hits is not None else find_hits(lex, sentence.tokens)
        self.hits = [h for h in found
                     if not self._number_sign(h) and not self._acronym(h)
                     and not self._name_not_modal(h, sentence.tokens)
                     and not self._elided_in_name(h)
                     and not self._arabic_misread(h)
                     and not self._not_a_contact(h)
                     and not self._ends_a_war(h)
                     and not self._relates_to(h, found)
                     and not any(a <= h.first and h.last <= b for a, b in names)]
        self.n = len(sentence.tokens)
        # A Chinese token is one character: a clause holds about three times as many.
        cjk = sum(1 for w in sentence.tokens if is_cjk(w)) if has_cjk(sentence.text) else 0
        self.scale = 3 if cjk > self.n / 2 else 1
        self._title_cased: bool | None = None  # see _title_case
        self.bounds = self._without_appositives(
            self._without_list_commas(_boundaries(sentence, self.hits)))
        self.hits += self._separated() + self._futures()
        self.item_flags = item_flags
        self.purposes = purposes or {}  # type -> purpose words in the headline or lead
        self._possessors = possessors or set()  # mentions followed by "'s"
        self._after_determiner = {h.last + 1 for h in self.hits
                                  if h.entry.category == "determiner" and not self._dotted(h)}
        self._dash_before: list[int] | None = None  # see _dashes
        # A contact frame's pairs with the leaders its envoys acted for (see _contact)
        self._delegated: dict[int, tuple[tuple[Participant, Participant], ...]] = {}
        # Contact frames read from leaders signing together (see _contact): a meeting, but
        # no talks of its own ("Putin, Aliyev and Pashinyan signed a statement" may have
        # been signed apart).
        self._signed: set[int] = set()
        # (asked of the same few hits by many frames' checks: now final, kept)
        self._nominal_of = {}

    def _without_list_commas(self, bounds: list[int]) -> list[int]:
        """A headline that opens with names apart by commas lists its subjects: "Obama,
        Medvedev meet in London", "Israel, Hamas agree to truce" ("Israel and Hamas"). Those
        commas start no clause ("After talks with Putin, Xi heads home" opens with no name);
        nor does one between two sides after "between" or "urges" (below)."""
        if self.s.position != "headline" or not bounds:
            return bounds
        ends: dict[int, int] = {}
        for i, m in self.mentions:
            ends[i] = max(ends.get(i, i), i + len(lexicon_tokens(m.alias)) - 1)
        for h in self.hits:
            if h.entry.category == "armed_party":  # "Israel, Hamas agree four-day pause"
                ends[h.first] = max(ends.get(h.first, h.first), h.last)
        text, spans = self.s.text, self.s.spans
        listed: set[int] = set()
        at = 0
        while at in ends:
            nxt = ends[at] + 1
            if nxt not in ends or text[spans[nxt - 1][1]:spans[nxt][0]].strip() != ",":
                break
            listed.add(nxt)
            at = nxt
        # After a word that takes two sides: "talks between Ethiopian government, Tigray
        # forces open", "Kenya urges M23, Congolese army to cease fire". Each side is a few
        # words, the second followed by an event's word, not that word itself ("UN urges
        # restraint, ceasefire holds").
        words = self.s.tokens
        events = {h.first for h in self.hits if h.entry.category in ("noun", "act")}
        inside = {i for h in self.hits if h.entry.category in ("noun", "act")
                  for i in range(h.first, h.last + 1)}
        for b in bounds:
            if b in listed or b >= self.n or text[spans[b - 1][1]:spans[b][0]].strip() != ",":
                continue
            if not any(words[k] in _TWO_SIDES for k in range(max(b - 5, 0), b - 1)):
                continue
            then = next((k for k in range(b + 1, min(b + 5, self.n)) if k in events), None)
            if then is not None and not any(k in inside for k in range(b, then)):
                listed.add(b)
        return [b for b in bounds if b not in listed] if listed else bounds

    def _without_appositives(self, bounds: list[int]) -> list[int]:
        """A name between two commas after a noun is that noun's apposition, not a clause:
        "el comandante del ELN, Antonio García, suscribieron", "Russia's foreign minister,
        Sergei Lavrov, said" (a person the knowledge base knows, or unknown words in
        capitals where not every word has one). Neither comma starts a clause. Not a place
        ("a trip to Uzhhorod, Ukraine, a small city"): what follows it may be a clause."""
        if len(bounds) < 2:
            return bounds
        text, spans, named = self.s.text, self.s.spans, self._named_words
        people = {k for i, m in self.mentions if m.entity.kind == "person"
                  for k in range(i, i + len(lexicon_tokens(m.alias)))}
        dropped: set[int] = set()
        words = self.s.tokens
        for a, b in itertools.pairwise(bounds):
            # A nickname is an apposition too: ", known as Timochenko,", ", alias Tirofijo,"
            # (a boundary inside its opener aside: "as").
            opener = next((len(o) for o in _NICKNAME_OPENERS if words[a:a + len(o)] == o), 0)
            start = a + opener
            if b <= start:
                b = next((c for c in bounds if c > start), self.n)
            if 0 < a <= start < b < self.n and (a - 1 not in named or self._adjective(a - 1)
                                                or self._office_state_at(a)) \
                    and text[spans[a - 1][1]:spans[a][0]].strip() == "," \
                    and text[spans[b - 1][1]:spans[b][0]].strip() == "," \
                    and (all(k in people for k in range(start, b))
                         or (not self._title_case
                             and all(k not in named and text[spans[k][0]].isupper()
                                     for k in range(start, b)))):
                dropped.update((a, b))
                if opener:
                    dropped.update(c for c in bounds if a < c < b)
            elif 0 < a < b < self.n \
                    and text[spans[a - 1][1]:spans[a][0]].strip() == "," \
                    and text[spans[b - 1][1]:spans[b][0]].strip() == "," \
                    and all(words[k] in _DATE_WORDS or words[k].isdigit()
                            for k in range(a, b)):
                # "ont annoncé, jeudi 5 mars, un cessez-le-feu": a date between commas
                dropped.update((a, b))
            elif 0 < a < b < self.n and b - a <= ASIDE_WORDS \
                    and words[a].endswith(_SLAVIC_PARTICIPLES) \
                    and text[spans[a - 1][1]:spans[a][0]].strip() == "," \
                    and text[spans[b - 1][1]:spans[b][0]].strip() == ",":
                # "призвал все стороны, вовлеченные в конфликт, объявить перемирие": a
                # participle's phrase between commas describes the word before it
                dropped.update((a, b))
            elif 0 < a < b < self.n and b - a <= 3 \
                    and text[spans[a - 1][1]:spans[a][0]].strip() == "(" \
                    and text[spans[b - 1][1]:spans[b][0]].strip() == ")":
                # "Médicos Sin Fronteras (MSF) ha exigido": a short aside in brackets (a
                # name's short form) opens no clause
                dropped.update((a, b))
        return [b for b in bounds if b not in dropped] if dropped else bounds

    def _office_state_at(self, end: int) -> bool:
        """A state named right before word `end`, after "of" or "de": whose office the name
        after it holds ("los presidentes de Perú, Alberto Fujimori, y de Ecuador")."""
        return any(i + len(lexicon_tokens(m.alias)) == end and m.entity.kind == "country"
                   and i > 0 and self.s.tokens[i - 1] in _OWNER_LINKS for i, m in self.mentions)

    def _adjective_of_noun(self, first: int, last: int) -> bool:
        """The state's adjective at `first`..`last` is said of the lower-case noun right after
        it ("Armenian genocide", "Russian control"), not a name ("Bosnia, Croatia")."""
        nxt = last + 1
        if nxt >= self.n or not self._adjective(first, last):
            return False
        gap = self.s.text[self.s.spans[last][1]:self.s.spans[nxt][0]]
        word = self.s.text[self.s.spans[nxt][0]:self.s.spans[nxt][1]]
        return gap == " " and word[:1].islower() and len(word) > 3

    def _adjective(self, k: int, last: int | None = None) -> bool:
        """The word at `k` is a state's adjective ("El presidente venezolano, Hugo Chávez,"),
        which a title may end with: no place."""
        start, end = self.s.spans[k][0], self.s.spans[k if last is None else last][1]
        return self.kb is not None and fold(self.s.text[start:end]) in self.kb.adjectives

    @property
    def _title_case(self) -> bool:
        """Most words start with a capital (a headline in Title Case): worked out once, when
        first asked."""
        if self._title_cased is None:
            self._title_cased = title_cased(self.s.text, self.s.spans)
        return self._title_cased

    def _dashes(self) -> list[int]:
        """Token indices with a dash or semicolon before them (worked out once)."""
        if self._dash_before is None:
            text, spans = self.s.text, self.s.spans
            self._dash_before = [] if _DASHES.isdisjoint(text) else [
                i for i in range(1, self.n) if spans[i][0] > spans[i - 1][1]
                and not _DASHES.isdisjoint(text[spans[i - 1][1]:spans[i][0]])]
        return self._dash_before

    # -- helpers -----------------------------------------------------------------------------

    def _passive_of(self, act: Hit, noun: Hit) -> bool:
        """A verb that governs the noun after it takes the noun before it in the passive,
        with its agent after: "Palestinian State Recognized by U.K., Australia and Canada"."""
        nxt = act.last + 1
        return act.first == noun.last + 1 and nxt < self.n and self.s.tokens[nxt] in _AGENT

    def _manner(self, pred: Hit, preds: list[Hit]) -> bool:
        """A contact word in a phrase of manner right after another contact word ("speak by
        phone", "parler par téléphone", "hablar por teléfono") says how that one happened."""
        k = pred.first - 1
        return k > 0 and self.s.tokens[k] in _MANNER and any(
            p.last in (k - 1, k - 2) for p in preds if p is not pred)

    def _separated(self) -> list[Hit]:
        """German separable verbs: the lexicon's "bricht ab" also holds as "Ecuador bricht
        die Beziehungen zu Mexiko ab", its particle ending the verb's clause. The hit is the
        verb; the particle is the last word of the clause."""
        words, out = self.s.tokens, list[Hit]()
        separable = self.lex.separable
        if separable.keys().isdisjoint(words):
            return out
        for i, word in enumerate(words):
            for particle, entry in separable.get(word, ()):
                end = _clause(self.bounds, i, self.n)[1]
                if end - 1 > i + 1 and words[end - 1] == particle:
                    out.append(Hit(i, i, entry))
        return out

    def _futures(self) -> list[Hit]:
        """French and Spanish verbs in the future tense, read from their endings: a plan
        ("Macron et Poutine tiendront un sommet"), as the listed "se tiendra" is."""
        text, spans = self.s.text, self.s.spans
        out: list[Hit] = []
        if "ront" not in text and "rá" not in text:  # (every ending holds one of the two)
            return out
        for i, (a, b) in enumerate(spans):
            word = text[a:b]
            if not word.endswith(_FUTURE_ENDINGS):
                continue
            lang = "fr" if _FUTURE_FR.fullmatch(word) else \
                "es" if _FUTURE_ES.fullmatch(word) else ""
            if lang:
                out.append(Hit(i, i, Entry("cue", name="planned", form=word, lang=lang)))
        return out

    def _declared(self, act: Hit, noun: Hit) -> bool:
        """English "call" with the truce as its object, no "for" between, declares it:
        "Nepal's Maoists call three-month truce", "rebels call a ceasefire" (not "calls for",
        nor "calls grow for truce")."""
        words = self.s.tokens
        after = noun.last + 1
        # (the truce ends what "call" says, or "calls truce 'urgent'" names it)
        ends = after >= _clause(self.bounds, noun.first, self.n)[1] \
            or words[after] in _PREPOSITIONS or words[after] in _CONJUNCTIONS
        return (ends and act.first == act.last and words[act.first] in _CALL_VERBS
                and act.last < noun.first and all(
                    w in _DETERMINERS or w in _TRUCE_MODIFIERS or w in ("a", "an") or w.isdigit()
                    for w in words[act.last + 1:noun.first]))

    def _name_not_modal(self, hit: Hit, words: tuple[str, ...]) -> bool:
        """An English modal right before a finite verb is a name: "May expels 23 Russian
        diplomats" (Theresa May), "Will Smith"; a modal is followed by a bare verb ("may
        expel", "will focus", "could discuss")."""
        if hit.first != hit.last or hit.entry.category != "cue" \
                or words[hit.first] not in _NAMES_AS_MODALS or hit.last + 1 >= len(words) \
                or not self.s.text[self.s.spans[hit.first][0]].isupper():
            return False  # (not "will voters head to the polls?")
        nxt = words[hit.last + 1]
        return nxt.isascii() and nxt.isalpha() and len(nxt) > 3 and (
            nxt.endswith("ed") or (nxt.endswith("s") and not nxt.endswith(("ss", "us", "is"))))

    def _relates_to(self, hit: Hit, found: list[Hit]) -> bool:
        """The Arabic "يتصل/تتصل بـ" before a thing the lexicon names (of the sentence's
        `found` hits) relates to it, no call: "رسالة خطية ... تتصل بالعلاقات الثنائية" (a
        letter on bilateral relations; not "اتصل بالرئيس", a person)."""
        return hit.entry.lang == "ar" and hit.entry.name == "call" \
            and hit.entry.category == "act" and hit.first == hit.last \
            and hit.last + 1 < len(self.s.tokens) \
            and self.s.tokens[hit.last + 1].startswith("ب") \
            and any(h.first == hit.last + 1 and h.entry.category == "noun" for h in found)

    def _arabic_misread(self, hit: Hit) -> bool:
        """An Arabic word read as another by its folding or its proclitics:
        - a word written with a final "ة" read as a shorter word with the enclitic "ه" (him)
          that folding makes of it: "وزارة" (ministry) is no "و + زار + ه" (and visited him),
          "شرطة" (police) no "شرط" (condition);
        - "قد" after "و" or "ف" before a verb in the past: "فقد تقرر استئناف" (so it was
          decided to resume), "وقد أجرى" (and he held) say it is done, not that it may be;
          before the present ("وقد يكون", "قد نوجه") it is "may"."""
        if hit.first != hit.last or hit.entry.lang != "ar":
            return False
        a, b = self.s.spans[hit.first]
        written = self.s.text[a:b]
        if written == "إن" and hit.entry.category == "cue" and any(
                w in _ARABIC_SAID or (w[:1] in "وف" and w[1:] in _ARABIC_SAID)
                for w in self.s.tokens[max(0, hit.first - 4):hit.first]):
            return True  # "وقالت مصادر إن المحادثات كانت بناءة": "that" after saying, not "if"
        if written in _QAD_OF_PAST and hit.entry.category == "cue":
            after = self.s.tokens[hit.last + 1] if hit.last + 1 < len(self.s.tokens) else ""
            return after in _PAST_WITH_TA or not after.startswith(_ARABIC_PRESENT_PREFIXES)
        form = hit.entry.form
        return written.endswith("ة") and not form.endswith(("ة", "ه", "}"))

    def _not_a_contact(self, hit: Hit) -> bool:
        """A verb of talking whose object is something written: "Xi Jinping et Emmanuel
        Macron échangent des messages de félicitations" send messages, they do not talk. Nor
        is a contact verb in quotation marks of its own one: "Путин и Трамп «встретились» в
        музее восковых фигур" (their wax figures did)."""
        if hit.entry.category != "act" or hit.entry.type != "contact":
            return False
        text, (a, b) = self.s.text, (self.s.spans[hit.first][0], self.s.spans[hit.last][1])
        if a > 0 and b < len(text) and text[a - 1] in _QUOTES and text[b] in _QUOTES and not (
                text[a - 1] == "'" and a > 1 and text[a - 2].isalpha()) and not (
                text[b] == "'" and b + 1 < len(text) and text[b + 1].isalpha()):
            return True
        words = self.s.tokens
        k = hit.last + 1
        # (past its article and its day: "ont échangé jeudi des messages")
        while k < len(words) and k <= hit.last + 3 and (words[k] in _DETERMINERS
                                                        or words[k] in _DAYS):
            k += 1
        return k < len(words) and words[k] in _WRITTEN

    def _ends_a_war(self, hit: Hit) -> bool:
        """A Chinese word of ending with a war as its object ends the war, not the truce:
        "同意永久停止敌对行动，结束近两年的武装冲突" (agreed to stop hostilities for good,
        ending nearly two years of armed conflict)."""
        if hit.entry.lang != "zh" or hit.entry.category != "act" \
                or hit.entry.name != "collapsed":
            return False
        # (its object in its clause: not "停火结束后冲突再起", fighting again after the truce ended)
        end = self.s.spans[hit.last][1]
        after = re.split(r"[，,。；;：:后]", self.s.text[end:end + _ZH_OBJECT_REACH], maxsplit=1)[0]
        return any(war in after for war in _ZH_WARS)

    def _elided_in_name(self, hit: Hit) -> bool:
        """A one-letter cue in capitals, elided, is part of a name: the "N'" of "N'Djamena",
        "Sassou N'Guesso" (a French "N'" that opens a sentence keeps its "pas" or "jamais")."""
        if hit.first != hit.last or hit.entry.category != "cue" or hit.last + 1 >= len(
                self.s.spans):
            return False
        a, b = self.s.spans[hit.first]
        after = self.s.spans[hit.last + 1][0]
        return b - a == 1 and self.s.text[a].isupper() and after == b + 1 \
            and self.s.text[b] in "'’"

    def _acronym(self, hit: Hit) -> bool:
        """A one-word verb or cue written in capitals, in text that is not, is an acronym and
        not the lexicon's word: "IRA announces cessation" (not the Spanish "irá", will go)."""
        if hit.first != hit.last or hit.entry.category not in ("act", "cue"):
            return False  # (a domain's acronym is its name: "NBA", "FIFA")
        a, b = self.s.spans[hit.first]
        word = self.s.text[a:b]
        if len(word) < 2 or not word.isupper() or (hit.entry.form or "").isupper():
            return False
        letters = [c for c in self.s.text if c.isalpha()]
        return sum(c.isupper() for c in letters) < len(letters) / 2

    def _possessive_s(self, k: int) -> bool:
        """The token is the "s" of a possessive ("Trump's", "Trump’s")."""
        return k > 0 and self.s.tokens[k] == "s" and \
            self.s.text[self.s.spans[k - 1][1]:self.s.spans[k][0]] in ("'", "’")

    def _owner_start(self, start: int) -> int:
        """Where the possessor before word `start` begins, if a name with a possessive "s"
        stands right before it ("U.S. President Donald Trump's call"), else `start`."""
        if not self._possessive_s(start - 1) or start - 2 not in self._named_words:
            return start
        k = start - 2
        # (the capitals of a name and its titles, unless every word has one)
        while k > 0 and not self._title_case and self.s.text[self.s.spans[k - 1][0]].isupper():
            k -= 1
        return k

    def _dotted(self, hit: Hit) -> bool:
        """The "s" of "U.S." is a letter of an abbreviation, not a possessive ("Israel's
        refusal"): "U.S. May Make New Push for" has no determiner before "May"."""
        if hit.first == 0 or self.s.tokens[hit.first] != "s":
            return False
        return self.s.text[self.s.spans[hit.first - 1][1]:self.s.spans[hit.first][0]] == "."

    def _number_sign(self, hit: Hit) -> bool:
        """"No. 2 US envoy", "n° 2", "Nr. 2": a number sign, not a negation; nor is the "N"
        of "U.N." the French "n'", whose apostrophe the text must write."""
        if hit.entry.form.endswith(("'", "’")):
            end = self.s.spans[hit.last][1]
            return self.s.text[end:end + 1] not in ("'", "’")
        if hit.entry.category != "cue" or hit.first != hit.last \
                or self.s.tokens[hit.first] not in ("no", "n", "nr"):
            return False
        end = self.s.spans[hit.first][1]
        nxt = hit.first + 1
        return self.s.text[end:end + 1] in (".", "°", "º") and nxt < len(self.s.tokens) \
            and self.s.tokens[nxt][:1].isdigit()

    def _q(self, hit: Hit) -> str:
        return self.s.quote(hit.first, hit.last)

    def _cues_before(self, index: int, window: int = CUE_WINDOW) -> list[Hit]:
        lo, _ = _clause(self.bounds, index, self.n)
        lo = max(lo, index - window)
        return [h for h in self.hits if h.entry.category == "cue" and lo <= h.first
                and h.last < index and not self._disposal(h, index)
                and (h.first not in self._after_determiner  # "a push"
                                        # "Israel's refusal of calls for": a refusal named
                                        # by a noun still refuses
                                        or h.entry.name in ("refusal", "denial")
                                        # "his threat to expel" (not "the need to
                                        # restore the ceasefire", agreed in the real set)
                                        or self.s.tokens[h.first] in _THREATS
                                        # "is seeking a meeting": a verb after a copula
                                        or self.s.tokens[h.first - 1] in _COPULAS
                                        # "Trump's planned meeting", "the proposed truce":
                                        # one adjective right before what it describes (not
                                        # "the need to restore", a noun and its complement)
                                        or (h.first == h.last == index - 1
                                            and h.entry.name in _ATTRIBUTIVE_CUES))]

    def _disposal(self, cue: Hit, index: int) -> bool:
        """The Chinese "将" that puts the object before its verb, not the future: "中方决定将
        两国外交关系降为代办级", "将驻立陶宛大使召回" (an event's noun after it, up to the
        predicate at `index`, and an act of that event after the noun; not "将在峰会上召回")."""
        if cue.entry.lang != "zh" or cue.entry.form != "将":
            return False
        hi = _clause(self.bounds, index, self.n)[1]
        # (its object right after it, no verb between: not "将应邀对中国进行国事访问，并与
        # 习近平举行会谈", a visit to come)
        return any(n.entry.category == "noun" and cue.last < n.first <= index
                   and not any(v.entry.category == "act" and cue.last < v.first < n.first
                               for v in self.hits)
                   and any(a.entry.category == "act" and a.entry.type == n.entry.type
                           and n.last < a.first < hi for a in self.hits) for n in self.hits)

    def _proper_between(self, after: int, before: int) -> bool:
        """A capitalised word between a cue and a noun heads a phrase of its own ("desde
        Rafah un alto el fuego": from Rafah, not since the ceasefire)."""
        if self._title_case:
            return False  # "During Gaza Cease-Fire": every word is capitalised
        return any(self.s.text[self.s.spans[i][0]].isupper() for i in range(after + 1, before))

    def _demands(self, lo: int, before: int, etype: str) -> list[Hit]:
        """The demands between `lo` and `before`: demand cues, and calls for an event of
        `etype` said before what they ask for ("urges", "calls for")."""
        return [h for h in self.hits if lo <= h.first and h.last < before
                and ((h.entry.category == "cue" and h.entry.name == "demand")
                     or (h.entry.category == "act" and h.entry.type == etype
                         and h.entry.name == "called-for" and not h.entry.after
                         # one said only of its object does not reach past an
                         # infinitive: "talks offer roadmap to a truce" offer the roadmap
                         and not (h.entry.before and self._object_beyond(h, before))
                         # one written around its object holds with its closing words
                         # ("rufen die Parteien auf, ..."; not "Putin ruft Erdogan an")
                         and (not h.entry.then or self._closed_in_clause(h))))]

    def _closed_in_clause(self, act: Hit) -> bool:
        """The closing words of an act written around its object follow it in its clause."""
        then, words = act.entry.then, self.s.tokens
        end = _clause(self.bounds, act.first, self.n)[1]
        return any(words[i:i + len(then)] == then for i in range(act.last + 1, end))

    def _asked_for(self, hit: Hit, etype: str) -> bool:
        """A demand before `hit` in its clause: "called on the army and the RSF to agree to
        extend the truce" asks for the agreement."""
        lo = _clause(self.bounds, hit.first, self.n)[0]
        return bool(self._demands(lo, hit.first, etype))

    def _verb_of_nominal(self, act: Hit) -> Hit | None:
        """A verb of the same event right before a nominal act, a determiner at most between:
        "signed an agreement on Saturday for a seven-day ceasefire" (the verb too far from
        the noun to be its act) reports the agreement made; so does a verb of announcing
        ("announced the establishment of full diplomatic relations")."""
        # (a day between: "anunció este jueves la ruptura de relaciones")
        end = act.first - 2 if act.first in self._after_determiner else act.first - 1
        if end == act.first - 1 and end > 0 and self.s.tokens[end] == "a" \
                and act.entry.lang == "en":
            end -= 1  # the English article the lexicon's determiners leave out ("a deal")
        days = 0
        while end > 0 and self.s.tokens[end] in _DAYS and days < 2:
            end, days = end - 1, days + 1
        verbs = [h for h in self.hits if h.entry.category == "act"
                 and (h.entry.type == act.entry.type or h.entry.name == "announced")
                 and not self._nominal(h) and end - OBJECT_GAP <= h.last <= end]
        found = self._verb_before_nominal(act, verbs, end)
        if found is None and act.entry.lang == "ar":
            # Arabic puts the verb first, then its subject, then the verbal noun it governs:
            # "أعلنت قيادة شرطة محافظة البصرة، الخميس، التوصل إلى هدنة" (the commas of the
            # day between): the nearest verb of the event or of announcing before it
            found = next((h for h in reversed(self.hits) if h.entry.category == "act"
                          and (h.entry.type == act.entry.type or h.entry.name == "announced")
                          and not self._nominal(h) and h.last < act.first), None)
        if found is None and (act.entry.type, act.entry.name) in DONE_BY_AGREEING:
            found = self._agreed_on(act)
        return found

    def _agreed_on(self, act: Hit) -> Hit | None:
        """The verb of agreeing whose object a nominal act is, by the preposition of what is
        agreed: "agreed on the restoration of diplomatic relations", "договорились о
        восстановлении отношений", "sont convenus du rétablissement", and in Arabic with its
        subject between ("اتفقت السعودية وإيران على استئناف العلاقات"). Agreeing is the act
        for a state two governments create by agreeing on it (DONE_BY_AGREEING)."""
        words = self.s.tokens
        k = act.first - 1  # (a determiner between: "on the"; fused in French "du")
        if words[k] not in _AGREED_ON and act.first in self._after_determiner:
            k -= 1
        if k < 1 or words[k] not in _AGREED_ON:
            return None
        agreeing = [h for h in self.hits if h.last < k and not self._nominal(h)
                    and ((h.entry.category == "act" and h.entry.name == "agreed")
                         or (h.entry.category == "cue" and h.entry.name == "agreement"))]
        if not agreeing:
            return None
        verb = agreeing[-1]
        if verb.last == k - 1:
            return verb
        if act.entry.lang == "ar" and not any(verb.last < b <= k for b in self.bounds):
            return verb
        return None

    def _verb_before_nominal(self, act: Hit, verbs: list[Hit], end: int) -> Hit | None:
        """Of `verbs` (those ending a few words before `act`, up to `end`), the one that
        governs it: right before it, or with only the day and place between."""
        right = next((h for h in verbs if h.last == end), None)
        if right is not None or not verbs:
            return right
        # "firmaron hoy en la capital noruega el acuerdo de cese al fuego": the day and the
        # place between the verb and its object
        verb = verbs[-1]
        between = range(verb.last + 1, end + 1)
        if self.s.tokens[verb.last + 1] in _HERE_AND_NOW \
                and not any(verb.last < b <= end for b in self.bounds) \
                and not any(self.s.tokens[k] in _CONJUNCTIONS or self.s.tokens[k] in _BUT
                            for k in between) \
                and not any(h.entry.category in ("act", "noun") and h.first in between
                            for h in self.hits):
            return verb
        return None

    def _participle_of(self, act: Hit) -> bool:
        """An English "-ing" act opening a clause after another act of the lexicon is a
        verb, not a noun: it tells what that act's subject did ("signed a peace agreement on
        Wednesday, agreeing to a permanent cessation of hostilities" agreed it)."""
        words = self.s.tokens
        if not words[act.first].endswith("ing"):
            return False
        return any(h.entry.category == "act" and h.last < act.first for h in self.hits)

    def _elapsed_before(self, start: int) -> Hit | None:
        """A time span before "after" a few words before `start`: what follows it is that
        long before the news ("a week after China-brokered truce", an act's word between
        or not), not past a comma ("на следующий день после инаугурации, провел переговоры":
        the day after something else)."""
        return next((h for h in self.hits if h.entry.category == "elapsed"
                     and start - 4 <= h.last < start
                     and "," not in self.s.text[self.s.spans[h.last][1]:self.s.spans[start][0]]),
                    None)

    def _time_ahead(self, hit: Hit) -> Hit | None:
        """A time after the news right after a predicate, in its clause, with no other act
        between: "Aoun visits Saudi Arabia next week" is to come."""
        hi = _clause(self.bounds, hit.first, self.n)[1]
        ahead = next((h for h in self.hits if h.entry.category == "future_time"
                      and hit.last < h.first < hi), None)
        if ahead is None or any(hit.last < a.first < ahead.first for a in self.hits
                                if a.entry.category == "act"):
            return None
        # Within a few words, the names between aside ("meets Saudi Crown Prince Mohammed bin
        # Salman next week").
        return ahead if ahead.first < self._reach(hit.last + 1, CUE_WINDOW + 1) else None

    @functools.cached_property
    def _named_words(self) -> frozenset[int]:
        """The token indices inside the sentence's mentions (people, states, places)."""
        return frozenset(k for i, m in self.mentions
                         for k in range(i, i + len(lexicon_tokens(m.alias))))

    @functools.cached_property
    def _quoted_asides(self) -> frozenset[int]:
        """The token indices of short quotations that hold no event word: a writer's aside
        inside a phrase ("a appelé à l'établissement « dans les meilleurs délais » d'un
        cessez-le-feu"), which puts no distance between an act and its event."""
        text, spans = self.s.text, self.s.spans
        events = {k for h in self.hits if h.entry.category in ("act", "noun", "cue")
                  for k in range(h.first, h.last + 1)}
        inside: set[int] = set()
        opened: int | None = None
        for i in range(self.n + 1):
            gap = text[spans[i - 1][1] if i else 0:spans[i][0] if i < self.n else len(text)]
            if opened is not None and not _CLOSING_QUOTES.isdisjoint(gap):
                aside = range(opened, i)
                if 0 < len(aside) <= QUOTED_ASIDE and events.isdisjoint(aside):
                    inside.update(aside)
                opened = None
            elif opened is None and not _OPENING_QUOTES.isdisjoint(gap):
                opened = i
        return frozenset(inside)

    def _apart(self, first: int, noun: Hit) -> int:
        """The words between a token and an event noun after it, neither a quoted aside's
        nor the noun's own qualities counted ("to agree to a full and unconditional 30-day
        ceasefire" is one word from its act)."""
        asides = self._quoted_asides | self._qualities_before(noun)
        return sum(1 for k in range(first + 1, noun.first) if k not in asides)

    def _qualities_before(self, noun: Hit) -> frozenset[int]:
        """The run of the noun's qualities right before it, with the numbers of its length
        and the conjunctions between qualities: "full and unconditional 30-day"."""
        words, spans, text = self.s.tokens, self.s.spans, self.s.text
        qualities = {k for h in self.hits if h.entry.category == "quality"
                     for k in range(h.first, h.last + 1)}
        run: set[int] = set()
        k = noun.first - 1
        while k > 0:
            hyphened = text[spans[k - 1][1]:spans[k][0]] == "-"
            if k in qualities or words[k].isdigit() \
                    or (hyphened and words[k - 1].isdigit()) \
                    or (words[k] in _CONJUNCTIONS and k + 1 in run and k - 1 in qualities):
                run.add(k)
                k -= 1
            else:
                break
        return frozenset(run)

    def _reach(self, start: int, count: int) -> int:
        """Where `count` words from `start` end, the words of names not counted."""
        named = self._named_words
        k = start
        while k < self.n and count > 0:
            if k not in named:
                count -= 1
            k += 1
        return k

    def _setting_word(self, noun: Hit) -> Hit | None:
        """The word a few words before the talks that makes them the setting of what the
        sentence reports ("during the third round of talks"), or None."""
        return next((h for h in self.hits if h.entry.category == "settings"
                     and noun.first - 4 <= h.last < noun.first), None)

    def _only_measure(self, start: int, end: int) -> bool:
        """Whether the words between `start` and `end` only measure or name the talks, a few
        more than a determiner and an adjective: "au terme d'une nouvelle session de
        négociations", "al cerrar el tercer ciclo de negociaciones": each word between a
        determiner, a duration, a name, a number or a word of _MEASURES (not "au terme d'une
        semaine marquée par l'échec des négociations")."""
        if end - start > OUTCOME_REACH:
            return False
        measured = {k for h in self.hits if h.entry.category in _MEASURE_HITS
                    for k in range(h.first, h.last + 1)} | self._named_words
        return all(k in measured or self.s.tokens[k] in _MEASURES or self.s.tokens[k].isdigit()
                   for k in range(start + 1, end))

    def _done_at(self, noun: Hit) -> tuple[Hit, Hit] | None:
        """The act done at the talks or coming out of them, and the word that says so:
        "Thailand and Cambodia agree unconditional ceasefire at Malaysia talks", "agree
        ceasefire after China-brokered talks" (a verb of the lexicon that happened, then an
        outcome word a few words before the noun): the talks took place. Not a verb of its
        own before the word ("hints at talks", "scoffs at talks")."""
        lo = _clause(self.bounds, noun.first, self.n)[0]
        # ("after" opens a clause of its own: the act is in the one before it)
        word = next((h for h in reversed(self.hits) if h.entry.category == "outcomes"
                     and lo - 1 <= h.first and h.last < noun.first
                     and (noun.first - 4 <= h.last or self._only_measure(h.last, noun.first))),
                    None)
        if word is None or any(h.entry.category == "elapsed" and h.first <= word.last
                               and word.first <= h.last for h in self.hits):
            return None  # "25 years after the peace treaty": long before the news
        hi = _clause(self.bounds, noun.first, self.n)[1]
        after = hi  # where an act after the talks' clause may end (none, unless below)
        if word.first <= lo and not any(h.entry.category == "act" and h.first < word.first
                                        for h in self.hits):
            # The word opens the sentence ("Al cierre del tercer ciclo de negociaciones en
            # Cuba, Petro y García suscribieron"): the act is in the clause after the talks'.
            after = _clause(self.bounds, hi, self.n)[1] if hi < self.n else hi
        elif word.first <= lo:
            # The word opens its clause (", à l'issue de pourparlers"): the act is in the one
            # before it, or before the relative clause that says more of its object ("un cese
            # al fuego ... que entrará en vigor el 3 de agosto, al cierre del tercer ciclo").
            lo = _clause(self.bounds, word.first - 1, self.n)[0] if word.first else 0
            for _ in range(CLAUSES_BACK):
                if lo > 0 and self.s.tokens[lo - 1] in _RELATIVE_PRONOUNS:
                    antecedent = next((h for h in reversed(self.hits)
                                       if h.entry.category == "noun" and h.last < lo - 1), None)
                    if antecedent is None:
                        break
                    lo = _clause(self.bounds, antecedent.first, self.n)[0]
                elif lo > 0 and not any(h.entry.category == "act" and lo <= h.first < word.first
                                        for h in self.hits) \
                        and not any(w in _SAYS for w in self.s.tokens[lo:word.first]):
                    # A clause with no act, only the truce's words ("un cese al fuego bilateral,
                    # nacional y temporal de 180 días, al cierre del tercer ciclo"): the one
                    # before it. (Not past a speaker's clause: "..., Sarkozy said on Tuesday
                    # after talks with Medvedev" tells where he spoke.)
                    lo = _clause(self.bounds, lo - 1, self.n)[0]
                else:
                    break
        # Done, not only allowed or wanted: "will allow to end the war and sit down at the
        # negotiating table". Before the word, or as the last word of the talks' clause (a
        # verb at the end: "bei Friedensgesprächen in Pretoria geeinigt"; not "talks
        # proposed for Istanbul this week").
        act = next((h for h in reversed(self.hits) if h.entry.category == "act"
                    and ((lo <= h.first and (h.last < word.first - 1
                                             # "agreed at talks in Paris"
                                             or (h.last == word.first - 1
                                                 and self.s.tokens[word.first] == "at")))
                         or (noun.last < h.first and h.last == hi - 1)
                         # an agreement after the talks and their place ("Лідери після
                         # переговорів у Мінську домовилися про припинення вогню"; not the
                         # talks' own verb, nor a proposal: "talks with Ukraine proposed for")
                         or (noun.last < h.first <= noun.last + PLACE_REACH
                             and h.entry.type != noun.entry.type and h.entry.name == "agreed")
                         or hi <= h.first < after) and not self._nominal(h)
                    and self._modality(h.first, True)[0] == "happened"), None)
        if act is not None and self.s.tokens[word.first] == "in" and not any(
                h.entry.category == "noun" and act.last < h.first and h.last < word.first
                for h in self.hits):
            return None  # "in" says what was done there only after its object: "agree
            # ceasefire in Doha talks", not "agrees to take part in talks"
        return (act, word) if act is not None else None

    def _foreign(self, act: Hit, noun: Hit) -> bool:
        """The noun is another state's than its clause's subject: a state named in it, after
        the act ("cuts US embassy staff", "orders 23 British diplomats to leave") or after
        it with "of" ("diplomats of Russia"), that the words before the act do not name. A
        capital says where, not whose ("US cuts Havana embassy staff")."""
        tokens = self.s.tokens
        owners = {m.entity.id for i, m in self.mentions if m.entity.kind == "country"
                  and m.via != "capital"
                  and (act.last < i < noun.first
                       or (noun.last < i <= noun.last + 3
                           and not _FOREIGN_STOP.isdisjoint(tokens[noun.last + 1:i])))}
        lo = _clause(self.bounds, act.first, self.n)[0]
        return bool(owners - self._sides(lo, act.first))

    def _hyphenated(self, hit: Hit) -> bool:
        """The hit is the second part of a word joined by a hyphen ("Moscow-brokered",
        "open-ended", "U.S.-brokered")."""
        if hit.first == 0:
            return False
        between = self.s.text[self.s.spans[hit.first - 1][1]:self.s.spans[hit.first][0]]
        return between in ("-", ".-")

    def _at_place(self, i: int, m: Mention) -> bool:
        """The mention at `i` says where something was done, not who did it: a capital
        after "in" ("European leaders in Kyiv demand"), a person after "bei" or "chez"
        and a title ("bei Präsident Selenskyj")."""
        before = self.s.tokens[max(0, i - 3):i]
        if m.via == "capital":
            return bool(before) and before[-1] in _IN_PLACE
        return any(w in _AT_HOST for w in before)

    def _demand_shared(self, head: Hit) -> Hit | None:
        """The demand a noun phrase after "and" shares with the one before it: "calls for a
        ceasefire in Ukraine and the resumption of talks", "призвал к прекращению огня и
        возобновлению переговоров" (no verb between the demand and the "and")."""
        k = head.first - 1
        while k >= 0 and self.s.tokens[k] in _DETERMINERS:
            k -= 1  # "and the resumption"
        if k <= 0 or self.s.tokens[k] not in _CONJUNCTIONS:
            return None
        lo = max(_clause(self.bounds, k, self.n)[0], k - 2 * CUE_WINDOW)
        demand = next((h for h in reversed(self.hits) if lo <= h.first and h.last < k and (
            (h.entry.category == "cue" and h.entry.name == "demand")
            or (h.entry.name == "called-for" and not self._nominal(h)))), None)
        if demand is None or any(h.entry.category == "act" and demand.last < h.first < k
                                 and not self._nominal(h) for h in self.hits):
            return None
        return demand

    def _year_of(self, own: Hit, hi: int, acts: list[Hit]) -> int | None:
        """The token of a year two or more before the report's that dates the act `own`:
        "in 1979" right after it in its clause (no verb between), or a Chinese "1979年" before
        it in its clause; not a year after "since" ("first visit since 2015": a gap)."""
        if self.day is None:
            return None
        words, latest = self.s.tokens, self.day.year - 2
        lo = _clause(self.bounds, own.first, self.n)[0]

        def old(k: int) -> bool:
            w = words[k]
            return len(w) == 4 and w.isdigit() and 1900 <= int(w) <= latest \
                and not any(words[j] in _SINCE for j in range(max(lo, k - 3), k))

        after = next((k for k in range(own.last + 1, min(hi, own.last + CUE_WINDOW + 1))
                      if words[k - 1] in _DATED_IN and old(k)), None)
        if after is not None and not any(own.last < a.first < after for a in acts):
            return after
        if own.entry.lang == "zh":
            return next((k for k in range(lo, own.first) if old(k) and k + 1 < self.n
                         and words[k + 1] == "年"), None)
        return None

    def _in_war_theatre(self, noun: Hit) -> bool:
        """The truce is placed in a country where a war is fought on the day, right after
        it ("pide una tregua en Gaza pese a la huelga general"): a war's, whatever dispute
        the clause also names."""
        start = self._length_after(noun) + 1
        if self.kb is None or self.day is None or start >= self.n \
                or self.s.tokens[start] not in _WHERE_IN:
            return False
        place = next((m for i, m in self.mentions if i == start + 1), None)
        return place is not None and place.entity.kind == "country" and any(
            place.entity.id in c.theatre and c.covers(self.day) for c in self.kb.conflicts)

    def _names_a_war_theatre(self) -> bool:
        """The sentence names an armed party, or a country where a war is fought on the day
        ("Israel and Hamas agree truce in Gaza, trade resumes at border crossing")."""
        if any(h.entry.category == "armed_party" for h in self.hits):
            return True
        if self.kb is None or self.day is None:
            return False
        day = self.day
        return any(m.entity.kind == "country" and any(
            m.entity.id in c.theatre and c.covers(day) for c in self.kb.conflicts)
            for _, m in self.mentions)

    def _in_phrase_after(self, noun: Hit, word: Hit) -> bool:
        """`word` is in the phrase of "in" right after the noun, with no verb or other
        event between ("a ceasefire in their year-long trade war"; the caller keeps to the
        noun's clause)."""
        start = self._length_after(noun) + 1
        return start < word.first <= start + PHRASE_WORDS and start < self.n \
            and self.s.tokens[start] in _WHERE_IN \
            and not any(self.s.tokens[k] in _PREPOSITIONS for k in range(start + 1, word.first)) \
            and not any(h.entry.category in ("act", "noun", "backdrop", "cue")
                        and start < h.first < word.first for h in self.hits)

    def _length_after(self, noun: Hit) -> int:
        """The last token of the noun and of the length said right after it (see
        length_end)."""
        return length_end(self.s.tokens, noun.last)

    def _declined_participle(self, act: Hit, noun: Hit) -> bool:
        """A German act that ends in a declined participle right before the noun describes
        it: "vereinbarten Waffenruhe", "in Kraft getretenen Waffenruhe" (not "vereinbarten
        eine Waffenruhe", a verb)."""
        if act.entry.lang != "de":
            return False
        k = act.last if act.last + 1 == noun.first or \
            self.s.tokens[act.last].endswith(_DECLINED_DE) else act.last + 1
        # (with declined adjectives between: "der in Moskau vereinbarten humanitären
        # Waffenruhe")
        return k < noun.first and noun.first - k <= 3 \
            and self.s.tokens[k].endswith(_DECLINED_DE) and all(
                self.s.tokens[j].endswith(_ADJECTIVE_DE) for j in range(k + 1, noun.first))

    def _attributive(self, hit: Hit) -> bool:
        """A participle describing a noun, not telling what happened: "a Moscow-brokered
        ceasefire" (joined by a hyphen), "the truce announced by Putin" (followed by "by")."""
        if self._hyphenated(hit):
            return True
        nxt = hit.last + 1
        if hit.entry.lang == "zh" and nxt < self.n and self.s.tokens[nxt] == "的":
            return True  # "瑞士方面举办的乌克兰和平峰会": the summit Switzerland holds
        return nxt < self.n and self.s.tokens[nxt] in ("by", "par", "von", "por") and \
            hit.entry.type != "contact"

    def _nominal(self, hit: Hit) -> bool:
        """Whether an act word is used as a noun: listed as one, after a determiner ("the
        call for", "Israel's refusal of calls for"), with the Arabic article, or opening its
        clause with no subject before it ("calls for a ceasefire were...")."""
        memo = self._nominal_of
        if memo is None:
            return self._read_nominal(hit)
        key = (hit.first, hit.last, id(hit.entry))
        found = memo.get(key)
        if found is None:
            found = memo[key] = self._read_nominal(hit)
        return found

    def _read_nominal(self, hit: Hit) -> bool:
        if self.s.tokens[hit.first:hit.last + 1] in self.lex.nominal:
            return True
        if hit.first in self._after_determiner and not (
                self.s.tokens[hit.first - 1] in _COPULAS
                and _participle(self.s.tokens[hit.first])):  # "talks were held": a verb
            return True
        if self.s.tokens[hit.first].startswith("ال") \
                and self.s.tokens[hit.first] not in _ARABIC_AL_VERBS:
            return True
        if hit.first > 0 and self.s.tokens[hit.first - 1] == "的":
            return True  # "特朗普与普京的通话": after the Chinese attributive particle
        if hit.first > 0 and self.s.tokens[hit.first - 1] == "at":
            return True  # "agree bilateral ceasefire at end of talks": no verb after "at"
        if hit.first > 0 and self.s.tokens[hit.first].endswith("ing") \
                and self.s.tokens[hit.first - 1] in _EVENT_ADJECTIVES:
            return True  # "Sunak's first meeting with Xi cancelled": a noun
        if self._attributive(hit):
            return True
        if hit.entry.lang == "en" and self.s.tokens[hit.last].endswith("s") \
                and hit.last + 1 < self.n and self.s.tokens[hit.last + 1] in _PLURAL_AUXILIARIES:
            return True  # "even as nuclear talks have stalled": the subject of "have"
        if hit.first == hit.last and self.s.tokens[hit.first].endswith(_SLAVIC_VERBAL_NOUNS):
            return True  # "після оголошення режиму тиші": the announcement, a noun
        if hit.entry.lang == "zh" and any(
                c.entry.category == "cue" and c.first == hit.last + 1 for c in self.hits) \
                and any(n.entry.category == "noun" and (n.first, n.last) == (hit.first, hit.last)
                        for n in self.hits):
            return True  # "普京与泽连斯基会晤尚未列入议程": a cue right after it, its subject
        if hit.entry.lang == "ar":
            return False  # Arabic opens its clauses with the verb: "افتتح الرئيسان ... مؤتمر"
        if hit.entry.lang in _PRO_DROP and hit.first > 0 \
                and self.s.tokens[hit.first - 1] in _PRO_DROP[hit.entry.lang]:
            return False  # a verb with its subject left out: "anunciaron que alcanzaron"
        return (hit.first == _clause(self.bounds, hit.first, self.n)[0] and hit.first > 0
                and not self._participle_of(hit)) \
            or (hit.first == 0 and self.s.position != "headline")

    def _modality(self, index: int, verb: bool, allow_demand: bool = True,
                  window: int = CUE_WINDOW) -> tuple[str, Hit | None]:
        """The modality of a predicate starting at `index`, and the cue that set it."""
        words = self.s.tokens
        if verb and index > 0 and words[index - 1] in _CONJUNCTIONS \
                and _finite(words[index]):
            # "threatens to cut ties and recalls ambassador": the cues before "and" are the
            # first verb's; a finite verb after it has its own.
            window = 1
        if verb and index > 0 and words[index - 1] in _TOWARD:
            # "Moves by France and the U.K. toward recognizing Palestine": on the way, not
            # there (not "talks toward a truce": a noun after it)
            return "hypothetical", Hit(index - 1, index - 1, Entry(
                "cue", name="hypothetical", form=words[index - 1]))
        said = self._own_modality(index, verb, allow_demand, window)
        if said[0] != "happened":
            return said
        proposed = self._proposed_that(index) if allow_demand else None
        if proposed is not None:
            # "Putin proposed that Russia and Ukraine resume direct negotiations": what a
            # proposal or a demand puts forward has not happened.
            return ("demanded" if proposed.entry.name == "demand" else "hypothetical"), proposed
        listed = self._chinese_demand_list(index) if allow_demand else None
        if listed is not None:
            return "demanded", listed
        if not verb:
            # A noun right after its act ("recall ambassador", "open talks", "withdraw its
            # ambassador") is read from where the act starts.
            after = index - 2 if index > 1 and self.s.tokens[index - 1] in _DETERMINERS \
                else index - 1
            act = next((h for h in self.hits if h.entry.category == "act"
                        and h.last == after), None)
            if act is None:
                return said
            index = act.first
        # "Turkey may suspend ties with UAE, recall ambassador", "urged the government and
        # the TPLF to protect civilians and open talks": a bare verb coordinated with an
        # earlier one shares its auxiliary or governing verb, read over that verb's clause;
        # in a list, through each verb before it ("urged Russia to stop the fighting, open
        # corridors and start peace negotiations").
        for _ in range(LIST_VERBS):
            first = self._first_conjunct(index)
            if first is None:
                return said
            lo, _ = _clause(self.bounds, first, self.n)
            found = self._own_modality(first, True, allow_demand, max(window, first - lo))
            if found[0] != "happened":
                return found
            index = first
        return said

    def _chinese_demand_list(self, index: int) -> Hit | None:
        """A Chinese call's verb phrases run on after commas while no new subject opens one:
        "呼吁各方保持理性和克制，支持俄乌相向而行，尽快恢复直接对话，...，最终达成全面停火" calls
        for all of them. The call's word, if the predicate at `index` is one of them."""
        words, text, spans = self.s.tokens, self.s.text, self.s.spans
        if not "\u4e00" <= words[index][:1] <= "\u9fff":
            return None
        demand = next((h for h in reversed(self.hits) if h.last < index and (
            (h.entry.category == "cue" and h.entry.name == "demand")
            or (h.entry.category == "act" and h.entry.name == "called-for"))), None)
        if demand is None:
            return None
        starts = {i for i, _ in self.mentions}
        for k in range(demand.last + 1, index):
            gap = text[spans[k - 1][1]:spans[k][0]]
            # a clause of its own after a comma: a subject ("俄罗斯宣布") or a contrast ("但")
            if ("，" in gap or "," in gap) and (k in starts or words[k] in _ZH_CLAUSE_OPENERS):
                return None
        return demand

    def _first_conjunct(self, index: int) -> int | None:
        """Where the first of two coordinated predicates starts, when the one at `index` is
        a bare verb ("open", "recall"; not "expels", "opened") right after "and" or opening
        a clause after a comma: after the "to" both share, else at the nearest verb of the
        lexicon before it (within a few words)."""
        words = self.s.tokens
        start, _ = _clause(self.bounds, index, self.n)
        if _finite(words[index]):
            # "Australia blames Iran, expels ambassador" says it did; but a gerund after "or"
            # or "and" parallel to an earlier one in its clause shares what governs both:
            # "was considering suspending relations with the UAE or withdrawing its envoy".
            return self._parallel_gerund(index, start)
        if index - 1 >= start and words[index - 1] in _CONJUNCTIONS:
            # (over the first verb's object: "could suspend diplomatic relations with the
            # United Arab Emirates or withdraw its ambassador")
            lo, before = max(start, index - 1 - 2 * CUE_WINDOW - 2), index - 1
        elif index > start and len(words[index]) > 3 and words[index].startswith("و") \
                and _ARABIC_LETTER.match(words[index]) is not None:
            # Arabic writes "and" on the word: "تطالب الحكومة بطرد السفير ... واستدعاء السفير"
            lo, before = max(start, index - 2 * CUE_WINDOW - 2), index
        elif index == start and start > 0 and "," in self.s.text[
                self.s.spans[start - 1][1]:self.s.spans[start][0]]:
            lo, before = _clause(self.bounds, start - 1, self.n)[0], start
            lo = max(lo, before - CUE_WINDOW)
        else:
            return None
        # (not a German verb's particle right before "and": "Geber sagen Milliardenhilfe zu
        # und fordern Waffenruhe" pledge aid and call for a truce)
        to = [h for h in self.hits if h.entry.category == "cue" and h.entry.name == "infinitive"
              and lo <= h.first and h.last < before
              and not (h.entry.lang == "de" and words[h.last + 1] in _CONJUNCTIONS)]
        if to:
            return to[-1].last + 1
        # (Arabic coordinates verbal nouns: "تدرس تعليق علاقاتها ... أو سحب سفيرها")
        verbs = [h for h in self.hits if h.entry.category == "act" and lo <= h.first
                 and h.last < before and (h.entry.lang == "ar" or not self._nominal(h))]
        if verbs:
            return verbs[-1].first
        if 0 < start < before and "," in self.s.text[
                self.s.spans[start - 1][1]:self.s.spans[start][0]]:
            # "to observe the truce, release hostages and sign": the bare word that opens
            # the list's clause after its comma is the verb before this one
            return start
        return None

    def _parallel_gerund(self, index: int, start: int) -> int | None:
        """Where an English gerund of the lexicon starts that the gerund at `index`, right
        after a conjunction, is coordinated with: the nearest before it in its clause."""
        words = self.s.tokens
        if not (words[index].endswith("ing") and index - 1 > start
                and words[index - 1] in _CONJUNCTIONS):
            return None
        gerunds = [h for h in self.hits if h.entry.category == "act" and start <= h.first
                   and h.last < index - 1 and words[h.first].endswith("ing")
                   and not self._nominal(h)]
        return gerunds[-1].first if gerunds else None

    def _proposed_that(self, index: int) -> Hit | None:
        """A proposal or a demand right before the complementizer that opens the clause of
        `index` ("proposed in a late-night statement that ...", "a demandé que ..."): the
        clause is what it puts forward."""
        start = _clause(self.bounds, index, self.n)[0]
        that = next((h for h in self.hits if h.entry.category == "complementizer"
                     and h.last == start - 1), None)
        if that is None:
            return None
        lo = max(_clause(self.bounds, that.first, self.n)[0], that.first - 2 * CUE_WINDOW)
        return next((h for h in reversed(self.hits) if h.entry.category == "cue"
                     and lo <= h.first and h.last < that.first
                     and (h.entry.name == "demand"
                          or (h.entry.name == "hypothetical"
                              and (h.entry.form or "").startswith(_PROPOSING)))), None)

    def _contradicted_claim(self, index: int) -> Hit | None:
        """The word of contradiction when the predicate at `index` is what someone said whom
        the sentence contradicts: "..., contradicting President Gustavo Petro, who had said
        that a six-month truce would begin Jan. 1" (a claim denied, not an act)."""
        words = self.s.tokens
        if _CONTRADICTING.isdisjoint(words):  # (most sentences)
            return None
        at = next((k for k in range(index - 1, -1, -1) if words[k] in _CONTRADICTING), None)
        if at is None or not any(w in _SAYS for w in words[at + 1:index]):
            return None
        return Hit(at, at, Entry("cue", name="negation", form=words[at], lang=""))

    def _own_modality(self, index: int, verb: bool, allow_demand: bool,
                      window: int) -> tuple[str, Hit | None]:
        """The modality the cues before a predicate give it (see _modality)."""
        denial = next((h for h in self.hits if h.entry.category == "cue"
                       and h.entry.name == "denial" and h.last < index), None) \
            or self._disowned(index)
        start, end = _clause(self.bounds, index, self.n)
        if verb and window == CUE_WINDOW and (end - index == 1 or all(
                w in _GERMAN_AUXILIARIES for w in self.s.tokens[index + 1:end])):
            # A verb that ends its clause (German word order: "Scholz will erstmals seit
            # fast zwei Jahren mit Putin telefonieren") has its auxiliary at the clause's
            # second place, however far: the whole clause before it is read.
            window = max(window, index - start)
        cues = self._cues_before(index, window * self.scale)
        if verb and index + 1 == end - 1 and self.s.tokens[index + 1] in _GERMAN_MODALS \
                and self.s.tokens[index].endswith("n"):
            # The German infinitive before its modal at the clause's end: "wonach Russland und
            # die Ukraine in Katar verhandeln wollten" (wanted to, not did); not a participle
            # before the passive's auxiliary ("Solange verhandelt wird": is negotiated)
            cues += [h for h in self.hits if h.first == index + 1 and h.entry.category == "cue"
                     and h.entry.name == "planned"]
        # "习近平将于北京时间11月16日上午同美国总统拜登举行视频会晤": the Chinese "will, on" governs
        # its clause, however long the time it names.
        # (so does "将" alone, "将在出席东盟系列外长会期间同王毅会面", unless it puts the object
        # before its verb: "将两国外交关系降为代办级")
        cues += [h for h in self.hits if h.entry.category == "cue" and h.entry.name == "planned"
                 and h.entry.form in _ZH_FUTURE and start <= h.first and h.last < index
                 and h not in cues and not self._disposal(h, index)]
        lo = max(start, index - window * self.scale)
        # "has pushed for progress on peace talks": a call-for of any type is a demand; one
        # that is also an event's noun names it ("the ceasefire plan collapsed").
        named = {(h.first, h.last) for h in self.hits if h.entry.category == "noun"}
        cues += [h for h in self.hits if h.entry.category == "act" and h.entry.name == "called-for"
                 and lo <= h.first and h.last < index and (h.first, h.last) not in named
                 and not h.entry.after  # "needed" is said of a noun before it
                 and (not h.entry.then or self._closed_in_clause(h))]
        cues.sort(key=lambda h: h.first)
        by = {name: [h for h in cues if h.entry.name == name
                     or (name == "negation" and h.entry.name == "cancellation")
                     or (name == "demand" and h.entry.name == "called-for")
                     or (name == "planned" and h.entry.name == "agreement")] for name in
              ("refusal", "negation", "hypothetical", "planned", "demand", "infinitive")}
        if not by["hypothetical"] and index > 0 and self.s.tokens[index].endswith("ing") \
                and self.s.tokens[index - 1] in _ATTITUDES:
            # Welcoming or backing an act in the gerund is being for it, not doing it: "Iran
            # welcomes restoring relations with Egypt" (not "welcomes the restoration").
            by["hypothetical"].append(Hit(index - 1, index - 1, Entry(
                "cue", name="hypothetical", form=self.s.tokens[index - 1], lang="en")))
        contradicted = self._contradicted_claim(index)
        if contradicted is not None:
            return "denied", contradicted
        if by["refusal"]:
            return "refused", by["refusal"][-1]
        if by["negation"]:
            return "denied", by["negation"][-1]
        final = self._final_negation(index, end)
        if final is not None:
            return "denied", final
        if denial is not None:
            return "denied", denial
        if by["hypothetical"]:
            return "hypothetical", by["hypothetical"][-1]
        if allow_demand and by["demand"]:
            return "demanded", by["demand"][-1]
        if by["planned"]:
            return "planned", by["planned"][-1]
        if verb and by["infinitive"] and by["infinitive"][-1].last == index - 1 \
                and not self._voted(by["infinitive"][-1]):
            to = by["infinitive"][-1]
            lo, _ = _clause(self.bounds, index, self.n)
            # The verb the infinitive completes stands near it ("arrives in Cairo to begin
            # talks"), not a clause's length away ("pressing for gains in defiance of
            # Trump's deadlines to enter talks").
            near = max(lo, to.first - WINDOW * self.scale)
            finite = next((h for h in reversed(self.hits) if h.entry.category == "act"
                           and near <= h.first and h.last < to.first
                           and not self._nominal(h) and not self._subject_before_to(h, to, lo)),
                          None)
            if finite is not None:
                # What the infinitive is for shares the modality of the verb it completes:
                # "delegation to arrive in Cairo to hold talks" is a plan.
                completed = self._modality(finite.first, True)
                if completed[0] != "happened":
                    return completed
            else:
                # Headline grammar: "Biden and Xi to meet" is a plan. In running text a bare
                # infinitive is a goal ("efforts to cut ties", "working to restore relations").
                return ("planned" if self.s.position == "headline" else "hypothetical"), to
        if self.s.position == "headline":
            # ("to fly to Moscow for talks": the last "to" may be a preposition; a verb too,
            # with words between, after a name: "Tokayev to pay state visit to Kyrgyzstan",
            # not "Aide to the President ... following a telephone conversation")
            plan = next((h for h in reversed(by["infinitive"]) if self._headline_plan(h, index)
                         and (not verb or h.first - 1 in self._named_words)),
                        None)
            if plan is not None:
                return "planned", plan
        return "happened", None

    def _final_negation(self, index: int, end: int) -> Hit | None:
        """German negates a finite verb at the end of its clause ("Israels Kabinett billigt
        die Waffenruhe nicht", "Putin stimmt der Waffenruhe nicht zu"): a "nicht" after the
        predicate with at most a separable particle after it."""
        words = self.s.tokens
        return next((h for h in self.hits if h.entry.category == "cue"
                     and h.entry.name == "negation" and h.entry.lang == "de"
                     and index < h.first and h.last < end
                     and all(w in _GERMAN_PARTICLES for w in words[h.last + 1:end])), None)

    def _subject_before_to(self, h: Hit, to: Hit, lo: int) -> bool:
        """A subject noun before "to", not a verb the infinitive completes: "Darfur talks to
        open in Abuja next week" (only names before it, in text written in sentence case),
        not "Queen makes surprise visit to open hospice"."""
        text, spans = self.s.text, self.s.spans
        return (not self._title_case  # (in Title Case every word looks like a name)
                and h.last == to.first - 1  # ("Talks continue in bid to end strikes")
                and any(n.entry.category == "noun" and (n.first, n.last) == (h.first, h.last)
                        for n in self.hits)
                and all(text[spans[k][0]].isupper() for k in range(lo, h.first)))

    def _once(self, condition: Hit, noun: Hit, end: int) -> bool:
        """"As soon as" opening the clause after a comma that ends one side's truce: the truce
        waits for it ("Россия прекратит огонь, как только Киев выведет войска"). Not "if"
        there ("a proposal that, if concluded, would ..."), nor two sides' truce ("Israel and
        Hamas agreed a truce, as soon as ...")."""
        if condition.first != end or end >= self.n or condition.entry.form not in _ONCE:
            return False
        gap = self.s.text[self.s.spans[end - 1][1]:self.s.spans[end][0]]
        return gap.strip() == "," and len(self._sides(
            _clause(self.bounds, noun.first, self.n)[0], noun.first)) < 2

    def _terms_of_a_deal(self, condition: Hit, act: Hit | None) -> bool:
        """An exchange in a truce its sides agree is the deal's terms, not an offer: "Israel
        and Hamas agreed to a four-day truce ... in exchange for 150 prisoners" (not "Putin
        will halt the war in exchange for eastern Ukraine", one side; nor "if rebels
        withdraw", a condition)."""
        if act is None or condition.entry.form not in _EXCHANGES:
            return False
        if self.s.tokens[act.first].startswith(_APPROVING):
            return True  # "Israeli cabinet approves four-day pause ... in exchange for hostages"
        lo = _clause(self.bounds, act.first, self.n)[0]
        return len(self._sides(lo, act.first)) >= 2

    def _voted(self, to: Hit) -> bool:
        """The infinitive completes a vote, which did what it says: "General Assembly votes
        (overwhelmingly) to demand a ceasefire", "cabinet voted to approve the truce"."""
        k = to.first - 1
        if k > 0 and self.s.tokens[k].endswith("ly"):
            k -= 1
        return k >= 0 and self.s.tokens[k] in _VOTED

    def _headline_plan(self, to: Hit, index: int) -> bool:
        """A headline's infinitive of a verb that is not the event's own, before its noun:
        "Biden and Xi to hold virtual summit" is a plan. Only "to" right after a name, the
        headline's subject: not after a common noun ("get down to business at summit")."""
        words, spans, text = self.s.tokens, self.s.spans, self.s.text
        nxt = to.last + 1
        # (the cues read are those of the noun's own clause)
        return not (self._title_case or nxt >= index or to.first == 0
                    or not words[nxt].isalpha() or not text[spans[to.first - 1][0]].isupper()
                    or any(h.first <= nxt <= h.last and h.entry.category in ("noun", "place")
                           for h in self.hits))

    def _lasted(self, noun: Hit) -> Hit | None:
        """The talks' length in hours, days or nights right before them ("after 16 hours of
        talks", "после 16 часов переговоров"): talks of a length took place."""
        # (a few words may say who led them: "after ten days of African Union-led talks")
        return next((h for h in self.hits if h.entry.category == "duration"
                     and h.last < noun.first <= h.last + 1 + LED_BY
                     and not any(h.last < b < noun.first for b in self.bounds)
                     and not any(e.entry.category in ("act", "noun") and h.last < e.first
                                 < noun.first for e in self.hits)), None)

    def _label_end(self) -> int:
        """Where a headline's short topic label before a colon ends ("Handelsstreit:",
        "Commerce :"): the index of the first word after it, 0 when there is none."""
        if self.s.position != "headline":
            return 0
        # (past a clause word inside the label: "Year after Geneva: ...")
        return next((b for b in self.bounds if b <= LABEL_WORDS and ":" in self.s.text[
            self.s.spans[b - 1][1]:self.s.spans[b][0]]), 0)

    def _label_act(self, act: Hit, noun: Hit) -> bool:
        """A headline's short label before a colon, opened by an act of the event that opens
        the clause after the colon: "Einigung in Minsk: Waffenruhe ab Sonntag", "Acuerdo en
        Minsk: alto el fuego desde el domingo". Not a label with an object of its own ("Accord
        sur le gaz : le cessez-le-feu reste fragile"), nor one longer than LABEL_WORDS."""
        if self.s.position != "headline" or act.last >= noun.first:
            return False
        lo = _clause(self.bounds, noun.first, self.n)[0]
        if lo == 0 or act.last >= lo or noun.first - lo > 1:
            return False
        if ":" not in self.s.text[self.s.spans[lo - 1][1]:self.s.spans[lo][0]]:
            return False
        start = _clause(self.bounds, lo - 1, self.n)[0]
        return act.first == start and lo - start <= LABEL_WORDS and not any(
            h.entry.category == "topic" and act.last < h.first < lo for h in self.hits)

    def _act_on_label(self, act: Hit, noun: Hit) -> bool:
        """A headline whose label before a colon is the event's noun, told of in the clause
        after it by two sides of its own: "Waffenruhe: Israel und Hisbollah einigen sich",
        "Cessez-le-feu : Israël et le Hezbollah trouvent un accord" (the act of that clause
        only, when two states or armed sides come before it, not "Перемирие в КХЛ: клубы и
        лига договорились"; and only when no noun of the event's own stands there: "Gaza:
        ceasefire talks stall" has its own)."""
        if self.s.position != "headline" or act.first <= noun.last:
            return False
        lo, label_end = _clause(self.bounds, noun.first, self.n)
        if label_end >= self.n or label_end - lo > LABEL_WORDS \
                or ":" not in self.s.text[self.s.spans[label_end - 1][1]:
                                          self.s.spans[label_end][0]]:
            return False
        _, hi = _clause(self.bounds, label_end, self.n)
        return act.first < hi and len(self._sides(label_end, act.first)) >= 2 and not any(
            h.entry.category == "noun" and h.entry.type == noun.entry.type
            and label_end <= h.first < hi for h in self.hits)

    def _disowned(self, index: int) -> Hit | None:
        """A denial said after the predicate at `index`, across clauses: the reports of it
        dismissed ("Reports of Sudan truce deal are premature, army says": a report's word
        before it, a dismissal after it), or a denial closing the sentence with no object of
        its own ("...holding secret truce talks in Cairo; Hamas denies", "...; Hamás lo
        niega"; at most one word after it: "denies it", not "denies targeting civilians")."""
        after = [h for h in self.hits if h.first > index]
        rumour = next((h for h in reversed(self.hits) if h.entry.category == "rumour"
                       and h.last < index), None)
        if rumour is not None:
            # after it, or right before the report's word ("назвали фейком повідомлення про
            # нібито телефонну розмову": called the reports of a call fake)
            dismissal = next((h for h in after if h.entry.category == "dismissal"), None) \
                or next((h for h in self.hits if h.entry.category == "dismissal"
                         and rumour.first - 2 <= h.last < rumour.first), None)
            if dismissal is not None:
                return dismissal
        return next((h for h in after if h.entry.category == "cue"
                     and h.entry.name == "denial" and self.n - 1 - h.last <= 1), None)

    def _occasion(self) -> bool:
        """Every anniversary the sentence names is one of something that is no event of the
        lexicon: the occasion of the news, not a retrospective of it ("se reúne con Zelenski
        en vísperas del aniversario de la invasión", "a reçu Scholz pour le 60e anniversaire
        du traité de l'Élysée"). An anniversary of an event ("of diplomatic relations", "of
        their first meeting") or said another way ("a year ago") keeps the flag."""
        words = self.s.tokens
        marks = [h for h in self.hits if h.entry.category == "flag"
                 and h.entry.name == "anniversary"]
        if not marks:
            return False
        events = [h for h in self.hits if h.entry.category in ("noun", "act") and h.entry.type]
        for h in marks:
            if words[h.first] not in _ANNIVERSARY_NOUNS or h.first != h.last:
                return False
            # (what it is of: "of the establishment of diplomatic relations")
            k = h.last + 1
            if k >= self.n or any(k <= e.first <= k + 4 for e in events):
                return False
        return True

    def _flags(self, noun: Hit | None, act: Hit | None = None, setting: Hit | None = None,
               own: Hit | None = None, produced: bool = False
               ) -> tuple[set[str], list[Evidence]]:
        """The frame's flags with their evidence; `act` is its act when before the noun,
        `own` its act wherever it is; `produced`: the talks are what an agreement came out
        of, said by `setting`."""
        flags = set(self.s.flags) | set(self.item_flags)
        if "anniversary" in flags and self._occasion():
            flags.discard("anniversary")
        if noun is not None and "preview" in flags and all(
                h.first > noun.last for h in self.hits
                if h.entry.category == "flag" and h.entry.name == "preview"):
            # "rebels held talks with mediators ahead of the new round": what comes before
            # "ahead of" happened; only what follows it is previewed.
            flags.discard("preview")
        evidence = [Evidence("flag", f"{name} ('{words}')") for name, words in self.s.cues
                    if name in flags] + [Evidence("flag", f"{name} (the headline's)")
                                         for name in sorted(self.item_flags - self.s.flags)
                                         if name in flags]
        if noun is None:
            return flags, evidence
        lo, hi = _clause(self.bounds, noun.first, self.n)
        label = self._label_end()
        acts = [h for h in self.hits if h.entry.category == "act" and not self._nominal(h)]
        for h in self.hits:
            if h.entry.category == "metaphor" and h.last < noun.first and any(
                    h.last < a.first and a.last < noun.first for a in acts):
                continue  # the subject of a verb, not a modifier: "coalition agrees truce"
            # A metaphor word by the noun, in its clause ("trade truce", "trêve commerciale");
            # a domain word of a dispute that is not a war anywhere in its clause ("agree truce
            # over TV rights", "between FIFA and European clubs") or the headline's label
            # ("Handelsstreit: ... Waffenstillstand").
            # (or between the act and the noun, its object: "agree to slash tariffs in 90-day
            # truce")
            if (h.entry.category == "metaphor" and lo <= h.first < hi and (
                    noun.first - 2 <= h.first < noun.first
                    or noun.last < h.first <= self._length_after(noun) + 3
                    # (or in the phrase that says where the truce is: "a ceasefire in their
                    # year-long trade war")
                    or self._in_phrase_after(noun, h)
                    or (h.first <= noun.last and noun.first <= h.last)  # holds it: "هدنة إعلامية"
                    or (act is not None and act.last < h.first < noun.first))) \
                    or (noun.entry.type in ARMED and (
                        (h.entry.category == "domain" and lo <= h.first < hi)
                        or (h.entry.category in ("domain", "domain_label") and h.last < label)
                        # (or anywhere in a headline of commerce: "U.S. and China agree
                        # 90-day truce, slash tariffs in trade war de-escalation")
                        or (h.entry.category == "domain_label"
                            and self.s.position == "headline"
                            and not self._names_a_war_theatre()))
                        and not self._in_war_theatre(noun)):
                flags.add("metaphor")
                evidence.append(Evidence("flag", f"metaphor ('{self._q(h)}')"))
                break
        # A noun act before the noun belongs to its phrase: "after the entry into force of".
        start = act.first if act is not None and self._nominal(act) else noun.first
        # "agreed after 16 hours of talks", "после 16 часов переговоров": the talks that made
        # the news, not its backdrop
        lasted = noun.entry.type == "peace-talks" and self._lasted(noun) is not None
        # A German participle right before the noun is its adjective, and may bring its own
        # words: "trotz der am Montag in Kraft getretenen Waffenruhe".
        declined = {a.first for a in acts if self._declined_participle(a, noun)}
        described = declined if start == noun.first else set()
        # (and a possessor's name before it: "during Joe Biden's meeting with Zelensky")
        owner = self._owner_start(start)
        reach = min(described) - PARTICIPLE_WORDS if described else owner
        for h in self.hits:
            if setting is not None and (h.first, h.last) == (setting.first, setting.last):
                continue  # "during the talks" said they took place
            if lasted and h.entry.category == "backdrop":
                continue
            if h.entry.category == "backdrop" and " ".join(
                    self.s.tokens[h.first:h.last + 1]) in _ZH_AFTER_NOUN:
                # "停火期间": right after the noun (not "斋月期间立即停火", during Ramadan).
                if h.first == noun.last + 1:
                    flags.add("backdrop")
                    evidence.append(Evidence("flag", f"backdrop ('{self._q(h)}')"))
                    break
                continue
            # Right before the noun phrase, with no verb between: "despite the ceasefire".
            # (not past a comma: "в понедельник, на следующий день после инаугурации,
            # провел переговоры" held the talks the day after something else)
            # (an act's word right after it belongs to its phrase: "nach Beginn der in Moskau
            # vereinbarten Feuerpause", after the start of the truce)
            if h.entry.category in ("backdrop", "preview") and reach - 3 <= h.last < start \
                    and not any(h.last + 1 < a.first and a.last < noun.first
                                and a.first not in declined for a in acts) \
                    and "," not in self.s.text[self.s.spans[h.last][1]:self.s.spans[start][0]] \
                    and (described or not self._proper_between(h.last, owner)):
                name = "backdrop" if h.entry.category == "backdrop" else "preview"
                flags.add(name)
                evidence.append(Evidence("flag", f"{name} ('{self._q(h)}')"))
                break
            # Right before its verb: "since relations were severed", "the embassy remains
            # closed" (its verb after the noun).
            verb = act if act is not None else own
            if h.entry.category == "backdrop_clause" and verb is not None \
                    and verb.first - 3 <= h.last < verb.first:
                flags.add("backdrop")
                evidence.append(Evidence("flag", f"backdrop ('{self._q(h)}')"))
                break
        since = self._elapsed_before(start) if "backdrop" not in flags else None
        if since is None and "backdrop" not in flags and label and noun.first >= label:
            # a headline labelled by a time since ("Год после Женевы: в Кремле оценили итоги
            # саммита Путина и Байдена"): what it tells is that long before the news
            since = next((h for h in self.hits if h.entry.category == "elapsed"
                          and h.last < label), None)
        if since is not None:
            flags.add("backdrop")
            evidence.append(Evidence("flag", f"backdrop ('{self._q(since)}')"))
        if own is not None and "backdrop" not in flags and not self._nominal(own):
            # "talks held in Sweden last week": a time before the news right after its act.
            past = next((h for h in self.hits if h.entry.category == "past_time"
                         and own.last < h.first < min(hi, own.last + CUE_WINDOW + 1)
                         and not any(own.last < a.first < h.first for a in acts)), None)
            if past is not None and not any(past.last < a.first < hi for a in acts):
                # (no verb after it: "a truce agreed last week took effect" is news)
                flags.add("backdrop")
                evidence.append(Evidence("flag", f"backdrop ('{self._q(past)}')"))
            years = self._lasted_years(own)
            if years is not None:
                # "Переговори Боготи з FARC тривали чотири роки", "the talks lasted four
                # years": talks told by how many years they took are history, not news.
                flags.add("backdrop")
                evidence.append(Evidence("flag", f"backdrop ('{self._q(own)} ... "
                                                 f"{self.s.quote(years, years)}': years long)"))
            year = self._year_of(own, hi, acts)
            if "backdrop" not in flags and year is not None:
                # "China and the United States established diplomatic relations in 1979",
                # "1979年1月1日，中美两国正式建立外交关系": an act dated years before the news
                # is history.
                flags.add("backdrop")
                evidence.append(Evidence("flag", f"backdrop ('{self.s.quote(year, year)}', "
                                                 "years before the report)"))
        # The whole clause is subordinate: "as his efforts to advance peace talks have stalled".
        lo, _ = _clause(self.bounds, noun.first, self.n)
        running = self.s.position != "headline"
        opener = next((h for h in self.hits if (h.entry.category == "subordinator" or (
            running and h.entry.category == "text_subordinator")) and h.last + 1 == lo), None)
        if opener is not None and "backdrop" not in flags and not lasted \
                and not (produced and setting is not None
                         and setting.first <= opener.first <= setting.last
                         # (at most a word between: not "after years of talks")
                         and noun.first - setting.last <= 2):
            # (not the word that makes talks what an act came out of: "agreed on Wednesday
            # to permanently silence the guns after peace talks in Pretoria")
            flags.add("backdrop")
            evidence.append(Evidence("flag", f"backdrop (a clause opened by '{self._q(opener)}')"))
        return flags, evidence

    def _lasted_years(self, own: Hit) -> int | None:
        """The word of years right after a verb of lasting ("lasted four years", "тривали
        чотири роки", "duraron más de cuatro años"), or None."""
        words = self.s.tokens
        if words[own.last] not in _LASTED:
            return None
        return next((k for k in range(own.last + 1, min(own.last + 1 + YEARS_REACH, self.n))
                     if words[k] in _YEARS_LONG), None)

    def _participants(self, role: str) -> tuple[Participant, ...]:
        return tuple(self._participant(m, role) for _, m in self.mentions)

    def _directed(self, arguments: list[tuple[int, Mention]], noun: Hit, act: Hit
                  ) -> tuple[Participant, ...]:
        """Who did it to whom, for an act one state does to another (expelling or recalling
        envoys): the actor is the subject ("Paris expulse à son tour douze agents
        algériens"), the target the object ("... Iran's ambassador", "French diplomats");
        in the passive ("US envoy expelled", "diplomats were expelled by Russia", "expelled
        from Russia") the other way round; an Arabic verb comes before its subject. Empty
        when no actor is named: then the parties stay unordered."""
        words = self.s.tokens
        passive = act.first > noun.last or (
            act.first > 0 and words[act.first - 1] in _COPULAS and _participle(words[act.first]))
        before = [(i, m) for i, m in arguments if i < act.first]
        after = [(i, m) for i, m in arguments if i > act.last]
        if passive:
            actor, target = after, before
        else:
            # The subject is the group of names nearest before the verb ("Moscow accuses
            # Warsaw of expelling"), or the sentence's first one when the verb's subject is
            # left out ("Australia blames Iran ..., expels ambassador"; "Paris expulse ... et
            # rappelle son ambassadeur").
            lo = _clause(self.bounds, act.first, self.n)[0]
            elided = act.first == lo or words[act.first - 1] in _CONJUNCTIONS
            groups = self._groups(before)
            actor = (groups[0] if elided else groups[-1]) if groups else []
            target = after
            if self._nominal(act):  # "the expulsion of French diplomats by Algeria"
                agents = [(i, m) for i, m in after if i > 0 and words[i - 1] in _AGENT]
                actor, target = actor + agents, [x for x in after if x not in agents]
            elif not actor and after and _ARABIC_LETTER.match(words[act.first]):
                actor, target = after[:1], after[1:]  # طردت الجزائر دبلوماسيين فرنسيين
        if not actor:
            return ()
        role = {m.entity.id: "parties" for _, m in arguments}
        role.update({m.entity.id: "target" for _, m in target})
        role.update({m.entity.id: "actor" for _, m in actor})
        return tuple(self._participant(m, role[m.entity.id]) for _, m in arguments)

    def _own_envoys(self, arguments: list[tuple[int, Mention]], noun: Hit,
                    parties: tuple[Participant, ...]) -> str | None:
        """The actor's state, when its name or adjective stands right beside the envoy noun
        ("американських дипломатів" the US ordered out), or None."""
        actors = {p.country or p.entity_id for p in parties if p.role == "actor"}
        # (Arabic puts the verb's subject right before its object: "طردت الجزائر السفير
        # الفرنسي"; its envoy's state comes after the noun)
        arabic = _ARABIC_LETTER.match(self.s.tokens[noun.first]) is not None
        return next((m.entity.name for i, m in arguments if m.entity.kind == "country"
                     and m.entity.id in actors and (
                         i == noun.last + 1 or (not arabic and i + len(lexicon_tokens(
                             m.alias)) == noun.first))), None)

    def _foreign_envoy(self, arguments: list[tuple[int, Mention]], noun: Hit,
                       parties: tuple[Participant, ...]) -> str | None:
        """The state, other than the actor's, whose name or adjective stands right beside the
        envoy noun ("the French ambassador", "السفير الفرنسي"), or None."""
        actors = {p.country or p.entity_id for p in parties if p.role == "actor"}
        words = self.s.tokens
        # (the word as written: folding makes the feminine "سفيرة" read "سفيره", his envoy)
        start, end = self.s.spans[noun.first]
        written = self.s.text[start:end]
        own = any(w in _OWN for w in words[max(0, noun.first - 3):noun.first]) or (
            _ARABIC_LETTER.match(written) is not None and written.endswith(("ها", "ه", "هم")))
        if not actors or own:
            return None  # "its Havana ambassador", "سفيرها": the actor's own envoy
        # In Arabic a state right after the envoy's noun, by its adjective after the article
        # or in the construct state, is another state's envoy, one's own being "سفيرها", even
        # when that state was read as the actor for want of another ("استدعت وزارة الخارجية
        # السفير الإسرائيلي في عمّان", "سفير الجمهورية الإسلامية الإيرانية لدى البلاد": the
        # ministry is the actor).
        arabic = _ARABIC_LETTER.match(written) is not None
        for i, m in arguments:
            # (the state's title and adjectives between: "سفير الجمهورية الإسلامية الإيرانية")
            if arabic and m.entity.kind == "country" and noun.last < i <= noun.last + 3 \
                    and all(w.startswith("ال") for w in words[noun.last + 1:i]) \
                    and len(actors) == 1 and m.entity.id in actors:
                return m.entity.name
            if m.entity.kind == "country" and m.entity.id not in actors and (
                    i == noun.last + 1 or i + len(lexicon_tokens(m.alias)) == noun.first
                    or (i == noun.last + 2 and words[noun.last + 1] in _STATE_TITLES)
                    or (arabic and i <= noun.last + 3
                        and all(w.startswith("ال") for w in words[noun.last + 1:i]))) \
                    and not (i > 0 and words[i - 1] in _POSTED):  # "驻立陶宛大使": posted there
                return m.entity.name
        return None

    def _groups(self, named: list[tuple[int, Mention]]) -> list[list[tuple[int, Mention]]]:
        """Names joined only by "and", commas or articles, as groups: "Germany and France"."""
        groups: list[list[tuple[int, Mention]]] = []
        end = -1
        for i, m in named:
            between = self.s.tokens[end + 1:i]
            if groups and all(w in _CONJUNCTIONS or w in _DETERMINERS for w in between):
                groups[-1].append((i, m))
            else:
                groups.append([(i, m)])
            end = i + len(lexicon_tokens(m.alias)) - 1
        return groups

    def _arguments(self, noun: Hit, act: Hit | None) -> list[tuple[int, Mention]]:
        """The known parties that are arguments of the event: named in the clause of its
        noun and act (a list of names split by commas is one phrase; a clause that opens with
        the act shares the subject of the sentence before it: "Australia blames Iran,
        expels ambassador"), and not the object of a preposition that belongs to another
        word ("responds to Russia's invasion of Ukraine"); a preposition after the event's
        own words names a party ("ties with Russia", "agents of the embassy of France")."""
        words = self.s.tokens
        first = min(noun.first, act.first) if act is not None else noun.first
        last = max(noun.last, act.last) if act is not None else noun.last
        lo = _clause(self.bounds, first, self.n)[0]
        hi = _clause(self.bounds, last, self.n)[1]
        ends = {i + len(lexicon_tokens(m.alias)) - 1 for i, m in self.mentions}
        starts = {i for i, _ in self.mentions}
        while lo > 0 and lo in starts and (lo - 1) in ends:
            lo = _clause(self.bounds, lo - 1, self.n)[0]  # "U.K., Australia and Canada"
        cued = {i for h in self.hits if h.entry.category == "cue"
                for i in range(h.first, h.last + 1)}
        if act is not None and lo > 0 and all(i in cued for i in range(lo, act.first)):
            # "..., expels ambassador", "..., will expel ambassador": a clause that opens
            # with the act (or its auxiliaries) has the sentence's subject.
            lo = 0
        mine = [h for h in self.hits if h.entry.type == noun.entry.type
                and h.entry.category in ("noun", "act")]
        own = {h.last for h in mine}  # a preposition right after one of these names a party
        modified = {h.first for h in mine}  # a name right before one qualifies it
        out: list[tuple[int, Mention]] = []
        for i, m in self.mentions:
            if not lo <= i < hi or is_cjk(words[i]):
                if lo <= i < hi:
                    out.append((i, m))
                continue
            if i + len(lexicon_tokens(m.alias)) in modified:
                out.append((i, m))  # "dozens of Russian diplomats", "at the US embassy"
                continue
            k = i - 1
            while k >= 0 and words[k] in _DETERMINERS:
                k -= 1
            if k >= 0 and words[k] in _PREPOSITIONS:
                j = k - 1
                while j >= 0 and (words[j] in _DETERMINERS or words[j] in _OUT):
                    j -= 1  # "its ambassador out of Niger"
                if j not in own:
                    continue
            out.append((i, m))
        return out

    def _participant(self, m: Mention, role: str) -> Participant:
        entity = m.entity
        person_role = entity.role_at(self.day) if entity.kind == "person" else None
        country = person_role.country if person_role else (
            entity.id if entity.kind == "country" else "")
        return Participant(entity.id, entity.name, entity.kind, role, m.alias,
                           entity.describe(self.day), country)

    # -- frames ------------------------------------------------------------------------------

    def frames(self) -> list[EventFrame]:
        out: list[EventFrame] = []
        contact_verbs = [h for h in self.hits if h.entry.category == "act"
                         and h.entry.type == "contact" and h.entry.standalone]
        # "called Zelensky a dictator", "appelle Trump à agir": no call, as verb or as noun.
        not_calls = {k for h in contact_verbs if self._names_or_urges(h)
                     for k in range(h.first, h.last + 1)}
        if not_calls:
            contact_verbs = [h for h in contact_verbs if h.first not in not_calls]
        nouns = [h for h in self.hits if h.entry.category == "noun" and not (
            not_calls and h.entry.type == "contact" and h.first in not_calls)] \
            + self._states_recognised()
        self._bare_nouns = {self._q(n).casefold() for n in nouns if n.entry.type == "contact"}
        verb_frames = []
        reported: list[tuple[Hit, EventFrame]] = []  # contact nouns a report is about
        for noun in nouns:
            if noun.entry.type == "contact":
                if any(abs(v.first - noun.first) <= 4 and v.entry.name != "signing"
                       for v in contact_verbs):
                    continue  # "held a phone call": the verb's frame says it (signing
                    # is a meeting only of a joint subject: "Modi's visit: India, Japan sign")
                gerund = self._gerund(noun)
                frame = self._contact(noun, verb=gerund)
                if frame is not None and gerund:
                    verb_frames.append(frame)
                elif frame is not None and self._report_of(noun) is not None:
                    reported.append((noun, frame))
            else:
                frame = self._typed(noun)
            if frame is not None:
                out.append(frame)
        # A word right after a named person is its verb, even one that is also a noun
        # ("马克龙会见习近平 呼吁他与泽连斯基通话", "Biden talks with Xi"): it has its own modality.
        of_verbs: set[int] = set()
        said_by = {i + len(lexicon_tokens(m.alias)) - 1 for i, m in self.mentions
                   if m.entity.kind == "person"}
        for verb in contact_verbs:
            if self._manner(verb, contact_verbs):
                continue  # "to speak by phone": how they speak, not a second call
            frame = self._contact(verb, verb=True)
            if frame is not None:
                out.append(frame)
                verb_frames.append(frame)
                if verb.first - 1 in said_by:
                    of_verbs.add(id(frame))
        out.extend(self._talks_from_meetings(out, verb_frames, reported))
        # A contact noun with no verb of its own ("..., his first trip to Russia") is the
        # sentence's contact: it takes the modality of the one a verb or cue qualifies.
        qualified = [f for f in out if f.type == "contact" and f.modality != "happened"]
        if qualified:
            said = Evidence("modality", qualified[0].words("modality"))
            out = [replace(f, modality=qualified[0].modality, evidence=(*f.evidence, said))
                   if f.type == "contact" and f.modality == "happened" and not f.words("modality")
                   and id(f) not in of_verbs
                   and f.words("event").casefold() in self._bare_nouns else f for f in out]
        return self._visits_before_meetings(out)

    @staticmethod
    def _visits_before_meetings(out: list[EventFrame]) -> list[EventFrame]:
        """A visitor who is to meet someone later in the same sentence has met no one yet:
        "arrived in Cairo, where he is due to meet President Sisi" (the visit's host, named
        or the leader there, is met when the meeting is)."""
        later = {p.entity_id: f for f in out if f.type == "contact"
                 and f.modality in ("planned", "hypothetical") for pair in f.pairs for p in pair}
        if not later:
            return out
        kept = []
        for f in out:
            # (the visitor, by role or as one of a pair that is to meet)
            visitor = next((p for p in f.participants if p.role == "visitor"
                            and p.entity_id in later), None) or next(
                (a for a, b in f.pairs if a.entity_id in later and any(
                    {a.entity_id, b.entity_id} == {q.entity_id for q in pair}
                    for pair in later[a.entity_id].pairs)), None)
            if f.type == "contact" and f.status == "visit" and f.modality == "happened" \
                    and f.pairs and visitor is not None:
                ahead = later[visitor.entity_id]
                f = replace(f, pairs=(), evidence=(*f.evidence, Evidence(
                    "host", f"none yet: the meeting is ahead ('{ahead.words('event')}', "
                            f"'{ahead.words('modality')}')")))
            kept.append(f)
        return kept

    def _states_recognised(self) -> list[Hit]:
        """A state named as the object of a verb of recognition is the state recognised
        ("Formally Recognize Palestine", "reconnaît la Palestine", "erkennt Palästina an",
        "визнала Палестину"): the name stands where "a Palestinian state" would. Not a
        possessor ("recognise Israel's right to"), nor a state recognised as something else
        ("recognised Russia as a sponsor of terrorism")."""
        acts = [h for h in self.hits if h.entry.category == "act" and h.entry.names_state]
        if not acts:
            return []
        out, words = [], self.s.tokens
        for i, m in self.mentions:
            if m.entity.kind != "country" or i in self._possessors:
                continue
            last = i + max(len(lexicon_tokens(m.alias)) - 1, 0)
            if self._adjective_of_noun(i, last):
                continue  # "recognises Armenian genocide"
            if last + 1 < self.n and ((words[last + 1] in _AS and not self._as_a_state(last + 2))
                                      or self._found_to_be(last + 1)):
                continue
            act = next((a for a in acts if self._object_at(a, i)), None)
            if act is not None:
                kind = act.entry.kinds[0] if act.entry.kinds else ""
                out.append(Hit(i, last, Entry("noun", act.entry.type, kind, form=m.alias)))
        return out

    def _as_a_state(self, k: int) -> bool:
        """The words from `k` call what is recognised a state, a noun of statehood of the
        lexicon ("recognises Somaliland as an independent state"), its articles and
        "independent" aside."""
        words = self.s.tokens
        while k < self.n and (words[k] in _DETERMINERS or words[k] in _A_AN
                              or words[k] in _SOVEREIGN):
            k += 1
        if not any(h.entry.category == "noun" and h.entry.name == "statehood" and h.first == k
                   for h in self.hits):
            return False  # (the lexicon's own nouns of statehood)
        # (the noun ends the phrase: not "as a state sponsor of terrorism")
        return k + 1 == self.n or words[k + 1] in _AFTER_A_STATE or self.s.text[
            self.s.spans[k][1]:self.s.spans[k + 1][0]].strip() != ""

    def _found_to_be(self, k: int) -> bool:
        """A Russian or Ukrainian predicate in the instrumental after the object of
        recognition says what it was found to be ("признал Россию ответственной", found
        Russia responsible; "визнав Росію державою-терористом"), unless it is a state
        ("признал Косово независимым государством")."""
        word = self.s.tokens[k]
        return _CYRILLIC.match(word) is not None and word.endswith(_INSTRUMENTAL) \
            and word not in _STATE_PREDICATES and len(word) > 4

    def _object_at(self, act: Hit, i: int) -> bool:
        """Whether the word at `i` starts the object of a verb: right after it, past a manner
        adverb ("recognises officially", "reconoce oficialmente", "reconnaît officiellement"),
        an article ("la Palestine") or the Spanish personal "a" ("reconoce a Palestina")."""
        words, k = self.s.tokens, act.last + 1
        while k < i and ((len(words[k]) > 5 and words[k].endswith(("mente", "ment", "ly")))
                         or words[k] in _SOVEREIGN):  # "recognise independent Kosovo"
            k += 1
        return i == k or (i == k + 1 and (i in self._after_determiner
                                          or words[k] == _PERSONAL_A.get(act.entry.lang)))

    def _gerund(self, noun: Hit) -> bool:
        """An English -ing contact word with its object right after it is a verb: "after
        meeting Russia's Lavrov", "visiting Putin" (not "the meeting of advisers")."""
        if noun.first != noun.last or not self.s.tokens[noun.first].endswith("ing") \
                or noun.first in self._after_determiner:
            return False
        # Only after a word that makes it something done: "after meeting", "while meeting",
        # "by meeting"; "against meeting Putin", "before meeting Putin" did not happen.
        if noun.first == 0 or self.s.tokens[noun.first - 1] not in _GERUND_DONE:
            return False
        nxt = noun.last + 1
        starts = {i: m for i, m in self.mentions}
        if nxt in starts and starts[nxt].entity.kind == "person":
            return True
        # "meeting Russia's Lavrov": a country's possessive, then its person
        return nxt in self._possessors and nxt + 2 in starts \
            and starts[nxt + 2].entity.kind == "person"

    def _talks_from_meetings(self, found: list[EventFrame], verb_frames: list[EventFrame],
                             reported: list[tuple[Hit, EventFrame]] | None = None
                             ) -> list[EventFrame]:
        """A meeting or talks that happened, in a sentence that says they were about ending a
        war ("Trump envoy makes push on Ukraine peace talks in meeting with Putin"), are
        peace talks held. A meeting a report is about happened too ("Joint Statement on
        United States-Ukraine Meeting"); its parties may be states (see `_warring_parties`)."""
        # (Talks named as the backdrop are other talks: "met Putin ... to present a plan for
        # ending the war, a day after holding talks with Zelensky".)
        if any(f.type == "peace-talks" and f.status and "backdrop" not in f.flags
               for f in found):
            return []
        # Meeting to demand a ceasefire is not negotiating one ("se rencontrent et appellent à
        # un cessez-le-feu"): then the ceasefire words are no purpose.
        demanded = {i for f in found if f.type == "ceasefire" and f.status == "called-for"
                    for h in self.hits if h.entry.category == "noun" and h.entry.type == "ceasefire"
                    for i in range(h.first, h.last + 1)}
        why = next((h for h in self.hits if (h.entry.category == "purpose"
                                             and h.entry.type == "peace-talks"
                                             and h.entry.name != SIDE  # "to discuss a swap"
                                             and self.s.tokens[h.first:h.last + 1]
                                             not in self.lex.broad_purpose
                                             and h.first not in demanded)
                    or (h.entry.category == "noun" and h.entry.type == "peace-talks"
                        and h.entry.name != "generic")), None)
        if why is not None and "metaphor" in self._flags(why)[0]:
            return []  # "a possible extension of the trade truce"
        out = []
        # "Leaders meet in Berlin to seek an end to Libya's war": officials in the plural right
        # before a contact verb, with a purpose of ending a war (not a topic: "NATO leaders
        # meet to discuss the war in Ukraine").
        ending = why is not None and why.entry.category == "purpose" and "…" in why.entry.form
        officials = ending and any(h.entry.category == "officials" and any(
            v.entry.category == "act" and v.entry.type == "contact" and v.entry.standalone
            and 0 < v.first - h.last <= 2 for v in self.hits) for h in self.hits)
        for frame in verb_frames:  # a verb says the meeting took place; a noun may not
            if id(frame) in self._signed:
                continue
            pairs = self._delegated.get(id(frame), frame.pairs)
            if frame.type != "contact" or frame.modality != "happened" or not (
                    pairs or officials):
                continue  # known people, or leaders and envoys, met
            said = ""
            if why is not None and frame.status in ("meeting", "talks"):
                said = self._q(why)
            elif frame.status in ("meeting", "talks", "visit") and not demanded:
                # "Trump envoy Witkoff meets with Putin" (the lead: "its war in Ukraine"):
                # the sides of a war, or one side and a mediator of its talks, meeting.
                said = self._war_meeting(pairs)
            if said:
                evidence = (*frame.evidence, Evidence("purpose", said))
                # The talks' sides include whom an envoy acted for (see _contact).
                parties = tuple(dict.fromkeys(p for pair in pairs for p in pair)) \
                    if id(frame) in self._delegated else frame.participants
                out.append(EventFrame("peace-talks", "held", "meeting", "happened",
                                      parties, (), self.day, self.s.position,
                                      self.number, frame.flags, evidence))
                break
        for noun, frame in reported or []:
            if out or frame.status not in ("meeting", "talks") or frame.modality != "happened" \
                    or demanded:
                continue
            said = self._q(why) if why is not None else (
                self._war_meeting(self._delegated.get(id(frame), frame.pairs))
                or self._warring_parties(
                    noun, self._topic_stated(noun)))
            if said:
                parties = frame.participants or tuple(self._talk_parties(noun))
                report = self._report_of(noun) or noun
                evidence = (*frame.evidence,
                            Evidence("status", f"{self._q(report)} (a report of the meeting)"),
                            Evidence("purpose", said))
                out.append(EventFrame("peace-talks", "held", "meeting", "happened", parties, (),
                                      self.day, self.s.position, self.number, frame.flags,
                                      evidence))
        return out

    def _warring_sides(self) -> str:
        """The war (conflicts.yaml) whose two sides' people the sentence names, as evidence."""
        # People, not country names: "Russia and NATO meet for talks on the Ukraine crisis"
        # names a war's side as the topic; "talks between Aliyev and Pashinyan" its sides.
        states: dict[str, str] = {}  # state -> the first person of it the sentence names
        for p in self._participants(""):
            if p.kind == "person" and p.country:
                states.setdefault(p.country, p.name)
        codes = list(states)
        for k, a in enumerate(codes):
            for b in codes[k + 1:]:
                war = self.kb.war_between(a, b, self.day) if self.kb else None
                if war is not None:
                    return f"{states[a]} and {states[b]}, the sides of {war.name}"
        return ""

    def _theatre_named(self, noun: Hit) -> str:
        """The war whose one country of fighting names the talks, as evidence, or '': right
        before them ("Sudan talks in Jeddah", "Syrien-Gespräche") or as the headline's label
        ("Syrie : l'ONU suspend les pourparlers de Genève"). Not a country of a war fought in
        several ("Turkey talks": its conflict with the PKK spans three)."""
        if self.kb is None or self.day is None:
            return ""
        label = self._label_end()
        for i, m in self.mentions:
            end = i + len(lexicon_tokens(m.alias)) - 1
            if m.entity.kind != "country" or not (end + 1 == noun.first or end < label):
                continue
            war = next((c for c in self.kb.conflicts if c.theatre == (m.entity.id,)
                        and c.covers(self.day)), None)
            if war is not None:
                return f"{m.alias}, where {war.name} is fought"
        return ""

    def _talk_parties(self, noun: Hit) -> list[Participant]:
        """The people and states talks are between: named in the noun's clause as their
        subject ("Ukraine and Russia hold talks"), after "with" or "between", in the genitive
        ("Переговоры Украины и России") or as an adjective ("Russian and Ukrainian
        delegations"); not the object of another preposition, which names a topic or a place
        ("talks on Ukraine", "talks in Moscow", "переговоры по Украине")."""
        words = self.s.tokens
        lo, hi = _clause(self.bounds, noun.first, self.n)
        if lo and lo == self._label_end():
            lo = 0  # "Ukraine et Russie : premières négociations": the label names the parties
        ends = {i + len(lexicon_tokens(m.alias)) - 1 for i, m in self.mentions}
        while lo > 0 and lo in {i for i, _ in self.mentions} and (lo - 1) in ends:
            lo = _clause(self.bounds, lo - 1, self.n)[0]  # "Ukraine, Russia hold talks"
        named = [(i, m) for i, m in self.mentions if lo <= i < hi
                 and m.entity.kind in ("country", "person")]
        out = []
        delegated = False
        for group in self._groups(named):
            k = group[0][0] - 1
            while k >= lo and words[k] in _DETERMINERS:
                k -= 1
            i, m = group[-1]
            end = i + len(lexicon_tokens(m.alias)) - 1
            # "in Washington's talks with Moscow": the preposition governs the talks; their
            # possessor is a party.
            possessor = end + 2 == noun.first and self._possessive_s(end + 1)
            # "Joint Statement on United States-Ukraine Meeting": a report's preposition
            # governs the event, whose parties follow.
            reported = any(h.entry.category == "report" and h.first <= k <= h.last
                           for h in self.hits)
            # "Las delegaciones de Rusia y Ucrania mantuvieron negociaciones": whom a
            # delegation is of is a party (and "et de l'Ukraine" after "de la Russie").
            delegated = k > lo and words[k] in _GENITIVE and (
                words[k - 1] in _DELEGATIONS or (delegated and words[k - 1] in _CONJUNCTIONS))
            if k >= lo and (words[k] in _PREPOSITIONS or words[k] in _TOPIC) \
                    and words[k] not in _WITH and words[k] not in _BETWEEN and not possessor \
                    and not reported and not delegated:
                continue
            out += [self._participant(m, "parties") for _, m in group]
        return out

    def _warring_parties(self, noun: Hit, topic: int | None) -> str:
        """The war (conflicts.yaml) the talks are about by their parties (see
        `_talk_parties`), as evidence, or '': its two sides, when the talks state no topic
        ("Ukraine and Russia hold talks in Istanbul"); or one side and a mediator of the
        war's talks on the day, with the other side as the talks' stated topic ("Russia and
        the United States hold talks on Ukraine") or, when they state none, named in the
        headline or lead (as `_war_meeting` reads a meeting)."""
        if self.kb is None:
            return ""
        states: dict[str, str] = {}  # state -> the first party of it named
        for p in self._talk_parties(noun):
            for state in self._states_of(p):
                states.setdefault(state, p.name)
        if topic is None:
            others = self.item_states
        else:  # the states the topic names: "on Ukraine", "по Украине", "حول أوكرانيا"
            others = frozenset(m.entity.id for i, m in self.mentions
                               if i == topic and m.entity.kind == "country")
        codes = list(states)
        if len(codes) == 1 and topic is None and self.day is not None \
                and self._counterpart(noun, codes[0]):
            # "Talks with Russia resume" (the lead: "Ukraine's delegation..."): one side named
            # as the talks' counterpart, their only party, the other side in the news.
            for conflict in self.kb.conflicts:
                side = conflict.side_of(codes[0])
                if side is None or not conflict.covers(self.day):
                    continue
                other = sorted(set(conflict.sides[1 - side]) & self.item_states)
                if other:
                    named = self.kb.entities.get(other[0])
                    return (f"{states[codes[0]]}, a side of {conflict.name}, with the other side "
                            f"({named.name if named else other[0]}) in the news")
        for k, a in enumerate(codes):
            for b in codes[k + 1:]:
                war = self.kb.war_between(a, b, self.day)
                if war is not None:
                    if topic is None:
                        return f"{states[a]} and {states[b]}, the sides of {war.name}"
                    continue
                war = self.kb.war_between(a, b, self.day, mediator=True)
                if war is None:
                    continue
                side = next((x for x in (war.side_of(a), war.side_of(b)) if x is not None), 0)
                other = sorted(set(war.sides[1 - side]) & others)
                if other:
                    named = self.kb.entities.get(other[0])
                    return (f"{states[a]} and {states[b]}, a side of {war.name} and a mediator "
                            f"of its talks, about the other side "
                            f"({named.name if named else other[0]})")
        return ""

    def _counterpart(self, noun: Hit, state: str) -> bool:
        """The state is named after "with" in the talks' clause ("talks with Russia",
        "переговори з Росією", "переговоры с Украиной"), the side they are held with."""
        lo, hi = _clause(self.bounds, noun.first, self.n)
        for i, m in self.mentions:
            k = i - 1
            while k >= lo and self.s.tokens[k] in _DETERMINERS:
                k -= 1
            if lo <= k and i < hi and self.s.tokens[k] in _WITH \
                    and state in self._states_of(self._participant(m, "parties")):
                return True
        return False

    def _topic_stated(self, noun: Hit) -> int | None:
        """Where the topic of talks starts, when they are said to be about something ("talks
        on grain exports", "переговоры по зерновой сделке", "щодо обміну полоненими", "حول
        تبادل الأسرى", "就粮食出口举行谈判"): the word after a preposition of topic after the
        noun in its clause (not one of time or manner: "talks on Monday", "переговоры по
        видеосвязи"), or after the Chinese "就"/"关于" before it; None."""
        words = self.s.tokens
        lo, hi = _clause(self.bounds, noun.first, self.n)
        if self.scale > 1:
            return next((i + 1 if words[i] == "就" else i + 2 for i in range(lo, noun.first)
                         if words[i] == "就" or words[i:i + 2] == ("关", "于")), None)
        # In the noun phrase: before any verb after the noun ("negotiations struggled to
        # resolve questions on territory" say nothing of what the talks are about).
        verb = next((h.first for h in self.hits if h.entry.category in ("act", "occurrence")
                     and h.first > noun.last), hi)
        for i in range(noun.last + 1, min(hi - 1, verb, noun.last + 1 + WINDOW * self.scale)):
            if words[i] not in _TOPIC:
                continue
            k = i + 1
            while k < hi - 1 and words[k] in _DETERMINERS:
                k += 1
            if not words[k].startswith(_NOT_TOPIC) and not words[k][:1].isdigit():
                return k
        return None

    def _war_meeting(self, pairs: tuple[tuple[Participant, Participant], ...]) -> str:
        """A pair that met is the two sides of a war active on the item's date, or one side
        and a mediator of that war's talks while the headline or lead names the war's other
        side ("Witkoff meets Putin" with "its war in Ukraine"). The evidence, or ''."""
        for a, b in pairs:
            for x in self._states_of(a):
                for y in self._states_of(b):
                    war = self.kb.war_between(x, y, self.day) if self.kb else None
                    if war is not None:
                        return f"{a.name} and {b.name}, the sides of {war.name}"
                    war = self.kb.war_between(x, y, self.day, mediator=True) if self.kb else None
                    if war is None:
                        continue
                    side = next((k for k in (war.side_of(x), war.side_of(y)) if k is not None), 0)
                    # A purpose word alone does not say which war: the United States
                    # mediates between Israel and Lebanon, not in Gaza.
                    other = sorted(set(war.sides[1 - side]) & self.item_states)
                    if other:
                        named = self.kb.entities.get(other[0]) if self.kb else None
                        return (f"{a.name} and {b.name}, a side of {war.name} and a mediator of "
                                f"its talks, with the other side "
                                f"({named.name if named else other[0]}) in the news")
        return ""

    def _states_of(self, p: Participant) -> list[str]:
        """Every state a participant serves on the item's date (Macron: France, and Andorra
        as its co-prince), the one its description names first."""
        out = [p.country or p.entity_id]
        entity = self.kb.entities.get(p.entity_id) if self.kb is not None else None
        if entity is not None and entity.kind == "person":
            out += [r.country for r in entity.roles if r.covers(self.day) and r.country]
        return list(dict.fromkeys(out))

    def _typed(self, noun: Hit) -> EventFrame | None:
        entry = noun.entry
        etype, kind = entry.type, entry.name
        purpose_words = ""
        if kind == "generic":
            # Talks said to be about something ("talks on a prisoner exchange") are not made
            # peace talks by a purpose of the war's sides that is not its end.
            topic = self._topic_stated(noun)
            stated = topic is not None
            purpose = next((h for h in self.hits if ((h.entry.category == "purpose"
                                                      and h.entry.type == etype)
                                                     # talks with an armed side are about
                                                     # its fighting: "army and RSF resume talks"
                                                     or (h.entry.category == "armed_party"
                                                         and etype == "peace-talks"))
                            and not (noun.first <= h.first <= noun.last)
                            and not (h.entry.name == SIDE and stated)), None)
            # The item says what talks are for only when their own sentence does not
            # ("talks on embassy operations", the lead naming "the war in Ukraine").
            purpose_words = self._q(purpose) if purpose else "" if stated else (
                self.purposes.get(etype, "") or self.purposes.get(f"{etype}/{SIDE}", ""))
            if not purpose_words and etype == "peace-talks":
                # "trilateral talks were held between Aliyev and Pashinyan", "Ukraine and
                # Russia hold talks in Istanbul": talks between the two sides of a war are
                # about it, unless they are said to be about something else; a side and a
                # mediator talk about the other side ("U.S. and Russia hold talks on Ukraine").
                purpose_words = ("" if stated else self._warring_sides()) \
                    or self._warring_parties(noun, topic) \
                    or ("" if stated else self._theatre_named(noun))
            if not purpose_words:
                return None
        lo, hi = _clause(self.bounds, noun.first, self.n)
        # "agree truce to end Gaza fighting": the ending of a war right after the noun is its
        # purpose, not what became of it.
        purposes = [h for h in self.hits if h.entry.category == "purpose" and h.last > h.first
                    and h.first > noun.last]
        # The noun's phrase runs to the end of a purpose right after it, its verb after that
        # ("haben ... Gespräche über ein Ende des Kriegs im Sudan begonnen").
        phrase_end = max((h.last for h in purposes if h.first <= noun.last + PURPOSE_LINK),
                         default=noun.last)
        # (an act word inside an outcome's words is none: "at the end of a round of talks")
        outcomes = [h for h in self.hits if h.entry.category == "outcomes" and h.last > h.first]
        acts = [h for h in self.hits if h.entry.category == "act" and h.entry.type == etype
                and not any(p.first <= h.first <= p.last for p in purposes)
                and not any(o.first <= h.first and h.last <= o.last for o in outcomes)
                and (not h.entry.kinds or kind in h.entry.kinds)
                and (not h.entry.before or (h.last < noun.first
                                            and not self._object_beyond(h, noun.first))
                     or self._passive_of(h, noun))
                and (not h.entry.after or h.first > noun.last)  # "talks struggle"
                # "a plan that would begin with a six-week cease-fire": what something else
                # begins with, not a truce or talks that begin
                and not (h.entry.name in _STARTING and h.last < noun.first
                         and h.last + 1 < self.n and self.s.tokens[h.last + 1] in _BEGIN_WITH)
                # "the mediators of the truce announced that ...": a clause is announced
                # (not a word said of the noun: "plus proche que jamais" compares)
                and not (h.first > noun.last and not h.entry.after and self._takes_clause(h))
                # "discuss Gaza ceasefire in call": a call after a preposition is a noun
                # (a phone call), not a call for the truce
                and not (h.entry.name == "called-for" and h.first > noun.last + 1
                         and self.s.tokens[h.first - 1] in _PREPOSITIONS
                         and self.s.tokens[h.first - 1] not in _INFINITIVE_TO)
                and (not h.entry.then or self._completed(h, noun, hi))  # "orders X to leave"
                and not self._coordinated(h, noun)  # "tax cuts and China-US relations"
                # an Arabic verbal noun joined by "and" after the noun is coordinated with it,
                # no act of it: "تثبيت الهدنة والتوصل إلى تسوية" (reaching a settlement)
                and not (h.entry.lang == "ar" and h.first > noun.last
                         and self.s.tokens[h.first].startswith("وال"))
                and (not h.entry.foreign or self._foreign(h, noun))
                # "agree open-ended ceasefire": an adjective, not the truce's end
                and not (h.entry.name in self.lex.terminal.get(etype, ()) and h.last < noun.first
                         and self._hyphenated(h))
                and (not (noun.first <= h.first <= noun.last)
                     or (h.first, h.last) == (noun.first, noun.last))  # "negocian"
                and (max(lo, noun.first - WINDOW * self.scale) <= h.first
                     <= min(hi - 1, phrase_end + WINDOW * self.scale)
                     or (lo <= h.first and h.last < noun.first
                         and self._apart(h.first, noun) < WINDOW * self.scale)
                     or self._closes_clause(h, noun, lo, hi)
                     or self._bracket_closes(h, noun, lo, hi) or self._verb_first(h, noun, lo)
                     or self._label_act(h, noun)
                     or self._act_on_label(h, noun))]
        # The act nearest before the noun governs it ("accepted a ceasefire proposed by",
        # "agreed to a proposal for a ceasefire"); else the verb after it ("truce takes
        # effect"), a verb before a noun ("ceasefire agreement collapses").
        left = [h for h in acts if h.last < noun.first]
        same = [h for h in acts if h.first == noun.first]
        right = [h for h in acts if h.first > noun.last]
        # A demand comes before what it demands in every shipped language: one after the
        # noun is a noun itself ("ceasefire calls", "停火呼吁").
        # A necessity said of the noun is its verb ("truce needed", "ist nicht nötig").
        right_verbs = [h for h in right if not self._nominal(h)
                       and (h.entry.name != "called-for" or h.entry.after)]
        act = left[-1] if left else (same[0] if same else
                                     (right_verbs[0] if right_verbs else
                                      (right[0] if right else None)))
        if left and right_verbs and self._opens_clause(left[-1], lo):
            # An act word that opens the noun's own phrase names it, and the verb after
            # the noun is its predicate: "Third round of peace talks could be held next week".
            act = right_verbs[0]
        terminal = self.lex.terminal.get(etype, ())
        if act is not None and act.entry.name not in terminal:
            ending = [h for h in acts if h.entry.name in terminal
                      and (not self._nominal(h) or h.last < noun.first)]  # "of violating a"
            if ending:  # "the announced truce is not respected": the story's end wins
                act = min(ending, key=lambda h: abs(h.first - noun.first))
        evidence = [Evidence("event", self._q(noun))]
        if purpose_words:
            evidence.append(Evidence("purpose", purpose_words))
        if act is not None and (act.first, act.last) == (noun.first, noun.last) \
                and act.entry.name == "called-for" and self._genitive_before(noun):
            # "the second stage of the ceasefire plan": a plan named, not one put forward
            act = None
        status = act.entry.name if act else ""
        declared = act if act is not None and status == "called-for" \
            and self._declared(act, noun) else None
        if declared is not None:
            status = "agreed"
            evidence.append(Evidence("status", f"{self._q(declared)} {self._q(noun)} (a truce "
                                               "called: declared)"))
        if act is not None and etype == "ceasefire" and status in terminal \
                and self.s.tokens[act.first].startswith("end") \
                and act.last + 1 < noun.first and self.s.tokens[act.last + 1] in _OUTCOME:
            # "Fighting ended with a ceasefire", "talks ended in a truce": the truce is what
            # the ending brought about, not what ended.
            status = "agreed"
            evidence.append(Evidence("status", f"{self._q(act)} {self.s.tokens[act.last + 1]} "
                                               "(its outcome)"))
        elif act is not None:
            evidence.append(Evidence("status", self._q(act)))
        # What the modality is read from: the verb (before the noun it governs, or after the
        # noun that is its subject: "talks could start"), else the noun.
        head = act if act is not None and not self._nominal(act) and act in left + same \
            + right_verbs else noun
        is_verb = head is act
        if is_verb and act is not None and act.first > noun.last:
            # The noun is the verb's subject: its auxiliaries sit right before the verb
            # ("talks could start", "truce to take effect"), the rest before the noun.
            modality, cue = self._modality(act.first, True, window=2)
            if modality == "happened":
                modality, cue = self._modality(noun.first, False)
        else:
            modality, cue = self._modality(head.first, is_verb, allow_demand=True)
        if modality == "happened" and (not is_verb or self._nominal(head)):
            # "calls for a ceasefire in Ukraine and the resumption of peace talks": a noun
            # coordinated with what a demand asks for is asked for too.
            shared = self._demand_shared(
                act if act is not None and act.last < noun.first and self._nominal(act)
                else head)
            if shared is not None:
                modality, cue = "demanded", shared
        if modality == "happened" and not is_verb and act is not None and act.first > noun.last \
                and act.last + 1 < self.n:
            # A nominal act said to be possible right after it is not yet made: "Gaza
            # ceasefire deal may be 'last opportunity'", "truce agreement could come".
            maybe = next((h for h in self.hits if h.entry.category == "cue"
                          and h.entry.name == "hypothetical" and h.first == act.last + 1), None)
            if maybe is not None:
                modality, cue = "hypothetical", maybe
        if modality == "planned" and cue is not None and cue.entry.name == "agreement" \
                and act is not None and is_verb and cue.last + 1 == act.first \
                and (etype, status) in DONE_BY_AGREEING and not self._asked_for(cue, etype):
            # "Saudi Arabia and Iran agree to restore relations": relations are restored by
            # the governments agreeing to it; the agreement, not a later act, is the event.
            # Not an agreement itself asked for ("called on the sides to agree to extend").
            modality = "happened"
            evidence.append(Evidence("modality", f"{self._q(cue)} (an agreement that "
                                                 f"{status} them)"))
            cue = None
        if modality in ("happened", "planned") and act is not None and etype == "relations":
            discussed = self._topic_of_talks(act) or self._discussed(act, noun) \
                or self._talks_between(act, noun)
            if discussed is not None:
                # "in quiet contacts on restoring ties", "des discussions sur le
                # rétablissement des relations": what talks are about is not yet done.
                modality, cue = "hypothetical", discussed
        if etype == "ceasefire" and modality == "happened" and status != "called-for" \
                and (talked := self._talks_about(noun, act) or (
                    self._talks_between(act, noun) if act is not None and act.last < noun.first
                    else None)) is not None:
            # "Negotiations on a Gaza ceasefire deal resumed", "talks aimed at reaching a
            # truce began": the truce is what the talks are about; what happened is theirs.
            modality, cue = "hypothetical", talked
        if modality in ("happened", "planned") and act is not None and etype == "relations" \
                and (house := self._legislature_before(act)) is not None:
            # "British MPs vote to recognise Palestinian state": a parliament's vote is a
            # call on its government, which conducts diplomacy.
            modality, cue = "hypothetical", house
        if modality in ("happened", "planned") and act is not None and etype == "relations" \
                and (generic := self._generic_subject(act)) is not None:
            # "threatens to downgrade ties with states that recognise Kosovo": any state that
            # would, not one that did.
            modality, cue = "hypothetical", generic
        if modality == "happened" and act is not None and act.last < noun.first:
            # "reach no ceasefire deal": a negation inside the noun phrase.
            negation = next((h for h in self.hits if h.entry.category == "cue"
                             and h.entry.name == "negation"
                             and act.last < h.first and h.last < noun.first), None)
            if negation is not None:
                modality, cue = "denied", negation
        if status == "accepted" and act is not None:
            # One side accepting is no truce; two parties before the verb ("Israel and
            # Hamas accepted", "印度和巴基斯坦同意") accept each other's terms: they agreed.
            lo = _clause(self.bounds, act.first, self.n)[0]
            sides = self._sides(lo, act.first)
            if len(sides) >= 2:
                status = "agreed"
                evidence.append(Evidence("status", f"{self._q(act)} (by {len(sides)} parties: "
                                                   "a mutual agreement)"))
        demand = None
        if etype == "ceasefire" and status != "called-for":
            lo = max(_clause(self.bounds, head.first, self.n)[0],
                     head.first - (CUE_WINDOW + 2) * self.scale)
            demands = [h for h in self._demands(lo, head.first, etype)
                       if not (noun.first <= h.first <= noun.last)  # "the plan collapsed"
                       and not (declared is not None and h.first == declared.first)]
            if not demands and (to := self._infinitive_before(head, lo)) is not None:
                # A demand reaches the infinitive it opens, its addressees between: "called
                # on Israel and Hamas to fully implement an immediate ceasefire" (not "called
                # for a halt to attacks if Kyiv agrees to a truce": a noun between).
                start = max(_clause(self.bounds, to.first, self.n)[0],
                            to.first - (CUE_WINDOW + 2) * self.scale)
                demands = [h for h in self._demands(start, to.first, etype)
                           if self._addressees(h.last + 1, to.first)]
            demand = demands[-1] if demands else None
            ultimatum = None if demands else self._ultimatum(lo, head.first)
            if ultimatum is not None:
                # Setting a deadline is done by announcing it: "said he would give Putin 10
                # days to reach a cease-fire" gave them; only a refusal or a denial undoes it.
                status = "called-for"
                at = next((k for k, e in enumerate(evidence) if e.part == "status"),
                          len(evidence))  # the explanation names the ultimatum first
                evidence.insert(at, Evidence("status", f"{self._q(ultimatum)} (an ultimatum)"))
                modality, cue = self._modality(ultimatum.first, True, allow_demand=False)
                if modality in ("planned", "hypothetical"):
                    modality, cue = "happened", None
            elif modality == "demanded" or demand is not None:
                # "urges Putin to agree a ceasefire": what happened is the call for it.
                status = "called-for"
                demand = demand or cue
                if demand is not None:
                    evidence.append(Evidence("status", f"{self._q(demand)} (a demand)"))
                    modality, cue = self._modality(demand.first, True, allow_demand=False)
        if modality == "demanded" and status == "called-for":
            modality = "happened"
        if etype == "ceasefire" and status == "called-for":
            # A demand addressed to one's own fighters is an order: "called on his followers
            # to stop fighting" declares a ceasefire; "urges Putin to" calls for one.
            anchor = demand if demand is not None else act
            start = anchor.last if anchor is not None else -1
            own = next((h for h in self.hits if h.entry.category == "own_forces"
                        and start < h.first and h.last < noun.first), None)
            if own is not None:
                status = "agreed"
                evidence.append(Evidence("status", f"{self._q(own)} {ORDER}"))
        if etype == "ceasefire" and kind == "disarm" and status == "called-for":
            # "urges the army to lay down arms" demands a surrender, not a truce
            evidence.append(Evidence("status", "a call to lay down arms (a demand to surrender, "
                                               "not for a truce)"))
            status = ""
        if etype == "ceasefire" and status in ("", "agreed", "accepted") \
                and modality in ("happened", "planned"):
            # "Sudan to stop fighting if rebels withdraw", "he'll halt the war in exchange for
            # eastern Ukraine": a ceasefire on terms is an offer, a call for one.
            end = _clause(self.bounds, noun.first, self.n)[1]  # not "under which ... if"
            # (the act may be a deal's, the truce in a clause of it: "Israel and Hamas had
            # agreed on a three-phase deal that will halt fighting ... in exchange for ...")
            deal = act or next((h for h in reversed(self.hits) if h.entry.category == "act"
                                and h.entry.type == "ceasefire" and h.entry.name == "agreed"
                                and h.last < noun.first and not self._nominal(h)), None)
            condition = next((h for h in self.hits if h.entry.category == "condition"
                              and (noun.last < h.first < end or self._once(h, noun, end))
                              and not self._terms_of_a_deal(h, deal)), None)
            # (not the subject of a verb of its own, whose condition it is: "warned that the
            # ceasefire would be over if Hamas did not release hostages")
            following = self.s.tokens[noun.last + 1] if noun.last + 1 < self.n else ""
            if condition is not None and not status and (following in _PLURAL_AUXILIARIES
                                                         or following in _COPULAS):
                condition = None
            if condition is not None:
                status, modality, cue = "called-for", "happened", None
                evidence.append(Evidence("status", f"{self._q(condition)} (an offer on terms)"))
        if etype == "relations" and modality == "planned" and cue is not None:
            # "Iraq warns it will cut ties with Sweden if Koran burning goes ahead": a
            # decision on terms is a threat, not a decision taken.
            end = _clause(self.bounds, noun.first, self.n)[1]
            last = max(noun.last, act.last if act is not None else noun.last)
            condition = next((h for h in self.hits if h.entry.category == "condition"
                              and last < h.first < end), None)
            if condition is not None:
                modality, cue = "hypothetical", condition
        if etype == "ceasefire" and status == "took-effect" and modality == "planned" \
                and act is not None and cue is not None \
                and not (act.last < noun.first
                         and "with" in self.s.tokens[act.last + 1:noun.first]):
            # A truce set to take effect has been agreed: "A long-awaited ceasefire is set to
            # begin under the accords", "Gaza ceasefire will take effect on Sunday". Not one
            # on terms ("will begin only if Hamas disarms"): that is an offer. Nor what a plan
            # begins with: "the plan would begin with a ceasefire" is what it holds.
            end = _clause(self.bounds, noun.first, self.n)[1]
            # Nor one only hoped for or wanted before it ("Hamas hopes a ceasefire will").
            wanted = self._modality(noun.first, False)[0] not in ("happened", "planned")
            if not wanted and not any(h.entry.category == "condition"
                                      and noun.last < h.first < end for h in self.hits):
                evidence.append(Evidence("status", f"{self._q(act)}, '{self._q(cue)}' (set to "
                                                   "take effect: agreed)"))
                status, modality, cue = "agreed", "happened", None
        setting = None
        done: tuple[Hit, Hit] | None = None  # the act the talks were the setting of
        if etype == "peace-talks" and not status and modality != "happened" and cue is not None:
            # "agree to unconditional ceasefire at Malaysia talks": the cue is the act's own
            # ("agree to" a truce), done at the talks, not said of them.
            at_talks = self._done_at(noun)
            if at_talks is not None and cue.first <= at_talks[0].last:
                modality, cue = "happened", None
            elif (cue.last < noun.first and (around := self._setting_word(noun)) is not None
                  and cue.last < around.first):
                # "agreed to an immediate ceasefire during negotiations in Doha": the cue is
                # the act the talks were the setting of
                modality, cue = "happened", None
            elif self._came_for(noun, cue):
                # "وفد من حماس يصل القاهرة لإجراء مباحثات": the purpose of a visit that
                # happened; the talks it came for are held (see _talks_named)
                modality, cue = "happened", None
        if etype == "peace-talks" and not status and modality == "happened":
            status, why = self._talks_named(noun)
            lasted = self._lasted(noun)
            if status:
                evidence.append(Evidence("status", why))
            elif lasted is not None:
                status = "held"
                evidence.append(Evidence("status", f"{self._q(lasted)} (talks of that length: "
                                                   "they took place)"))
            elif self._in_talks_with(noun):
                status = "held"
                evidence.append(Evidence("status", f"{self.s.quote(noun.first - 1, noun.last + 1)} "
                                                   "(under way)"))
            else:
                # "During the third round of talks, the delegations agreed...": the talks are
                # the setting of what happened, so they took place.
                setting = self._setting_word(noun)
                done = self._done_at(noun) if setting is None else None
                report = None if setting is not None or done is not None \
                    else self._report_of(noun)
                if setting is not None:
                    status = "held"
                    evidence.append(Evidence("status", f"{self._q(setting)} (the setting of "
                                                       "what the sentence reports)"))
                elif done is not None:
                    status = "held"
                    setting = done[1]
                    evidence.append(Evidence("status", f"{self._q(done[0])} ... "
                                                       f"{self._q(done[1])} {self._q(noun)} "
                                                       "(done at the talks: they took place)"))
                elif report is not None:
                    status = "held"
                    evidence.append(Evidence("status", f"{self._q(report)} (a report of the "
                                                       "talks: they were held)"))
        if status == "called-for" and modality == "happened":
            trip = self._planned_trip_for(cue if cue is not None else act, noun)
            if trip is not None:
                # "Blinken to travel to Middle East next week to press Gaza ceasefire
                # proposal": what a trip to come is for is to come too
                modality, cue = "planned", trip
        if cue is not None:
            evidence.append(Evidence("modality", self._q(cue)))
        flags, flag_evidence = self._flags(noun, act if act is not None and act.last < noun.first
                                           else None, setting, act,
                                           # (an agreement: "agreed ... after peace talks")
                                           done is not None
                                           and done[0].entry.name == "concluded")
        if done is not None and "metaphor" not in flags:
            # What was done there says what the talks were: "agree to slash tariffs in 90-day
            # truce after Geneva talks" (trade talks, whatever the truce's word).
            trade = next((h for h in self.hits if h.entry.category == "metaphor"
                          and done[0].last < h.first < done[1].first), None)
            if trade is not None:
                flags.add("metaphor")
                flag_evidence.append(Evidence("flag", f"metaphor ('{self._q(trade)}')"))
        if act is not None and "backdrop" not in flags and self._after_it(act, noun):
            # "停火生效后仍有零星交火": what happened after the truce took effect is the news
            flags.add("backdrop")
            flag_evidence.append(Evidence("flag", f"backdrop ('{self._q(act)}' + "
                                                  f"'{self.s.tokens[act.last + 1]}': after it)"))
        def noun_use(h: Hit) -> bool:  # not a necessity said of the noun ("truce needed")
            return self._nominal(h) or (h.entry.name == "called-for" and h.first > noun.last
                                        and not h.entry.after
                                        and not self._bracket_closes(h, noun, lo, hi))

        if act is not None and noun_use(act) and self.s.position != "headline" and not any(
                h.entry.category == "act" and not noun_use(h) for h in acts) \
                and not self._verb_of_nominal(act) \
                and not (self._opens_clause(act, _clause(self.bounds, act.first, self.n)[0])
                         and self._occurred(noun)) \
                and not (etype == "peace-talks" and (done or self._done_at(noun)
                                                     # (or a round someone met for)
                                                     or self._talks_named(noun)[0])):
            # (nor talks a truce was agreed at the end of: "haben sich zum Abschluss einer
            # Runde von Friedensgesprächen in Kuba auf einen Waffenstillstand geeinigt")
            # "calls for a ceasefire were calls to surrender": named, not reported as done
            # (unless it is the subject of a verb of occurrence: "L'entrée en vigueur de la
            # trêve a eu lieu vendredi")
            flags.add("backdrop")
            flag_evidence.append(Evidence("flag", f"backdrop ('{self._q(act)}' with no verb)"))
        elif act is not None and act.entry.name == "called-for" and act.last < noun.first \
                and (copula := self._named_by_copula(act, noun)) is not None:
            # "Netanyahu says calls for Gaza ceasefire are calls to surrender": the calls are
            # the subject of what is said of them, named, not made
            flags.add("backdrop")
            flag_evidence.append(Evidence("flag", f"backdrop ('{self._q(act)} ... "
                                                  f"{self.s.tokens[copula]}': calls named)"))
        demander: tuple[Participant, ...] = ()
        needed = self.lex.parties.get((etype, kind), 0)
        # Diplomacy is between states: those counted are the act's own arguments, not states
        # named inside another phrase ("the art world responds to Russia's invasion of Ukraine
        # by cutting ties"; "by recognising ..., Russia is creating ...").
        arguments = self._arguments(noun, act) if needed else None
        parties = (tuple(self._participant(m, "parties") for _, m in arguments)
                   if arguments is not None else self._participants("parties"))
        if arguments and act is not None and status in DIRECTED:
            parties = self._directed(arguments, noun, act) or parties
            foreign = self._foreign_envoy(arguments, noun, parties) \
                if status == "ambassador-recalled" else None
            if foreign is not None:
                # "الجزائر استدعت السفير الفرنسي": another state's ambassador is summoned,
                # not recalled (Arabic says both with one verb).
                evidence.append(Evidence("status", f"'{self._q(act)}' of {foreign}'s envoy: "
                                                   "summoned, not recalled"))
                status = ""
            own_state = self._own_envoys(arguments, noun, parties) \
                if status in ("diplomats-expelled", "ambassador-expelled") else None
            if own_state is not None:
                # "Держдеп наказав родинам американських дипломатів залишити Україну": a
                # state sending its own people home expels no one.
                evidence.append(Evidence("status", f"'{self._q(act)}' of {own_state}'s own envoys: "
                                                   "sent home, not expelled"))
                status = ""
        states = {p.country or p.entity_id for p in parties if p.kind in ("country", "person")}
        if len(states) < needed and status and noun.first > 0 \
                and self.s.tokens[noun.first - 1] in _THEIR:
            # "The foreign ministers of Saudi Arabia and Iran met ... and said their embassies
            # would reopen": "their" stands for the states the sentence named before it
            named = [m for i, m in self.mentions if i < noun.first and m.entity.kind == "country"]
            if len({m.entity.id for m in named}) >= 2:
                parties += tuple(self._participant(m, "parties") for m in named)
                states |= {m.entity.id for m in named}
        if len(states) < needed and status:
            evidence.append(Evidence("parties", f"{len(states)} state(s) named, {needed} needed; "
                                                f"'{self._q(act) if act else ''}' not read"))
            status = ""
        if status == "called-for":
            # Who calls comes before the call: "called on Russia to accept a ceasefire" calls
            # on Russia, who is to accept it (the demand's word, when a demand made the act
            # a call).
            first = (demand if demand is not None and (act is None or demand.first < act.first)
                     else act or noun).first
            # Nor whom the callers met first ("met Zelensky and called on Russia"), or at
            # whose place they called ("bei Präsident Selenskyj verlangten ...").
            # (a verb with its subject before it shares it with the call: whom it names up
            # to the call are its counterparts; one without, those up to its clause's end)
            met = [(h.last, first if any(i < h.first for i, _ in self.mentions)
                    else _clause(self.bounds, h.first, self.n)[1])
                   for h in self.hits if h.entry.type == "contact"
                   and h.entry.category == "act" and h.last < first and not self._nominal(h)]
            demander = tuple(self._participant(m, "demander") for i, m in self.mentions
                             if i < first and not any(last < i < end for last, end in met)
                             and not self._at_place(i, m))
            parties = tuple(p for p in parties if p.entity_id not in
                            {d.entity_id for d in demander}) + demander
        return EventFrame(etype, status, act.entry.name if act else kind, modality, parties, (),
                          self.day, self.s.position, self.number, frozenset(flags),
                          tuple(evidence + flag_evidence))

    def _report_of(self, noun: Hit) -> Hit | None:
        """The report whose object the noun is ("Readout of Peace Talks in Geneva", "Joint
        Statement on the Peace Talks", "Итоги переговоров России и Украины"): the report's
        words before it in its clause with only names, a possessor ("Readout of Secretary
        Rubio's Meeting"), articles, the event's own words and at most two other words
        between, none of them the head of a phrase of its own ("Statement on the
        anniversary of the talks", "Итоги голосования по мирным переговорам")."""
        lo, _ = _clause(self.bounds, noun.first, self.n)
        report = next((h for h in reversed(self.hits) if h.entry.category == "report"
                       and lo <= h.first and h.last < noun.first), None)
        if report is None:
            return None
        words = self.s.tokens
        start = report.last + 1
        for k in range(start, noun.first):  # a possessor: the object starts after its "'s"
            if self._possessive_s(k):
                start = k + 1
        named = {i + j for i, m in self.mentions for j in range(len(lexicon_tokens(m.alias)))}
        own = {i for h in self.hits if h.entry.type == noun.entry.type
               and h.entry.category in ("noun", "act") for i in range(h.first, h.last + 1)}
        others = [k for k in range(start, noun.first)
                  if k not in named and k not in own and words[k] not in _DETERMINERS]
        # Talks still to come are not reported ("Results of upcoming peace talks").
        if any(h.entry.category == "cue" and report.last < h.first < noun.first
               for h in self.hits):
            return None
        if len(others) > 2 or any(words[k + 1] in _PREPOSITIONS or words[k + 1] in _GENITIVE
                                  for k in others):
            return None
        return report

    @staticmethod
    def _with_counterparts(mentions: list[tuple[int, Mention]], sentence: Sentence,
                           day: date | None, kb: KnowledgeBase | None
                           ) -> list[tuple[int, Mention]]:
        """`mentions` with each "counterpart" of a state the sentence names as the holder of
        the office of the person before it: "Lavrov met his Turkish counterpart" names
        Turkey's foreign minister, "الرئيس الصيني يلتقي نظيره الأمريكي" the US president (the
        first of the person's offices, in the order head of state, head of government,
        foreign minister, that the state has a holder of on the day)."""
        if kb is None or day is None:
            return mentions
        from alerts.knowledge.base import LEADING_OFFICES, Mention

        words, out = sentence.tokens, list(mentions)
        for k, word in enumerate(words):
            if word not in _COUNTERPART:
                continue
            # "his Turkish counterpart", "son homologue américain", "his counterpart from Iran"
            state_at, state = next(((i, m) for i, m in mentions if m.entity.kind == "country"
                                    and i in (k - 1, k + 1, k + 2)), (0, None))
            person = next((m for i, m in reversed(mentions) if i < k
                           and m.entity.kind == "person"), None)
            if state is None or person is None:
                continue
            alias = sentence.text[sentence.spans[k][0]:sentence.spans[k][1]]
            state_words = set(range(state_at, state_at + len(lexicon_tokens(state.alias))))
            named = next((m for i, m in mentions if k < i <= k + _NAMED_AFTER
                          and m.entity.kind == "person" and any(
                              r.country == state.entity.id and r.covers(day)
                              for r in m.entity.roles)
                          and all(j in state_words or words[j] in _FROM_STATE
                                  for j in range(k + 1, i))), None)
            if named is not None:
                # "su homólogo iraní, Mahmud Ahmadineyad": the name says who the counterpart is
                # (not the holder of the first office of that state, Iran's head of state)
                out.append((k, Mention(named.entity, alias, k, "counterpart")))
                continue
            offices = sorted({r.office for r in person.entity.roles if r.covers(day)},
                             key=lambda o: LEADING_OFFICES.index(o)
                             if o in LEADING_OFFICES else len(LEADING_OFFICES))
            for office in offices:
                holder = kb.holder(office, state.entity.id, day)
                if holder is not None and holder.id != person.entity.id:
                    out.append((k, Mention(holder, alias, k, "counterpart")))
                    break
        return sorted(out, key=lambda t: t[0])

    def _discussed(self, act: Hit, noun: Hit) -> Hit | None:
        """A verb of discussing right before the act that stands before its noun ("discuss
        restoring diplomatic relations", "обсудили восстановление отношений", "讨论恢复外交关系"):
        the act is what they talk about, not yet done. At most two words between (an article,
        a preposition: "discutent du rétablissement", "beraten über die Wiederherstellung")."""
        if act.last >= noun.first:
            return None
        return next((h for h in self.hits if h.entry.category == "discussion"
                     and h.last < act.first <= h.last + 3 * self.scale
                     and not any(o.entry.category in ("act", "noun")
                                 and h.last < o.first < act.first for o in self.hits)), None)

    def _takes_clause(self, act: Hit) -> bool:
        """The verb's object is a clause: a complementizer right after it ("announced that",
        "a annoncé que", "заявил, что")."""
        return any(h.entry.category == "complementizer" and h.first == act.last + 1
                   for h in self.hits)

    def _sides(self, lo: int, hi: int) -> set[str]:
        """The states (people: theirs) and armed sides named between tokens lo and hi; two
        for words that name both sides at once ("Sudan's warring parties", "冲突双方")."""
        sides = {m.entity.id if m.entity.kind != "person" else (
            self._participant(m, "parties").country or m.entity.id)
            for i, m in self.mentions if lo <= i < hi and m.entity.kind in ("country", "person")}
        joined = " " + " ".join(self.s.tokens[lo:hi]) + " "
        both = next((p for p in _BOTH_SIDES if f" {p} " in joined), None)
        if both is not None:
            sides |= {f"{both} (1)", f"{both} (2)"}
        return sides | self._armed_sides(lo, hi)

    def _armed_sides(self, lo: int, hi: int) -> set[str]:
        """The non-state armed sides named between tokens lo and hi, each a party as a state
        is ("Israel and Hamas accept"): words side by side are one ("ELN rebels", "Houthi
        rebels"), and one right after a name is that name's ("Sudanese rebels": no second
        party)."""
        named_ends = {i + len(lexicon_tokens(m.alias)) - 1 for i, m in self.mentions}
        out: set[str] = set()
        last = -2
        for h in sorted((h for h in self.hits if h.entry.category == "armed_party"
                         and lo <= h.first and h.last < hi), key=lambda h: h.first):
            word = self.s.tokens[h.first]
            # Arabic writes "and" on the word: "والدعم السريع" follows a name as a second side.
            joined = word.startswith("و") and not lexicon_tokens(h.entry.form)[0].startswith("و")
            # (a comma between is a list's: "Israel, Hamas agree four-day pause")
            listed = h.first > 0 and "," in self.s.text[self.s.spans[h.first - 1][1]:
                                                          self.s.spans[h.first][0]]
            if h.first > last + 1 and (joined or listed or h.first - 1 not in named_ends):
                out.add(" ".join(self.s.tokens[h.first:h.last + 1]))
            last = max(last, h.last)
        return out

    def _topic_of_talks(self, act: Hit) -> Hit | None:
        """Talks and a topic preposition right before an act ("contacts on restoring ties",
        "discussions sur le rétablissement", "переговоры о восстановлении"): the words, as
        the cue that the act is what they discuss."""
        words = self.s.tokens
        k = act.first - 1
        while k >= 0 and words[k] in _DETERMINERS:
            k -= 1
        if k < 1 or words[k] not in _TOPIC:
            return None
        j = k - 1
        return Hit(j, k, Entry("cue", name="hypothetical", form=" ".join(words[j:k + 1]))) \
            if self._talks_end_at(j) else None

    def _talks_end_at(self, j: int) -> bool:
        """Talks end at word `j`: a word for talks, or a noun of contact or of talks."""
        return self.s.tokens[j] in _TALK_WORDS or any(
            h.entry.category == "noun" and h.entry.type in ("contact", "peace-talks")
            and h.last == j for h in self.hits)

    def _legislature_before(self, act: Hit) -> Hit | None:
        """A legislature named before the act in its clause, within a few words: its vote,
        motion or resolution on the act."""
        lo = max(_clause(self.bounds, act.first, self.n)[0],
                 act.first - (CUE_WINDOW + 2) * self.scale)
        house = next((h for h in reversed(self.hits) if h.entry.category == "legislature"
                      and lo <= h.first and h.last < act.first), None)
        # (not one that approves its government's act: "Slovenia's parliament approved a
        # government decree recognising an independent Palestinian state")
        if house is None or any(w in _GOVERNMENT for w in self.s.tokens[house.last + 1:act.first]):
            return None
        return house

    def _generic_subject(self, act: Hit) -> Hit | None:
        """States named by their kind and a relative pronoun right before the act ("states
        that recognise Kosovo", "les pays qui reconnaissent", "страны, которые признают"):
        the act is said of whoever does it. The two words, as the cue."""
        k = act.first - 1
        words = self.s.tokens
        if k < 1 or words[k] not in _RELATIVE_PRONOUNS or words[k - 1] not in _STATES_IN_GENERAL:
            return None
        return Hit(k - 1, k, Entry("cue", name="hypothetical", form=" ".join(words[k - 1:k + 1])))

    def _infinitive_before(self, head: Hit, lo: int) -> Hit | None:
        """The infinitive's mark nearest before `head` from `lo`, not inside an event's words
        ("agrees to", "halt to attacks")."""
        return next((h for h in reversed(self.hits) if h.entry.category == "cue"
                     and h.entry.name == "infinitive" and lo <= h.first and h.last < head.first
                     and not any(a.entry.category in ("act", "noun")
                                 and a.first <= h.first <= a.last for a in self.hits)), None)

    def _addressees(self, first: int, end: int) -> bool:
        """Words `first` to `end` name whom a demand is addressed to, and nothing else:
        names, "the two sides", "all parties" (not "offer roadmap to": a thing offered)."""
        words = self.s.tokens
        named = self._named_words | {k for h in self.hits if h.entry.category == "armed_party"
                                     for k in range(h.first, h.last + 1)}  # "Hamas", "the RSF"
        return first < end and all(k in named or words[k] in _DETERMINERS
                                   or words[k] in _CONJUNCTIONS or words[k] in _ADDRESSEES
                                   for k in range(first, end))

    def _talks_about(self, noun: Hit, act: Hit | None) -> Hit | None:
        """Talks right before the noun's phrase (or the act before it), with only a topic
        word or an aim, determiners, names and qualities between: "negotiations on a Gaza
        ceasefire deal", "talks aimed at reaching a ceasefire agreement", "talks on
        extending the truce", "المحادثات الرامية إلى التوصل لاتفاق لوقف إطلاق النار". A verb
        before the noun other than its own act ("talks in Doha, where they agreed a truce")
        ends the search. The words from the talks to the topic word, as the cue."""
        start = act.first if act is not None and act.last < noun.first else noun.first
        lo = _clause(self.bounds, start, self.n)[0]
        words = self.s.tokens
        named = self._named_words
        qualities = {k for h in self.hits if h.entry.category == "quality"
                     for k in range(h.first, h.last + 1)}
        k = start - 1
        while k > lo and start - k <= TALKS_REACH:
            word = words[k]
            if word in _TOPIC or word in _AIMS:
                talks = k - 1 if self._talks_end_at(k - 1) else self._talks_with(k, lo)
                if talks is not None:
                    return Hit(talks, start - 1, Entry("cue", name="hypothetical",
                                                       form=" ".join(words[talks:start])))
            elif not (word in _DETERMINERS or k in named or k in qualities
                      or self.s.text[self.s.spans[k][0]].isupper()):  # "Gaza"
                return None
            k -= 1
        return None

    def _talks_with(self, topic: int, lo: int) -> int | None:
        """Where talks end before the topic word at `topic`, with whom they are held between:
        "talks with Hamas on a ceasefire", "مباحثات مع قيادة جماعة الحوثي حول وقف ..."."""
        words = self.s.tokens
        return next((j for j in range(topic - 3, max(lo, topic - TALKS_REACH) - 1, -1)
                     if words[j + 1] in _WITH and self._talks_end_at(j)), None)

    def _talks_between(self, act: Hit, noun: Hit) -> Hit | None:
        """Talks and a topic preposition between an act and its noun ("agreed to resume
        negotiations on diplomatic relations"): the act is done to the talks, and the noun
        is what they are about. The words, as the cue."""
        words = self.s.tokens
        for k in range(act.last + 2, noun.first):
            if words[k] in _TOPIC and self._talks_end_at(k - 1):
                return Hit(k - 1, k, Entry("cue", name="hypothetical",
                                           form=" ".join(words[k - 1:k + 1])))
        return None

    def _opens_clause(self, noun: Hit, lo: int) -> bool:
        """The noun is its clause's subject: at most SUBJECT_MODIFIERS words before it ("A
        long-awaited ceasefire in ..."), none of them a verb or a name (then the noun is that
        verb's object or that name's: "Trump says ceasefire ...")."""
        if noun.first > lo + SUBJECT_MODIFIERS:
            return False
        named = {i for i, _ in self.mentions}
        return not any(lo <= h.first < noun.first and h.entry.category in ("act", "cue")
                       for h in self.hits) and not any(lo <= i < noun.first for i in named)

    def _closes_clause(self, act: Hit, noun: Hit, lo: int, hi: int) -> bool:
        """A verb that ends the clause a noun opens is that noun's predicate however long the
        words between: the German verb-final clause "Friedensgespräche zwischen Russland und
        der Ukraine in Istanbul begonnen", "talks between ... in Istanbul have begun"."""
        if not (self._opens_clause(noun, lo) and act.first > noun.last and not act.entry.before
                and not self._nominal(act)):
            return False
        if act.last == hi - 1:
            return True
        # Or the first verb after it, within twice the window: "Переговоры глав МИД Армении
        # и Азербайджана в Москве завершились соглашением", "Talks between the foreign
        # ministers of Armenia and Azerbaijan in Moscow ended with a truce".
        # Not across a headline's label ("Tregua en el Congreso: Gobierno y oposición pactan").
        between = self.s.text[self.s.spans[noun.last][1]:self.s.spans[act.first][0]]
        # (counted from the last noun of the event in the subject: "A complete ceasefire and
        # cessation of all hostilities in the zone of the conflict is declared")
        last = max((h.last for h in self.hits if h.entry.category == "noun"
                    and h.entry.type == noun.entry.type and noun.first <= h.first
                    and h.last < act.first), default=noun.last)
        # Nor past a pronoun, the subject of a verb of its own ("truce in tatters hours after
        # it began").
        # Nor past another verb, but a participle right after the noun is its attribute:
        # "La trêve conclue en avril entre le gouvernement et les rebelles a expiré".
        # (the words of names not counted: "talks between Israeli Prime Minister Ehud Barak
        # and Palestinian leader Yasser Arafat at Camp David collapsed")
        return act.first < self._reach(last + 1, 2 * WINDOW * self.scale) and not any(
            mark in between for mark in ":;—–") and _PRONOUNS.isdisjoint(
            self.s.tokens[noun.last + 1:act.first]) and not any(
            h.entry.category == "act" and noun.last < h.first < act.first
            and not self._nominal(h)
            and not (h.first == noun.last + 1 and _participle(self.s.tokens[h.first]))
            for h in self.hits)

    def _bracket_closes(self, act: Hit, noun: Hit, lo: int, hi: int) -> bool:
        """German puts the participle of a compound tense, and the verb of a subordinate
        clause, at the end of its clause, however many words stand between it and its
        object: "haben sich Merkel, Hollande, Putin und Poroschenko auf eine Waffenruhe in
        der Ostukraine ab dem 15. Februar geeinigt". Not past an article that opens a phrase
        of its own, neither after a preposition nor joined by "und": that phrase is the
        verb's object ("trotz der Friedensgespräche ... eine neue Offensive ... begonnen")."""
        if not (act.entry.lang == "de" and act.first > noun.last and act.last == hi - 1
                and lo <= noun.first and not self._nominal(act)):
            return False
        words = self.s.tokens
        # (a genitive's article, "des", "eines", belongs to the noun before it: "über den
        # Plan zur Beendigung des Krieges aufgenommen")
        return not any(words[k] in _GERMAN_ARTICLES and words[k] not in _GERMAN_GENITIVES
                       and words[k - 1] not in _GERMAN_LINKS
                       for k in range(noun.last + 1, act.first))

    def _after_it(self, act: Hit, noun: Hit) -> bool:
        """A Chinese act (or its noun after it) right before "后" (after), a span of time at
        most between, closes a time clause: "停火生效后" (after the truce took effect),
        "宣布停火数小时后" (hours after the truce was announced): what follows is the news."""
        words = self.s.tokens
        k = max(act.last, noun.last) + 1 if act.last < noun.first else act.last + 1
        span = 0
        while k < self.n and words[k] in _ZH_SPAN and span < 3:
            k, span = k + 1, span + 1
        if k < self.n and words[k:k + 2] in (("之", "后"), ("以", "后")):
            return True
        # (right after a noun, "后" may start a verb: "同意停火后撤" agreed a truce and to pull
        # back; a span between makes it a time)
        return k < self.n and words[k] == "后" and (span > 0 or k == act.last + 1)

    def _verb_first(self, act: Hit, noun: Hit, lo: int) -> bool:
        """Arabic puts the verb first and its subject, however long, before its object: a
        verb of the clause governs the event noun after it ("افتتح الرئيسان جورج بوش
        وميخائيل غورباتشوف الأربعاء في القصر الملكي بمدريد مؤتمر السلام")."""
        return act.entry.lang == "ar" and lo <= act.first and act.last < noun.first \
            and not self._nominal(act)

    def _completed(self, act: Hit, noun: Hit, hi: int) -> bool:
        """An act written around its noun holds when its closing words follow the noun in
        its clause: "orders ambassador to leave", "ordonne à l'ambassadeur de quitter le
        pays"; "orders an inquiry into the ambassador" says nothing of leaving."""
        then, words = act.entry.then, self.s.tokens
        end = min(hi, noun.last + 1 + WINDOW * self.scale + len(then))
        return act.last < noun.first and any(
            words[i:i + len(then)] == then for i in range(noun.last + 1, end - len(then) + 1))

    def _object_beyond(self, act: Hit, index: int) -> bool:
        """An infinitive between the act and the word at `index`: an act that governs only
        its object ("recognise a state", "pledge a ceasefire") does not reach past it
        ("pledged to respect a truce" pledges the respecting, not the truce)."""
        return any(h.entry.category == "cue" and h.entry.name == "infinitive"
                   and act.last < h.first and h.last < index for h in self.hits)

    def _ultimatum(self, lo: int, before: int) -> Hit | None:
        """A time span given to someone ("give Putin 10 or 12 days to"), between `lo` and
        the predicate at `before`, with a verb of giving before it in its clause."""
        for h in self.hits:
            if h.entry.category != "ultimatum" or not (lo <= h.first and h.last < before):
                continue
            start = max(_clause(self.bounds, h.first, self.n)[0], h.first - 8 * self.scale)
            if any(g.entry.category == "giving" and start <= g.first and g.last < h.first
                   for g in self.hits):
                return h
        return None

    def _genitive_before(self, noun: Hit) -> bool:
        """"of (the) ceasefire plan", "du plan de cessez-le-feu": the noun phrase is the
        complement of another noun."""
        words, at = self.s.tokens, noun.first - 1
        if at >= 0 and words[at] in _GENITIVE:
            return True
        # "of the": a determiner between
        return at >= 1 and noun.first in self._after_determiner and words[at - 1] in _GENITIVE

    def _in_talks_with(self, noun: Hit) -> bool:
        """"GIs in talks with rebels", "en négociations avec", "в переговорах с": talks under
        way with someone (the preposition before, "with" right after the noun)."""
        words, at = self.s.tokens, noun.first - 1
        if not (at > 0 and noun.last + 1 < self.n and words[at] in _IN
                and words[noun.last + 1] in _WITH):
            return False
        # Someone is in talks: a copula ("are in talks with") or the party right before;
        # "her position in talks with", "confidence in talks with" name the talks only, and
        # an opening "In talks with Russia, Kyiv will..." sets a scene.
        return words[at - 1] in _COPULAS | _STILL \
            or any(i + len(lexicon_tokens(m.alias)) == at for i, m in self.mentions)

    def _coordinated(self, act: Hit, noun: Hit) -> bool:
        """An act word right before "and" ("or", "et", "und", "и"...) governs nothing after it:
        "tax cuts and deteriorating China-US relations" cuts no relations. Chinese and
        Arabic join words without a separate conjunction token here, so they are not read."""
        nxt = act.last + 1
        return act.last < noun.first and nxt < noun.first \
            and self.s.tokens[nxt] in _CONJUNCTIONS

    def _came_for(self, noun: Hit, cue: Hit) -> bool:
        """The cue before the talks is the purpose of a coming or a meeting in their clause:
        "arrives in Cairo to hold talks", "يصل القاهرة لإجراء مباحثات" (a coming to happen, or
        refused, has a cue of its own nearer the talks: "may arrive", "refuses to")."""
        lo, _ = _clause(self.bounds, noun.first, self.n)
        if not (cue.last < noun.first and self.s.tokens[cue.first] in _PURPOSE_WORDS):
            return False
        return any(h.entry.category == "act" and h.entry.type == "contact"
                   and lo <= h.first and h.last < cue.first and not self._nominal(h)
                   for h in self.hits)

    def _came_already(self, came: Hit) -> bool:
        """A coming or meeting took place: no cue makes it less ("to arrive", "will meet")
        and no time after it sets it ahead ("يصل القاهرة غدا", "arrives tomorrow")."""
        return self._modality(came.first, True)[0] == "happened" and self._time_ahead(came) is None

    def _planned_trip_for(self, demand: Hit | None, noun: Hit) -> Hit | None:
        """A trip to come in the clause whose purpose, an infinitive, is the demand: "to
        travel to the Middle East next week to press a ceasefire proposal"."""
        if demand is None or demand.first < 1 or demand.last >= noun.first:
            return None
        marker = demand.first - 1
        if not any(h.entry.category == "cue" and h.entry.name == "infinitive"
                   and h.last == marker for h in self.hits):
            return None
        lo, _ = _clause(self.bounds, noun.first, self.n)
        return next((h for h in self.hits if h.entry.category == "act"
                     and h.entry.type == "contact" and h.entry.name == "visit"
                     and lo <= h.first and h.last < marker and not self._nominal(h)
                     and (self._modality(h.first, True)[0] == "planned"
                          or self._time_ahead(h) is not None)), None)

    def _named_by_copula(self, act: Hit, noun: Hit) -> int | None:
        """Where an English plural call ("calls for", "appeals for") and its noun are the
        subject of a copula with something said of them after it ("calls for Gaza ceasefire
        are calls to surrender", "are unacceptable"; not "are growing", calls being made)."""
        words = self.s.tokens
        if act.entry.lang != "en" or not words[act.first].endswith("s"):
            return None
        for k in range(noun.last + 1, min(noun.last + 4, self.n - 1)):
            if words[k] in ("are", "were") and not words[k + 1].endswith(("ing", "ed")):
                return k
            if k > noun.last + 1 and words[k] in _COPULAS:
                return None
        return None

    def _talks_named(self, noun: Hit) -> tuple[str, str]:
        """Talks named with no act word of their own are held when people came or met for
        them: "Witkoff arrived in Moscow for talks with Putin"."""
        lo, _ = _clause(self.bounds, noun.first, self.n)
        if lo > 0 and noun.first - lo <= 2 and self.s.tokens[lo] in _WHERE_IN:
            # a phrase of place after a comma goes on the clause before it: "حيث التقى
            # مهدي المشاط، في جولة مباحثات" (where he met al-Mashat, in a round of talks)
            lo = _clause(self.bounds, lo - 1, self.n)[0]
        came = next((h for h in self.hits if h.entry.category == "act"
                     and h.entry.type == "contact" and h.entry.standalone
                     and h.entry.name in ("visit", "meeting") and lo <= h.first
                     and h.last < noun.first and not self._nominal(h)), None)
        if came is not None and self._came_already(came):
            return "held", f"{self._q(came)} (they came or met for the talks)"
        return "", ""

    def _host_offices(self, office: str, home: str, there: str, pred: Hit) -> list[str]:
        """Whom a visitor from `home` holding `office` meets in `there`, in order: a foreign
        minister the foreign minister; a ceremonial head of state (a monarch, a president
        elected by parliament) the head of state, as on a state visit; anyone else the
        leader of the government there, the head of government where the head of state is
        ceremonial (Yoon in Tokyo meets Kishida, not the Emperor), else the head of state
        (Modi in Moscow meets Putin, not the prime minister)."""
        if self.kb is None:
            return []
        lead = self.kb.leading_office(there, self.day)
        rest = [o for o in ("head-of-state", "head-of-government") if o != lead]
        if office == "foreign-minister":
            return ["foreign-minister", lead, *rest]
        ceremonial = office == "head-of-state" and \
            self.kb.leading_office(home, self.day) == "head-of-government"
        if ceremonial or self._state_visit(pred):
            return ["head-of-state", "head-of-government"]
        return [lead, *rest]

    def _state_visit(self, pred: Hit) -> bool:
        """"a state visit", "visite d'État", "visita de Estado", "государственный визит",
        "державний візит", "زيارة دولة", "国事访问": hosted by the head of state."""
        words = self.s.tokens
        before = words[pred.first - 1] if pred.first > 0 else ""
        after = words[pred.last + 1:pred.last + 3]
        return (before == "state" or before.startswith(("государствен", "державн"))
                or after in (("d", "etat"), ("de", "estado"))
                or after[:1] == ("دوله",)  # "دولة", folded
                or "国事" in self.s.quote(pred.first, pred.last))

    def _hosts(self, visitor: Mention, pred: Hit) -> list[tuple[Participant, Participant]]:
        """A leader visiting a country (or its capital) meets its leader on that date (see
        `_host_offices`)."""
        guest = self._participant(visitor, "visitor")
        role = visitor.entity.role_at(self.day)
        # The destination is named at the visit word ("visits Turkey", "Turkey visit") or
        # after it with a preposition of place ("a visit by Ukraine's foreign minister to
        # China", "arrives in Ankara"); a country further off is something else ("a visit
        # that seeks an end to the war between Ukraine and Russia").
        _, end = _clause(self.bounds, pred.last, self.n)
        # "Моди прибыл в Вену после визита в Москву": where another visit went is not this
        # one's destination.
        other = self._earlier_contacts(pred, _OTHER_TIMES)

        def destination(i: int) -> bool:
            if any(a < i < b for a, b in other):
                return False
            if pred.first - 2 * self.scale <= i < pred.first:
                return True
            if pred.last < i <= pred.last + 2 * self.scale:
                # (not a war named after "since": "first trip since Ukraine war")
                return not any(w in _SINCE for w in self.s.tokens[pred.last + 1:i])
            before = self.s.tokens[max(pred.last + 1, i - 2):i]
            return pred.last < i < end and any(w in _DESTINATION for w in before)

        if self.kb is not None and guest.country:
            from alerts.knowledge.phrases import token_text

            # "... Jüri Ratas who arrived in Kyiv" beside Zelensky: someone came to the
            # guest's own country, so the guest is no visitor and who came is not known.
            # (Read from the words, as the sentence's mentions name each state once.)
            words = self.s.tokens
            start = pred.last + 1 if words[pred.last] in _DESTINATION else \
                pred.last + 2 if pred.last + 1 < end and words[pred.last + 1] in _DESTINATION \
                else end
            after = " ".join(words[start:min(start + 3, end)])
            if after and any(m.entity.id == guest.country
                   for m in self.kb.mentions(token_text(after), self.day)):
                return []
        places = [(i, m) for i, m in self.mentions if m.entity.kind == "country"
                  and m.entity.id != guest.country and i not in self._possessors
                  and destination(i)]
        # A country right before the word is its compound, the destination ("Modi's Russia
        # visit angers Washington"); else after it before before it.
        places.sort(key=lambda im: (im[0] + len(lexicon_tokens(im[1].alias)) != pred.first,
                                    im[0] < pred.first, abs(im[0] - pred.first)))
        for _, place in places[:1]:
            # A leader of the place the sentence names is whom the visitor met there, not the
            # holder of the office a visit of his rank calls for ("прибув до Саудівської Аравії,
            # де ... зустрівся з наслідним принцом Мухаммедом бін Салманом").
            at, named = next(((i, m) for i, m in self.mentions if m.entity.kind == "person"
                              and m.entity.id != visitor.entity.id
                              and any(r.country == place.entity.id and r.office in _LEADING
                                      and r.covers(self.day) for r in m.entity.roles)),
                             (0, None))
            if named is not None and any(
                    h.entry.category == "cue" and h.entry.name in ("planned", "hypothetical")
                    and pred.last < h.first < at for h in self.hits) \
                    and self._modality(pred.first, True)[0] == "happened":
                # "llega a Pekín, donde el viernes se reunirá con Xi Jinping": whom the
                # visitor who came is to meet there he has not met yet (a visit to come
                # keeps its host: "will travel to Poland, where he will meet Duda")
                return []
            if named is not None:
                return [(guest, self._participant(named, "host"))]
            for office in self._host_offices(role.office if role else "", guest.country,
                                             place.entity.id, pred):
                holder = self.kb.holder(office, place.entity.id, self.day) if self.kb else None
                if holder is not None and holder.id != visitor.entity.id:
                    host_role = holder.role_at(self.day)
                    host = Participant(holder.id, holder.name, "person", "host",
                                       f"{place.alias} (its leader)", holder.describe(self.day),
                                       host_role.country if host_role else place.entity.id)
                    return [(guest, host)]
        return []

    def _pairing(self, pred: Hit, subjects: list[tuple[int, Mention]],
                 objects: list[tuple[int, Mention]]) -> str:
        """How the sentence itself says who had contact with whom, when three or more people
        take part; empty when it leaves that to inference ("Trump and Putin speak ahead of
        Zelensky meeting": who spoke with Zelensky?):
        - one person with each of a list ("Putin spoke with Aliyev and Pashinyan", "Xi
          rolls out a red carpet for Russia's Putin and North Korea's Kim");
        - a list that is the contact's subject, or follows "between" ("Xi, Putin and Kim
          enjoyed a chat", "talks between A, B and C"): each with each;
        - a plural subject that stands for the leaders the headline names together ("The
          leaders met at a regional summit" under "Chinese, Russian, Indian Leaders ...").
        Only a verb's: a noun's people may be those of another verb ("Putin and Xi to attend
        G20 summit, setting up showdown with Biden")."""
        words = self.s.tokens
        trilateral = next((k for k in range(max(0, pred.first - 2), pred.first)
                           if words[k] in _TRILATERAL), None)
        if subjects and objects and trilateral is not None \
                and len({m.entity.id for _, m in subjects + objects}) == 3:
            # "провів тристоронню зустріч з Лавровим та Чавушоглу": all three met
            return ", ".join(m.alias for _, m in subjects + objects) \
                + f" ('{self.s.quote(trilateral, trilateral)}'), each with each"
        if pred.entry.category != "act" or self._nominal(pred):
            return ""
        if subjects and objects:
            hub = {m.entity.id for _, m in subjects}
            groups = joined_groups(words, objects + self._places)
            if len(hub) == 1 and len(groups) == 1 and len(groups[0]) >= 2:
                names = ", ".join(m.alias for _, m in groups[0])
                return f"{subjects[0][1].alias} with each of {names}"
            sides = joined_groups(words, subjects + self._places)
            if pred.entry.name in ("meeting", "talks") and len(hub) >= 2 and len(sides) == 1 \
                    and (len(groups) == 1 or self._reciprocal(pred)):
                # "Netanyahu and Abbas met with Clinton": one meeting of all of them.
                names = " and ".join(m.alias for _, m in sides[0])
                return (f"{names} with " + ", ".join(m.alias for _, m in groups[0])
                        + ", together")
            return ""
        between = pred.last + 1 < self.n and words[pred.last + 1] in _BETWEEN
        side = subjects or (objects if between else [])
        if len(side) >= 3:
            groups = joined_groups(words, side + self._places)
            if len(groups) == 1:
                return ", ".join(m.alias for _, m in groups[0]) + ", each with each"
            return ""
        if subjects or objects or len(self.antecedents) < 2:
            return ""
        lo, _ = _clause(self.bounds, pred.first, self.n)
        plural = next((h for h in self.hits if h.entry.category == "anaphor"
                       and lo <= h.first and h.last < pred.first), None)
        if plural is None or ANAPHOR_COUNTS[plural.entry.name] not in (0, len(self.antecedents)):
            return ""
        names = ", ".join(m.entity.name for m in self.antecedents)
        return f"{self._q(plural)} = {names}, named together in the headline"

    def _closed_before(self, pred: Hit) -> int:
        """Where the clause of `pred` starts after a colon or a semicolon that ends a clause
        with a verb of its own ("Путін до Туреччини не приїхав: Зеленський провів переговори
        з Ердоганом"), or 0: that clause's people are not this one's subjects."""
        text, spans = self.s.text, self.s.spans
        start = _clause(self.bounds, pred.first, self.n)[0]
        if start == 0 or not any(c in text[spans[start - 1][1]:spans[start][0]] for c in ":;"):
            return 0
        before = _clause(self.bounds, start - 1, self.n)[0]
        verbs = any(h.entry.category == "act" and before <= h.first < start
                    and not self._nominal(h) for h in self.hits)
        return start if verbs else 0

    def _reciprocal(self, pred: Hit) -> bool:
        """A verb said of its subjects with each other ("Poutine et Zelensky se sont
        rencontrés ... lors d'un sommet réunissant autour d'eux Macron et Merkel", "trafen
        sich", "встретились"): whoever else is named, they met too."""
        words = self.s.tokens
        own = words[max(0, pred.first - 1):pred.last + 3]
        return any(w in _RECIPROCAL for w in own) or (
            pred.entry.lang in ("ru", "uk") and words[pred.last].endswith(("сь", "ся")))

    def _arabic_purpose(self, pred: Hit) -> bool:
        """An Arabic verb of the lexicon written with the preposition "ل" (for, to) that its
        form lacks: a purpose ("لبحث", to discuss), not a finite verb ("بحث", discussed)."""
        if pred.entry.lang != "ar" or pred.first != pred.last:
            return False
        word, form = self.s.tokens[pred.first], lexicon_tokens(pred.entry.form or "")
        return bool(form) and word.startswith("ل") and not form[0].startswith("ل") \
            and word.endswith(form[0]) and len(word) > len(form[0])

    def _named_before(self, pred: Hit) -> bool:
        """Someone or some state is named before the word in its clause (its subject), also
        by a name the sentence named them by before ("Modi met Carney ..., two weeks after
        Carney telephoned Modi": only the first of each is a mention)."""
        lo, _ = _clause(self.bounds, pred.first, self.n)
        if any(lo <= i < pred.first for i, _ in self.mentions):
            return True
        again = {lexicon_tokens(m.alias)[-1] for i, m in self.mentions if i < lo}
        text, spans, words = self.s.text, self.s.spans, self.s.tokens
        return any(words[k] in again and text[spans[k][0]].isupper()
                   for k in range(lo, pred.first))

    def _subject_of_clause(self, pred: Hit) -> bool:
        """No verb of the lexicon before the noun in its clause: the noun is its subject."""
        lo, _ = _clause(self.bounds, pred.first, self.n)
        return not any(h.entry.category == "act" and lo <= h.first < pred.first
                       and not self._nominal(h) for h in self.hits)

    def _cue_after(self, pred: Hit, verb: Hit | None) -> tuple[str, Hit] | None:
        """A cue in the predicate after its subject noun, within the clause (or the verb of
        the lexicon that `verb` is), that the event is planned, hypothetical or called off
        ("Trump-Putin summit called off": denied). Not a plain negation: one after a noun
        is as often another verb's ("темы беседы раскрывать не стали": they did not disclose
        the topics of the conversation), and "the call did not take place" has its verb."""
        _, hi = _clause(self.bounds, pred.first, self.n)
        # (the names between aside: "разговор Владимира Путина с канцлером Германии Олафом
        # Шольцем не планируется")
        lo, hi = pred.last, min(hi, self._reach(pred.last + 1, CUE_WINDOW * self.scale))
        if verb is not None:
            # Only the verb itself ("is scheduled", "on hold" about "hold"): what stands
            # between was read by _modality, and a participle there describes the noun ("the
            # call planned for weeks took place").
            lo, hi = verb.first - 1, verb.last + 1
        cue = next((h for h in self.hits if h.entry.category == "cue"
                    and h.entry.name in ("planned", "hypothetical", "cancellation")
                    and (lo < h.first < hi or (verb is not None
                                               and h.first < verb.first <= h.last))), None)
        if cue is None and verb is None:
            # The subject's own predicate, however long the subject: "La visite d'État du
            # président algérien ... en France, initialement prévue début mai, est reportée"
            # (the cue right after the clause's first copula; an aside between commas is
            # read past).
            copula = next((k for k in range(pred.last + 1, self._reach(pred.last + 1,
                                                                        SUBJECT_REACH))
                           if self.s.tokens[k] in _COPULAS), None)
            if copula is not None:
                # (or its participle at the clause's end, German word order: "Ein Telefonat
                # ... mit Putin ist nach Angaben der Bundesregierung derzeit nicht geplant")
                end = _clause(self.bounds, pred.first, self.n)[1]
                cue = next((h for h in self.hits if h.entry.category == "cue"
                            and h.entry.name in ("planned", "hypothetical", "cancellation")
                            and (h.first == copula + 1 or (
                                copula < h.first and h.last == end - 1 and not any(
                                    a.entry.category == "act" and copula < a.first < h.first
                                    for a in self.hits)))), None)
        if cue is None and verb is None:
            # Called off in so many words, however long the subject: "La visite d'Etat du
            # président algérien ..., déjà repoussée au printemps, n'aura pas lieu en juin"
            # (an aside between commas read past, like the copula above)
            cue = next((h for h in self.hits if h.entry.category == "cue"
                        and h.entry.name == "cancellation" and pred.last < h.first
                        and h.first < self._reach(pred.last + 1, SUBJECT_REACH)
                        and not any(a.entry.category == "act" and pred.last < a.first < h.first
                                    for a in self.hits)), None)
        if cue is None and verb is None and (self.s.position == "headline"
                                             or pred.entry.lang in _VERB_LAST_CUES):
            # A headline's participle ends its clause as its predicate, however far: "La
            # visite d'Etat d'Abdelmadjid Tebboune en France à nouveau repoussée"; so does a
            # Russian or Ukrainian verb in any sentence ("Телефонный разговор ... с
            # канцлером Германии Олафом Шольцем в настоящее время не планируется")
            end = _clause(self.bounds, pred.first, self.n)[1]
            cue = next((h for h in self.hits if h.entry.category == "cue"
                        and h.entry.name in ("planned", "cancellation")
                        and pred.last < h.first and h.last == end - 1
                        and not any(a.entry.category == "act" and pred.last < a.first < h.first
                                    for a in self.hits)), None)
        if cue is None:
            return None
        return ("denied" if cue.entry.name == "cancellation" else cue.entry.name), cue

    def _occurred(self, pred: Hit) -> Hit | None:
        """A verb of duration or occurrence that is a contact noun's predicate: after it in
        its clause ("the call lasted two hours", "通话持续了"), or right before it, verb first
        ("استمر الاتصال")."""
        _, hi = _clause(self.bounds, pred.first, self.n)
        return next((h for h in self.hits if h.entry.category == "occurrence"
                     and (pred.last < h.first < hi or h.last == pred.first - 1)), None)

    def _verb_of_subject(self, pred: Hit) -> Hit | None:
        """The verb after a contact noun that is its clause's subject (no verb before it in
        the clause): "the call between them took place", "talks will take place"."""
        lo, hi = _clause(self.bounds, pred.first, self.n)
        acts = [h for h in self.hits if h.entry.category == "act" and lo <= h.first < hi
                and (h.first, h.last) != (pred.first, pred.last) and not self._nominal(h)]
        if any(h.first < pred.first for h in acts):
            return None
        return next((h for h in acts if h.first > pred.last), None)

    def _principal(self, i: int, m: Mention) -> bool:
        """A leader named as whom an envoy, adviser or relative acts for ("Putin meets Trump
        envoy Witkoff", "встретился с советником Трампа"): not the one met."""
        if not any(r.office in _LEADING and r.covers(self.day) for r in m.entity.roles):
            return False  # (any of their roles: Gaddafi led Libya with no title of office)
        tokens, after = self.s.tokens, i + len(lexicon_tokens(m.alias))
        if after < self.n and (tokens[after] in _ENVOYS or tokens[after].startswith(_ENVOY_STEMS)
                               or "".join(tokens[after:after + 4]).lstrip("的").startswith(
                                   _ENVOYS_ZH)):
            return True  # "Trump envoy Witkoff", "特朗普的女儿"
        if i > 0 and tokens[i - 1].startswith(_ENVOY_STEMS):
            return True  # "спецпосланника Трампа", "مبعوث ترامب"
        k = i - 1
        # (the envoy's task and the leader's title may stand between: "enviado para misiones
        # especiales del presidente Donald Trump", "special envoy of US President Trump")
        while k >= 0 and i - k <= ENVOY_REACH and (
                tokens[k] in _OWNER_LINKS or tokens[k] in _SPECIAL or tokens[k] in _TITLE_WORDS
                or self._adjective(k)):  # "del presidente estadounidense Donald Trump"
            k -= 1
        if 0 <= k < i - 1 and (tokens[k] in _ENVOYS or tokens[k].startswith(_ENVOY_STEMS)):
            # "the envoy of Trump", "el enviado de", "المبعوث الخاص للرئيس الأمريكي" (the
            # special envoy of the US president)
            return True
        # "a message from King Salman", "رسالة من الملك سلمان": who sent it is no party
        # (a state's adjective among the titles: "رسالة من العاهل السعودي الملك سلمان")
        k = self._before_titles(i)
        # (what the message is between: "رسالة تضامن من الرئيس", "a letter of support from")
        if k >= 1 and tokens[k] in _SENT_FROM and any(
                t in _MESSAGES for t in tokens[max(0, k - 3):k]):
            return True
        # "on behalf of Putin", "по поручению Путина"
        return not _BEHALF.isdisjoint(tokens[max(i - 3, 0):i])

    def _multilateral(self, noun: Hit) -> bool:
        """The meeting is an organisation's or a group's: its name a few words around the
        noun ("sommet du G20", "NATO summit", "саміт з нагоди 75-річчя НАТО")."""
        lo, hi = max(0, noun.first - 2), min(self.n, noun.last + 1 + MULTILATERAL_WORDS)
        return any(w in _GROUPS for w in self.s.tokens[lo:hi]) or any(
            lo <= i < hi and m.entity.kind == "country" and len(m.entity.id) > 2
            for i, m in self.mentions)

    def _sidelines_of(self, noun: Hit) -> bool:
        """The noun ends a phrase of "on the sidelines of" ("en marge du sommet du G20"), a few
        words at most between."""
        joined = " " + " ".join(self.s.tokens[max(0, noun.first - SIDELINE_WORDS):noun.first])
        return any(f" {phrase} " in joined + " " for phrase in _SIDELINES)

    def _setting_of_their_act(self, noun: Hit,
                              pairs: list[tuple[Participant, Participant]]) -> bool:
        """A contact noun right after "during" which says whom it was between or with, one of
        its pair named before "during" and the other before it too or in that phrase ("a
        meeting between the two leaders", "Президент США Джордж Буш під час зустрічі з
        Президентом України Віктором Ющенком у Києві заявив"): the contact is where what they
        did took place. (Not one said of a third person: "سلّمها الأمير خالد بن سلمان خلال
        زيارته إلى طهران".)"""
        during = next((h for h in self.hits if h.entry.category == "backdrop"
                       and not _DURING.isdisjoint(self.s.tokens[h.first:h.last + 1])
                       and noun.first - SUBJECT_MODIFIERS - 1 <= h.last < noun.first), None)
        if during is None or noun.last + 1 >= self.n \
                or self.s.tokens[noun.last + 1] not in _BETWEEN | _WITH:
            return False
        before = {m.entity.id for i, m in self.mentions if i < during.first}
        # (the phrase of "with": up to the clause's end)
        end = _clause(self.bounds, noun.first, self.n)[1]
        met = before | {m.entity.id for i, m in self.mentions if noun.last < i < end}
        return any((a.entity_id in before and b.entity_id in met)
                   or (b.entity_id in before and a.entity_id in met) for a, b in pairs)

    def _absent(self, i: int, m: Mention) -> bool:
        """Someone said to be away: "summit without Xi and Putin", "with Chinese President
        Xi Jinping and Russian President Vladimir Putin absent". Read across the names,
        titles and "and"s of a list."""
        tokens = self.s.tokens
        # Capitals mark names only where the sentence is not in Title Case ("Without
        # Preconditions, Trump Meets Kim"): there, only the people and states named count.
        named = self._named_words
        capitals = not self._title_case

        def in_list(k: int) -> bool:  # (and "there": "ohne dort Xi Jinping ... zu begegnen")
            return (tokens[k] in _CONJUNCTIONS or tokens[k].startswith(_TITLE_STEMS)
                    or tokens[k] in _THERE
                    or tokens[k] in _TITLE_WORDS or k in named
                    or (capitals and self.s.quote(k, k)[:1].isupper()))
        k = i - 1
        while k >= max(i - 8, 0) and in_list(k) and tokens[k] not in _WITHOUT:
            k -= 1
        if k >= 0 and (tokens[k] in _WITHOUT or any(
                tokens[k - len(p) + 1:k + 1] == p for p in _INSTEAD_OF)):
            return True  # (or in whose place: "standing in for President Vladimir Putin")
        k = i + len(lexicon_tokens(m.alias))
        while k < min(i + 12, self.n) and in_list(k) and tokens[k] not in _ABSENT:
            k += 1
        return k < self.n and tokens[k] in _ABSENT

    def _with_before(self, pred: Hit, person: int) -> bool:
        """"with" before the person, titles and their adjectives aside: "обсудил с
        президентом Белоруссии Лукашенко", not "обсудил предложение Трампа"."""
        tokens = self.s.tokens
        for k in range(person - 1, pred.last, -1):
            if tokens[k] in _WITH:
                return True
            if not (self.s.quote(k, k)[:1].isupper() or tokens[k].startswith(_TITLE_STEMS)
                    or tokens[k] in _TITLE_WORDS or tokens[k].endswith(_ADJECTIVE_ENDINGS)):
                return False
        return False

    def _thing_of(self, pred: Hit, person: int) -> bool:
        """Between the contact verb and the person stands a thing of theirs that is
        received, accepted or welcomed, so the person is not whom the subject met: "accueille
        favorablement la proposition de Trump", "Путин принял предложение Трампа", "recibe
        el apoyo de Macron", "welcomed the decision by Trump"."""
        return any(self.s.tokens[k].startswith(_RECEIVED_THINGS)
                   or self.s.tokens[k] in _RECEIVED_WORDS for k in range(pred.last + 1, person))

    def _names_or_urges(self, verb: Hit) -> bool:
        """A call verb that names someone ("Trump called Zelensky a dictator", "called
        Putin 'a killer'") or urges them ("Zelensky appelle Trump à faire pression", "a
        appelé à un cessez-le-feu"): no phone call. Read from the words right after the verb
        or after the person it is said of."""
        words = " ".join(self.s.tokens[verb.first:verb.last + 1])
        if words == _ZHIDIAN:
            # "习近平致电祝贺": 致电 with congratulations or condolences sends a message
            return any(w in self.s.text for w in _MESSAGE_ZH)
        if words in _LLAMAR_A:
            return self._llamar_a(verb)
        if words in _LLAMAR:
            return self._llamar_epithet(verb)
        naming, urging = words in _NAMING_CALL, words in _URGING_CALL
        if not (naming or urging):
            return False
        if urging and self._urged_at(verb.last + 1):
            return True  # "a appelé à un cessez-le-feu"
        if naming and (_WHAT.intersection(self.s.tokens[max(verb.first - 4, 0):verb.first])
                       or self.s.tokens[verb.first - 1:verb.first] == ("so",)):
            return True  # "what he called an unjust war", "the so-called truce"
        if naming and not self._verb_after_subject(verb):
            return False  # "a phone call Donald Trump made to...": a noun
        # The person right after the verb, titles aside ("called Russian President Vladimir
        # Putin"): not one inside what else is called ("call a member of the White House").
        person = self._person_object(verb)
        if person is None:
            return False
        after = self._after_people(*person)
        if after >= self.n:
            return False
        if urging:
            return self._urged_at(after)
        between = self.s.text[self.s.spans[after - 1][1]:self.s.spans[after][0]]
        if not _QUOTE_MARKS.isdisjoint(between):
            return True  # called Zelensky "dictator"
        word, written = self.s.tokens[after], self.s.quote(after, after)
        if between.strip() or not written.islower():
            return False  # "called Putin, who...", "called Putin Tuesday"
        if word in _NAMING_ARTICLES:
            following = self.s.tokens[after + 1] if after + 1 < self.n else ""
            return following not in _TIME_AFTER_ARTICLE  # "a dictator", not "a day later"
        return word not in _STILL_A_CALL and word not in _PREPOSITIONS \
            and not word.endswith(("ing", "ly")) and not word.isdigit()

    def _after_people(self, i: int, m: Mention) -> int:
        """The token after the person at i and any joined to them ("Putin and Zelensky",
        "Poutine et Zelensky", "Putin y Zelenski")."""
        after = i + len(lexicon_tokens(m.alias))
        starts = {k: p for k, p in self.mentions if p.entity.kind == "person"}
        while after + 1 < self.n and self.s.tokens[after] in _CONJUNCTIONS \
                and after + 1 in starts:
            after = after + 1 + len(lexicon_tokens(starts[after + 1].alias))
        return after

    def _person_object(self, verb: Hit) -> tuple[int, Mention] | None:
        """The person a verb takes as its object, right after it or after a title ("al
        presidente ruso Vladimir Putin", "le président américain Donald Trump")."""
        _, hi = _clause(self.bounds, verb.first, self.n)
        person = next(((i, m) for i, m in self.mentions if m.entity.kind == "person"
                       and verb.last < i < min(hi, verb.last + 6)), None)
        if person is None:
            return None
        tokens = self.s.tokens
        for k in range(verb.last + 1, person[0]):
            if not (self.s.quote(k, k)[:1].isupper() or tokens[k] in _TITLE_WORDS
                    or tokens[k] in _DETERMINERS or tokens[k - 1] in _TITLE_WORDS):
                return None  # the adjective of a title ("presidente ruso") is the title's
        return person

    def _llamar_a(self, verb: Hit) -> bool:
        """Spanish "llamar a" is no phone call unless a person is its object, and not then
        when they are urged to something after it ("llamó a Putin a negociar")."""
        person = self._person_object(verb)
        if person is None:
            return True  # "llamó a la calma", "llama a un alto el fuego"
        after = self._after_people(*person)
        if after + 1 >= self.n or self.s.quote(after, after).lower() not in ("a", "al"):
            return False
        nxt = self.s.tokens[after + 1]
        return nxt in _DETERMINERS or nxt in _URGED_DETERMINERS or nxt.endswith(("ar", "er", "ir"))

    def _llamar_epithet(self, verb: Hit) -> bool:
        """Spanish "llamar" with an epithet before its person names them: "Trump llamó
        dictador a Zelenski"."""
        k = verb.last + 1
        if k + 2 >= self.n or not self.s.quote(k, k).islower() \
                or self.s.tokens[k] in _NOT_AN_EPITHET_ES or self.s.tokens[k].endswith("mente"):
            return False
        # The epithet, up to three words, then "a" and the person.
        return any(self.s.tokens[j] in ("a", "al") and self._person_object(
            Hit(j, j, verb.entry)) is not None for j in range(k + 1, min(k + 4, self.n)))

    def _verb_after_subject(self, verb: Hit) -> bool:
        """English "call" read as a verb: right after its subject (a name, known or not, a
        title, a pronoun), an infinitive's "to", an auxiliary or an adverb ("Biden calls", "the
        president calls", "to call", "has repeatedly called")."""
        k = verb.first - 1
        if k < 0:
            return False
        before = self.s.tokens[k]
        if self.s.quote(k, k)[:1].isupper() or before.endswith("ly"):
            return True
        return before in _TITLE_WORDS or before in _PRONOUNS or before in _CALL_AFTER \
            or any(i + len(lexicon_tokens(m.alias)) - 1 == k for i, m in self.mentions)

    def _urged_at(self, k: int) -> bool:
        """Token k is French "à" (or "au", "aux") before what someone is urged to: a verb
        ("à faire") or a noun ("à un cessez-le-feu", "au dialogue"), not a time or a
        topic ("à la veille du sommet", "au téléphone", "au sujet de")."""
        if k >= self.n or self.s.quote(k, k).lower() not in _URGED_TO:
            return False
        nxt = k + 1
        while nxt < self.n and self.s.tokens[nxt] in _URGED_DETERMINERS:
            nxt += 1
        return nxt < self.n and self.s.tokens[nxt] not in _NOT_URGED

    def _owners(self, noun: Hit, before: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
        """Whose a contact noun is: the person right before its "'s" (at most one word
        between: "Trump's planned meeting with Putin") and those joined to them by "and"
        ("Trump and Putin's meeting"); none when no one owns it."""
        ends = [(i, i + len(lexicon_tokens(m.alias)) - 1, m) for i, m in before]
        owner = next((k for k, (i, _, m) in enumerate(ends) if self._owns(i, m, noun.first)),
                     None)
        if owner is None:
            return []
        group = [owner]
        while group[0] > 0:
            i, _, _ = ends[group[0]]
            _, last, _ = ends[group[0] - 1]
            if not all(w in _CONJUNCTIONS or w == "&" for w in self.s.tokens[last + 1:i]):
                break
            group.insert(0, group[0] - 1)
        return [(ends[k][0], ends[k][2]) for k in group]

    def _genitive_owners(self, noun: Hit, objects: list[tuple[int, Mention]]
                         ) -> list[tuple[int, Mention]]:
        """Whose a contact noun is when the owner follows it: the person right after it, in
        the genitive or after "de" (titles aside: "разговор Трампа с Зеленским", "l'appel
        de Trump avec Poutine", "اتصال ترامب مع بوتين"), when someone after "with" is its
        counterpart; or, in Chinese, the people joined by 与/和 right before 的 and the noun
        ("特朗普与普京的通话"). None otherwise."""
        tokens = self.s.tokens
        if noun.first >= 2 and tokens[noun.first - 1] == "的":
            ends = {i + len(lexicon_tokens(m.alias)) - 1: (i, m) for i, m in self.mentions
                    if m.entity.kind == "person"}
            group: list[tuple[int, Mention]] = []
            end = noun.first - 2
            while end in ends:
                group.insert(0, ends[end])
                end = ends[end][0] - 1
                if end < 0 or tokens[end] not in _ZH_AND:
                    break
                end -= 1
            return group if len(group) >= 2 else []
        if not objects:
            return []
        first, mention = objects[0]
        if not all(_of_title(w) for w in tokens[noun.last + 1:first]):
            return []
        after = first + len(lexicon_tokens(mention.alias))
        if after < self.n and tokens[after] in _WITH and len(objects) >= 2:
            return [(first, mention)]
        return []

    def _manner_of(self, noun: Hit) -> Hit | None:
        """The contact verb a contact noun right after "by" or "via" says the means of ("spoke
        with Putin by telephone"), in its clause: None otherwise."""
        words = self.s.tokens
        k = noun.first - 1
        if k < 0 or words[k] not in _MANNER_PREPOSITIONS:
            return None
        lo, _ = _clause(self.bounds, noun.first, self.n)
        return next((h for h in reversed(self.hits) if h.entry.category == "act"
                     and h.entry.type == "contact" and lo <= h.first and h.last < k
                     and not self._nominal(h)), None)

    def _setting_of(self, noun: Hit, cue: Hit) -> int | None:
        """Where the clause's main verb stands (the word after its first person), when the
        contact noun is the setting of that verb's act, after "in", "during" or "on" and
        its modifiers ("in hourlong call with", "during a phone call"), and the cue that
        made the noun not happen stands after that verb: None otherwise."""
        words = self.s.tokens
        k = noun.first - 1
        while k >= 0 and noun.first - k <= 4 and words[k] not in _SETTING_PREPOSITIONS:
            if not (words[k] in _CALL_MODIFIERS or words[k].isdigit()):
                return None
            k -= 1
        if k < 0 or words[k] not in _SETTING_PREPOSITIONS:
            return None
        lo, _ = _clause(self.bounds, noun.first, self.n)
        first = min((i for i, m in self.mentions if m.entity.kind == "person"
                     and lo <= i < k), default=None)
        if first is None:
            return None
        main = first + len(lexicon_tokens(next(m.alias for i, m in self.mentions
                                                if i == first)))
        return main if main < cue.first < k else None

    def _met_before(self, i: int, pred: Hit) -> bool:
        """Whether the person at `i` is whom another contact before `pred` was with: "Après
        cinq heures d'entretien avec Poutine, Macron ... où il a été accueilli par Zelensky"
        (Putin is no guest of Zelensky's)."""
        tokens = self.s.tokens
        named = {k for k, _ in self.mentions if k < i}
        link = next((k for k in range(i - 1, max(-1, i - WITH_REACH - 1), -1)
                     if tokens[k] in _WITH or k in named), None)
        if link is None or link in named:
            return False
        # (its own "with", in its clause: not "traf Selenskyj, nachdem er mit Putin
        # gesprochen hatte", whose "mit" is the verb's after it)
        return any(h.entry.type == "contact" and h.entry.category in ("noun", "act")
                   and h is not pred and h.last < link <= h.last + WITH_REACH + 1
                   and link < _clause(self.bounds, h.first, self.n)[1]
                   for h in self.hits)

    def _before_titles(self, i: int) -> int:
        """Where the word before the titles in front of the person at `i` stands (-1: none):
        the "from" of "a message from King Salman", the "under" of "under U.S. President
        Biden" (a state's adjective among the titles too)."""
        tokens = self.s.tokens
        k = i - 1
        while k >= 0 and i - k <= TITLES_REACH and (tokens[k] in _TITLE_WORDS
                                                     or tokens[k].startswith(_TITLE_STEMS)
                                                     or self._adjective(k)):
            k -= 1
        return k

    def _under(self, i: int) -> bool:
        """Whether the person at `i` dates something by their time in office, "under" and
        titles before them: "the first visit under President Biden"."""
        k = self._before_titles(i)
        return k >= 0 and self.s.tokens[k] in _UNDER

    def _time_clause(self, verb: Hit) -> int | None:
        """Where "when", "once", "before" or "until" stands when it opens the clause of an
        English verb in the present ("when he meets Putin", "before Trump speaks with Xi",
        "when the two meet on Wednesday"):
        at most three words between, none of them a verb of the lexicon."""
        words = self.s.tokens
        if verb.entry.lang == "de":
            # German puts the verb last: "einen Tag bevor er in Moskau Kremlchef Putin trifft"
            # (not "bevor er ... getroffen hat": the verb then does not end the clause)
            lo, hi = _clause(self.bounds, verb.first, self.n)
            opener = lo - 1 if lo > 0 and words[lo - 1] in _TIME_OPENERS_DE else lo
            # (a modal may follow it: "bevor er mit Putin sprechen will"; not an auxiliary
            # of a past: "bevor er ... gesprochen hat")
            ends = all(w in _GERMAN_MODALS for w in words[verb.last + 1:hi])
            return opener if ends and words[opener] in _TIME_OPENERS_DE else None
        word = words[verb.first]
        # (the plural too: "when the two meet on Wednesday"; not a past: "when they met")
        if word.endswith(("ss", "ed", "ing")) or word in _PAST_FORMS:
            return None
        for k in range(verb.first - 1, max(-1, verb.first - 5), -1):
            if words[k] in _TIME_OPENERS:
                return k
            if any(h.entry.category == "act" and h.first <= k <= h.last for h in self.hits):
                return None
            if words[k].endswith("ed") or words[k] in _PAST_FORMS:
                return None  # a past between: "the day before, Putin had a telephone ..."
        return None

    def _genitive_pair(self, noun: Hit, objects: list[tuple[int, Mention]]) -> bool:
        """Two people right after a contact noun, joined by "and", in the genitive or after
        "de"/"of" (titles aside): "встреча Путина и Трампа", "la rencontre de Macron et de
        Xi", "the meeting of Putin and Xi" (not a visit: "the visit of Macron and Scholz" is
        of two guests)."""
        if len(objects) < 2:
            return False
        tokens = self.s.tokens
        (first, a), (second, _) = objects[0], objects[1]
        if not all(_of_title(w) for w in tokens[noun.last + 1:first]):
            return False
        joined = tokens[first + len(lexicon_tokens(a.alias)):second]
        return bool(joined) and joined[0] in _CONJUNCTIONS and all(
            w in _CONJUNCTIONS or _of_title(w) for w in joined)

    def _owned_contact(self, lo: int, hi: int) -> int:
        """Where the first owner of a contact noun stands between `lo` and `hi` (see
        _owners); `hi` when there is none."""
        nouns = [h.first for h in self.hits if h.entry.type == "contact"
                 and h.entry.category == "noun"]
        return next((i for i, m in self.mentions if lo <= i < hi
                     and any(self._owns(i, m, first) for first in nouns)), hi)

    def _owns(self, i: int, m: Mention, noun_first: int) -> bool:
        """The mention at `i` is followed by "'s" and, at most one word later, by the noun
        starting at `noun_first` ("Trump's call", "Trump's planned meeting")."""
        return i in self._possessors and \
            2 <= noun_first - (i + len(lexicon_tokens(m.alias)) - 1) <= 3

    def _earlier_contacts(self, pred: Hit, kinds: frozenset[str] = _EARLIER_TIMES
                          ) -> list[tuple[int, int]]:
        """The spans (from its time word to the end of its clause) of the contacts the
        sentence names as before or after the news, other than `pred`'s own: a contact word
        within three words after "a day after", "au lendemain de", "غداة", "ahead of",
        "накануне" ("during", "after" may name the news itself: "During a phone call with
        Biden, Zelensky said ...")."""
        contacts = [h for h in self.hits if h.entry.type == "contact"
                    and h.entry.category in ("noun", "act") and h is not pred
                    and not h.first <= pred.first <= h.last]
        spans = []
        for h in self.hits:
            if h.entry.category not in kinds or h.first <= pred.last < h.last \
                    or h.last < pred.first <= h.last + 3:
                continue  # (`pred` is that contact)
            if any(h.last < c.first <= h.last + 3 for c in contacts):
                end = _clause(self.bounds, h.last + 1, self.n)[1]
                spans.append((h.first, pred.first if h.first < pred.first < end else end))
        return spans

    def _contact(self, pred: Hit, verb: bool) -> EventFrame | None:
        if not verb and pred.entry.lang == "de" \
                and self.s.text[self.s.spans[pred.first][0]].islower():
            # German writes its nouns with a capital: "soll Xi ... treffen" is the verb
            verb = True
        if self.s.tokens[pred.first] in _OPENING_PARTICIPLES and pred.first > 0 and not self.s.text[
                :self.s.spans[pred.first][0]].rstrip().endswith(("—", "–", "-", ":")):
            # "Réunis mardi à Doha, Tshisekedi et Kagame ont appelé": the participle opens the
            # sentence; elsewhere it says who gathered ("sont réunis à Bali pour un sommet du
            # G20": a summit's guests)
            return None
        act = pred.entry.name
        signing = act == "signing"
        if signing:
            act = "meeting"  # two who sign together met (their joint subject only, below)
        evidence = [Evidence("event", self._q(pred))]
        means_of = self._manner_of(pred)  # ("telephone" after "by" is a noun, not the verb)
        # "intended to speak with Putin by telephone soon": the verb's contact, said how
        modality, cue = self._modality(pred.first if means_of is None else means_of.first,
                                       verb or means_of is not None, allow_demand=True)
        if modality == "happened" and (not verb or self._nominal(pred)
                                       or not self._named_before(pred)):
            # Only a noun ("a call", "la rencontre", "the first phone conversation") is the
            # subject of what follows, not a verb with its own subject: "Macron met Putin in
            # Paris and could meet him again" met him, whatever comes next.
            later = self._verb_of_subject(pred)
            occurred = self._occurred(pred)
            if occurred is not None and (later is None or occurred.first <= later.first):
                later = occurred  # "the call lasted two hours": the noun's own predicate
            if later is not None:
                # "The first phone conversation between them will take place": the noun is
                # the subject of a later verb, whose auxiliaries say whether it happened.
                modality, cue = self._modality(later.first, True, allow_demand=False, window=2)
            if modality == "happened" and self._subject_of_clause(pred):
                # "разговор президентов России и США готовится", "la rencontre est prévue
                # mardi", "a call ... is scheduled": the predicate after the subject says it
                # has not happened (up to its verb when the lexicon knows one).
                modality, cue = self._cue_after(pred, later) or (modality, cue)
            if modality == "happened" and later is not None and later is occurred:
                # Said in so many words: a plan elsewhere in the sentence ("and the leaders
                # will meet soon") is not this contact's (see frames()).
                evidence.append(Evidence("modality", f"{self._q(later)} (it took place)"))
        if modality == "happened":
            # "decrees talks with Putin 'impossible'": a contact said to be impossible
            _, hi = _clause(self.bounds, pred.first, self.n)
            hi = min(hi, self._reach(pred.last + 1, CUE_WINDOW * self.scale))
            impossible = next((h for h in self.hits if h.entry.category == "impossible"
                               and pred.last < h.first < hi), None)
            if impossible is not None:
                modality, cue = "hypothetical", impossible
        if modality != "happened" and cue is not None:
            main = self._setting_of(pred, cue)
            if main is not None:
                # "Biden tells Putin invasion would bring costs in hourlong call": a call the
                # setting of what its subject did is as real as that act, whatever the words
                # between say ("would" is Biden's warning, not the call's).
                modality, cue = self._modality(main, True, window=main - _clause(
                    self.bounds, main, self.n)[0])
                if modality == "happened":
                    evidence.append(Evidence("modality", f"{self.s.quote(main - 1, main - 1)} "
                                                         "(the call its setting)"))
        if modality == "happened" and cue is None and verb and self._arabic_purpose(pred):
            # "يلتقي ولي العهد لبحث الاستثمارات": "لبحث" (to discuss) is what a meeting is
            # for, no contact of its own
            modality, cue = "hypothetical", pred
        if modality == "happened" and cue is None:
            ahead = self._time_ahead(pred)
            if ahead is not None:
                modality, cue = "planned", ahead
        if cue is not None:
            evidence.append(Evidence("modality", self._q(cue)))
        elif modality == "happened" and verb and not self._nominal(pred) \
                and not self.s.tokens[pred.first].endswith("ing"):
            # A verb with no cue says the contact happened ("met at the State Department"),
            # as a noun or a gerund alone may not ("Trump pitches meeting with Kim"): see
            # _weak_pairs.
            evidence.append(Evidence("asserted", self._q(pred)))
        if modality == "happened" and verb and pred.entry.lang == "de" \
                and pred.last + 1 < self.n and self.s.tokens[pred.last + 1] in _GERMAN_MODALS:
            # The German infinitive before its modal at the clause's end: "wo er mit Scholz
            # sprechen soll", "den er treffen will"
            modality = "planned"
            evidence = [e for e in evidence if e.part != "asserted"]
            evidence.append(Evidence("modality", self.s.quote(pred.first, pred.last + 1)))
        if modality == "happened" and verb and not self._nominal(pred):
            when = self._time_clause(pred)
            if when is not None:
                # "will raise it when he meets Putin": the present after "when" is to come.
                modality = "planned"
                evidence = [e for e in evidence if e.part != "asserted"]
                evidence.append(Evidence("modality", f"{self.s.quote(when, pred.last)} (the "
                                                     "present after it: to come)"))
        people: list[tuple[int, Mention]] = []
        principals: list[tuple[int, Mention]] = []
        for i, m in self.mentions:
            if m.entity.kind == "person" and not self._absent(i, m):
                (principals if self._principal(i, m) else people).append((i, m))
        # "Zelensky under pressure from Putin meets Trump": where someone comes from is no
        # side of the contact either.
        subjects = [(i, m) for i, m in people if i < pred.first
                    and not (i > 0 and self.s.tokens[i - 1] in _FROM)
                    # a topic before a verb at the clause's end: "hat über Putin gesprochen"
                    and not (i > 0 and self.s.tokens[i - 1] in _ABOUT)
                    # (of a verb: a summit's noun holds all who came to it)
                    and not (verb and self._met_before(i, pred))]
        opened = max([h.last + 1 for h in self.hits if h.entry.category == "subordinator"
                      and h.last < pred.first] + [self._closed_before(pred)])
        if any(i >= opened for i, _ in subjects):
            # "Zelensky visits front line as Putin meets Lukashenko": a clause opened by a
            # subordinating conjunction, with a subject of its own, is not the earlier
            # clause's ("Zelensky, as he met Trump, said" has none, and keeps him). Not a
            # relative clause: "apologized for comments that Lavrov made ... in a phone call
            # with Bennett" was Putin's call.
            subjects = [(i, m) for i, m in subjects if i >= opened]
        # "Trump pressed Putin ..., Secretary of State Rex Tillerson said, after the two
        # leaders met": who says it after others were named is no party.
        # (Not one of a joint subject: "Berlusconi and Russian President Putin said".)
        kept = subjects[:1]
        for (j, previous), (i, m) in itertools.pairwise(subjects):
            end = i + len(lexicon_tokens(m.alias))
            joined = any(w in _CONJUNCTIONS
                         for w in self.s.tokens[j + len(lexicon_tokens(previous.alias)):i])
            if joined or not (end < pred.first and self.s.tokens[end] in _SAYS):
                kept.append((i, m))
        subjects = kept
        said = max((k for k in range(pred.first) if self.s.tokens[k] in _SAYS), default=-1)
        after_said = [(i, m) for i, m in subjects if i > said]
        if said >= 0 and (verb or len(after_said) >= 2) and any(
                i + len(lexicon_tokens(m.alias)) == pred.first for i, m in after_said):
            # "Zelensky says Trump spoke with Putin", "... says Trump-Putin call was
            # productive": who says so is no party to the call, the verb's own subject (or
            # both sides of the noun) right before it. ("Carney Says Trump Meeting ..." is
            # his meeting with Trump.)
            subjects = after_said
        # "Zelensky criticises Trump's call with Putin": a contact noun's owner is its
        # party, not whoever speaks of it.
        subjects = self._owners(pred, subjects) or subjects
        if len(subjects) >= 2:
            # "Scholz met Zelensky before he spoke with Putin", "Scholz traf Selenskyj, bevor
            # er mit Putin sprach": one person is "he", the subject the sentence opened with.
            # Only when the clause names the counterpart ("after he met with the Russian
            # leader" leaves Putin, named before, the counterpart). Who comes after "he"
            # stays: German names its counterpart before the verb, "er mit Putin sprach".
            lo, hi = _clause(self.bounds, pred.first, self.n)
            he = next((k for k in range(lo, pred.first) if self.s.tokens[k] in _HE), None)
            if he is not None and sum(1 for i, _ in subjects if i < he) >= 2 \
                    and any(he < i < hi for i, _ in people):
                subjects = subjects[:1] + [(i, m) for i, m in subjects if i > he]
        if not subjects and self.speaker is not None:
            # "I had a phone conversation with Lukashenko" in an address by Zelensky.
            lo, _ = _clause(self.bounds, pred.first, self.n)
            me = next((i for i in range(lo, pred.first) if self.s.tokens[i] in _FIRST_PERSON),
                      None)
            if me is not None:
                subjects = [(me, replace(self.speaker, alias=self.s.quote(me, me)))]
        # The counterpart is in the verb's own clause: "Zelensky arrives in Turkey, but Putin
        # is a no-show" names no one Zelensky met.
        # (nor in a clause of reason, contrast or concession after it: "..., поскольку
        # делегацию возглавит Лавров", "зустріч з Ердоганом, тоді як Путін так і не
        # погодився приїхати"; but "وصل إلى القاهرة، حيث كان في استقباله السيسي": where he
        # was received)
        end = next((h.first for h in self.hits if (h.entry.category == "boundary" or (
            h.entry.category == "subordinator" and h.entry.form in _OWN_CLAUSE))
                    and h.first > pred.last), self.n)
        dash = next((i for i in self._dashes() if i > pred.last), self.n)
        # "under pressure from Putin", "arrived from Warsaw": where someone comes from is no
        # counterpart; but "a phone call from Putin" is his call.
        objects = [(i, m) for i, m in people if pred.last < i < min(end, dash)
                   and not (i > 0 and self.s.tokens[i - 1] in _FROM
                            and not (act == "call" and i - 2 == pred.last))
                   and not self._under(i)
                   and not (act != "call" and verb and self._thing_of(pred, i))]
        if objects and verb and not self._nominal(pred):
            # "Macron welcomes Trump's phone call with Putin": the people of another contact
            # noun, from its owner on, are that contact's, not this verb's.
            owned = self._owned_contact(pred.last + 1, min(end, dash))
            objects = [(i, m) for i, m in objects if i < owned]
            # "meets Xi in Beijing and urges him to talk to Zelensky": who comes after
            # another contact verb, once this one has its counterpart, is that verb's (not
            # "spoke by telephone with Macron": one act said twice).
            # Nor is whom it is urged to talk to ("rencontre Xi et l'exhorte à parler avec
            # Zelensky", "le anima a hablar con Putin": a verb of talking no contact's own).
            if objects and subjects:
                other = next((h.first for h in self.hits if h.first > objects[0][0] and (
                    (h.entry.type == "contact" and h.entry.category == "act")
                    or (h.entry.category == "cue" and h.entry.name == "demand"))), self.n)
                objects = [(i, m) for i, m in objects if i < other]
        elif objects and len(objects) > 1:
            # "After talks with Putin, Macron met Scholz": whom a contact verb after the
            # noun's first counterpart meets is that verb's, not the noun's.
            other = next((h.first for h in self.hits if h.first > objects[0][0]
                          and h.entry.type == "contact" and h.entry.category == "act"
                          and not self._nominal(h)), self.n)
            objects = [(i, m) for i, m in objects if i < other]
        if objects and verb and subjects:
            # "se reúne con Ajanuch sin audiencia con Mohamed VI", "met Xi but not Modi":
            # who comes after a negation is whom the subject did not meet.
            negation = next((h.first for h in self.hits if h.entry.category == "cue"
                             and h.entry.name == "negation" and h.first > pred.last), self.n)
            objects = [(i, m) for i, m in objects if i < negation]
        if objects and verb and " ".join(self.s.tokens[pred.first:pred.last + 1]) in _DISCUSSING:
            objects = [(i, m) for i, m in objects if self._with_before(pred, i)]
        if (not verb or self._nominal(pred)) and act != "visit" \
                and self._genitive_pair(pred, objects):
            # "Ушаков: встреча Путина и Трампа пройдет на Аляске": the two after the noun are
            # its pair; who speaks of it is not.
            subjects = []
        elif not verb or self._nominal(pred):
            owners = self._genitive_owners(pred, objects)
            if owners:
                # "Песков прокомментировал разговор Трампа с Зеленским", "critique l'appel de
                # Trump avec Poutine", "批评特朗普与普京的通话": the noun's owner is its
                # party, not whoever speaks of it.
                subjects = owners
                objects = [(i, m) for i, m in objects if (i, m) not in owners]
        if len(objects) >= 2 and pred.last + 1 < self.n \
                and self.s.tokens[pred.last + 1] in _BETWEEN:
            # "Zelensky on the conversation between Biden and Putin": the people after
            # "between" are the pair; whoever comes before comments on it.
            subjects = []
        # "Trump and Putin speak ahead of Zelensky meeting": who comes after "ahead of" is
        # of the event it previews, not a counterpart of this one.
        preview = next((h.first for h in self.hits if h.entry.category == "preview"
                        and h.first > pred.last), None)
        if preview is not None:
            objects = [(i, m) for i, m in objects if i < preview]
        # "Macron meets Zelensky a day after his talks with Putin", "Macron, a day after
        # talks with Putin, meets Zelensky": who is named with an earlier contact is of that
        # contact, not a side of this one.
        earlier = self._earlier_contacts(pred)
        if earlier:
            objects = [(i, m) for i, m in objects
                       if not any(a < i and pred.last < a for a, _ in earlier)]
            subjects = [(i, m) for i, m in subjects if not any(a < i < b for a, b in earlier)]
        if objects and act == "call" and verb:
            # "spoke about Putin": a topic, not a counterpart; a genitive word ("of", "de",
            # "von") is a topic only right after the verb ("spoke of"), not inside a title
            # ("with President of the Republic of Angola Joao Lourenco").
            topics = [h.first for h in self.hits if h.entry.category == "topic"
                      and h.first > pred.last and (h.first == pred.last + 1
                                                   or self.s.tokens[h.first] not in _GENITIVE)]
            # "speaks highly of Modi", "talks tough on Putin", "parle ouvertement de": a
            # word of manner, then the topic.
            manner = pred.last + 1
            if manner + 1 < self.n and self.s.tokens[manner + 1] in _TOPIC_AFTER_MANNER \
                    and (self.s.tokens[manner] in _MANNER_WORDS
                         or self.s.tokens[manner].endswith(("ly", "ment"))):
                topics.append(manner + 1)
            objects = [(i, m) for i, m in objects if not any(t < i for t in topics)]
        elif objects and verb:
            # "Obama and Putin meet at U.N., remain at odds over Assad": after a word of topic
            # (not a genitive one, which titles hold) a name is what they differ or talk on.
            topics = [h.first for h in self.hits if h.entry.category == "topic"
                      and h.first > pred.last and self.s.tokens[h.first] not in _GENITIVE]
            objects = [(i, m) for i, m in objects if not any(t < i for t in topics)]
        # (not the "with" of another contact word between: "signs decree ruling out talks
        # with Putin" names whom the talks would be with)
        signed_with = [(i, m) for i, m in objects if any(
            self.s.tokens[k] in _WITH and not any(
                h.entry.type == "contact" and pred.last < h.first and h.last < k
                for h in self.hits)
            for k in range(max(pred.last + 1, i - SIGNED_WITH), i))] \
            if signing and verb and subjects and not self._nominal(pred) else []
        if signed_with:
            # Whom they signed with: "Biden and Kishida each signed bilateral security
            # agreements with Ukraine's Volodymyr Zelensky" met him (each of them).
            objects = signed_with
            evidence.append(Evidence("pairing", f"{self._q(pred)} with "
                                     + ", ".join(m.alias for _, m in objects)))
        elif signing:
            # Only the people who sign together: "Medvedev and Obama signed"; not whom the
            # text names after the verb ("signed a decree on aid to Zelensky's government").
            groups = joined_groups(self.s.tokens, subjects)
            if len(groups) != 1 or len(groups[0]) < 2 or not verb or self._nominal(pred):
                return None
            subjects, objects = list(groups[0]), []
            evidence.append(Evidence("pairing", " and ".join(m.alias for _, m in subjects)
                                     + f" {self._q(pred)} together: they met"))
        words = " ".join(self.s.tokens[pred.first:pred.last + 1])
        hosting = words in _HOSTING
        role_a, role_b = ("host", "visitor") if hosting else _ROLE_OF_ACT.get(act, ("parties",
                                                                                "parties"))
        pairs: list[tuple[Participant, Participant]] = []
        # Who had contact with whom, read from the sentence's shape rather than inferred
        # from roles and order (see _pairing): said, so that history may make a gap of it.
        pairing = self._pairing(pred, subjects, objects)
        if subjects and objects:
            pairs = [(self._participant(a, role_a), self._participant(b, role_b))
                     for _, a in subjects for _, b in objects]
            if pairing.endswith(("together", "each with each")):
                # "Netanyahu and Abbas met with Clinton": the two on one side met too, as do
                # those on the other ("Poutine et Zelensky se sont rencontrés ... réunissant
                # aussi Emmanuel Macron et Angela Merkel"), and all three at a trilateral
                # meeting: one meeting of all of them.
                side = subjects + objects
                made = {p.entity_id: p for pair in pairs for p in pair}
                pairs += [(made[a.entity.id], made[b.entity.id])
                          for k, (_, a) in enumerate(side) for _, b in side[k + 1:]]
        elif len(subjects) >= 2 or len(objects) >= 2:
            side = subjects if len(subjects) >= 2 else objects
            pairs = [(self._participant(a, "parties"), self._participant(b, "parties"))
                     for k, (_, a) in enumerate(side) for _, b in side[k + 1:]]
        elif not subjects and not objects and pairing:
            group = self.antecedents
            pairs = [(self._participant(a, "parties"), self._participant(b, "parties"))
                     for k, a in enumerate(group) for b in group[k + 1:]]
        if pairing:
            evidence.append(Evidence("pairing", pairing))
        # Two of one state are no pair: "Steve Witkoff and Jared Kushner's visit" is theirs.
        pairs = [(a, b) for a, b in pairs if a.entity_id != b.entity_id
                 and (a.country or a.entity_id) != (b.country or b.entity_id)]
        if not verb and self._sidelines_of(pred):
            # "doit rencontrer Xi Jinping en marge du sommet du G20": the summit is where
            # another contact is set, no contact of its own between those the sentence names
            pairs = []
        if not verb and len({p.entity_id for pair in pairs for p in pair}) >= 3 \
                and self._multilateral(pred):
            # "Xi Jinping, Joe Biden, Emmanuel Macron et Narendra Modi sont réunis à Bali pour
            # un sommet du G20": leaders at an organisation's summit attend it together, which
            # tells of no meeting between any two of them
            pairs = []
        if act == "visit" and not pairs and not hosting and self.kb:
            # Headlines join their parts with dashes and colons: the whole headline counts.
            lo, hi = ((0, self.n) if self.s.position == "headline"
                      else _clause(self.bounds, pred.first, self.n))
            guests = [m for i, m in people if lo <= i < hi
                      and not (i > 0 and self.s.tokens[i - 1] in _FROM)]
            # One visitor, or a delegation of one state ("Steve Witkoff and Jared Kushner's
            # visit to Moscow"): each who serves it meets the leader there.
            serving = {m.entity.id: self._participant(m, "visitor").country for m in guests}
            if len(guests) == 1 or len(set(serving.values()) - {""}) == 1:
                pairs = [pair for m in guests if serving[m.entity.id] or len(guests) == 1
                         for pair in self._hosts(m, pred)]
                named = {m.entity.id for _, m in self.mentions}
                for _, inferred in pairs[:1]:
                    # Whom the visitor met is inferred, not read: said, so that a gap is not
                    # claimed on it from history alone (see GapCondition).
                    evidence.append(Evidence("host", f"{inferred.name}, the leader there on "
                                                     "the day (" + (
                                                         "named in the sentence, not as met"
                                                         if inferred.entity_id in named else
                                                         "the report names no host") + ")"))
        pairs = [(a, b) for a, b in pairs if a.entity_id != b.entity_id
                 and (a.country or a.entity_id) != (b.country or b.entity_id)]
        seen: set[frozenset[str]] = set()
        unique = []
        for a, b in pairs:
            key = frozenset((a.entity_id, b.entity_id))
            if key not in seen:
                seen.add(key)
                unique.append((a, b))
        participants = []
        for a, b in unique:
            for p in (a, b):
                if p not in participants:
                    participants.append(p)
        # Whom an envoy acts for is no party to the contact, but is to the talks it may be
        # ("Trump Envoy Makes Push on Ukraine Peace Talks in Meeting With Putin": a mediator
        # and a side of the war meeting, see _talks_from_meetings).
        delegated = [(self._participant(pm, "parties"), self._participant(om, "parties"))
                     for pi, pm in principals
                     for _, om in (objects if pi < pred.first else subjects)]
        # (a verb's word owned by a name is a noun: "after Trump's call with Putin")
        flags, flag_evidence = self._flags(
            None if verb and self._owner_start(pred.first) == pred.first else pred)
        if "backdrop" in flags and not verb and len(unique) == 1 \
                and self._setting_of_their_act(pred, unique):
            # "Zelensky pressed Biden for more sanctions during their call", "hit back at Joe
            # Biden after the US President confronted him ... during a meeting between the two
            # leaders": what the two did in it is the news, and the contact its setting, held.
            # (Two people only: "Sánchez pide a Xi que hable con Zelenski ... durante una
            # reunión" did not meet Zelensky.)
            flags.discard("backdrop")
            flag_evidence = [e for e in flag_evidence if not e.words.startswith("backdrop")]
        # "Weeks after his call with Xi, Biden signs ...", "two days after Biden called Xi":
        # a contact some time before the news (_flags reads no cue before a verb).
        since = self._elapsed_before(pred.first) if verb and "backdrop" not in flags else None
        if since is not None:
            flags.add("backdrop")
            flag_evidence.append(Evidence("flag", f"backdrop ('{self._q(since)}')"))
        lo, _ = _clause(self.bounds, pred.first, self.n)
        if verb and "preview" in flags and not any(
                lo <= h.first < pred.first for h in self.hits
                if h.entry.category == "flag" and h.entry.name == "preview"):
            # "Trump and Putin speak ahead of Zelensky meeting", "Ahead of the summit, Trump
            # spoke with Putin": the call is the news, what "ahead of" governs is previewed
            # (as for a noun, see _flags).
            flags.discard("preview")
            flag_evidence = [e for e in flag_evidence if not e.words.startswith("preview")]
        frame = EventFrame("contact", act, act, modality, tuple(participants), tuple(unique),
                           self.day, self.s.position, self.number, frozenset(flags),
                           tuple(evidence + flag_evidence))
        if delegated:
            self._delegated[id(frame)] = (*unique, *delegated)
        if signing:
            self._signed.add(id(frame))
        return frame
