"""Saved web pages: the article's main text without menus, footers, banners and asides.

A readability-style heuristic on lxml's tolerant HTML parser: drop elements that are never
content (scripts, navigation, forms, hidden blocks) and those whose class or id marks them
as page furniture (cookie banners, share bars, related links); score the remaining
containers by the paragraph text they hold (commas, length, few links); take the best
container with its worthy siblings; then drop link-heavy and boilerplate blocks inside it.
When the page carries its body in JSON-LD ``articleBody`` and that is clearly fuller, the
JSON-LD text wins. Metadata comes from :mod:`ingest.readers.htmlmeta`.
"""

from __future__ import annotations

import re

from ingest.readers.article import Article, tidy_line
from ingest.readers.errors import ReadError
from ingest.readers.htmlmeta import page_metadata
from ingest.readers.plaintext import decode_text
from ingest.readers.published import find_date

_NEVER_CONTENT = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "map",
    "nav",
    "aside",
    "footer",
    "header",
    "dialog",
    "menu",
    "button",
    "input",
    "select",
    "textarea",
    "option",
    "label",
    "figure",
    "picture",
    "img",
    "source",
    "link",
    "meta",
    "head",
]
_BLOCKS = set(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "figcaption",
        "address",
        "hr",
        "center",
        "body",
        "html",
    ]
)
_FURNITURE_ROLES = {
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
    "tooltip",
    "alert",
}
_UNLIKELY = re.compile(
    r"-ad-|\bads?\b|adslot|advert|banner|breadcrumb|combx|comment|community|consent|cookie|"
    r"cmp-|onetrust|didomi|gdpr|disqus|footer|masthead|menu|related|remark|replies|rss|"
    r"shoutbox|sidebar|skyscraper|social|sponsor|supplemental|pagination|pager|popup|modal|"
    r"overlay|newsletter|subscri|signup|sign-up|paywall|promo|share|sharing|outbrain|taboola|"
    r"most-?read|most-?popular|trending|recommend|toolbar|topbar|navbar|skip-link|login|"
    r"author-bio|tags?-list|byline|dateline|timestamp|caption|credit",
    re.I,
)
_MAYBE = re.compile(r"\band\b|article|body|column|content|main|shadow|story|entry|post-text", re.I)
_POSITIVE = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose", re.I
)
_NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|"
    r"footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|"
    r"skyscraper|sponsor|shopping|tags|tool|widget|cookie|consent|newsletter",
    re.I,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BOILERPLATE = re.compile(
    r"^(?:advertisement|advert|ad|sponsored|share(?: this)?(?: article| story| page)?|"
    r"share on \w+|read more|read next|continue reading|related(?: articles| stories| content)?|"
    r"more on this story|sign up.*|subscribe.*|follow us.*|click here.*|skip to .*|"
    r"(?:image|photo|photograph|picture|video)(?: credit)?:.*|getty images|"
    r"we use cookies.*|accept(?: all)?(?: cookies)?|reject all|manage (?:cookies|preferences)|"
    r"this (?:site|website) uses cookies.*|back to top|print|email|copy link|"
    r"listen to this article.*|\d+ min(?:ute)?s? read)$",
    re.I,
)
_COOKIE_TALK = re.compile(r"\bcookies?\b", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a meta tag or XML declaration, if any."""
    head = data[:8192]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    # Browsers read these labels as Windows-1252 (WHATWG Encoding), and so do we.
    return "cp1252" if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii") else label


def read_html(data: bytes, name: str, kind: str = "html", declared: str | None = None) -> Article:
    """Read a saved web page's bytes: main text plus metadata."""
    text, warnings = decode_text(data, name, declared or declared_charset(data))
    return article_from_html(text, name, kind, warnings)


def article_from_html(
    markup: str,
    name: str | None,
    kind: str = "html",
    warnings: list[str] | None = None,
    whole: bool = False,
) -> Article:
    """Build an Article from decoded HTML (also used for mail bodies and drops).

    ``whole=True`` keeps all visible text instead of looking for the main article: for a
    selection the user made, or a mail body, nothing should be second-guessed away.
    """
    warnings = list(warnings or [])
    doc, too_deep = parse_html(markup, name)
    meta = page_metadata(doc, markup[:4096])
    if not meta["published"]:
        meta["published"] = _visible_date(doc)
    headline = _headline(doc, meta["title"])
    if too_deep:
        body, fallback = crude_text(markup), False
        warnings.append(
            "The page is nested too deeply to analyse, so all of its text was read; check it "
            "for menus and other page furniture."
        )
    elif whole:
        body, fallback = visible_text(doc), False
    else:
        body, fallback = main_text(doc)
    json_body = meta.get("json_body")
    if json_body and not whole and len(json_body) > 1.6 * len(body) + 200:
        body = json_body.replace("\r", "")
        fallback = False
    if fallback:
        warnings.append(
            "The article's main text could not be told apart from the rest of the page, so "
            "all of the page's text was read; check it for menus and other page furniture."
        )
    paragraphs = body.split("\n\n")
    if headline and tidy_line(paragraphs[0]).casefold() != tidy_line(headline).casefold():
        body = headline + "\n\n" + body
    return Article(
        text=body,
        title=meta["title"] or headline,
        published=meta["published"],
        author=meta["author"],
        publisher=meta["publisher"],
        url=meta["url"],
        kind=kind,
        warnings=warnings,
        file_name=name,
    )


def parse_html(markup: str, name: str | None):
    """Parse HTML with lxml's tolerant parser; returns ``(document, too_deep)``.

    libxml2 stops building the tree past 256 levels of nesting (so a hostile page cannot
    exhaust the stack); ``too_deep`` says that happened and the tree is incomplete.
    """
    from lxml import etree, html

    markup = _XML_DECLARATION.sub("", markup.replace("\x00", ""), count=1)
    parser = html.HTMLParser(huge_tree=False)
    try:
        doc = html.document_fromstring(markup or "<html></html>", parser=parser)
    except (etree.ParserError, ValueError):
        doc = None
    too_deep = any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log)
    if doc is None or (not len(doc) and not too_deep):
        shown = name or "The dropped text"
        raise ReadError(f"{shown} contains no readable text; check that it is the page you meant.")
    return doc, too_deep


