"""A demining coordination group (held-out story; fiction).

The Mine Action Liaison Office (MALO, the mediator) facilitates the Demining Coordination
Group between the sides of Vardenik and Qaraçay: minefield maps of Sector 7, clearance of
the orchard road at the village Vardenik calls Lernashen and Qaraçay calls Dağkənd,
marking of cleared lanes, fencing, medical evacuation of injured deminers and (by a
mandate extension) mine-risk education in schools. Every place, side and person is
invented. Local time is UTC+4; the story runs from Monday 6 March to Wednesday 12 July 2028.

- Meeting 1 (dcg-1): proposed by MALO for Tue 21 March, 10:00, at the MALO office in
  Berezovka; Qaraçay's counter-proposal moves it to Wed 22 March, 15:00; held, chaired by
  Ingrid Halvorsen. "Exchange of minefield maps" raised by Vardenik, accepted by Qaraçay;
  "Compensation for livestock killed by mines" raised by Qaraçay, declined by Vardenik.
  Minutes v1 signed by Vardenik only (Qaraçay refuses it by letter), v2 signed by all
  three. Commitments: maps of Sector 7 by Qaraçay (reported, confirmed; made public),
  clearance of the orchard road by Vardenik (reported, disputed). Communiqué in en, ru,
  hy, az, published.
- Meeting 2 (dcg-2): direct, proposed by Qaraçay, at the Zarechnoye bridge, Tue 18 April.
  "Marking of cleared lanes" proposed by Vardenik, accepted. Commitments: monthly
  clearance reports by Vardenik (overdue), fencing of Sector 7 by Qaraçay (reported).
- Mandate extension: mine-risk education in schools.
- Meeting 3 (dcg-3): proposed for Thu 25 May at the Lernashen school, declined by
  Qaraçay; moved to Fri 26 May at the MALO office in Berezovka; chaired by Pavel Orlov,
  without Lilit Avetisyan. "Medical evacuation of injured deminers" raised by Qaraçay,
  accepted; "Joint demining teams" proposed by Qaraçay, declined by Vardenik. Commitments
  open: a medevac route (Vardenik), school leaflets (Qaraçay). A second communiqué signed
  by MALO and Vardenik only, never published.
- Meeting 4 (dcg-4): Wed 21 June in Berezovka, chaired by Ingrid Halvorsen. Minutes v1
  signed by Qaraçay only, v2 by all three.
- Next meeting agreed for Thu 13 July at the Zarechnoye bridge (opened to the public);
  Qaraçay's proposal to open the orchard-road dispute gets no other signature.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "demining-coordination-group"
START = datetime(2028, 3, 6, 5, 0, tzinfo=UTC)  # Monday 6 March 2028, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    ("malo-head", "malo", "head", "Ingrid Halvorsen", "Head of the Mine Action Liaison Office"),
    (
        "malo-officer",
        "malo",
        "member",
        "Pavel Orlov",
        "Liaison officer, Mine Action Liaison Office",
    ),
    ("vardenik-head", "vardenik", "head", "Armen Sargsyan", "Head of the Vardenik side"),
    ("vardenik-deminer", "vardenik", "member", "Lilit Avetisyan", "Chief deminer, Vardenik side"),
    ("qaracay-head", "qaracay", "head", "Elçin Quliyev", "Head of the Qaraçay side"),
    ("qaracay-deminer", "qaracay", "member", "Günel Əliyeva", "Chief deminer, Qaraçay side"),
]

SIDES = {
    "malo": ("Mine Action Liaison Office", "mediator"),
    "vardenik": ("Vardenik side", "party"),
    "qaracay": ("Qaraçay side", "party"),
}

MANDATE = [
    {"id": "maps", "title": "Minefield maps and records"},
    {"id": "clearance", "title": "Clearance of roads, fields and orchards"},
    {"id": "safety", "title": "Safety of deminers and medical evacuation"},
    {"id": "marking", "title": "Marking and fencing of hazardous areas"},
]

GLOSSARY = [
    {
        "id": "malo",
        "kind": "side",
        "names": {
            "en": "Mine Action Liaison Office",
            "ru": "Офис связи по разминированию",
            "hy": "Ականազերծման կապի գրասենյակ",
            "az": "Minatəmizləmə üzrə Əlaqə Ofisi",
        },
    },
    {
        "id": "vardenik",
        "kind": "side",
        "names": {"en": "Vardenik", "ru": "Варденик", "hy": "Վարդենիկ", "az": "Vardenik"},
    },
    {
        "id": "qaracay",
        "kind": "side",
        "names": {"en": "Qaraçay", "ru": "Гарачай", "hy": "Ղարաչայ", "az": "Qaraçay"},
    },
    {
        "id": "lernashen",
        "kind": "place",
        "names": {
            "en": "Lernashen / Dağkənd",
            "ru": "Лерншен / Дагкенд",
            "hy": "Լեռնաշեն / Դաղքենդ",
            "az": "Dağkənd / Lernaşen",
        },
        "forms": {
            "vardenik": {"en": "Lernashen", "ru": "Лерншен", "hy": "Լեռնաշեն"},
            "qaracay": {"en": "Dağkənd", "ru": "Дагкенд", "az": "Dağkənd"},
        },
        "note": "The village whose orchard road runs along Sector 7.",
    },
    {
        "id": "berezovka",
        "kind": "place",
        "names": {"en": "Berezovka", "ru": "Березовка", "hy": "Բերեզովկա", "az": "Berezovka"},
    },
    {
        "id": "zarechnoye",
        "kind": "place",
        "names": {
            "en": "Zarechnoye",
            "ru": "Заречное",
            "hy": "Զարեչնոյե",
            "az": "Zareçnoye",
        },
    },
]

BEREZOVKA = "MALO office, Berezovka"
BRIDGE = "Zarechnoye bridge"
SCHOOL = "School of Lernashen"

COMMUNIQUE_1 = {
    "en": "On 22 March 2028 the Demining Coordination Group met at the office of the Mine "
    "Action Liaison Office in Berezovka. The sides of Vardenik and Qaraçay agreed that the "
    "Qaraçay side will hand over the minefield maps of Sector 7 by 15 April. They also "
    "agreed that the orchard road at Lernashen will be cleared of mines.",
    "ru": "22 марта 2028 года Группа по координации разминирования собралась в офисе Офиса "
    "связи по разминированию в Березовке. Стороны Варденика и Гарачая договорились, что "
    "сторона Гарачая передаст карты минных полей сектора 7 до 15 апреля. Они также "
    "договорились, что дорога через сады у Лерншена будет очищена от мин.",
    "hy": "2028 թվականի մարտի 22-ին Ականազերծման համակարգման խումբը հավաքվեց "
    "Բերեզովկայում՝ Ականազերծման կապի գրասենյակում։ Վարդենիկի և Ղարաչայի կողմերը "
    "համաձայնեցին, որ Ղարաչայի կողմը մինչև ապրիլի 15-ը կհանձնի 7-րդ հատվածի ականապատ "
    "դաշտերի քարտեզները։ Նրանք համաձայնեցին նաև, որ Լեռնաշենի այգիների ճանապարհը "
    "կմաքրվի ականներից։",
    "az": "2028-ci il martın 22-də Minatəmizləmə üzrə Koordinasiya Qrupu Berezovkada "
    "Minatəmizləmə üzrə Əlaqə Ofisinin ofisində toplaşıb. Vardenik və Qaraçay tərəfləri "
    "razılaşıblar ki, Qaraçay tərəfi 7-ci sektorun mina sahələrinin xəritələrini aprelin "
    "15-dək təhvil verəcək. Onlar həmçinin Dağkənd yaxınlığındakı bağ yolunun minalardan "
    "təmizlənməsinə razılaşıblar.",
}

COMMUNIQUE_2 = {
    "en": "On 26 May 2028 the Demining Coordination Group met in Berezovka. The sides agreed "
    "on a route for the medical evacuation of injured deminers. Joint demining teams will "
    "be considered at a later meeting.",
    "ru": "26 мая 2028 года Группа по координации разминирования собралась в Березовке. "
    "Стороны согласовали маршрут медицинской эвакуации раненых саперов. Совместные группы "
    "разминирования будут рассмотрены на одной из следующих встреч.",
}


def charter(public_keys: dict[str, str]) -> dict[str, Any]:
    sides = []
    for side_id, (name, kind) in SIDES.items():
        members = [
            {"key": public_keys[stem], "name": display, "role": role, "title": title}
            for stem, side, role, display, title in PEOPLE
            if side == side_id
        ]
        sides.append({"id": side_id, "name": name, "kind": kind, "members": members})
    return {
        "title": "Demining Coordination Group: Vardenik and Qaraçay",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 300, "urgent": 3600, "routine": 86400},
        "default_disclosure": "confidential",
        "glossary": GLOSSARY,
    }


def _item(topic: str, item: str | None = None, title: str | None = None) -> dict[str, str]:
    titles = {t["id"]: t["title"] for t in MANDATE}
    titles["schools"] = "Mine-risk education in schools"
    return {"id": item or topic, "topic": topic, "title": title or titles[topic]}


def play(member: Any, clock: Any) -> None:
    ch = CHANNEL

    def at(local: str) -> None:
        """Move the story's clock forward to a local (UTC+4) time."""
        target = datetime.fromisoformat(local).replace(tzinfo=UTC) - LOCAL
        delta = (target - clock.now()).total_seconds()
        assert delta >= 0, local
        clock.advance(seconds=delta)

    head, officer = member("malo-head"), member("malo-officer")
    var, var_dem = member("vardenik-head"), member("vardenik-deminer")
    qar, qar_dem = member("qaracay-head"), member("qaracay-deminer")
    everyone = {
        "malo": ["Ingrid Halvorsen", "Pavel Orlov"],
        "vardenik": ["Armen Sargsyan", "Lilit Avetisyan"],
        "qaracay": ["Elçin Quliyev", "Günel Əliyeva"],
    }

    # --- meeting 1: proposed for 21 March, moved by Qaraçay to 22 March ------------------
    at("2028-03-07T11:00")
    head.talks.propose(
        ch,
        "dcg-1",
        start="2028-03-21T10:00:00+04:00",
        venue=BEREZOVKA,
        format="chaired",
        agenda=[
            _item("maps", "sector7-maps", "Minefield maps of Sector 7"),
            _item("clearance", "orchard-road", "Clearance of the orchard road at Lernashen"),
        ],
        attendees=everyone,
    )
    at("2028-03-08T10:00")
    var.talks.answer(ch, "dcg-1", True)
    at("2028-03-09T12:00")
    qar.talks.counter(
        ch,
        "dcg-1",
        start="2028-03-22T15:00:00+04:00",
        note="Our delegation is at the Novruz ceremonies on 21 March.",
    )
    at("2028-03-09T15:00")
    officer.talks.answer(ch, "dcg-1", True)
    at("2028-03-10T09:30")
    var.talks.answer(ch, "dcg-1", True)

    # --- meeting 1 held ----------------------------------------------------------------
    at("2028-03-22T14:00")
    var.talks.raise_item(
        ch,
        "dcg-1",
        "map-exchange",
        "Exchange of minefield maps",
        topic="maps",
        text="Both sides hand over the maps of the minefields they laid along the line.",
    )
    at("2028-03-22T14:20")
    qar.talks.answer_item(ch, "dcg-1", "map-exchange", True)
    at("2028-03-22T14:30")
    qar.talks.raise_item(
        ch,
        "dcg-1",
        "livestock-compensation",
        "Compensation for livestock killed by mines",
        topic="clearance",
        text="Forty-one cows and sheep of Dağkənd farmers were killed by mines since 2026.",
    )
    at("2028-03-22T14:45")
    var.talks.answer_item(
        ch,
        "dcg-1",
        "livestock-compensation",
        False,
        "Compensation is a matter for the political talks, not for deminers.",
    )
    at("2028-03-22T19:00")
    held_1 = head.talks.record_held(
        ch,
        "dcg-1",
        started="2028-03-22T15:10:00+04:00",
        ended="2028-03-22T18:20:00+04:00",
        venue=BEREZOVKA,
        chair="Ingrid Halvorsen",
        attendees=everyone,
    ).entry_id

    items_1: list[dict[str, Any]] = [
        {
            "item": "sector7-maps",
            "summary": "Minefield maps of Sector 7.",
            "outcome": "Agreed: the Qaraçay side hands over the maps of Sector 7 by 15 April.",
        },
        {
            "item": "orchard-road",
            "summary": "Clearance of the orchard road at Lernashen, 2.3 km long.",
            "positions": {
                "vardenik": "The road must be open before the apricot harvest.",
                "qaracay": "The road must be checked by both sides after clearance.",
            },
            "outcome": "Agreed: the Vardenik side clears the orchard road by 10 April.",
        },
        {
            "item": "map-exchange",
            "summary": "Exchange of minefield maps, raised by the Vardenik side; the "
            "Qaraçay side said Vardenik maps from 2024 were false.",
            "outcome": "Agreed in principle; details at the next meeting.",
        },
        {
            "item": "livestock-compensation",
            "summary": "Raised by the Qaraçay side; declined by the Vardenik side.",
            "outcome": "Not discussed.",
        },
    ]
    at("2028-03-22T21:00")
    officer.talks.draft_minutes(ch, "dcg-1", items_1, general="Chaired by Ingrid Halvorsen.")
    at("2028-03-23T09:00")
    var.talks.sign_minutes(ch, "dcg-1", 1)
    at("2028-03-23T10:30")
    refusal_1, _ = qar.send(
        ch,
        to="malo",
        priority="routine",
        topic="maps",
        subject="Minutes of 22 March, version 1",
        text="We will not sign version 1: it puts in our mouth that the Vardenik maps of 2024 "
        "were false, which we did not say in those words.",
    )
    at("2028-03-23T11:00")
    officer.mark_delivered(ch)
    at("2028-03-23T11:20")
    head.acknowledge(ch, refusal_1.id, "Noted; a corrected version follows.")
    at("2028-03-23T16:00")
    items_1[2]["summary"] = "Exchange of minefield maps, raised by the Vardenik side."
    officer.talks.draft_minutes(ch, "dcg-1", items_1, general="Chaired by Ingrid Halvorsen.")
    at("2028-03-24T09:00")
    qar.talks.sign_minutes(ch, "dcg-1", 2)
    at("2028-03-24T11:00")
    var.talks.sign_minutes(ch, "dcg-1", 2)
    at("2028-03-24T12:00")
    head.talks.sign_minutes(ch, "dcg-1", 2)

    at("2028-03-24T14:00")
    maps_c = head.talks.add_commitment(
        ch,
        "sector7-maps",
        owner="qaracay",
        meeting="dcg-1",
        agenda_item="sector7-maps",
        text="Hand over the minefield maps of Sector 7 to the MALO.",
        due="2028-04-15T18:00:00+04:00",
    ).entry_id
    head.talks.add_commitment(
        ch,
        "orchard-road",
        owner="vardenik",
        meeting="dcg-1",
        agenda_item="orchard-road",
        text="Clear the orchard road at Lernashen of mines.",
        due="2028-04-10T18:00:00+04:00",
    )

    # --- the first communiqué -----------------------------------------------------------
    at("2028-03-27T10:00")
    officer.disclosures.draft_communique(ch, "communique-2028-03-22", COMMUNIQUE_1, "dcg-1")
    at("2028-03-27T15:00")
    var.disclosures.sign_communique(ch, "communique-2028-03-22", 1)
    at("2028-03-28T09:00")
    qar.disclosures.sign_communique(ch, "communique-2028-03-22", 1)
    at("2028-03-29T11:00")
    head.disclosures.sign_communique(ch, "communique-2028-03-22", 1)

    # --- a test of the liaison line --------------------------------------------------
    at("2028-03-30T10:00")
    tests = {}
    for party in ("vardenik", "qaracay"):
        tests[party], _ = officer.send(
            ch,
            to=party,
            priority="urgent",
            topic="safety",
            subject="Test of the liaison line",
            text="This is a test of the liaison line between the demining teams. Please "
            "acknowledge.",
        )
    at("2028-03-30T10:06")
    var_dem.mark_delivered(ch)
    var_dem.acknowledge(ch, tests["vardenik"].id, "Test received.")
    at("2028-03-30T12:00")
    qar_dem.mark_delivered(ch)
    at("2028-03-30T14:10")
    qar_dem.acknowledge(ch, tests["qaracay"].id, "Test received.")

    at("2028-04-07T16:00")
    var.talks.report(ch, "orchard-road", "The orchard road was cleared; 14 mines destroyed.")

    # --- a flash: explosion near Sector 7 -------------------------------------------
    at("2028-04-11T02:10")
    blast, _ = qar_dem.send(
        ch,
        to="vardenik",
        priority="flash",
        topic="safety",
        subject="Explosion near Sector 7",
        text="An explosion on the orchard road near Dağkənd. Keep your teams away from the "
        "road until it is checked.",
    )
    at("2028-04-11T02:12")
    var_dem.mark_delivered(ch)
    at("2028-04-11T02:13")
    var_dem.acknowledge(ch, blast.id, "Received; our teams are withdrawn.")

    at("2028-04-12T11:00")
    road_disp = qar.talks.dispute(
        ch,
        "orchard-road",
        "An anti-tank mine went off on the orchard road on 11 April: the road is not cleared.",
    ).entry_id

    # --- meeting 2: direct, at the Zarechnoye bridge ----------------------------------
    at("2028-04-12T15:00")
    qar.talks.propose(
        ch,
        "dcg-2",
        start="2028-04-18T09:00:00+04:00",
        venue=BRIDGE,
        format="direct",
        agenda=[
            _item("clearance", "road-check", "Joint check of the orchard road"),
            _item("marking", "sector7-fence", "Fencing of the edge of Sector 7"),
        ],
        attendees={
            "vardenik": ["Armen Sargsyan", "Lilit Avetisyan"],
            "qaracay": ["Elçin Quliyev", "Günel Əliyeva"],
        },
    )
    at("2028-04-13T10:00")
    var.talks.answer(ch, "dcg-2", True)

    at("2028-04-14T12:00")
    deminers, _ = qar.send(
        ch,
        to="malo",
        priority="routine",
        topic="safety",
        subject="Deminers for 18 April",
        text="Our team at the bridge: Günel Əliyeva and four deminers. Please pass the list "
        "to the Vardenik side.",
    )
    at("2028-04-15T09:30")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, deminers.id, "Received; passed on.")

    # --- meeting 2 held at the bridge ----------------------------------------------------
    at("2028-04-18T08:30")
    var.talks.propose_item(ch, "dcg-2", "lane-marking", "marking", "Marking of cleared lanes")
    at("2028-04-18T08:45")
    qar.talks.answer_item(ch, "dcg-2", "lane-marking", True)
    at("2028-04-18T14:00")
    officer.talks.record_held(
        ch,
        "dcg-2",
        started="2028-04-18T09:20:00+04:00",
        ended="2028-04-18T12:10:00+04:00",
        attendees={
            "vardenik": ["Armen Sargsyan", "Lilit Avetisyan"],
            "qaracay": ["Elçin Quliyev", "Günel Əliyeva"],
        },
    )
    at("2028-04-18T18:00")
    officer.talks.draft_minutes(
        ch,
        "dcg-2",
        [
            {
                "item": "road-check",
                "summary": "Joint check of the orchard road.",
                "outcome": "Two more anti-tank mines found at the eastern end of the road; "
                "the road stays closed.",
            },
            {
                "item": "sector7-fence",
                "summary": "Fencing of the edge of Sector 7.",
                "outcome": "Agreed: the Qaraçay side fences the edge of Sector 7 by 31 May.",
            },
            {
                "item": "lane-marking",
                "summary": "Marking of cleared lanes, proposed by the Vardenik side.",
                "outcome": "Agreed: the Vardenik side sends a clearance report with marked "
                "lanes on the first day of each month.",
            },
        ],
    )
    at("2028-04-19T09:00")
    var.talks.sign_minutes(ch, "dcg-2", 1)
    at("2028-04-19T12:00")
    qar.talks.sign_minutes(ch, "dcg-2", 1)

    at("2028-04-19T14:00")
    head.talks.add_commitment(
        ch,
        "clearance-reports",
        owner="vardenik",
        meeting="dcg-2",
        agenda_item="lane-marking",
        text="Send a clearance report with the marked lanes on the first day of each month, "
        "starting 1 May.",
        due="2028-05-01T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "sector7-fence",
        owner="qaracay",
        meeting="dcg-2",
        agenda_item="sector7-fence",
        text="Fence the edge of Sector 7 along the orchard road.",
        due="2028-05-31T18:00:00+04:00",
    )

    at("2028-04-20T17:00")
    maps_rep = qar.talks.report(
        ch, "sector7-maps", "The maps of Sector 7 were handed to the MALO on 20 April."
    ).entry_id
    at("2028-04-24T10:00")
    maps_conf = var.talks.confirm(
        ch, "sector7-maps", "We received copies of the maps from the MALO."
    ).entry_id

    # --- mandate extension: mine-risk education ---------------------------------------
    at("2028-05-02T10:00")
    head.talks.extend_mandate(
        ch,
        "schools",
        "Mine-risk education in schools",
        "Asked by both sides after children were seen in the orchards.",
    )
    at("2028-05-03T11:00")
    var.talks.sign_extension(ch, "schools")
    at("2028-05-05T15:00")
    qar.talks.sign_extension(ch, "schools")

    # --- the first session and the maps opened to the public --------------------------
    at("2028-05-08T12:00")
    head.disclosures.propose(
        ch,
        "open-first-session",
        [held_1, maps_c, maps_rep, maps_conf],
        "public",
        "Farmers on both sides must know that the maps of Sector 7 were handed over.",
    )
    at("2028-05-10T10:00")
    var.disclosures.sign(ch, "open-first-session")
    at("2028-05-10T16:00")
    qar.disclosures.sign(ch, "open-first-session")

    # --- an urgent message never acknowledged ---------------------------------------
    at("2028-05-10T22:00")
    var_dem.send(
        ch,
        to="qaracay",
        priority="urgent",
        topic="clearance",
        subject="Mines carried by the flood",
        text="The flood has carried mines from the river bank towards the Zarechnoye bridge. "
        "Close the bridge road on your side.",
    )
    at("2028-05-10T22:25")
    qar_dem.mark_delivered(ch)

    # --- meeting 3: the school declined, Berezovka agreed ----------------------------
    at("2028-05-12T10:00")
    agenda_3 = [
        _item("safety", "medevac-route", "A route for medical evacuation"),
        _item("schools", "school-leaflets", "Leaflets on mine risk for schools"),
    ]
    attendees_3 = {
        "malo": ["Pavel Orlov"],
        "vardenik": ["Armen Sargsyan", "Lilit Avetisyan"],
        "qaracay": ["Elçin Quliyev", "Günel Əliyeva"],
    }
    first_3, _ = head.talks.propose(
        ch,
        "dcg-3",
        start="2028-05-25T10:00:00+04:00",
        venue=SCHOOL,
        format="chaired",
        agenda=agenda_3,
        attendees=attendees_3,
    )
    at("2028-05-12T16:00")
    var.talks.answer(ch, "dcg-3", True)
    at("2028-05-13T11:00")
    qar.talks.answer(
        ch,
        "dcg-3",
        False,
        "Our delegation cannot cross the line to Lernashen without guarantees.",
    )
    at("2028-05-15T10:00")
    head.talks.propose(
        ch,
        "dcg-3",
        start="2028-05-26T10:00:00+04:00",
        venue=BEREZOVKA,
        format="chaired",
        agenda=agenda_3,
        attendees=attendees_3,
        supersedes=first_3,
        note="Moved to Berezovka at the request of the Qaraçay side.",
    )
    at("2028-05-15T15:00")
    qar.talks.answer(ch, "dcg-3", True)
    at("2028-05-16T09:00")
    var.talks.answer(ch, "dcg-3", True)

    # --- a question relayed through MALO ---------------------------------------------
    at("2028-05-19T10:00")
    question, _ = qar.send(
        ch,
        to="malo",
        priority="routine",
        topic="clearance",
        subject="List of cleared plots",
        text="Please ask the Vardenik side for the list of plots cleared near Lernashen since "
        "March.",
    )
    at("2028-05-19T11:00")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, question.id, "Received; passing it on.")
    relayed, _ = officer.send(
        ch,
        to="vardenik",
        priority="routine",
        relay_of=question.id,
        subject="Relayed: list of cleared plots",
        text="Relayed from the Qaraçay side: a request for the list of plots cleared near "
        "Lernashen since March.",
    )
    at("2028-05-20T09:00")
    var_dem.mark_delivered(ch)
    var_dem.acknowledge(ch, relayed.id, "Received; the list will be given on 26 May.")

    at("2028-05-20T16:00")
    qar.talks.report(ch, "sector7-fence", "The edge of Sector 7 is fenced over 1.8 km.")

    # --- meeting 3 held in Berezovka ------------------------------------------------
    at("2028-05-26T09:00")
    qar.talks.raise_item(
        ch,
        "dcg-3",
        "injured-deminers",
        "Medical evacuation of injured deminers",
        topic="safety",
        text="An injured deminer must reach the nearest hospital across the line within an hour.",
    )
    at("2028-05-26T09:20")
    var.talks.answer_item(ch, "dcg-3", "injured-deminers", True)
    at("2028-05-26T09:30")
    qar.talks.propose_item(ch, "dcg-3", "joint-teams", "clearance", "Joint demining teams")
    at("2028-05-26T09:50")
    var.talks.answer_item(
        ch,
        "dcg-3",
        "joint-teams",
        False,
        "Our law does not allow foreign deminers to work on our side.",
    )
    at("2028-05-26T15:00")
    officer.talks.record_held(
        ch,
        "dcg-3",
        started="2028-05-26T10:15:00+04:00",
        ended="2028-05-26T13:00:00+04:00",
        venue=BEREZOVKA,
        chair="Pavel Orlov",
        attendees={
            "malo": ["Pavel Orlov"],
            "vardenik": ["Armen Sargsyan"],
            "qaracay": ["Elçin Quliyev", "Günel Əliyeva"],
        },
    )
    at("2028-05-26T18:00")
    officer.talks.draft_minutes(
        ch,
        "dcg-3",
        [
            {
                "item": "medevac-route",
                "summary": "A route for medical evacuation.",
                "outcome": "Agreed: the Vardenik side marks a medevac route from Sector 7 to "
                "the Zarechnoye bridge.",
            },
            {
                "item": "school-leaflets",
                "summary": "Leaflets on mine risk for schools.",
                "outcome": "Agreed: the Qaraçay side prints leaflets for the schools of both "
                "sides.",
            },
            {
                "item": "injured-deminers",
                "summary": "Medical evacuation of injured deminers, raised by the Qaraçay side.",
                "outcome": "Agreed: injured deminers cross at the Zarechnoye bridge with a "
                "MALO escort.",
            },
            {
                "item": "joint-teams",
                "summary": "Joint demining teams, proposed by the Qaraçay side.",
                "outcome": "Declined by the Vardenik side.",
            },
        ],
        general="Chaired by Pavel Orlov.",
    )
    at("2028-05-27T10:00")
    qar.talks.sign_minutes(ch, "dcg-3", 1)
    at("2028-05-27T12:00")
    var.talks.sign_minutes(ch, "dcg-3", 1)
    at("2028-05-29T09:00")
    head.talks.sign_minutes(ch, "dcg-3", 1)

    at("2028-05-29T11:00")
    head.talks.add_commitment(
        ch,
        "medevac-route",
        owner="vardenik",
        meeting="dcg-3",
        agenda_item="medevac-route",
        text="Mark a medevac route from Sector 7 to the Zarechnoye bridge.",
        due="2028-07-31T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "school-leaflets",
        owner="qaracay",
        meeting="dcg-3",
        agenda_item="school-leaflets",
        text="Print mine-risk leaflets for the schools of both sides.",
        due="2028-08-31T18:00:00+04:00",
    )

    # --- a second communiqué, never signed by Qaraçay --------------------------------
    at("2028-05-30T10:00")
    officer.disclosures.draft_communique(ch, "communique-2028-05-26", COMMUNIQUE_2, "dcg-3")
    at("2028-05-30T15:00")
    head.disclosures.sign_communique(ch, "communique-2028-05-26", 1)
    at("2028-05-31T10:00")
    var.disclosures.sign_communique(ch, "communique-2028-05-26", 1)

    at("2028-06-02T12:00")
    qar.disclosures.unilateral(
        ch,
        "The Qaraçay side regrets that an anti-tank mine went off on the orchard road near "
        "Dağkənd on 11 April, after the road was declared cleared.",
        "en",
        source="Press release of the Qaraçay side, 2 June 2028",
    )

    # --- a flash acknowledged late ----------------------------------------------------
    at("2028-06-08T23:40")
    fire, _ = var_dem.send(
        ch,
        to="qaracay",
        priority="flash",
        topic="safety",
        subject="Fire in Sector 7",
        text="A grass fire is moving through Sector 7 and mines are going off. Keep people "
        "away from the orchard road.",
    )
    at("2028-06-08T23:47")
    qar_dem.mark_delivered(ch)
    at("2028-06-09T00:30")
    qar_dem.acknowledge(ch, fire.id, "Received; the road is closed on our side.")

    # --- meeting 4 ---------------------------------------------------------------------
    at("2028-06-12T10:00")
    head.talks.propose(
        ch,
        "dcg-4",
        start="2028-06-21T11:00:00+04:00",
        venue=BEREZOVKA,
        format="chaired",
        agenda=[
            _item("schools", "risk-lessons", "Mine-risk lessons in schools"),
            _item("safety", "sector7-fire", "The fire in Sector 7 on 8 June"),
        ],
        attendees=everyone,
    )
    at("2028-06-12T14:00")
    var.talks.answer(ch, "dcg-4", True)
    at("2028-06-13T09:00")
    qar.talks.answer(ch, "dcg-4", True)

    at("2028-06-19T10:00")
    notes = {}
    for party in ("vardenik", "qaracay"):
        notes[party], _ = officer.send(
            ch,
            to=party,
            priority="routine",
            topic="schools",
            subject="Papers for 21 June",
            text="Attached: the draft lesson plan from the education experts for 21 June.",
        )
    at("2028-06-20T08:00")
    var_dem.mark_delivered(ch)
    var.acknowledge(ch, notes["vardenik"].id, "Received.")
    at("2028-06-20T09:00")
    qar_dem.mark_delivered(ch)

    at("2028-06-21T16:00")
    head.talks.record_held(
        ch,
        "dcg-4",
        started="2028-06-21T11:10:00+04:00",
        ended="2028-06-21T13:40:00+04:00",
        venue=BEREZOVKA,
        chair="Ingrid Halvorsen",
        attendees=everyone,
    )
    items_4: list[dict[str, Any]] = [
        {
            "item": "risk-lessons",
            "summary": "Mine-risk lessons in schools.",
            "outcome": "Agreed: MALO experts give lessons in six schools, three on each side, "
            "in September.",
        },
        {
            "item": "sector7-fire",
            "summary": "The fire in Sector 7 on 8 June.",
            "outcome": "Eleven mines went off in the fire; the fence on the Qaraçay side was "
            "damaged over 300 metres.",
        },
    ]
    at("2028-06-21T19:00")
    officer.talks.draft_minutes(ch, "dcg-4", items_4, general="Chaired by Ingrid Halvorsen.")
    at("2028-06-22T10:00")
    qar.talks.sign_minutes(ch, "dcg-4", 1)
    at("2028-06-22T15:00")
    items_4[1]["outcome"] = (
        "Eleven mines went off in the fire; the fence on the Qaraçay side was damaged over "
        "300 metres; no one was hurt."
    )
    officer.talks.draft_minutes(ch, "dcg-4", items_4, general="Chaired by Ingrid Halvorsen.")
    at("2028-06-23T09:00")
    var.talks.sign_minutes(ch, "dcg-4", 2)
    at("2028-06-23T11:00")
    qar.talks.sign_minutes(ch, "dcg-4", 2)
    at("2028-06-23T12:00")
    head.talks.sign_minutes(ch, "dcg-4", 2)

    # --- Qaraçay tries to open the orchard-road dispute --------------------------------
    at("2028-06-26T10:00")
    qar.disclosures.propose(
        ch,
        "open-road-dispute",
        [road_disp],
        "public",
        "Farmers must know that the orchard road is not safe.",
    )

    # --- the next meeting, agreed and opened --------------------------------------------
    at("2028-07-03T10:00")
    next_id, _ = head.talks.propose(
        ch,
        "dcg-5",
        start="2028-07-13T10:00:00+04:00",
        venue=BRIDGE,
        format="chaired",
        agenda=[_item("clearance"), _item("marking"), _item("schools", "risk-lessons")],
        attendees=everyone,
    )
    at("2028-07-04T11:00")
    next_a = var.talks.answer(ch, "dcg-5", True).entry_id
    at("2028-07-05T10:00")
    next_q = qar.talks.answer(ch, "dcg-5", True).entry_id
    at("2028-07-06T11:00")
    head.disclosures.propose(
        ch,
        "open-next-meeting",
        [next_id, next_a, next_q],
        "public",
        "The date and place of the next meeting are to be public.",
    )
    at("2028-07-07T10:00")
    var.disclosures.sign(ch, "open-next-meeting")
    at("2028-07-10T15:00")
    qar.disclosures.sign(ch, "open-next-meeting")
    at("2028-07-12T12:00")
