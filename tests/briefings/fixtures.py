"""Workspaces for briefing tests: a small realistic one (real public events, several scripts,
every kind of date) and a synthetic one of any size."""

from __future__ import annotations

import json
import random

from models import operations as ops
from models.store import Workspace

ACTORS = [
    ("Russia", "state", ["Россия", "Moscow", "Kremlin"], "RU", ""),
    ("Ukraine", "state", ["Україна", "Kyiv"], "UA", ""),
    ("Türkiye", "state", ["Turkey", "Ankara"], "TR", ""),
    ("United Nations", "organisation", ["UN"], "", ""),
    ("North Korea", "state", ["DPRK", "조선민주주의인민공화국"], "KP", ""),
    ("China", "state", ["中国", "PRC", "Beijing"], "CN", ""),
    ("Wagner Group", "group", ["ЧВК «Вагнер»"], "RU", ""),
    ("NATO", "organisation", ["North Atlantic Treaty Organization"], "", ""),
    ("Kim Jong Un", "person", ["김정은"], "KP", ""),
    ("Yevgeny Prigozhin", "person", ["Евгений Пригожин"], "RU", ""),
]

SOURCES = [
    # title, publisher, author, published, url, reliability
    (
        "Russia, Ukraine sign deals to reopen Black Sea grain ports",
        "Reuters",
        "Jonathan Spicer",
        "2022-07-22",
        "https://www.reuters.com/world/europe/russia-ukraine-grain-deal",
        "B",
    ),
    (
        "Black Sea Grain Initiative: Joint Coordination Centre",
        "UN News",
        "",
        "2022-08-01",
        "https://news.un.org/en/story/2022/08/1123752",
        "A",
    ),
    (
        "Крейсер «Москва» затонул",
        "Meduza (Медуза)",
        "",
        "2022-04-14",
        "https://meduza.io/news/2022/04/14/moskva",
        "C",
    ),
    (
        "김정은, 푸틴과 보스토치니 우주기지서 정상회담",
        "Yonhap (연합뉴스)",
        "",
        "2023-09-13",
        "https://www.yna.co.kr/view/AKR20230913",
        "B",
    ),
    (
        "习近平抵达莫斯科开始对俄罗斯进行国事访问",
        "Xinhua (新华社)",
        "",
        "2023-03-20",
        "http://www.news.cn/politics/leaders/2023-03/20/c_1129447377.htm",
        "D",
    ),
    (
        "Wagner chief's mutiny: a timeline",
        "BBC News",
        "",
        "2023-06-25",
        "https://www.bbc.co.uk/news/world-europe-66006880",
        "B",
    ),
    (
        "Ukraine's Kursk incursion: what we know",
        "Kyiv Independent",
        "Martin Fornusek",
        "2024-08-12",
        "https://kyivindependent.com/kursk-incursion",
        "C",
    ),
    ("Field notes from Odesa port (analyst interview)", "", "Internal", "2023-09-20", "", ""),
    ("R&D <draft> memo on energy strikes", "Internal", "Desk officer", "2024-11-18", "", "F"),
]

