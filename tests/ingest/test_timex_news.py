"""TIMEX3 values in wire-style news: tense, anaphora, spans and TimeML conventions."""

import pytest

from ingest import extract


def timexes(text, published):
    return [
        (t["text"], t["type"], t["value"])
        for t in extract(text, published=published).to_dict()["timexes"]
    ]


def value_of(text, phrase, published):
    found = [t for t in timexes(text, published) if t[0] == phrase]
    assert found, f"{phrase!r} not tagged in {timexes(text, published)}"
    return found[0][2]


@pytest.mark.parametrize(
    ("text", "phrase", "published", "value"),
    [
        # A participle after an auxiliary is not a past tense: "will be held" is ahead.
        ("A summit would still be held on April 24.", "April 24", "2024-02-10", "2024-04-24"),
        ("The deal should be completed in October.", "October", "2024-06-05", "2024-10"),
        ("The pact was signed in October.", "October", "2024-06-05", "2023-10"),
        # "effective <date>" names when a change takes hold: ahead of the report.
        ("The rules apply, effective Feb. 1.", "Feb. 1", "2024-10-26", "2025-02-01"),
        # A trailing attribution does not give the clause its tense.
        (
            "Talks will resume as soon as Tuesday, officials said.",
            "Tuesday",
            "2024-11-14",
            "2024-11-19",
        ),
        ("Officials said talks resumed on Tuesday.", "Tuesday", "2024-11-14", "2024-11-12"),
        # "until Friday" with no word of the past is a bound ahead; with one, it is past.
        ("Markets remain closed until Friday.", "Friday", "2024-11-14", "2024-11-15"),
        ("Fighting continued until March.", "March", "2024-11-14", "2024-03"),
        # Expectations and forecasts look ahead, even with no auxiliary.
        (
            "Aid agencies expect the lean season from June to September to be the worst.",
            "June",
            "2025-03-21",
            "2025-06",
        ),
        ("Economists forecast growth in September.", "September", "2025-03-21", "2025-09"),
        # A capitalised name ending in -ed ("United", "Ahmed") is not a past tense.
        (
            "The group would be ready to leave for the United States as soon as Tuesday.",
            "Tuesday",
            "2000-04-03",
            "2000-04-04",
        ),
        # "Mr." does not end the sentence that holds the tense.
        ("Mr. Schwarz, 52, will succeed him Feb. 1.", "Feb. 1", "2024-10-26", "2025-02-01"),
        # "next to" is a place, not the future.
        (
            "A bomb exploded next to the embassy Friday morning.",
            "Friday morning",
            "2024-08-08",
            "2024-08-02TMO",
        ),
        # An aside keeps its own tense, whatever the sentence around it plans.
        (
            "President Daniel Chapo, who took office in January, is due to visit Pemba soon.",
            "January",
            "2025-11-15",
            "2025-01",
        ),
        # "had been expected" is a plan in the past.
        (
            "The strike, which had been expected on Monday, came.",
            "Monday",
            "2024-11-14",
            "2024-11-11",
        ),
    ],
)
def test_tense_resolves_dates_without_a_year(text, phrase, published, value):
    assert value_of(text, phrase, published) == value


def test_expressions_do_not_run_across_a_blank_line():
    text = "Russian markets to remain closed until Friday\n\nSeptember 18, 2024\n\nThe market..."
    found = timexes(text, "2024-09-18")
    assert ("Friday", "DATE", "2024-09-20") in found
    assert ("September 18, 2024", "DATE", "2024-09-18") in found


def test_a_single_line_break_inside_an_expression_is_kept():
    found = timexes("It happened on 14\nNovember 2024 at dawn.", "2024-11-20")
    assert ("14\nNovember 2024", "DATE", "2024-11-14") in found


@pytest.mark.parametrize(
    "text",
    [
        "A 39-year-old soldier was wounded.",
        "Slepian, 52 years old, was killed.",
        "The 75-year-old alliance met.",
        "A six-year-old boy was rescued.",
        "A 3-month-old baby survived.",
    ],
)
def test_ages_are_not_durations(text):
    assert timexes(text, "2024-11-14") == []


