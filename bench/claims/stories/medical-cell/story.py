"""A cross-line medical referral and evacuation cell (held-out story; fiction).

The Humanitarian Medical Liaison Office (HMLO, the mediator) runs the Cross-Line Medical
Referral Cell between the Hayrenadzor and Sarıqaya sides from late February to early May
2032: lists of patients, referral requests, ambulance handovers at the Kanachdzor crossing
point, an urgent case between meetings, insulin through the crossing. Every place, side
and person is invented. Local time is UTC+4.

- Meeting 1 (med-1): Wed 3 Mar, 10:00, HMLO office in Brenntal; held 10:15-13:40, chaired
  by Beatriz Alcántara. Blood-bank exchange raised by Sarıqaya, ruled outside the mandate
  by the HMLO. Minutes v1 signed by all. Commitments: first list of 14 patients
  (Hayrenadzor, 10 Mar; reported, confirmed), beds at Sünbüllü (Sarıqaya, 15 Mar;
  reported, disputed). Communiqué 1 (en, ru, hy, az): published.
- List message (9 Mar, urgent): acknowledged more than six hours later.
- Patient no. 9 died on 17 Mar before transfer (Hayrenadzor -> HMLO, 18 Mar).
- First handover, Sat 20 Mar, Kanachdzor, 11:10: 12 patients; ambulance 03 stopped
  (driver's permit expired).
- Urgent case (24-25 Mar): a boy of five from Yuxarı Kəndçay (Sarıqaya side), flash to the
  HMLO (acknowledged in 6 min), relayed to Hayrenadzor (acknowledged after 45 min); crossed
  at 07:40 on 25 Mar, operated at Aravan Medical Centre.
- Meeting 2 (med-2): proposed for Thu 1 Apr, 10:00, Aravan Medical Centre; moved online
  by Sarıqaya; held 10:05-12:50 online, chaired by Beatriz Alcántara. Detainee visits
  raised by Hayrenadzor, declined by Sarıqaya. Urgent-case procedure proposed by
  Hayrenadzor, accepted. Minutes v1 (2,000 vials) signed by HMLO and Sarıqaya; Hayrenadzor
  objects; v2 (3,000 vials) signed by all. Commitments: crew permits (Hayrenadzor, 8 Apr;
  reported, disputed), insulin truck (Sarıqaya, 10 Apr; reported, confirmed), second list
  (Hayrenadzor, 12 Apr; never reported: overdue). Communiqué 2 (en, az): signed by the
  HMLO and Sarıqaya only, never published.
- Insulin truck through Kanachdzor, 8 Apr. Sarıqaya referral request of 12 Apr (dialysis
  patient): delivered, never acknowledged. Sarıqaya's unilateral statement (az, 14 Apr).
- Meeting 3 (med-3): direct, proposed by Hayrenadzor for Thu 22 Apr 11:00 at the
  Kanachdzor crossing point; moved to 14:00 by Sarıqaya; held 14:10-15:55, chaired by
  Levon Ghukasyan, HMLO as observer (Pieter Vandermeulen), heads absent; minutes v1
  signed by both parties (the mediator does not sign a direct meeting's). Commitments:
  second list of nine (Hayrenadzor, 26 Apr; reported, confirmed), twice-weekly handovers
  (Sarıqaya, 4 May; reported, confirmed). Communiqué 3 (en, ru, hy, az): published.
- Disclosures: the urgent case (relay + surgery message + meeting 2 held): public. The
  death of patient no. 9 and the report of 20 Mar: proposed by Hayrenadzor, never signed
  by Sarıqaya.
- Next: med-4 Thu 20 May 10:00, Brenntal, proposed by the HMLO, agreed by both. A visit
  to Sünbüllü Regional Hospital (med-visit, Tue 11 May) proposed by Sarıqaya: no answer.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "cross-line-medical-cell"
START = datetime(2032, 2, 23, 5, 0, tzinfo=UTC)  # Monday 23 February 2032, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    (
        "hmlo-head",
        "hmlo",
        "head",
        "Beatriz Alcántara",
        "Head of the Humanitarian Medical Liaison Office",
    ),
    ("hmlo-officer", "hmlo", "member", "Pieter Vandermeulen", "Medical liaison officer, HMLO"),
    (
        "hay-head",
        "hayrenadzor",
        "head",
        "Anahit Sargsyan",
        "Deputy Minister of Health, head of the Hayrenadzor delegation",
    ),
    (
        "hay-amb",
        "hayrenadzor",
        "member",
        "Levon Ghukasyan",
        "Director of the Hayrenadzor emergency ambulance service",
    ),
    ("sar-head", "sariqaya", "head", "Elnur Həsənov", "Head of the Sarıqaya delegation"),
    (
        "sar-ref",
        "sariqaya",
        "member",
        "Günay Mustafayeva",
        "Head of referrals, Sünbüllü Regional Hospital",
    ),
]

SIDES = {
    "hmlo": ("Humanitarian Medical Liaison Office", "mediator"),
    "hayrenadzor": ("Hayrenadzor side", "party"),
    "sariqaya": ("Sarıqaya side", "party"),
}

MANDATE = [
    {"id": "lists", "title": "Lists of patients for treatment across the line"},
    {"id": "referrals", "title": "Referral requests and urgent medical cases"},
    {"id": "transfers", "title": "Ambulance handovers at the Kanachdzor crossing point"},
    {"id": "medicines", "title": "Shipments of medicines and medical supplies"},
]

GLOSSARY = [
    {
        "id": "hmlo",
        "kind": "side",
        "names": {
            "en": "Humanitarian Medical Liaison Office",
            "ru": "Гуманитарное бюро медицинской связи",
            "hy": "Բժշկական կապի մարդասիրական գրասենյակ",
            "az": "Humanitar Tibbi Əlaqə Ofisi",
        },
    },
    {
        "id": "hayrenadzor",
        "kind": "side",
        "names": {"en": "Hayrenadzor", "ru": "Айренадзор", "hy": "Հայրենաձոր", "az": "Hayrenadzor"},
    },
    {
        "id": "sariqaya",
        "kind": "side",
        "names": {"en": "Sarıqaya", "ru": "Сарыгая", "hy": "Սարըղայա", "az": "Sarıqaya"},
    },
    {
        "id": "brenntal",
        "kind": "place",
        "names": {"en": "Brenntal", "ru": "Бреннталь", "hy": "Բրենթալ", "az": "Brenntal"},
    },
    {
        "id": "kanachdzor",
        "kind": "place",
        "names": {
            "en": "Kanachdzor crossing point",
            "ru": "КПП Каначдзор",
            "hy": "Կանաչձորի անցակետ",
            "az": "Kanaçdzor keçid məntəqəsi",
        },
    },
    {
        "id": "aravan",
        "kind": "place",
        "names": {
            "en": "Aravan Medical Centre",
            "ru": "Араванский медицинский центр",
            "hy": "Առավանի բժշկական կենտրոն",
            "az": "Aravan Tibb Mərkəzi",
        },
        "note": "Hospital in the town of Aravan, Hayrenadzor side.",
    },
    {
        "id": "sunbullu",
        "kind": "place",
        "names": {
            "en": "Sünbüllü Regional Hospital",
            "ru": "Сюнбюллинская региональная больница",
            "hy": "Սյունբյուլլուի տարածքային հիվանդանոց",
            "az": "Sünbüllü Regional Xəstəxanası",
        },
        "note": "Hospital in the town of Sünbüllü, Sarıqaya side.",
    },
    {
        "id": "kendcay",
        "kind": "place",
        "names": {
            "en": "Yuxarı Kəndçay",
            "ru": "Юхары Кяндчай",
            "hy": "Յուխարի Քյանդչայ",
            "az": "Yuxarı Kəndçay",
        },
        "note": "Village on the Sarıqaya side.",
    },
]

BRENNTAL = "HMLO office, Brenntal"
ARAVAN = "Aravan Medical Centre, conference hall"
ONLINE = "Videoconference (online), hosted by the HMLO"
KANACHDZOR = "Kanachdzor crossing point, HMLO tent"
SUNBULLU = "Sünbüllü Regional Hospital"

COMMUNIQUE_1 = {
    "en": "On 3 March 2032 the Cross-Line Medical Referral Cell held its first meeting at the "
    "office of the Humanitarian Medical Liaison Office in Brenntal. The Hayrenadzor side will "
    "submit a list of fourteen patients for treatment at Sünbüllü Regional Hospital. Patients "
    "will be handed over between ambulances at the Kanachdzor crossing point in the presence "
    "of an HMLO officer. The first handover is planned for 20 March.",
    "ru": "3 марта 2032 года Межлинейная группа по медицинским направлениям провела первое "
    "заседание в офисе Гуманитарного бюро медицинской связи в Бреннтале. Сторона Айренадзора "
    "представит список из четырнадцати пациентов для лечения в Сюнбюллинской региональной "
    "больнице. Пациентов будут передавать из машины в машину на КПП Каначдзор в присутствии "
    "сотрудника бюро. Первая передача запланирована на 20 марта.",
    "hy": "2032 թվականի մարտի 3-ին Բրենթալում՝ Բժշկական կապի մարդասիրական գրասենյակում, "
    "Բժշկական ուղեգրումների միջգծային խումբն անցկացրեց իր առաջին նիստը։ Հայրենաձորի կողմը "
    "կներկայացնի տասնչորս հիվանդների ցուցակ՝ Սյունբյուլլուի տարածքային հիվանդանոցում "
    "բուժվելու համար։ Հիվանդներին կփոխանցեն շտապօգնության մեքենաների միջև Կանաչձորի "
    "անցակետում՝ գրասենյակի աշխատակցի ներկայությամբ։ Առաջին փոխանցումը նախատեսված է մարտի "
    "20-ին։",
    "az": "2032-ci il martın 3-də Xətlərarası Tibbi Göndərişlər Qrupu ilk iclasını Brenntalda, "
    "Humanitar Tibbi Əlaqə Ofisində keçirib. Hayrenadzor tərəfi Sünbüllü Regional "
    "Xəstəxanasında müalicə üçün on dörd xəstənin siyahısını təqdim edəcək. Xəstələr Kanaçdzor "
    "keçid məntəqəsində ofis əməkdaşının iştirakı ilə təcili yardım maşınları arasında təhvil "
    "veriləcək. İlk təhvil martın 20-nə planlaşdırılıb.",
}

COMMUNIQUE_2 = {
    "en": "On 1 April 2032 the Cross-Line Medical Referral Cell met by videoconference. The "
    "Sarıqaya side will let a truck of the Humanitarian Medical Liaison Office carrying "
    "insulin and medicines pass the Kanachdzor crossing point by 10 April. The sides agreed "
    "on a procedure for urgent cases between meetings.",
    "az": "2032-ci il aprelin 1-də Xətlərarası Tibbi Göndərişlər Qrupu videokonfrans "
    "formatında toplaşıb. Sarıqaya tərəfi Humanitar Tibbi Əlaqə Ofisinin insulin və dərman "
    "daşıyan yük maşınının aprelin 10-dək Kanaçdzor keçid məntəqəsindən keçməsinə icazə "
    "verəcək. Tərəflər iclaslar arasında təcili hallar üçün prosedur barədə razılığa gəliblər.",
}

COMMUNIQUE_3 = {
    "en": "On 22 April 2032 representatives of the medical services of both sides met at the "
    "Kanachdzor crossing point, with the Humanitarian Medical Liaison Office as observer. From "
    "4 May patients will be handed over at the crossing every Tuesday and Friday at 10:00. "
    "On 8 April a shipment of 3,000 vials of insulin and 300 kilograms of medicines reached "
    "Aravan Medical Centre through the crossing.",
    "ru": "22 апреля 2032 года представители медицинских служб обеих сторон встретились на "
    "КПП Каначдзор; Гуманитарное бюро медицинской связи присутствовало в качестве "
    "наблюдателя. С 4 мая пациентов будут передавать на КПП каждый вторник и пятницу в 10:00. "
    "8 апреля через КПП в Араванский медицинский центр поступили 3000 флаконов инсулина и "
    "300 килограммов лекарств.",
    "hy": "2032 թվականի ապրիլի 22-ին երկու կողմերի բժշկական ծառայությունների ներկայացուցիչները "
    "հանդիպեցին Կանաչձորի անցակետում, Բժշկական կապի մարդասիրական գրասենյակը ներկա էր որպես "
    "դիտորդ։ Մայիսի 4-ից հիվանդներին անցակետում կփոխանցեն ամեն երեքշաբթի և ուրբաթ ժամը "
    "10:00-ին։ Ապրիլի 8-ին անցակետով Առավանի բժշկական կենտրոն հասավ 3000 սրվակ ինսուլին և "
    "300 կիլոգրամ դեղորայք։",
    "az": "2032-ci il aprelin 22-də hər iki tərəfin tibb xidmətlərinin nümayəndələri Kanaçdzor "
    "keçid məntəqəsində görüşüblər, Humanitar Tibbi Əlaqə Ofisi müşahidəçi qismində iştirak "
    "edib. Mayın 4-dən xəstələr keçiddə hər çərşənbə axşamı və cümə günü saat 10:00-da təhvil "
    "veriləcək. Aprelin 8-də keçid vasitəsilə Aravan Tibb Mərkəzinə 3000 flakon insulin və "
    "300 kiloqram dərman çatdırılıb.",
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
        "title": "Cross-Line Medical Referral Cell: Hayrenadzor and Sarıqaya",
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

    head, officer = member("hmlo-head"), member("hmlo-officer")
    hay, hay_amb = member("hay-head"), member("hay-amb")
    sar, sar_ref = member("sar-head"), member("sar-ref")
    everyone = {
        "hmlo": ["Beatriz Alcántara", "Pieter Vandermeulen"],
        "hayrenadzor": ["Anahit Sargsyan", "Levon Ghukasyan"],
        "sariqaya": ["Elnur Həsənov", "Günay Mustafayeva"],
    }

    # --- meeting 1: Brenntal, 3 March ----------------------------------------------------
    at("2032-02-23T11:00")
    head.talks.propose(
        ch,
        "med-1",
        start="2032-03-03T10:00:00+04:00",
        venue=BRENNTAL,
        format="chaired",
        agenda=[
            _item("lists", "patient-lists", "Lists of patients for treatment across the line"),
            _item("referrals", "referral-procedure", "How referral requests are sent and answered"),
            _item("transfers", "handovers", "Ambulance handovers at the Kanachdzor crossing point"),
        ],
        attendees=everyone,
    )
    at("2032-02-24T10:30")
    hay.talks.answer(ch, "med-1", True)
    at("2032-02-25T15:00")
    sar.talks.answer(ch, "med-1", True)

    at("2032-03-03T10:50")
    sar.talks.raise_item(
        ch,
        "med-1",
        "blood-bank",
        "Exchange of blood and plasma between blood banks",
        text="Sarıqaya asks that the blood banks of Sünbüllü and Aravan exchange blood and "
        "plasma of rare groups.",
    )
    at("2032-03-03T11:05")
    head.talks.answer_item(
        ch,
        "med-1",
        "blood-bank",
        False,
        "An exchange between blood banks is outside the mandate of the cell.",
    )
    at("2032-03-03T14:30")
    head.talks.record_held(
        ch,
        "med-1",
        started="2032-03-03T10:15:00+04:00",
        ended="2032-03-03T13:40:00+04:00",
        chair="Beatriz Alcántara",
        attendees=everyone,
    )
    at("2032-03-03T19:00")
    officer.talks.draft_minutes(
        ch,
        "med-1",
        [
            {
                "item": "patient-lists",
                "summary": "Lists of patients for treatment across the line.",
                "outcome": "Agreed: the Hayrenadzor side submits a list of 14 patients (dialysis "
                "and oncology) with their medical files for treatment at Sünbüllü Regional "
                "Hospital by 10 March; the Sarıqaya side confirms a bed for each of them by "
                "15 March.",
            },
            {
                "item": "referral-procedure",
                "summary": "How referral requests are sent and answered.",
                "outcome": "Agreed: a referral request is sent through the channel as an urgent "
                "message and acknowledged within one hour; an emergency is sent as a flash "
                "message and acknowledged within fifteen minutes.",
            },
            {
                "item": "handovers",
                "summary": "Ambulance handovers at the Kanachdzor crossing point.",
                "positions": {
                    "hayrenadzor": "Our ambulances should drive the patients to the hospital.",
                    "sariqaya": "Patients change ambulances at the line; no ambulance crosses.",
                },
                "outcome": "Agreed: patients are handed over between ambulances at the "
                "Kanachdzor crossing point in the presence of an HMLO officer; the first "
                "handover is on Saturday 20 March at 11:00.",
            },
            {
                "item": "blood-bank",
                "summary": "Raised by the Sarıqaya side; ruled outside the mandate by the HMLO.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Beatriz Alcántara.",
    )
    at("2032-03-04T09:30")
    sar.talks.sign_minutes(ch, "med-1", 1)
    at("2032-03-04T11:00")
    hay.talks.sign_minutes(ch, "med-1", 1)
    at("2032-03-04T12:00")
    head.talks.sign_minutes(ch, "med-1", 1)

    at("2032-03-04T15:00")
    head.talks.add_commitment(
        ch,
        "first-list",
        owner="hayrenadzor",
        meeting="med-1",
        agenda_item="patient-lists",
        text="Submit the list of 14 patients with their medical files.",
        due="2032-03-10T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "beds",
        owner="sariqaya",
        meeting="med-1",
        agenda_item="patient-lists",
        text="Confirm a bed at Sünbüllü Regional Hospital for each patient on the first list.",
        due="2032-03-15T18:00:00+04:00",
    )

    # --- communiqué 1 --------------------------------------------------------------------
    at("2032-03-05T10:00")
    officer.disclosures.draft_communique(ch, "communique-2032-03-03", COMMUNIQUE_1, "med-1")
    at("2032-03-05T12:00")
    head.disclosures.sign_communique(ch, "communique-2032-03-03", 1)
    at("2032-03-05T16:00")
    sar.disclosures.sign_communique(ch, "communique-2032-03-03", 1)
    at("2032-03-06T10:00")
    hay.disclosures.sign_communique(ch, "communique-2032-03-03", 1)

    # --- the first list, acknowledged late -----------------------------------------------
    at("2032-03-09T16:00")
    first_list, _ = hay_amb.send(
        ch,
        to="sariqaya",
        priority="urgent",
        topic="lists",
        subject="First list of patients",
        text="The list of 14 patients for Sünbüllü Regional Hospital (nine on dialysis, five "
        "for oncology) and their medical files are attached.",
    )
    at("2032-03-09T16:30")
    sar_ref.mark_delivered(ch)
    at("2032-03-09T22:40")
    sar_ref.acknowledge(ch, first_list.id, "Received; the hospital is checking beds.")
    at("2032-03-09T23:00")
    hay.talks.report(ch, "first-list", "Sent on 9 March.", message=first_list.id)
    at("2032-03-10T11:00")
    sar.talks.confirm(ch, "first-list", "All 14 files received.")

    at("2032-03-15T17:00")
    sar.talks.report(
        ch, "beds", "Beds are confirmed for 13 of the 14 patients; dialysis places are full."
    )

    # --- meeting 2 proposed: Aravan, 1 April ------------------------------------------
    at("2032-03-15T18:00")
    head.talks.propose(
        ch,
        "med-2",
        start="2032-04-01T10:00:00+04:00",
        venue=ARAVAN,
        format="chaired",
        agenda=[
            _item("transfers", "crew-documents", "Documents of ambulance crews"),
            _item("medicines", "insulin", "A shipment of insulin and medicines"),
            _item("lists", "second-list", "A second list of patients"),
        ],
        attendees=everyone,
    )
    at("2032-03-16T09:00")
    hay.talks.dispute(
        ch,
        "beds",
        "Patient no. 9 on the list, on dialysis, was left without a bed.",
    )
    at("2032-03-16T10:00")
    hay.talks.answer(ch, "med-2", True)
    at("2032-03-17T11:00")
    sar.talks.counter(
        ch,
        "med-2",
        venue=ONLINE,
        note="Our delegation will not travel to Aravan while the dispute over the ambulance "
        "crews is open.",
    )

    # --- the death of patient no. 9 ----------------------------------------------------------
    at("2032-03-18T09:30")
    death, _ = hay.send(
        ch,
        to="hmlo",
        priority="routine",
        topic="lists",
        subject="Patient no. 9",
        text="Patient no. 9 on the first list, Grigor Avetisyan, 71, died at Aravan Medical "
        "Centre on the night of 17 March, waiting for a dialysis place. He will not be "
        "transferred.",
    )
    at("2032-03-18T10:00")
    officer.mark_delivered(ch)
    at("2032-03-18T10:15")
    officer.acknowledge(ch, death.id, "Received with sorrow; the Sarıqaya side is informed.")
    at("2032-03-18T12:00")
    head.talks.answer(ch, "med-2", True)
    at("2032-03-18T15:00")
    hay.talks.answer(ch, "med-2", True)

    # --- the first handover, Saturday 20 March ------------------------------------------------
    at("2032-03-20T14:00")
    handover = {}
    for party in ("hayrenadzor", "sariqaya"):
        handover[party], _ = officer.send(
            ch,
            to=party,
            priority="routine",
            topic="transfers",
            subject="Handover of 20 March at Kanachdzor",
            text="At 11:10 on 20 March twelve patients were handed over at the Kanachdzor "
            "crossing point from Hayrenadzor ambulances to Sarıqaya ambulances. The Sarıqaya "
            "post did not let ambulance 03 of the Hayrenadzor service approach the line: its "
            "driver's permit had expired on 15 March. Its patient was carried across on a "
            "stretcher.",
        )
    at("2032-03-20T15:00")
    hay_amb.mark_delivered(ch)
    hay_amb.acknowledge(ch, handover["hayrenadzor"].id, "Received; we contest the permit.")
    at("2032-03-20T16:30")
    sar_ref.mark_delivered(ch)
    sar_ref.acknowledge(ch, handover["sariqaya"].id, "Received.")

    # --- the urgent case: a boy of five, 24-25 March ------------------------------------------
    at("2032-03-24T22:10")
    boy, _ = sar_ref.send(
        ch,
        to="hmlo",
        priority="flash",
        topic="referrals",
        subject="Urgent: child for heart surgery",
        text="A boy of five from Yuxarı Kəndçay, R. M., has a congenital heart defect and needs "
        "surgery within 48 hours; Sünbüllü Regional Hospital cannot operate. We ask for his "
        "transfer to Aravan Medical Centre with his mother.",
    )
    at("2032-03-24T22:14")
    officer.mark_delivered(ch)
    at("2032-03-24T22:16")
    officer.acknowledge(ch, boy.id, "Received; relaying to the Hayrenadzor side now.")
    at("2032-03-24T22:20")
    relay, _ = officer.send(
        ch,
        to="hayrenadzor",
        priority="flash",
        topic="referrals",
        subject="Urgent: child for heart surgery (relayed)",
        text="The Sarıqaya side asks that a boy of five with a congenital heart defect be "
        "admitted to Aravan Medical Centre for surgery within 48 hours, with his mother.",
        relay_of=boy.id,
    )
    at("2032-03-24T22:50")
    hay_amb.mark_delivered(ch)
    at("2032-03-24T23:05")
    hay_amb.acknowledge(
        ch,
        relay.id,
        "Aravan Medical Centre accepts the boy; handover at Kanachdzor at 07:30 tomorrow.",
    )
    at("2032-03-25T18:00")
    surgery, _ = hay_amb.send(
        ch,
        to="hmlo",
        priority="routine",
        topic="referrals",
        subject="The boy from Yuxarı Kəndçay",
        text="The boy crossed at Kanachdzor at 07:40 with his mother. He was operated on at "
        "Aravan Medical Centre from 13:00 to 17:20; his condition is stable.",
    )
    at("2032-03-25T18:30")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, surgery.id, "Thank you; passed to the Sarıqaya side.")

    # --- meeting 2: online, 1 April --------------------------------------------------------------
    at("2032-04-01T09:40")
    hay.talks.propose_item(
        ch, "med-2", "urgent-cases", "referrals", "Procedure for urgent cases between meetings"
    )
    at("2032-04-01T09:55")
    sar.talks.answer_item(ch, "med-2", "urgent-cases", True)
    at("2032-04-01T10:30")
    hay.talks.raise_item(
        ch,
        "med-2",
        "detainee-visits",
        "Medical visits to detainees",
        text="Hayrenadzor asks that its doctors may visit detainees held by the Sarıqaya side.",
    )
    at("2032-04-01T10:40")
    sar.talks.answer_item(
        ch, "med-2", "detainee-visits", False, "Detention is not a matter for this cell."
    )
    at("2032-04-01T13:30")
    held_2 = head.talks.record_held(
        ch,
        "med-2",
        started="2032-04-01T10:05:00+04:00",
        ended="2032-04-01T12:50:00+04:00",
        chair="Beatriz Alcántara",
        attendees=everyone,
        note="Held online.",
    ).entry_id
    items_2: list[dict[str, Any]] = [
        {
            "item": "crew-documents",
            "summary": "Documents of ambulance crews at the Kanachdzor crossing point.",
            "positions": {
                "sariqaya": "The driver of ambulance 03 had a permit that expired on 15 March.",
                "hayrenadzor": "The permit was valid; the post applied a new rule without notice.",
            },
            "outcome": "The Hayrenadzor side gives the HMLO new permits with photographs for "
            "the crews of all four of its ambulances by 8 April; the HMLO passes them to the "
            "Sarıqaya side.",
        },
        {
            "item": "insulin",
            "summary": "A shipment of insulin and medicines for Aravan Medical Centre.",
            "outcome": "Agreed: the Sarıqaya side lets an HMLO truck carrying 2,000 vials of "
            "insulin and 300 kilograms of medicines pass the Kanachdzor crossing point by "
            "10 April.",
        },
        {
            "item": "second-list",
            "summary": "A second list of patients.",
            "outcome": "The Hayrenadzor side submits a second list of up to ten patients with "
            "their medical files by 12 April.",
        },
        {
            "item": "urgent-cases",
            "summary": "Procedure for urgent cases between meetings, proposed by the "
            "Hayrenadzor side.",
            "outcome": "Agreed: an urgent case is sent to the HMLO as a flash message and "
            "relayed at once; the receiving side answers within fifteen minutes. The HMLO "
            "noted that its relay of 24 March was acknowledged 45 minutes after it was sent.",
        },
        {
            "item": "detainee-visits",
            "summary": "Raised by the Hayrenadzor side; declined by the Sarıqaya side.",
            "outcome": "Not discussed.",
        },
    ]
    general_2 = "Held online; chaired by Beatriz Alcántara."
    at("2032-04-01T18:00")
    officer.talks.draft_minutes(ch, "med-2", items_2, general=general_2)
    at("2032-04-02T09:00")
    head.talks.sign_minutes(ch, "med-2", 1)
    at("2032-04-02T10:00")
    sar.talks.sign_minutes(ch, "med-2", 1)
    at("2032-04-02T11:30")
    fix, _ = hay.send(
        ch,
        to="hmlo",
        priority="routine",
        topic="medicines",
        subject="Minutes of 1 April: insulin",
        text="We agreed on 3,000 vials of insulin, not 2,000. We do not sign version 1.",
    )
    at("2032-04-02T12:00")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, fix.id, "Checked against the recording; corrected.")
    items_2[1]["outcome"] = (
        "Agreed: the Sarıqaya side lets an HMLO truck carrying 3,000 vials of insulin and "
        "300 kilograms of medicines pass the Kanachdzor crossing point by 10 April."
    )
    at("2032-04-02T14:00")
    officer.talks.draft_minutes(ch, "med-2", items_2, general=general_2)
    at("2032-04-02T16:00")
    hay.talks.sign_minutes(ch, "med-2", 2)
    at("2032-04-03T09:00")
    sar.talks.sign_minutes(ch, "med-2", 2)
    at("2032-04-03T10:00")
    head.talks.sign_minutes(ch, "med-2", 2)

    at("2032-04-03T11:00")
    head.talks.add_commitment(
        ch,
        "crew-permits",
        owner="hayrenadzor",
        meeting="med-2",
        agenda_item="crew-documents",
        text="Give the HMLO new permits with photographs for the crews of all four "
        "Hayrenadzor ambulances.",
        due="2032-04-08T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "insulin-truck",
        owner="sariqaya",
        meeting="med-2",
        agenda_item="insulin",
        text="Let the HMLO truck with 3,000 vials of insulin and 300 kilograms of medicines "
        "pass the Kanachdzor crossing point.",
        due="2032-04-10T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "second-list",
        owner="hayrenadzor",
        meeting="med-2",
        agenda_item="second-list",
        text="Submit a second list of up to ten patients with their medical files.",
        due="2032-04-12T18:00:00+04:00",
    )

    # --- communiqué 2: never signed by Hayrenadzor --------------------------------------------
    at("2032-04-03T14:00")
    officer.disclosures.draft_communique(ch, "communique-2032-04-01", COMMUNIQUE_2, "med-2")
    at("2032-04-03T16:00")
    head.disclosures.sign_communique(ch, "communique-2032-04-01", 1)
    at("2032-04-05T10:00")
    sar.disclosures.sign_communique(ch, "communique-2032-04-01", 1)

    # --- the insulin truck, 8 April ------------------------------------------------------------
    at("2032-04-08T13:00")
    truck, _ = officer.send(
        ch,
        to="hayrenadzor",
        priority="routine",
        topic="medicines",
        subject="Insulin delivered",
        text="The HMLO truck with 3,000 vials of insulin and 300 kilograms of medicines passed "
        "the Kanachdzor crossing point at 09:15 on 8 April and reached Aravan Medical Centre "
        "at 11:40.",
    )
    at("2032-04-08T14:00")
    hay_amb.mark_delivered(ch)
    hay_amb.acknowledge(ch, truck.id, "Received at the pharmacy of Aravan Medical Centre.")
    at("2032-04-08T15:00")
    sar.talks.report(ch, "insulin-truck", "The truck crossed at 09:15 on 8 April.")
    at("2032-04-08T17:30")
    hay.talks.report(
        ch, "crew-permits", "Permits for the four crews were handed to the HMLO on 8 April."
    )
    at("2032-04-09T10:00")
    hay.talks.confirm(ch, "insulin-truck", "All 3,000 vials arrived.")
    at("2032-04-09T12:00")
    sar.talks.dispute(
        ch, "crew-permits", "Two of the four permits have no photographs of the crew."
    )

    # --- a referral request never acknowledged ---------------------------------------------
    at("2032-04-12T09:00")
    sar_ref.send(
        ch,
        to="hayrenadzor",
        priority="urgent",
        topic="referrals",
        subject="Referral request: kidney transplant follow-up",
        text="We ask that a woman of 34 from Sünbüllü be seen at the transplant clinic of "
        "Aravan Medical Centre for a check after her kidney transplant.",
    )
    at("2032-04-12T09:20")
    hay_amb.mark_delivered(ch)

    # --- meeting 3: direct, proposed by Hayrenadzor -------------------------------------------
    at("2032-04-13T10:00")
    hay.talks.propose(
        ch,
        "med-3",
        start="2032-04-22T11:00:00+04:00",
        venue=KANACHDZOR,
        format="direct",
        agenda=[
            _item("lists", "second-list-review", "The second list of patients"),
            _item("transfers", "handover-schedule", "A regular schedule of handovers"),
        ],
        attendees={
            "hmlo": ["Pieter Vandermeulen"],
            "hayrenadzor": ["Levon Ghukasyan"],
            "sariqaya": ["Günay Mustafayeva"],
        },
    )
    at("2032-04-14T10:00")
    sar.disclosures.unilateral(
        ch,
        "Sarıqaya tərəfi bildirir ki, martın 20-də Kanaçdzor keçid məntəqəsində saxlanılan "
        "təcili yardım maşınının sürücüsünün icazəsinin müddəti martın 15-də bitmişdi.",
        "az",
        source="Press service of the Sarıqaya delegation, 14 April 2032",
    )
    at("2032-04-14T16:00")
    sar.talks.counter(
        ch, "med-3", start="2032-04-22T14:00:00+04:00", note="Our team is on shift until noon."
    )
    at("2032-04-15T09:00")
    hay.talks.answer(ch, "med-3", True)

    at("2032-04-22T16:30")
    officer.talks.record_held(
        ch,
        "med-3",
        started="2032-04-22T14:10:00+04:00",
        ended="2032-04-22T15:55:00+04:00",
        chair="Levon Ghukasyan",
        attendees={
            "hmlo": ["Pieter Vandermeulen"],
            "hayrenadzor": ["Levon Ghukasyan"],
            "sariqaya": ["Günay Mustafayeva"],
        },
        note="A direct meeting of the two medical services; the HMLO attended as observer.",
    )
    at("2032-04-22T19:00")
    officer.talks.draft_minutes(
        ch,
        "med-3",
        [
            {
                "item": "second-list-review",
                "summary": "The second list of patients, due on 12 April and not yet submitted.",
                "positions": {
                    "hayrenadzor": "Two families withdrew; the list is being redone.",
                    "sariqaya": "Sünbüllü Regional Hospital keeps nine beds free until May.",
                },
                "outcome": "The Hayrenadzor side submits a second list of nine patients by "
                "26 April.",
            },
            {
                "item": "handover-schedule",
                "summary": "A regular schedule of handovers at Kanachdzor.",
                "outcome": "Agreed: from 4 May patients are handed over at the Kanachdzor "
                "crossing point every Tuesday and Friday at 10:00; the Sarıqaya side keeps the "
                "crossing open for ambulances from 09:30 to 12:00 on those days.",
            },
        ],
        general="A direct meeting chaired by Levon Ghukasyan; the HMLO attended as observer.",
    )
    at("2032-04-23T09:00")
    hay.talks.sign_minutes(ch, "med-3", 1)
    at("2032-04-23T10:30")
    sar.talks.sign_minutes(ch, "med-3", 1)

    at("2032-04-23T13:00")
    head.talks.add_commitment(
        ch,
        "second-list-nine",
        owner="hayrenadzor",
        meeting="med-3",
        agenda_item="second-list-review",
        text="Submit the second list of nine patients with their medical files.",
        due="2032-04-26T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "crossing-hours",
        owner="sariqaya",
        meeting="med-3",
        agenda_item="handover-schedule",
        text="Keep the Kanachdzor crossing open for ambulances from 09:30 to 12:00 every "
        "Tuesday and Friday.",
        due="2032-05-04T10:00:00+04:00",
    )

    # --- communiqué 3 ------------------------------------------------------------------------
    at("2032-04-23T15:00")
    officer.disclosures.draft_communique(ch, "communique-2032-04-22", COMMUNIQUE_3, "med-3")
    at("2032-04-23T17:00")
    head.disclosures.sign_communique(ch, "communique-2032-04-22", 1)
    at("2032-04-24T10:00")
    hay.disclosures.sign_communique(ch, "communique-2032-04-22", 1)
    at("2032-04-25T11:00")
    sar.disclosures.sign_communique(ch, "communique-2032-04-22", 1)

    at("2032-04-26T16:00")
    hay.talks.report(ch, "second-list-nine", "The list of nine and their files sent on 26 April.")
    at("2032-04-27T10:00")
    sar.talks.confirm(ch, "second-list-nine", "Nine files received; beds confirmed.")

    # --- disclosures ----------------------------------------------------------------------------
    at("2032-04-27T12:00")
    head.disclosures.propose(
        ch,
        "open-urgent-case",
        [relay.id, surgery.id, held_2],
        "public",
        "Families on both sides should know that urgent cases can cross.",
    )
    at("2032-04-27T15:00")
    hay.disclosures.sign(ch, "open-urgent-case")
    at("2032-04-28T09:00")
    hay.disclosures.propose(
        ch,
        "open-death",
        [death.id, handover["hayrenadzor"].id],
        "public",
        "The public should know why patient no. 9 was never transferred.",
    )
    at("2032-04-28T11:00")
    sar.disclosures.sign(ch, "open-urgent-case")

    # --- next meetings: one agreed, one proposed only ---------------------------------------
    at("2032-04-29T10:00")
    head.talks.propose(
        ch,
        "med-4",
        start="2032-05-20T10:00:00+04:00",
        venue=BRENNTAL,
        format="chaired",
        agenda=[
            _item("lists", "third-list", "A third list of patients"),
            _item("transfers", "schedule-review", "Review of the handover schedule"),
        ],
        attendees=everyone,
    )
    at("2032-04-30T09:30")
    hay.talks.answer(ch, "med-4", True)
    at("2032-05-03T10:00")
    sar.talks.answer(ch, "med-4", True)
    at("2032-05-03T12:00")
    sar.talks.propose(
        ch,
        "med-visit",
        start="2032-05-11T11:00:00+04:00",
        venue=SUNBULLU,
        format="direct",
        agenda=[_item("lists", "ward-visit", "Visit of Hayrenadzor doctors to the dialysis ward")],
        attendees={"hayrenadzor": ["Levon Ghukasyan"], "sariqaya": ["Günay Mustafayeva"]},
    )
    at("2032-05-04T11:30")
    sar.talks.report(
        ch, "crossing-hours", "The crossing was open from 09:30 on 4 May; three patients crossed."
    )
    at("2032-05-05T10:00")
    hay.talks.confirm(ch, "crossing-hours", "Our ambulances passed on 4 May without delay.")
    at("2032-05-06T12:00")
