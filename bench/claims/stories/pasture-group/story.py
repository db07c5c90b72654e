"""A joint working group on seasonal pastures near the line of contact (held-out story;
fiction).

The Highland Pastures Liaison Mission (HPLM, the mediator) runs the Joint Working Group on
Seasonal Pastures between the sides of Tsaghkavan and Yaylaqlı from April to October 2027:
herds driven up to the summer pastures along agreed routes, lists of herders, a flock that
strayed across the line, a foot-and-mouth outbreak and a joint vaccination, a herder
detained and released, a watering calendar at the Dashtak trough, a fence across a route.
Every place, side and person is invented. Local time is UTC+4; the story runs from Monday
5 April to Friday 8 October 2027.

- Session 1 (pg-1): Wed 21 Apr, 10:00, HPLM office in Lindenau; held 10:10-13:50, chaired
  by Annelise Vogt. Spring drive agreed (Kanachar route from 10 May for Tsaghkavan, Gədik
  route from 17 May for Yaylaqlı, crossings 06:00-18:00). "Ownership of the fenced field at
  Keshishkend" raised by Yaylaqlı, ruled outside the mandate by the HPLM. Minutes v1 signed
  by all. Commitments: herder list (Tsaghkavan, 5 May; reported, confirmed), herder list
  (Yaylaqlı, 5 May; reported 7 May, disputed), posts on the Gədik route (Tsaghkavan,
  14 May; reported, confirmed). Communiqué 1 (en, ru, hy, az): published.
- Stray flock (Sun 9 May): Yaylaqlı urgent message, 43 sheep and 6 cattle crossed near the
  Dashtak trough; acknowledged after 2 h 10 min.
- Session 2 (pg-2): proposed for Tue 18 May, 11:00, Sarıbulaq crossing; postponed by
  Tsaghkavan to Tue 25 May; held 11:20-15:00, chaired by Annelise Vogt. "A new military
  post above the Dashtak trough" raised by Tsaghkavan, declined by Yaylaqlı. Watering
  calendar (v1: from 1 June, signed by Yaylaqlı only; Tsaghkavan objects; v2: from 5 June,
  signed by all): Yaylaqlı even dates, Tsaghkavan odd dates. Commitments: return of the
  flock (Tsaghkavan, 1 Jun; reported, disputed: 39 sheep), trough pipe (Yaylaqlı, 15 Jun:
  never reported, overdue). Communiqué 2 (en, ru) signed by the HPLM and Yaylaqlı only:
  never published.
- FMD alert (Mon 7 Jun, 06:30, flash, Tsaghkavan -> Yaylaqlı): 12 cattle at Artsvasar;
  acknowledged 55 minutes later. Yaylaqlı proposes opening it; Tsaghkavan never signs.
- Session 3 (pg-3): extraordinary, Thu 10 Jun, 15:00, by videoconference; held
  15:05-16:50, chaired by Tomás Ferreira (Annelise Vogt absent); Yaylaqlı led by Günay
  Əhmədova. Vaccination within 5 km of the line, 14-30 June; Kanachar route closed until
  15 July. Commitments: vaccination (Tsaghkavan, 30 Jun; reported, confirmed), vaccination
  (Yaylaqlı, 30 Jun; reported, disputed). Communiqué 3 (en, ru, hy, az): published.
- Field visit to the Keshishkend fence (pg-fence): proposed by Yaylaqlı for Thu 8 Jul,
  agreed, then cancelled by the HPLM (agreed by both).
- Detention (Sat 3 Jul): Yaylaqlı herder Rauf Həsənov detained at the Dashtak trough at
  14:30; released Mon 5 Jul at 12:00 at the Sarıbulaq crossing. The release message and
  the held entry of session 4 are opened (disclosure signed by all). The name never is.
- Session 4 (pg-4): proposed for Wed 14 Jul, 10:00, Sarıbulaq crossing; moved by the HPLM
  to Lindenau; held 10:00-14:30, chaired by Annelise Vogt. "Compensation for the detained
  herder" raised by Yaylaqlı, declined by Tsaghkavan. Kanachar route reopens 20 July;
  fence removed (Tsaghkavan, 25 Jul; reported, confirmed); updated herder lists
  (Tsaghkavan, 1 Aug: overdue; Yaylaqlı, 1 Aug: reported). Communiqué 4: published.
- Mandate extension "haymaking" proposed by Yaylaqlı (19 Jul); Tsaghkavan never signs.
- Session 5 (pg-5): direct meeting of the two veterinary services at the Dashtak trough,
  Tue 17 Aug, 09:30; held 09:40-11:15, no chair. Pipe to be repaired by 31 Aug (Yaylaqlı;
  reported, confirmed).
- Session 6 (pg-6): Wed 22 Sep, 10:00, Lindenau; held 10:15-13:00, chaired by Annelise
  Vogt. Autumn drive (Gədik from 1 Oct, Kanachar from 4 Oct). Haymaking raised by
  Yaylaqlı, declined by Tsaghkavan. Autumn lists (Tsaghkavan, 28 Sep: overdue; Yaylaqlı:
  reported, confirmed). Communiqué 6 (en, ru, hy, az): published.
- Next session pg-7: Wed 3 Nov, 11:00, Sarıbulaq crossing: agreed. A direct meeting on
  winter grazing (pg-winter) proposed by Yaylaqlı for Tue 16 Nov in Qızılca: accepted by
  nobody else.
- Stray cattle (Sat 2 Oct): Yaylaqlı urgent message, 17 cattle with Tsaghkavan ear tags on
  the Bozyal pasture: delivered, never acknowledged.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

CHANNEL = "joint-pasture-group"
START = datetime(2027, 4, 5, 5, 0, tzinfo=UTC)  # Monday 5 April 2027, 09:00 local

LOCAL = timedelta(hours=4)

PEOPLE = [
    ("hplm-head", "hplm", "head", "Annelise Vogt", "Head of the Highland Pastures Liaison Mission"),
    ("hplm-officer", "hplm", "member", "Tomás Ferreira", "Pastures liaison officer, HPLM"),
    ("tsa-head", "tsaghkavan", "head", "Gurgen Melkonyan", "Head of the Tsaghkavan delegation"),
    ("tsa-vet", "tsaghkavan", "member", "Lusine Avetisyan", "Chief veterinarian, Tsaghkavan side"),
    ("yay-head", "yaylaqli", "head", "Elşən Məmmədli", "Head of the Yaylaqlı delegation"),
    (
        "yay-vet",
        "yaylaqli",
        "member",
        "Günay Əhmədova",
        "Coordinator of veterinary services and herders, Yaylaqlı side",
    ),
]

SIDES = {
    "hplm": ("Highland Pastures Liaison Mission", "mediator"),
    "tsaghkavan": ("Tsaghkavan side", "party"),
    "yaylaqli": ("Yaylaqlı side", "party"),
}

MANDATE = [
    {"id": "routes", "title": "Herders' routes to and from the summer pastures"},
    {"id": "livestock", "title": "Livestock that crosses the line and its return"},
    {"id": "veterinary", "title": "Animal disease control and joint vaccination"},
    {"id": "herders", "title": "Safety of herders and lists of herders"},
    {"id": "grazing", "title": "Grazing calendars and water points near the line"},
]


def _term(tid: str, kind: str, en: str, ru: str, hy: str, az: str, note: str = "") -> dict:
    t: dict[str, Any] = {"id": tid, "kind": kind, "names": {"en": en, "ru": ru, "hy": hy, "az": az}}
    if note:
        t["note"] = note
    return t


GLOSSARY = [
    _term(
        "hplm",
        "side",
        "Highland Pastures Liaison Mission",
        "Миссия связи по высокогорным пастбищам",
        "Լեռնային արոտավայրերի կապի առաքելություն",
        "Yüksək Dağ Otlaqları üzrə Əlaqə Missiyası",
    ),
    _term("tsaghkavan", "side", "Tsaghkavan", "Цахкаван", "Ծաղկավան", "Tsaxkavan"),
    _term("yaylaqli", "side", "Yaylaqlı", "Яйлаглы", "Յայլաղլը", "Yaylaqlı"),
    _term("lindenau", "place", "Lindenau", "Линденау", "Լինդենաու", "Lindenau"),
    _term(
        "saribulaq",
        "place",
        "Sarıbulaq crossing",
        "КПП Сарыбулаг",
        "Սարըբուլաղի անցակետ",
        "Sarıbulaq keçid məntəqəsi",
    ),
    _term(
        "artsvasar",
        "place",
        "Artsvasar pasture",
        "пастбище Арцвасар",
        "Արծվասարի արոտավայր",
        "Artsvasar otlağı",
        "Summer pasture on the Tsaghkavan side.",
    ),
    _term(
        "bozyal",
        "place",
        "Bozyal pasture",
        "пастбище Бозъял",
        "Բոզյալի արոտավայր",
        "Bozyal otlağı",
        "Summer pasture on the Yaylaqlı side.",
    ),
    _term(
        "kanachar",
        "place",
        "Kanachar route",
        "Каначарский маршрут",
        "Կանաչառի երթուղի",
        "Kanaçar marşrutu",
        "Drove route of the Tsaghkavan herds.",
    ),
    _term(
        "gedik",
        "place",
        "Gədik route",
        "маршрут Гядик",
        "Գյադիկի երթուղի",
        "Gədik marşrutu",
        "Drove route of the Yaylaqlı herds; it passes Keshishkend.",
    ),
    _term(
        "dashtak",
        "place",
        "Dashtak trough",
        "водопой Даштак",
        "Դաշտակի ջրախմոց",
        "Daştak suvatı",
        "Stone water trough on the line.",
    ),
    _term(
        "keshishkend",
        "place",
        "Keshishkend",
        "Кешишкенд",
        "Քեշիշքենդ",
        "Keşişkənd",
        "Hamlet on the Tsaghkavan side, with a fenced field on the Gədik route.",
    ),
    _term("qizilca", "place", "Qızılca", "Гызылджа", "Ղըզըլջա", "Qızılca"),
]

LINDENAU = "HPLM office, Lindenau"
SARIBULAQ = "Sarıbulaq crossing point, HPLM tent"
ONLINE = "Videoconference (online), hosted by the HPLM"
FENCE = "Keshishkend field, at the fence on the Gədik route"
DASHTAK = "Dashtak trough, on the line"
QIZILCA = "Qızılca district administration"

COMMUNIQUE_1 = {
    "en": "On 21 April 2027 the Joint Working Group on Seasonal Pastures met for the first "
    "time, at the office of the Highland Pastures Liaison Mission in Lindenau. The sides "
    "agreed the dates of the spring drive: herds of the Tsaghkavan side go up the Kanachar "
    "route from 10 May, herds of the Yaylaqlı side go up the Gədik route from 17 May. Herds "
    "cross only in daylight, between 06:00 and 18:00, observed by the Mission. The sides "
    "will exchange lists of herders through the Mission.",
    "ru": "21 апреля 2027 года в офисе Миссии связи по высокогорным пастбищам в Линденау "
    "впервые собралась Совместная рабочая группа по сезонным пастбищам. Стороны согласовали "
    "сроки весеннего перегона: стада стороны Цахкавана поднимаются по Каначарскому маршруту "
    "с 10 мая, стада стороны Яйлаглы — по маршруту Гядик с 17 мая. Стада проходят только в "
    "светлое время, с 06:00 до 18:00, под наблюдением Миссии. Стороны обменяются списками "
    "пастухов через Миссию.",
    "hy": "2027 թվականի ապրիլի 21-ին Լինդենաուում՝ Լեռնային արոտավայրերի կապի առաքելության "
    "գրասենյակում, առաջին անգամ հավաքվեց Սեզոնային արոտավայրերի համատեղ աշխատանքային "
    "խումբը։ Կողմերը համաձայնեցրին գարնանային քոչի ժամկետները. Ծաղկավանի կողմի հոտերը "
    "Կանաչառի երթուղով բարձրանում են մայիսի 10-ից, Յայլաղլըի կողմի հոտերը՝ Գյադիկի "
    "երթուղով մայիսի 17-ից։ Հոտերն անցնում են միայն ցերեկը՝ 06:00-ից 18:00, առաքելության "
    "դիտարկմամբ։ Կողմերը առաքելության միջոցով կփոխանակեն հովիվների ցուցակները։",
    "az": "2027-ci il aprelin 21-də Mövsümi Otlaqlar üzrə Birgə İşçi Qrup ilk dəfə "
    "Lindenauda, Yüksək Dağ Otlaqları üzrə Əlaqə Missiyasının ofisində toplaşıb. Tərəflər "
    "yaz köçünün tarixlərini razılaşdırıblar: Tsaxkavan tərəfinin sürüləri mayın 10-dan "
    "Kanaçar marşrutu ilə, Yaylaqlı tərəfinin sürüləri isə mayın 17-dən Gədik marşrutu ilə "
    "yaylağa qalxır. Sürülər yalnız gündüz, saat 06:00-dan 18:00-dək, Missiyanın "
    "müşahidəsi altında keçir. Tərəflər çobanların siyahılarını Missiya vasitəsilə "
    "mübadilə edəcəklər.",
}

COMMUNIQUE_2 = {
    "en": "On 25 May 2027 the group met at the Sarıbulaq crossing. The flock that crossed the "
    "line on 9 May will be returned by 1 June. A watering calendar for the Dashtak trough "
    "takes effect on 5 June.",
    "ru": "25 мая 2027 года группа собралась на КПП Сарыбулаг. Отара, перешедшая линию "
    "9 мая, будет возвращена до 1 июня. С 5 июня действует график водопоя у водопоя Даштак.",
}

COMMUNIQUE_3 = {
    "en": "On 10 June 2027 the group met by videoconference because of an outbreak of "
    "foot-and-mouth disease in cattle on the Artsvasar summer pasture. The sides agreed on a "
    "joint vaccination of cattle and sheep within five kilometres of the line from 14 to "
    "30 June. The Kanachar route stays closed to livestock until 15 July.",
    "ru": "10 июня 2027 года группа провела заседание по видеосвязи из-за вспышки ящура у "
    "крупного рогатого скота на летнем пастбище Арцвасар. Стороны договорились о совместной "
    "вакцинации крупного и мелкого рогатого скота в пятикилометровой зоне вдоль линии с 14 "
    "по 30 июня. Каначарский маршрут остается закрытым для скота до 15 июля.",
    "hy": "2027 թվականի հունիսի 10-ին խումբը նիստ անցկացրեց տեսակապով՝ Արծվասարի ամառային "
    "արոտավայրում խոշոր եղջերավոր անասունների շրջանում դաբաղի բռնկման պատճառով։ Կողմերը "
    "պայմանավորվեցին հունիսի 14-ից 30-ը գծից հինգ կիլոմետր շառավղում համատեղ պատվաստել "
    "խոշոր և մանր եղջերավոր անասուններին։ Կանաչառի երթուղին անասունների համար փակ է մինչև "
    "հուլիսի 15-ը։",
    "az": "2027-ci il iyunun 10-da qrup Artsvasar yay otlağında iribuynuzlu mal-qara arasında "
    "dabaq xəstəliyinin yayılması səbəbindən videokonfrans formatında toplaşıb. Tərəflər "
    "iyunun 14-dən 30-dək xəttdən beş kilometr məsafədə iri və xırdabuynuzlu heyvanların "
    "birgə peyvənd edilməsi barədə razılığa gəliblər. Kanaçar marşrutu iyulun 15-dək "
    "heyvanlar üçün bağlı qalır.",
}

COMMUNIQUE_4 = {
    "en": "On 14 July 2027 the group met at the Mission office in Lindenau. The herder of the "
    "Yaylaqlı side detained on 3 July at the Dashtak trough was released on 5 July at the "
    "Sarıbulaq crossing. The Kanachar route reopens to vaccinated livestock on 20 July. A "
    "herder found on the other side of the line near the trough will be handed to the "
    "Mission within 24 hours.",
    "ru": "14 июля 2027 года группа собралась в офисе Миссии в Линденау. Пастух стороны "
    "Яйлаглы, задержанный 3 июля у водопоя Даштак, был освобожден 5 июля на КПП Сарыбулаг. "
    "Каначарский маршрут вновь открывается для вакцинированного скота 20 июля. Пастух, "
    "оказавшийся по другую сторону линии у водопоя, будет передаваться Миссии в течение "
    "24 часов.",
    "hy": "2027 թվականի հուլիսի 14-ին խումբը հավաքվեց Լինդենաուում՝ առաքելության "
    "գրասենյակում։ Յայլաղլըի կողմի հովիվը, որին հուլիսի 3-ին կալանել էին Դաշտակի "
    "ջրախմոցի մոտ, ազատ է արձակվել հուլիսի 5-ին Սարըբուլաղի անցակետում։ Կանաչառի "
    "երթուղին պատվաստված անասունների համար կրկին բացվում է հուլիսի 20-ին։ Ջրախմոցի մոտ "
    "գծի մյուս կողմում հայտնված հովիվը 24 ժամվա ընթացքում կհանձնվի առաքելությանը։",
    "az": "2027-ci il iyulun 14-də qrup Lindenauda, Missiyanın ofisində toplaşıb. İyulun "
    "3-də Daştak suvatının yanında saxlanılan Yaylaqlı tərəfinin çobanı iyulun 5-də "
    "Sarıbulaq keçid məntəqəsində azad edilib. Kanaçar marşrutu iyulun 20-də peyvənd "
    "olunmuş heyvanlar üçün yenidən açılır. Suvatın yanında xəttin o biri tərəfində "
    "aşkarlanan çoban 24 saat ərzində Missiyaya təhvil veriləcək.",
}

COMMUNIQUE_6 = {
    "en": "On 22 September 2027 the group met in Lindenau. Herds of the Yaylaqlı side come "
    "down the Gədik route from 1 October, herds of the Tsaghkavan side come down the "
    "Kanachar route from 4 October, in daylight and observed by the Mission.",
    "ru": "22 сентября 2027 года группа собралась в Линденау. Стада стороны Яйлаглы "
    "спускаются по маршруту Гядик с 1 октября, стада стороны Цахкавана — по Каначарскому "
    "маршруту с 4 октября, в светлое время и под наблюдением Миссии.",
    "hy": "2027 թվականի սեպտեմբերի 22-ին խումբը հավաքվեց Լինդենաուում։ Յայլաղլըի կողմի "
    "հոտերը Գյադիկի երթուղով իջնում են հոկտեմբերի 1-ից, Ծաղկավանի կողմի հոտերը՝ Կանաչառի "
    "երթուղով հոկտեմբերի 4-ից, ցերեկը և առաքելության դիտարկմամբ։",
    "az": "2027-ci il sentyabrın 22-də qrup Lindenauda toplaşıb. Yaylaqlı tərəfinin sürüləri "
    "oktyabrın 1-dən Gədik marşrutu ilə, Tsaxkavan tərəfinin sürüləri isə oktyabrın 4-dən "
    "Kanaçar marşrutu ilə, gündüz və Missiyanın müşahidəsi altında enir.",
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
        "title": "Joint Working Group on Seasonal Pastures: Tsaghkavan and Yaylaqlı",
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

    head, officer = member("hplm-head"), member("hplm-officer")
    tsa, tsa_vet = member("tsa-head"), member("tsa-vet")
    yay, yay_vet = member("yay-head"), member("yay-vet")
    everyone = {
        "hplm": ["Annelise Vogt", "Tomás Ferreira"],
        "tsaghkavan": ["Gurgen Melkonyan", "Lusine Avetisyan"],
        "yaylaqli": ["Elşən Məmmədli", "Günay Əhmədova"],
    }

    # --- session 1: Lindenau, 21 April ----------------------------------------------------
    at("2027-04-05T11:00")
    head.talks.propose(
        ch,
        "pg-1",
        start="2027-04-21T10:00:00+04:00",
        venue=LINDENAU,
        format="chaired",
        agenda=[
            _item("routes", "spring-drive", "Routes and dates of the spring drive"),
            _item("herders", "herder-lists", "Exchange of lists of herders"),
        ],
        attendees=everyone,
    )
    at("2027-04-06T10:00")
    tsa.talks.answer(ch, "pg-1", True)
    at("2027-04-07T15:30")
    yay.talks.answer(ch, "pg-1", True)

    at("2027-04-21T11:05")
    yay.talks.raise_item(
        ch,
        "pg-1",
        "keshishkend-title",
        "Ownership of the fenced field at Keshishkend",
        text="Yaylaqlı asks the group to rule on who owns the fenced field at Keshishkend, "
        "which blocks the Gədik route.",
    )
    at("2027-04-21T11:20")
    head.talks.answer_item(
        ch,
        "pg-1",
        "keshishkend-title",
        False,
        "Ownership of land is outside the mandate of the group; only passage along the "
        "route is within it.",
    )
    at("2027-04-21T14:30")
    head.talks.record_held(
        ch,
        "pg-1",
        started="2027-04-21T10:10:00+04:00",
        ended="2027-04-21T13:50:00+04:00",
        chair="Annelise Vogt",
        attendees=everyone,
    )
    at("2027-04-21T19:00")
    officer.talks.draft_minutes(
        ch,
        "pg-1",
        [
            {
                "item": "spring-drive",
                "summary": "Routes and dates of the spring drive to the summer pastures.",
                "positions": {
                    "tsaghkavan": "Our herds should go up from 3 May.",
                    "yaylaqli": "Both sides should start on the same day.",
                },
                "outcome": "Agreed: Tsaghkavan herds go up the Kanachar route from 10 May; "
                "Yaylaqlı herds go up the Gədik route from 17 May; herds cross only between "
                "06:00 and 18:00, observed by the HPLM.",
            },
            {
                "item": "herder-lists",
                "summary": "Exchange of lists of herders.",
                "outcome": "Agreed: each side gives the HPLM by 5 May the names and ID numbers "
                "of the herders who will use the routes; the HPLM passes them on.",
            },
            {
                "item": "keshishkend-title",
                "summary": "Raised by the Yaylaqlı side; ruled outside the mandate by the HPLM.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Annelise Vogt. The Tsaghkavan side undertook to mark the Gədik "
        "route with painted posts by 14 May.",
    )
    at("2027-04-22T09:30")
    yay.talks.sign_minutes(ch, "pg-1", 1)
    at("2027-04-22T12:00")
    tsa.talks.sign_minutes(ch, "pg-1", 1)
    at("2027-04-23T10:00")
    head.talks.sign_minutes(ch, "pg-1", 1)

    at("2027-04-23T12:00")
    head.talks.add_commitment(
        ch,
        "lists-tsa",
        owner="tsaghkavan",
        meeting="pg-1",
        agenda_item="herder-lists",
        text="Give the HPLM the list of herders using the Kanachar route, with ID numbers.",
        due="2027-05-05T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "lists-yay",
        owner="yaylaqli",
        meeting="pg-1",
        agenda_item="herder-lists",
        text="Give the HPLM the list of herders using the Gədik route, with ID numbers.",
        due="2027-05-05T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "route-posts",
        owner="tsaghkavan",
        meeting="pg-1",
        agenda_item="spring-drive",
        text="Mark the Gədik route through the Tsaghkavan side with painted posts.",
        due="2027-05-14T18:00:00+04:00",
    )

    at("2027-04-24T10:00")
    officer.disclosures.draft_communique(ch, "communique-2027-04-21", COMMUNIQUE_1, "pg-1")
    at("2027-04-24T12:00")
    head.disclosures.sign_communique(ch, "communique-2027-04-21", 1)
    at("2027-04-26T10:00")
    yay.disclosures.sign_communique(ch, "communique-2027-04-21", 1)
    at("2027-04-27T11:00")
    tsa.disclosures.sign_communique(ch, "communique-2027-04-21", 1)

    at("2027-05-04T16:00")
    tsa.talks.report(ch, "lists-tsa", "A list of 64 herders with ID numbers was sent to the HPLM.")
    at("2027-05-06T10:00")
    yay.talks.confirm(ch, "lists-tsa", "Received through the HPLM.")
    at("2027-05-07T11:00")
    yay.talks.report(ch, "lists-yay", "A list of 51 herders was sent to the HPLM on 7 May.")
    at("2027-05-08T09:30")
    tsa.talks.dispute(ch, "lists-yay", "The list has no ID numbers for 19 of the 51 herders.")

    # --- the stray flock: Sunday 9 May ---------------------------------------------------
    at("2027-05-09T17:40")
    flock, _ = yay_vet.send(
        ch,
        to="tsaghkavan",
        priority="urgent",
        topic="livestock",
        subject="Flock across the line near the Dashtak trough",
        text="A flock of 43 sheep and 6 cattle of the Bozyal farm crossed the line near the "
        "Dashtak trough this afternoon. Please hold the animals and return them.",
    )
    at("2027-05-09T18:00")
    tsa_vet.mark_delivered(ch)
    at("2027-05-09T19:50")
    tsa_vet.acknowledge(ch, flock.id, "The animals are penned at Keshishkend.")

    # --- session 2: proposed for 18 May, postponed to 25 May -------------------------------
    at("2027-05-10T10:00")
    head.talks.propose(
        ch,
        "pg-2",
        start="2027-05-18T11:00:00+04:00",
        venue=SARIBULAQ,
        format="chaired",
        agenda=[
            _item("livestock", "stray-flock", "Return of the flock that crossed on 9 May"),
            _item("grazing", "dashtak-calendar", "Watering calendar at the Dashtak trough"),
        ],
        attendees=everyone,
    )
    at("2027-05-11T09:00")
    yay.talks.answer(ch, "pg-2", True)
    at("2027-05-12T10:00")
    tsa.talks.counter(
        ch,
        "pg-2",
        start="2027-05-25T11:00:00+04:00",
        note="Our herds are on the Kanachar route this week and our veterinarian is with them.",
    )
    at("2027-05-12T13:00")
    officer.talks.answer(ch, "pg-2", True)
    at("2027-05-13T10:30")
    yay.talks.answer(ch, "pg-2", True)

    at("2027-05-13T15:00")
    tsa.talks.report(ch, "route-posts", "120 painted posts now mark the Gədik route.")
    at("2027-05-17T08:00")
    yay.talks.confirm(ch, "route-posts", "Our first herds followed the posts this morning.")

    at("2027-05-25T11:40")
    tsa.talks.raise_item(
        ch,
        "pg-2",
        "military-post",
        "A new military post above the Dashtak trough",
        text="Tsaghkavan asks about the new Yaylaqlı military post above the Dashtak trough, "
        "which overlooks the herds at water.",
        topic="herders",
    )
    at("2027-05-25T11:50")
    yay.talks.answer_item(
        ch, "pg-2", "military-post", False, "Military positions are not a matter for this group."
    )
    at("2027-05-25T15:30")
    head.talks.record_held(
        ch,
        "pg-2",
        started="2027-05-25T11:20:00+04:00",
        ended="2027-05-25T15:00:00+04:00",
        chair="Annelise Vogt",
        attendees=everyone,
    )
    items_2: list[dict[str, Any]] = [
        {
            "item": "stray-flock",
            "summary": "Return of the 43 sheep and 6 cattle that crossed the line on 9 May.",
            "outcome": "Agreed: the Tsaghkavan side returns the 43 sheep and 6 cattle at the "
            "Sarıbulaq crossing by 1 June; nothing is charged for their keep.",
        },
        {
            "item": "dashtak-calendar",
            "summary": "Watering calendar at the Dashtak trough.",
            "positions": {
                "tsaghkavan": "The trough stands on our side of the line.",
                "yaylaqli": "The spring that feeds the trough rises on our side.",
            },
            "outcome": "Agreed: from 1 June Yaylaqlı herds water at the Dashtak trough on even "
            "dates and Tsaghkavan herds on odd dates, from 07:00 to 19:00; the Yaylaqlı side "
            "repairs the trough's inflow pipe by 15 June.",
        },
        {
            "item": "military-post",
            "summary": "Raised by the Tsaghkavan side; declined by the Yaylaqlı side.",
            "outcome": "Not discussed.",
        },
    ]
    general_2 = "Chaired by Annelise Vogt."
    at("2027-05-25T19:00")
    officer.talks.draft_minutes(ch, "pg-2", items_2, general=general_2)
    at("2027-05-26T09:00")
    yay.talks.sign_minutes(ch, "pg-2", 1)
    at("2027-05-26T11:00")
    fix, _ = tsa.send(
        ch,
        to="hplm",
        priority="routine",
        topic="grazing",
        subject="Minutes of 25 May: the calendar",
        text="The calendar was agreed from 5 June, not 1 June: our herds stay on the lower "
        "pastures until then. Please correct.",
    )
    at("2027-05-26T12:00")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, fix.id, "Checked against our notes; corrected.")
    items_2[1]["outcome"] = (
        "Agreed: from 5 June Yaylaqlı herds water at the Dashtak trough on even dates and "
        "Tsaghkavan herds on odd dates, from 07:00 to 19:00; the Yaylaqlı side repairs the "
        "trough's inflow pipe by 15 June."
    )
    at("2027-05-26T16:00")
    officer.talks.draft_minutes(ch, "pg-2", items_2, general=general_2)
    at("2027-05-27T10:00")
    tsa.talks.sign_minutes(ch, "pg-2", 2)
    at("2027-05-27T12:00")
    head.talks.sign_minutes(ch, "pg-2", 2)
    at("2027-05-28T09:00")
    yay.talks.sign_minutes(ch, "pg-2", 2)

    at("2027-05-28T11:00")
    head.talks.add_commitment(
        ch,
        "flock-return",
        owner="tsaghkavan",
        meeting="pg-2",
        agenda_item="stray-flock",
        text="Return the 43 sheep and 6 cattle that crossed the line on 9 May, at the "
        "Sarıbulaq crossing.",
        due="2027-06-01T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "trough-pipe",
        owner="yaylaqli",
        meeting="pg-2",
        agenda_item="dashtak-calendar",
        text="Repair the inflow pipe of the Dashtak trough.",
        due="2027-06-15T18:00:00+04:00",
    )
    at("2027-05-28T14:00")
    officer.disclosures.draft_communique(ch, "communique-2027-05-25", COMMUNIQUE_2, "pg-2")
    at("2027-05-28T16:00")
    head.disclosures.sign_communique(ch, "communique-2027-05-25", 1)
    at("2027-05-29T10:00")
    yay.disclosures.sign_communique(ch, "communique-2027-05-25", 1)

    at("2027-05-31T15:00")
    tsa.talks.report(
        ch,
        "flock-return",
        "43 sheep and 6 cattle were handed over at the Sarıbulaq crossing at 10:00 on 31 May.",
    )
    at("2027-06-01T10:00")
    yay.talks.dispute(
        ch, "flock-return", "39 sheep and 6 cattle were handed over; four sheep are missing."
    )

    # --- foot-and-mouth: Monday 7 June -----------------------------------------------------
    at("2027-06-07T06:30")
    fmd, _ = tsa_vet.send(
        ch,
        to="yaylaqli",
        priority="flash",
        topic="veterinary",
        subject="Foot-and-mouth disease at Artsvasar",
        text="Our laboratory has confirmed foot-and-mouth disease in 12 cattle on the "
        "Artsvasar summer pasture, 3 km from the line. We close the Kanachar route to all "
        "livestock from today.",
    )
    at("2027-06-07T06:50")
    yay_vet.mark_delivered(ch)
    at("2027-06-07T07:25")
    yay_vet.acknowledge(ch, fmd.id, "Received; our herds at Bozyal are kept away from the line.")
    at("2027-06-07T09:00")
    ask, _ = yay.send(
        ch,
        to="hplm",
        priority="urgent",
        topic="veterinary",
        subject="Urgent meeting on the outbreak",
        text="We ask for an urgent meeting on the outbreak at Artsvasar and a joint vaccination.",
    )
    at("2027-06-07T09:15")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, ask.id, "A meeting by videoconference will be proposed today.")

    # --- session 3: online, 10 June -----------------------------------------------------
    at("2027-06-07T12:00")
    officer.talks.propose(
        ch,
        "pg-3",
        start="2027-06-10T15:00:00+04:00",
        venue=ONLINE,
        format="chaired",
        agenda=[
            _item("veterinary", "fmd-outbreak", "The foot-and-mouth outbreak at Artsvasar"),
            _item("veterinary", "joint-vaccination", "A joint vaccination campaign"),
        ],
        attendees=everyone,
    )
    at("2027-06-07T14:00")
    tsa.talks.answer(ch, "pg-3", True)
    at("2027-06-07T15:00")
    yay.talks.answer(ch, "pg-3", True)
    at("2027-06-09T10:00")
    yay.disclosures.propose(
        ch,
        "open-fmd-alert",
        [fmd.id],
        "public",
        "Herders on both sides should know when the outbreak was reported.",
    )

    at("2027-06-10T17:20")
    officer.talks.record_held(
        ch,
        "pg-3",
        started="2027-06-10T15:05:00+04:00",
        ended="2027-06-10T16:50:00+04:00",
        chair="Tomás Ferreira",
        attendees={
            "hplm": ["Tomás Ferreira"],
            "tsaghkavan": ["Gurgen Melkonyan", "Lusine Avetisyan"],
            "yaylaqli": ["Günay Əhmədova"],
        },
        note="The Yaylaqlı delegation was led by Günay Əhmədova.",
    )
    at("2027-06-10T20:00")
    officer.talks.draft_minutes(
        ch,
        "pg-3",
        [
            {
                "item": "fmd-outbreak",
                "summary": "Foot-and-mouth disease in 12 cattle on the Artsvasar pasture, "
                "confirmed on 7 June.",
                "positions": {
                    "yaylaqli": "The first cases should have been reported earlier.",
                    "tsaghkavan": "The cases were confirmed on the morning the alert was sent.",
                },
                "outcome": "The Kanachar route stays closed to livestock until 15 July; no "
                "livestock crosses the line within 5 kilometres of Artsvasar.",
            },
            {
                "item": "joint-vaccination",
                "summary": "A joint vaccination campaign.",
                "outcome": "Agreed: each side vaccinates all cattle and sheep within 5 "
                "kilometres of the line between 14 and 30 June; veterinarians of both sides "
                "and the HPLM observe each other's vaccination on 22 June; the HPLM obtains "
                "9,000 doses of vaccine from the regional reference laboratory.",
            },
        ],
        general="Chaired by Tomás Ferreira; Annelise Vogt did not attend.",
    )
    at("2027-06-11T09:00")
    tsa.talks.sign_minutes(ch, "pg-3", 1)
    at("2027-06-11T10:00")
    yay.talks.sign_minutes(ch, "pg-3", 1)
    at("2027-06-11T11:00")
    head.talks.sign_minutes(ch, "pg-3", 1)
    at("2027-06-11T12:00")
    head.talks.add_commitment(
        ch,
        "vacc-tsa",
        owner="tsaghkavan",
        meeting="pg-3",
        agenda_item="joint-vaccination",
        text="Vaccinate all cattle and sheep within 5 kilometres of the line.",
        due="2027-06-30T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "vacc-yay",
        owner="yaylaqli",
        meeting="pg-3",
        agenda_item="joint-vaccination",
        text="Vaccinate all cattle and sheep within 5 kilometres of the line.",
        due="2027-06-30T18:00:00+04:00",
    )
    at("2027-06-11T14:00")
    officer.disclosures.draft_communique(ch, "communique-2027-06-10", COMMUNIQUE_3, "pg-3")
    at("2027-06-11T16:00")
    head.disclosures.sign_communique(ch, "communique-2027-06-10", 1)
    at("2027-06-12T10:00")
    tsa.disclosures.sign_communique(ch, "communique-2027-06-10", 1)
    at("2027-06-12T13:00")
    yay.disclosures.sign_communique(ch, "communique-2027-06-10", 1)

    # --- a field visit to the fence: agreed, then cancelled --------------------------------
    at("2027-06-28T10:00")
    yay.talks.propose(
        ch,
        "pg-fence",
        start="2027-07-08T10:00:00+04:00",
        venue=FENCE,
        format="chaired",
        agenda=[_item("routes", "gedik-fence", "The fence across the Gədik route at Keshishkend")],
        attendees=everyone,
    )
    at("2027-06-29T09:00")
    head.talks.answer(ch, "pg-fence", True)
    at("2027-06-29T17:00")
    tsa.talks.report(ch, "vacc-tsa", "11,400 cattle and sheep vaccinated within the 5 km zone.")
    at("2027-06-30T10:00")
    tsa.talks.answer(ch, "pg-fence", True)
    at("2027-06-30T16:00")
    yay.talks.report(ch, "vacc-yay", "8,700 cattle and sheep vaccinated within the 5 km zone.")
    at("2027-07-02T10:00")
    yay.talks.confirm(ch, "vacc-tsa", "Our veterinarians watched the vaccination on 22 June.")
    at("2027-07-02T11:00")
    tsa.talks.dispute(
        ch,
        "vacc-yay",
        "No vaccination certificates for the herds on the Gədik route; our veterinarians were "
        "not let in on 22 June.",
    )

    # --- the detention: Saturday 3 July; release Monday 5 July -------------------------------
    at("2027-07-03T16:10")
    detained, _ = yay.send(
        ch,
        to="hplm",
        priority="urgent",
        topic="herders",
        subject="Herder detained at the Dashtak trough",
        text="Our herder Rauf Həsənov, 52, of Qızılca, was detained at 14:30 today by "
        "Tsaghkavan guards at the Dashtak trough while watering his 70 sheep. We demand his "
        "release.",
    )
    at("2027-07-03T16:20")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, detained.id, "Received; we are in contact with the Tsaghkavan side.")
    at("2027-07-03T16:40")
    relay, _ = officer.send(
        ch,
        to="tsaghkavan",
        priority="urgent",
        topic="herders",
        subject="Herder detained at the Dashtak trough",
        text="The Yaylaqlı side reports that its herder was detained at the Dashtak trough at "
        "14:30 today. Please confirm where he is held and when he will be released.",
        relay_of=detained.id,
    )
    at("2027-07-03T17:00")
    tsa.mark_delivered(ch)
    at("2027-07-03T18:30")
    tsa.acknowledge(
        ch,
        relay.id,
        "He crossed the line at the trough on a date the calendar gives to our herds; he is "
        "held at the Keshishkend post and is unharmed.",
    )
    at("2027-07-03T20:00")
    tsa.disclosures.unilateral(
        ch,
        "Ծաղկավանի կողմը հայտարարում է, որ հուլիսի 3-ին Դաշտակի ջրախմոցի մոտ կալանված "
        "հովիվը հատել էր գիծը այն օրը, երբ ջրախմոցը պատկանում էր մեր հոտերին։",
        "hy",
        source="Press service of the Tsaghkavan delegation, 3 July 2027",
    )
    at("2027-07-05T09:00")
    head.talks.counter(
        ch,
        "pg-fence",
        cancel=True,
        note="Cancelled after the detention of 3 July; the fence goes to the next session.",
    )
    at("2027-07-05T11:00")
    tsa.talks.answer(ch, "pg-fence", True)
    at("2027-07-05T13:00")
    release, _ = tsa.send(
        ch,
        to="hplm",
        priority="routine",
        topic="herders",
        subject="Herder released",
        text="The herder detained on 3 July was released at the Sarıbulaq crossing at 12:00 "
        "today and handed to the HPLM, together with his sheep.",
    )
    at("2027-07-05T13:30")
    officer.mark_delivered(ch)
    officer.acknowledge(ch, release.id, "Confirmed: handed over to us at 12:00.")
    at("2027-07-06T09:00")
    yay.talks.answer(ch, "pg-fence", True)

    # --- session 4: Sarıbulaq, moved to Lindenau -----------------------------------------
    at("2027-07-06T12:00")
    head.talks.propose(
        ch,
        "pg-4",
        start="2027-07-14T10:00:00+04:00",
        venue=SARIBULAQ,
        format="chaired",
        agenda=[
            _item("herders", "detention", "The detention of a Yaylaqlı herder on 3 July"),
            _item("routes", "kanachar-reopening", "Reopening the Kanachar route"),
            _item("routes", "gedik-fence", "The fence across the Gədik route at Keshishkend"),
        ],
        attendees=everyone,
    )
    at("2027-07-07T10:00")
    tsa.talks.answer(ch, "pg-4", True)
    at("2027-07-07T14:00")
    yay.talks.answer(ch, "pg-4", True)
    at("2027-07-12T09:00")
    head.talks.counter(
        ch, "pg-4", venue=LINDENAU, note="The road to the Sarıbulaq crossing is closed for repairs."
    )
    at("2027-07-12T15:00")
    tsa.talks.answer(ch, "pg-4", True)
    at("2027-07-13T09:00")
    yay.talks.answer(ch, "pg-4", True)

    at("2027-07-14T11:30")
    yay.talks.raise_item(
        ch,
        "pg-4",
        "herder-compensation",
        "Compensation for the detained herder",
        text="Yaylaqlı asks compensation for the two days its herder was held and for three "
        "sheep lost while he was detained.",
        topic="herders",
    )
    at("2027-07-14T11:45")
    tsa.talks.answer_item(
        ch,
        "pg-4",
        "herder-compensation",
        False,
        "He crossed on a date the calendar gives to our herds; no compensation is owed.",
    )
    at("2027-07-14T15:00")
    held_4 = head.talks.record_held(
        ch,
        "pg-4",
        started="2027-07-14T10:00:00+04:00",
        ended="2027-07-14T14:30:00+04:00",
        chair="Annelise Vogt",
        attendees=everyone,
    ).entry_id
    at("2027-07-14T19:00")
    officer.talks.draft_minutes(
        ch,
        "pg-4",
        [
            {
                "item": "detention",
                "summary": "The detention of a Yaylaqlı herder at the Dashtak trough on 3 July.",
                "positions": {
                    "yaylaqli": "The herder stayed on the Yaylaqlı side of the trough.",
                    "tsaghkavan": "He crossed the line on a date the calendar gives to "
                    "Tsaghkavan herds.",
                },
                "outcome": "The herder was released on 5 July. Agreed: a herder found on the "
                "other side of the line near the Dashtak trough is handed to the HPLM within "
                "24 hours.",
            },
            {
                "item": "kanachar-reopening",
                "summary": "Reopening the Kanachar route after the outbreak.",
                "outcome": "Agreed: the Kanachar route reopens to vaccinated livestock on 20 July.",
            },
            {
                "item": "gedik-fence",
                "summary": "The fence across the Gədik route at Keshishkend.",
                "outcome": "Agreed: the Tsaghkavan side removes 200 metres of fence across the "
                "Gədik route by 25 July; ownership of the field is not discussed.",
            },
            {
                "item": "herder-compensation",
                "summary": "Raised by the Yaylaqlı side; declined by the Tsaghkavan side.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Annelise Vogt. Both sides give updated lists of herders by 1 August.",
    )
    at("2027-07-15T09:00")
    tsa.talks.sign_minutes(ch, "pg-4", 1)
    at("2027-07-15T11:00")
    yay.talks.sign_minutes(ch, "pg-4", 1)
    at("2027-07-15T12:00")
    head.talks.sign_minutes(ch, "pg-4", 1)
    at("2027-07-15T14:00")
    head.talks.add_commitment(
        ch,
        "fence-removal",
        owner="tsaghkavan",
        meeting="pg-4",
        agenda_item="gedik-fence",
        text="Remove 200 metres of fence across the Gədik route at Keshishkend.",
        due="2027-07-25T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "lists-update-tsa",
        owner="tsaghkavan",
        meeting="pg-4",
        text="Give the HPLM an updated list of herders on the Kanachar route.",
        due="2027-08-01T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "lists-update-yay",
        owner="yaylaqli",
        meeting="pg-4",
        text="Give the HPLM an updated list of herders on the Gədik route.",
        due="2027-08-01T18:00:00+04:00",
    )
    at("2027-07-16T10:00")
    officer.disclosures.draft_communique(ch, "communique-2027-07-14", COMMUNIQUE_4, "pg-4")
    at("2027-07-16T12:00")
    head.disclosures.sign_communique(ch, "communique-2027-07-14", 1)
    at("2027-07-16T15:00")
    tsa.disclosures.sign_communique(ch, "communique-2027-07-14", 1)
    at("2027-07-17T10:00")
    yay.disclosures.sign_communique(ch, "communique-2027-07-14", 1)

    # --- a mandate extension that Tsaghkavan never signs ---------------------------------
    at("2027-07-19T10:00")
    yay.talks.extend_mandate(
        ch,
        "haymaking",
        "Haymaking on meadows near the line",
        reason="Hay must be cut in August on meadows within 2 km of the line.",
    )
    at("2027-07-19T11:00")
    yay.talks.sign_extension(ch, "haymaking")

    # --- the release is opened ----------------------------------------------------------
    at("2027-07-20T10:00")
    head.disclosures.propose(
        ch,
        "open-release",
        [release.id, held_4],
        "public",
        "The families should know when and where the herder was released.",
    )
    at("2027-07-21T10:00")
    tsa.disclosures.sign(ch, "open-release")
    at("2027-07-22T10:00")
    yay.disclosures.sign(ch, "open-release")

    at("2027-07-24T17:00")
    tsa.talks.report(ch, "fence-removal", "200 metres of fence were removed on 24 July.")
    at("2027-07-27T10:00")
    yay.talks.confirm(ch, "fence-removal", "Our herds passed Keshishkend freely on 26 July.")
    at("2027-07-30T12:00")
    yay.talks.report(ch, "lists-update-yay", "An updated list of 48 herders was sent to the HPLM.")

    # --- session 5: a direct meeting of the veterinary services at the trough -------------
    at("2027-08-02T10:00")
    tsa.talks.propose(
        ch,
        "pg-5",
        start="2027-08-17T09:30:00+04:00",
        venue=DASHTAK,
        format="direct",
        agenda=[_item("grazing", "trough-inspection", "Joint inspection of the Dashtak trough")],
        attendees={"tsaghkavan": ["Lusine Avetisyan"], "yaylaqli": ["Günay Əhmədova"]},
    )
    at("2027-08-03T11:00")
    yay.talks.answer(ch, "pg-5", True)
    at("2027-08-04T10:00")
    yay.disclosures.unilateral(
        ch,
        "Yaylaqlı tərəfi bildirir ki, Daştak suvatının su borusu iyun ayında təmir olunub və "
        "suvat hər iki tərəfin sürüləri üçün işləyir.",
        "az",
        source="Press service of the Yaylaqlı delegation, 4 August 2027",
    )
    at("2027-08-17T13:00")
    officer.talks.record_held(
        ch,
        "pg-5",
        started="2027-08-17T09:40:00+04:00",
        ended="2027-08-17T11:15:00+04:00",
        attendees={"tsaghkavan": ["Lusine Avetisyan"], "yaylaqli": ["Günay Əhmədova"]},
        note="Direct meeting of the two veterinary services; the HPLM was not present.",
    )
    at("2027-08-17T18:00")
    officer.talks.draft_minutes(
        ch,
        "pg-5",
        [
            {
                "item": "trough-inspection",
                "summary": "Joint inspection of the Dashtak trough by the two veterinary services.",
                "outcome": "The inflow pipe is still broken and the trough fills only at night. "
                "The Yaylaqlı side repairs the pipe by 31 August.",
            }
        ],
        general="Direct meeting; no chair.",
    )
    at("2027-08-18T09:00")
    tsa.talks.sign_minutes(ch, "pg-5", 1)
    at("2027-08-18T11:00")
    yay.talks.sign_minutes(ch, "pg-5", 1)
    at("2027-08-18T12:00")
    head.talks.add_commitment(
        ch,
        "trough-pipe-2",
        owner="yaylaqli",
        meeting="pg-5",
        agenda_item="trough-inspection",
        text="Repair the inflow pipe of the Dashtak trough.",
        due="2027-08-31T18:00:00+04:00",
    )

    # --- session 6: Lindenau, 22 September ----------------------------------------------
    at("2027-08-25T10:00")
    head.talks.propose(
        ch,
        "pg-6",
        start="2027-09-22T10:00:00+04:00",
        venue=LINDENAU,
        format="chaired",
        agenda=[
            _item("routes", "autumn-drive", "Dates of the autumn drive from the summer pastures"),
            _item("herders", "autumn-lists", "Lists of herders for the autumn drive"),
        ],
        attendees=everyone,
    )
    at("2027-08-26T10:00")
    tsa.talks.answer(ch, "pg-6", True)
    at("2027-08-27T10:00")
    yay.talks.answer(ch, "pg-6", True)
    at("2027-08-30T16:00")
    yay.talks.report(ch, "trough-pipe-2", "The inflow pipe was replaced on 30 August.")
    at("2027-09-01T10:00")
    tsa.talks.confirm(ch, "trough-pipe-2", "Our veterinarian saw the trough full at noon.")

    at("2027-09-22T11:10")
    yay.talks.raise_item(
        ch,
        "pg-6",
        "haymaking",
        "Haymaking on meadows near the line",
        text="Yaylaqlı asks that its farmers may cut hay on the meadows within 2 km of the line.",
    )
    at("2027-09-22T11:25")
    tsa.talks.answer_item(
        ch, "pg-6", "haymaking", False, "The mandate of the group was not extended to haymaking."
    )
    at("2027-09-22T13:30")
    head.talks.record_held(
        ch,
        "pg-6",
        started="2027-09-22T10:15:00+04:00",
        ended="2027-09-22T13:00:00+04:00",
        chair="Annelise Vogt",
        attendees=everyone,
    )
    at("2027-09-22T18:00")
    officer.talks.draft_minutes(
        ch,
        "pg-6",
        [
            {
                "item": "autumn-drive",
                "summary": "Dates of the autumn drive from the summer pastures.",
                "outcome": "Agreed: Yaylaqlı herds come down the Gədik route from 1 October, "
                "Tsaghkavan herds come down the Kanachar route from 4 October, in daylight, "
                "observed by the HPLM.",
            },
            {
                "item": "autumn-lists",
                "summary": "Lists of herders for the autumn drive.",
                "outcome": "Agreed: each side gives the HPLM its list of herders for the "
                "autumn drive by 28 September.",
            },
            {
                "item": "haymaking",
                "summary": "Raised by the Yaylaqlı side; declined by the Tsaghkavan side: the "
                "mandate was not extended.",
                "outcome": "Not discussed.",
            },
        ],
        general="Chaired by Annelise Vogt.",
    )
    at("2027-09-23T09:00")
    tsa.talks.sign_minutes(ch, "pg-6", 1)
    at("2027-09-23T10:00")
    yay.talks.sign_minutes(ch, "pg-6", 1)
    at("2027-09-23T11:00")
    head.talks.sign_minutes(ch, "pg-6", 1)
    at("2027-09-23T12:00")
    head.talks.add_commitment(
        ch,
        "autumn-lists-tsa",
        owner="tsaghkavan",
        meeting="pg-6",
        agenda_item="autumn-lists",
        text="Give the HPLM the list of herders for the autumn drive on the Kanachar route.",
        due="2027-09-28T18:00:00+04:00",
    )
    head.talks.add_commitment(
        ch,
        "autumn-lists-yay",
        owner="yaylaqli",
        meeting="pg-6",
        agenda_item="autumn-lists",
        text="Give the HPLM the list of herders for the autumn drive on the Gədik route.",
        due="2027-09-28T18:00:00+04:00",
    )
    at("2027-09-23T15:00")
    officer.disclosures.draft_communique(ch, "communique-2027-09-22", COMMUNIQUE_6, "pg-6")
    at("2027-09-23T17:00")
    head.disclosures.sign_communique(ch, "communique-2027-09-22", 1)
    at("2027-09-24T10:00")
    yay.disclosures.sign_communique(ch, "communique-2027-09-22", 1)
    at("2027-09-24T12:00")
    tsa.disclosures.sign_communique(ch, "communique-2027-09-22", 1)

    # --- the next session: agreed; a direct meeting on winter grazing: proposed only ------
    at("2027-09-24T15:00")
    head.talks.propose(
        ch,
        "pg-7",
        start="2027-11-03T11:00:00+04:00",
        venue=SARIBULAQ,
        format="chaired",
        agenda=[
            _item("routes", "season-review", "Review of the 2027 grazing season"),
            _item("veterinary", "vaccination-2028", "Vaccination plan for 2028"),
        ],
        attendees=everyone,
    )
    at("2027-09-27T10:00")
    yay.talks.report(ch, "autumn-lists-yay", "A list of 47 herders was sent to the HPLM.")
    at("2027-09-27T11:00")
    tsa.talks.answer(ch, "pg-7", True)
    at("2027-09-28T09:00")
    yay.talks.answer(ch, "pg-7", True)
    at("2027-09-29T10:00")
    tsa.talks.confirm(ch, "autumn-lists-yay", "Received through the HPLM.")

    at("2027-09-30T11:00")
    yay.talks.propose(
        ch,
        "pg-winter",
        start="2027-11-16T10:00:00+04:00",
        venue=QIZILCA,
        format="direct",
        agenda=[_item("grazing", "winter-grazing", "Winter grazing near Qızılca")],
        attendees={"tsaghkavan": ["Gurgen Melkonyan"], "yaylaqli": ["Elşən Məmmədli"]},
    )

    # --- stray cattle on the Bozyal pasture: never acknowledged --------------------------
    at("2027-10-02T09:10")
    yay_vet.send(
        ch,
        to="tsaghkavan",
        priority="urgent",
        topic="livestock",
        subject="Cattle on the Bozyal pasture",
        text="17 cattle with Tsaghkavan ear tags have been on the Bozyal pasture since this "
        "morning. Please collect them at the Sarıbulaq crossing.",
    )
    at("2027-10-02T09:40")
    tsa_vet.mark_delivered(ch)
    at("2027-10-08T12:00")
