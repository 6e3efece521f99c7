"""Contacts to come, and leaders others act for (a fresh blind contact probe).

"يزور السعودية الأسبوع المقبل" (visits Saudi Arabia next week) paired Aoun with the Saudi
leader as if they had met: a time after the news right after the act makes it a plan, as a
time before the news makes it background. Ukrainian and Russian say a visit to come with the
perfective future ("відвідає Туреччину, де проведе переговори"), French with "attendu".
"по поручению Владимира Путина" (on Putin's instructions) names whom Shoigu acts for, not
whom he met.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.contact_frames import held, paired

DAY = date(2025, 5, 13)


@pytest.mark.parametrize("title", [
    "Lebanese President Joseph Aoun meets Saudi Crown Prince Mohammed bin Salman next week",
    "الرئيس اللبناني جوزاف عون يلتقي ولي العهد السعودي الأمير محمد بن سلمان الأسبوع المقبل",
    "Зеленський відвідає Туреччину для зустрічі з Ердоганом",
    "Путин посетит Турцию, где проведет переговоры с Эрдоганом",
    "Macron attendu à Pékin pour une rencontre avec Xi Jinping",
    "Macron rencontre Xi Jinping la semaine prochaine",
    "Scholz trifft Xi Jinping nächste Woche",
    "Pedro Sánchez se reúne con Xi Jinping la próxima semana",
    "Путин встречается с Си Цзиньпином на следующей неделе",
    "Зеленський зустрічається з Ердоганом наступного тижня",
])
def test_a_contact_to_come_is_no_contact_held(title: str) -> None:
    assert paired(title, day=DAY) and not held(title, day=DAY)


@pytest.mark.parametrize("title", [
    "Lebanese President Joseph Aoun meets Saudi Crown Prince Mohammed bin Salman",
    "Lebanese President Joseph Aoun met Saudi Crown Prince Mohammed bin Salman last week",
    # the time is another act's
    "Lebanese President Joseph Aoun met Saudi Crown Prince Mohammed bin Salman and will "
    "visit Riyadh next week",
])
def test_a_contact_with_no_time_ahead_is_held(title: str) -> None:
    assert held(title, day=DAY) == {"joseph-aoun+mohammed-bin-salman"}


@pytest.mark.parametrize(("title", "lead"), [
    ("Kim Jong Un meets adviser to Putin",
     "Kim Jong Un met Sergei Shoigu, adviser to Vladimir Putin, on Wednesday."),
    ("Shoigu holds talks in Pyongyang",
     "Russian Security Council Secretary Sergei Shoigu, who arrived on behalf of President "
     "Vladimir Putin, met Kim Jong Un on Wednesday."),
    ("Шойгу встретился с Ким Чен Ыном в Пхеньяне",
     "Секретарь Совета безопасности России Сергей Шойгу, прибывший в Пхеньян по поручению "
     "Владимира Путина, провел переговоры с Ким Чен Ыном."),
])
def test_whom_an_envoy_acts_for_is_not_met(title: str, lead: str) -> None:
    assert held(title, lead, day=DAY) == {"kim-jong-un+sergei-shoigu"}


@pytest.mark.parametrize(("title", "pair"), [
    ("Путин встречается с Си Цзиньпином в Пекине", "vladimir-putin+xi-jinping"),
    ("Зеленський зустрічається з Ердоганом в Анкарі", "recep-tayyip-erdogan+volodymyr-zelensky"),
])
def test_the_headline_present_is_a_contact(title: str, pair: str) -> None:
    assert held(title, day=DAY) == {pair}


@pytest.mark.parametrize(("title", "lead"), [
    # the plan said after the names: "не планируется" past the window of words
    ("Песков ответил на вопрос журналистов",
     "Пресс-секретарь президента России Дмитрий Песков заявил во вторник, что телефонный "
     "разговор Владимира Путина с канцлером Германии Олафом Шольцем не планируется."),
    ("Кулеба: зустріч Зеленського і Сі Цзіньпіна поки не планується", ""),
    # the reports of it called fake before them
    ("Офіс Президента зробив заяву",
     "В Офісі Президента України назвали фейком повідомлення про нібито телефонну розмову "
     "Володимира Зеленського з Олександром Лукашенком."),
])
def test_a_contact_not_planned_or_denied_is_not_held(title: str, lead: str) -> None:
    assert paired(title, lead, day=DAY) and not held(title, lead, day=DAY)


@pytest.mark.parametrize(("title", "lead", "pair"), [
    ("السلطان هيثم يستقبل المبعوث الأمريكي ويتكوف",
     "استقبل حضرة صاحب الجلالة السلطان هيثم بن طارق المبعوث الخاص للرئيس الأمريكي ستيف ويتكوف "
     "في قصر العلم.", "haitham-bin-tarik-al-said+steve-witkoff"),
    ("Merkel bei Putin: Abschiedsbesuch im Kreml",
     "Bundeskanzlerin Angela Merkel ist am Freitag in Moskau mit Kremlchef Wladimir Putin "
     "zusammengetroffen.", "angela-merkel+vladimir-putin"),
])
def test_who_met_whom(title: str, lead: str, pair: str) -> None:
    day = date(2021, 8, 20) if "Merkel" in title else DAY
    assert held(title, lead, day=day) == {pair}
