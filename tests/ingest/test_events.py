"""Events: one proposal per dated happening, dated with a valid ``when``."""

from ingest import extract
from models.dates import parse

PUBLISHED = "2024-11-14"


def events(text, published=PUBLISHED):
    return extract(text, published=published).to_dict()["events"]


def test_a_dated_happening_becomes_an_event_with_a_headline():
    [event] = events("On Tuesday the parliament ratified the border treaty with Moldova.")
    assert event["date"] == "2024-11-12"
    assert event["title"] == "Parliament ratifies border treaty with Moldova"
    assert event["actors"] == ["Moldova"]
    assert event["sentence"].startswith("On Tuesday")


def test_every_event_date_parses_and_quotes_its_sentence():
    text = (
        "Ukrainian forces struck a depot in Kursk on Tuesday. In mid-2022 the IAEA sent "
        "inspectors to Zaporizhzhia. From 6 to 9 August, troops advanced into the Kursk region. "
        "In the first quarter of 2024, Russia captured Avdiivka. Last week protesters stormed "
        "the embassy."
    )
    found = events(text)
    assert len(found) == 5
    for event in found:
        parse(event["date"])
        assert text[event["start"] : event["end"]] == event["sentence"]
    dates = [e["date"] for e in found]
    assert dates == [
        "2024-11-12",
        "2022-05~/2022-08~",
        "2024-08-06/2024-08-09",
        "2024-01/2024-03",
        "2024-11-04/2024-11-10",
    ]


def test_one_proposal_per_happening_told_twice():
    text = (
        "Russian drones struck Odesa on Sunday. Officials said Russian drones struck the port "
        "city of Odesa on Sunday, damaging grain silos."
    )
    assert len(events(text)) == 1


def test_reporting_plans_opinions_and_durations_are_not_events():
    text = (
        "The ministry said on Monday. Talks will resume on Friday. Russia is expected to vote "
        "next week. The siege lasted three years. Recently, prices rose. He did not attend on "
        "Wednesday."
    )
    assert events(text) == []


def test_future_dates_are_plans_not_events():
    assert events("Elections held on 20 December 2024 were postponed.") == []


def test_event_actors_are_canonical():
    found = events("On 2 March 2022 Kyiv accused Moscow of shelling; Ukrainian troops withdrew.")
    assert found[0]["actors"][:2] == ["Ukraine", "Russia"]
    # The clause after ";" shares the fronted date and names its own subject.
    assert (found[1]["date"], found[1]["title"], found[1]["actors"]) == (
        "2022-03-02",
        "Ukrainian troops withdraw",
        ["Ukraine"],
    )


def test_a_pronoun_subject_takes_the_speakers_name():
    [event] = events(
        "Sudan's army said on Saturday it had recaptured a bridge in Khartoum.", "2025-02-15"
    )
    assert event["title"] == "Sudan's army recaptures bridge in Khartoum"
    assert event["date"] == "2025-02-15"


def test_a_happening_before_its_attribution():
    [event] = events(
        "A missile strike killed four people in Odesa on Wednesday, governor Oleh Kiper said, "
        "as Moscow pressed its offensive."
    )
    assert event["title"] == "Missile strike kills four people in Odesa"
    assert event["date"] == "2024-11-13"


def test_the_date_of_a_later_attribution_does_not_date_the_happening():
    text = (
        "The RSF killed hundreds of civilians in El Fasher, aid groups said on Wednesday. "
        "Russia fired 90 missiles at the grid overnight, Ukrainian officials said on Thursday."
    )
    [event] = events(text, "2024-11-28")
    assert event["title"] == "Russia fires 90 missiles at grid"
    assert event["date"] == "2024-11-27"  # overnight, not the day it was said


def test_a_background_date_does_not_date_an_undated_clause():
    text = "The army said Saturday it retook the bridge, one of its biggest gains since April 2023."
    assert events(text, published=None) == []


def test_undated_happenings_are_not_proposed():
    assert events("The army captured the town.") == []


def test_headlines_skip_asides_and_relative_clauses():
    [event] = events(
        "The airline, which is the largest in China, signed the agreement in Paris on 15 June."
    )
    assert event["title"] == "Airline signs agreement in Paris"
    assert event["date"] == "2024-06-15"


def test_words_that_look_like_past_tense_are_not_always_verbs():
    [event] = events("A low cost airline announced on Monday that it bought five jets.")
    assert event["title"].startswith("Low cost airline")


def test_a_date_belongs_to_the_clause_it_sits_in():
    [event] = events(
        "The war erupted after Hamas attacked southern Israel on October 7.", "2023-11-27"
    )
    assert event["title"] == "Hamas attacks southern Israel"
    assert event["date"] == "2023-10-07"


def test_same_kind_of_happening_in_two_places_is_two_events():
    text = "Russian drones struck Odesa on Sunday. Russian missiles struck Kharkiv on Sunday."
    assert [e["actors"] for e in events(text)] == [["Russia", "Odesa"], ["Russia", "Kharkiv"]]


def test_a_date_in_an_aside_dates_the_aside_not_the_main_verb():
    found = events("The war, which began in February 2022, has killed thousands.")
    assert [(e["date"], e["title"]) for e in found] == [("2022-02", "War begins")]


