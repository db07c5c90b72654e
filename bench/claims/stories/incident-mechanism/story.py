"""An incident prevention and response mechanism (held-out story; fiction).

The Regional Monitoring Mission (RMM, the mediator) facilitates the Incident Prevention
and Response Mechanism between the sides of Getahovit and Dağyurd: regular short meetings
at the Yeraz crossing point, incident reports (a shooting, a drone, straying livestock, a
detained shepherd), a 24-hour hotline, joint visits to incident sites, the release of a
detained civilian and agreed rules of conduct near the line. Every place, side and person
is invented. Local time is UTC+4; the story runs from Monday 1 March to Friday 23 April
2027.

Places: the village Getahovit calls Aghvorik and Dağyurd calls Quzulu (in the charter's
glossary); the Yeraz crossing point and the towns Zarnekh and Berdak (neutral names).

- Meeting 1 (ipm-1): proposed by the RMM for Tue 9 Mar at the Yeraz crossing point;
  Dağyurd's counter-proposal moves it to Thu 11 Mar; held, chaired by Ingrid Holmqvist.
  "Detained shepherd" raised by Dağyurd, accepted by Getahovit; "Withdrawal of heavy
  weapons" raised by Getahovit, declined by Dağyurd. Minutes v1 signed by Getahovit only
  (Dağyurd refuses it by letter), v2 signed by all. Commitments: hotline staffing by
  Getahovit (confirmed; public), shooting investigation report by Dağyurd (reported late,
  disputed), release of the shepherd by Getahovit (confirmed at meeting 4).
  Communiqué in en, ru, hy, az, published.
- Hotline test calls on 15 Mar (Getahovit acknowledges in 4 minutes, Dağyurd after more
  than three hours); a flash real call about a drone over Quzulu (acknowledged in 6
  minutes); straying sheep relayed through the RMM; an urgent Getahovit call about shots
  near Aghvorik (delivered, never acknowledged).
- Meeting 2 (ipm-2): direct, without the RMM, proposed by Getahovit as a joint visit to
  the pasture at Aghvorik, Wed 24 Mar; held there. "Grazing schedule" proposed by Dağyurd,
  accepted. Minutes signed by both parties. Commitments: grazing schedule by Dağyurd
  (reported, not confirmed), drone notice by Getahovit (never reported: overdue).
- Mandate extension to demining near the line: signed by Dağyurd only.
- Meeting 3 (ipm-3): agreed for Tue 13 Apr at the RMM field office in Berdak; held in
  Zarnekh (the Berdak road flooded), chaired by Tomasz Wierzbicki, without Dağyurd's
  Sabina Naghiyeva. "Rules of conduct near the line" proposed by Getahovit, accepted;
  "Joint patrols" proposed by Dağyurd, declined by Getahovit. Minutes v1 signed by all.
  Commitments: return of the sheep by Dağyurd (reported, not confirmed), rules of
  conduct briefed to units by Dağyurd (open). A second communiqué (en, ru) signed by the
  RMM and Getahovit only: never published.
- Meeting 4 (ipm-4): the release of the shepherd at the Yeraz crossing point, Tue 20 Apr,
  chaired by Ingrid Holmqvist.
- Next meeting agreed for Thu 13 May at the Yeraz crossing point (opened to the public);
  Getahovit's proposal to open the dispute over the shooting report gets no other
  signature.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "incident-prevention-mechanism"
START = datetime(2027, 3, 1, 5, 0, tzinfo=UTC)  # Monday 1 March 2027, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    (
        "rmm-head",
        "rmm",
        "head",
        "Ingrid Holmqvist",
        "Head of the Regional Monitoring Mission, facilitator of the Mechanism",
    ),
    (
        "rmm-officer",
        "rmm",
        "member",
        "Tomasz Wierzbicki",
        "Liaison officer of the Regional Monitoring Mission",
    ),
    ("getahovit-head", "getahovit", "head", "Gevorg Manukyan", "Head of the Getahovit side"),
    (
        "getahovit-hotline",
        "getahovit",
        "member",
        "Lusine Harutyunyan",
        "Hotline officer, Getahovit side",
    ),
    ("dagyurd-head", "dagyurd", "head", "Elchin Gurbanli", "Head of the Dağyurd side"),
    (
        "dagyurd-hotline",
        "dagyurd",
        "member",
        "Sabina Naghiyeva",
        "Hotline officer, Dağyurd side",
    ),
]

SIDES = {
    "rmm": ("Regional Monitoring Mission", "mediator"),
    "getahovit": ("Getahovit side", "party"),
    "dagyurd": ("Dağyurd side", "party"),
}

MANDATE = [
    {"id": "hotline", "title": "The 24-hour hotline"},
    {"id": "incidents", "title": "Incident reports and joint visits to incident sites"},
    {"id": "civilians", "title": "Detained civilians and livestock"},
    {"id": "conduct", "title": "Rules of conduct near the line"},
]

GLOSSARY = [
    {
        "id": "rmm",
        "kind": "side",
        "names": {
            "en": "Regional Monitoring Mission",
            "ru": "Региональная миссия наблюдения",
            "hy": "Տարածաշրջանային դիտորդական առաքելություն",
            "az": "Regional Monitorinq Missiyası",
        },
    },
    {
        "id": "getahovit",
        "kind": "side",
        "names": {"en": "Getahovit", "ru": "Гетаовит", "hy": "Գետահովիտ", "az": "Getahovit"},
    },
    {
        "id": "dagyurd",
        "kind": "side",
        "names": {"en": "Dağyurd", "ru": "Дагюрд", "hy": "Դաղյուրդ", "az": "Dağyurd"},
    },
    {
        "id": "aghvorik",
        "kind": "place",
        "names": {
            "en": "Aghvorik / Quzulu",
            "ru": "Агворик / Гузулу",
            "hy": "Աղվորիկ / Ղուզուլու",
            "az": "Quzulu / Ağvorik",
        },
        "forms": {
            "getahovit": {"en": "Aghvorik", "ru": "Агворик", "hy": "Աղվորիկ"},
            "dagyurd": {"en": "Quzulu", "ru": "Гузулу", "az": "Quzulu"},
        },
        "note": "The village by the line with the shared pasture.",
    },
    {
        "id": "yeraz",
        "kind": "place",
        "names": {"en": "Yeraz", "ru": "Ераз", "hy": "Երազ", "az": "Yeraz"},
    },
    {
        "id": "zarnekh",
        "kind": "place",
        "names": {"en": "Zarnekh", "ru": "Зарнех", "hy": "Զառնեխ", "az": "Zarnex"},
    },
    {
        "id": "berdak",
        "kind": "place",
        "names": {"en": "Berdak", "ru": "Бердак", "hy": "Բերդակ", "az": "Berdak"},
    },
]

YERAZ = "Yeraz crossing point"
BERDAK = "RMM field office, Berdak"
ZARNEKH = "Town hall, Zarnekh"
PASTURE = "Pasture, Aghvorik"

COMMUNIQUE_1 = {
    "en": "On 11 March 2027 the Incident Prevention and Response Mechanism met at the Yeraz "
    "crossing point, facilitated by the Regional Monitoring Mission. The sides of Getahovit "
    "and Dağyurd agreed to keep a hotline staffed around the clock. They also agreed to "
    "meet every four weeks at the Yeraz crossing point.",
    "ru": "11 марта 2027 года Механизм предотвращения инцидентов и реагирования на них "
    "собрался на пункте пропуска Ераз при содействии Региональной миссии наблюдения. "
    "Стороны Гетаовита и Дагюрда договорились обеспечить круглосуточную работу горячей "
    "линии. Они также договорились встречаться каждые четыре недели на пункте пропуска Ераз.",
    "hy": "2027 թվականի մարտի 11-ին Միջադեպերի կանխարգելման և արձագանքման մեխանիզմը "
    "հավաքվեց Երազի անցակետում՝ Տարածաշրջանային դիտորդական առաքելության աջակցությամբ։ "
    "Գետահովիտի և Դաղյուրդի կողմերը համաձայնեցին, որ թեժ գիծը կաշխատի շուրջօրյա։ "
    "Նրանք համաձայնեցին նաև հանդիպել չորս շաբաթը մեկ Երազի անցակետում։",
    "az": "2027-ci il martın 11-də İnsidentlərin Qarşısının Alınması və Reaksiya Mexanizmi "
    "Regional Monitorinq Missiyasının vasitəçiliyi ilə Yeraz keçid məntəqəsində toplaşıb. "
    "Getahovit və Dağyurd tərəfləri qaynar xəttin gecə-gündüz işləməsi barədə razılığa "
    "gəliblər. Onlar həmçinin hər dörd həftədən bir Yeraz keçid məntəqəsində görüşməyə "
    "razılaşıblar.",
}

COMMUNIQUE_2 = {
    "en": "On 13 April 2027 the Incident Prevention and Response Mechanism met in Zarnekh. "
    "The sides agreed on rules of conduct near the line. The detained shepherd will be "
    "released on 20 April at the Yeraz crossing point.",
    "ru": "13 апреля 2027 года Механизм предотвращения инцидентов и реагирования на них "
    "собрался в Зарнехе. Стороны согласовали правила поведения вблизи линии. Задержанный "
    "пастух будет освобождён 20 апреля на пункте пропуска Ераз.",
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
        "title": "Incident Prevention and Response Mechanism: Getahovit and Dağyurd",
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

    head, officer = member("rmm-head"), member("rmm-officer")
    geta, geta_line = member("getahovit-head"), member("getahovit-hotline")
    dag, dag_line = member("dagyurd-head"), member("dagyurd-hotline")
    everyone = {
        "rmm": ["Ingrid Holmqvist", "Tomasz Wierzbicki"],
        "getahovit": ["Gevorg Manukyan", "Lusine Harutyunyan"],
        "dagyurd": ["Elchin Gurbanli", "Sabina Naghiyeva"],
    }

    # --- meeting 1: proposed for 9 March, moved by Dağyurd to 11 March -----------------
    at("2027-03-01T10:00")
    head.talks.propose(
        ch,
        "ipm-1",
        start="2027-03-09T10:00:00+04:00",
        venue=YERAZ,
        format="chaired",
        agenda=[
            _item("hotline", "hotline-setup", "Setting up the 24-hour hotline"),
            _item("incidents", "shooting-4-march", "The shooting near Aghvorik on 4 March"),
        ],
        attendees=everyone,
    )
    at("2027-03-01T15:00")
    geta.talks.answer(ch, "ipm-1", True)
    at("2027-03-02T11:00")
    dag.talks.counter(
        ch,
        "ipm-1",
        start="2027-03-11T10:00:00+04:00",
        note="Our head of side is at a funeral on 9 March.",
    )
    at("2027-03-02T13:00")
    officer.talks.answer(ch, "ipm-1", True)
    at("2027-03-02T17:30")
    geta.talks.answer(ch, "ipm-1", True)

    # --- meeting 1 held -------------------------------------------------------------
    at("2027-03-11T09:30")
    dag.talks.raise_item(
        ch,
        "ipm-1",
        "detained-shepherd",
        "The detained shepherd",
        topic="civilians",
        text="Rashad Aliyev, a shepherd from Quzulu, detained by Getahovit on 6 March.",
    )
    at("2027-03-11T09:40")
    geta.talks.answer_item(ch, "ipm-1", "detained-shepherd", True)
    at("2027-03-11T09:45")
    geta.talks.raise_item(
        ch,
        "ipm-1",
        "heavy-weapons",
        "Withdrawal of heavy weapons",
        topic="conduct",
        text="Withdrawal of mortars five kilometres from the line.",
    )
    at("2027-03-11T09:55")
    dag.talks.answer_item(
        ch,
        "ipm-1",
        "heavy-weapons",
        False,
        "Weapons are a matter for the political talks, not for this Mechanism.",
    )
    at("2027-03-11T14:00")
    held_1 = head.talks.record_held(
        ch,
        "ipm-1",
        started="2027-03-11T10:15:00+04:00",
        ended="2027-03-11T13:40:00+04:00",
        venue=YERAZ,
        chair="Ingrid Holmqvist",
        attendees=everyone,
    ).entry_id

    items_1: list[dict[str, Any]] = [
        {
            "item": "hotline-setup",
            "summary": "Setting up the 24-hour hotline.",
            "outcome": "Agreed: each side staffs its end of the hotline around the clock from "
            "15 March.",
        },
        {
            "item": "shooting-4-march",
            "summary": "The shooting near Aghvorik on 4 March, in which a tractor was hit.",
            "positions": {
                "getahovit": "The shots came from Dağyurd positions above Quzulu.",
                "dagyurd": "Will investigate and report.",
            },
            "outcome": "Agreed: the Dağyurd side investigates and reports within ten days.",
        },
        {
            "item": "detained-shepherd",
            "summary": "The shepherd detained on 6 March, raised by the Dağyurd side.",
            "outcome": "Agreed: the Getahovit side releases the shepherd.",
        },
        {
            "item": "heavy-weapons",
            "summary": "Raised by the Getahovit side; declined by the Dağyurd side.",
            "outcome": "Not discussed.",
        },
    ]
    at("2027-03-11T18:00")
    officer.talks.draft_minutes(ch, "ipm-1", items_1, general="Chaired by Ingrid Holmqvist.")
    at("2027-03-12T09:00")
    geta.talks.sign_minutes(ch, "ipm-1", 1)
    at("2027-03-12T11:00")
    refusal_1, _ = dag.send(
        ch,
        to="rmm",
        priority="routine",
        topic="incidents",
        subject="Minutes of 11 March, version 1",
        text="We will not sign version 1: we did not accept that the tractor was hit by shots "
        "from our positions.",
    )
    at("2027-03-12T11:30")
    officer.mark_delivered(ch)
    head.acknowledge(ch, refusal_1.id, "Noted; a revised version follows.")
    at("2027-03-12T16:00")
    items_1[1]["summary"] = "The shooting near Aghvorik on 4 March."
    officer.talks.draft_minutes(ch, "ipm-1", items_1, general="Chaired by Ingrid Holmqvist.")
    at("2027-03-13T10:00")
    geta.talks.sign_minutes(ch, "ipm-1", 2)
    at("2027-03-13T12:00")
    dag.talks.sign_minutes(ch, "ipm-1", 2)
    at("2027-03-13T13:00")
    head.talks.sign_minutes(ch, "ipm-1", 2)

    at("2027-03-13T14:00")
    hotline_c = head.talks.add_commitment(
        ch,
        "hotline-staffing",
        owner="getahovit",
        meeting="ipm-1",
        agenda_item="hotline-setup",
        text="Staff the Getahovit end of the hotline around the clock from 15 March.",
        due="2027-03-15T08:00:00+04:00",
    ).entry_id
    head.talks.add_commitment(
        ch,
        "shooting-report",
        owner="dagyurd",
        meeting="ipm-1",
        agenda_item="shooting-4-march",
        text="Investigate the shooting near Aghvorik on 4 March and report to the RMM.",
        due="2027-03-21T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "shepherd-release",
        owner="getahovit",
        meeting="ipm-1",
        agenda_item="detained-shepherd",
        text="Release the shepherd Rashad Aliyev at the Yeraz crossing point.",
        due="2027-04-20T18:00:00+04:00",
    )

    # --- the first communiqué -------------------------------------------------------
    at("2027-03-14T10:00")
    officer.disclosures.draft_communique(ch, "communique-2027-03-11", COMMUNIQUE_1, "ipm-1")
    at("2027-03-14T15:00")
    geta.disclosures.sign_communique(ch, "communique-2027-03-11", 1)
    at("2027-03-15T09:00")
    dag.disclosures.sign_communique(ch, "communique-2027-03-11", 1)
    at("2027-03-15T11:00")
    head.disclosures.sign_communique(ch, "communique-2027-03-11", 1)

    # --- hotline test calls -----------------------------------------------------------
    at("2027-03-15T11:30")
    hotline_rep = geta.talks.report(
        ch, "hotline-staffing", "Hotline staffed around the clock since 08:00 on 15 March."
    ).entry_id
    at("2027-03-15T12:00")
    tests = {}
    for party in ("getahovit", "dagyurd"):
        tests[party], _ = officer.send(
            ch,
            to=party,
            priority="urgent",
            topic="hotline",
            subject="Hotline test call",
            text="This is a test call of the 24-hour hotline. Please acknowledge.",
        )
    at("2027-03-15T12:04")
    geta_line.mark_delivered(ch)
    geta_line.acknowledge(ch, tests["getahovit"].id, "Test call received.")
    at("2027-03-15T12:50")
    dag_line.mark_delivered(ch)
    at("2027-03-15T15:20")
    dag_line.acknowledge(ch, tests["dagyurd"].id, "Test call received.")
    at("2027-03-16T10:00")
    hotline_conf = dag.talks.confirm(
        ch, "hotline-staffing", "The Getahovit end answered our test call at night."
    ).entry_id

    # --- a real call: a drone over Quzulu ----------------------------------------------
    at("2027-03-18T02:10")
    drone, _ = dag_line.send(
        ch,
        to="getahovit",
        priority="flash",
        topic="incidents",
        subject="Drone over Quzulu",
        text="A drone from the Getahovit side is flying over Quzulu at low height. Bring it "
        "back at once.",
    )
    at("2027-03-18T02:13")
    geta_line.mark_delivered(ch)
    at("2027-03-18T02:16")
    geta_line.acknowledge(ch, drone.id, "Received; the drone is being recalled.")

    # --- meeting 2: direct, a joint visit to the pasture --------------------------------
    at("2027-03-18T11:00")
    geta.talks.propose(
        ch,
        "ipm-2",
        start="2027-03-24T10:00:00+04:00",
        venue=PASTURE,
        format="direct",
        agenda=[
            _item("incidents", "site-visit", "Joint visit to the shooting site"),
            _item("civilians", "straying-livestock", "Straying livestock"),
        ],
        attendees={
            "getahovit": ["Gevorg Manukyan", "Lusine Harutyunyan"],
            "dagyurd": ["Elchin Gurbanli", "Sabina Naghiyeva"],
        },
    )
    at("2027-03-19T10:00")
    dag.talks.answer(ch, "ipm-2", True)

    # --- straying sheep, relayed through the RMM ---------------------------------------
    at("2027-03-20T07:30")
    sheep, _ = geta_line.send(
        ch,
        to="rmm",
        priority="routine",
        topic="civilians",
        subject="Sheep strayed across the line",
        text="Forty-two sheep from Aghvorik strayed across the line near Quzulu this morning. "
        "Please ask the Dağyurd side to let the owner collect them.",
    )
    at("2027-03-20T08:15")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, sheep.id, "Received; passing it on.")
    relayed, _ = officer.send(
        ch,
        to="dagyurd",
        priority="routine",
        relay_of=sheep.id,
        subject="Relayed: sheep strayed across the line",
        text="Relayed from the Getahovit side: forty-two sheep from Aghvorik strayed across "
        "the line near Quzulu.",
    )
    at("2027-03-20T13:00")
    dag_line.mark_delivered(ch)
    dag_line.acknowledge(ch, relayed.id, "Received; the sheep are held in Quzulu.")

    # --- the shooting report, late and disputed --------------------------------------
    at("2027-03-23T16:00")
    dag.talks.report(
        ch, "shooting-report", "Report sent to the RMM: no shots were fired from our positions."
    )

    # --- meeting 2 held at the pasture ----------------------------------------------
    at("2027-03-24T09:00")
    dag.talks.propose_item(ch, "ipm-2", "grazing-schedule", "civilians", "A grazing schedule")
    at("2027-03-24T09:20")
    geta.talks.answer_item(ch, "ipm-2", "grazing-schedule", True)
    at("2027-03-24T13:00")
    officer.talks.record_held(
        ch,
        "ipm-2",
        started="2027-03-24T10:10:00+04:00",
        ended="2027-03-24T11:50:00+04:00",
        attendees={
            "getahovit": ["Gevorg Manukyan", "Lusine Harutyunyan"],
            "dagyurd": ["Elchin Gurbanli", "Sabina Naghiyeva"],
        },
    )
    at("2027-03-24T17:00")
    officer.talks.draft_minutes(
        ch,
        "ipm-2",
        [
            {
                "item": "site-visit",
                "summary": "Joint visit to the shooting site.",
                "outcome": "Both sides saw the tractor and found eleven bullet holes.",
            },
            {
                "item": "straying-livestock",
                "summary": "Straying livestock.",
                "outcome": "Agreed: the forty-two sheep held in Quzulu go back to Aghvorik.",
            },
            {
                "item": "grazing-schedule",
                "summary": "A grazing schedule, proposed by the Dağyurd side.",
                "outcome": "Agreed: the Dağyurd side shares a grazing schedule for the shared "
                "pasture.",
            },
        ],
    )
    at("2027-03-25T09:00")
    dag.talks.sign_minutes(ch, "ipm-2", 1)
    at("2027-03-25T10:30")
    geta.talks.sign_minutes(ch, "ipm-2", 1)

    at("2027-03-25T12:00")
    head.talks.add_commitment(
        ch,
        "grazing-schedule",
        owner="dagyurd",
        meeting="ipm-2",
        agenda_item="grazing-schedule",
        text="Share a grazing schedule for the pasture between Aghvorik and Quzulu.",
        due="2027-04-01T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "drone-notice",
        owner="getahovit",
        meeting="ipm-2",
        agenda_item="site-visit",
        text="Notify the RMM of every drone flight within two kilometres of the line 24 hours "
        "in advance, starting from 1 April.",
        due="2027-04-01T09:00:00+04:00",
    )
    at("2027-03-26T11:00")
    shooting_disp = geta.talks.dispute(
        ch,
        "shooting-report",
        "The report does not explain the eleven bullet holes found on 24 March.",
    ).entry_id

    # --- the mandate extension, signed by Dağyurd only --------------------------------
    at("2027-03-29T10:00")
    head.talks.extend_mandate(
        ch,
        "demining",
        "Demining near the line",
        "Asked by the Dağyurd side after a cow was killed by a mine.",
    )
    at("2027-03-30T09:00")
    dag.talks.sign_extension(ch, "demining")

    at("2027-03-31T15:00")
    dag.talks.report(ch, "grazing-schedule", "Schedule handed to the RMM: mornings for Quzulu.")

    # --- the first session and the hotline opened to the public --------------------------
    at("2027-04-01T12:00")
    head.disclosures.propose(
        ch,
        "open-first-session",
        [held_1, hotline_c, hotline_rep, hotline_conf],
        "public",
        "The public must know that the hotline works.",
    )
    at("2027-04-02T10:00")
    geta.disclosures.sign(ch, "open-first-session")
    at("2027-04-02T16:00")
    dag.disclosures.sign(ch, "open-first-session")

    at("2027-04-03T10:00")
    geta.disclosures.propose(
        ch,
        "open-shooting-dispute",
        [shooting_disp],
        "public",
        "Our farmers must know that the shooting report is incomplete.",
    )

    # --- an urgent call never acknowledged --------------------------------------------
    at("2027-04-05T22:40")
    geta_line.send(
        ch,
        to="dagyurd",
        priority="urgent",
        topic="incidents",
        subject="Shots near Aghvorik",
        text="Automatic fire is heard from the hill above Aghvorik. Stop it and tell us who "
        "is firing.",
    )
    at("2027-04-05T22:55")
    dag_line.mark_delivered(ch)

    # --- meeting 3: agreed in Berdak --------------------------------------------------
    at("2027-04-06T10:00")
    head.talks.propose(
        ch,
        "ipm-3",
        start="2027-04-13T10:00:00+04:00",
        venue=BERDAK,
        format="chaired",
        agenda=[
            _item("incidents", "incident-review", "Review of incidents since 24 March"),
            _item("civilians", "shepherd-handover", "Handover of the detained shepherd"),
        ],
        attendees={
            "rmm": ["Tomasz Wierzbicki"],
            "getahovit": ["Gevorg Manukyan", "Lusine Harutyunyan"],
            "dagyurd": ["Elchin Gurbanli", "Sabina Naghiyeva"],
        },
    )
    at("2027-04-06T14:00")
    dag.talks.answer(ch, "ipm-3", True)
    at("2027-04-07T09:00")
    geta.talks.answer(ch, "ipm-3", True)

    at("2027-04-12T17:00")
    move = {}
    for party in ("getahovit", "dagyurd"):
        move[party], _ = head.send(
            ch,
            to=party,
            priority="urgent",
            topic="incidents",
            subject="Meeting of 13 April moved to Zarnekh",
            text="The road to Berdak is flooded. The meeting of 13 April takes place at the "
            "town hall in Zarnekh, at 11:00.",
        )
    at("2027-04-12T17:10")
    geta_line.mark_delivered(ch)
    geta.acknowledge(ch, move["getahovit"].id, "Received; we will come to Zarnekh.")
    at("2027-04-12T17:40")
    dag_line.mark_delivered(ch)
    dag.acknowledge(ch, move["dagyurd"].id, "Received.")

    # --- meeting 3 held in Zarnekh ------------------------------------------------------
    at("2027-04-13T09:00")
    geta.talks.propose_item(
        ch, "ipm-3", "rules-of-conduct", "conduct", "Rules of conduct near the line"
    )
    at("2027-04-13T09:15")
    dag.talks.answer_item(ch, "ipm-3", "rules-of-conduct", True)
    at("2027-04-13T09:30")
    dag.talks.propose_item(ch, "ipm-3", "joint-patrols", "conduct", "Joint patrols of the line")
    at("2027-04-13T10:00")
    geta.talks.answer_item(
        ch,
        "ipm-3",
        "joint-patrols",
        False,
        "Joint patrols need a decision of our defence ministry first.",
    )
    at("2027-04-13T16:00")
    officer.talks.record_held(
        ch,
        "ipm-3",
        started="2027-04-13T11:20:00+04:00",
        ended="2027-04-13T14:05:00+04:00",
        venue=ZARNEKH,
        chair="Tomasz Wierzbicki",
        attendees={
            "rmm": ["Tomasz Wierzbicki"],
            "getahovit": ["Gevorg Manukyan", "Lusine Harutyunyan"],
            "dagyurd": ["Elchin Gurbanli"],
        },
        note="Moved from Berdak to Zarnekh: the Berdak road was flooded.",
    )
    at("2027-04-13T18:00")
    officer.talks.draft_minutes(
        ch,
        "ipm-3",
        [
            {
                "item": "incident-review",
                "summary": "Review of incidents since 24 March.",
                "outcome": "Three incidents reviewed: the shots of 5 April, a drone on 8 April "
                "and a cow killed by a mine on 27 March.",
            },
            {
                "item": "shepherd-handover",
                "summary": "Handover of the detained shepherd.",
                "outcome": "Agreed: the shepherd is released at the Yeraz crossing point on "
                "20 April.",
            },
            {
                "item": "rules-of-conduct",
                "summary": "Rules of conduct near the line, proposed by the Getahovit side.",
                "outcome": "Agreed: no firing within one kilometre of villages, no drones "
                "without notice, shepherds are not detained but handed to the RMM.",
            },
            {
                "item": "joint-patrols",
                "summary": "Joint patrols, proposed by the Dağyurd side.",
                "outcome": "Declined by the Getahovit side.",
            },
        ],
        general="Chaired by Tomasz Wierzbicki.",
    )
    at("2027-04-14T09:00")
    geta.talks.sign_minutes(ch, "ipm-3", 1)
    at("2027-04-14T10:00")
    dag.talks.sign_minutes(ch, "ipm-3", 1)
    at("2027-04-14T11:00")
    head.talks.sign_minutes(ch, "ipm-3", 1)

    at("2027-04-14T12:00")
    head.talks.add_commitment(
        ch,
        "sheep-return",
        owner="dagyurd",
        meeting="ipm-2",
        agenda_item="straying-livestock",
        text="Return the forty-two sheep held in Quzulu to their owner in Aghvorik.",
        due="2027-04-16T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "rules-briefing",
        owner="dagyurd",
        meeting="ipm-3",
        agenda_item="rules-of-conduct",
        text="Brief every unit within five kilometres of the line on the rules of conduct.",
        due="2027-05-10T18:00:00+04:00",
    )

    # --- a second communiqué, never signed by Dağyurd ------------------------------------
    at("2027-04-14T15:00")
    officer.disclosures.draft_communique(ch, "communique-2027-04-13", COMMUNIQUE_2, "ipm-3")
    at("2027-04-14T17:00")
    head.disclosures.sign_communique(ch, "communique-2027-04-13", 1)
    at("2027-04-15T10:00")
    geta.disclosures.sign_communique(ch, "communique-2027-04-13", 1)

    at("2027-04-16T14:00")
    dag.talks.report(ch, "sheep-return", "Forty sheep returned at Quzulu; two had died.")

    # --- meeting 4: the release at Yeraz ----------------------------------------------
    at("2027-04-16T15:00")
    head.talks.propose(
        ch,
        "ipm-4",
        start="2027-04-20T09:00:00+04:00",
        venue=YERAZ,
        format="chaired",
        agenda=[_item("civilians", "shepherd-release", "Release of the shepherd")],
        attendees={
            "rmm": ["Ingrid Holmqvist", "Tomasz Wierzbicki"],
            "getahovit": ["Lusine Harutyunyan"],
            "dagyurd": ["Sabina Naghiyeva"],
        },
    )
    at("2027-04-16T17:00")
    geta.talks.answer(ch, "ipm-4", True)
    at("2027-04-17T10:00")
    dag.talks.answer(ch, "ipm-4", True)
    at("2027-04-20T12:00")
    head.talks.record_held(
        ch,
        "ipm-4",
        started="2027-04-20T09:10:00+04:00",
        ended="2027-04-20T10:25:00+04:00",
        chair="Ingrid Holmqvist",
        attendees={
            "rmm": ["Ingrid Holmqvist", "Tomasz Wierzbicki"],
            "getahovit": ["Lusine Harutyunyan"],
            "dagyurd": ["Sabina Naghiyeva"],
        },
    )
    at("2027-04-20T13:00")
    geta.talks.report(
        ch, "shepherd-release", "Rashad Aliyev handed over at the Yeraz crossing point at 09:40."
    )
    at("2027-04-20T16:00")
    dag.talks.confirm(ch, "shepherd-release", "Rashad Aliyev is home in Quzulu.")

    # --- the next meeting, agreed and opened ------------------------------------------
    at("2027-04-21T10:00")
    next_id, _ = head.talks.propose(
        ch,
        "ipm-5",
        start="2027-05-13T10:00:00+04:00",
        venue=YERAZ,
        format="chaired",
        agenda=[_item("incidents"), _item("conduct"), _item("hotline")],
        attendees={
            "rmm": ["Ingrid Holmqvist"],
            "getahovit": ["Gevorg Manukyan"],
            "dagyurd": ["Elchin Gurbanli"],
        },
    )
    at("2027-04-21T15:00")
    next_g = geta.talks.answer(ch, "ipm-5", True).entry_id
    at("2027-04-22T09:00")
    next_d = dag.talks.answer(ch, "ipm-5", True).entry_id
    at("2027-04-22T11:00")
    head.disclosures.propose(
        ch,
        "open-next-meeting",
        [next_id, next_g, next_d],
        "public",
        "The date and place of the next meeting are to be public.",
    )
    at("2027-04-22T15:00")
    geta.disclosures.sign(ch, "open-next-meeting")
    at("2027-04-23T10:00")
    dag.disclosures.sign(ch, "open-next-meeting")
    at("2027-04-23T12:00")
