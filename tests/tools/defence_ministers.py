# ruff: noqa: E501  (tables of names: one row a line reads best)
"""Defence ministers for people_from_wikidata.py.

Wikidata (peppercat-2022/officeholders.csv) gives every state's defence ministers to mid-2022
(positions such as "Minister of Defence", "Secretary of Defense", "Minister of the Armed
Forces"; junior posts, "Minister of State for ..." and chiefs of staff left out: POSITION).
DEFENCE_MINISTERS adds, from the maintainers' knowledge, those since then for the states
with most news ("country|name|from|to|approx"; approx: the day is not certain); a minister
the snapshot still shows in office is ended by the next one's start. Only these states
(COVERED) get defence-minister office phrases ("the US defense secretary", "Israeli
defence minister"), since elsewhere the snapshot's holder may be stale today; the others'
ministers to 2022 are known by name.
"""

import re

POSITION = re.compile(r"^(Federal |Union )?(Minister|Secretary( of State)?) (of|for) (National |the )?"
                      r"(Defen[cs]e|Armed Forces)$")

_MINISTERS = """\
US|Lloyd Austin|2021-01-22|2025-01-20|
US|Pete Hegseth|2025-01-25||
RU|Andrey Belousov|2024-05-14||
UA|Rustem Umerov|2023-09-06|2025-07-17|
UA|Denys Shmyhal|2025-07-17||
IL|Yoav Gallant|2022-12-29|2024-11-07|approx
IL|Israel Katz|2024-11-07||approx
GB|Grant Shapps|2023-08-31|2024-07-05|
GB|John Healey|2024-07-05||
FR|Sébastien Lecornu|2022-05-20|2025-10-05|approx
FR|Catherine Vautrin|2025-10-12||approx
CN|Li Shangfu|2023-03-12|2023-10-24|
CN|Dong Jun|2023-12-29||
DE|Christine Lambrecht|2021-12-08|2023-01-19|
DE|Boris Pistorius|2023-01-19||
TR|Yaşar Güler|2023-06-03||approx
IR|Mohammad-Reza Gharaei Ashtiani|2021-08-25|2024-08-21|approx
IR|Aziz Nasirzadeh|2024-08-21||approx
JP|Yasukazu Hamada|2022-08-10|2023-09-13|
JP|Minoru Kihara|2023-09-13|2024-10-01|
JP|Gen Nakatani|2024-10-01|2025-10-21|approx
JP|Shinjiro Koizumi|2025-10-21||approx
KR|Lee Jong-sup|2022-05-10|2023-10-07|approx
KR|Shin Won-sik|2023-10-07|2024-09-06|approx
KR|Kim Yong-hyun|2024-09-06|2024-12-05|approx
PL|Władysław Kosiniak-Kamysz|2023-12-13||approx
SA|Khalid bin Salman|2022-09-27||
IN|Rajnath Singh|2019-05-31||
"""

DEFENCE_MINISTERS = [dict(zip(("country", "name", "from", "to", "approx"), line.split("|"), strict=True))
                     for line in _MINISTERS.splitlines()]
COVERED = sorted({m["country"] for m in DEFENCE_MINISTERS})
# Names in other scripts and the spellings news uses, by person id.
# The covered states' names after "minister of defence" in Russian and Ukrainian (genitive).
GENITIVES = {
    "US": ("США", "США"), "RU": ("России;РФ", "Росії;РФ"), "UA": ("Украины", "України"),
    "IL": ("Израиля", "Ізраїлю"), "GB": ("Великобритании;Британии", "Великої Британії;Британії"),
    "FR": ("Франции", "Франції"), "CN": ("Китая;КНР", "Китаю;КНР"), "DE": ("Германии;ФРГ", "Німеччини;ФРН"),
    "TR": ("Турции", "Туреччини"), "IR": ("Ирана", "Ірану"), "JP": ("Японии", "Японії"),
    "KR": ("Южной Кореи;Республики Корея", "Південної Кореї;Республіки Корея"), "PL": ("Польши", "Польщі"),
    "SA": ("Саудовской Аравии", "Саудівської Аравії"), "IN": ("Индии", "Індії"),
}
RU_TITLES = ["министр обороны", "министра обороны", "министру обороны", "министром обороны",
             "министре обороны", "глава Минобороны", "главы Минобороны", "главой Минобороны"]
UK_TITLES = ["міністр оборони", "міністра оборони", "міністру оборони", "міністрові оборони",
             "міністром оборони", "очільник Міноборони", "очільника Міноборони", "голова Міноборони"]
# Chinese one-character short names that would start other words before 防长: 以防 is "so as
# to prevent", 土防 ... : only the full name there.
NO_SHORT_CHINESE = {"IL", "TR"}
# Office phrases beyond "<adjective> defence minister" and the like, by state.
PHRASES = {
    "GB": ["UK Defence Secretary", "British Defence Secretary", "Defence Secretary of the United Kingdom"],
    "US": ["US Defense Secretary", "U.S. Defense Secretary", "US Secretary of Defense",
           "U.S. Secretary of Defense", "Secretary of Defense", "Pentagon chief",
           "US defense chief", "U.S. defense chief", "secrétaire américain à la Défense",
           "secrétaire à la Défense américain", "chef du Pentagone", "US-Verteidigungsminister",
           "Pentagon-Chef", "secretario de Defensa de Estados Unidos", "secretario de Defensa de EE.UU.",
           "jefe del Pentágono", "глава Пентагона", "главы Пентагона", "главой Пентагона",
           "шеф Пентагона", "очільник Пентагону", "очільника Пентагону", "голова Пентагону",
           "шеф Пентагону", "وزير الدفاع الأمريكي", "وزير الدفاع الأميركي", "美国国防部长", "美国防长",
           "五角大楼负责人"],
    "FR": ["ministre des Armées", "ministre française des Armées", "ministre français des Armées"],
    "RU": ["Verteidigungsminister Russlands", "ministro de Defensa ruso"],
}
ALIASES = {
    "lloyd-austin": ["Lloyd J. Austin", "Ллойд Остин", "Ллойд Остін", "لويد أوستن"],
    "pete-hegseth": ["Hegseth", "Пит Хегсет", "Піт Геґсет", "Хегсет", "هيغسيث", "赫格塞思"],
    "andrey-belousov": ["Andrei Belousov", "Belousov", "Андрей Белоусов", "Андрій Бєлоусов", "Белоусов", "Белоусова", "بيلوسوف", "别洛乌索夫"],
    "yoav-gallant": ["Йоав Галант", "Галант", "يوآف غالانت", "加兰特"],
    "benny-gantz": ["Gantz", "Бени Ганц", "Бенні Ганц", "Ганц", "غانتس", "甘茨"],
    "boris-pistorius": ["Pistorius", "Борис Писториус", "Борис Пісторіус", "Писториус", "بيستوريوس", "皮斯托里乌斯"],
    "grant-shapps": ["Shapps"],
    "john-healey": ["Healey"],
    "dong-jun": ["董军"],
    "rustem-umerov": ["Умєров", "Умєрова", "Умєровим"],
    "li-shangfu": ["李尚福"],
    "oleksii-reznikov": ["Oleksii Reznikov", "Oleksiy Reznikov", "Reznikov", "Алексей Резников", "Олексій Резніков", "Резников", "Резніков"],
}
