"""The checker's reading of text: languages, every script kept, names by phonetic key,
dates and times in words and digits in four languages, negation, reporting frames,
splitting statements into claims. Nothing here knows a story."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.claims.lang import LANGS, detect, load
from parley.claims.reading import _hedged, _negated
from parley.claims.text import (
    close,
    dates_in,
    days_in,
    fold,
    key,
    length_in,
    same,
    split_claims,
    time_bound,
    times_in,
    tokens,
    without_days,
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The sides met in the capital.", "en"),
        ("Стороны встретились в столице.", "ru"),
        ("Կողմերը հանդիպեցին մայրաքաղաքում։", "hy"),
        ("Tərəflər paytaxtda görüşüb.", "az"),
        ("Tereflər görüşdü və razılaşdı.", "az"),
        ("მხარეები დედაქალაქში შეხვდნენ.", "ka"),
        # English naming a side in Azerbaijani letters
        ("Dəmirli acknowledged the request.", "en"),
        ("Qazaryan acknowledged it.", "en"),
        ("Dəmirli bu mesajı təsdiqləyib.", "az"),
    ],
)
def test_the_language_of_a_statement(text, lang):
    assert detect(text) == lang


def test_armenian_and_georgian_survive_normalisation():
    assert fold("Հանդիպումը տեղի ունեցավ Գորիսում։") == "հանդիպումը տեղի ունեցավ գորիսում"
    assert tokens("მხარეები შეხვდნენ") == ["მხარეები", "შეხვდნენ"]
    [claim] = split_claims("Հանդիպումը տեղի ունեցավ Գորիսում։")
    assert claim.lang == "hy" and "գորիսում" in fold(claim.text)


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("Гянджа", "ru", "Ganja", "en"),
        ("Gəncə", "az", "Ganja", "en"),
        ("Գորիս", "hy", "Goris", "en"),
        ("Ханкенди", "ru", "Khankendi", "en"),
        ("Xankəndi", "az", "Khankendi", "en"),
        ("Азербайджан", "ru", "Azerbaijan", "en"),
    ],
)
def test_one_name_in_three_scripts_has_one_key(a, la, b, lb):
    assert close(key(a, la), key(b, lb)), (key(a, la), key(b, lb))


@pytest.mark.parametrize(
    ("a", "b"),
    [("Goris", "Moscow"), ("Baku", "Paris"), ("Ganja", "Ganjali"), ("Merkenis", "Karvan")],
)
def test_different_places_do_not_meet(a, b):
    assert not close(key(a, "en"), key(b, "en"))


def test_inflected_words_are_the_same_word():
    assert same(key("reintegration", "en"), key("integr", "en"))
    assert same(key("газа", "ru"), key("gas", "en"))
    assert not same(key("water", "en"), key("gas", "en"))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "On 1 March 2023 the groups met", date(2023, 3, 1)),
        ("en", "on March 2", date(2023, 3, 2)),
        ("en", "on the first of March", date(2023, 3, 1)),
        ("en", "by the fifteenth of April", date(2023, 4, 15)),
        ("ru", "1 марта 2023 года", date(2023, 3, 1)),
        ("ru", "на 10 марта", date(2023, 3, 10)),
        ("hy", "2023 թվականի մարտի 1-ին", date(2023, 3, 1)),
        ("az", "2023-cü il martın 1-də", date(2023, 3, 1)),
        ("az", "1 mart 2023-cü ildə", date(2023, 3, 1)),
        ("en", "held 2023-03-01", date(2023, 3, 1)),
        ("en", "held 01.03.2023", date(2023, 3, 1)),
        # compound and teen ordinals (they read as the unit alone: the 5th, or the month)
        ("en", "on the twenty-fifth of May", date(2023, 5, 25)),
        ("ru", "двадцать пятого мая", date(2023, 5, 25)),
        ("ru", "тридцать первого мая", date(2023, 5, 31)),
        ("ru", "восемнадцатого мая", date(2023, 5, 18)),
        ("ru", "двадцатое мая", date(2023, 5, 20)),
        # a month as an adjective; "May" capitalised inside a sentence
        ("ru", "протокол мартовского заседания", None),
        ("en", "the May session", None),
    ],
)
def test_days_in_four_languages(lang, text, expected):
    if expected is None:  # a month, no day
        [month] = dates_in(text, load(lang), 2023)
        assert month.first is not None and month.first.day == 1 and month.last != month.first
        return
    found = dates_in(text, load(lang), 2023)
    assert any(w.first == expected == w.last for w in found), found


def test_spans_and_weekdays():
    [mid] = dates_in("talks resume in mid-June", load("en"), 2023)
    assert mid.first == date(2023, 6, 11) and mid.last == date(2023, 6, 20)
    [mid] = dates_in("due by the middle of June", load("en"), 2023)  # not "end of": "of"
    assert mid.first == date(2023, 6, 11) and mid.last == date(2023, 6, 20)
    [day] = dates_in("on Wednesday 1 March", load("en"), 2023)  # one day, not every Wednesday
    assert day.first == day.last == date(2023, 3, 1)
    [wed] = dates_in("They met on a Wednesday.", load("en"), 2023)
    assert wed.weekday == 2 and wed.holds(date(2023, 3, 1)) and not wed.holds(date(2023, 3, 2))
    assert dates_in("They may meet again.", load("en"), 2023) == []  # "may" the verb
    assert dates_in("no date here, only 11:00", load("en"), 2023) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The meeting began at 11:00.", (11, 0)),
        ("en", "They met at 3 p.m.", (15, None)),
        ("en", "The session starts at ten.", (10, None)),
        ("ru", "Встреча началась в 11 часов.", (11, None)),
        ("hy", "Հանդիպումը սկսվեց ժամը 11:00-ին։", (11, 0)),
        ("az", "Görüş saat 15:00-da başladı.", (15, 0)),
        ("en", "It ended at a quarter to two in the afternoon.", (13, 45)),
        ("en", "The talks opened at twenty past ten local time.", (10, 20)),
        ("en", "They went on until half past five.", (5, 30)),  # 17:30 matches too
        ("en", "It ended at ten to one.", (12, 50)),  # not 0:50
        # hours in words with a case ending, a compound hour, an hour word after it
        ("hy", "Նիստը սկսվեց երեկոյան ժամը չորսից հետո։", (16, None)),
        ("az", "İclas saat on birdən sonra başlayıb.", (11, None)),
        ("ru", "Заседание закончилось после трёх часов дня.", (15, None)),
    ],
)
def test_times(lang, text, expected):
    assert expected in times_in(text, load(lang))


@pytest.mark.parametrize(
    ("lang", "text", "neg"),
    [
        ("en", "The meeting did not discuss it", True),
        ("en", "The sides didn't agree", True),
        ("en", "It was never on the agenda", True),
        ("ru", "Это не обсуждалось", True),
        ("hy", "Այդ հարցը չի քննարկվել։", True),
        ("hy", "Հանդիպումը տեղի ունեցավ չորեքշաբթի։", False),  # Wednesday starts with չ
        ("az", "Tərəflər razılaşmadı.", True),
        ("az", "Görüş vasitəçi olmadan keçirildi.", False),
        ("en", "The meeting discussed gas", False),
        ("en", "They met without the mediator", False),
        # a negation in a reason clause is the reason's, not the claim's
        ("en", "Dalvan challenged the list, saying five patients had no escorts.", False),
        ("ru", "Сторона отклонила список, заявив, что в нём нет сопровождающих.", False),
        ("hy", "Կողմը մերժել է այն՝ համարելով, որ այն մանդատում չէ։", False),
        ("en", "Dalvan did not challenge the list, saying it was complete.", True),
        # a negated infinitive after a verb of telling denies what was told, not the telling
        ("en", "Residents were told not to drink river water.", False),
        ("en", "Residents were not told to drink river water.", True),
        ("ru", "Жителей попросили не пить воду из реки.", False),
        ("ru", "Жителей не попросили пить воду.", True),
        ("ru", "Дамирли не ответил и попросил не пить воду.", True),
        ("hy", "Բնակիչներին խորհուրդ են տվել չխմել գետի ջուրը։", False),
        ("hy", "Բնակիչներին խորհուրդ չեն տվել խմել գետի ջուրը։", True),
        ("az", "Sakinlərə çay suyunu içməməyi tövsiyə etdilər.", False),
        ("az", "Sakinlərə tövsiyə etmədilər.", True),
        ("en", "The sides agreed not to discuss it.", True),
        # a name that begins with "Չ" is no negated verb
        ("hy", "Չայլըղայայի կողմն առաջարկեց արժույթի փոխանակման կետ բացել։", False),
    ],
)
def test_negation_in_four_languages(lang, text, neg):
    assert _negated(text, load(lang)) is neg


@pytest.mark.parametrize(
    ("lang", "text", "hedged"),
    [
        ("en", "The next meeting may take place in the capital.", True),
        ("en", "Reportedly, the sides agreed.", True),
        ("en", "The meeting is set for 21 May.", False),
        ("ru", "Встреча, возможно, пройдет в столице.", True),
        ("hy", "Հանդիպումը հնարավոր է տեղի ունենա մայրաքաղաքում։", True),
        ("az", "Görüş paytaxtda keçirilə bilər.", True),
    ],
)
def test_hedging(lang, text, hedged):
    assert _hedged(text, load(lang)) is hedged


def test_reporting_frames_are_stripped_and_kept_as_the_speaker():
    [c] = split_claims("The head told the press that the meeting discussed reintegration.")
    assert c.text.rstrip(".") == "the meeting discussed reintegration" and c.speaker == "The head"
    [c] = split_claims("According to the ministry, the talks were held in Baku.")
    assert c.speaker == "the ministry"
    [c] = split_claims("Глава группы заявил, что встреча прошла в Гяндже.")
    assert c.speaker == "Глава группы" and c.text.startswith("встреча")
    [c] = split_claims("Nümayəndə heyətinin rəhbəri bildirib ki, görüş Bakıda keçirilib.")
    assert c.speaker == "Nümayəndə heyətinin rəhbəri" and c.text.startswith("görüş")
    [c] = split_claims("Պատվիրակության ղեկավարը հայտարարեց, որ հանդիպումը տեղի է ունեցել Գորիսում։")
    assert c.speaker == "Պատվիրակության ղեկավարը" and c.text.startswith("հանդիպումը")


def test_sentences_and_clauses_split_coordinated_objects_do_not():
    claims = split_claims(
        "The sides discussed gas; the next meeting will be in Ganja or Aghdam. "
        "They met on 1 March, and they agreed on the highway."
    )
    assert [c.text.rstrip(".") for c in claims] == [
        "The sides discussed gas",
        "the next meeting will be in Ganja or Aghdam",
        "They met on 1 March",
        "they agreed on the highway",
    ]


@pytest.mark.parametrize(
    ("lang", "text", "day"),
    [
        ("hy", "Նիստը տեղի ունեցավ ապրիլի ութին։", date(2030, 4, 8)),
        ("hy", "Նիստը տեղի ունեցավ ապրիլի տասնութին։", date(2030, 4, 18)),
        ("az", "İclas aprelin on səkkizində keçirilib.", date(2030, 4, 18)),
        ("az", "İclas aprelin onunda keçirilib.", date(2030, 4, 10)),
    ],
)
def test_days_said_as_number_words_with_case_endings(lang, text, day):
    [when] = dates_in(text, load(lang), 2030)
    assert when.first == when.last == day


def test_a_year_belongs_to_the_month_beside_it():
    """ "certificates from 2020 to 2030 by the tenth of August": no year of that day."""
    [w] = dates_in("certificates from 2020 to 2030 by the tenth of August", load("en"), 2033)
    assert (w.first, w.any_year) == (date(2033, 8, 10), True)
    [w] = dates_in("In 2032 the talks began on 3 March", load("en"), 2030)
    assert w.first == date(2032, 3, 3)
    [w] = dates_in("2032-ci il martın 3-də", load("az"), 2030)
    assert w.first == date(2032, 3, 3)


def test_a_market_is_no_sunday():
    """Azerbaijani "bazar" is Sunday only as "bazar günü"; "bazar meydanı" is a market."""
    assert dates_in("Bazar meydanında görüşü Çaylıqaya təklif edib.", load("az"), 2035) == []
    [w] = dates_in("Görüş bazar günü keçirilib.", load("az"), 2035)
    assert w.weekday == 6


def test_a_count_before_a_month_is_no_day():
    [when] = dates_in("The two May meetings.", load("en"), 2030)
    assert (when.first, when.last) == (date(2030, 5, 1), date(2030, 5, 31))


@pytest.mark.parametrize(
    ("lang", "text", "minutes"),
    [
        ("en", "four and a half hours after it was sent", 270),
        ("en", "an hour and a half later", 90),
        ("en", "half an hour later", 30),
        ("ru", "через четыре с половиной часа", 270),
        ("ru", "через полчаса", 30),
        ("hy", "չորս ու կես ժամ անց", 270),
        ("hy", "կես ժամ անց", 30),
        ("az", "dörd saat yarım sonra", 270),
        ("az", "yarım saat sonra", 30),
        ("en", "hours later", None),  # how long, nobody can say
        ("en", "the message of 5 March, hours later", None),  # the 5 is a day, not hours
        # an hour and the minutes after it
        ("en", "one hour and forty-five minutes", 105),
        ("ru", "1 час 45 минут", 105),
        ("ru", "час и сорок пять минут", 105),
        ("hy", "1 ժամ 45 րոպե", 105),
    ],
)
def test_lengths_of_time(lang, text, minutes):
    assert length_in(text, load(lang)) == minutes


@pytest.mark.parametrize(
    ("lang", "text", "minutes"),
    [
        ("en", "took three days to acknowledge", 3 * 1440),
        ("en", "acknowledged within a day", 1440),
        ("en", "two and a half days later", 2.5 * 1440),
        ("ru", "подтвердил получение только через 2 дня", 2 * 1440),
        ("ru", "в течение суток", 1440),
        ("hy", "երեք օր անց", 3 * 1440),
        ("az", "üç gün sonra təsdiqləyib", 3 * 1440),
        ("az", "bir gün ərzində", 1440),
        # a day that is no length: the next day, the agenda, a law, a day of the month
        ("en", "the next day", None),
        ("az", "gündəliyə daxil edildi", None),
        ("hy", "օրենքը ընդունվեց", None),
        ("en", "on 3 May", None),
    ],
)
def test_lengths_of_whole_days(lang, text, minutes):
    assert days_in(text, load(lang)) == minutes


def test_within_minutes_is_a_few():
    assert length_in("within minutes", load("en"), few=True) == 15


@pytest.mark.parametrize(
    ("lang", "text", "bound"),
    [
        ("en", "It ended shortly before one in the afternoon.", "before"),
        ("en", "It began after ten.", "after"),
        ("en", "It began ten minutes after ten.", None),  # a clock phrase, no bound
        ("en", "It began after the delegations arrived.", None),  # no time near
        ("ru", "Заседание началось после трёх часов дня.", "after"),
        ("hy", "Նիստը սկսվեց ժամը չորսից հետո։", "after"),
        ("az", "İclas saat dörddən sonra başlayıb.", "after"),
        ("az", "İclas saat on birdən bir qədər sonra başlayıb.", "after"),  # "a little"
    ],
)
def test_a_time_as_a_bound(lang, text, bound):
    assert time_bound(text, load(lang)) == bound


def test_every_language_file_has_every_list():
    keys = set(load("en").data)
    for code in LANGS:
        assert set(load(code).data) >= keys - {"ordinals", "numbers"}, code
        assert len(load(code).months) >= 12 and len(load(code).weekdays) >= 7


@given(st.text(max_size=300))
def test_splitting_never_fails_and_never_yields_empty_claims(text):
    for c in split_claims(text):
        assert len(tokens(c.text)) >= 2


@given(st.text(max_size=200))
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


def test_a_day_said_without_a_year_is_that_day_of_any_year():
    """A record that spans a new year: "on 13 January" is 13 January 2027 as well."""
    [w] = dates_in("The next meeting will be held on 13 January.", load("en"), 2026)
    assert w.holds(date(2027, 1, 13)) and w.holds(date(2026, 1, 13))
    assert not w.holds(date(2027, 1, 14))
    [y] = dates_in("on 13 January 2026", load("en"), 2026)
    assert y.holds(date(2026, 1, 13)) and not y.holds(date(2027, 1, 13))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "They met in Marzun."),
        ("ru", "Они встретились в Марзуне."),
        ("hy", "Հանդիպումը Մարզունում էր։"),
        ("az", "Marzun görüşü yerli vaxtla saat 10:20-də başlayıb."),
        ("ru", "Встреча в Майкопе."),
        ("az", "Görüş Martuni şəhərində keçib."),
    ],
)
def test_a_place_that_begins_like_a_month_is_no_date(lang, text):
    """ "Marzun" read as March made every true claim about the Marzun meeting contradicted
    (the held-out story): only a month's CLDR name or its inflections are months."""
    assert dates_in(text, load(lang), 2026) == []


