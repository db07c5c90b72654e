"""A cross-line telecommunications and radio-interference working group (held-out story;
fiction).

The Tesera Monitoring Mission (TMM, the mediator) runs the Joint Working Group on
Telecommunications and Radio Interference between the Aspanik and Çinarbel sides from
November 2036 to February 2037: interference on the civilian emergency radio channel of
Aghvesadzor (152.450 MHz), the relay mast on Gorbun Hill on the Çinarbel side (a municipal
radio link and a Bulud Mobil mobile-network sector whose signal spills across the line),
a joint measurement visit with spectrum analysers, a frequency plan, a hotline for
interference reports, a jamming complaint ruled outside the mandate. Every place, side and
person is invented. Local time is UTC+4.

- 3 Nov (Mon): Aspanik's urgent complaint to the TMM about interference since 28 Oct;
  relayed to Çinarbel, acknowledged late (15:10, deadline one hour).
- Meeting 1 (tg-1): Tue 11 Nov, 10:00, Hotel Alpina, Stavrin; held 10:10-13:05, chaired by
  Margit Sundqvist. Aspanik asked that the Gorbun Hill transmitter be switched off;
  Çinarbel declined. Joint measurement visit agreed for Thu 20 Nov. Commitments: mast
  parameters (Çinarbel, 17 Nov; reported 14 Nov, confirmed 15 Nov), interference log
  (Aspanik, 17 Nov; reported 19 Nov, late; confirmed 20 Nov). Communiqué 1 (en, ru, hy,
  az): published 13 Nov.
- Meeting 2 (tg-2): the measurement visit, Thu 20 Nov, 09:30, Gorbun Hill relay mast site;
  held 09:40-15:20, chaired by Tomás Ferreira (Sundqvist absent; Aspanik sent Sahakyan
  only). Found: a carrier on 152.455 MHz from the Çinarbel municipal link on the mast; the
  mobile sector at -71 dBm at the Aghvesadzor dispatch centre.
- 24 Nov: TMM results message to both sides; Aspanik acknowledged the same day, Çinarbel on
  27 Nov (late). 26 Nov: Çinarbel's own measurements to Aspanik, never acknowledged.
- Meeting 3 (tg-3): Tue 9 Dec, Hotel Alpina, moved online by the TMM for snow (Stavrin pass
  closed); held online 10:00-12:45, chaired by Sundqvist. GPS jamming near Tərlanlı raised
  by Çinarbel, ruled outside the mandate by the TMM. Frequency plan agreed. Commitments:
  link moved to 157.300 MHz (Çinarbel, 15 Dec; reported 14 Dec, confirmed 17 Dec: met),
  sector re-pointed (Çinarbel, 31 Dec; reported 30 Dec, disputed 2 Jan), repeater data
  (Aspanik, 22 Dec; never reported: overdue). Hotline added to the mandate (signed by both
  heads, 10-11 Dec), opened 15 Dec. Communiqué 2 signed by TMM and Çinarbel only: never
  published.
- Meeting 4 (tg-4): proposed by Çinarbel for Tue 13 Jan 2037, Kamenny Brod crossing;
  agreed; cancelled by Aspanik on 8 Jan (government session).
- Hotline: 6 Jan, Aspanik flash report, relayed; Çinarbel acknowledged at 09:05 (late),
  answered (a backup generator). 19 Jan, Çinarbel flash report, relayed; Aspanik never
  acknowledged it.
- Meeting 5 (tg-5): proposed by TMM on 12 Jan for Thu 29 Jan, Hotel Alpina; accepted by
  Aspanik 13 Jan, not by Çinarbel until 21 Jan (agreed then). Night switch-off of the
  sector proposed by Aspanik, declined by Çinarbel. Held 10:20-13:30, chaired by Ferreira.
  Commitments: written answer on 19 Jan (Aspanik, 3 Feb; reported 5 Feb, confirmed 6 Feb),
  sector settings (Çinarbel, 5 Feb; reported 4 Feb, not yet confirmed). Second measurement
  at the Aghvesadzor dispatch centre planned for 12 Feb.
- Disclosures: the TMM results messages of 24 Nov made public (signed by all, 2 Feb);
  Aspanik's proposal to open the 6 Jan hotline exchange never signed by Çinarbel.
- Next: tg-6 Thu 26 Feb 10:00, Kamenny Brod crossing, proposed by the TMM, accepted by
  Çinarbel, no answer from Aspanik.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "gorbun-telecom-group"
START = datetime(2036, 11, 3, 5, 0, tzinfo=UTC)  # Monday 3 November 2036, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    ("tmm-head", "tmm", "head", "Margit Sundqvist", "Head of the Tesera Monitoring Mission"),
    (
        "tmm-eng",
        "tmm",
        "member",
        "Tomás Ferreira",
        "Radio-frequency engineer, Tesera Monitoring Mission",
    ),
    (
        "tmm-duty",
        "tmm",
        "member",
        "Aino Kallio",
        "Duty officer of the interference hotline, Tesera Monitoring Mission",
    ),
    (
        "asp-head",
        "aspanik",
        "head",
        "Anush Melkonyan",
        "Deputy Minister of Emergency Situations, head of the Aspanik delegation",
    ),
    (
        "asp-eng",
        "aspanik",
        "member",
        "Tigran Sahakyan",
        "Chief engineer of the emergency communications service, Aspanik side",
    ),
    (
        "cin-head",
        "cinarbel",
        "head",
        "Elnur Qasımov",
        "Deputy Head of the Communications Agency, head of the Çinarbel delegation",
    ),
    (
        "cin-eng",
        "cinarbel",
        "member",
        "Səbinə Əliyeva",
        "Spectrum monitoring engineer, Çinarbel side",
    ),
    (
        "cin-op",
        "cinarbel",
        "member",
        "Oleg Voronin",
        "Technical director of Bulud Mobil, Çinarbel side",
    ),
]

SIDES = {
    "tmm": ("Tesera Monitoring Mission", "mediator"),
    "aspanik": ("Aspanik side", "party"),
    "cinarbel": ("Çinarbel side", "party"),
}

MANDATE = [
    {"id": "emergency-radio", "title": "Interference on civilian emergency radio channels"},
    {"id": "mobile-spillover", "title": "Mobile-network signals crossing the line"},
    {"id": "measurements", "title": "Joint technical measurements"},
    {"id": "frequency-plan", "title": "A frequency plan for the area along the line"},
]

GLOSSARY = [
    {
        "id": "tmm",
        "kind": "side",
        "names": {
            "en": "Tesera Monitoring Mission",
            "ru": "Миссия наблюдения «Тесера»",
            "hy": "Տեսերայի դիտորդական առաքելություն",
            "az": "Tesera Müşahidə Missiyası",
        },
    },
    {
        "id": "aspanik",
        "kind": "side",
        "names": {"en": "Aspanik", "ru": "Аспаник", "hy": "Ասպանիկ", "az": "Aspanik"},
    },
    {
        "id": "cinarbel",
        "kind": "side",
        "names": {"en": "Çinarbel", "ru": "Чинарбель", "hy": "Չինարբել", "az": "Çinarbel"},
    },
    {
        "id": "stavrin",
        "kind": "place",
        "names": {"en": "Stavrin", "ru": "Ставрин", "hy": "Ստավրին", "az": "Stavrin"},
        "note": "Town where the TMM has its office, at the Hotel Alpina.",
    },
    {
        "id": "hotel-alpina",
        "kind": "place",
        "names": {
            "en": "Hotel Alpina",
            "ru": "гостиница «Альпина»",
            "hy": "«Ալպինա» հյուրանոց",
            "az": "«Alpina» oteli",
        },
    },
    {
        "id": "gorbun-hill",
        "kind": "place",
        "names": {
            "en": "Gorbun Hill",
            "ru": "холм Горбун",
            "hy": "Գորբուն բլուր",
            "az": "Gorbun təpəsi",
        },
        "note": "Hill on the Çinarbel side with a relay mast.",
    },
    {
        "id": "aghvesadzor",
        "kind": "place",
        "names": {
            "en": "Aghvesadzor",
            "ru": "Агвесадзор",
            "hy": "Աղվեսաձոր",
            "az": "Ağvesadzor",
        },
        "note": "Town on the Aspanik side, near the line.",
    },
    {
        "id": "terlanli",
        "kind": "place",
        "names": {"en": "Tərlanlı", "ru": "Терланлы", "hy": "Թարլանլը", "az": "Tərlanlı"},
        "note": "Village on the Çinarbel side, below Gorbun Hill.",
    },
    {
        "id": "kamenny-brod",
        "kind": "place",
        "names": {
            "en": "Kamenny Brod crossing",
            "ru": "переход Каменный Брод",
            "hy": "Կամեննի Բրոդ անցակետ",
            "az": "Kamennı Brod keçidi",
        },
    },
]

ALPINA = "Hotel Alpina, Stavrin (TMM office)"
MAST = "Gorbun Hill, relay mast site"
ONLINE = "Videoconference (online), hosted by the TMM"
CROSSING = "Kamenny Brod crossing, TMM container office"

COMMUNIQUE_1 = {
    "en": "On 11 November 2036 the Joint Working Group on Telecommunications and Radio "
    "Interference held its first meeting at the Hotel Alpina in Stavrin, chaired by the Head "
    "of the Tesera Monitoring Mission. The sides discussed interference on the emergency radio "
    "channel of Aghvesadzor. A joint technical measurement visit to the relay mast on Gorbun "
    "Hill, with spectrum analysers, will take place on 20 November. The Çinarbel side will "
    "provide the technical parameters of the transmitters on the mast by 17 November.",
    "ru": "11 ноября 2036 года Совместная рабочая группа по телекоммуникациям и радиопомехам "
    "провела первое заседание в гостинице «Альпина» в Ставрине под председательством "
    "руководителя Миссии наблюдения «Тесера». Стороны обсудили помехи на аварийном радиоканале "
    "Агвесадзора. 20 ноября состоится совместный технический выезд с анализаторами спектра к "
    "ретрансляционной мачте на холме Горбун. Сторона Чинарбеля до 17 ноября предоставит "
    "технические параметры передатчиков на мачте.",
    "hy": "2036 թվականի նոյեմբերի 11-ին Հեռահաղորդակցության և ռադիոխանգարումների հարցերով "
    "համատեղ աշխատանքային խումբն իր առաջին նիստն անցկացրեց Ստավրինի «Ալպինա» հյուրանոցում՝ "
    "Տեսերայի դիտորդական առաքելության ղեկավարի նախագահությամբ։ Կողմերը քննարկեցին "
    "Աղվեսաձորի արտակարգ ռադիոալիքի խանգարումները։ Նոյեմբերի 20-ին սպեկտրի անալիզատորներով "
    "համատեղ տեխնիկական այց տեղի կունենա Գորբուն բլրի ռելեային կայմ։ Չինարբելի կողմը մինչև "
    "նոյեմբերի 17-ը կտրամադրի կայմի հաղորդիչների տեխնիկական տվյալները։",
    "az": "2036-cı il noyabrın 11-də Telekommunikasiya və Radio Maneələri üzrə Birgə İşçi Qrupu "
    "ilk iclasını Stavrindəki «Alpina» otelində Tesera Müşahidə Missiyasının rəhbərinin "
    "sədrliyi ilə keçirib. Tərəflər Ağvesadzorun təcili radio kanalındakı maneələri müzakirə "
    "ediblər. Noyabrın 20-də Gorbun təpəsindəki retranslyasiya dirəyinə spektr analizatorları "
    "ilə birgə texniki səfər olacaq. Çinarbel tərəfi noyabrın 17-dək dirəkdəki ötürücülərin "
    "texniki parametrlərini təqdim edəcək.",
}

COMMUNIQUE_2 = {
    "en": "On 9 December 2036 the Joint Working Group on Telecommunications and Radio "
    "Interference met online and agreed a frequency plan for the area along the line. A "
    "hotline for interference reports opens on 15 December.",
    "ru": "9 декабря 2036 года Совместная рабочая группа по телекоммуникациям и радиопомехам "
    "провела заседание в онлайн-формате и согласовала частотный план для района вдоль линии. "
    "15 декабря откроется горячая линия для сообщений о помехах.",
}

RESULTS = (
    "Results of the joint measurement of 20 November at Gorbun Hill. 1) A carrier on 152.455 "
    "MHz, 5 kHz from the Aghvesadzor emergency channel on 152.450 MHz, comes from the "
    "Çinarbel municipal radio link transmitter on the Gorbun Hill mast; it is received at the "
    "Aghvesadzor dispatch centre at -88 dBm. 2) The Bulud Mobil 800 MHz sector facing the "
    "line is received at the Aghvesadzor dispatch centre, 6.2 km across the line, at -71 dBm. "
    "3) No other source was found at the three measuring points (the mast, the Kamenny Brod "
    "crossing and the Aghvesadzor dispatch centre)."
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
        "title": "Joint Working Group on Telecommunications and Radio Interference: "
        "Aspanik and Çinarbel",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 600, "urgent": 3600, "routine": 86400},
        "default_disclosure": "confidential",
        "glossary": GLOSSARY,
    }


def _item(topic: str, item: str, title: str) -> dict[str, str]:
    return {"id": item, "topic": topic, "title": title}


def play(member: Any, clock: Any) -> None:
    ch = CHANNEL

    def at(local: str) -> None:
        target = datetime.fromisoformat(local).replace(tzinfo=UTC) - LOCAL
        delta = (target - clock.now()).total_seconds()
        assert delta >= 0, local
        clock.advance(seconds=delta)

    head, eng, duty = member("tmm-head"), member("tmm-eng"), member("tmm-duty")
    asp, asp_eng = member("asp-head"), member("asp-eng")
    cin, cin_eng, cin_op = member("cin-head"), member("cin-eng"), member("cin-op")
    everyone = {
        "tmm": ["Margit Sundqvist", "Tomás Ferreira"],
        "aspanik": ["Anush Melkonyan", "Tigran Sahakyan"],
        "cinarbel": ["Elnur Qasımov", "Səbinə Əliyeva", "Oleg Voronin"],
    }

    # --- the first complaint, 3 November --------------------------------------------------
    at("2036-11-03T10:30")
    complaint, _ = asp_eng.send(
        ch,
        to="tmm",
        priority="urgent",
        topic="emergency-radio",
        subject="Interference on the Aghvesadzor emergency channel",
        text="Since 28 October our emergency dispatch channel on 152.450 MHz in Aghvesadzor is "
        "jammed by a steady carrier, worst between 18:00 and 23:00. Ambulance crews lost "
        "contact with the dispatch centre eleven times. The direction finder points to the "
        "relay mast on Gorbun Hill. We ask that the transmitter be identified and switched off.",
    )
    at("2036-11-03T10:40")
    duty.receipt(ch, complaint.id, "delivered")
    at("2036-11-03T10:45")
    duty.acknowledge(ch, complaint.id, "Received; relaying to the Çinarbel side.")
    at("2036-11-03T11:00")
    relay1, _ = duty.send(
        ch,
        to="cinarbel",
        priority="urgent",
        topic="emergency-radio",
        subject="Interference on the Aghvesadzor emergency channel (relayed)",
        text="The Aspanik side reports a steady carrier on its emergency channel 152.450 MHz in "
        "Aghvesadzor since 28 October and points to the relay mast on Gorbun Hill.",
        relay_of=complaint.id,
    )
    at("2036-11-03T11:20")
    cin_eng.receipt(ch, relay1.id, "delivered")
    at("2036-11-03T15:10")
    cin_eng.acknowledge(ch, relay1.id, "Received; our engineers will check the mast.")

    # --- meeting 1: Stavrin, 11 November ---------------------------------------------------
    at("2036-11-04T10:00")
    head.talks.propose(
        ch,
        "tg-1",
        start="2036-11-11T10:00:00+04:00",
        venue=ALPINA,
        format="chaired",
        agenda=[
            _item("emergency-radio", "aghvesadzor-channel", "Interference on 152.450 MHz"),
            _item("mobile-spillover", "gorbun-mast", "Signals of the Gorbun Hill mast"),
            _item("measurements", "measurement-visit", "A joint measurement visit"),
        ],
        attendees=everyone,
    )
    at("2036-11-05T11:00")
    asp.talks.answer(ch, "tg-1", True)
    at("2036-11-06T16:00")
    cin.talks.answer(ch, "tg-1", True)

    at("2036-11-11T11:05")
    asp.talks.raise_item(
        ch,
        "tg-1",
        "switch-off",
        "Switching off the Gorbun Hill transmitter",
        text="Aspanik asks that the transmitter on the Gorbun Hill mast be switched off until "
        "the source of the interference is found.",
        topic="emergency-radio",
    )
    at("2036-11-11T11:30")
    cin.talks.answer_item(
        ch,
        "tg-1",
        "switch-off",
        False,
        "The mast serves 14,000 mobile subscribers in Tərlanlı and nearby villages; it stays on.",
    )
    at("2036-11-11T13:40")
    head.talks.record_held(
        ch,
        "tg-1",
        started="2036-11-11T10:10:00+04:00",
        ended="2036-11-11T13:05:00+04:00",
        chair="Margit Sundqvist",
        attendees=everyone,
    )
    at("2036-11-11T17:00")
    eng.talks.draft_minutes(
        ch,
        "tg-1",
        [
            {
                "item": "aghvesadzor-channel",
                "summary": "Interference on the Aghvesadzor emergency channel 152.450 MHz since "
                "28 October.",
                "positions": {
                    "aspanik": "The carrier comes from the Gorbun Hill mast.",
                    "cinarbel": "No transmitter of ours works on 152.450 MHz.",
                },
                "outcome": "The Aspanik side sends its log of interference incidents since 28 "
                "October by 17 November.",
            },
            {
                "item": "gorbun-mast",
                "summary": "The relay mast on Gorbun Hill carries a municipal radio link and a "
                "Bulud Mobil mobile-network site.",
                "outcome": "The Çinarbel side sends the frequencies, power and azimuths of the "
                "transmitters on the mast by 17 November.",
            },
            {
                "item": "measurement-visit",
                "summary": "A joint measurement visit.",
                "outcome": "Agreed: a joint technical measurement visit to the Gorbun Hill "
                "mast on Thursday 20 November, with spectrum analysers of both sides and of "
                "the TMM.",
            },
            {
                "item": "switch-off",
                "summary": "Raised by the Aspanik side; declined by the Çinarbel side.",
                "outcome": "The transmitter stays on.",
            },
        ],
        general="Chaired by Margit Sundqvist, Head of the TMM.",
    )
    at("2036-11-12T09:00")
    asp.talks.sign_minutes(ch, "tg-1", 1)
    at("2036-11-12T10:30")
    cin.talks.sign_minutes(ch, "tg-1", 1)
    at("2036-11-12T11:00")
    head.talks.sign_minutes(ch, "tg-1", 1)
    at("2036-11-12T11:30")
    head.talks.add_commitment(
        ch,
        "mast-parameters",
        owner="cinarbel",
        meeting="tg-1",
        agenda_item="gorbun-mast",
        text="Send the frequencies, power and azimuths of the transmitters on the Gorbun Hill "
        "mast.",
        due="2036-11-17T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "interference-log",
        owner="aspanik",
        meeting="tg-1",
        agenda_item="aghvesadzor-channel",
        text="Send the log of interference incidents on 152.450 MHz since 28 October.",
        due="2036-11-17T18:00:00+04:00",
    )
    at("2036-11-12T12:00")
    eng.disclosures.draft_communique(ch, "communique-2036-11-11", COMMUNIQUE_1, "tg-1")
    at("2036-11-12T14:00")
    head.disclosures.sign_communique(ch, "communique-2036-11-11", 1)
    at("2036-11-12T17:00")
    asp.disclosures.sign_communique(ch, "communique-2036-11-11", 1)
    at("2036-11-13T10:00")
    cin.disclosures.sign_communique(ch, "communique-2036-11-11", 1)

    # --- the measurement visit: proposed ----------------------------------------------------
    at("2036-11-13T10:30")
    eng.talks.propose(
        ch,
        "tg-2",
        start="2036-11-20T09:30:00+04:00",
        venue=MAST,
        format="chaired",
        agenda=[
            _item("measurements", "spectrum-scan", "Spectrum measurements at three points"),
        ],
        attendees={
            "tmm": ["Tomás Ferreira", "Aino Kallio"],
            "aspanik": ["Tigran Sahakyan"],
            "cinarbel": ["Səbinə Əliyeva", "Oleg Voronin"],
        },
    )
    at("2036-11-13T12:00")
    asp.talks.answer(ch, "tg-2", True)
    at("2036-11-14T09:00")
    cin.talks.answer(ch, "tg-2", True)

    at("2036-11-14T11:00")
    params, _ = cin_op.send(
        ch,
        to="aspanik",
        priority="routine",
        topic="mobile-spillover",
        subject="Transmitters on the Gorbun Hill mast",
        text="The mast carries: a municipal radio link on 152.455 MHz, 25 W, azimuth 210; a "
        "Bulud Mobil 800 MHz site with three sectors at azimuths 20, 140 and 260, 40 W each.",
    )
    at("2036-11-14T12:00")
    cin.talks.report(ch, "mast-parameters", "Sent on 14 November.", message=params.id)
    at("2036-11-14T16:00")
    asp_eng.receipt(ch, params.id, "delivered")
    asp_eng.acknowledge(ch, params.id, "Received.")
    at("2036-11-15T10:00")
    asp.talks.confirm(ch, "mast-parameters", "The list of transmitters received.")

    at("2036-11-19T09:30")
    log, _ = asp_eng.send(
        ch,
        to="cinarbel",
        priority="routine",
        topic="emergency-radio",
        subject="Log of interference incidents",
        text="23 incidents on 152.450 MHz between 28 October and 18 November, each lasting "
        "from 4 to 90 minutes; the longest on 9 November from 19:10 to 20:40.",
    )
    at("2036-11-19T10:00")
    asp.talks.report(ch, "interference-log", "Log of 23 incidents sent on 19 November.", log.id)
    at("2036-11-19T14:00")
    cin_eng.receipt(ch, log.id, "delivered")
    cin_eng.acknowledge(ch, log.id, "Received.")
    at("2036-11-20T08:00")
    cin.talks.confirm(ch, "interference-log", "23 incidents received.")

    # --- meeting 2: the measurement visit at the mast, 20 November ---------------------------
    at("2036-11-20T16:00")
    eng.talks.record_held(
        ch,
        "tg-2",
        started="2036-11-20T09:40:00+04:00",
        ended="2036-11-20T15:20:00+04:00",
        chair="Tomás Ferreira",
        attendees={
            "tmm": ["Tomás Ferreira", "Aino Kallio"],
            "aspanik": ["Tigran Sahakyan"],
            "cinarbel": ["Səbinə Əliyeva", "Oleg Voronin"],
        },
        note="Measurements at the mast, at the Kamenny Brod crossing and at the Aghvesadzor "
        "dispatch centre.",
    )
    at("2036-11-20T19:00")
    eng.talks.draft_minutes(
        ch,
        "tg-2",
        [
            {
                "item": "spectrum-scan",
                "summary": "Spectrum measurements with three spectrum analysers at the mast, at "
                "the Kamenny Brod crossing and at the Aghvesadzor dispatch centre.",
                "positions": {
                    "aspanik": "The municipal link is the source and must move.",
                    "cinarbel": "The link was licensed on 152.455 MHz in 2029.",
                },
                "outcome": "Found: a carrier on 152.455 MHz from the Çinarbel municipal link "
                "on the mast, and the Bulud Mobil sector facing the line at -71 dBm at the "
                "Aghvesadzor dispatch centre. The TMM sends the full results to both sides by "
                "24 November.",
            },
        ],
        general="Chaired by Tomás Ferreira. The Head of the TMM did not attend.",
    )
    at("2036-11-21T09:00")
    cin.talks.sign_minutes(ch, "tg-2", 1)
    at("2036-11-21T11:00")
    asp.talks.sign_minutes(ch, "tg-2", 1)
    at("2036-11-21T12:00")
    head.talks.sign_minutes(ch, "tg-2", 1)

    # --- results by message ------------------------------------------------------------------
    at("2036-11-24T12:00")
    results = {}
    for party in ("aspanik", "cinarbel"):
        results[party], _ = eng.send(
            ch,
            to=party,
            priority="routine",
            topic="measurements",
            subject="Results of the joint measurement of 20 November",
            text=RESULTS,
        )
    at("2036-11-24T15:00")
    asp_eng.receipt(ch, results["aspanik"].id, "delivered")
    at("2036-11-24T16:00")
    asp_eng.acknowledge(ch, results["aspanik"].id, "Received.")
    at("2036-11-25T09:00")
    cin_eng.receipt(ch, results["cinarbel"].id, "delivered")
    at("2036-11-26T11:00")
    own, _ = cin_eng.send(
        ch,
        to="aspanik",
        priority="routine",
        topic="measurements",
        subject="Çinarbel measurements of 25 November",
        text="Our own measurements on 25 November found the municipal link within its licence. "
        "We believe an old repeater of the Aspanik side in Aghvesadzor adds to the problem.",
    )
    at("2036-11-26T15:00")
    asp_eng.receipt(ch, own.id, "delivered")
    at("2036-11-27T10:00")
    cin_eng.acknowledge(ch, results["cinarbel"].id, "Received; we have comments.")

    # --- meeting 3: moved online for snow ---------------------------------------------------
    at("2036-11-27T14:00")
    head.talks.propose(
        ch,
        "tg-3",
        start="2036-12-09T10:00:00+04:00",
        venue=ALPINA,
        format="chaired",
        agenda=[
            _item("frequency-plan", "frequency-plan", "A frequency plan along the line"),
            _item("mobile-spillover", "sector-repoint", "Re-pointing the mobile sector"),
            _item("emergency-radio", "hotline", "A hotline for interference reports"),
        ],
        attendees=everyone,
    )
    at("2036-11-28T10:00")
    asp.talks.answer(ch, "tg-3", True)
    at("2036-12-01T12:00")
    cin.talks.answer(ch, "tg-3", True)
    at("2036-12-08T08:00")
    head.talks.counter(
        ch,
        "tg-3",
        venue=ONLINE,
        note="Heavy snow has closed the Stavrin pass road; the meeting is held online.",
    )
    at("2036-12-08T10:00")
    asp.talks.answer(ch, "tg-3", True)
    at("2036-12-08T12:00")
    cin.talks.answer(ch, "tg-3", True)

    at("2036-12-09T11:10")
    cin.talks.raise_item(
        ch,
        "tg-3",
        "gps-jamming",
        "Jamming of satellite navigation near Tərlanlı",
        text="Çinarbel complains of jamming of GPS signals near Tərlanlı, which it attributes "
        "to Aspanik military units.",
    )
    at("2036-12-09T11:20")
    head.talks.answer_item(
        ch,
        "tg-3",
        "gps-jamming",
        False,
        "Jamming by military units is outside the mandate of the working group.",
    )
    at("2036-12-09T13:30")
    head.talks.record_held(
        ch,
        "tg-3",
        started="2036-12-09T10:00:00+04:00",
        ended="2036-12-09T12:45:00+04:00",
        chair="Margit Sundqvist",
        attendees={
            "tmm": ["Margit Sundqvist", "Tomás Ferreira", "Aino Kallio"],
            "aspanik": ["Anush Melkonyan", "Tigran Sahakyan"],
            "cinarbel": ["Elnur Qasımov", "Səbinə Əliyeva"],
        },
        note="Held online because of snow.",
    )
    at("2036-12-09T18:00")
    eng.talks.draft_minutes(
        ch,
        "tg-3",
        [
            {
                "item": "frequency-plan",
                "summary": "A frequency plan for the area within 15 km of the line.",
                "outcome": "Agreed: 152.450 MHz is kept for the Aspanik emergency services "
                "within 15 km of the line, with a guard band of 12.5 kHz on each side. The "
                "Çinarbel municipal link moves to 157.300 MHz by 15 December. The Aspanik "
                "side sends the coordinates and power of its emergency repeater in "
                "Aghvesadzor by 22 December.",
            },
            {
                "item": "sector-repoint",
                "summary": "The Bulud Mobil sector facing the line.",
                "positions": {
                    "aspanik": "The sector should be switched off at night.",
                    "cinarbel": "Re-pointing is enough.",
                },
                "outcome": "The Çinarbel side re-points and tilts down the sector by 31 "
                "December, so that its signal at the Aghvesadzor dispatch centre falls below "
                "-95 dBm.",
            },
            {
                "item": "hotline",
                "summary": "A hotline for interference reports.",
                "outcome": "Agreed: from 15 December interference reports go as flash messages "
                "to the TMM duty officer, who relays them at once; a mandate topic for it is "
                "proposed.",
            },
            {
                "item": "gps-jamming",
                "summary": "Raised by the Çinarbel side; ruled outside the mandate by the TMM.",
                "outcome": "Not discussed.",
            },
        ],
        general="Held online; chaired by Margit Sundqvist.",
    )
    at("2036-12-10T09:00")
    head.talks.sign_minutes(ch, "tg-3", 1)
    at("2036-12-10T11:00")
    cin.talks.sign_minutes(ch, "tg-3", 1)
    at("2036-12-10T15:00")
    asp.talks.sign_minutes(ch, "tg-3", 1)
    at("2036-12-10T16:00")
    head.talks.add_commitment(
        ch,
        "link-move",
        owner="cinarbel",
        meeting="tg-3",
        agenda_item="frequency-plan",
        text="Move the municipal radio link on the Gorbun Hill mast from 152.455 MHz to "
        "157.300 MHz.",
        due="2036-12-15T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "sector-repoint",
        owner="cinarbel",
        meeting="tg-3",
        agenda_item="sector-repoint",
        text="Re-point and tilt down the Bulud Mobil sector facing the line, to below -95 dBm "
        "at the Aghvesadzor dispatch centre.",
        due="2036-12-31T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "repeater-data",
        owner="aspanik",
        meeting="tg-3",
        agenda_item="frequency-plan",
        text="Send the coordinates and power of the emergency repeater in Aghvesadzor.",
        due="2036-12-22T18:00:00+04:00",
    )
    at("2036-12-10T17:00")
    head.talks.extend_mandate(
        ch,
        "hotline",
        "A hotline for interference reports",
        "Agreed at the meeting of 9 December.",
    )
    at("2036-12-10T18:00")
    asp.talks.sign_extension(ch, "hotline")
    at("2036-12-11T09:30")
    cin.talks.sign_extension(ch, "hotline")
    at("2036-12-11T10:00")
    eng.disclosures.draft_communique(ch, "communique-2036-12-09", COMMUNIQUE_2, "tg-3")
    at("2036-12-11T12:00")
    head.disclosures.sign_communique(ch, "communique-2036-12-09", 1)
    at("2036-12-11T16:00")
    cin.disclosures.sign_communique(ch, "communique-2036-12-09", 1)

    at("2036-12-14T12:00")
    cin.talks.report(ch, "link-move", "The link was moved to 157.300 MHz on 13 December.")
    at("2036-12-15T09:00")
    opened = {}
    for party in ("aspanik", "cinarbel"):
        opened[party], _ = duty.send(
            ch,
            to=party,
            priority="routine",
            topic="hotline",
            subject="The interference hotline is open",
            text="From today, 15 December, 09:00, send interference reports as flash messages "
            "to the TMM duty officer, day and night. Duty officer: Aino Kallio.",
        )
    at("2036-12-15T10:00")
    asp_eng.receipt(ch, opened["aspanik"].id, "delivered")
    asp_eng.acknowledge(ch, opened["aspanik"].id, "Received.")
    at("2036-12-15T11:00")
    cin_eng.receipt(ch, opened["cinarbel"].id, "delivered")
    cin_eng.acknowledge(ch, opened["cinarbel"].id, "Received.")
    at("2036-12-17T10:00")
    asp.talks.confirm(ch, "link-move", "No interference on 152.450 MHz since 13 December.")

    # --- meeting 4: agreed, then cancelled --------------------------------------------------
    at("2036-12-18T11:00")
    cin.talks.propose(
        ch,
        "tg-4",
        start="2037-01-13T10:00:00+04:00",
        venue=CROSSING,
        format="chaired",
        agenda=[_item("mobile-spillover", "repoint-check", "Checking the re-pointed sector")],
        attendees=everyone,
    )
    at("2036-12-19T10:00")
    asp.talks.answer(ch, "tg-4", True)
    at("2036-12-19T12:00")
    head.talks.answer(ch, "tg-4", True)

    at("2036-12-30T15:00")
    cin.talks.report(
        ch,
        "sector-repoint",
        "On 29 December the sector was re-pointed 12 degrees north and tilted down 4 degrees.",
    )
    at("2037-01-02T10:00")
    asp.talks.dispute(
        ch,
        "sector-repoint",
        "On 31 December the sector was still received at -78 dBm at the Aghvesadzor dispatch "
        "centre, not below -95 dBm.",
    )

    # --- the hotline, 6 January ----------------------------------------------------------------
    at("2037-01-06T06:52")
    report1, _ = asp_eng.send(
        ch,
        to="tmm",
        priority="flash",
        topic="hotline",
        subject="Interference on 152.450 MHz again",
        text="Since 06:40 our emergency channel in Aghvesadzor is blocked again by a carrier; "
        "dispatch to ambulances is lost.",
    )
    at("2037-01-06T06:55")
    duty.receipt(ch, report1.id, "delivered")
    at("2037-01-06T06:56")
    duty.acknowledge(ch, report1.id, "Received; relaying now.")
    at("2037-01-06T07:00")
    relay2, _ = duty.send(
        ch,
        to="cinarbel",
        priority="flash",
        topic="hotline",
        subject="Interference on 152.450 MHz again (relayed)",
        text="The Aspanik side reports that since 06:40 its emergency channel in Aghvesadzor is "
        "blocked by a carrier. Please check the Gorbun Hill mast at once.",
        relay_of=report1.id,
    )
    at("2037-01-06T07:30")
    cin_op.receipt(ch, relay2.id, "delivered")
    at("2037-01-06T09:05")
    cin_op.acknowledge(ch, relay2.id, "Received; a crew is going up to the mast.")
    at("2037-01-06T10:20")
    answer1, _ = cin_op.send(
        ch,
        to="tmm",
        priority="urgent",
        topic="hotline",
        subject="Cause of the interference of 6 January",
        text="After a power cut a backup generator at the Gorbun Hill site switched on the old "
        "link transmitter on 152.455 MHz at 06:38. It was switched off at 09:40 and "
        "disconnected for good.",
        reply_to=relay2.id,
    )
    at("2037-01-06T10:25")
    duty.receipt(ch, answer1.id, "delivered")
    duty.acknowledge(ch, answer1.id, "Received.")
    at("2037-01-06T10:30")
    relay3, _ = duty.send(
        ch,
        to="aspanik",
        priority="urgent",
        topic="hotline",
        subject="Cause of the interference of 6 January (relayed)",
        text="The Çinarbel side reports that a backup generator switched on the old link "
        "transmitter at 06:38; it was switched off at 09:40 and disconnected for good.",
        relay_of=answer1.id,
    )
    at("2037-01-06T10:45")
    asp_eng.receipt(ch, relay3.id, "delivered")
    asp_eng.acknowledge(ch, relay3.id, "Received; the channel is clear since 09:41.")

    # --- meeting 4 cancelled ----------------------------------------------------------------
    at("2037-01-08T15:00")
    asp.talks.counter(
        ch,
        "tg-4",
        cancel=True,
        note="The head of our delegation is called to a government session on 13 January.",
    )
    at("2037-01-09T10:00")
    cin.talks.answer(ch, "tg-4", True)
    at("2037-01-09T11:00")
    head.talks.answer(ch, "tg-4", True)

    # --- meeting 5: proposed, agreed late ------------------------------------------------------
    at("2037-01-12T10:00")
    head.talks.propose(
        ch,
        "tg-5",
        start="2037-01-29T10:00:00+04:00",
        venue=ALPINA,
        format="chaired",
        agenda=[
            _item("mobile-spillover", "repoint-dispute", "The re-pointed sector"),
            _item("frequency-plan", "repeater-data-late", "The Aghvesadzor repeater data"),
            _item("hotline", "hotline-review", "The first reports on the hotline"),
        ],
        attendees=everyone,
    )
    at("2037-01-13T09:00")
    asp.talks.answer(ch, "tg-5", True)

    # --- the hotline, 19 January ---------------------------------------------------------------
    at("2037-01-19T14:12")
    report2, _ = cin_eng.send(
        ch,
        to="tmm",
        priority="flash",
        topic="hotline",
        subject="Mobile band blocked in Tərlanlı",
        text="Since 14:00 our 800 MHz mobile band in Tərlanlı is blocked by a broadband "
        "emission from the direction of Aghvesadzor.",
    )
    at("2037-01-19T14:15")
    duty.receipt(ch, report2.id, "delivered")
    at("2037-01-19T14:17")
    duty.acknowledge(ch, report2.id, "Received; relaying.")
    at("2037-01-19T14:20")
    relay4, _ = duty.send(
        ch,
        to="aspanik",
        priority="flash",
        topic="hotline",
        subject="Mobile band blocked in Tərlanlı (relayed)",
        text="The Çinarbel side reports that since 14:00 its 800 MHz mobile band in Tərlanlı is "
        "blocked by a broadband emission from the direction of Aghvesadzor.",
        relay_of=report2.id,
    )
    at("2037-01-19T14:50")
    asp_eng.receipt(ch, relay4.id, "delivered")

    at("2037-01-21T16:00")
    cin.talks.answer(ch, "tg-5", True)
    at("2037-01-27T10:00")
    asp.talks.propose_item(
        ch, "tg-5", "night-switch-off", "mobile-spillover", "Night switch-off of the sector"
    )
    at("2037-01-28T11:00")
    cin.talks.answer_item(
        ch,
        "tg-5",
        "night-switch-off",
        False,
        "Night calls to the emergency number from Tərlanlı go through this sector.",
    )
    at("2037-01-29T14:00")
    eng.talks.record_held(
        ch,
        "tg-5",
        started="2037-01-29T10:20:00+04:00",
        ended="2037-01-29T13:30:00+04:00",
        chair="Tomás Ferreira",
        attendees={
            "tmm": ["Tomás Ferreira", "Aino Kallio"],
            "aspanik": ["Anush Melkonyan", "Tigran Sahakyan"],
            "cinarbel": ["Elnur Qasımov", "Oleg Voronin"],
        },
    )
    at("2037-01-29T18:00")
    eng.talks.draft_minutes(
        ch,
        "tg-5",
        [
            {
                "item": "repoint-dispute",
                "summary": "The sector re-pointed on 29 December.",
                "positions": {
                    "aspanik": "-78 dBm at the dispatch centre; the commitment is not met.",
                    "cinarbel": "The sector was re-pointed as agreed.",
                },
                "outcome": "No agreement. A second joint measurement at the Aghvesadzor "
                "dispatch centre on Thursday 12 February. The Çinarbel side sends the sector's "
                "new azimuth and tilt in writing by 5 February.",
            },
            {
                "item": "repeater-data-late",
                "summary": "The repeater data due on 22 December has not been sent.",
                "positions": {
                    "aspanik": "The coordinates need clearance by our defence ministry.",
                },
                "outcome": "No new date.",
            },
            {
                "item": "hotline-review",
                "summary": "Two reports on the hotline: 6 January (Aspanik) and 19 January "
                "(Çinarbel).",
                "outcome": "The Aspanik side answers the report of 19 January in writing by 3 "
                "February.",
            },
            {
                "item": "night-switch-off",
                "summary": "Proposed by the Aspanik side; declined by the Çinarbel side.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Tomás Ferreira on behalf of the Head of the TMM.",
    )
    at("2037-01-30T09:00")
    head.talks.sign_minutes(ch, "tg-5", 1)
    at("2037-01-30T11:00")
    asp.talks.sign_minutes(ch, "tg-5", 1)
    at("2037-01-30T14:00")
    cin.talks.sign_minutes(ch, "tg-5", 1)
    at("2037-01-30T15:00")
    head.talks.add_commitment(
        ch,
        "answer-19-january",
        owner="aspanik",
        meeting="tg-5",
        agenda_item="hotline-review",
        text="Answer in writing the hotline report of 19 January.",
        due="2037-02-03T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "sector-settings",
        owner="cinarbel",
        meeting="tg-5",
        agenda_item="repoint-dispute",
        text="Send the new azimuth and tilt of the sector facing the line in writing.",
        due="2037-02-05T18:00:00+04:00",
    )

    # --- disclosures -------------------------------------------------------------------------
    at("2037-01-30T16:00")
    head.disclosures.propose(
        ch,
        "open-results",
        [results["aspanik"].id, results["cinarbel"].id],
        "public",
        "Residents of Aghvesadzor and Tərlanlı should know what the measurement found.",
    )
    at("2037-01-30T18:00")
    asp.disclosures.sign(ch, "open-results")
    at("2037-02-02T10:00")
    cin.disclosures.sign(ch, "open-results")
    at("2037-02-03T09:00")
    asp.disclosures.propose(
        ch,
        "open-hotline",
        [report1.id, relay2.id, answer1.id],
        "public",
        "The public should see how fast the hotline worked on 6 January.",
    )
    at("2037-02-03T12:00")
    head.disclosures.sign(ch, "open-hotline")

    # --- commitments of 29 January ----------------------------------------------------------------
    at("2037-02-04T11:00")
    settings, _ = cin_op.send(
        ch,
        to="aspanik",
        priority="routine",
        topic="mobile-spillover",
        subject="Settings of the sector facing the line",
        text="Sector 3 of the Gorbun Hill site: azimuth 248 degrees (was 260), electrical tilt "
        "6 degrees (was 2), power 40 W.",
    )
    at("2037-02-04T12:00")
    cin.talks.report(ch, "sector-settings", "Settings sent on 4 February.", settings.id)
    at("2037-02-05T10:00")
    written, _ = asp_eng.send(
        ch,
        to="cinarbel",
        priority="routine",
        topic="hotline",
        subject="The emission of 19 January",
        text="The broadband emission of 19 January came from a faulty amplifier of our repeater "
        "in Aghvesadzor. The amplifier was replaced on 20 January.",
    )
    at("2037-02-05T11:00")
    asp.talks.report(ch, "answer-19-january", "Written answer sent on 5 February.", written.id)
    at("2037-02-05T15:00")
    cin_eng.receipt(ch, written.id, "delivered")
    cin_eng.acknowledge(ch, written.id, "Received.")
    at("2037-02-06T10:00")
    cin.talks.confirm(ch, "answer-19-january", "The written answer received.")

    # --- next meeting: proposed, not agreed ---------------------------------------------------
    at("2037-02-06T12:00")
    head.talks.propose(
        ch,
        "tg-6",
        start="2037-02-26T10:00:00+04:00",
        venue=CROSSING,
        format="chaired",
        agenda=[
            _item("measurements", "second-measurement", "Results of the second measurement"),
            _item("frequency-plan", "repeater-data-2", "The Aghvesadzor repeater data"),
        ],
        attendees=everyone,
    )
    at("2037-02-07T10:00")
    cin.talks.answer(ch, "tg-6", True)
