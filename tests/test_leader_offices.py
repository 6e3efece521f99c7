"""Who counts as a leader for first contact (alerts.knowledge.contacts.leader_office): the
rulers the knowledge base lists by hand hold an office that says so."""

from __future__ import annotations

from datetime import date

import pytest

from alerts.knowledge import knowledge_base
from alerts.knowledge.contacts import leader_office


@pytest.mark.parametrize(("name", "day", "office"), [
    # Crown princes who ruled before they held a state office.
    ("Mohammed bin Salman", date(2019, 6, 1), {"crown-prince"}),
    ("Mohammed bin Salman", date(2023, 6, 1), {"crown-prince", "head-of-government"}),
    ("Mohamed bin Zayed", date(2019, 6, 1), {"crown-prince"}),
    ("Mohamed bin Zayed", date(2023, 6, 1), {"head-of-state"}),
])
def test_a_ruling_crown_prince_is_a_leader(name, day, office):
    entity = knowledge_base().resolve(name)
    role = leader_office(entity, day)
    assert role is not None and role.office in office


@pytest.mark.parametrize(("name", "day", "office"), [
    # Gaddafi held no office of state from 1979, but led Libya until Tripoli fell.
    ("Muammar Gaddafi", date(2008, 8, 30), "head-of-state"),
    ("Moammar Gadhafi", date(2004, 3, 25), "head-of-state"),
    ("Muammar Gaddafi", date(2011, 10, 1), None),
    ("Abdel Rahman Shalgham", date(2005, 6, 1), "foreign-minister"),
    ("Moussa Koussa", date(2010, 6, 1), "foreign-minister"),
    ("Moussa Koussa", date(2011, 6, 1), None),  # defected in March 2011
    ("Saud al-Faisal", date(2007, 1, 15), "foreign-minister"),
    ("سعود الفيصل", date(2007, 1, 15), "foreign-minister"),
    ("Saif al-Islam Gaddafi", date(2008, 8, 30), None),  # his son, no leader
])
def test_leaders_of_libya_and_saudi_arabias_foreign_minister(name, day, office):
    entity = knowledge_base().resolve(name)
    assert entity is not None
    role = leader_office(entity, day)
    assert (role.office if role else None) == office


@pytest.mark.parametrize(("name", "day", "holder"), [
    # Foreign ministers the Wikidata list lacked (people.yaml, "foreign ministers 1998-2019").
    ("Игорь Иванов", date(2003, 12, 29), "igor-ivanov"),
    ("Tang Jiaxuan", date(2001, 7, 16), "tang-jiaxuan"),
    ("李肇星", date(2005, 3, 16), "li-zhaoxing"),
    ("Yoriko Kawaguchi", date(2003, 6, 1), "yoriko-kawaguchi"),
    ("Taro Aso", date(2006, 6, 1), "taro-aso"),
    ("Masahiko Komura", date(2008, 1, 15), "masahiko-komura"),
    ("Katsuya Okada", date(2010, 3, 1), "katsuya-okada"),
    ("Silvan Shalom", date(2004, 6, 1), "silvan-shalom"),
    ("Netanyahu", date(2016, 6, 1), "benjamin-netanyahu"),
    ("Celso Lafer", date(2002, 6, 1), "celso-lafer"),
    ("Celso Amorim", date(2008, 6, 1), "celso-amorim"),
    ("Antonio Patriota", date(2012, 6, 1), "antonio-patriota"),
    ("Luiz Alberto Figueiredo", date(2014, 6, 1), "luiz-alberto-figueiredo"),
    ("Mauro Vieira", date(2015, 6, 1), "mauro-vieira"),
    ("José Serra", date(2016, 9, 1), "jose-serra"),
    ("Aloysio Nunes", date(2018, 6, 1), "aloysio-nunes"),
    ("Josep Piqué", date(2001, 6, 1), "josep-pique"),
    ("Moratinos", date(2008, 6, 1), "miguel-angel-moratinos"),
    ("Susana Malcorra", date(2016, 6, 1), "susana-malcorra"),
    ("Jorge Faurie", date(2018, 6, 1), "jorge-faurie"),
    ("حمد بن جاسم", date(2005, 6, 1), "hamad-bin-jassim-bin-jaber-al-thani"),
    ("Khalid al-Attiyah", date(2014, 6, 1), "khalid-al-attiyah"),
])
def test_foreign_ministers_of_the_2000s_are_known(name, day, holder):
    kb = knowledge_base()
    entity = kb.resolve(name)
    assert entity is not None and entity.id == holder
    role = next(r for r in entity.roles if r.office == "foreign-minister" and r.covers(day))
    assert kb.holder("foreign-minister", role.country, day).id == holder
