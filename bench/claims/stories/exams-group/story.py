"""A joint working group on education across the line (held-out story; fiction).

The Education Liaison Mission (ELM, the mediator) runs the Joint Working Group on
Education between the Aregnadem and Yaşılyurd sides from late April to early September
2033: candidates from the Yaşılyurd side crossing the Sosnovka checkpoint to sit entrance
exams at Tsovinar State University (Aregnadem side), recognition of school-leaving
certificates, exam-preparation textbooks held at the Yaşılyurd customs post, a school bus
route near the line with an ELM escort. Every place, side and person is invented. Local
time is UTC+4.

- Meeting 1 (eg-1): Tue 10 May, 10:00, ELM office in Palvere; held 10:20-13:55, chaired by
  Marta Kowalczyk. Teacher exchange raised by Aregnadem, ruled outside the mandate by the
  ELM. Minutes v1 signed by all. Commitments: list of candidates (Yaşılyurd, 20 May;
  reported, confirmed), note on certificates (Aregnadem, 27 May; reported, disputed).
  Communiqué 1 (en, ru, hy, az): published.
- Textbooks message (Aregnadem -> Yaşılyurd, urgent, 24 May): delivered, never acknowledged.
- Meeting 2 (eg-2): proposed for Thu 2 Jun, 10:00, Tsovinar State University; moved online
  by Yaşılyurd (checkpoint closed for repairs); held online 10:05-12:40, chaired by Marta
  Kowalczyk. Exam dates moved by the university from 5 and 7 July to 12 and 14 July.
  School bus route proposed by Aregnadem, declined (deferred) by Yaşılyurd. Minutes v1
  (textbooks by 14 June) signed by ELM and Yaşılyurd; Aregnadem objects; v2 (10 June)
  signed by all. Commitments: release of 2,400 textbooks (Yaşılyurd, 10 Jun; reported,
  disputed: 500 geography books held), entry passes (Aregnadem, 5 Jul; reported,
  confirmed). Communiqué 2 (en, ru): signed by ELM and Yaşılyurd only, never published.
- Aregnadem's unilateral statement (hy, 14 Jun).
- Meeting 3 (eg-3): Thu 23 Jun, Palvere, agreed, then cancelled by the ELM.
- Exam days: 12 Jul (41 of 43 crossed), a student detained on return at 18:40 and
  released at 23:10; flash to ELM acknowledged in 6 min; relay acknowledged after 80 min.
  14 Jul: 42 crossed.
- Meeting 4 (eg-4): direct, proposed by Yaşılyurd for Wed 27 Jul 11:00 at the Sosnovka
  checkpoint; moved to Thu 28 Jul by Aregnadem; held 11:15-13:05 without the ELM,
  chaired by Nərgiz Əlizadə; recorded and minuted by the ELM from the parties' joint
  notes (the SDK has no other way); minutes signed by both parties. Commitments: amended
  certificate note (Aregnadem, 10 Aug; never reported: overdue), enrolment list
  (Yaşılyurd, 15 Aug; reported, confirmed).
- Meeting 5 (eg-5): proposed by ELM for Thu 18 Aug, Palvere; moved to Fri 19 Aug by
  Yaşılyurd; held 10:10-12:30, chaired by Tomás Ferreira. Return of the 500 geography
  books raised by Aregnadem, declined by Yaşılyurd. Bus route agreed from 5 Sep with ELM
  escort. Commitments: bus timetable (Yaşılyurd, 29 Aug; reported, confirmed), posts
  informed (Aregnadem, 31 Aug; reported, confirmed). Communiqué 3 (en, ru, hy, az):
  published.
- Disclosures: the detention and release (flash, relay, release message): public. The
  textbook dispute: proposed by Aregnadem, never signed by Yaşılyurd.
- Next: eg-6 Thu 15 Sep 10:00 at Tsovinar State University, proposed by Aregnadem,
  accepted by the ELM, no answer from Yaşılyurd.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "joint-education-group"
START = datetime(2033, 4, 25, 5, 0, tzinfo=UTC)  # Monday 25 April 2033, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    ("elm-head", "elm", "head", "Marta Kowalczyk", "Head of the Education Liaison Mission"),
    (
        "elm-officer",
        "elm",
        "member",
        "Tomás Ferreira",
        "Liaison officer, Education Liaison Mission",
    ),
    (
        "are-head",
        "aregnadem",
        "head",
        "Siranush Melkonyan",
        "Deputy Minister of Education, head of the Aregnadem delegation",
    ),
    (
        "are-uni",
        "aregnadem",
        "member",
        "Vahagn Tadevosyan",
        "Vice-Rector of Tsovinar State University",
    ),
    ("yas-head", "yasilyurd", "head", "Fuad Nağıyev", "Head of the Yaşılyurd delegation"),
    (
        "yas-exam",
        "yasilyurd",
        "member",
        "Nərgiz Əlizadə",
        "Head of the school-leaving examinations office, Yaşılyurd side",
    ),
    (
        "yas-cust",
        "yasilyurd",
        "member",
        "Irina Vasilyeva",
        "Customs liaison officer, Yaşılyurd side",
    ),
]

SIDES = {
    "elm": ("Education Liaison Mission", "mediator"),
    "aregnadem": ("Aregnadem side", "party"),
    "yasilyurd": ("Yaşılyurd side", "party"),
}

MANDATE = [
    {
        "id": "exam-crossings",
        "title": "Crossing of candidates at the Sosnovka checkpoint for entrance exams",
    },
    {"id": "certificates", "title": "Recognition of school-leaving certificates"},
    {"id": "textbooks", "title": "Delivery of textbooks and school materials"},
    {"id": "school-transport", "title": "School transport near the line"},
]

GLOSSARY = [
    {
        "id": "elm",
        "kind": "side",
        "names": {
            "en": "Education Liaison Mission",
            "ru": "Миссия связи по вопросам образования",
            "hy": "Կրթական կապի առաքելություն",
            "az": "Təhsil üzrə Əlaqə Missiyası",
        },
    },
    {
        "id": "aregnadem",
        "kind": "side",
        "names": {"en": "Aregnadem", "ru": "Арегнадем", "hy": "Արեգնադեմ", "az": "Aregnadem"},
    },
    {
        "id": "yasilyurd",
        "kind": "side",
        "names": {"en": "Yaşılyurd", "ru": "Яшылюрд", "hy": "Յաշըլյուրդ", "az": "Yaşılyurd"},
    },
    {
        "id": "palvere",
        "kind": "place",
        "names": {"en": "Palvere", "ru": "Палвере", "hy": "Պալվերե", "az": "Palvere"},
    },
    {
        "id": "sosnovka",
        "kind": "place",
        "names": {
            "en": "Sosnovka checkpoint",
            "ru": "КПП Сосновка",
            "hy": "Սոսնովկայի անցակետ",
            "az": "Sosnovka keçid məntəqəsi",
        },
    },
    {
        "id": "tsovinar",
        "kind": "place",
        "names": {
            "en": "Tsovinar State University",
            "ru": "Цовинарский государственный университет",
            "hy": "Ծովինարի պետական համալսարան",
            "az": "Tsovinar Dövlət Universiteti",
        },
        "note": "University in the town of Tsovinar, Aregnadem side.",
    },
    {
        "id": "qaradagli",
        "kind": "place",
        "names": {"en": "Qaradağlı", "ru": "Карадаглы", "hy": "Ղարադաղլը", "az": "Qaradağlı"},
        "note": "Village on the Yaşılyurd side, near the line.",
    },
    {
        "id": "agbulaq",
        "kind": "place",
        "names": {"en": "Ağbulaq", "ru": "Агбулаг", "hy": "Աղբուլաղ", "az": "Ağbulaq"},
        "note": "Village on the Yaşılyurd side with the secondary school.",
    },
]

PALVERE = "ELM office, Palvere"
TSOVINAR = "Tsovinar State University, Senate hall"
ONLINE = "Videoconference (online), hosted by the ELM"
SOSNOVKA = "Sosnovka checkpoint, ELM container"

COMMUNIQUE_1 = {
    "en": "On 10 May 2033 the Joint Working Group on Education held its first meeting at the "
    "office of the Education Liaison Mission in Palvere. The Yaşılyurd side will submit a list "
    "of candidates who wish to sit the entrance exams at Tsovinar State University. "
    "Candidates will cross the Sosnovka checkpoint on the exam days escorted by officers of "
    "the Mission. The Aregnadem side will set out in writing how school-leaving certificates "
    "issued on the Yaşılyurd side are recognised for admission.",
    "ru": "10 мая 2033 года Совместная рабочая группа по образованию провела первое заседание "
    "в офисе Миссии связи по вопросам образования в Палвере. Сторона Яшылюрда представит "
    "список абитуриентов, желающих сдавать вступительные экзамены в Цовинарском "
    "государственном университете. В дни экзаменов абитуриенты будут пересекать КПП Сосновка "
    "в сопровождении сотрудников Миссии. Сторона Арегнадема письменно изложит порядок "
    "признания аттестатов, выданных на стороне Яшылюрда.",
    "hy": "2033 թվականի մայիսի 10-ին Կրթության հարցերով համատեղ աշխատանքային խումբն իր առաջին "
    "նիստն անցկացրեց Պալվերեում՝ Կրթական կապի առաքելության գրասենյակում։ Յաշըլյուրդի կողմը "
    "կներկայացնի Ծովինարի պետական համալսարանի ընդունելության քննություններին մասնակցել "
    "ցանկացող դիմորդների ցուցակը։ Քննության օրերին դիմորդները Սոսնովկայի անցակետը կհատեն "
    "առաքելության աշխատակիցների ուղեկցությամբ։ Արեգնադեմի կողմը գրավոր կներկայացնի "
    "Յաշըլյուրդի կողմում տրված ավարտական վկայականների ճանաչման կարգը։",
    "az": "2033-cü il mayın 10-da Təhsil üzrə Birgə İşçi Qrupu ilk iclasını Palverdə, Təhsil "
    "üzrə Əlaqə Missiyasının ofisində keçirib. Yaşılyurd tərəfi Tsovinar Dövlət Universitetinə "
    "qəbul imtahanı vermək istəyən abituriyentlərin siyahısını təqdim edəcək. İmtahan "
    "günlərində abituriyentlər Sosnovka keçid məntəqəsini Missiya əməkdaşlarının müşayiəti ilə "
    "keçəcəklər. Aregnadem tərəfi Yaşılyurd tərəfində verilmiş attestatların tanınma "
    "qaydasını yazılı şəkildə bildirəcək.",
}

COMMUNIQUE_2 = {
    "en": "On 2 June 2033 the Joint Working Group on Education met by videoconference. The "
    "entrance exams at Tsovinar State University will take place on 12 and 14 July. The "
    "Yaşılyurd side will release the shipment of 2,400 textbooks held at the Sosnovka "
    "customs post by 10 June.",
    "ru": "2 июня 2033 года Совместная рабочая группа по образованию провела заседание в "
    "формате видеоконференции. Вступительные экзамены в Цовинарском государственном "
    "университете пройдут 12 и 14 июля. Сторона Яшылюрда до 10 июня выпустит партию из 2400 "
    "учебников, задержанную на таможенном посту Сосновка.",
}

COMMUNIQUE_3 = {
    "en": "On 19 August 2033 the Joint Working Group on Education met in Palvere. From 5 "
    "September a school bus will carry pupils from Qaradağlı to the secondary school in "
    "Ağbulaq every school day, escorted by a vehicle of the Education Liaison Mission. In July "
    "41 candidates on 12 July and 42 candidates on 14 July crossed the Sosnovka checkpoint to "
    "sit the entrance exams at Tsovinar State University.",
    "ru": "19 августа 2033 года Совместная рабочая группа по образованию собралась в Палвере. "
    "С 5 сентября школьный автобус будет каждый учебный день возить учеников из Карадаглы в "
    "среднюю школу Агбулага в сопровождении автомобиля Миссии связи по вопросам образования. "
    "В июле 41 абитуриент 12 июля и 42 абитуриента 14 июля пересекли КПП Сосновка, чтобы "
    "сдать вступительные экзамены в Цовинарском государственном университете.",
    "hy": "2033 թվականի օգոստոսի 19-ին Կրթության հարցերով համատեղ աշխատանքային խումբը "
    "հավաքվեց Պալվերեում։ Սեպտեմբերի 5-ից դպրոցական ավտոբուսը ամեն ուսումնական օր "
    "Ղարադաղլըից աշակերտներին կտանի Աղբուլաղի միջնակարգ դպրոց՝ Կրթական կապի առաքելության "
    "մեքենայի ուղեկցությամբ։ Հուլիսին 41 դիմորդ հուլիսի 12-ին և 42 դիմորդ հուլիսի 14-ին հատեցին "
    "Սոսնովկայի անցակետը՝ Ծովինարի պետական համալսարանում ընդունելության քննություններ "
    "հանձնելու համար։",
    "az": "2033-cü il avqustun 19-da Təhsil üzrə Birgə İşçi Qrupu Palverdə toplaşıb. Sentyabrın "
    "5-dən məktəb avtobusu hər dərs günü şagirdləri Qaradağlıdan Ağbulaq orta məktəbinə Təhsil "
    "üzrə Əlaqə Missiyasının avtomobilinin müşayiəti ilə aparacaq. İyulda 12 iyulda 41, 14 "
    "iyulda isə 42 abituriyent Tsovinar Dövlət Universitetində qəbul imtahanı vermək üçün "
    "Sosnovka keçid məntəqəsini keçib.",
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
        "title": "Joint Working Group on Education: Aregnadem and Yaşılyurd",
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

    head, officer = member("elm-head"), member("elm-officer")
    are, are_uni = member("are-head"), member("are-uni")
    yas, yas_exam, yas_cust = member("yas-head"), member("yas-exam"), member("yas-cust")
    everyone = {
        "elm": ["Marta Kowalczyk", "Tomás Ferreira"],
        "aregnadem": ["Siranush Melkonyan", "Vahagn Tadevosyan"],
        "yasilyurd": ["Fuad Nağıyev", "Nərgiz Əlizadə"],
    }

    # --- meeting 1: Palvere, 10 May --------------------------------------------------------
    at("2033-04-26T11:00")
    head.talks.propose(
        ch,
        "eg-1",
        start="2033-05-10T10:00:00+04:00",
        venue=PALVERE,
        format="chaired",
        agenda=[
            _item(
                "exam-crossings", "exam-crossing", "Crossing of candidates for the entrance exams"
            ),
            _item(
                "certificates",
                "certificate-recognition",
                "Recognition of school-leaving certificates",
            ),
            _item("textbooks", "textbook-shipment", "Exam-preparation textbooks for candidates"),
        ],
        attendees=everyone,
    )
    at("2033-04-27T10:00")
    are.talks.answer(ch, "eg-1", True)
    at("2033-04-28T16:00")
    yas.talks.answer(ch, "eg-1", True)

    at("2033-05-10T11:30")
    are.talks.raise_item(
        ch,
        "eg-1",
        "teacher-exchange",
        "Exchange of teachers between schools on both sides",
        text="Aregnadem proposes that teachers of mathematics and languages teach for one term "
        "in schools on the other side.",
    )
    at("2033-05-10T11:45")
    head.talks.answer_item(
        ch,
        "eg-1",
        "teacher-exchange",
        False,
        "An exchange of teachers is outside the mandate of the working group.",
    )
    at("2033-05-10T14:30")
    head.talks.record_held(
        ch,
        "eg-1",
        started="2033-05-10T10:20:00+04:00",
        ended="2033-05-10T13:55:00+04:00",
        chair="Marta Kowalczyk",
        attendees=everyone,
    )
    at("2033-05-10T18:00")
    officer.talks.draft_minutes(
        ch,
        "eg-1",
        [
            {
                "item": "exam-crossing",
                "summary": "Crossing of candidates for the entrance exams at Tsovinar State "
                "University.",
                "outcome": "Agreed: the Yaşılyurd side submits by 20 May a list of the "
                "candidates who will sit the entrance exams, with their passport numbers; "
                "candidates cross the Sosnovka checkpoint on the exam days escorted by ELM "
                "officers.",
            },
            {
                "item": "certificate-recognition",
                "summary": "Recognition of school-leaving certificates issued on the Yaşılyurd "
                "side.",
                "positions": {
                    "aregnadem": "The university admits holders of any certificate once a "
                    "written note sets out the equivalence of grades.",
                    "yasilyurd": "Every certificate issued since 2020 must be recognised.",
                },
                "outcome": "The Aregnadem side sends by 27 May a written note on how "
                "school-leaving certificates issued on the Yaşılyurd side are recognised for "
                "admission to Tsovinar State University.",
            },
            {
                "item": "textbook-shipment",
                "summary": "A shipment of 2,400 exam-preparation textbooks sent by Tsovinar "
                "State University for the candidates, held at the Yaşılyurd customs post at "
                "Sosnovka since 3 May.",
                "outcome": "Deferred to the next meeting; the Yaşılyurd customs is checking the "
                "geography books, which contain maps.",
            },
            {
                "item": "teacher-exchange",
                "summary": "Raised by the Aregnadem side; ruled outside the mandate by the ELM.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Marta Kowalczyk.",
    )
    at("2033-05-11T09:30")
    yas.talks.sign_minutes(ch, "eg-1", 1)
    at("2033-05-11T11:00")
    are.talks.sign_minutes(ch, "eg-1", 1)
    at("2033-05-11T12:00")
    head.talks.sign_minutes(ch, "eg-1", 1)

    at("2033-05-11T15:00")
    head.talks.add_commitment(
        ch,
        "candidate-list",
        owner="yasilyurd",
        meeting="eg-1",
        agenda_item="exam-crossing",
        text="Submit the list of candidates for the entrance exams with their passport numbers.",
        due="2033-05-20T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "certificate-note",
        owner="aregnadem",
        meeting="eg-1",
        agenda_item="certificate-recognition",
        text="Send a written note on how school-leaving certificates issued on the Yaşılyurd "
        "side are recognised for admission to Tsovinar State University.",
        due="2033-05-27T18:00:00+04:00",
    )

    # --- communiqué 1 ----------------------------------------------------------------------
    at("2033-05-12T10:00")
    officer.disclosures.draft_communique(ch, "communique-2033-05-10", COMMUNIQUE_1, "eg-1")
    at("2033-05-12T12:00")
    head.disclosures.sign_communique(ch, "communique-2033-05-10", 1)
    at("2033-05-12T17:00")
    are.disclosures.sign_communique(ch, "communique-2033-05-10", 1)
    at("2033-05-13T10:00")
    yas.disclosures.sign_communique(ch, "communique-2033-05-10", 1)

    # --- meeting 2 proposed: Tsovinar, 2 June -----------------------------------------------
    at("2033-05-16T10:00")
    head.talks.propose(
        ch,
        "eg-2",
        start="2033-06-02T10:00:00+04:00",
        venue=TSOVINAR,
        format="chaired",
        agenda=[
            _item(
                "textbooks", "textbooks-customs", "The textbooks held at the Sosnovka customs post"
            ),
            _item("exam-crossings", "exam-schedule", "Dates and hours of the exam crossings"),
        ],
        attendees=everyone,
    )
    at("2033-05-17T09:00")
    are.talks.answer(ch, "eg-2", True)

    # --- the list of candidates --------------------------------------------------------------
    at("2033-05-19T16:00")
    cand_list, _ = yas_exam.send(
        ch,
        to="aregnadem",
        priority="routine",
        topic="exam-crossings",
        subject="List of candidates",
        text="The list of 43 candidates (27 for the faculty of medicine, 16 for engineering) "
        "with their passport numbers is attached, and four accompanying teachers.",
    )
    at("2033-05-19T17:00")
    are_uni.mark_delivered(ch)
    at("2033-05-20T10:00")
    are_uni.acknowledge(ch, cand_list.id, "Received; the admissions office is checking it.")
    at("2033-05-20T11:00")
    yas.talks.report(ch, "candidate-list", "Sent on 19 May: 43 candidates.", message=cand_list.id)
    at("2033-05-20T16:00")
    are.talks.confirm(ch, "candidate-list", "All 43 names received.")

    at("2033-05-20T17:30")
    yas.talks.counter(
        ch,
        "eg-2",
        venue=ONLINE,
        note="The Sosnovka checkpoint is closed for repairs until 5 June; our delegation "
        "cannot reach Tsovinar.",
    )
    at("2033-05-21T10:00")
    are.talks.answer(ch, "eg-2", True)
    at("2033-05-21T12:00")
    head.talks.answer(ch, "eg-2", True)

    # --- textbooks message, never acknowledged ------------------------------------------
    at("2033-05-24T09:00")
    are_uni.send(
        ch,
        to="yasilyurd",
        priority="urgent",
        topic="textbooks",
        subject="Textbooks held at Sosnovka",
        text="The 2,400 textbooks sent by Tsovinar State University on 3 May are still at the "
        "Sosnovka customs post. The candidates have seven weeks left to prepare.",
    )
    at("2033-05-24T09:40")
    yas_cust.mark_delivered(ch)

    at("2033-05-27T16:00")
    are.talks.report(
        ch, "certificate-note", "The note on certificates was sent through the ELM on 27 May."
    )
    at("2033-05-30T11:00")
    yas.talks.dispute(
        ch,
        "certificate-note",
        "The note recognises only certificates issued after 2030; candidates who finished "
        "school earlier are left out.",
    )

    # --- meeting 2: online, 2 June -----------------------------------------------------------
    at("2033-06-01T15:00")
    are.talks.propose_item(
        ch, "eg-2", "bus-route", "school-transport", "A school bus route near the line"
    )
    at("2033-06-01T18:00")
    yas.talks.answer_item(
        ch,
        "eg-2",
        "bus-route",
        False,
        "The route needs a security assessment first; we ask to take it up at a later meeting.",
    )
    at("2033-06-02T13:20")
    head.talks.record_held(
        ch,
        "eg-2",
        started="2033-06-02T10:05:00+04:00",
        ended="2033-06-02T12:40:00+04:00",
        chair="Marta Kowalczyk",
        attendees=everyone,
        note="Held online.",
    )
    items_2: list[dict[str, Any]] = [
        {
            "item": "textbooks-customs",
            "summary": "The 2,400 textbooks held at the Yaşılyurd customs post at Sosnovka.",
            "positions": {
                "yasilyurd": "The geography books show the line in a way our customs cannot "
                "accept.",
                "aregnadem": "They are exam-preparation books; the maps are not political.",
            },
            "outcome": "The Yaşılyurd side releases the 2,400 textbooks to the ELM at the "
            "Sosnovka checkpoint by 14 June.",
        },
        {
            "item": "exam-schedule",
            "summary": "Dates and hours of the exam crossings.",
            "outcome": "The Aregnadem side reported that Tsovinar State University has moved "
            "the entrance exams from 5 and 7 July to 12 and 14 July. Agreed: the Sosnovka "
            "checkpoint is open for the candidates from 07:00 to 20:00 on 12 and 14 July; the "
            "Aregnadem side issues entry passes for the 43 candidates and four accompanying "
            "teachers by 5 July.",
        },
        {
            "item": "bus-route",
            "summary": "Proposed by the Aregnadem side; declined by the Yaşılyurd side.",
            "outcome": "Deferred to a later meeting at the request of the Yaşılyurd side.",
        },
    ]
    general_2 = "Held online; chaired by Marta Kowalczyk."
    at("2033-06-02T17:00")
    officer.talks.draft_minutes(ch, "eg-2", items_2, general=general_2)
    at("2033-06-03T09:00")
    head.talks.sign_minutes(ch, "eg-2", 1)
    at("2033-06-03T10:30")
    yas.talks.sign_minutes(ch, "eg-2", 1)
    at("2033-06-03T12:00")
    fix, _ = are.send(
        ch,
        to="elm",
        priority="routine",
        topic="textbooks",
        subject="Minutes of 2 June: textbooks",
        text="We agreed on release by 10 June, not 14 June. We do not sign version 1.",
    )
    at("2033-06-03T12:30")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, fix.id, "Checked against the recording; corrected.")
    items_2[0]["outcome"] = (
        "The Yaşılyurd side releases the 2,400 textbooks to the ELM at the Sosnovka checkpoint "
        "by 10 June."
    )
    at("2033-06-03T15:00")
    officer.talks.draft_minutes(ch, "eg-2", items_2, general=general_2)
    at("2033-06-03T17:00")
    are.talks.sign_minutes(ch, "eg-2", 2)
    at("2033-06-04T09:00")
    yas.talks.sign_minutes(ch, "eg-2", 2)
    at("2033-06-04T10:00")
    head.talks.sign_minutes(ch, "eg-2", 2)

    at("2033-06-04T11:00")
    head.talks.add_commitment(
        ch,
        "release-textbooks",
        owner="yasilyurd",
        meeting="eg-2",
        agenda_item="textbooks-customs",
        text="Release the 2,400 textbooks held at the Sosnovka customs post to the ELM.",
        due="2033-06-10T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "entry-passes",
        owner="aregnadem",
        meeting="eg-2",
        agenda_item="exam-schedule",
        text="Issue entry passes for the 43 candidates and four accompanying teachers.",
        due="2033-07-05T18:00:00+04:00",
    )

    # --- communiqué 2: never signed by Aregnadem -----------------------------------------
    at("2033-06-04T14:00")
    officer.disclosures.draft_communique(ch, "communique-2033-06-02", COMMUNIQUE_2, "eg-2")
    at("2033-06-04T16:00")
    head.disclosures.sign_communique(ch, "communique-2033-06-02", 1)
    at("2033-06-06T10:00")
    yas.disclosures.sign_communique(ch, "communique-2033-06-02", 1)

    # --- meeting 3 proposed -------------------------------------------------------------
    at("2033-06-08T10:00")
    head.talks.propose(
        ch,
        "eg-3",
        start="2033-06-23T10:00:00+04:00",
        venue=PALVERE,
        format="chaired",
        agenda=[_item("exam-crossings", "crossing-rules", "Rules for the exam days at Sosnovka")],
        attendees=everyone,
    )
    at("2033-06-09T11:00")
    are.talks.answer(ch, "eg-3", True)
    at("2033-06-09T15:00")
    yas.talks.answer(ch, "eg-3", True)

    # --- textbooks released in part ----------------------------------------------------
    at("2033-06-10T15:00")
    yas.talks.report(
        ch, "release-textbooks", "The textbooks were handed to the ELM at Sosnovka on 10 June."
    )
    at("2033-06-10T17:00")
    tb, _ = officer.send(
        ch,
        to="aregnadem",
        priority="routine",
        topic="textbooks",
        subject="Textbooks received at Sosnovka",
        text="At 13:30 on 10 June the ELM received 1,900 textbooks from the Yaşılyurd customs "
        "post at Sosnovka. The 500 geography books were not released.",
    )
    at("2033-06-10T18:00")
    are_uni.mark_delivered(ch)
    are_uni.acknowledge(ch, tb.id, "Received.")
    at("2033-06-12T10:00")
    are.talks.dispute(
        ch,
        "release-textbooks",
        "Only 1,900 of the 2,400 textbooks were released; the 500 geography books are still held.",
    )
    at("2033-06-14T10:00")
    are.disclosures.unilateral(
        ch,
        "Արեգնադեմի կողմը հայտնում է, որ Ծովինարի պետական համալսարանի ուղարկած 500 "
        "աշխարհագրության դասագիրքը դեռևս պահվում է Սոսնովկայի մաքսային կետում։",
        "hy",
        source="Press office of the Aregnadem delegation, 14 June 2033",
    )

    # --- meeting 3 cancelled --------------------------------------------------------------
    at("2033-06-20T10:00")
    head.talks.counter(
        ch,
        "eg-3",
        cancel=True,
        note="Cancelled: the remaining questions before the exams are settled by message.",
    )
    at("2033-06-20T15:00")
    are.talks.answer(ch, "eg-3", True)
    at("2033-06-21T09:00")
    yas.talks.answer(ch, "eg-3", True)

    at("2033-07-04T14:00")
    are.talks.report(ch, "entry-passes", "47 entry passes handed to the ELM on 4 July.")
    at("2033-07-05T10:00")
    yas.talks.confirm(ch, "entry-passes", "47 passes received from the ELM.")

    # --- exam day 1: 12 July, and the detention ---------------------------------------------
    at("2033-07-12T19:05")
    flash, _ = yas.send(
        ch,
        to="elm",
        priority="flash",
        topic="exam-crossings",
        subject="Candidate detained at Sosnovka",
        text="Our candidate E. M., 17, was detained by the Aregnadem post at Sosnovka at 18:40 "
        "on his way back from the exam. We ask for his immediate release.",
    )
    at("2033-07-12T19:09")
    officer.mark_delivered(ch)
    at("2033-07-12T19:11")
    officer.acknowledge(ch, flash.id, "Received; relaying to the Aregnadem side now.")
    at("2033-07-12T19:15")
    relay, _ = officer.send(
        ch,
        to="aregnadem",
        priority="flash",
        topic="exam-crossings",
        subject="Candidate detained at Sosnovka (relayed)",
        text="The Yaşılyurd side reports that candidate E. M., 17, was detained by the Aregnadem "
        "post at Sosnovka at 18:40 and asks for his immediate release.",
        relay_of=flash.id,
    )
    at("2033-07-12T19:50")
    are_uni.mark_delivered(ch)
    at("2033-07-12T20:35")
    are_uni.acknowledge(ch, relay.id, "Received; his documents are being checked.")
    at("2033-07-12T23:40")
    release, _ = are_uni.send(
        ch,
        to="elm",
        priority="urgent",
        topic="exam-crossings",
        subject="Candidate released",
        text="Candidate E. M. was released at 23:10 after a check of his passport and handed "
        "to the ELM officer at Sosnovka.",
    )
    at("2033-07-12T23:50")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, release.id, "Received; he crossed back at 23:25.")
    day1 = {}
    at("2033-07-13T09:00")
    for party in ("aregnadem", "yasilyurd"):
        day1[party], _ = officer.send(
            ch,
            to=party,
            priority="routine",
            topic="exam-crossings",
            subject="Exam crossing of 12 July",
            text="At 07:25 on 12 July 41 of the 43 candidates and four teachers crossed the "
            "Sosnovka checkpoint with two ELM officers; two candidates did not come. All "
            "returned by 19:30 except candidate E. M., released at 23:10.",
        )
    at("2033-07-13T10:00")
    are_uni.mark_delivered(ch)
    are_uni.acknowledge(ch, day1["aregnadem"].id, "Received.")
    yas_exam.mark_delivered(ch)
    yas_exam.acknowledge(ch, day1["yasilyurd"].id, "Received.")

    # --- exam day 2: 14 July ------------------------------------------------------------
    at("2033-07-14T20:30")
    for party in ("aregnadem", "yasilyurd"):
        officer.send(
            ch,
            to=party,
            priority="routine",
            topic="exam-crossings",
            subject="Exam crossing of 14 July",
            text="At 07:10 on 14 July 42 candidates, E. M. among them, crossed the Sosnovka "
            "checkpoint with four teachers; all returned by 18:50.",
        )
    at("2033-07-15T09:00")
    are_uni.mark_delivered(ch)
    yas_exam.mark_delivered(ch)

    # --- meeting 4: direct, at Sosnovka ---------------------------------------------------
    direct = {
        "aregnadem": ["Vahagn Tadevosyan"],
        "yasilyurd": ["Nərgiz Əlizadə"],
    }
    at("2033-07-18T11:00")
    yas.talks.propose(
        ch,
        "eg-4",
        start="2033-07-27T11:00:00+04:00",
        venue=SOSNOVKA,
        format="direct",
        agenda=[
            _item("exam-crossings", "detention-review", "The detention of a candidate on 12 July"),
            _item("certificates", "certificate-amendment", "An amended note on certificates"),
            _item("exam-crossings", "enrolment", "Crossing of admitted students for enrolment"),
        ],
        attendees=direct,
    )
    at("2033-07-20T10:00")
    are.talks.counter(
        ch,
        "eg-4",
        start="2033-07-28T11:00:00+04:00",
        note="The Vice-Rector chairs the admissions board on 27 July.",
    )
    at("2033-07-21T09:30")
    yas.talks.answer(ch, "eg-4", True)

    at("2033-07-28T16:00")
    officer.talks.record_held(
        ch,
        "eg-4",
        started="2033-07-28T11:15:00+04:00",
        ended="2033-07-28T13:05:00+04:00",
        chair="Nərgiz Əlizadə",
        attendees=direct,
        note="A direct meeting of the two sides without the ELM; recorded from the sides' "
        "joint notes.",
    )
    at("2033-07-28T19:00")
    officer.talks.draft_minutes(
        ch,
        "eg-4",
        [
            {
                "item": "detention-review",
                "summary": "The detention of candidate E. M. at Sosnovka on 12 July.",
                "positions": {
                    "yasilyurd": "The candidate had a valid entry pass; the detention was "
                    "unjustified.",
                    "aregnadem": "His passport number did not match the list; he was released "
                    "once it was checked.",
                },
                "outcome": "Agreed: for the enrolment crossing the list is checked against "
                "passports by both sides three days before.",
            },
            {
                "item": "certificate-amendment",
                "summary": "An amended note on certificates.",
                "outcome": "The Aregnadem side sends an amended note that also covers "
                "certificates issued from 2020 to 2030, by 10 August.",
            },
            {
                "item": "enrolment",
                "summary": "Crossing of admitted students for enrolment.",
                "outcome": "Tsovinar State University admitted 29 of the 42 candidates. The "
                "Yaşılyurd side sends by 15 August the list of admitted students who will "
                "cross for enrolment on 1 September.",
            },
        ],
        general="A direct meeting chaired by Nərgiz Əlizadə; the ELM did not attend.",
    )
    at("2033-07-29T10:00")
    yas.talks.sign_minutes(ch, "eg-4", 1)
    at("2033-07-29T12:00")
    are.talks.sign_minutes(ch, "eg-4", 1)

    at("2033-07-29T15:00")
    head.talks.add_commitment(
        ch,
        "amended-note",
        owner="aregnadem",
        meeting="eg-4",
        agenda_item="certificate-amendment",
        text="Send an amended note on certificates that also covers those issued from 2020 to "
        "2030.",
        due="2033-08-10T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "enrolment-list",
        owner="yasilyurd",
        meeting="eg-4",
        agenda_item="enrolment",
        text="Send the list of admitted students who will cross for enrolment on 1 September.",
        due="2033-08-15T18:00:00+04:00",
    )

    # --- meeting 5 proposed, moved by a day ---------------------------------------------
    at("2033-08-01T10:00")
    head.talks.propose(
        ch,
        "eg-5",
        start="2033-08-18T10:00:00+04:00",
        venue=PALVERE,
        format="chaired",
        agenda=[
            _item("school-transport", "bus-route-2", "School bus from Qaradağlı to Ağbulaq"),
            _item("certificates", "certificates-review", "Review of the note on certificates"),
        ],
        attendees=everyone,
    )
    at("2033-08-02T10:00")
    yas.talks.counter(
        ch,
        "eg-5",
        start="2033-08-19T10:00:00+04:00",
        note="18 August is a public holiday on our side.",
    )
    at("2033-08-02T15:00")
    are.talks.answer(ch, "eg-5", True)
    at("2033-08-03T09:00")
    head.talks.answer(ch, "eg-5", True)

    at("2033-08-12T12:00")
    yas.talks.report(ch, "enrolment-list", "List of 29 admitted students sent on 12 August.")
    at("2033-08-13T10:00")
    are.talks.confirm(ch, "enrolment-list", "29 names received by the admissions office.")

    # --- meeting 5: Palvere, 19 August ----------------------------------------------------
    at("2033-08-19T11:00")
    are.talks.raise_item(
        ch,
        "eg-5",
        "geography-books",
        "Release of the 500 geography textbooks",
        text="Aregnadem asks that the 500 geography books still held at Sosnovka be released.",
        topic="textbooks",
    )
    at("2033-08-19T11:10")
    yas.talks.answer_item(
        ch, "eg-5", "geography-books", False, "Our customs decision on these books is final."
    )
    at("2033-08-19T13:00")
    officer.talks.record_held(
        ch,
        "eg-5",
        started="2033-08-19T10:10:00+04:00",
        ended="2033-08-19T12:30:00+04:00",
        chair="Tomás Ferreira",
        attendees={
            "elm": ["Tomás Ferreira"],
            "aregnadem": ["Siranush Melkonyan", "Vahagn Tadevosyan"],
            "yasilyurd": ["Fuad Nağıyev", "Nərgiz Əlizadə"],
        },
    )
    at("2033-08-19T17:00")
    officer.talks.draft_minutes(
        ch,
        "eg-5",
        [
            {
                "item": "bus-route-2",
                "summary": "A school bus from Qaradağlı to the secondary school in Ağbulaq along "
                "the road near the line.",
                "outcome": "Agreed: from 5 September the bus runs every school day, leaving "
                "Qaradağlı at 07:45 and Ağbulaq at 14:30, escorted by an ELM vehicle. The "
                "Yaşılyurd side sends the ELM the timetable and the bus's plate number by 29 "
                "August; the Aregnadem side informs its posts along the road by 31 August.",
            },
            {
                "item": "certificates-review",
                "summary": "The amended note on certificates, due on 10 August, not yet sent.",
                "positions": {
                    "aregnadem": "The ministry is still reviewing the certificates of 2020 to "
                    "2023.",
                    "yasilyurd": "Six admitted students wait for the note to enrol.",
                },
                "outcome": "No agreement.",
            },
            {
                "item": "geography-books",
                "summary": "Raised by the Aregnadem side; declined by the Yaşılyurd side.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Tomás Ferreira on behalf of the Head of the ELM.",
    )
    at("2033-08-20T09:00")
    are.talks.sign_minutes(ch, "eg-5", 1)
    at("2033-08-20T11:00")
    yas.talks.sign_minutes(ch, "eg-5", 1)
    at("2033-08-20T12:00")
    head.talks.sign_minutes(ch, "eg-5", 1)

    at("2033-08-20T14:00")
    head.talks.add_commitment(
        ch,
        "bus-timetable",
        owner="yasilyurd",
        meeting="eg-5",
        agenda_item="bus-route-2",
        text="Send the ELM the timetable of the school bus Qaradağlı-Ağbulaq and its plate number.",
        due="2033-08-29T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "posts-informed",
        owner="aregnadem",
        meeting="eg-5",
        agenda_item="bus-route-2",
        text="Inform the Aregnadem posts along the Qaradağlı-Ağbulaq road of the bus route.",
        due="2033-08-31T18:00:00+04:00",
    )

    # --- communiqué 3 ------------------------------------------------------------------
    at("2033-08-22T10:00")
    officer.disclosures.draft_communique(ch, "communique-2033-08-19", COMMUNIQUE_3, "eg-5")
    at("2033-08-22T12:00")
    head.disclosures.sign_communique(ch, "communique-2033-08-19", 1)
    at("2033-08-23T10:00")
    yas.disclosures.sign_communique(ch, "communique-2033-08-19", 1)
    at("2033-08-24T11:00")
    are.disclosures.sign_communique(ch, "communique-2033-08-19", 1)

    at("2033-08-26T12:00")
    yas.talks.report(
        ch, "bus-timetable", "Timetable and plate number sent to the ELM on 26 August."
    )
    at("2033-08-29T10:00")
    are.talks.confirm(ch, "bus-timetable", "Received from the ELM.")
    at("2033-08-30T16:00")
    are.talks.report(ch, "posts-informed", "All four posts along the road informed on 30 August.")

    # --- disclosures ----------------------------------------------------------------------
    at("2033-08-31T10:00")
    head.disclosures.propose(
        ch,
        "open-detention",
        [flash.id, relay.id, release.id],
        "public",
        "Families of candidates should know how the detention of 12 July was resolved.",
    )
    at("2033-08-31T15:00")
    yas.disclosures.sign(ch, "open-detention")
    at("2033-09-01T09:00")
    are.disclosures.propose(
        ch,
        "open-textbooks",
        [tb.id],
        "public",
        "The public should know that 500 textbooks were never released.",
    )
    at("2033-09-01T11:00")
    are.disclosures.sign(ch, "open-detention")
    at("2033-09-01T16:00")
    yas.talks.confirm(ch, "posts-informed", "The bus passed the posts on a test run without stops.")

    # --- next meeting: proposed, not agreed ---------------------------------------------------
    at("2033-09-02T10:00")
    are.talks.propose(
        ch,
        "eg-6",
        start="2033-09-15T10:00:00+04:00",
        venue=TSOVINAR,
        format="chaired",
        agenda=[
            _item("certificates", "certificates-final", "The amended note on certificates"),
            _item("school-transport", "bus-review", "The first two weeks of the school bus"),
        ],
        attendees=everyone,
    )
    at("2033-09-02T15:00")
    head.talks.answer(ch, "eg-6", True)
    at("2033-09-05T10:00")
