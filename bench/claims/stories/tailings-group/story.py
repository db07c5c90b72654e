"""A joint environmental incident working group after a tailings-dam leak (held-out story;
fiction).

The Lorvan Environmental Mission (LEM, the mediator) runs the Joint Environmental Incident
Working Group between the Dəmirli and Getahovit sides from March to July 2029, after the
tailings dam of the Mişarlı copper mine (Dəmirli side) leaked into the Lorvan river, which
crosses the line of contact downstream into the Getahovit side: sampling at two agreed
points (the Sarıdaş footbridge, L-1, and the Nor Kyugh weir, L-2), a joint laboratory at
the Kəhrizli checkpoint and an independent laboratory abroad (the Morlens Institute of
Water Chemistry), results exchanged by message, a drinking-water warning for the villages
of Jrashen and Jraber, a ban on irrigation, repair of the dam, a dispute over the custody
of samples, inspectors' access through the Kəhrizli checkpoint, and a compensation
question ruled outside the mandate. Every place, side and person is invented. Local time
is UTC+4; the story runs from Monday 12 March to Monday 6 August 2029.

- Leak alert (Mon 12 Mar, 07:40, flash, Dəmirli -> Getahovit): a 40-metre section of the
  Mişarlı tailings dam failed at 02:15; acknowledged at 08:25 (45 minutes; deadline 10).
- Session 1 (tg-1): Thu 15 Mar, 11:00, LEM office in Veltrup; held 11:15-15:40, chaired
  by Henrike Aalto. Sampling plan agreed (daily at 08:00 at L-1 and L-2, each sample split
  three ways: joint laboratory, Morlens, LEM reserve; LEM seal). Drinking-water warning for
  Jrashen and Jraber agreed. "Compensation for damage downstream" raised by Getahovit,
  ruled outside the mandate by the LEM. Minutes v1 signed by all. Commitments: warning
  (Getahovit, 16 Mar; reported, confirmed), temporary berm (Dəmirli, 22 Mar; reported
  21 Mar, confirmed), dam design and monitoring records (Dəmirli, 25 Mar: never reported,
  overdue). Communiqué 1 (en, ru, hy, az): published.
- First joint-laboratory results (Tue 20 Mar, 17:00, urgent, LEM -> each side): copper
  2.4 mg/l at L-1, 0.9 mg/l at L-2. Getahovit acknowledges at 17:30; Dəmirli on 21 Mar at
  09:10 (late).
- Session 2 (tg-2): proposed for Wed 28 Mar, 10:00, Kəhrizli checkpoint; postponed by
  Dəmirli to Wed 4 Apr; held 10:20-13:45, chaired by Henrike Aalto. Irrigation ban below
  the line until 15 May agreed; inspectors' visit to the dam agreed (minutes v1: 11 April;
  corrected in v2 to 12 April, after a Dəmirli message). "Custody of the samples of
  29 March" raised by Getahovit, declined by Dəmirli. Commitments: notice of the ban
  (Getahovit, 6 Apr; reported, confirmed), access for the inspectors (Dəmirli, 12 Apr;
  reported, disputed). Communiqué 2 (en, ru) signed by the LEM and Getahovit only: never
  published.
- Custody message (Fri 30 Mar, 09:30, urgent, Getahovit -> LEM): the cool box of the
  29 March samples from L-2 reached the joint laboratory with a broken seal after four
  hours with Dəmirli checkpoint staff; acknowledged at 12:05 (late). Getahovit proposes
  opening it (20 Apr); Dəmirli never signs.
- Morlens results (Mon 16 Apr, 11:00, urgent, LEM -> each side): cadmium 0.012 mg/l at
  L-2, four times the joint laboratory's value. Getahovit acknowledges at 11:20, Dəmirli
  at 14:30 (late). The message to Getahovit is opened (disclosure signed by all).
- Session 3 (tg-3): extraordinary, Tue 17 Apr, 15:00, by videoconference; held
  15:10-16:40, chaired by Mateo Brandão (Henrike Aalto absent); Dəmirli represented by
  Nigar Səfərova. Warning kept for Jrashen, lifted for Jraber from 20 April; joint
  laboratory recalibrates for cadmium. Commitment: daily seepage readings (Dəmirli, from
  20 Apr; reported 24 Apr, late; confirmed). Communiqué 3 (en, ru, hy, az): published.
- Session 4 (tg-4): proposed for Wed 9 May, 10:00, Kəhrizli checkpoint; moved by the LEM
  to Veltrup; held 10:00-14:10, chaired by Henrike Aalto. Permanent repair of the dam by
  30 June; irrigation ban ends 15 May for Jraber, stays until 15 June for Jrashen; weekly
  sampling from 14 May. "Compensation to farmers" raised by Getahovit, declined by
  Dəmirli. Commitment: permanent repair (Dəmirli, 30 Jun; reported 3 Jul, late;
  confirmed). Communiqué 4 (en, ru, hy, az): published.
- Mandate extension "compensation" proposed by Getahovit (14 May); Dəmirli never signs.
- Session 5 (tg-5): direct meeting of the two sides' experts at the Sarıdaş footbridge,
  Tue 5 Jun, 09:00; held 09:20-11:00, no chair. Seals of both sides on the L-1 cool boxes;
  turbidity sensor (Dəmirli, 20 Jun; reported, disputed).
- Session 6 (tg-6): Thu 12 Jul, 10:00, Veltrup; held 10:30-13:20, chaired by Henrike
  Aalto. Warning for Jrashen lifted from 16 July; sampling weekly until 30 September.
  "Restart of ore processing at Mişarlı" raised by Getahovit, declined by Dəmirli.
  Commitments: notice lifting the warning (Getahovit, 16 Jul; reported, confirmed),
  monthly dam reports (Dəmirli, first by 31 Jul: overdue). Communiqué 6 (en, ru, hy, az):
  published.
- Next session tg-7: Wed 19 Sep, 11:00, Kəhrizli checkpoint: agreed. A direct meeting in
  Jrashen (tg-autumn) proposed by Getahovit for Tue 2 Oct: accepted by nobody else.
- Turbidity after rain (Fri 20 Jul, 07:50, urgent, Getahovit -> Dəmirli): delivered,
  never acknowledged.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "joint-tailings-group"
START = datetime(2029, 3, 12, 3, 0, tzinfo=UTC)  # Monday 12 March 2029, 07:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    ("lem-head", "lem", "head", "Henrike Aalto", "Head of the Lorvan Environmental Mission"),
    ("lem-officer", "lem", "member", "Mateo Brandão", "Deputy head, Lorvan Environmental Mission"),
    ("dem-head", "demirli", "head", "Rəşad Quliyev", "Head of the Dəmirli delegation"),
    (
        "dem-eng",
        "demirli",
        "member",
        "Nigar Səfərova",
        "Chief engineer for tailings safety, Dəmirli side",
    ),
    ("get-head", "getahovit", "head", "Vahagn Ter-Grigoryan", "Head of the Getahovit delegation"),
    (
        "get-san",
        "getahovit",
        "member",
        "Siranush Arakelyan",
        "Head of the sanitary and water-quality service, Getahovit side",
    ),
]

SIDES = {
    "lem": ("Lorvan Environmental Mission", "mediator"),
    "demirli": ("Dəmirli side", "party"),
    "getahovit": ("Getahovit side", "party"),
}

MANDATE = [
    {"id": "sampling", "title": "Water sampling and laboratory analysis"},
    {"id": "health", "title": "Drinking water and public-health warnings"},
    {"id": "irrigation", "title": "Use of river water for irrigation"},
    {"id": "dam", "title": "Safety and repair of the Mişarlı tailings dam"},
    {"id": "access", "title": "Access of inspectors and experts across the line"},
]


def _term(tid: str, kind: str, en: str, ru: str, hy: str, az: str, note: str = "") -> dict:
    t: dict[str, Any] = {"id": tid, "kind": kind, "names": {"en": en, "ru": ru, "hy": hy, "az": az}}
    if note:
        t["note"] = note
    return t


GLOSSARY = [
    _term(
        "lem",
        "side",
        "Lorvan Environmental Mission",
        "Лорванская экологическая миссия",
        "Լորվանի բնապահպանական առաքելություն",
        "Lorvan Ekoloji Missiyası",
    ),
    _term("demirli", "side", "Dəmirli", "Дамирли", "Դամիրլի", "Dəmirli"),
    _term("getahovit", "side", "Getahovit", "Гетаовит", "Գետահովիտ", "Getahovit"),
    _term("veltrup", "place", "Veltrup", "Вельтруп", "Վելտրուպ", "Veltrup"),
    _term(
        "kehrizli",
        "place",
        "Kəhrizli checkpoint",
        "КПП Кягризли",
        "Քյահրիզլիի անցակետ",
        "Kəhrizli keçid məntəqəsi",
        "Crossing point on the line; the joint laboratory stands there in a container.",
    ),
    _term(
        "saridas",
        "place",
        "Sarıdaş footbridge",
        "пешеходный мост Сарыдаш",
        "Սարըդաշի հետիոտնային կամուրջ",
        "Sarıdaş piyada körpüsü",
        "Sampling point L-1 on the Lorvan, just above the line.",
    ),
    _term(
        "norkyugh",
        "place",
        "Nor Kyugh weir",
        "плотина Нор Кюх",
        "Նոր Գյուղի ջրթափ",
        "Nor Kyuq bəndi",
        "Sampling point L-2 on the Lorvan, below the line.",
    ),
    _term(
        "misharli",
        "place",
        "Mişarlı tailings dam",
        "хвостохранилище Мишарлы",
        "Միշարլըի պոչամբար",
        "Mişarlı tullantı anbarı",
        "Tailings dam of the Mişarlı copper mine on the Dəmirli side.",
    ),
    _term("lorvan", "place", "Lorvan river", "река Лорван", "Լորվան գետ", "Lorvan çayı"),
    _term(
        "jrashen",
        "place",
        "Jrashen",
        "Джрашен",
        "Ջրաշեն",
        "Craşen",
        "Village on the Getahovit side on the left bank of the Lorvan, below the weir.",
    ),
    _term(
        "jraber",
        "place",
        "Jraber",
        "Джрабер",
        "Ջրաբեր",
        "Crabər",
        "Village on the Getahovit side on the left bank of the Lorvan, below the weir.",
    ),
    _term(
        "morlens",
        "place",
        "Morlens Institute of Water Chemistry",
        "Морленский институт химии воды",
        "Մորլենսի ջրի քիմիայի ինստիտուտ",
        "Morlens Su Kimyası İnstitutu",
        "Independent laboratory abroad.",
    ),
]

VELTRUP = "LEM office, Veltrup"
KEHRIZLI = "Kəhrizli checkpoint, LEM tent by the joint laboratory"
ONLINE = "Videoconference (online), hosted by the LEM"
SARIDAS = "Sarıdaş footbridge, sampling point L-1"
JRASHEN = "Jrashen village school"

COMMUNIQUE_1 = {
    "en": "On 15 March 2029 the Joint Environmental Incident Working Group met for the first "
    "time, at the office of the Lorvan Environmental Mission in Veltrup, after the leak from "
    "the Mişarlı tailings dam on 12 March. The sides agreed to sample the Lorvan river every "
    "day at 08:00 at two points, the Sarıdaş footbridge and the Nor Kyugh weir. Each sample "
    "is analysed by the joint laboratory at the Kəhrizli checkpoint and by the Morlens "
    "Institute of Water Chemistry. Residents of Jrashen and Jraber are advised not to drink "
    "river water or water from wells near the river until further notice.",
    "ru": "15 марта 2029 года в офисе Лорванской экологической миссии в Вельтрупе впервые "
    "собралась Совместная рабочая группа по экологическому инциденту после утечки из "
    "хвостохранилища Мишарлы 12 марта. Стороны договорились ежедневно в 08:00 отбирать пробы "
    "воды реки Лорван в двух точках: у пешеходного моста Сарыдаш и у плотины Нор Кюх. Каждая "
    "проба анализируется совместной лабораторией на КПП Кягризли и Морленским институтом "
    "химии воды. Жителям Джрашена и Джрабера до особого уведомления рекомендуется не пить "
    "речную воду и воду из колодцев у реки.",
    "hy": "2029 թվականի մարտի 15-ին Վելտրուպում՝ Լորվանի բնապահպանական առաքելության "
    "գրասենյակում, առաջին անգամ հավաքվեց Բնապահպանական միջադեպի համատեղ աշխատանքային "
    "խումբը՝ մարտի 12-ին Միշարլըի պոչամբարից տեղի ունեցած արտահոսքից հետո։ Կողմերը "
    "պայմանավորվեցին Լորվան գետի ջրից նմուշներ վերցնել ամեն օր ժամը 08:00-ին երկու կետում՝ "
    "Սարըդաշի հետիոտնային կամրջի և Նոր Գյուղի ջրթափի մոտ։ Յուրաքանչյուր նմուշ "
    "վերլուծվում է Քյահրիզլիի անցակետի համատեղ լաբորատորիայում և Մորլենսի ջրի քիմիայի "
    "ինստիտուտում։ Ջրաշենի և Ջրաբերի բնակիչներին խորհուրդ է տրվում մինչև նոր ծանուցում "
    "չխմել գետի ջուր և գետի մոտ գտնվող ջրհորների ջուր։",
    "az": "2029-cu il martın 15-də Birgə Ekoloji İnsident İşçi Qrupu martın 12-də Mişarlı "
    "tullantı anbarından baş vermiş sızmadan sonra ilk dəfə Veltrupda, Lorvan Ekoloji "
    "Missiyasının ofisində toplaşıb. Tərəflər Lorvan çayından hər gün saat 08:00-da iki "
    "nöqtədə, Sarıdaş piyada körpüsündə və Nor Kyuq bəndində nümunə götürülməsini "
    "razılaşdırıblar. Hər nümunə Kəhrizli keçid məntəqəsindəki birgə laboratoriyada və "
    "Morlens Su Kimyası İnstitutunda təhlil edilir. Craşen və Crabər sakinlərinə növbəti "
    "bildirişədək çay suyunu və çayın yaxınlığındakı quyuların suyunu içməmək tövsiyə olunur.",
}

COMMUNIQUE_2 = {
    "en": "On 4 April 2029 the group met at the Kəhrizli checkpoint. Irrigation from the "
    "Lorvan below the line is suspended until 15 May. Inspectors will visit the Mişarlı "
    "tailings dam on 12 April.",
    "ru": "4 апреля 2029 года группа собралась на КПП Кягризли. Орошение из реки Лорван ниже "
    "линии приостановлено до 15 мая. Инспекторы посетят хвостохранилище Мишарлы 12 апреля.",
}

COMMUNIQUE_3 = {
    "en": "On 17 April 2029 the group met by videoconference to review the results of the "
    "Morlens Institute of Water Chemistry. The drinking-water warning stays in force in "
    "Jrashen. In Jraber, which now takes its drinking water from a spring, the warning is "
    "lifted from 20 April.",
    "ru": "17 апреля 2029 года группа провела заседание по видеосвязи, чтобы рассмотреть "
    "результаты Морленского института химии воды. Предупреждение о питьевой воде остается в "
    "силе в Джрашене. В Джрабере, который теперь берет питьевую воду из родника, "
    "предупреждение снимается с 20 апреля.",
    "hy": "2029 թվականի ապրիլի 17-ին խումբը նիստ անցկացրեց տեսակապով՝ Մորլենսի ջրի քիմիայի "
    "ինստիտուտի արդյունքները քննարկելու համար։ Խմելու ջրի վերաբերյալ զգուշացումը Ջրաշենում "
    "մնում է ուժի մեջ։ Ջրաբերում, որն այժմ խմելու ջուրը վերցնում է աղբյուրից, զգուշացումը "
    "հանվում է ապրիլի 20-ից։",
    "az": "2029-cu il aprelin 17-də qrup Morlens Su Kimyası İnstitutunun nəticələrini "
    "müzakirə etmək üçün videokonfrans formatında toplaşıb. İçməli su ilə bağlı xəbərdarlıq "
    "Craşendə qüvvədə qalır. İçməli suyu indi bulaqdan götürən Crabərdə xəbərdarlıq aprelin "
    "20-dən götürülür.",
}

COMMUNIQUE_4 = {
    "en": "On 9 May 2029 the group met at the Mission office in Veltrup. The breached section "
    "of the Mişarlı tailings dam will be rebuilt permanently by 30 June. Irrigation from the "
    "Lorvan resumes on 15 May for the fields of Jraber and stays suspended until 15 June for "
    "the fields of Jrashen. From 14 May the river is sampled once a week, on Mondays.",
    "ru": "9 мая 2029 года группа собралась в офисе Миссии в Вельтрупе. Прорванный участок "
    "дамбы хвостохранилища Мишарлы будет окончательно восстановлен до 30 июня. Орошение из "
    "Лорвана возобновляется 15 мая для полей Джрабера и остается приостановленным до 15 июня "
    "для полей Джрашена. С 14 мая пробы воды отбираются раз в неделю, по понедельникам.",
    "hy": "2029 թվականի մայիսի 9-ին խումբը հավաքվեց Վելտրուպում՝ առաքելության գրասենյակում։ "
    "Միշարլըի պոչամբարի պատվարի քանդված հատվածը մշտական հիմունքներով կվերակառուցվի մինչև "
    "հունիսի 30-ը։ Լորվանից ոռոգումը Ջրաբերի դաշտերի համար վերսկսվում է մայիսի 15-ին, իսկ "
    "Ջրաշենի դաշտերի համար մնում է կասեցված մինչև հունիսի 15-ը։ Մայիսի 14-ից գետի ջրից "
    "նմուշներ վերցվում են շաբաթը մեկ անգամ՝ երկուշաբթի օրերին։",
    "az": "2029-cu il mayın 9-da qrup Veltrupda, Missiyanın ofisində toplaşıb. Mişarlı "
    "tullantı anbarının dağılmış hissəsi iyunun 30-dək daimi olaraq bərpa ediləcək. "
    "Lorvandan suvarma Crabərin tarlaları üçün mayın 15-də bərpa olunur, Craşenin tarlaları "
    "üçün isə iyunun 15-dək dayandırılmış qalır. Mayın 14-dən çaydan nümunələr həftədə bir "
    "dəfə, bazar ertəsi günləri götürülür.",
}

COMMUNIQUE_6 = {
    "en": "On 12 July 2029 the group met in Veltrup. The drinking-water warning in Jrashen is "
    "lifted from 16 July, after four weekly results within the limits. The Lorvan will be "
    "sampled weekly at the Sarıdaş footbridge and the Nor Kyugh weir until 30 September.",
    "ru": "12 июля 2029 года группа собралась в Вельтрупе. Предупреждение о питьевой воде в "
    "Джрашене снимается с 16 июля после четырех еженедельных результатов в пределах норм. "
    "Пробы воды Лорвана будут отбираться еженедельно у моста Сарыдаш и у плотины Нор Кюх до "
    "30 сентября.",
    "hy": "2029 թվականի հուլիսի 12-ին խումբը հավաքվեց Վելտրուպում։ Ջրաշենում խմելու ջրի "
    "վերաբերյալ զգուշացումը հանվում է հուլիսի 16-ից՝ նորմայի սահմաններում չորս շաբաթական "
    "արդյունքներից հետո։ Լորվանի ջրից նմուշներ կվերցվեն շաբաթական Սարըդաշի կամրջի և Նոր "
    "Գյուղի ջրթափի մոտ մինչև սեպտեմբերի 30-ը։",
    "az": "2029-cu il iyulun 12-də qrup Veltrupda toplaşıb. Craşendə içməli su ilə bağlı "
    "xəbərdarlıq normativ daxilində olan dörd həftəlik nəticədən sonra iyulun 16-dan "
    "götürülür. Lorvan çayından sentyabrın 30-dək həftəlik olaraq Sarıdaş körpüsündə və Nor "
    "Kyuq bəndində nümunə götürüləcək.",
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
        "title": "Joint Environmental Incident Working Group: Dəmirli and Getahovit",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 600, "urgent": 3600, "routine": 86400},
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

    head, officer = member("lem-head"), member("lem-officer")
    dem, dem_eng = member("dem-head"), member("dem-eng")
    get, get_san = member("get-head"), member("get-san")
    everyone = {
        "lem": ["Henrike Aalto", "Mateo Brandão"],
        "demirli": ["Rəşad Quliyev", "Nigar Səfərova"],
        "getahovit": ["Vahagn Ter-Grigoryan", "Siranush Arakelyan"],
    }

    # --- the leak alert: Monday 12 March --------------------------------------------------
    at("2029-03-12T07:40")
    leak, _ = dem_eng.send(
        ch,
        to="getahovit",
        priority="flash",
        topic="dam",
        subject="Failure of the Mişarlı tailings dam",
        text="At 02:15 today a 40-metre section of the Mişarlı tailings dam failed. About "
        "60,000 cubic metres of tailings slurry entered the Lorvan river. The flow into the "
        "river stopped at 05:30. Do not take water from the Lorvan until further notice.",
    )
    at("2029-03-12T07:45")
    get_san.mark_delivered(ch)
    at("2029-03-12T08:25")
    get_san.acknowledge(ch, leak.id, "Received; the intakes at Jrashen and Jraber are closed.")

    # --- session 1: Veltrup, 15 March ------------------------------------------------------
    at("2029-03-12T12:00")
    head.talks.propose(
        ch,
        "tg-1",
        start="2029-03-15T11:00:00+04:00",
        venue=VELTRUP,
        format="chaired",
        agenda=[
            _item("sampling", "sampling-plan", "Joint sampling of the Lorvan river"),
            _item("health", "water-warning", "A drinking-water warning for villages downstream"),
            _item("dam", "dam-breach", "Closing the breach in the Mişarlı tailings dam"),
        ],
        attendees=everyone,
    )
    at("2029-03-12T15:00")
    get.talks.answer(ch, "tg-1", True)
    at("2029-03-13T10:00")
    dem.talks.answer(ch, "tg-1", True)

    at("2029-03-15T12:30")
    get.talks.raise_item(
        ch,
        "tg-1",
        "compensation",
        "Compensation for damage downstream",
        text="Getahovit asks the group to assess compensation for fish killed in the Lorvan "
        "and for crops on the fields of Jrashen and Jraber.",
    )
    at("2029-03-15T12:45")
    head.talks.answer_item(
        ch,
        "tg-1",
        "compensation",
        False,
        "Compensation is outside the mandate of the group, which covers sampling, health "
        "warnings, irrigation, the dam and access only.",
    )
    at("2029-03-15T16:10")
    head.talks.record_held(
        ch,
        "tg-1",
        started="2029-03-15T11:15:00+04:00",
        ended="2029-03-15T15:40:00+04:00",
        chair="Henrike Aalto",
        attendees=everyone,
    )
    at("2029-03-15T19:00")
    officer.talks.draft_minutes(
        ch,
        "tg-1",
        [
            {
                "item": "sampling-plan",
                "summary": "Joint sampling of the Lorvan river after the leak of 12 March.",
                "positions": {
                    "demirli": "One sampling point at the line is enough.",
                    "getahovit": "The river must also be sampled where the villages take water.",
                },
                "outcome": "Agreed: the Lorvan is sampled every day at 08:00 at two points, "
                "L-1 at the Sarıdaş footbridge and L-2 at the Nor Kyugh weir; each sample is "
                "split in three: one for the joint laboratory at the Kəhrizli checkpoint, one "
                "for the Morlens Institute of Water Chemistry and one kept by the LEM; samples "
                "travel under LEM seal; results are exchanged by message through the LEM.",
            },
            {
                "item": "water-warning",
                "summary": "A drinking-water warning for Jrashen and Jraber.",
                "outcome": "Agreed: the Getahovit side warns the residents of Jrashen and "
                "Jraber by 16 March not to drink river water or water from wells within "
                "200 metres of the river.",
            },
            {
                "item": "dam-breach",
                "summary": "Closing the breach in the Mişarlı tailings dam.",
                "outcome": "Agreed: the Dəmirli side closes the breach with a temporary "
                "rock-fill berm by 22 March and sends the LEM the dam's design and monitoring "
                "records by 25 March.",
            },
            {
                "item": "compensation",
                "summary": "Raised by the Getahovit side; ruled outside the mandate by the LEM.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Henrike Aalto.",
    )
    at("2029-03-16T09:00")
    get.talks.sign_minutes(ch, "tg-1", 1)
    at("2029-03-16T11:30")
    dem.talks.sign_minutes(ch, "tg-1", 1)
    at("2029-03-16T12:00")
    head.talks.sign_minutes(ch, "tg-1", 1)
    at("2029-03-16T13:00")
    head.talks.add_commitment(
        ch,
        "warning-notice",
        owner="getahovit",
        meeting="tg-1",
        agenda_item="water-warning",
        text="Warn the residents of Jrashen and Jraber not to drink river water or water from "
        "wells within 200 metres of the Lorvan.",
        due="2029-03-16T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "temporary-berm",
        owner="demirli",
        meeting="tg-1",
        agenda_item="dam-breach",
        text="Close the breach in the Mişarlı tailings dam with a temporary rock-fill berm.",
        due="2029-03-22T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "dam-records",
        owner="demirli",
        meeting="tg-1",
        agenda_item="dam-breach",
        text="Send the LEM the design and monitoring records of the Mişarlı tailings dam.",
        due="2029-03-25T18:00:00+04:00",
    )
    at("2029-03-16T15:00")
    get.talks.report(ch, "warning-notice", "Leaflets and a loudspeaker van in both villages today.")
    at("2029-03-17T10:00")
    officer.disclosures.draft_communique(ch, "communique-2029-03-15", COMMUNIQUE_1, "tg-1")
    at("2029-03-17T12:00")
    head.disclosures.sign_communique(ch, "communique-2029-03-15", 1)
    at("2029-03-17T16:00")
    get.disclosures.sign_communique(ch, "communique-2029-03-15", 1)
    at("2029-03-18T10:00")
    dem.disclosures.sign_communique(ch, "communique-2029-03-15", 1)
    at("2029-03-18T11:00")
    dem.talks.confirm(ch, "warning-notice", "Our observers saw the leaflets in Jraber.")

    # --- first results of the joint laboratory ------------------------------------------
    first_text = (
        "Joint laboratory, samples of 16-18 March: copper 2.4 mg/l at the Sarıdaş footbridge "
        "(L-1) and 0.9 mg/l at the Nor Kyugh weir (L-2); pH 5.8 at L-1. Please acknowledge."
    )
    at("2029-03-20T17:00")
    first_get, _ = officer.send(
        ch,
        to="getahovit",
        priority="urgent",
        topic="sampling",
        subject="First results of the joint laboratory",
        text=first_text,
    )
    first_dem, _ = officer.send(
        ch,
        to="demirli",
        priority="urgent",
        topic="sampling",
        subject="First results of the joint laboratory",
        text=first_text,
    )
    at("2029-03-20T17:10")
    get_san.mark_delivered(ch)
    dem_eng.mark_delivered(ch)
    at("2029-03-20T17:30")
    get_san.acknowledge(ch, first_get.id, "Received.")
    at("2029-03-21T09:10")
    dem_eng.acknowledge(ch, first_dem.id, "Received.")

    # --- session 2: proposed for 28 March, postponed to 4 April ---------------------------
    at("2029-03-21T10:00")
    head.talks.propose(
        ch,
        "tg-2",
        start="2029-03-28T10:00:00+04:00",
        venue=KEHRIZLI,
        format="chaired",
        agenda=[
            _item("irrigation", "irrigation-ban", "Irrigation from the Lorvan below the line"),
            _item("access", "inspectors-access", "A visit of inspectors to the Mişarlı dam"),
        ],
        attendees=everyone,
    )
    at("2029-03-21T14:00")
    get.talks.answer(ch, "tg-2", True)
    at("2029-03-21T16:00")
    dem.talks.report(ch, "temporary-berm", "The temporary berm was completed at 14:00 on 21 March.")
    at("2029-03-22T10:00")
    dem.talks.counter(
        ch,
        "tg-2",
        start="2029-04-04T10:00:00+04:00",
        note="Our engineers are on the dam works until the end of March.",
    )
    at("2029-03-22T12:00")
    officer.talks.answer(ch, "tg-2", True)
    at("2029-03-23T09:00")
    get.talks.answer(ch, "tg-2", True)
    at("2029-03-23T11:00")
    get.talks.confirm(ch, "temporary-berm", "Our observers saw the berm from the footbridge.")

    # --- the custody of the samples of 29 March ------------------------------------------
    at("2029-03-30T09:30")
    custody, _ = get_san.send(
        ch,
        to="lem",
        priority="urgent",
        topic="sampling",
        subject="Broken seal on the samples of 29 March",
        text="The cool box with the samples of 29 March from the Nor Kyugh weir reached the "
        "joint laboratory with a broken LEM seal, after Dəmirli checkpoint staff held it for "
        "four hours. We ask that these samples be discarded.",
    )
    at("2029-03-30T09:40")
    officer.mark_delivered(ch)
    at("2029-03-30T12:05")
    officer.acknowledge(
        ch, custody.id, "The samples are set aside; the Morlens share will be used instead."
    )

    at("2029-04-04T11:30")
    get.talks.raise_item(
        ch,
        "tg-2",
        "sample-custody",
        "Custody of the samples of 29 March",
        text="Getahovit asks why its samples were held for four hours at the Kəhrizli "
        "checkpoint and who broke the seal.",
        topic="sampling",
    )
    at("2029-04-04T11:45")
    dem.talks.answer_item(
        ch,
        "tg-2",
        "sample-custody",
        False,
        "Checkpoint staff followed the usual inspection rules; the seal broke in transport.",
    )
    at("2029-04-04T14:15")
    head.talks.record_held(
        ch,
        "tg-2",
        started="2029-04-04T10:20:00+04:00",
        ended="2029-04-04T13:45:00+04:00",
        chair="Henrike Aalto",
        attendees=everyone,
    )
    items_2: list[dict[str, Any]] = [
        {
            "item": "irrigation-ban",
            "summary": "Irrigation from the Lorvan below the line.",
            "outcome": "Agreed: no irrigation from the Lorvan below the line until 15 May; the "
            "Getahovit side informs the farmers of Jrashen and Jraber by 6 April.",
        },
        {
            "item": "inspectors-access",
            "summary": "A visit of inspectors to the Mişarlı tailings dam.",
            "outcome": "Agreed: two Getahovit inspectors and an LEM engineer visit the Mişarlı "
            "dam on 11 April from 09:00 to 16:00, entering through the Kəhrizli checkpoint; "
            "the Dəmirli side gives them access to the crest and the spillway.",
        },
        {
            "item": "sample-custody",
            "summary": "Raised by the Getahovit side; declined by the Dəmirli side.",
            "outcome": "Not discussed.",
        },
    ]
    general_2 = "Chaired by Henrike Aalto."
    at("2029-04-04T18:00")
    officer.talks.draft_minutes(ch, "tg-2", items_2, general=general_2)
    at("2029-04-05T09:00")
    get.talks.sign_minutes(ch, "tg-2", 1)
    at("2029-04-05T10:30")
    fix, _ = dem.send(
        ch,
        to="lem",
        priority="routine",
        topic="access",
        subject="Minutes of 4 April: the date of the visit",
        text="The visit to the dam was agreed for 12 April, not 11 April: 11 April is a "
        "holiday at the mine. Please correct.",
    )
    at("2029-04-05T11:00")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, fix.id, "Checked against our notes; corrected.")
    items_2[1]["outcome"] = (
        "Agreed: two Getahovit inspectors and an LEM engineer visit the Mişarlı dam on 12 April "
        "from 09:00 to 16:00, entering through the Kəhrizli checkpoint; the Dəmirli side gives "
        "them access to the crest and the spillway."
    )
    at("2029-04-05T14:00")
    officer.talks.draft_minutes(ch, "tg-2", items_2, general=general_2)
    at("2029-04-05T16:00")
    dem.talks.sign_minutes(ch, "tg-2", 2)
    at("2029-04-06T09:00")
    get.talks.sign_minutes(ch, "tg-2", 2)
    at("2029-04-06T10:00")
    head.talks.sign_minutes(ch, "tg-2", 2)
    at("2029-04-06T11:00")
    head.talks.add_commitment(
        ch,
        "irrigation-notice",
        owner="getahovit",
        meeting="tg-2",
        agenda_item="irrigation-ban",
        text="Inform the farmers of Jrashen and Jraber that irrigation from the Lorvan is "
        "suspended until 15 May.",
        due="2029-04-06T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "inspector-access",
        owner="demirli",
        meeting="tg-2",
        agenda_item="inspectors-access",
        text="Give two Getahovit inspectors and an LEM engineer access to the crest and the "
        "spillway of the Mişarlı dam through the Kəhrizli checkpoint.",
        due="2029-04-12T16:00:00+04:00",
    )
    at("2029-04-06T12:00")
    get.talks.report(ch, "irrigation-notice", "Farmers of both villages were told at meetings.")
    at("2029-04-06T14:00")
    officer.disclosures.draft_communique(ch, "communique-2029-04-04", COMMUNIQUE_2, "tg-2")
    at("2029-04-06T16:00")
    head.disclosures.sign_communique(ch, "communique-2029-04-04", 1)
    at("2029-04-07T10:00")
    get.disclosures.sign_communique(ch, "communique-2029-04-04", 1)
    at("2029-04-09T10:00")
    dem.talks.confirm(ch, "irrigation-notice", "Pumps at the Nor Kyugh weir stand idle.")

    at("2029-04-12T18:00")
    dem.talks.report(ch, "inspector-access", "The inspectors visited the dam on 12 April.")
    at("2029-04-13T10:00")
    get.talks.dispute(
        ch,
        "inspector-access",
        "Our inspectors were held for two hours at the Kəhrizli checkpoint and were not let "
        "onto the spillway.",
    )

    # --- results of the independent laboratory --------------------------------------------
    morlens_text = (
        "Morlens Institute of Water Chemistry, samples of 19-23 March: cadmium 0.012 mg/l at "
        "the Nor Kyugh weir (L-2), four times the joint laboratory's value; copper 2.1 mg/l at "
        "the Sarıdaş footbridge (L-1). Please acknowledge."
    )
    at("2029-04-16T11:00")
    morlens_get, _ = officer.send(
        ch,
        to="getahovit",
        priority="urgent",
        topic="sampling",
        subject="Results of the Morlens Institute",
        text=morlens_text,
    )
    morlens_dem, _ = officer.send(
        ch,
        to="demirli",
        priority="urgent",
        topic="sampling",
        subject="Results of the Morlens Institute",
        text=morlens_text,
    )
    at("2029-04-16T11:05")
    get_san.mark_delivered(ch)
    dem_eng.mark_delivered(ch)
    at("2029-04-16T11:20")
    get_san.acknowledge(ch, morlens_get.id, "Received.")

    # --- session 3: online, 17 April ---------------------------------------------------
    at("2029-04-16T12:00")
    officer.talks.propose(
        ch,
        "tg-3",
        start="2029-04-17T15:00:00+04:00",
        venue=ONLINE,
        format="chaired",
        agenda=[
            _item("sampling", "morlens-results", "The results of the Morlens Institute"),
            _item("health", "drinking-water", "The drinking-water warning in Jrashen and Jraber"),
        ],
        attendees=everyone,
    )
    at("2029-04-16T14:00")
    get.talks.answer(ch, "tg-3", True)
    at("2029-04-16T14:30")
    dem_eng.acknowledge(ch, morlens_dem.id, "Received.")
    at("2029-04-16T16:00")
    dem.talks.answer(ch, "tg-3", True)

    at("2029-04-17T17:00")
    officer.talks.record_held(
        ch,
        "tg-3",
        started="2029-04-17T15:10:00+04:00",
        ended="2029-04-17T16:40:00+04:00",
        chair="Mateo Brandão",
        attendees={
            "lem": ["Mateo Brandão"],
            "demirli": ["Nigar Səfərova"],
            "getahovit": ["Vahagn Ter-Grigoryan", "Siranush Arakelyan"],
        },
        note="The Dəmirli side was represented by Nigar Səfərova.",
    )
    at("2029-04-17T20:00")
    officer.talks.draft_minutes(
        ch,
        "tg-3",
        [
            {
                "item": "morlens-results",
                "summary": "The Morlens Institute found cadmium at 0.012 mg/l at the Nor Kyugh "
                "weir, four times the joint laboratory's value.",
                "positions": {
                    "getahovit": "The joint laboratory understated the cadmium.",
                    "demirli": "The Morlens samples travelled for six days and are not comparable.",
                },
                "outcome": "Agreed: the joint laboratory recalibrates its cadmium method with "
                "a reference sample from Morlens by 24 April.",
            },
            {
                "item": "drinking-water",
                "summary": "The drinking-water warning in Jrashen and Jraber.",
                "outcome": "Agreed: the warning stays in force in Jrashen; in Jraber, which "
                "now takes its drinking water from the Ayrum spring, it is lifted from "
                "20 April. The Dəmirli side sends the LEM daily readings of the seepage pumps "
                "at the dam from 20 April.",
            },
        ],
        general="Chaired by Mateo Brandão; Henrike Aalto did not attend.",
    )
    at("2029-04-18T09:00")
    get.talks.sign_minutes(ch, "tg-3", 1)
    at("2029-04-18T10:00")
    dem.talks.sign_minutes(ch, "tg-3", 1)
    at("2029-04-18T11:00")
    head.talks.sign_minutes(ch, "tg-3", 1)
    at("2029-04-18T12:00")
    head.talks.add_commitment(
        ch,
        "seepage-readings",
        owner="demirli",
        meeting="tg-3",
        agenda_item="drinking-water",
        text="Send the LEM daily readings of the seepage pumps at the Mişarlı dam.",
        due="2029-04-20T18:00:00+04:00",
    )
    at("2029-04-18T14:00")
    officer.disclosures.draft_communique(ch, "communique-2029-04-17", COMMUNIQUE_3, "tg-3")
    at("2029-04-18T15:00")
    head.disclosures.sign_communique(ch, "communique-2029-04-17", 1)
    at("2029-04-18T17:00")
    dem.disclosures.sign_communique(ch, "communique-2029-04-17", 1)
    at("2029-04-19T09:00")
    get.disclosures.sign_communique(ch, "communique-2029-04-17", 1)
    at("2029-04-19T10:00")
    get.disclosures.propose(
        ch,
        "open-morlens",
        [morlens_get.id],
        "public",
        "Residents of Jrashen should see the independent results.",
    )
    at("2029-04-19T12:00")
    dem.disclosures.unilateral(
        ch,
        "Dəmirli tərəfi bildirir ki, Mişarlı tullantı anbarından sızma tam dayandırılıb və "
        "Sarıdaş körpüsündə çayın suyu artıq normativlərə uyğundur.",
        "az",
        source="Press service of the Dəmirli delegation, 19 April 2029",
    )
    at("2029-04-20T10:00")
    head.disclosures.sign(ch, "open-morlens")
    at("2029-04-20T11:00")
    get.disclosures.propose(
        ch,
        "open-custody",
        [custody.id],
        "public",
        "The public should know how the samples of 29 March were handled.",
    )
    at("2029-04-20T15:00")
    head.talks.propose(
        ch,
        "tg-4",
        start="2029-05-09T10:00:00+04:00",
        venue=KEHRIZLI,
        format="chaired",
        agenda=[
            _item("dam", "dam-repair", "Permanent repair of the Mişarlı dam"),
            _item("irrigation", "irrigation-review", "Review of the irrigation ban"),
            _item("sampling", "sampling-frequency", "Frequency of sampling"),
        ],
        attendees=everyone,
    )
    at("2029-04-21T10:00")
    dem.disclosures.sign(ch, "open-morlens")
    at("2029-04-21T11:00")
    dem.talks.answer(ch, "tg-4", True)
    at("2029-04-21T14:00")
    get.talks.answer(ch, "tg-4", True)
    at("2029-04-24T10:00")
    dem.talks.report(
        ch, "seepage-readings", "Daily seepage readings are sent to the LEM from 24 April."
    )
    at("2029-04-25T10:00")
    get.talks.confirm(ch, "seepage-readings", "The LEM forwards them to us every morning.")

    # --- session 4: Kəhrizli, moved to Veltrup ---------------------------------------------
    at("2029-05-07T09:00")
    head.talks.counter(
        ch, "tg-4", venue=VELTRUP, note="The Kəhrizli checkpoint is closed to traffic on 9 May."
    )
    at("2029-05-07T15:00")
    get.talks.answer(ch, "tg-4", True)
    at("2029-05-08T09:00")
    dem.talks.answer(ch, "tg-4", True)

    at("2029-05-09T11:40")
    get.talks.raise_item(
        ch,
        "tg-4",
        "farmer-compensation",
        "Compensation to farmers for the irrigation ban",
        text="Getahovit asks that the Dəmirli side compensate the farmers of Jrashen and "
        "Jraber for the weeks without irrigation.",
        topic="irrigation",
    )
    at("2029-05-09T11:55")
    dem.talks.answer_item(
        ch,
        "tg-4",
        "farmer-compensation",
        False,
        "Compensation was ruled outside the mandate on 15 March.",
    )
    at("2029-05-09T14:40")
    head.talks.record_held(
        ch,
        "tg-4",
        started="2029-05-09T10:00:00+04:00",
        ended="2029-05-09T14:10:00+04:00",
        chair="Henrike Aalto",
        attendees=everyone,
    )
    at("2029-05-09T19:00")
    officer.talks.draft_minutes(
        ch,
        "tg-4",
        [
            {
                "item": "dam-repair",
                "summary": "Permanent repair of the breached section of the Mişarlı dam.",
                "outcome": "Agreed: the Dəmirli side rebuilds the breached section permanently "
                "by 30 June; an LEM engineer inspects the works.",
            },
            {
                "item": "irrigation-review",
                "summary": "Review of the irrigation ban.",
                "positions": {
                    "getahovit": "Jraber's fields draw water above the weir and are clean.",
                    "demirli": "The ban should end everywhere on 15 May.",
                },
                "outcome": "Agreed: irrigation resumes on 15 May for the fields of Jraber and "
                "stays suspended until 15 June for the fields of Jrashen below the Nor Kyugh "
                "weir.",
            },
            {
                "item": "sampling-frequency",
                "summary": "Frequency of sampling.",
                "outcome": "Agreed: from 14 May the river is sampled once a week, on Mondays at "
                "08:00, at both points.",
            },
            {
                "item": "farmer-compensation",
                "summary": "Raised by the Getahovit side; declined by the Dəmirli side.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Henrike Aalto.",
    )
    at("2029-05-10T09:00")
    dem.talks.sign_minutes(ch, "tg-4", 1)
    at("2029-05-10T10:00")
    get.talks.sign_minutes(ch, "tg-4", 1)
    at("2029-05-10T11:00")
    head.talks.sign_minutes(ch, "tg-4", 1)
    at("2029-05-10T12:00")
    head.talks.add_commitment(
        ch,
        "dam-rebuild",
        owner="demirli",
        meeting="tg-4",
        agenda_item="dam-repair",
        text="Rebuild the breached section of the Mişarlı tailings dam permanently.",
        due="2029-06-30T18:00:00+04:00",
    )
    at("2029-05-10T14:00")
    officer.disclosures.draft_communique(ch, "communique-2029-05-09", COMMUNIQUE_4, "tg-4")
    at("2029-05-10T16:00")
    head.disclosures.sign_communique(ch, "communique-2029-05-09", 1)
    at("2029-05-11T10:00")
    dem.disclosures.sign_communique(ch, "communique-2029-05-09", 1)
    at("2029-05-11T12:00")
    get.disclosures.sign_communique(ch, "communique-2029-05-09", 1)

    # --- a mandate extension that Dəmirli never signs -------------------------------------
    at("2029-05-14T10:00")
    get.talks.extend_mandate(
        ch,
        "compensation",
        "Compensation for damage caused by the leak",
        reason="Farmers and fishermen downstream have lost a season.",
    )
    at("2029-05-14T11:00")
    get.talks.sign_extension(ch, "compensation")

    # --- session 5: a direct meeting of the experts at the footbridge ----------------------
    at("2029-05-22T10:00")
    get.talks.propose(
        ch,
        "tg-5",
        start="2029-06-05T09:00:00+04:00",
        venue=SARIDAS,
        format="direct",
        agenda=[_item("sampling", "joint-sampling", "Joint sampling at the Sarıdaş footbridge")],
        attendees={"demirli": ["Nigar Səfərova"], "getahovit": ["Siranush Arakelyan"]},
    )
    at("2029-05-23T11:00")
    dem.talks.answer(ch, "tg-5", True)
    at("2029-06-05T13:00")
    officer.talks.record_held(
        ch,
        "tg-5",
        started="2029-06-05T09:20:00+04:00",
        ended="2029-06-05T11:00:00+04:00",
        attendees={"demirli": ["Nigar Səfərova"], "getahovit": ["Siranush Arakelyan"]},
        note="Direct meeting of the two sides' experts; the LEM was not present.",
    )
    at("2029-06-05T18:00")
    officer.talks.draft_minutes(
        ch,
        "tg-5",
        [
            {
                "item": "joint-sampling",
                "summary": "Joint sampling at the Sarıdaş footbridge by the two sides' experts.",
                "outcome": "From now on the cool boxes from the Sarıdaş footbridge carry the "
                "seals of both sides as well as the LEM seal. The Dəmirli side installs a "
                "turbidity sensor at the footbridge by 20 June.",
            }
        ],
        general="Direct meeting; no chair.",
    )
    at("2029-06-06T09:00")
    dem.talks.sign_minutes(ch, "tg-5", 1)
    at("2029-06-06T11:00")
    get.talks.sign_minutes(ch, "tg-5", 1)
    at("2029-06-06T12:00")
    head.talks.add_commitment(
        ch,
        "turbidity-sensor",
        owner="demirli",
        meeting="tg-5",
        agenda_item="joint-sampling",
        text="Install a turbidity sensor at the Sarıdaş footbridge.",
        due="2029-06-20T18:00:00+04:00",
    )

    # --- session 6: Veltrup, 12 July ---------------------------------------------------------
    at("2029-06-15T10:00")
    head.talks.propose(
        ch,
        "tg-6",
        start="2029-07-12T10:00:00+04:00",
        venue=VELTRUP,
        format="chaired",
        agenda=[
            _item("health", "warning-jrashen", "Lifting the drinking-water warning in Jrashen"),
            _item("sampling", "sampling-after-summer", "Sampling after the summer"),
        ],
        attendees=everyone,
    )
    at("2029-06-15T14:00")
    dem.talks.answer(ch, "tg-6", True)
    at("2029-06-16T10:00")
    get.talks.answer(ch, "tg-6", True)
    at("2029-06-19T16:00")
    dem.talks.report(ch, "turbidity-sensor", "The sensor was installed on 19 June.")
    at("2029-06-21T10:00")
    get.talks.dispute(ch, "turbidity-sensor", "The sensor has sent no data since it was installed.")
    at("2029-07-03T17:00")
    dem.talks.report(ch, "dam-rebuild", "The breached section was rebuilt on 3 July.")
    at("2029-07-06T10:00")
    get.talks.confirm(ch, "dam-rebuild", "The LEM engineer's report was shared with us.")

    at("2029-07-12T11:20")
    get.talks.raise_item(
        ch,
        "tg-6",
        "ore-processing",
        "Restart of ore processing at Mişarlı",
        text="Getahovit asks that ore processing at the Mişarlı mine not restart before the "
        "end of the sampling.",
        topic="dam",
    )
    at("2029-07-12T11:35")
    dem.talks.answer_item(
        ch,
        "tg-6",
        "ore-processing",
        False,
        "The operation of the mine is not a matter for this group.",
    )
    at("2029-07-12T13:45")
    head.talks.record_held(
        ch,
        "tg-6",
        started="2029-07-12T10:30:00+04:00",
        ended="2029-07-12T13:20:00+04:00",
        chair="Henrike Aalto",
        attendees=everyone,
    )
    at("2029-07-12T18:00")
    officer.talks.draft_minutes(
        ch,
        "tg-6",
        [
            {
                "item": "warning-jrashen",
                "summary": "Lifting the drinking-water warning in Jrashen.",
                "outcome": "Agreed: after four weekly results within the limits the warning in "
                "Jrashen is lifted from 16 July; the Getahovit side informs the residents. "
                "The Dəmirli side sends the LEM a monthly inspection report on the dam, the "
                "first by 31 July.",
            },
            {
                "item": "sampling-after-summer",
                "summary": "Sampling after the summer.",
                "outcome": "Agreed: weekly sampling at both points continues until "
                "30 September; the Morlens Institute tests every second week.",
            },
            {
                "item": "ore-processing",
                "summary": "Raised by the Getahovit side; declined by the Dəmirli side.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Henrike Aalto.",
    )
    at("2029-07-13T09:00")
    get.talks.sign_minutes(ch, "tg-6", 1)
    at("2029-07-13T10:00")
    dem.talks.sign_minutes(ch, "tg-6", 1)
    at("2029-07-13T11:00")
    head.talks.sign_minutes(ch, "tg-6", 1)
    at("2029-07-13T12:00")
    head.talks.add_commitment(
        ch,
        "lift-notice",
        owner="getahovit",
        meeting="tg-6",
        agenda_item="warning-jrashen",
        text="Inform the residents of Jrashen that the drinking-water warning is lifted.",
        due="2029-07-16T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "dam-reports",
        owner="demirli",
        meeting="tg-6",
        agenda_item="warning-jrashen",
        text="Send the LEM a monthly inspection report on the Mişarlı dam, the first by 31 July.",
        due="2029-07-31T18:00:00+04:00",
    )
    at("2029-07-13T14:00")
    officer.disclosures.draft_communique(ch, "communique-2029-07-12", COMMUNIQUE_6, "tg-6")
    at("2029-07-13T16:00")
    head.disclosures.sign_communique(ch, "communique-2029-07-12", 1)
    at("2029-07-14T10:00")
    get.disclosures.sign_communique(ch, "communique-2029-07-12", 1)
    at("2029-07-14T12:00")
    dem.disclosures.sign_communique(ch, "communique-2029-07-12", 1)

    # --- the next session: agreed; a direct meeting in Jrashen: proposed only -------------
    at("2029-07-14T15:00")
    head.talks.propose(
        ch,
        "tg-7",
        start="2029-09-19T11:00:00+04:00",
        venue=KEHRIZLI,
        format="chaired",
        agenda=[
            _item("sampling", "season-results", "Results of the sampling season"),
            _item("dam", "dam-inspections", "Inspections of the dam"),
        ],
        attendees=everyone,
    )
    at("2029-07-16T10:00")
    get.talks.report(ch, "lift-notice", "Notices were posted in Jrashen on 16 July.")
    at("2029-07-16T15:00")
    dem.talks.answer(ch, "tg-7", True)
    at("2029-07-17T09:00")
    get.talks.answer(ch, "tg-7", True)
    at("2029-07-17T11:00")
    dem.talks.confirm(ch, "lift-notice", "Seen by the LEM on the village notice board.")
    at("2029-07-18T10:00")
    get.talks.propose(
        ch,
        "tg-autumn",
        start="2029-10-02T10:00:00+04:00",
        venue=JRASHEN,
        format="direct",
        agenda=[_item("health", "autumn-wells", "Testing of wells in Jrashen in the autumn")],
        attendees={"demirli": ["Nigar Səfərova"], "getahovit": ["Siranush Arakelyan"]},
    )

    # --- turbidity after rain: never acknowledged ----------------------------------------
    at("2029-07-20T07:50")
    get_san.send(
        ch,
        to="demirli",
        priority="urgent",
        topic="dam",
        subject="Grey water at the Nor Kyugh weir",
        text="After heavy rain overnight the Lorvan at the Nor Kyugh weir is grey; turbidity "
        "is 340 NTU. Is the Mişarlı dam holding?",
    )
    at("2029-07-20T08:05")
    dem_eng.mark_delivered(ch)
    at("2029-08-06T12:00")
