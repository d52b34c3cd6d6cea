"""Event proposals: one per dated happening, with a headline, the quote and its actors.

A sentence (or, when it names several dates, each clause) that has a definite date and a
verb of happening in the past becomes a proposal; the date is the one nearest the verb, and
a date in an "after ..." clause dates that clause's verb. Not proposed: sentences whose only
verb reports speech ("said on Tuesday"), plans and conditions ("will meet on Friday"),
negated happenings, states ("the war lasted 34 days"), durations and vague times ("for three
years", "recently"), background: the start of a state ("has intensified since mid-2024",
"since it invaded in 2022"), stretches ("for most of the past decade", "in the five years
to 2024") and years before a noun ("the 2019 uprising"); happenings whose own
date is unknown (a date in a later attribution, "..., aid groups said on Wednesday", is the
saying's), and dates after the publication date. After "said on Thursday", a date of
the reported clause's own dates it. Two proposals with the same date and the same actors,
or the same date and verb with one's actors among the other's, are one happening told
twice; the first telling is kept and gains the other's actors. Headlines name people by
surname (:mod:`ingest.extract.title_names`) and take a pronoun subject from the speaker or
the group or person last named (:mod:`ingest.extract.subjects`); a headline whose subject
stays a pronoun is not proposed. A date that follows a happening noun ("the killing of X on
Sept. 27", "the Oct. 23 killing of ...") is that noun's, proposed as "X killed"
(:mod:`ingest.extract.nominal`); two dated verbs joined by "and" are two proposals. A date
in an aside (", which began in 2022,") dates the aside's happening, headlined with the noun
it describes ("War begins", :mod:`ingest.extract.event_asides`), never the main verb.

A clause joined by ", and" or ";" after the sentence's one date, with a subject of its own
and a verb in the simple past, shares that date (:mod:`ingest.extract.coordination`): "In
August 2023, Fano seized Lalibela, and parliament declared an emergency" is two proposals.
A quoted claim with a calendar date of its own ("On 11 March, fighters took the train," the
BLA said) is proposed; other quoted words are not. Not proposed either: the start or end of
a happening told the same day ("The barrage began at 7:30 p.m."), a session's hours, live
blog stamps and publication lines. A night across two days ("the night of 9-10 Sept.") is
dated by the day it began, as TimeML's ``TNI`` is.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right

from ingest.extract import gazetteer as gazetteers
from ingest.extract import sentences
from ingest.extract.coordination import shared_date_clauses
from ingest.extract.day_counts import AFTER_GERUND, COUNT, DAYS_APART, gerund_title
from ingest.extract.event_actors import (
    actors_in,
    body_meant,
    group_meant,
    main_state,
    merge,
    named_in,
    pair_meant,
    state_meant,
)
from ingest.extract.event_actors import surfaces as name_surfaces
from ingest.extract.event_asides import aside_events
from ingest.extract.event_dates import (
    BULLET,
    DATELINE,
    STAMP,
    dated_spans,
    day_end,
    timeline_entry,
)
from ingest.extract.headline import base_form, find_verb, headline, is_modal, is_negated
from ingest.extract.model import Actor, Event, Timex
from ingest.extract.nominal import nominal_at
from ingest.extract.not_happenings import (
    APPOSED_CHARGE,
    PERFECT,
    STATE_VERBS,
    THIS_PERIOD,
    background,
    in_aside,
    quoted,
)
from ingest.extract.subjects import UNRESOLVED, head_of, plural, subject_of
from ingest.extract.timex_patterns import MONTH
from ingest.extract.title_names import shorten_people, surname
from ingest.extract.verb_finder import find_verbs
from ingest.extract.verbs import AMBIGUOUS_PAST, IRREGULAR_PAST, SIMPLE_PAST
from models.dates import parse

_REPORT_FRAME = re.compile(
    r"\b(?:said|says|say|(?:responded|replied|reacted)\s+by\s+saying|told(?:\s+\w+){1,3}?|announced|reported|stated|"
    # "added it to its sanctions list" adds a thing; "he added" and "added that" tell
    r"added(?!\s+(?:it|them|him|her|the|a|an|its|their|his|two|three|\d)\b)|claimed|"
    r"confirmed|wrote|according\s+to\s+[^,]+,|(?:declared|warned|insisted|stressed|acknowledged|"
    r"admitted|denied|asserted|indicates|shows|suggests|reveals|found|finds)"
    r"(?=\s+(?:on\s+\w+\s+|\w+day\s+)?that\b))"
    # "a ceasefire announced by the ministry took effect": a participle, not a telling
    r"(?![\w-])(?!\s+by\s)\s*"
    # "said in a report last week that": the telling, its medium and its date
    r"(?:in\s+an?\s+(?:\w+\s+)?(?:report|statement|interview|briefing|post|video|letter)\s+)?"
    r"(?:on\s+\w+\s+|\w+day\s+|late\s+\w+\s+|earlier\s+|(?:last|this)\s+(?:week|month)\s+)?"
    r"(?:that\s)?",
    re.IGNORECASE,
)
_CLAUSE_SPLIT = re.compile(
    r";\s+|,\s+(?:and|but|while|whereas)\s+|\s+(?:and\s+then|while|whereas|but)\s+|,\s+before\s+"
    r"|(?<!\sday)(?<!\sdays)(?<!\sweek)(?<!\sweeks)(?<!\smonths)(?<!\syear),?\s+after\s+(?=[A-Z])"
    r"|,\s+(?:shortly\s+|soon\s+|just\s+)?after\s+|,\s+where\s+"
    # "After a drone killed three soldiers on 28 January, Washington struck ... on 2 February"
    r"|(?<=\d),\s+(?=(?:[A-Z][\w'’-]+\s+){1,3}" + SIMPLE_PAST + r"\b)"
    # "launched drones in April after a suspected strike killed seven officers on April 1"
    r"|(?<!\sday)(?<!\sdays)(?<!\sweek)(?<!\sweeks)(?<!\smonth)(?<!\syear)"
    r"\s+after\s+(?=(?:a|an|the|its|their)\s)"
    # "struck Beirut on Friday, a day after Washington lifted ...": the day before, its own.
    r"|,\s+(?=" + COUNT + r"\s+(?:days?|weeks?|months?|years?)\s+(?:after|before)\s)"
    # "entered the city on Monday and withdrew on Wednesday": a second verb, a second clause.
    # Not "with grenades and uncrewed surface vessels": an -ed word before a bare noun.
    r"|\s+and\s+(?=(?:later\s+|then\s+|again\s+|[a-z]{3,}ly\s+)?(?:[a-z]+ed(?!\s+[a-z]+\s+[a-z]+s\b)"
    r"(?=\s+(?:(?:the|a|an|its|their|his|her|them|it|him|at|on|in|into|to|from|with|by|over|more|about|"
    r"some|several|dozens|hundreds|thousands|two|three|four|five|six|seven|eight|nine|ten|back|"
    r"down|up|out|off|[a-z]+ly)\b|[A-Z\d])|[,.;]|\s*$)|"
    + "|".join(
        sorted(
            w
            for w in IRREGULAR_PAST
            if w.isalpha()
            and len(w) > 3
            and w not in ("left", "felt", "found", "bound", "wound", "read")
        )
    )
    + r")\b)"
)


def propose_events(
    text: str, timexes: list[Timex], actors: list[Actor], published: dt.date | None
) -> list[Event]:
    """Dated happenings in ``text`` as event proposals (see the module notes)."""
    mentions = sorted((start, end, actor.name) for actor in actors for start, end in actor.mentions)
    people = sorted((s, e) for actor in actors if actor.kind == "person" for s, e in actor.mentions)
    owners = {
        e: (s, actor.kind)
        for actor in actors
        if actor.kind in ("organisation", "group", "state")
        for s, e in actor.mentions
    }
    mention_starts = [m[0] for m in mentions]
    # People and organisations for headlines: surnames, and what "they" or "he" stand for.
    # "Russian state media": a demonym before a noun, which no later "it" or "they" means.
    gazetteer = gazetteers.builtin()
    adjectives = frozenset(
        end
        for end, (start, _kind) in owners.items()
        if _NOUN_NEXT.match(text, end)
        and getattr(gazetteer.lookup(text[start:end]), "role", "") == "adjective"
    )
    naming = (people, owners, sorted(owners), sorted((e, s) for s, e in people), adjectives)
    surfaces = name_surfaces(text, actors)
    states = frozenset(actor.name for actor in actors if actor.kind == "state")
    # Groups named as such, not as a modifier ("the al Qaeda-affiliated group").
    groups = sorted(
        (e, actor.name)
        for actor in actors
        if actor.kind == "group"
        for _s, e in actor.mentions
        if text[e : e + 1] != "-"
    )
    # States named as actors, not as where ("at the White House", "in Qatar").
    state_mentions = sorted(
        (e, actor.name)
        for actor in actors
        if actor.kind == "state"
        for s, e in actor.mentions
        if not re.search(r"\b(?:at|in|to|from|near|into)\s+(?:the\s+)?$", text[max(0, s - 12) : s])
    )
    home = main_state(actors)  # whose "parliament" or "army" an unowned one is
    parties = sorted([*state_mentions, *groups])  # "both sides": states or armed groups
    bodies = sorted(
        (e, actor.name)
        for actor in actors
        if actor.kind == "organisation"
        for _s, e in actor.mentions
    )
    dated = dated_spans(text, timexes)
    dated_starts = [d[0] for d in dated]
    events: list[Event] = []
    previous: tuple[int, int] | None = None
    for start, end in sentences.split(text):
        before, previous = previous, (start, end)
        dateline = DATELINE.match(text, start, end)
        if dateline and (
            dateline.group().isupper()
            or "(" in dateline.group()
            or text[start : dateline.end()].split(",")[0].isupper()
        ):
            start = dateline.end()
        bullet = BULLET.match(text, start, end)
        if bullet:
            start = bullet.end()  # "• Relocation resumed on 3 November": a list item
        first = bisect_left(dated_starts, start)
        inside = []
        for index in range(first, len(dated)):
            if dated[index][0] >= end:
                break
            inside.append(dated[index])
        if not any(when for _s, _e, when in inside):
            continue
        if STAMP.match(text, start):
            continue  # "14:20 GMT - UN chief urges restraint", "Published 7 May": when posted
        if _EDITORS_NOTE.search(text, max(0, start - 200), start + 1):
            continue  # "[Translated from Arabic. The original was published on 13 November.]"
        entry = timeline_entry(text, start, end, inside)
        if entry is not None:
            # "* Oct. 3, 1899 - A tribunal in Paris awards the territory to British Guiana."
            when, title, rest_start = entry
            if published is None or parse(when).earliest <= day_end(published):
                names = actors_in(mentions, mention_starts, rest_start, end, text, states)
                events.append(Event(when, title, text[start:end], start, end, names))
            continue
        # "the killing of X on Sept. 27": the date is the noun's, a happening of its own.
        claimed = []
        for d_start, d_end, when in inside:
            nominal = nominal_at(text, start, d_start, d_end) if when else None
            if nominal is None or background(text, start, d_start):
                continue
            claimed.append((d_start, d_end, when))
            if published is not None and parse(when).earliest > day_end(published):
                continue
            title, n_start, n_end = nominal
            for p_start, p_end in people:
                if n_start <= p_start and p_end <= n_end and " " in text[p_start:p_end]:
                    title = title.replace(text[p_start:p_end], surname(text[p_start:p_end]))
            title = _HONORIFIC.sub("", title)
            span = (min(n_start, d_start), max(n_end, d_end))
            names = actors_in(mentions, mention_starts, *span, text, states)
            # Who did it: "the attacks on X on 6 July ..., both claimed by the Houthis";
            # "the RSF killed civilians during their assault on Zamzam".
            agent = _CLAIMED_BY.search(text, span[1], min(end, span[1] + 160))
            if agent:
                doers = actors_in(mentions, mention_starts, agent.end(), agent.end() + 50)
                names = [*doers[:1], *(n for n in names if n not in doers[:1])]
            if _OWNED_NOUN.search(text, max(start, n_start - 8), n_start):
                doers = actors_in(mentions, mention_starts, start, n_start, text, states)
                names = [*doers, *(n for n in names if n not in doers)]
            events.append(Event(when, title, text[start:end], start, end, names))
        # "Shekau, who blew himself up in 2021, ...": a dated happening told in an aside.
        for aside in aside_events(
            text, start, end, inside, people, mentions, mention_starts, _title
        ):
            when = aside.date
            if published is None or parse(when).earliest <= day_end(published):
                events.append(aside)
        inside = [d for d in inside if d not in claimed]
        if not any(when for _s, _e, when in inside):
            continue
        subject = ""
        antecedent = _common_subject(text, *before) if before else ""
        clauses = _clauses(text, start, end, inside)
        if len(clauses) == 1:
            # "Officials have described it as X, and in May the EU added it to its list":
            # the one date is the second clause's.
            first_date = min(d_start for d_start, _e, _w in inside)
            joins = list(_DATED_JOIN.finditer(text, start, first_date))
            if joins and find_verb(text[start : joins[-1].start()]):
                clauses = [(joins[-1].end(), end, inside)]
        # One day named once, or as a time and its date ("at 4 a.m. on Wednesday").
        if len(clauses) == 1 and len({(when or "")[:10] for _s, _e, when in inside}) == 1:
            # "In August 2023, Fano seized Lalibela, and parliament declared an emergency"
            last_date_end = max(d_end for _s, d_end, _w in inside)
            joins = shared_date_clauses(text, start, end, last_date_end)
            if joins:
                clauses = [(start, joins[0][0], inside)]
                clauses += [(begin, stop, inside) for _join, begin, stop in joins]
        for clause_start, clause_end, candidates in clauses:
            clause_start = max(clause_start, start)
            found = _title(
                text,
                clause_start,
                clause_end,
                candidates,
                naming,
                subject,
                blanks=claimed,
                antecedent=antecedent,
            )
            if not found:
                continue
            title, when, subject = found
            if published is not None and parse(when).earliest > day_end(published):
                continue  # a plan, not a happening yet
            names = []
            for left, right in _without_attribution(text, clause_start, clause_end):
                names += actors_in(mentions, mention_starts, left, right, text, states)
            names = list(dict.fromkeys(names))
            # A subject taken from the clause before or from a pronoun's referent ("Russian
            # forces shelled X on Monday and struck Y on Tuesday") brings its actors along.
            for name in named_in(subject, surfaces):
                if name not in names:
                    names.insert(0, name)
            group = group_meant(subject, groups, clause_start)
            if group and group not in names:
                names.insert(0, group)
            body = body_meant(subject, bodies, clause_start)
            teller = _TELLER_OF_ITS.search(text, clause_start, clause_end)
            if not body and teller:
                # "the committee said its officers had detained a suspect": the committee's
                body = body_meant(teller["noun"], bodies, clause_start)
            if body and body not in names:
                names.insert(0, body)
            for name in pair_meant(subject, state_mentions, clause_start, parties):
                if name not in names:
                    names.append(name)
            owner = home
            if "government" in subject.lower():
                owner = _government_before(text, state_mentions, clause_start) or home
            state = state_meant(subject, owner)
            if state and not states.intersection(names):
                names.insert(0, state)
            events.append(
                Event(when, _HONORIFIC.sub("", title), text[start:end], start, end, names)
            )
    if published is not None:
        for event in events:
            event.date = _until(event.date, published)
    return merge(events)


# "the committee said (that) its officers ...": a body telling its own people's deed
_TELLER_OF_ITS = re.compile(r"\bthe\s+(?P<noun>[a-z]+)\s+said\s+(?:that\s+)?(?:its|their)\s")


def _until(when: str, published: dt.date) -> str:
    """A stretch of days that runs past the publication date ends on it: what "earlier this
    week" told on a Thursday happened between Monday and Thursday."""
    first, slash, last = when.partition("/")
    if not slash or len(first) != 10 or len(last) != 10:
        return when
    day = published.isoformat()
    return f"{first}/{day}" if first < day < last else when


