"""A realistic wire-style article in every supported format, built at run time.

The article follows the public record of the Israel–Hezbollah ceasefire of 27 November 2024
(dateline style as news agencies write it); it has absolute dates, relative ones
("yesterday", "on Tuesday", "earlier this month"), states, organisations and people.
"""

from __future__ import annotations

import calendar
import os
import zipfile
from email.message import EmailMessage
from pathlib import Path
from xml.sax.saxutils import escape

from tests.ingest.readers_fixtures import make_docx, make_mhtml, make_odt, make_pdf, news_page

TITLE = "Israel-Hezbollah ceasefire takes hold as displaced Lebanese head home"
PUBLISHED = "2024-11-27"
PARAGRAPHS = [
    "BEIRUT, Nov 27 (Meridian) - A ceasefire between Israel and Hezbollah took effect at "
    "4 a.m. on Wednesday, and thousands of displaced families began driving back towards "
    "southern Lebanon within hours, despite warnings from the Israeli military to stay away "
    "from frontline villages.",
    "Israel's security cabinet approved the truce late on Tuesday by a vote of 10 to 1, after "
    "U.S. President Joe Biden announced in Washington that both sides had accepted a proposal "
    "brokered by the United States and France.",
    "Under the agreement, Israeli forces will withdraw from southern Lebanon over 60 days while "
    "the Lebanese army deploys about 5,000 troops south of the Litani River. Hezbollah is to "
    "end its armed presence in the area, and a committee led by the United States will "
    "monitor violations.",
    "Lebanon's caretaker Prime Minister Najib Mikati called the ceasefire a fundamental step "
    "towards restoring calm and said the army would strengthen its presence in the south.",
    "Israeli Prime Minister Benjamin Netanyahu said Israel would keep full freedom of military "
    "action and would respond forcefully to any violation.",
    "The fighting began on Oct 8, 2023, when Hezbollah fired on Israeli positions in support "
    "of its ally Hamas. It escalated sharply in September, when Israel killed Hezbollah "
    "leader Hassan Nasrallah in an air strike on Beirut's southern suburbs, and on Oct 1 "
    "Israel launched a ground offensive in southern Lebanon.",
    "Lebanon's health ministry says more than 3,700 people have been killed in Lebanon since "
    "October 2023, most of them in the past two months, and about 1.2 million were displaced.",
    "Israeli jets struck Beirut's southern suburbs yesterday in some of the heaviest "
    "bombardment of the war, in the hours before the truce took effect.",
    "Diplomats said the agreement could be a model for a ceasefire in Gaza, where talks "
    "mediated by Egypt and Qatar stalled earlier this month. UN Secretary-General Antonio "
    "Guterres welcomed the deal and urged both sides to honour it fully.",
]
TEXT = "\n\n".join(PARAGRAPHS)
# The same article with no dateline and no metadata date: the dialog must ask for one.
UNDATED = [PARAGRAPHS[1].replace("late on Tuesday", "late last night"), PARAGRAPHS[7]]


def make_txt(path: Path, paragraphs=PARAGRAPHS, title: str | None = TITLE) -> Path:
    head = f"{title}\n\n" if title else ""
    path.write_text(head + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    _saved_on_publication_day(path)
    return path


def _saved_on_publication_day(path: Path) -> None:
    """Date the file as if saved the day it was published (a dateline's year comes from it)."""
    stamp = calendar.timegm((2024, 11, 27, 10, 0, 0))
    os.utime(path, (stamp, stamp))


def _replace_in_zip(path: Path, member: str, old: str, new: str) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            if info.filename == member:
                data = data.replace(old.encode(), new.encode())
            archive.writestr(info, data)


def page() -> str:
    """The article as a saved news page, with its publication time in the metadata."""
    head = (
        f'<meta property="article:published_time" content="{PUBLISHED}T06:10:00Z">'
        '<meta property="og:site_name" content="Meridian News">'
    )
    markup = news_page(PARAGRAPHS, TITLE, head_extra=head)
    return markup.replace("2024/11/14/kharkiv-drone-strikes", "2024/11/27/lebanon-ceasefire")


def make_html(path: Path) -> Path:
    path.write_text(page(), encoding="utf-8")
    return path


def make_eml(path: Path) -> Path:
    message = EmailMessage()
    message["Subject"] = "Fwd: " + TITLE
    message["From"] = "Desk <desk@example.org>"
    message["To"] = "analysts@example.org"
    message["Date"] = "Wed, 27 Nov 2024 09:12:00 +0200"
    message.set_content(TEXT)
    path.write_bytes(bytes(message))
    return path


def make_rtf(path: Path) -> Path:
    body = r"\par\par ".join(_rtf_escape(p) for p in PARAGRAPHS)
    rtf = (
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}}"
        r"{\info{\title " + _rtf_escape(TITLE) + r"}{\author Desk}"
        r"{\creatim\yr2024\mo11\dy27\hr9\min30}}"
        r"\viewkind4\uc1\pard\f0\fs24 " + body + r"\par}"
    )
    path.write_text(rtf, encoding="ascii")
    return path


def _rtf_escape(text: str) -> str:
    out = text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
    return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in out)


def make_all(folder: Path) -> dict[str, Path]:
    """The article as .txt, .html, .pdf, .docx, .eml, .odt, .rtf and .mhtml files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "txt": make_txt(folder / "ceasefire.txt"),
        "html": make_html(folder / "ceasefire.html"),
        "pdf": make_pdf(
            folder / "ceasefire.pdf", PARAGRAPHS, TITLE, "Desk", creation_date="D:20241127091200Z"
        ),
        "docx": make_docx(
            folder / "ceasefire.docx", PARAGRAPHS, TITLE, "Desk", "2024-11-27T09:12:00Z"
        ),
        "eml": make_eml(folder / "ceasefire.eml"),
        "odt": make_odt(folder / "ceasefire.odt", PARAGRAPHS, TITLE, "Desk"),
        "rtf": make_rtf(folder / "ceasefire.rtf"),
    }
    _replace_in_zip(paths["odt"], "meta.xml", "2024-11-14T09:30", "2024-11-27T09:30")
    mhtml = make_mhtml(folder / "ceasefire.mhtml", page())
    data = mhtml.read_bytes().replace(b"Thu, 14 Nov 2024", b"Wed, 27 Nov 2024")
    mhtml.write_bytes(data.replace(b"Drone strikes hit Kharkiv energy grid", TITLE.encode()))
    paths["mhtml"] = mhtml
    return paths


def selection_html() -> str:
    """What a browser puts on the clipboard for a selected part of a page."""
    body = "".join(f"<p>{escape(p)}</p>" for p in PARAGRAPHS[:3])
    return f"<html><body><!--StartFragment--><h1>{escape(TITLE)}</h1>{body}<!--EndFragment--></body></html>"
