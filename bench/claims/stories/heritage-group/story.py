"""A joint working group on cultural heritage (held-out story; fiction).

The Heritage Liaison Mission (HLM, the mediator) facilitates the Joint Working Group on
Cultural Heritage between the sides of Arevashat and Gülablı: the church of Surb
Astvatsatsin and the old cemetery of the village Arevashat calls Karmrakar and Gülablı
calls Qızılqaya (held by Gülablı), the Juma mosque and the cemetery of the village
Gülablı calls Şıxlar and Arevashat calls Shikhlar (held by Arevashat); condition surveys
by an independent expert team, visits of clergy and families on memorial days, an
exchange of inventories, a complaint about damage with photographs, and (by a mandate
extension) restoration permits. Every place, side and person is invented. Local time is
UTC+4; the story runs from Monday 3 September to Wednesday 12 December 2029.

- Meeting 1 (hwg-1): proposed by the HLM for Tue 18 Sep, 10:00, at the HLM office in
  Dubravino; Gülablı's counter-proposal moves it to Thu 20 Sep, 11:00; held 11:15-14:50,
  chaired by Henrike Aalbers. "Access of clergy to the church in Karmrakar" raised by
  Arevashat, accepted; "Collapse of the Şıxlar minaret" raised by Gülablı, declined by
  Arevashat. Minutes v1 signed by Gülablı only (Arevashat objects by letter), v2 by all
  three. Commitments: Arevashat's inventory (reported, confirmed, made public),
  Gülablı's inventory (reported late, disputed), access of the expert team to the church
  (Gülablı; reported, confirmed). Communiqué v1 signed by HLM and Arevashat, v2 by all
  three: published. Chiara Benedetti (expert team) added to the HLM side.
- Meeting 2 (hwg-2): direct, proposed by Arevashat, at the Kamenny Brod crossing point,
  Tue 9 Oct. "Photographs of the Şıxlar cemetery" proposed by Gülablı, accepted.
  Commitments: the memorial-day visit to Karmrakar on Sun 4 Nov (Gülablı; reported,
  disputed), the families' visit to Şıxlar on Fri 26 Oct (Arevashat; reported,
  confirmed), photographs of the Şıxlar cemetery (Arevashat; overdue).
- Mandate extension: restoration permits. A glossary term for the Şıxlar mosque.
- Meeting 3 (hwg-3): proposed for Wed 14 Nov at the Shikhlar museum, declined by
  Gülablı; moved to Thu 15 Nov, 15:00, online; chaired by Matteo Grimaldi, without Nune
  Avagyan. Minutes in English with a Russian parallel text. "Roof of the Karmrakar
  church" raised by Arevashat, accepted; "Manuscripts of the Şıxlar mosque" proposed by
  Gülablı, declined. Commitments open: two restoration permits. A second communiqué
  signed by the HLM and Gülablı only, never published.
- Meeting 4 (hwg-4): Tue 4 Dec in Dubravino, proposed for 10:00, moved by Arevashat to
  16:00 the same day; chaired by Henrike Aalbers. Minutes v1 signed by the HLM and
  Arevashat only.
- Next meeting proposed by Gülablı for Tue 15 Jan 2030 at Kamenny Brod, accepted by the
  HLM, not by Arevashat. Gülablı's proposal to open its damage complaint gets no other
  signature.
- Messages: Gülablı acknowledges the urgent notice of the experts' crossing hours after
  its deadline; its damage complaint (fourteen photographs) is relayed to Arevashat, who
  answers it, and the HLM signs a Russian translation of it; a flash on the memorial day
  is acknowledged in minutes; an urgent warning about scaffolding is never acknowledged.
  Arevashat logs a unilateral statement on the memorial-day visit. Public in the end: the
  first communiqué (v2), the first meeting's record, Arevashat's inventory commitment
  with its report and confirmation, and the unilateral statement.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from parley.crypto import SigningKey

CHANNEL = "heritage-working-group"
START = datetime(2029, 9, 3, 5, 0, tzinfo=UTC)  # Monday 3 September 2029, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    ("hlm-head", "hlm", "head", "Henrike Aalbers", "Head of the Heritage Liaison Mission"),
    (
        "hlm-officer",
        "hlm",
        "member",
        "Matteo Grimaldi",
        "Liaison officer, Heritage Liaison Mission",
    ),
    ("arev-head", "arevashat", "head", "Hrach Mkrtumyan", "Head of the Arevashat side"),
    ("arev-architect", "arevashat", "member", "Nune Avagyan", "Heritage architect, Arevashat side"),
    ("gul-head", "gulabli", "head", "Elşad Cəfərli", "Head of the Gülablı side"),
    ("gul-archaeologist", "gulabli", "member", "Aygün Şirinova", "Archaeologist, Gülablı side"),
]

SIDES = {
    "hlm": ("Heritage Liaison Mission", "mediator"),
    "arevashat": ("Arevashat side", "party"),
    "gulabli": ("Gülablı side", "party"),
}

MANDATE = [
    {"id": "surveys", "title": "Condition surveys of monuments by the independent expert team"},
    {"id": "inventory", "title": "Inventories of monuments, places of worship and cemeteries"},
    {"id": "visits", "title": "Visits of clergy and families to cemeteries and places of worship"},
    {"id": "damage", "title": "Damage to monuments and complaints"},
]

GLOSSARY = [
    {
        "id": "hlm",
        "kind": "side",
        "names": {
            "en": "Heritage Liaison Mission",
            "ru": "Миссия связи по вопросам наследия",
            "hy": "Ժառանգության հարցերով կապի առաքելություն",
            "az": "İrs üzrə Əlaqə Missiyası",
        },
    },
    {
        "id": "arevashat",
        "kind": "side",
        "names": {"en": "Arevashat", "ru": "Аревашат", "hy": "Արևաշատ", "az": "Arevaşat"},
    },
    {
        "id": "gulabli",
        "kind": "side",
        "names": {"en": "Gülablı", "ru": "Гюлаблы", "hy": "Գյուլաբլի", "az": "Gülablı"},
    },
    {
        "id": "karmrakar",
        "kind": "place",
        "names": {
            "en": "Karmrakar / Qızılqaya",
            "ru": "Кармракар / Кызылкая",
            "hy": "Կարմրաքար / Ղըզըլղայա",
            "az": "Qızılqaya / Karmrakar",
        },
        "forms": {
            "arevashat": {"en": "Karmrakar", "ru": "Кармракар", "hy": "Կարմրաքար"},
            "gulabli": {"en": "Qızılqaya", "ru": "Кызылкая", "az": "Qızılqaya"},
        },
        "note": "The village with the church of Surb Astvatsatsin and the old cemetery.",
    },
    {
        "id": "shikhlar",
        "kind": "place",
        "names": {
            "en": "Şıxlar / Shikhlar",
            "ru": "Шыхлар / Шихлар",
            "hy": "Շըխլար / Շիխլար",
            "az": "Şıxlar",
        },
        "forms": {
            "arevashat": {"en": "Shikhlar", "ru": "Шихлар", "hy": "Շիխլար"},
            "gulabli": {"en": "Şıxlar", "ru": "Шыхлар", "az": "Şıxlar"},
        },
        "note": "The village with the Juma mosque and the Muslim cemetery.",
    },
    {
        "id": "dubravino",
        "kind": "place",
        "names": {"en": "Dubravino", "ru": "Дубравино", "hy": "Դուբրավինո", "az": "Dubravino"},
    },
    {
        "id": "kamenny-brod",
        "kind": "place",
        "names": {
            "en": "Kamenny Brod",
            "ru": "Каменный Брод",
            "hy": "Կամեննի Բրոդ",
            "az": "Kamennı Brod",
        },
    },
]

MOSQUE_TERM = {
    "id": "juma-mosque",
    "kind": "place",
    "names": {
        "en": "Juma mosque of Şıxlar",
        "ru": "Джума-мечеть Шыхлара",
        "hy": "Շըխլարի Ջումա մզկիթ",
        "az": "Şıxlar Cümə məscidi",
    },
    "note": "The Friday mosque of the village Şıxlar.",
}

DUBRAVINO = "HLM office, Dubravino"
CROSSING = "Kamenny Brod crossing point"
MUSEUM = "Museum of local history, Shikhlar"
ONLINE = "Videoconference (online), hosted by the HLM"

COMMUNIQUE_1_V1 = {
    "en": "On 20 September 2029 the Joint Working Group on Cultural Heritage met at the "
    "office of the Heritage Liaison Mission in Dubravino. The sides of Arevashat and "
    "Gülablı agreed to exchange inventories of monuments, places of worship and cemeteries "
    "by 15 October. The Gülablı side agreed to give the independent expert team access to "
    "the church of Surb Astvatsatsin in Karmrakar.",
}

COMMUNIQUE_1_V2 = {
    "en": "On 20 September 2029 the Joint Working Group on Cultural Heritage met at the "
    "office of the Heritage Liaison Mission in Dubravino. The sides of Arevashat and "
    "Gülablı agreed to exchange inventories of monuments, places of worship and cemeteries "
    "by 15 October. The Gülablı side agreed to give the independent expert team access to "
    "the church of Surb Astvatsatsin in Qızılqaya (Karmrakar).",
    "ru": "20 сентября 2029 года Совместная рабочая группа по культурному наследию собралась "
    "в офисе Миссии связи по вопросам наследия в Дубравино. Стороны Аревашата и Гюлаблы "
    "договорились до 15 октября обменяться перечнями памятников, мест поклонения и "
    "кладбищ. Сторона Гюлаблы согласилась предоставить независимой группе экспертов "
    "доступ к церкви Сурб Аствацацин в Кызылкае (Кармракаре).",
    "hy": "2029 թվականի սեպտեմբերի 20-ին Մշակութային ժառանգության համատեղ աշխատանքային "
    "խումբը հավաքվեց Դուբրավինոյում՝ Ժառանգության հարցերով կապի առաքելության "
    "գրասենյակում։ Արևաշատի և Գյուլաբլիի կողմերը համաձայնեցին մինչև հոկտեմբերի 15-ը "
    "փոխանակել հուշարձանների, պաշտամունքի վայրերի և գերեզմանոցների ցուցակները։ "
    "Գյուլաբլիի կողմը համաձայնեց անկախ փորձագետների խմբին մուտք տրամադրել Կարմրաքարի "
    "Սուրբ Աստվածածին եկեղեցի։",
    "az": "2029-cu il sentyabrın 20-də Mədəni İrs üzrə Birgə İşçi Qrupu Dubravinoda İrs "
    "üzrə Əlaqə Missiyasının ofisində toplaşıb. Arevaşat və Gülablı tərəfləri oktyabrın "
    "15-dək abidələrin, ibadət yerlərinin və qəbiristanlıqların siyahılarını mübadilə "
    "etməyə razılaşıblar. Gülablı tərəfi müstəqil ekspert qrupunun Qızılqayadakı Surb "
    "Astvatsatsin kilsəsinə daxil olmasına razılıq verib.",
}

COMMUNIQUE_2 = {
    "en": "On 15 November 2029 the Joint Working Group on Cultural Heritage met by "
    "videoconference. The sides agreed on permits for the restoration of the roof of the "
    "church in Qızılqaya and of the minaret of the Juma mosque in Şıxlar. The question of "
    "the manuscripts of the mosque remains open.",
    "ru": "15 ноября 2029 года Совместная рабочая группа по культурному наследию провела "
    "заседание в формате видеоконференции. Стороны согласовали разрешения на "
    "реставрацию крыши церкви в Кызылкае и минарета Джума-мечети в Шыхларе. Вопрос о "
    "рукописях мечети остается открытым.",
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
        "title": "Joint Working Group on Cultural Heritage: Arevashat and Gülablı",
        "sides": sides,
        "mandate": MANDATE,
        "ack_deadlines": {"flash": 300, "urgent": 3600, "routine": 86400},
        "default_disclosure": "confidential",
        "glossary": GLOSSARY,
    }


def _item(topic: str, item: str | None = None, title: str | None = None) -> dict[str, str]:
    titles = {t["id"]: t["title"] for t in MANDATE}
    titles["restoration"] = "Restoration permits for damaged monuments"
    return {"id": item or topic, "topic": topic, "title": title or titles[topic]}


def play(member: Any, clock: Any) -> None:
    ch = CHANNEL

    def at(local: str) -> None:
        """Move the story's clock forward to a local (UTC+4) time."""
        target = datetime.fromisoformat(local).replace(tzinfo=UTC) - LOCAL
        delta = (target - clock.now()).total_seconds()
        assert delta >= 0, local
        clock.advance(seconds=delta)

    head, officer = member("hlm-head"), member("hlm-officer")
    arev, arev_arc = member("arev-head"), member("arev-architect")
    gul, gul_arc = member("gul-head"), member("gul-archaeologist")
    everyone = {
        "hlm": ["Henrike Aalbers", "Matteo Grimaldi"],
        "arevashat": ["Hrach Mkrtumyan", "Nune Avagyan"],
        "gulabli": ["Elşad Cəfərli", "Aygün Şirinova"],
    }

    # --- meeting 1: proposed for 18 September, moved by Gülablı to 20 September ---------
    at("2029-09-04T10:00")
    head.talks.propose(
        ch,
        "hwg-1",
        start="2029-09-18T10:00:00+04:00",
        venue=DUBRAVINO,
        format="chaired",
        agenda=[
            _item("surveys", "expert-survey", "Condition survey of the church in Karmrakar"),
            _item("inventory", "inventory-exchange", "Exchange of inventories"),
        ],
        attendees=everyone,
    )
    at("2029-09-05T11:30")
    arev.talks.answer(ch, "hwg-1", True)
    at("2029-09-06T16:00")
    gul.talks.counter(
        ch,
        "hwg-1",
        start="2029-09-20T11:00:00+04:00",
        note="Our delegation attends the opening of the autumn session of parliament on "
        "18 September.",
    )
    at("2029-09-07T09:15")
    officer.talks.answer(ch, "hwg-1", True)
    at("2029-09-07T13:00")
    arev.talks.answer(ch, "hwg-1", True)

    # --- meeting 1 held in Dubravino -----------------------------------------------------
    at("2029-09-20T10:40")
    arev.talks.raise_item(
        ch,
        "hwg-1",
        "clergy-access",
        "Access of clergy to the church in Karmrakar",
        topic="visits",
        text="Two priests of the diocese ask to serve a liturgy in the church of Surb "
        "Astvatsatsin once a month.",
    )
    at("2029-09-20T10:55")
    gul.talks.answer_item(ch, "hwg-1", "clergy-access", True)
    at("2029-09-20T11:05")
    gul.talks.raise_item(
        ch,
        "hwg-1",
        "minaret-collapse",
        "Collapse of the minaret of the Şıxlar mosque",
        topic="damage",
        text="The minaret of the Juma mosque of Şıxlar collapsed and was left in ruins.",
    )
    at("2029-09-20T11:10")
    arev.talks.answer_item(
        ch,
        "hwg-1",
        "minaret-collapse",
        False,
        "The minaret fell in the earthquake of 2027; this is not damage done by our side.",
    )
    at("2029-09-20T15:30")
    held_1 = head.talks.record_held(
        ch,
        "hwg-1",
        started="2029-09-20T11:15:00+04:00",
        ended="2029-09-20T14:50:00+04:00",
        venue=DUBRAVINO,
        chair="Henrike Aalbers",
        attendees=everyone,
    ).entry_id

    items_1: list[dict[str, Any]] = [
        {
            "item": "expert-survey",
            "summary": "Condition survey of the church in Karmrakar by the independent "
            "expert team led by Chiara Benedetti.",
            "positions": {
                "arevashat": "The survey must start before the winter rains.",
                "gulabli": "The experts may enter the church only with our escort.",
            },
            "outcome": "Agreed: the Gülablı side gives the expert team access to the church "
            "by 5 October, with an escort.",
        },
        {
            "item": "inventory-exchange",
            "summary": "Exchange of inventories of monuments, places of worship and "
            "cemeteries on each side of the line.",
            "outcome": "Agreed: both sides hand over their inventories to the HLM by 15 October.",
        },
        {
            "item": "clergy-access",
            "summary": "Access of clergy to the church in Karmrakar, raised by the Arevashat "
            "side; the Gülablı side called the church a ruin without a roof.",
            "outcome": "Agreed in principle; a first visit to be arranged with the "
            "memorial-day visit.",
        },
        {
            "item": "minaret-collapse",
            "summary": "Raised by the Gülablı side; declined by the Arevashat side.",
            "outcome": "Not discussed.",
        },
    ]
    at("2029-09-20T20:00")
    officer.talks.draft_minutes(ch, "hwg-1", items_1, general="Chaired by Henrike Aalbers.")
    at("2029-09-21T10:00")
    gul.talks.sign_minutes(ch, "hwg-1", 1)
    at("2029-09-21T12:30")
    objection, _ = arev.send(
        ch,
        to="hlm",
        priority="routine",
        topic="visits",
        subject="Minutes of 20 September, version 1",
        text="We will not sign version 1: the words 'a ruin without a roof' were not said "
        "at the table and must not stand in the minutes.",
    )
    at("2029-09-21T13:10")
    officer.mark_delivered(ch)
    at("2029-09-21T13:30")
    officer.acknowledge(ch, objection.id, "Noted; version 2 follows.")
    at("2029-09-21T17:00")
    items_1[2]["summary"] = (
        "Access of clergy to the church in Karmrakar, raised by the Arevashat side."
    )
    officer.talks.draft_minutes(ch, "hwg-1", items_1, general="Chaired by Henrike Aalbers.")
    at("2029-09-22T10:00")
    arev.talks.sign_minutes(ch, "hwg-1", 2)
    at("2029-09-24T09:30")
    gul.talks.sign_minutes(ch, "hwg-1", 2)
    at("2029-09-24T11:00")
    head.talks.sign_minutes(ch, "hwg-1", 2)

    at("2029-09-24T15:00")
    inv_a = head.talks.add_commitment(
        ch,
        "inventory-arevashat",
        owner="arevashat",
        meeting="hwg-1",
        agenda_item="inventory-exchange",
        text="Hand over to the HLM the inventory of mosques, Muslim cemeteries and other "
        "monuments on the Arevashat side of the line.",
        due="2029-10-15T18:00:00+04:00",
    ).entry_id
    head.talks.add_commitment(
        ch,
        "inventory-gulabli",
        owner="gulabli",
        meeting="hwg-1",
        agenda_item="inventory-exchange",
        text="Hand over to the HLM the inventory of churches, Christian cemeteries and "
        "other monuments on the Gülablı side of the line.",
        due="2029-10-15T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "survey-access",
        owner="gulabli",
        meeting="hwg-1",
        agenda_item="expert-survey",
        text="Give the independent expert team access to the church of Surb Astvatsatsin "
        "in Karmrakar, with an escort.",
        due="2029-10-05T18:00:00+04:00",
    )

    # --- the expert team's leader joins the HLM side -----------------------------------
    at("2029-09-25T10:00")
    expert = SigningKey.generate()
    head.members.add(
        ch,
        "hlm",
        expert.public.to_b64(),
        "Chiara Benedetti",
        title="Head of the independent expert team",
    )

    # --- the first communiqué: version 1 not signed by Gülablı, version 2 published ------
    at("2029-09-25T14:00")
    officer.disclosures.draft_communique(ch, "communique-2029-09-20", COMMUNIQUE_1_V1, "hwg-1")
    at("2029-09-25T16:00")
    head.disclosures.sign_communique(ch, "communique-2029-09-20", 1)
    at("2029-09-26T10:00")
    arev.disclosures.sign_communique(ch, "communique-2029-09-20", 1)
    at("2029-09-26T15:00")
    names, _ = gul.send(
        ch,
        to="hlm",
        priority="routine",
        subject="Communiqué of 20 September",
        text="We sign only a text that gives the village its name Qızılqaya and comes in all "
        "four languages.",
    )
    at("2029-09-26T15:40")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, names.id, "Received; a second version follows.")
    at("2029-09-27T11:00")
    officer.disclosures.draft_communique(ch, "communique-2029-09-20", COMMUNIQUE_1_V2, "hwg-1")
    at("2029-09-27T15:00")
    gul.disclosures.sign_communique(ch, "communique-2029-09-20", 2)
    at("2029-09-28T10:00")
    arev.disclosures.sign_communique(ch, "communique-2029-09-20", 2)
    at("2029-09-28T12:00")
    head.disclosures.sign_communique(ch, "communique-2029-09-20", 2)

    # --- the expert team's crossing: one side acknowledges late -------------------------
    at("2029-10-01T09:00")
    crossing = {}
    for party in ("arevashat", "gulabli"):
        crossing[party], _ = officer.send(
            ch,
            to=party,
            priority="urgent",
            topic="surveys",
            subject="Crossing of the expert team on 3 October",
            text="The expert team (Chiara Benedetti and three surveyors) crosses at Kamenny "
            "Brod on 3 October at 08:00. Please acknowledge.",
        )
    at("2029-10-01T09:20")
    arev_arc.mark_delivered(ch)
    arev_arc.acknowledge(ch, crossing["arevashat"].id, "Received; our escort will be there.")
    at("2029-10-01T09:45")
    gul_arc.mark_delivered(ch)
    at("2029-10-01T13:30")
    gul_arc.acknowledge(ch, crossing["gulabli"].id, "Received; the escort is arranged.")

    at("2029-10-03T19:00")
    gul.talks.report(
        ch,
        "survey-access",
        "The expert team worked in the church of Surb Astvatsatsin on 3 October from 09:00 "
        "to 16:00, with our escort.",
    )
    at("2029-10-04T10:00")
    arev.talks.confirm(ch, "survey-access", "Chiara Benedetti confirmed the visit to us.")

    # --- the damage complaint, with photographs, relayed through the HLM ----------------
    at("2029-10-07T18:00")
    complaint, _ = gul.send(
        ch,
        to="hlm",
        priority="routine",
        topic="damage",
        subject="Complaint: gravestones broken in the Şıxlar cemetery",
        text="On 6 October twenty-three gravestones were broken in the cemetery of Şıxlar. "
        "Fourteen photographs taken by villagers on 7 October are attached as evidence. "
        "Please pass this complaint to the Arevashat side.",
    )
    at("2029-10-08T09:00")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, complaint.id, "Received; passed on.")
    relayed, _ = officer.send(
        ch,
        to="arevashat",
        priority="routine",
        topic="damage",
        relay_of=complaint.id,
        subject="Relayed: complaint about the Şıxlar cemetery",
        text="Relayed from the Gülablı side: twenty-three gravestones broken in the cemetery "
        "of Şıxlar on 6 October; fourteen photographs attached.",
    )
    at("2029-10-08T10:30")
    arev_arc.mark_delivered(ch)
    at("2029-10-08T16:00")
    arev.send(
        ch,
        to="gulabli",
        priority="routine",
        topic="damage",
        reply_to=relayed.id,
        subject="On the complaint about the Shikhlar cemetery",
        text="The photographs show damage from the storm of August; our police found no "
        "sign of vandalism. We are ready to discuss it on 9 October.",
    )
    at("2029-10-08T16:30")
    gul_arc.mark_delivered(ch)
    officer.languages.translate(
        ch,
        complaint.id,
        "text",
        "ru",
        text="6 октября на кладбище Шыхлара были разбиты двадцать три надгробия. В качестве "
        "доказательства приложены четырнадцать фотографий, сделанных жителями 7 октября. "
        "Просим передать эту жалобу стороне Аревашата.",
    )

    # --- meeting 2: direct, at the Kamenny Brod crossing point -------------------------
    at("2029-10-08T17:00")
    arev.talks.propose(
        ch,
        "hwg-2",
        start="2029-10-09T10:00:00+04:00",
        venue=CROSSING,
        format="direct",
        agenda=[
            _item("visits", "memorial-visits", "Visits of families to cemeteries on memorial days"),
            _item("damage", "shikhlar-cemetery", "The cemetery of Shikhlar"),
        ],
        attendees={
            "arevashat": ["Hrach Mkrtumyan", "Nune Avagyan"],
            "gulabli": ["Elşad Cəfərli", "Aygün Şirinova"],
        },
    )
    at("2029-10-08T19:30")
    gul.talks.answer(ch, "hwg-2", True)

    at("2029-10-09T09:30")
    gul.talks.propose_item(
        ch, "hwg-2", "cemetery-photos", "damage", "Photographs of the Şıxlar cemetery"
    )
    at("2029-10-09T09:45")
    arev.talks.answer_item(ch, "hwg-2", "cemetery-photos", True)
    at("2029-10-09T14:00")
    officer.talks.record_held(
        ch,
        "hwg-2",
        started="2029-10-09T10:20:00+04:00",
        ended="2029-10-09T12:45:00+04:00",
        attendees={
            "arevashat": ["Hrach Mkrtumyan", "Nune Avagyan"],
            "gulabli": ["Elşad Cəfərli", "Aygün Şirinova"],
        },
    )
    at("2029-10-09T18:00")
    officer.talks.draft_minutes(
        ch,
        "hwg-2",
        [
            {
                "item": "memorial-visits",
                "summary": "Visits of families to cemeteries on memorial days.",
                "outcome": "Agreed: families from Gülablı visit the Şıxlar cemetery on "
                "26 October; sixty families from Arevashat and two priests visit the "
                "Karmrakar cemetery on 4 November.",
            },
            {
                "item": "shikhlar-cemetery",
                "summary": "The cemetery of Shikhlar.",
                "positions": {
                    "arevashat": "The gravestones were broken by the storm of August.",
                    "gulabli": "The gravestones were broken on purpose on 6 October.",
                },
                "outcome": "No agreement on the cause.",
            },
            {
                "item": "cemetery-photos",
                "summary": "Photographs of the Şıxlar cemetery, proposed by the Gülablı side.",
                "outcome": "Agreed: the Arevashat side hands over the photographs its police "
                "took in the cemetery by 20 October.",
            },
        ],
    )
    at("2029-10-10T09:00")
    arev.talks.sign_minutes(ch, "hwg-2", 1)
    at("2029-10-10T14:00")
    gul.talks.sign_minutes(ch, "hwg-2", 1)

    at("2029-10-10T16:00")
    head.talks.add_commitment(
        ch,
        "shikhlar-visit",
        owner="arevashat",
        meeting="hwg-2",
        agenda_item="memorial-visits",
        text="Let families from Gülablı visit the cemetery of Şıxlar on 26 October.",
        due="2029-10-26T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "karmrakar-visit",
        owner="gulabli",
        meeting="hwg-2",
        agenda_item="memorial-visits",
        text="Let sixty families from Arevashat and two priests visit the cemetery of "
        "Karmrakar on 4 November.",
        due="2029-11-04T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "police-photos",
        owner="arevashat",
        meeting="hwg-2",
        agenda_item="cemetery-photos",
        text="Hand over the photographs the Arevashat police took in the Şıxlar cemetery.",
        due="2029-10-20T18:00:00+04:00",
    )

    at("2029-10-12T11:00")
    inv_a_rep = arev.talks.report(
        ch,
        "inventory-arevashat",
        "Inventory handed to the HLM on 12 October: 41 sites, among them 3 mosques and "
        "9 cemeteries.",
    ).entry_id
    at("2029-10-16T10:00")
    inv_a_conf = gul.talks.confirm(
        ch, "inventory-arevashat", "We received the inventory from the HLM."
    ).entry_id

    # --- mandate extension: restoration permits --------------------------------------
    at("2029-10-16T11:00")
    head.talks.extend_mandate(
        ch,
        "restoration",
        "Restoration permits for damaged monuments",
        "Asked by both sides after the expert survey of the church in Karmrakar.",
    )
    at("2029-10-16T12:00")
    arev.talks.sign_extension(ch, "restoration")
    at("2029-10-17T09:30")
    gul.talks.sign_extension(ch, "restoration")
    at("2029-10-17T10:00")
    officer.languages.propose_term(ch, MOSQUE_TERM, "Both sides asked for one name.")
    at("2029-10-17T15:00")
    gul.languages.sign_term(ch, "juma-mosque")
    at("2029-10-18T10:00")
    arev.languages.sign_term(ch, "juma-mosque")

    # --- Gülablı's inventory, reported late ---------------------------------------------
    at("2029-10-24T17:00")
    gul.talks.report(
        ch,
        "inventory-gulabli",
        "Inventory handed to the HLM on 24 October: 57 sites, among them 6 churches.",
    )
    at("2029-10-26T19:00")
    arev.talks.report(
        ch,
        "shikhlar-visit",
        "About two hundred people from Gülablı visited the Şıxlar cemetery on 26 October.",
    )
    at("2029-10-29T11:00")
    arev.talks.dispute(
        ch,
        "inventory-gulabli",
        "The inventory leaves out the old cemetery of Karmrakar and two chapels.",
    )
    at("2029-10-30T10:00")
    gul.talks.confirm(ch, "shikhlar-visit", "The visit went without incident.")

    # --- the memorial day in Karmrakar -------------------------------------------------
    at("2029-11-04T09:10")
    stuck, _ = arev_arc.send(
        ch,
        to="gulabli",
        priority="flash",
        topic="visits",
        subject="Families held at Kamenny Brod",
        text="Our buses with the families and the two priests are held at the Kamenny Brod "
        "crossing point. Please let them through.",
    )
    at("2029-11-04T09:12")
    gul_arc.mark_delivered(ch)
    at("2029-11-04T09:14")
    gul_arc.acknowledge(ch, stuck.id, "Received; we are checking the lists.")
    at("2029-11-04T20:00")
    gul.talks.report(
        ch,
        "karmrakar-visit",
        "Families from Arevashat and two priests visited the Karmrakar cemetery on 4 November.",
    )
    at("2029-11-05T10:00")
    arev.talks.dispute(
        ch,
        "karmrakar-visit",
        "Only thirty-eight of the sixty families were let through; the others waited "
        "four hours and were sent back.",
    )

    # --- an urgent message never acknowledged -----------------------------------------
    at("2029-11-06T22:30")
    arev_arc.send(
        ch,
        to="gulabli",
        priority="urgent",
        topic="damage",
        subject="Scaffolding at the church in Karmrakar",
        text="Our families saw workers putting up scaffolding at the church in Karmrakar. "
        "No work on the church may start without a permit of the group.",
    )
    at("2029-11-06T23:10")
    gul_arc.mark_delivered(ch)

    # --- meeting 3: the museum declined, held online --------------------------------
    at("2029-11-07T10:00")
    agenda_3 = [
        _item("restoration", "restoration-permits", "Restoration permits"),
        _item("surveys", "survey-report", "The expert team's report on the church"),
    ]
    attendees_3 = {
        "hlm": ["Matteo Grimaldi"],
        "arevashat": ["Hrach Mkrtumyan", "Nune Avagyan"],
        "gulabli": ["Elşad Cəfərli", "Aygün Şirinova"],
    }
    first_3, _ = head.talks.propose(
        ch,
        "hwg-3",
        start="2029-11-14T10:00:00+04:00",
        venue=MUSEUM,
        format="chaired",
        agenda=agenda_3,
        attendees=attendees_3,
    )
    at("2029-11-07T15:00")
    arev.talks.answer(ch, "hwg-3", True)
    at("2029-11-08T11:00")
    gul.talks.answer(
        ch,
        "hwg-3",
        False,
        "Our delegation will not meet in a village held by the other side.",
    )
    at("2029-11-09T10:00")
    head.talks.propose(
        ch,
        "hwg-3",
        start="2029-11-15T15:00:00+04:00",
        venue=ONLINE,
        format="chaired",
        agenda=agenda_3,
        attendees=attendees_3,
        supersedes=first_3,
        note="Moved online at the request of the Gülablı side.",
    )
    at("2029-11-09T14:00")
    gul.talks.answer(ch, "hwg-3", True)
    at("2029-11-10T09:30")
    arev.talks.answer(ch, "hwg-3", True)

    # --- meeting 3 held online --------------------------------------------------------
    at("2029-11-15T14:30")
    arev.talks.raise_item(
        ch,
        "hwg-3",
        "church-roof",
        "Roof of the church in Karmrakar",
        topic="restoration",
        text="The roof of the church of Surb Astvatsatsin must be covered before the snow.",
    )
    at("2029-11-15T14:40")
    gul.talks.answer_item(ch, "hwg-3", "church-roof", True)
    at("2029-11-15T14:45")
    gul.talks.propose_item(
        ch, "hwg-3", "mosque-manuscripts", "inventory", "Manuscripts of the Şıxlar mosque"
    )
    at("2029-11-15T14:55")
    arev.talks.answer_item(
        ch,
        "hwg-3",
        "mosque-manuscripts",
        False,
        "No manuscripts of the mosque are held by our side.",
    )
    at("2029-11-15T18:00")
    officer.talks.record_held(
        ch,
        "hwg-3",
        started="2029-11-15T15:05:00+04:00",
        ended="2029-11-15T17:30:00+04:00",
        venue=ONLINE,
        chair="Matteo Grimaldi",
        attendees={
            "hlm": ["Matteo Grimaldi"],
            "arevashat": ["Hrach Mkrtumyan"],
            "gulabli": ["Elşad Cəfərli", "Aygün Şirinova"],
        },
    )
    items_3: list[dict[str, Any]] = [
        {
            "item": "restoration-permits",
            "summary": "Restoration permits.",
            "outcome": "Agreed: the Arevashat side issues a permit to rebuild the minaret of "
            "the Şıxlar mosque within sixty days.",
        },
        {
            "item": "survey-report",
            "summary": "The expert team's report on the church.",
            "outcome": "The expert team found the roof of the church collapsed over a third "
            "of its surface and cracks in the dome.",
        },
        {
            "item": "church-roof",
            "summary": "Roof of the church in Karmrakar, raised by the Arevashat side.",
            "outcome": "Agreed: the Gülablı side issues a permit to cover the roof of the "
            "church by 10 December.",
        },
        {
            "item": "mosque-manuscripts",
            "summary": "Manuscripts of the Şıxlar mosque, proposed by the Gülablı side.",
            "outcome": "Declined by the Arevashat side.",
        },
    ]
    items_3_ru: list[dict[str, Any]] = [
        {
            "item": "restoration-permits",
            "summary": "Разрешения на реставрацию.",
            "outcome": "Согласовано: сторона Аревашата в течение шестидесяти дней выдает "
            "разрешение на восстановление минарета мечети Шыхлара.",
        },
        {
            "item": "survey-report",
            "summary": "Отчет группы экспертов о церкви.",
            "outcome": "Эксперты установили, что крыша церкви обрушилась на трети площади, а "
            "купол дал трещины.",
        },
        {
            "item": "church-roof",
            "summary": "Крыша церкви в Кармракаре, вопрос поднят стороной Аревашата.",
            "outcome": "Согласовано: сторона Гюлаблы до 10 декабря выдает разрешение на "
            "покрытие крыши церкви.",
        },
        {
            "item": "mosque-manuscripts",
            "summary": "Рукописи мечети Шыхлара, предложено стороной Гюлаблы.",
            "outcome": "Отклонено стороной Аревашата.",
        },
    ]
    at("2029-11-15T21:00")
    officer.talks.draft_minutes(
        ch,
        "hwg-3",
        items_3,
        general="Chaired by Matteo Grimaldi, online.",
        parallel={"ru": {"items": items_3_ru, "general": "Председатель: Маттео Грималди."}},
        authentic=["en"],
    )
    at("2029-11-16T10:00")
    gul.talks.sign_minutes(ch, "hwg-3", 1)
    at("2029-11-16T11:30")
    arev.talks.sign_minutes(ch, "hwg-3", 1)
    at("2029-11-16T15:00")
    head.talks.sign_minutes(ch, "hwg-3", 1)

    at("2029-11-19T10:00")
    head.talks.add_commitment(
        ch,
        "minaret-permit",
        owner="arevashat",
        meeting="hwg-3",
        agenda_item="restoration-permits",
        text="Issue a permit to rebuild the minaret of the Juma mosque of Şıxlar.",
        due={"after_meeting": "hwg-3", "days": 60},
    )
    head.talks.add_commitment(
        ch,
        "roof-permit",
        owner="gulabli",
        meeting="hwg-3",
        agenda_item="church-roof",
        text="Issue a permit to cover the roof of the church of Surb Astvatsatsin in Karmrakar.",
        due="2029-12-10T18:00:00+04:00",
    )

    # --- a second communiqué, never signed by Arevashat -------------------------------
    at("2029-11-20T10:00")
    officer.disclosures.draft_communique(ch, "communique-2029-11-15", COMMUNIQUE_2, "hwg-3")
    at("2029-11-20T16:00")
    head.disclosures.sign_communique(ch, "communique-2029-11-15", 1)
    at("2029-11-21T09:00")
    gul.disclosures.sign_communique(ch, "communique-2029-11-15", 1)

    at("2029-11-22T12:00")
    arev.disclosures.unilateral(
        ch,
        "The Arevashat side regrets that on 4 November only thirty-eight of sixty families "
        "could visit the graves of their relatives in Karmrakar.",
        "en",
        source="Press release of the Arevashat side, 22 November 2029",
    )

    # --- the first session and Arevashat's inventory opened to the public ------------
    at("2029-11-23T11:00")
    head.disclosures.propose(
        ch,
        "open-inventory",
        [held_1, inv_a, inv_a_rep, inv_a_conf],
        "public",
        "Communities on both sides must know that the inventories are being exchanged.",
    )
    at("2029-11-24T10:00")
    gul.disclosures.sign(ch, "open-inventory")
    at("2029-11-26T15:00")
    arev.disclosures.sign(ch, "open-inventory")

    # --- Gülablı tries to open its damage complaint ----------------------------------
    at("2029-11-27T10:00")
    gul.disclosures.propose(
        ch,
        "open-complaint",
        [complaint.id],
        "public",
        "The families of Şıxlar must see that their complaint was made.",
    )

    # --- meeting 4: 10:00 moved to 16:00 by Arevashat -------------------------------
    at("2029-11-27T14:00")
    head.talks.propose(
        ch,
        "hwg-4",
        start="2029-12-04T10:00:00+04:00",
        venue=DUBRAVINO,
        format="chaired",
        agenda=[
            _item("surveys", "next-surveys", "Surveys of the Şıxlar mosque and cemetery"),
            _item("visits", "clergy-liturgy", "A liturgy in the church in Karmrakar"),
        ],
        attendees=everyone,
    )
    at("2029-11-28T09:00")
    gul.talks.answer(ch, "hwg-4", True)
    at("2029-11-28T12:00")
    arev.talks.counter(
        ch,
        "hwg-4",
        start="2029-12-04T16:00:00+04:00",
        note="Our delegation travels from the capital in the morning.",
    )
    at("2029-11-28T16:00")
    head.talks.answer(ch, "hwg-4", True)
    at("2029-11-29T10:00")
    gul.talks.answer(ch, "hwg-4", True)

    at("2029-12-03T10:00")
    papers = {}
    for party in ("arevashat", "gulabli"):
        papers[party], _ = officer.send(
            ch,
            to=party,
            priority="routine",
            topic="surveys",
            subject="Papers for 4 December",
            text="Attached: the expert team's plan for surveying the Şıxlar mosque and cemetery.",
        )
    at("2029-12-03T11:00")
    gul_arc.mark_delivered(ch)
    gul.acknowledge(ch, papers["gulabli"].id, "Received.")
    at("2029-12-03T17:00")
    arev_arc.mark_delivered(ch)
    arev.acknowledge(ch, papers["arevashat"].id, "Received.")

    at("2029-12-04T19:00")
    head.talks.record_held(
        ch,
        "hwg-4",
        started="2029-12-04T16:10:00+04:00",
        ended="2029-12-04T18:30:00+04:00",
        venue=DUBRAVINO,
        chair="Henrike Aalbers",
        attendees={
            "hlm": ["Henrike Aalbers", "Matteo Grimaldi", "Chiara Benedetti"],
            "arevashat": ["Hrach Mkrtumyan", "Nune Avagyan"],
            "gulabli": ["Elşad Cəfərli", "Aygün Şirinova"],
        },
    )
    at("2029-12-04T21:00")
    officer.talks.draft_minutes(
        ch,
        "hwg-4",
        [
            {
                "item": "next-surveys",
                "summary": "Surveys of the Şıxlar mosque and cemetery.",
                "outcome": "Agreed: the expert team surveys the Juma mosque and the cemetery "
                "of Şıxlar in March 2030.",
            },
            {
                "item": "clergy-liturgy",
                "summary": "A liturgy in the church in Karmrakar.",
                "positions": {
                    "arevashat": "A liturgy on 6 January in the church.",
                    "gulabli": "Not before the roof is covered.",
                },
                "outcome": "No agreement; to be taken up at the next meeting.",
            },
        ],
        general="Chaired by Henrike Aalbers.",
    )
    at("2029-12-05T10:00")
    arev.talks.sign_minutes(ch, "hwg-4", 1)
    at("2029-12-05T12:00")
    head.talks.sign_minutes(ch, "hwg-4", 1)

    at("2029-12-07T16:00")
    gul.talks.report(
        ch,
        "roof-permit",
        "The permit to cover the roof of the church was issued on 7 December.",
    )

    # --- the next meeting: proposed, not agreed -------------------------------------
    at("2029-12-10T11:00")
    gul.talks.propose(
        ch,
        "hwg-5",
        start="2030-01-15T11:00:00+04:00",
        venue=CROSSING,
        format="chaired",
        agenda=[_item("visits", "clergy-liturgy", "A liturgy in the church in Karmrakar")],
        attendees=everyone,
    )
    at("2029-12-11T10:00")
    head.talks.answer(ch, "hwg-5", True)
    at("2029-12-12T12:00")
