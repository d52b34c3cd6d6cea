"""The Unicode Bidirectional Algorithm (UAX #9), the part pasted names and quotes need.

Arabic, Persian and Hebrew are written right to left; PDF text is drawn left to right in
*visual* order. This module resolves the embedding level of every character of a line (even:
left to right, odd: right to left) and gives the visual order of runs, so Latin words,
numbers and punctuation inside Arabic text (and the other way round) land where a reader
expects them. Implemented here, with the standard library's ``unicodedata`` bidi classes:

- P2/P3: the paragraph direction is that of its first strong character (left to right when
  there is none);
- W1-W7: weak types (marks, European and Arabic digits, separators, terminators);
- N0-N2: neutrals (spaces, punctuation) take the direction around them;
- I1-I2, L1, L2: levels, trailing whitespace at the paragraph level, reordering.

- N0: paired brackets take the direction of what they enclose, so "name (alias)" keeps its
  brackets around the alias whichever script each is in.

Not implemented: explicit embeddings, overrides and isolates (LRE, RLO, LRI, PDI...: rare in
pasted text; they are treated as boundary neutrals, so the text around them is still ordered
by the rules above). Mirroring of brackets in right-to-left runs is done by the shaper
(HarfBuzz), which draws those runs.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters whose bidi class is R or AL (Hebrew, Arabic, Syriac, Thaana, N'Ko... and their
# presentation forms), plus the right-to-left mark: their absence means plain left to right.
RTL_CHARS = (
    "\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff"
)
_HAS_RTL = re.compile(f"[{RTL_CHARS}]")
# Directional marks and embedding controls: they steer the algorithm and are never drawn.
CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[{CONTROLS}]")
_LRM = "\u200e"


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds any right-to-left character (a cheap test before the algorithm)."""
    return bool(_HAS_RTL.search(text))


def strip_controls(text: str) -> str:
    """``text`` without directional marks and controls (what is drawn of it)."""
    return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text


def isolate(text: str) -> str:
    """``text`` set apart inside an English template sentence or list.

    A name in Arabic followed by ``· 2 events`` would pull the digit and the dot into its
    right-to-left run (the bidi rules treat a number after Arabic letters as Arabic). Marks
    around it (left-to-right marks, as the Unicode isolates would do) keep the template's
    order; text without right-to-left letters is returned as it is.
    """
    return f"{_LRM}{text}{_LRM}" if has_rtl(text) else text


@lru_cache(maxsize=4096)
def _klass(char: str) -> str:
    klass = unicodedata.bidirectional(char)
    if klass in ("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"):
        return "BN"
    return klass or "L"


def base_level(text: str) -> int:
    """0 when ``text`` reads left to right (its first strong character is L, or none), else 1."""
    for char in text:
        klass = _klass(char)
        if klass == "L":
            return 0
        if klass in ("R", "AL"):
            return 1
    return 0


def levels(text: str, base: int | None = None) -> list[int]:
    """The resolved embedding level of each character of one line of ``text``.

    ``base`` is the paragraph level (0 or 1); by default that of the first strong character.
    Trailing whitespace and separators get the paragraph level (rule L1), so a line's end
    stays at its paragraph's edge.
    """
    if base is None:
        base = base_level(text)
    n = len(text)
    if not n:
        return []
    original = [_klass(c) for c in text]
    types = list(original)
    sos = "R" if base else "L"
    # X9: boundary neutrals are skipped by the weak rules; they take the type before them.
    # W1: a non-spacing mark takes the type of the character before it.
    previous = sos
    for i, t in enumerate(types):
        if t == "NSM":
            types[i] = previous
        elif t != "BN":
            previous = t
    # W2: European digits after Arabic letters are Arabic digits. W3: AL is R.
    strong = sos
    for i, t in enumerate(types):
        if t in ("L", "R", "AL"):
            strong = t
        elif t == "EN" and strong == "AL":
            types[i] = "AN"
    types = ["R" if t == "AL" else t for t in types]
    # W4: a single separator between two numbers of the same kind joins them.
    real = [i for i, t in enumerate(types) if t != "BN"]
    for k in range(1, len(real) - 1):
        before, here, after = types[real[k - 1]], types[real[k]], types[real[k + 1]]
        if here == "ES" and before == after == "EN":
            types[real[k]] = "EN"
        elif here == "CS" and before == after and before in ("EN", "AN"):
            types[real[k]] = before
    # W5: terminators (%, currency signs) next to European digits are European digits.
    k = 0
    while k < len(real):
        if types[real[k]] == "ET":
            end = k
            while end < len(real) and types[real[end]] == "ET":
                end += 1
            touching = (k > 0 and types[real[k - 1]] == "EN") or (
                end < len(real) and types[real[end]] == "EN"
            )
            if touching:
                for j in range(k, end):
                    types[real[j]] = "EN"
            k = end
        else:
            k += 1
    # W6: other separators and terminators are neutral.
    types = ["ON" if t in ("ES", "ET", "CS") else t for t in types]
    # W7: European digits in left-to-right context are L.
    strong = sos
    for i, t in enumerate(types):
        if t in ("L", "R"):
            strong = t
        elif t == "EN" and strong == "L":
            types[i] = "L"
    _pair_brackets(text, types, base, sos)
    # N1/N2: runs of neutrals between the same direction take it, else the paragraph's.
    eos = sos

    def direction(t: str) -> str | None:
        if t == "L":
            return "L"
        if t in ("R", "EN", "AN"):
            return "R"
        return None

    i = 0
    while i < n:
        if types[i] in ("B", "S", "WS", "ON", "BN"):
            end = i
            while end < n and types[end] in ("B", "S", "WS", "ON", "BN"):
                end += 1
            before = next(
                (direction(types[j]) for j in range(i - 1, -1, -1) if direction(types[j])), sos
            )
            after = next((direction(types[j]) for j in range(end, n) if direction(types[j])), eos)
            resolved = before if before == after else ("R" if base else "L")
            for j in range(i, end):
                types[j] = resolved
            i = end
        else:
            i += 1
    # I1/I2: levels from the resolved types.
    out = []
    for t in types:
        if base % 2 == 0:
            out.append(base + (1 if t == "R" else 2 if t in ("AN", "EN") else 0))
        else:
            out.append(base + (1 if t in ("L", "EN", "AN") else 0))
    # L1: separators, and whitespace before them or at the end of the line, reset to base.
    trailing = True
    for i in range(n - 1, -1, -1):
        klass = original[i]
        if klass in ("S", "B"):
            out[i] = base
            trailing = True
        elif trailing and klass in ("WS", "BN"):
            out[i] = base
        else:
            trailing = False
    return out


