"""Key judgments: the analyst's text (a small Markdown subset) as ReportLab flowables.

The subset is what the dialog's editor writes (``QTextEdit.toMarkdown``): paragraphs separated
by blank lines, ``-``/``*``/``+``/``•`` bullets and ``1.`` numbered items (continuation lines
indented), ``**bold**``/``__bold__``, ``*italic*``/``_italic_``, backslash escapes and ``#``
headings (printed as bold paragraphs). Anything else prints as written, escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.platypus import Table, TableStyle

from briefings.definition import ESTIMATIVE_TERMS
from briefings.fonts import Typeface
from briefings.paragraph import Paragraph
from briefings.styles import ACCENT, PANEL, RULE, Styles

_BULLET = re.compile(r"^\s{0,3}(?:[-*+•])\s+(.*)$")
_NUMBERED = re.compile(r"^\s{0,3}(\d{1,3})[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_INLINE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>&|~])|(\*\*|__|\*|_)")


@dataclass
class Block:
    kind: str  # paragraph, bullet, numbered, heading
    text: str
    number: str = ""


def blocks(text: str) -> list[Block]:
    """Split the judgments into paragraphs, list items and headings."""
    out: list[Block] = []
    current: Block | None = None
    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not raw.strip():
            current = None
            continue
        heading = _HEADING.match(raw)
        bullet = _BULLET.match(raw)
        numbered = _NUMBERED.match(raw)
        if heading:
            current = None
            out.append(Block("heading", heading[1]))
        elif bullet and not raw.lstrip().startswith(("**", "__")):
            current = Block("bullet", bullet[1])
            out.append(current)
        elif numbered:
            current = Block("numbered", numbered[2], numbered[1])
            out.append(current)
        elif current is not None:
            current.text += " " + raw.strip()
        else:
            current = Block("paragraph", raw.strip())
            out.append(current)
    return out


def inline(text: str, faces: Typeface, bold: bool = False) -> str:
    """Paragraph markup for one block: emphasis as ``<b>``/``<i>``, everything else escaped.

    ``bold``: the block is set inside ``<b>`` (a heading), so its text is bold to begin with.
    """
    tokens: list[tuple[str, str]] = []  # ("text", s) or ("mark", marker)
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            tokens.append(("text", text[position : match.start()]))
        if match[1] is not None:
            tokens.append(("text", match[1]))
        else:
            marker = match[2]
            before = text[match.start() - 1] if match.start() else " "
            after = text[match.end()] if match.end() < len(text) else " "
            if marker.startswith("_") and before.isalnum() and after.isalnum():
                tokens.append(("text", marker))  # snake_case, not emphasis
            else:
                tokens.append(("mark", marker))
        position = match.end()
    if position < len(text):
        tokens.append(("text", text[position:]))

    # Pair markers; an unpaired one prints as written.
    stack: list[int] = []
    paired: set[int] = set()
    for index, (kind, value) in enumerate(tokens):
        if kind != "mark":
            continue
        if stack and tokens[stack[-1]][1] == value:
            paired.update((stack.pop(), index))
        elif value in [tokens[i][1] for i in stack]:
            continue
        else:
            stack.append(index)
    out = []
    italic = False
    for index, (kind, value) in enumerate(tokens):
        if kind == "mark" and index in paired:
            if len(value) == 2:
                bold = not bold
                out.append("<b>" if bold else "</b>")
            else:
                italic = not italic
                out.append("<i>" if italic else "</i>")
        else:
            variant = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
            out.append(faces.markup(value, variant))
    return "".join(out)


def flowables(text: str, styles: Styles) -> list:
    """The key judgments as paragraphs and list items."""
    out = []
    for block in blocks(text):
        markup = inline(block.text, styles.faces, bold=block.kind == "heading")
        if block.kind == "bullet":
            out.append(Paragraph(markup, styles.bullet, bulletText="•"))
        elif block.kind == "numbered":
            out.append(Paragraph(markup, styles.bullet, bulletText=f"{block.number}."))
        elif block.kind == "heading":
            out.append(Paragraph(f"<b>{markup}</b>", styles.body))
        else:
            out.append(Paragraph(markup, styles.body))
    return out


def estimative_key(styles: Styles, width: float) -> Table:
    """A small panel explaining the ICD 203 probability terms and confidence levels."""
    faces = styles.faces
    head = Paragraph(
        "<b>Estimative language</b> (ICD 203): how likely each term means", styles.kj_key
    )
    terms = [
        Paragraph(f"<b>{faces.markup(term, 'bold')}</b><br/>{share}", styles.kj_key)
        for term, share in ESTIMATIVE_TERMS
    ]
    confidence = Paragraph(
        "<b>Confidence</b> (high, moderate, low) in a judgment reflects the quality and quantity "
        "of the sources and the soundness of the reasoning, not the probability of the event.",
        styles.kj_key,
    )
    table = Table(
        [[head] + [""] * 6, terms, [confidence] + [""] * 6],
        colWidths=[width / 7] * 7,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("SPAN", (0, 2), (-1, 2)),
                ("BACKGROUND", (0, 0), (-1, -1), PANEL),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LINEABOVE", (0, 1), (-1, 1), 0.5, RULE),
                ("LINEBELOW", (0, 1), (-1, 1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TEXTCOLOR", (0, 0), (-1, -1), ACCENT),
            ]
        )
    )
    return table