def test_people_are_headlined_by_surname_without_titles():
    [event] = events(
        "President Volodymyr Zelenskiy met NATO Secretary General Mark Rutte in Kyiv on Tuesday."
    )
    assert event["title"] == "Zelenskiy meets NATO's Rutte in Kyiv"
    assert "Volodymyr Zelensky" in event["actors"]


def test_a_state_before_a_title_is_dropped_from_the_headline():
    [event] = events(
        "U.S. Secretary of State Antony Blinken spoke with Lebanese Prime Minister Najib Mikati "
        "by phone late on Tuesday."
    )
    assert event["title"] == "Blinken speaks with Mikati by phone"


def test_prefixed_irregular_and_doubled_consonant_verbs():
    found = events(
        "Sudan's army said on Thursday it had retaken a key bridge in Khartoum. The RSF said "
        "late on Wednesday that it had repelled the attack."
    )
    assert [e["title"] for e in found] == [
        "Sudan's army retakes key bridge in Khartoum",
        "RSF repels attack",
    ]


def test_a_reported_clause_with_its_own_date_is_dated_by_it():
    [event] = events(
        "Ukraine's air force said on Thursday it had shot down 60 drones launched by Russia "
        "overnight."
    )
    assert event["date"] == "2024-11-13"


def test_a_telling_dated_before_the_teller_leaves_the_reported_date_to_the_happening():
    [event] = events(
        "On Wednesday, a source in Ukraine's SBU security service told Reuters that naval drones "
        "had struck two empty tankers, the Kairos and the Virat, off the Turkish coast late on "
        "Tuesday."
    )
    assert event["date"] == "2024-11-12"


def test_a_long_attribution_after_the_happening_keeps_its_date():
    [event] = events(
        "Fighters set fire to at least 30 fuel tankers on the road to Bamako late on Monday, "
        "a transport union official and a local councillor told AFP, tightening a blockade."
    )
    assert event["date"] == "2024-11-11"
    assert "fuel tankers" in event["title"]


def test_a_date_in_an_aside_with_an_apposition_dates_the_aside_only():
    found = events(
        "A UN panel reported in July that Rwanda exercised control over the rebels, who "
        "captured Bukavu, the capital of South Kivu, in February, weeks after the offensive began."
    )
    assert all("control" not in e["title"] or e["date"] != "2024-02" for e in found)


def test_since_and_stretches_are_background():
    text = (
        "Russia has occupied a fifth of Ukraine since it launched its invasion in February 2022. "
        "Fighting around Pokrovsk has intensified since mid-2024. Sudan was ruled by the "
        "military for most of the past decade."
    )
    assert events(text) == []


def test_a_year_before_a_noun_is_background_and_lasting_is_not_a_happening():
    text = (
        "The 2019 uprising that toppled Omar al-Bashir raised hopes. The last war between "
        "Israel and Hezbollah, in 2006, lasted 34 days."
    )
    assert events(text) == []


def test_a_rise_by_a_figure_is_not_passive_and_comparisons_are_cut():
    [event] = events("Casualties rose by 30% in the third quarter compared with a year earlier.")
    assert event["title"] == "Casualties rise by 30%"


def test_a_trailing_coordinated_state_is_cut():
    [event] = events("Talks between the two sides collapsed two years ago and have not resumed.")
    assert event["title"] == "Talks between two sides collapse"
    assert event["date"] == "2022"


def test_a_noun_phrase_subject_before_an_ambiguous_past_form():
    [event] = events(
        "A drone attack set fuel depots ablaze at the airport in the early hours of Sunday.",
        "2025-01-12",
    )
    assert event["title"].startswith("Drone attack sets fuel depots ablaze")
    assert event["date"] == "2025-01-12"


def test_a_where_clause_with_its_own_date_is_its_own_happening():
    [event] = events(
        "In recent weeks, fighting has shifted to North Kordofan, where the RSF besieged "
        "El-Obeid in December.",
        "2025-01-12",
    )
    assert event["title"] == "RSF besieges El-Obeid"
    assert event["date"] == "2024-12"


def test_a_plan_and_a_happening_joined_by_but_are_two_clauses():
    [event] = events(
        "A second phase was due to begin on March 1 but talks stalled two weeks ago.",
        "2025-03-18",
    )
    assert event["title"] == "Talks stall"
    assert event["date"] == "2025-03-03/2025-03-09"


def test_over_the_weekend_dates_a_happening_but_over_the_past_decade_does_not():
    text = (
        "Egyptian mediators met Hamas officials in Cairo over the weekend. Prices rose sharply "
        "over the past decade."
    )
    [event] = events(text, "2025-03-18")
    assert event["title"] == "Egyptian mediators meet Hamas officials in Cairo"


def test_verbs_with_a_silent_e_and_prepositions_left_by_a_removed_date():
    found = events(
        "Officials blamed the RSF on Monday. The attack began at around 0300 GMT on Sunday.",
        "2025-01-12",
    )
    assert [e["title"] for e in found] == ["Officials blame RSF", "Attack begins"]