def test_a_duration_that_is_not_an_age_stays():
    assert timexes("The war lasted 52 years.", "2024-11-14") == [("52 years", "DURATION", "P52Y")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For the year ended March 31, it earned more.", ("the year", "DURATION", "P1Y")),
        ("In 2019 the army grew. For the year, it spent more.", ("the year", "DATE", "2019")),
        ("Losses for the full year were large.", ("the full year", "DATE", "2024")),
        ("Shares fell on Monday to end the day lower.", ("the day", "DATE", "2024-11-11")),
        ("Exports rose 5%, after falling 3% the year before.", ("the year before", "DATE", "2023")),
        ("The deal should close by year-end.", ("year-end", "DATE", "2024")),
        ("Debt has risen 4% since year-end.", ("year-end", "DATE", "2023")),
        ("The cars of the 70s and 80s were boxy.", ("80s", "DATE", "198")),
        ("The cars of the 70s and 80s were boxy.", ("the 70s", "DATE", "197")),
        ("It was built in the mid-'90s.", ("the mid-'90s", "DATE", "199")),
        ("The company expects growth to continue into 2025.", ("2025", "DATE", "2025")),
    ],
)
def test_periods_named_by_their_unit_and_decades(text, expected):
    assert expected in timexes(text, "2024-11-14")


@pytest.mark.parametrize(
    "text",
    [
        "He was named person of the year.",
        "The day belonged to the protesters.",
        "The index closed at 2082.1, down 4.5%.",
        "Approval ran in the 90s percent range.",
        "She is in her 70s.",
    ],
)
def test_not_periods(text):
    assert timexes(text, "2024-11-14") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A drone hit the airport in the early hours of Sunday.",
            ("the early hours of Sunday", "DATE", "2025-01-12"),
        ),
        (
            "They struck in the early hours of Sunday morning.",
            ("the early hours of Sunday morning", "TIME", "2025-01-12TMO"),
        ),
        (
            "The army retook the city in mid-January last year.",
            ("mid-January last year", "DATE", "2024-01"),
        ),
    ],
)
def test_early_hours_and_months_of_last_year(text, expected):
    assert expected in timexes(text, "2025-01-12")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Elian was found Thanksgiving Day at sea.",
            "2000-01-07",
            ("Thanksgiving Day", "DATE", "1999-11-25"),
        ),
        ("Troops advanced over Easter.", "2024-04-10", ("Easter", "DATE", "2024-03-31")),
        (
            "Talks resume after Orthodox Easter.",
            "2025-04-01",
            ("Orthodox Easter", "DATE", "2025-04-20"),
        ),
        (
            "Russia will hold a parade on Victory Day.",
            "2025-03-01",
            ("Victory Day", "DATE", "2025-05-09"),
        ),
        (
            "He was killed on Christmas Eve 2022.",
            "2024-11-14",
            ("Christmas Eve 2022", "DATE", "2022-12-24"),
        ),
        (
            "The attack came on Christmas Day.",
            "2024-11-14",
            ("Christmas Day", "DATE", "2023-12-25"),
        ),
        (
            "Police gathered in the days before the vote.",
            "2024-11-14",
            ("the days", "DURATION", "PXD"),
        ),
        (
            "Prices may fall in the weeks ahead.",
            "2024-11-14",
            ("the weeks ahead", "DURATION", "PXW"),
        ),
        ("Protesters gather daily in the square.", "2024-11-14", ("daily", "SET", "P1D")),
    ],
)
def test_holidays_and_vague_stretches(text, published, expected):
    assert expected in timexes(text, published)


@pytest.mark.parametrize(
    "text",
    [
        "The Israeli daily Haaretz reported the talks.",
        "He told CBS's 60 Minutes about it.",
        "For Poland, high noon had come.",
        "She led the March of the Mothers.",
    ],
)
def test_names_that_look_like_times(text):
    assert timexes(text, "2024-11-14") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike happened at dawn on Friday.", [("dawn on Friday", "TIME", "2024-11-08TMO")]),
        ("They attacked before dusk.", [("dusk", "TIME", "2024-11-14TEV")]),
        ("Dawn broke over the city.", []),
        ("It was a dawn raid.", []),
        ("Families fled within hours of the order.", [("hours", "DURATION", "PTXH")]),
        ("He lived in years of war.", []),
        (
            "Fighting raged the weekend of Oct. 12-13.",
            [("Oct. 12", "DATE", "2024-10-12"), ("13", "DATE", "2024-10-13")],
        ),
    ],
)
def test_parts_of_day_and_stretches(text, expected):
    assert timexes(text, "2024-11-14") == expected


