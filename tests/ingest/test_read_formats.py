"""Real files of every supported kind, made at run time and read back."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from ingest import Article, read
from ingest.readers import fingerprint
from models import dates
from tests.ingest import readers_fixtures as F

FILE_DAY = dt.datetime(2024, 11, 20, 12, 0).timestamp()


def _dated(path):
    os.utime(path, (FILE_DAY, FILE_DAY))
    return path


def _assert_article_text(text: str) -> None:
    for paragraph in F.ARTICLE_PARAGRAPHS:
        assert paragraph in text
    assert "\n\n" in text
    assert "\n\n\n" not in text


def test_html_keeps_the_article_and_drops_the_page_furniture(tmp_path):
    path = tmp_path / "kharkiv.html"
    path.write_text(F.news_page(), encoding="utf-8")
    article = read(path, in_process=True)
    _assert_article_text(article.text)
    for furniture in F.BOILERPLATE + ["Share on X", "Ukraine war latest", "Accept all", "Terms"]:
        assert furniture not in article.text, furniture
    assert article.text.startswith(F.ARTICLE_TITLE + "\n\n")
    assert article.title == F.ARTICLE_TITLE
    assert article.author == "Jane Doe"
    assert article.publisher == "Example News"
    assert article.url == "https://news.example.com/world/2024/11/14/kharkiv-drone-strikes/"
    assert article.published == "2024-11-14"
    assert article.kind == "html"
    assert article.file_name == "kharkiv.html"
    assert article.warnings == []


HEAD_VARIANTS = {
    "opengraph": (
        '<meta property="og:title" content="OG headline">'
        '<meta property="og:site_name" content="Kyiv Independent">'
        '<meta property="article:published_time" content="2024-11-14T06:30:00+02:00">'
        '<meta name="author" content="Olena Petrenko">'
        '<meta property="og:url" content="https://kyivindependent.example/a">',
        {
            "title": "OG headline",
            "publisher": "Kyiv Independent",
            "published": "2024-11-14T06:30:00+02:00",
            "author": "Olena Petrenko",
            "url": "https://kyivindependent.example/a",
        },
    ),
    "json-ld": (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "Organization", "@id": "#org", "name": "Reuters"},'
        '{"@type": ["NewsArticle"], "headline": "LD headline", "datePublished": '
        '"2024-11-14T04:12:00Z", "author": [{"@type": "Person", "name": "Tom Balmforth"}, '
        '{"@type": "Person", "name": "Max Hunder"}], "publisher": {"@id": "#org"}}]}</script>',
        {
            "title": "LD headline",
            "publisher": "Reuters",
            "published": "2024-11-14T04:12:00+00:00",
            "author": "Tom Balmforth, Max Hunder",
        },
    ),
    "meta-date": ('<meta name="date" content="2024-11-13">', {"published": "2024-11-13"}),
    "dublin-core": (
        '<meta name="DC.date.issued" content="2024-11-12">'
        '<meta name="DC.creator" content="ISW Staff">',
        {"published": "2024-11-12", "author": "ISW Staff"},
    ),
}


@pytest.mark.parametrize("variant", sorted(HEAD_VARIANTS))
def test_html_metadata_sources(tmp_path, variant):
    head, expected = HEAD_VARIANTS[variant]
    path = tmp_path / "page.htm"
    path.write_text(F.news_page(head_extra=head), encoding="utf-8")
    article = read(path, in_process=True)
    for field, value in expected.items():
        assert getattr(article, field) == value, field
    assert dates.parse(article.published)  # the store accepts what readers find


def test_html_time_element_gives_the_date_when_meta_is_silent(tmp_path):
    page = (
        F.news_page()
        .replace(
            '<div class="byline">',
            '<time datetime="2024-11-10T08:00:00Z">10 Nov</time><div class="byline">',
        )
        .replace("saved from url=(0063)https://news.example.com/world/2024/11/14/", "x")
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert read(path, in_process=True).published == "2024-11-10T08:00:00+00:00"


def test_html_json_ld_article_body_wins_when_the_page_hides_its_text(tmp_path):
    body = " ".join(F.ARTICLE_PARAGRAPHS)
    head = (
        '<script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "headline": "H", "articleBody": "{body}"}}</script>'
    )
    page = F.news_page(paragraphs=["Loading..."], head_extra=head)
    path = tmp_path / "spa.html"
    path.write_text(page, encoding="utf-8")
    assert F.ARTICLE_PARAGRAPHS[1] in read(path, in_process=True).text


def test_html_in_legacy_encoding_is_decoded_by_its_meta_charset(tmp_path):
    page = F.news_page(
        paragraphs=["Le ministère a réagi, selon l’AFP, à Kharkiv ce jeudi."] * 3,
        charset="windows-1252",
    )
    path = tmp_path / "lemonde.html"
    path.write_bytes(page.encode("cp1252"))
    article = read(path, in_process=True)
    assert "Le ministère a réagi, selon l’AFP" in article.text
    assert article.warnings == []


def test_mhtml_reads_the_page_inside_the_archive(tmp_path):
    path = F.make_mhtml(tmp_path / "kharkiv.mhtml", F.news_page())
    article = read(path, in_process=True)
    _assert_article_text(article.text)
    assert "Subscribe to our newsletter" not in article.text
    assert article.kind == "mhtml"
    assert article.title == F.ARTICLE_TITLE
    assert article.published == "2024-11-14"


def test_docx_body_tables_and_core_properties(tmp_path):
    path = _dated(F.make_docx(tmp_path / "report.docx"))
    article = read(path, in_process=True)
    _assert_article_text(article.text)
    assert "DELETED WORDS" not in article.text  # tracked deletions are not text
    assert "Casualties" in article.text and "None reported" in article.text
    assert article.title == F.ARTICLE_TITLE
    assert article.author == "Jane Doe"
    assert article.kind == "docx"
    # The dateline "KYIV, Nov 14" wins over the creation date; its year comes from that date.
    assert article.published == "2024-11-14"
    assert any("2024 was assumed" in w for w in article.warnings)


def test_docx_without_dateline_falls_back_to_creation_date_with_a_warning(tmp_path):
    path = F.make_docx(tmp_path / "memo.docx", paragraphs=["Plain memo text."] * 2)
    article = read(path, in_process=True)
    assert article.published == "2024-11-14T09:30:00+00:00"
    assert any("creation date" in w for w in article.warnings)


def test_odt_paragraphs_spaces_and_meta(tmp_path):
    path = _dated(F.make_odt(tmp_path / "report.odt"))
    article = read(path, in_process=True)
    _assert_article_text(article.text)
    assert "FOOTNOTE BODY" not in article.text
    assert article.text.startswith(F.ARTICLE_TITLE)
    assert article.title == F.ARTICLE_TITLE
    assert article.author == "Jane Doe"
    assert article.kind == "odt"


def test_pdf_text_layer_paragraphs_and_metadata(tmp_path):
    pages = [[f"On page {n}: " + p for p in F.ARTICLE_PARAGRAPHS] for n in range(1, 4)]
    pages[0].insert(0, F.ARTICLE_PARAGRAPHS[0])
    path = tmp_path / "sitrep.pdf"
    F.make_pdf(path, pages=pages, creation_date="D:20241114093000+02'00'")
    article = read(path, in_process=True)
    for page in pages:
        for paragraph in page:
            assert paragraph in article.text  # line wraps rejoined into paragraphs
    assert "Situation Report" not in article.text  # running head removed
    assert article.title == F.ARTICLE_TITLE
    assert article.author == "Jane Doe"
    assert article.kind == "pdf"
    assert article.published == "2024-11-14"  # from the dateline; year from creation date


def test_pdf_running_heads_and_page_numbers_are_dropped_across_pages(tmp_path):
    path = F.make_pdf(tmp_path / "long.pdf", paragraphs=F.ARTICLE_PARAGRAPHS, pages=4)
    text = read(path, in_process=True).text
    assert "Example Institute" not in text
    assert not any(line.strip().isdigit() for line in text.split("\n\n"))


def test_pdf_creation_date_is_used_with_a_warning_when_text_has_no_date(tmp_path):
    path = F.make_pdf(
        tmp_path / "memo.pdf",
        paragraphs=["A memo without any dateline."],
        creation_date="D:20241101120000Z",
    )
    article = read(path, in_process=True)
    assert article.published == "2024-11-01T12:00:00+00:00"
    assert any("creation date" in w for w in article.warnings)


def test_rtf_text_unicode_code_pages_and_info(tmp_path):
    article = read(_dated(F.make_rtf(tmp_path / "note.rtf")), in_process=True)
    assert "KYIV, Nov 14 (Reuters) - Russian drones struck" in article.text
    assert "Ukraine’s air force" in article.text
    assert "40 drones – most" in article.text
    assert "Москва did not comment" in article.text  # \fcharset204 bytes -> Cyrillic
    assert "“quoted”" in article.text  # \u escapes, their ? fallbacks skipped
    assert "the report" in article.text and "HYPERLINK" not in article.text
    assert "Riched20" not in article.text and "0102030405" not in article.text
    assert article.title == F.ARTICLE_TITLE
    assert article.author == "Jane Doe"
    assert article.published == "2024-11-14"
    assert article.kind == "rtf"


def test_eml_plain_part_headers_and_attachment_warning(tmp_path):
    path = F.make_eml(tmp_path / "mail.eml", html="<p>HTML VERSION</p>", attachment=b"%PDF" * 5000)
    article = read(path, in_process=True)
    _assert_article_text(article.text)
    assert "HTML VERSION" not in article.text
    assert article.title == F.ARTICLE_TITLE  # "Fwd: " dropped
    assert article.author == "Jane Doe"
    assert article.published == "2024-11-14T10:31:00+02:00"
    assert any("report.pdf" in w for w in article.warnings)


def test_eml_html_only_body_is_converted(tmp_path):
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = "Briefing"
    message["From"] = "desk@example.org"
    message["Date"] = "Fri, 15 Nov 2024 08:00:00 +0000"
    message.set_content(
        "<html><body><p>First para.</p><p>Second &amp; last.</p></body></html>", subtype="html"
    )
    path = tmp_path / "html.eml"
    path.write_bytes(bytes(message))
    article = read(path, in_process=True)
    assert article.text == "First para.\n\nSecond & last."
    assert article.author == "desk@example.org"


def test_markdown_front_matter_and_markup(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(
        "---\ntitle: Field notes\ndate: 2024-11-14\nauthor: J. Doe\n---\n"
        "# Kharkiv\n\nDrones hit **energy** sites, per [the governor](http://x).\n\n"
        "- first point\n- second point\n",
        encoding="utf-8",
    )
    article = read(path, in_process=True)
    assert article.title == "Field notes"
    assert article.published == "2024-11-14"
    assert article.author == "J. Doe"
    assert "Drones hit energy sites, per the governor." in article.text
    assert "**" not in article.text and "](" not in article.text
    assert article.kind == "md"


def test_same_article_as_txt_html_docx_and_eml_has_the_same_fingerprint(tmp_path):
    txt = tmp_path / "copy.txt"
    txt.write_text(F.ARTICLE_TITLE + "\r\n\r\n" + F.ARTICLE_TEXT.replace(" said", "  said") + "\n")
    html = tmp_path / "copy.html"
    html.write_text(F.news_page(), encoding="utf-8")
    untitled = tmp_path / "body-only.txt"
    untitled.write_text(F.ARTICLE_TEXT)
    docx = F.make_docx(tmp_path / "copy.docx", paragraphs=[F.ARTICLE_TITLE, *F.ARTICLE_PARAGRAPHS])
    digests = {p.name: read(p, in_process=True).sha256 for p in (txt, html, untitled, docx)}
    assert len(set(digests.values())) <= 2  # docx adds its table; the rest are equal
    assert digests["copy.txt"] == digests["copy.html"] == digests["body-only.txt"]


def test_fingerprint_normalisation():
    assert fingerprint("Caf\u0065\u0301  au\n\nlait ") == fingerprint("Café au lait")
    assert fingerprint("Title\n\nBody text", "Title") == fingerprint("Body text")
    assert fingerprint("Body text") != fingerprint("Body text.")


def test_article_normalises_whitespace_and_keeps_paragraphs():
    article = Article(text="  One\r\nline \t wrapped.\n \n\n\nTwo\u00a0\u200bwords.\x0c Three ")
    assert article.text == "One line wrapped.\n\nTwo words.\n\nThree"
    assert article.to_dict()["sha256"] == article.sha256


def test_worker_and_in_process_reads_agree(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(F.news_page(), encoding="utf-8")
    assert read(path) == read(path, in_process=True)
