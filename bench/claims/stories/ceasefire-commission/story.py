"""A ceasefire-monitoring joint commission (invented for the statement checker's tuning set).

The International Monitoring Mission on the Zelva Line chairs a Joint Ceasefire
Commission of the military liaison delegations of Arvenia and Kestan, spring 2025 (all
local times UTC+03:00). Three sessions are held (Karvan crossing, 14 March; Merkenis,
2 April, after Kestan declined Dashly; Lusahovit checkpoint, 23 April, moved from the
flooded Karvan crossing); a fourth is agreed for 21 May in Merkenis, and a direct
technical meeting at the Ordan canal stays proposed. Kestan raises the status of Yeni
Sarov, declined as outside the mandate; Arvenia's 30 km item is declined. Five
commitments end confirmed, disputed, overdue, reported and open. Two communiqués are
published (en+ru, en+hy+az); the first session's record and the hotline commitment are
opened to the public by joint consent, the Dzoravank dispute is not.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

CHANNEL = "zelva-joint-commission"
TZ = timezone(timedelta(hours=3))
START = datetime(2025, 3, 10, 10, 0, tzinfo=TZ).astimezone(UTC)

# (file stem, side, role, display name, title)
PEOPLE = [
    (
        "hom",
        "mission",
        "head",
        "Ambassador Maren Ekdahl",
        "Head of the Monitoring Mission, chair of the Joint Ceasefire Commission",
    ),
    ("liaison", "mission", "member", "Tomas Riehl", "Senior liaison officer of the Mission"),
    ("arv-head", "arvenia", "head", "Colonel Hayk Voskanyan", "Chief liaison officer of Arvenia"),
    ("arv-member", "arvenia", "member", "Major Ani Petrosyan", "Liaison officer of Arvenia"),
    ("kes-head", "kestan", "head", "Colonel Elvin Qasimov", "Chief liaison officer of Kestan"),
    ("kes-member", "kestan", "member", "Captain Nigar Aliyeva", "Liaison officer of Kestan"),
]

SIDES = {
    "mission": ("International Monitoring Mission on the Zelva Line", "mediator"),
    "arvenia": ("Military liaison delegation of the Republic of Arvenia", "party"),
    "kestan": ("Military liaison delegation of the Kestan Republic", "party"),
}

MANDATE = [
    {"id": "incidents", "title": "Investigation of ceasefire incidents"},
    {"id": "withdrawal", "title": "Withdrawal of heavy weapons behind agreed lines"},
    {"id": "hotline", "title": "Hotline between sector commanders"},
    {"id": "demining", "title": "Demining windows for civilian repair crews"},
    {"id": "civilian-harm", "title": "Civilian-harm notification procedure"},
]

ACK_DEADLINES = {"flash": 300, "urgent": 3600, "routine": 172800}

KARVAN = "Mission field office at the Karvan crossing point"
MERKENIS = "Mission headquarters in Merkenis"
DASHLY = "Dashly village school"
LUSAHOVIT = "Mission tent at the Lusahovit checkpoint"
ORDAN_LOCK = "Lock No. 2 of the Ordan canal"

ATTEND = {
    "mission": ["Ambassador Maren Ekdahl", "Tomas Riehl"],
    "arvenia": ["Colonel Hayk Voskanyan", "Major Ani Petrosyan"],
    "kestan": ["Colonel Elvin Qasimov", "Captain Nigar Aliyeva"],
}


def charter(public_keys: dict[str, str]) -> dict[str, object]:
    sides = []
    for side_id, (name, kind) in SIDES.items():
        members = [
            {"key": public_keys[stem], "name": display, "role": role, "title": title}
            for stem, side, role, display, title in PEOPLE
            if side == side_id
        ]
        sides.append({"id": side_id, "name": name, "kind": kind, "members": members})
    return {
        "title": "Joint Ceasefire Commission on the Zelva Line",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": ACK_DEADLINES,
        "default_disclosure": "confidential",
    }


def _to(clock: Any, local: str) -> None:
    """Move the clock forward to a local (UTC+03:00) time, e.g. ``2025-03-14T10:10``."""
    target = datetime.fromisoformat(local).replace(tzinfo=TZ)
    delta = target - clock.now()
    assert delta >= timedelta(0), f"the clock cannot go back to {local}"
    clock.advance(seconds=delta.total_seconds())


def _item(item: str, topic: str, title: str) -> dict[str, str]:
    return {"id": item, "topic": topic, "title": title}


COMMUNIQUE_1 = {
    "en": (
        "The Joint Ceasefire Commission met on 14 March 2025 at the Mission's field office "
        "at the Karvan crossing point, chaired by the Head of the International Monitoring "
        "Mission. The liaison delegations of Arvenia and Kestan discussed the incident of "
        "5 March at the Dzoravank pumping station, lines for the withdrawal of heavy weapons, "
        "and a hotline between sector commanders. They agreed that a joint investigation "
        "team led by the Mission will visit Dzoravank, and that a hotline will link the "
        "commanders of Sector North at the Karvan crossing."
    ),
    "ru": (
        "Совместная комиссия по прекращению огня провела заседание 14 марта 2025 года в "
        "полевом офисе Миссии на пропускном пункте Карван под председательством главы "
        "Международной мониторинговой миссии. Делегации связи Арвении и Кестана обсудили "
        "инцидент 5 марта на насосной станции Дзораванк, рубежи отвода тяжёлых вооружений и "
        "горячую линию между командирами секторов. Стороны договорились, что совместная "
        "группа расследования во главе с Миссией посетит Дзораванк и что горячая линия "
        "свяжет командиров сектора «Север» на пропускном пункте Карван."
    ),
}

COMMUNIQUE_2_V1 = {
    "en": (
        "The Joint Ceasefire Commission met on 2 April at the Mission headquarters in "
        "Merkenis and on 23 April at the Lusahovit checkpoint. The withdrawal of heavy "
        "weapons above 100 mm calibre behind the 15 km line has been completed. The next "
        "meeting will be held on 21 May 2025 in Merkenis."
    ),
}

COMMUNIQUE_2 = {
    "en": (
        "The Joint Ceasefire Commission met on 2 April 2025 at the Mission headquarters in "
        "Merkenis and on 23 April 2025 at the Lusahovit checkpoint, chaired by the Head of "
        "the International Monitoring Mission. The withdrawal of heavy weapons above 100 mm "
        "calibre behind the 15 km line has begun and is being verified by the Mission. The "
        "sides agreed a procedure under which each notifies the Mission of any civilian "
        "casualty within one hour, and the Mission informs the other side. The next meeting "
        "of the Commission will be held on 21 May 2025 at the Mission headquarters in "
        "Merkenis."
    ),
    "hy": (
        "Հրադադարի համատեղ հանձնաժողովը հավաքվել է 2025 թ. ապրիլի 2-ին Մերքենիսում՝ "
        "Առաքելության կենտրոնակայանում, և ապրիլի 23-ին Լուսահովիտի անցակետում՝ "
        "Միջազգային դիտորդական առաքելության ղեկավարի նախագահությամբ։ 100 մմ-ից ավելի "
        "տրամաչափի ծանր սպառազինության հետքաշումը 15 կմ գծից այն կողմ սկսվել է, և "
        "Առաքելությունը ստուգում է այն։ Կողմերը համաձայնեցին ընթացակարգ, որով յուրաքանչյուրը "
        "մեկ ժամվա ընթացքում Առաքելությանը տեղեկացնում է խաղաղ բնակչի ցանկացած զոհի կամ "
        "վիրավորի մասին, իսկ Առաքելությունը տեղեկացնում է մյուս կողմին։ Հանձնաժողովի "
        "հաջորդ նիստը տեղի կունենա 2025 թ. մայիսի 21-ին Մերքենիսում՝ Առաքելության "
        "կենտրոնակայանում։"
    ),
    "az": (
        "Atəşkəs üzrə Birgə Komissiya 2025-ci il aprelin 2-də Merkenisdə Missiyanın "
        "qərargahında və aprelin 23-də Lusahovit keçid məntəqəsində Beynəlxalq Monitorinq "
        "Missiyasının rəhbərinin sədrliyi ilə toplanıb. 100 mm-dən böyük çaplı ağır "
        "silahların 15 km xəttindən o yana çəkilməsinə başlanılıb və Missiya bunu yoxlayır. "
        "Tərəflər hər birinin mülki əhali arasında istənilən itki barədə bir saat ərzində "
        "Missiyaya məlumat verməsi, Missiyanın isə digər tərəfi xəbərdar etməsi qaydasını "
        "razılaşdırıblar. Komissiyanın növbəti iclası 2025-ci il mayın 21-də Merkenisdə "
        "Missiyanın qərargahında keçiriləcək."
    ),
}


def play(member: Any, clock: Any) -> None:
    ch = CHANNEL
    hom, liaison = member("hom"), member("liaison")
    arv, arv_m = member("arv-head"), member("arv-member")
    kes, kes_m = member("kes-head"), member("kes-member")
    opened: list[str] = []

    # --- session 1: Karvan crossing, 14 March ----------------------------------------
    liaison.talks.propose(
        ch,
        "jc-1",
        start="2025-03-14T10:00:00+03:00",
        venue=KARVAN,
        format="chaired",
        agenda=[
            _item(
                "dzoravank-incident",
                "incidents",
                "Mortar fire of 5 March on the Dzoravank pumping station",
            ),
            _item("withdrawal-lines", "withdrawal", "Lines for weapons above 100 mm calibre"),
            _item("hotline-north", "hotline", "Hotline between the Sector North commanders"),
        ],
        attendees=ATTEND,
    )
    _to(clock, "2025-03-10T13:00")
    arv.talks.answer(ch, "jc-1", True)
    _to(clock, "2025-03-10T16:30")
    kes.talks.answer(ch, "jc-1", True)

    _to(clock, "2025-03-11T02:41")
    flash, _ = kes_m.send(
        ch,
        to="arvenia",
        priority="flash",
        subject="Fire at post 14, Karvan sector",
        text=(
            "Small-arms fire from Arvenian positions on post 14 of the Karvan sector at "
            "02:35 tonight. Request an immediate order to cease fire."
        ),
        topic="incidents",
    )
    _to(clock, "2025-03-11T02:44")
    arv_m.acknowledge(ch, flash.id, note="Received; the sector duty officer is checking.")
    _to(clock, "2025-03-11T03:20")
    arv_m.send(
        ch,
        to="kestan",
        priority="flash",
        subject="Re: Fire at post 14",
        text="Our post 14 reports no firing by its soldiers. The order to hold fire stands.",
        topic="incidents",
        reply_to=flash.id,
    )

    _to(clock, "2025-03-14T10:10")
    kes.talks.raise_item(
        ch,
        "jc-1",
        "yeni-sarov-status",
        "Administrative status of Yeni Sarov",
        topic="status",
        text="The return of the Yeni Sarov district to Kestan civil administration.",
    )
    _to(clock, "2025-03-14T10:25")
    arv.talks.answer_item(
        ch,
        "jc-1",
        "yeni-sarov-status",
        False,
        "Outside the commission's mandate: the status of territories belongs to the "
        "political talks, not to a military liaison commission.",
    )
    _to(clock, "2025-03-14T13:50")
    held1 = hom.talks.record_held(
        ch,
        "jc-1",
        started="2025-03-14T10:10:00+03:00",
        ended="2025-03-14T13:45:00+03:00",
        attendees=ATTEND,
    )
    opened.append(held1.entry_id)
    _to(clock, "2025-03-14T14:05")
    c1 = hom.talks.add_commitment(
        ch,
        "hotline-north-kestan",
        owner="kestan",
        meeting="jc-1",
        agenda_item="hotline-north",
        text=(
            "Install and test the Sector North hotline terminal at the Karvan crossing on "
            "the Kestan side."
        ),
        due={"days": 7, "after_meeting": "jc-1"},
    )
    opened.append(c1.entry_id)
    hom.talks.add_commitment(
        ch,
        "dzoravank-access",
        owner="arvenia",
        meeting="jc-1",
        agenda_item="dzoravank-incident",
        text=(
            "Give the joint investigation team a full day of access to the Dzoravank "
            "pumping station and the impact site."
        ),
        due="2025-03-24T18:00:00+03:00",
    )

    # --- minutes of session 1: version 1, objection, version 2 -------------------------
    _to(clock, "2025-03-15T11:00")
    minutes_1 = [
        {
            "item": "dzoravank-incident",
            "summary": (
                "Mortar fire from Arvenian positions on 5 March damaged the Dzoravank "
                "pumping station."
            ),
            "positions": {
                "kestan": "The fire came from Arvenian positions east of the canal.",
                "arvenia": "No Arvenian unit fired on 5 March.",
            },
            "outcome": "Agreed: a joint investigation team led by the Mission visits the site.",
        },
        {
            "item": "withdrawal-lines",
            "summary": "Withdrawal lines for heavy weapons above 100 mm calibre.",
            "outcome": (
                "Agreed in principle: weapons above 100 mm calibre are withdrawn 15 km from "
                "the line of contact; the timetable is to be set at the next meeting."
            ),
        },
        {
            "item": "hotline-north",
            "summary": "A hotline between the Sector North commanders of both sides.",
            "outcome": (
                "Agreed: a hotline between the Sector North commanders at the Karvan "
                "crossing, working by 21 March."
            ),
        },
        {
            "item": "yeni-sarov-status",
            "summary": "Raised by Kestan.",
            "outcome": "Not discussed: Arvenia declined it as outside the mandate.",
        },
    ]
    liaison.talks.draft_minutes(ch, "jc-1", minutes_1)
    _to(clock, "2025-03-15T15:00")
    kes.talks.sign_minutes(ch, "jc-1", 1)
    _to(clock, "2025-03-16T09:30")
    arv.send(
        ch,
        to="mission",
        priority="routine",
        subject="Minutes of 14 March",
        text=(
            "Arvenia cannot sign version 1: it states as fact that the fire came from "
            "Arvenian positions. The origin of the fire is for the investigation to establish."
        ),
        topic="incidents",
    )
    _to(clock, "2025-03-17T10:00")
    minutes_2 = [dict(i) for i in minutes_1]
    minutes_2[0] = {
        **minutes_1[0],
        "summary": (
            "Mortar fire on 5 March damaged the Dzoravank pumping station; its origin is to "
            "be established by a joint investigation team."
        ),
        "outcome": (
            "Agreed: a joint investigation team led by the Mission visits the site and "
            "reports within three weeks."
        ),
    }
    liaison.talks.draft_minutes(ch, "jc-1", minutes_2)
    _to(clock, "2025-03-17T12:00")
    arv.talks.sign_minutes(ch, "jc-1", 2)
    kes.talks.sign_minutes(ch, "jc-1", 2)
    hom.talks.sign_minutes(ch, "jc-1", 2)

    # --- communiqué 1 (en, ru) ------------------------------------------------------------
    _to(clock, "2025-03-17T15:00")
    liaison.disclosures.draft_communique(ch, "communique-1", COMMUNIQUE_1, meeting="jc-1")
    _to(clock, "2025-03-17T17:00")
    for who in (arv, kes, hom):
        who.disclosures.sign_communique(ch, "communique-1", 1)

    # --- a mandate extension that only one party signs -----------------------------------
    _to(clock, "2025-03-18T10:00")
    hom.talks.extend_mandate(
        ch,
        "missing-remains",
        "Search for and return of the remains of the missing",
        reason="Raised by families' associations on both sides.",
    )
    _to(clock, "2025-03-19T11:00")
    arv.talks.sign_extension(ch, "missing-remains")

    # --- the hotline commitment: reported, confirmed ------------------------------------
    _to(clock, "2025-03-20T14:30")
    hot_msg, _ = kes_m.send(
        ch,
        to="mission",
        priority="routine",
        subject="Sector North hotline",
        text="The hotline terminal at the Karvan crossing was installed and tested at 14:00 today.",
        topic="hotline",
    )
    rep = kes.talks.report(
        ch, "hotline-north-kestan", note="Installed and tested on 20 March.", message=hot_msg.id
    )
    opened.append(rep.entry_id)
    _to(clock, "2025-03-21T09:45")
    conf = arv.talks.confirm(
        ch,
        "hotline-north-kestan",
        note="A test call between the Sector North commanders at 09:30 on 21 March succeeded.",
    )
    opened.append(conf.entry_id)

    # --- session 2 proposed at Dashly, declined, countered to Merkenis -------------------
    _to(clock, "2025-03-22T10:00")
    agenda_2 = [
        _item("withdrawal-timetable", "withdrawal", "Timetable for the 15 km withdrawal"),
        _item("ordan-demining", "demining", "Demining windows on the Ordan canal"),
        _item("civharm-procedure", "civilian-harm", "Civilian-harm notification procedure"),
    ]
    arv.talks.propose(
        ch,
        "jc-2",
        start="2025-04-01T11:00:00+03:00",
        venue=DASHLY,
        format="chaired",
        agenda=agenda_2,
        attendees=ATTEND,
    )
    _to(clock, "2025-03-22T12:00")
    hom.disclosures.propose(
        ch,
        "open-session-1-hotline",
        opened,
        level="public",
        reason="The hotline works; both sides want it known.",
    )
    _to(clock, "2025-03-22T16:00")
    kes.talks.answer(
        ch,
        "jc-2",
        False,
        "Dashly is within range of Arvenian artillery; the commission needs a neutral venue.",
    )
    _to(clock, "2025-03-23T10:00")
    liaison.talks.counter(ch, "jc-2", start="2025-04-02T15:00:00+03:00", venue=MERKENIS)
    _to(clock, "2025-03-23T13:00")
    kes.talks.answer(ch, "jc-2", True)
    arv.disclosures.sign(ch, "open-session-1-hotline")
    _to(clock, "2025-03-23T17:00")
    arv.talks.answer(ch, "jc-2", True)
    kes.disclosures.sign(ch, "open-session-1-hotline")

    # --- the Dzoravank access: reported, disputed; an opening Arvenia does not sign -----
    _to(clock, "2025-03-24T17:30")
    access_rep = arv.talks.report(
        ch, "dzoravank-access", note="The team was admitted on 24 March from 10:00."
    )
    _to(clock, "2025-03-25T09:00")
    access_dis = kes.talks.dispute(
        ch,
        "dzoravank-access",
        "The team was given two hours, not a full day, and was not allowed to reach the "
        "impact site.",
    )

    # --- civilian harm, through the Mission ------------------------------------------------
    _to(clock, "2025-03-26T07:40")
    harm, _ = arv_m.send(
        ch,
        to="mission",
        priority="urgent",
        subject="Civilian injured near the Ordan canal",
        text=(
            "A tractor driver from Ordan village was injured by a mine at 07:15 on 26 March "
            "near the Ordan canal, in the area of the planned repair."
        ),
        topic="civilian-harm",
    )
    _to(clock, "2025-03-26T08:00")
    kes.disclosures.propose(
        ch,
        "open-dzoravank-dispute",
        [access_rep.entry_id, access_dis.entry_id],
        level="public",
        reason="The public should know why the investigation is late.",
    )
    _to(clock, "2025-03-26T08:20")
    relayed, _ = liaison.send(
        ch,
        to="kestan",
        priority="urgent",
        subject="Relayed: civilian injured near the Ordan canal",
        text="The Mission passes on Arvenia's notification of a civilian injured by a mine.",
        topic="civilian-harm",
        relay_of=harm.id,
    )
    _to(clock, "2025-03-26T08:50")
    kes_m.acknowledge(ch, relayed.id)
    hom.disclosures.sign(ch, "open-dzoravank-dispute")

    # --- an extra item for session 2, declined -------------------------------------------
    _to(clock, "2025-03-28T11:00")
    arv.talks.propose_item(
        ch, "jc-2", "mortars-30km", "withdrawal", "Withdrawal of mortars to 30 km"
    )
    _to(clock, "2025-03-29T10:00")
    kes.talks.answer_item(
        ch,
        "jc-2",
        "mortars-30km",
        False,
        "Premature until the Mission has verified the 15 km line.",
    )

    # --- session 2: Merkenis, 2 April ------------------------------------------------------
    _to(clock, "2025-04-02T18:15")
    hom.talks.record_held(
        ch,
        "jc-2",
        started="2025-04-02T15:20:00+03:00",
        ended="2025-04-02T18:05:00+03:00",
        attendees=ATTEND,
    )
    _to(clock, "2025-04-02T18:30")
    hom.talks.add_commitment(
        ch,
        "ordan-demining-window",
        owner="kestan",
        meeting="jc-2",
        agenda_item="ordan-demining",
        text=(
            "Open a 72-hour demining window on the Ordan canal for Arvenian repair crews, "
            "with 48 hours' notice."
        ),
        due="2025-04-15T08:00:00+03:00",
    )
    hom.talks.add_commitment(
        ch,
        "withdrawal-list-arvenia",
        owner="arvenia",
        meeting="jc-2",
        agenda_item="withdrawal-timetable",
        text=(
            "Submit through the Mission the list of heavy-weapons sites withdrawn behind "
            "the 15 km line."
        ),
        due="2025-04-16T18:00:00+03:00",
    )
    _to(clock, "2025-04-03T10:00")
    liaison.talks.draft_minutes(
        ch,
        "jc-2",
        [
            {
                "item": "withdrawal-timetable",
                "summary": "Timetable for withdrawing weapons above 100 mm behind the 15 km line.",
                "outcome": "Agreed: the withdrawal takes place between 7 and 16 April.",
            },
            {
                "item": "ordan-demining",
                "summary": "Repair of the Ordan canal needs demining windows.",
                "positions": {
                    "arvenia": "The repair crews must start before the irrigation season.",
                    "kestan": "A window needs 48 hours' notice to the units in the area.",
                },
                "outcome": (
                    "Agreed: Kestan opens a 72-hour demining window on the Ordan canal by 15 April."
                ),
            },
            {
                "item": "civharm-procedure",
                "summary": "Notification of civilian casualties.",
                "outcome": (
                    "Agreed: each side notifies the Mission of any civilian casualty within "
                    "one hour; the Mission informs the other side."
                ),
            },
            {
                "item": "mortars-30km",
                "summary": "Proposed by Arvenia.",
                "outcome": "Not discussed: declined by Kestan.",
            },
        ],
    )
    _to(clock, "2025-04-04T12:00")
    for who in (hom, arv, kes):
        who.talks.sign_minutes(ch, "jc-2", 1)

    # --- the demining window: asked for, never opened ------------------------------------
    _to(clock, "2025-04-08T09:00")
    ask, _ = arv_m.send(
        ch,
        to="kestan",
        priority="routine",
        subject="Ordan canal demining window",
        text="Our repair crew is ready. Please confirm the dates of the window on the Ordan canal.",
        topic="demining",
    )
    _to(clock, "2025-04-08T15:00")
    kes_m.acknowledge(ch, ask.id)

    # --- session 3 proposed, postponed by a day --------------------------------------------
    _to(clock, "2025-04-09T10:00")
    liaison.talks.propose(
        ch,
        "jc-3",
        start="2025-04-22T10:00:00+03:00",
        venue=KARVAN,
        format="chaired",
        agenda=[
            _item("investigation-report", "incidents", "Report of the Dzoravank investigation"),
            _item("withdrawal-verification", "withdrawal", "Verification of the 15 km line"),
            _item("civharm-focal", "civilian-harm", "Civilian-harm focal points"),
        ],
        attendees=ATTEND,
    )
    _to(clock, "2025-04-10T09:00")
    arv.talks.counter(
        ch,
        "jc-3",
        start="2025-04-23T10:00:00+03:00",
        note="22 April is a public holiday in Arvenia.",
    )
    _to(clock, "2025-04-10T14:00")
    kes.talks.answer(ch, "jc-3", True)
    liaison.talks.answer(ch, "jc-3", True)

    _to(clock, "2025-04-14T11:00")
    arv.send(
        ch,
        to="mission",
        priority="urgent",
        subject="Ordan canal",
        text="The demining window on the Ordan canal has not been opened; our crew is waiting.",
        topic="demining",
    )
    _to(clock, "2025-04-16T16:00")
    lst, _ = arv_m.send(
        ch,
        to="mission",
        priority="routine",
        subject="Withdrawn sites",
        text="List of 11 heavy-weapons sites withdrawn behind the 15 km line (attached).",
        topic="withdrawal",
    )
    arv.talks.report(ch, "withdrawal-list-arvenia", note="List of 11 sites sent.", message=lst.id)

    # --- session 3: moved to Lusahovit, 23 April --------------------------------------------
    _to(clock, "2025-04-23T12:45")
    hom.talks.record_held(
        ch,
        "jc-3",
        started="2025-04-23T10:40:00+03:00",
        ended="2025-04-23T12:30:00+03:00",
        venue=LUSAHOVIT,
        attendees={
            "mission": ["Ambassador Maren Ekdahl"],
            "arvenia": ["Colonel Hayk Voskanyan"],
            "kestan": ["Captain Nigar Aliyeva"],
        },
        note="Moved from the Karvan crossing, whose access road was flooded.",
    )
    _to(clock, "2025-04-23T13:00")
    hom.talks.add_commitment(
        ch,
        "civharm-focal-kestan",
        owner="kestan",
        meeting="jc-3",
        agenda_item="civharm-focal",
        text="Name a civilian-harm focal point reachable 24 hours a day.",
        due="2025-05-20T18:00:00+03:00",
    )
    _to(clock, "2025-04-24T10:00")
    liaison.talks.draft_minutes(
        ch,
        "jc-3",
        [
            {
                "item": "investigation-report",
                "summary": "The joint investigation team presented its report on Dzoravank.",
                "outcome": "Kestan reserved its position on the findings.",
            },
            {
                "item": "withdrawal-verification",
                "summary": "Verification of the sites listed by Arvenia.",
                "outcome": (
                    "The Mission verified 9 of the 11 sites; the remaining two are to be "
                    "visited before the next meeting."
                ),
            },
            {
                "item": "civharm-focal",
                "summary": "24-hour focal points for civilian harm.",
                "outcome": "Agreed: Kestan names a focal point by 20 May.",
            },
        ],
    )
    _to(clock, "2025-04-24T15:00")
    hom.talks.sign_minutes(ch, "jc-3", 1)
    arv.talks.sign_minutes(ch, "jc-3", 1)

    # --- communiqué 2: version 1 not signed by Kestan, version 2 published (en, hy, az) ---
    _to(clock, "2025-04-24T16:00")
    liaison.disclosures.draft_communique(ch, "communique-2", COMMUNIQUE_2_V1, meeting="jc-3")
    arv.disclosures.sign_communique(ch, "communique-2", 1)

    # --- session 4 agreed for 21 May in Merkenis ---------------------------------------------
    _to(clock, "2025-04-25T10:00")
    liaison.talks.propose(
        ch,
        "jc-4",
        start="2025-05-21T10:00:00+03:00",
        venue=MERKENIS,
        format="chaired",
        agenda=[
            _item("withdrawal-remaining", "withdrawal", "The two sites not yet verified"),
            _item("ordan-window", "demining", "The Ordan canal demining window"),
        ],
        attendees=ATTEND,
    )
    _to(clock, "2025-04-26T11:00")
    arv.talks.answer(ch, "jc-4", True)
    _to(clock, "2025-04-26T15:00")
    kes.talks.answer(ch, "jc-4", True)

    _to(clock, "2025-04-28T10:00")
    liaison.disclosures.draft_communique(ch, "communique-2", COMMUNIQUE_2, meeting="jc-3")
    _to(clock, "2025-04-29T12:00")
    for who in (kes, arv, hom):
        who.disclosures.sign_communique(ch, "communique-2", 2)

    # --- a direct technical meeting, proposed by Kestan, not answered ------------------------
    _to(clock, "2025-04-30T09:00")
    kes.talks.propose(
        ch,
        "tech-ordan",
        start="2025-05-08T09:00:00+03:00",
        venue=ORDAN_LOCK,
        format="direct",
        agenda=[_item("ordan-window-tech", "demining", "Technical details of the window")],
        attendees={"arvenia": ["Major Ani Petrosyan"], "kestan": ["Captain Nigar Aliyeva"]},
    )
    _to(clock, "2025-05-02T10:00")