def test_numbers_with_thousands_and_adverbs_before_participles_and_abbreviations():
    found = events(
        "Fighting in 2014 killed 14,000 people. Last year the grid was also hit. Ukraine marked "
        "the war's 1,000th day on Tuesday. At the beginning of the month, the U.S. approved aid."
    )
    assert [e["title"] for e in found] == [
        "Fighting kills 14,000 people",
        "Grid hit",
        "Ukraine marks war's 1,000th day",
        "U.S. approves aid",
    ]


def test_participles_used_as_verbs_after_a_subject_and_plural_subjects():
    found = events(
        "Moscow annexed Crimea in 2014, and the 2014 annexation is not recognised. Aid reached "
        "occupied territories on Monday. The armed men fled on Tuesday. On Wednesday 1,000 "
        "displaced people arrived in Lviv."
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2014", "Moscow annexes Crimea"),
        ("2024-11-11", "Aid reaches occupied territories"),
        ("2024-11-12", "Armed men flee"),
        ("2024-11-13", "1,000 displaced people arrive in Lviv"),
    ]


def test_words_left_by_a_removed_date_are_dropped_from_titles():
    [event] = events("Russian forces struck Kharkiv on the night of 5-6 March.")
    assert event["title"] == "Russian forces strike Kharkiv"
    assert event["date"] == "2024-03-05"  # a night is dated by the day it began


def test_declared_that_is_a_report_and_they_stands_for_the_speaker_or_the_last_group():
    text = (
        "Syrian rebels declared on Sunday that they had taken the capital Damascus. The "
        "offensive, led by Hayat Tahrir al-Sham (HTS), began on Nov. 27. They captured Aleppo "
        "within days and took Hama on Thursday."
    )
    titles = [e["title"] for e in events(text, "2024-12-08")]
    assert titles[0] == "Syrian rebels take capital Damascus"
    assert "HTS captures Aleppo within days" in titles


def test_peoples_are_plural_and_distances_with_a_bearing_are_cut():
    found = events(
        "Last month, the Houthis seized the Galaxy Leader. The vessel was struck on Monday about "
        "140 kilometers northwest of Hodeidah. Strikes killed about 40 people on Tuesday.",
        "2024-12-11",
    )
    assert [e["title"] for e in found] == [
        "Houthis seize Galaxy Leader",
        "Vessel struck",
        "Strikes kill about 40 people",
    ]


def test_opinions_in_reported_speech_with_a_state_verb_are_not_events():
    assert events("Golani told state television on Sunday that the future belonged to them.") == []


def test_names_with_a_glued_particle_are_whole():
    [actor] = [
        a
        for a in extract("HTS leader Abu Mohammed al-Golani spoke on Sunday.", PUBLISHED).to_dict()[
            "actors"
        ]
        if a["kind"] == "person"
    ]
    assert actor["name"] == "Abu Mohammed al-Golani"


def test_happenings_named_by_nouns_claims_and_participles():
    found = events(
        "JNIM claimed an attack on an army post in Djibo on Sunday. Aoun urged Israel to "
        "respect the truce agreed on November 27 last year. The EU is concerned by the arrest "
        "on 5 October of five opposition figures, including the singer Paata Burchuladze, "
        "on charges of treason. Gunmen killed at least eight people in attacks on villages "
        "near Liancourt on 18 November.",
        "2025-11-27",
    )
    by_date = {e["date"]: (e["title"], e["actors"]) for e in events_only(found)}
    assert by_date["2025-11-23"][0] == "Attack on army post"
    assert "JNIM" in by_date["2025-11-23"][1]
    assert by_date["2024-11-27"][0] == "Truce agreed"
    assert by_date["2025-10-05"] == ("Five opposition figures arrested", ["Paata Burchuladze"])
    assert by_date["2025-11-18"][0].startswith("Gunmen kill at least eight people")


def events_only(found):
    return [e for e in found if e["date"]]


def test_counted_days_and_weeks_date_the_happening_counted_from():
    found = events(
        "Marches took place on 15 November, two weeks after the mayor Carlos Manzo was shot "
        "dead. Drills were held on 29 and 30 December, eleven days after Washington approved "
        "an arms package for Taipei. Israel invaded on October 1, a week after its air "
        "strikes killed hundreds of people on September 23.",
        "2025-12-31",
    )
    dates = {e["title"]: e["date"] for e in found}
    assert dates["Manzo shot dead"] == "2025-11-01"
    assert dates["Washington approves arms package for Taipei"] == "2025-12-18"
    assert dates["Israel's air strikes kill hundreds of people"] == "2025-09-23"


def test_a_sentence_day_anchors_earlier_in_the_day():
    [event] = [
        e
        for e in events(
            "The sides agreed to a ceasefire at 6:00 pm on Wednesday, after jets struck "
            "targets in Kabul earlier in the day.",
            "2025-10-16",
        )
        if "jets" in e["title"].lower()
    ]
    assert event["date"] == "2025-10-15"


def test_militants_stand_for_the_group_named_before():
    found = events(
        "Al Shabaab fighters captured the town of Adan Yabaal on Wednesday. The militants "
        "seized Moqokori in April.",
        "2025-04-20",
    )
    assert found[1]["title"] == "Militants seize Moqokori"
    assert "al-Shabaab" in found[1]["actors"]