EVENTS = [
    # title, when, actors (names), description, location, confidence, tags, sources [(i, cred)]
    (
        "Russian build-up along Ukraine's borders",
        "2021-11~/2022-02",
        ["Russia"],
        "Satellite imagery shows large troop concentrations.",
        "Belarus and western Russia",
        "moderate",
        ["military"],
        [],
    ),
    (
        "Full-scale invasion of Ukraine",
        "2022-02-24",
        ["Russia", "Ukraine"],
        "Russian forces cross into Ukraine from the north, east and south.",
        "Ukraine",
        "high",
        ["military"],
        [(0, 1)],
    ),
    (
        "Sinking of the cruiser Moskva (крейсер «Москва»)",
        "2022-04-14",
        ["Russia", "Ukraine"],
        "The Black Sea Fleet flagship sinks after Ukraine says it struck it with Neptune missiles.",
        "Black Sea",
        "high",
        ["naval"],
        [(2, 2)],
    ),
    (
        "Black Sea Grain Initiative signed",
        "2022-07-22",
        ["Russia", "Ukraine", "Türkiye", "United Nations"],
        "Separate agreements allow grain exports from three Ukrainian ports.",
        "Istanbul",
        "high",
        ["grain", "diplomacy"],
        [(0, 1), (1, 1)],
    ),
    (
        "First grain ship leaves Odesa",
        "2022-08-01",
        ["Ukraine", "United Nations"],
        "The Razoni sails with 26,000 tonnes of maize.",
        "Odesa",
        "high",
        ["grain"],
        [(1, 1)],
    ),
    (
        "Nord Stream pipelines damaged by explosions",
        "2022-09-26",
        [],
        "Seismic events recorded near Bornholm; attribution disputed.",
        "Baltic Sea",
        "low",
        ["energy"],
        [],
    ),
    (
        "Crimean Bridge explosion",
        "2022-10-08",
        ["Russia", "Ukraine"],
        "",
        "Kerch Strait",
        "moderate",
        ["infrastructure"],
        [],
    ),
    (
        "Xi Jinping (习近平) state visit to Moscow",
        "2023-03-20/2023-03-22",
        ["China", "Russia"],
        "Talks with Putin on a 'no limits' partnership.",
        "Moscow",
        "high",
        ["diplomacy"],
        [(4, 2)],
    ),
    (
        "Wagner claims capture of Bakhmut",
        "2023-05-20",
        ["Wagner Group", "Yevgeny Prigozhin"],
        "Prigozhin announces Bakhmut taken; Kyiv disputes it.",
        "Bakhmut",
        "moderate",
        ["military"],
        [(5, 3)],
    ),
    (
        "Wagner mutiny",
        "2023-06-23/2023-06-24",
        ["Wagner Group", "Russia", "Yevgeny Prigozhin"],
        "Wagner columns advance towards Moscow before a deal ends the revolt.",
        "Rostov-on-Don",
        "high",
        ["military", "politics"],
        [(5, 2)],
    ),
    (
        "Russia withdraws from the grain deal",
        "2023-07-17",
        ["Russia", "United Nations"],
        "Moscow declines to extend the initiative.",
        "Moscow",
        "high",
        ["grain", "diplomacy"],
        [(1, 1)],
    ),
    (
        "Ships begin using Ukraine's own corridor",
        "2023-09~",
        ["Ukraine"],
        "Vessels hug the western Black Sea coast under Ukrainian protection.",
        "Western Black Sea",
        "moderate",
        ["grain", "naval"],
        [(7, 3)],
    ),
    (
        "Kim Jong Un (김정은) meets Putin at Vostochny",
        "2023-09-13",
        ["North Korea", "Kim Jong Un", "Russia"],
        "Summit at the cosmodrome; arms deal suspected.",
        "Vostochny Cosmodrome",
        "high",
        ["diplomacy"],
        [(3, 2)],
    ),
    (
        "Prigozhin killed in plane crash",
        "2023-08-23",
        ["Yevgeny Prigozhin", "Wagner Group"],
        "An Embraer jet crashes in Tver region; all ten aboard die.",
        "Tver region",
        "high",
        ["politics"],
        [(5, 2)],
    ),
    (
        "Russia–North Korea strategic partnership treaty",
        "2024-06-19",
        ["Russia", "North Korea"],
        "Mutual assistance clause in case of aggression.",
        "Pyongyang",
        "high",
        ["diplomacy"],
        [(3, 2)],
    ),
    (
        "North Korean troops deployed to Russia",
        "2024-10?",
        ["North Korea", "Russia"],
        "Reports of several thousand troops training in Russia's Far East.",
        "Kursk oblast",
        "low",
        ["military"],
        [(3, 4), (6, 3)],
    ),
    (
        "Ukrainian incursion into Kursk oblast",
        "2024-08-06/..",
        ["Ukraine", "Russia"],
        "Cross-border offensive; Ukraine holds ground for months.",
        "Kursk oblast",
        "high",
        ["military"],
        [(6, 2)],
    ),
    (
        "Strikes on the energy grid",
        "2024-W46",
        ["Russia", "Ukraine"],
        "Waves of missiles and drones on power plants; R&D <draft> assessment pending.",
        "Ukraine",
        "moderate",
        ["energy", "infrastructure"],
        [(8, 5)],
    ),
    ("Finland joins NATO", "2023-04-04", ["NATO"], "", "Brussels", "high", ["diplomacy"], []),
    (
        "NATO summit in Washington",
        "2024-07-09/2024-07-11",
        ["NATO"],
        "75th anniversary summit.",
        "Washington",
        "high",
        ["diplomacy"],
        [],
    ),
    (
        "Kakhovka dam destroyed",
        "2023-06-06",
        ["Russia", "Ukraine"],
        "Flooding downstream on the Dnipro.",
        "Nova Kakhovka",
        "moderate",
        ["infrastructure"],
        [],
    ),
    (
        "Avdiivka falls",
        "2024-02-17",
        ["Russia", "Ukraine"],
        "",
        "Avdiivka",
        "high",
        ["military"],
        [],
    ),
]

PERIODS = [
    ("Grain deal in force", "2022-07-22/2023-07-17", "#e69f00"),
]

KEY_JUDGMENTS = """**Russia will very likely keep striking Ukraine's energy grid through the winter.**
The November strikes followed the pattern of 2022 and 2023; stocks of missiles appear sufficient.

- North Korean support is *likely* to grow: troops, shells and missiles.
- Black Sea exports are **almost certain** to continue through Ukraine's own corridor.

Confidence is moderate: Korean-language reporting (연합뉴스) is thin and the R&D <draft> memo is unverified."""