# Bidi_Paired_Bracket pairs (BidiBrackets.txt), the ones met in practice.
_OPENING = dict(
    zip(
        "([{\u0f3a\u0f3c\u169b\u2045\u207d\u208d\u2308\u230a\u2329\u2768\u276a\u276c"
        "\u2770\u2772\u2774\u27e6\u27e8\u27ea\u2983\u2985\u2987\u2989\u298b\u2991"
        "\u2993\u2995\u2997\u29fc\u2e22\u2e24\u2e26\u2e28\u3008\u300a\u300c\u300e"
        "\u3010\u3014\u3016\u3018\u301a\ufe59\ufe5b\ufe5d\uff08\uff3b\uff5b\uff5f\uff62",
        ")]}\u0f3b\u0f3d\u169c\u2046\u207e\u208e\u2309\u230b\u232a\u2769\u276b\u276d"
        "\u2771\u2773\u2775\u27e7\u27e9\u27eb\u2984\u2986\u2988\u298a\u298c\u2992"
        "\u2994\u2996\u2998\u29fd\u2e23\u2e25\u2e27\u2e29\u3009\u300b\u300d\u300f"
        "\u3011\u3015\u3017\u3019\u301b\ufe5a\ufe5c\ufe5e\uff09\uff3d\uff5d\uff60\uff63",
        strict=True,
    )
)
_CLOSING = {close: open_ for open_, close in _OPENING.items()}
_CLOSING["\u232a"] = "\u2329"
_CANONICAL = {"\u2329": "\u3008", "\u232a": "\u3009"}


def _pair_brackets(text: str, types: list[str], base: int, sos: str) -> None:
    """Rule N0: brackets of a pair (BD16) take the strong direction inside or around them."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for i, char in enumerate(text):
        if types[i] != "ON":
            continue
        char = _CANONICAL.get(char, char)
        if char in _OPENING:
            if len(stack) == 63:
                break
            stack.append((_CANONICAL.get(_OPENING[char], _OPENING[char]), i))
        elif char in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    if not pairs:
        return
    embedding = "R" if base else "L"

    def strong(t: str) -> str | None:
        return "L" if t == "L" else "R" if t in ("R", "EN", "AN") else None

    for opening, closing in sorted(pairs):
        inside = {strong(types[j]) for j in range(opening + 1, closing)} - {None}
        if not inside:
            continue
        if embedding in inside:
            resolved = embedding
        else:
            before = next(
                (strong(types[j]) for j in range(opening - 1, -1, -1) if strong(types[j])), sos
            )
            resolved = before if before != embedding else embedding
        types[opening] = types[closing] = resolved


def visual_order(line_levels: list[int]) -> list[int]:
    """Logical indices in visual (left to right) order for one line's levels (rule L2)."""
    order = list(range(len(line_levels)))
    if not line_levels:
        return order
    highest = max(line_levels)
    lowest_odd = min((v for v in line_levels if v % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        n = len(order)
        while i < n:
            if line_levels[order[i]] >= level:
                end = i
                while end < n and line_levels[order[end]] >= level:
                    end += 1
                order[i:end] = reversed(order[i:end])
                i = end
            else:
                i += 1
    return order


def visual_runs(keys: list, line_levels: list[int]) -> list[tuple[int, int, int]]:
    """Runs ``(start, end, level)`` of one line in visual order, left to right.

    A run is a stretch of logical positions with one level and one ``keys`` value (a font,
    a style): each is drawn as a unit, right-to-left runs by a shaper that puts its glyphs
    in visual order itself.
    """
    runs: list[tuple[int, int, int]] = []
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start] or line_levels[i] != line_levels[start]:
            if i > start:
                runs.append((start, i, line_levels[start]))
            start = i
    # L2 on runs: reverse sequences at each level from the highest down to the lowest odd one.
    if not runs:
        return runs
    highest = max(r[2] for r in runs)
    lowest_odd = min((r[2] for r in runs if r[2] % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(runs):
            if runs[i][2] >= level:
                end = i
                while end < len(runs) and runs[end][2] >= level:
                    end += 1
                runs[i:end] = reversed(runs[i:end])
                i = end
            else:
                i += 1
    return runs
