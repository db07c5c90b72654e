"""A joint working group on civil documents across the line (held-out story; fiction).

The Civil Records Facilitation Mission (CRFM, the mediator) runs the Joint Working Group on
Civil Documents between the Aravotadzor and Göyçəlan sides from mid-January to late May
2031: the civil-registry archive at Hovtashat (Aravotadzor side) and Göyçəlan's request for
certified copies of birth, death and marriage records, property deeds, notarised
translations, pension records, a mobile registry team's visit across the line. Every place,
side and person is invented. Local time is UTC+4.

- Meeting 1 (rg-1): Wed 5 Feb, 10:00, CRFM office in Wendelstadt; held 10:20-13:10, chaired
  by Margit Ekholm. "Passports and identity cards" raised by Göyçəlan, ruled outside the
  mandate by the CRFM. Minutes v1 signed by all. Commitments: request list of 420 names
  (Göyçəlan, 14 Feb; reported, confirmed), inventory of the Hovtashat registers 1950-1991
  (Aravotadzor, 21 Feb; reported, disputed). Communiqué 1 (en, ru, hy, az): published.
- List message (13 Feb, urgent, Göyçəlan -> Aravotadzor): acknowledged four hours later.
- Data-protection objection (24 Feb, Aravotadzor -> Göyçəlan): 37 living persons on the list.
- Meeting 2 (rg-2): online, Wed 5 Mar, 10:00; held 10:05-11:50, chaired by Pavel Dorokhov.
  Property deeds from the Dərəbağ cadastral office raised by Aravotadzor, declined by
  Göyçəlan. Notarised translations agreed. Minutes v1 signed by all. Commitment: list of
  sworn translators (Aravotadzor, 14 Mar; reported, confirmed). No communiqué.
- Meeting 3 (rg-3): proposed by the CRFM for Fri 21 Mar at the Hovtashat archive reading
  room; postponed by Göyçəlan to Thu 27 Mar for Novruz; held 11:10-14:40 at the archive,
  chaired by Margit Ekholm. Pension records proposed by Göyçəlan, accepted. Reciprocal
  copies of Dzorakert records raised by Aravotadzor: deferred in the minutes. Minutes v1
  (visit on 15 April) signed by CRFM and Göyçəlan; Aravotadzor objects; v2 (17 April)
  signed by all. Commitments: 383 certified copies (Aravotadzor, 15 Apr; reported,
  disputed: 290 arrived), consent forms for the 37 (Göyçəlan, 10 Apr; never reported:
  overdue), guarantees for the mobile team (Göyçəlan, 14 Apr; reported, confirmed).
  Communiqué 2 (en, az): signed by CRFM and Göyçəlan only, never published.
- Technical session on translations (rg-tech): Tue 8 Apr, Wendelstadt, proposed by
  Aravotadzor, agreed, cancelled by the CRFM (agreed by both).
- Mobile registry team visit, Thu 17 Apr: Aravotadzor registry team at Quşlubulaq school
  (Göyçəlan side) through the Getamej crossing point, 64 applications, 290 copies handed.
- Meeting 4 (rg-4): direct, proposed by Göyçəlan for Wed 23 Apr, 10:00, Getamej crossing
  point; moved by Aravotadzor to 12:00; held 12:15-14:05, chaired by Nərgiz Qasımova, CRFM
  observer (Pavel Dorokhov). Minutes signed by both parties. Commitments: the remaining 93
  copies (Aravotadzor, 30 Apr; reported, confirmed), pension records of 51 former workers
  (Aravotadzor, 9 May; reported only).
- Urgent request of 2 May (Göyçəlan -> Aravotadzor, a death record): delivered, never
  acknowledged. Unilateral statement of Göyçəlan (az, 28 Apr).
- Meeting 5 (rg-5): Wed 14 May, 10:00, Wendelstadt; held 10:00-12:30, chaired by Margit
  Ekholm. Communiqué 3 (en, ru, hy, az): published.
- Disclosures: mobile-team report + rg-3 held: public (all signed). The data-protection
  letter: proposed by Aravotadzor, never signed by Göyçəlan.
- Next: rg-6 Thu 12 Jun, 10:00, Dərəbağ civil registry office, proposed by Göyçəlan;
  accepted by the CRFM only; Aravotadzor never answers.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "civil-documents-group"
START = datetime(2031, 1, 13, 5, 0, tzinfo=UTC)  # Monday 13 January 2031, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    (
        "crfm-head",
        "crfm",
        "head",
        "Margit Ekholm",
        "Head of the Civil Records Facilitation Mission",
    ),
    ("crfm-officer", "crfm", "member", "Pavel Dorokhov", "Registry liaison officer, CRFM"),
    (
        "ara-head",
        "aravotadzor",
        "head",
        "Nairi Hakobyan",
        "Deputy Minister of Justice, head of the Aravotadzor delegation",
    ),
    (
        "ara-arch",
        "aravotadzor",
        "member",
        "Gayane Mkrtchyan",
        "Director of the Hovtashat Civil Registry Archive",
    ),
    ("goy-head", "goycelan", "head", "Tural Məmmədli", "Head of the Göyçəlan delegation"),
    (
        "goy-civ",
        "goycelan",
        "member",
        "Nərgiz Qasımova",
        "Head of the civil status and pensions department, Göyçəlan",
    ),
]

SIDES = {
    "crfm": ("Civil Records Facilitation Mission", "mediator"),
    "aravotadzor": ("Aravotadzor side", "party"),
    "goycelan": ("Göyçəlan side", "party"),
}

MANDATE = [
    {"id": "archive", "title": "Access to the civil-registry archive and copies of records"},
    {"id": "certificates", "title": "Birth, death and marriage certificates"},
    {"id": "property", "title": "Property deeds and cadastral records"},
    {"id": "pensions", "title": "Pension and employment records"},
    {"id": "translations", "title": "Notarised translations of documents"},
]

GLOSSARY = [
    {
        "id": "crfm",
        "kind": "side",
        "names": {
            "en": "Civil Records Facilitation Mission",
            "ru": "Миссия содействия по актам гражданского состояния",
            "hy": "Քաղաքացիական փաստաթղթերի աջակցության առաքելություն",
            "az": "Vətəndaşlıq Sənədləri üzrə Yardım Missiyası",
        },
    },
    {
        "id": "aravotadzor",
        "kind": "side",
        "names": {
            "en": "Aravotadzor",
            "ru": "Аравотадзор",
            "hy": "Առավոտաձոր",
            "az": "Aravotadzor",
        },
    },
    {
        "id": "goycelan",
        "kind": "side",
        "names": {"en": "Göyçəlan", "ru": "Гёйчалан", "hy": "Գյոյչալան", "az": "Göyçəlan"},
    },
    {
        "id": "wendelstadt",
        "kind": "place",
        "names": {
            "en": "Wendelstadt",
            "ru": "Вендельштадт",
            "hy": "Վենդելշտադտ",
            "az": "Vendelştadt",
        },
    },
    {
        "id": "hovtashat",
        "kind": "place",
        "names": {
            "en": "Hovtashat Civil Registry Archive",
            "ru": "Овташатский архив актов гражданского состояния",
            "hy": "Հովտաշատի քաղաքացիական կացության ակտերի արխիվ",
            "az": "Hovtaşat Vətəndaşlıq Vəziyyəti Aktları Arxivi",
        },
        "note": "Archive in the town of Hovtashat, Aravotadzor side.",
    },
    {
        "id": "getamej",
        "kind": "place",
        "names": {
            "en": "Getamej crossing point",
            "ru": "КПП Гетамедж",
            "hy": "Գետամեջի անցակետ",
            "az": "Getamec keçid məntəqəsi",
        },
    },
    {
        "id": "qushlubulaq",
        "kind": "place",
        "names": {
            "en": "Quşlubulaq",
            "ru": "Гушлубулаг",
            "hy": "Ղուշլուբուլաղ",
            "az": "Quşlubulaq",
        },
        "note": "Village on the Göyçəlan side.",
    },
    {
        "id": "derebag",
        "kind": "place",
        "names": {"en": "Dərəbağ", "ru": "Дарабаг", "hy": "Դարաբաղ", "az": "Dərəbağ"},
        "note": "Town on the Göyçəlan side; its cadastral and civil registry offices.",
    },
    {
        "id": "dzorakert",
        "kind": "place",
        "names": {"en": "Dzorakert", "ru": "Дзоракерт", "hy": "Ձորակերտ", "az": "Dzorakert"},
        "note": "Village on the Aravotadzor side.",
    },
]

WENDELSTADT = "CRFM office, Wendelstadt"
ONLINE = "Videoconference (online), hosted by the CRFM"
ARCHIVE = "Hovtashat Civil Registry Archive, reading room"
GETAMEJ = "Getamej crossing point, CRFM container"
DEREBAG = "Dərəbağ civil registry office"

COMMUNIQUE_1 = {
    "en": "On 5 February 2031 the Joint Working Group on Civil Documents held its first meeting "
    "at the office of the Civil Records Facilitation Mission in Wendelstadt. The Göyçəlan side "
    "will submit a list of people who ask for copies of their birth, death and marriage "
    "records kept at the Hovtashat Civil Registry Archive. The Aravotadzor side will prepare "
    "an inventory of the archive's registers from 1950 to 1991.",
    "ru": "5 февраля 2031 года Совместная рабочая группа по гражданским документам провела "
    "первое заседание в офисе Миссии содействия по актам гражданского состояния в "
    "Вендельштадте. Сторона Гёйчалана представит список лиц, запрашивающих копии записей о "
    "рождении, смерти и браке, хранящихся в Овташатском архиве актов гражданского состояния. "
    "Сторона Аравотадзора подготовит опись книг записей архива за 1950–1991 годы.",
    "hy": "2031 թվականի փետրվարի 5-ին Քաղաքացիական փաստաթղթերի համատեղ աշխատանքային խումբը "
    "Վենդելշտադտում՝ Քաղաքացիական փաստաթղթերի աջակցության առաքելության գրասենյակում, "
    "անցկացրեց իր առաջին նիստը։ Գյոյչալանի կողմը կներկայացնի այն անձանց ցուցակը, ովքեր "
    "խնդրում են Հովտաշատի արխիվում պահվող ծննդյան, մահվան և ամուսնության գրանցումների "
    "պատճենները։ Առավոտաձորի կողմը կկազմի արխիվի 1950–1991 թվականների գրանցամատյանների "
    "ցուցակը։",
    "az": "2031-ci il fevralın 5-də Vətəndaşlıq Sənədləri üzrə Birgə İşçi Qrup ilk iclasını "
    "Vendelştadtda, Vətəndaşlıq Sənədləri üzrə Yardım Missiyasının ofisində keçirib. Göyçəlan "
    "tərəfi Hovtaşat arxivində saxlanılan doğum, ölüm və nikah qeydlərinin surətlərini istəyən "
    "şəxslərin siyahısını təqdim edəcək. Aravotadzor tərəfi arxivin 1950-1991-ci illərə aid "
    "qeyd kitablarının siyahısını hazırlayacaq.",
}

COMMUNIQUE_2 = {
    "en": "On 27 March 2031 the Joint Working Group on Civil Documents met at the Hovtashat "
    "Civil Registry Archive. The Aravotadzor side will issue certified copies of 383 records "
    "by 15 April. A mobile registry team will visit Quşlubulaq on 17 April.",
    "az": "2031-ci il martın 27-də Vətəndaşlıq Sənədləri üzrə Birgə İşçi Qrup Hovtaşat "
    "arxivində toplaşıb. Aravotadzor tərəfi aprelin 15-dək 383 qeydin təsdiq edilmiş "
    "surətlərini verəcək. Səyyar qeydiyyat qrupu aprelin 17-də Quşlubulağa səfər edəcək.",
}

COMMUNIQUE_3 = {
    "en": "On 14 May 2031 the Joint Working Group on Civil Documents met at the office of the "
    "Civil Records Facilitation Mission in Wendelstadt, chaired by the Head of the Mission. "
    "Since February, 383 certified copies of birth, death and marriage records from the "
    "Hovtashat Civil Registry Archive have been handed to residents of the Göyçəlan side. "
    "The sides agreed that notarised translations made by sworn translators from the agreed "
    "list will be accepted by the registry offices of both sides.",
    "ru": "14 мая 2031 года Совместная рабочая группа по гражданским документам собралась в "
    "офисе Миссии содействия по актам гражданского состояния в Вендельштадте под "
    "председательством главы Миссии. С февраля жителям стороны Гёйчалана переданы 383 "
    "заверенные копии записей о рождении, смерти и браке из Овташатского архива. Стороны "
    "договорились, что нотариально заверенные переводы, выполненные присяжными переводчиками "
    "из согласованного списка, будут приниматься органами ЗАГС обеих сторон.",
    "hy": "2031 թվականի մայիսի 14-ին Քաղաքացիական փաստաթղթերի համատեղ աշխատանքային խումբը "
    "հավաքվեց Վենդելշտադտում՝ առաքելության գրասենյակում, առաքելության ղեկավարի "
    "նախագահությամբ։ Փետրվարից ի վեր Գյոյչալանի կողմի բնակիչներին է հանձնվել Հովտաշատի "
    "արխիվի ծննդյան, մահվան և ամուսնության գրանցումների 383 վավերացված պատճեն։ Կողմերը "
    "պայմանավորվեցին, որ համաձայնեցված ցուցակի երդվյալ թարգմանիչների նոտարական "
    "թարգմանությունները կընդունվեն երկու կողմերի քաղաքացիական կացության մարմիններում։",
    "az": "2031-ci il mayın 14-də Vətəndaşlıq Sənədləri üzrə Birgə İşçi Qrup Vendelştadtda, "
    "Missiyanın ofisində Missiya rəhbərinin sədrliyi ilə toplaşıb. Fevraldan bəri Göyçəlan "
    "tərəfinin sakinlərinə Hovtaşat arxivindən doğum, ölüm və nikah qeydlərinin 383 təsdiq "
    "edilmiş surəti verilib. Tərəflər razılaşıblar ki, razılaşdırılmış siyahıdakı and içmiş "
    "tərcüməçilərin notarial tərcümələri hər iki tərəfin qeydiyyat orqanlarında qəbul "
    "ediləcək.",
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
        "title": "Joint Working Group on Civil Documents: Aravotadzor and Göyçəlan",
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
        """Move the story's clock forward to a local (UTC+4) time."""
        target = datetime.fromisoformat(local).replace(tzinfo=UTC) - LOCAL
        delta = (target - clock.now()).total_seconds()
        assert delta >= 0, local
        clock.advance(seconds=delta)

    head, officer = member("crfm-head"), member("crfm-officer")
    ara, ara_arch = member("ara-head"), member("ara-arch")
    goy, goy_civ = member("goy-head"), member("goy-civ")
    everyone = {
        "crfm": ["Margit Ekholm", "Pavel Dorokhov"],
        "aravotadzor": ["Nairi Hakobyan", "Gayane Mkrtchyan"],
        "goycelan": ["Tural Məmmədli", "Nərgiz Qasımova"],
    }

    # --- meeting 1: Wendelstadt, 5 February ----------------------------------------------
    at("2031-01-20T11:00")
    head.talks.propose(
        ch,
        "rg-1",
        start="2031-02-05T10:00:00+04:00",
        venue=WENDELSTADT,
        format="chaired",
        agenda=[
            _item("archive", "copy-requests", "Requests for copies of records kept at Hovtashat"),
            _item("archive", "inventory", "Inventory of the registers of the Hovtashat archive"),
            _item("certificates", "names-list", "The list of people asking for certificates"),
        ],
        attendees=everyone,
    )
    at("2031-01-21T10:00")
    ara.talks.answer(ch, "rg-1", True)
    at("2031-01-22T16:00")
    goy.talks.answer(ch, "rg-1", True)

    at("2031-02-05T11:15")
    goy.talks.raise_item(
        ch,
        "rg-1",
        "passports",
        "Passports and identity cards for residents",
        text="Göyçəlan asks that the group agree how residents born on the other side obtain "
        "passports and identity cards.",
    )
    at("2031-02-05T11:30")
    head.talks.answer_item(
        ch,
        "rg-1",
        "passports",
        False,
        "Identity documents and citizenship are outside the mandate of the working group.",
    )
    at("2031-02-05T14:00")
    head.talks.record_held(
        ch,
        "rg-1",
        started="2031-02-05T10:20:00+04:00",
        ended="2031-02-05T13:10:00+04:00",
        chair="Margit Ekholm",
        attendees=everyone,
    )
    at("2031-02-05T18:30")
    officer.talks.draft_minutes(
        ch,
        "rg-1",
        [
            {
                "item": "copy-requests",
                "summary": "Requests for certified copies of records kept at Hovtashat.",
                "positions": {
                    "goycelan": "About four hundred families need copies for inheritance and "
                    "pensions.",
                    "aravotadzor": "Copies are issued only on a list checked against the "
                    "registers.",
                },
                "outcome": "Agreed: requests go through the CRFM as one list; the Aravotadzor "
                "side answers each name.",
            },
            {
                "item": "inventory",
                "summary": "Inventory of the registers of the Hovtashat archive.",
                "outcome": "The Aravotadzor side gives the CRFM an inventory of the registers "
                "of births, deaths and marriages from 1950 to 1991 by 21 February.",
            },
            {
                "item": "names-list",
                "summary": "The list of people asking for certificates.",
                "outcome": "The Göyçəlan side submits a list of 420 names with dates and "
                "places of birth by 14 February.",
            },
            {
                "item": "passports",
                "summary": "Raised by the Göyçəlan side; ruled outside the mandate by the CRFM.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Margit Ekholm.",
    )
    at("2031-02-06T09:30")
    ara.talks.sign_minutes(ch, "rg-1", 1)
    at("2031-02-06T11:00")
    goy.talks.sign_minutes(ch, "rg-1", 1)
    at("2031-02-06T12:00")
    head.talks.sign_minutes(ch, "rg-1", 1)

    at("2031-02-06T15:00")
    head.talks.add_commitment(
        ch,
        "names-list",
        owner="goycelan",
        meeting="rg-1",
        agenda_item="names-list",
        text="Submit the list of 420 names with dates and places of birth.",
        due="2031-02-14T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "inventory",
        owner="aravotadzor",
        meeting="rg-1",
        agenda_item="inventory",
        text="Give the CRFM an inventory of the Hovtashat registers of births, deaths and "
        "marriages from 1950 to 1991.",
        due="2031-02-21T18:00:00+04:00",
    )

    # --- communiqué 1 ----------------------------------------------------------------------
    at("2031-02-07T10:00")
    officer.disclosures.draft_communique(ch, "communique-2031-02-05", COMMUNIQUE_1, "rg-1")
    at("2031-02-07T12:00")
    head.disclosures.sign_communique(ch, "communique-2031-02-05", 1)
    at("2031-02-07T16:00")
    goy.disclosures.sign_communique(ch, "communique-2031-02-05", 1)
    at("2031-02-10T10:00")
    ara.disclosures.sign_communique(ch, "communique-2031-02-05", 1)

    # --- the list of names, acknowledged late ---------------------------------------------
    at("2031-02-13T16:00")
    names, _ = goy_civ.send(
        ch,
        to="aravotadzor",
        priority="urgent",
        topic="certificates",
        subject="List of names for copies of records",
        text="The list of 420 people who ask for copies of birth, death and marriage records "
        "kept at Hovtashat, with dates and places of birth, is attached.",
    )
    at("2031-02-13T16:20")
    ara_arch.mark_delivered(ch)
    at("2031-02-13T20:05")
    ara_arch.acknowledge(ch, names.id, "Received; the archive is checking the names.")
    at("2031-02-13T21:00")
    goy.talks.report(ch, "names-list", "Sent on 13 February.", message=names.id)
    at("2031-02-14T10:00")
    ara.talks.confirm(ch, "names-list", "All 420 names received.")

    at("2031-02-21T17:00")
    ara.talks.report(
        ch, "inventory", "Inventory of 212 registers from 1950 to 1991 handed to the CRFM."
    )
    at("2031-02-24T09:00")
    goy.talks.dispute(
        ch,
        "inventory",
        "The inventory has no registers of Dzorakert village for 1988 to 1991.",
    )

    # --- the data-protection objection -----------------------------------------------------
    at("2031-02-24T14:00")
    objection, _ = ara.send(
        ch,
        to="goycelan",
        priority="routine",
        topic="archive",
        subject="Data protection: 37 living persons",
        text="Our Personal Data Protection Agency objects to issuing copies of records of 37 "
        "living persons on the list without their written consent. Copies for the other 383 "
        "names can be issued.",
    )
    at("2031-02-24T15:00")
    goy_civ.mark_delivered(ch)
    at("2031-02-25T10:30")
    goy_civ.acknowledge(ch, objection.id, "Received; we contest the objection.")

    # --- meeting 2: online, 5 March -----------------------------------------------------------
    at("2031-02-25T12:00")
    officer.talks.propose(
        ch,
        "rg-2",
        start="2031-03-05T10:00:00+04:00",
        venue=ONLINE,
        format="chaired",
        agenda=[
            _item("archive", "data-protection", "The data-protection objection"),
            _item("translations", "translations", "Notarised translations of certificates"),
        ],
        attendees=everyone,
    )
    at("2031-02-26T09:00")
    goy.talks.answer(ch, "rg-2", True)
    at("2031-02-26T11:00")
    ara.talks.answer(ch, "rg-2", True)

    at("2031-03-05T10:40")
    ara.talks.raise_item(
        ch,
        "rg-2",
        "deeds",
        "Copies of property deeds from the Dərəbağ cadastral office",
        text="Aravotadzor asks for copies of the property deeds of houses in Dzorakert kept at "
        "the Dərəbağ cadastral office.",
        topic="property",
    )
    at("2031-03-05T10:50")
    goy.talks.answer_item(
        ch, "rg-2", "deeds", False, "The cadastral office is being moved; not at this meeting."
    )
    at("2031-03-05T12:30")
    officer.talks.record_held(
        ch,
        "rg-2",
        started="2031-03-05T10:05:00+04:00",
        ended="2031-03-05T11:50:00+04:00",
        chair="Pavel Dorokhov",
        attendees=everyone,
        note="Held online.",
    )
    at("2031-03-05T17:00")
    officer.talks.draft_minutes(
        ch,
        "rg-2",
        [
            {
                "item": "data-protection",
                "summary": "The objection of the Aravotadzor Personal Data Protection Agency.",
                "positions": {
                    "aravotadzor": "37 persons on the list are alive and must consent.",
                    "goycelan": "The families asked on their behalf; consent is a formality.",
                },
                "outcome": "No agreement; to be taken up at the next meeting.",
            },
            {
                "item": "translations",
                "summary": "Notarised translations of certificates.",
                "outcome": "Agreed: certificates are translated by sworn translators from a "
                "joint list; the Aravotadzor side proposes six translators by 14 March.",
            },
            {
                "item": "deeds",
                "summary": "Raised by the Aravotadzor side; declined by the Göyçəlan side.",
                "outcome": "Not discussed.",
            },
        ],
        general="Held online; chaired by Pavel Dorokhov.",
    )
    at("2031-03-06T09:00")
    head.talks.sign_minutes(ch, "rg-2", 1)
    at("2031-03-06T10:00")
    goy.talks.sign_minutes(ch, "rg-2", 1)
    at("2031-03-06T11:30")
    ara.talks.sign_minutes(ch, "rg-2", 1)
    at("2031-03-06T13:00")
    head.talks.add_commitment(
        ch,
        "translators",
        owner="aravotadzor",
        meeting="rg-2",
        agenda_item="translations",
        text="Propose six sworn translators for the joint list.",
        due="2031-03-14T18:00:00+04:00",
    )

    # --- meeting 3: at the archive, postponed for Novruz -------------------------------------
    at("2031-03-07T10:00")
    head.talks.propose(
        ch,
        "rg-3",
        start="2031-03-21T11:00:00+04:00",
        venue=ARCHIVE,
        format="chaired",
        agenda=[
            _item("certificates", "names-review", "Review of the disputed list of names"),
            _item("certificates", "mobile-team", "A visit of a mobile registry team"),
            _item("archive", "missing-registers", "Registers of Dzorakert for 1988 to 1991"),
        ],
        attendees=everyone,
    )
    at("2031-03-08T10:00")
    ara.talks.answer(ch, "rg-3", True)
    at("2031-03-10T12:00")
    goy.talks.counter(
        ch,
        "rg-3",
        start="2031-03-27T11:00:00+04:00",
        note="21 March is the Novruz holiday; our delegation cannot travel that week.",
    )
    at("2031-03-11T09:00")
    head.talks.answer(ch, "rg-3", True)
    at("2031-03-11T15:00")
    ara.talks.answer(ch, "rg-3", True)
    at("2031-03-13T15:00")
    ara.talks.report(ch, "translators", "Six translators proposed on 13 March.")
    at("2031-03-14T10:00")
    goy.talks.confirm(ch, "translators", "We accept all six.")

    at("2031-03-27T10:30")
    goy.talks.propose_item(
        ch, "rg-3", "pension-records", "pensions", "Pension records of former workers"
    )
    at("2031-03-27T10:50")
    ara.talks.answer_item(ch, "rg-3", "pension-records", True)
    at("2031-03-27T12:20")
    ara.talks.raise_item(
        ch,
        "rg-3",
        "dzorakert-records",
        "Copies of records of Dzorakert natives kept on the Göyçəlan side",
        text="Aravotadzor asks, in return, for copies of records of people born in Dzorakert "
        "kept at the Dərəbağ civil registry office.",
        topic="certificates",
    )
    at("2031-03-27T15:30")
    held_3 = head.talks.record_held(
        ch,
        "rg-3",
        started="2031-03-27T11:10:00+04:00",
        ended="2031-03-27T14:40:00+04:00",
        chair="Margit Ekholm",
        attendees=everyone,
        note="Held in the reading room of the Hovtashat Civil Registry Archive; the delegations "
        "saw the registers.",
    ).entry_id
    items_3: list[dict[str, Any]] = [
        {
            "item": "names-review",
            "summary": "Review of the disputed list of names.",
            "positions": {
                "aravotadzor": "Copies for 37 living persons need their written consent.",
                "goycelan": "We will collect the consent forms.",
            },
            "outcome": "Agreed: the Aravotadzor side issues certified copies for the 383 "
            "uncontested names by 15 April; the Göyçəlan side submits signed consent forms for "
            "the 37 other names by 10 April.",
        },
        {
            "item": "mobile-team",
            "summary": "A visit of a mobile registry team of the Aravotadzor side.",
            "outcome": "Agreed: the Aravotadzor mobile registry team, with a CRFM officer, "
            "visits the school at Quşlubulaq through the Getamej crossing point on 15 April "
            "to hand over copies and take applications; the Göyçəlan side gives written "
            "guarantees of safety by 14 April.",
        },
        {
            "item": "missing-registers",
            "summary": "Registers of Dzorakert for 1988 to 1991.",
            "outcome": "The Aravotadzor side says the registers were damaged by water in 1992; "
            "the delegations saw what remains of them.",
        },
        {
            "item": "pension-records",
            "summary": "Pension records of former workers, proposed by the Göyçəlan side.",
            "outcome": "To be prepared by the directors of the two registries for the next "
            "meeting.",
        },
        {
            "item": "dzorakert-records",
            "summary": "Raised by the Aravotadzor side.",
            "outcome": "Deferred to the next meeting.",
        },
    ]
    general_3 = "Held at the Hovtashat Civil Registry Archive; chaired by Margit Ekholm."
    at("2031-03-27T19:00")
    officer.talks.draft_minutes(ch, "rg-3", items_3, general=general_3)
    at("2031-03-28T09:00")
    head.talks.sign_minutes(ch, "rg-3", 1)
    at("2031-03-28T10:00")
    goy.talks.sign_minutes(ch, "rg-3", 1)
    at("2031-03-28T12:00")
    fix, _ = ara.send(
        ch,
        to="crfm",
        priority="routine",
        topic="certificates",
        subject="Minutes of 27 March: date of the visit",
        text="The mobile team visits Quşlubulaq on 17 April, not 15 April: the team works in "
        "Hovtashat until the 16th. We do not sign version 1.",
    )
    at("2031-03-28T13:00")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, fix.id, "Checked against the notes; corrected.")
    items_3[1]["outcome"] = (
        "Agreed: the Aravotadzor mobile registry team, with a CRFM officer, visits the school "
        "at Quşlubulaq through the Getamej crossing point on 17 April to hand over copies and "
        "take applications; the Göyçəlan side gives written guarantees of safety by 14 April."
    )
    at("2031-03-28T15:00")
    officer.talks.draft_minutes(ch, "rg-3", items_3, general=general_3)
    at("2031-03-28T17:00")
    ara.talks.sign_minutes(ch, "rg-3", 2)
    at("2031-03-29T09:30")
    goy.talks.sign_minutes(ch, "rg-3", 2)
    at("2031-03-29T11:00")
    head.talks.sign_minutes(ch, "rg-3", 2)

    at("2031-03-29T12:00")
    head.talks.add_commitment(
        ch,
        "copies-383",
        owner="aravotadzor",
        meeting="rg-3",
        agenda_item="names-review",
        text="Issue certified copies of records for the 383 uncontested names.",
        due="2031-04-15T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "consent-forms",
        owner="goycelan",
        meeting="rg-3",
        agenda_item="names-review",
        text="Submit signed consent forms for the 37 contested names.",
        due="2031-04-10T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "guarantees",
        owner="goycelan",
        meeting="rg-3",
        agenda_item="mobile-team",
        text="Give written guarantees of safety for the mobile registry team's visit to "
        "Quşlubulaq.",
        due="2031-04-14T18:00:00+04:00",
    )

    # --- communiqué 2: never signed by Aravotadzor ---------------------------------------------
    at("2031-03-31T10:00")
    officer.disclosures.draft_communique(ch, "communique-2031-03-27", COMMUNIQUE_2, "rg-3")
    at("2031-03-31T12:00")
    head.disclosures.sign_communique(ch, "communique-2031-03-27", 1)
    at("2031-04-01T10:00")
    goy.disclosures.sign_communique(ch, "communique-2031-03-27", 1)

    # --- technical session on translations: agreed, then cancelled ----------------------------
    at("2031-04-01T12:00")
    ara.talks.propose(
        ch,
        "rg-tech",
        start="2031-04-08T10:00:00+04:00",
        venue=WENDELSTADT,
        format="chaired",
        agenda=[_item("translations", "translator-list", "The joint list of sworn translators")],
        attendees={
            "crfm": ["Pavel Dorokhov"],
            "aravotadzor": ["Gayane Mkrtchyan"],
            "goycelan": ["Nərgiz Qasımova"],
        },
    )
    at("2031-04-01T15:00")
    head.talks.answer(ch, "rg-tech", True)
    at("2031-04-02T09:00")
    goy.talks.answer(ch, "rg-tech", True)
    at("2031-04-04T10:00")
    head.talks.counter(
        ch,
        "rg-tech",
        cancel=True,
        note="Cancelled: the list of translators was already accepted by correspondence.",
    )
    at("2031-04-04T14:00")
    ara.talks.answer(ch, "rg-tech", True)
    at("2031-04-05T10:00")
    goy.talks.answer(ch, "rg-tech", True)

    # --- guarantees, copies, the mobile team's visit ------------------------------------------
    at("2031-04-14T12:00")
    goy.talks.report(
        ch, "guarantees", "Written guarantees signed by the Dərəbağ district head sent today."
    )
    at("2031-04-15T09:00")
    ara.talks.confirm(ch, "guarantees", "Guarantees received.")
    at("2031-04-15T17:30")
    ara.talks.report(
        ch, "copies-383", "383 certified copies are ready and go with the mobile team on 17 April."
    )
    at("2031-04-17T19:00")
    visit = {}
    for party in ("aravotadzor", "goycelan"):
        visit[party], _ = officer.send(
            ch,
            to=party,
            priority="routine",
            topic="certificates",
            subject="Mobile registry team at Quşlubulaq, 17 April",
            text="On 17 April the Aravotadzor mobile registry team of four, with a CRFM "
            "officer, crossed at the Getamej crossing point at 08:30 and worked at the "
            "Quşlubulaq school from 10:00 to 16:00. It handed over 290 certified copies and "
            "took 64 new applications. It returned at 17:10.",
        )
    at("2031-04-17T20:00")
    ara_arch.mark_delivered(ch)
    ara_arch.acknowledge(ch, visit["aravotadzor"].id, "Received.")
    at("2031-04-18T09:00")
    goy_civ.mark_delivered(ch)
    goy_civ.acknowledge(ch, visit["goycelan"].id, "Received; 93 copies are still missing.")
    at("2031-04-18T11:00")
    goy.talks.dispute(
        ch, "copies-383", "Only 290 of the 383 copies were handed over at Quşlubulaq."
    )

    # --- meeting 4: direct, at the Getamej crossing point --------------------------------------
    at("2031-04-18T15:00")
    goy.talks.propose(
        ch,
        "rg-4",
        start="2031-04-23T10:00:00+04:00",
        venue=GETAMEJ,
        format="direct",
        agenda=[
            _item("certificates", "missing-copies", "The 93 copies not handed over"),
            _item("pensions", "pension-files", "Pension records of former workers of Hovtashat"),
        ],
        attendees={
            "crfm": ["Pavel Dorokhov"],
            "aravotadzor": ["Gayane Mkrtchyan"],
            "goycelan": ["Nərgiz Qasımova"],
        },
    )
    at("2031-04-19T10:00")
    ara.talks.counter(
        ch, "rg-4", start="2031-04-23T12:00:00+04:00", note="Our team reaches Getamej at noon."
    )
    at("2031-04-20T09:00")
    goy.talks.answer(ch, "rg-4", True)

    at("2031-04-23T15:00")
    officer.talks.record_held(
        ch,
        "rg-4",
        started="2031-04-23T12:15:00+04:00",
        ended="2031-04-23T14:05:00+04:00",
        chair="Nərgiz Qasımova",
        attendees={
            "crfm": ["Pavel Dorokhov"],
            "aravotadzor": ["Gayane Mkrtchyan"],
            "goycelan": ["Nərgiz Qasımova"],
        },
        note="A direct meeting of the two registries; the CRFM attended as observer.",
    )
    at("2031-04-23T18:00")
    officer.talks.draft_minutes(
        ch,
        "rg-4",
        [
            {
                "item": "missing-copies",
                "summary": "The 93 copies not handed over at Quşlubulaq.",
                "positions": {
                    "aravotadzor": "The 93 copies were still being certified by the notary.",
                    "goycelan": "The families were told all copies would come on 17 April.",
                },
                "outcome": "The Aravotadzor side hands the remaining 93 copies to the CRFM at "
                "the Getamej crossing point by 30 April.",
            },
            {
                "item": "pension-files",
                "summary": "Pension records of former workers of Hovtashat enterprises.",
                "outcome": "The Aravotadzor side sends certified extracts of the employment "
                "records of 51 former workers by 9 May.",
            },
        ],
        general="A direct meeting chaired by Nərgiz Qasımova; the CRFM attended as observer.",
    )
    at("2031-04-24T09:00")
    goy.talks.sign_minutes(ch, "rg-4", 1)
    at("2031-04-24T11:00")
    ara.talks.sign_minutes(ch, "rg-4", 1)
    at("2031-04-24T13:00")
    head.talks.add_commitment(
        ch,
        "copies-93",
        owner="aravotadzor",
        meeting="rg-4",
        agenda_item="missing-copies",
        text="Hand the remaining 93 certified copies to the CRFM at the Getamej crossing point.",
        due="2031-04-30T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "pension-extracts",
        owner="aravotadzor",
        meeting="rg-4",
        agenda_item="pension-files",
        text="Send certified extracts of the employment records of 51 former workers.",
        due="2031-05-09T18:00:00+04:00",
    )

    at("2031-04-28T11:00")
    goy.disclosures.unilateral(
        ch,
        "Göyçəlan tərəfi bəyan edir ki, aprelin 17-də Quşlubulaqda sakinlərə vəd edilmiş 383 "
        "surətdən yalnız 290-ı verilib və qalan surətlər hələ də gözlənilir.",
        "az",
        source="Press service of the Göyçəlan delegation, 28 April 2031",
    )
    at("2031-04-29T16:00")
    ara.talks.report(ch, "copies-93", "93 copies handed to the CRFM at Getamej on 29 April.")
    at("2031-04-30T10:00")
    goy.talks.confirm(ch, "copies-93", "The 93 copies reached the families.")

    # --- an urgent request never acknowledged --------------------------------------------------
    at("2031-05-02T09:00")
    goy_civ.send(
        ch,
        to="aravotadzor",
        priority="urgent",
        topic="certificates",
        subject="Urgent: death record for an inheritance case",
        text="A court in Dərəbağ needs by 12 May a certified copy of the 1986 death record "
        "of a man born in Dzorakert, for his widow's inheritance case.",
    )
    at("2031-05-02T09:30")
    ara_arch.mark_delivered(ch)

    # --- meeting 5: Wendelstadt, 14 May ---------------------------------------------------------
    at("2031-05-02T12:00")
    head.talks.propose(
        ch,
        "rg-5",
        start="2031-05-14T10:00:00+04:00",
        venue=WENDELSTADT,
        format="chaired",
        agenda=[
            _item("translations", "translation-acceptance", "Acceptance of notarised translations"),
            _item("pensions", "pension-review", "Pension records: review"),
            _item("certificates", "dzorakert-records", "Copies of records of Dzorakert natives"),
        ],
        attendees=everyone,
    )
    at("2031-05-03T10:00")
    goy.talks.answer(ch, "rg-5", True)
    at("2031-05-05T11:00")
    ara.talks.answer(ch, "rg-5", True)
    at("2031-05-09T17:00")
    ara.talks.report(
        ch, "pension-extracts", "Extracts for 51 former workers sent through the CRFM."
    )

    at("2031-05-14T13:30")
    head.talks.record_held(
        ch,
        "rg-5",
        started="2031-05-14T10:00:00+04:00",
        ended="2031-05-14T12:30:00+04:00",
        chair="Margit Ekholm",
        attendees=everyone,
    )
    at("2031-05-14T18:00")
    officer.talks.draft_minutes(
        ch,
        "rg-5",
        [
            {
                "item": "translation-acceptance",
                "summary": "Acceptance of notarised translations.",
                "outcome": "Agreed: notarised translations by the six sworn translators on the "
                "joint list are accepted by the registry offices of both sides.",
            },
            {
                "item": "pension-review",
                "summary": "Pension records: review.",
                "positions": {
                    "goycelan": "Eleven of the 51 extracts have no stamp of the archive.",
                    "aravotadzor": "The stamps will be added on request.",
                },
                "outcome": "The Göyçəlan side sends the eleven extracts back through the CRFM "
                "for stamping.",
            },
            {
                "item": "dzorakert-records",
                "summary": "Copies of records of Dzorakert natives kept at Dərəbağ.",
                "outcome": "The Göyçəlan side will answer at the next meeting.",
            },
        ],
        general="Chaired by Margit Ekholm.",
    )
    at("2031-05-15T09:00")
    ara.talks.sign_minutes(ch, "rg-5", 1)
    at("2031-05-15T10:00")
    goy.talks.sign_minutes(ch, "rg-5", 1)
    at("2031-05-15T11:00")
    head.talks.sign_minutes(ch, "rg-5", 1)

    # --- communiqué 3 ---------------------------------------------------------------------------
    at("2031-05-15T14:00")
    officer.disclosures.draft_communique(ch, "communique-2031-05-14", COMMUNIQUE_3, "rg-5")
    at("2031-05-15T16:00")
    head.disclosures.sign_communique(ch, "communique-2031-05-14", 1)
    at("2031-05-16T10:00")
    ara.disclosures.sign_communique(ch, "communique-2031-05-14", 1)
    at("2031-05-16T12:00")
    goy.disclosures.sign_communique(ch, "communique-2031-05-14", 1)

    # --- disclosures ------------------------------------------------------------------------
    at("2031-05-19T10:00")
    head.disclosures.propose(
        ch,
        "open-mobile-team",
        [visit["aravotadzor"].id, held_3],
        "public",
        "People on both sides should know that a registry team can cross and work safely.",
    )
    at("2031-05-19T15:00")
    goy.disclosures.sign(ch, "open-mobile-team")
    at("2031-05-20T09:00")
    ara.disclosures.propose(
        ch,
        "open-objection",
        [objection.id],
        "public",
        "The public should know why 37 copies were not issued.",
    )
    at("2031-05-20T11:00")
    ara.disclosures.sign(ch, "open-mobile-team")

    # --- next meeting: proposed only --------------------------------------------------------
    at("2031-05-22T10:00")
    goy.talks.propose(
        ch,
        "rg-6",
        start="2031-06-12T10:00:00+04:00",
        venue=DEREBAG,
        format="chaired",
        agenda=[
            _item("certificates", "dzorakert-answer", "Answer on the Dzorakert records"),
            _item("property", "deeds-again", "Property deeds from the Dərəbağ cadastral office"),
        ],
        attendees=everyone,
    )
    at("2031-05-23T09:00")
    head.talks.answer(ch, "rg-6", True)
