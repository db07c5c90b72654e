"""A joint border-delimitation commission (held-out evaluation story; fiction).

The Office of the Special Envoy for the Tsaghkan–Dəmirli border (the mediator; Special
Envoy Ingrid Halvorsen) chairs a Joint Border Commission of the delegations of Tsaghkan
and Dəmirli on surveying the line, its markers, archival maps and incident notices for
survey teams. The border village is Aghbyur to Tsaghkan and Ağbulaq to Dəmirli (Агбюр /
Агбулаг in Russian). Every place, side and person is invented. Local time is UTC+2; the
story runs from 5 June to 11 August 2028.

- Meeting 1 (13 June, the Envoy's residence in Valmora, chaired): held 10:00–13:30.
  Dəmirli raises the return of former residents of Ağbulaq; Tsaghkan declines it as
  outside the mandate. Minutes v1 signed by Tsaghkan, refused by Dəmirli (a message), v2
  signed by all. Commitments: 1926 survey sheets (Tsaghkan; reported, confirmed), marker
  coordinates (Dəmirli; reported, disputed).
- A flash about shots near marker 31 acknowledged in two minutes; Tsaghkan's urgent
  request about livestock delivered but never acknowledged; Dəmirli's survey-team list
  relayed by the Envoy's office.
- Meeting 2: proposed by Tsaghkan at its Aghbyur border post on 27 June (direct),
  declined by Dəmirli, countered by the Envoy's office for 28 June 14:00 at the field
  office in Dovrin (chaired); held late, from 15:35. Item on marker inspection accepted;
  Tsaghkan's night-time survey item declined. Commitments: duty officer (Dəmirli;
  confirmed), Sector 4 schedule (Tsaghkan; reported, never confirmed), repair of marker 31
  (Dəmirli; never reported, overdue). Communiqué on meetings 1 and 2 published in English,
  Armenian and Azerbaijani.
- Mandate extension to water intakes signed by Tsaghkan only. Meeting 3 (19 July,
  direct): agreed at the survey camp at marker 31, held at the Aghbyur village school in a
  thunderstorm; Dəmirli's head absent. Intake item raised and declined; relocation of
  marker 33 declined. Commitment: marker photographs (Tsaghkan; due 15 September, open).
- Meeting 4 (2 August, Ostra Lake Hotel, chaired): minutes signed by Tsaghkan and the
  Envoy only; a second communiqué (en, ru) signed by the Envoy and Tsaghkan only, never
  published.
- Next meeting: Dəmirli proposes 6 September at its Ağbulaq border post, Tsaghkan
  declines, the Envoy's office counters 13 September 2028 10:00 in Valmora: agreed.
  Tsaghkan's technical meeting in Tsarav on 30 August is declined by Dəmirli. Meeting 1's
  held entry and the survey-sheets commitment are opened to the public; Tsaghkan's
  proposal to open the marker-31 commitment is never signed by the others.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

CHANNEL = "tsaghkan-demirli-border"
TZ = timezone(timedelta(hours=2))
START = datetime(2028, 6, 5, 10, 0, tzinfo=TZ).astimezone(UTC)  # Monday 5 June 2028

PEOPLE = [
    (
        "envoy",
        "ose",
        "head",
        "Ingrid Halvorsen",
        "Special Envoy for the Tsaghkan–Dəmirli border, chair of the Joint Border Commission",
    ),
    ("adviser", "ose", "member", "Pieter van Loon", "Senior cartographic adviser to the Envoy"),
    ("liaison", "ose", "member", "Amira Haddad", "Liaison officer of the Envoy's office"),
    (
        "tsa-head",
        "tsaghkan",
        "head",
        "Armen Ghazaryan",
        "Head of the Tsaghkan delegation to the Joint Border Commission",
    ),
    ("tsa-survey", "tsaghkan", "member", "Anahit Poghosyan", "Chief surveyor, Tsaghkan"),
    (
        "dem-head",
        "demirli",
        "head",
        "Tural Hüseynzadə",
        "Head of the Dəmirli delegation to the Joint Border Commission",
    ),
    ("dem-carto", "demirli", "member", "Leyla Nəsirova", "Chief cartographer, Dəmirli"),
    ("dem-legal", "demirli", "member", "Kamran Zeynalov", "Legal adviser, Dəmirli delegation"),
]

SIDES = {
    "ose": ("Office of the Special Envoy for the Tsaghkan–Dəmirli border", "mediator"),
    "tsaghkan": ("Delegation of Tsaghkan", "party"),
    "demirli": ("Delegation of Dəmirli", "party"),
}

MANDATE = [
    {"id": "survey", "title": "Joint field survey of the border line"},
    {"id": "markers", "title": "Border markers: location, repair and maintenance"},
    {"id": "maps", "title": "Exchange of archival maps and coordinates"},
    {"id": "incidents", "title": "Notification of incidents affecting survey teams"},
]

VALMORA = "Residence of the Special Envoy, Valmora"
TSA_POST = "Tsaghkan border post at Aghbyur"
DOVRIN = "Field office of the Special Envoy, Dovrin"
CAMP = "Joint survey camp at marker 31, Aghbyur (Ağbulaq) valley"
SCHOOL = "Village school, Aghbyur (Ağbulaq)"
OSTRA = "Conference hall of the Ostra Lake Hotel, Ostra"
DEM_POST = "Dəmirli border post at Ağbulaq"
TSARAV = "Institute of Geodesy, Tsarav"

COMMUNIQUE_1 = {
    "en": "The Joint Border Commission of Tsaghkan and Dəmirli met on 13 June 2028 in Valmora "
    "and on 28 June 2028 in Dovrin, chaired by the Special Envoy, Ingrid Halvorsen. The "
    "delegations agreed on a joint field survey of Sector 3 of the border, by teams of six "
    "surveyors from each side, and on a 24-hour line for notifying incidents affecting "
    "survey teams through the Envoy's field office in Dovrin.",
    "hy": "Ծաղկանի և Դեմիրլիի սահմանային համատեղ հանձնաժողովը հավաքվել է 2028 թ. հունիսի "
    "13-ին Վալմորայում և հունիսի 28-ին Դովրինում՝ Հատուկ բանագնաց Ինգրիդ Հալվորսենի "
    "նախագահությամբ։ Պատվիրակությունները համաձայնեցին սահմանի 3-րդ հատվածի համատեղ "
    "դաշտային հետազննության շուրջ՝ յուրաքանչյուր կողմից վեց հանութագործից բաղկացած "
    "խմբերով, ինչպես նաև հետազննական խմբերին առնչվող միջադեպերի մասին Դովրինում "
    "բանագնացի դաշտային գրասենյակի միջոցով ծանուցելու շուրջօրյա գծի շուրջ։",
    "az": "Dəmirli və Tsaghkan Birgə Sərhəd Komissiyası 2028-ci il iyunun 13-də Valmorada və "
    "iyunun 28-də Dovrində Xüsusi nümayəndə İnqrid Halvorsenin sədrliyi ilə toplanıb. "
    "Nümayəndə heyətləri sərhədin 3-cü sektorunun hər tərəfdən altı topoqrafdan ibarət "
    "qruplarla birgə çöl tədqiqatı və tədqiqat qruplarına aid insidentlər barədə Dovrindəki "
    "nümayəndəlik ofisi vasitəsilə gecə-gündüz bildiriş xətti barədə razılığa gəliblər.",
}

COMMUNIQUE_2 = {
    "en": "On 2 August 2028 the Joint Border Commission met in Ostra, chaired by the Special "
    "Envoy, and received the results of the field survey of Sector 3.",
    "ru": "2 августа 2028 года Совместная пограничная комиссия провела заседание в Остре под "
    "председательством Специального посланника и заслушала результаты полевого обследования "
    "3-го сектора.",
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
        "title": "Joint Border Commission: delegations of Tsaghkan and Dəmirli",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 300, "urgent": 1800, "routine": 86400},
        "default_disclosure": "confidential",
    }


def _item(item: str, topic: str, title: str) -> dict[str, str]:
    return {"id": item, "topic": topic, "title": title}


def play(member: Any, clock: Any) -> None:
    ch = CHANNEL

    def at(local: str) -> None:
        """Move the story's clock forward to a local (UTC+02:00) time."""
        target = datetime.fromisoformat(local).replace(tzinfo=TZ)
        delta = (target - clock.now()).total_seconds()
        assert delta >= 0, local
        clock.advance(seconds=delta)

    envoy, adviser, liaison = member("envoy"), member("adviser"), member("liaison")
    tsa, surveyor = member("tsa-head"), member("tsa-survey")
    dem, carto, legal = member("dem-head"), member("dem-carto"), member("dem-legal")

    # --- meeting 1: Valmora, 13 June ----------------------------------------------------
    at("2028-06-05T11:00")
    liaison.talks.propose(
        ch,
        "jbc-1",
        start="2028-06-13T10:00:00+02:00",
        venue=VALMORA,
        format="chaired",
        agenda=[
            _item("sector3-line", "survey", "Joint field survey of Sector 3"),
            _item(
                "archival-maps",
                "maps",
                "Exchange of the 1926 survey sheets and the 1974 topographic maps",
            ),
            _item("sector3-markers", "markers", "Surviving markers of Sector 3"),
        ],
        attendees={
            "ose": ["Ingrid Halvorsen"],
            "tsaghkan": ["Armen Ghazaryan", "Anahit Poghosyan"],
            "demirli": ["Tural Hüseynzadə", "Leyla Nəsirova"],
        },
    )
    at("2028-06-05T15:30")
    tsa.talks.answer(ch, "jbc-1", True)
    at("2028-06-06T09:00")
    dem.talks.answer(ch, "jbc-1", True)

    at("2028-06-07T09:10")
    protocol, _ = surveyor.send(
        ch,
        to="ose",
        priority="routine",
        topic="maps",
        subject="Copy of the 1926 boundary protocol",
        text="We ask the Envoy's office for a certified copy of the 1926 boundary protocol "
        "kept in its archive.",
    )
    at("2028-06-07T11:40")
    adviser.mark_delivered(ch)
    adviser.acknowledge(
        ch, protocol.id, "Received; the copy will be brought to Valmora on 13 June."
    )

    # --- meeting 1 held; an item outside the mandate ------------------------------------
    at("2028-06-13T09:30")
    dem.talks.raise_item(
        ch,
        "jbc-1",
        "return-residents",
        "Return of former residents to Ağbulaq",
        topic="residents",
        text="The right of the former residents of Ağbulaq (Aghbyur) to return to their homes "
        "on either side of the line.",
    )
    at("2028-06-13T09:45")
    tsa.talks.answer_item(
        ch,
        "jbc-1",
        "return-residents",
        False,
        "Outside the mandate: the Commission marks the line on the ground; residence and "
        "return belong to the political talks.",
    )
    at("2028-06-13T14:00")
    held_1 = envoy.talks.record_held(
        ch,
        "jbc-1",
        started="2028-06-13T10:00:00+02:00",
        ended="2028-06-13T13:30:00+02:00",
        venue=VALMORA,
        attendees={
            "ose": ["Ingrid Halvorsen", "Pieter van Loon"],
            "tsaghkan": ["Armen Ghazaryan", "Anahit Poghosyan"],
            "demirli": ["Tural Hüseynzadə", "Leyla Nəsirova", "Kamran Zeynalov"],
        },
        note="Chaired by Ingrid Halvorsen, Special Envoy.",
    ).entry_id

    # --- commitments of meeting 1 -------------------------------------------------------
    at("2028-06-13T15:00")
    maps_added = envoy.talks.add_commitment(
        ch,
        "survey-sheets",
        owner="tsaghkan",
        meeting="jbc-1",
        agenda_item="archival-maps",
        text="Hand over scans of the nine 1926 survey sheets covering Sector 3 to the Envoy's "
        "office.",
        due="2028-06-20T18:00:00+02:00",
    ).entry_id
    envoy.talks.add_commitment(
        ch,
        "marker-coordinates",
        owner="demirli",
        meeting="jbc-1",
        agenda_item="sector3-markers",
        text="Hand over the coordinates of the 14 surviving markers of Sector 3, in WGS 84, "
        "through the Envoy's office.",
        due={"days": 3, "after_meeting": "jbc-1"},
    )

    # --- minutes of meeting 1: v1, refused by Dəmirli, v2 signed by all -----------------
    at("2028-06-14T10:00")
    items_1: list[dict[str, Any]] = [
        {
            "item": "sector3-line",
            "summary": "The basis for the line in Sector 3.",
            "positions": {
                "tsaghkan": "The 1926 survey sheets are the only basis for the line in Sector 3.",
                "demirli": "Accepts the 1926 survey sheets as the basis for the line.",
            },
            "outcome": "Agreed: a joint field survey of Sector 3 from 26 June, by teams of six "
            "surveyors from each side, with the Envoy's cartographic adviser.",
        },
        {
            "item": "archival-maps",
            "summary": "Archival maps of the border area.",
            "outcome": "Agreed: the Tsaghkan side hands over the 1926 survey sheets and the "
            "Dəmirli side the 1974 topographic maps, through the Envoy's office.",
        },
        {
            "item": "sector3-markers",
            "summary": "The 14 surviving markers of Sector 3.",
            "outcome": "Agreed: the coordinates of the 14 surviving markers are exchanged in "
            "WGS 84.",
        },
        {
            "item": "return-residents",
            "summary": "Raised by the Dəmirli side; declined by the Tsaghkan side as outside "
            "the mandate.",
            "outcome": "Not discussed.",
        },
    ]
    liaison.talks.draft_minutes(ch, "jbc-1", items_1, general="Chaired by Ingrid Halvorsen.")
    at("2028-06-14T15:00")
    tsa.talks.sign_minutes(ch, "jbc-1", 1)

    at("2028-06-15T09:00")
    refusal, _ = dem.send(
        ch,
        to="ose",
        priority="routine",
        subject="Minutes of 13 June, version 1",
        text="We will not sign version 1 of the minutes: it says that our side accepts the "
        "1926 survey sheets as the basis for the line. Our position is that the 1926 sheets "
        "are read together with the 1974 topographic maps.",
    )
    at("2028-06-15T10:15")
    liaison.mark_delivered(ch)
    liaison.acknowledge(ch, refusal.id, "Received; a revised version follows.")

    # --- a flash, acknowledged at once, and the answer ----------------------------------
    at("2028-06-15T16:20")
    shots, _ = carto.send(
        ch,
        to="tsaghkan",
        priority="flash",
        topic="incidents",
        subject="Shots near our reconnaissance party at marker 31",
        text="Shots were heard about 300 metres from our reconnaissance party at marker 31 in "
        "the Ağbulaq valley at 16:10. The party is withdrawing to the road.",
    )
    at("2028-06-15T16:21")
    surveyor.mark_delivered(ch)
    at("2028-06-15T16:22")
    tsa.acknowledge(ch, shots.id, "Received; our post at Aghbyur is checking.")
    at("2028-06-15T16:55")
    answer, _ = tsa.send(
        ch,
        to="demirli",
        priority="urgent",
        topic="incidents",
        reply_to=shots.id,
        subject="Re: Shots near your reconnaissance party at marker 31",
        text="Our post at Aghbyur reports a hunting party on our side of the line, about one "
        "kilometre from marker 31. No shots were aimed at your party.",
    )
    at("2028-06-15T17:05")
    carto.mark_delivered(ch)
    at("2028-06-15T17:08")
    dem.acknowledge(ch, answer.id, "Received.")

    # --- commitments of meeting 1: reported, revised minutes, dispute, confirmation ------
    at("2028-06-16T09:30")
    dem.talks.report(
        ch,
        "marker-coordinates",
        "Coordinates of the 14 markers sent to the Envoy's office.",
    )
    at("2028-06-16T11:00")
    items_1[0]["positions"]["demirli"] = (
        "Reads the 1926 survey sheets together with the 1974 topographic maps."
    )
    liaison.talks.draft_minutes(ch, "jbc-1", items_1, general="Chaired by Ingrid Halvorsen.")
    at("2028-06-16T14:00")
    dem.talks.sign_minutes(ch, "jbc-1", 2)
    at("2028-06-16T16:30")
    tsa.talks.sign_minutes(ch, "jbc-1", 2)
    at("2028-06-16T17:00")
    envoy.talks.sign_minutes(ch, "jbc-1", 2)

    at("2028-06-17T10:00")
    tsa.talks.dispute(
        ch,
        "marker-coordinates",
        "The coordinates of four of the 14 markers are given in the 1942 datum, not in WGS 84.",
    )

    # --- meeting 2: proposed by Tsaghkan, declined, countered, agreed --------------------
    at("2028-06-19T08:00")
    tsa.talks.propose(
        ch,
        "jbc-2",
        start="2028-06-27T11:00:00+02:00",
        venue=TSA_POST,
        format="direct",
        agenda=[
            _item("survey-progress", "survey", "Progress of the Sector 3 field survey"),
            _item("incident-line", "incidents", "Incident notification line for survey teams"),
        ],
        attendees={"tsaghkan": ["Armen Ghazaryan"], "demirli": ["Tural Hüseynzadə"]},
    )
    at("2028-06-19T12:00")
    tsa.talks.report(ch, "survey-sheets", "Nine scanned sheets handed to the Envoy's office.")
    at("2028-06-20T10:00")
    dem.talks.answer(
        ch,
        "jbc-2",
        False,
        "A border post of one side is not neutral ground; we ask for a meeting chaired by the "
        "Envoy.",
    )
    at("2028-06-21T09:00")
    maps_confirmed = dem.talks.confirm(
        ch, "survey-sheets", "Nine sheets received through the Envoy's office."
    ).entry_id

    # --- an urgent request that nobody acknowledges -----------------------------------
    at("2028-06-22T10:00")
    tsa.send(
        ch,
        to="demirli",
        priority="urgent",
        topic="survey",
        subject="Livestock near markers 28 to 31",
        text="We ask that herds be kept at least 500 metres from markers 28 to 31 from 26 to 30 "
        "June, while the survey teams work there.",
    )
    at("2028-06-22T10:30")
    carto.mark_delivered(ch)

    at("2028-06-22T15:00")
    liaison.talks.counter(
        ch,
        "jbc-2",
        start="2028-06-28T14:00:00+02:00",
        venue=DOVRIN,
        format="chaired",
        attendees={
            "ose": ["Ingrid Halvorsen"],
            "tsaghkan": ["Armen Ghazaryan", "Anahit Poghosyan"],
            "demirli": ["Tural Hüseynzadə", "Leyla Nəsirova"],
        },
        note="Moved to the Envoy's field office in Dovrin, chaired by the Envoy, at the "
        "Dəmirli side's request.",
    )
    at("2028-06-23T09:00")
    tsa.talks.answer(ch, "jbc-2", True)
    at("2028-06-23T11:30")
    dem.talks.answer(ch, "jbc-2", True)

    # --- a message relayed by the Envoy's office --------------------------------------
    at("2028-06-23T12:00")
    team, _ = dem.send(
        ch,
        to="ose",
        priority="routine",
        topic="survey",
        subject="Our field team for the Sector 3 survey",
        text="Our field team for the Sector 3 survey: six surveyors led by Leyla Nəsirova. "
        "Please pass this to the Tsaghkan delegation.",
    )
    at("2028-06-23T12:40")
    liaison.mark_delivered(ch)
    liaison.acknowledge(ch, team.id, "Received; passing it on.")
    at("2028-06-23T13:00")
    liaison.send(
        ch,
        to="tsaghkan",
        priority="routine",
        relay_of=team.id,
        subject="Relayed: the Dəmirli field team for the Sector 3 survey",
        text="Relayed from the Dəmirli delegation: their field team for the Sector 3 survey is "
        "six surveyors led by Leyla Nəsirova.",
    )
    at("2028-06-23T13:20")
    surveyor.mark_delivered(ch)

    # --- agenda items for meeting 2: one accepted, one declined --------------------------
    at("2028-06-26T10:00")
    dem.talks.propose_item(
        ch, "jbc-2", "marker-inspection", "markers", "Joint inspection of markers 28 to 35"
    )
    at("2028-06-26T15:00")
    tsa.talks.answer_item(ch, "jbc-2", "marker-inspection", True)
    at("2028-06-27T09:00")
    tsa.talks.propose_item(
        ch, "jbc-2", "night-survey", "survey", "Night-time satellite survey work in Sector 4"
    )
    at("2028-06-27T17:00")
    dem.talks.answer_item(
        ch,
        "jbc-2",
        "night-survey",
        False,
        "No night work until the incident line has been tested.",
    )

    # --- meeting 2 held, late ---------------------------------------------------------
    at("2028-06-28T18:30")
    liaison.talks.record_held(
        ch,
        "jbc-2",
        started="2028-06-28T15:35:00+02:00",
        ended="2028-06-28T18:10:00+02:00",
        venue=DOVRIN,
        attendees={
            "ose": ["Ingrid Halvorsen", "Amira Haddad"],
            "tsaghkan": ["Armen Ghazaryan", "Anahit Poghosyan"],
            "demirli": ["Tural Hüseynzadə", "Leyla Nəsirova"],
        },
        note="Opened at 15:35 instead of 14:00: the Dəmirli delegation was held up at the "
        "Dovrin road checkpoint.",
    )

    at("2028-06-29T10:00")
    liaison.talks.draft_minutes(
        ch,
        "jbc-2",
        [
            {
                "item": "survey-progress",
                "summary": "Progress of the Sector 3 field survey, begun on 26 June.",
                "outcome": "Agreed: the Sector 3 survey continues until 14 July; the Sector 4 "
                "survey starts on 17 July, in daylight only.",
            },
            {
                "item": "incident-line",
                "summary": "How incidents affecting survey teams are notified.",
                "positions": {
                    "tsaghkan": "Asks for a direct line between the two border posts.",
                    "demirli": "Asks for every notice to go through the Envoy's office.",
                },
                "outcome": "Agreed: a 24-hour incident line through the Envoy's field office "
                "in Dovrin; each side names a duty officer.",
            },
            {
                "item": "marker-inspection",
                "summary": "Proposed by the Dəmirli side; accepted by the Tsaghkan side.",
                "outcome": "Agreed: a joint inspection of markers 28 to 35 in July.",
            },
            {
                "item": "night-survey",
                "summary": "Proposed by the Tsaghkan side.",
                "outcome": "Declined by the Dəmirli side.",
            },
        ],
        general="Chaired by Ingrid Halvorsen.",
    )
    for who in (tsa, dem, envoy):
        clock.advance(hours=2)
        who.talks.sign_minutes(ch, "jbc-2", 1)

    # --- commitments of meeting 2 -------------------------------------------------------
    at("2028-06-29T16:00")
    envoy.talks.add_commitment(
        ch,
        "duty-officer",
        owner="demirli",
        meeting="jbc-2",
        agenda_item="incident-line",
        text="Name an incident duty officer reachable around the clock through the Dovrin field "
        "office.",
        due="2028-07-05T18:00:00+02:00",
    )
    envoy.talks.add_commitment(
        ch,
        "sector4-schedule",
        owner="tsaghkan",
        meeting="jbc-2",
        agenda_item="survey-progress",
        text="Send the Envoy's office the field schedule of the Sector 4 survey.",
        due="2028-07-10T18:00:00+02:00",
    )
    marker31_added = envoy.talks.add_commitment(
        ch,
        "marker31-repair",
        owner="demirli",
        meeting="jbc-2",
        agenda_item="marker-inspection",
        text="Repair marker 31, damaged on 15 June, and send photographs of it through the "
        "Envoy's office.",
        due="2028-07-14T18:00:00+02:00",
    ).entry_id

    # --- the joint communiqué on meetings 1 and 2 ---------------------------------------
    at("2028-06-30T10:00")
    liaison.disclosures.draft_communique(ch, "communique-2028-06", COMMUNIQUE_1, "jbc-2")
    at("2028-06-30T14:00")
    tsa.disclosures.sign_communique(ch, "communique-2028-06", 1)
    at("2028-07-01T09:00")
    dem.disclosures.sign_communique(ch, "communique-2028-06", 1)
    at("2028-07-01T10:00")
    envoy.disclosures.sign_communique(ch, "communique-2028-06", 1)

    # --- the mandate extension, signed by one side only ----------------------------------
    at("2028-07-03T10:00")
    envoy.talks.extend_mandate(
        ch,
        "water-intakes",
        "Irrigation intakes crossing the border line",
        "Asked by the Tsaghkan delegation.",
    )
    at("2028-07-04T09:00")
    tsa.talks.sign_extension(ch, "water-intakes")
    at("2028-07-04T11:00")
    dem.talks.report(
        ch,
        "duty-officer",
        "Duty officer named; his number is with the Dovrin field office.",
    )
    at("2028-07-05T09:30")
    tsa.talks.confirm(ch, "duty-officer", "Duty officer reached through Dovrin on 5 July.")

    # --- meeting 3: direct, at the survey camp -------------------------------------------
    at("2028-07-05T12:00")
    liaison.talks.propose(
        ch,
        "jbc-3",
        start="2028-07-19T10:00:00+02:00",
        venue=CAMP,
        format="direct",
        agenda=[
            _item("sector4-start", "survey", "Start of the Sector 4 survey"),
            _item("marker31", "markers", "Repair of marker 31"),
        ],
        attendees={
            "tsaghkan": ["Armen Ghazaryan", "Anahit Poghosyan"],
            "demirli": ["Tural Hüseynzadə", "Leyla Nəsirova"],
        },
    )
    at("2028-07-05T16:00")
    dem.talks.answer(ch, "jbc-3", True)
    at("2028-07-06T09:00")
    tsa.talks.answer(ch, "jbc-3", True)

    at("2028-07-09T16:00")
    tsa.talks.report(ch, "sector4-schedule", "Sector 4 field schedule sent to the Envoy's office.")

    at("2028-07-18T10:00")
    tsa.talks.raise_item(
        ch,
        "jbc-3",
        "intake-canal",
        "The irrigation intake near marker 33",
        topic="water-intakes",
        text="The irrigation intake of Aghbyur near marker 33, whose canal crosses the line.",
    )
    at("2028-07-18T14:00")
    dem.talks.answer_item(
        ch,
        "jbc-3",
        "intake-canal",
        False,
        "Our side has not signed the extension of the mandate to water intakes.",
    )
    at("2028-07-19T08:30")
    dem.talks.propose_item(
        ch, "jbc-3", "marker33-relocation", "markers", "Moving marker 33 to the stream bank"
    )
    at("2028-07-19T09:00")
    tsa.talks.answer_item(
        ch,
        "jbc-3",
        "marker33-relocation",
        False,
        "The 1926 sheets put marker 33 on the ridge, not on the stream.",
    )
    at("2028-07-19T13:30")
    liaison.talks.record_held(
        ch,
        "jbc-3",
        started="2028-07-19T10:05:00+02:00",
        ended="2028-07-19T12:50:00+02:00",
        venue=SCHOOL,
        attendees={
            "ose": ["Pieter van Loon"],
            "tsaghkan": ["Armen Ghazaryan", "Anahit Poghosyan"],
            "demirli": ["Leyla Nəsirova", "Kamran Zeynalov"],
        },
        note="Moved from the survey camp to the village school because of a thunderstorm. "
        "Tural Hüseynzadə did not attend; Leyla Nəsirova led the Dəmirli delegation.",
    )

    at("2028-07-20T09:00")
    liaison.talks.draft_minutes(
        ch,
        "jbc-3",
        [
            {
                "item": "sector4-start",
                "summary": "Start of the Sector 4 survey.",
                "outcome": "Agreed: the Sector 4 survey starts on 24 July, a week later than "
                "planned.",
            },
            {
                "item": "marker31",
                "summary": "Marker 31, damaged on 15 June.",
                "positions": {
                    "tsaghkan": "Asks for marker 31 to be repaired before the Sector 4 survey "
                    "starts.",
                    "demirli": "Will repair marker 31 when the concrete arrives.",
                },
                "outcome": "Not agreed.",
            },
            {
                "item": "intake-canal",
                "summary": "Raised by the Tsaghkan side; declined by the Dəmirli side.",
                "outcome": "Not discussed.",
            },
            {
                "item": "marker33-relocation",
                "summary": "Proposed by the Dəmirli side; declined by the Tsaghkan side.",
                "outcome": "Not discussed.",
            },
        ],
    )
    at("2028-07-20T14:00")
    tsa.talks.sign_minutes(ch, "jbc-3", 1)
    at("2028-07-21T10:00")
    dem.talks.sign_minutes(ch, "jbc-3", 1)

    at("2028-07-21T12:00")
    envoy.talks.add_commitment(
        ch,
        "marker-photos",
        owner="tsaghkan",
        meeting="jbc-3",
        agenda_item="marker31",
        text="Hand over photographs and coordinates of markers 28 to 35 after the joint "
        "inspection.",
        due="2028-09-15T18:00:00+02:00",
    )

    # --- meeting 4: Ostra, 2 August --------------------------------------------------------
    at("2028-07-21T15:00")
    liaison.talks.propose(
        ch,
        "jbc-4",
        start="2028-08-02T10:00:00+02:00",
        venue=OSTRA,
        format="chaired",
        agenda=[
            _item("sector3-results", "survey", "Results of the Sector 3 survey"),
            _item("marker31-status", "markers", "Marker 31"),
        ],
        attendees={
            "ose": ["Ingrid Halvorsen"],
            "tsaghkan": ["Armen Ghazaryan"],
            "demirli": ["Tural Hüseynzadə"],
        },
    )
    at("2028-07-22T10:00")
    tsa.talks.answer(ch, "jbc-4", True)
    at("2028-07-24T09:00")
    dem.talks.answer(ch, "jbc-4", True)

    at("2028-07-25T11:00")
    review, _ = legal.send(
        ch,
        to="ose",
        priority="routine",
        subject="The proposed extension of the mandate to water intakes",
        text="Our legal review of the proposed extension of the mandate to water intakes is "
        "not finished; we cannot sign it before the meeting of 2 August.",
    )
    at("2028-07-26T09:00")
    liaison.mark_delivered(ch)
    liaison.acknowledge(ch, review.id, "Received.")

    at("2028-08-02T13:00")
    liaison.talks.record_held(
        ch,
        "jbc-4",
        started="2028-08-02T10:00:00+02:00",
        ended="2028-08-02T12:40:00+02:00",
        venue=OSTRA,
        attendees={
            "ose": ["Ingrid Halvorsen", "Pieter van Loon"],
            "tsaghkan": ["Armen Ghazaryan", "Anahit Poghosyan"],
            "demirli": ["Tural Hüseynzadə", "Kamran Zeynalov"],
        },
    )
    at("2028-08-03T09:00")
    liaison.talks.draft_minutes(
        ch,
        "jbc-4",
        [
            {
                "item": "sector3-results",
                "summary": "Results of the Sector 3 survey: 11.4 km of line walked and measured.",
                "positions": {
                    "tsaghkan": "The survey confirms the line of the 1926 sheets along the whole "
                    "of Sector 3.",
                    "demirli": "Between markers 32 and 34 the line departs from the 1974 maps; "
                    "asks for a second survey there.",
                },
                "outcome": "Not agreed: the section between markers 32 and 34 is referred to "
                "the next meeting.",
            },
            {
                "item": "marker31-status",
                "summary": "Marker 31.",
                "outcome": "Marker 31 has still not been repaired.",
            },
        ],
        general="Chaired by Ingrid Halvorsen.",
    )
    at("2028-08-03T15:00")
    tsa.talks.sign_minutes(ch, "jbc-4", 1)
    at("2028-08-03T16:00")
    envoy.talks.sign_minutes(ch, "jbc-4", 1)

    # --- a second communiqué that is never published -------------------------------------
    at("2028-08-03T17:00")
    liaison.disclosures.draft_communique(ch, "communique-2028-08", COMMUNIQUE_2, "jbc-4")
    at("2028-08-04T10:00")
    envoy.disclosures.sign_communique(ch, "communique-2028-08", 1)
    at("2028-08-04T11:00")
    tsa.disclosures.sign_communique(ch, "communique-2028-08", 1)

    # --- the next meeting: declined, countered, agreed -----------------------------------
    at("2028-08-04T12:00")
    dem.talks.propose(
        ch,
        "jbc-5",
        start="2028-09-06T11:00:00+02:00",
        venue=DEM_POST,
        format="direct",
        agenda=[_item("markers-32-34", "survey", "The line between markers 32 and 34")],
        attendees={"tsaghkan": ["Armen Ghazaryan"], "demirli": ["Tural Hüseynzadə"]},
    )
    at("2028-08-05T10:00")
    tsa.talks.answer(
        ch,
        "jbc-5",
        False,
        "A border post of one side is not neutral ground, as the Dəmirli side itself said in June.",
    )
    at("2028-08-07T09:00")
    liaison.talks.counter(
        ch,
        "jbc-5",
        start="2028-09-13T10:00:00+02:00",
        venue=VALMORA,
        format="chaired",
        attendees={
            "ose": ["Ingrid Halvorsen"],
            "tsaghkan": ["Armen Ghazaryan"],
            "demirli": ["Tural Hüseynzadə"],
        },
        note="Moved to the Envoy's residence in Valmora, chaired by the Envoy.",
    )
    at("2028-08-07T14:00")
    tsa.talks.answer(ch, "jbc-5", True)
    at("2028-08-08T10:00")
    dem.talks.answer(ch, "jbc-5", True)

    at("2028-08-08T12:00")
    tsa.talks.propose(
        ch,
        "tech-sector4",
        start="2028-08-30T10:00:00+02:00",
        venue=TSARAV,
        format="direct",
        agenda=[_item("sector4-data", "survey", "Data of the Sector 4 survey")],
        attendees={"tsaghkan": ["Anahit Poghosyan"], "demirli": ["Leyla Nəsirova"]},
    )
    at("2028-08-09T15:00")
    dem.talks.answer(
        ch,
        "tech-sector4",
        False,
        "The Sector 4 data will be taken up at the Commission's meeting in September.",
    )

    # --- disclosure: meeting 1 and the survey sheets opened; marker 31 not ---------------
    at("2028-08-09T16:00")
    envoy.disclosures.propose(
        ch,
        "open-first-meeting",
        [held_1, maps_added, maps_confirmed],
        "public",
        "The public should know that the Commission has begun its work on the ground.",
    )
    at("2028-08-10T09:00")
    tsa.disclosures.sign(ch, "open-first-meeting")
    at("2028-08-10T11:00")
    dem.disclosures.sign(ch, "open-first-meeting")

    at("2028-08-10T15:00")
    tsa.disclosures.propose(
        ch,
        "open-marker-31",
        [marker31_added],
        "public",
        "Residents of Aghbyur should know who owes the repair of marker 31.",
    )
    at("2028-08-11T12:00")