@pytest.mark.parametrize(
    ("lang", "text", "month"),
    [("ru", "в марте", 3), ("ru", "15 мая", 5), ("hy", "մարտին", 3), ("az", "martın 1-də", 3),
     ("az", "yanvar görüşü", 1), ("hy", "հոկտեմբերի 13-ին", 10)],
)  # fmt: skip
def test_inflected_months(lang, text, month):
    assert [w.first.month for w in dates_in(text, load(lang), 2026) if w.first] == [month]


@pytest.mark.parametrize(
    ("lang", "text", "days"),
    [
        ("en", "on the third Tuesday of January 2027", {date(2027, 1, 19)}),
        ("az", "2027-ci ilin yanvarında, ayın üçüncü çərşənbə axşamı", {date(2027, 1, 19)}),
        # no year said: this year's and next year's
        ("ru", "на вторую среду января", {date(2026, 1, 14), date(2027, 1, 13)}),
        ("hy", "հունվարի երրորդ երեքշաբթի օրը", {date(2026, 1, 20), date(2027, 1, 19)}),
    ],
)
def test_the_nth_weekday_of_a_month(lang, text, days):
    got = dates_in(text, load(lang), 2026)
    assert {w.first for w in got} == days and all(w.first == w.last for w in got)


def test_a_weekday_with_a_month_narrows_it():
    [w] = dates_in("on a Wednesday in March", load("en"), 2026)
    assert w.holds(date(2026, 3, 4)) and not w.holds(date(2026, 3, 3))