def test_a_forecast_quarter_does_not_become_the_reported_quarter():
    text = (
        "Analysts expect losses through the third quarter of 2025. Third-quarter sales fell 11% "
        "from a year ago."
    )
    found = timexes(text, "2024-10-26")
    assert ("the third quarter of 2025", "DATE", "2025-Q3") in found
    assert ("Third-quarter", "DATE", "2024-Q3") in found
    assert ("a year ago", "DATE", "2023-Q3") in found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Last winter, blackouts lasted hours.", "2024-11-14", ("Last winter", "DATE", "2023-WI")),
        ("Last winter was hard.", "2024-03-14", ("Last winter", "DATE", "2023-WI")),
        ("This winter is hard.", "2025-01-14", ("This winter", "DATE", "2024-WI")),
        ("This spring will be hard.", "2025-01-14", ("This spring", "DATE", "2025-SP")),
        ("Crops failed last spring.", "2024-04-10", ("last spring", "DATE", "2023-SP")),
        (
            "In the winter of 2022-23, Russia targeted the grid.",
            "2024-11-14",
            ("the winter of 2022-23", "DATE", "2022-WI"),
        ),
        ("On the 14th, prices rose.", "2024-11-14", ("the 14th", "DATE", "2024-11-14")),
        (
            "Strikes began on Thursday and continued into the early hours of Friday.",
            "2024-11-14",
            ("the early hours of Friday", "DATE", "2024-11-15"),
        ),
        (
            "Later that day, the mayor spoke.",
            "2024-11-14",
            ("Later that day", "DATE", "2024-11-14"),
        ),
        ("Moments later, a missile struck.", "2024-11-14", ("Moments later", "DATE", "2024-11-14")),
        ("Months ago, the plan failed.", "2024-11-14", ("Months ago", "DATE", "PAST_REF")),
    ],
)
def test_seasons_anaphora_and_vague_offsets(text, published, expected):
    assert expected in timexes(text, published)


@pytest.mark.parametrize(
    "text",
    [
        "The Sunday Times reported the plan.",
        "He spoke to Fox News Sunday.",
        "The Good Friday Agreement holds.",
        "Israel won the Six-Day War.",
        "the Hundred Years War",
        "the Winter War with Finland",
        "The 2000-km border is closed.",
        "A 1500-member unit deployed.",
    ],
)
def test_names_and_measures_with_time_words_are_not_times(text):
    assert timexes(text, "2024-11-14") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Black Friday sales rose.", ("Black Friday", "DATE", "2023-11-24")),
        ("Ash Wednesday services were held.", ("Ash Wednesday", "DATE", "2024-02-14")),
        ("Bloody Sunday is remembered.", ("Bloody Sunday", "DATE", "XXXX-XX-XX")),
        ("the 1967 war", ("1967", "DATE", "1967")),
    ],
)
def test_named_days_are_dates(text, expected):
    assert expected in timexes(text, "2024-11-14")


def test_a_count_with_thousands_is_a_duration_not_a_year():
    assert timexes("The war has raged for 1,000 days.", "2024-11-19") == [
        ("1,000 days", "DURATION", "P1000D")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling continued throughout the night.", [("the night", "TIME", "2024-12-10TNI")]),
        ("It was a month-long campaign.", [("month-long", "DURATION", "P1M")]),
        ("It is a decades-long feud.", [("decades-long", "DURATION", "PXY")]),
        ("Checks happen on a daily basis.", [("daily", "SET", "P1D")]),
    ],
)
def test_nights_long_adjectives_and_daily_basis(text, expected):
    assert timexes(text, "2024-12-10") == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A night across two days is named by its two days, each a date ("Nov. 20-21").
        (
            "Ransomware hit the hospital on the night of 3/4 January.",
            "2026-01-20",
            ("4 January", "DATE", "2026-01-04"),
        ),
        (
            "Ransomware hit the hospital on the night of 3/4 January.",
            "2026-01-20",
            ("3", "DATE", "2026-01-03"),
        ),
        (
            "Two ships reported explosions overnight into Sunday off Mokha.",
            "2025-10-01",
            ("overnight into Sunday", "TIME", "2025-09-27TNI"),
        ),
        # A weekday of a named week, and a clock time before a full date.
        (
            "A coast guard ship fired water cannon on Wednesday last week.",
            "2024-12-10",
            ("Wednesday last week", "DATE", "2024-12-04"),
        ),
        (
            "At 1120 UTC on 29 SEP 2025, the ARAL TRADER was hit by a projectile.",
            "2025-10-01",
            ("1120 UTC", "TIME", "2025-09-29T11:20Z"),
        ),
        # "over the past decade" is a length of time; "the five years to 2024" ends in 2024.
        (
            "Deliveries fell by 80 per cent over the past decade, SIPRI says.",
            "2025-11-10",
            ("the past decade", "DURATION", "P10Y"),
        ),
        (
            "Israel supplied most arms in the five years to 2024, SIPRI says.",
            "2025-11-10",
            ("2024", "DATE", "2024"),
        ),
        # A holiday hoped for is ahead, even when the hoping is past.
        (
            "The commission said it hoped to receive more captives before Christmas.",
            "2025-10-20",
            ("Christmas", "DATE", "2025-12-25"),
        ),
        # A closed ", who ...," aside does not lend the clause its tense.
        (
            "The group will bury Hassan Nasrallah, who was killed in September, in Beirut on "
            "Sunday.",
            "2025-02-20",
            ("Sunday", "DATE", "2025-02-23"),
        ),
    ],
)
def test_nights_named_weeks_and_asides(text, published, expected):
    assert expected in timexes(text, published)