_CRUDE_DROP = re.compile(
    r"<(script|style|noscript|template|svg|head)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S
)
_CRUDE_BLOCK = re.compile(
    r"</?(?:p|div|section|article|h[1-6]|li|ul|ol|tr|table|blockquote|pre|br|hr)\b[^>]*>", re.I
)
_CRUDE_TAG = re.compile(r"<[^>]*>")


def crude_text(markup: str) -> str:
    """Text of HTML by pattern alone, for pages too broken or deep for a tree."""
    import html as html_lib

    text = _CRUDE_DROP.sub(" ", markup)
    text = _CRUDE_BLOCK.sub("\n\n", text)
    text = _CRUDE_TAG.sub("", text)
    return html_lib.unescape(text)


_DATE_MARKS = re.compile(r"date|time|publish|posted|byline|meta", re.I)


def _visible_date(doc) -> str | None:
    """A date shown near the headline in an element marked as a date or byline."""
    for element in doc.iter("span", "div", "p", "time", "small", "li"):
        marks = _class_id(element)
        if marks and _DATE_MARKS.search(marks):
            text = " ".join(element.text_content().split())
            if 6 <= len(text) <= 120:
                found = find_date(text)
                if found:
                    return found
    return None


def _headline(doc, title: str | None) -> str | None:
    """The page's own headline: an h1 matching the title, else the first h1."""
    h1s = [" ".join(h.text_content().split()) for h in doc.iter("h1")]
    h1s = [h for h in h1s if 3 <= len(h) <= 300]
    if title:
        folded = title.casefold()
        for h1 in h1s:
            if h1.casefold() in folded or folded in h1.casefold():
                return h1
    return h1s[0] if h1s else None


_INVISIBLE_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "head",
    "iframe",
    "object",
    "embed",
]


def visible_text(doc) -> str:
    """All visible text of a parsed page or fragment, as paragraphs."""
    body = doc.find("body")
    body = doc if body is None else body
    doomed = [
        element
        for element in body.iter()
        if not isinstance(element.tag, str)
        or element.tag in _INVISIBLE_TAGS
        or element.get("hidden") is not None
        or _HIDDEN_STYLE.search(element.get("style") or "")
    ]
    for element in doomed:
        _remove(element)
    return "\n\n".join(_paragraphs(body, frozenset(_INVISIBLE_TAGS)))


def main_text(doc) -> tuple[str, bool]:
    """The main text of a parsed page as blank-line-separated paragraphs.

    Returns ``(text, fallback)``; ``fallback`` is True when no content block stood out
    and all visible text was taken instead.
    """
    body = doc.find("body")
    if body is None:
        body = doc
    _drop_furniture(body)
    candidate = _best_candidate(body)
    if candidate is None:
        return "\n\n".join(_paragraphs(body)), True
    containers = _with_siblings(candidate)
    for container in containers:
        _clean_container(container)
    paragraphs = [p for container in containers for p in _paragraphs(container)]
    paragraphs = [p for p in paragraphs if not _BOILERPLATE.match(p)]
    return "\n\n".join(paragraphs), False


