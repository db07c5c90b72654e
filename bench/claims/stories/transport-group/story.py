"""A joint working group on reopening a cross-line railway and road crossing (held-out
story; fiction).

The Transit Facilitation Mission (TFM, the mediator) runs the Joint Working Group on the
Railway and Road Crossing between the sides of Ardzanist and Yaşılova: the single-track
line from Nor Kamurj station (Ardzanist) to Dəmirqapı station (Yaşılova) over the
Tsoghak railway bridge and through the Kaputak tunnel (Yaşılova calls it Göydağ), and the
road crossing point at Sarıdərə. Every place, side and person is invented. Local time is
UTC+4; the story runs from Monday 4 March to Tuesday 28 May 2030.

- Meeting 1 (tg-1): Tue 12 Mar, 10:00, TFM office in Lindenfeld; held 10:10-13:45,
  chaired by Ottilie Brandsma. Co-chair arrangement agreed (minutes): from the second
  meeting the TFM head co-chairs with the head of the hosting side's delegation.
  "Passenger service Nor Kamurj - Dəmirqapı" raised by Ardzanist, declined by the TFM as
  outside the mandate. Minutes v1 signed by Ardzanist only (Yaşılova objects to
  "Göydağ" missing), v2 by all three. Commitments: bridge access (Ardzanist, 21 Mar;
  reported, confirmed), tunnel access (Yaşılova, 28 Mar; reported, disputed), draft
  customs procedure (Ardzanist, 1 Apr; reported, confirmed). Communiqué 1 in four
  languages, signed by all: published.
- Urgent notice of the engineers' crossing (19 Mar): Ardzanist acknowledges in twelve
  minutes, Yaşılova two hours late.
- Flash on 5 Apr: Yaşılova reports the Sarıdərə road blocked by concrete blocks;
  Ardzanist acknowledges in three minutes.
- Meeting 2 (tg-2): proposed for Wed 3 Apr, 11:00, Dəmirqapı station; postponed by
  Ardzanist to Tue 9 Apr, same time and place; held 11:20-15:10, chaired by Ottilie
  Brandsma, co-chaired by Rövşən Əliquliyev; the Ardzanist delegation led by Hasmik
  Baghdasaryan (Smbat Ter-Minasyan absent). Transit tariff raised by Yaşılova, declined
  by Ardzanist. Customs: no agreement. Trial run agreed for Tue 23 Apr (twelve wagons);
  road reopening for lorries from 2 May. Commitments: locomotive and crew (Ardzanist;
  reported, disputed), track and signals (Yaşılova; reported, confirmed, made public),
  removal of the blocks at Sarıdərə (Ardzanist, 30 Apr; overdue), counter-draft customs
  procedure (Yaşılova, 16 Apr; reported, confirmed). Communiqué 2 signed by the TFM and
  Yaşılova only: never published.
- Mandate extension "transit tariffs": proposed by the TFM, signed by Yaşılova only.
- Trial run 23 Apr; a wagon derails at the Dəmirqapı siding: flash from Yaşılova,
  acknowledged by Ardzanist forty minutes later. Ardzanist's unilateral statement on the
  trial run (24 Apr).
- Meeting 3 (tg-3): proposed for Tue 7 May, 10:00, Nor Kamurj station; moved by Yaşılova
  to 15:00 the same day, online; held 15:05-17:20, chaired by Rasmus Kjeldsen, without
  Ottilie Brandsma. Timetable (Tuesdays and Fridays, departing Nor Kamurj at 09:30, from
  4 June in minutes v2; 08:30 in v1). Minutes v1 signed by Yaşılova; v2 by Ardzanist and
  the TFM, not by Yaşılova. Joint customs post at Sarıdərə by 27 May (Yaşılova; reported,
  confirmed). Derailment: no agreement on the cause. Communiqué 3 (en, ru, hy, az), signed
  by all: published. Yaşılova's unilateral statement on the blocks (10 May).
- Yaşılova proposes opening its derailment flash; Ardzanist never signs.
- Next meeting tg-4: Thu 13 Jun, 11:00, at the Sarıdərə customs post, proposed by the
  TFM, agreed by both. A direct engineers' meeting on the tunnel (tg-tunnel) proposed by
  Yaşılova (on 26 May) for Wed 19 Jun at Dəmirqapı: accepted by nobody else.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "rail-road-crossing-group"
START = datetime(2030, 3, 4, 5, 0, tzinfo=UTC)  # Monday 4 March 2030, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    ("tfm-head", "tfm", "head", "Ottilie Brandsma", "Head of the Transit Facilitation Mission"),
    (
        "tfm-officer",
        "tfm",
        "member",
        "Rasmus Kjeldsen",
        "Transport officer, Transit Facilitation Mission",
    ),
    ("ard-head", "ardzanist", "head", "Smbat Ter-Minasyan", "Head of the Ardzanist delegation"),
    (
        "ard-engineer",
        "ardzanist",
        "member",
        "Hasmik Baghdasaryan",
        "Chief bridge engineer, Ardzanist railways",
    ),
    ("yas-head", "yasilova", "head", "Rövşən Əliquliyev", "Head of the Yaşılova delegation"),
    (
        "yas-customs",
        "yasilova",
        "member",
        "Nərmin Bayramova",
        "Head of customs procedures, Yaşılova side",
    ),
]

SIDES = {
    "tfm": ("Transit Facilitation Mission", "mediator"),
    "ardzanist": ("Ardzanist side", "party"),
    "yasilova": ("Yaşılova side", "party"),
}

MANDATE = [
    {"id": "bridge", "title": "Inspection and repair of the Tsoghak railway bridge"},
    {"id": "tunnel", "title": "Inspection of the Kaputak (Göydağ) tunnel"},
    {"id": "customs", "title": "Customs and border-control procedure for freight and road traffic"},
    {"id": "freight", "title": "Trial runs and the timetable of freight trains"},
    {"id": "road", "title": "Reopening of the Sarıdərə road crossing"},
]

GLOSSARY = [
    {
        "id": "tfm",
        "kind": "side",
        "names": {
            "en": "Transit Facilitation Mission",
            "ru": "Миссия содействия транзиту",
            "hy": "Տարանցման աջակցության առաքելություն",
            "az": "Tranzitə Yardım Missiyası",
        },
    },
    {
        "id": "ardzanist",
        "kind": "side",
        "names": {"en": "Ardzanist", "ru": "Арцанист", "hy": "Արձանիստ", "az": "Ardzanist"},
    },
    {
        "id": "yasilova",
        "kind": "side",
        "names": {"en": "Yaşılova", "ru": "Яшылова", "hy": "Յաշըլովա", "az": "Yaşılova"},
    },
    {
        "id": "nor-kamurj",
        "kind": "place",
        "names": {"en": "Nor Kamurj", "ru": "Нор Камурдж", "hy": "Նոր Կամուրջ", "az": "Nor Kamurc"},
        "note": "Railway station on the Ardzanist side.",
    },
    {
        "id": "demirqapi",
        "kind": "place",
        "names": {"en": "Dəmirqapı", "ru": "Дамиргапы", "hy": "Դեմիրղափը", "az": "Dəmirqapı"},
        "note": "Railway station on the Yaşılova side.",
    },
    {
        "id": "tsoghak-bridge",
        "kind": "place",
        "names": {
            "en": "Tsoghak railway bridge",
            "ru": "железнодорожный мост Цоха",
            "hy": "Ցողակի երկաթուղային կամուրջ",
            "az": "Tsoğak dəmir yolu körpüsü",
        },
    },
    {
        "id": "kaputak-tunnel",
        "kind": "place",
        "names": {
            "en": "Kaputak / Göydağ tunnel",
            "ru": "тоннель Капутак / Гёйдаг",
            "hy": "Կապուտակի թունել",
            "az": "Göydağ tuneli",
        },
        "forms": {
            "ardzanist": {
                "en": "Kaputak tunnel",
                "ru": "тоннель Капутак",
                "hy": "Կապուտակի թունել",
            },
            "yasilova": {"en": "Göydağ tunnel", "ru": "тоннель Гёйдаг", "az": "Göydağ tuneli"},
        },
    },
    {
        "id": "saridere",
        "kind": "place",
        "names": {"en": "Sarıdərə", "ru": "Сарыдере", "hy": "Սարըդերե", "az": "Sarıdərə"},
        "note": "The road crossing point.",
    },
    {
        "id": "lindenfeld",
        "kind": "place",
        "names": {"en": "Lindenfeld", "ru": "Линденфельд", "hy": "Լինդենֆելդ", "az": "Lindenfeld"},
    },
]

LINDENFELD = "TFM office, Lindenfeld"
DEMIRQAPI = "Dəmirqapı railway station, waiting hall"
NOR_KAMURJ = "Nor Kamurj railway station, conference room"
ONLINE = "Videoconference (online), hosted by the TFM"
CUSTOMS_POST = "Joint customs post, Sarıdərə crossing point"

COMMUNIQUE_1 = {
    "en": "On 12 March 2030 the Joint Working Group on the Railway and Road Crossing met for "
    "the first time at the office of the Transit Facilitation Mission in Lindenfeld. The "
    "sides agreed that engineers of both sides will inspect the Tsoghak railway bridge on "
    "21 March and the Kaputak (Göydağ) tunnel by 28 March. The Ardzanist side will present "
    "a draft customs and border-control procedure by 1 April.",
    "ru": "12 марта 2030 года в офисе Миссии содействия транзиту в Линденфельде впервые "
    "собралась Совместная рабочая группа по железнодорожному и автомобильному переходу. "
    "Стороны договорились, что инженеры обеих сторон осмотрят железнодорожный мост Цоха "
    "21 марта, а тоннель Капутак (Гёйдаг) — до 28 марта. Сторона Арцаниста до 1 апреля "
    "представит проект таможенной и пограничной процедуры.",
    "hy": "2030 թվականի մարտի 12-ին Լինդենֆելդում՝ Տարանցման աջակցության առաքելության "
    "գրասենյակում, առաջին անգամ հավաքվեց Երկաթուղային և ավտոճանապարհային անցման համատեղ "
    "աշխատանքային խումբը։ Կողմերը պայմանավորվեցին, որ երկու կողմերի ինժեներները մարտի "
    "21-ին կզննեն Ցողակի երկաթուղային կամուրջը, իսկ մինչև մարտի 28-ը՝ Կապուտակի թունելը։ "
    "Արձանիստի կողմը մինչև ապրիլի 1-ը կներկայացնի մաքսային և սահմանային ընթացակարգի նախագիծ։",
    "az": "2030-cu il martın 12-də Dəmir Yolu və Avtomobil Keçidi üzrə Birgə İşçi Qrupu ilk "
    "dəfə Lindenfelddə, Tranzitə Yardım Missiyasının ofisində toplaşıb. Tərəflər "
    "razılaşıblar ki, hər iki tərəfin mühəndisləri martın 21-də Tsoğak dəmir yolu körpüsünə, "
    "martın 28-dək isə Göydağ tunelinə baxış keçirəcəklər. Ardzanist tərəfi aprelin 1-dək "
    "gömrük və sərhəd nəzarəti prosedurunun layihəsini təqdim edəcək.",
}

COMMUNIQUE_2 = {
    "en": "On 9 April 2030 the Joint Working Group met at Dəmirqapı station. The sides "
    "agreed on a trial run of a freight train of twelve wagons from Nor Kamurj to Dəmirqapı "
    "on 23 April and on reopening the Sarıdərə crossing to lorries from 2 May.",
    "az": "2030-cu il aprelin 9-da Birgə İşçi Qrupu Dəmirqapı stansiyasında toplaşıb. "
    "Tərəflər aprelin 23-də on iki vaqondan ibarət yük qatarının Nor Kamurcdan Dəmirqapıya "
    "sınaq reysi və mayın 2-dən Sarıdərə keçidinin yük maşınları üçün açılması barədə "
    "razılığa gəliblər.",
}

COMMUNIQUE_3 = {
    "en": "On 7 May 2030 the Joint Working Group on the Railway and Road Crossing met by "
    "videoconference. The sides agreed that from 4 June two freight trains a week, on "
    "Tuesdays and Fridays, will run from Nor Kamurj to Dəmirqapı. A joint customs post will "
    "open at the Sarıdərə crossing point by 27 May. The next meeting will be held there.",
    "ru": "7 мая 2030 года Совместная рабочая группа по железнодорожному и автомобильному "
    "переходу провела заседание в режиме видеоконференции. Стороны договорились, что с 4 "
    "июня из Нор Камурджа в Дамиргапы будут ходить два грузовых поезда в неделю — по "
    "вторникам и пятницам. До 27 мая на переходе Сарыдере откроется совместный таможенный "
    "пост. Следующее заседание пройдет там же.",
    "hy": "2030 թվականի մայիսի 7-ին Երկաթուղային և ավտոճանապարհային անցման համատեղ "
    "աշխատանքային խումբը նիստ անցկացրեց տեսակապի միջոցով։ Կողմերը պայմանավորվեցին, որ "
    "հունիսի 4-ից Նոր Կամուրջից Դեմիրղափը շաբաթական երկու բեռնատար գնացք կերթևեկի՝ "
    "երեքշաբթի և ուրբաթ օրերին։ Մինչև մայիսի 27-ը Սարըդերեի անցման կետում կբացվի "
    "համատեղ մաքսային կետ։ Հաջորդ նիստը կանցկացվի այնտեղ։",
    "az": "2030-cu il mayın 7-də Dəmir Yolu və Avtomobil Keçidi üzrə Birgə İşçi Qrupu "
    "videokonfrans formatında iclas keçirib. Tərəflər razılaşıblar ki, iyunun 4-dən "
    "Nor Kamurcdan Dəmirqapıya həftədə iki yük qatarı — çərşənbə axşamı və cümə günləri — "
    "hərəkət edəcək. Mayın 27-dək Sarıdərə keçid məntəqəsində birgə gömrük postu açılacaq. "
    "Növbəti iclas orada keçiriləcək.",
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
        "title": "Joint Working Group on the Railway and Road Crossing: Ardzanist and Yaşılova",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 300, "urgent": 3600, "routine": 86400},
        "default_disclosure": "confidential",
        "glossary": GLOSSARY,
    }


def _item(topic: str, item: str, title: str) -> dict[str, str]:
    return {"id": item, "topic": topic, "title": title}


def play(member: Any, clock: Any) -> None:
    ch = CHANNEL

    def at(local: str) -> None:
        """Move the story's clock forward to a local (UTC+4) time."""
        target = datetime.fromisoformat(local).replace(tzinfo=UTC) - LOCAL
        delta = (target - clock.now()).total_seconds()
        assert delta >= 0, local
        clock.advance(seconds=delta)

    head, officer = member("tfm-head"), member("tfm-officer")
    ard, ard_eng = member("ard-head"), member("ard-engineer")
    yas, yas_cus = member("yas-head"), member("yas-customs")
    everyone = {
        "tfm": ["Ottilie Brandsma", "Rasmus Kjeldsen"],
        "ardzanist": ["Smbat Ter-Minasyan", "Hasmik Baghdasaryan"],
        "yasilova": ["Rövşən Əliquliyev", "Nərmin Bayramova"],
    }

    # --- meeting 1: Lindenfeld, 12 March -------------------------------------------------
    at("2030-03-04T11:00")
    head.talks.propose(
        ch,
        "tg-1",
        start="2030-03-12T10:00:00+04:00",
        venue=LINDENFELD,
        format="chaired",
        agenda=[
            _item("bridge", "bridge-inspection", "Joint inspection of the Tsoghak railway bridge"),
            _item("tunnel", "tunnel-inspection", "Inspection of the Kaputak tunnel"),
            _item("customs", "customs-procedure", "A customs and border-control procedure"),
        ],
        attendees=everyone,
    )
    at("2030-03-05T14:20")
    yas.talks.answer(ch, "tg-1", True)
    at("2030-03-06T10:05")
    ard.talks.answer(ch, "tg-1", True)

    at("2030-03-12T11:30")
    ard.talks.raise_item(
        ch,
        "tg-1",
        "passenger-service",
        "Passenger service Nor Kamurj - Dəmirqapı",
        text="Ardzanist asks that two passenger trains a week run with the freight trains.",
    )
    at("2030-03-12T11:40")
    head.talks.answer_item(
        ch,
        "tg-1",
        "passenger-service",
        False,
        "Outside the mandate: the group's mandate covers freight and the road crossing only.",
    )
    at("2030-03-12T14:30")
    head.talks.record_held(
        ch,
        "tg-1",
        started="2030-03-12T10:10:00+04:00",
        ended="2030-03-12T13:45:00+04:00",
        chair="Ottilie Brandsma",
        attendees=everyone,
    )

    items_1: list[dict[str, Any]] = [
        {
            "item": "bridge-inspection",
            "summary": "Joint inspection of the Tsoghak railway bridge.",
            "positions": {
                "ardzanist": "The bridge carried trains until 1998 and needs only new bearings.",
                "yasilova": "Two spans must be load-tested before any train crosses.",
            },
            "outcome": "Agreed: engineers of both sides inspect the bridge on 21 March; the "
            "Ardzanist side gives the Yaşılova engineers access to its abutment.",
        },
        {
            "item": "tunnel-inspection",
            "summary": "Inspection of the Kaputak tunnel.",
            "outcome": "Agreed: the Yaşılova side gives the Ardzanist engineers access to the "
            "whole tunnel by 28 March.",
        },
        {
            "item": "customs-procedure",
            "summary": "A customs and border-control procedure.",
            "outcome": "Agreed: the Ardzanist side presents a first draft by 1 April.",
        },
        {
            "item": "passenger-service",
            "summary": "Raised by the Ardzanist side; ruled outside the mandate by the TFM.",
            "outcome": "Not discussed.",
        },
    ]
    general_1 = (
        "Chaired by Ottilie Brandsma. The group agreed that from its second meeting it is "
        "co-chaired by the head of the TFM and the head of the delegation of the side that "
        "hosts the meeting."
    )
    at("2030-03-12T19:00")
    officer.talks.draft_minutes(ch, "tg-1", items_1, general=general_1)
    at("2030-03-13T09:40")
    ard.talks.sign_minutes(ch, "tg-1", 1)
    at("2030-03-13T12:15")
    objection, _ = yas.send(
        ch,
        to="tfm",
        priority="routine",
        topic="tunnel",
        subject="Minutes of 12 March, version 1",
        text="We do not sign version 1: the tunnel is called Göydağ on our side and the "
        "minutes must say so.",
    )
    at("2030-03-13T13:00")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, objection.id, "Noted; a corrected version follows.")
    items_1[1]["summary"] = "Inspection of the Kaputak (Göydağ) tunnel."
    at("2030-03-13T17:30")
    officer.talks.draft_minutes(ch, "tg-1", items_1, general=general_1)
    at("2030-03-14T10:00")
    yas.talks.sign_minutes(ch, "tg-1", 2)
    at("2030-03-14T11:20")
    ard.talks.sign_minutes(ch, "tg-1", 2)
    at("2030-03-14T16:00")
    head.talks.sign_minutes(ch, "tg-1", 2)

    at("2030-03-15T10:00")
    head.talks.add_commitment(
        ch,
        "bridge-access",
        owner="ardzanist",
        meeting="tg-1",
        agenda_item="bridge-inspection",
        text="Give the Yaşılova engineers access to the Ardzanist abutment and piers of the "
        "Tsoghak bridge for the joint inspection.",
        due="2030-03-21T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "tunnel-access",
        owner="yasilova",
        meeting="tg-1",
        agenda_item="tunnel-inspection",
        text="Give the Ardzanist engineers access to the whole length of the Kaputak (Göydağ) "
        "tunnel.",
        due="2030-03-28T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "customs-draft",
        owner="ardzanist",
        meeting="tg-1",
        agenda_item="customs-procedure",
        text="Present a first draft of the customs and border-control procedure.",
        due="2030-04-01T18:00:00+04:00",
    )

    # --- communiqué 1, in four languages, signed by all -----------------------------------
    at("2030-03-15T12:00")
    officer.disclosures.draft_communique(ch, "communique-2030-03-12", COMMUNIQUE_1, "tg-1")
    at("2030-03-15T15:00")
    head.disclosures.sign_communique(ch, "communique-2030-03-12", 1)
    at("2030-03-16T10:30")
    ard.disclosures.sign_communique(ch, "communique-2030-03-12", 1)
    at("2030-03-18T09:00")
    yas.disclosures.sign_communique(ch, "communique-2030-03-12", 1)

    # --- the engineers' crossing: urgent notice, one side late --------------------------
    at("2030-03-19T09:00")
    notice = {}
    for party in ("ardzanist", "yasilova"):
        notice[party], _ = officer.send(
            ch,
            to=party,
            priority="urgent",
            topic="bridge",
            subject="Inspection of the Tsoghak bridge on 21 March",
            text="Four engineers of each side meet at the bridge on 21 March at 08:00; the "
            "Yaşılova engineers cross at Sarıdərə at 07:15. Please acknowledge.",
        )
    at("2030-03-19T09:08")
    ard_eng.mark_delivered(ch)
    at("2030-03-19T09:12")
    ard_eng.acknowledge(ch, notice["ardzanist"].id, "Received; our engineers will meet them.")
    at("2030-03-19T09:30")
    yas_cus.mark_delivered(ch)
    at("2030-03-19T12:05")
    yas.acknowledge(ch, notice["yasilova"].id, "Received.")

    at("2030-03-21T19:00")
    ard.talks.report(
        ch,
        "bridge-access",
        "Four Yaşılova engineers inspected both piers and the abutment on 21 March from "
        "08:10 to 15:30.",
    )
    at("2030-03-22T10:00")
    yas.talks.confirm(ch, "bridge-access", "Our engineers confirm full access.")

    # --- meeting 2: proposed for 3 April, postponed to 9 April ---------------------------
    at("2030-03-25T10:00")
    agenda_2 = [
        _item("customs", "customs-text", "The draft customs procedure"),
        _item("freight", "trial-run", "A trial run of a freight train"),
        _item("road", "road-reopening", "Reopening of the Sarıdərə road crossing"),
    ]
    head.talks.propose(
        ch,
        "tg-2",
        start="2030-04-03T11:00:00+04:00",
        venue=DEMIRQAPI,
        format="chaired",
        agenda=agenda_2,
        attendees=everyone,
    )
    at("2030-03-25T15:00")
    yas.talks.answer(ch, "tg-2", True)
    at("2030-03-26T12:00")
    ard.talks.counter(
        ch,
        "tg-2",
        start="2030-04-09T11:00:00+04:00",
        note="Our customs experts need a week to read the other side's comments.",
    )
    at("2030-03-26T16:30")
    officer.talks.answer(ch, "tg-2", True)
    at("2030-03-27T10:00")
    yas.talks.answer(ch, "tg-2", True)

    # --- the tunnel: reported, disputed ------------------------------------------------
    at("2030-03-28T18:30")
    yas.talks.report(
        ch,
        "tunnel-access",
        "Three Ardzanist engineers inspected the Göydağ tunnel on 28 March.",
    )
    at("2030-03-29T11:00")
    ard.talks.dispute(
        ch,
        "tunnel-access",
        "Our engineers were let only 400 metres into a tunnel 1,850 metres long; the "
        "collapsed section was not shown to them.",
    )

    # --- the customs draft, sent by message and reported --------------------------------
    at("2030-03-31T16:00")
    draft_msg, _ = ard_eng.send(
        ch,
        to="tfm",
        priority="routine",
        topic="customs",
        subject="Draft customs and border-control procedure",
        text="Attached: our draft procedure (14 pages): sealed containers scanned, documents "
        "checked at Nor Kamurj, no wagon opened at the line.",
    )
    at("2030-03-31T16:40")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, draft_msg.id, "Received; passed to the Yaşılova side.")
    ard.talks.report(
        ch, "customs-draft", "The draft was sent to the TFM on 31 March.", message=draft_msg.id
    )
    at("2030-04-02T09:30")
    yas.talks.confirm(ch, "customs-draft", "We received the draft from the TFM.")

    # --- a blocked road: flash -----------------------------------------------------------
    at("2030-04-05T07:40")
    blocked, _ = yas_cus.send(
        ch,
        to="ardzanist",
        priority="flash",
        topic="road",
        subject="Sarıdərə road blocked",
        text="Concrete blocks were put across the Sarıdərə road on your side of the crossing "
        "during the night. A truck with fodder is stuck. Please explain.",
    )
    at("2030-04-05T07:41")
    ard_eng.mark_delivered(ch)
    at("2030-04-05T07:43")
    ard_eng.acknowledge(
        ch, blocked.id, "Received; the blocks were put by our road police; we are checking."
    )

    # --- meeting 2 held at Dəmirqapı ----------------------------------------------------
    at("2030-04-09T11:50")
    yas.talks.raise_item(
        ch,
        "tg-2",
        "transit-tariff",
        "Transit tariff for freight wagons",
        text="Yaşılova proposes a transit tariff of four euros per tonne on the Dəmirqapı section.",
    )
    at("2030-04-09T12:00")
    ard.talks.answer_item(
        ch,
        "tg-2",
        "transit-tariff",
        False,
        "No tariff can be discussed before a single train has run.",
    )
    at("2030-04-09T16:00")
    attendees_2 = {
        "tfm": ["Ottilie Brandsma", "Rasmus Kjeldsen"],
        "ardzanist": ["Hasmik Baghdasaryan"],
        "yasilova": ["Rövşən Əliquliyev", "Nərmin Bayramova"],
    }
    held_2 = head.talks.record_held(
        ch,
        "tg-2",
        started="2030-04-09T11:20:00+04:00",
        ended="2030-04-09T15:10:00+04:00",
        chair="Ottilie Brandsma",
        attendees=attendees_2,
        note="Co-chaired by Rövşən Əliquliyev for the hosting side. The Ardzanist delegation "
        "was led by Hasmik Baghdasaryan.",
    ).entry_id
    at("2030-04-09T20:00")
    officer.talks.draft_minutes(
        ch,
        "tg-2",
        [
            {
                "item": "customs-text",
                "summary": "The draft customs procedure of the Ardzanist side.",
                "positions": {
                    "ardzanist": "Sealed containers scanned; no wagon opened at the line.",
                    "yasilova": "Every wagon opened and inspected at Dəmirqapı.",
                },
                "outcome": "No agreement; the Yaşılova side presents a counter-draft by 16 April.",
            },
            {
                "item": "trial-run",
                "summary": "A trial run of a freight train.",
                "outcome": "Agreed: a trial train of twelve empty wagons runs from Nor Kamurj "
                "to Dəmirqapı on 23 April; the Ardzanist side provides the locomotive and "
                "crew; the Yaşılova side clears the track and signals to Dəmirqapı by 20 April.",
            },
            {
                "item": "road-reopening",
                "summary": "Reopening of the Sarıdərə road crossing.",
                "outcome": "Agreed: the crossing opens to lorries from 2 May, 08:00-18:00; the "
                "Ardzanist side removes the concrete blocks by 30 April.",
            },
            {
                "item": "transit-tariff",
                "summary": "Transit tariff, raised by the Yaşılova side; declined by the "
                "Ardzanist side.",
                "outcome": "Not discussed.",
            },
        ],
        general="Co-chaired by Ottilie Brandsma and Rövşən Əliquliyev.",
    )
    at("2030-04-10T10:00")
    yas.talks.sign_minutes(ch, "tg-2", 1)
    at("2030-04-10T15:00")
    ard.talks.sign_minutes(ch, "tg-2", 1)
    at("2030-04-11T09:00")
    head.talks.sign_minutes(ch, "tg-2", 1)

    at("2030-04-11T10:00")
    head.talks.add_commitment(
        ch,
        "trial-locomotive",
        owner="ardzanist",
        meeting="tg-2",
        agenda_item="trial-run",
        text="Provide a locomotive and a certified crew for the trial run of 23 April.",
        due="2030-04-23T18:00:00+04:00",
    )
    path = head.talks.add_commitment(
        ch,
        "trial-path",
        owner="yasilova",
        meeting="tg-2",
        agenda_item="trial-run",
        text="Clear the track and restore the signals from the line to Dəmirqapı station.",
        due="2030-04-20T18:00:00+04:00",
    ).entry_id
    head.talks.add_commitment(
        ch,
        "road-blocks",
        owner="ardzanist",
        meeting="tg-2",
        agenda_item="road-reopening",
        text="Remove the concrete blocks from the Sarıdərə road.",
        due="2030-04-30T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "customs-counter",
        owner="yasilova",
        meeting="tg-2",
        agenda_item="customs-text",
        text="Present a counter-draft of the customs procedure.",
        due={"after_meeting": "tg-2", "days": 7},
    )

    # --- communiqué 2: never signed by Ardzanist ---------------------------------------
    at("2030-04-11T14:00")
    officer.disclosures.draft_communique(ch, "communique-2030-04-09", COMMUNIQUE_2, "tg-2")
    at("2030-04-11T16:00")
    head.disclosures.sign_communique(ch, "communique-2030-04-09", 1)
    at("2030-04-12T09:30")
    yas.disclosures.sign_communique(ch, "communique-2030-04-09", 1)

    # --- the tariff: a mandate extension signed by one side only --------------------------
    at("2030-04-12T11:00")
    head.talks.extend_mandate(
        ch, "tariffs", "Transit tariffs for freight", "Asked by the Yaşılova side on 9 April."
    )
    at("2030-04-12T15:00")
    yas.talks.sign_extension(ch, "tariffs")

    at("2030-04-15T17:00")
    yas.talks.report(
        ch,
        "customs-counter",
        "Counter-draft sent to the TFM on 15 April: one wagon in ten opened at Dəmirqapı.",
    )
    at("2030-04-17T10:00")
    ard.talks.confirm(ch, "customs-counter", "Received through the TFM.")

    at("2030-04-19T18:00")
    path_rep = yas.talks.report(
        ch,
        "trial-path",
        "Track cleared and signals restored from the line to Dəmirqapı on 19 April.",
    ).entry_id
    at("2030-04-20T11:00")
    path_conf = ard.talks.confirm(
        ch, "trial-path", "Our inspection trolley ran the section on 20 April."
    ).entry_id

    # --- the trial run, 23 April: a wagon derails -------------------------------------
    at("2030-04-23T12:10")
    derail, _ = yas_cus.send(
        ch,
        to="ardzanist",
        priority="flash",
        topic="freight",
        subject="Wagon derailed at Dəmirqapı",
        text="At 12:02 the ninth wagon of the trial train derailed on the siding of "
        "Dəmirqapı station. Nobody was hurt. The siding is closed.",
    )
    at("2030-04-23T12:15")
    ard_eng.mark_delivered(ch)
    at("2030-04-23T12:50")
    ard_eng.acknowledge(ch, derail.id, "Received; our crew has reported the same.")
    at("2030-04-23T19:00")
    ard.talks.report(
        ch,
        "trial-locomotive",
        "Our locomotive and crew took the trial train of twelve wagons from Nor Kamurj at "
        "09:05; it reached Dəmirqapı at 11:50.",
    )
    at("2030-04-24T10:00")
    ard.disclosures.unilateral(
        ch,
        "On 23 April the first freight train in thirty-two years crossed the line from Nor "
        "Kamurj to Dəmirqapı, pulled by an Ardzanist locomotive.",
        "en",
        source="Press office of the Ardzanist delegation, 24 April 2030",
    )
    at("2030-04-24T15:00")
    yas.talks.dispute(
        ch,
        "trial-locomotive",
        "The crew had no brake certificates; the train stood two hours at the line and a "
        "wagon derailed at Dəmirqapı.",
    )

    # --- meeting 3: Nor Kamurj, moved online --------------------------------------------
    at("2030-04-26T10:00")
    agenda_3 = [
        _item("freight", "timetable", "A timetable of freight trains"),
        _item("freight", "derailment", "The derailment at Dəmirqapı on 23 April"),
        _item("customs", "customs-post", "A joint customs post"),
    ]
    head.talks.propose(
        ch,
        "tg-3",
        start="2030-05-07T10:00:00+04:00",
        venue=NOR_KAMURJ,
        format="chaired",
        agenda=agenda_3,
        attendees=everyone,
    )
    at("2030-04-26T16:00")
    ard.talks.answer(ch, "tg-3", True)
    at("2030-04-29T11:00")
    yas.talks.counter(
        ch,
        "tg-3",
        start="2030-05-07T15:00:00+04:00",
        venue=ONLINE,
        note="The Sarıdərə road is still blocked; our delegation cannot reach Nor Kamurj.",
    )
    at("2030-04-29T14:00")
    officer.talks.answer(ch, "tg-3", True)
    at("2030-04-30T09:30")
    ard.talks.answer(ch, "tg-3", True)

    at("2030-05-07T14:40")
    yas.talks.propose_item(ch, "tg-3", "road-blocks-item", "road", "Concrete blocks at Sarıdərə")
    at("2030-05-07T14:50")
    ard.talks.answer_item(ch, "tg-3", "road-blocks-item", True)
    at("2030-05-07T18:00")
    officer.talks.record_held(
        ch,
        "tg-3",
        started="2030-05-07T15:05:00+04:00",
        ended="2030-05-07T17:20:00+04:00",
        chair="Rasmus Kjeldsen",
        attendees={
            "tfm": ["Rasmus Kjeldsen"],
            "ardzanist": ["Smbat Ter-Minasyan", "Hasmik Baghdasaryan"],
            "yasilova": ["Rövşən Əliquliyev", "Nərmin Bayramova"],
        },
    )
    items_3: list[dict[str, Any]] = [
        {
            "item": "timetable",
            "summary": "A timetable of freight trains.",
            "outcome": "Agreed: from 4 June two freight trains a week, on Tuesdays and "
            "Fridays, leave Nor Kamurj at 08:30.",
        },
        {
            "item": "derailment",
            "summary": "The derailment at Dəmirqapı on 23 April.",
            "positions": {
                "ardzanist": "A worn rail on the Dəmirqapı siding caused it.",
                "yasilova": "The wagon's brakes were faulty.",
            },
            "outcome": "No agreement on the cause.",
        },
        {
            "item": "customs-post",
            "summary": "A joint customs post.",
            "outcome": "Agreed: the Yaşılova side opens a joint customs post at the Sarıdərə "
            "crossing point by 27 May; one wagon in ten is opened there.",
        },
        {
            "item": "road-blocks-item",
            "summary": "Concrete blocks at Sarıdərə, proposed by the Yaşılova side.",
            "outcome": "The Ardzanist side said the blocks would be removed after the customs "
            "post opens.",
        },
    ]
    general_3 = "Co-chaired online by Rasmus Kjeldsen and Smbat Ter-Minasyan."
    at("2030-05-07T21:00")
    officer.talks.draft_minutes(ch, "tg-3", items_3, general=general_3)
    at("2030-05-08T09:30")
    yas.talks.sign_minutes(ch, "tg-3", 1)
    at("2030-05-08T13:00")
    fix, _ = ard.send(
        ch,
        to="tfm",
        priority="routine",
        topic="freight",
        subject="Minutes of 7 May: departure time",
        text="The trains leave Nor Kamurj at 09:30, not 08:30. Please correct.",
    )
    at("2030-05-08T13:20")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, fix.id, "Checked against the recording; corrected.")
    items_3[0]["outcome"] = (
        "Agreed: from 4 June two freight trains a week, on Tuesdays and Fridays, leave Nor "
        "Kamurj at 09:30."
    )
    at("2030-05-08T16:00")
    officer.talks.draft_minutes(ch, "tg-3", items_3, general=general_3)
    at("2030-05-09T10:00")
    ard.talks.sign_minutes(ch, "tg-3", 2)
    at("2030-05-09T12:00")
    head.talks.sign_minutes(ch, "tg-3", 2)

    at("2030-05-09T15:00")
    head.talks.add_commitment(
        ch,
        "customs-post",
        owner="yasilova",
        meeting="tg-3",
        agenda_item="customs-post",
        text="Open a joint customs post at the Sarıdərə crossing point.",
        due="2030-05-27T18:00:00+04:00",
    )

    at("2030-05-10T10:00")
    yas.disclosures.unilateral(
        ch,
        "Yaşılova tərəfi qeyd edir ki, Sarıdərə yolu hələ də qarşı tərəfin qoyduğu beton "
        "bloklarla bağlıdır və yük maşınları keçə bilmir.",
        "az",
        source="Press service of the Yaşılova delegation, 10 May 2030",
    )

    # --- communiqué 3, signed by all -----------------------------------------------------
    at("2030-05-10T12:00")
    officer.disclosures.draft_communique(ch, "communique-2030-05-07", COMMUNIQUE_3, "tg-3")
    at("2030-05-10T14:00")
    head.disclosures.sign_communique(ch, "communique-2030-05-07", 1)
    at("2030-05-12T10:00")
    ard.disclosures.sign_communique(ch, "communique-2030-05-07", 1)
    at("2030-05-13T09:00")
    yas.disclosures.sign_communique(ch, "communique-2030-05-07", 1)

    # --- the trial path and the second meeting opened; the derailment flash not --------
    at("2030-05-13T11:00")
    head.disclosures.propose(
        ch,
        "open-trial-path",
        [held_2, path, path_rep, path_conf],
        "public",
        "Railway workers on both sides should see that the track was made ready.",
    )
    at("2030-05-14T10:00")
    ard.disclosures.sign(ch, "open-trial-path")
    at("2030-05-15T16:00")
    yas.disclosures.sign(ch, "open-trial-path")
    at("2030-05-16T10:00")
    yas.disclosures.propose(
        ch,
        "open-derailment",
        [derail.id],
        "public",
        "The public should know how the trial run ended.",
    )

    # --- the next meeting: agreed; an engineers' meeting proposed only -------------------
    at("2030-05-20T10:00")
    head.talks.propose(
        ch,
        "tg-4",
        start="2030-06-13T11:00:00+04:00",
        venue=CUSTOMS_POST,
        format="chaired",
        agenda=[
            _item("freight", "first-trains", "The first scheduled trains"),
            _item("tunnel", "tunnel-repair", "Repair of the Kaputak (Göydağ) tunnel"),
        ],
        attendees=everyone,
    )
    at("2030-05-21T09:00")
    ard.talks.answer(ch, "tg-4", True)
    at("2030-05-22T14:00")
    yas.talks.answer(ch, "tg-4", True)

    at("2030-05-24T17:00")
    yas.talks.report(
        ch,
        "customs-post",
        "The joint customs post at Sarıdərə opened on 24 May with six officers.",
    )
    at("2030-05-25T10:30")
    ard.talks.confirm(ch, "customs-post", "Our customs officers took up their posts there.")

    at("2030-05-26T11:00")
    yas.talks.propose(
        ch,
        "tg-tunnel",
        start="2030-06-19T10:00:00+04:00",
        venue=DEMIRQAPI,
        format="direct",
        agenda=[_item("tunnel", "tunnel-second-look", "A second inspection of the tunnel")],
        attendees={
            "ardzanist": ["Hasmik Baghdasaryan"],
            "yasilova": ["Nərmin Bayramova"],
        },
    )
    at("2030-05-28T12:00")
