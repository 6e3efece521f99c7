"""The shipped knowledge: who held which office on a date, coverage, plausibility, and that
the generated files are what the generator makes of the Wikidata tables."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from datetime import date, timedelta

import pytest
import yaml

from alerts.knowledge import knowledge_base
from alerts.knowledge.base import _day, shipped_people
from alerts.knowledge.phrases import token_text
from tests.conftest import CORPUS, ROOT
from tests.tools.countries_table import TABLE

UN_MEMBERS = [line.split("|")[1] for line in TABLE.splitlines()
              if line.split("|")[1] not in ("PS", "TW", "VA", "XK")]
SEATS = ("head-of-state", "head-of-government", "foreign-minister", "secretary-general")
# Seats shared on purpose: two co-princes, two captains regent, a three-member presidency,
# the Swiss Federal Council, Nicaragua's co-presidency (2025), Guaidó's contested interim
# presidency of Venezuela (2019-2023), Libya's rival governments (2014-2021, since 2022).
SHARED_SEATS = {"AD", "SM", "BA", "CH", "NI", "VE", "LY"}
# Never an alias on their own: common words and surnames many people share.
AMBIGUOUS = {"lee", "khan", "ali", "park", "said", "kim", "wang", "li", "zhang", "chen",
             "singh", "kumar", "ahmed", "mohamed", "mohammed", "hassan", "hussein", "ibrahim",
             "abdullah", "sharif", "martin", "rose", "white", "young", "smith", "jones",
             "brown", "may", "king", "bush", "rice", "price", "cook", "power", "love",
             "wong", "tan", "nguyen", "garcia", "lopez", "rodriguez", "silva", "santos",
             "costa", "da silva", "abbas", "aoun", "salam", "ba", "sall", "fall", "diop",
             "sy", "ka", "moon", "yoon", "cho", "choi", "han", "suga", "abe", "dar"}


def who(text: str, day: date) -> list[str]:
    return [m.entity.id for m in knowledge_base().mentions(token_text(text), day)
            if m.entity.kind == "person"]


@pytest.mark.parametrize(("text", "day", "person"), [
    ("the French president said", date(2016, 6, 1), "francois-hollande"),
    ("the French president said", date(2020, 6, 1), "emmanuel-macron"),
    ("the Ukrainian foreign minister", date(2021, 6, 1), "dmytro-kuleba"),
    ("the Ukrainian foreign minister", date(2025, 1, 10), "andrii-sybiha"),
    ("the British foreign secretary", date(2023, 12, 1), "david-cameron"),
    ("Prime Minister of Slovakia", date(2022, 2, 21), "eduard-heger"),
    ("Prime Minister of Luxembourg", date(2022, 3, 1), "xavier-bettel"),
    ("Luxembourg's foreign minister", date(2024, 3, 1), "xavier-bettel"),
    ("Foreign Minister of Denmark", date(2023, 3, 1), "lars-lokke-rasmussen"),
    ("the Senegalese president", date(2023, 1, 1), "macky-sall"),
    ("the Senegalese president", date(2024, 6, 1), "bassirou-diomaye-faye"),
    ("African Union Chairperson", date(2022, 6, 1), "macky-sall"),
    ("ASEAN Secretary-General", date(2024, 1, 1), "kao-kim-hourn"),
    ("GCC Secretary-General", date(2024, 1, 1), "jasem-albudaiwi"),
    ("OSCE Secretary General", date(2022, 1, 1), "helga-schmid"),
    ("俄罗斯总统", date(2024, 1, 1), "vladimir-putin"),
    ("美国总统", date(2022, 1, 1), "joe-biden"),
    ("中国外长", date(2023, 3, 1), "qin-gang"),
    ("الرئيس الأمريكي", date(2025, 6, 1), "donald-trump"),
    ("وزير الخارجية السعودي", date(2024, 1, 1), "faisal-bin-farhan"),
    ("رئيس وزراء اليابان", date(2025, 1, 1), "shigeru-ishiba"),
])
def test_office_phrases_resolve_to_the_holder_on_the_day(text, day, person):
    assert person in who(text, day)


@pytest.mark.parametrize(("text", "person"), [
    ("Staffan de Mistura met the Polisario", "staffan-de-mistura"),
    ("Hans Grundberg briefs the Council", "hans-grundberg"),
    ("Martin Griffiths warned", "martin-griffiths"),
    ("Tom Fletcher, the UN relief chief", "tom-fletcher"),
    ("Volker Perthes left Khartoum", "volker-perthes"),
    ("Ramtane Lamamra arrived in Port Sudan", "ramtane-lamamra"),
    ("Morgan Ortagus in Beirut", "morgan-ortagus"),
    ("Nursultan Nazarbayev", "nursultan-nazarbayev"),
    ("Touadéra and Touadera", "faustin-archange-touadera"),
    ("Frederik X opened parliament", "frederik-x"),
])
def test_envoys_and_leaders_are_known(text, person):
    assert person in who(text, date(2024, 1, 1))


@pytest.mark.parametrize("day", [date(2020, 6, 1), date(2023, 6, 1), date(2025, 9, 1)])
def test_every_un_member_has_a_head_of_state_and_government(day):
    kb = knowledge_base()
    # Lebanon had no president from Oct 2022 to Jan 2025, Haiti none since July 2021; San
    # Marino's captains regent head its government. The rest are gaps in the sources.
    no_head = {"LB", "HT"}
    no_government = {"SM", "HT", "AF", "BI", "TD", "SN"} if day.year == 2020 else {"SM", "HT"}
    assert [c for c in UN_MEMBERS if c not in no_head
            and kb.holder("head-of-state", c, day) is None] == []
    assert [c for c in UN_MEMBERS if c not in no_government
            and kb.holder("head-of-government", c, day) is None] == []


def test_foreign_ministers_of_every_un_member_but_three_in_2024():
    kb = knowledge_base()
    missing = [c for c in UN_MEMBERS if kb.holder("foreign-minister", c, date(2024, 6, 1)) is None]
    assert missing == ["MG", "MC", "NR"]  # unknown (tests/test_knowledge_coverage.py)


def test_generated_ids_are_unique():
    people = yaml.safe_load((ROOT / "alerts/knowledge/data/people-generated.yaml").read_text())
    ids = [spec["id"] for spec in people]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def test_no_two_people_hold_a_single_seat_at_once():
    seats: dict[tuple, list] = defaultdict(list)
    for spec in shipped_people():
        for role in spec.get("roles") or []:
            if role["office"] in SEATS and role["country"] not in SHARED_SEATS:
                seats[(role["office"], role["country"])].append(
                    (_day(role.get("from")) or date.min, _day(role.get("to")) or date.max,
                     spec["id"], str(role.get("title", ""))))
    overlaps = []
    for seat, tenures in seats.items():
        tenures.sort()
        for i, (_start, end, person, title) in enumerate(tenures):
            for other_start, other_end, other, other_title in tenures[i + 1:]:
                acting = any(w in (title + other_title).lower() for w in ("acting", "interim"))
                # A tenure inside another is an acting holder or a co-premier (the inner
                # one is the holder then); a handover day counts for both, and Wikidata
                # slips a few days. Two successive holders must not overlap longer.
                inside = other_end <= end
                if other != person and not acting and not inside and \
                        other_start + timedelta(days=3) < end:
                    overlaps.append((seat, person, other))
    assert overlaps == []


def test_aliases_are_never_ambiguous_words_nor_shared_between_people():
    owners: dict[str, set[str]] = defaultdict(set)
    for spec in shipped_people():
        for alias in [spec.get("name"), *(spec.get("aliases") or [])]:
            if alias:
                owners[token_text(str(alias)).strip()].add(spec["id"])
    assert sorted(a for a in owners if a in AMBIGUOUS) == []
    assert {a: sorted(p) for a, p in owners.items() if len(p) > 1} == {}


@pytest.mark.skipif(not (CORPUS / "world-leaders-wikidata").is_dir(),
                    reason="../shared/corpus is not here")
def test_generated_files_are_what_the_generator_makes(tmp_path):
    data = ROOT / "alerts" / "knowledge" / "data"
    names = ("people-generated.yaml", "countries-generated.yaml", "offices-generated.yaml")
    subprocess.run([sys.executable, "-m", "tests.tools.people_from_wikidata", str(CORPUS),
                    str(tmp_path)], cwd=ROOT, check=True, capture_output=True, timeout=120)
    before = {n: (data / n).read_text("utf-8") for n in names}
    after = {n: (tmp_path / n).read_text("utf-8") for n in names}
    assert after == before, "run tests/tools/people_from_wikidata.py and commit its output"


def test_the_holder_is_the_one_who_took_office_last():
    from alerts.knowledge.base import KnowledgeBase

    kb = KnowledgeBase([
        {"id": "outer", "name": "Outer Person", "roles": [
            {"office": "head-of-government", "country": "ZZ", "from": "2014-08-24",
             "to": "2023-08-22"}]},
        {"id": "acting", "name": "Acting Person", "roles": [
            {"office": "head-of-government", "country": "ZZ", "from": "2022-08-24",
             "to": "2022-09-30", "title": "Acting Prime Minister"}]},
    ], [], [], [])
    assert kb.holder("head-of-government", "ZZ", date(2022, 9, 1)).id == "acting"
    assert kb.holder("head-of-government", "ZZ", date(2022, 10, 1)).id == "outer"


def test_parsed_data_is_cached_and_a_broken_cache_is_ignored(tmp_path):
    script = ("from alerts.knowledge.base import shipped_people; "
              "print(len(shipped_people()))")
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    first = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT,
                           capture_output=True, text=True, check=True, timeout=120)
    cached = sorted((tmp_path / "alerts" / "knowledge").glob("people-generated.yaml.*.json"))
    assert len(cached) == 1
    cached[0].write_text("{not json", "utf-8")
    second = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT,
                            capture_output=True, text=True, check=True, timeout=120)
    assert second.stdout == first.stdout and int(first.stdout) > 1500
    assert cached[0].read_text("utf-8").startswith("[")  # rewritten
    # Under systemd with CacheDirectory= (the home is hidden): there.
    service = tmp_path / "service-cache"
    subprocess.run([sys.executable, "-c", script], env={**env, "CACHE_DIRECTORY": str(service)},
                   cwd=ROOT, capture_output=True, text=True, check=True, timeout=120)
    assert list((service / "knowledge").glob("people-generated.yaml.*.json"))


def test_a_president_is_not_head_of_government_while_a_prime_minister_is():
    kb = knowledge_base()
    assert kb.holder("head-of-government", "SN", date(2024, 6, 1)).id == "ousmane-sonko"
    assert kb.holder("head-of-state", "SN", date(2024, 6, 1)).id == "bassirou-diomaye-faye"
    assert kb.holder("head-of-government", "UZ", date(2015, 6, 1)).id == "shavkat-mirziyoyev"