def test_clause_boundaries_in_long_sentences():
    found = events(
        "North Korea fired missiles into the sea on Sunday morning, South Korea's Joint "
        "Chiefs of Staff (JCS) said, as President Lee Jae-myung arrived in Beijing. Houthi "
        "fighters attacked the carrier Magic Seas with grenades and uncrewed surface vessels "
        "on July 6; the crew abandoned ship and the vessel sank the next day. A fire broke "
        "out at the plant, which Russian forces have occupied since March 2022, late on "
        "Saturday.",
        "2025-07-14",
    )
    titles = [(e["date"], e["title"]) for e in found]
    assert ("2025-07-13", "North Korea fires missiles into sea") in titles
    assert ("2025-07-06", "Houthi fighters attack carrier Magic Seas with grenades") in titles
    assert ("2025-07-07", "Crew abandons ship") in titles
    assert ("2025-07-12", "Fire breaks out at plant") in titles


def test_who_reports_or_where_it_happened_is_not_who_did_it():
    found = events(
        "Fighters set fire to 30 fuel tankers near the Malian capital late on Wednesday, a "
        "local official told Reuters. Houthis attacked the Liberian-flagged Eternity C on "
        "Monday, according to the UKMTO.",
        "2025-11-06",
    )
    assert [e["actors"] for e in found] == [[], ["Houthis"]]


def test_a_dated_happening_told_in_an_aside_is_proposed():
    found = events(
        "Boko Haram's founder Abubakar Shekau, who blew himself up during clashes with rival "
        "jihadists in 2021, led the group for a decade. ISWAP, which split from Boko Haram in "
        "2016, holds the islands. A fire broke out at the plant, which Russian forces have "
        "occupied since March 2022, late on Sunday.",
        "2025-09-08",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2021", "Shekau blows himself up during clashes with rival jihadists"),
        ("2016", "ISWAP splits from Boko Haram"),
        ("2025-09-07", "Fire breaks out at plant"),
    ]
    assert found[0]["actors"] == ["Abubakar Shekau"]


def test_list_items_and_a_second_verb_with_a_pronoun_object():
    found = events(
        "• The World Food Programme (WFP) began distributing biscuits at Tiné on 4 November.\n"
        "• Lithuania closed its border crossings with Belarus on 27 October and reopened them "
        "on 20 November.",
        "2025-11-21",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2025-11-04", "World Food Programme begins distributing biscuits at Tiné"),
        ("2025-10-27", "Lithuania closes border crossings with Belarus"),
        ("2025-11-20", "Lithuania reopens them"),
    ]


def test_findings_possessives_and_a_range_across_months():
    found = events(
        "The Panel found that between 17 May and 5 June 1999, members of the Kosovo "
        "Liberation Army (KLA), including Mr Shala, detained at least 18 persons. Mr Shala "
        "was arrested in Belgium on 16 March 2021. His trial opened on 21 March 2023.",
        "2024-07-16",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("1999-05-17/1999-06-05", "Members detain at least 18 persons"),
        ("2021-03-16", "Shala arrested in Belgium"),
        ("2023-03-21", "Shala's trial opens"),
    ]


def test_the_militants_are_not_the_group_named_in_a_modifier():
    found = events(
        "Al Shabaab fighters captured Adan Yabaal on Wednesday. The town was a hub of the "
        "campaign against the al Qaeda-affiliated group. The militants seized Moqokori in April.",
        "2025-04-17",
    )
    assert found[-1]["actors"][0] == "al-Shabaab"


def test_an_adverb_before_a_verb_in_the_same_form_as_its_past():
    [event] = events("The OSCE formally shut down its Minsk Group on Monday.", "2025-09-02")
    assert (event["date"], event["title"]) == ("2025-09-01", "OSCE shuts down its Minsk Group")


def test_the_two_countries_and_a_month_counted_back():
    found = events(
        "Armenia and Azerbaijan initialled a peace deal at the White House on Friday. The two "
        "countries had fought a 44-day war over the region in 2020. TotalEnergies declared "
        "force majeure in April 2021, a month after insurgents stormed the town of Palma.",
        "2025-09-02",
    )
    dated = {e["date"]: e for e in found}
    assert (
        dated["2025-08-29"]["title"] == "Armenia and Azerbaijan initial peace deal at White House"
    )
    assert dated["2020"]["actors"] == ["Armenia", "Azerbaijan"]
    assert dated["2021-03"]["title"] == "Insurgents storm town of Palma"


def test_running_totals_quotes_charges_and_risks_are_not_happenings():
    found = events(
        "Nearly 100,000 people have fled their homes this year, the UN refugee agency says. "
        'He said on Friday, adding: "Turkey has entered a new phase." The spokesman said on '
        "Thursday the attackers had crossed the border, a charge the Taliban government "
        "rejected. UNMISS warned on Thursday that the country risked relapsing into war. "
        "Rebels seized the town on Thursday.",
        "2025-07-13",
    )
    assert [(e["date"], e["title"]) for e in found] == [("2025-07-10", "Rebels seize town")]


