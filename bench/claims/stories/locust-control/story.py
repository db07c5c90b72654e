"""A cross-line locust and crop-pest control working group (held-out story; fiction).

The Cross-Line Plant Protection Office (CPPO, the mediator) runs the Joint Working Group on
Locust and Crop-Pest Control between the Tsiranavan and Taxılova sides, whose fields on the
Ardzagan plain are cut by the line, from late March to early July 2034: notices of aerial
and ground spraying near the line, hopper-band and swarm reports, outbreak maps, a spraying
drone let across the line under conditions, a ground team's crossing declined, a sprayer
lent and returned late, the beekeepers of Meghrashat and a spray-drift complaint, survey
data, compensation for crops ruled outside the mandate, a joint larvae survey added to the
mandate. Every place, side and person is invented. Local time is UTC+4.

- Beekeepers' warning (Tsiranavan -> Taxılova, routine), Tue 4 Apr; acknowledged 5 Apr.
- Meeting 1 (pc-1): Thu 13 Apr 10:00, Mshakashen agricultural research station; held
  10:15-13:40, chaired by Annelies Verhoeven. Compensation for crops raised by Tsiranavan,
  ruled outside the mandate by the CPPO. Notices: aerial 48 h, ground 24 h ahead, acknowledged
  within two hours. Weekly Monday bulletins. Minutes v1 signed by all. Commitments: hopper-band
  map (Taxılova, 20 Apr; reported 19 Apr, confirmed 20 Apr), egg-pod survey data (Tsiranavan,
  24 Apr; reported 24 Apr, disputed 27 Apr). Next meeting pc-2 agreed for Thu 4 May at the
  Sarıtorpaq depot. Communiqué 1 (en, ru, hy, az) published Sat 15 Apr.
- Notices of spraying: #1 Taxılova aerial, sent Tue 18 Apr 09:00, acknowledged 09:35 (in
  time); #2 Tsiranavan ground, sent Tue 2 May 10:00, acknowledged 16:05 (late); #3 Taxılova
  aerial, sent Mon 15 May 14:00, delivered, never acknowledged.
- Drift complaint (Tsiranavan, Fri 21 Apr: 63 hives dead at Meghrashat after the aerial
  spraying of 20 Apr); Taxılova rejects it (Sat 22 Apr: wind from the north-west).
- Meeting 2 (pc-2): agreed for 4 May, postponed by Tsiranavan (hatching peak) to Tue 9 May;
  held 10:20-14:10 at the Sarıtorpaq depot, chaired by Bruno Castellani (Verhoeven absent).
  Drone overflight (Taxılova) agreed with conditions; ground team's crossing into the Qamışova
  marsh (Tsiranavan) declined by Taxılova; no agreement on the bee deaths; larvae survey
  raised by Taxılova. Minutes v1 signed by Taxılova only; v2 signed by all. Commitments:
  light-trap counts (Taxılova, 16 May; never reported: overdue), coordinates of the egg-pod
  sites (Tsiranavan, 19 May; reported 18 May, confirmed 19 May). Communiqué 2 (en, ru)
  signed by CPPO and Taxılova only: never published. Mandate extended (larvae-survey),
  signed by Taxılova 11 May and Tsiranavan 12 May.
- Sprayer: Taxılova lends its ULV sprayer TX-0712 at the Dashtadem crossing on Mon 8 May;
  return due Mon 22 May; returned Sun 28 May, confirmed six days late.
- Meeting 3 (pc-3): Thu 25 May, Mshakashen station, moved online by the CPPO (dust-storm
  warning); held 10:00-12:30 online, chaired by Verhoeven. Hotline raised by Taxılova.
  Communiqué 3 (en, ru, hy, az) published Sat 27 May. Hotline extension proposed by the CPPO,
  signed by Taxılova only (never in force).
- Swarm: flash Sat 3 Jun 17:05 (Tsiranavan -> CPPO), relayed to Taxılova, acknowledged;
  Taxılova treats the roost at dawn 4 Jun. Opened to the public Sat 10 Jun. Tsiranavan's
  outbreak map of adult swarms, Mon 5 Jun.
- Meeting 4 (pc-4): direct, Tue 6 Jun 09:00, Dashtadem crossing point (Çölbaşı), proposed by
  Taxılova; held 09:15-11:00, chaired by Nare Abgaryan. Joint larvae survey 7-9 June.
  Commitment: joint survey report (Tsiranavan, 16 Jun; reported 15 Jun, confirmed 19 Jun).
- Meeting 5 (pc-5): Thu 15 Jun, Sarıtorpaq depot, agreed; cancelled by Taxılova on 12 Jun.
- Taxılova's unilateral statement (az), Tue 13 Jun. Tsiranavan's proposal to open its drift
  complaint: signed by the CPPO, never by Taxılova.
- Meeting 6 (pc-6): Wed 28 Jun, Meghrashat beekeepers' house; held 10:10-13:30, chaired by
  Verhoeven. Communiqué 6 (en, ru, hy, az) published Fri 30 Jun.
- Next: pc-7 proposed by Taxılova for Thu 27 Jul at the Sarıtorpaq depot (accepted by the
  CPPO); countered by Tsiranavan for Thu 3 Aug at the Mshakashen station (accepted by the
  CPPO); no answer from Taxılova: not agreed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "ardzagan-locust-group"
START = datetime(2034, 3, 27, 5, 0, tzinfo=UTC)  # Monday 27 March 2034, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    (
        "cp-head",
        "cppo",
        "head",
        "Annelies Verhoeven",
        "Head of the Cross-Line Plant Protection Office",
    ),
    ("cp-locust", "cppo", "member", "Bruno Castellani", "Senior locust officer, CPPO"),
    ("cp-duty", "cppo", "member", "Nkechi Oduya", "Duty officer, CPPO"),
    (
        "tsi-head",
        "tsiranavan",
        "head",
        "Artavazd Khlghatyan",
        "Deputy Minister of Agriculture, head of the Tsiranavan delegation",
    ),
    (
        "tsi-plant",
        "tsiranavan",
        "member",
        "Nare Abgaryan",
        "Head of the Plant Protection Service, Tsiranavan side",
    ),
    (
        "tsi-field",
        "tsiranavan",
        "member",
        "Gohar Nersisyan",
        "Field entomologist, leader of the survey teams, Tsiranavan side",
    ),
    (
        "tax-head",
        "taxilova",
        "head",
        "Ramiz Rüstəmbəyli",
        "Deputy Head of the State Phytosanitary Service, head of the Taxılova delegation",
    ),
    (
        "tax-air",
        "taxilova",
        "member",
        "Sevda Şahmarlı",
        "Commander of the aerial spraying squadron, Taxılova side",
    ),
    (
        "tax-drone",
        "taxilova",
        "member",
        "Toğrul Nəbiyev",
        "Chief drone operator and field entomologist, Taxılova side",
    ),
]

SIDES = {
    "cppo": ("Cross-Line Plant Protection Office", "mediator"),
    "tsiranavan": ("Tsiranavan side", "party"),
    "taxilova": ("Taxılova side", "party"),
}

MANDATE = [
    {
        "id": "surveillance",
        "title": "Surveillance of locusts and crop pests near the line: survey data, swarm "
        "reports and outbreak maps",
    },
    {"id": "spraying-notice", "title": "Notice of pesticide spraying near the line"},
    {
        "id": "cross-line-operations",
        "title": "Spraying teams, aircraft and drones crossing the line",
    },
    {"id": "equipment", "title": "Lending of pesticides and spraying equipment"},
    {
        "id": "bees-and-drift",
        "title": "Protection of beekeepers, crops and people from spray drift",
    },
]

GLOSSARY = [
    {
        "id": "cppo",
        "kind": "side",
        "names": {
            "en": "Cross-Line Plant Protection Office",
            "ru": "Бюро по защите растений по обе стороны линии",
            "hy": "Գծի երկու կողմերում բույսերի պաշտպանության գրասենյակ",
            "az": "Xəttin Hər İki Tərəfində Bitki Mühafizəsi Bürosu",
        },
    },
    {
        "id": "tsiranavan",
        "kind": "side",
        "names": {"en": "Tsiranavan", "ru": "Циранаван", "hy": "Ծիրանավան", "az": "Tsiranavan"},
    },
    {
        "id": "taxilova",
        "kind": "side",
        "names": {"en": "Taxılova", "ru": "Тахылова", "hy": "Թախըլովա", "az": "Taxılova"},
    },
    {
        "id": "mshakashen",
        "kind": "place",
        "names": {"en": "Mshakashen", "ru": "Мшакашен", "hy": "Մշակաշեն", "az": "Mşakaşen"},
        "note": "Town on the Tsiranavan side with the agricultural research station.",
    },
    {
        "id": "saritorpaq",
        "kind": "place",
        "names": {"en": "Sarıtorpaq", "ru": "Сарыторпаг", "hy": "Սարըթորփաղ", "az": "Sarıtorpaq"},
        "note": "Town on the Taxılova side with the plant-protection depot.",
    },
    {
        "id": "dashtadem",
        "kind": "place",
        "names": {
            "en": "Dashtadem crossing point",
            "ru": "пункт пропуска Даштадем",
            "hy": "Դաշտադեմի անցակետ",
            "az": "Çölbaşı keçid məntəqəsi",
        },
        "note": "The crossing point on the Ardzagan plain; the Taxılova side calls it Çölbaşı.",
    },
    {
        "id": "meghrashat",
        "kind": "place",
        "names": {"en": "Meghrashat", "ru": "Меграшат", "hy": "Մեղրաշատ", "az": "Meqraşat"},
        "note": "Beekeeping village on the Tsiranavan side, 2 km from the line.",
    },
    {
        "id": "qamisova",
        "kind": "place",
        "names": {
            "en": "Qamışova marsh",
            "ru": "болото Гамышова",
            "hy": "Ղամըշովայի ճահիճ",
            "az": "Qamışova bataqlığı",
        },
        "note": "Reed marsh on the Taxılova side by the line; a locust breeding area.",
    },
    {
        "id": "ardzagan",
        "kind": "place",
        "names": {
            "en": "Ardzagan plain",
            "ru": "Ардзаганская равнина",
            "hy": "Արձագանի հարթավայր",
            "az": "Ərzağan düzü",
        },
    },
]

STATION = "Mshakashen agricultural research station, Tsiranavan side"
DEPOT = "Sarıtorpaq plant-protection depot, Taxılova side"
ONLINE = "Videoconference (online), hosted by the CPPO"
CROSSING = "Dashtadem crossing point (Çölbaşı), on the line"
BEEHOUSE = "Beekeepers' house, Meghrashat, Tsiranavan side"

COMMUNIQUE_1 = {
    "en": "On 13 April 2034 the Joint Working Group on Locust and Crop-Pest Control held its "
    "first meeting at the Mshakashen agricultural research station, chaired by the Head of the "
    "Cross-Line Plant Protection Office. The sides agreed to give notice of any aerial "
    "spraying within 5 km of the line at least 48 hours ahead and of any ground spraying at "
    "least 24 hours ahead, and to acknowledge each notice within two hours. The sides agreed "
    "to exchange a locust survey bulletin every Monday. The next meeting will be held on "
    "4 May 2034 at the Sarıtorpaq plant-protection depot.",
    "ru": "13 апреля 2034 года Совместная рабочая группа по борьбе с саранчой и вредителями "
    "сельскохозяйственных культур провела первое заседание на Мшакашенской "
    "сельскохозяйственной опытной станции под председательством руководителя Бюро по защите "
    "растений по обе стороны линии. Стороны договорились уведомлять о любой авиационной "
    "обработке в пределах 5 км от линии не менее чем за 48 часов, а о наземной — не менее "
    "чем за 24 часа, и подтверждать каждое уведомление в течение двух часов. Стороны "
    "договорились каждый понедельник обмениваться бюллетенем обследования саранчи. "
    "Следующее заседание состоится 4 мая 2034 года на Сарыторпагском складе защиты растений.",
    "hy": "2034 թվականի ապրիլի 13-ին Մորեխի և գյուղատնտեսական վնասատուների դեմ պայքարի "
    "համատեղ աշխատանքային խումբն իր առաջին նիստն անցկացրեց Մշակաշենի գյուղատնտեսական "
    "փորձակայանում՝ Գծի երկու կողմերում բույսերի պաշտպանության գրասենյակի ղեկավարի "
    "նախագահությամբ։ Կողմերը համաձայնեցին գծից 5 կմ շառավղում ցանկացած ավիացիոն "
    "սրսկման մասին ծանուցել առնվազն 48 ժամ առաջ, իսկ վերգետնյա սրսկման մասին՝ առնվազն "
    "24 ժամ առաջ, և յուրաքանչյուր ծանուցման ստացումը հաստատել երկու ժամվա ընթացքում։ "
    "Կողմերը համաձայնեցին ամեն երկուշաբթի փոխանակել մորեխի հետազոտության տեղեկագիր։ "
    "Հաջորդ նիստը տեղի կունենա 2034 թվականի մայիսի 4-ին Սարըթորփաղի բույսերի "
    "պաշտպանության պահեստում։",
    "az": "2034-cü il aprelin 13-də Çəyirtkə və Kənd Təsərrüfatı Zərərvericilərinə Qarşı "
    "Mübarizə üzrə Birgə İşçi Qrupu ilk iclasını Mşakaşen kənd təsərrüfatı təcrübə "
    "stansiyasında Xəttin Hər İki Tərəfində Bitki Mühafizəsi Bürosunun rəhbərinin sədrliyi "
    "ilə keçirib. Tərəflər xəttdən 5 km məsafədə hər hansı aviasiya çiləməsi barədə ən azı "
    "48 saat, yerüstü çiləmə barədə isə ən azı 24 saat əvvəl bildiriş verməyə və hər "
    "bildirişin alındığını iki saat ərzində təsdiqləməyə razılaşıb. Tərəflər hər bazar "
    "ertəsi çəyirtkə müayinəsi bülleteni mübadilə etməyə razılaşıb. Növbəti iclas 2034-cü "
    "il mayın 4-də Sarıtorpaq bitki mühafizəsi anbarında keçiriləcək.",
}

COMMUNIQUE_2 = {
    "en": "On 9 May 2034 the Joint Working Group on Locust and Crop-Pest Control met at the "
    "Sarıtorpaq plant-protection depot. The sides agreed that a spraying drone of the "
    "Taxılova side may fly up to 2 km across the line over the Ardzagan plain under agreed "
    "conditions. The sides did not agree on the cause of the bee deaths at Meghrashat.",
    "ru": "9 мая 2034 года Совместная рабочая группа по борьбе с саранчой и вредителями "
    "сельскохозяйственных культур провела заседание на Сарыторпагском складе защиты "
    "растений. Стороны договорились, что опрыскивающий дрон стороны Тахылова может "
    "залетать на 2 км за линию над Ардзаганской равниной на согласованных условиях. "
    "Стороны не пришли к согласию о причине гибели пчёл в Меграшате.",
}

COMMUNIQUE_3 = {
    "en": "On 25 May 2034 the Joint Working Group on Locust and Crop-Pest Control met online "
    "because of a dust-storm warning. The sides agreed to hold a joint survey of locust "
    "egg-pods and larvae on both sides of the line in June, a task added to the group's "
    "mandate on 12 May. The sides agreed that each keeps a duty officer on the channel "
    "from 05:00 to 20:00 every day of the spraying season.",
    "ru": "25 мая 2034 года Совместная рабочая группа по борьбе с саранчой и вредителями "
    "сельскохозяйственных культур провела заседание онлайн из-за угрозы пыльной бури. "
    "Стороны договорились провести в июне совместное обследование кубышек и личинок "
    "саранчи по обе стороны линии; эта задача добавлена в мандат группы 12 мая. Стороны "
    "договорились, что каждая из них держит на канале дежурного с 05:00 до 20:00 "
    "ежедневно в течение сезона обработок.",
    "hy": "2034 թվականի մայիսի 25-ին Մորեխի և գյուղատնտեսական վնասատուների դեմ պայքարի "
    "համատեղ աշխատանքային խումբը փոշե փոթորկի նախազգուշացման պատճառով նիստն անցկացրեց "
    "առցանց։ Կողմերը համաձայնեցին հունիսին գծի երկու կողմերում անցկացնել մորեխի "
    "ձվափաթեթների և թրթուրների համատեղ հետազոտություն, որը մայիսի 12-ին ավելացվել է "
    "խմբի մանդատում։ Կողմերը համաձայնեցին, որ սրսկումների սեզոնի ընթացքում ամեն օր "
    "05:00-ից 20:00 յուրաքանչյուր կողմ ալիքում հերթապահ կպահի։",
    "az": "2034-cü il mayın 25-də Çəyirtkə və Kənd Təsərrüfatı Zərərvericilərinə Qarşı "
    "Mübarizə üzrə Birgə İşçi Qrupu toz fırtınası xəbərdarlığı səbəbindən iclasını onlayn "
    "keçirib. Tərəflər iyunda xəttin hər iki tərəfində çəyirtkə yumurta qovuqcuqlarının və "
    "sürfələrinin birgə müayinəsini keçirməyə razılaşıb; bu vəzifə mayın 12-də qrupun "
    "mandatına əlavə edilib. Tərəflər çiləmə mövsümü ərzində hər gün saat 05:00-dan "
    "20:00-dək kanalda növbətçi saxlamağa razılaşıb.",
}

COMMUNIQUE_6 = {
    "en": "On 28 June 2034 the Joint Working Group on Locust and Crop-Pest Control met at the "
    "beekeepers' house in Meghrashat, chaired by the Head of the Cross-Line Plant Protection "
    "Office. The joint survey of 7 to 9 June found locust egg-pods above the treatment "
    "threshold at 14 of the 40 sites surveyed. The sides agreed that from 1 July no aerial "
    "spraying takes place within 5 km of the apiaries of Meghrashat.",
    "ru": "28 июня 2034 года Совместная рабочая группа по борьбе с саранчой и вредителями "
    "сельскохозяйственных культур провела заседание в доме пчеловодов в Меграшате под "
    "председательством руководителя Бюро по защите растений по обе стороны линии. "
    "Совместное обследование 7–9 июня выявило кубышки саранчи выше порога обработки на 14 "
    "из 40 обследованных участков. Стороны договорились, что с 1 июля авиационные "
    "обработки в пределах 5 км от пасек Меграшата не проводятся.",
    "hy": "2034 թվականի հունիսի 28-ին Մորեխի և գյուղատնտեսական վնասատուների դեմ պայքարի "
    "համատեղ աշխատանքային խումբը նիստ անցկացրեց Մեղրաշատի մեղվապահների տանը՝ Գծի "
    "երկու կողմերում բույսերի պաշտպանության գրասենյակի ղեկավարի նախագահությամբ։ Հունիսի "
    "7-9-ի համատեղ հետազոտությունը մորեխի ձվափաթեթներ մշակման շեմից բարձր հայտնաբերեց "
    "հետազոտված 40 տեղամասից 14-ում։ Կողմերը համաձայնեցին, որ հուլիսի 1-ից Մեղրաշատի "
    "մեղվանոցներից 5 կմ շառավղում ավիացիոն սրսկում չի կատարվում։",
    "az": "2034-cü il iyunun 28-də Çəyirtkə və Kənd Təsərrüfatı Zərərvericilərinə Qarşı "
    "Mübarizə üzrə Birgə İşçi Qrupu Meqraşatdakı arıçılar evində Xəttin Hər İki Tərəfində "
    "Bitki Mühafizəsi Bürosunun rəhbərinin sədrliyi ilə iclas keçirib. İyunun 7-9-da "
    "aparılmış birgə müayinə 40 sahədən 14-də çəyirtkə yumurta qovuqcuqlarının emal "
    "həddindən yuxarı olduğunu aşkar edib. Tərəflər razılaşıb ki, iyulun 1-dən Meqraşat "
    "arıxanalarından 5 km məsafədə aviasiya çiləməsi aparılmır.",
}

STATEMENT_TAXILOVA = (
    "Taxılova tərəfi bəyan edir ki, aprel-iyun aylarında Ərzağan düzündə xəttin "
    "yaxınlığında 11 400 hektar sahə çəyirtkəyə qarşı dərmanlanıb və hər aviasiya çiləməsi "
    "barədə qarşı tərəfə Bitki Mühafizəsi Bürosu vasitəsilə əvvəlcədən bildiriş verilib."
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
        "title": "Joint Working Group on Locust and Crop-Pest Control: Tsiranavan and Taxılova",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 900, "urgent": 7200, "routine": 86400},
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

    head, locust, duty = member("cp-head"), member("cp-locust"), member("cp-duty")
    tsi, tsi_plant, tsi_field = member("tsi-head"), member("tsi-plant"), member("tsi-field")
    tax, tax_air, tax_drone = member("tax-head"), member("tax-air"), member("tax-drone")
    everyone = {
        "cppo": ["Annelies Verhoeven", "Bruno Castellani"],
        "tsiranavan": ["Artavazd Khlghatyan", "Nare Abgaryan", "Gohar Nersisyan"],
        "taxilova": ["Ramiz Rüstəmbəyli", "Sevda Şahmarlı", "Toğrul Nəbiyev"],
    }

    # --- meeting 1 proposed ------------------------------------------------------------
    at("2034-03-27T10:00")
    head.talks.propose(
        ch,
        "pc-1",
        start="2034-04-13T10:00:00+04:00",
        venue=STATION,
        format="chaired",
        agenda=[
            _item("surveillance", "survey-exchange", "Exchange of locust survey data and maps"),
            _item("spraying-notice", "notice-rules", "Notice of spraying near the line"),
            _item("bees-and-drift", "apiaries", "Apiaries near the line"),
            _item("cross-line-operations", "crossing-rules", "Crossing the line to spray"),
        ],
        attendees=everyone,
    )
    at("2034-03-28T11:00")
    tsi.talks.answer(ch, "pc-1", True)
    at("2034-03-30T09:30")
    tax.talks.answer(ch, "pc-1", True)

    # --- the beekeepers' warning ---------------------------------------------------------
    at("2034-04-04T11:00")
    bees, _ = tsi_plant.send(
        ch,
        to="taxilova",
        priority="routine",
        topic="bees-and-drift",
        subject="Warning from the beekeepers of Meghrashat",
        text="The Beekeepers' Union of Meghrashat (chair Mushegh Arzumanyan) warns that 420 "
        "hives stand within 4 km of the line at Meghrashat. The beekeepers ask for notice of "
        "any spraying 48 hours ahead and that no insecticide is sprayed near the line between "
        "08:00 and 19:00, when the bees fly.",
    )
    at("2034-04-05T09:10")
    tax_air.receipt(ch, bees.id, "delivered")
    tax_air.acknowledge(ch, bees.id, "Received; we will answer at the meeting of 13 April.")

    # --- meeting 1, Thursday 13 April ------------------------------------------------------
    at("2034-04-13T11:30")
    tsi.talks.raise_item(
        ch,
        "pc-1",
        "crop-compensation",
        "Compensation for crops destroyed by locusts",
        text="Tsiranavan asks that the Taxılova side compensate the farmers of the Ardzagan "
        "plain for 1,200 hectares of wheat and alfalfa destroyed last summer by swarms that "
        "bred in the Qamışova marsh.",
    )
    at("2034-04-13T11:45")
    head.talks.answer_item(
        ch,
        "pc-1",
        "crop-compensation",
        False,
        "Compensation for damaged crops is outside the mandate of the working group.",
    )
    at("2034-04-13T14:15")
    head.talks.record_held(
        ch,
        "pc-1",
        started="2034-04-13T10:15:00+04:00",
        ended="2034-04-13T13:40:00+04:00",
        chair="Annelies Verhoeven",
        attendees=everyone,
    )
    at("2034-04-13T18:00")
    locust.talks.draft_minutes(
        ch,
        "pc-1",
        [
            {
                "item": "survey-exchange",
                "summary": "Hopper bands of the Moroccan locust are hatching on both sides of "
                "the line on the Ardzagan plain.",
                "outcome": "Agreed: each side sends the other a locust survey bulletin every "
                "Monday, and reports any swarm seen within 10 km of the line by flash message. "
                "The Taxılova side sends a map of the hopper bands on its side by 20 April. "
                "The Tsiranavan side sends the data of its egg-pod survey of the Ardzagan plain "
                "(60 sites) by 24 April.",
            },
            {
                "item": "notice-rules",
                "summary": "Spraying of insecticides near the line.",
                "outcome": "Agreed: notice of aerial spraying within 5 km of the line at least "
                "48 hours ahead, of ground spraying at least 24 hours ahead, as an urgent "
                "message; the other side acknowledges it within two hours.",
            },
            {
                "item": "apiaries",
                "summary": "The warning of the Beekeepers' Union of Meghrashat of 4 April.",
                "outcome": "Agreed: no insecticide is sprayed within 3 km of the apiaries of "
                "Meghrashat between 08:00 and 19:00.",
            },
            {
                "item": "crossing-rules",
                "summary": "Spraying teams, aircraft and drones near the line.",
                "outcome": "A spraying team, aircraft or drone crosses the line only with the "
                "written consent of the other side, asked through the CPPO.",
            },
            {
                "item": "crop-compensation",
                "summary": "Raised by the Tsiranavan side; ruled outside the mandate by the CPPO.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Annelies Verhoeven, Head of the CPPO, at the Mshakashen "
        "agricultural research station.",
    )
    at("2034-04-14T09:00")
    head.talks.sign_minutes(ch, "pc-1", 1)
    at("2034-04-14T10:30")
    tsi.talks.sign_minutes(ch, "pc-1", 1)
    at("2034-04-14T11:15")
    tax.talks.sign_minutes(ch, "pc-1", 1)
    at("2034-04-14T12:00")
    head.talks.add_commitment(
        ch,
        "hopper-map",
        owner="taxilova",
        meeting="pc-1",
        agenda_item="survey-exchange",
        text="Send a map of the hopper bands of the Moroccan locust on the Taxılova side of "
        "the Ardzagan plain.",
        due="2034-04-20T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "egg-pod-data",
        owner="tsiranavan",
        meeting="pc-1",
        agenda_item="survey-exchange",
        text="Send the data of the egg-pod survey of the Ardzagan plain, 60 sites.",
        due="2034-04-24T18:00:00+04:00",
    )

    # --- next meeting agreed ---------------------------------------------------------------
    at("2034-04-14T13:00")
    head.talks.propose(
        ch,
        "pc-2",
        start="2034-05-04T10:00:00+04:00",
        venue=DEPOT,
        format="chaired",
        agenda=[
            _item("surveillance", "outbreak-review", "The hopper-band outbreak"),
            _item("spraying-notice", "notices-so-far", "Notices of spraying since April"),
        ],
        attendees=everyone,
    )
    at("2034-04-14T16:00")
    tsi.talks.answer(ch, "pc-2", True)
    at("2034-04-14T17:00")
    tax.talks.answer(ch, "pc-2", True)

    # --- communiqué 1 ----------------------------------------------------------------
    at("2034-04-14T18:00")
    locust.disclosures.draft_communique(ch, "communique-2034-04-13", COMMUNIQUE_1, "pc-1")
    at("2034-04-14T19:00")
    head.disclosures.sign_communique(ch, "communique-2034-04-13", 1)
    at("2034-04-15T10:00")
    tax.disclosures.sign_communique(ch, "communique-2034-04-13", 1)
    at("2034-04-15T12:30")
    tsi.disclosures.sign_communique(ch, "communique-2034-04-13", 1)

    # --- Monday bulletin ---------------------------------------------------------------
    at("2034-04-17T09:00")
    bull1, _ = tsi_field.send(
        ch,
        to="taxilova",
        priority="routine",
        topic="surveillance",
        subject="Locust survey bulletin, week of 17 April",
        text="Hopper bands of the Moroccan locust, first and second instar, at 12 of 25 "
        "sites surveyed near the line; densest 3 km east of Meghrashat, up to 80 hoppers per "
        "square metre. No swarms.",
    )
    at("2034-04-17T11:20")
    tax_drone.receipt(ch, bull1.id, "delivered")
    tax_drone.acknowledge(ch, bull1.id, "Received.")

    # --- notice 1: acknowledged in time -------------------------------------------------
    at("2034-04-18T09:00")
    notice1, _ = tax_air.send(
        ch,
        to="tsiranavan",
        priority="urgent",
        topic="spraying-notice",
        subject="Notice of aerial spraying, Thursday 20 April",
        text="Aerial spraying by An-2 aircraft with malathion (ultra-low volume) over the "
        "Qamışova marsh on 20 April from 05:30 to 08:00, between 1.5 and 4 km from the line. "
        "Please keep people and livestock out of the fields near the line during the spraying.",
    )
    at("2034-04-18T09:20")
    tsi_plant.receipt(ch, notice1.id, "delivered")
    at("2034-04-18T09:35")
    tsi_plant.acknowledge(ch, notice1.id, "Received; the beekeepers of Meghrashat are told.")

    # --- the hopper map, on time ----------------------------------------------------------
    at("2034-04-19T15:00")
    hmap, _ = tax_drone.send(
        ch,
        to="tsiranavan",
        priority="routine",
        topic="surveillance",
        subject="Map of hopper bands, 19 April",
        text="Map of the hopper bands on the Taxılova side of the Ardzagan plain, surveyed 14 "
        "to 18 April: 37 bands over about 2,900 hectares, the densest in the Qamışova marsh "
        "and south of Sarıtorpaq. Shapefile attached as ardzagan-hoppers-0419.zip.",
    )
    at("2034-04-19T15:30")
    tax.talks.report(ch, "hopper-map", "Map sent on 19 April.", hmap.id)
    at("2034-04-19T16:10")
    tsi_field.receipt(ch, hmap.id, "delivered")
    tsi_field.acknowledge(ch, hmap.id, "Map received.")
    at("2034-04-20T10:00")
    tsi.talks.confirm(ch, "hopper-map", "The map of 19 April is complete.")

    # --- the drift complaint --------------------------------------------------------------
    at("2034-04-21T10:30")
    drift, _ = tsi_plant.send(
        ch,
        to="taxilova",
        priority="urgent",
        topic="bees-and-drift",
        subject="Bee deaths at Meghrashat after the spraying of 20 April",
        text="The beekeepers of Meghrashat found the bees dead in 63 hives on the evening of "
        "20 April, after your aerial spraying over the Qamışova marsh. In our measurement the "
        "wind blew from the south-east at 4 to 6 metres per second, toward Meghrashat. We "
        "hold that the malathion drifted across the line.",
    )
    at("2034-04-21T11:00")
    tax_air.receipt(ch, drift.id, "delivered")
    tax_air.acknowledge(ch, drift.id, "Received.")
    at("2034-04-22T12:00")
    drift_ans, _ = tax_air.send(
        ch,
        to="tsiranavan",
        priority="routine",
        topic="bees-and-drift",
        subject="Re: Bee deaths at Meghrashat",
        text="The spraying ended at 07:40, before the bees fly. Our weather station at "
        "Sarıtorpaq recorded wind from the north-west at 2 metres per second, away from the "
        "line. We reject the claim that our spraying killed the bees.",
        reply_to=drift.id,
    )
    at("2034-04-22T14:00")
    tsi_plant.receipt(ch, drift_ans.id, "delivered")
    tsi_plant.acknowledge(ch, drift_ans.id, "Received; we do not accept this answer.")

    # --- egg-pod data: reported, disputed ------------------------------------------------
    at("2034-04-24T17:30")
    tsi.talks.report(
        ch, "egg-pod-data", "Egg-pod survey data of the Ardzagan plain sent on 24 April."
    )
    at("2034-04-27T10:00")
    tax.talks.dispute(
        ch,
        "egg-pod-data",
        "The data cover only 31 of the 60 agreed sites and give no coordinates of the sites.",
    )

    # --- meeting 2 postponed ---------------------------------------------------------------
    at("2034-05-01T10:00")
    tsi.talks.counter(
        ch,
        "pc-2",
        start="2034-05-09T10:00:00+04:00",
        note="The hatching peak keeps all our plant-protection staff in the field until "
        "7 May; we ask to move the meeting to 9 May.",
    )
    at("2034-05-01T15:00")
    head.talks.answer(ch, "pc-2", True)
    at("2034-05-02T09:00")
    tax.talks.answer(ch, "pc-2", True)

    # --- notice 2: acknowledged late ------------------------------------------------------
    at("2034-05-02T10:00")
    notice2, _ = tsi_plant.send(
        ch,
        to="taxilova",
        priority="urgent",
        topic="spraying-notice",
        subject="Notice of ground spraying, Wednesday 3 May",
        text="Ground spraying with tractor-mounted sprayers and deltamethrin against hopper "
        "bands east of Meghrashat on 3 May from 06:00 to 10:00, between 0.5 and 2 km from "
        "the line.",
    )
    at("2034-05-02T15:20")
    tax_drone.receipt(ch, notice2.id, "delivered")
    at("2034-05-02T16:05")
    tax_drone.acknowledge(ch, notice2.id, "Received.")

    # --- the drone request and the ground team -------------------------------------------
    at("2034-05-03T10:00")
    drone_req, _ = tax_drone.send(
        ch,
        to="tsiranavan",
        priority="routine",
        topic="cross-line-operations",
        subject="Request: spraying drone across the line",
        text="Hopper bands are marching from our side across the line on the Ardzagan plain. "
        "We ask that our spraying drone may fly up to 2 km across the line to treat them "
        "where they cross.",
    )
    at("2034-05-03T12:00")
    tsi_field.receipt(ch, drone_req.id, "delivered")
    tsi_field.acknowledge(ch, drone_req.id, "Received; to be discussed on 9 May.")
    at("2034-05-03T13:00")
    tax.talks.propose_item(
        ch,
        "pc-2",
        "drone-overflight",
        "cross-line-operations",
        "A Taxılova spraying drone flying across the line",
    )
    at("2034-05-03T16:00")
    tsi.talks.answer_item(ch, "pc-2", "drone-overflight", True)
    at("2034-05-04T10:00")
    team_req, _ = tsi_plant.send(
        ch,
        to="taxilova",
        priority="routine",
        topic="cross-line-operations",
        subject="Request: our ground team in the Qamışova marsh",
        text="We ask that a ground spraying team of the Tsiranavan plant-protection service "
        "(six people, two tractors) may cross at the Dashtadem crossing to treat the "
        "hopper bands in the Qamışova marsh, from where they reach our fields.",
    )
    at("2034-05-04T11:00")
    tax_air.receipt(ch, team_req.id, "delivered")
    tax_air.acknowledge(ch, team_req.id, "Received.")
    at("2034-05-04T12:00")
    tsi.talks.propose_item(
        ch,
        "pc-2",
        "ground-team",
        "cross-line-operations",
        "A Tsiranavan ground spraying team in the Qamışova marsh",
    )
    at("2034-05-05T10:00")
    tax.talks.answer_item(
        ch,
        "pc-2",
        "ground-team",
        False,
        "The Qamışova marsh is a closed zone by the line; our own teams treat it.",
    )
    at("2034-05-05T11:00")
    locust.talks.propose_item(
        ch, "pc-2", "bee-deaths", "bees-and-drift", "The bee deaths at Meghrashat on 20 April"
    )
    at("2034-05-05T15:00")
    tsi.talks.answer_item(ch, "pc-2", "bee-deaths", True)
    at("2034-05-05T17:00")
    tax.talks.answer_item(ch, "pc-2", "bee-deaths", True)

    # --- the sprayer lent -------------------------------------------------------------
    at("2034-05-06T08:00")
    ask_sprayer, _ = tsi_plant.send(
        ch,
        to="taxilova",
        priority="urgent",
        topic="equipment",
        subject="Request for a ULV sprayer",
        text="Two of our three vehicle-mounted ULV sprayers are broken. We ask to borrow a "
        "vehicle-mounted ULV sprayer for two weeks to treat hopper bands near the line.",
    )
    at("2034-05-06T08:40")
    tax_air.receipt(ch, ask_sprayer.id, "delivered")
    tax_air.acknowledge(ch, ask_sprayer.id, "Received.")
    at("2034-05-06T13:00")
    lend, _ = tax_air.send(
        ch,
        to="tsiranavan",
        priority="urgent",
        topic="equipment",
        subject="ULV sprayer TX-0712",
        text="We lend our vehicle-mounted ULV sprayer TX-0712, without pesticide. It is "
        "handed over at the Dashtadem crossing on 8 May at 09:00 and must be returned there "
        "by 22 May.",
        reply_to=ask_sprayer.id,
    )
    at("2034-05-06T13:30")
    tsi_plant.receipt(ch, lend.id, "delivered")
    tsi_plant.acknowledge(ch, lend.id, "Thank you; we will be at the crossing at 09:00.")
    at("2034-05-08T11:00")
    head.talks.add_commitment(
        ch,
        "return-sprayer",
        owner="tsiranavan",
        text="Return the ULV sprayer TX-0712 lent by the Taxılova side, at the Dashtadem "
        "crossing point.",
        due="2034-05-22T18:00:00+04:00",
    )

    # --- meeting 2, Tuesday 9 May -------------------------------------------------------
    at("2034-05-09T12:30")
    tax.talks.raise_item(
        ch,
        "pc-2",
        "larvae-survey",
        "A joint survey of egg-pods and larvae",
        text="Taxılova proposes that mixed teams of both sides survey locust egg-pods and "
        "larvae on both sides of the line together, so that the data are not disputed.",
    )
    at("2034-05-09T14:40")
    locust.talks.record_held(
        ch,
        "pc-2",
        started="2034-05-09T10:20:00+04:00",
        ended="2034-05-09T14:10:00+04:00",
        chair="Bruno Castellani",
        attendees={
            "cppo": ["Bruno Castellani", "Nkechi Oduya"],
            "tsiranavan": ["Artavazd Khlghatyan", "Nare Abgaryan", "Gohar Nersisyan"],
            "taxilova": ["Ramiz Rüstəmbəyli", "Sevda Şahmarlı", "Toğrul Nəbiyev"],
        },
        note="Postponed from 4 May at the request of the Tsiranavan side. Annelies Verhoeven "
        "did not attend; Bruno Castellani chaired for the CPPO.",
    )
    items_2 = [
        {
            "item": "outbreak-review",
            "summary": "Hopper bands on about 2,900 hectares on the Taxılova side and 1,700 "
            "hectares on the Tsiranavan side.",
            "positions": {
                "taxilova": "The egg-pod data of 24 April cover only 31 of 60 sites.",
                "tsiranavan": "The other sites were not reachable because of mines.",
            },
            "outcome": "No agreement on the egg-pod data. The Taxılova side sends daily counts "
            "of its light traps at Sarıtorpaq and in the Qamışova marsh from 15 May. The "
            "Tsiranavan side sends the coordinates of its egg-pod survey sites by 19 May.",
        },
        {
            "item": "notices-so-far",
            "summary": "Notices of 18 April and 2 May.",
            "outcome": "Noted: the notice of 2 May was acknowledged six hours after it was sent.",
        },
        {
            "item": "drone-overflight",
            "summary": "Requested by the Taxılova side on 3 May.",
            "outcome": "Agreed with conditions: the spraying drone of the Taxılova side may "
            "fly up to 2 km across the line over the Ardzagan plain until 30 June, only between "
            "05:00 and 09:00, only with the biopesticide Metarhizium, with a flight plan sent "
            "24 hours ahead and a CPPO observer at the launch point.",
        },
        {
            "item": "ground-team",
            "summary": "Proposed by the Tsiranavan side; declined by the Taxılova side.",
            "outcome": "The Taxılova side treats the Qamışova marsh with its own teams.",
        },
        {
            "item": "bee-deaths",
            "summary": "63 hives dead at Meghrashat on 20 April.",
            "positions": {
                "tsiranavan": "Malathion from the aerial spraying of 20 April drifted across "
                "the line on a south-east wind.",
                "taxilova": "The wind blew from the north-west, away from the line; the spraying "
                "ended before the bees fly.",
            },
            "outcome": "{bees}",
        },
        {
            "item": "larvae-survey",
            "summary": "Raised by the Taxılova side.",
            "outcome": "Agreed in principle; the CPPO proposes to add a joint survey of "
            "egg-pods and larvae to the mandate.",
        },
    ]

    def minutes_2(bees: str) -> list[dict[str, Any]]:
        out = []
        for it in items_2:
            it2 = dict(it)
            it2["outcome"] = it["outcome"].replace("{bees}", bees)
            out.append(it2)
        return out

    at("2034-05-09T19:00")
    locust.talks.draft_minutes(
        ch,
        "pc-2",
        minutes_2("No evidence was found that the spraying caused the bee deaths."),
        general="Held at the Sarıtorpaq plant-protection depot, chaired by Bruno Castellani.",
    )
    at("2034-05-10T09:00")
    tax.talks.sign_minutes(ch, "pc-2", 1)
    at("2034-05-10T10:00")
    objection, _ = tsi.send(
        ch,
        to="cppo",
        priority="routine",
        topic="bees-and-drift",
        subject="Minutes of 9 May",
        text="The sides did not find that there was no evidence; they did not agree. We sign "
        "only minutes that say the sides did not agree on the cause of the bee deaths.",
    )
    at("2034-05-10T10:30")
    duty.receipt(ch, objection.id, "delivered")
    duty.acknowledge(ch, objection.id, "Received; a corrected version follows.")
    at("2034-05-10T12:00")
    locust.talks.draft_minutes(
        ch,
        "pc-2",
        minutes_2("No agreement on the cause of the bee deaths."),
        general="Held at the Sarıtorpaq plant-protection depot, chaired by Bruno Castellani. "
        "Version 2: the outcome on the bee deaths corrected.",
    )
    at("2034-05-10T14:00")
    tsi.talks.sign_minutes(ch, "pc-2", 2)
    at("2034-05-10T15:00")
    tax.talks.sign_minutes(ch, "pc-2", 2)
    at("2034-05-10T15:30")
    head.talks.sign_minutes(ch, "pc-2", 2)
    at("2034-05-10T16:00")
    head.talks.add_commitment(
        ch,
        "light-trap-counts",
        owner="taxilova",
        meeting="pc-2",
        agenda_item="outbreak-review",
        text="Send daily counts of the light traps at Sarıtorpaq and in the Qamışova marsh, "
        "from 15 May.",
        due="2034-05-16T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "site-coordinates",
        owner="tsiranavan",
        meeting="pc-2",
        agenda_item="outbreak-review",
        text="Send the coordinates of the 60 egg-pod survey sites.",
        due="2034-05-19T18:00:00+04:00",
    )
    at("2034-05-10T16:30")
    head.talks.extend_mandate(
        ch,
        "larvae-survey",
        "A joint survey of locust egg-pods and larvae on both sides of the line",
        "Agreed in principle at the meeting of 9 May.",
    )
    at("2034-05-10T17:00")
    locust.disclosures.draft_communique(ch, "communique-2034-05-09", COMMUNIQUE_2, "pc-2")
    at("2034-05-11T09:00")
    head.disclosures.sign_communique(ch, "communique-2034-05-09", 1)
    tax.talks.sign_extension(ch, "larvae-survey")
    at("2034-05-11T11:00")
    tax.disclosures.sign_communique(ch, "communique-2034-05-09", 1)
    at("2034-05-12T10:00")
    tsi.talks.sign_extension(ch, "larvae-survey")

    # --- meeting 3 proposed -------------------------------------------------------------
    at("2034-05-12T12:00")
    head.talks.propose(
        ch,
        "pc-3",
        start="2034-05-25T10:00:00+04:00",
        venue=STATION,
        format="chaired",
        agenda=[
            _item("larvae-survey", "survey-plan", "Plan of the joint larvae survey"),
            _item("spraying-notice", "notices-review", "Acknowledgement of notices"),
            _item("equipment", "sprayer", "The ULV sprayer TX-0712"),
        ],
        attendees=everyone,
    )
    at("2034-05-13T10:00")
    tax.talks.answer(ch, "pc-3", True)
    at("2034-05-13T12:00")
    tsi.talks.answer(ch, "pc-3", True)

    # --- drone flight plan under the conditions --------------------------------------------
    at("2034-05-14T07:30")
    plan, _ = tax_drone.send(
        ch,
        to="tsiranavan",
        priority="routine",
        topic="cross-line-operations",
        subject="Drone flight plan, 15 May",
        text="Spraying drone flight on 15 May from 05:30 to 08:30 with Metarhizium, up to 1.8 "
        "km across the line east of Meghrashat; launch point 400 m from the Dashtadem "
        "crossing, CPPO observer Nkechi Oduya.",
    )
    at("2034-05-14T08:15")
    tsi_field.receipt(ch, plan.id, "delivered")
    tsi_field.acknowledge(ch, plan.id, "Received; our liaison will be at the launch point.")

    # --- notice 3: never acknowledged ----------------------------------------------------
    at("2034-05-15T14:00")
    notice3, _ = tax_air.send(
        ch,
        to="tsiranavan",
        priority="urgent",
        topic="spraying-notice",
        subject="Notice of aerial spraying, Wednesday 17 May",
        text="Aerial spraying by An-2 aircraft with malathion over hopper bands south of "
        "Sarıtorpaq on 17 May from 05:30 to 08:00, between 2 and 5 km from the line.",
    )
    at("2034-05-15T15:10")
    tsi_plant.receipt(ch, notice3.id, "delivered")

    # --- site coordinates: met -----------------------------------------------------------
    at("2034-05-18T16:00")
    tsi.talks.report(
        ch, "site-coordinates", "Coordinates of the 60 egg-pod survey sites sent on 18 May."
    )
    at("2034-05-19T10:00")
    tax.talks.confirm(ch, "site-coordinates", "Coordinates received.")

    # --- meeting 3 moved online ---------------------------------------------------------
    at("2034-05-24T08:00")
    head.talks.counter(
        ch,
        "pc-3",
        venue=ONLINE,
        note="A dust-storm warning for the Ardzagan plain on 25 May; the meeting is held online.",
    )
    at("2034-05-24T10:00")
    tsi.talks.answer(ch, "pc-3", True)
    at("2034-05-24T11:30")
    tax.talks.answer(ch, "pc-3", True)
    at("2034-05-25T11:40")
    tax.talks.raise_item(
        ch,
        "pc-3",
        "hotline",
        "A 24-hour pest hotline",
        text="Taxılova proposes a 24-hour hotline between the plant-protection duty officers "
        "of Mshakashen and Sarıtorpaq for swarms and spraying.",
    )
    at("2034-05-25T13:00")
    head.talks.record_held(
        ch,
        "pc-3",
        started="2034-05-25T10:00:00+04:00",
        ended="2034-05-25T12:30:00+04:00",
        chair="Annelies Verhoeven",
        attendees={
            "cppo": ["Annelies Verhoeven", "Bruno Castellani", "Nkechi Oduya"],
            "tsiranavan": ["Artavazd Khlghatyan", "Nare Abgaryan"],
            "taxilova": ["Ramiz Rüstəmbəyli", "Toğrul Nəbiyev"],
        },
        note="Held online because of the dust-storm warning.",
    )
    items_3 = [
        {
            "item": "survey-plan",
            "summary": "The joint survey added to the mandate on 12 May.",
            "outcome": "Agreed: a joint survey of egg-pods and larvae at 40 sites, 20 on each "
            "side, in June; the field teams settle the routes.",
        },
        {
            "item": "notices-review",
            "summary": "Three notices of spraying since April.",
            "positions": {
                "taxilova": "Our notice of 15 May was never acknowledged.",
                "tsiranavan": "Our duty officer was in the field; the notice was read.",
            },
            "outcome": "Agreed: each side keeps a duty officer on the channel from 05:00 to "
            "20:00 every day of the spraying season.",
        },
        {
            "item": "sprayer",
            "summary": "The ULV sprayer TX-0712 due back on 22 May.",
            "positions": {"tsiranavan": "The sprayer is still needed for a few days."},
            "outcome": "The Tsiranavan side returns the sprayer as soon as possible.",
        },
        {
            "item": "hotline",
            "summary": "Raised by the Taxılova side.",
            "positions": {"tsiranavan": "We will answer in writing."},
            "outcome": "The CPPO proposes to add the hotline to the mandate.",
        },
    ]
    items_3_ru = [
        {
            "item": "survey-plan",
            "summary": "Совместное обследование, добавленное в мандат 12 мая.",
            "outcome": "Согласовано: совместное обследование кубышек и личинок на 40 участках, "
            "по 20 с каждой стороны, в июне; маршруты определяют полевые группы.",
        },
        {
            "item": "notices-review",
            "summary": "Три уведомления об обработках с апреля.",
            "positions": {
                "taxilova": "Наше уведомление от 15 мая так и не было подтверждено.",
                "tsiranavan": "Наш дежурный был в поле; уведомление было прочитано.",
            },
            "outcome": "Согласовано: каждая сторона держит дежурного на канале с 05:00 до "
            "20:00 ежедневно в течение сезона обработок.",
        },
        {
            "item": "sprayer",
            "summary": "Опрыскиватель ULV TX-0712, который следовало вернуть 22 мая.",
            "positions": {"tsiranavan": "Опрыскиватель нужен ещё несколько дней."},
            "outcome": "Сторона Циранавана возвращает опрыскиватель как можно скорее.",
        },
        {
            "item": "hotline",
            "summary": "Поднят стороной Тахылова.",
            "positions": {"tsiranavan": "Мы ответим письменно."},
            "outcome": "Бюро предлагает добавить горячую линию в мандат.",
        },
    ]
    at("2034-05-25T17:00")
    locust.talks.draft_minutes(
        ch,
        "pc-3",
        items_3,
        general="Held online; chaired by Annelies Verhoeven.",
        parallel={
            "ru": {"items": items_3_ru, "general": "Онлайн; председатель — Аннелис Верховен."}
        },
        authentic=["en"],
    )
    at("2034-05-26T09:00")
    head.talks.sign_minutes(ch, "pc-3", 1)
    at("2034-05-26T10:30")
    tax.talks.sign_minutes(ch, "pc-3", 1)
    at("2034-05-26T14:00")
    tsi.talks.sign_minutes(ch, "pc-3", 1)
    at("2034-05-26T15:00")
    locust.disclosures.draft_communique(ch, "communique-2034-05-25", COMMUNIQUE_3, "pc-3")
    at("2034-05-26T16:00")
    head.disclosures.sign_communique(ch, "communique-2034-05-25", 1)
    at("2034-05-27T09:30")
    tsi.disclosures.sign_communique(ch, "communique-2034-05-25", 1)
    at("2034-05-27T11:00")
    tax.disclosures.sign_communique(ch, "communique-2034-05-25", 1)
    at("2034-05-27T12:00")
    head.talks.extend_mandate(
        ch,
        "pest-hotline",
        "A 24-hour hotline between the plant-protection duty officers of the two sides",
        "Raised by the Taxılova side at the meeting of 25 May.",
    )
    at("2034-05-27T15:00")
    tax.talks.sign_extension(ch, "pest-hotline")

    # --- the sprayer returned late ------------------------------------------------------
    at("2034-05-28T12:00")
    tsi.talks.report(
        ch,
        "return-sprayer",
        "The sprayer TX-0712 was handed back at the Dashtadem crossing on 28 May at 10:00.",
    )
    at("2034-05-29T10:00")
    tax.talks.confirm(ch, "return-sprayer", "Received on 28 May, six days after the agreed date.")

    # --- meeting 4 (direct) proposed -----------------------------------------------------
    field = {"tsiranavan": ["Nare Abgaryan", "Gohar Nersisyan"], "taxilova": ["Toğrul Nəbiyev"]}
    at("2034-05-30T10:00")
    tax.talks.propose(
        ch,
        "pc-4",
        start="2034-06-06T09:00:00+04:00",
        venue=CROSSING,
        format="direct",
        agenda=[_item("larvae-survey", "survey-routes", "Routes and teams of the joint survey")],
        attendees=field,
    )
    at("2034-05-31T11:00")
    tsi.talks.answer(ch, "pc-4", True)

    # --- the swarm, Saturday 3 June -----------------------------------------------------
    at("2034-06-03T17:05")
    swarm, _ = tsi_field.send(
        ch,
        to="cppo",
        priority="flash",
        topic="surveillance",
        subject="Swarm crossing the line at Meghrashat",
        text="At 16:40 a swarm of adult Moroccan locusts, about 4 km long and 1 km wide, "
        "crossed the line east of Meghrashat flying north-east toward Sarıtorpaq at low "
        "height.",
    )
    at("2034-06-03T17:08")
    duty.receipt(ch, swarm.id, "delivered")
    duty.acknowledge(ch, swarm.id, "Received; relaying at once.")
    at("2034-06-03T17:12")
    swarm_r, _ = duty.send(
        ch,
        to="taxilova",
        priority="flash",
        topic="surveillance",
        subject="Swarm crossing the line at Meghrashat (relayed)",
        text="The Tsiranavan side reports that at 16:40 a swarm of adult Moroccan locusts, "
        "about 4 km long, crossed the line east of Meghrashat toward Sarıtorpaq.",
        relay_of=swarm.id,
    )
    at("2034-06-03T17:16")
    tax_drone.receipt(ch, swarm_r.id, "delivered")
    at("2034-06-03T17:20")
    tax_drone.acknowledge(ch, swarm_r.id, "Received; our teams follow the swarm.")
    at("2034-06-03T21:30")
    roost, _ = tax_drone.send(
        ch,
        to="cppo",
        priority="urgent",
        topic="surveillance",
        subject="Swarm roosting 6 km from the line",
        text="The swarm settled for the night in the fields 6 km north-east of the line. Our "
        "aircraft will treat it at the roost at dawn on 4 June, away from the apiaries.",
        reply_to=swarm_r.id,
    )
    at("2034-06-03T21:40")
    duty.receipt(ch, roost.id, "delivered")
    duty.acknowledge(ch, roost.id, "Received.")

    # --- Tsiranavan's outbreak map -------------------------------------------------------
    at("2034-06-05T10:00")
    tmap, _ = tsi_field.send(
        ch,
        to="taxilova",
        priority="routine",
        topic="surveillance",
        subject="Outbreak map, adult swarms, 5 June",
        text="Map of adult locust swarms and fledging hopper bands on the Tsiranavan side, "
        "28 May to 4 June: 9 swarms, the largest east of Meghrashat. File "
        "tsiranavan-swarms-0605.zip.",
    )
    at("2034-06-05T11:30")
    tax_drone.receipt(ch, tmap.id, "delivered")
    tax_drone.acknowledge(ch, tmap.id, "Received.")

    # --- meeting 4: direct, at the crossing ---------------------------------------------
    at("2034-06-06T13:00")
    duty.talks.record_held(
        ch,
        "pc-4",
        started="2034-06-06T09:15:00+04:00",
        ended="2034-06-06T11:00:00+04:00",
        chair="Nare Abgaryan",
        attendees=field,
        note="A direct meeting of the two field teams without the CPPO; recorded from the "
        "sides' joint notes.",
    )
    at("2034-06-06T16:00")
    duty.talks.draft_minutes(
        ch,
        "pc-4",
        [
            {
                "item": "survey-routes",
                "summary": "The joint survey of egg-pods and larvae.",
                "outcome": "Agreed: mixed teams of two from each side survey 40 sites, 20 on "
                "each side, from 7 to 9 June, starting at the Dashtadem crossing at 07:00 each "
                "day. The Tsiranavan side drafts the joint survey report by 16 June.",
            }
        ],
        general="A direct meeting chaired by Nare Abgaryan; the CPPO did not attend.",
    )
    at("2034-06-07T08:00")
    tax.talks.sign_minutes(ch, "pc-4", 1)
    at("2034-06-07T09:00")
    tsi.talks.sign_minutes(ch, "pc-4", 1)
    at("2034-06-07T10:00")
    head.talks.add_commitment(
        ch,
        "survey-report",
        owner="tsiranavan",
        meeting="pc-4",
        agenda_item="survey-routes",
        text="Draft the report of the joint survey of egg-pods and larvae of 7 to 9 June.",
        due="2034-06-16T18:00:00+04:00",
    )

    # --- meeting 5 proposed ------------------------------------------------------------
    at("2034-06-07T12:00")
    head.talks.propose(
        ch,
        "pc-5",
        start="2034-06-15T10:00:00+04:00",
        venue=DEPOT,
        format="chaired",
        agenda=[
            _item("larvae-survey", "survey-first-look", "First results of the joint survey"),
            _item("surveillance", "light-traps", "The light-trap counts, not received"),
        ],
        attendees=everyone,
    )
    at("2034-06-08T10:00")
    tax.talks.answer(ch, "pc-5", True)
    at("2034-06-08T15:00")
    tsi.talks.answer(ch, "pc-5", True)

    # --- the swarm report opened to the public -------------------------------------------
    at("2034-06-08T16:00")
    head.disclosures.propose(
        ch,
        "open-swarm-report",
        [swarm.id, swarm_r.id, roost.id],
        "public",
        "The farmers on both sides should know how the swarm of 3 June was reported and treated.",
    )
    at("2034-06-09T10:00")
    tsi.disclosures.sign(ch, "open-swarm-report")
    at("2034-06-10T09:00")
    tax.disclosures.sign(ch, "open-swarm-report")

    # --- meeting 5 cancelled ------------------------------------------------------------
    at("2034-06-12T11:00")
    tax.talks.counter(
        ch,
        "pc-5",
        cancel=True,
        note="An outbreak of sunn pest on the wheat near Sarıtorpaq needs all our staff in "
        "the field; we cancel the meeting of 15 June.",
    )
    at("2034-06-12T14:00")
    tsi.talks.answer(ch, "pc-5", True)
    at("2034-06-12T15:00")
    head.talks.answer(ch, "pc-5", True)

    # --- unilateral statement and a disclosure never signed --------------------------------
    at("2034-06-13T12:00")
    tax.disclosures.unilateral(
        ch,
        STATEMENT_TAXILOVA,
        "az",
        source="Press service of the State Phytosanitary Service of Taxılova, 13 June 2034",
    )
    at("2034-06-14T10:00")
    tsi.disclosures.propose(
        ch,
        "open-drift-complaint",
        [drift.id],
        "public",
        "The beekeepers of Meghrashat should see that the bee deaths were reported.",
    )
    at("2034-06-14T15:00")
    head.disclosures.sign(ch, "open-drift-complaint")

    # --- survey report: met --------------------------------------------------------------
    at("2034-06-15T17:00")
    tsi.talks.report(
        ch,
        "survey-report",
        "Draft report of the joint survey sent on 15 June: egg-pods above the threshold at "
        "14 of 40 sites.",
    )

    # --- meeting 6 ------------------------------------------------------------------------
    at("2034-06-16T10:00")
    head.talks.propose(
        ch,
        "pc-6",
        start="2034-06-28T10:00:00+04:00",
        venue=BEEHOUSE,
        format="chaired",
        agenda=[
            _item("larvae-survey", "survey-results", "Results of the joint survey"),
            _item("bees-and-drift", "apiaries-zone", "A spraying-free zone around the apiaries"),
            _item("surveillance", "light-traps", "The light-trap counts, not received"),
        ],
        attendees=everyone,
    )
    at("2034-06-17T10:00")
    tsi.talks.answer(ch, "pc-6", True)
    at("2034-06-19T10:00")
    tax.talks.confirm(ch, "survey-report", "The draft report is agreed.")
    at("2034-06-19T12:00")
    tax.talks.answer(ch, "pc-6", True)
    at("2034-06-28T14:00")
    head.talks.record_held(
        ch,
        "pc-6",
        started="2034-06-28T10:10:00+04:00",
        ended="2034-06-28T13:30:00+04:00",
        chair="Annelies Verhoeven",
        attendees={
            "cppo": ["Annelies Verhoeven", "Bruno Castellani"],
            "tsiranavan": ["Artavazd Khlghatyan", "Nare Abgaryan", "Gohar Nersisyan"],
            "taxilova": ["Ramiz Rüstəmbəyli", "Sevda Şahmarlı"],
        },
    )
    at("2034-06-28T18:00")
    locust.talks.draft_minutes(
        ch,
        "pc-6",
        [
            {
                "item": "survey-results",
                "summary": "The joint survey of 7 to 9 June.",
                "outcome": "Egg-pods above the treatment threshold at 14 of the 40 sites, 9 of "
                "them on the Taxılova side. The sides repeat the survey in September.",
            },
            {
                "item": "apiaries-zone",
                "summary": "The beekeepers of Meghrashat lost 63 hives in April.",
                "outcome": "Agreed: from 1 July no aerial spraying within 5 km of the apiaries "
                "of Meghrashat; ground spraying there only with 48 hours' notice.",
            },
            {
                "item": "light-traps",
                "summary": "The daily light-trap counts due from 15 May have not been sent.",
                "positions": {"taxilova": "The light traps at Qamışova were damaged by a storm."},
                "outcome": "No new date.",
            },
        ],
        general="Held at the beekeepers' house in Meghrashat, chaired by Annelies Verhoeven.",
    )
    at("2034-06-29T09:00")
    head.talks.sign_minutes(ch, "pc-6", 1)
    at("2034-06-29T11:00")
    tsi.talks.sign_minutes(ch, "pc-6", 1)
    at("2034-06-29T16:00")
    tax.talks.sign_minutes(ch, "pc-6", 1)
    at("2034-06-29T17:00")
    locust.disclosures.draft_communique(ch, "communique-2034-06-28", COMMUNIQUE_6, "pc-6")
    at("2034-06-29T18:00")
    head.disclosures.sign_communique(ch, "communique-2034-06-28", 1)
    at("2034-06-30T10:00")
    tsi.disclosures.sign_communique(ch, "communique-2034-06-28", 1)
    at("2034-06-30T12:00")
    tax.disclosures.sign_communique(ch, "communique-2034-06-28", 1)

    # --- next meeting: proposed, countered, not agreed ---------------------------------
    at("2034-07-03T11:00")
    tax.talks.propose(
        ch,
        "pc-7",
        start="2034-07-27T10:00:00+04:00",
        venue=DEPOT,
        format="chaired",
        agenda=[
            _item("larvae-survey", "autumn-survey", "The autumn egg-pod survey"),
            _item("bees-and-drift", "zone-review", "The spraying-free zone at Meghrashat"),
        ],
        attendees=everyone,
    )
    at("2034-07-04T10:00")
    head.talks.answer(ch, "pc-7", True)
    at("2034-07-06T12:00")
    tsi.talks.counter(
        ch,
        "pc-7",
        start="2034-08-03T10:00:00+04:00",
        venue=STATION,
        note="The wheat harvest on the Ardzagan plain ends on 31 July; we propose 3 August at "
        "the Mshakashen station.",
    )
    at("2034-07-07T09:00")
    head.talks.answer(ch, "pc-7", True)