def _class_id(element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".strip()


def _drop_furniture(root) -> None:
    doomed = []
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            doomed.append(element)  # comments and processing instructions
            continue
        if tag in _NEVER_CONTENT:
            doomed.append(element)
            continue
        if tag in ("body", "html", "article", "main"):
            continue
        role = (element.get("role") or "").lower()
        hidden = (
            element.get("hidden") is not None
            or (element.get("aria-hidden") or "").lower() == "true"
            or _HIDDEN_STYLE.search(element.get("style") or "")
        )
        marks = _class_id(element)
        unlikely = marks and _UNLIKELY.search(marks) and not _MAYBE.search(marks)
        if hidden or role in _FURNITURE_ROLES or unlikely or _is_cookie_notice(element):
            doomed.append(element)
    for element in doomed:
        _remove(element)


def _is_cookie_notice(element) -> bool:
    if element.tag not in ("div", "section", "p", "span"):
        return False
    text = _text_up_to(element, 800)
    if text is None or not _COOKIE_TALK.search(text):
        return False
    lowered = text.lower()
    return any(word in lowered for word in ("accept", "consent", "agree", "privacy", "preferences"))


def _text_up_to(element, limit: int) -> str | None:
    """The element's text if it is at most ``limit`` characters, else None (read lazily,
    so checking every block of a huge page stays cheap)."""
    parts, total = [], 0
    for piece in element.itertext():
        total += len(piece)
        if total > limit:
            return None
        parts.append(piece)
    return "".join(parts)


def _remove(element) -> None:
    """Remove an element but keep its tail text (which belongs to the parent)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _text_length(element) -> int:
    return len(" ".join(element.text_content().split()))


def _link_density(element) -> float:
    total = _text_length(element)
    if not total:
        return 0.0
    links = sum(_text_length(a) for a in element.iter("a"))
    return min(1.0, links / total)


def _class_weight(element) -> int:
    weight = 0
    marks = _class_id(element)
    if marks:
        if _NEGATIVE.search(marks):
            weight -= 25
        if _POSITIVE.search(marks):
            weight += 25
    if element.tag in ("article", "main") or (element.get("itemprop") or "") == "articleBody":
        weight += 25
    return weight


def _best_candidate(body):
    for element in body.iter():
        if (
            isinstance(element.tag, str)
            and (element.get("itemprop") or "") == "articleBody"
            and _text_length(element) >= 200
        ):
            return element
    scores: dict = {}
    for element in body.iter("p", "pre", "td", "blockquote", "div", "li"):
        if element.tag in ("div", "li") and any(
            isinstance(child.tag, str) and child.tag in _BLOCKS for child in element
        ):
            continue  # a wrapper, not a paragraph: its children are scored instead
        text = " ".join(element.text_content().split())
        if len(text) < 25:
            continue
        score = 1 + text.count(",") + text.count("،") + text.count("，") + min(len(text) // 100, 3)
        parent = element.getparent()
        for level, ancestor in enumerate(
            (parent, parent.getparent() if parent is not None else None)
        ):
            if ancestor is None or not isinstance(ancestor.tag, str):
                break
            if ancestor not in scores:
                scores[ancestor] = float(_class_weight(ancestor))
            scores[ancestor] += score / (1 if level == 0 else 2)
    if not scores:
        return None
    best, best_score = None, 0.0
    for element, score in scores.items():
        final = score * (1 - _link_density(element))
        if final > best_score:
            best, best_score = element, final
    if best is None or best_score < 5:
        return None
    return best


def _with_siblings(candidate) -> list:
    """The candidate plus siblings that look like more of the same article."""
    parent = candidate.getparent()
    if parent is None or candidate.tag == "body":
        return [candidate]
    chosen = []
    for sibling in parent:
        if sibling is candidate:
            chosen.append(sibling)
            continue
        if not isinstance(sibling.tag, str) or sibling.tag not in ("p", "div", "section"):
            continue
        length = _text_length(sibling)
        density = _link_density(sibling)
        if (
            sibling.tag == "p"
            and length > 80
            and density < 0.25
            or (
                sibling.tag == "p"
                and 0 < length <= 80
                and density == 0
                and re.search(r"\.\s*$", sibling.text_content())
            )
        ):
            chosen.append(sibling)
    return chosen


def _clean_container(container) -> None:
    """Drop link-heavy lists and blocks inside the chosen content (related links, tags)."""
    doomed = []
    for element in container.iter("ul", "ol", "div", "section", "table", "p", "li"):
        if element is container:
            continue
        length = _text_length(element)
        if not length:
            continue
        density = _link_density(element)
        if (
            density > 0.5
            and (element.tag in ("ul", "ol", "div", "section") or length < 200)
            or _class_weight(element) < 0
            and length < 500
        ):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            _remove(element)


def _paragraphs(root, skip=frozenset(_NEVER_CONTENT)) -> list[str]:
    """Visible text as paragraphs: block elements and double line breaks separate them."""
    out: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            for part in re.split(r"\n\s*\n", "".join(buffer)):
                line = " ".join(part.split())
                if line:
                    out.append(line)
            buffer.clear()

    stack: list = [(root, False)]
    while stack:  # iterative, so no recursion limit applies whatever the nesting
        element, closing = stack.pop()
        if closing:
            if element.tag in _BLOCKS:
                flush()
            if element is not root and element.tail:
                buffer.append(element.tail)
            continue
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None or tag in skip:
            if element is not root and element.tail:
                buffer.append(element.tail)
            continue
        if tag == "br":
            buffer.append("\n")
        if tag in _BLOCKS:
            flush()
        if element.text:
            buffer.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    flush()
    return out