def test_a_second_noun_happening_joined_by_and_of():
    found = events(
        "The attack was retaliation for the killing of Hezbollah leader Hassan Nasrallah in "
        "Beirut last Friday and of Hamas political leader Ismail Haniyeh in Tehran on July 31.",
        "2024-10-02",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2024-09-27", "Hezbollah leader Nasrallah killed"),
        ("2024-07-31", "Hamas political leader Haniyeh killed"),
    ]


def test_a_timeline_line_is_a_happening_headlined_as_written():
    found = events(
        "Here are key moments in the dispute:\n\n* Oct. 3, 1899 - A tribunal sitting in Paris "
        "awards most of the territory to British Guiana, then a British colony.\n\n* Feb. 17, "
        "1966 - Britain, Venezuela and British Guiana sign the Geneva Agreement.",
        "2025-05-26",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("1899-10-03", "Tribunal sitting in Paris awards most of territory to British Guiana"),
        ("1966-02-17", "Britain, Venezuela and British Guiana sign Geneva Agreement"),
    ]


def test_a_clause_sharing_the_date_is_its_own_happening_with_the_main_state():
    text = (
        "Ethiopia's army fought Fano. Ethiopia said so. Ethiopian forces shelled towns. In "
        "August 2023, Fano fighters seized Lalibela, and parliament declared a state of "
        "emergency, and Khazali has reinvented himself, and the groups recruit in camps."
    )
    found = [(e["date"], e["title"], e["actors"]) for e in events(text, "2025-03-03")]
    assert found == [
        ("2023-08", "Fano fighters seize Lalibela", ["Fano", "Lalibela"]),
        ("2023-08", "Parliament declares state of emergency", ["Ethiopia"]),
    ]


def test_live_blog_stamps_and_publication_lines_are_not_happenings():
    text = (
        "India-Pakistan live\n\nPublished 7 May 2025 | Last updated 14:35 GMT\n\n"
        "14:20 GMT - UN chief urges restraint\n\n"
        "Pakistan closed its airspace to all traffic on Wednesday.\n"
    )
    assert [(e["date"], e["title"]) for e in events(text, "2025-05-07")] == [
        ("2025-05-07", "Pakistan closes airspace to all traffic")
    ]


def test_who_did_a_named_happening_claimed_by_or_their():
    found = events(
        "Grundberg said the attacks on the bulk carrier Magic Seas on 6 July, both claimed by "
        "the Houthis, had killed seafarers. The Rapid Support Forces killed civilians, burned "
        "shelters and committed sexual violence during their assault on Zamzam displacement "
        "camp in North Darfur from 11 to 13 April 2025, the project said.",
        "2025-07-14",
    )
    by_title = {e["title"]: e["actors"] for e in found}
    assert by_title["Attacks on bulk carrier Magic Seas"][0] == "Houthis"
    assert by_title["Assault on Zamzam displacement camp"][0] == "Rapid Support Forces"


def test_a_year_before_a_name_is_no_date_of_the_clause():
    found = events("India suspended the 1960 Indus Waters Treaty.", "2025-05-07")
    assert found == []


def test_one_day_in_two_clauses_and_led_as_a_verb():
    found = events(
        "Hassan Sheikh Mohamud led funeral prayers in Mogadishu on Saturday, and Warsame was "
        "buried the same afternoon at the military cemetery.",
        "2025-10-05",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2025-10-04", "Mohamud leads funeral prayers in Mogadishu"),
        ("2025-10-04", "Warsame buried at military cemetery"),
    ]


def test_a_quoted_gloss_in_brackets_does_not_cut_the_subject():
    [event] = events(
        'Colonel Mohamed Abdi Warsame, who commanded Danab ("Lightning") special forces, was '
        "killed on Thursday.",
        "2025-10-05",
    )
    assert (event["date"], event["title"]) == ("2025-10-02", "Warsame killed")


def test_a_fronted_after_clause_and_the_main_clause_each_keep_their_date():
    found = events(
        "After a drone killed three US soldiers at Tower 22 in Jordan on 28 January 2024, "
        "Washington struck 85 targets in Iraq and Syria on 2 February.",
        "2025-10-20",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2024-01-28", "Drone kills three US soldiers at Tower 22 in Jordan"),
        ("2024-02-02", "Washington strikes 85 targets in Iraq and Syria"),
    ]


def test_an_attribution_between_commas_leaves_the_doers_after_it():
    [event] = events(
        "The Arakan Army (AA) took Maungdaw. The Rohingya Solidarity Organisation (RSO) "
        "filled the gap. On the 6th, the AA said, its fighters repelled an RSO raid.",
        "2026-01-19",
    )
    assert event["actors"][:2] == ["Arakan Army", "Rohingya Solidarity Organisation"]


def test_stretches_ending_at_a_year_and_glossed_verbs_are_no_happenings():
    assert (
        events(
            "Israel supplied about two-thirds of Azerbaijan's arms imports in the five years to "
            "2024, according to SIPRI.",
            "2025-11-10",
        )
        == []
    )
    assert (
        events(
            "Spokesperson Mao Ning's Regular Press Conference, 10 December 2024 — summary of "
            "exchanges (unofficial, condensed)",
            "2024-12-10",
        )
        == []
    )


