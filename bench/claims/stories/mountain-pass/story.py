"""A winter mountain-pass and avalanche-safety working group (held-out story; fiction).

The Zarkhet Pass Monitoring Mission (ZPMM, the mediator) chairs the Joint Working Group on
the Zarkhet Pass between the Lernahovit and Buzlaq sides, whose high road crosses the line
at the summit (km 40), from November 2036 to March 2037: snow-clearing by sections,
controlled avalanche blasting on the Qartal slope near the line with advance notice, a
rotary snowblower lent and returned late, a stranded truck convoy and a rescue team let
across the line, avalanche bulletins, weather-station data, a night opening declined, a
road fee ruled outside the mandate, a hotline added to the mandate. Every place, side and
person is invented. Local time is UTC+4.

- Meeting 1 (zp-1): Thu 4 Dec 2036 10:00, Edelweiss lodge, Dzyunadzor; held 10:10-13:25,
  chaired by Liselotte Vogelsang. Road fee raised by Lernahovit, ruled outside the mandate
  by the ZPMM. Clearing split at km 40. Notices of blasting 24 h ahead, acknowledged within
  an hour. Minutes v1 (boundary km 41) not signed by Buzlaq; v2 (km 40) signed by all.
  Commitments: summit station data (Buzlaq, 15 Dec; reported 12 Dec, confirmed), snow-pit
  data (Lernahovit, 20 Dec; reported 19 Dec, disputed 23 Dec), blasting plan (Buzlaq,
  11 Dec; reported 10 Dec, confirmed). Communiqué 1 (en, ru, hy, az) published 7 Dec.
  Next meeting zp-2 agreed for Thu 15 Jan 2037 at the Çayqovuşan road depot.
- Notices of blasting (urgent, Buzlaq -> Lernahovit): 10 Dec acknowledged in 20 minutes;
  29 Dec acknowledged after 3 h 15 min (late); 26 Jan delivered, never acknowledged.
- Snowblower: Buzlaq lends its rotary snowblower BZ-417 on 28 Dec; return due Sat 10 Jan;
  returned Wed 14 Jan (report), confirmed by Buzlaq as four days late.
- Convoy: Mon 5 Jan night, 23 trucks and 41 drivers stranded at km 47; Buzlaq flash to the
  ZPMM, relayed; the Lernahovit mountain rescue team (14, two snowcats) crosses at 00:20 on
  6 Jan and brings all 41 drivers to Dzyunadzor by 04:10. Opened to the public 13 Jan.
- Meeting 2 (zp-2): agreed for 15 Jan, postponed by Buzlaq to Thu 22 Jan; held 10:30-14:05
  at the Çayqovuşan depot, chaired by Vogelsang. Night opening proposed by Lernahovit,
  declined by Buzlaq. Hotline raised by Lernahovit. Commitments: daily bulletin (Buzlaq,
  1 Feb; reported, confirmed), snow-depth sensor at km 38 (Lernahovit, 15 Feb; never
  reported: overdue). Communiqué 2 signed by ZPMM and Buzlaq only: never published.
  Mandate extended (pass-hotline), signed 24 and 26 Jan.
- Meeting 3 (zp-3): Thu 12 Feb, Edelweiss lodge, moved online by the ZPMM for a blizzard;
  held 10:00-12:15 online, chaired by Vogelsang. Hotline from 16 Feb. Communiqué 3
  published 14 Feb.
- Meeting 4 (zp-4): direct, Tue 24 Feb 11:00, summit weather station (km 40), proposed by
  Lernahovit; held 11:20-12:40, chaired by Zaur Bağırov. Gallery clearing in alternate
  weeks, Buzlaq first from 2 Mar (reported 6 Mar, confirmed).
- Meeting 5 (zp-5): Thu 5 Mar, Edelweiss lodge, agreed; cancelled by Lernahovit on 2 Mar.
- Meeting 6 (zp-6): Thu 19 Mar, Çayqovuşan depot; held 10:05-12:50, chaired by Matej
  Kovačič.
- Disclosures: the convoy rescue (public, 13 Jan); Buzlaq's proposal to open the 26 Jan
  notice never signed by Lernahovit. Lernahovit's unilateral statement (hy, 10 Mar).
- Next: zp-7 Thu 16 Apr 10:00, Çayqovuşan depot, proposed by Buzlaq, accepted by the ZPMM,
  no answer from Lernahovit.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from parley.crypto import SigningKey

CHANNEL = "zarkhet-pass-group"
START = datetime(2036, 11, 20, 5, 0, tzinfo=UTC)  # Thursday 20 November 2036, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    (
        "zp-head",
        "zpmm",
        "head",
        "Liselotte Vogelsang",
        "Head of the Zarkhet Pass Monitoring Mission",
    ),
    (
        "zp-snow",
        "zpmm",
        "member",
        "Matej Kovačič",
        "Snow-safety adviser, Zarkhet Pass Monitoring Mission",
    ),
    (
        "zp-duty",
        "zpmm",
        "member",
        "Siobhán Carraher",
        "Duty officer, Zarkhet Pass Monitoring Mission",
    ),
    (
        "ler-head",
        "lernahovit",
        "head",
        "Garegin Tovmasyan",
        "Deputy Minister of Emergency Situations, head of the Lernahovit delegation",
    ),
    (
        "ler-road",
        "lernahovit",
        "member",
        "Satenik Gasparyan",
        "Head of the road-maintenance service, Lernahovit side",
    ),
    (
        "ler-rescue",
        "lernahovit",
        "member",
        "Hrant Yeghiazaryan",
        "Leader of the mountain rescue team, Lernahovit side",
    ),
    (
        "buz-head",
        "buzlaq",
        "head",
        "Orxan Nəsirli",
        "Deputy Head of the State Road Agency, head of the Buzlaq delegation",
    ),
    (
        "buz-aval",
        "buzlaq",
        "member",
        "Könül Talıbova",
        "Head of the avalanche service, Buzlaq side",
    ),
    (
        "buz-depot",
        "buzlaq",
        "member",
        "Zaur Bağırov",
        "Chief of the Çayqovuşan road depot, Buzlaq side",
    ),
]

SIDES = {
    "zpmm": ("Zarkhet Pass Monitoring Mission", "mediator"),
    "lernahovit": ("Lernahovit side", "party"),
    "buzlaq": ("Buzlaq side", "party"),
}

MANDATE = [
    {"id": "snow-clearing", "title": "Clearing the road over the Zarkhet Pass and keeping it open"},
    {"id": "avalanche-safety", "title": "Avalanche control, blasting and warnings near the line"},
    {"id": "rescue", "title": "Rescue of travellers stranded on the pass"},
    {"id": "weather-data", "title": "Exchange of weather and snow data"},
]

GLOSSARY = [
    {
        "id": "zpmm",
        "kind": "side",
        "names": {
            "en": "Zarkhet Pass Monitoring Mission",
            "ru": "Миссия наблюдения на перевале Зархет",
            "hy": "Զարխեթի լեռնանցքի դիտորդական առաքելություն",
            "az": "Zarxet Aşırımı Müşahidə Missiyası",
        },
    },
    {
        "id": "lernahovit",
        "kind": "side",
        "names": {"en": "Lernahovit", "ru": "Лернаовит", "hy": "Լեռնահովիտ", "az": "Lernahovit"},
    },
    {
        "id": "buzlaq",
        "kind": "side",
        "names": {"en": "Buzlaq", "ru": "Бузлаг", "hy": "Բուզլաղ", "az": "Buzlaq"},
    },
    {
        "id": "zarkhet",
        "kind": "place",
        "names": {
            "en": "Zarkhet Pass",
            "ru": "перевал Зархет",
            "hy": "Զարխեթի լեռնանցք",
            "az": "Zarxet aşırımı",
        },
        "note": "High road pass; the line crosses the road at the summit, km 40.",
    },
    {
        "id": "dzyunadzor",
        "kind": "place",
        "names": {"en": "Dzyunadzor", "ru": "Дзюнадзор", "hy": "Ձյունաձոր", "az": "Dzyunadzor"},
        "note": "Town at the foot of the pass on the Lernahovit side; the ZPMM field office.",
    },
    {
        "id": "cayqovusan",
        "kind": "place",
        "names": {"en": "Çayqovuşan", "ru": "Чайговушан", "hy": "Չայղովուշան", "az": "Çayqovuşan"},
        "note": "Town at the foot of the pass on the Buzlaq side, with the road depot.",
    },
    {
        "id": "edelweiss",
        "kind": "place",
        "names": {
            "en": "Edelweiss lodge",
            "ru": "гостиница «Эдельвейс»",
            "hy": "«Էդելվեյս» հյուրատուն",
            "az": "«Edelveys» qonaq evi",
        },
    },
]

QARTAL_TERM = {
    "id": "qartal-slope",
    "kind": "place",
    "names": {
        "en": "Qartal slope",
        "ru": "склон Гартал",
        "hy": "Ղարթալի լանջ",
        "az": "Qartal yamacı",
    },
    "note": "Avalanche slope above the road between km 37 and km 44, across the line.",
}

EDELWEISS = "Edelweiss lodge, Dzyunadzor (ZPMM field office)"
DEPOT = "Çayqovuşan road depot, Buzlaq side"
ONLINE = "Videoconference (online), hosted by the ZPMM"
SUMMIT = "Zarkhet summit weather station, km 40"

COMMUNIQUE_1 = {
    "en": "On 4 December 2036 the Joint Working Group on the Zarkhet Pass held its first "
    "meeting at the Edelweiss lodge in Dzyunadzor, chaired by the Head of the Zarkhet Pass "
    "Monitoring Mission. The sides agreed that the Lernahovit side clears the road from "
    "Dzyunadzor up to km 40 and the Buzlaq side from km 40 down to Çayqovuşan. The sides "
    "agreed that notice of any controlled avalanche blasting near the line is given at "
    "least 24 hours ahead and acknowledged within one hour. The next meeting will be held "
    "on 15 January 2037 at the Çayqovuşan road depot.",
    "ru": "4 декабря 2036 года Совместная рабочая группа по перевалу Зархет провела первое "
    "заседание в гостинице «Эдельвейс» в Дзюнадзоре под председательством руководителя "
    "Миссии наблюдения на перевале Зархет. Стороны договорились, что сторона Лернаовита "
    "расчищает дорогу от Дзюнадзора до 40-го километра, а сторона Бузлага — от 40-го "
    "километра до Чайговушана. Стороны договорились, что о любых контролируемых взрывах "
    "для схода лавин вблизи линии сообщается не менее чем за 24 часа, а получение "
    "подтверждается в течение часа. Следующее заседание состоится 15 января 2037 года на "
    "дорожной базе в Чайговушане.",
    "hy": "2036 թ. դեկտեմբերի 4-ին Զարխեթի լեռնանցքի համատեղ աշխատանքային խումբն իր "
    "առաջին նիստն անցկացրեց Ձյունաձորի «Էդելվեյս» հյուրատանը՝ Զարխեթի լեռնանցքի "
    "դիտորդական առաքելության ղեկավարի նախագահությամբ։ Կողմերը համաձայնեցին, որ "
    "Լեռնահովիտի կողմը մաքրում է ճանապարհը Ձյունաձորից մինչև 40-րդ կիլոմետր, իսկ Բուզլաղի "
    "կողմը՝ 40-րդ կիլոմետրից մինչև Չայղովուշան։ Կողմերը համաձայնեցին, որ գծի մոտ ձնահյուսի "
    "վերահսկվող պայթեցման մասին ծանուցումը տրվում է առնվազն 24 ժամ առաջ, և դրա ստացումը "
    "հաստատվում է մեկ ժամվա ընթացքում։ Հաջորդ նիստը տեղի կունենա 2037 թ. հունվարի 15-ին "
    "Չայղովուշանի ճանապարհային բազայում։",
    "az": "2036-cı il dekabrın 4-də Zarxet Aşırımı üzrə Birgə İşçi Qrupu ilk iclasını "
    "Dzyunadzordakı «Edelveys» qonaq evində Zarxet Aşırımı Müşahidə Missiyasının rəhbərinin "
    "sədrliyi ilə keçirib. Tərəflər razılaşıb ki, Lernahovit tərəfi yolu Dzyunadzordan 40-cı "
    "kilometrədək, Buzlaq tərəfi isə 40-cı kilometrdən Çayqovuşanadək təmizləyir. Tərəflər "
    "razılaşıb ki, xəttin yaxınlığında hər hansı idarə olunan uçqun partlayışı barədə ən azı "
    "24 saat əvvəl bildiriş verilir və onun alındığı bir saat ərzində təsdiqlənir. Növbəti "
    "iclas 2037-ci il yanvarın 15-də Çayqovuşan yol bazasında keçiriləcək.",
}

COMMUNIQUE_2 = {
    "en": "On 22 January 2037 the Joint Working Group on the Zarkhet Pass met at the "
    "Çayqovuşan road depot. The sides reviewed the rescue of 41 drivers on 6 January. The "
    "pass stays closed to traffic at night.",
    "ru": "22 января 2037 года Совместная рабочая группа по перевалу Зархет провела заседание "
    "на дорожной базе в Чайговушане. Стороны обсудили спасение 41 водителя 6 января. "
    "Перевал остаётся закрытым для движения в ночное время.",
}

COMMUNIQUE_3 = {
    "en": "On 12 February 2037 the Joint Working Group on the Zarkhet Pass met online "
    "because of a blizzard. The sides agreed a hotline between the road dispatch centres in "
    "Dzyunadzor and Çayqovuşan, working from 16 February. Since 1 February the avalanche "
    "service of the Buzlaq side sends a daily avalanche bulletin to the Lernahovit side.",
    "ru": "12 февраля 2037 года Совместная рабочая группа по перевалу Зархет провела "
    "заседание в режиме онлайн из-за метели. Стороны договорились о горячей линии между "
    "дорожными диспетчерскими в Дзюнадзоре и Чайговушане, которая работает с 16 февраля. "
    "С 1 февраля противолавинная служба стороны Бузлага ежедневно направляет стороне "
    "Лернаовита лавинный бюллетень.",
    "hy": "2037 թ. փետրվարի 12-ին Զարխեթի լեռնանցքի համատեղ աշխատանքային խումբը "
    "ձնաբքի պատճառով նիստն անցկացրեց առցանց։ Կողմերը համաձայնեցին թեժ գծի մասին "
    "Ձյունաձորի և Չայղովուշանի ճանապարհային կարգավարական կենտրոնների միջև, որը գործում է "
    "փետրվարի 16-ից։ Փետրվարի 1-ից Բուզլաղի կողմի հակաձնահյուսային ծառայությունն ամեն օր "
    "Լեռնահովիտի կողմին ուղարկում է ձնահյուսի տեղեկագիր։",
    "az": "2037-ci il fevralın 12-də Zarxet Aşırımı üzrə Birgə İşçi Qrupu çovğun səbəbindən "
    "iclasını onlayn keçirib. Tərəflər Dzyunadzor və Çayqovuşandakı yol dispetçer mərkəzləri "
    "arasında fevralın 16-dan işləyən qaynar xətt barədə razılaşıb. Fevralın 1-dən Buzlaq "
    "tərəfinin uçqun xidməti Lernahovit tərəfinə hər gün uçqun bülleteni göndərir.",
}

STATEMENT_LERNAHOVIT = (
    "Լեռնահովիտի կողմը հայտարարում է, որ հունվարի 6-ի գիշերը իր լեռնափրկարարական "
    "խումբը, Բուզլաղի կողմի համաձայնությամբ անցնելով գիծը, Զարխեթի լեռնանցքից "
    "Ձյունաձոր տեղափոխեց 41 վարորդի։"
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
        "title": "Joint Working Group on the Zarkhet Pass: Lernahovit and Buzlaq",
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

    head, snow, duty = member("zp-head"), member("zp-snow"), member("zp-duty")
    ler, ler_road, ler_res = member("ler-head"), member("ler-road"), member("ler-rescue")
    buz, buz_aval, buz_depot = member("buz-head"), member("buz-aval"), member("buz-depot")
    everyone = {
        "zpmm": ["Liselotte Vogelsang", "Matej Kovačič"],
        "lernahovit": ["Garegin Tovmasyan", "Satenik Gasparyan", "Hrant Yeghiazaryan"],
        "buzlaq": ["Orxan Nəsirli", "Könül Talıbova", "Zaur Bağırov"],
    }

    # --- meeting 1 proposed ----------------------------------------------------------------
    at("2036-11-20T10:00")
    head.talks.propose(
        ch,
        "zp-1",
        start="2036-12-04T10:00:00+04:00",
        venue=EDELWEISS,
        format="chaired",
        agenda=[
            _item("snow-clearing", "sections", "Sections of the road each side clears"),
            _item("avalanche-safety", "blasting-notice", "Notice of controlled blasting"),
            _item("weather-data", "station-data", "Sharing data of the weather stations"),
            _item("rescue", "rescue-rules", "Rescue of stranded travellers near the line"),
        ],
        attendees=everyone,
    )
    at("2036-11-21T11:00")
    ler.talks.answer(ch, "zp-1", True)
    at("2036-11-24T09:30")
    buz.talks.answer(ch, "zp-1", True)

    # --- meeting 1, Thursday 4 December ------------------------------------------------
    at("2036-12-04T11:40")
    ler.talks.raise_item(
        ch,
        "zp-1",
        "road-fee",
        "The road fee charged to Lernahovit trucks",
        text="Lernahovit asks that the fee of 40 manats per truck charged at the Çayqovuşan "
        "post for the use of the Buzlaq section be lifted for trucks carrying food and fuel.",
    )
    at("2036-12-04T11:50")
    head.talks.answer_item(
        ch,
        "zp-1",
        "road-fee",
        False,
        "Road fees and tolls are outside the mandate of the working group.",
    )
    at("2036-12-04T14:00")
    head.talks.record_held(
        ch,
        "zp-1",
        started="2036-12-04T10:10:00+04:00",
        ended="2036-12-04T13:25:00+04:00",
        chair="Liselotte Vogelsang",
        attendees=everyone,
    )
    minutes_1 = [
        {
            "item": "sections",
            "summary": "Which side clears which part of the road over the pass.",
            "outcome": "Agreed: the Lernahovit side clears the road from Dzyunadzor up to "
            "km {km}, the Buzlaq side from km {km} down to Çayqovuşan.",
        },
        {
            "item": "blasting-notice",
            "summary": "Controlled blasting of avalanches on the Qartal slope by the Buzlaq "
            "avalanche service.",
            "outcome": "Agreed: the side that blasts within 5 km of the line sends an urgent "
            "notice to the other side at least 24 hours ahead; the other side acknowledges it "
            "within one hour and closes its part of the road for the blasting. The Buzlaq side "
            "sends its winter blasting plan by 11 December.",
        },
        {
            "item": "station-data",
            "summary": "The Buzlaq summit station (km 40) and the Lernahovit snow station at "
            "Dzyunadzor.",
            "outcome": "The Buzlaq side gives the Lernahovit road service online access to the "
            "hourly data of the summit station by 15 December. The Lernahovit side sends the "
            "daily snow-pit data of the Dzyunadzor station every morning by 08:00 from 20 "
            "December.",
        },
        {
            "item": "rescue-rules",
            "summary": "Rescue teams near the line.",
            "outcome": "A rescue team may cross the line at km 40 with the consent of the other "
            "side, asked through the ZPMM.",
        },
        {
            "item": "road-fee",
            "summary": "Raised by the Lernahovit side; ruled outside the mandate by the ZPMM.",
            "outcome": "Not discussed.",
        },
    ]

    def with_km(km: str) -> list[dict[str, Any]]:
        out = []
        for it in minutes_1:
            it2 = dict(it)
            it2["outcome"] = it["outcome"].replace("{km}", km)
            out.append(it2)
        return out

    at("2036-12-04T18:00")
    snow.talks.draft_minutes(
        ch, "zp-1", with_km("41"), general="Chaired by Liselotte Vogelsang, Head of the ZPMM."
    )
    at("2036-12-05T09:00")
    ler.talks.sign_minutes(ch, "zp-1", 1)
    at("2036-12-05T09:30")
    objection, _ = buz.send(
        ch,
        to="zpmm",
        priority="routine",
        topic="snow-clearing",
        subject="Minutes of 4 December",
        text="The boundary agreed at the meeting is km 40, the summit, not km 41. We sign "
        "only a corrected version.",
    )
    at("2036-12-05T10:00")
    duty.receipt(ch, objection.id, "delivered")
    duty.acknowledge(ch, objection.id, "Received; a corrected version follows.")
    at("2036-12-05T11:00")
    snow.talks.draft_minutes(
        ch,
        "zp-1",
        with_km("40"),
        general="Chaired by Liselotte Vogelsang, Head of the ZPMM. Version 2: the boundary "
        "of the sections corrected to km 40.",
    )
    at("2036-12-05T12:00")
    buz.talks.sign_minutes(ch, "zp-1", 2)
    at("2036-12-05T14:00")
    ler.talks.sign_minutes(ch, "zp-1", 2)
    at("2036-12-05T14:30")
    head.talks.sign_minutes(ch, "zp-1", 2)
    at("2036-12-05T15:00")
    head.talks.add_commitment(
        ch,
        "summit-data",
        owner="buzlaq",
        meeting="zp-1",
        agenda_item="station-data",
        text="Give the Lernahovit road service online access to the hourly data of the summit "
        "weather station at km 40.",
        due="2036-12-15T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "snow-pit-data",
        owner="lernahovit",
        meeting="zp-1",
        agenda_item="station-data",
        text="Send the daily snow-pit data of the Dzyunadzor snow station every morning by "
        "08:00, from 20 December.",
        due="2036-12-20T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "blasting-plan",
        owner="buzlaq",
        meeting="zp-1",
        agenda_item="blasting-notice",
        text="Send the winter plan of controlled blasting on the Qartal slope.",
        due="2036-12-11T18:00:00+04:00",
    )

    # --- the next meeting agreed ---------------------------------------------------------
    at("2036-12-05T16:00")
    head.talks.propose(
        ch,
        "zp-2",
        start="2037-01-15T10:00:00+04:00",
        venue=DEPOT,
        format="chaired",
        agenda=[
            _item("snow-clearing", "winter-review", "The first weeks of winter on the pass"),
            _item("weather-data", "data-review", "The exchange of station data"),
        ],
        attendees=everyone,
    )
    at("2036-12-06T10:00")
    ler.talks.answer(ch, "zp-2", True)
    at("2036-12-06T12:00")
    buz.talks.answer(ch, "zp-2", True)

    # --- communiqué 1 ------------------------------------------------------------------
    at("2036-12-06T13:00")
    snow.disclosures.draft_communique(ch, "communique-2036-12-04", COMMUNIQUE_1, "zp-1")
    at("2036-12-06T15:00")
    head.disclosures.sign_communique(ch, "communique-2036-12-04", 1)
    at("2036-12-06T18:00")
    ler.disclosures.sign_communique(ch, "communique-2036-12-04", 1)
    at("2036-12-07T10:00")
    buz.disclosures.sign_communique(ch, "communique-2036-12-04", 1)

    # --- the name of the slope ----------------------------------------------------------
    at("2036-12-08T10:00")
    snow.languages.propose_term(ch, QARTAL_TERM, "One name for the slope in every language.")
    at("2036-12-08T15:00")
    buz.languages.sign_term(ch, "qartal-slope")
    at("2036-12-09T09:00")
    ler.languages.sign_term(ch, "qartal-slope")

    # --- blasting plan and the first notice, on time -----------------------------------
    at("2036-12-10T08:30")
    plan, _ = buz_aval.send(
        ch,
        to="lernahovit",
        priority="routine",
        topic="avalanche-safety",
        subject="Winter blasting plan, Qartal slope",
        text="Controlled blasting with gas exploders on the Qartal slope is planned after every "
        "snowfall of more than 40 cm, in the morning between 06:30 and 08:30. Six firing points "
        "between km 37 and km 43.",
    )
    at("2036-12-10T08:45")
    buz.talks.report(ch, "blasting-plan", "Plan sent on 10 December.", plan.id)
    at("2036-12-10T09:00")
    notice1, _ = buz_aval.send(
        ch,
        to="lernahovit",
        priority="urgent",
        topic="avalanche-safety",
        subject="Notice of blasting, Thursday 11 December",
        text="Controlled blasting on the Qartal slope on 11 December from 06:30 to 08:00. "
        "Please close the road from km 36 to the line from 06:00 to 09:00.",
    )
    at("2036-12-10T09:12")
    ler_road.receipt(ch, notice1.id, "delivered")
    ler_road.receipt(ch, plan.id, "delivered")
    at("2036-12-10T09:20")
    ler_road.acknowledge(ch, notice1.id, "Received; our section closed from 06:00 to 09:00.")
    ler_road.acknowledge(ch, plan.id, "Plan received.")
    at("2036-12-11T10:00")
    ler.talks.confirm(ch, "blasting-plan", "Plan received on 10 December.")

    # --- summit station data ------------------------------------------------------------
    at("2036-12-12T16:00")
    buz.talks.report(
        ch,
        "summit-data",
        "Login for the Lernahovit road service to the hourly data of the summit station given "
        "on 12 December.",
    )
    at("2036-12-13T11:00")
    ler.talks.confirm(ch, "summit-data", "The data can be read since 12 December.")

    # --- snow-pit data: reported, disputed ------------------------------------------------
    at("2036-12-19T17:00")
    ler.talks.report(
        ch,
        "snow-pit-data",
        "Daily snow-pit data of the Dzyunadzor station sent from 19 December.",
    )
    at("2036-12-23T10:00")
    buz.talks.dispute(
        ch,
        "snow-pit-data",
        "Data came on only two of the four mornings from 20 to 23 December, and without snow "
        "temperatures.",
    )

    # --- the snowblower lent, 27 December ---------------------------------------------
    at("2036-12-27T07:40")
    ask_blower, _ = ler_road.send(
        ch,
        to="buzlaq",
        priority="urgent",
        topic="snow-clearing",
        subject="Request for a rotary snowblower",
        text="Our only rotary snowblower broke down at km 33 in last night's snowfall. Drifts "
        "of two metres block our section. We ask to borrow your rotary snowblower for two "
        "weeks.",
    )
    at("2036-12-27T08:05")
    buz_depot.receipt(ch, ask_blower.id, "delivered")
    buz_depot.acknowledge(ch, ask_blower.id, "Received.")
    at("2036-12-27T12:30")
    lend, _ = buz_depot.send(
        ch,
        to="lernahovit",
        priority="urgent",
        topic="snow-clearing",
        subject="Rotary snowblower BZ-417",
        text="We lend our rotary snowblower BZ-417, without operator. It is handed over at the "
        "line at km 40 on 28 December at 09:00 and must be returned there by 10 January.",
        reply_to=ask_blower.id,
    )
    at("2036-12-27T12:50")
    ler_road.receipt(ch, lend.id, "delivered")
    ler_road.acknowledge(ch, lend.id, "Thank you; we will be at km 40 at 09:00.")
    at("2036-12-28T11:00")
    head.talks.add_commitment(
        ch,
        "return-snowblower",
        owner="lernahovit",
        text="Return the rotary snowblower BZ-417 lent by the Buzlaq side, at the line at km 40.",
        due="2037-01-10T18:00:00+04:00",
    )

    # --- the second notice, acknowledged late ----------------------------------------
    at("2036-12-29T10:00")
    notice2, _ = buz_aval.send(
        ch,
        to="lernahovit",
        priority="urgent",
        topic="avalanche-safety",
        subject="Notice of blasting, Tuesday 30 December",
        text="Controlled blasting on the Qartal slope on 30 December from 07:00 to 08:30 after "
        "70 cm of new snow. Please close the road from km 36 to the line from 06:30 to 09:00.",
    )
    at("2036-12-29T12:40")
    ler_road.receipt(ch, notice2.id, "delivered")
    at("2036-12-29T13:15")
    ler_road.acknowledge(ch, notice2.id, "Received; our section will be closed.")

    # --- the stranded convoy, night of 5 to 6 January ---------------------------------
    at("2037-01-05T22:10")
    convoy, _ = buz_depot.send(
        ch,
        to="zpmm",
        priority="flash",
        topic="rescue",
        subject="Truck convoy stranded at km 47",
        text="An avalanche at km 51 blocked the road at 20:30. A convoy of 23 trucks with 41 "
        "drivers is stranded at km 47 between two avalanche paths. Our teams cannot reach them "
        "from Çayqovuşan before morning. We ask that the Lernahovit mountain rescue team cross "
        "the line at km 40 and take the drivers to Dzyunadzor; we guarantee its passage.",
    )
    at("2037-01-05T22:14")
    duty.receipt(ch, convoy.id, "delivered")
    duty.acknowledge(ch, convoy.id, "Received; relaying at once.")
    at("2037-01-05T22:18")
    convoy_r, _ = duty.send(
        ch,
        to="lernahovit",
        priority="flash",
        topic="rescue",
        subject="Truck convoy stranded at km 47 (relayed)",
        text="The Buzlaq side reports 23 trucks with 41 drivers stranded at km 47 after an "
        "avalanche at km 51, and asks your mountain rescue team to cross the line at km 40 and "
        "take the drivers to Dzyunadzor. It guarantees the team's passage.",
        relay_of=convoy.id,
    )
    at("2037-01-05T22:21")
    ler_res.receipt(ch, convoy_r.id, "delivered")
    at("2037-01-05T22:24")
    ler_res.acknowledge(ch, convoy_r.id, "Received; the team is getting ready.")
    at("2037-01-05T22:40")
    team, _ = ler_res.send(
        ch,
        to="zpmm",
        priority="flash",
        topic="rescue",
        subject="Rescue team on its way",
        text="A team of 14 rescuers with two snowcats leaves Dzyunadzor at 23:00 for km 40.",
        reply_to=convoy_r.id,
    )
    at("2037-01-05T22:43")
    duty.receipt(ch, team.id, "delivered")
    duty.acknowledge(ch, team.id, "Received.")
    at("2037-01-05T22:46")
    team_r, _ = duty.send(
        ch,
        to="buzlaq",
        priority="flash",
        topic="rescue",
        subject="Rescue team on its way (relayed)",
        text="The Lernahovit side reports that 14 rescuers with two snowcats leave Dzyunadzor "
        "at 23:00 for km 40.",
        relay_of=team.id,
    )
    at("2037-01-05T22:50")
    buz_depot.receipt(ch, team_r.id, "delivered")
    buz_depot.acknowledge(ch, team_r.id, "Received; our post at km 40 will let them through.")
    at("2037-01-06T04:30")
    rescued, _ = ler_res.send(
        ch,
        to="zpmm",
        priority="urgent",
        topic="rescue",
        subject="The drivers of the convoy are safe",
        text="The team crossed the line at km 40 at 00:20, reached the convoy at km 47 at "
        "01:50 and brought all 41 drivers to Dzyunadzor by 04:10. Two drivers are treated for "
        "frostbite at the Dzyunadzor hospital. The trucks stay at km 47.",
    )
    at("2037-01-06T04:40")
    duty.receipt(ch, rescued.id, "delivered")
    duty.acknowledge(ch, rescued.id, "Received, thank you.")
    at("2037-01-06T04:45")
    rescued_r, _ = duty.send(
        ch,
        to="buzlaq",
        priority="urgent",
        topic="rescue",
        subject="The drivers of the convoy are safe (relayed)",
        text="The Lernahovit side reports that its team crossed at 00:20 and brought all 41 "
        "drivers to Dzyunadzor by 04:10; two are treated for frostbite.",
        relay_of=rescued.id,
    )
    at("2037-01-06T07:30")
    buz_depot.receipt(ch, rescued_r.id, "delivered")
    buz_depot.acknowledge(ch, rescued_r.id, "Received with thanks.")

    # --- meeting 2 postponed ----------------------------------------------------------
    at("2037-01-09T10:00")
    buz.talks.counter(
        ch,
        "zp-2",
        start="2037-01-22T10:00:00+04:00",
        note="The depot is clearing the avalanche at km 51 and the stranded trucks until "
        "mid-January; we ask to postpone the meeting by a week.",
    )
    at("2037-01-10T09:00")
    ler.talks.answer(ch, "zp-2", True)
    at("2037-01-10T11:00")
    head.talks.answer(ch, "zp-2", True)

    # --- the rescue opened to the public ----------------------------------------------
    at("2037-01-12T10:00")
    head.disclosures.propose(
        ch,
        "open-convoy-rescue",
        [convoy.id, team.id, rescued.id],
        "public",
        "The families of the drivers and the public should know how the convoy was rescued.",
    )
    at("2037-01-12T15:00")
    ler.disclosures.sign(ch, "open-convoy-rescue")
    at("2037-01-13T09:00")
    buz.disclosures.sign(ch, "open-convoy-rescue")

    # --- the snowblower returned late --------------------------------------------------
    at("2037-01-14T13:00")
    ler.talks.report(
        ch,
        "return-snowblower",
        "The snowblower BZ-417 was handed back at km 40 on 14 January at 11:00.",
    )
    at("2037-01-15T10:00")
    buz.talks.confirm(
        ch, "return-snowblower", "Received on 14 January, four days after the agreed date."
    )

    # --- night opening proposed and declined --------------------------------------------
    at("2037-01-16T10:00")
    ler.talks.propose_item(
        ch, "zp-2", "night-opening", "snow-clearing", "Opening the pass to trucks at night"
    )
    at("2037-01-19T11:00")
    buz.talks.answer_item(
        ch,
        "zp-2",
        "night-opening",
        False,
        "We have no night crews on our section and the avalanche danger is highest at night; "
        "the pass stays closed from 20:00 to 07:00.",
    )
    at("2037-01-19T15:00")
    snow.talks.propose_item(
        ch, "zp-2", "bulletins", "avalanche-safety", "A daily avalanche bulletin"
    )
    at("2037-01-20T09:00")
    ler.talks.answer_item(ch, "zp-2", "bulletins", True)
    at("2037-01-20T10:00")
    buz.talks.answer_item(ch, "zp-2", "bulletins", True)

    # --- meeting 2, Thursday 22 January --------------------------------------------------
    at("2037-01-22T12:10")
    ler.talks.raise_item(
        ch,
        "zp-2",
        "hotline",
        "A hotline between the road dispatch centres",
        text="Lernahovit proposes a 24-hour hotline between the road dispatch centres of "
        "Dzyunadzor and Çayqovuşan for closures and avalanches.",
    )
    at("2037-01-22T14:30")
    head.talks.record_held(
        ch,
        "zp-2",
        started="2037-01-22T10:30:00+04:00",
        ended="2037-01-22T14:05:00+04:00",
        chair="Liselotte Vogelsang",
        attendees=everyone,
        note="Postponed from 15 January at the request of the Buzlaq side.",
    )
    at("2037-01-22T18:00")
    snow.talks.draft_minutes(
        ch,
        "zp-2",
        [
            {
                "item": "winter-review",
                "summary": "The convoy stranded on 5 January and the snowblower lent by the "
                "Buzlaq side.",
                "outcome": "Noted: all 41 drivers were brought to Dzyunadzor by the Lernahovit "
                "rescue team on 6 January. The snowblower BZ-417 was returned on 14 January, "
                "four days late.",
            },
            {
                "item": "data-review",
                "summary": "The snow-pit data of the Dzyunadzor station.",
                "positions": {
                    "buzlaq": "The data come irregularly and without snow temperatures.",
                    "lernahovit": "The station's thermometer is broken and being replaced.",
                },
                "outcome": "No agreement on the snow-pit data. The Lernahovit side installs an "
                "automatic snow-depth sensor at km 38 and shares its data by 15 February.",
            },
            {
                "item": "bulletins",
                "summary": "Proposed by the ZPMM.",
                "outcome": "Agreed: from 1 February the Buzlaq avalanche service sends the "
                "Lernahovit side a daily avalanche bulletin by 07:30.",
            },
            {
                "item": "night-opening",
                "summary": "Proposed by the Lernahovit side; declined by the Buzlaq side.",
                "outcome": "The pass stays closed from 20:00 to 07:00.",
            },
            {
                "item": "hotline",
                "summary": "Raised by the Lernahovit side.",
                "outcome": "Agreed in principle; the ZPMM proposes to add a hotline to the "
                "mandate.",
            },
        ],
        general="Held at the Çayqovuşan road depot, chaired by Liselotte Vogelsang.",
    )
    at("2037-01-23T09:00")
    head.talks.sign_minutes(ch, "zp-2", 1)
    at("2037-01-23T10:00")
    buz.talks.sign_minutes(ch, "zp-2", 1)
    at("2037-01-23T12:00")
    ler.talks.sign_minutes(ch, "zp-2", 1)
    at("2037-01-23T13:00")
    head.talks.add_commitment(
        ch,
        "daily-bulletin",
        owner="buzlaq",
        meeting="zp-2",
        agenda_item="bulletins",
        text="Send the Lernahovit side a daily avalanche bulletin by 07:30, from 1 February.",
        due="2037-02-01T09:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "snow-sensor",
        owner="lernahovit",
        meeting="zp-2",
        agenda_item="data-review",
        text="Install an automatic snow-depth sensor at km 38 and share its data.",
        due="2037-02-15T18:00:00+04:00",
    )
    at("2037-01-23T14:00")
    head.talks.extend_mandate(
        ch,
        "pass-hotline",
        "A 24-hour hotline between the road dispatch centres of the two sides",
        "Agreed in principle at the meeting of 22 January.",
    )
    at("2037-01-23T16:00")
    snow.disclosures.draft_communique(ch, "communique-2037-01-22", COMMUNIQUE_2, "zp-2")
    at("2037-01-24T10:00")
    head.disclosures.sign_communique(ch, "communique-2037-01-22", 1)
    buz.talks.sign_extension(ch, "pass-hotline")
    at("2037-01-24T12:00")
    buz.disclosures.sign_communique(ch, "communique-2037-01-22", 1)
    at("2037-01-26T09:00")
    ler.talks.sign_extension(ch, "pass-hotline")

    # --- the third notice, never acknowledged ------------------------------------------
    at("2037-01-26T15:00")
    notice3, _ = buz_aval.send(
        ch,
        to="lernahovit",
        priority="urgent",
        topic="avalanche-safety",
        subject="Notice of blasting, Tuesday 27 January",
        text="Controlled blasting on the Qartal slope on 27 January from 07:00 to 08:00. "
        "Please close the road from km 36 to the line from 06:30 to 08:30.",
    )
    at("2037-01-26T16:10")
    ler_road.receipt(ch, notice3.id, "delivered")

    # --- meeting 3 proposed --------------------------------------------------------------
    at("2037-01-29T10:00")
    head.talks.propose(
        ch,
        "zp-3",
        start="2037-02-12T10:00:00+04:00",
        venue=EDELWEISS,
        format="chaired",
        agenda=[
            _item("pass-hotline", "hotline-setup", "Setting up the hotline"),
            _item("avalanche-safety", "notices-review", "Notices of blasting since December"),
            _item("weather-data", "sensor", "The snow-depth sensor at km 38"),
        ],
        attendees=everyone,
    )
    at("2037-01-30T10:00")
    buz.talks.answer(ch, "zp-3", True)
    at("2037-01-31T11:00")
    ler.talks.answer(ch, "zp-3", True)

    # --- the daily bulletin --------------------------------------------------------------
    at("2037-02-01T07:20")
    bulletin, _ = buz_aval.send(
        ch,
        to="lernahovit",
        priority="routine",
        topic="avalanche-safety",
        subject="Avalanche bulletin, 1 February",
        text="Avalanche danger level 4 (high) above 2,200 metres, level 3 below. Wind slabs on "
        "the Qartal slope. No blasting today.",
    )
    at("2037-02-01T08:00")
    buz.talks.report(
        ch, "daily-bulletin", "First bulletin sent on 1 February at 07:20.", bulletin.id
    )
    at("2037-02-01T08:05")
    ler_road.receipt(ch, bulletin.id, "delivered")
    ler_road.acknowledge(ch, bulletin.id, "Received.")
    at("2037-02-01T10:00")
    tr_id, _ = duty.languages.translate(
        ch,
        bulletin.id,
        "text",
        "ru",
        text="Лавинная опасность 4-й степени (высокая) выше 2200 метров, 3-й степени ниже. "
        "Ветровые доски на склоне Гартал. Взрывов сегодня нет.",
    )
    at("2037-02-01T12:00")
    ler_road.languages.verify(ch, tr_id, "The Russian text says what the original says.")
    at("2037-02-02T10:00")
    ler.talks.confirm(ch, "daily-bulletin", "Bulletins received on 1 and 2 February.")
    at("2037-02-02T14:00")
    answer_b, _ = ler_road.send(
        ch,
        to="buzlaq",
        priority="routine",
        topic="avalanche-safety",
        subject="Our avalanche observations, 2 February",
        text="On our side of the pass we rate the danger at level 3 (considerable); a natural "
        "avalanche crossed the road at km 35 during the night.",
        reply_to=bulletin.id,
    )
    at("2037-02-02T15:30")
    buz_aval.receipt(ch, answer_b.id, "delivered")
    buz_aval.acknowledge(ch, answer_b.id, "Received.")

    # --- a dispatcher joins the Lernahovit side -------------------------------------
    at("2037-02-03T10:00")
    dispatcher = SigningKey.generate()
    ler.members.add(
        ch,
        "lernahovit",
        dispatcher.public.to_b64(),
        "Arsen Khachikyan",
        title="Dispatcher, Dzyunadzor road dispatch centre",
    )

    # --- meeting 3 moved online for a blizzard ------------------------------------------
    at("2037-02-11T07:00")
    head.talks.counter(
        ch,
        "zp-3",
        venue=ONLINE,
        note="A blizzard warning for the pass and the roads to Dzyunadzor; the meeting is "
        "held online.",
    )
    at("2037-02-11T09:00")
    ler.talks.answer(ch, "zp-3", True)
    at("2037-02-11T10:30")
    buz.talks.answer(ch, "zp-3", True)
    at("2037-02-12T12:45")
    head.talks.record_held(
        ch,
        "zp-3",
        started="2037-02-12T10:00:00+04:00",
        ended="2037-02-12T12:15:00+04:00",
        chair="Liselotte Vogelsang",
        attendees={
            "zpmm": ["Liselotte Vogelsang", "Matej Kovačič", "Siobhán Carraher"],
            "lernahovit": ["Garegin Tovmasyan", "Satenik Gasparyan"],
            "buzlaq": ["Orxan Nəsirli", "Könül Talıbova"],
        },
        note="Held online because of the blizzard.",
    )
    items_3 = [
        {
            "item": "hotline-setup",
            "summary": "The hotline added to the mandate on 26 January.",
            "outcome": "Agreed: from 16 February the road dispatch centres of Dzyunadzor and "
            "Çayqovuşan send each other flash messages on the channel about closures and "
            "avalanches, day and night, and acknowledge within fifteen minutes.",
        },
        {
            "item": "notices-review",
            "summary": "Three notices of blasting since December.",
            "positions": {
                "buzlaq": "The notice of 26 January was never acknowledged and that of 29 "
                "December three hours late.",
                "lernahovit": "The road service was short of staff during the holidays.",
            },
            "outcome": "Noted. The Lernahovit side acknowledges every notice within one hour.",
        },
        {
            "item": "sensor",
            "summary": "The snow-depth sensor at km 38.",
            "positions": {"lernahovit": "The sensor has been ordered."},
            "outcome": "Noted; the date of 15 February stands.",
        },
    ]
    items_3_ru = [
        {
            "item": "hotline-setup",
            "summary": "Горячая линия, добавленная в мандат 26 января.",
            "outcome": "Согласовано: с 16 февраля дорожные диспетчерские Дзюнадзора и "
            "Чайговушана круглосуточно направляют друг другу срочные сообщения о закрытиях "
            "дороги и лавинах и подтверждают их в течение пятнадцати минут.",
        },
        {
            "item": "notices-review",
            "summary": "Три уведомления о взрывах с декабря.",
            "positions": {
                "buzlaq": "Уведомление от 26 января так и не было подтверждено, а от 29 "
                "декабря — с опозданием на три часа.",
                "lernahovit": "В праздники дорожной службе не хватало людей.",
            },
            "outcome": "Принято к сведению. Сторона Лернаовита подтверждает каждое "
            "уведомление в течение часа.",
        },
        {
            "item": "sensor",
            "summary": "Датчик высоты снега на 38-м километре.",
            "positions": {"lernahovit": "Датчик заказан."},
            "outcome": "Принято к сведению; срок 15 февраля сохраняется.",
        },
    ]
    at("2037-02-12T17:00")
    snow.talks.draft_minutes(
        ch,
        "zp-3",
        items_3,
        general="Held online; chaired by Liselotte Vogelsang.",
        parallel={
            "ru": {"items": items_3_ru, "general": "Онлайн; председатель — Лизелотта Фогельзанг."}
        },
        authentic=["en"],
    )
    at("2037-02-13T09:00")
    head.talks.sign_minutes(ch, "zp-3", 1)
    at("2037-02-13T11:00")
    ler.talks.sign_minutes(ch, "zp-3", 1)
    at("2037-02-13T15:00")
    buz.talks.sign_minutes(ch, "zp-3", 1)
    at("2037-02-13T16:00")
    snow.disclosures.draft_communique(ch, "communique-2037-02-12", COMMUNIQUE_3, "zp-3")
    at("2037-02-13T17:00")
    head.disclosures.sign_communique(ch, "communique-2037-02-12", 1)
    at("2037-02-14T10:00")
    buz.disclosures.sign_communique(ch, "communique-2037-02-12", 1)
    at("2037-02-14T12:00")
    ler.disclosures.sign_communique(ch, "communique-2037-02-12", 1)

    # --- the hotline at work --------------------------------------------------------
    at("2037-02-17T05:10")
    hot1, _ = buz_depot.send(
        ch,
        to="lernahovit",
        priority="flash",
        topic="pass-hotline",
        subject="Road closed at km 44",
        text="An avalanche crossed the road at km 44 at 04:50. The road is closed from the "
        "line to km 48 until further notice.",
    )
    at("2037-02-17T05:14")
    ler_road.receipt(ch, hot1.id, "delivered")
    ler_road.acknowledge(ch, hot1.id, "Received; we stop traffic at km 36.")

    # --- meeting 4: direct, at the summit station ----------------------------------------
    roads = {"lernahovit": ["Satenik Gasparyan"], "buzlaq": ["Zaur Bağırov"]}
    at("2037-02-17T11:00")
    ler.talks.propose(
        ch,
        "zp-4",
        start="2037-02-24T11:00:00+04:00",
        venue=SUMMIT,
        format="direct",
        agenda=[_item("snow-clearing", "gallery", "Clearing the summit avalanche gallery")],
        attendees=roads,
    )
    at("2037-02-18T10:00")
    buz.talks.answer(ch, "zp-4", True)
    at("2037-02-24T15:00")
    duty.talks.record_held(
        ch,
        "zp-4",
        started="2037-02-24T11:20:00+04:00",
        ended="2037-02-24T12:40:00+04:00",
        chair="Zaur Bağırov",
        attendees=roads,
        note="A direct meeting of the two road services without the ZPMM; recorded from the "
        "sides' joint notes.",
    )
    at("2037-02-24T18:00")
    duty.talks.draft_minutes(
        ch,
        "zp-4",
        [
            {
                "item": "gallery",
                "summary": "The avalanche gallery at the summit, km 39 to km 41.",
                "outcome": "Agreed: the two depots clear the gallery in alternate weeks, the "
                "Buzlaq depot first, from 2 March.",
            }
        ],
        general="A direct meeting chaired by Zaur Bağırov; the ZPMM did not attend.",
    )
    at("2037-02-25T09:00")
    buz.talks.sign_minutes(ch, "zp-4", 1)
    at("2037-02-25T10:00")
    ler.talks.sign_minutes(ch, "zp-4", 1)
    at("2037-02-25T11:00")
    head.talks.add_commitment(
        ch,
        "gallery-first-week",
        owner="buzlaq",
        meeting="zp-4",
        agenda_item="gallery",
        text="Clear the summit avalanche gallery in the week from 2 March.",
        due="2037-03-08T18:00:00+04:00",
    )

    # --- meeting 5: agreed, then cancelled ---------------------------------------------
    at("2037-02-25T14:00")
    head.talks.propose(
        ch,
        "zp-5",
        start="2037-03-05T10:00:00+04:00",
        venue=EDELWEISS,
        format="chaired",
        agenda=[
            _item("weather-data", "sensor-late", "The snow-depth sensor, not installed"),
            _item("avalanche-safety", "spring-blasting", "Blasting in the spring thaw"),
        ],
        attendees=everyone,
    )
    at("2037-02-26T10:00")
    ler.talks.answer(ch, "zp-5", True)
    at("2037-02-26T15:00")
    buz.talks.answer(ch, "zp-5", True)
    at("2037-03-02T12:00")
    ler.talks.counter(
        ch,
        "zp-5",
        cancel=True,
        note="The head of our delegation is called to a government session on 5 March.",
    )
    at("2037-03-02T16:00")
    buz.talks.answer(ch, "zp-5", True)
    at("2037-03-03T09:00")
    head.talks.answer(ch, "zp-5", True)

    # --- a disclosure never signed ------------------------------------------------------
    at("2037-03-03T11:00")
    buz.disclosures.propose(
        ch,
        "open-notice-27-jan",
        [notice3.id],
        "public",
        "The public should see that the notice of 26 January was given in time.",
    )
    at("2037-03-03T15:00")
    head.disclosures.sign(ch, "open-notice-27-jan")

    at("2037-03-06T17:00")
    buz.talks.report(ch, "gallery-first-week", "Gallery cleared on 3 and 4 March.")
    at("2037-03-07T10:00")
    ler.talks.confirm(ch, "gallery-first-week", "Gallery open.")

    # --- meeting 6 ----------------------------------------------------------------------
    at("2037-03-07T12:00")
    head.talks.propose(
        ch,
        "zp-6",
        start="2037-03-19T10:00:00+04:00",
        venue=DEPOT,
        format="chaired",
        agenda=[
            _item("weather-data", "sensor-late", "The snow-depth sensor, not installed"),
            _item("avalanche-safety", "spring-blasting", "Blasting in the spring thaw"),
            _item("snow-clearing", "season-review", "The winter season on the pass"),
        ],
        attendees=everyone,
    )
    at("2037-03-09T10:00")
    buz.talks.answer(ch, "zp-6", True)
    at("2037-03-09T16:00")
    ler.talks.answer(ch, "zp-6", True)

    at("2037-03-10T12:00")
    ler.disclosures.unilateral(
        ch,
        STATEMENT_LERNAHOVIT,
        "hy",
        source="Press service of the Lernahovit delegation, 10 March 2037",
    )

    at("2037-03-19T13:30")
    snow.talks.record_held(
        ch,
        "zp-6",
        started="2037-03-19T10:05:00+04:00",
        ended="2037-03-19T12:50:00+04:00",
        chair="Matej Kovačič",
        attendees={
            "zpmm": ["Matej Kovačič", "Siobhán Carraher"],
            "lernahovit": ["Garegin Tovmasyan", "Satenik Gasparyan"],
            "buzlaq": ["Orxan Nəsirli", "Könül Talıbova", "Zaur Bağırov"],
        },
        note="Liselotte Vogelsang did not attend; Matej Kovačič chaired for the ZPMM.",
    )
    at("2037-03-19T18:00")
    snow.talks.draft_minutes(
        ch,
        "zp-6",
        [
            {
                "item": "sensor-late",
                "summary": "The sensor due on 15 February is not installed.",
                "positions": {"lernahovit": "The supplier has not delivered the sensor."},
                "outcome": "No new date.",
            },
            {
                "item": "spring-blasting",
                "summary": "Wet-snow avalanches in March and April.",
                "outcome": "Agreed: notices of blasting stay at 24 hours ahead until the pass "
                "closes for the spring works.",
            },
            {
                "item": "season-review",
                "summary": "The pass was closed for 19 days in the winter, 11 of them for "
                "avalanche danger.",
                "outcome": "Noted.",
            },
        ],
        general="Chaired by Matej Kovačič for the ZPMM at the Çayqovuşan road depot.",
    )
    at("2037-03-20T09:00")
    head.talks.sign_minutes(ch, "zp-6", 1)
    at("2037-03-20T11:00")
    buz.talks.sign_minutes(ch, "zp-6", 1)
    at("2037-03-20T15:00")
    ler.talks.sign_minutes(ch, "zp-6", 1)

    # --- next meeting: proposed, not agreed ----------------------------------------------
    at("2037-03-23T11:00")
    buz.talks.propose(
        ch,
        "zp-7",
        start="2037-04-16T10:00:00+04:00",
        venue=DEPOT,
        format="chaired",
        agenda=[
            _item("snow-clearing", "spring-works", "Spring works on the road and the gallery"),
            _item("weather-data", "sensor-again", "The snow-depth sensor"),
        ],
        attendees=everyone,
    )
    at("2037-03-24T10:00")
    head.talks.answer(ch, "zp-7", True)
