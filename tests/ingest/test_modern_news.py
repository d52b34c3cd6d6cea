"""Patterns of 2020s conflict reporting: wire copy, situation reports, assessments."""

from ingest import extract


def events(text, published):
    return extract(text, published=published).to_dict()["events"]


def test_second_half_of_a_split_sentence_keeps_the_subjects_actors():
    found = events(
        "Russian forces shelled Kherson City on December 2 and struck Zaporizhzhia City "
        "with guided glide bombs on December 3, killing two civilians.",
        "2024-12-03",
    )
    assert [e["date"] for e in found] == ["2024-12-02", "2024-12-03"]
    assert found[1]["title"].startswith("Russian forces strike Zaporizhzhia City")
    assert "Russia" in found[1]["actors"]


def test_following_day_clause_keeps_the_named_state():
    found = events(
        "Russia declared a federal state of emergency in the region on Aug. 9 and launched "
        'a "counter-terrorism operation" in Kursk, Belgorod and Bryansk the following day.',
        "2024-08-13",
    )
    assert [e["date"] for e in found] == ["2024-08-09", "2024-08-10"]
    assert "Russia" in found[1]["actors"]


def test_a_pronoun_subject_brings_its_persons_actor():
    [event] = events(
        "Prime Minister Ariel Henry has been stranded in Puerto Rico for days. He had travelled to Nairobi in "
        "late February to sign a deal on the deployment of Kenyan police officers.",
        "2024-03-12",
    )
    assert event["title"].startswith("Henry travels to Nairobi")
    assert "Ariel Henry" in event["actors"]


def test_reportedly_is_not_a_reporting_verb():
    [event] = events(
        "North Korean troops reportedly participated in assaults in Kursk Oblast in late November.",
        "2024-12-03",
    )
    assert event["title"].startswith("North Korean troops participate in assaults")


def timexes(text, published):
    return [(t.text, t.value) for t in extract(text, published=published).timexes]


def test_a_plan_told_in_the_past_runs_to_the_coming_weekend():
    # Thursday 28 November 2024: the weekend ahead is 30 Nov - 1 Dec (week 48).
    assert timexes(
        "Power cuts were expected to last until the weekend, grid operator Ukrenergo said.",
        "2024-11-28",
    ) == [("the weekend", "2024-W48-WE")]
    assert timexes(
        "Talks were expected to continue until Friday, officials said.", "2024-11-28"
    ) == [("Friday", "2024-11-29")]
    # Without a plan, the past tense still looks back.
    assert timexes("The shops stayed closed over the weekend.", "2024-11-28") == [
        ("the weekend", "2024-W47-WE")
    ]


def test_the_early_hours_of_a_date_are_that_dates():
    text = (
        "The incursion began in the early hours of Aug. 6, when several thousand Ukrainian "
        "troops crossed the border near the town of Sudzha."
    )
    assert timexes(text, "2024-08-13") == [("Aug. 6", "2024-08-06")]
    [event] = events(text, "2024-08-13")
    assert (event["date"], event["title"]) == ("2024-08-06", "Incursion begins")


def test_a_clock_time_takes_the_day_named_after_its_aside():
    found = timexes(
        "The truce took effect at 11:15 a.m. local time (0915 GMT) on Sunday, nearly three "
        "hours later than planned.",
        "2025-01-20",
    )
    assert found == [
        ("11:15 a.m. local time", "2025-01-19T11:15"),
        ("0915 GMT", "2025-01-19T09:15Z"),
        ("Sunday", "2025-01-19"),
        ("nearly three hours", "PT3H"),  # "later than planned" compares, it does not date
    ]


def test_at_least_stays_in_a_casualty_headline():
    [event] = events(
        "Between 11 and 17 July, at least 41 civilians were killed and 232 injured across "
        "Ukraine, according to the UN Human Rights Monitoring Mission in Ukraine (HRMMU).",
        "2025-07-18",
    )
    assert event["date"] == "2025-07-11/2025-07-17"
    assert event["title"].startswith("At least 41 civilians killed")


def test_a_headline_cannot_open_with_a_preposition():
    # "with 232 killed" describes the month; there is no happening with a subject.
    assert (
        events(
            "June was the deadliest month for civilians in three years, with 232 killed.",
            "2025-07-18",
        )
        == []
    )