def test_an_aside_whose_thing_is_the_verbs_object():
    found = events(
        "The campaign was shaped by the Law on Transparency of Foreign Influence, which "
        "Parliament adopted on 28 May. Fighting resumed near the town, which Russian forces "
        "seized in March 2024, officials said. The insurgency, which the PKK launched in 1984, "
        "has killed 40,000 people.",
        "2024-10-27",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2024-05-28", "Parliament adopts Law on Transparency of Foreign Influence"),
        ("2024-03", "Russian forces seize town"),
        ("1984", "PKK launches insurgency"),
    ]


def test_a_start_told_as_a_detail_and_a_sessions_hours_are_no_proposals():
    found = events(
        "Iran fired about 180 missiles at Israel late on Tuesday. The barrage began at around "
        "7:30 p.m. local time and lasted an hour.\n\nThe meeting began at 10:04 a.m. and ended "
        "at 11:58 a.m.",
        "2024-10-02",
    )
    assert [e["title"] for e in found] == ["Iran fires about 180 missiles at Israel"]


def test_a_state_named_only_as_where_is_no_party_when_a_doer_is_named():
    [event] = events("Washington struck 85 targets in Iraq and Syria on 2 February.", "2024-02-10")
    assert event["actors"] == ["United States"]
    [event] = events("Fighting in Sudan killed 40 people on Monday.", "2024-02-10")
    assert event["actors"] == ["Sudan"]


def test_asides_name_the_noun_before_them_and_skip_a_pronoun_doer():
    found = events(
        "Many took place during the olive harvest, which began in early October. The army "
        "controls the capital, Khartoum, which it retook in March. An Israeli missile hit a "
        "building in the densely populated Haret Hreik district on Sunday. Officials said the "
        "fires were put out on Monday and that all crew members were safe.",
        "2025-11-24",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2025-10-01~/2025-10-10~", "Olive harvest begins"),
        ("2025-11-23", "Israeli missile hits building in densely populated Haret Hreik district"),
        ("2025-11-24", "Fires put out"),
    ]


def test_a_participle_describing_a_noun_is_not_the_verb_and_an_aside_needs_a_noun():
    found = events(
        "On Monday the last 20 living Israeli captives held in the enclave walked free. Poland "
        "closed all of its border crossings with Belarus on Friday for the duration of the "
        "joint Zapad-2025 military exercises, which began the same day.",
        "2025-10-14",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2025-10-13", "Last 20 living Israeli captives walk free"),
        ("2025-10-10", "Joint Zapad-2025 military exercises begin"),
        ("2025-10-10", "Poland closes all of its border crossings with Belarus"),
    ]


def test_a_quoted_claim_with_its_own_date_is_a_happening_and_quoted_words_are_not():
    found = events(
        '"On 11 March, fighters of the Majeed Brigade took control of the Jaffar Express," the '
        'BLA said. "Turkey has entered a new phase on Tuesday," he added.',
        "2025-03-13",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2025-03-11", "Fighters take control of Jaffar Express"),
    ]


def test_one_happening_told_twice_with_the_same_noun_is_one_proposal():
    found = events(
        "A drone strike by Ethiopia's military killed at least 19 civilians on Saturday. The "
        "drone hit the market in Wegel Tena at around 11 a.m. on Saturday.",
        "2025-03-03",
    )
    assert [(e["date"], e["title"]) for e in found] == [
        ("2025-03-01", "Drone strike by Ethiopia's military kills at least 19 civilians")
    ]


def test_a_shared_date_clause_with_an_irregular_verb_and_not_an_adjective():
    found = events(
        "On Monday, Israel struck Rafah, and Hamas hit Sderot with rockets.", "2025-03-03"
    )
    assert [e["title"] for e in found] == ["Israel strikes Rafah", "Hamas hits Sderot with rockets"]
    assert (
        events(
            "Some 150,000 Rohingya arrived in the camps in 2024, and Rohingya armed groups "
            "recruit in them.",
            "2026-01-19",
        )[1:]
        == []
    )


def test_overran_and_retook_are_past_tense_verbs():
    found = events(
        "Aid groups fear a repeat of the killings in El Fasher, which the RSF overran in late "
        "October. The army retook Khartoum in March."
    )
    titles = [e["title"] for e in found]
    assert "RSF overruns El Fasher" in titles
    assert "Army retakes Khartoum" in titles


def test_a_noun_known_to_be_something_keeps_the_sentence_verb():
    [event] = events(
        "The only Colombian known to have survived one of the attacks, Jeison Obando, was "
        "repatriated on Tuesday."
    )
    assert event["title"].endswith("repatriated")
    assert event["date"] == "2024-11-12"


def test_a_day_after_the_attack_counts_from_the_day_of_the_attack():
    found = events(
        "Officials recalled the April 22 attack in Pahalgam, in which gunmen killed 26 people. "
        "India suspended the Indus Waters Treaty a day after the attack, and Pakistan closed "
        "its airspace to Indian airlines the following day.",
        published="2025-05-08",
    )
    dates = {e["title"].split()[0]: e["date"] for e in found}
    assert dates["India"] == "2025-04-23"
    assert dates["Pakistan"] == "2025-04-24"


def test_a_day_after_an_undated_noun_has_no_date():
    found = events(
        "Talks resumed on 3 May. India suspended the treaty a day after the attack.",
        published="2025-05-08",
    )
    assert all("treaty" not in e["title"] for e in found)