# A record of what happened is not a happening: "the earliest footage, uploaded ... at 11.32am",
# "a satellite image dated 10 May shows the school intact".
_RECORD_VERBS = frozenset(
    ["date", "upload", "post", "publish", "capture", "film", "take", "share", "circulate",
     "show", "indicate", "suggest", "reveal"]
)  # fmt: skip
_RECORD_BEFORE = re.compile(
    r"\b(?:image|images|imagery|footage|video|videos|photo|photos|photograph|photographs|"
    r"picture|pictures|clip|clips|statement|message|recording|recordings|data|figures|map|maps|"
    r"survey|poll|project|analysis|tracker|records?)\b[^.;]*$",
    re.IGNORECASE,
)


def _government_before(text: str, state_mentions: list[tuple[int, str]], position: int) -> str:
    """The state of the last "Syrian government" or "Syria's government" in the 400
    characters before ``position``: whose "the government" a later one is."""
    index = bisect_left(state_mentions, (position, ""))
    for end, name in reversed(state_mentions[:index]):
        if end < position - 400:
            break
        if _GOVERNMENT_AFTER.match(text, end):
            return name
    return ""


_GOVERNMENT_AFTER = re.compile(r"(?:['’]s)?\s+(?:transitional\s+|interim\s+)?government\b")