def test_they_does_not_stand_for_a_demonym_before_a_noun():
    text = (
        "Fighters led by Hayat Tahrir al-Sham (HTS) entered the city on Sunday. Russia's "
        "foreign ministry said Bashar al-Assad had left the country. He was granted asylum in "
        "Moscow, Russian state media reported. The offensive began on 27 November, when rebels "
        "launched a surprise attack. They seized Aleppo three days later."
    )
    titles = [e["title"] for e in events(text, "2024-12-08")]
    assert "HTS seizes Aleppo" in titles
    assert not any(t.startswith("Russian") for t in titles)


def test_an_impression_is_not_a_happening_but_its_after_clause_is():
    found = events(
        "DOHA, June 24 (Reuters) - A ceasefire between Israel and Iran appeared to be holding "
        "on Tuesday after U.S. President Donald Trump announced the truce late on Monday, "
        "ending 12 days of air war.",
        "2025-06-24",
    )
    assert [(e["date"], e["title"]) for e in found] == [("2025-06-23", "Trump announces truce")]
    assert "Donald Trump" in found[0]["actors"]


def test_what_was_supposed_to_happen_did_not():
    assert (
        events(
            "Negotiations on the second phase were supposed to begin in early February but "
            "never started.",
            "2025-03-03",
        )
        == []
    )


def test_a_day_after_dates_its_own_clause_from_the_day_named_before():
    found = events(
        "Ukraine first fired the missiles into Russia on Nov. 19, a day after Washington "
        "lifted restrictions on their use.",
        "2024-11-21",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2024-11-19", "Ukraine fires missiles into Russia"),
        ("2024-11-18", "Washington lifts restrictions on their use"),
    ]
    found = events(
        "On Wednesday, troops fought militants near the border, two days after the army "
        "launched raids. Talks resumed on 3 March, three days before the truce took effect.",
        "2024-10-03",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2024-10-02", "Troops fight militants near border"),
        ("2024-09-30", "Army launches raids"),
        ("2024-03-03", "Talks resume"),
        ("2024-03-06", "Truce takes effect"),
    ]
    # With no day named before it in the sentence, "a day after" dates nothing.
    assert [
        e["date"]
        for e in events("Talks resumed. Officials met, a day after the truce.", "2024-10-03")
    ] == []


def test_nothing_happening_is_not_an_event():
    assert events("No attacks were recorded by 14 March.", "2025-03-20") == []
    assert events("Nobody was hurt in the blast on Monday.", "2025-03-20") == []


def test_a_count_keeps_its_more_than():
    found = events(
        "More than 460 patients and their companions were killed at the Saudi Maternity "
        "Hospital on Tuesday, the World Health Organization said.",
        "2025-10-30",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2025-10-28", "More than 460 patients and their companions killed")
    ]


def test_an_assessment_is_reported_speech_not_the_happening():
    found = events(
        "The Institute for the Study of War assessed on Monday that Russian forces had "
        "deployed 11,000 soldiers to Kursk Oblast.",
        "2025-03-20",
    )
    assert [e["title"] for e in found] == ["Russian forces deploy 11,000 soldiers to Kursk Oblast"]


def test_a_death_in_a_strike_is_the_death_not_the_strike():
    found = events(
        "Hezbollah's leader Hassan Nasrallah was killed in an Israeli strike on Beirut on "
        "September 27.",
        "2024-10-03",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2024-09-27", "Hezbollah's Nasrallah killed in Israeli strike on Beirut")
    ]


def test_dated_nouns_with_a_place_or_after_a_day_count():
    found = events(
        "Iran said the attack was retaliation for the killing of Hezbollah leader Hassan "
        "Nasrallah in Beirut last Friday.",
        "2024-10-03",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2024-09-27", "Hezbollah leader Nasrallah killed")
    ]
    found = events(
        "Hezbollah began firing at Israel on October 8, 2023, a day after Hamas's attack on "
        "southern Israel.",
        "2024-10-03",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2023-10-07", "Attack on southern Israel"),
        ("2023-10-08", "Hezbollah begins firing at Israel"),
    ]
    assert "Hamas" in found[0]["actors"]


def test_a_week_after_clause_keeps_its_own_date():
    found = events(
        "Israel launched a ground invasion of Lebanon on October 1, a week after its air "
        "strikes killed hundreds of people on September 23.",
        "2024-10-03",
    )
    assert [e["date"] for e in found] == ["2024-10-01", "2024-09-23"]