@pytest.mark.parametrize(
    ("lang", "text", "minutes"),
    [
        ("en", "answered in twenty-five minutes", 25.0),
        ("en", "answered in twenty five minutes, well within the hour", 25.0),
        ("ru", "ответили за двадцать пять минут", 25.0),
        ("hy", "պատասխանեցին քսանհինգ րոպեում", 25.0),
        ("az", "iyirmi beş dəqiqəyə cavab verdilər", 25.0),
        ("en", "within five minutes", 5.0),
    ],
)
def test_tens_and_units_in_words(lang, text, minutes):
    assert length_in(text, load(lang)) == minutes


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("закончилось в половине первого", (12, 30)),
        ("началось в половине третьего дня", (14, 30)),
        ("в половине одиннадцатого утра", (10, 30)),
    ],
)
def test_half_before_an_hour(text, time):
    assert times_in(text, load("ru")) == [time]
    assert "первого" not in without_days("Заседание закончилось в половине первого", load("ru"))


@pytest.mark.parametrize(
    ("lang", "text", "times"),
    [
        # a part of the hour before an hour by its order (Russian)
        ("ru", "с половины одиннадцатого до пяти минут третьего", [(10, 30), (2, 5)]),
        ("ru", "началась в четверть одиннадцатого", [(10, 15)]),
        # the hour first, then the minutes and a word of past or to
        ("az", "saat on yarımdan ikini beş dəqiqə keçənə qədər", [(10, 30), (2, 5)]),
        ("az", "İlk görüş saat on biri on beş dəqiqə keçmiş başlayıb", [(11, 15)]),
        ("az", "səhər saat yeddiyə iyirmi dəqiqə qalmış göndərib", [(6, 40)]),
        ("hy", "տևեց տասը անց կեսից մինչև երկուսն անց հինգ", [(10, 30), (2, 5)]),
        ("hy", "սկսվեց ժամը տասնմեկն անց տասնհինգ րոպեին", [(11, 15)]),
        # a length, not a time: no hour of the clock in it
        ("az", "on iki dəqiqə keçmiş", []),
        ("az", "iki gün keçmiş", []),
        ("az", "Görüş iki saat yarım davam edib", []),
        ("hy", "հինգ րոպե անց", []),
        ("hy", "երկու օր անց", []),
    ],
)
def test_clock_times_said_in_words(lang, text, times):
    assert times_in(text, load(lang)) == times


