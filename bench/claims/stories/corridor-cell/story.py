"""A humanitarian-corridor coordination cell (held-out evaluation story; fiction).

The Joint Humanitarian Coordination Cell (the mediator) chairs talks between the liaison
teams of two sides, Kesar and Dalvan, on an evacuation corridor from Kharzat, convoy
windows on the Marzun–Tolvan road, medical evacuations, an exchange of detainees and the
return of remains, and deconfliction notices. Every place, side and person is invented.
Local time is UTC+4; the story runs from 5 October to 20 November 2026.

- Meeting 1 (13 Oct, Marzun, chaired): held; minutes revised and signed; commitments on
  corridor guarantees (confirmed), the medevac list (disputed), convoy clearance (reported).
- Meeting 2: proposed by Kesar at the Ardanis crossing point on 28 Oct (direct), declined
  by Dalvan, countered by the Cell for 29 Oct at Hotel Arevik in Tolvan (chaired); held.
  "Administration of the Kharzat district" raised by Dalvan and declined by Kesar. Joint
  communiqué published. Commitments: exchange list (confirmed), remains (overdue),
  deconfliction duty officer (open, due January 2027).
- Mandate extended to missing persons. Meeting 3 (10 Nov, direct) agreed at the crossing
  point but held at the Ardanis village school; "night convoys" declined by Dalvan;
  minutes signed by Kesar only; a second communiqué signed by two sides only.
- The corridor entries of meeting 1 are opened to the public by joint consent.
- Next meeting agreed for 13 January 2027 in Marzun; Dalvan's proposal of a technical
  meeting in Seyrek on 22 January 2027 stays unanswered.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

CHANNEL = "jhcc-kesar-dalvan"
START = datetime(2026, 10, 5, 6, 0, tzinfo=UTC)  # Monday 5 October 2026, 10:00 local

PEOPLE = [
    (
        "cell-chief",
        "cell",
        "head",
        "Henrik Aalto",
        "Chief of the Joint Humanitarian Coordination Cell",
    ),
    ("cell-liaison", "cell", "member", "Nadia Ferreira", "Civil-military liaison officer"),
    ("kesar-head", "kesar", "head", "Tigran Shahnazaryan", "Head of the Kesar liaison team"),
    ("kesar-medic", "kesar", "member", "Lilit Ohanyan", "Medical coordinator, Kesar team"),
    ("dalvan-head", "dalvan", "head", "Elchin Huseynli", "Head of the Dalvan liaison team"),
    ("dalvan-logistics", "dalvan", "member", "Sevinj Aliyeva", "Logistics officer, Dalvan team"),
]

SIDES = {
    "cell": ("Joint Humanitarian Coordination Cell", "mediator"),
    "kesar": ("Liaison team of the Kesar side", "party"),
    "dalvan": ("Liaison team of the Dalvan side", "party"),
}

MANDATE = [
    {"id": "evacuation-corridor", "title": "Evacuation corridor for civilians from Kharzat"},
    {"id": "convoy-windows", "title": "Convoy windows on the Marzun–Tolvan road"},
    {"id": "medevac", "title": "Medical evacuation of wounded and sick civilians"},
    {"id": "exchange", "title": "Exchange of detainees and return of remains"},
    {"id": "deconfliction", "title": "Deconfliction notices for humanitarian movements"},
]

MARZUN = "Field office of the Coordination Cell, Marzun"
TOLVAN = "Hotel Arevik, Tolvan"
CROSSING = "Ardanis crossing point"
TENT = "Coordination Cell tent at the Ardanis crossing point"
SCHOOL = "School No. 2, Ardanis village"
SEYREK = "Seyrek district hospital"

COMMUNIQUE_1 = {
    "en": "On 29 October 2026 the liaison teams of Kesar and Dalvan met in Tolvan under the "
    "chairmanship of the Joint Humanitarian Coordination Cell. They agreed on a first exchange "
    "of detainees and on a procedure for notifying humanitarian movements through the Cell.",
    "ru": "29 октября 2026 года группы связи Кесара и Далвана встретились в Толване под "
    "председательством Совместной ячейки гуманитарной координации. Они договорились о первом "
    "обмене задержанными и о порядке уведомления о гуманитарных передвижениях через Ячейку.",
    "hy": "2026 թվականի հոկտեմբերի 29-ին Կեսարի և Դալվանի կապի խմբերը հանդիպեցին Թոլվանում՝ "
    "Համատեղ մարդասիրական համակարգման խցի նախագահությամբ։ Նրանք համաձայնեցին "
    "կալանավորների առաջին փոխանակման և մարդասիրական տեղաշարժերի մասին Խցի միջոցով "
    "ծանուցելու կարգի շուրջ։",
    "az": "2026-cı il oktyabrın 29-da Kesar və Dalvan əlaqə qrupları Birgə Humanitar "
    "Koordinasiya Özəyinin sədrliyi ilə Tolvanda görüşüblər. Onlar saxlanılanların ilk "
    "mübadiləsi və humanitar hərəkətlər barədə Özək vasitəsilə bildiriş qaydası üzrə "
    "razılığa gəliblər.",
}

COMMUNIQUE_2 = {
    "en": "On 10 November 2026 the liaison teams met at the Ardanis crossing point and began "
    "work on the search for missing persons.",
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
        "title": "Humanitarian corridor coordination: Kesar and Dalvan liaison teams",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 300, "urgent": 3600, "routine": 172800},
        "default_disclosure": "confidential",
    }


def _item(topic: str) -> dict[str, str]:
    titles = {t["id"]: t["title"] for t in MANDATE}
    titles["missing-persons"] = "Search for missing persons"  # the mandate's extension
    title = titles[topic]
    return {"id": topic, "topic": topic, "title": title}


def play(member: Any, clock: Any) -> None:
    ch = CHANNEL

    def at(iso_utc: str) -> None:
        """Move the story's clock forward to a UTC time."""
        target = datetime.fromisoformat(iso_utc).replace(tzinfo=UTC)
        delta = (target - clock.now()).total_seconds()
        assert delta >= 0, iso_utc
        clock.advance(seconds=delta)

    cell, liaison = member("cell-chief"), member("cell-liaison")
    kesar, medic = member("kesar-head"), member("kesar-medic")
    dalvan, logistics = member("dalvan-head"), member("dalvan-logistics")

    # --- meeting 1: proposed and agreed ---------------------------------------------
    at("2026-10-05T07:00")
    liaison.talks.propose(
        ch,
        "jhcc-1",
        start="2026-10-13T10:00:00+04:00",
        venue=MARZUN,
        format="chaired",
        agenda=[_item("evacuation-corridor"), _item("convoy-windows"), _item("medevac")],
        attendees={
            "cell": ["Henrik Aalto"],
            "kesar": ["Tigran Shahnazaryan", "Lilit Ohanyan"],
            "dalvan": ["Elchin Huseynli", "Sevinj Aliyeva"],
        },
    )
    at("2026-10-05T11:00")
    kesar.talks.answer(ch, "jhcc-1", True)
    at("2026-10-06T08:30")
    dalvan.talks.answer(ch, "jhcc-1", True)

    # --- messages before the meeting --------------------------------------------------
    at("2026-10-07T09:15")
    req, _ = medic.send(
        ch,
        to="dalvan",
        priority="urgent",
        topic="medevac",
        subject="Medical evacuation from the Kharzat district hospital",
        text="We request the medical evacuation of 14 wounded civilians from the Kharzat "
        "district hospital to Marzun, with one escort each.",
    )
    at("2026-10-07T09:40")
    logistics.mark_delivered(ch)
    dalvan.acknowledge(ch, req.id, "Received.")
    at("2026-10-07T12:05")
    dalvan.send(
        ch,
        to="kesar",
        priority="urgent",
        topic="medevac",
        reply_to=req.id,
        subject="Re: Medical evacuation from the Kharzat district hospital",
        text="We will take up the request at the meeting of 13 October in Marzun.",
    )
    medic.mark_delivered(ch)

    at("2026-10-09T15:00")
    for party, head in (("kesar", kesar), ("dalvan", dalvan)):
        notice, _ = liaison.send(
            ch,
            to=party,
            priority="flash",
            topic="deconfliction",
            subject="Deconfliction notice: aid convoy on the Marzun–Tolvan road",
            text="An aid convoy of six trucks will move on the Marzun–Tolvan road on 10 October "
            "between 08:00 and 12:00 local time.",
        )
        clock.advance(minutes=2)
        head.acknowledge(ch, notice.id, "Noted.")

    # --- meeting 1 held ---------------------------------------------------------------
    at("2026-10-13T09:50")
    held_1 = liaison.talks.record_held(
        ch,
        "jhcc-1",
        started="2026-10-13T10:20:00+04:00",
        ended="2026-10-13T13:45:00+04:00",
        venue=MARZUN,
        attendees={
            "cell": ["Henrik Aalto", "Nadia Ferreira"],
            "kesar": ["Tigran Shahnazaryan", "Lilit Ohanyan"],
            "dalvan": ["Elchin Huseynli", "Sevinj Aliyeva"],
        },
    ).entry_id

    at("2026-10-13T12:30")
    items_1 = [
        {
            "item": "evacuation-corridor",
            "summary": "A corridor for civilians leaving Kharzat.",
            "positions": {
                "kesar": "Asks for a corridor open around the clock for at least two weeks.",
                "dalvan": "Accepts a corridor in daylight hours only.",
            },
            "outcome": "Agreed: a corridor from Kharzat to Marzun over the Ardanis bridge, open "
            "daily from 07:00 to 17:00, from 19 October for ten days.",
        },
        {
            "item": "convoy-windows",
            "summary": "Windows for aid convoys on the Marzun–Tolvan road.",
            "outcome": "Agreed: two convoy windows a week, on Tuesdays and Fridays, "
            "from 08:00 to 12:00.",
        },
        {
            "item": "medevac",
            "summary": "Medical evacuation of 14 wounded civilians from the Kharzat district "
            "hospital.",
            "outcome": "Agreed in principle.",
        },
    ]
    liaison.talks.draft_minutes(ch, "jhcc-1", items_1, general="Chaired by Henrik Aalto.")
    at("2026-10-14T07:00")
    items_1[2]["outcome"] = (
        "Agreed: the 14 patients are evacuated to Marzun once the list of patients and "
        "escorts has been handed over through the Cell."
    )
    liaison.talks.draft_minutes(ch, "jhcc-1", items_1, general="Chaired by Henrik Aalto.")
    for who in (kesar, dalvan, cell):
        clock.advance(hours=2)
        who.talks.sign_minutes(ch, "jhcc-1", 2)

    # --- commitments of meeting 1 ---------------------------------------------------
    at("2026-10-14T13:00")
    guarantees_added = cell.talks.add_commitment(
        ch,
        "corridor-guarantees",
        owner="dalvan",
        meeting="jhcc-1",
        agenda_item="evacuation-corridor",
        text="Give written security guarantees for the Kharzat–Marzun corridor, through the "
        "Coordination Cell.",
        due="2026-10-17T18:00:00+04:00",
    ).entry_id
    cell.talks.add_commitment(
        ch,
        "medevac-list",
        owner="kesar",
        meeting="jhcc-1",
        agenda_item="medevac",
        text="Hand over the list of the 14 patients for medical evacuation, with their escorts, "
        "through the Coordination Cell.",
        due={"days": 3, "after_meeting": "jhcc-1"},
    )
    cell.talks.add_commitment(
        ch,
        "convoy-clearance",
        owner="dalvan",
        meeting="jhcc-1",
        agenda_item="convoy-windows",
        text="Clear the Tolvan checkpoint for the first convoy window.",
        due="2026-10-20T08:00:00+04:00",
    )

    at("2026-10-15T10:00")
    kesar.talks.report(ch, "medevac-list", "List of 14 patients handed over to the Cell.")

    at("2026-10-16T11:00")
    letter, _ = dalvan.send(
        ch,
        to="cell",
        priority="routine",
        topic="evacuation-corridor",
        subject="Security guarantees for the Kharzat–Marzun corridor",
        text="Our written security guarantees for the corridor from Kharzat to Marzun are "
        "attached; please pass them to the Kesar liaison team.",
    )
    liaison.mark_delivered(ch)
    cell.acknowledge(ch, letter.id, "Received; passing them on.")
    liaison.send(
        ch,
        to="kesar",
        priority="routine",
        relay_of=letter.id,
        subject="Relayed: security guarantees for the corridor",
        text="Relayed from the Dalvan liaison team: written security guarantees for the "
        "Kharzat–Marzun corridor.",
    )
    medic.mark_delivered(ch)
    dalvan.talks.report(ch, "corridor-guarantees", "Guarantees sent through the Cell.", letter.id)

    at("2026-10-17T07:30")
    guarantees_confirmed = kesar.talks.confirm(
        ch, "corridor-guarantees", "Guarantees received through the Cell."
    ).entry_id

    at("2026-10-18T09:00")
    dalvan.talks.dispute(
        ch,
        "medevac-list",
        "The list names no escorts for five of the fourteen patients.",
    )

    # --- meeting 2: proposed, declined, countered, agreed ---------------------------
    at("2026-10-19T08:00")
    kesar.talks.propose(
        ch,
        "jhcc-2",
        start="2026-10-28T11:00:00+04:00",
        venue=CROSSING,
        format="direct",
        agenda=[_item("exchange"), _item("deconfliction")],
        attendees={"kesar": ["Tigran Shahnazaryan"], "dalvan": ["Elchin Huseynli"]},
    )
    at("2026-10-20T06:30")
    dalvan.talks.answer(
        ch,
        "jhcc-2",
        False,
        "The crossing point is not safe for a meeting; we ask for a venue under the Cell's "
        "protection.",
    )
    at("2026-10-20T07:10")
    dalvan.talks.report(ch, "convoy-clearance", "Tolvan checkpoint cleared at 07:40.")

    at("2026-10-21T06:00")
    liaison.talks.counter(
        ch,
        "jhcc-2",
        start="2026-10-29T14:00:00+04:00",
        venue=TOLVAN,
        format="chaired",
        attendees={
            "cell": ["Henrik Aalto"],
            "kesar": ["Tigran Shahnazaryan"],
            "dalvan": ["Elchin Huseynli"],
        },
        note="Moved to Tolvan, under the Cell's protection, at the Dalvan side's request.",
    )
    at("2026-10-21T10:00")
    kesar.talks.answer(ch, "jhcc-2", True)
    at("2026-10-22T05:45")
    dalvan.talks.answer(ch, "jhcc-2", True)

    # --- meeting 2 held ---------------------------------------------------------------
    at("2026-10-29T11:00")
    dalvan.talks.raise_item(
        ch,
        "jhcc-2",
        "kharzat-administration",
        "Administration of the Kharzat district",
        topic="kharzat-administration",
        text="Who administers the Kharzat district once the civilians have left.",
    )
    at("2026-10-29T11:20")
    kesar.talks.answer_item(
        ch,
        "jhcc-2",
        "kharzat-administration",
        False,
        "Outside the mandate: the Cell deals with humanitarian movements only, not with the "
        "administration of territory.",
    )
    at("2026-10-29T14:00")
    liaison.talks.record_held(
        ch,
        "jhcc-2",
        started="2026-10-29T14:10:00+04:00",
        ended="2026-10-29T17:35:00+04:00",
        venue=TOLVAN,
        attendees={
            "cell": ["Henrik Aalto"],
            "kesar": ["Tigran Shahnazaryan"],
            "dalvan": ["Elchin Huseynli"],
        },
    )

    at("2026-10-30T06:00")
    liaison.talks.draft_minutes(
        ch,
        "jhcc-2",
        [
            {
                "item": "exchange",
                "summary": "Exchange of detainees and return of remains.",
                "outcome": "Agreed: a first exchange of 12 detainees for 12, and the handover "
                "of the remains of seven people, at the Ardanis bridge under the Cell's "
                "supervision on 6 November.",
            },
            {
                "item": "deconfliction",
                "summary": "Notices of humanitarian movements.",
                "outcome": "Agreed: each side notifies the Cell at least six hours before any "
                "humanitarian movement; the Cell passes the notice on within one hour.",
            },
            {
                "item": "kharzat-administration",
                "summary": "Raised by the Dalvan side; declined by the Kesar side as outside "
                "the mandate.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Henrik Aalto.",
    )
    for who in (kesar, dalvan, cell):
        clock.advance(hours=3)
        who.talks.sign_minutes(ch, "jhcc-2", 1)

    # --- commitments of meeting 2 ---------------------------------------------------
    at("2026-10-30T16:00")
    cell.talks.add_commitment(
        ch,
        "exchange-list",
        owner="kesar",
        meeting="jhcc-2",
        agenda_item="exchange",
        text="Hand the verified list of 12 detainees for the first exchange to the Cell.",
        due="2026-11-03T18:00:00+04:00",
    )
    cell.talks.add_commitment(
        ch,
        "remains-handover",
        owner="dalvan",
        meeting="jhcc-2",
        agenda_item="exchange",
        text="Hand over the remains of seven people at the Ardanis bridge.",
        due="2026-11-06T12:00:00+04:00",
    )
    cell.talks.add_commitment(
        ch,
        "deconfliction-duty",
        owner="kesar",
        meeting="jhcc-2",
        agenda_item="deconfliction",
        text="Name a deconfliction duty officer reachable around the clock through the Cell.",
        due="2027-01-15T18:00:00+04:00",
    )

    # --- the joint communiqué -------------------------------------------------------
    at("2026-10-30T17:00")
    liaison.disclosures.draft_communique(ch, "communique-2026-10-29", COMMUNIQUE_1, "jhcc-2")
    at("2026-10-31T08:00")
    for who in (kesar, dalvan, cell):
        clock.advance(minutes=40)
        who.disclosures.sign_communique(ch, "communique-2026-10-29", 1)

    # --- the mandate is extended; the exchange list is handed over -------------------
    at("2026-11-01T10:00")
    cell.talks.extend_mandate(
        ch, "missing-persons", "Search for missing persons", "Asked by both liaison teams."
    )
    at("2026-11-02T08:00")
    kesar.talks.sign_extension(ch, "missing-persons")
    at("2026-11-02T09:00")
    kesar.talks.report(ch, "exchange-list", "Verified list of 12 detainees handed to the Cell.")
    at("2026-11-03T07:00")
    dalvan.talks.confirm(ch, "exchange-list", "List received.")
    at("2026-11-04T06:00")
    dalvan.talks.sign_extension(ch, "missing-persons")

    # --- meeting 3: direct, agreed at the crossing point, held at the school -----------
    at("2026-11-04T07:00")
    liaison.talks.propose(
        ch,
        "jhcc-3",
        start="2026-11-10T10:00:00+04:00",
        venue=TENT,
        format="direct",
        agenda=[_item("missing-persons"), _item("convoy-windows")],
        attendees={"kesar": ["Tigran Shahnazaryan"], "dalvan": ["Elchin Huseynli"]},
    )
    at("2026-11-04T09:00")
    kesar.talks.answer(ch, "jhcc-3", True)
    at("2026-11-05T06:00")
    dalvan.talks.answer(ch, "jhcc-3", True)

    at("2026-11-05T12:00")
    logistics.send(
        ch,
        to="cell",
        priority="routine",
        topic="exchange",
        subject="Remains for the 6 November handover",
        text="Our forensic team needs more time to identify the remains before the handover.",
    )
    liaison.mark_delivered(ch)

    at("2026-11-10T07:30")
    kesar.talks.propose_item(
        ch, "jhcc-3", "night-convoys", "convoy-windows", "Night convoy windows"
    )
    at("2026-11-10T07:50")
    dalvan.talks.answer_item(
        ch,
        "jhcc-3",
        "night-convoys",
        False,
        "No night movements until the notification procedure has worked for a month.",
    )
    at("2026-11-10T08:30")
    liaison.talks.record_held(
        ch,
        "jhcc-3",
        started="2026-11-10T10:40:00+04:00",
        ended="2026-11-10T12:15:00+04:00",
        venue=SCHOOL,
        attendees={
            "cell": ["Nadia Ferreira"],
            "kesar": ["Tigran Shahnazaryan"],
            "dalvan": ["Elchin Huseynli"],
        },
        note="Moved from the crossing-point tent to the village school at the parties' request.",
    )
    at("2026-11-10T12:00")
    liaison.talks.draft_minutes(
        ch,
        "jhcc-3",
        [
            {
                "item": "missing-persons",
                "summary": "Search for missing persons.",
                "outcome": "Agreed: each side hands the Cell its list of missing persons "
                "before the next meeting.",
            },
            {
                "item": "night-convoys",
                "summary": "Night convoy windows, proposed by the Kesar side.",
                "outcome": "Declined by the Dalvan side.",
            },
        ],
    )
    at("2026-11-11T06:00")
    kesar.talks.sign_minutes(ch, "jhcc-3", 1)

    liaison.disclosures.draft_communique(ch, "communique-2026-11-10", COMMUNIQUE_2, "jhcc-3")
    at("2026-11-11T08:00")
    cell.disclosures.sign_communique(ch, "communique-2026-11-10", 1)
    kesar.disclosures.sign_communique(ch, "communique-2026-11-10", 1)

    # --- the corridor entries are opened to the public by joint consent ---------------
    at("2026-11-12T07:00")
    cell.disclosures.propose(
        ch,
        "open-corridor",
        [held_1, guarantees_added, guarantees_confirmed],
        "public",
        "Civilians must know that the corridor is guaranteed.",
    )
    at("2026-11-12T10:00")
    kesar.disclosures.sign(ch, "open-corridor")
    at("2026-11-13T06:30")
    dalvan.disclosures.sign(ch, "open-corridor")

    # --- the next meeting, and a proposal nobody answered ------------------------------
    at("2026-11-16T07:00")
    liaison.talks.propose(
        ch,
        "jhcc-4",
        start="2027-01-13T10:00:00+04:00",
        venue=MARZUN,
        format="chaired",
        agenda=[_item("exchange"), _item("missing-persons"), _item("medevac")],
        attendees={
            "cell": ["Henrik Aalto"],
            "kesar": ["Tigran Shahnazaryan"],
            "dalvan": ["Elchin Huseynli"],
        },
    )
    at("2026-11-16T12:00")
    dalvan.talks.answer(ch, "jhcc-4", True)
    at("2026-11-17T06:00")
    kesar.talks.answer(ch, "jhcc-4", True)

    at("2026-11-18T08:00")
    dalvan.talks.propose(
        ch,
        "medevac-technical",
        start="2027-01-22T11:00:00+04:00",
        venue=SEYREK,
        format="direct",
        agenda=[_item("medevac")],
        attendees={"kesar": ["Lilit Ohanyan"], "dalvan": ["Sevinj Aliyeva"]},
    )
    at("2026-11-20T06:00")