def test_a_since_date_in_an_aside_leaves_the_clause_its_own_date():
    [event] = events(
        "Prime Minister Alix Didier Fils-Aimé, in office since November 2024, assumed full "
        "executive authority on Tuesday."
    )
    assert event["date"] == "2024-11-12"
    assert event["title"] == "Fils-Aimé assumes full executive authority"


def test_a_running_total_since_a_date_is_not_a_happening():
    assert (
        events(
            "Russian forces have gained 2,350 square kilometres since the start of November, "
            "compared with 610 in the third quarter of 2024."
        )
        == []
    )


def test_a_year_after_and_the_three_governments():
    found = events(
        "The withdrawal of Mali, Burkina Faso and Niger from ECOWAS took legal effect on 29 "
        "January, a year after the three military governments announced their exit.",
        published="2025-02-05",
    )
    exit_ = [e for e in found if "exit" in e["title"]]
    assert exit_ and exit_[0]["date"] == "2024-01"
    assert exit_[0]["actors"] == ["Mali", "Burkina Faso", "Niger"]


def test_a_count_traded_for_a_count_is_no_year():
    text = 'The "1000 for 1000" exchange was completed on Sunday.'
    found = extract(text, published="2025-05-26").to_dict()
    assert [t["text"] for t in found["timexes"]] == ["Sunday"]


def test_an_unowned_government_among_two_doers_is_the_main_state():
    found = events(
        "Syria's army entered the city. Syria said so, and Syria's president spoke. The "
        "government and Druze leaders agreed a ceasefire on Wednesday.",
        published="2025-07-17",
    )
    [ceasefire] = [e for e in found if "ceasefire" in e["title"]]
    assert "Syria" in ceasefire["actors"]


def test_the_council_is_the_council_named_before():
    found = events(
        "The mandate of the Transitional Presidential Council expired on 7 February. The "
        "council was sworn in on 25 April 2024.",
        published="2026-02-10",
    )
    [sworn] = [e for e in found if e["date"] == "2024-04-25"]
    assert sworn["actors"] == ["Transitional Presidential Council"]


def test_he_in_what_a_statement_said_is_the_person_not_the_statement():
    found = events(
        "Israel killed Haytham Ali Tabatabai on Sunday. The statement said he had joined the "
        "group in the 1980s.",
        published="2025-11-24",
    )
    assert [e["title"] for e in found if e["date"] == "1980/1989"] == ["Tabatabai joins group"]


def test_the_end_of_a_state_is_not_a_happenings_date():
    found = events(
        "The military announced the truce on 2 April and later extended it until 31 May."
    )
    assert [e["date"] for e in found] == ["2024-04-02"]


def test_a_day_named_before_an_attack_in_a_place_dates_that_attack():
    found = events(
        "India says the strikes were a response to the April 22 attack in Pahalgam, in which "
        "gunmen killed 26 people.",
        published="2025-05-08",
    )
    assert ("2025-04-22", "Attack in Pahalgam") in [(e["date"], e["title"]) for e in found]


def test_in_may_the_union_added_it_to_its_list():
    [event] = events(
        "European officials have described it as part of the shadow fleet, and in May the "
        "European Union added it to its sanctions list.",
        published="2025-10-03",
    )
    assert (event["date"], event["title"]) == (
        "2025-05",
        "European Union adds it to its sanctions list",
    )
    assert "European" not in event["actors"]


def test_a_share_and_a_detail_of_a_told_happening_are_not_happenings():
    found = events(
        "The central Sahel accounted for about half of all recorded fatalities in 2023. A "
        "suicide bomber killed the minister in Kabul on Wednesday. The blast happened at about "
        "2 p.m. on Wednesday.",
        published="2024-12-12",
    )
    assert [e["title"] for e in found] == ["Suicide bomber kills minister in Kabul"]


def test_an_editors_note_in_brackets_tells_no_happening():
    found = events(
        "[Translated from Arabic. The original was published by a Baghdad-based news website "
        "on 13 November 2025.]\n\nRebels seized the town on Monday.",
        published="2025-11-14",
    )
    assert [e["title"] for e in found] == ["Rebels seize town"]


def test_a_happening_only_reported_on_a_day_is_not_dated_by_the_report():
    assert (
        events(
            "US Secretary of State Marco Rubio said late on Wednesday that all sides had agreed on "
            "specific steps to end the violence."
        )
        == []
    )


def test_mounting_reports_are_a_trend():
    assert events("Reports of mass killings mounted in El Fasher on Tuesday.") == []


def test_a_time_and_its_day_are_one_date_shared_by_a_second_clause():
    found = events(
        "A ceasefire between Israel and Hezbollah took effect at 4 a.m. on Wednesday, and "
        "thousands of displaced families began driving back towards southern Lebanon.",
        published="2024-11-27",
    )
    assert [e["date"][:10] for e in found] == ["2024-11-27", "2024-11-27"]
    assert found[1]["title"].startswith("Thousands of displaced families begin")


