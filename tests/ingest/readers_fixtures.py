"""Builders for reader test files, made at run time so no binary fixtures are committed."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path
from xml.sax.saxutils import escape

ARTICLE_TITLE = "Drone strikes hit Kharkiv energy grid"
ARTICLE_PARAGRAPHS = [
    "KYIV, Nov 14 (Reuters) - Russian drones struck energy infrastructure in Kharkiv "
    "overnight, regional governor Oleh Syniehubov said on Thursday, leaving parts of the "
    "city without power as temperatures fell.",
    "Ukraine's air force said it had shot down 40 of 52 drones launched from Russia's "
    "Kursk and Bryansk regions, and that air defences were active over Kyiv, Sumy and "
    "Poltava.",
    "The Kremlin did not immediately comment. Moscow has denied targeting civilians, "
    "saying its strikes are aimed at military and energy facilities that support the war "
    "effort.",
]
ARTICLE_TEXT = "\n\n".join(ARTICLE_PARAGRAPHS)

BOILERPLATE = [
    "Subscribe to our newsletter",
    "We use cookies to improve your experience",
    "Most read stories this week",
    "Copyright 2024 Example News Ltd",
    "Home World Business Markets",
]


def news_page(
    paragraphs: list[str] = ARTICLE_PARAGRAPHS,
    title: str = ARTICLE_TITLE,
    head_extra: str = "",
    charset: str = "utf-8",
) -> str:
    """A realistic saved news page: menu, cookie banner, article, related links, footer."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<!-- saved from url=(0063)https://news.example.com/world/2024/11/14/kharkiv-drone-strikes/ -->
<html lang="en"><head><meta charset="{charset}">
<title>{escape(title)} | Example News</title>
{head_extra}
<script>window.dataLayer = [{{"page": "article"}}];</script>
<style>body {{ font-family: serif; }}</style>
</head>
<body>
<div id="onetrust-banner-sdk" class="cookie-banner"><p>{BOILERPLATE[1]}. By clicking
Accept all you consent to our use of cookies.</p><button>Accept all</button></div>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li>
<li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/markets">Markets</a></li></ul></nav></header>
<main>
<article class="story">
<h1 class="headline">{escape(title)}</h1>
<div class="byline">By <a rel="author" href="/staff/jane">Jane Doe</a></div>
<div class="share-tools"><a href="#">Share on X</a> <a href="#">Share on Facebook</a></div>
<div class="article-body">
{body}
</div>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Ukraine war latest</a></li>
<li><a href="/b">{BOILERPLATE[2]}</a></li></ul></aside>
<div class="newsletter-signup"><p>{BOILERPLATE[0]} for the daily briefing.</p></div>
</article>
</main>
<footer class="site-footer"><p>{BOILERPLATE[3]}. All rights reserved.</p>
<ul><li><a href="/terms">Terms</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
</body></html>
"""


_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_paragraph(text: str, style: str | None = None) -> str:
    """A w:p whose text is split over two runs, as Word does."""
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    half = len(text) // 2
    first, second = escape(text[:half]), escape(text[half:])
    return (
        f'<w:p>{props}<w:r><w:t xml:space="preserve">{first}</w:t></w:r>'
        f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{second}</w:t></w:r></w:p>'
    )


def docx_document(body_xml: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body_xml}<w:sectPr/></w:body></w:document>'
    )


def make_docx(
    path: Path,
    paragraphs: list[str] = ARTICLE_PARAGRAPHS,
    title: str | None = ARTICLE_TITLE,
    author: str | None = "Jane Doe",
    created: str | None = "2024-11-14T09:30:00Z",
    document_xml: str | None = None,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A minimal but genuine .docx (opens in Word): body, tracked deletion, table, core props."""
    if document_xml is None:
        body = "".join(docx_paragraph(p) for p in paragraphs)
        body += (
            '<w:p><w:del w:id="1" w:author="x"><w:r><w:delText>DELETED WORDS</w:delText></w:r>'
            "</w:del></w:p>"
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Casualties</w:t></w:r></w:p></w:tc>"
            "<w:tc><w:p><w:r><w:t>None reported</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        )
        document_xml = docx_document(body)
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + (f"<dc:title>{escape(title)}</dc:title>" if title else "")
        + (f"<dc:creator>{escape(author)}</dc:creator>" if author else "")
        + (
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            if created
            else ""
        )
        + "</cp:coreProperties>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document_xml)
        archive.writestr("docProps/core.xml", core)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def odt_content(body_xml: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS} office:version="1.3">'
        f"<office:body><office:text>{body_xml}</office:text></office:body></office:document-content>"
    )


def make_odt(
    path: Path,
    paragraphs: list[str] = ARTICLE_PARAGRAPHS,
    title: str | None = ARTICLE_TITLE,
    author: str | None = "Jane Doe",
    content_xml: str | None = None,
) -> Path:
    """A minimal .odt: heading, paragraphs with spans, spaces and a footnote, meta.xml."""
    if content_xml is None:
        body = f'<text:h text:outline-level="1">{escape(title or "")}</text:h>'
        for index, paragraph in enumerate(paragraphs):
            words = escape(paragraph).split(" ", 1)
            note = (
                '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                "<text:note-body><text:p>FOOTNOTE BODY</text:p></text:note-body></text:note>"
                if index == 0
                else ""
            )
            body += (
                f'<text:p><text:span text:style-name="T1">{words[0]}</text:span><text:s/>'
                f"{words[1] if len(words) > 1 else ''}{note}</text:p>"
            )
        content_xml = odt_content(body)
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODT_NS}><office:meta>'
        + (f"<dc:title>{escape(title)}</dc:title>" if title else "")
        + (f"<dc:creator>{escape(author)}</dc:creator>" if author else "")
        + "<meta:creation-date>2024-11-14T09:30:00</meta:creation-date>"
        + "</office:meta></office:document-meta>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content_xml)
        archive.writestr("meta.xml", meta)
    return path