def realistic(ws: Workspace) -> dict[str, int]:
    """Fill ``ws`` with the realistic fixture; returns actor ids by name."""
    actor_ids = {}
    for name, kind, aliases, country, colour in ACTORS:
        change = ops.add_actor(
            ws,
            name,
            kind,
            aliases=aliases,
            country=country,
            colour=colour,
            notes=f"Notes on {name}." if kind == "state" else "",
        )
        actor_ids[name] = change.first_added("actors")
    source_ids = []
    for index, (title, publisher, author, published, url, grade) in enumerate(SOURCES):
        change = ops.add_source(
            ws,
            title=title,
            text=f"Source text {index}: {title}",
            publisher=publisher,
            author=author,
            published=published,
            url=url,
            reliability=grade,
            kind="html" if url else "manual",
        )
        source_ids.append(change.first_added("sources"))
    for title, when, names, description, location, confidence, tags, cites in EVENTS:
        ops.add_event(
            ws,
            title,
            when,
            actors=[actor_ids[n] for n in names],
            description=description,
            location=location,
            confidence=confidence,
            tags=tags,
            sources=[{"source_id": source_ids[i], "credibility": c} for i, c in cites],
        )
    for name, when, colour in PERIODS:
        ops.add_period(ws, name, when, colour=colour)
    return actor_ids


WORDS = [
    "strike",
    "convoy",
    "talks",
    "ceasefire",
    "shelling",
    "drone",
    "port",
    "grain",
    "sanctions",
    "summit",
    "border",
    "offensive",
    "withdrawal",
    "protest",
    "election",
    "pipeline",
    "airbase",
    "blockade",
    "envoy",
    "treaty",
]


def synthetic(
    ws: Workspace, events: int, actors: int = 12, sources: int | None = None, seed: int = 7
) -> None:
    """A workspace of ``events`` plausible events, bulk-inserted in one transaction."""
    rng = random.Random(seed)
    sources = sources if sources is not None else max(5, events // 6)
    stamp = "2024-12-01T00:00:00Z"
    from models import dates

    with ws.bulk() as conn:
        conn.executemany(
            "INSERT INTO actors (id, name, kind, aliases, country, colour, notes, created, updated)"
            " VALUES (?, ?, 'state', '[]', '', '', '', ?, ?)",
            [(i, f"Actor {i:02d}", stamp, stamp) for i in range(1, actors + 1)],
        )
        conn.executemany(
            "INSERT INTO sources (id, title, publisher, published, imported_at, url, reliability)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    i,
                    f"Report {i} on {rng.choice(WORDS)}",
                    rng.choice(["Reuters", "AP", "BBC", "AFP"]),
                    f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    stamp,
                    f"https://example.org/report/{i}",
                    rng.choice("ABCDEF"),
                )
                for i in range(1, sources + 1)
            ],
        )
        rows, actor_links, source_links = [], [], []
        for i in range(1, events + 1):
            day = rng.randint(0, 729)
            base = dates.parse("2023-01-01").earliest + day * 86400
            moment = dates.to_iso(base)[:10]
            kind = rng.random()
            if kind < 0.7:
                when = moment
            elif kind < 0.8:
                when = moment[:7] + "~"
            elif kind < 0.9:
                end = dates.to_iso(base + rng.randint(2, 40) * 86400)[:10]
                when = f"{moment}/{end}"
            elif kind < 0.95:
                when = moment + "?"
            else:
                when = f"{moment}/.."
            parsed = dates.parse(when)
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7)))
            description = " ".join(rng.choice(WORDS) for _ in range(rng.randint(15, 35)))
            rows.append(
                (
                    i,
                    words.capitalize(),
                    description,
                    parsed.edtf(),
                    parsed.earliest,
                    parsed.latest,
                    f"Place {rng.randint(1, 60)}",
                    rng.choice([1, 2, 3, None]),
                    json.dumps([rng.choice(WORDS)]),
                    stamp,
                    stamp,
                )
            )
            for actor in rng.sample(range(1, actors + 1), rng.choice([1, 1, 2, 2, 3])):
                actor_links.append((i, actor))
            for source in rng.sample(range(1, sources + 1), rng.choice([0, 1, 1, 2])):
                source_links.append((i, source, rng.randint(1, 6)))
        conn.executemany(
            'INSERT INTO events (id, title, description, "when", earliest, latest, location,'
            " confidence, tags, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany("INSERT INTO event_actors (event_id, actor_id) VALUES (?, ?)", actor_links)
        conn.executemany(
            "INSERT INTO event_sources (event_id, source_id, credibility) VALUES (?, ?, ?)",
            source_links,
        )