def test_the_hour_of_a_clock_phrase_is_no_order_of_a_meeting():
    assert "третьего" not in without_days("встреча закончилась в пять минут третьего", load("ru"))
    assert "четверть" not in without_days("началась в четверть одиннадцатого", load("ru"))


@pytest.mark.parametrize(
    ("text", "times"),
    [
        # the afternoon is the time in words' ("three in the afternoon"), not 11:20's
        ("opened at 11:20 and ended at three in the afternoon", [(11, 20), (15, None)]),
        ("began at 2:30 in the afternoon", [(14, 30)]),
        ("began at 11:20", [(11, 20)]),
    ],
)
def test_a_part_of_day_belongs_to_the_time_it_follows(text, times):
    assert times_in(text, load("en")) == times


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        ("en", "from 14 to 30 June", (14, 30)),
        ("en", "14–30 June", (14, 30)),
        ("en", "June 14 to 30", (14, 30)),
        ("ru", "с 14 по 30 июня", (14, 30)),
        ("hy", "հունիսի 14-ից մինչև 30-ը", (14, 30)),
        ("az", "iyunun 14-dən 30-dək", (14, 30)),
        # one day, and a number that is not one
        ("en", "on 14 June to 30 delegates", (14, 14)),
        ("az", "iyunun 14-də", (14, 14)),
    ],
)
def test_a_span_of_days_in_one_month(lang, text, span):
    [when] = dates_in(text, load(lang), 2027)
    assert (when.first, when.last) == (date(2027, 6, span[0]), date(2027, 6, span[1]))