def make_pdf(
    path: Path,
    paragraphs: list[str] = ARTICLE_PARAGRAPHS,
    title: str | None = ARTICLE_TITLE,
    author: str | None = "Jane Doe",
    pages: int | list[list[str]] = 1,
    creation_date: str | None = None,
) -> Path:
    """A text PDF made with ReportLab, with a running head and a page number on each page.

    ``pages`` is a count (each page repeats ``paragraphs``) or the paragraphs of each page.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()

    def running_head(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 40, "Example Institute - Situation Report")
        canvas.drawString(A4[0] / 2, 30, str(doc.page))
        canvas.restoreState()

    page_texts = pages if isinstance(pages, list) else [paragraphs] * pages
    story = []
    for index, page in enumerate(page_texts):
        if index:
            story.append(PageBreak())
        story.extend(Paragraph(escape(p), styles["BodyText"]) for p in page)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=title or "", author=author or "")
    document.build(story, onFirstPage=running_head, onLaterPages=running_head)
    data = buffer.getvalue()
    if creation_date:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.add_metadata({"/CreationDate": creation_date})
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    path.write_bytes(data)
    return path


def make_scanned_pdf(path: Path) -> Path:
    """A PDF whose pages hold only drawings, as a scan without OCR holds only images."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for _ in range(2):
        pdf.setFillGray(0.5)
        pdf.rect(72, 72, 400, 600, fill=1)
        pdf.showPage()
    pdf.save()
    return path


def make_eml(
    path: Path,
    body: str = ARTICLE_TEXT,
    html: str | None = None,
    attachment: bytes | None = None,
    attachment_name: str = "report.pdf",
) -> Path:
    message = EmailMessage()
    message["Subject"] = "Fwd: " + ARTICLE_TITLE
    message["From"] = "Jane Doe <jane@example.org>"
    message["To"] = "desk@example.org"
    message["Date"] = "Thu, 14 Nov 2024 10:31:00 +0200"
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    if attachment is not None:
        message.add_attachment(
            attachment, maintype="application", subtype="pdf", filename=attachment_name
        )
    path.write_bytes(bytes(message))
    return path


def make_mhtml(path: Path, page: str) -> Path:
    """A web archive as Chrome saves it: multipart/related with the page and an image."""
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "https://news.example.com/world/kharkiv"
    message["Subject"] = ARTICLE_TITLE
    message["Date"] = "Thu, 14 Nov 2024 10:31:00 -0000"
    message.set_type("multipart/related")
    html = EmailMessage()
    html.set_content(page, subtype="html", cte="quoted-printable")
    html["Content-Location"] = "https://news.example.com/world/kharkiv"
    image = EmailMessage()
    image.set_content(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, maintype="image", subtype="png")
    image["Content-Location"] = "https://news.example.com/logo.png"
    message.attach(html)
    message.attach(image)
    path.write_bytes(bytes(message))
    return path


def make_rtf(path: Path) -> Path:
    """An RTF as Word writes it: font table with a Cyrillic font, info group, \\u escapes."""
    rtf = (
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}"
        r"{\f1\fswiss\fcharset204 Arial;}}{\colortbl;\red0\green0\blue0;}"
        r"{\*\generator Riched20 10.0.19041}"
        r"{\info{\title Drone strikes hit Kharkiv energy grid}{\author Jane Doe}"
        r"{\creatim\yr2024\mo11\dy14\hr9\min30}}"
        r"\viewkind4\uc1\pard\f0\fs24 KYIV, Nov 14 (Reuters) - Russian drones struck "
        r"energy infrastructure in Kharkiv overnight, the governor said.\par"
        r"\par Ukraine\rquote s air force said it shot down 40 drones \endash  most of them "
        r"over the north.{\field{\*\fldinst HYPERLINK \"http://x\"}{\fldrslt the report}}\par"
        r"\f1 \'cc\'ee\'f1\'ea\'e2\'e0 \f0 did not comment; \u8220?quoted\u8221? words.\par"
        r"{\pict\wmetafile8 0102030405060708}"
        r"}"
    )
    path.write_text(rtf, encoding="ascii")
    return path


def make_spinning_pdf(path: Path, operators: int = 500_000) -> Path:
    """A small PDF whose one page is a compressed stream of hundreds of thousands of text
    operators: a few kilobytes on disk that keep a text extractor busy for many seconds."""

    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = StreamObject()
    stream.set_data(b"BT /F1 12 Tf " + b"(a) Tj 1 0 Td " * operators + b"ET")
    stream = stream.flate_encode()
    page[NameObject("/Contents")] = writer._add_object(stream)
    with open(path, "wb") as handle:
        writer.write(handle)
    return path
