"""A cross-line utilities technical group (held-out story; fiction).

The Utilities Facilitation Mission (UFM, the mediator) facilitates the Joint Technical
Group on Cross-Line Utilities between the sides of Arpeni and Sarıyal: the gas valve
station at Kalinovka, the 110 kV power line between the Marmar substation and the village
Arpeni calls Dzoraget and Sarıyal calls Dərəkənd, safety of repair crews, meter readings,
access to the substation, gas for the winter and (by a mandate extension) a shared
telephone mast. Every place, side and person is invented. Local time is UTC+4; the story
runs from Monday 3 May to Friday 10 September 2027.

- Meeting 1 (utg-1): proposed by the UFM for Tue 18 May, 10:00, at the UFM office in
  Sosnovka; Sarıyal's counter-proposal moves it to Wed 19 May, 14:00; held, chaired by
  Helena Voss. "Safety of repair crews" raised by Arpeni, accepted by Sarıyal; "Payment
  for gas delivered last winter" raised by Sarıyal, declined by Arpeni. Minutes v1 signed
  by Sarıyal only (Arpeni refuses it by letter), v2 signed by all three. Commitments:
  repair of the Kalinovka valve by Sarıyal (confirmed; made public), written safety
  guarantees for the crew at tower 14 by Arpeni (reported, disputed). Communiqué in en,
  ru, hy, az, published.
- Messages: a test of the dispatcher line on 25 May (Arpeni acknowledges in 7 minutes,
  Sarıyal after five hours); a flash from Sarıyal on a gas pressure drop (acknowledged in
  4 minutes); a list of engineers (routine, acknowledged the next day); an urgent Sarıyal
  message on a fallen cable (delivered, never acknowledged); a relayed question; a flash
  on a gas smell acknowledged after 45 minutes; agenda notices (one never acknowledged).
- Meeting 2 (utg-2): direct, without the UFM, proposed by Arpeni as a joint inspection at
  tower 14 near Marmar, Thu 10 June; held there. "Exchange of meter readings" proposed by
  Sarıyal, accepted. Minutes v1 signed by both parties. Commitments: monthly meter readings
  by Arpeni (never reported: overdue), repair of tower 14 by Sarıyal (reported, not
  confirmed).
- Mandate extension: a shared telephone mast at Marmar, signed by both parties.
- Meeting 3 (utg-3): proposed by the UFM for Thu 8 July at the Kalinovka valve station;
  declined by Arpeni; a new version for Fri 9 July at the UFM office in Sosnovka accepted
  by both; held there, chaired by Andrei Sokolov, without Sarıyal's Leyla Hasanova.
  "Access to the Marmar substation" raised by Arpeni, accepted; "A joint dispatch centre"
  proposed by Arpeni, declined by Sarıyal. Minutes v1 signed by all three. Commitments:
  substation access by Sarıyal (reported, disputed), switching the line on by Arpeni
  (open), winter gas plan by Sarıyal (open). A second communiqué (en, ru) signed by the
  UFM and Sarıyal only: never published.
- Meeting 4 (utg-4): Wed 18 August at the UFM office in Sosnovka, chaired by Helena Voss;
  the telephone mast. Minutes v1 signed by Arpeni only, v2 by all three.
- Next meeting agreed for Thu 16 September at the Marmar substation (opened to the
  public); Sarıyal's proposal to open the dispute over the crew guarantees gets no other
  signature.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "cross-line-utilities-group"
START = datetime(2027, 5, 3, 5, 0, tzinfo=UTC)  # Monday 3 May 2027, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    (
        "ufm-head",
        "ufm",
        "head",
        "Helena Voss",
        "Head of the Utilities Facilitation Mission, facilitator of the Group",
    ),
    (
        "ufm-officer",
        "ufm",
        "member",
        "Andrei Sokolov",
        "Technical officer of the Utilities Facilitation Mission",
    ),
    ("arpeni-head", "arpeni", "head", "Hovhannes Grigoryan", "Head of the Arpeni side"),
    (
        "arpeni-engineer",
        "arpeni",
        "member",
        "Anahit Petrosyan",
        "Chief dispatcher, Arpeni side",
    ),
    ("sariyal-head", "sariyal", "head", "Tofiq Mammadov", "Head of the Sarıyal side"),
    (
        "sariyal-engineer",
        "sariyal",
        "member",
        "Leyla Hasanova",
        "Chief dispatcher, Sarıyal side",
    ),
]

SIDES = {
    "ufm": ("Utilities Facilitation Mission", "mediator"),
    "arpeni": ("Arpeni side", "party"),
    "sariyal": ("Sarıyal side", "party"),
}

MANDATE = [
    {"id": "gas", "title": "Gas supply across the line"},
    {"id": "power", "title": "The power line and the Marmar substation"},
    {"id": "crews", "title": "Access and safety of repair crews"},
    {"id": "metering", "title": "Meters, readings and payments"},
]

GLOSSARY = [
    {
        "id": "ufm",
        "kind": "side",
        "names": {
            "en": "Utilities Facilitation Mission",
            "ru": "Миссия содействия по коммунальным службам",
            "hy": "Կոմունալ ծառայությունների աջակցության առաքելություն",
            "az": "Kommunal Xidmətlər üzrə Yardım Missiyası",
        },
    },
    {
        "id": "arpeni",
        "kind": "side",
        "names": {"en": "Arpeni", "ru": "Арпени", "hy": "Արփենի", "az": "Arpeni"},
    },
    {
        "id": "sariyal",
        "kind": "side",
        "names": {"en": "Sarıyal", "ru": "Сарыял", "hy": "Սարըյալ", "az": "Sarıyal"},
    },
    {
        "id": "dzoraget",
        "kind": "place",
        "names": {
            "en": "Dzoraget / Dərəkənd",
            "ru": "Дзорагет / Дерекенд",
            "hy": "Ձորագետ / Դարաքենդ",
            "az": "Dərəkənd / Dzoraget",
        },
        "forms": {
            "arpeni": {"en": "Dzoraget", "ru": "Дзорагет", "hy": "Ձորագետ"},
            "sariyal": {"en": "Dərəkənd", "ru": "Дерекенд", "az": "Dərəkənd"},
        },
        "note": "The village at the far end of the 110 kV line from Marmar.",
    },
    {
        "id": "sosnovka",
        "kind": "place",
        "names": {"en": "Sosnovka", "ru": "Сосновка", "hy": "Սոսնովկա", "az": "Sosnovka"},
    },
    {
        "id": "marmar",
        "kind": "place",
        "names": {"en": "Marmar", "ru": "Мармар", "hy": "Մարմար", "az": "Mərmər"},
    },
    {
        "id": "kalinovka",
        "kind": "place",
        "names": {"en": "Kalinovka", "ru": "Калиновка", "hy": "Կալինովկա", "az": "Kalinovka"},
    },
]

SOSNOVKA = "UFM office, Sosnovka"
KALINOVKA = "Gas valve station, Kalinovka"
TOWER = "Tower 14 of the power line, near Marmar"
MARMAR = "Marmar substation"

COMMUNIQUE_1 = {
    "en": "On 19 May 2027 the Joint Technical Group on Cross-Line Utilities met at the "
    "office of the Utilities Facilitation Mission in Sosnovka. The sides of Arpeni and "
    "Sarıyal agreed that the Sarıyal side will repair the gas valve station at Kalinovka "
    "by 15 June. They also agreed to restore the 110 kV power line between Marmar and "
    "Dzoraget before the winter.",
    "ru": "19 мая 2027 года Совместная техническая группа по коммунальным службам по обе "
    "стороны линии собралась в офисе Миссии содействия по коммунальным службам в "
    "Сосновке. Стороны Арпени и Сарыяла договорились, что сторона Сарыяла отремонтирует "
    "газораспределительную станцию в Калиновке до 15 июня. Они также договорились "
    "восстановить линию электропередачи 110 кВ между Мармаром и Дзорагетом до зимы.",
    "hy": "2027 թվականի մայիսի 19-ին Կոմունալ ծառայությունների համատեղ տեխնիկական խումբը "
    "հավաքվեց Սոսնովկայում՝ Կոմունալ ծառայությունների աջակցության առաքելության "
    "գրասենյակում։ Արփենիի և Սարըյալի կողմերը համաձայնեցին, որ Սարըյալի կողմը մինչև "
    "հունիսի 15-ը կվերանորոգի Կալինովկայի գազի փականային կայանը։ Նրանք համաձայնեցին նաև "
    "մինչև ձմեռ վերականգնել Մարմար–Ձորագետ 110 կՎ էլեկտրահաղորդման գիծը։",
    "az": "2027-ci il mayın 19-da Xətt boyu Kommunal Xidmətlər üzrə Birgə Texniki Qrup "
    "Sosnovkada Kommunal Xidmətlər üzrə Yardım Missiyasının ofisində toplaşıb. Arpeni və "
    "Sarıyal tərəfləri razılaşıblar ki, Sarıyal tərəfi Kalinovkadakı qaz klapan "
    "stansiyasını iyunun 15-dək təmir edəcək. Onlar həmçinin Mərmər ilə Dərəkənd arasındakı "
    "110 kV-luq elektrik xəttini qışa qədər bərpa etməyə razılaşıblar.",
}

COMMUNIQUE_2 = {
    "en": "On 9 July 2027 the Joint Technical Group on Cross-Line Utilities met in "
    "Sosnovka. The sides agreed that engineers of the Arpeni side will have access to the "
    "Marmar substation. The 110 kV line will be switched on by 15 September.",
    "ru": "9 июля 2027 года Совместная техническая группа по коммунальным службам собралась "
    "в Сосновке. Стороны договорились, что инженеры стороны Арпени получат доступ к "
    "подстанции Мармар. Линия 110 кВ будет включена до 15 сентября.",
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
        "title": "Joint Technical Group on Cross-Line Utilities: Arpeni and Sarıyal",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 300, "urgent": 3600, "routine": 86400},
        "default_disclosure": "confidential",
        "glossary": GLOSSARY,
    }


def _item(topic: str, item: str | None = None, title: str | None = None) -> dict[str, str]:
    titles = {t["id"]: t["title"] for t in MANDATE}
    titles["telecom"] = "A shared telephone mast at Marmar"
    return {"id": item or topic, "topic": topic, "title": title or titles[topic]}


def play(member: Any, clock: Any) -> None:
    ch = CHANNEL

    def at(local: str) -> None:
        """Move the story's clock forward to a local (UTC+4) time."""
        target = datetime.fromisoformat(local).replace(tzinfo=UTC) - LOCAL
        delta = (target - clock.now()).total_seconds()
        assert delta >= 0, local
        clock.advance(seconds=delta)

    head, officer = member("ufm-head"), member("ufm-officer")
    arp, arp_eng = member("arpeni-head"), member("arpeni-engineer")
    sar, sar_eng = member("sariyal-head"), member("sariyal-engineer")
    everyone = {
        "ufm": ["Helena Voss", "Andrei Sokolov"],
        "arpeni": ["Hovhannes Grigoryan", "Anahit Petrosyan"],
        "sariyal": ["Tofiq Mammadov", "Leyla Hasanova"],
    }

    # --- meeting 1: proposed for 18 May, moved by Sarıyal to 19 May ---------------------
    at("2027-05-04T11:00")
    head.talks.propose(
        ch,
        "utg-1",
        start="2027-05-18T10:00:00+04:00",
        venue=SOSNOVKA,
        format="chaired",
        agenda=[
            _item("gas", "kalinovka-valve", "Repair of the gas valve station at Kalinovka"),
            _item("power", "line-restoration", "Restoring the 110 kV line Marmar–Dzoraget"),
        ],
        attendees=everyone,
    )
    at("2027-05-05T10:00")
    arp.talks.answer(ch, "utg-1", True)
    at("2027-05-06T12:00")
    sar.talks.counter(
        ch,
        "utg-1",
        start="2027-05-19T14:00:00+04:00",
        note="Our delegation cannot reach Sosnovka before the afternoon of 19 May.",
    )
    at("2027-05-06T15:00")
    officer.talks.answer(ch, "utg-1", True)
    at("2027-05-07T09:30")
    arp.talks.answer(ch, "utg-1", True)

    # --- meeting 1 held -----------------------------------------------------------------
    at("2027-05-19T13:00")
    arp.talks.raise_item(
        ch,
        "utg-1",
        "crew-safety",
        "Safety of repair crews",
        topic="crews",
        text="Written guarantees for the crews repairing tower 14 near Marmar.",
    )
    at("2027-05-19T13:20")
    sar.talks.answer_item(ch, "utg-1", "crew-safety", True)
    at("2027-05-19T13:30")
    sar.talks.raise_item(
        ch,
        "utg-1",
        "gas-payment",
        "Payment for gas delivered last winter",
        topic="metering",
        text="Arpeni owes for 2.4 million cubic metres of gas delivered from December to March.",
    )
    at("2027-05-19T13:45")
    arp.talks.answer_item(
        ch,
        "utg-1",
        "gas-payment",
        False,
        "Payments belong to the economic talks, not to this technical group.",
    )
    at("2027-05-19T18:00")
    held_1 = head.talks.record_held(
        ch,
        "utg-1",
        started="2027-05-19T14:10:00+04:00",
        ended="2027-05-19T17:30:00+04:00",
        venue=SOSNOVKA,
        chair="Helena Voss",
        attendees=everyone,
    ).entry_id

    items_1: list[dict[str, Any]] = [
        {
            "item": "kalinovka-valve",
            "summary": "Repair of the gas valve station at Kalinovka, damaged in March.",
            "outcome": "Agreed: the Sarıyal side repairs the valve station by 15 June.",
        },
        {
            "item": "line-restoration",
            "summary": "Restoring the 110 kV line between Marmar and Dzoraget.",
            "positions": {
                "arpeni": "The line must be back before the heating season.",
                "sariyal": "Tower 14 must be repaired first.",
            },
            "outcome": "Agreed: a joint inspection of tower 14 in June.",
        },
        {
            "item": "crew-safety",
            "summary": "Safety of repair crews, raised by the Arpeni side; the Sarıyal "
            "side blamed Arpeni units for shots near the crew in April.",
            "outcome": "Agreed: the Arpeni side gives written safety guarantees for the crew "
            "at tower 14.",
        },
        {
            "item": "gas-payment",
            "summary": "Raised by the Sarıyal side; declined by the Arpeni side.",
            "outcome": "Not discussed.",
        },
    ]
    at("2027-05-19T20:00")
    officer.talks.draft_minutes(ch, "utg-1", items_1, general="Chaired by Helena Voss.")
    at("2027-05-20T09:00")
    sar.talks.sign_minutes(ch, "utg-1", 1)
    at("2027-05-20T10:30")
    refusal_1, _ = arp.send(
        ch,
        to="ufm",
        priority="routine",
        topic="crews",
        subject="Minutes of 19 May, version 1",
        text="We will not sign version 1: it says our units fired near the crew in April, "
        "which we never accepted.",
    )
    at("2027-05-20T11:00")
    officer.mark_delivered(ch)
    at("2027-05-20T11:15")
    head.acknowledge(ch, refusal_1.id, "Noted; a corrected version follows.")
    at("2027-05-20T16:00")
    items_1[2]["summary"] = "Safety of repair crews, raised by the Arpeni side."
    officer.talks.draft_minutes(ch, "utg-1", items_1, general="Chaired by Helena Voss.")
    at("2027-05-21T09:00")
    arp.talks.sign_minutes(ch, "utg-1", 2)
    at("2027-05-21T11:00")
    sar.talks.sign_minutes(ch, "utg-1", 2)
    at("2027-05-21T12:00")
    head.talks.sign_minutes(ch, "utg-1", 2)

    at("2027-05-21T14:00")
    valve_c = head.talks.add_commitment(
        ch,
        "valve-repair",
        owner="sariyal",
        meeting="utg-1",
        agenda_item="kalinovka-valve",
        text="Repair the gas valve station at Kalinovka.",
        due="2027-06-15T18:00:00+04:00",
    ).entry_id
    head.talks.add_commitment(
        ch,
        "crew-guarantees",
        owner="arpeni",
        meeting="utg-1",
        agenda_item="crew-safety",
        text="Give written safety guarantees for the Sarıyal repair crew at tower 14.",
        due="2027-05-31T18:00:00+04:00",
    )

    # --- the first communiqué -----------------------------------------------------------
    at("2027-05-22T10:00")
    officer.disclosures.draft_communique(ch, "communique-2027-05-19", COMMUNIQUE_1, "utg-1")
    at("2027-05-22T15:00")
    sar.disclosures.sign_communique(ch, "communique-2027-05-19", 1)
    at("2027-05-24T09:00")
    arp.disclosures.sign_communique(ch, "communique-2027-05-19", 1)
    at("2027-05-24T11:00")
    head.disclosures.sign_communique(ch, "communique-2027-05-19", 1)

    # --- a test of the dispatcher line --------------------------------------------------
    at("2027-05-25T10:00")
    tests = {}
    for party in ("arpeni", "sariyal"):
        tests[party], _ = officer.send(
            ch,
            to=party,
            priority="urgent",
            topic="gas",
            subject="Test of the dispatcher line",
            text="This is a test of the dispatcher line between the gas dispatchers. Please "
            "acknowledge.",
        )
    at("2027-05-25T10:07")
    arp_eng.mark_delivered(ch)
    arp_eng.acknowledge(ch, tests["arpeni"].id, "Test received.")
    at("2027-05-25T11:30")
    sar_eng.mark_delivered(ch)
    at("2027-05-25T15:05")
    sar_eng.acknowledge(ch, tests["sariyal"].id, "Test received.")

    at("2027-05-28T16:00")
    arp.talks.report(
        ch,
        "crew-guarantees",
        "Guarantee letter signed by the Arpeni head of side, sent to the UFM.",
    )

    # --- a flash: gas pressure drop ---------------------------------------------------
    at("2027-06-02T03:20")
    pressure, _ = sar_eng.send(
        ch,
        to="arpeni",
        priority="flash",
        topic="gas",
        subject="Gas pressure drop at Kalinovka",
        text="Pressure at Kalinovka fell to 2 bar. Close the valve on your side of the "
        "pipeline at once.",
    )
    at("2027-06-02T03:22")
    arp_eng.mark_delivered(ch)
    at("2027-06-02T03:24")
    arp_eng.acknowledge(ch, pressure.id, "Received; our valve is being closed.")

    at("2027-06-03T11:00")
    guarantees_disp = sar.talks.dispute(
        ch,
        "crew-guarantees",
        "The letter is not signed by the military commander of the Marmar sector.",
    ).entry_id

    # --- meeting 2: direct, a joint inspection at tower 14 ------------------------------
    at("2027-06-03T15:00")
    arp.talks.propose(
        ch,
        "utg-2",
        start="2027-06-10T09:00:00+04:00",
        venue=TOWER,
        format="direct",
        agenda=[
            _item("power", "tower-inspection", "Joint inspection of tower 14"),
            _item("crews", "crew-access", "Access of the repair crew to tower 14"),
        ],
        attendees={
            "arpeni": ["Hovhannes Grigoryan", "Anahit Petrosyan"],
            "sariyal": ["Tofiq Mammadov", "Leyla Hasanova"],
        },
    )
    at("2027-06-04T10:00")
    sar.talks.answer(ch, "utg-2", True)

    at("2027-06-07T12:00")
    engineers, _ = arp.send(
        ch,
        to="ufm",
        priority="routine",
        topic="crews",
        subject="Engineers for the inspection of 10 June",
        text="Our engineers at tower 14: Anahit Petrosyan and three linemen. Please pass "
        "the list to the Sarıyal side.",
    )
    at("2027-06-08T09:30")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, engineers.id, "Received; passed on.")

    # --- meeting 2 held at tower 14 -----------------------------------------------------
    at("2027-06-10T08:30")
    sar.talks.propose_item(ch, "utg-2", "meter-readings", "metering", "Exchange of meter readings")
    at("2027-06-10T08:45")
    arp.talks.answer_item(ch, "utg-2", "meter-readings", True)
    at("2027-06-10T14:00")
    officer.talks.record_held(
        ch,
        "utg-2",
        started="2027-06-10T09:15:00+04:00",
        ended="2027-06-10T12:40:00+04:00",
        attendees={
            "arpeni": ["Hovhannes Grigoryan", "Anahit Petrosyan"],
            "sariyal": ["Tofiq Mammadov", "Leyla Hasanova"],
        },
    )
    at("2027-06-10T18:00")
    officer.talks.draft_minutes(
        ch,
        "utg-2",
        [
            {
                "item": "tower-inspection",
                "summary": "Joint inspection of tower 14.",
                "outcome": "Two of the four legs of tower 14 are bent; the tower must be "
                "rebuilt before the line is switched on.",
            },
            {
                "item": "crew-access",
                "summary": "Access of the repair crew to tower 14.",
                "outcome": "Agreed: the Sarıyal crew works at tower 14 on weekdays from 08:00 "
                "to 18:00.",
            },
            {
                "item": "meter-readings",
                "summary": "Exchange of meter readings, proposed by the Sarıyal side.",
                "outcome": "Agreed: the Arpeni side sends the readings of the border gas meter "
                "on the first day of each month.",
            },
        ],
    )
    at("2027-06-11T09:00")
    arp.talks.sign_minutes(ch, "utg-2", 1)
    at("2027-06-11T12:00")
    sar.talks.sign_minutes(ch, "utg-2", 1)

    at("2027-06-11T14:00")
    head.talks.add_commitment(
        ch,
        "meter-readings",
        owner="arpeni",
        meeting="utg-2",
        agenda_item="meter-readings",
        text="Send the readings of the border gas meter at Kalinovka on the first day of "
        "each month, starting 1 July.",
        due="2027-07-01T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "tower-repair",
        owner="sariyal",
        meeting="utg-2",
        agenda_item="tower-inspection",
        text="Rebuild tower 14 of the 110 kV line.",
        due="2027-07-31T18:00:00+04:00",
    )

    at("2027-06-12T17:00")
    valve_rep = sar.talks.report(
        ch, "valve-repair", "The valve station at Kalinovka was repaired and tested on 12 June."
    ).entry_id
    at("2027-06-16T10:00")
    valve_conf = arp.talks.confirm(
        ch, "valve-repair", "Our dispatchers see normal pressure at Kalinovka."
    ).entry_id

    # --- mandate extension: a shared telephone mast ----------------------------------
    at("2027-06-21T10:00")
    head.talks.extend_mandate(
        ch,
        "telecom",
        "A shared telephone mast at Marmar",
        "Asked by both dispatchers: there is no mobile signal at tower 14.",
    )
    at("2027-06-22T11:00")
    arp.talks.sign_extension(ch, "telecom")
    at("2027-06-24T15:00")
    sar.talks.sign_extension(ch, "telecom")

    # --- the first session and the valve opened to the public ---------------------------
    at("2027-06-25T12:00")
    head.disclosures.propose(
        ch,
        "open-first-session",
        [held_1, valve_c, valve_rep, valve_conf],
        "public",
        "People on both sides must know that the gas valve is repaired.",
    )
    at("2027-06-28T10:00")
    arp.disclosures.sign(ch, "open-first-session")
    at("2027-06-28T16:00")
    sar.disclosures.sign(ch, "open-first-session")

    # --- an urgent message never acknowledged ---------------------------------------
    at("2027-06-28T21:00")
    sar_eng.send(
        ch,
        to="arpeni",
        priority="urgent",
        topic="power",
        subject="Fallen cable at tower 9",
        text="A cable has fallen at tower 9 near Dərəkənd. Cut the current on your section "
        "of the line.",
    )
    at("2027-06-28T21:20")
    arp_eng.mark_delivered(ch)

    # --- meeting 3: Kalinovka declined, Sosnovka agreed ---------------------------------
    at("2027-06-29T10:00")
    agenda_3 = [
        _item("gas", "winter-supply", "Gas supply for the coming winter"),
        _item("power", "switch-on", "Switching the 110 kV line back on"),
    ]
    attendees_3 = {
        "ufm": ["Andrei Sokolov"],
        "arpeni": ["Hovhannes Grigoryan", "Anahit Petrosyan"],
        "sariyal": ["Tofiq Mammadov", "Leyla Hasanova"],
    }
    first_3, _ = head.talks.propose(
        ch,
        "utg-3",
        start="2027-07-08T10:00:00+04:00",
        venue=KALINOVKA,
        format="chaired",
        agenda=agenda_3,
        attendees=attendees_3,
    )
    at("2027-06-29T16:00")
    sar.talks.answer(ch, "utg-3", True)
    at("2027-06-30T11:00")
    arp.talks.answer(
        ch,
        "utg-3",
        False,
        "Kalinovka is within range of the positions where shots were fired in April.",
    )
    at("2027-07-01T10:00")
    head.talks.propose(
        ch,
        "utg-3",
        start="2027-07-09T10:00:00+04:00",
        venue=SOSNOVKA,
        format="chaired",
        agenda=agenda_3,
        attendees=attendees_3,
        supersedes=first_3,
        note="Moved to Sosnovka at the request of the Arpeni side.",
    )
    at("2027-07-01T15:00")
    arp.talks.answer(ch, "utg-3", True)
    at("2027-07-02T09:00")
    sar.talks.answer(ch, "utg-3", True)

    # --- a question relayed through the UFM -----------------------------------------
    at("2027-07-05T10:00")
    question, _ = arp.send(
        ch,
        to="ufm",
        priority="routine",
        topic="gas",
        subject="Pressure schedule for the summer",
        text="Please ask the Sarıyal side for the gas pressure schedule at Kalinovka for July "
        "and August.",
    )
    at("2027-07-05T11:00")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, question.id, "Received; passing it on.")
    relayed, _ = officer.send(
        ch,
        to="sariyal",
        priority="routine",
        relay_of=question.id,
        subject="Relayed: pressure schedule for the summer",
        text="Relayed from the Arpeni side: a request for the gas pressure schedule at "
        "Kalinovka for July and August.",
    )
    at("2027-07-06T09:00")
    sar_eng.mark_delivered(ch)
    sar_eng.acknowledge(ch, relayed.id, "Received; the schedule will be given on 9 July.")

    # --- meeting 3 held in Sosnovka -------------------------------------------------
    at("2027-07-09T09:00")
    arp.talks.raise_item(
        ch,
        "utg-3",
        "substation-access",
        "Access to the Marmar substation",
        topic="crews",
        text="Arpeni engineers need to enter the Marmar substation to test the line's "
        "protection relays.",
    )
    at("2027-07-09T09:20")
    sar.talks.answer_item(ch, "utg-3", "substation-access", True)
    at("2027-07-09T09:30")
    arp.talks.propose_item(ch, "utg-3", "joint-dispatch", "power", "A joint dispatch centre")
    at("2027-07-09T09:50")
    sar.talks.answer_item(
        ch,
        "utg-3",
        "joint-dispatch",
        False,
        "A joint centre would need a decision of our energy ministry first.",
    )
    at("2027-07-09T15:00")
    officer.talks.record_held(
        ch,
        "utg-3",
        started="2027-07-09T10:20:00+04:00",
        ended="2027-07-09T13:05:00+04:00",
        venue=SOSNOVKA,
        chair="Andrei Sokolov",
        attendees={
            "ufm": ["Andrei Sokolov"],
            "arpeni": ["Hovhannes Grigoryan", "Anahit Petrosyan"],
            "sariyal": ["Tofiq Mammadov"],
        },
    )
    at("2027-07-09T18:00")
    officer.talks.draft_minutes(
        ch,
        "utg-3",
        [
            {
                "item": "winter-supply",
                "summary": "Gas supply for the coming winter.",
                "outcome": "Agreed: the Sarıyal side presents a winter supply plan with "
                "daily volumes.",
            },
            {
                "item": "switch-on",
                "summary": "Switching the 110 kV line back on.",
                "outcome": "Agreed: the Arpeni side switches the line on once tower 14 is "
                "rebuilt, and by 15 September at the latest.",
            },
            {
                "item": "substation-access",
                "summary": "Access to the Marmar substation, raised by the Arpeni side.",
                "outcome": "Agreed: two Arpeni engineers enter the substation with a UFM escort.",
            },
            {
                "item": "joint-dispatch",
                "summary": "A joint dispatch centre, proposed by the Arpeni side.",
                "outcome": "Declined by the Sarıyal side.",
            },
        ],
        general="Chaired by Andrei Sokolov.",
    )
    at("2027-07-10T10:00")
    sar.talks.sign_minutes(ch, "utg-3", 1)
    at("2027-07-10T12:00")
    arp.talks.sign_minutes(ch, "utg-3", 1)
    at("2027-07-12T09:00")
    head.talks.sign_minutes(ch, "utg-3", 1)

    at("2027-07-12T11:00")
    head.talks.add_commitment(
        ch,
        "substation-access",
        owner="sariyal",
        meeting="utg-3",
        agenda_item="substation-access",
        text="Let two Arpeni engineers into the Marmar substation with a UFM escort.",
        due="2027-07-20T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "line-switch-on",
        owner="arpeni",
        meeting="utg-3",
        agenda_item="switch-on",
        text="Switch the 110 kV line Marmar–Dzoraget back on.",
        due="2027-09-15T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "winter-plan",
        owner="sariyal",
        meeting="utg-3",
        agenda_item="winter-supply",
        text="Present a winter gas supply plan with daily volumes.",
        due="2027-09-30T18:00:00+04:00",
    )

    # --- a second communiqué, never signed by Arpeni --------------------------------
    at("2027-07-13T10:00")
    officer.disclosures.draft_communique(ch, "communique-2027-07-09", COMMUNIQUE_2, "utg-3")
    at("2027-07-13T15:00")
    head.disclosures.sign_communique(ch, "communique-2027-07-09", 1)
    at("2027-07-14T10:00")
    sar.disclosures.sign_communique(ch, "communique-2027-07-09", 1)

    at("2027-07-14T16:00")
    sar.talks.report(ch, "tower-repair", "Tower 14 rebuilt on new foundations.")
    at("2027-07-19T17:00")
    sar.talks.report(
        ch, "substation-access", "Gate pass issued for two Arpeni engineers for 19 July."
    )
    at("2027-07-22T10:00")
    arp.talks.dispute(
        ch,
        "substation-access",
        "Our engineers were turned back at the gate on 19 July: the guards had no order.",
    )

    at("2027-07-23T12:00")
    arp.disclosures.unilateral(
        ch,
        "The Arpeni side regrets that its engineers were turned back at the gate of the "
        "Marmar substation on 19 July.",
        "en",
        source="Press release of the Arpeni side, 23 July 2027",
    )

    # --- a flash acknowledged late ----------------------------------------------------
    at("2027-08-03T23:50")
    smell, _ = arp_eng.send(
        ch,
        to="sariyal",
        priority="flash",
        topic="gas",
        subject="Smell of gas near Kalinovka",
        text="Villagers report a strong smell of gas along the pipeline north of Kalinovka. "
        "Check your section now.",
    )
    at("2027-08-03T23:58")
    sar_eng.mark_delivered(ch)
    at("2027-08-04T00:35")
    sar_eng.acknowledge(ch, smell.id, "Received; a crew is on its way.")

    # --- meeting 4: the telephone mast -------------------------------------------------
    at("2027-08-06T10:00")
    head.talks.propose(
        ch,
        "utg-4",
        start="2027-08-18T11:00:00+04:00",
        venue=SOSNOVKA,
        format="chaired",
        agenda=[
            _item("telecom", "phone-mast", "A shared telephone mast at Marmar"),
            _item("gas", "gas-smell", "The gas smell north of Kalinovka on 3 August"),
        ],
        attendees=everyone,
    )
    at("2027-08-06T14:00")
    arp.talks.answer(ch, "utg-4", True)
    at("2027-08-07T09:00")
    sar.talks.answer(ch, "utg-4", True)

    at("2027-08-16T10:00")
    notes = {}
    for party in ("arpeni", "sariyal"):
        notes[party], _ = officer.send(
            ch,
            to=party,
            priority="routine",
            topic="telecom",
            subject="Papers for 18 August",
            text="Attached: the mast drawings from the telephone company for 18 August.",
        )
    at("2027-08-17T08:00")
    arp_eng.mark_delivered(ch)
    arp.acknowledge(ch, notes["arpeni"].id, "Received.")
    at("2027-08-17T09:00")
    sar_eng.mark_delivered(ch)

    at("2027-08-18T16:00")
    head.talks.record_held(
        ch,
        "utg-4",
        started="2027-08-18T11:05:00+04:00",
        ended="2027-08-18T13:30:00+04:00",
        venue=SOSNOVKA,
        chair="Helena Voss",
        attendees=everyone,
    )
    items_4: list[dict[str, Any]] = [
        {
            "item": "phone-mast",
            "summary": "A shared telephone mast at Marmar.",
            "outcome": "Agreed: the UFM asks the telephone company for a mast at Marmar "
            "serving both dispatchers.",
        },
        {
            "item": "gas-smell",
            "summary": "The gas smell north of Kalinovka on 3 August.",
            "outcome": "A leaking joint was found and sealed by the Sarıyal crew on 4 August.",
        },
    ]
    at("2027-08-18T19:00")
    officer.talks.draft_minutes(ch, "utg-4", items_4, general="Chaired by Helena Voss.")
    at("2027-08-19T10:00")
    arp.talks.sign_minutes(ch, "utg-4", 1)
    at("2027-08-19T15:00")
    items_4[1]["outcome"] = (
        "A leaking joint was found and sealed by the Sarıyal crew on 4 August; no one was hurt."
    )
    officer.talks.draft_minutes(ch, "utg-4", items_4, general="Chaired by Helena Voss.")
    at("2027-08-20T09:00")
    sar.talks.sign_minutes(ch, "utg-4", 2)
    at("2027-08-20T11:00")
    arp.talks.sign_minutes(ch, "utg-4", 2)
    at("2027-08-20T12:00")
    head.talks.sign_minutes(ch, "utg-4", 2)

    # --- Sarıyal tries to open the guarantees dispute -----------------------------------
    at("2027-08-23T10:00")
    sar.disclosures.propose(
        ch,
        "open-guarantees-dispute",
        [guarantees_disp],
        "public",
        "Our crews must know that the guarantee letter is not valid.",
    )

    # --- the next meeting, agreed and opened --------------------------------------------
    at("2027-08-30T10:00")
    next_id, _ = head.talks.propose(
        ch,
        "utg-5",
        start="2027-09-16T10:00:00+04:00",
        venue=MARMAR,
        format="chaired",
        agenda=[_item("power"), _item("gas"), _item("telecom", "phone-mast")],
        attendees={
            "ufm": ["Helena Voss", "Andrei Sokolov"],
            "arpeni": ["Hovhannes Grigoryan", "Anahit Petrosyan"],
            "sariyal": ["Tofiq Mammadov", "Leyla Hasanova"],
        },
    )
    at("2027-08-31T11:00")
    next_a = arp.talks.answer(ch, "utg-5", True).entry_id
    at("2027-09-01T10:00")
    next_s = sar.talks.answer(ch, "utg-5", True).entry_id
    at("2027-09-02T11:00")
    head.disclosures.propose(
        ch,
        "open-next-meeting",
        [next_id, next_a, next_s],
        "public",
        "The date and place of the next meeting are to be public.",
    )
    at("2027-09-03T10:00")
    arp.disclosures.sign(ch, "open-next-meeting")
    at("2027-09-06T15:00")
    sar.disclosures.sign(ch, "open-next-meeting")
    at("2027-09-10T12:00")
