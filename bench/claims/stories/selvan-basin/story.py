"""A joint river-basin commission on sharing the Selvan river (held-out evaluation story; fiction).

The Secretariat of the Selvan River Basin Commission (the mediator; chair Claudia
Ferrante, deputy chair Rafael Obregón) chairs talks between the water authorities of
Sarnak (upstream, owner of the Tsovak dam and reservoir) and Yurdali (downstream, the
Beyqala irrigation canal) on releases from the Tsovak reservoir, the exchange of gauging
data from the border gauging station at Karmrashen — called Qızılkənd on the Yurdali
side, Кармрашен / Кызылкенд in Russian — canal maintenance, flood warnings and, after an
extension of the mandate, water quality. Every place, side and person is invented.
Local time is UTC+4; the story runs from 1 March to 22 April 2027.

- Meeting 1 (9 Mar, Dalmar, chaired by Ferrante): held; Yurdali's "compensation for 2026
  crop losses" raised and declined by Sarnak; minutes v1 signed by Sarnak only, v2 signed
  by all. Commitments: release schedule (Sarnak; reported, confirmed), gauge readings
  (Yurdali; reported, disputed), canal-headworks inspection (Yurdali; never reported,
  overdue).
- Meeting 2: proposed by Sarnak at the Tsovak dam on 25 Mar (direct), declined by
  Yurdali, countered by the Secretariat for 26 Mar 15:00 by videoconference (chaired by
  Obregón); held. Sarnak's "sediment flushing in April" declined by Yurdali. Commitments:
  flood duty officer (Sarnak; reported, confirmed), environmental-flow study (Sarnak,
  due 30 June, open).
- Joint communiqué on meetings 1 and 2 published (en, ru, hy, az). Meeting 1's held
  entry and the release-schedule commitment are opened to the public by joint consent;
  Yurdali's proposal to open the gauge-readings dispute is never signed by the others.
- Mandate extended to water quality. Meeting 3: proposed by Yurdali at the Beyqala canal
  headworks on 7 Apr, declined by Sarnak, countered by the Secretariat for 9 Apr 11:00 at
  the Karmrashen village hall; held at the Secretariat's field office at the gauging
  station instead (no power in the hall), Yurdali's head absent. Sarnak's "boats of the
  Tsovak fishing cooperative" raised, declined by Yurdali. Minutes signed by Sarnak and
  the Secretariat only. Commitments: joint sampling (Yurdali; reported), summer quota
  table (Sarnak; overdue). A second communiqué signed by the Secretariat and Yurdali
  only: never published.
- Next meeting: Sarnak proposes 12 May at the Tsovak dam, Yurdali declines, the
  Secretariat counters 13 May 2027 10:00 in Dalmar: agreed. Yurdali's technical meeting
  at its laboratory in Beyqala on 28 April stays unanswered.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

CHANNEL = "selvan-basin-commission"
TZ = timezone(timedelta(hours=4))
START = datetime(2027, 3, 1, 9, 0, tzinfo=TZ).astimezone(UTC)  # Monday 1 March 2027

PEOPLE = [
    (
        "chair",
        "secretariat",
        "head",
        "Claudia Ferrante",
        "Chair of the Selvan River Basin Commission",
    ),
    (
        "deputy",
        "secretariat",
        "head",
        "Rafael Obregón",
        "Deputy Chair of the Selvan River Basin Commission",
    ),
    ("secretary", "secretariat", "member", "Anouk de Vries", "Technical secretary"),
    (
        "sar-head",
        "sarnak",
        "head",
        "Gevorg Melikyan",
        "Head of the Sarnak delegation, Director of the Sarnak Water Authority",
    ),
    ("sar-hydro", "sarnak", "member", "Siranush Avetisyan", "Hydrologist, Tsovak dam"),
    (
        "yur-head",
        "yurdali",
        "head",
        "Rauf Məmmədli",
        "Head of the Yurdali delegation, Director of the Yurdali Water Authority",
    ),
    ("yur-eng", "yurdali", "member", "Günel Rzayeva", "Chief engineer, Beyqala canal"),
]

SIDES = {
    "secretariat": ("Secretariat of the Selvan River Basin Commission", "mediator"),
    "sarnak": ("Water Authority of Sarnak", "party"),
    "yurdali": ("Water Authority of Yurdali", "party"),
}

MANDATE = [
    {"id": "releases", "title": "Releases from the Tsovak reservoir into the Selvan"},
    {"id": "data-exchange", "title": "Exchange of hydrological data"},
    {"id": "canals", "title": "Maintenance of the Beyqala canal headworks"},
    {"id": "flood-warning", "title": "Flood warnings along the Selvan"},
    {"id": "environmental-flow", "title": "Environmental flow of the lower Selvan"},
]

DALMAR = "Basin Commission Secretariat, Dalmar"
TSOVAK = "Control building of the Tsovak dam"
VIDEO = "Videoconference (online), hosted by the Secretariat"
HEADWORKS = "Headworks of the Beyqala canal"
HALL = "Village hall, Karmrashen (Qızılkənd)"
FIELD_OFFICE = "Secretariat field office at the Karmrashen (Qızılkənd) gauging station"
LAB = "Water laboratory of the Yurdali Water Authority, Beyqala"

COMMUNIQUE_1 = {
    "en": "The Selvan River Basin Commission met on 9 March 2027 at the Basin Commission "
    "Secretariat in Dalmar and on 26 March 2027 by videoconference, chaired by the "
    "Secretariat. The water authorities of Sarnak and Yurdali agreed that from 15 March the "
    "Tsovak reservoir releases at least 10 cubic metres per second into the Selvan, measured "
    "at the Karmrashen (Qızılkənd) gauging station, and that a weekly release schedule is sent "
    "through the Secretariat. They also agreed to set up a 24-hour flood-warning line between "
    "the Tsovak dam and the headworks of the Beyqala canal.",
    "ru": "Комиссия по бассейну реки Сельван провела заседания 9 марта 2027 года в "
    "Секретариате Комиссии в Дальмаре и 26 марта 2027 года в формате видеоконференции под "
    "председательством Секретариата. Водные управления Сарнака и Юрдалы договорились, что с "
    "15 марта Цовакское водохранилище сбрасывает в Сельван не менее 10 кубометров в секунду, "
    "измеряемых на гидропосту Кармрашен (Кызылкенд), и что еженедельный график сбросов "
    "направляется через Секретариат. Они также договорились создать круглосуточную линию "
    "оповещения о паводках между плотиной Цовак и головным сооружением Бейкалинского канала.",
    "hy": "Սելվան գետի ավազանային հանձնաժողովը հավաքվել է 2027 թ. մարտի 9-ին Դալմարում՝ "
    "Հանձնաժողովի քարտուղարությունում, և մարտի 26-ին՝ տեսակոնֆերանսի ձևաչափով, "
    "Քարտուղարության նախագահությամբ։ Սառնակի և Յուրդալիի ջրային վարչությունները "
    "համաձայնեցին, որ մարտի 15-ից Ծովակի ջրամբարը Սելվան է բաց թողնում վայրկյանում "
    "առնվազն 10 խորանարդ մետր ջուր՝ չափված Կարմրաշենի (Ղըզըլքենդի) ջրաչափական կետում, և "
    "որ բացթողումների շաբաթական ժամանակացույցը փոխանցվում է Քարտուղարության միջոցով։ "
    "Նրանք նաև համաձայնեցին ստեղծել ջրհեղեղի մասին ազդարարման շուրջօրյա գիծ Ծովակի "
    "ամբարտակի և Բեյղալա ջրանցքի գլխամասային կառույցի միջև։",
    "az": "Selvan çayı Hövzə Komissiyası 2027-ci il martın 9-da Dalmarda Komissiyanın "
    "Katibliyində və martın 26-da videokonfrans formatında Katibliyin sədrliyi ilə toplanıb. "
    "Sarnak və Yurdalı su idarələri razılaşıblar ki, martın 15-dən Tsovak su anbarı Selvana "
    "saniyədə ən azı 10 kubmetr su buraxsın, bu həcm Qızılkənd (Karmrashen) hidroloji "
    "məntəqəsində ölçülsün və həftəlik su buraxma cədvəli Katiblik vasitəsilə göndərilsin. "
    "Onlar həmçinin Tsovak bəndi ilə Bəyqala kanalının baş qurğusu arasında gecə-gündüz "
    "işləyən daşqın xəbərdarlığı xətti yaratmağa razılaşıblar.",
}

COMMUNIQUE_2 = {
    "en": "On 9 April 2027 the Selvan River Basin Commission met in Karmrashen. The sides "
    "agreed on joint monthly water sampling at the Karmrashen (Qızılkənd) gauging station, "
    "with the samples analysed in Dalmar.",
    "az": "2027-ci il aprelin 9-da Selvan çayı Hövzə Komissiyası Qızılkənddə toplanıb. "
    "Tərəflər Qızılkənd (Karmrashen) hidroloji məntəqəsində hər ay birgə su nümunələri "
    "götürülməsi və onların Dalmarda təhlil edilməsi barədə razılığa gəliblər.",
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
        "title": "Selvan River Basin Commission: water authorities of Sarnak and Yurdali",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 600, "urgent": 3600, "routine": 172800},
        "default_disclosure": "confidential",
    }


def _item(item: str, topic: str, title: str) -> dict[str, str]:
    return {"id": item, "topic": topic, "title": title}


def play(member: Any, clock: Any) -> None:
    ch = CHANNEL

    def at(local: str) -> None:
        """Move the story's clock forward to a local (UTC+04:00) time."""
        target = datetime.fromisoformat(local).replace(tzinfo=TZ)
        delta = (target - clock.now()).total_seconds()
        assert delta >= 0, local
        clock.advance(seconds=delta)

    chair, deputy, secretary = member("chair"), member("deputy"), member("secretary")
    sar, hydro = member("sar-head"), member("sar-hydro")
    yur, eng = member("yur-head"), member("yur-eng")

    # --- meeting 1: Dalmar, 9 March ----------------------------------------------------
    at("2027-03-01T10:00")
    secretary.talks.propose(
        ch,
        "sbc-1",
        start="2027-03-09T10:00:00+04:00",
        venue=DALMAR,
        format="chaired",
        agenda=[
            _item("spring-releases", "releases", "Spring releases from the Tsovak reservoir"),
            _item("gauge-data", "data-exchange", "Readings of the Karmrashen gauging station"),
            _item("headworks-repair", "canals", "Repair of the Beyqala canal headworks"),
        ],
        attendees={
            "secretariat": ["Claudia Ferrante"],
            "sarnak": ["Gevorg Melikyan", "Siranush Avetisyan"],
            "yurdali": ["Rauf Məmmədli", "Günel Rzayeva"],
        },
    )
    at("2027-03-01T15:00")
    sar.talks.answer(ch, "sbc-1", True)
    at("2027-03-02T09:30")
    yur.talks.answer(ch, "sbc-1", True)

    # --- low water downstream ---------------------------------------------------------
    at("2027-03-03T11:00")
    low, _ = eng.send(
        ch,
        to="sarnak",
        priority="urgent",
        topic="releases",
        subject="Low flow at the Karmrashen (Qızılkənd) gauging station",
        text="The flow at the Karmrashen (Qızılkənd) gauging station fell to 4.2 cubic metres "
        "per second on 2 March. We ask for the release from the Tsovak reservoir to be raised "
        "to 12 cubic metres per second.",
    )
    at("2027-03-03T11:25")
    hydro.mark_delivered(ch)
    sar.acknowledge(ch, low.id, "Received; the dam operator is informed.")
    at("2027-03-04T10:00")
    hydro.send(
        ch,
        to="yurdali",
        priority="urgent",
        topic="releases",
        reply_to=low.id,
        subject="Re: Low flow at the Karmrashen gauging station",
        text="The release will be raised to 9 cubic metres per second from 5 March. The "
        "spring schedule is for the meeting of 9 March in Dalmar.",
    )
    eng.mark_delivered(ch)

    # --- meeting 1 held ----------------------------------------------------------------
    at("2027-03-09T09:40")
    yur.talks.raise_item(
        ch,
        "sbc-1",
        "crop-compensation",
        "Compensation for 2026 crop losses in the Beyqala valley",
        topic="compensation",
        text="Compensation by Sarnak for the crops lost in the Beyqala valley in the dry "
        "summer of 2026.",
    )
    at("2027-03-09T09:55")
    sar.talks.answer_item(
        ch,
        "sbc-1",
        "crop-compensation",
        False,
        "Outside the commission's mandate: compensation claims belong to the "
        "intergovernmental talks, not to a technical basin commission.",
    )
    at("2027-03-09T14:45")
    held_1 = chair.talks.record_held(
        ch,
        "sbc-1",
        started="2027-03-09T10:15:00+04:00",
        ended="2027-03-09T14:30:00+04:00",
        venue=DALMAR,
        attendees={
            "secretariat": ["Claudia Ferrante", "Anouk de Vries"],
            "sarnak": ["Gevorg Melikyan", "Siranush Avetisyan"],
            "yurdali": ["Rauf Məmmədli", "Günel Rzayeva"],
        },
        note="Chaired by Claudia Ferrante, Chair of the Commission.",
    ).entry_id

    at("2027-03-09T15:30")
    schedule_added = chair.talks.add_commitment(
        ch,
        "release-schedule",
        owner="sarnak",
        meeting="sbc-1",
        agenda_item="spring-releases",
        text="Send the Secretariat a weekly release schedule for the Tsovak reservoir for "
        "March to May 2027.",
        due="2027-03-16T18:00:00+04:00",
    ).entry_id
    chair.talks.add_commitment(
        ch,
        "gauge-readings",
        owner="yurdali",
        meeting="sbc-1",
        agenda_item="gauge-data",
        text="Hand the Secretariat the daily readings of the Karmrashen (Qızılkənd) gauging "
        "station for January and February 2027.",
        due={"days": 3, "after_meeting": "sbc-1"},
    )
    chair.talks.add_commitment(
        ch,
        "headworks-inspection",
        owner="yurdali",
        meeting="sbc-1",
        agenda_item="headworks-repair",
        text="Admit a Sarnak inspection team to the Beyqala canal headworks for one full day.",
        due="2027-03-26T18:00:00+04:00",
    )

    # --- minutes of meeting 1: v1 signed by Sarnak, objection, v2 signed by all ---------
    at("2027-03-10T11:00")
    items_1 = [
        {
            "item": "spring-releases",
            "summary": "Releases from the Tsovak reservoir from March to May.",
            "positions": {
                "yurdali": "Asks for at least 12 cubic metres per second for the sowing season.",
                "sarnak": "Offers 8 cubic metres per second while the reservoir refills.",
            },
            "outcome": "Agreed: from 15 March the Tsovak reservoir releases at least 10 cubic "
            "metres per second; a weekly schedule is sent through the Secretariat.",
        },
        {
            "item": "gauge-data",
            "summary": "Daily readings of the Karmrashen (Qızılkənd) gauging station.",
            "outcome": "Agreed: both sides exchange daily readings through the Secretariat.",
        },
        {
            "item": "headworks-repair",
            "summary": "Repair of the Beyqala canal headworks, damaged by ice in January.",
            "outcome": "Agreed: a Sarnak team inspects the headworks before 26 March.",
        },
        {
            "item": "crop-compensation",
            "summary": "Raised by the Yurdali side.",
            "outcome": "Not discussed: declined by the Sarnak side as outside the mandate.",
        },
    ]
    secretary.talks.draft_minutes(ch, "sbc-1", items_1, general="Chaired by Claudia Ferrante.")
    at("2027-03-10T16:00")
    sar.talks.sign_minutes(ch, "sbc-1", 1)
    at("2027-03-11T09:00")
    yur.send(
        ch,
        to="secretariat",
        priority="routine",
        topic="releases",
        subject="Minutes of 9 March",
        text="We cannot sign version 1: the minimum release of 10 cubic metres per second "
        "was agreed as measured at the Karmrashen gauging station, not at the dam.",
    )
    secretary.mark_delivered(ch)
    at("2027-03-11T14:00")
    items_1[0] = {
        **items_1[0],
        "outcome": "Agreed: from 15 March the Tsovak reservoir releases at least 10 cubic "
        "metres per second, measured at the Karmrashen (Qızılkənd) gauging station; a weekly "
        "schedule is sent through the Secretariat.",
    }
    secretary.talks.draft_minutes(ch, "sbc-1", items_1, general="Chaired by Claudia Ferrante.")

    # --- gauge readings: reported, disputed --------------------------------------------
    at("2027-03-11T17:00")
    gauge_reported = yur.talks.report(
        ch, "gauge-readings", "Readings for January and February handed to the Secretariat."
    ).entry_id
    at("2027-03-12T09:00")
    sar.talks.sign_minutes(ch, "sbc-1", 2)
    at("2027-03-12T11:00")
    yur.talks.sign_minutes(ch, "sbc-1", 2)
    at("2027-03-12T12:00")
    chair.talks.sign_minutes(ch, "sbc-1", 2)
    at("2027-03-13T10:00")
    gauge_disputed = sar.talks.dispute(
        ch,
        "gauge-readings",
        "The readings for 6 to 11 February are missing.",
    ).entry_id

    # --- release schedule: reported, relayed, confirmed ---------------------------------
    at("2027-03-15T12:00")
    sched_msg, _ = hydro.send(
        ch,
        to="secretariat",
        priority="routine",
        topic="releases",
        subject="Weekly release schedule, Tsovak reservoir",
        text="Weekly release schedule of the Tsovak reservoir for March to May 2027 attached: "
        "10 to 14 cubic metres per second.",
    )
    secretary.mark_delivered(ch)
    schedule_reported = sar.talks.report(
        ch, "release-schedule", "Schedule sent to the Secretariat on 15 March.", sched_msg.id
    ).entry_id
    at("2027-03-16T09:00")
    secretary.send(
        ch,
        to="yurdali",
        priority="routine",
        relay_of=sched_msg.id,
        subject="Relayed: weekly release schedule, Tsovak reservoir",
        text="Relayed from the Sarnak Water Authority: the weekly release schedule of the "
        "Tsovak reservoir for March to May 2027.",
    )
    eng.mark_delivered(ch)
    at("2027-03-16T11:30")
    schedule_confirmed = yur.talks.confirm(
        ch, "release-schedule", "Schedule received through the Secretariat."
    ).entry_id

    # --- meeting 2: proposed at the dam, declined, countered online --------------------
    at("2027-03-17T10:00")
    sar.talks.propose(
        ch,
        "sbc-2",
        start="2027-03-25T11:00:00+04:00",
        venue=TSOVAK,
        format="direct",
        agenda=[
            _item("flood-line", "flood-warning", "A flood-warning line for the snowmelt season"),
            _item("env-flow", "environmental-flow", "Environmental flow of the lower Selvan"),
        ],
        attendees={"sarnak": ["Gevorg Melikyan"], "yurdali": ["Rauf Məmmədli"]},
    )
    at("2027-03-18T09:00")
    yur.talks.answer(
        ch,
        "sbc-2",
        False,
        "The dam is a restricted site, and the Secretariat must be present: we ask for a "
        "chaired meeting.",
    )
    at("2027-03-19T10:00")
    deputy.talks.counter(
        ch,
        "sbc-2",
        start="2027-03-26T15:00:00+04:00",
        venue=VIDEO,
        format="chaired",
        attendees={
            "secretariat": ["Rafael Obregón"],
            "sarnak": ["Gevorg Melikyan"],
            "yurdali": ["Rauf Məmmədli", "Günel Rzayeva"],
        },
        note="Online and chaired by the Secretariat, at the Yurdali side's request.",
    )
    at("2027-03-19T14:00")
    sar.talks.answer(ch, "sbc-2", True)
    at("2027-03-20T09:00")
    yur.talks.answer(ch, "sbc-2", True)

    at("2027-03-22T10:00")
    sar.talks.propose_item(
        ch,
        "sbc-2",
        "sediment-flushing",
        "releases",
        "Sediment flushing of the Tsovak reservoir in April",
    )
    at("2027-03-23T11:00")
    yur.talks.answer_item(
        ch,
        "sbc-2",
        "sediment-flushing",
        False,
        "Flushing in April would silt the intakes of the Beyqala canal during sowing; not "
        "before October.",
    )

    at("2027-03-24T06:10")
    flood, _ = hydro.send(
        ch,
        to="yurdali",
        priority="flash",
        topic="flood-warning",
        subject="Snowmelt: higher release from the Tsovak dam",
        text="Snowmelt: the release from the Tsovak dam rises to 60 cubic metres per second "
        "from 09:00 today for 48 hours.",
    )
    at("2027-03-24T06:13")
    eng.mark_delivered(ch)
    eng.acknowledge(ch, flood.id, "Received; the Beyqala canal intakes are being closed.")

    # --- meeting 2 held online -----------------------------------------------------------
    at("2027-03-26T17:40")
    deputy.talks.record_held(
        ch,
        "sbc-2",
        started="2027-03-26T15:10:00+04:00",
        ended="2027-03-26T17:25:00+04:00",
        venue=VIDEO,
        attendees={
            "secretariat": ["Rafael Obregón", "Anouk de Vries"],
            "sarnak": ["Gevorg Melikyan"],
            "yurdali": ["Rauf Məmmədli", "Günel Rzayeva"],
        },
        note="Chaired by Rafael Obregón, Deputy Chair of the Commission.",
    )
    at("2027-03-26T18:00")
    deputy.talks.add_commitment(
        ch,
        "flood-duty-officer",
        owner="sarnak",
        meeting="sbc-2",
        agenda_item="flood-line",
        text="Name a flood-warning duty officer at the Tsovak dam, reachable 24 hours a day, "
        "to the Secretariat and the Yurdali Water Authority.",
        due="2027-04-02T18:00:00+04:00",
    )
    deputy.talks.add_commitment(
        ch,
        "env-flow-study",
        owner="sarnak",
        meeting="sbc-2",
        agenda_item="env-flow",
        text="Share the environmental flow study of the lower Selvan through the Secretariat.",
        due="2027-06-30T18:00:00+04:00",
    )
    at("2027-03-27T10:00")
    secretary.talks.draft_minutes(
        ch,
        "sbc-2",
        [
            {
                "item": "flood-line",
                "summary": "Flood warnings for the snowmelt season.",
                "outcome": "Agreed: a 24-hour flood-warning line between the Tsovak dam and "
                "the Beyqala canal headworks, through the Secretariat.",
            },
            {
                "item": "env-flow",
                "summary": "Environmental flow of the lower Selvan.",
                "positions": {
                    "yurdali": "Asks for a minimum flow of 3 cubic metres per second below "
                    "the Beyqala canal intake.",
                    "sarnak": "Will present its environmental flow study first.",
                },
                "outcome": "Sarnak shares its environmental flow study by 30 June.",
            },
            {
                "item": "sediment-flushing",
                "summary": "Proposed by the Sarnak side.",
                "outcome": "Not discussed: declined by the Yurdali side.",
            },
        ],
        general="Chaired by Rafael Obregón.",
    )
    at("2027-03-27T15:00")
    sar.talks.sign_minutes(ch, "sbc-2", 1)
    at("2027-03-28T10:00")
    yur.talks.sign_minutes(ch, "sbc-2", 1)
    at("2027-03-28T12:00")
    deputy.talks.sign_minutes(ch, "sbc-2", 1)

    # --- the mandate is extended to water quality ---------------------------------------
    at("2027-03-29T10:00")
    chair.talks.extend_mandate(
        ch, "water-quality", "Water quality monitoring on the Selvan", "Asked by both sides."
    )
    at("2027-03-30T09:00")
    sar.talks.sign_extension(ch, "water-quality")

    # --- communiqué on meetings 1 and 2 -------------------------------------------------
    at("2027-03-30T12:00")
    secretary.disclosures.draft_communique(ch, "communique-2027-03", COMMUNIQUE_1, "sbc-2")
    at("2027-03-31T09:00")
    yur.talks.sign_extension(ch, "water-quality")
    for who in (sar, yur, chair):
        clock.advance(minutes=45)
        who.disclosures.sign_communique(ch, "communique-2027-03", 1)

    # --- the flood duty officer, and the opening of meeting 1 ---------------------------
    at("2027-04-01T09:00")
    chair.disclosures.propose(
        ch,
        "open-meeting-1",
        [held_1, schedule_added, schedule_reported, schedule_confirmed],
        "public",
        "Farmers downstream must know that the release schedule is agreed and working.",
    )
    at("2027-04-01T12:00")
    sar.talks.report(
        ch,
        "flood-duty-officer",
        "Duty officer named: Arsen Hakobyan, control room of the Tsovak dam.",
    )
    at("2027-04-01T15:00")
    sar.disclosures.sign(ch, "open-meeting-1")
    at("2027-04-02T10:00")
    yur.talks.confirm(ch, "flood-duty-officer", "Test call to the duty officer succeeded.")
    at("2027-04-02T11:00")
    yur.disclosures.sign(ch, "open-meeting-1")

    # --- meeting 3: proposed at the headworks, declined, countered to Karmrashen --------
    at("2027-04-02T12:00")
    yur.talks.propose(
        ch,
        "sbc-3",
        start="2027-04-07T10:00:00+04:00",
        venue=HEADWORKS,
        format="chaired",
        agenda=[
            _item("joint-sampling", "water-quality", "Joint water sampling"),
            _item("summer-quota", "releases", "Summer release quota, June to August"),
        ],
        attendees={
            "secretariat": ["Claudia Ferrante"],
            "sarnak": ["Gevorg Melikyan", "Siranush Avetisyan"],
            "yurdali": ["Rauf Məmmədli", "Günel Rzayeva"],
        },
    )
    at("2027-04-03T09:00")
    sar.talks.answer(
        ch,
        "sbc-3",
        False,
        "Our inspection team has still not been admitted to the headworks; we will not meet "
        "there before it is.",
    )
    at("2027-04-03T14:00")
    secretary.talks.counter(
        ch,
        "sbc-3",
        start="2027-04-09T11:00:00+04:00",
        venue=HALL,
        note="Moved to Karmrashen, a neutral venue by the gauging station.",
    )
    at("2027-04-04T10:00")
    sar.talks.answer(ch, "sbc-3", True)
    at("2027-04-05T09:00")
    yur.talks.answer(ch, "sbc-3", True)

    at("2027-04-05T11:00")
    yur.disclosures.propose(
        ch,
        "open-gauge-readings",
        [gauge_reported, gauge_disputed],
        "public",
        "To show that the readings were delivered on time.",
    )

    at("2027-04-06T10:00")
    sar.send(
        ch,
        to="secretariat",
        priority="routine",
        topic="canals",
        subject="Beyqala canal headworks inspection",
        text="The inspection of the Beyqala canal headworks, due by 26 March, has not taken "
        "place: our team has not been admitted.",
    )
    secretary.mark_delivered(ch)

    # --- meeting 3 held at the field office ---------------------------------------------
    at("2027-04-09T11:05")
    sar.talks.raise_item(
        ch,
        "sbc-3",
        "fishing-boats",
        "Return of the boats of the Tsovak fishing cooperative",
        topic="fisheries",
        text="Four boats of the Tsovak fishing cooperative held by the Yurdali side since "
        "August 2026.",
    )
    at("2027-04-09T11:20")
    yur.talks.answer_item(
        ch,
        "sbc-3",
        "fishing-boats",
        False,
        "Outside the mandate: the boats are a matter for the courts.",
    )
    at("2027-04-09T15:30")
    chair.talks.record_held(
        ch,
        "sbc-3",
        started="2027-04-09T11:40:00+04:00",
        ended="2027-04-09T15:10:00+04:00",
        venue=FIELD_OFFICE,
        attendees={
            "secretariat": ["Claudia Ferrante", "Anouk de Vries"],
            "sarnak": ["Gevorg Melikyan", "Siranush Avetisyan"],
            "yurdali": ["Günel Rzayeva"],
        },
        note="Moved from the village hall, which had no power, to the Secretariat's field "
        "office at the gauging station. Chaired by Claudia Ferrante.",
    )
    at("2027-04-09T16:00")
    chair.talks.add_commitment(
        ch,
        "joint-sampling",
        owner="yurdali",
        meeting="sbc-3",
        agenda_item="joint-sampling",
        text="Take water samples jointly with the Sarnak hydrologist at the Karmrashen "
        "(Qızılkənd) gauging station and send them to the laboratory in Dalmar.",
        due="2027-04-16T18:00:00+04:00",
    )
    chair.talks.add_commitment(
        ch,
        "summer-quota-table",
        owner="sarnak",
        meeting="sbc-3",
        agenda_item="summer-quota",
        text="Send the Secretariat a draft table of summer release quotas for June to August.",
        due="2027-04-20T18:00:00+04:00",
    )
    at("2027-04-10T10:00")
    secretary.talks.draft_minutes(
        ch,
        "sbc-3",
        [
            {
                "item": "joint-sampling",
                "summary": "Water quality below the Tsovak reservoir.",
                "outcome": "Agreed: joint monthly sampling at the Karmrashen (Qızılkənd) "
                "gauging station, analysed by the laboratory in Dalmar.",
            },
            {
                "item": "summer-quota",
                "summary": "Summer release quotas for June to August.",
                "positions": {
                    "yurdali": "Asks for 18 cubic metres per second in July and August.",
                    "sarnak": "Cannot exceed 12 cubic metres per second in a dry year.",
                },
                "outcome": "Not agreed: Sarnak sends a draft quota table by 20 April.",
            },
            {
                "item": "fishing-boats",
                "summary": "Raised by the Sarnak side.",
                "outcome": "Not discussed: declined by the Yurdali side as outside the mandate.",
            },
        ],
        general="Chaired by Claudia Ferrante. The head of the Yurdali delegation did not attend.",
    )
    at("2027-04-10T15:00")
    sar.talks.sign_minutes(ch, "sbc-3", 1)
    at("2027-04-11T10:00")
    chair.talks.sign_minutes(ch, "sbc-3", 1)
    at("2027-04-11T12:00")
    yur.send(
        ch,
        to="secretariat",
        priority="routine",
        subject="Minutes of 9 April",
        text="The Yurdali delegation will sign the minutes of 9 April after its head has "
        "reviewed them.",
    )
    secretary.mark_delivered(ch)

    # --- a second communiqué, signed by two sides only -----------------------------------
    at("2027-04-12T10:00")
    secretary.disclosures.draft_communique(ch, "communique-2027-04", COMMUNIQUE_2, "sbc-3")
    at("2027-04-12T13:00")
    chair.disclosures.sign_communique(ch, "communique-2027-04", 1)
    at("2027-04-13T09:00")
    yur.disclosures.sign_communique(ch, "communique-2027-04", 1)

    # --- the next meeting: proposed at the dam, declined, agreed in Dalmar ---------------
    at("2027-04-14T10:00")
    sar.talks.propose(
        ch,
        "sbc-4",
        start="2027-05-12T10:00:00+04:00",
        venue=TSOVAK,
        format="chaired",
        agenda=[
            _item("summer-quota-2", "releases", "Summer release quotas"),
            _item("sampling-results", "water-quality", "Results of the joint sampling"),
        ],
        attendees={
            "secretariat": ["Claudia Ferrante"],
            "sarnak": ["Gevorg Melikyan"],
            "yurdali": ["Rauf Məmmədli"],
        },
    )
    at("2027-04-15T09:00")
    yur.talks.answer(
        ch,
        "sbc-4",
        False,
        "The dam is a restricted site; we prefer the Secretariat in Dalmar.",
    )
    at("2027-04-15T14:00")
    chair.talks.counter(
        ch,
        "sbc-4",
        start="2027-05-13T10:00:00+04:00",
        venue=DALMAR,
    )
    at("2027-04-16T09:00")
    sar.talks.answer(ch, "sbc-4", True)
    at("2027-04-16T14:00")
    yur.talks.report(ch, "joint-sampling", "Samples taken jointly on 15 April and sent to Dalmar.")
    at("2027-04-16T16:00")
    yur.talks.answer(ch, "sbc-4", True)

    # --- a technical meeting nobody answered ---------------------------------------------
    at("2027-04-19T10:00")
    yur.talks.propose(
        ch,
        "tech-quality",
        start="2027-04-28T10:00:00+04:00",
        venue=LAB,
        format="direct",
        agenda=[_item("sampling-method", "water-quality", "Sampling and analysis methods")],
        attendees={"sarnak": ["Siranush Avetisyan"], "yurdali": ["Günel Rzayeva"]},
    )
    at("2027-04-22T10:00")
