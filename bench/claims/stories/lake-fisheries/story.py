"""A cross-line lake fisheries working group (held-out story; fiction).

The Kuvar Lake Monitoring Mission (KLMM, the mediator) runs the Joint Working Group on
Lake Kuvar Fisheries between the Arevakan and Gölyurd sides, whose shared lake is divided by
the line, from April to September 2035: fishing zones and a closed season for spawning, an
Arevakan boat and its two fishermen detained by a Gölyurd patrol boat, nets seized and
partly returned, a whitefish quota declined and re-proposed, a joint stock survey with the
research vessel Halcyon, dead fish near the Sazlıqoba cannery outflow, lists of licensed
boats, buoys to mark the line, a hotline between the two patrol services, compensation
ruled outside the mandate. Every place, side and person is invented. Local time is UTC+4.

- Fri 6 Apr: Gölyurd patrol boat Dalğa-3 detains the Arevakan boat Lusabats with Samvel
  Hakobyan and Levon Grigoryan; six nets seized. Arevakan urgent message to the KLMM,
  relayed; Gölyurd acknowledged in 35 minutes and answered (fishing 400 m inside Gölyurd
  waters).
- Meeting 1 (lf-1): Tue 17 Apr 10:00, Hotel Marina, Korvin; held 10:15-13:40, chaired by
  Ingrid Halvorsen. Zones and closed season (1 May-15 June) agreed. Whitefish quota of 40 t
  raised by Gölyurd, declined by Arevakan. Commitments: release of the two fishermen
  (Gölyurd, 20 Apr; reported 19 Apr, confirmed 20 Apr); return of the boat and six nets
  (Gölyurd, 30 Apr; reported 2 May: boat and four nets; disputed 3 May); licensed-boat lists
  (Arevakan, 25 Apr; reported 24 Apr, confirmed; Gölyurd, 25 Apr; reported 28 Apr,
  confirmed 29 Apr). Communiqué 1 published 19 Apr.
- Meeting 2 (lf-2): the stock survey on the RV Halcyon; proposed for Wed 16 May, moved by
  Gölyurd to Wed 23 May; held 23 May 07:30 - 24 May 16:10, chaired by Pedro Almeida.
- Sun 3 Jun: Arevakan flash report of dead fish near the Sazlıqoba cannery outflow; relayed
  as flash, Gölyurd acknowledged at 08:20 (late). Mon 4 Jun: second flash (Dzknavan bay),
  relayed, never acknowledged.
- Meeting 3 (lf-3): Tue 12 Jun, Hotel Marina, moved online by the KLMM for a storm; held
  online 10:00-12:50, chaired by Halvorsen. Whitefish quota re-proposed by the KLMM: 30 t
  per side agreed. Compensation raised by Arevakan, ruled outside the mandate. Hotline item
  proposed by Gölyurd, accepted; mandate extended (patrol hotline). Commitments: buoys
  (Arevakan, 30 Jun; reported 28 Jun, disputed 1 Jul); cannery discharge data (Gölyurd, 20
  Jun; never reported: overdue). Communiqué 2 signed by KLMM and Arevakan only: never
  published.
- Meeting 4 (lf-4): direct, patrol services only, Mon 9 Jul 11:00, Sazlıqoba pier; held
  11:10-12:35, chaired by Vüqar Abbasov; recorded by the KLMM from the sides' joint notes.
  Hotline opened Tue 10 Jul.
- Meeting 5 (lf-5): proposed by the KLMM for Tue 24 Jul, Hotel Marina; agreed; cancelled
  by Gölyurd on Fri 20 Jul.
- Meeting 6 (lf-6): Tue 14 Aug, Dzknavan fisheries station; held 10:05-13:20, chaired by
  Halvorsen. Buoys: no agreement. Commitment: the two remaining nets (Gölyurd, 31 Aug;
  reported 29 Aug, not confirmed).
- Disclosures: the 3 June pollution report and Gölyurd's answer made public (all signed, 21
  Aug); Arevakan's proposal to open the buoy dispute never signed by Gölyurd.
- Next: lf-7 Thu 20 Sep 10:00, Hotel Marina, proposed by Arevakan, accepted by the KLMM,
  no answer from Gölyurd.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "kuvar-lake-fisheries"
START = datetime(2035, 4, 6, 1, 0, tzinfo=UTC)  # Friday 6 April 2035, 05:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    ("km-head", "klmm", "head", "Ingrid Halvorsen", "Head of the Kuvar Lake Monitoring Mission"),
    (
        "km-bio",
        "klmm",
        "member",
        "Pedro Almeida",
        "Fisheries biologist, Kuvar Lake Monitoring Mission",
    ),
    (
        "km-duty",
        "klmm",
        "member",
        "Kateřina Novotná",
        "Duty officer, Kuvar Lake Monitoring Mission",
    ),
    (
        "are-head",
        "arevakan",
        "head",
        "Hasmik Ghazaryan",
        "Deputy Minister of Environment, head of the Arevakan delegation",
    ),
    (
        "are-fish",
        "arevakan",
        "member",
        "Armen Petrosyan",
        "Chief fisheries inspector, Arevakan side",
    ),
    (
        "are-patrol",
        "arevakan",
        "member",
        "Gor Manukyan",
        "Commander of the lake patrol, Arevakan side",
    ),
    (
        "gol-head",
        "golyurd",
        "head",
        "Rauf Məmmədli",
        "Deputy Head of the State Fisheries Agency, head of the Gölyurd delegation",
    ),
    ("gol-fish", "golyurd", "member", "Aytən Hüseynova", "Fisheries scientist, Gölyurd side"),
    (
        "gol-patrol",
        "golyurd",
        "member",
        "Vüqar Abbasov",
        "Commander of the coast patrol, Gölyurd side",
    ),
]

SIDES = {
    "klmm": ("Kuvar Lake Monitoring Mission", "mediator"),
    "arevakan": ("Arevakan side", "party"),
    "golyurd": ("Gölyurd side", "party"),
}

MANDATE = [
    {"id": "fishing-rules", "title": "Fishing zones, seasons and quotas on Lake Kuvar"},
    {"id": "incidents", "title": "Incidents on the lake: detentions and seized gear"},
    {"id": "stock-survey", "title": "Joint surveys of fish stocks"},
    {"id": "water-quality", "title": "Pollution and water quality of the lake"},
]

GLOSSARY = [
    {
        "id": "klmm",
        "kind": "side",
        "names": {
            "en": "Kuvar Lake Monitoring Mission",
            "ru": "Миссия наблюдения на озере Кувар",
            "hy": "Կուվար լճի դիտորդական առաքելություն",
            "az": "Kuvar Gölü Müşahidə Missiyası",
        },
    },
    {
        "id": "arevakan",
        "kind": "side",
        "names": {"en": "Arevakan", "ru": "Аревакан", "hy": "Արևական", "az": "Arevakan"},
    },
    {
        "id": "golyurd",
        "kind": "side",
        "names": {"en": "Gölyurd", "ru": "Гёльюрд", "hy": "Գյոլյուրդ", "az": "Gölyurd"},
    },
    {
        "id": "kuvar",
        "kind": "place",
        "names": {"en": "Lake Kuvar", "ru": "озеро Кувар", "hy": "Կուվար լիճ", "az": "Kuvar gölü"},
        "note": "The lake divided by the line.",
    },
    {
        "id": "korvin",
        "kind": "place",
        "names": {"en": "Korvin", "ru": "Корвин", "hy": "Կորվին", "az": "Korvin"},
        "note": "Lakeside town where the KLMM has its office, at the Hotel Marina.",
    },
    {
        "id": "hotel-marina",
        "kind": "place",
        "names": {
            "en": "Hotel Marina",
            "ru": "гостиница «Марина»",
            "hy": "«Մարինա» հյուրանոց",
            "az": "«Marina» oteli",
        },
    },
    {
        "id": "dzknavan",
        "kind": "place",
        "names": {"en": "Dzknavan", "ru": "Дзкнаван", "hy": "Ձկնավան", "az": "Dzknavan"},
        "note": "Fishing village on the Arevakan shore.",
    },
    {
        "id": "sazliqoba",
        "kind": "place",
        "names": {"en": "Sazlıqoba", "ru": "Сазлыгоба", "hy": "Սազլըղոբա", "az": "Sazlıqoba"},
        "note": "Fishing village on the Gölyurd shore, with a fish cannery.",
    },
    {
        "id": "halcyon",
        "kind": "other",
        "names": {
            "en": "RV Halcyon",
            "ru": "научное судно «Халсион»",
            "hy": "«Հալսիոն» հետազոտական նավ",
            "az": "«Halcyon» tədqiqat gəmisi",
        },
    },
]

MARINA = "Hotel Marina, Korvin (KLMM office)"
HALCYON = "On board the research vessel Halcyon, Lake Kuvar"
ONLINE = "Videoconference (online), hosted by the KLMM"
PIER = "Sazlıqoba pier, Gölyurd coast patrol post"
STATION = "Dzknavan fisheries station"

COMMUNIQUE_1 = {
    "en": "On 17 April 2035 the Joint Working Group on Lake Kuvar Fisheries held its first "
    "meeting at the Hotel Marina in Korvin, chaired by the Head of the Kuvar Lake Monitoring "
    "Mission. The sides agreed fishing zones on Lake Kuvar, with a strip of 500 metres on each "
    "side of the line closed to fishing. The sides agreed a closed season for spawning from 1 "
    "May to 15 June, when no nets may be set anywhere on the lake. A joint survey of fish "
    "stocks with the research vessel Halcyon will take place in May.",
    "ru": "17 апреля 2035 года Совместная рабочая группа по рыболовству на озере Кувар провела "
    "первое заседание в гостинице «Марина» в Корвине под председательством руководителя "
    "Миссии наблюдения на озере Кувар. Стороны согласовали рыболовные зоны на озере Кувар с "
    "закрытой для лова полосой в 500 метров по обе стороны линии. Стороны согласовали запретный "
    "на время нереста период с 1 мая по 15 июня, когда на всём озере нельзя ставить сети. "
    "Совместное обследование рыбных запасов с научным судном «Халсион» пройдёт в мае.",
    "hy": "2035 թ. ապրիլի 17-ին Կուվար լճի ձկնորսության հարցերով համատեղ աշխատանքային խումբն "
    "իր առաջին նիստն անցկացրեց Կորվինի «Մարինա» հյուրանոցում՝ Կուվար լճի դիտորդական "
    "առաքելության ղեկավարի նախագահությամբ։ Կողմերը համաձայնեցին Կուվար լճի ձկնորսական գոտիները՝ "
    "գծի երկու կողմերում 500 մետրանոց շերտով, որտեղ ձկնորսությունն արգելված է։ Կողմերը "
    "համաձայնեցին ձվադրման արգելքի շրջան մայիսի 1-ից հունիսի 15-ը, երբ ամբողջ լճում ցանցեր "
    "դնել չի թույլատրվում։ Մայիսին «Հալսիոն» հետազոտական նավով տեղի կունենա ձկան պաշարների "
    "համատեղ հետազոտություն։",
    "az": "2035-ci il aprelin 17-də Kuvar Gölündə Balıqçılıq üzrə Birgə İşçi Qrupu ilk iclasını "
    "Korvindəki «Marina» otelində Kuvar Gölü Müşahidə Missiyasının rəhbərinin sədrliyi ilə "
    "keçirib. Tərəflər Kuvar gölündə balıqçılıq zonalarını razılaşdırıb, xəttin hər iki "
    "tərəfində 500 metrlik zolaq balıq ovu üçün bağlıdır. Tərəflər kürütökmə üçün mayın 1-dən "
    "iyunun 15-dək qadağa dövrü razılaşdırıb, bu dövrdə gölün heç bir yerində tor qurmaq olmaz. "
    "May ayında «Halcyon» tədqiqat gəmisi ilə balıq ehtiyatlarının birgə tədqiqi keçiriləcək.",
}

COMMUNIQUE_2 = {
    "en": "On 12 June 2035 the Joint Working Group on Lake Kuvar Fisheries met online. The "
    "sides agreed a whitefish quota of 30 tonnes per side for the rest of the year and a "
    "hotline between their patrol services.",
    "ru": "12 июня 2035 года Совместная рабочая группа по рыболовству на озере Кувар провела "
    "заседание в онлайн-формате. Стороны согласовали квоту на сига в 30 тонн для каждой "
    "стороны до конца года и горячую линию между патрульными службами.",
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
        "title": "Joint Working Group on Lake Kuvar Fisheries: Arevakan and Gölyurd",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 900, "urgent": 3600, "routine": 86400},
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

    head, bio, duty = member("km-head"), member("km-bio"), member("km-duty")
    are, are_fish, are_pat = member("are-head"), member("are-fish"), member("are-patrol")
    gol, gol_fish, gol_pat = member("gol-head"), member("gol-fish"), member("gol-patrol")
    everyone = {
        "klmm": ["Ingrid Halvorsen", "Pedro Almeida"],
        "arevakan": ["Hasmik Ghazaryan", "Armen Petrosyan", "Gor Manukyan"],
        "golyurd": ["Rauf Məmmədli", "Aytən Hüseynova", "Vüqar Abbasov"],
    }

    # --- the detention, Friday 6 April ---------------------------------------------------
    at("2035-04-06T08:10")
    detained, _ = are_fish.send(
        ch,
        to="klmm",
        priority="urgent",
        topic="incidents",
        subject="Fishing boat Lusabats detained",
        text="At 05:40 today the Gölyurd patrol boat Dalğa-3 stopped the Arevakan fishing boat "
        "Lusabats near the middle of the lake and towed it to Sazlıqoba. On board were the "
        "fishermen Samvel Hakobyan and Levon Grigoryan of Dzknavan. Six nets were taken. We ask "
        "for their immediate release.",
    )
    at("2035-04-06T08:14")
    duty.receipt(ch, detained.id, "delivered")
    duty.acknowledge(ch, detained.id, "Received; relaying to the Gölyurd side.")
    at("2035-04-06T08:30")
    relay1, _ = duty.send(
        ch,
        to="golyurd",
        priority="urgent",
        topic="incidents",
        subject="Fishing boat Lusabats detained (relayed)",
        text="The Arevakan side reports that at 05:40 the patrol boat Dalğa-3 detained the "
        "fishing boat Lusabats with two fishermen, Samvel Hakobyan and Levon Grigoryan, and "
        "seized six nets. It asks for their immediate release.",
        relay_of=detained.id,
    )
    at("2035-04-06T08:50")
    gol_pat.receipt(ch, relay1.id, "delivered")
    at("2035-04-06T09:05")
    gol_pat.acknowledge(ch, relay1.id, "Received.")
    at("2035-04-06T11:20")
    answer1, _ = gol_pat.send(
        ch,
        to="klmm",
        priority="urgent",
        topic="incidents",
        subject="The boat Lusabats",
        text="The boat Lusabats was stopped 400 metres inside Gölyurd waters, with nets set. "
        "The two fishermen are held at the Sazlıqoba patrol post, are in good health and have "
        "been given food. The case is with the prosecutor.",
        reply_to=relay1.id,
    )
    at("2035-04-06T11:30")
    duty.receipt(ch, answer1.id, "delivered")
    duty.acknowledge(ch, answer1.id, "Received.")
    at("2035-04-06T11:45")
    relay2, _ = duty.send(
        ch,
        to="arevakan",
        priority="urgent",
        topic="incidents",
        subject="The boat Lusabats (relayed)",
        text="The Gölyurd side reports that the boat was stopped 400 metres inside its waters "
        "with nets set; the two fishermen are held at the Sazlıqoba patrol post and are in good "
        "health.",
        relay_of=answer1.id,
    )
    at("2035-04-06T12:00")
    are_fish.receipt(ch, relay2.id, "delivered")
    are_fish.acknowledge(ch, relay2.id, "Received. We dispute the position.")

    # --- meeting 1 ---------------------------------------------------------------------------
    at("2035-04-09T10:00")
    head.talks.propose(
        ch,
        "lf-1",
        start="2035-04-17T10:00:00+04:00",
        venue=MARINA,
        format="chaired",
        agenda=[
            _item("fishing-rules", "zones", "Fishing zones on Lake Kuvar"),
            _item("fishing-rules", "closed-season", "A closed season for spawning"),
            _item("incidents", "lusabats", "The boat Lusabats and its two fishermen"),
            _item("stock-survey", "survey", "A joint survey of fish stocks"),
        ],
        attendees=everyone,
    )
    at("2035-04-10T11:00")
    are.talks.answer(ch, "lf-1", True)
    at("2035-04-11T15:30")
    gol.talks.answer(ch, "lf-1", True)

    at("2035-04-17T11:50")
    gol.talks.raise_item(
        ch,
        "lf-1",
        "whitefish-quota",
        "A whitefish quota of 40 tonnes per side",
        text="Gölyurd proposes a catch quota for whitefish of 40 tonnes per side for 2035.",
        topic="fishing-rules",
    )
    at("2035-04-17T12:10")
    are.talks.answer_item(
        ch,
        "lf-1",
        "whitefish-quota",
        False,
        "No quota before the joint survey of stocks; 40 tonnes is more than the stock can bear.",
    )
    at("2035-04-17T14:30")
    head.talks.record_held(
        ch,
        "lf-1",
        started="2035-04-17T10:15:00+04:00",
        ended="2035-04-17T13:40:00+04:00",
        chair="Ingrid Halvorsen",
        attendees=everyone,
    )
    at("2035-04-17T18:00")
    bio.talks.draft_minutes(
        ch,
        "lf-1",
        [
            {
                "item": "zones",
                "summary": "Fishing zones on the lake.",
                "outcome": "Agreed: each side fishes only in its own waters; a strip of 500 "
                "metres on each side of the line is closed to all fishing.",
            },
            {
                "item": "closed-season",
                "summary": "A closed season for the spawning of trout and carp.",
                "outcome": "Agreed: from 1 May to 15 June no nets may be set anywhere on the "
                "lake; rod fishing from the shore stays allowed.",
            },
            {
                "item": "lusabats",
                "summary": "The boat Lusabats, detained on 6 April with two fishermen.",
                "positions": {
                    "arevakan": "The boat was on the Arevakan side of the line; the GPS log "
                    "shows it.",
                    "golyurd": "The boat was 400 metres inside Gölyurd waters.",
                },
                "outcome": "The Gölyurd side releases the two fishermen by 20 April and returns "
                "the boat and its six nets by 30 April. Both sides exchange lists of their "
                "licensed boats by 25 April.",
            },
            {
                "item": "survey",
                "summary": "A joint survey of fish stocks.",
                "outcome": "Agreed: a joint survey with the KLMM research vessel Halcyon in May, "
                "on dates to be agreed.",
            },
            {
                "item": "whitefish-quota",
                "summary": "Raised by the Gölyurd side; declined by the Arevakan side.",
                "outcome": "No quota.",
            },
        ],
        general="Chaired by Ingrid Halvorsen, Head of the KLMM.",
    )
    at("2035-04-18T09:00")
    are.talks.sign_minutes(ch, "lf-1", 1)
    at("2035-04-18T10:30")
    gol.talks.sign_minutes(ch, "lf-1", 1)
    at("2035-04-18T11:00")
    head.talks.sign_minutes(ch, "lf-1", 1)
    at("2035-04-18T11:30")
    head.talks.add_commitment(
        ch,
        "release-fishermen",
        owner="golyurd",
        meeting="lf-1",
        agenda_item="lusabats",
        text="Release the fishermen Samvel Hakobyan and Levon Grigoryan.",
        due="2035-04-20T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "return-boat-nets",
        owner="golyurd",
        meeting="lf-1",
        agenda_item="lusabats",
        text="Return the boat Lusabats and its six nets to the Arevakan side.",
        due="2035-04-30T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "list-arevakan",
        owner="arevakan",
        meeting="lf-1",
        agenda_item="lusabats",
        text="Send the list of Arevakan boats licensed to fish on Lake Kuvar.",
        due="2035-04-25T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "list-golyurd",
        owner="golyurd",
        meeting="lf-1",
        agenda_item="lusabats",
        text="Send the list of Gölyurd boats licensed to fish on Lake Kuvar.",
        due="2035-04-25T18:00:00+04:00",
    )
    at("2035-04-18T12:00")
    bio.disclosures.draft_communique(ch, "communique-2035-04-17", COMMUNIQUE_1, "lf-1")
    at("2035-04-18T14:00")
    head.disclosures.sign_communique(ch, "communique-2035-04-17", 1)
    at("2035-04-18T17:00")
    are.disclosures.sign_communique(ch, "communique-2035-04-17", 1)
    at("2035-04-19T09:30")
    gol.disclosures.sign_communique(ch, "communique-2035-04-17", 1)

    at("2035-04-19T16:00")
    gol.talks.report(
        ch,
        "release-fishermen",
        "Samvel Hakobyan and Levon Grigoryan were handed over to the KLMM at the Korvin pier at "
        "14:00 on 19 April.",
    )
    at("2035-04-20T10:00")
    are.talks.confirm(ch, "release-fishermen", "Both fishermen are home in Dzknavan.")

    # --- survey meeting proposed ------------------------------------------------------------
    at("2035-04-20T12:00")
    bio.talks.propose(
        ch,
        "lf-2",
        start="2035-05-16T07:30:00+04:00",
        venue=HALCYON,
        format="chaired",
        agenda=[_item("stock-survey", "echo-survey", "Echo-sounding and test netting, two days")],
        attendees={
            "klmm": ["Pedro Almeida"],
            "arevakan": ["Armen Petrosyan"],
            "golyurd": ["Aytən Hüseynova"],
        },
    )
    at("2035-04-21T10:00")
    are.talks.answer(ch, "lf-2", True)

    # --- lists of licensed boats -------------------------------------------------------------
    at("2035-04-24T10:00")
    list_a, _ = are_fish.send(
        ch,
        to="golyurd",
        priority="routine",
        topic="fishing-rules",
        subject="Arevakan boats licensed for Lake Kuvar, 2035",
        text="38 boats are licensed for 2035: 31 from Dzknavan and 7 from Tsovak; names, "
        "registration numbers and skippers attached.",
    )
    at("2035-04-24T11:00")
    are.talks.report(ch, "list-arevakan", "List of 38 boats sent on 24 April.", list_a.id)
    at("2035-04-24T16:00")
    gol_fish.receipt(ch, list_a.id, "delivered")
    gol_fish.acknowledge(ch, list_a.id, "Received.")
    at("2035-04-25T09:00")
    gol.talks.confirm(ch, "list-arevakan", "List received.")
    at("2035-04-26T10:00")
    gol.talks.counter(
        ch,
        "lf-2",
        start="2035-05-23T07:30:00+04:00",
        note="Our research boat crew is not available on 16 May; we propose 23 and 24 May.",
    )
    at("2035-04-26T15:00")
    are.talks.answer(ch, "lf-2", True)
    at("2035-04-27T09:00")
    bio.talks.answer(ch, "lf-2", True)
    at("2035-04-28T13:00")
    list_g, _ = gol_fish.send(
        ch,
        to="arevakan",
        priority="routine",
        topic="fishing-rules",
        subject="Gölyurd boats licensed for Lake Kuvar, 2035",
        text="52 boats are licensed for 2035, all from Sazlıqoba and Qamışlı; names and "
        "registration numbers attached.",
    )
    at("2035-04-28T14:00")
    gol.talks.report(ch, "list-golyurd", "List of 52 boats sent on 28 April.", list_g.id)
    at("2035-04-29T09:00")
    are_fish.receipt(ch, list_g.id, "delivered")
    are_fish.acknowledge(ch, list_g.id, "Received.")
    at("2035-04-29T10:00")
    are.talks.confirm(ch, "list-golyurd", "List received.")

    # --- boat and nets ------------------------------------------------------------------------
    at("2035-05-02T15:00")
    gol.talks.report(
        ch,
        "return-boat-nets",
        "The boat Lusabats and four nets were handed over at the Korvin pier on 2 May. Two "
        "nets were damaged and destroyed.",
    )
    at("2035-05-03T11:00")
    are.talks.dispute(
        ch,
        "return-boat-nets",
        "Only four of the six nets were returned; the boat's echo sounder is missing.",
    )

    # --- meeting 2: the survey on the Halcyon ---------------------------------------------
    at("2035-05-24T18:00")
    bio.talks.record_held(
        ch,
        "lf-2",
        started="2035-05-23T07:30:00+04:00",
        ended="2035-05-24T16:10:00+04:00",
        chair="Pedro Almeida",
        attendees={
            "klmm": ["Pedro Almeida"],
            "arevakan": ["Armen Petrosyan"],
            "golyurd": ["Aytən Hüseynova"],
        },
        note="Survey on 23 and 24 May: 14 echo-sounding transects and test nets at 6 stations.",
    )
    at("2035-05-25T10:00")
    bio.talks.draft_minutes(
        ch,
        "lf-2",
        [
            {
                "item": "echo-survey",
                "summary": "Echo-sounding on 14 transects and test netting at 6 stations, both "
                "sides of the line.",
                "outcome": "Whitefish biomass estimated at 410 tonnes, about a third below the "
                "2030 survey. Full results to both sides by the KLMM by 1 June.",
            },
        ],
        general="Chaired by Pedro Almeida; the Head of the KLMM did not take part.",
    )
    at("2035-05-25T14:00")
    are.talks.sign_minutes(ch, "lf-2", 1)
    at("2035-05-26T09:00")
    gol.talks.sign_minutes(ch, "lf-2", 1)
    at("2035-05-26T10:00")
    head.talks.sign_minutes(ch, "lf-2", 1)

    # --- meeting 3 proposed ---------------------------------------------------------------
    at("2035-05-28T10:00")
    head.talks.propose(
        ch,
        "lf-3",
        start="2035-06-12T10:00:00+04:00",
        venue=MARINA,
        format="chaired",
        agenda=[
            _item("stock-survey", "survey-results", "Results of the stock survey"),
            _item("fishing-rules", "buoys", "Marking the line on the water with buoys"),
            _item("incidents", "nets-dispute", "The two nets not returned"),
        ],
        attendees=everyone,
    )
    at("2035-05-29T09:00")
    are.talks.answer(ch, "lf-3", True)
    at("2035-05-30T16:00")
    gol.talks.answer(ch, "lf-3", True)

    # --- pollution: Sunday 3 June -----------------------------------------------------------
    at("2035-06-03T06:40")
    flash1, _ = are_fish.send(
        ch,
        to="klmm",
        priority="flash",
        topic="water-quality",
        subject="Dead fish near the Sazlıqoba cannery outflow",
        text="Our patrol counted several hundred dead fish, mostly carp, floating along the line "
        "about 800 metres from the outflow of the Sazlıqoba cannery, with a brown film on the "
        "water. We ask that the outflow be checked at once.",
    )
    at("2035-06-03T06:45")
    duty.receipt(ch, flash1.id, "delivered")
    duty.acknowledge(ch, flash1.id, "Received; relaying now.")
    at("2035-06-03T06:55")
    flash1r, _ = duty.send(
        ch,
        to="golyurd",
        priority="flash",
        topic="water-quality",
        subject="Dead fish near the Sazlıqoba cannery outflow (relayed)",
        text="The Arevakan side reports several hundred dead fish along the line about 800 "
        "metres from the outflow of the Sazlıqoba cannery, with a brown film on the water. "
        "Please check the outflow at once.",
        relay_of=flash1.id,
    )
    at("2035-06-03T07:40")
    gol_fish.receipt(ch, flash1r.id, "delivered")
    at("2035-06-03T08:20")
    gol_fish.acknowledge(ch, flash1r.id, "Received; inspectors sent to the cannery.")
    at("2035-06-03T13:10")
    answer2, _ = gol_fish.send(
        ch,
        to="klmm",
        priority="urgent",
        topic="water-quality",
        subject="The Sazlıqoba cannery outflow",
        text="Inspectors found that a settling tank of the cannery overflowed during the night "
        "of 2 June. The outflow was closed at 11:30 today and water samples were taken.",
        reply_to=flash1r.id,
    )
    at("2035-06-03T13:20")
    duty.receipt(ch, answer2.id, "delivered")
    duty.acknowledge(ch, answer2.id, "Received.")
    at("2035-06-03T13:30")
    relay3, _ = duty.send(
        ch,
        to="arevakan",
        priority="urgent",
        topic="water-quality",
        subject="The Sazlıqoba cannery outflow (relayed)",
        text="The Gölyurd side reports that a settling tank of the cannery overflowed in the "
        "night of 2 June; the outflow was closed at 11:30 and samples were taken.",
        relay_of=answer2.id,
    )
    at("2035-06-03T13:50")
    are_fish.receipt(ch, relay3.id, "delivered")
    are_fish.acknowledge(ch, relay3.id, "Received.")

    at("2035-06-04T07:15")
    flash2, _ = are_pat.send(
        ch,
        to="klmm",
        priority="flash",
        topic="water-quality",
        subject="More dead fish in Dzknavan bay",
        text="This morning dead fish are washing up in Dzknavan bay, on our shore.",
    )
    at("2035-06-04T07:20")
    duty.receipt(ch, flash2.id, "delivered")
    duty.acknowledge(ch, flash2.id, "Received; relaying.")
    at("2035-06-04T07:25")
    flash2r, _ = duty.send(
        ch,
        to="golyurd",
        priority="flash",
        topic="water-quality",
        subject="More dead fish in Dzknavan bay (relayed)",
        text="The Arevakan side reports dead fish washing up in Dzknavan bay this morning.",
        relay_of=flash2.id,
    )
    at("2035-06-04T09:00")
    gol_fish.receipt(ch, flash2r.id, "delivered")

    # --- the hotline item, proposed before meeting 3 ---------------------------------------
    at("2035-06-07T10:00")
    gol.talks.propose_item(
        ch, "lf-3", "patrol-hotline", "incidents", "A hotline between the two patrol services"
    )
    at("2035-06-08T11:00")
    are.talks.answer_item(ch, "lf-3", "patrol-hotline", True)
    at("2035-06-08T15:00")
    head.talks.propose_item(
        ch, "lf-3", "whitefish-quota-2", "fishing-rules", "A whitefish quota after the survey"
    )
    at("2035-06-09T10:00")
    are.talks.answer_item(ch, "lf-3", "whitefish-quota-2", True)
    at("2035-06-09T12:00")
    gol.talks.answer_item(ch, "lf-3", "whitefish-quota-2", True)

    # --- meeting 3 moved online for a storm ----------------------------------------------
    at("2035-06-11T07:30")
    head.talks.counter(
        ch,
        "lf-3",
        venue=ONLINE,
        note="A storm warning for Lake Kuvar and the Korvin road; the meeting is held online.",
    )
    at("2035-06-11T09:00")
    are.talks.answer(ch, "lf-3", True)
    at("2035-06-11T11:15")
    gol.talks.answer(ch, "lf-3", True)

    at("2035-06-12T11:05")
    are.talks.raise_item(
        ch,
        "lf-3",
        "compensation",
        "Compensation for seized boats and nets",
        text="Arevakan asks for compensation to fishermen for boats and nets seized since 2033, "
        "including the Lusabats.",
    )
    at("2035-06-12T11:15")
    head.talks.answer_item(
        ch,
        "lf-3",
        "compensation",
        False,
        "Compensation claims are outside the mandate of the working group.",
    )
    at("2035-06-12T13:30")
    head.talks.record_held(
        ch,
        "lf-3",
        started="2035-06-12T10:00:00+04:00",
        ended="2035-06-12T12:50:00+04:00",
        chair="Ingrid Halvorsen",
        attendees={
            "klmm": ["Ingrid Halvorsen", "Pedro Almeida", "Kateřina Novotná"],
            "arevakan": ["Hasmik Ghazaryan", "Armen Petrosyan"],
            "golyurd": ["Rauf Məmmədli", "Aytən Hüseynova", "Vüqar Abbasov"],
        },
        note="Held online because of the storm.",
    )
    at("2035-06-12T18:00")
    bio.talks.draft_minutes(
        ch,
        "lf-3",
        [
            {
                "item": "survey-results",
                "summary": "Whitefish biomass about 410 tonnes.",
                "outcome": "Noted. The dead fish of 3 and 4 June: the Gölyurd side sends the "
                "cannery's discharge data and the sample results by 20 June.",
            },
            {
                "item": "whitefish-quota-2",
                "summary": "Re-proposed by the KLMM after the survey.",
                "positions": {
                    "arevakan": "No more than 30 tonnes per side.",
                    "golyurd": "35 tonnes per side.",
                },
                "outcome": "Agreed: a whitefish quota of 30 tonnes per side from 16 June to 31 "
                "December 2035.",
            },
            {
                "item": "buoys",
                "summary": "Marking the line on the water.",
                "outcome": "The Arevakan side places 24 buoys along the line in the northern "
                "bay by 30 June, at coordinates given by the KLMM.",
            },
            {
                "item": "nets-dispute",
                "summary": "Two nets of the Lusabats not returned.",
                "positions": {
                    "arevakan": "Six nets were seized; six must be returned.",
                    "golyurd": "Two nets were destroyed as damaged.",
                },
                "outcome": "No agreement.",
            },
            {
                "item": "patrol-hotline",
                "summary": "Proposed by the Gölyurd side.",
                "outcome": "Agreed in principle: a hotline between the two patrol services, "
                "to be set up by the patrol commanders; a mandate topic for it is proposed.",
            },
            {
                "item": "compensation",
                "summary": "Raised by the Arevakan side; ruled outside the mandate by the KLMM.",
                "outcome": "Not discussed.",
            },
        ],
        general="Held online; chaired by Ingrid Halvorsen.",
    )
    at("2035-06-13T09:00")
    head.talks.sign_minutes(ch, "lf-3", 1)
    at("2035-06-13T11:00")
    are.talks.sign_minutes(ch, "lf-3", 1)
    at("2035-06-13T16:00")
    gol.talks.sign_minutes(ch, "lf-3", 1)
    at("2035-06-13T16:30")
    head.talks.add_commitment(
        ch,
        "buoys",
        owner="arevakan",
        meeting="lf-3",
        agenda_item="buoys",
        text="Place 24 buoys along the line in the northern bay at the coordinates given by "
        "the KLMM.",
        due="2035-06-30T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "cannery-data",
        owner="golyurd",
        meeting="lf-3",
        agenda_item="survey-results",
        text="Send the discharge data of the Sazlıqoba cannery and the results of the water "
        "samples of 3 June.",
        due="2035-06-20T18:00:00+04:00",
    )
    at("2035-06-13T17:00")
    head.talks.extend_mandate(
        ch,
        "patrol-hotline",
        "A hotline between the patrol services of the two sides",
        "Agreed at the meeting of 12 June.",
    )
    at("2035-06-14T10:00")
    are.talks.sign_extension(ch, "patrol-hotline")
    at("2035-06-14T12:00")
    bio.disclosures.draft_communique(ch, "communique-2035-06-12", COMMUNIQUE_2, "lf-3")
    at("2035-06-14T15:00")
    head.disclosures.sign_communique(ch, "communique-2035-06-12", 1)
    at("2035-06-15T10:00")
    are.disclosures.sign_communique(ch, "communique-2035-06-12", 1)
    at("2035-06-15T12:00")
    gol.talks.sign_extension(ch, "patrol-hotline")

    # --- buoys ----------------------------------------------------------------------------
    at("2035-06-28T17:00")
    buoys_rep = are.talks.report(
        ch, "buoys", "24 buoys placed in the northern bay on 27 and 28 June."
    )
    at("2035-07-01T10:30")
    gol.talks.dispute(
        ch,
        "buoys",
        "Our patrol measured five of the buoys, numbers 9 to 13, about 150 metres inside "
        "Gölyurd waters.",
    )

    # --- meeting 4: direct, patrol services ---------------------------------------------
    patrols = {"arevakan": ["Gor Manukyan"], "golyurd": ["Vüqar Abbasov"]}
    at("2035-07-02T10:00")
    gol.talks.propose(
        ch,
        "lf-4",
        start="2035-07-09T11:00:00+04:00",
        venue=PIER,
        format="direct",
        agenda=[_item("patrol-hotline", "hotline-setup", "Setting up the patrol hotline")],
        attendees=patrols,
    )
    at("2035-07-03T09:30")
    are.talks.answer(ch, "lf-4", True)
    at("2035-07-09T15:00")
    duty.talks.record_held(
        ch,
        "lf-4",
        started="2035-07-09T11:10:00+04:00",
        ended="2035-07-09T12:35:00+04:00",
        chair="Vüqar Abbasov",
        attendees=patrols,
        note="A direct meeting of the two patrol services without the KLMM; recorded from the "
        "sides' joint notes.",
    )
    at("2035-07-09T18:00")
    duty.talks.draft_minutes(
        ch,
        "lf-4",
        [
            {
                "item": "hotline-setup",
                "summary": "A hotline between the patrol posts at Dzknavan and Sazlıqoba.",
                "outcome": "Agreed: from 10 July, 08:00, the patrol posts send each other flash "
                "messages on the channel about boats near the line, day and night, and "
                "acknowledge within fifteen minutes.",
            },
        ],
        general="A direct meeting chaired by Vüqar Abbasov; the KLMM did not attend.",
    )
    at("2035-07-10T09:00")
    gol.talks.sign_minutes(ch, "lf-4", 1)
    at("2035-07-10T10:00")
    are.talks.sign_minutes(ch, "lf-4", 1)

    at("2035-07-15T04:52")
    hot1, _ = gol_pat.send(
        ch,
        to="arevakan",
        priority="flash",
        topic="patrol-hotline",
        subject="Boat near buoy 11",
        text="An Arevakan boat without lights is setting nets about 100 metres from buoy 11, on "
        "our side of the line.",
    )
    at("2035-07-15T04:58")
    are_pat.receipt(ch, hot1.id, "delivered")
    are_pat.acknowledge(ch, hot1.id, "Received; our patrol boat is on its way.")
    at("2035-07-15T06:10")
    hot1a, _ = are_pat.send(
        ch,
        to="golyurd",
        priority="urgent",
        topic="patrol-hotline",
        subject="Boat near buoy 11",
        text="The boat, Tsovak-12, was escorted back to Dzknavan; its skipper was fined.",
        reply_to=hot1.id,
    )
    at("2035-07-15T06:30")
    gol_pat.receipt(ch, hot1a.id, "delivered")
    gol_pat.acknowledge(ch, hot1a.id, "Received, thank you.")

    # --- meeting 5: agreed, then cancelled --------------------------------------------
    at("2035-07-16T10:00")
    head.talks.propose(
        ch,
        "lf-5",
        start="2035-07-24T10:00:00+04:00",
        venue=MARINA,
        format="chaired",
        agenda=[
            _item("fishing-rules", "buoys-dispute", "The disputed buoys"),
            _item("water-quality", "cannery-data-late", "The cannery discharge data"),
        ],
        attendees=everyone,
    )
    at("2035-07-17T09:00")
    are.talks.answer(ch, "lf-5", True)
    at("2035-07-17T14:00")
    gol.talks.answer(ch, "lf-5", True)
    at("2035-07-20T12:00")
    gol.talks.counter(
        ch,
        "lf-5",
        cancel=True,
        note="The head of our delegation is called to a government session on 24 July.",
    )
    at("2035-07-20T16:00")
    are.talks.answer(ch, "lf-5", True)
    at("2035-07-21T09:00")
    head.talks.answer(ch, "lf-5", True)

    # --- meeting 6 ----------------------------------------------------------------------
    at("2035-07-30T10:00")
    head.talks.propose(
        ch,
        "lf-6",
        start="2035-08-14T10:00:00+04:00",
        venue=STATION,
        format="chaired",
        agenda=[
            _item("fishing-rules", "buoys-dispute", "The disputed buoys"),
            _item("water-quality", "cannery-data-late", "The cannery discharge data"),
            _item("patrol-hotline", "hotline-review", "The first month of the patrol hotline"),
        ],
        attendees=everyone,
    )
    at("2035-07-31T11:00")
    are.talks.answer(ch, "lf-6", True)
    at("2035-08-02T10:00")
    gol.talks.answer(ch, "lf-6", True)
    at("2035-08-14T14:00")
    head.talks.record_held(
        ch,
        "lf-6",
        started="2035-08-14T10:05:00+04:00",
        ended="2035-08-14T13:20:00+04:00",
        chair="Ingrid Halvorsen",
        attendees={
            "klmm": ["Ingrid Halvorsen", "Pedro Almeida"],
            "arevakan": ["Hasmik Ghazaryan", "Armen Petrosyan", "Gor Manukyan"],
            "golyurd": ["Aytən Hüseynova", "Vüqar Abbasov"],
        },
        note="Rauf Məmmədli did not attend; Aytən Hüseynova led the Gölyurd delegation.",
    )
    at("2035-08-14T18:00")
    bio.talks.draft_minutes(
        ch,
        "lf-6",
        [
            {
                "item": "buoys-dispute",
                "summary": "Five buoys (9 to 13) in the northern bay.",
                "positions": {
                    "arevakan": "The buoys are at the KLMM coordinates.",
                    "golyurd": "Five buoys are 150 metres inside Gölyurd waters.",
                },
                "outcome": "No agreement. The KLMM will measure the five buoys with its own GPS.",
            },
            {
                "item": "cannery-data-late",
                "summary": "The discharge data due on 20 June have not been sent.",
                "positions": {"golyurd": "The laboratory in the capital has not finished."},
                "outcome": "No new date. The Gölyurd side returns the two remaining nets of the "
                "Lusabats, or two new nets, by 31 August.",
            },
            {
                "item": "hotline-review",
                "summary": "The patrol hotline works since 10 July.",
                "outcome": "Noted: one report, on 15 July, acknowledged in six minutes.",
            },
        ],
        general="Chaired by Ingrid Halvorsen at the Dzknavan fisheries station.",
    )
    at("2035-08-15T09:00")
    head.talks.sign_minutes(ch, "lf-6", 1)
    at("2035-08-15T11:00")
    are.talks.sign_minutes(ch, "lf-6", 1)
    at("2035-08-16T10:00")
    gol.talks.sign_minutes(ch, "lf-6", 1)
    at("2035-08-16T11:00")
    head.talks.add_commitment(
        ch,
        "two-nets",
        owner="golyurd",
        meeting="lf-6",
        agenda_item="cannery-data-late",
        text="Return the two remaining nets of the Lusabats, or two new nets of the same kind.",
        due="2035-08-31T18:00:00+04:00",
    )

    # --- disclosures ------------------------------------------------------------------
    at("2035-08-17T10:00")
    head.disclosures.propose(
        ch,
        "open-pollution",
        [flash1.id, answer2.id],
        "public",
        "Fishermen on both shores should know what happened on 3 June.",
    )
    at("2035-08-18T12:00")
    are.disclosures.sign(ch, "open-pollution")
    at("2035-08-21T09:00")
    gol.disclosures.sign(ch, "open-pollution")
    at("2035-08-22T10:00")
    are.disclosures.propose(
        ch,
        "open-buoys",
        [buoys_rep.entry_id],
        "public",
        "The public should see that the buoys were placed on time.",
    )
    at("2035-08-22T15:00")
    head.disclosures.sign(ch, "open-buoys")

    at("2035-08-29T15:00")
    gol.talks.report(ch, "two-nets", "Two new nets handed over at the Korvin pier on 29 August.")

    # --- next meeting: proposed, not agreed ---------------------------------------------
    at("2035-09-03T11:00")
    are.talks.propose(
        ch,
        "lf-7",
        start="2035-09-20T10:00:00+04:00",
        venue=MARINA,
        format="chaired",
        agenda=[
            _item("fishing-rules", "buoys-measure", "The KLMM measurement of the buoys"),
            _item("fishing-rules", "autumn-season", "Fishing rules for the autumn"),
        ],
        attendees=everyone,
    )
    at("2035-09-04T10:00")
    head.talks.answer(ch, "lf-7", True)