def test_the_nth_of_a_list_item_is_in_the_month_of_publication():
    text = (
        "• On 9 December, the SNA captured Manbij.\n"
        "• On the 15th, a drone strike hit a convoy near the dam.\n"
    )
    assert ("the 15th", "DATE", "2025-01-15") in timexes(text, "2025-01-24")
    # Within one paragraph the day last named gives the month.
    text = "On 9 December, the SNA captured Manbij. On the 15th, a drone hit a convoy."
    assert ("the 15th", "DATE", "2024-12-15") in timexes(text, "2025-01-24")


def test_the_same_day_is_the_day_of_the_story_not_of_a_named_ceasefire():
    text = (
        "The IDF completed its withdrawal on Tuesday, the deadline under the 27 November "
        "ceasefire. Lebanese units moved into Houla the same day. Twelve days later a cable "
        "was damaged, and Sweden seized a ship the same day."
    )
    found = timexes(text, "2025-02-20")
    assert ("the same day", "DATE", "2025-02-18") in found
    assert ("the same day", "DATE", "2025-03-02") in found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A day without a year after a full date in the sentence is in that date's year.
        (
            "After a drone killed three soldiers on 28 January 2024, Washington struck 85 "
            "targets on 2 February.",
            "2025-10-20",
            ("2 February", "DATE", "2024-02-02"),
        ),
        # A part of a named day, and "a year later" at the granularity last named.
        (
            "The RSF entered the camp on the morning of 11 April 2025.",
            "2025-07-09",
            ("the morning of 11 April 2025", "TIME", "2025-04-11TMO"),
        ),
        (
            "Fighters overran the base in August 2022. A year later, they struck again.",
            "2025-10-05",
            ("A year later", "DATE", "2023-08"),
        ),
        (
            "Prices rose in 2020. A year later they fell.",
            "2025-10-05",
            ("A year later", "DATE", "2021"),
        ),
        # "last week after ..." is last week; a promise after the date lends it no tense.
        (
            "MSF said it had suspended its work last week after a vehicle came under fire.",
            "2025-09-24",
            ("last week", "DATE", "2025-W38"),
        ),
        (
            "Governor Dauda Lawal visited Kadanya on Monday and promised to free them.",
            "2025-06-18",
            ("Monday", "DATE", "2025-06-16"),
        ),
        (
            "It urges the council to act when the regime comes up for renewal in September.",
            "2025-07-09",
            ("September", "DATE", "2025-09"),
        ),
        (
            "Kosovo court jails three Serbs over 2023 Banjska attack",
            "2026-02-11",
            ("2023", "DATE", "2023"),
        ),
    ],
)
def test_story_years_parts_of_days_and_promises(text, published, expected):
    assert expected in timexes(text, published)


