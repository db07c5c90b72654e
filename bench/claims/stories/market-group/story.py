"""A cross-line market and trade working group (held-out story; fiction).

The Crossing Trade Facilitation Office (CTFO, the mediator) runs the Joint Working Group
on the Berezovka Market between the Arevshogh and Çaylıqaya sides from March to June 2035:
a weekly market day at the Berezovka crossing, lists of goods allowed across, a quota for
fruit, a trader's walnuts seized and returned, market fees, a market day cancelled for a
holiday, sanitary inspection of produce, currency exchange ruled outside the mandate.
Every place, side and person is invented. Local time is UTC+4.

- Meeting 1 (mk-1): Tue 13 Mar, 10:00, CTFO office in Tallora; held 10:15-13:40, chaired by
  Ingrid Halvorsen. Currency exchange raised by Çaylıqaya, ruled outside the mandate by the
  CTFO. Market every Saturday from 7 April, 08:00-14:00. Commitments: goods lists
  (Arevshogh, 23 Mar, reported, confirmed; Çaylıqaya, 23 Mar, reported 26 Mar, confirmed).
  Communiqué 1 (en, ru, hy, az): published.
- Meeting 2 (mk-2): proposed for Tue 3 Apr, Berezovka pavilion; moved to Wed 4 Apr by
  Arevshogh; held 11:00-13:30, chaired by Luca Bernardi. Market fees proposed by Çaylıqaya,
  declined (deferred) by Arevshogh. Fruit quota 10 tonnes per market day until 30 June.
  Commitments: customs instructed (Arevshogh, 6 Apr; reported, disputed), inspectors named
  (Çaylıqaya, 11 Apr; reported, confirmed). Communiqué 2: signed by CTFO and Arevshogh only.
- 14 Apr: 340 kg of walnuts of a Çaylıqaya trader seized by the Arevshogh customs post;
  returned 17 Apr. Relay acknowledged late.
- Meeting 3 (mk-3): Thu 26 Apr, Berezovka pavilion, moved online by Çaylıqaya (landslide);
  held online 10:05-12:20, chaired by Halvorsen. Commitments: written seizure procedure
  (Arevshogh, 10 May; never reported: overdue), second instruction (Arevshogh, 30 Apr;
  reported, confirmed).
- Market day of Sat 5 May cancelled for Constitution Day on the Arevshogh side.
- Meeting 4 (mk-4): Tue 15 May, Tallora, agreed, then cancelled by Arevshogh.
- Meeting 5 (mk-5): proposed by Çaylıqaya for Sat 2 Jun 15:00 at the market ground; moved
  to Sat 9 Jun by Arevshogh; held 15:20-17:10 in the CTFO tent, chaired by Bernardi. Fee 3
  euros per stall from 16 June. Cherry quota raised by Çaylıqaya, declined by Arevshogh.
  Commitments: fee notice (Çaylıqaya, 15 Jun; reported, confirmed), scale (Arevshogh, 16
  Jun; reported, disputed). Communiqué 3 (en, ru, hy, az): published.
- Disclosures: the seizure messages made public; the quota dispute proposed by Çaylıqaya,
  never signed by Arevshogh.
- Next: mk-6 Thu 5 Jul 10:00 Tallora, proposed by the CTFO, accepted by Arevshogh, no
  answer from Çaylıqaya.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "berezovka-market-group"
START = datetime(2035, 3, 1, 5, 0, tzinfo=UTC)  # Thursday 1 March 2035, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    (
        "ctfo-head",
        "ctfo",
        "head",
        "Ingrid Halvorsen",
        "Head of the Crossing Trade Facilitation Office",
    ),
    ("ctfo-officer", "ctfo", "member", "Luca Bernardi", "Market liaison officer, CTFO"),
    (
        "arv-head",
        "arevshogh",
        "head",
        "Lilit Harutyunyan",
        "Deputy Minister of Economy, head of the Arevshogh delegation",
    ),
    (
        "arv-insp",
        "arevshogh",
        "member",
        "Samvel Ohanjanyan",
        "Head of the food safety inspectorate, Arevshogh side",
    ),
    ("cay-head", "caylikaya", "head", "Rauf Məmmədli", "Head of the Çaylıqaya delegation"),
    (
        "cay-trade",
        "caylikaya",
        "member",
        "Aytən Hüseynzadə",
        "Head of the markets department, Çaylıqaya side",
    ),
    (
        "cay-cust",
        "caylikaya",
        "member",
        "Pyotr Lavrentyev",
        "Customs liaison officer, Çaylıqaya side",
    ),
]

SIDES = {
    "ctfo": ("Crossing Trade Facilitation Office", "mediator"),
    "arevshogh": ("Arevshogh side", "party"),
    "caylikaya": ("Çaylıqaya side", "party"),
}

MANDATE = [
    {"id": "market-days", "title": "The weekly market day at the Berezovka crossing"},
    {"id": "goods-lists", "title": "Lists of goods allowed across and quotas"},
    {"id": "sanitary", "title": "Sanitary inspection of produce"},
    {"id": "traders", "title": "Passage of traders and their goods"},
    {"id": "fees", "title": "Market fees and facilities"},
]

GLOSSARY = [
    {
        "id": "ctfo",
        "kind": "side",
        "names": {
            "en": "Crossing Trade Facilitation Office",
            "ru": "Бюро содействия торговле на переходе",
            "hy": "Անցակետում առևտրի աջակցության գրասենյակ",
            "az": "Keçiddə Ticarətə Yardım Bürosu",
        },
    },
    {
        "id": "arevshogh",
        "kind": "side",
        "names": {"en": "Arevshogh", "ru": "Аревшох", "hy": "Արևշող", "az": "Arevşoğ"},
    },
    {
        "id": "caylikaya",
        "kind": "side",
        "names": {"en": "Çaylıqaya", "ru": "Чайлыгая", "hy": "Չայլըղայա", "az": "Çaylıqaya"},
    },
    {
        "id": "tallora",
        "kind": "place",
        "names": {"en": "Tallora", "ru": "Таллора", "hy": "Տալլորա", "az": "Tallora"},
    },
    {
        "id": "berezovka",
        "kind": "place",
        "names": {
            "en": "Berezovka crossing",
            "ru": "переход Березовка",
            "hy": "Բերեզովկայի անցակետ",
            "az": "Berezovka keçidi",
        },
    },
    {
        "id": "saridere",
        "kind": "place",
        "names": {"en": "Sarıdərə", "ru": "Сарыдере", "hy": "Սարըդարա", "az": "Sarıdərə"},
        "note": "Village on the Çaylıqaya side, near the line.",
    },
    {
        "id": "nerkin-getap",
        "kind": "place",
        "names": {
            "en": "Nerkin Getap",
            "ru": "Неркин Гетап",
            "hy": "Ներքին Գետափ",
            "az": "Nerkin Getap",
        },
        "note": "Village on the Arevshogh side, near the line.",
    },
]

TALLORA = "CTFO office, Tallora"
PAVILION = "Berezovka crossing, market pavilion"
ONLINE = "Videoconference (online), hosted by the CTFO"
TENT = "Berezovka crossing, open-air market ground, CTFO tent"

COMMUNIQUE_1 = {
    "en": "On 13 March 2035 the Joint Working Group on the Berezovka Market held its first "
    "meeting at the office of the Crossing Trade Facilitation Office in Tallora. From 7 April a "
    "market will be held at the Berezovka crossing every Saturday from 08:00 to 14:00. Each "
    "side will send the other a list of goods allowed across.",
    "ru": "13 марта 2035 года Совместная рабочая группа по рынку в Березовке провела первое "
    "заседание в офисе Бюро содействия торговле на переходе в Таллоре. С 7 апреля на переходе "
    "Березовка каждую субботу с 08:00 до 14:00 будет работать рынок. Каждая сторона направит "
    "другой список товаров, разрешённых к перемещению.",
    "hy": "2035 թվականի մարտի 13-ին Բերեզովկայի շուկայի հարցերով համատեղ աշխատանքային խումբն "
    "իր առաջին նիստն անցկացրեց Տալլորայում՝ Անցակետում առևտրի աջակցության գրասենյակում։ "
    "Ապրիլի 7-ից Բերեզովկայի անցակետում ամեն շաբաթ օր 08:00-ից 14:00 շուկա կգործի։ Յուրաքանչյուր "
    "կողմ մյուսին կուղարկի անցկացման թույլատրված ապրանքների ցուցակը։",
    "az": "2035-ci il martın 13-də Berezovka Bazarı üzrə Birgə İşçi Qrupu ilk iclasını "
    "Talloradakı Keçiddə Ticarətə Yardım Bürosunun ofisində keçirib. Aprelin 7-dən Berezovka "
    "keçidində hər şənbə saat 08:00-dan 14:00-dək bazar işləyəcək. Hər tərəf digərinə keçidə "
    "icazə verilən malların siyahısını göndərəcək.",
}

COMMUNIQUE_2 = {
    "en": "On 4 April 2035 the Joint Working Group on the Berezovka Market met at the Berezovka "
    "crossing. Until 30 June up to 10 tonnes of fruit may cross on each market day. Produce "
    "will be inspected jointly by inspectors of both sides.",
    "ru": "4 апреля 2035 года Совместная рабочая группа по рынку в Березовке собралась на "
    "переходе Березовка. До 30 июня в каждый рыночный день через переход можно провозить до 10 "
    "тонн фруктов. Продукция будет проверяться совместно инспекторами обеих сторон.",
}

COMMUNIQUE_3 = {
    "en": "On 9 June 2035 the Joint Working Group on the Berezovka Market met at the market "
    "ground of the Berezovka crossing. From 16 June a fee of 3 euros per stall will be "
    "collected on each market day for cleaning and weighing. The walnuts of a trader from "
    "Sarıdərə held at the crossing on 14 April were returned to him on 17 April.",
    "ru": "9 июня 2035 года Совместная рабочая группа по рынку в Березовке собралась на рыночной "
    "площади перехода Березовка. С 16 июня в каждый рыночный день будет взиматься сбор 3 евро с "
    "торгового места на уборку и взвешивание. Грецкие орехи торговца из Сарыдере, задержанные "
    "на переходе 14 апреля, были возвращены ему 17 апреля.",
    "hy": "2035 թվականի հունիսի 9-ին Բերեզովկայի շուկայի հարցերով համատեղ աշխատանքային խումբը "
    "հավաքվեց Բերեզովկայի անցակետի շուկայի հրապարակում։ Հունիսի 16-ից յուրաքանչյուր շուկայի "
    "օր առևտրի տեղի համար կգանձվի 3 եվրո վճար՝ մաքրման և կշռման համար։ Սարըդարայից առևտրականի "
    "ընկույզը, որը պահվել էր անցակետում ապրիլի 14-ին, նրան վերադարձվեց ապրիլի 17-ին։",
    "az": "2035-ci il iyunun 9-da Berezovka Bazarı üzrə Birgə İşçi Qrupu Berezovka keçidinin "
    "bazar meydanında toplaşıb. İyunun 16-dan hər bazar günü təmizlik və çəki üçün hər "
    "satış yerindən 3 avro haqq alınacaq. Aprelin 14-də keçiddə saxlanılan Sarıdərəli "
    "tacirin qozu aprelin 17-də ona qaytarılıb.",
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
        "title": "Joint Working Group on the Berezovka Market: Arevshogh and Çaylıqaya",
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

    head, officer = member("ctfo-head"), member("ctfo-officer")
    arv, arv_insp = member("arv-head"), member("arv-insp")
    cay, cay_trade, _cay_cust = member("cay-head"), member("cay-trade"), member("cay-cust")
    everyone = {
        "ctfo": ["Ingrid Halvorsen", "Luca Bernardi"],
        "arevshogh": ["Lilit Harutyunyan", "Samvel Ohanjanyan"],
        "caylikaya": ["Rauf Məmmədli", "Aytən Hüseynzadə"],
    }

    # --- meeting 1: Tallora, 13 March ---------------------------------------------------
    at("2035-03-02T11:00")
    head.talks.propose(
        ch,
        "mk-1",
        start="2035-03-13T10:00:00+04:00",
        venue=TALLORA,
        format="chaired",
        agenda=[
            _item("market-days", "market-day", "A weekly market day at the Berezovka crossing"),
            _item("goods-lists", "goods-list", "Lists of goods allowed across"),
            _item("fees", "fees-1", "Market fees"),
        ],
        attendees=everyone,
    )
    at("2035-03-05T10:00")
    arv.talks.answer(ch, "mk-1", True)
    at("2035-03-06T15:00")
    cay.talks.answer(ch, "mk-1", True)

    at("2035-03-13T11:20")
    cay.talks.raise_item(
        ch,
        "mk-1",
        "currency-exchange",
        "A currency exchange booth at the market",
        text="Çaylıqaya proposes that a bank open a currency exchange booth at the market.",
    )
    at("2035-03-13T11:35")
    head.talks.answer_item(
        ch,
        "mk-1",
        "currency-exchange",
        False,
        "Currency exchange is outside the mandate of the working group.",
    )
    at("2035-03-13T14:30")
    head.talks.record_held(
        ch,
        "mk-1",
        started="2035-03-13T10:15:00+04:00",
        ended="2035-03-13T13:40:00+04:00",
        chair="Ingrid Halvorsen",
        attendees=everyone,
    )
    at("2035-03-13T18:00")
    officer.talks.draft_minutes(
        ch,
        "mk-1",
        [
            {
                "item": "market-day",
                "summary": "A weekly market day at the Berezovka crossing.",
                "outcome": "Agreed: from 7 April a market is held at the Berezovka crossing "
                "every Saturday from 08:00 to 14:00, with up to 60 stalls, 30 for each side.",
            },
            {
                "item": "goods-list",
                "summary": "Lists of goods allowed across.",
                "positions": {
                    "arevshogh": "Fresh fruit should be limited until sanitary inspection works.",
                    "caylikaya": "Fruit, walnuts and honey are what our traders sell.",
                },
                "outcome": "Each side sends the other, through the CTFO, its list of goods "
                "allowed across by 23 March.",
            },
            {
                "item": "fees-1",
                "summary": "Market fees.",
                "outcome": "Deferred to a later meeting.",
            },
            {
                "item": "currency-exchange",
                "summary": "Raised by the Çaylıqaya side; ruled outside the mandate by the CTFO.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Ingrid Halvorsen.",
    )
    at("2035-03-14T09:30")
    arv.talks.sign_minutes(ch, "mk-1", 1)
    at("2035-03-14T11:00")
    cay.talks.sign_minutes(ch, "mk-1", 1)
    at("2035-03-14T12:00")
    head.talks.sign_minutes(ch, "mk-1", 1)

    at("2035-03-14T15:00")
    head.talks.add_commitment(
        ch,
        "goods-list-arv",
        owner="arevshogh",
        meeting="mk-1",
        agenda_item="goods-list",
        text="Send the list of goods allowed across from the Arevshogh side.",
        due="2035-03-23T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "goods-list-cay",
        owner="caylikaya",
        meeting="mk-1",
        agenda_item="goods-list",
        text="Send the list of goods allowed across from the Çaylıqaya side.",
        due="2035-03-23T18:00:00+04:00",
    )

    at("2035-03-15T10:00")
    officer.disclosures.draft_communique(ch, "communique-2035-03-13", COMMUNIQUE_1, "mk-1")
    at("2035-03-15T12:00")
    head.disclosures.sign_communique(ch, "communique-2035-03-13", 1)
    at("2035-03-15T16:00")
    cay.disclosures.sign_communique(ch, "communique-2035-03-13", 1)
    at("2035-03-16T10:00")
    arv.disclosures.sign_communique(ch, "communique-2035-03-13", 1)

    # --- goods lists -------------------------------------------------------------------
    at("2035-03-22T12:00")
    arv_list, _ = arv_insp.send(
        ch,
        to="caylikaya",
        priority="routine",
        topic="goods-lists",
        subject="Arevshogh list of goods",
        text="Our list has 34 goods: vegetables, dairy products, bread, clothing and "
        "household goods. Fresh fruit is not on it until joint inspection starts.",
    )
    at("2035-03-22T14:00")
    cay_trade.mark_delivered(ch)
    at("2035-03-23T09:00")
    cay_trade.acknowledge(ch, arv_list.id, "Received.")
    at("2035-03-23T11:00")
    arv.talks.report(
        ch, "goods-list-arv", "List of 34 goods sent on 22 March.", message=arv_list.id
    )
    at("2035-03-24T10:00")
    cay.talks.confirm(ch, "goods-list-arv", "34 goods received.")

    at("2035-03-26T10:00")
    cay_list, _ = cay_trade.send(
        ch,
        to="arevshogh",
        priority="routine",
        topic="goods-lists",
        subject="Çaylıqaya list of goods",
        text="Our list has 41 goods, among them apples, dried apricots, walnuts, honey and cheese.",
    )
    at("2035-03-26T11:00")
    arv_insp.mark_delivered(ch)
    at("2035-03-27T15:00")
    arv_insp.acknowledge(ch, cay_list.id, "Received; fruit is the open question.")
    at("2035-03-27T16:00")
    cay.talks.report(
        ch, "goods-list-cay", "List of 41 goods sent on 26 March.", message=cay_list.id
    )
    at("2035-03-28T10:00")
    arv.talks.confirm(ch, "goods-list-cay", "41 goods received.")

    # --- meeting 2: proposed 3 April, moved to 4 April ------------------------------------
    at("2035-03-28T12:00")
    head.talks.propose(
        ch,
        "mk-2",
        start="2035-04-03T11:00:00+04:00",
        venue=PAVILION,
        format="chaired",
        agenda=[
            _item("goods-lists", "fruit-quota", "A quota for fruit"),
            _item("sanitary", "inspection", "Sanitary inspection of produce"),
        ],
        attendees=everyone,
    )
    at("2035-03-29T10:00")
    arv.talks.counter(
        ch,
        "mk-2",
        start="2035-04-04T11:00:00+04:00",
        note="Our delegation is at the budget session in the capital on 3 April.",
    )
    at("2035-03-29T16:00")
    cay.talks.answer(ch, "mk-2", True)
    at("2035-03-30T09:00")
    head.talks.answer(ch, "mk-2", True)

    at("2035-04-02T10:00")
    cay.talks.propose_item(ch, "mk-2", "fees-2", "fees", "Market fees for stalls")
    at("2035-04-02T17:00")
    arv.talks.answer_item(
        ch, "mk-2", "fees-2", False, "Fees should wait until the market has run for a month."
    )
    at("2035-04-04T14:30")
    officer.talks.record_held(
        ch,
        "mk-2",
        started="2035-04-04T11:00:00+04:00",
        ended="2035-04-04T13:30:00+04:00",
        chair="Luca Bernardi",
        attendees=everyone,
    )
    at("2035-04-04T18:00")
    officer.talks.draft_minutes(
        ch,
        "mk-2",
        [
            {
                "item": "fruit-quota",
                "summary": "A quota for fresh fruit brought from the Çaylıqaya side.",
                "positions": {
                    "arevshogh": "8 tonnes per market day.",
                    "caylikaya": "15 tonnes per market day.",
                },
                "outcome": "Agreed: until 30 June up to 10 tonnes of fruit cross on each market "
                "day. The Arevshogh side instructs its customs post at Berezovka by 6 April.",
            },
            {
                "item": "inspection",
                "summary": "Sanitary inspection of produce at the crossing.",
                "outcome": "Agreed: produce is inspected jointly by one inspector of each side "
                "on market days. The Çaylıqaya side names its two inspectors by 11 April.",
            },
            {
                "item": "fees-2",
                "summary": "Proposed by the Çaylıqaya side; declined by the Arevshogh side.",
                "outcome": "Deferred.",
            },
        ],
        general="Chaired by Luca Bernardi.",
    )
    at("2035-04-05T09:00")
    head.talks.sign_minutes(ch, "mk-2", 1)
    at("2035-04-05T11:00")
    arv.talks.sign_minutes(ch, "mk-2", 1)
    at("2035-04-05T15:00")
    cay.talks.sign_minutes(ch, "mk-2", 1)
    at("2035-04-05T16:00")
    head.talks.add_commitment(
        ch,
        "quota-instruction",
        owner="arevshogh",
        meeting="mk-2",
        agenda_item="fruit-quota",
        text="Instruct the customs post at Berezovka to let up to 10 tonnes of fruit across on "
        "each market day.",
        due="2035-04-06T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "inspectors-named",
        owner="caylikaya",
        meeting="mk-2",
        agenda_item="inspection",
        text="Name two inspectors for the joint sanitary inspection.",
        due="2035-04-11T18:00:00+04:00",
    )
    at("2035-04-06T10:00")
    officer.disclosures.draft_communique(ch, "communique-2035-04-04", COMMUNIQUE_2, "mk-2")
    at("2035-04-06T12:00")
    head.disclosures.sign_communique(ch, "communique-2035-04-04", 1)
    at("2035-04-06T15:00")
    arv.disclosures.sign_communique(ch, "communique-2035-04-04", 1)
    at("2035-04-06T16:00")
    arv.talks.report(ch, "quota-instruction", "Customs post instructed on 6 April.")

    # --- first market day, 7 April ------------------------------------------------------
    at("2035-04-07T17:00")
    first = {}
    for party in ("arevshogh", "caylikaya"):
        first[party], _ = officer.send(
            ch,
            to=party,
            priority="routine",
            topic="market-days",
            subject="Market day of 7 April",
            text="The first market day was held from 08:00 to 14:00 with 47 stalls, 26 of the "
            "Arevshogh side and 21 of the Çaylıqaya side. The customs post let 8 tonnes of "
            "fruit across and turned back 2 tonnes of apples.",
        )
    at("2035-04-08T10:00")
    arv_insp.mark_delivered(ch)
    arv_insp.acknowledge(ch, first["arevshogh"].id, "Received.")
    cay_trade.mark_delivered(ch)
    cay_trade.acknowledge(ch, first["caylikaya"].id, "Received.")
    at("2035-04-09T11:00")
    cay.talks.dispute(
        ch,
        "quota-instruction",
        "On 7 April the customs post still applied 8 tonnes and turned back 2 tonnes of apples.",
    )
    at("2035-04-10T15:00")
    cay.talks.report(
        ch, "inspectors-named", "Inspectors Nigar Abbasova and Kamran Vəliyev named on 10 April."
    )
    at("2035-04-11T10:00")
    arv.talks.confirm(ch, "inspectors-named", "Both names received.")

    # --- the walnuts seized, 14 April ---------------------------------------------------
    at("2035-04-14T10:50")
    seized, _ = cay_trade.send(
        ch,
        to="ctfo",
        priority="urgent",
        topic="traders",
        subject="Trader's goods seized at Berezovka",
        text="At 10:20 the Arevshogh customs post seized 340 kg of walnuts from Elçin Quliyev, "
        "a trader from Sarıdərə, saying the walnuts were not on the list. Walnuts are on our "
        "list of 26 March. We ask for their return.",
    )
    at("2035-04-14T11:00")
    officer.mark_delivered(ch)
    at("2035-04-14T11:10")
    officer.acknowledge(ch, seized.id, "Received; relaying to the Arevshogh side.")
    at("2035-04-14T11:15")
    relay, _ = officer.send(
        ch,
        to="arevshogh",
        priority="urgent",
        topic="traders",
        subject="Trader's goods seized at Berezovka (relayed)",
        text="The Çaylıqaya side reports that at 10:20 your customs post seized 340 kg of "
        "walnuts from a trader from Sarıdərə and asks for their return.",
        relay_of=seized.id,
    )
    at("2035-04-14T11:30")
    arv_insp.mark_delivered(ch)
    at("2035-04-14T13:45")
    arv_insp.acknowledge(ch, relay.id, "Received; the customs post is checking the list.")
    at("2035-04-17T12:30")
    returned, _ = arv_insp.send(
        ch,
        to="ctfo",
        priority="urgent",
        topic="traders",
        subject="Walnuts returned",
        text="The 340 kg of walnuts were returned to the trader at the Berezovka crossing at "
        "11:40 on 17 April. Walnuts were missing from the customs post's copy of the list.",
    )
    at("2035-04-17T13:00")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, returned.id, "Received; the trader signed for all 340 kg.")

    # --- meeting 3: moved online ----------------------------------------------------------
    at("2035-04-18T10:00")
    head.talks.propose(
        ch,
        "mk-3",
        start="2035-04-26T10:00:00+04:00",
        venue=PAVILION,
        format="chaired",
        agenda=[
            _item("traders", "seizure", "The seizure of walnuts on 14 April"),
            _item("goods-lists", "quota-review", "Application of the fruit quota"),
            _item("sanitary", "inspection-start", "The first joint inspections"),
        ],
        attendees=everyone,
    )
    at("2035-04-19T10:00")
    arv.talks.answer(ch, "mk-3", True)
    at("2035-04-19T15:00")
    cay.talks.answer(ch, "mk-3", True)
    at("2035-04-23T09:00")
    cay.talks.counter(
        ch,
        "mk-3",
        venue=ONLINE,
        note="A landslide has closed the road from Sarıdərə to the crossing.",
    )
    at("2035-04-23T14:00")
    arv.talks.answer(ch, "mk-3", True)
    at("2035-04-23T16:00")
    head.talks.answer(ch, "mk-3", True)
    at("2035-04-26T12:50")
    head.talks.record_held(
        ch,
        "mk-3",
        started="2035-04-26T10:05:00+04:00",
        ended="2035-04-26T12:20:00+04:00",
        chair="Ingrid Halvorsen",
        attendees=everyone,
        note="Held online.",
    )
    at("2035-04-26T17:00")
    officer.talks.draft_minutes(
        ch,
        "mk-3",
        [
            {
                "item": "seizure",
                "summary": "340 kg of walnuts of a trader from Sarıdərə seized at the Berezovka "
                "customs post on 14 April and returned on 17 April.",
                "positions": {
                    "caylikaya": "The seizure had no ground; the trader lost three days.",
                    "arevshogh": "The customs post had an incomplete copy of the list.",
                },
                "outcome": "Agreed: any seizure at the crossing is reported to the CTFO within "
                "one hour. The Arevshogh side sends a written seizure procedure by 10 May.",
            },
            {
                "item": "quota-review",
                "summary": "The customs post applied 8 tonnes on 7 and 14 April.",
                "outcome": "The Arevshogh side instructs its customs post again, in writing, by "
                "30 April.",
            },
            {
                "item": "inspection-start",
                "summary": "Joint inspections on 14 and 21 April.",
                "outcome": "On 21 April the inspectors checked 38 lots; 2 lots of apples were "
                "refused for rot. The results are exchanged after each market day.",
            },
        ],
        general="Held online; chaired by Ingrid Halvorsen.",
    )
    at("2035-04-27T09:00")
    head.talks.sign_minutes(ch, "mk-3", 1)
    at("2035-04-27T11:00")
    cay.talks.sign_minutes(ch, "mk-3", 1)
    at("2035-04-27T14:00")
    arv.talks.sign_minutes(ch, "mk-3", 1)
    at("2035-04-27T15:00")
    head.talks.add_commitment(
        ch,
        "seizure-procedure",
        owner="arevshogh",
        meeting="mk-3",
        agenda_item="seizure",
        text="Send a written procedure for seizures at the Berezovka crossing.",
        due="2035-05-10T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "quota-instruction-2",
        owner="arevshogh",
        meeting="mk-3",
        agenda_item="quota-review",
        text="Instruct the customs post again, in writing, on the 10-tonne fruit quota.",
        due="2035-04-30T18:00:00+04:00",
    )
    at("2035-04-29T12:00")
    arv.talks.report(ch, "quota-instruction-2", "Written instruction signed on 29 April.")
    at("2035-04-30T10:00")
    head.talks.propose(
        ch,
        "mk-4",
        start="2035-05-15T10:00:00+04:00",
        venue=TALLORA,
        format="chaired",
        agenda=[_item("fees", "fees-3", "Market fees and a public scale")],
        attendees=everyone,
    )
    at("2035-05-01T10:00")
    arv.talks.answer(ch, "mk-4", True)
    at("2035-05-01T12:00")
    cay.talks.answer(ch, "mk-4", True)

    # --- market day of 5 May cancelled ---------------------------------------------------
    at("2035-05-02T09:00")
    hol, _ = arv.send(
        ch,
        to="ctfo",
        priority="urgent",
        topic="market-days",
        subject="No market on 5 May",
        text="Our customs post at Berezovka is closed on Saturday 5 May for Constitution Day. "
        "We ask that the market day be cancelled.",
    )
    at("2035-05-02T09:20")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, hol.id, "Received.")
    at("2035-05-02T10:00")
    canc = {}
    for party in ("arevshogh", "caylikaya"):
        canc[party], _ = officer.send(
            ch,
            to=party,
            priority="urgent",
            topic="market-days",
            subject="Market day of 5 May cancelled",
            text="The market day of Saturday 5 May is cancelled for Constitution Day on the "
            "Arevshogh side. The next market day is Saturday 12 May.",
        )
    at("2035-05-02T10:30")
    arv_insp.mark_delivered(ch)
    arv_insp.acknowledge(ch, canc["arevshogh"].id, "Received.")
    at("2035-05-02T11:00")
    cay_trade.mark_delivered(ch)
    at("2035-05-02T14:40")
    cay_trade.acknowledge(
        ch, canc["caylikaya"].id, "Received; our traders were told only three days before."
    )
    at("2035-05-03T10:00")
    cay.talks.confirm(ch, "quota-instruction-2", "On 28 April 10 tonnes crossed without delay.")

    # --- meeting 4 cancelled -------------------------------------------------------------
    at("2035-05-10T16:00")
    arv.talks.counter(
        ch,
        "mk-4",
        cancel=True,
        note="The head of our delegation is called to a government session on 15 May.",
    )
    at("2035-05-11T10:00")
    cay.talks.answer(ch, "mk-4", True)
    at("2035-05-11T12:00")
    head.talks.answer(ch, "mk-4", True)

    # --- meeting 5: market ground, moved a week --------------------------------------------
    at("2035-05-18T10:00")
    cay.talks.propose(
        ch,
        "mk-5",
        start="2035-06-02T15:00:00+04:00",
        venue=TENT,
        format="chaired",
        agenda=[
            _item("fees", "stall-fees", "A fee per stall and a public scale"),
            _item("sanitary", "cherries-inspection", "Inspection of cherries"),
        ],
        attendees=everyone,
    )
    at("2035-05-19T10:00")
    arv.talks.counter(
        ch,
        "mk-5",
        start="2035-06-09T15:00:00+04:00",
        note="Our inspectors are at a training course on 2 June.",
    )
    at("2035-05-20T11:00")
    cay.talks.answer(ch, "mk-5", True)
    at("2035-05-20T15:00")
    head.talks.answer(ch, "mk-5", True)

    at("2035-06-09T15:40")
    cay.talks.raise_item(
        ch,
        "mk-5",
        "cherry-quota",
        "A larger quota for cherries",
        text="Çaylıqaya asks that 14 tonnes of cherries cross on each market day in June.",
        topic="goods-lists",
    )
    at("2035-06-09T15:50")
    arv.talks.answer_item(
        ch, "mk-5", "cherry-quota", False, "The 10-tonne quota stands until 30 June."
    )
    at("2035-06-09T17:40")
    officer.talks.record_held(
        ch,
        "mk-5",
        started="2035-06-09T15:20:00+04:00",
        ended="2035-06-09T17:10:00+04:00",
        chair="Luca Bernardi",
        attendees={
            "ctfo": ["Luca Bernardi"],
            "arevshogh": ["Lilit Harutyunyan", "Samvel Ohanjanyan"],
            "caylikaya": ["Rauf Məmmədli", "Aytən Hüseynzadə"],
        },
        note="Held in the CTFO tent on the market ground after the market day.",
    )
    at("2035-06-10T10:00")
    officer.talks.draft_minutes(
        ch,
        "mk-5",
        [
            {
                "item": "stall-fees",
                "summary": "A fee per stall and a public scale on the market ground.",
                "outcome": "Agreed: from 16 June a fee of 3 euros per stall is collected by the "
                "CTFO on each market day for cleaning and weighing. The Çaylıqaya side posts a "
                "notice of the fee at the market by 15 June; the Arevshogh side installs a "
                "public scale on the market ground by 16 June.",
            },
            {
                "item": "cherries-inspection",
                "summary": "Inspection of cherries.",
                "positions": {
                    "arevshogh": "Cherries need a residue test for pesticides.",
                    "caylikaya": "A test delays fresh fruit by a day.",
                },
                "outcome": "No agreement; the inspectors take samples of cherries on 16 June.",
            },
            {
                "item": "cherry-quota",
                "summary": "Raised by the Çaylıqaya side; declined by the Arevshogh side.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Luca Bernardi on behalf of the Head of the CTFO.",
    )
    at("2035-06-10T12:00")
    cay.talks.sign_minutes(ch, "mk-5", 1)
    at("2035-06-10T16:00")
    arv.talks.sign_minutes(ch, "mk-5", 1)
    at("2035-06-11T09:00")
    head.talks.sign_minutes(ch, "mk-5", 1)
    at("2035-06-11T10:00")
    head.talks.add_commitment(
        ch,
        "fee-notice",
        owner="caylikaya",
        meeting="mk-5",
        agenda_item="stall-fees",
        text="Post a notice of the stall fee at the market.",
        due="2035-06-15T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "public-scale",
        owner="arevshogh",
        meeting="mk-5",
        agenda_item="stall-fees",
        text="Install a public scale on the market ground.",
        due="2035-06-16T08:00:00+04:00",
    )
    at("2035-06-12T10:00")
    officer.disclosures.draft_communique(ch, "communique-2035-06-09", COMMUNIQUE_3, "mk-5")
    at("2035-06-12T12:00")
    head.disclosures.sign_communique(ch, "communique-2035-06-09", 1)
    at("2035-06-12T16:00")
    arv.disclosures.sign_communique(ch, "communique-2035-06-09", 1)
    at("2035-06-13T10:00")
    cay.disclosures.sign_communique(ch, "communique-2035-06-09", 1)

    at("2035-06-14T12:00")
    cay.talks.report(ch, "fee-notice", "Notice posted at the market gate on 14 June.")
    at("2035-06-15T17:00")
    arv.talks.report(ch, "public-scale", "Scale installed on the market ground on 15 June.")
    at("2035-06-16T15:00")
    arv.talks.confirm(ch, "fee-notice", "Notice seen at the gate, in three languages.")
    at("2035-06-17T10:00")
    cay.talks.dispute(
        ch,
        "public-scale",
        "The scale was not calibrated; on 16 June it showed 4 kg less on a 50 kg sack.",
    )

    # --- disclosures -------------------------------------------------------------------
    at("2035-06-18T10:00")
    head.disclosures.propose(
        ch,
        "open-seizure",
        [seized.id, relay.id, returned.id],
        "public",
        "Traders should know how the seizure of 14 April was handled.",
    )
    at("2035-06-18T15:00")
    cay.disclosures.sign(ch, "open-seizure")
    at("2035-06-19T11:00")
    arv.disclosures.sign(ch, "open-seizure")
    at("2035-06-20T09:00")
    cay.disclosures.propose(
        ch,
        "open-quota",
        [first["caylikaya"].id],
        "public",
        "Traders should know that the fruit quota was not applied on 7 April.",
    )

    # --- next meeting: proposed, not agreed ------------------------------------------------
    at("2035-06-21T10:00")
    head.talks.propose(
        ch,
        "mk-6",
        start="2035-07-05T10:00:00+04:00",
        venue=TALLORA,
        format="chaired",
        agenda=[
            _item("goods-lists", "quota-after-june", "The fruit quota after 30 June"),
            _item("traders", "seizure-procedure", "The written seizure procedure"),
        ],
        attendees=everyone,
    )
    at("2035-06-22T10:00")
    arv.talks.answer(ch, "mk-6", True)
    at("2035-06-26T10:00")
