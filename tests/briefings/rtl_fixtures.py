"""A workspace in Arabic, Persian and Hebrew (with Latin, digits and CJK mixed in)."""

from __future__ import annotations

from briefings import Briefing, Pack, Scope
from models import operations as ops
from models.store import Workspace

ARABIC_ACTOR = "الحرس الثوري الإسلامي"
PERSIAN_ALIAS = "سپاه پاسداران انقلاب اسلامی"
HEBREW_ACTOR = "צבא ההגנה לישראל"
ARABIC_TITLE = "قصف ميناء الحديدة"
PERSIAN_TITLE = "حمله پهپادی به پایگاه نظامی"
HEBREW_TITLE = "יירוט טילים מעל הגליל"
MIXED_TITLE = "IRGC statement: الحرس الثوري claims 12 drones"
DIGITS_TITLE = "هجوم بـ 12 صاروخاً في 2024"
HEBREW_QUOTE = "המבצע יימשך 10 ימים לפחות"
ARABIC_SOURCE = "الحوثيون يعلنون استهداف سفينة في البحر الأحمر"
CJK_TITLE = "中国海警船在黄岩岛附近巡逻"
CJK_ACTOR = "中国海警局"

KEY_JUDGMENTS = f"""**{ARABIC_TITLE}**

**{CJK_TITLE}**

The {ARABIC_ACTOR} ({PERSIAN_ALIAS}) will *likely* keep striking shipping.

{HEBREW_QUOTE}."""


def rtl(ws: Workspace) -> dict[str, int]:
    """Fill ``ws`` with right-to-left and CJK content; returns actor ids by name."""
    ids = {}
    for name, kind, aliases in (
        (ARABIC_ACTOR, "organisation", [PERSIAN_ALIAS, "IRGC"]),
        (HEBREW_ACTOR, "organisation", ["IDF"]),
        ("Houthis", "group", ["أنصار الله"]),
        (CJK_ACTOR, "organisation", ["China Coast Guard"]),
    ):
        ids[name] = ops.add_actor(ws, name, kind, aliases=aliases).first_added("actors")
    source = ops.add_source(
        ws,
        title=ARABIC_SOURCE,
        text="نص المصدر",
        publisher="الجزيرة",
        published="2024-01-12",
        reliability="C",
    ).first_added("sources")
    hebrew_source = ops.add_source(
        ws, title=HEBREW_QUOTE, text="טקסט המקור", publisher="הארץ", published="2024-04-14"
    ).first_added("sources")
    events = [
        (ARABIC_TITLE, "2024-07-20", [ids["Houthis"]], "ميناء الحديدة، اليمن", [source]),
        (PERSIAN_TITLE, "2024-04-13", [ids[ARABIC_ACTOR]], "اصفهان", []),
        (HEBREW_TITLE, "2024-04-14", [ids[HEBREW_ACTOR]], "הגליל", [hebrew_source]),
        (MIXED_TITLE, "2024-04-13", [ids[ARABIC_ACTOR]], "Isfahan", [source]),
        (DIGITS_TITLE, "2024-01-12", [ids["Houthis"]], "البحر الأحمر", []),
        (CJK_TITLE, "2024-03-23", [ids[CJK_ACTOR]], "黄岩岛", []),
    ]
    for title, when, actors, location, sources in events:
        ops.add_event(
            ws,
            title,
            when,
            actors=actors,
            location=location,
            confidence="moderate",
            sources=[{"source_id": s, "credibility": 2} for s in sources],
        )
    return ids


def rtl_pack(**changes) -> Pack:
    """A pack whose title, subtitle and judgments are in the scripts under test."""
    pack = Pack(
        title=ARABIC_TITLE,
        subtitle=f"{HEBREW_TITLE} · {CJK_TITLE}",
        author="J. Analyst",
        organisation="Middle East Desk",
        date="2024-11-18",
        briefings=[Briefing(title=PERSIAN_TITLE, scope=Scope(), key_judgments=KEY_JUDGMENTS)],
    )
    for key, value in changes.items():
        setattr(pack, key, value)
    return pack
