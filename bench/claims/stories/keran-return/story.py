"""A joint commission on the return of displaced people to villages (held-out story; fiction).

The Secretariat of the Keran Valley Return Commission (the mediator) chairs talks between
the delegations of two sides, Vostan and Qarlıq, on the voluntary return of displaced
families to the villages of the Keran valley: lists of returning families, property
records, mine clearance on the approach roads, the safety of returnees and, after an
extension of the mandate, access to cemeteries. Every place, side and person is
invented. Local time is UTC+3; the story runs from 12 October to 30 November 2026.

Places: the village the Vostan side calls Zarishat and the Qarlıq side Sarıyurd (in the
charter's glossary); the village Berdavan / Qalaboyu (added to the glossary during the
story); the towns Melkan and Pelor (neutral names).

- Meeting 1 (jrc-1): proposed for Tue 20 Oct in Melkan, postponed at Qarlıq's request
  to Thu 22 Oct; held, chaired by Margit Lindqvist. "Release of detainees" raised by
  Vostan, declined by Qarlıq. Minutes v1 signed by Vostan only (Qarlıq refuses it), v2
  signed by all. Commitments: return lists (confirmed; public), mine maps (disputed),
  cadastre copies (overdue).
- Meeting 2 (jrc-2): proposed by Vostan as a direct meeting in Zarishat on 12 Nov,
  declined by Qarlıq, countered by the Secretariat: chaired, Pelor, Fri 13 Nov; held.
  "Winter shelters" proposed by Vostan and accepted; "Administration of Berdavan" raised
  by Qarlıq, declined by Vostan. Minutes signed by all. Commitments: survey engineers
  (reported), water valve (reported late, confirmed), winter shelters (open, due January
  2027). Joint communiqué published (en, ru, hy, az).
- Mandate extended to cemeteries; Berdavan / Qalaboyu added to the glossary.
- Meeting 3 (jrc-3): agreed for Tue 24 Nov in Melkan; held in Berdavan (road closed by
  snow), chaired by Tomás Arrieta. "Cemetery visit" accepted; "Return to Berdavan"
  proposed by Qarlıq, declined by Vostan. Minutes v1 signed by Qarlıq only, v2 by Vostan
  and the Secretariat only: no agreed version. Commitments: visitor list (confirmed),
  duty officer (overdue). A second communiqué signed by the Secretariat and Vostan only
  (not published); Qarlıq publishes a unilateral statement.
- Meeting 1's record and the return-lists commitment are opened to the public; a Vostan
  proposal to open the mine-maps dispute gets no other signature.
- Next meeting agreed for Tue 19 Jan 2027 in Melkan (opened to the public); Qarlıq's
  proposal of a technical meeting in Sarıyurd on 2 Feb 2027 stays unanswered.
- Messages: an urgent request to postpone (acknowledged in time), a flash about shots
  (acknowledged in time and answered), a flash about a mine strike (acknowledged late by
  Qarlıq), an urgent request about water (delivered, never acknowledged or answered), an
  urgent notice about snow (acknowledged late), letters refusing minutes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "keran-return-commission"
START = datetime(2026, 10, 12, 6, 0, tzinfo=UTC)  # Monday 12 October 2026, 09:00 local

LOCAL = timedelta(hours=3)

PEOPLE = [
    (
        "sec-chair",
        "secretariat",
        "head",
        "Margit Lindqvist",
        "Chair of the Keran Valley Return Commission",
    ),
    ("sec-secretary", "secretariat", "member", "Tomás Arrieta", "Secretary of the Commission"),
    ("vostan-head", "vostan", "head", "Gevorg Melkonyan", "Head of the Vostan delegation"),
    (
        "vostan-registrar",
        "vostan",
        "member",
        "Anahit Ghukasyan",
        "Registrar of displaced families, Vostan delegation",
    ),
    ("qarliq-head", "qarliq", "head", "Rauf Mammadli", "Head of the Qarlıq delegation"),
    (
        "qarliq-property",
        "qarliq",
        "member",
        "Leyla Abbasova",
        "Housing and property officer, Qarlıq delegation",
    ),
]

SIDES = {
    "secretariat": ("Secretariat of the Keran Valley Return Commission", "mediator"),
    "vostan": ("Delegation of the Vostan side", "party"),
    "qarliq": ("Delegation of the Qarlıq side", "party"),
}

MANDATE = [
    {"id": "village-return", "title": "Voluntary return of displaced families to their villages"},
    {"id": "property-records", "title": "Housing, land and property records"},
    {"id": "demining", "title": "Mine clearance on the approach roads to return villages"},
    {"id": "returnee-safety", "title": "Safety of returnees and notification of incidents"},
]

GLOSSARY = [
    {
        "id": "secretariat",
        "kind": "side",
        "names": {
            "en": "Secretariat of the Keran Valley Return Commission",
            "ru": "Секретариат Комиссии по возвращению в Керанскую долину",
            "hy": "Քերանի հովտի վերադարձի հանձնաժողովի քարտուղարություն",
            "az": "Keran Vadisinə Qayıdış Komissiyasının Katibliyi",
        },
    },
    {
        "id": "vostan",
        "kind": "side",
        "names": {"en": "Vostan", "ru": "Востан", "hy": "Վոստան", "az": "Vostan"},
    },
    {
        "id": "qarliq",
        "kind": "side",
        "names": {"en": "Qarlıq", "ru": "Карлык", "hy": "Ղարլըղ", "az": "Qarlıq"},
    },
    {
        "id": "zarishat",
        "kind": "place",
        "names": {
            "en": "Zarishat / Sarıyurd",
            "ru": "Заришат / Сарыюрд",
            "hy": "Զարիշատ / Սարըյուրդ",
            "az": "Sarıyurd / Zarişat",
        },
        "forms": {
            "vostan": {"en": "Zarishat", "ru": "Заришат", "hy": "Զարիշատ"},
            "qarliq": {"en": "Sarıyurd", "ru": "Сарыюрд", "az": "Sarıyurd"},
        },
        "note": "The return village at the head of the Keran valley.",
    },
    {
        "id": "melkan",
        "kind": "place",
        "names": {"en": "Melkan", "ru": "Мелкан", "hy": "Մելքան", "az": "Məlkan"},
    },
    {
        "id": "pelor",
        "kind": "place",
        "names": {"en": "Pelor", "ru": "Пелор", "hy": "Պելոր", "az": "Pelor"},
    },
]

BERDAVAN_TERM = {
    "id": "berdavan",
    "kind": "place",
    "names": {
        "en": "Berdavan / Qalaboyu",
        "ru": "Бердаван / Калабою",
        "hy": "Բերդավան / Ղալաբոյու",
        "az": "Qalaboyu / Berdavan",
    },
    "forms": {
        "vostan": {"en": "Berdavan", "ru": "Бердаван", "hy": "Բերդավան"},
        "qarliq": {"en": "Qalaboyu", "ru": "Калабою", "az": "Qalaboyu"},
    },
    "note": "The village below Zarishat / Sarıyurd, with the pumping station.",
}

MELKAN = "Secretariat office, Melkan"
PELOR = "Kamar Hotel, Pelor"
ZARISHAT_SCHOOL = "Village school, Zarishat"
BERDAVAN_OFFICE = "Secretariat field office, Berdavan"
SARIYURD_SCHOOL = "Village school, Sarıyurd"

COMMUNIQUE_1 = {
    "en": "On 13 November 2026 the delegations of Vostan and Qarlıq met in Pelor under the "
    "chairmanship of the Secretariat of the Keran Valley Return Commission. They agreed to "
    "form a joint team to survey mines on the approach roads to Zarishat / Sarıyurd. They "
    "also agreed on the delivery of prefabricated winter shelters to families returning to "
    "the village.",
    "ru": "13 ноября 2026 года делегации Востана и Карлыка встретились в Пелоре под "
    "председательством Секретариата Комиссии по возвращению в Керанскую долину. Они "
    "договорились создать совместную группу для обследования минной опасности на подъездных "
    "дорогах к Заришату / Сарыюрду. Стороны также договорились о доставке сборных зимних "
    "домиков семьям, возвращающимся в село.",
    "hy": "2026 թվականի նոյեմբերի 13-ին Վոստանի և Ղարլըղի պատվիրակությունները հանդիպեցին "
    "Պելորում՝ Քերանի հովտի վերադարձի հանձնաժողովի քարտուղարության նախագահությամբ։ Նրանք "
    "համաձայնեցին ստեղծել համատեղ խումբ՝ Զարիշատ / Սարըյուրդ տանող ճանապարհների ականային "
    "վտանգը ուսումնասիրելու համար։ Կողմերը համաձայնեցին նաև գյուղ վերադարձող ընտանիքներին "
    "հավաքովի ձմեռային կացարաններ հասցնելու շուրջ։",
    "az": "2026-cı il noyabrın 13-də Vostan və Qarlıq nümayəndə heyətləri Keran Vadisinə "
    "Qayıdış Komissiyasının Katibliyinin sədrliyi ilə Pelorda görüşüblər. Onlar Sarıyurd / "
    "Zarişat kəndinə aparan yollarda minaların araşdırılması üçün birgə qrup yaratmağa "
    "razılaşıblar. Tərəflər həmçinin kəndə qayıdan ailələrə yığma qış evlərinin "
    "çatdırılması barədə razılığa gəliblər.",
}

COMMUNIQUE_2 = {
    "en": "On 24 November 2026 the Keran Valley Return Commission met in Berdavan / Qalaboyu. "
    "The delegations agreed on a first visit of displaced families to the cemetery of "
    "Zarishat / Sarıyurd before winter.",
}

STATEMENT_QARLIQ = (
    "Qarlıq nümayəndə heyəti Qalaboyu da daxil olmaqla bütün kəndlərə məcburi köçkünlərin "
    "qayıdışına sadiqdir və Qayıdış Komissiyasının işini davam etdirməyə hazırdır."
)


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
        "title": "Keran Valley Return Commission: Vostan and Qarlıq delegations",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 300, "urgent": 3600, "routine": 86400},
        "default_disclosure": "confidential",
        "glossary": GLOSSARY,
    }


def _item(topic: str, item: str | None = None, title: str | None = None) -> dict[str, str]:
    titles = {t["id"]: t["title"] for t in MANDATE}
    titles["cemeteries"] = "Access to cemeteries and places of worship"
    return {"id": item or topic, "topic": topic, "title": title or titles[topic]}


def play(member: Any, clock: Any) -> None:
    ch = CHANNEL

    def at(local: str) -> None:
        """Move the story's clock forward to a local (UTC+3) time."""
        target = datetime.fromisoformat(local).replace(tzinfo=UTC) - LOCAL
        delta = (target - clock.now()).total_seconds()
        assert delta >= 0, local
        clock.advance(seconds=delta)

    chair, secretary = member("sec-chair"), member("sec-secretary")
    vostan, registrar = member("vostan-head"), member("vostan-registrar")
    qarliq, prop = member("qarliq-head"), member("qarliq-property")

    # --- meeting 1: proposed for 20 October, postponed to 22 October ------------------
    at("2026-10-12T10:00")
    secretary.talks.propose(
        ch,
        "jrc-1",
        start="2026-10-20T10:00:00+03:00",
        venue=MELKAN,
        format="chaired",
        agenda=[
            _item("village-return", "zarishat-return", "Return of displaced families to Zarishat"),
            _item("property-records", "berdavan-property", "Property records of Berdavan"),
            _item("demining", "approach-roads", "Mine clearance on the approach roads"),
        ],
        attendees={
            "secretariat": ["Margit Lindqvist"],
            "vostan": ["Gevorg Melkonyan", "Anahit Ghukasyan"],
            "qarliq": ["Rauf Mammadli", "Leyla Abbasova"],
        },
    )
    at("2026-10-12T15:30")
    vostan.talks.answer(ch, "jrc-1", True)
    at("2026-10-13T09:10")
    qarliq.talks.answer(ch, "jrc-1", True)

    at("2026-10-19T07:40")
    flood, _ = qarliq.send(
        ch,
        to="secretariat",
        priority="urgent",
        topic="village-return",
        subject="Request to postpone the meeting of 20 October",
        text="The Melkan road is flooded at the Tsil bridge. We ask to postpone the meeting of "
        "20 October by two days.",
    )
    at("2026-10-19T07:52")
    secretary.mark_delivered(ch)
    chair.acknowledge(ch, flood.id, "Received; we will propose 22 October.")

    at("2026-10-19T09:00")
    secretary.talks.counter(
        ch,
        "jrc-1",
        start="2026-10-22T11:00:00+03:00",
        note="Postponed by two days at the request of the Qarlıq delegation: the Melkan road "
        "is flooded.",
    )
    at("2026-10-19T12:00")
    qarliq.talks.answer(ch, "jrc-1", True)
    at("2026-10-19T16:30")
    vostan.talks.answer(ch, "jrc-1", True)

    # --- meeting 1 held -------------------------------------------------------------
    at("2026-10-22T09:30")
    vostan.talks.raise_item(
        ch,
        "jrc-1",
        "detainees",
        "Release of detainees",
        topic="detainees",
        text="Release of persons from the Keran valley detained since the fighting.",
    )
    at("2026-10-22T10:05")
    qarliq.talks.answer_item(
        ch,
        "jrc-1",
        "detainees",
        False,
        "Outside the mandate of the Return Commission; detainees are discussed in another format.",
    )
    at("2026-10-22T15:30")
    held_1 = chair.talks.record_held(
        ch,
        "jrc-1",
        started="2026-10-22T11:15:00+03:00",
        ended="2026-10-22T15:05:00+03:00",
        venue=MELKAN,
        chair="Margit Lindqvist",
        attendees={
            "secretariat": ["Margit Lindqvist", "Tomás Arrieta"],
            "vostan": ["Gevorg Melkonyan", "Anahit Ghukasyan"],
            "qarliq": ["Rauf Mammadli", "Leyla Abbasova"],
        },
    ).entry_id

    items_1: list[dict[str, Any]] = [
        {
            "item": "zarishat-return",
            "summary": "Return of displaced families to Zarishat.",
            "positions": {
                "vostan": "Asks for the return of all 146 registered families before winter.",
                "qarliq": "Accepts return in stages once the approach roads are cleared.",
            },
            "outcome": "Agreed: the Vostan side hands the Secretariat the list of families "
            "wishing to return; a first group returns once the roads are cleared.",
        },
        {
            "item": "berdavan-property",
            "summary": "Property records of Berdavan.",
            "outcome": "Agreed: the Vostan side hands over copies of the 1989 cadastre of "
            "Berdavan.",
        },
        {
            "item": "approach-roads",
            "summary": "Mine clearance on the five approach roads to Zarishat.",
            "outcome": "Agreed: the Qarlıq side hands over the minefield maps of all five "
            "approach roads.",
        },
        {
            "item": "detainees",
            "summary": "Raised by the Vostan side; declined by the Qarlıq side as outside the "
            "mandate.",
            "outcome": "Not discussed.",
        },
    ]
    at("2026-10-22T18:00")
    secretary.talks.draft_minutes(ch, "jrc-1", items_1, general="Chaired by Margit Lindqvist.")
    at("2026-10-23T09:00")
    vostan.talks.sign_minutes(ch, "jrc-1", 1)
    at("2026-10-23T11:30")
    refusal_1, _ = qarliq.send(
        ch,
        to="secretariat",
        priority="routine",
        topic="demining",
        subject="Minutes of 22 October, version 1",
        text="We will not sign version 1 of the minutes: we agreed to hand over the minefield "
        "maps in our possession, not maps of all five roads.",
    )
    at("2026-10-23T12:10")
    secretary.mark_delivered(ch)
    chair.acknowledge(ch, refusal_1.id, "Noted; a revised version follows.")
    at("2026-10-23T16:00")
    items_1[2]["outcome"] = (
        "Agreed: the Qarlıq side hands over the minefield maps in its possession for the "
        "approach roads to Zarishat."
    )
    secretary.talks.draft_minutes(ch, "jrc-1", items_1, general="Chaired by Margit Lindqvist.")
    at("2026-10-24T10:00")
    vostan.talks.sign_minutes(ch, "jrc-1", 2)
    at("2026-10-24T11:00")
    qarliq.talks.sign_minutes(ch, "jrc-1", 2)
    at("2026-10-24T12:00")
    chair.talks.sign_minutes(ch, "jrc-1", 2)

    # --- commitments of meeting 1 ---------------------------------------------------
    at("2026-10-24T13:00")
    lists_added = chair.talks.add_commitment(
        ch,
        "return-lists",
        owner="vostan",
        meeting="jrc-1",
        agenda_item="zarishat-return",
        text="Hand the Secretariat the list of displaced families wishing to return to Zarishat.",
        due="2026-10-29T18:00:00+03:00",
    ).entry_id
    chair.talks.add_commitment(
        ch,
        "mine-maps",
        owner="qarliq",
        meeting="jrc-1",
        agenda_item="approach-roads",
        text="Hand over, through the Secretariat, the minefield maps in its possession for the "
        "approach roads to Zarishat.",
        due={"days": 14, "after_meeting": "jrc-1"},
    )
    chair.talks.add_commitment(
        ch,
        "cadastre-copies",
        owner="vostan",
        meeting="jrc-1",
        agenda_item="berdavan-property",
        text="Hand over copies of the 1989 cadastre of Berdavan village.",
        due="2026-11-10T18:00:00+03:00",
    )

    # --- a flash about shots, answered ------------------------------------------------
    at("2026-10-27T21:20")
    shots, _ = prop.send(
        ch,
        to="vostan",
        priority="flash",
        topic="returnee-safety",
        subject="Shots near the Zarishat water tower",
        text="Shots were heard near the Zarishat water tower at 21:10. We ask your side to "
        "check whether any of your units are in the area.",
    )
    at("2026-10-27T21:23")
    registrar.mark_delivered(ch)
    vostan.acknowledge(ch, shots.id, "Received; checking.")
    at("2026-10-27T22:05")
    answer, _ = vostan.send(
        ch,
        to="qarliq",
        priority="flash",
        topic="returnee-safety",
        reply_to=shots.id,
        subject="Re: Shots near the Zarishat water tower",
        text="None of our units are near the water tower. The shots were a wedding "
        "celebration in the village.",
    )
    at("2026-10-27T22:07")
    prop.mark_delivered(ch)
    prop.acknowledge(ch, answer.id, "Received, thank you.")

    at("2026-10-28T14:00")
    vostan.talks.report(ch, "return-lists", "List of 146 families handed to the Secretariat.")
    at("2026-10-30T10:00")
    lists_confirmed = qarliq.talks.confirm(
        ch, "return-lists", "List of 146 families received through the Secretariat."
    ).entry_id

    # --- a flash about a mine strike, acknowledged late by Qarlıq ----------------------
    at("2026-11-03T23:05")
    strikes = {}
    for party in ("vostan", "qarliq"):
        strikes[party], _ = secretary.send(
            ch,
            to=party,
            priority="flash",
            topic="demining",
            subject="Mine strike on the Zarishat–Berdavan road",
            text="At 22:40 a returnee's tractor struck an anti-tank mine on the "
            "Zarishat–Berdavan road; two people are injured. All movement on the road is to "
            "stop until the road is checked.",
        )
    at("2026-11-03T23:08")
    vostan.mark_delivered(ch)
    vostan.acknowledge(ch, strikes["vostan"].id, "Received.")
    at("2026-11-03T23:52")
    qarliq.mark_delivered(ch)
    qarliq.acknowledge(ch, strikes["qarliq"].id, "Received.")

    at("2026-11-04T12:00")
    maps_reported = qarliq.talks.report(ch, "mine-maps", "Maps handed to the Secretariat.").entry_id

    # --- meeting 2: direct in Zarishat declined; chaired in Pelor agreed ---------------
    at("2026-11-05T10:00")
    vostan.talks.propose(
        ch,
        "jrc-2",
        start="2026-11-12T11:00:00+03:00",
        venue=ZARISHAT_SCHOOL,
        format="direct",
        agenda=[
            _item("property-records", "property-claims", "Property claims in Zarishat"),
            _item("demining", "joint-survey", "Joint mine survey"),
            _item("returnee-safety", "incident-notice", "Notification of incidents"),
        ],
        attendees={"vostan": ["Gevorg Melkonyan"], "qarliq": ["Rauf Mammadli"]},
    )
    at("2026-11-06T08:15")
    registrar.send(
        ch,
        to="qarliq",
        priority="urgent",
        topic="village-return",
        subject="Water supply to Zarishat",
        text="The water supply to Zarishat has been cut since 4 November. We ask that the valve "
        "at the Berdavan pumping station be reopened.",
    )
    at("2026-11-06T08:40")
    prop.mark_delivered(ch)
    at("2026-11-06T09:00")
    maps_disputed = vostan.talks.dispute(
        ch, "mine-maps", "The maps cover only two of the five approach roads to Zarishat."
    ).entry_id
    at("2026-11-06T14:00")
    qarliq.talks.answer(
        ch,
        "jrc-2",
        False,
        "No meeting inside the return area before the approach roads are cleared; we ask for a "
        "chaired meeting outside the valley.",
    )
    at("2026-11-07T09:00")
    secretary.talks.counter(
        ch,
        "jrc-2",
        start="2026-11-13T10:00:00+03:00",
        venue=PELOR,
        format="chaired",
        attendees={
            "secretariat": ["Margit Lindqvist"],
            "vostan": ["Gevorg Melkonyan"],
            "qarliq": ["Rauf Mammadli", "Leyla Abbasova"],
        },
        note="Moved to Pelor and chaired by the Secretariat after the Qarlıq delegation "
        "declined a direct meeting in Zarishat.",
    )
    at("2026-11-07T13:00")
    vostan.talks.answer(ch, "jrc-2", True)
    at("2026-11-08T10:00")
    qarliq.talks.answer(ch, "jrc-2", True)

    # --- meeting 2 held ---------------------------------------------------------------
    at("2026-11-13T09:00")
    vostan.talks.propose_item(
        ch, "jrc-2", "winter-shelters", "village-return", "Winter shelters for returning families"
    )
    at("2026-11-13T09:20")
    qarliq.talks.answer_item(ch, "jrc-2", "winter-shelters", True)
    at("2026-11-13T09:40")
    qarliq.talks.raise_item(
        ch,
        "jrc-2",
        "berdavan-administration",
        "Administration of Berdavan",
        topic="local-administration",
        text="Who runs the Berdavan village council after the return.",
    )
    at("2026-11-13T09:55")
    vostan.talks.answer_item(
        ch,
        "jrc-2",
        "berdavan-administration",
        False,
        "Outside the mandate: the Commission deals with return, not with local administration.",
    )
    at("2026-11-13T14:30")
    chair.talks.record_held(
        ch,
        "jrc-2",
        started="2026-11-13T10:20:00+03:00",
        ended="2026-11-13T14:00:00+03:00",
        venue=PELOR,
        chair="Margit Lindqvist",
        attendees={
            "secretariat": ["Margit Lindqvist"],
            "vostan": ["Gevorg Melkonyan"],
            "qarliq": ["Rauf Mammadli", "Leyla Abbasova"],
        },
    )
    at("2026-11-13T18:00")
    secretary.talks.draft_minutes(
        ch,
        "jrc-2",
        [
            {
                "item": "property-claims",
                "summary": "Property claims in Zarishat.",
                "outcome": "Deferred until the cadastre copies have been handed over.",
            },
            {
                "item": "joint-survey",
                "summary": "A joint survey of mines on the approach roads.",
                "outcome": "Agreed: a joint survey team of two engineers from each side, under "
                "the Secretariat.",
            },
            {
                "item": "incident-notice",
                "summary": "Notification of incidents.",
                "outcome": "Agreed: incidents are notified through the Secretariat within one "
                "hour.",
            },
            {
                "item": "winter-shelters",
                "summary": "Winter shelters for returning families, proposed by the Vostan side.",
                "outcome": "Agreed: 40 prefabricated shelters are delivered to Zarishat through "
                "the Kalt checkpoint by 15 January 2027.",
            },
            {
                "item": "berdavan-administration",
                "summary": "Raised by the Qarlıq side; declined by the Vostan side as outside "
                "the mandate.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Margit Lindqvist.",
    )
    at("2026-11-14T10:00")
    vostan.talks.sign_minutes(ch, "jrc-2", 1)
    at("2026-11-14T11:00")
    qarliq.talks.sign_minutes(ch, "jrc-2", 1)
    at("2026-11-14T12:00")
    chair.talks.sign_minutes(ch, "jrc-2", 1)

    # --- commitments of meeting 2 ---------------------------------------------------
    at("2026-11-14T13:00")
    chair.talks.add_commitment(
        ch,
        "survey-engineers",
        owner="vostan",
        meeting="jrc-2",
        agenda_item="joint-survey",
        text="Name two engineers to the joint mine survey team.",
        due="2026-11-20T18:00:00+03:00",
    )
    chair.talks.add_commitment(
        ch,
        "water-valve",
        owner="qarliq",
        meeting="jrc-2",
        text="Reopen the water valve at the Berdavan pumping station for Zarishat.",
        due="2026-11-16T12:00:00+03:00",
    )
    chair.talks.add_commitment(
        ch,
        "winter-shelters",
        owner="qarliq",
        meeting="jrc-2",
        agenda_item="winter-shelters",
        text="Let 40 prefabricated winter shelters through the Kalt checkpoint to Zarishat.",
        due="2027-01-15T18:00:00+03:00",
    )

    # --- the joint communiqué -------------------------------------------------------
    at("2026-11-14T15:00")
    secretary.disclosures.draft_communique(ch, "communique-2026-11-13", COMMUNIQUE_1, "jrc-2")
    at("2026-11-15T10:00")
    vostan.disclosures.sign_communique(ch, "communique-2026-11-13", 1)
    at("2026-11-15T10:30")
    qarliq.disclosures.sign_communique(ch, "communique-2026-11-13", 1)
    at("2026-11-15T11:00")
    chair.disclosures.sign_communique(ch, "communique-2026-11-13", 1)

    # --- the mandate is extended; Berdavan / Qalaboyu enters the glossary --------------
    at("2026-11-16T10:00")
    chair.talks.extend_mandate(
        ch,
        "cemeteries",
        "Access to cemeteries and places of worship",
        "Asked by both delegations.",
    )
    at("2026-11-16T10:30")
    secretary.languages.propose_term(ch, BERDAVAN_TERM, "Both names are in use.")
    at("2026-11-17T09:00")
    vostan.talks.sign_extension(ch, "cemeteries")
    at("2026-11-17T09:05")
    vostan.languages.sign_term(ch, "berdavan")
    at("2026-11-17T11:00")
    qarliq.languages.sign_term(ch, "berdavan")
    at("2026-11-17T15:00")
    qarliq.talks.report(ch, "water-valve", "Valve reopened on 17 November at 13:00.")
    at("2026-11-18T10:00")
    qarliq.talks.sign_extension(ch, "cemeteries")
    at("2026-11-18T12:00")
    vostan.talks.confirm(ch, "water-valve", "Water flowing in Zarishat since 17 November.")

    # --- meeting 3: agreed in Melkan -------------------------------------------------
    at("2026-11-18T14:00")
    secretary.talks.propose(
        ch,
        "jrc-3",
        start="2026-11-24T10:00:00+03:00",
        venue=MELKAN,
        format="chaired",
        agenda=[
            _item("cemeteries", "cemetery-access", "Access to cemeteries"),
            _item("returnee-safety", "incident-duty", "Duty officers for incidents"),
        ],
        attendees={
            "secretariat": ["Margit Lindqvist"],
            "vostan": ["Gevorg Melkonyan", "Anahit Ghukasyan"],
            "qarliq": ["Rauf Mammadli"],
        },
    )
    at("2026-11-18T17:00")
    vostan.talks.answer(ch, "jrc-3", True)
    at("2026-11-19T09:30")
    qarliq.talks.answer(ch, "jrc-3", True)
    at("2026-11-19T11:00")
    vostan.talks.report(
        ch, "survey-engineers", "Two engineers named: Arsen Hakobyan and Narek Poghosyan."
    )

    at("2026-11-20T09:00")
    snow, _ = secretary.send(
        ch,
        to="vostan",
        priority="urgent",
        topic="returnee-safety",
        subject="Snow on the Melkan road",
        text="Heavy snow is forecast; the Melkan road may close on 24 November. Please confirm "
        "that your delegation could travel to our field office in Berdavan instead.",
    )
    at("2026-11-20T11:35")
    registrar.mark_delivered(ch)
    vostan.acknowledge(ch, snow.id, "Confirmed: we can travel to Berdavan.")

    # --- the first round is opened to the public --------------------------------------
    at("2026-11-20T12:00")
    chair.disclosures.propose(
        ch,
        "open-first-round",
        [held_1, lists_added, lists_confirmed],
        "public",
        "Displaced families must know that the return lists have been handed over.",
    )
    at("2026-11-20T15:00")
    vostan.disclosures.sign(ch, "open-first-round")
    at("2026-11-21T10:00")
    qarliq.disclosures.sign(ch, "open-first-round")

    at("2026-11-21T12:00")
    vostan.disclosures.propose(
        ch,
        "open-mine-maps",
        [maps_reported, maps_disputed],
        "public",
        "The public must know that the minefield maps are incomplete.",
    )

    # --- meeting 3 held in Berdavan -------------------------------------------------
    at("2026-11-24T08:30")
    vostan.talks.propose_item(
        ch,
        "jrc-3",
        "cemetery-visit",
        "cemeteries",
        "Visit of displaced families to the Zarishat cemetery",
    )
    at("2026-11-24T08:50")
    qarliq.talks.answer_item(ch, "jrc-3", "cemetery-visit", True)
    at("2026-11-24T09:00")
    qarliq.talks.propose_item(
        ch, "jrc-3", "berdavan-return", "village-return", "Return of displaced families to Berdavan"
    )
    at("2026-11-24T09:15")
    vostan.talks.answer_item(
        ch,
        "jrc-3",
        "berdavan-return",
        False,
        "The lists of families for Berdavan have not been verified by the Secretariat.",
    )
    at("2026-11-24T17:00")
    secretary.talks.record_held(
        ch,
        "jrc-3",
        started="2026-11-24T11:30:00+03:00",
        ended="2026-11-24T16:10:00+03:00",
        venue=BERDAVAN_OFFICE,
        chair="Tomás Arrieta",
        attendees={
            "secretariat": ["Tomás Arrieta"],
            "vostan": ["Gevorg Melkonyan", "Anahit Ghukasyan"],
            "qarliq": ["Rauf Mammadli"],
        },
        note="Moved from Melkan to Berdavan: the Melkan road was closed by snow.",
    )
    items_3: list[dict[str, Any]] = [
        {
            "item": "cemetery-access",
            "summary": "Access to cemeteries.",
            "outcome": "Agreed in principle; visits are notified through the Secretariat.",
        },
        {
            "item": "cemetery-visit",
            "summary": "Visit of displaced families to the Zarishat cemetery, proposed by the "
            "Vostan side.",
            "outcome": "Agreed: 60 displaced persons visit the Zarishat cemetery on 29 November, "
            "escorted by the Secretariat.",
        },
        {
            "item": "incident-duty",
            "summary": "Duty officers for incidents.",
            "outcome": "Agreed: each side names a duty officer reachable around the clock.",
        },
        {
            "item": "berdavan-return",
            "summary": "Return of displaced families to Berdavan, proposed by the Qarlıq side; "
            "declined by the Vostan side.",
            "outcome": "To be taken up at the next meeting.",
        },
    ]
    at("2026-11-24T19:00")
    secretary.talks.draft_minutes(ch, "jrc-3", items_3, general="Chaired by Tomás Arrieta.")
    at("2026-11-25T09:00")
    qarliq.talks.sign_minutes(ch, "jrc-3", 1)
    at("2026-11-25T10:00")
    refusal_3, _ = vostan.send(
        ch,
        to="secretariat",
        priority="routine",
        topic="village-return",
        subject="Minutes of 24 November, version 1",
        text="We cannot sign version 1: we never agreed to take up the return to Berdavan at "
        "the next meeting.",
    )
    at("2026-11-25T10:30")
    secretary.mark_delivered(ch)
    secretary.acknowledge(ch, refusal_3.id, "Noted.")

    at("2026-11-25T12:00")
    chair.talks.add_commitment(
        ch,
        "visitor-list",
        owner="vostan",
        meeting="jrc-3",
        agenda_item="cemetery-visit",
        text="Hand the Secretariat the list of the 60 visitors to the Zarishat cemetery.",
        due="2026-11-27T18:00:00+03:00",
    )
    chair.talks.add_commitment(
        ch,
        "duty-officer",
        owner="qarliq",
        meeting="jrc-3",
        agenda_item="incident-duty",
        text="Name a duty officer for incidents, reachable around the clock through the "
        "Secretariat.",
        due="2026-11-28T18:00:00+03:00",
    )

    at("2026-11-25T15:00")
    items_3[3]["outcome"] = "Declined by the Vostan side; not discussed."
    secretary.talks.draft_minutes(ch, "jrc-3", items_3, general="Chaired by Tomás Arrieta.")
    at("2026-11-25T17:00")
    vostan.talks.sign_minutes(ch, "jrc-3", 2)
    at("2026-11-26T09:00")
    chair.talks.sign_minutes(ch, "jrc-3", 2)
    at("2026-11-26T10:00")
    vostan.talks.report(ch, "visitor-list", "List of 60 visitors handed to the Secretariat.")
    at("2026-11-26T11:00")
    refusal_3b, _ = qarliq.send(
        ch,
        to="secretariat",
        priority="routine",
        topic="village-return",
        subject="Minutes of 24 November, version 2",
        text="We refuse to sign version 2: it drops what was agreed on the return to "
        "Berdavan. We stand by version 1.",
    )
    at("2026-11-26T12:00")
    secretary.mark_delivered(ch)
    chair.acknowledge(ch, refusal_3b.id, "Noted.")

    # --- a second communiqué, not signed by Qarlıq; Qarlıq's own statement ------------
    at("2026-11-26T14:00")
    secretary.disclosures.draft_communique(ch, "communique-2026-11-24", COMMUNIQUE_2, "jrc-3")
    at("2026-11-26T16:00")
    chair.disclosures.sign_communique(ch, "communique-2026-11-24", 1)
    at("2026-11-26T18:00")
    vostan.disclosures.sign_communique(ch, "communique-2026-11-24", 1)
    at("2026-11-27T09:00")
    qarliq.talks.confirm(ch, "visitor-list", "List of 60 visitors received.")
    at("2026-11-27T12:00")
    qarliq.disclosures.unilateral(
        ch, STATEMENT_QARLIQ, language="az", source="Press service of the Qarlıq delegation"
    )

    # --- the next meeting, agreed and opened; a technical meeting nobody answered -----
    at("2026-11-27T15:00")
    next_id, _ = chair.talks.propose(
        ch,
        "jrc-4",
        start="2027-01-19T10:00:00+03:00",
        venue=MELKAN,
        format="chaired",
        agenda=[
            _item("village-return"),
            _item("property-records"),
            _item("cemeteries"),
        ],
        attendees={
            "secretariat": ["Margit Lindqvist"],
            "vostan": ["Gevorg Melkonyan"],
            "qarliq": ["Rauf Mammadli"],
        },
    )
    at("2026-11-28T10:00")
    next_v = vostan.talks.answer(ch, "jrc-4", True).entry_id
    at("2026-11-28T16:00")
    next_q = qarliq.talks.answer(ch, "jrc-4", True).entry_id

    at("2026-11-29T10:00")
    qarliq.talks.propose(
        ch,
        "jrc-technical",
        start="2027-02-02T11:00:00+03:00",
        venue=SARIYURD_SCHOOL,
        format="direct",
        agenda=[_item("demining", "road-survey", "Survey of the approach roads")],
        attendees={"vostan": ["Anahit Ghukasyan"], "qarliq": ["Leyla Abbasova"]},
    )
    at("2026-11-29T12:00")
    chair.disclosures.propose(
        ch,
        "open-next-meeting",
        [next_id, next_v, next_q],
        "public",
        "The date and place of the next meeting are to be public.",
    )
    at("2026-11-29T15:00")
    vostan.disclosures.sign(ch, "open-next-meeting")
    at("2026-11-30T09:00")
    qarliq.disclosures.sign(ch, "open-next-meeting")
    at("2026-11-30T12:00")
