"""A joint commission on missing persons (held-out story; fiction).

The Humanitarian Tracing Committee (HTC, the mediator) chairs the Joint Commission on
Missing Persons between the delegations of Tavrush and Daşqala: exchange of case files,
a joint visit to a burial site, forensic identification in the HTC laboratory, the
handover of identified remains, family liaison and a tracing hotline for families.
Every place, side and person is invented. Local time is UTC+4; the story runs from
Monday 6 September to Monday 25 October 2027.

Places: the village Tavrush calls Tsaghkavan and Daşqala calls Güllük, with the burial
site (in the charter's glossary); the towns Lorvan, Mesgal and the Ardel crossing point
(neutral names).

- Meeting 1 (jcmp-1): proposed by the HTC for Tue 14 Sep in Lorvan; Daşqala's counter-
  proposal moves it to Thu 16 Sep; held, chaired by Elena Marchetti. "Detained persons"
  raised by Tavrush, declined by Daşqala. Minutes v1 signed by Tavrush only (Daşqala
  refuses it by letter), v2 signed by all. Commitments: Tavrush case files (confirmed;
  public), Daşqala case files (reported late, disputed), hotline operator (reported, not
  confirmed). Communiqué in en, ru, hy, az, published.
- Meeting 2 (jcmp-2): direct, without the chair, proposed by Tavrush at the Tsaghkavan
  burial site for Wed 29 Sep; held there. "DNA reference samples" proposed by Daşqala,
  accepted. Minutes signed by both parties. Commitments: site access (confirmed),
  reference samples (never reported: overdue).
- Mandate extension to persons missing from the 1990s: signed by Tavrush only.
- Meeting 3 (jcmp-3): agreed for Wed 13 Oct at the Riverside Hotel, Mesgal; held in
  Lorvan (power cut in Mesgal), chaired by Pieter Vandermeer. "Family liaison officers"
  proposed by Tavrush, accepted; "Publication of names" proposed by Daşqala, declined by
  Tavrush. Minutes v1 signed by all. Commitments: handover of remains (reported, not
  confirmed), family liaison officer (open). A second communiqué (en, ru) signed by the
  HTC and Daşqala only: never published.
- Meeting 4 (jcmp-4): the handover at the Ardel crossing point, Wed 20 Oct, chaired by
  Elena Marchetti.
- Next meeting agreed for Tue 16 Nov in Lorvan (opened to the public); Daşqala's
  proposal of a direct technical meeting in Güllük on 24 Nov stays unanswered; Tavrush's
  proposal to open the case-files dispute gets no other signature.
- Messages: an urgent request about families as observers (acknowledged in 15 minutes), a
  flash about digging at the burial site (Tavrush in 3 minutes, Daşqala late), the
  Daşqala case-file letter relayed by the HTC, an urgent Tavrush request about the
  hotline (delivered, never acknowledged), a letter refusing minutes, an urgent notice
  of the move to Lorvan.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "joint-commission-missing-persons"
START = datetime(2027, 9, 6, 5, 0, tzinfo=UTC)  # Monday 6 September 2027, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    (
        "htc-chair",
        "htc",
        "head",
        "Elena Marchetti",
        "Head of the Humanitarian Tracing Committee delegation, Chair of the Commission",
    ),
    (
        "htc-forensic",
        "htc",
        "member",
        "Pieter Vandermeer",
        "Forensic coordinator of the Humanitarian Tracing Committee",
    ),
    ("tavrush-head", "tavrush", "head", "Hovik Ter-Davtyan", "Head of the Tavrush delegation"),
    (
        "tavrush-liaison",
        "tavrush",
        "member",
        "Siranush Avetisyan",
        "Family liaison officer, Tavrush delegation",
    ),
    ("dashqala-head", "dashqala", "head", "Tofig Alasgarli", "Head of the Daşqala delegation"),
    (
        "dashqala-forensic",
        "dashqala",
        "member",
        "Günay Safarova",
        "Forensic expert, Daşqala delegation",
    ),
]

SIDES = {
    "htc": ("Humanitarian Tracing Committee", "mediator"),
    "tavrush": ("Delegation of Tavrush", "party"),
    "dashqala": ("Delegation of Daşqala", "party"),
}

MANDATE = [
    {"id": "case-files", "title": "Exchange of case files on missing persons"},
    {"id": "exhumation", "title": "Burial sites, site visits and exhumation"},
    {"id": "identification", "title": "Forensic identification and handover of remains"},
    {"id": "families", "title": "Family liaison and the tracing hotline"},
]

GLOSSARY = [
    {
        "id": "htc",
        "kind": "side",
        "names": {
            "en": "Humanitarian Tracing Committee",
            "ru": "Гуманитарный комитет по розыску",
            "hy": "Որոնման հումանիտար կոմիտե",
            "az": "Humanitar Axtarış Komitəsi",
        },
    },
    {
        "id": "tavrush",
        "kind": "side",
        "names": {"en": "Tavrush", "ru": "Тавруш", "hy": "Տավրուշ", "az": "Tavruş"},
    },
    {
        "id": "dashqala",
        "kind": "side",
        "names": {"en": "Daşqala", "ru": "Дашгала", "hy": "Դաշղալա", "az": "Daşqala"},
    },
    {
        "id": "tsaghkavan",
        "kind": "place",
        "names": {
            "en": "Tsaghkavan / Güllük",
            "ru": "Цахкаван / Гюллюк",
            "hy": "Ծաղկավան / Գյուլլյուկ",
            "az": "Güllük / Tsaxkavan",
        },
        "forms": {
            "tavrush": {"en": "Tsaghkavan", "ru": "Цахкаван", "hy": "Ծաղկավան"},
            "dashqala": {"en": "Güllük", "ru": "Гюллюк", "az": "Güllük"},
        },
        "note": "The village with the burial site on the old orchard road.",
    },
    {
        "id": "lorvan",
        "kind": "place",
        "names": {"en": "Lorvan", "ru": "Лорван", "hy": "Լորվան", "az": "Lorvan"},
    },
    {
        "id": "mesgal",
        "kind": "place",
        "names": {"en": "Mesgal", "ru": "Месгал", "hy": "Մեսգալ", "az": "Mesqal"},
    },
    {
        "id": "ardel",
        "kind": "place",
        "names": {"en": "Ardel", "ru": "Ардел", "hy": "Արդել", "az": "Ardel"},
    },
]

LORVAN = "HTC office, Lorvan"
MESGAL = "Riverside Hotel, Mesgal"
SITE = "Burial site, Tsaghkavan"
ARDEL = "Ardel crossing point"
GULLUK = "Village hall, Güllük"

COMMUNIQUE_1 = {
    "en": "On 16 September 2027 the Joint Commission on Missing Persons met in Lorvan under "
    "the chairmanship of the Humanitarian Tracing Committee. The delegations of Tavrush and "
    "Daşqala agreed to exchange the case files of persons missing since 2020. They also "
    "agreed that a tracing hotline for families will open on 1 October.",
    "ru": "16 сентября 2027 года Совместная комиссия по без вести пропавшим собралась в "
    "Лорване под председательством Гуманитарного комитета по розыску. Делегации Тавруша и "
    "Дашгалы договорились обменяться делами лиц, пропавших без вести с 2020 года. Они также "
    "договорились, что 1 октября для семей откроется телефонная линия по розыску.",
    "hy": "2027 թվականի սեպտեմբերի 16-ին Անհետ կորածների հարցերով համատեղ հանձնաժողովը "
    "հավաքվեց Լորվանում՝ Որոնման հումանիտար կոմիտեի նախագահությամբ։ Տավրուշի և Դաշղալայի "
    "պատվիրակությունները համաձայնեցին փոխանակել 2020 թվականից ի վեր անհետ կորածների "
    "գործերը։ Նրանք համաձայնեցին նաև, որ հոկտեմբերի 1-ին ընտանիքների համար կբացվի "
    "որոնման թեժ գիծ։",
    "az": "2027-ci il sentyabrın 16-da İtkin Düşmüş Şəxslər üzrə Birgə Komissiya Humanitar "
    "Axtarış Komitəsinin sədrliyi ilə Lorvanda toplaşıb. Tavruş və Daşqala nümayəndə "
    "heyətləri 2020-ci ildən bəri itkin düşmüş şəxslərin işlərini mübadilə etməyə "
    "razılaşıblar. Onlar həmçinin ailələr üçün axtarış qaynar xəttinin oktyabrın 1-də "
    "açılacağı barədə razılığa gəliblər.",
}

COMMUNIQUE_2 = {
    "en": "On 13 October 2027 the Joint Commission on Missing Persons met in Lorvan. The "
    "laboratory of the Humanitarian Tracing Committee has identified nine sets of remains "
    "from the Tsaghkavan / Güllük burial site. Six of them will be handed over on 20 October.",
    "ru": "13 октября 2027 года Совместная комиссия по без вести пропавшим собралась в "
    "Лорване. Лаборатория Гуманитарного комитета по розыску идентифицировала останки девяти "
    "человек из захоронения в Цахкаване / Гюллюке. Останки шестерых будут переданы 20 "
    "октября.",
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
        "title": "Joint Commission on Missing Persons: Tavrush and Daşqala delegations",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 300, "urgent": 3600, "routine": 86400},
        "default_disclosure": "confidential",
        "glossary": GLOSSARY,
    }


def _item(topic: str, item: str | None = None, title: str | None = None) -> dict[str, str]:
    titles = {t["id"]: t["title"] for t in MANDATE}
    return {"id": item or topic, "topic": topic, "title": title or titles[topic]}


def play(member: Any, clock: Any) -> None:
    ch = CHANNEL

    def at(local: str) -> None:
        """Move the story's clock forward to a local (UTC+4) time."""
        target = datetime.fromisoformat(local).replace(tzinfo=UTC) - LOCAL
        delta = (target - clock.now()).total_seconds()
        assert delta >= 0, local
        clock.advance(seconds=delta)

    chair, forensic = member("htc-chair"), member("htc-forensic")
    tavrush, liaison = member("tavrush-head"), member("tavrush-liaison")
    dashqala, expert = member("dashqala-head"), member("dashqala-forensic")

    # --- meeting 1: proposed for 14 September, moved by Daşqala to 16 September ---------
    at("2027-09-06T10:00")
    chair.talks.propose(
        ch,
        "jcmp-1",
        start="2027-09-14T10:00:00+04:00",
        venue=LORVAN,
        format="chaired",
        agenda=[
            _item("case-files", "case-file-exchange", "Exchange of case files"),
            _item("families", "tracing-hotline", "A tracing hotline for families"),
            _item("exhumation", "tsaghkavan-site", "The burial site at Tsaghkavan"),
        ],
        attendees={
            "htc": ["Elena Marchetti"],
            "tavrush": ["Hovik Ter-Davtyan", "Siranush Avetisyan"],
            "dashqala": ["Tofig Alasgarli", "Günay Safarova"],
        },
    )
    at("2027-09-06T14:00")
    tavrush.talks.answer(ch, "jcmp-1", True)
    at("2027-09-07T09:30")
    dashqala.talks.counter(
        ch,
        "jcmp-1",
        start="2027-09-16T11:00:00+04:00",
        note="Our forensic expert returns from a mission only on 15 September.",
    )
    at("2027-09-07T12:00")
    forensic.talks.answer(ch, "jcmp-1", True)
    at("2027-09-07T16:00")
    tavrush.talks.answer(ch, "jcmp-1", True)

    at("2027-09-13T08:10")
    observers, _ = liaison.send(
        ch,
        to="htc",
        priority="urgent",
        topic="families",
        subject="Families as observers at the Lorvan meeting",
        text="An association of families of the missing asks to send two observers to the "
        "meeting of 16 September in Lorvan.",
    )
    at("2027-09-13T08:25")
    forensic.mark_delivered(ch)
    chair.acknowledge(ch, observers.id, "Received; observers cannot attend the session.")

    # --- meeting 1 held -------------------------------------------------------------
    at("2027-09-16T10:30")
    tavrush.talks.raise_item(
        ch,
        "jcmp-1",
        "detained-persons",
        "Detained persons",
        topic="detention",
        text="Persons from Tavrush believed to be held in detention by Daşqala.",
    )
    at("2027-09-16T10:50")
    dashqala.talks.answer_item(
        ch,
        "jcmp-1",
        "detained-persons",
        False,
        "Detained persons are not missing persons; outside the mandate of the Commission.",
    )
    at("2027-09-16T16:00")
    held_1 = chair.talks.record_held(
        ch,
        "jcmp-1",
        started="2027-09-16T11:10:00+04:00",
        ended="2027-09-16T15:40:00+04:00",
        venue=LORVAN,
        chair="Elena Marchetti",
        attendees={
            "htc": ["Elena Marchetti", "Pieter Vandermeer"],
            "tavrush": ["Hovik Ter-Davtyan", "Siranush Avetisyan"],
            "dashqala": ["Tofig Alasgarli", "Günay Safarova"],
        },
    ).entry_id

    items_1: list[dict[str, Any]] = [
        {
            "item": "case-file-exchange",
            "summary": "Exchange of case files.",
            "positions": {
                "tavrush": "Asks for all case files held by Daşqala.",
                "dashqala": "Ready to exchange the files of persons missing since 2020.",
            },
            "outcome": "Agreed: each side hands the HTC all its case files within one week.",
        },
        {
            "item": "tracing-hotline",
            "summary": "A tracing hotline for families.",
            "outcome": "Agreed: the HTC opens a tracing hotline on 1 October, with one "
            "operator seconded by each side.",
        },
        {
            "item": "tsaghkavan-site",
            "summary": "The burial site at Tsaghkavan.",
            "outcome": "Agreed: a joint visit of the site before the end of September.",
        },
        {
            "item": "detained-persons",
            "summary": "Raised by the Tavrush side; declined by the Daşqala side as outside "
            "the mandate.",
            "outcome": "Not discussed.",
        },
    ]
    at("2027-09-16T19:00")
    forensic.talks.draft_minutes(ch, "jcmp-1", items_1, general="Chaired by Elena Marchetti.")
    at("2027-09-17T09:00")
    tavrush.talks.sign_minutes(ch, "jcmp-1", 1)
    at("2027-09-17T10:00")
    refusal_1, _ = dashqala.send(
        ch,
        to="htc",
        priority="routine",
        topic="case-files",
        subject="Minutes of 16 September, version 1",
        text="We will not sign version 1: we agreed to exchange the files of persons missing "
        "since 2020, not all case files.",
    )
    at("2027-09-17T10:40")
    forensic.mark_delivered(ch)
    chair.acknowledge(ch, refusal_1.id, "Noted; a revised version follows.")
    at("2027-09-17T15:00")
    items_1[0]["outcome"] = (
        "Agreed: each side hands the HTC the case files of persons missing since 2020 within "
        "one week."
    )
    forensic.talks.draft_minutes(ch, "jcmp-1", items_1, general="Chaired by Elena Marchetti.")
    at("2027-09-18T10:00")
    tavrush.talks.sign_minutes(ch, "jcmp-1", 2)
    at("2027-09-18T11:00")
    dashqala.talks.sign_minutes(ch, "jcmp-1", 2)
    at("2027-09-18T12:00")
    chair.talks.sign_minutes(ch, "jcmp-1", 2)

    # --- commitments of meeting 1 ---------------------------------------------------
    at("2027-09-18T13:00")
    files_t = chair.talks.add_commitment(
        ch,
        "case-files-tavrush",
        owner="tavrush",
        meeting="jcmp-1",
        agenda_item="case-file-exchange",
        text="Hand the HTC the case files of persons missing since 2020 on the Tavrush side.",
        due="2027-09-23T18:00:00+04:00",
    ).entry_id
    chair.talks.add_commitment(
        ch,
        "case-files-dashqala",
        owner="dashqala",
        meeting="jcmp-1",
        agenda_item="case-file-exchange",
        text="Hand the HTC the case files of persons missing since 2020 on the Daşqala side.",
        due="2027-09-23T18:00:00+04:00",
    )
    chair.talks.add_commitment(
        ch,
        "hotline-operator",
        owner="dashqala",
        meeting="jcmp-1",
        agenda_item="tracing-hotline",
        text="Second one operator to the HTC tracing hotline before it opens on 1 October.",
        due="2027-10-01T09:00:00+04:00",
    )

    # --- the first communiqué -------------------------------------------------------
    at("2027-09-18T15:00")
    forensic.disclosures.draft_communique(ch, "communique-2027-09-16", COMMUNIQUE_1, "jcmp-1")
    at("2027-09-19T10:00")
    tavrush.disclosures.sign_communique(ch, "communique-2027-09-16", 1)
    at("2027-09-19T17:00")
    dashqala.disclosures.sign_communique(ch, "communique-2027-09-16", 1)
    at("2027-09-20T09:00")
    chair.disclosures.sign_communique(ch, "communique-2027-09-16", 1)

    # --- meeting 2: direct, at the burial site ----------------------------------------
    at("2027-09-21T11:00")
    tavrush.talks.propose(
        ch,
        "jcmp-2",
        start="2027-09-29T10:00:00+04:00",
        venue=SITE,
        format="direct",
        agenda=[
            _item("exhumation", "site-visit", "Joint visit to the burial site"),
            _item("identification", "forensic-protocol", "Forensic identification protocol"),
        ],
        attendees={
            "tavrush": ["Hovik Ter-Davtyan", "Siranush Avetisyan"],
            "dashqala": ["Tofig Alasgarli", "Günay Safarova"],
        },
    )
    at("2027-09-22T10:00")
    files_t_rep = tavrush.talks.report(
        ch, "case-files-tavrush", "212 case files handed to the HTC."
    ).entry_id
    at("2027-09-22T15:00")
    dashqala.talks.answer(ch, "jcmp-2", True)

    at("2027-09-23T06:15")
    digging = {}
    for party in ("tavrush", "dashqala"):
        digging[party], _ = forensic.send(
            ch,
            to=party,
            priority="flash",
            topic="exhumation",
            subject="Unauthorised digging at the Tsaghkavan burial site",
            text="Our guard reports that unknown persons dug at the north edge of the "
            "Tsaghkavan burial site during the night. All access to the site is suspended "
            "until our forensic team has inspected it.",
        )
    at("2027-09-23T06:18")
    liaison.mark_delivered(ch)
    tavrush.acknowledge(ch, digging["tavrush"].id, "Received.")
    at("2027-09-23T06:52")
    expert.mark_delivered(ch)
    dashqala.acknowledge(ch, digging["dashqala"].id, "Received.")

    # --- Daşqala's case files, late, through the HTC --------------------------------
    at("2027-09-24T11:00")
    files_letter, _ = expert.send(
        ch,
        to="htc",
        priority="routine",
        topic="case-files",
        subject="Case files of the Daşqala side",
        text="We hand over 187 case files of persons missing since 2020; please pass the list "
        "to the Tavrush delegation.",
    )
    at("2027-09-24T12:00")
    forensic.mark_delivered(ch)
    forensic.acknowledge(ch, files_letter.id, "Received; passing the list on.")
    relayed, _ = forensic.send(
        ch,
        to="tavrush",
        priority="routine",
        relay_of=files_letter.id,
        subject="Relayed: case files of the Daşqala side",
        text="Relayed from the Daşqala delegation: 187 case files of persons missing since 2020.",
    )
    dashqala.talks.report(
        ch, "case-files-dashqala", "187 case files handed over through the HTC.", files_letter.id
    )
    at("2027-09-24T16:30")
    liaison.mark_delivered(ch)
    liaison.acknowledge(ch, relayed.id, "Received.")
    at("2027-09-25T10:00")
    files_t_conf = dashqala.talks.confirm(
        ch, "case-files-tavrush", "212 case files received through the HTC."
    ).entry_id
    at("2027-09-28T12:00")
    files_disputed = tavrush.talks.dispute(
        ch,
        "case-files-dashqala",
        "Only 131 of the 187 files give the place of disappearance and dental records.",
    ).entry_id

    # --- meeting 2 held at the site -------------------------------------------------
    at("2027-09-29T08:30")
    dashqala.talks.propose_item(
        ch, "jcmp-2", "reference-samples", "identification", "DNA reference samples from families"
    )
    at("2027-09-29T08:45")
    tavrush.talks.answer_item(ch, "jcmp-2", "reference-samples", True)
    at("2027-09-29T14:00")
    forensic.talks.record_held(
        ch,
        "jcmp-2",
        started="2027-09-29T10:20:00+04:00",
        ended="2027-09-29T13:05:00+04:00",
        attendees={
            "tavrush": ["Hovik Ter-Davtyan", "Siranush Avetisyan"],
            "dashqala": ["Tofig Alasgarli", "Günay Safarova"],
        },
    )
    at("2027-09-29T18:00")
    forensic.talks.draft_minutes(
        ch,
        "jcmp-2",
        [
            {
                "item": "site-visit",
                "summary": "Joint visit to the burial site.",
                "outcome": "Both delegations visited the site; the HTC forensic team starts the "
                "exhumation on 6 October.",
            },
            {
                "item": "forensic-protocol",
                "summary": "Forensic identification protocol.",
                "outcome": "Agreed: identification by the HTC laboratory, with one forensic "
                "observer from each side.",
            },
            {
                "item": "reference-samples",
                "summary": "DNA reference samples from families, proposed by the Daşqala side.",
                "outcome": "Agreed: the Tavrush side collects reference samples from 40 families.",
            },
        ],
    )
    at("2027-09-30T09:00")
    tavrush.talks.sign_minutes(ch, "jcmp-2", 1)
    at("2027-09-30T10:00")
    dashqala.talks.sign_minutes(ch, "jcmp-2", 1)

    at("2027-09-30T11:00")
    chair.talks.add_commitment(
        ch,
        "site-access",
        owner="dashqala",
        meeting="jcmp-2",
        agenda_item="site-visit",
        text="Give the HTC forensic team access to the Güllük burial site from 6 October.",
        due="2027-10-06T09:00:00+04:00",
    )
    chair.talks.add_commitment(
        ch,
        "reference-samples",
        owner="tavrush",
        meeting="jcmp-2",
        agenda_item="reference-samples",
        text="Collect DNA reference samples from 40 families of the missing and hand them to "
        "the HTC laboratory.",
        due="2027-10-15T18:00:00+04:00",
    )
    at("2027-09-30T16:00")
    dashqala.talks.report(ch, "hotline-operator", "Operator Nigar Guliyeva seconded to the HTC.")

    # --- the mandate extension, signed by Tavrush only --------------------------------
    at("2027-10-01T10:00")
    chair.talks.extend_mandate(
        ch,
        "missing-1990s",
        "Persons missing from the conflict of the 1990s",
        "Asked by the Tavrush delegation.",
    )
    at("2027-10-02T09:00")
    tavrush.talks.sign_extension(ch, "missing-1990s")

    # --- the first session is opened to the public ------------------------------------
    at("2027-10-02T12:00")
    chair.disclosures.propose(
        ch,
        "open-first-session",
        [held_1, files_t, files_t_rep, files_t_conf],
        "public",
        "Families must know that the case files are being exchanged.",
    )
    at("2027-10-03T10:00")
    tavrush.disclosures.sign(ch, "open-first-session")
    at("2027-10-03T15:00")
    dashqala.disclosures.sign(ch, "open-first-session")

    at("2027-10-04T11:00")
    liaison.send(
        ch,
        to="dashqala",
        priority="urgent",
        topic="families",
        subject="The tracing hotline number",
        text="The hotline number 1440 is published on our side since 1 October. We ask your "
        "side to publish it in Daşqala as well.",
    )
    at("2027-10-04T11:30")
    expert.mark_delivered(ch)

    at("2027-10-04T14:00")
    tavrush.disclosures.propose(
        ch,
        "open-case-files-dispute",
        [files_disputed],
        "public",
        "Families must know that the Daşqala files are incomplete.",
    )

    # --- meeting 3: agreed in Mesgal ------------------------------------------------
    at("2027-10-05T10:00")
    chair.talks.propose(
        ch,
        "jcmp-3",
        start="2027-10-13T10:00:00+04:00",
        venue=MESGAL,
        format="chaired",
        agenda=[
            _item("identification", "identification-results", "Results of identification"),
            _item("identification", "handover", "Handover of identified remains"),
        ],
        attendees={
            "htc": ["Pieter Vandermeer"],
            "tavrush": ["Hovik Ter-Davtyan", "Siranush Avetisyan"],
            "dashqala": ["Tofig Alasgarli", "Günay Safarova"],
        },
    )
    at("2027-10-05T15:00")
    tavrush.talks.answer(ch, "jcmp-3", True)
    at("2027-10-06T09:30")
    dashqala.talks.report(ch, "site-access", "The forensic team entered the site at 08:40.")
    dashqala.talks.answer(ch, "jcmp-3", True)
    at("2027-10-07T11:00")
    tavrush.talks.confirm(ch, "site-access", "Our observer saw the team at work.")

    at("2027-10-12T18:00")
    move = {}
    for party in ("tavrush", "dashqala"):
        move[party], _ = chair.send(
            ch,
            to=party,
            priority="urgent",
            topic="identification",
            subject="Meeting of 13 October moved to Lorvan",
            text="The Riverside Hotel in Mesgal has no power since this afternoon. The "
            "meeting of 13 October takes place at the HTC office in Lorvan, at 10:30.",
        )
    at("2027-10-12T18:20")
    liaison.mark_delivered(ch)
    tavrush.acknowledge(ch, move["tavrush"].id, "Received; we will be in Lorvan.")
    at("2027-10-12T18:45")
    expert.mark_delivered(ch)
    dashqala.acknowledge(ch, move["dashqala"].id, "Received.")

    # --- meeting 3 held in Lorvan ---------------------------------------------------
    at("2027-10-13T09:00")
    tavrush.talks.propose_item(
        ch, "jcmp-3", "family-liaison", "families", "Family liaison officers"
    )
    at("2027-10-13T09:20")
    dashqala.talks.answer_item(ch, "jcmp-3", "family-liaison", True)
    at("2027-10-13T09:30")
    dashqala.talks.propose_item(
        ch,
        "jcmp-3",
        "publish-names",
        "identification",
        "Publication of the names of identified persons",
    )
    at("2027-10-13T09:50")
    tavrush.talks.answer_item(
        ch,
        "jcmp-3",
        "publish-names",
        False,
        "The families must be told in person before any name is published.",
    )
    at("2027-10-13T17:00")
    forensic.talks.record_held(
        ch,
        "jcmp-3",
        started="2027-10-13T10:45:00+04:00",
        ended="2027-10-13T16:20:00+04:00",
        venue=LORVAN,
        chair="Pieter Vandermeer",
        attendees={
            "htc": ["Pieter Vandermeer"],
            "tavrush": ["Hovik Ter-Davtyan", "Siranush Avetisyan"],
            "dashqala": ["Tofig Alasgarli"],
        },
        note="Moved from Mesgal to Lorvan: no power at the Riverside Hotel.",
    )
    at("2027-10-13T19:00")
    forensic.talks.draft_minutes(
        ch,
        "jcmp-3",
        [
            {
                "item": "identification-results",
                "summary": "Results of identification.",
                "outcome": "The HTC laboratory has identified nine sets of remains from the "
                "Güllük site: six persons from the Tavrush side and three from the Daşqala "
                "side.",
            },
            {
                "item": "handover",
                "summary": "Handover of identified remains.",
                "outcome": "Agreed: the six remains are handed over to the Tavrush side at the "
                "Ardel crossing point on 20 October.",
            },
            {
                "item": "family-liaison",
                "summary": "Family liaison officers, proposed by the Tavrush side.",
                "outcome": "Agreed: each side names a family liaison officer.",
            },
            {
                "item": "publish-names",
                "summary": "Publication of names, proposed by the Daşqala side.",
                "outcome": "Declined by the Tavrush side.",
            },
        ],
        general="Chaired by Pieter Vandermeer.",
    )
    at("2027-10-14T09:00")
    tavrush.talks.sign_minutes(ch, "jcmp-3", 1)
    at("2027-10-14T09:30")
    dashqala.talks.sign_minutes(ch, "jcmp-3", 1)
    at("2027-10-14T10:00")
    chair.talks.sign_minutes(ch, "jcmp-3", 1)

    at("2027-10-14T11:00")
    chair.talks.add_commitment(
        ch,
        "handover-remains",
        owner="dashqala",
        meeting="jcmp-3",
        agenda_item="handover",
        text="Hand over the six identified remains to the Tavrush side at the Ardel crossing "
        "point.",
        due="2027-10-20T18:00:00+04:00",
    )
    chair.talks.add_commitment(
        ch,
        "liaison-officer",
        owner="tavrush",
        meeting="jcmp-3",
        agenda_item="family-liaison",
        text="Name a family liaison officer for the families of the identified persons.",
        due="2027-11-05T18:00:00+04:00",
    )

    # --- a second communiqué, never signed by Tavrush ---------------------------------
    at("2027-10-14T14:00")
    forensic.disclosures.draft_communique(ch, "communique-2027-10-13", COMMUNIQUE_2, "jcmp-3")
    at("2027-10-14T16:00")
    chair.disclosures.sign_communique(ch, "communique-2027-10-13", 1)
    at("2027-10-15T10:00")
    dashqala.disclosures.sign_communique(ch, "communique-2027-10-13", 1)

    # --- meeting 4: the handover at Ardel -------------------------------------------
    at("2027-10-15T12:00")
    chair.talks.propose(
        ch,
        "jcmp-4",
        start="2027-10-20T11:00:00+04:00",
        venue=ARDEL,
        format="chaired",
        agenda=[_item("identification", "handover-ardel", "Handover of remains at Ardel")],
        attendees={
            "htc": ["Elena Marchetti", "Pieter Vandermeer"],
            "tavrush": ["Siranush Avetisyan"],
            "dashqala": ["Günay Safarova"],
        },
    )
    at("2027-10-15T17:00")
    dashqala.talks.answer(ch, "jcmp-4", True)
    at("2027-10-16T10:00")
    tavrush.talks.answer(ch, "jcmp-4", True)
    at("2027-10-20T14:00")
    chair.talks.record_held(
        ch,
        "jcmp-4",
        started="2027-10-20T11:05:00+04:00",
        ended="2027-10-20T12:50:00+04:00",
        chair="Elena Marchetti",
        attendees={
            "htc": ["Elena Marchetti", "Pieter Vandermeer"],
            "tavrush": ["Siranush Avetisyan"],
            "dashqala": ["Günay Safarova"],
        },
    )
    at("2027-10-20T15:00")
    dashqala.talks.report(
        ch, "handover-remains", "Six remains handed over at the Ardel crossing point at 12:30."
    )

    # --- the next meeting, agreed and opened; a technical meeting nobody answered -----
    at("2027-10-21T10:00")
    next_id, _ = chair.talks.propose(
        ch,
        "jcmp-5",
        start="2027-11-16T10:00:00+04:00",
        venue=LORVAN,
        format="chaired",
        agenda=[_item("case-files"), _item("identification"), _item("families")],
        attendees={
            "htc": ["Elena Marchetti"],
            "tavrush": ["Hovik Ter-Davtyan"],
            "dashqala": ["Tofig Alasgarli"],
        },
    )
    at("2027-10-21T15:00")
    next_t = tavrush.talks.answer(ch, "jcmp-5", True).entry_id
    at("2027-10-22T09:00")
    next_d = dashqala.talks.answer(ch, "jcmp-5", True).entry_id
    at("2027-10-22T11:00")
    dashqala.talks.propose(
        ch,
        "jcmp-technical",
        start="2027-11-24T11:00:00+04:00",
        venue=GULLUK,
        format="direct",
        agenda=[_item("exhumation", "second-site", "A second burial site near Güllük")],
        attendees={"tavrush": ["Siranush Avetisyan"], "dashqala": ["Günay Safarova"]},
    )
    at("2027-10-22T14:00")
    chair.disclosures.propose(
        ch,
        "open-next-meeting",
        [next_id, next_t, next_d],
        "public",
        "The date and place of the next meeting are to be public.",
    )
    at("2027-10-23T10:00")
    tavrush.disclosures.sign(ch, "open-next-meeting")
    at("2027-10-25T09:00")
    dashqala.disclosures.sign(ch, "open-next-meeting")
    at("2027-10-25T12:00")