# "Footage published on December 3 indicates that Russian forces advanced": the evidence's
# day dates what it shows.
_EVIDENCE = re.compile(r"\b(?:indicates?|shows?|suggests?|reveals?|confirms?)\b", re.IGNORECASE)
_STATISTIC = re.compile(
    r"^(?:[\w'-]+\s+){0,2}(?:rates?|numbers?|share|percentage|proportion|levels?|total|turnout|"
    r"inflation|prices|homicides|murders|killings|exports|imports|output|production|arrivals|"
    r"crossings|applications)\s+(?:reach|fall|rise|drop|climb|decline|double|"
    r"triple|increase|decrease|jump|surge|stand|hit|top|exceed|soar|plunge)(?:e?s)?\b",
    re.IGNORECASE,
)
_TREND = re.compile(
    r"^(?:Reports|Fears|Concerns|Calls|Pressure|Tensions|Questions|Doubts|Worries)\s+"
    r"(?:(?:of|about|over|for)\s+(?:\S+\s+){1,5}?)?(?:mounts?|grows?|rises?|increases?|deepens?)\b"
)
_SELF_REPORT = re.compile(r"[\s,]*(?:that\s+)?(?:it|they|we|its|their|our)\b", re.IGNORECASE)
# Inside a bracketed note that opens its own line: the editor's, not the story's.
_EDITORS_NOTE = re.compile(r"(?:^|\n)[ \t]*\[[^\]\n]*\Z")
# ", and in May", "; on Monday": a join right before a clause that opens with its date.
_DATED_JOIN = re.compile(
    r"(?:,\s+and|;)\s+(?=(?:in|on|at|late|early|by|last|this|earlier|later)\s+[^,]{0,40}$)"
)
_CLAIMED_BY = re.compile(
    r",\s+(?:both\s+|all\s+|each\s+)?(?:claimed|carried\s+out|conducted|launched)\s+by\s+"
)
_OWNED_NOUN = re.compile(r"\b(?:their|its)\s+$")
_REDUCED_RELATIVE = re.compile(
    r"\s+(?:in|at|near|inside|by|on)\s+(?:the\s+)?[\w'’-]+\s+" + SIMPLE_PAST + r"\b"
)
# "known to have survived", "believed to be": what is said of a noun, not its verb
_HEARSAY = re.compile(
    r"known|believed|thought|said|reported|alleged|understood|feared|estimated|presumed|"
    r"suspected|rumou?red|claimed"
)
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|it|they|he|she|we)\s+$"
)
_CALENDAR = re.compile(rf"\d|{MONTH}", re.IGNORECASE)  # a date with a number or a month
_AND_THAT = re.compile(r",?\s+and\s+that\s+")