def test_a_live_blog_stamp_is_on_the_day_of_the_page():
    text = "On 2 May the talks failed.\n\n14:20 GMT - UN chief urges restraint\n"
    assert ("14:20 GMT", "TIME", "2025-05-07T14:20Z") in timexes(text, "2025-05-07")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Istanbul, 08.11.2025 - Talks collapsed.",
            "2025-11-08",
            ("08.11.2025", "DATE", "2025-11-08"),
        ),
        # A capitalised cue inside a name is no tense: "the Higher Planning Council gave".
        (
            "In August, Israel's Higher Planning Council gave final approval to the plan.",
            "2025-11-13",
            ("August", "DATE", "2025-08"),
        ),
        # What was said after the date has its own tense.
        (
            "Izo said in a video posted late on Tuesday that his fighters would not give up.",
            "2026-04-22",
            ("Tuesday", "DATE", "2026-04-21"),
        ),
        (
            "Drones crossed on the night of Sept. 9-10.",
            "2025-09-13",
            ("Sept. 9", "DATE", "2025-09-09"),
        ),
    ],
)
def test_dotted_dates_names_and_reported_words(text, published, expected):
    assert expected in timexes(text, published)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a live blog's stamp with its weekday is one time
        ("Sat 24 May 2025 16.05 BST\nKyiv was hit.", "Sat 24 May 2025 16.05 BST", "2025-05-24T16:05"),
        # a zone with an offset is not GMT; the date after the stamp is its day
        ("6:42 PM GMT+3, October 13, 2025. Hostages were freed.",
         "6:42 PM GMT+3, October 13, 2025", "2025-10-13T18:42"),
        # a 24-hour clock with a dot after "at"
        ("Air raid alerts sounded at about 22.30 on Friday.", "about 22.30 on Friday",
         "2025-05-23T22:30"),
        ("At approximately 05:30, units attacked.", "approximately 05:30", "2025-05-24T05:30"),
        # clock times in words
        ("Polls opened at seven o'clock in the morning.", "seven o'clock in the morning",
         "2025-05-24T07:00"),
        ("Polls closed at six in the evening.", "six in the evening", "2025-05-24T18:00"),
        # unknown stretches and near-daily sets
        ("It came weeks before the invasion.", "weeks", "PXW"),
        ("They agreed after months of talks.", "months", "PXM"),
        ("Pictures appeared within minutes.", "minutes", "PTXM"),
        ("Strikes have been near-daily.", "near-daily", "P1D"),
        # "at 9am on Tuesday" is a time and a date; "10 p.m. Thursday" one time
        ("The train left at 9am on Tuesday.", "9am", "2025-05-20T09:00"),
        ("The train left at 9am on Tuesday.", "Tuesday", "2025-05-20"),
        ("Shelling began at 10 p.m. Thursday.", "10 p.m. Thursday", "2025-05-22T22:00"),
        # a city's time is a zone
        ("At 8 p.m. New York time on Saturday, sanctions returned.", "8 p.m. New York time",
         "2025-05-24T20:00"),
        # "the past year" is the year up to now, as news is annotated
        ("Prices rose 10% over the past year.", "the past year", "P1Y"),
        ("Militias struck in the past month.", "the past month", "P1M"),
    ],
)  # fmt: skip
def test_stamps_clocks_and_vague_stretches(text, phrase, value):
    assert value_of(text, phrase, "2025-05-24") == value


def test_a_dot_number_that_is_not_a_clock_is_not_tagged():
    assert timexes("Shares closed at 12.50 per share, up at 3.45% a year.", "2025-05-24") == [
        ("a year", "SET", "P1Y")
    ]


def test_a_weekday_after_a_trains_name_is_a_day_but_the_mail_on_sunday_is_a_paper():
    assert (
        value_of(
            "Pakistan Railways suspended the Bolan Mail on Wednesday.", "Wednesday", "2025-03-13"
        )
        == "2025-03-12"
    )
    assert timexes("The Mail on Sunday reported it.", "2025-03-13") == []


def test_that_day_passes_over_a_day_named_in_an_aside():
    assert (
        value_of(
            "Anutin on Monday suspended the declaration, signed in Kuala Lumpur on Oct. 26, after "
            "a landmine wounded two soldiers earlier that day.",
            "earlier that day",
            "2025-11-12",
        )
        == "2025-11-10"
    )


def test_a_meetings_hours_are_on_the_day_of_the_report():
    assert (
        value_of(
            "The mandate began on 1 January 2025. The meeting began at 10:04 a.m.",
            "10:04 a.m.",
            "2026-02-19",
        )
        == "2026-02-19T10:04"
    )


def test_a_live_blogs_bare_clock_stamp_is_on_the_pages_day():
    found = timexes(
        "Live: drills\n18:40\nVessels entered waters.\n16:15 - Taiwan protested.", "2026-05-21"
    )
    assert ("18:40", "TIME", "2026-05-21T18:40") in found
    assert ("16:15", "TIME", "2026-05-21T16:15") in found
