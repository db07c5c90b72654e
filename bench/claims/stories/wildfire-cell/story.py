"""A cross-line wildfire cooperation cell (held-out story; fiction).

The Cross-Line Fire Coordination Office (CFCO, the mediator) runs the Joint Wildfire Cell
between the sides of Hovtashen and Qaraçınar through a dry summer: fire alerts across the
line, a firefighting aircraft crossing it, fire brigades passing the Tasmalı checkpoint,
the burned area on Khoshkar ridge, pumps lent and returned. Every place, side and person
is invented. Local time is UTC+4; the story runs from Monday 2 June to Tuesday 26 August
2031.

- Session 1 (wf-1): Tue 10 Jun, 10:00, CFCO office in Kellerbrunn; held 10:15-14:05,
  chaired by Solveig Brekke. "Compensation for pastures burned in 2030" raised by
  Qaraçınar, ruled outside the mandate by the CFCO. Minutes v1 (duty officers 07:00-22:00)
  signed by Hovtashen only; Qaraçınar objects; v2 (round the clock) signed by all three.
  Commitments: duty officer (Hovtashen, 17 Jun; reported, confirmed), aircraft data
  (Qaraçınar, 20 Jun; reported, confirmed), brigade vehicle list and passage procedure
  (Hovtashen, 24 Jun; reported, disputed). Communiqué 1 (en, ru, hy, az): published.
- Fire alert 1 (Sun 15 Jun, flash, Qaraçınar -> Hovtashen, Palıdlı forest): acknowledged
  in four minutes.
- Fire alert 2 (Fri 27 Jun, flash, Hovtashen -> Qaraçınar, Khoshkar ridge): acknowledged
  forty-seven minutes later.
- Overflight (Sat 28 Jun): Qaraçınar asks (urgent) for its aircraft QÇ-07 from Ağtala
  airfield to cross the line; Hovtashen acknowledges in 25 minutes, clearing 07:00-19:00.
- Evacuation of Karmrajur (Sat 28 Jun): Hovtashen tells the CFCO (urgent), acknowledged.
- CFCO urgent notice to Qaraçınar (29 Jun, the eastern flank): delivered, never
  acknowledged.
- Session 2 (wf-2): proposed for Thu 3 Jul, 11:00, Vardablur airfield; postponed by
  Qaraçınar to Tue 8 Jul; held 11:10-15:40, chaired by Solveig Brekke; the Qaraçınar
  delegation led by Səbinə Qurbanova (Fərhad Nağıyev absent). "Firing range near Çaylaq"
  raised by Hovtashen, declined by Qaraçınar. Origin of the Khoshkar fire: no agreement.
  Joint assessment agreed for 15 Jul. Loan of two pumps and 1,200 m of hose to Qaraçınar,
  back by 31 Jul (reported, disputed). Checkpoint barrier officer (Hovtashen, 15 Jul):
  never reported, overdue. Minutes v1 signed by all. Communiqué 2 (en, hy) signed by the
  CFCO and Hovtashen only: never published.
- Hovtashen's unilateral statement on the origin of the fire (hy, 10 Jul).
- Joint assessment (15 Jul), reported by the CFCO on 18 Jul: 340 ha (190 + 150).
- Session 3 (wf-3): proposed for Wed 6 Aug, 10:00, Çaylaq school; moved online by the
  CFCO (smoke), same time; held 10:05-12:30, chaired by Jules Marchetti without Solveig
  Brekke. Replanting item proposed by Qaraçınar, accepted by Hovtashen. Minutes v1
  (30 minutes) signed by Qaraçınar; Hovtashen objects; v2 (45 minutes) signed by all.
  Commitments: second pump and 400 m of hose (Qaraçınar, 15 Aug: overdue), barrier within
  45 minutes (Hovtashen, 11 Aug; reported, confirmed). Communiqué 3 (en, ru, hy, az):
  published.
- Fire alert 3 (Tue 12 Aug, 03:40, flash, Hovtashen -> Qaraçınar, Mesasar forest):
  delivered, never acknowledged. Hovtashen proposes opening it; Qaraçınar never signs.
- The CFCO proposes opening the assessment and session 2's record: signed by both: public.
- Qaraçınar's unilateral statement on the equipment (az, 16 Aug).
- Next session wf-4: Tue 9 Sep, 11:00, Tasmalı checkpoint, proposed by the CFCO, agreed by
  both. A direct meeting on the pump (wf-pump) proposed by Hovtashen for Tue 2 Sep at
  Vardablur airfield: accepted by nobody else.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "joint-wildfire-cell"
START = datetime(2031, 6, 2, 5, 0, tzinfo=UTC)  # Monday 2 June 2031, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    (
        "cfco-head",
        "cfco",
        "head",
        "Solveig Brekke",
        "Head of the Cross-Line Fire Coordination Office",
    ),
    ("cfco-officer", "cfco", "member", "Jules Marchetti", "Fire liaison officer, CFCO"),
    ("hov-head", "hovtashen", "head", "Vahagn Zakaryan", "Head of the Hovtashen delegation"),
    (
        "hov-fire",
        "hovtashen",
        "member",
        "Mariam Khachikyan",
        "Commander of the Hovtashen forest fire service",
    ),
    ("qar-head", "qaracinar", "head", "Fərhad Nağıyev", "Head of the Qaraçınar delegation"),
    (
        "qar-air",
        "qaracinar",
        "member",
        "Səbinə Qurbanova",
        "Coordinator of aviation and fire brigades, Qaraçınar side",
    ),
]

SIDES = {
    "cfco": ("Cross-Line Fire Coordination Office", "mediator"),
    "hovtashen": ("Hovtashen side", "party"),
    "qaracinar": ("Qaraçınar side", "party"),
}

MANDATE = [
    {"id": "alerts", "title": "Fire alerts and early warning across the line"},
    {"id": "air", "title": "Firefighting aircraft and overflight of the line"},
    {"id": "ground", "title": "Passage of fire brigades through the Tasmalı checkpoint"},
    {"id": "assessment", "title": "Joint assessment of burned areas"},
    {"id": "equipment", "title": "Loan and return of firefighting equipment"},
]

GLOSSARY = [
    {
        "id": "cfco",
        "kind": "side",
        "names": {
            "en": "Cross-Line Fire Coordination Office",
            "ru": "Офис координации борьбы с пожарами",
            "hy": "Հրդեհների դեմ պայքարի համակարգման գրասենյակ",
            "az": "Yanğınla Mübarizənin Koordinasiya Ofisi",
        },
    },
    {
        "id": "hovtashen",
        "kind": "side",
        "names": {"en": "Hovtashen", "ru": "Овташен", "hy": "Հովտաշեն", "az": "Hovtaşen"},
    },
    {
        "id": "qaracinar",
        "kind": "side",
        "names": {"en": "Qaraçınar", "ru": "Гарачинар", "hy": "Ղարաչինար", "az": "Qaraçınar"},
    },
    {
        "id": "kellerbrunn",
        "kind": "place",
        "names": {
            "en": "Kellerbrunn",
            "ru": "Келлербрунн",
            "hy": "Կելլերբրուն",
            "az": "Kellerbrunn",
        },
    },
    {
        "id": "vardablur",
        "kind": "place",
        "names": {
            "en": "Vardablur airfield",
            "ru": "аэродром Вардаблур",
            "hy": "Վարդաբլուրի օդանավակայան",
            "az": "Vardablur aerodromu",
        },
        "note": "Airfield on the Hovtashen side.",
    },
    {
        "id": "agtala",
        "kind": "place",
        "names": {
            "en": "Ağtala airfield",
            "ru": "аэродром Агтала",
            "hy": "Աղթալայի օդանավակայան",
            "az": "Ağtala aerodromu",
        },
        "note": "Airfield on the Qaraçınar side.",
    },
    {
        "id": "karmrajur",
        "kind": "place",
        "names": {"en": "Karmrajur", "ru": "Кармраджур", "hy": "Կարմրաջուր", "az": "Karmracur"},
        "note": "Village on the Hovtashen side.",
    },
    {
        "id": "caylaq",
        "kind": "place",
        "names": {"en": "Çaylaq", "ru": "Чайлаг", "hy": "Չայլաղ", "az": "Çaylaq"},
        "note": "Village on the Qaraçınar side.",
    },
    {
        "id": "mesasar",
        "kind": "place",
        "names": {
            "en": "Mesasar forest",
            "ru": "лес Месасар",
            "hy": "Մեծասարի անտառ",
            "az": "Meşəsar meşəsi",
        },
        "forms": {
            "hovtashen": {"en": "Mesasar forest", "ru": "лес Месасар", "hy": "Մեծասարի անտառ"},
            "qaracinar": {"en": "Meşəsar forest", "ru": "лес Мешасар", "az": "Meşəsar meşəsi"},
        },
    },
    {
        "id": "palidli",
        "kind": "place",
        "names": {
            "en": "Palıdlı forest",
            "ru": "лес Палыдлы",
            "hy": "Պալըդլըի անտառ",
            "az": "Palıdlı meşəsi",
        },
    },
    {
        "id": "khoshkar",
        "kind": "place",
        "names": {
            "en": "Khoshkar ridge",
            "ru": "хребет Хошкар",
            "hy": "Խոշքարի լեռնաշղթա",
            "az": "Xoşkar silsiləsi",
        },
    },
    {
        "id": "tasmali",
        "kind": "place",
        "names": {
            "en": "Tasmalı checkpoint",
            "ru": "КПП Тасмалы",
            "hy": "Թասմալըի անցակետ",
            "az": "Tasmalı keçid məntəqəsi",
        },
    },
]

KELLERBRUNN = "CFCO office, Kellerbrunn"
VARDABLUR = "Vardablur airfield, crew room"
CAYLAQ = "Çaylaq village school, assembly hall"
ONLINE = "Videoconference (online), hosted by the CFCO"
TASMALI = "Tasmalı checkpoint, CFCO tent"

COMMUNIQUE_1 = {
    "en": "On 10 June 2031 the Joint Wildfire Cell met for the first time at the office of "
    "the Cross-Line Fire Coordination Office in Kellerbrunn. The sides agreed that fire "
    "alerts will be sent through the channel and acknowledged within five minutes, and that "
    "each side will keep a duty officer for fire alerts round the clock. Requests for a "
    "firefighting aircraft to cross the line will be answered within one hour.",
    "ru": "10 июня 2031 года в офисе координации борьбы с пожарами в Келлербрунне впервые "
    "собралась Совместная группа по лесным пожарам. Стороны договорились, что сигналы о "
    "пожарах будут передаваться по каналу и подтверждаться в течение пяти минут, а каждая "
    "сторона будет круглосуточно держать дежурного по пожарам. На запросы о пролете "
    "пожарного самолета через линию будут отвечать в течение часа.",
    "hy": "2031 թվականի հունիսի 10-ին Կելլերբրունում՝ Հրդեհների դեմ պայքարի համակարգման "
    "գրասենյակում, առաջին անգամ հավաքվեց Անտառային հրդեհների համատեղ խումբը։ Կողմերը "
    "պայմանավորվեցին, որ հրդեհի ահազանգերը կփոխանցվեն ալիքով և կհաստատվեն հինգ րոպեի "
    "ընթացքում, և յուրաքանչյուր կողմ շուրջօրյա հերթապահ կունենա։ Հրդեհաշիջման ինքնաթիռի՝ "
    "գծի վրայով թռիչքի հայտերին կպատասխանեն մեկ ժամվա ընթացքում։",
    "az": "2031-ci il iyunun 10-da Meşə Yanğınları üzrə Birgə Qrup ilk dəfə Kellerbrunnda, "
    "Yanğınla Mübarizənin Koordinasiya Ofisində toplaşıb. Tərəflər razılaşıblar ki, yanğın "
    "xəbərdarlıqları kanal vasitəsilə göndəriləcək və beş dəqiqə ərzində təsdiqlənəcək, hər "
    "tərəf isə gecə-gündüz növbətçi saxlayacaq. Yanğınsöndürən təyyarənin xətt üzərindən "
    "uçuşu ilə bağlı sorğulara bir saat ərzində cavab veriləcək.",
}

COMMUNIQUE_2 = {
    "en": "On 8 July 2031 the Joint Wildfire Cell met at Vardablur airfield. The sides agreed "
    "on a joint assessment of the burned area on Khoshkar ridge on 15 July. The Hovtashen "
    "side lends the Qaraçınar side two portable pumps and 1,200 metres of hose.",
    "hy": "2031 թվականի հուլիսի 8-ին Անտառային հրդեհների համատեղ խումբը հավաքվեց "
    "Վարդաբլուրի օդանավակայանում։ Կողմերը պայմանավորվեցին հուլիսի 15-ին համատեղ գնահատել "
    "Խոշքարի լեռնաշղթայի այրված տարածքը։ Հովտաշենի կողմը Ղարաչինարի կողմին փոխառությամբ "
    "տալիս է երկու շարժական պոմպ և 1200 մետր փողրակ։",
}

COMMUNIQUE_3 = {
    "en": "On 6 August 2031 the Joint Wildfire Cell met by videoconference, because smoke had "
    "closed the road to Çaylaq. From 11 August fire brigades of the Qaraçınar side may pass "
    "the Tasmalı checkpoint within forty-five minutes of a fire alert. The sides discussed "
    "the return of the equipment lent in July and a plan for replanting Khoshkar ridge.",
    "ru": "6 августа 2031 года Совместная группа по лесным пожарам провела заседание в режиме "
    "видеоконференции: дорогу в Чайлаг закрыл дым. С 11 августа пожарные команды стороны "
    "Гарачинара смогут проходить КПП Тасмалы в течение сорока пяти минут после сигнала о "
    "пожаре. Стороны обсудили возврат оборудования, переданного в июле, и план "
    "лесовосстановления на хребте Хошкар.",
    "hy": "2031 թվականի օգոստոսի 6-ին Անտառային հրդեհների համատեղ խումբը նիստ անցկացրեց "
    "տեսակապով, քանի որ ծուխը փակել էր Չայլաղի ճանապարհը։ Օգոստոսի 11-ից Ղարաչինարի "
    "հրշեջ խմբերը կարող են Թասմալըի անցակետով անցնել ահազանգից հետո քառասունհինգ րոպեի "
    "ընթացքում։ Կողմերը քննարկեցին հուլիսին տրված սարքավորումների վերադարձը և Խոշքարի "
    "լեռնաշղթայի վերատնկման ծրագիրը։",
    "az": "2031-ci il avqustun 6-da Meşə Yanğınları üzrə Birgə Qrup iclasını videokonfrans "
    "formatında keçirib, çünki tüstü Çaylağa gedən yolu bağlamışdı. Avqustun 11-dən "
    "Qaraçınar tərəfinin yanğınsöndürmə briqadaları yanğın xəbərdarlığından sonra qırx beş "
    "dəqiqə ərzində Tasmalı keçid məntəqəsindən keçə bilər. Tərəflər iyulda verilmiş "
    "avadanlığın qaytarılmasını və Xoşkar silsiləsində meşəbərpa planını müzakirə ediblər.",
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
        "title": "Joint Wildfire Cell: Hovtashen and Qaraçınar",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 300, "urgent": 1800, "routine": 86400},
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

    head, officer = member("cfco-head"), member("cfco-officer")
    hov, hov_fire = member("hov-head"), member("hov-fire")
    qar, qar_air = member("qar-head"), member("qar-air")
    everyone = {
        "cfco": ["Solveig Brekke", "Jules Marchetti"],
        "hovtashen": ["Vahagn Zakaryan", "Mariam Khachikyan"],
        "qaracinar": ["Fərhad Nağıyev", "Səbinə Qurbanova"],
    }

    # --- session 1: Kellerbrunn, 10 June ------------------------------------------------
    at("2031-06-02T11:00")
    head.talks.propose(
        ch,
        "wf-1",
        start="2031-06-10T10:00:00+04:00",
        venue=KELLERBRUNN,
        format="chaired",
        agenda=[
            _item("alerts", "alert-protocol", "How fire alerts are sent and acknowledged"),
            _item("air", "overflight-procedure", "Clearance for firefighting aircraft"),
            _item("ground", "brigade-passage", "Fire brigades at the Tasmalı checkpoint"),
        ],
        attendees=everyone,
    )
    at("2031-06-03T09:30")
    hov.talks.answer(ch, "wf-1", True)
    at("2031-06-04T16:15")
    qar.talks.answer(ch, "wf-1", True)

    at("2031-06-10T11:20")
    qar.talks.raise_item(
        ch,
        "wf-1",
        "pasture-compensation",
        "Compensation for pastures burned in 2030",
        text="Qaraçınar asks the cell to assess the pastures near Çaylaq burned last summer "
        "and the compensation owed to the herders.",
    )
    at("2031-06-10T11:35")
    head.talks.answer_item(
        ch,
        "wf-1",
        "pasture-compensation",
        False,
        "Compensation for past damage is outside the mandate of the cell.",
    )
    at("2031-06-10T15:00")
    head.talks.record_held(
        ch,
        "wf-1",
        started="2031-06-10T10:15:00+04:00",
        ended="2031-06-10T14:05:00+04:00",
        chair="Solveig Brekke",
        attendees=everyone,
    )
    items_1: list[dict[str, Any]] = [
        {
            "item": "alert-protocol",
            "summary": "How fire alerts are sent and acknowledged.",
            "outcome": "Agreed: a fire alert is sent through the channel as a flash message "
            "and acknowledged by the receiving side within five minutes; each side keeps a "
            "duty officer for fire alerts from 07:00 to 22:00.",
        },
        {
            "item": "overflight-procedure",
            "summary": "Clearance for firefighting aircraft to cross the line.",
            "positions": {
                "hovtashen": "Every flight is cleared separately, at least one hour ahead.",
                "qaracinar": "A standing clearance for the whole fire season.",
            },
            "outcome": "Agreed: a request for a firefighting aircraft to cross the line is "
            "answered within one hour; the Qaraçınar side gives the tail number and crew "
            "list of its aircraft by 20 June.",
        },
        {
            "item": "brigade-passage",
            "summary": "Fire brigades at the Tasmalı checkpoint.",
            "outcome": "Agreed in principle that brigades of either side may pass the Tasmalı "
            "checkpoint on a fire alert; the Hovtashen side presents a list of brigade "
            "vehicles and a passage procedure by 24 June.",
        },
        {
            "item": "pasture-compensation",
            "summary": "Raised by the Qaraçınar side; ruled outside the mandate by the CFCO.",
            "outcome": "Not discussed.",
        },
    ]
    general_1 = "Chaired by Solveig Brekke."
    at("2031-06-10T20:00")
    officer.talks.draft_minutes(ch, "wf-1", items_1, general=general_1)
    at("2031-06-11T09:10")
    hov.talks.sign_minutes(ch, "wf-1", 1)
    at("2031-06-11T11:40")
    objection, _ = qar.send(
        ch,
        to="cfco",
        priority="routine",
        topic="alerts",
        subject="Minutes of 10 June, version 1",
        text="We do not sign version 1: the cell agreed on duty officers round the clock, "
        "not from 07:00 to 22:00. Fires do not stop at night.",
    )
    at("2031-06-11T12:30")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, objection.id, "Checked against our notes; a corrected version follows.")
    items_1[0]["outcome"] = (
        "Agreed: a fire alert is sent through the channel as a flash message and acknowledged "
        "by the receiving side within five minutes; each side keeps a duty officer for fire "
        "alerts round the clock."
    )
    at("2031-06-11T16:00")
    officer.talks.draft_minutes(ch, "wf-1", items_1, general=general_1)
    at("2031-06-12T10:00")
    qar.talks.sign_minutes(ch, "wf-1", 2)
    at("2031-06-12T14:30")
    hov.talks.sign_minutes(ch, "wf-1", 2)
    at("2031-06-12T17:00")
    head.talks.sign_minutes(ch, "wf-1", 2)

    at("2031-06-13T10:00")
    head.talks.add_commitment(
        ch,
        "duty-officer",
        owner="hovtashen",
        meeting="wf-1",
        agenda_item="alert-protocol",
        text="Name a duty officer for fire alerts, reachable round the clock.",
        due="2031-06-17T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "aircraft-data",
        owner="qaracinar",
        meeting="wf-1",
        agenda_item="overflight-procedure",
        text="Give the tail number and crew list of the firefighting aircraft.",
        due="2031-06-20T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "passage-list",
        owner="hovtashen",
        meeting="wf-1",
        agenda_item="brigade-passage",
        text="Present a list of brigade vehicles and a procedure for their passage through "
        "the Tasmalı checkpoint.",
        due="2031-06-24T18:00:00+04:00",
    )

    # --- communiqué 1, four languages, signed by all ------------------------------------
    at("2031-06-13T12:00")
    officer.disclosures.draft_communique(ch, "communique-2031-06-10", COMMUNIQUE_1, "wf-1")
    at("2031-06-13T15:00")
    head.disclosures.sign_communique(ch, "communique-2031-06-10", 1)
    at("2031-06-14T10:00")
    qar.disclosures.sign_communique(ch, "communique-2031-06-10", 1)

    # --- fire alert 1: Palıdlı forest, Sunday 15 June ----------------------------------
    at("2031-06-15T14:20")
    alert1, _ = qar_air.send(
        ch,
        to="hovtashen",
        priority="flash",
        topic="alerts",
        subject="Fire alert: Palıdlı forest",
        text="Fire in the Palıdlı forest two kilometres from the line; the wind is pushing "
        "it north-west towards the Mesasar forest.",
    )
    at("2031-06-15T14:22")
    hov_fire.mark_delivered(ch)
    at("2031-06-15T14:24")
    hov_fire.acknowledge(ch, alert1.id, "Received; two brigades sent to the Mesasar edge.")

    at("2031-06-16T09:30")
    hov.disclosures.sign_communique(ch, "communique-2031-06-10", 1)

    at("2031-06-16T17:30")
    hov.talks.report(
        ch,
        "duty-officer",
        "Captain Arsen Hovakimyan of the Karmrajur fire station is the duty officer from "
        "16 June, on call round the clock.",
    )
    at("2031-06-17T10:00")
    qar.talks.confirm(ch, "duty-officer", "Our duty desk reached him at 02:00 on 17 June.")

    at("2031-06-19T12:00")
    qar.talks.report(
        ch,
        "aircraft-data",
        "Aircraft QÇ-07, an amphibious water bomber based at Ağtala airfield, crew of four; "
        "the crew list was sent to the CFCO on 19 June.",
    )
    at("2031-06-20T09:00")
    hov.talks.confirm(ch, "aircraft-data", "Received through the CFCO.")

    at("2031-06-24T17:00")
    hov.talks.report(
        ch, "passage-list", "A list of six brigade vehicles was sent to the CFCO on 24 June."
    )
    at("2031-06-25T11:00")
    qar.talks.dispute(
        ch,
        "passage-list",
        "The list came without a passage procedure: no hours, no night passage, no officer "
        "at the barrier.",
    )

    # --- fire alert 2: Khoshkar ridge, Friday 27 June -----------------------------------
    at("2031-06-27T16:05")
    alert2, _ = hov_fire.send(
        ch,
        to="qaracinar",
        priority="flash",
        topic="alerts",
        subject="Fire alert: Khoshkar ridge",
        text="A column of smoke on Khoshkar ridge at the line; the fire is moving east, "
        "towards your side.",
    )
    at("2031-06-27T16:30")
    qar_air.mark_delivered(ch)
    at("2031-06-27T16:52")
    qar_air.acknowledge(ch, alert2.id, "Received; our brigades are on the way.")

    # --- the aircraft crosses the line: Saturday 28 June --------------------------------
    at("2031-06-28T06:10")
    overflight, _ = qar_air.send(
        ch,
        to="hovtashen",
        priority="urgent",
        topic="air",
        subject="Overflight request: aircraft QÇ-07",
        text="We ask that our aircraft QÇ-07 from Ağtala airfield may cross the line over "
        "Khoshkar ridge today from 07:00 to 19:00, for up to twelve water drops.",
    )
    at("2031-06-28T06:20")
    hov_fire.mark_delivered(ch)
    at("2031-06-28T06:35")
    hov_fire.acknowledge(
        ch, overflight.id, "Cleared from 07:00 to 19:00; no flights north of Karmrajur."
    )

    # --- evacuation of Karmrajur ------------------------------------------------------
    at("2031-06-28T13:30")
    evac, _ = hov.send(
        ch,
        to="cfco",
        priority="urgent",
        topic="alerts",
        subject="Karmrajur evacuated",
        text="The village of Karmrajur was evacuated this morning: 212 residents were taken "
        "to Vardablur by 13:00. The fire is one kilometre from the houses.",
    )
    at("2031-06-28T13:40")
    officer.mark_delivered(ch)
    at("2031-06-28T13:45")
    officer.acknowledge(ch, evac.id, "Received; passed to the Qaraçınar duty desk.")

    at("2031-06-29T08:00")
    officer.send(
        ch,
        to="qaracinar",
        priority="urgent",
        topic="ground",
        subject="Eastern flank of Khoshkar ridge",
        text="The Hovtashen side asks that your brigades hold the eastern flank of the ridge "
        "above Çaylaq today. Please acknowledge.",
    )
    at("2031-06-29T08:20")
    qar_air.mark_delivered(ch)

    # --- session 2: proposed for 3 July, postponed to 8 July ----------------------------
    at("2031-06-29T10:00")
    head.talks.propose(
        ch,
        "wf-2",
        start="2031-07-03T11:00:00+04:00",
        venue=VARDABLUR,
        format="chaired",
        agenda=[
            _item("assessment", "khoshkar-assessment", "Joint assessment of Khoshkar ridge"),
            _item("assessment", "fire-origin", "Where the Khoshkar fire started"),
            _item("equipment", "equipment-loan", "Loan of pumps and hose"),
        ],
        attendees=everyone,
    )
    at("2031-06-29T15:00")
    hov.talks.answer(ch, "wf-2", True)
    at("2031-06-30T09:00")
    qar.talks.counter(
        ch,
        "wf-2",
        start="2031-07-08T11:00:00+04:00",
        note="Our brigades are still on the ridge.",
    )
    at("2031-06-30T12:00")
    officer.talks.answer(ch, "wf-2", True)
    at("2031-07-01T10:00")
    hov.talks.answer(ch, "wf-2", True)

    at("2031-07-08T11:30")
    hov.talks.raise_item(
        ch,
        "wf-2",
        "firing-range",
        "Firing exercises near Çaylaq",
        text="Hovtashen asks that firing exercises on the range near Çaylaq stop until the "
        "end of the dry season.",
    )
    at("2031-07-08T11:45")
    qar.talks.answer_item(
        ch, "wf-2", "firing-range", False, "Military exercises are not a matter for this cell."
    )
    at("2031-07-08T16:30")
    held_2 = head.talks.record_held(
        ch,
        "wf-2",
        started="2031-07-08T11:10:00+04:00",
        ended="2031-07-08T15:40:00+04:00",
        chair="Solveig Brekke",
        attendees={
            "cfco": ["Solveig Brekke", "Jules Marchetti"],
            "hovtashen": ["Vahagn Zakaryan", "Mariam Khachikyan"],
            "qaracinar": ["Səbinə Qurbanova"],
        },
        note="The Qaraçınar delegation was led by Səbinə Qurbanova.",
    ).entry_id
    at("2031-07-08T20:00")
    officer.talks.draft_minutes(
        ch,
        "wf-2",
        [
            {
                "item": "khoshkar-assessment",
                "summary": "Joint assessment of the burned area on Khoshkar ridge.",
                "outcome": "Agreed: three experts of each side and the CFCO fire liaison "
                "officer walk the burned area on 15 July.",
            },
            {
                "item": "fire-origin",
                "summary": "Where the Khoshkar fire started.",
                "positions": {
                    "hovtashen": "The fire crossed the line from stubble burning in the "
                    "fields of Çaylaq.",
                    "qaracinar": "The fire started next to a Hovtashen army post on the ridge.",
                },
                "outcome": "No agreement on the origin; the joint team records the traces it "
                "finds.",
            },
            {
                "item": "equipment-loan",
                "summary": "Loan of pumps and hose.",
                "outcome": "Agreed: the Hovtashen side lends the Qaraçınar side two portable "
                "pumps and 1,200 metres of hose; they are returned by 31 July.",
            },
            {
                "item": "firing-range",
                "summary": "Raised by the Hovtashen side; declined by the Qaraçınar side.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Solveig Brekke. The Hovtashen side undertook to post an officer "
        "with authority to open the barrier at the Tasmalı checkpoint by 15 July.",
    )
    at("2031-07-09T09:30")
    qar.talks.sign_minutes(ch, "wf-2", 1)
    at("2031-07-09T11:00")
    hov.talks.sign_minutes(ch, "wf-2", 1)
    at("2031-07-09T14:00")
    head.talks.sign_minutes(ch, "wf-2", 1)

    at("2031-07-09T16:00")
    head.talks.add_commitment(
        ch,
        "pumps-return",
        owner="qaracinar",
        meeting="wf-2",
        agenda_item="equipment-loan",
        text="Return the two portable pumps and 1,200 metres of hose lent by the Hovtashen side.",
        due="2031-07-31T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "barrier-officer",
        owner="hovtashen",
        meeting="wf-2",
        text="Post an officer with authority to open the barrier at the Tasmalı checkpoint "
        "for fire brigades.",
        due="2031-07-15T18:00:00+04:00",
    )

    at("2031-07-10T10:00")
    loan, _ = hov_fire.send(
        ch,
        to="qaracinar",
        priority="routine",
        topic="equipment",
        subject="Pumps handed over",
        text="Two portable pumps and 1,200 metres of hose were handed over to your brigade "
        "at the Tasmalı checkpoint at 09:30 today.",
    )
    at("2031-07-10T11:00")
    qar_air.mark_delivered(ch)
    qar_air.acknowledge(ch, loan.id, "Received in good order.")

    at("2031-07-10T15:00")
    hov.disclosures.unilateral(
        ch,
        "Հովտաշենի կողմը հայտարարում է, որ Խոշքարի հրդեհը սկսվել է հակառակ կողմի դաշտերում "
        "ծղոտ այրելուց և անցել է գիծը։",
        "hy",
        source="Press service of the Hovtashen delegation, 10 July 2031",
    )

    # --- communiqué 2: never signed by Qaraçınar ---------------------------------------
    at("2031-07-11T10:00")
    officer.disclosures.draft_communique(ch, "communique-2031-07-08", COMMUNIQUE_2, "wf-2")
    at("2031-07-11T12:00")
    head.disclosures.sign_communique(ch, "communique-2031-07-08", 1)
    at("2031-07-11T16:00")
    hov.disclosures.sign_communique(ch, "communique-2031-07-08", 1)

    # --- the joint assessment, 15 July; reported 18 July ------------------------------
    at("2031-07-18T11:00")
    assessment = {}
    for party in ("hovtashen", "qaracinar"):
        assessment[party], _ = officer.send(
            ch,
            to=party,
            priority="routine",
            topic="assessment",
            subject="Joint assessment of Khoshkar ridge, 15 July",
            text="The joint team walked the ridge on 15 July: 340 hectares burned, 190 on the "
            "Hovtashen side and 150 on the Qaraçınar side. The earliest burn scar the team "
            "found lies 300 metres east of the line.",
        )
    at("2031-07-18T14:00")
    hov_fire.mark_delivered(ch)
    at("2031-07-18T15:00")
    hov.acknowledge(
        ch,
        assessment["hovtashen"].id,
        "Received; we do not accept the place given for the earliest scar.",
    )
    at("2031-07-19T08:30")
    qar_air.mark_delivered(ch)
    at("2031-07-19T09:00")
    qar.acknowledge(ch, assessment["qaracinar"].id, "Received.")

    # --- session 3: Çaylaq, moved online because of smoke --------------------------------
    at("2031-07-22T10:00")
    head.talks.propose(
        ch,
        "wf-3",
        start="2031-08-06T10:00:00+04:00",
        venue=CAYLAQ,
        format="chaired",
        agenda=[
            _item("equipment", "equipment-return", "Return of the pumps and hose"),
            _item("ground", "checkpoint-barrier", "Opening the Tasmalı barrier for brigades"),
            _item("alerts", "alert-delays", "Late acknowledgement of fire alerts"),
        ],
        attendees=everyone,
    )
    at("2031-07-22T15:00")
    qar.talks.answer(ch, "wf-3", True)
    at("2031-07-23T11:00")
    hov.talks.answer(ch, "wf-3", True)

    at("2031-07-31T17:00")
    qar.talks.report(
        ch,
        "pumps-return",
        "Both pumps and the hose were returned at the Tasmalı checkpoint on 31 July.",
    )
    at("2031-08-01T10:00")
    hov.talks.dispute(
        ch,
        "pumps-return",
        "One pump came back on 31 July; the second pump and 400 metres of hose did not.",
    )

    at("2031-08-04T09:00")
    head.talks.counter(
        ch,
        "wf-3",
        venue=ONLINE,
        note="Smoke from the fire in the Palıdlı forest has closed the road to Çaylaq.",
    )
    at("2031-08-04T12:00")
    qar.talks.answer(ch, "wf-3", True)
    at("2031-08-04T15:30")
    hov.talks.answer(ch, "wf-3", True)

    at("2031-08-06T09:40")
    qar.talks.propose_item(ch, "wf-3", "replanting", "assessment", "Replanting Khoshkar ridge")
    at("2031-08-06T09:55")
    hov.talks.answer_item(ch, "wf-3", "replanting", True)
    at("2031-08-06T13:00")
    officer.talks.record_held(
        ch,
        "wf-3",
        started="2031-08-06T10:05:00+04:00",
        ended="2031-08-06T12:30:00+04:00",
        chair="Jules Marchetti",
        attendees={
            "cfco": ["Jules Marchetti"],
            "hovtashen": ["Vahagn Zakaryan", "Mariam Khachikyan"],
            "qaracinar": ["Fərhad Nağıyev", "Səbinə Qurbanova"],
        },
    )
    items_3: list[dict[str, Any]] = [
        {
            "item": "equipment-return",
            "summary": "Return of the pumps and hose lent on 10 July.",
            "positions": {
                "hovtashen": "One pump came back; the second pump and 400 metres of hose "
                "are missing.",
                "qaracinar": "The second pump was damaged on the ridge and is being repaired.",
            },
            "outcome": "The Qaraçınar side returns the second pump and 400 metres of hose by "
            "15 August.",
        },
        {
            "item": "checkpoint-barrier",
            "summary": "Opening the Tasmalı barrier for fire brigades.",
            "outcome": "Agreed: from 11 August the Hovtashen side lets Qaraçınar brigades "
            "through the Tasmalı checkpoint within 30 minutes of a fire alert.",
        },
        {
            "item": "alert-delays",
            "summary": "Late acknowledgement of fire alerts.",
            "outcome": "The CFCO noted that the alert of 27 June was acknowledged 47 minutes "
            "after it was sent; the sides reaffirmed the five-minute rule.",
        },
        {
            "item": "replanting",
            "summary": "Replanting Khoshkar ridge, proposed by the Qaraçınar side.",
            "outcome": "A joint nursery plan is discussed at the next session.",
        },
    ]
    general_3 = "Chaired by Jules Marchetti; Solveig Brekke did not attend."
    at("2031-08-06T18:00")
    officer.talks.draft_minutes(ch, "wf-3", items_3, general=general_3)
    at("2031-08-07T09:00")
    qar.talks.sign_minutes(ch, "wf-3", 1)
    at("2031-08-07T10:30")
    fix, _ = hov.send(
        ch,
        to="cfco",
        priority="routine",
        topic="ground",
        subject="Minutes of 6 August: the barrier",
        text="We agreed to forty-five minutes at the Tasmalı barrier, not thirty. Please correct.",
    )
    at("2031-08-07T11:00")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, fix.id, "Checked against the recording; corrected.")
    items_3[1]["outcome"] = (
        "Agreed: from 11 August the Hovtashen side lets Qaraçınar brigades through the "
        "Tasmalı checkpoint within 45 minutes of a fire alert."
    )
    at("2031-08-07T14:00")
    officer.talks.draft_minutes(ch, "wf-3", items_3, general=general_3)
    at("2031-08-08T09:15")
    hov.talks.sign_minutes(ch, "wf-3", 2)
    at("2031-08-08T12:00")
    head.talks.sign_minutes(ch, "wf-3", 2)
    at("2031-08-08T16:00")
    qar.talks.sign_minutes(ch, "wf-3", 2)

    at("2031-08-08T17:00")
    head.talks.add_commitment(
        ch,
        "second-pump",
        owner="qaracinar",
        meeting="wf-3",
        agenda_item="equipment-return",
        text="Return the second pump and 400 metres of hose.",
        due="2031-08-15T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "barrier-45",
        owner="hovtashen",
        meeting="wf-3",
        agenda_item="checkpoint-barrier",
        text="Let Qaraçınar fire brigades through the Tasmalı checkpoint within 45 minutes "
        "of a fire alert.",
        due="2031-08-11T12:00:00+04:00",
    )

    # --- communiqué 3, signed by all -----------------------------------------------------
    at("2031-08-09T10:00")
    officer.disclosures.draft_communique(ch, "communique-2031-08-06", COMMUNIQUE_3, "wf-3")
    at("2031-08-09T12:00")
    head.disclosures.sign_communique(ch, "communique-2031-08-06", 1)
    at("2031-08-10T11:00")
    hov.disclosures.sign_communique(ch, "communique-2031-08-06", 1)
    at("2031-08-11T09:00")
    hov.talks.report(
        ch,
        "barrier-45",
        "Since 08:00 on 11 August an officer at the Tasmalı barrier opens it for brigades on "
        "a fire alert.",
    )
    at("2031-08-11T10:00")
    qar.disclosures.sign_communique(ch, "communique-2031-08-06", 1)

    # --- fire alert 3: Mesasar forest, night of 12 August: never acknowledged ------------
    at("2031-08-12T03:40")
    alert3, _ = hov_fire.send(
        ch,
        to="qaracinar",
        priority="flash",
        topic="alerts",
        subject="Fire alert: Mesasar forest",
        text="Fire in the Mesasar forest 500 metres from the line, spreading towards the "
        "Palıdlı forest.",
    )
    at("2031-08-12T03:55")
    qar_air.mark_delivered(ch)
    at("2031-08-12T12:00")
    qar.talks.confirm(
        ch, "barrier-45", "Our brigade passed the Tasmalı barrier in twenty minutes on 12 August."
    )

    at("2031-08-13T10:00")
    hov.disclosures.propose(
        ch,
        "open-alert-12aug",
        [alert3.id],
        "public",
        "The public should know that the alert of 12 August was never answered.",
    )
    at("2031-08-14T10:00")
    head.disclosures.propose(
        ch,
        "open-assessment",
        [held_2, assessment["hovtashen"].id, assessment["qaracinar"].id],
        "public",
        "The villages on both sides should know how much of the ridge burned.",
    )
    at("2031-08-15T11:00")
    hov.disclosures.sign(ch, "open-assessment")
    at("2031-08-16T10:00")
    qar.disclosures.unilateral(
        ch,
        "Qaraçınar tərəfi bildirir ki, iyulda Hovtaşen tərəfindən verilmiş nasosların və "
        "şlanqların hamısı qaytarılıb.",
        "az",
        source="Press service of the Qaraçınar delegation, 16 August 2031",
    )
    at("2031-08-18T09:30")
    qar.disclosures.sign(ch, "open-assessment")

    # --- the next session: agreed; a direct meeting on the pump: proposed only ---------
    at("2031-08-19T10:00")
    head.talks.propose(
        ch,
        "wf-4",
        start="2031-09-09T11:00:00+04:00",
        venue=TASMALI,
        format="chaired",
        agenda=[
            _item("alerts", "season-review", "Review of the fire season"),
            _item("assessment", "nursery-plan", "A joint nursery plan for Khoshkar ridge"),
        ],
        attendees=everyone,
    )
    at("2031-08-20T09:00")
    hov.talks.answer(ch, "wf-4", True)
    at("2031-08-21T14:00")
    qar.talks.answer(ch, "wf-4", True)

    at("2031-08-22T11:00")
    hov.talks.propose(
        ch,
        "wf-pump",
        start="2031-09-02T10:00:00+04:00",
        venue=VARDABLUR,
        format="direct",
        agenda=[_item("equipment", "pump-handover", "Handover of the second pump")],
        attendees={"hovtashen": ["Mariam Khachikyan"], "qaracinar": ["Səbinə Qurbanova"]},
    )
    at("2031-08-26T12:00")