# ", a local councillor told AFP", ", according to SITE": who reports it, not who did it.
_ATTRIBUTED = re.compile(
    r",\s+(?:(?:[\w.'’()-]+\s+){0,8}?(?:said|says|told|reported|added)\b|according\s+to\b)"
)


def _without_attribution(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a clause without its attribution: before a trailing one ("X happened, a
    councillor told AFP"), around one set between commas ("On the 6th, the AA said, its
    fighters repelled a raid")."""
    match = _ATTRIBUTED.search(text, start, end)
    if match is None:
        return [(start, end)]
    aside = _ASIDE_END.match(text, match.end())
    if aside:
        return [(start, match.start()), (aside.end(), end)]
    return [(start, match.start())]


_ASIDE_END = re.compile(r"[^,.;]{0,20},\s+(?=(?:its|their|his|her|the|it|they|he|she)\s)")


_HONORIFIC = re.compile(r"\b(?:(?:Dr|Mr|Mrs|Ms)\.?|(?:Gen|Lt|Col|Sen|Rep|Gov|Prof)\.)\s+(?=[A-Z])")


def _clauses(text, start, end, inside):
    """Give each date its own clause when a sentence names several dates ("X led prayers on
    Saturday, and Y was buried the same afternoon": one day, two clauses)."""
    if len(inside) == 1:
        return [(start, end, inside)]
    cuts = [start]
    for match in _CLAUSE_SPLIT.finditer(text, start, end):
        cuts.append(match.start())
    cuts.append(end)
    result = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        here = [d for d in inside if left <= d[0] < right]
        if here:
            result.append((left, right, here))
    return result


def _title(
    text: str,
    start: int,
    end: int,
    candidates,
    names=None,
    inherited: str = "",
    blanks=(),
    antecedent: str = "",
) -> tuple[str, str, str] | None:
    """The headline of a clause, the date nearest its verb and the headline's subject.

    ``names`` is (person mention spans, organisation and state mentions by their end), for
    writing people by their surnames (:func:`title_names.shorten_people`). ``antecedent`` is
    the previous sentence's subject when it is a common noun (see :func:`_common_subject`).
    """
    # Blank the dates out so that "Tuesday" is not read as the subject.
    pieces = []
    position = start
    for t_start, t_end, _when in sorted([*candidates, *blanks], key=lambda c: c[0]):
        t_start, t_end = max(t_start, position), min(t_end, end)
        if t_end <= t_start:
            continue
        pieces.append(text[position:t_start])
        pieces.append(" " * (t_end - t_start))
        position = t_end
    pieces.append(text[position:end])
    clause = "".join(pieces)
    clause = re.sub(
        # ("sworn in on 25 April": the "in" is the verb's)
        r"\b(?<!sworn\s)(?<!stepped\s)(?:(?:on|in|at|during|since|by|from|until|between|of|"
        r"early|late|around|about|"
        r"approximately|shortly|just|nearly|some|after|before|the|night|morning|evening|"
        r"afternoon|weekend|week|end|start|beginning|middle|dawn|hours)\s+)+(?=\s{3,})",
        lambda m: " " * len(m.group()),
        clause,
        flags=re.IGNORECASE,
    )
    if clause.rstrip().endswith("?"):
        return None
    if APPOSED_CHARGE.search(clause):
        return None  # "..., a charge the Taliban government rejected": a claim and its denial
    if names:
        clause = shorten_people(text, clause, start, names[0], names[1])
    body, offset, speaker = clause, 0, ""
    attributed = False  # the happening comes before its attribution ("X happened, Y said")
    frame = None
    for match in _REPORT_FRAME.finditer(clause):
        frame = match
    if frame is not None:
        # "X happened, the governor said, as ...": the happening is before the attribution;
        # "The governor said that X happened": it is after.
        head = clause[: frame.start()]
        attribution = re.search(r",\s*(?:[\w.'’()-]+\s+){0,9}$", head)
        if attribution and find_verb(head[: attribution.start()]):
            body, attributed = head[: attribution.start()], True
        elif find_verb(clause[frame.end() :]):
            body, offset, speaker = clause[frame.end() :], frame.end(), head
    gerund = AFTER_GERUND.match(body)
    if gerund and inherited and len(candidates) == 1 and candidates[0][2]:
        return gerund_title(body, gerund, inherited, candidates[0][2])
    verb = find_verb(body)
    if verb is None:
        return None
    # If the date nearest the main verb sits in a later "after ..." clause, it dates that
    # clause's verb instead ("The war erupted after Hamas attacked Israel on 7 October").
    first_at = start + offset + verb[0]
    closest = min(candidates, key=lambda c: min(abs(c[0] - first_at), abs(c[1] - first_at)))
    local = closest[0] - start - offset
    if closest[2] and 0 <= local < len(body):
        nearer = find_verb(body, local) or verb
        reduced = (
            nearer[0] > verb[0]
            and " " not in body[nearer[0] : nearer[1]]
            and re.match(r"\s+by\s", body[nearer[1] :])
            and not _AUXILIARY_BEFORE.search(body, 0, nearer[0])
        )
        if not reduced:  # "assumed authority the same day under an arrangement backed by"
            verb = nearer
    referents = _referents(text, start, names, start + offset + verb[0])
    if antecedent:
        # "The fighting began in 2023. It escalated in September": "it" is the fighting.
        referents["they" if plural(antecedent) else "it"] = antecedent
    title = ""
    # A verb with no subject ("Buried a foot deep, the weapon was unearthed") gives way to
    # the next one.
    later = [v for v in find_verbs(body) if v[0] > verb[0]]
    for candidate in [verb, *later]:
        after = body[candidate[1] :].split()
        if (
            candidate[3]
            and " " not in body[candidate[0] : candidate[1]]
            and after[:1] == ["by"]
            and any(v[0] > candidate[1] for v in later)
        ):
            continue  # "talks mediated by Egypt stalled": "mediated" describes the talks
        if (
            not candidate[3]
            and after
            and after[0].isalpha()
            and after[0].islower()
            and after[0] not in AMBIGUOUS_PAST
            and base_form(after[0])
        ):
            continue  # "The warrant issued Monday charged Kopp": "issued" describes the warrant
        if (
            not candidate[3]
            and after[:1]
            and after[0] in ("in", "at", "near", "inside", "by", "on")
            and _REDUCED_RELATIVE.match(body, candidate[1])
        ):
            continue  # "the captives held in the enclave walked free": "held" describes them
        if (
            _HEARSAY.fullmatch(body[candidate[0] : candidate[1]])
            and re.match(r"\s+to\s", body[candidate[1] :])
            and not _AUXILIARY_BEFORE.search(body, 0, candidate[0])
            and any(v[0] > candidate[1] for v in later)
        ):
            continue  # "The only Colombian known to have survived, X, was repatriated"
        before_verb = body[max(0, candidate[0] - 40) : candidate[1]]
        if is_modal(before_verb) or is_negated(before_verb) or candidate[2] in STATE_VERBS:
            return None
        if candidate[2] in _RECORD_VERBS and _RECORD_BEFORE.search(before_verb):
            return None  # "an image dated 10 May", "footage uploaded at 11.32am": a record
        if candidate[2] in ("appear", "seem", "suppose") and re.match(
            r"\s+to\b", body[candidate[1] :]
        ):
            return None  # "the ceasefire appeared to be holding": an impression, not a happening
        # "fires were brought under control and that all 45 crew were safe": one headline
        title = _AND_THAT.split(headline(body, candidate, speaker, referents, inherited))[0]
        if title:
            verb = candidate
            break
    if len(title.split()) < 2 or title.split()[0].lower() == verb[2] or not title[:1].isalnum():
        return None
    if _TREND.match(title) or _STATISTIC.match(title):
        return None  # "Reports mount of killings", "Homicides fall by 15%": a trend
    if _PREPOSITION_FIRST.match(title):
        return None  # "With 232 kills" (from "..., with 232 killed"): no subject, no happening
    verb_at = start + offset + verb[0]
    if quoted(text, start, verb_at) and not any(
        quoted(text, start, c[0]) and _CALENDAR.search(text, c[0], c[1]) for c in candidates
    ):
        # adding: "Turkey has entered a new phase." -- words quoted, not a happening; but a
        # quoted claim with a date of its own ("On 11 March, fighters took control of the
        # train," the BLA said) tells one.
        return None
    when_text = next((text[c[0] : c[1]] for c in candidates if c[0] >= verb_at), "")
    if PERFECT.search(body[: verb[1]]) and THIS_PERIOD.match(when_text):
        return None  # "100,000 people have fled this year": a running total, not one happening
    explicit = [c for c in candidates if c[2] and not DAYS_APART.match(text, c[0])]
    if explicit and len(explicit) < len(candidates):
        # "a week after its air strikes killed hundreds on September 23": the date given
        # beats the one counted.
        candidates = explicit
    # After "said on Thursday", a date of the reported clause's own, close to its verb, dates
    # the happening ("said on Thursday it had shot down 60 drones overnight").
    own = [
        c
        for c in candidates
        if offset and c[0] >= start + offset and c[2] and not background(text, start, c[0])
    ]
    if not any(abs(c[0] - verb_at) <= 80 for c in own) and not any(
        c[0] < start + offset for c in candidates
    ):
        # "said it had shot down 60 drones ..., the ministry said on Friday": a far date
        # is the clause's own only when the telling has a date of its own before it
        # ("On Saturday, a source told Reuters that drones had struck ... late on Friday").
        own = []
    if (
        offset
        and not own
        and any(c[0] >= start + offset and background(text, start, c[0]) for c in candidates)
    ):
        return None  # "said on Thursday that 50,000 had crossed since the start of the month"
    if attributed:
        # "RSF killed hundreds, aid groups said on Wednesday": Wednesday is when it was said;
        # the killing's own date is not known.
        own = [c for c in candidates if c[0] < start + len(body)]
        if not own:
            return None
    if (
        offset
        and not own
        and any(c[0] < start + offset for c in candidates)
        and not _SELF_REPORT.match(body)
        and not _EVIDENCE.search(speaker[-60:] + " " + text[start : start + offset][-40:])
    ):
        # "Rubio said late on Wednesday that all sides had agreed": when it was said; but
        # "the army said on Saturday it had recaptured a bridge" tells its own deed that day.
        return None
    pool = own or candidates
    # "X, in office since November 2024, assumed authority the same day": a "since" date
    # starts a state; another date in the clause dates the happening.
    current = [c for c in pool if c[2] and not background(text, start, c[0])]
    if current and len(current) < len(pool):
        if PERFECT.search(body[: verb[1]]):
            return None  # "have gained 2,350 sq km since November": a running total
        pool = current
    # "A fire broke out at the plant, which Russian forces have occupied since March 2022,
    # late on Sunday": a date in an aside is passed over for one outside it.
    outside = [c for c in pool if c[2] and not in_aside(text, start, end, c[0], verb_at)]
    if outside and len(outside) < len(pool):
        pool = outside
    nearest = min(pool, key=lambda c: min(abs(c[0] - verb_at), abs(c[1] - verb_at)))
    if not nearest[2]:
        return None  # the happening's own date is not known
    if in_aside(text, start, end, nearest[0], verb_at):
        return None  # "The war, which began in 2022, has killed ...": the date is background
    if background(text, start, nearest[0]):
        return None
    return title, nearest[2], subject_of(body, verb[0], speaker, referents, inherited)


def _common_subject(text: str, start: int, end: int) -> str:
    """The subject of the sentence at ``start:end`` when it is a common noun phrase ("the
    fighting", "Russian forces"): what an "it" or "they" opening the next one stands for."""
    body = text[start:end]
    verb = find_verb(body)
    subject = subject_of(body, verb[0]) if verb else ""
    if not subject or subject.lower() in UNRESOLVED or not head_of(subject).split()[-1].islower():
        return ""
    return subject


def _referents(text: str, start: int, names, person_at: int | None = None) -> dict[str, str]:
    """What "they"/"it" and "he"/"she" most likely stand for at ``start``: the organisation,
    group or state, and the person (named before ``person_at``, the pronoun, which may be in
    the same sentence: "Slepian ... was shot after he returned"), named last in the 400
    characters before."""
    person_at = start if person_at is None else person_at
    if not names:
        return {}
    _people, owners, owner_ends, people_by_end, adjectives = names
    found: dict[str, str] = {}
    # "Russian state media reported": a modifier of another noun is not what a later "it"
    # or "they" stands for; nor, for "they", is "Russia's" in "Russia's foreign ministry".
    for pronoun in ("it", "they"):
        index = bisect_right(owner_ends, start) - 1
        while index >= 0 and (
            owner_ends[index] in adjectives
            or (pronoun == "they" and _POSSESSIVE.match(text, owner_ends[index]))
        ):
            index -= 1
        if index >= 0 and owner_ends[index] >= start - 400:
            end = owner_ends[index]
            found[pronoun] = text[owners[end][0] : end]
    index = bisect_right(people_by_end, (person_at, person_at)) - 1
    if index >= 0 and people_by_end[index][0] >= person_at - 400:
        end, begin = people_by_end[index]
        found["he"] = found["she"] = surname(text[begin:end])
    return found


_PREPOSITION_FIRST = re.compile(
    r"(?:with|without|in|on|for|from|by|of|to|into|during|amid)\s", re.IGNORECASE
)
_NOUN_NEXT = re.compile(r"[ -][a-z]")
_POSSESSIVE = re.compile(r"['’]s\b")