def test_a_day_after_doing_is_the_subjects_earlier_happening():
    found = events("Rebels entered Homs on Saturday, two days after capturing Hama.", "2025-05-28")
    assert [(e["date"], e["title"]) for e in found] == [
        ("2025-05-24", "Rebels enter Homs"),
        ("2025-05-22", "Rebels capture Hama"),
    ]
    found = events("Troops withdrew on Monday, a day after taking the bridge.", "2025-05-28")
    assert found[-1]["date"] == "2025-05-25" and found[-1]["title"] == "Troops take bridge"


def test_footage_that_shows_a_happening_reports_it():
    found = events(
        "Geolocated footage published on December 3 indicates that Russian forces recently "
        "advanced east of Pishchane.",
        "2024-12-05",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2024-12-03", "Russian forces advance east of Pishchane")
    ]


def test_a_states_military_body_is_named_with_its_state():
    actors = extract(
        "The Ukrainian General Staff said on Monday that Russia's National Guard and the "
        "Israeli Air Force were not involved.",
        published="2025-01-10",
    ).to_dict()["actors"]
    names = {a["name"] for a in actors}
    # the gazetteer's own name where it knows the body ("Russian National Guard")
    assert {
        "General Staff of the Armed Forces of Ukraine",
        "Rosgvardia",
        "Israeli Air Force",
    } <= names


def test_unknown_names_placed_by_their_context_are_places():
    actors = extract(
        "Russian forces advanced east of Pishchane. Fighting spread to Latakia and Tartus "
        "governorates, and the army raided Jenin and Tulkarem.",
        published="2025-03-10",
    ).to_dict()["actors"]
    kinds = {a["name"]: a["kind"] for a in actors}
    assert kinds["Pishchane"] == kinds["Tartus"] == kinds["Tulkarem"] == "place"


def test_ships_grades_and_regional_adjectives_are_not_actors():
    actors = extract(
        "Houthi forces struck the Greek-flagged tanker Sounion on Wednesday. Urals crude fell "
        "as Ruto invited East African leaders to Nairobi.",
        published="2024-08-25",
    ).to_dict()["actors"]
    names = {a["name"] for a in actors}
    assert not names & {"Sounion", "Urals", "East African"}
    assert "Houthis" in names


def test_decades_and_years_are_one_duration_for_the_scorer():
    from modern_news import _canonical

    assert _canonical("P1DE") == _canonical("P10Y") == "P10Y"
    assert _canonical("P2CE") == "P200Y"
    assert _canonical("P3D") == "P3D"
    assert _canonical("2025-09-27T24:00Z") == _canonical("2025-09-28T00:00Z")
    assert _canonical("2025-12-31T24:00") == "2026-01-01T00:00"


def test_a_ministry_named_either_way_is_one_body_for_the_scorer():
    from modern_news import _ministry

    assert _ministry("Kazakh Foreign Ministry") == "Kazakh Ministry of Foreign Affairs"
    assert _ministry("Romanian Defense Ministry") == _ministry("Romanian Ministry of Defence")
    assert _ministry("Lebanese Health Ministry") == "Lebanese Ministry of Health"
    assert _ministry("Arakan Army") == "Arakan Army"


def test_a_state_body_named_either_way_is_one_body_for_the_scorer():
    from modern_news import entity

    assert entity("Armed Forces of Ecuador") == entity("Ecuadorian Armed Forces")
    assert entity("Ministry of Foreign Affairs of Denmark") == entity("Danish Foreign Ministry")
    assert entity("Democratic Republic of the Congo") == "Democratic Republic of the Congo"
    assert entity("United States Senate") == entity("US Senate")
    assert entity("Taiwan Coast Guard Administration") == "Taiwanese Coast Guard Administration"
    assert entity("Shenzhen Lanxiang Yuntai Motion Co., Ltd.") == "Shenzhen Lanxiang Yuntai Motion"
    assert entity("Golden Crescent Falcon General Trading LLC") == entity(
        "Golden Crescent Falcon General Trading"
    )
    assert entity("Cameroon Armed Forces") == entity("Cameroonian Armed Forces")
    assert entity("South Sudan People's Defence Forces") != entity(
        "Sudanese People's Defence Forces"
    )