def test_negotiators_for_both_sides_are_the_two_parties_named_last():
    found = events(
        "Israel and Hamas agreed a ceasefire. Negotiators for both sides signed the first phase "
        "of the agreement in Sharm el-Sheikh on Thursday.",
        published="2025-10-13",
    )
    [signed] = [e for e in found if "sign" in e["title"]]
    assert {"Israel", "Hamas"} <= set(signed["actors"])


def test_a_thing_announced_by_someone_is_the_subject_not_the_announcer():
    [event] = events("A ceasefire announced by the defence ministry took effect on Wednesday.")
    assert event["title"].startswith("Ceasefire")
    assert event["title"].endswith("takes effect")


def test_two_happenings_of_the_same_pair_on_one_day_stay_two():
    found = events(
        "India struck Pakistan on 7 May. Later that day, the two countries' directors general "
        "agreed a ceasefire.",
        published="2025-07-22",
    )
    assert len(found) == 2
    assert set(found[1]["actors"]) == {"India", "Pakistan"}


def test_the_government_is_the_one_named_just_before():
    found = events(
        "Israel said. Israel struck. Israel warned. Israeli jets struck Damascus. Syria said. "
        "Syrian government forces began withdrawing from Suwayda overnight, after the "
        "government and Druze leaders agreed a ceasefire late on Wednesday.",
        "2025-07-17",
    )
    ceasefire = next(e for e in found if "ceasefire" in e["title"])
    assert ceasefire["actors"] == ["Syria"]


def test_a_capital_before_an_adverb_and_a_verb_is_the_government():
    found = events(
        "The administration held a conference in Hasakah on 8 August, and Damascus then "
        "pulled out of talks planned in Paris.",
        "2025-10-10",
    )
    talks = next(e for e in found if "talks" in e["title"])
    assert "Syria" in talks["actors"] and "Damascus" not in talks["actors"]


def test_a_record_and_what_it_shows_are_not_happenings():
    found = events(
        "A Sentinel-2 image from the European Space Agency dated 10 May shows the school "
        "intact. The earliest footage, uploaded to the Facebook page of a local unit at "
        "11.32am on 12 May, shows a two-storey building. The statement, published at around "
        "6 a.m. on Monday, said so. Footage published on May 13 indicates that Russian "
        "forces advanced into Novopil.",
        "2025-05-20",
    )
    assert [e["title"] for e in found] == ["Russian forces advance into Novopil"]


def test_a_statistic_is_not_a_happening():
    found = events(
        "The homicide rate reached a record of 47 per 100,000 people in 2023. Homicides fell "
        "by about 15% in 2024. Turnout reached 56 percent in 2021. Russian forces reached "
        "the river in May.",
        "2025-05-20",
    )
    assert [e["title"] for e in found] == ["Russian forces reach river"]


def test_an_actorless_moment_of_a_day_already_told_is_a_detail():
    found = events(
        "Gunmen killed 12 villagers in Darul Jamal on Saturday, the army said. The gunmen on "
        "motorcycles arrived at 9 p.m. on Saturday. A truce took effect at 11:15 a.m. on "
        "Saturday.",
        "2025-09-08",
    )
    titles = [e["title"] for e in found]
    assert not [t for t in titles if "arrive" in t]
    assert [t for t in titles if t.startswith("Truce")]


def test_a_stretch_of_days_ends_on_the_publication_date():
    found = events(
        "Earlier this week, al-Shabaab fired mortars at the airport zone in Mogadishu. Last "
        "week, al-Shabaab attacked a base.",
        "2026-02-19",
    )
    assert [e["date"] for e in found] == ["2026-02-16/2026-02-19", "2026-02-09/2026-02-15"]


def test_a_report_and_its_date_are_the_tellings_and_the_clause_keeps_its_own():
    [event] = events(
        "Human Rights Watch said in a report last week that M23 fighters had summarily "
        "executed at least 140 civilians in villages of Rutshuru territory in July.",
        "2025-08-20",
    )
    assert event["date"] == "2025-07"


def test_a_pronoun_doer_in_an_aside_is_the_sentences_subject():
    [event] = events(
        "The army, led by Abdel Fattah Burhan, controls the capital, Khartoum, which it "
        "retook in March, as well as the east and north of the country.",
        "2025-12-05",
    )
    assert (event["date"], event["title"]) == ("2025-03", "Army retakes Khartoum")


def test_a_deed_told_in_an_apposition_is_a_happening():
    found = events(
        "On Monday, Israeli jets struck the port of Hodeidah and the Galaxy Leader, a car "
        "carrier the Houthis seized in November 2023 and have since used as a radar post.",
        "2025-07-10",
    )
    assert ("2023-11", "Houthis seize Galaxy Leader") in [(e["date"], e["title"]) for e in found]


def test_a_night_across_two_days_dates_its_happening_by_the_first_day():
    [event] = events("Amaglobeli was arrested on the night of 11-12 January.", "2025-02-01")
    assert (event["date"], event["title"]) == ("2025-01-11", "Amaglobeli arrested")


def test_a_body_telling_its_own_peoples_deed_is_its_actor():
    [event] = events(
        "Russia's Investigative Committee opened a murder case. Late on Friday, the committee "
        "said its officers had detained a suspect.",
        "2025-04-27",
    )
    assert event["actors"] == ["Investigative Committee of Russia"]
