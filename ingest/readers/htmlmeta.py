"""Metadata of a saved web page: title, author, site, address and publication date.

Sources, most trusted first: JSON-LD (schema.org ``NewsArticle`` and kin), OpenGraph and
``article:*`` meta tags, other common meta names (Dublin Core, Parse.ly, Sailthru...),
``<time datetime>`` in the article, and the date in the page's address.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ingest.readers.published import from_metadata

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "scholarlyarticle",
    "socialmediaposting",
    "techarticle",
}
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "publication_date",
    "publication-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "publisheddate",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "og:updated_time",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "twitter:creator",
)
_SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|$)")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_MAX_JSON = 2_000_000


def meta_tags(doc) -> dict[str, str]:
    """Every ``<meta>`` with a name, property, itemprop or http-equiv, lower-cased key -> content."""
    found: dict[str, str] = {}
    for meta in doc.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and key not in found:
                found[key] = content
    return found


def json_ld_objects(doc) -> list[dict[str, Any]]:
    """All JSON-LD objects on the page, flattened out of lists and ``@graph``."""
    objects: list[dict[str, Any]] = []
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw or len(raw) > _MAX_JSON:
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue
        _flatten_ld(data, objects, 0)
    return objects


def _flatten_ld(data: Any, out: list[dict[str, Any]], depth: int) -> None:
    if depth > 8:
        return
    if isinstance(data, list):
        for item in data[:500]:
            _flatten_ld(item, out, depth + 1)
    elif isinstance(data, dict):
        out.append(data)
        graph = data.get("@graph")
        if graph is not None:
            _flatten_ld(graph, out, depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type", ())
    values = value if isinstance(value, list) else [value]
    return {str(v).lower().rsplit("/", 1)[-1] for v in values}


def _names(value: Any, objects_by_id: dict[str, dict]) -> list[str]:
    """Names from a schema.org Person/Organization value (object, list, string or @id ref)."""
    if isinstance(value, list):
        return [name for item in value[:20] for name in _names(item, objects_by_id)]
    if isinstance(value, dict):
        if "name" not in value and value.get("@id") in objects_by_id:
            value = objects_by_id[value["@id"]]
        name = value.get("name")
        if isinstance(name, list):
            name = name[0] if name else None
        return [str(name).strip()] if name and str(name).strip() else []
    if isinstance(value, str) and value.strip() and not value.startswith(("http:", "https:")):
        return [value.strip()]
    return []


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name")
    return (
        str(value).strip() if isinstance(value, (str, int, float)) and str(value).strip() else None
    )


def page_metadata(doc, raw_head: str = "") -> dict[str, Any]:
    """Title, author, publisher, url, published (ISO) and JSON-LD body of a parsed page.

    ``raw_head`` is the start of the page's source, searched for a browser's
    "saved from url" comment.
    """
    metas = meta_tags(doc)
    objects = json_ld_objects(doc)
    by_id = {str(obj["@id"]): obj for obj in objects if isinstance(obj.get("@id"), str)}
    articles = [obj for obj in objects if _types(obj) & _ARTICLE_TYPES]
    article = articles[0] if articles else {}

    published = from_metadata(_text(article.get("datePublished")))
    for key in _DATE_META:
        if published:
            break
        published = from_metadata(metas.get(key))
    if not published:
        published = _time_element_date(doc)

    url = _canonical(doc) or metas.get("og:url") or _text(article.get("url"))
    if not url and raw_head:
        saved = _SAVED_FROM.search(raw_head)
        url = saved.group(1) if saved else None
    if not published and url:
        match = _URL_DATE.search(url)
        if match:
            published = from_metadata("{}-{:0>2}-{:0>2}".format(*match.groups()))

    authors = _names(article.get("author"), by_id)
    if not authors:
        for key in _AUTHOR_META:
            value = metas.get(key, "")
            if value and not value.startswith(("http:", "https:", "@")):
                authors = [re.sub(r"^by\s+", "", value, flags=re.I)]
                break
    if not authors:
        authors = _byline(doc)
    publisher = _first(_names(article.get("publisher"), by_id))
    publisher = metas.get("og:site_name") or publisher
    for key in _SITE_META[1:]:
        if publisher:
            break
        value = metas.get(key, "")
        publisher = value.lstrip("@") if value and not value.startswith("http") else None

    title_tag = _title_tag(doc)
    title = (
        metas.get("og:title")
        or _text(article.get("headline"))
        or metas.get("twitter:title")
        or _first_h1(doc)
        or _strip_site(title_tag, publisher)
    )
    if not publisher and title_tag:
        publisher = _site_from_title(title_tag, title)
    body = article.get("articleBody")
    return {
        "title": title,
        "author": ", ".join(dict.fromkeys(authors)) or None,
        "publisher": publisher,
        "url": url,
        "published": published,
        "json_body": body if isinstance(body, str) else None,
    }


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _canonical(doc) -> str | None:
    for link in doc.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            href = link.get("href").strip()
            if href.startswith(("http:", "https:")):
                return href
    return None


def _time_element_date(doc) -> str | None:
    times = [t for t in doc.iter("time") if t.get("datetime")]
    preferred = [
        t
        for t in times
        if t.get("itemprop", "").lower() == "datepublished"
        or t.get("pubdate") is not None
        or "publish" in (t.get("class") or "").lower()
    ]
    in_article = [t for t in times if any(a.tag == "article" for a in t.iterancestors())]
    for candidate in preferred + in_article + times[:1]:
        found = from_metadata(candidate.get("datetime"))
        if found:
            return found
    return None


def _byline(doc) -> list[str]:
    for element in doc.iter("a", "span", "div", "p"):
        rel = (element.get("rel") or "").lower()
        if "author" in rel.split() or (element.get("itemprop") or "").lower() == "author":
            text = " ".join(element.text_content().split())
            if 2 < len(text) < 80:
                return [re.sub(r"^by\s+", "", text, flags=re.I)]
    return []


def _title_tag(doc) -> str | None:
    for element in doc.iter("title"):
        text = " ".join((element.text_content() or "").split())
        if text:
            return text
    return None


def _first_h1(doc) -> str | None:
    for element in doc.iter("h1"):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return None


_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•»:-]\s+")


def _strip_site(title: str | None, publisher: str | None) -> str | None:
    if not title:
        return None
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1 and (publisher is None or publisher.lower() in parts[-1].lower()):
        return " - ".join(parts[:-1]) if len(parts[-1]) < 40 else title
    return title


def _site_from_title(title_tag: str, title: str | None) -> str | None:
    parts = _TITLE_SEPARATORS.split(title_tag)
    if len(parts) > 1 and len(parts[-1]) < 40 and parts[-1] != title:
        return parts[-1]
    return None
