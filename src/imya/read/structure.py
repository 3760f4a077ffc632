"""What every reader shares: scene-break lines, chapter-heading lines, and picking chapters."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from imya.document import Chapter, Paragraph

# *** * * * ~~~ --- ### ==== • • • and the like; a lone # too.
SYMBOL_BREAK = re.compile(r"(?:[*#~=_+•·◇◆♦❖⁂§-]\s*){3,}|#|[⁂❧§]")
RULE_CHARS = "-~=*_ "

ROMAN = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# fmt: off
NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "thirtieth", "fortieth", "fiftieth", "last", "final",
}
# fmt: on
KEYWORD = re.compile(r"(?i)(chapter|chap\.|part|book|volume|vol\.|act)\s+(?:the\s+)?(.*)")
SPECIAL = re.compile(r"(?i)(prologue|epilogue|interlude|afterword|foreword|preface)\b\s*(.*)")
NUMBER_TOKEN = re.compile(r"\w+(?:-\w+)*")
ALONE = re.compile(r"(?:[IVXLC]+|\d{1,3})\.?")  # "IV", "II.", "12"; no D or M: "MIX" and "DIM" are words
SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
MAX_HEADING = 120
TOC_STORY = 200  # characters of story under a contents entry, at most


def is_break(line: str) -> bool:
    """Whether a stripped line is a scene-break separator (***, * * *, #, ~~~, ---, o0o)."""
    if not line or len(line) > 200 or (line[0].isalpha() and line[0] not in "oO"):
        return False  # the first letter of most lines settles it
    if SYMBOL_BREAK.fullmatch(line):
        return True
    core = line.strip(RULE_CHARS).replace(" ", "")
    # o0o, oOo, -o0o-: needs a zero or both cases, so "ooo" or "OOO" alone is not one.
    return len(core) >= 3 and set(core) <= set("oO0") and ("0" in core or ("o" in core and "O" in core))


def _is_number(word: str) -> bool:
    w = word.rstrip(".")
    if not w:
        return False
    if w.isdigit():
        return len(w) <= 4
    if (w.isupper() or w.islower()) and ROMAN.fullmatch(w.upper()):
        return True  # IV, or "chapter iv"
    parts = re.split(r"[- ]", w.lower())
    return bool(parts) and all(p in NUMBER_WORDS for p in parts)


def _title_tail(tail: str) -> bool:
    """Whether what follows a chapter number is a title, not the rest of a sentence."""
    tail = tail.strip()
    if not tail:
        return True
    if not re.search(r"[^\W\d_]", tail):
        return len(tail) <= 20  # "Chapter 4 & 4.5"
    if tail[0] in ".:,;—–-|/)":
        return True
    if tail[0] == "(" or tail[0] in "\"'“‘":
        return True
    return is_title_line(tail)


def is_title_line(line: str) -> bool:
    """Whether a short line reads as a title: every word capitalised but the small ones."""
    line = line.strip()
    words = re.findall(r"[^\W\d_][\w'’]*", line)
    return (
        0 < len(line) <= 80
        and bool(words)
        and all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)
        and line[-1] not in ",;"
    )


def is_chapter_heading(line: str) -> bool:
    """Whether one line of text is a chapter heading: CHAPTER I, Chapter Twelve: Title, PART ONE, IV."""
    line = line.strip()
    if not line or len(line) > MAX_HEADING:
        return False
    if ALONE.fullmatch(line):
        core = line.rstrip(".")
        return core.isdigit() or bool(ROMAN.fullmatch(core))
    if m := SPECIAL.fullmatch(line):
        return _title_tail(m.group(2))
    m = KEYWORD.fullmatch(line)
    if not m:
        return False
    rest = m.group(2)
    tokens = list(NUMBER_TOKEN.finditer(rest))[:2]
    # "Twenty One" is two tokens; "Twenty-One", "12" and "IV" are one.
    if len(tokens) == 2 and all(t.group().lower() in NUMBER_WORDS for t in tokens):
        return _title_tail(rest[tokens[1].end() :])
    if tokens and tokens[0].start() == 0 and _is_number(tokens[0].group()):
        return _title_tail(rest[tokens[0].end() :])
    return False


@dataclass
class Heading:
    """A heading paragraph that may start a chapter."""

    index: int  # into the paragraph list
    title: str
    level: int = 1  # 1 for h1 / "#" / a Heading 1 style ...
    forced: bool = False  # the format says it is a chapter (AO3 h2.heading, fff_chapter_title)


def norm_title(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.lower()))


def make_chapters(paragraphs: list[Paragraph], heads: list[Heading], text_len: int) -> tuple[list[Paragraph], list[Chapter]]:
    """Choose the headings that start chapters; relabel table-of-contents entries.

    With headings the format marks, only those count. Otherwise a heading
    counts if it reads like one (Chapter 3, PART ONE) or sits at the shallowest
    level used more than once (the story title is an h1 used once; the
    chapters are the h2s).
    """
    if any(h.forced for h in heads):
        chosen = [h for h in heads if h.forced]
    else:
        counts: dict[int, int] = {}
        for h in heads:
            counts[h.level] = counts.get(h.level, 0) + 1
        repeated = [lvl for lvl, n in counts.items() if n > 1]
        main = min(repeated) if repeated else None
        chosen = [h for h in heads if h.level == main or is_chapter_heading(h.title)]
    chosen = _drop_toc(paragraphs, chosen)
    chosen.sort(key=lambda h: h.index)
    starts = [paragraphs[h.index].start for h in chosen]
    chapters = [
        Chapter(title=" ".join(h.title.split()), start=s, end=starts[i + 1] if i + 1 < len(starts) else text_len)
        for i, (h, s) in enumerate(zip(chosen, starts, strict=True))
    ]
    return paragraphs, chapters


def _drop_toc(paragraphs: list[Paragraph], chosen: list[Heading]) -> list[Heading]:
    """Drop table-of-contents entries: headings whose title comes again later, with little
    story after them or right after another entry. They become "metadata" paragraphs."""
    chosen = sorted(chosen, key=lambda h: h.index)
    later: dict[str, int] = {}
    for h in chosen:
        later[norm_title(h.title)] = later.get(norm_title(h.title), 0) + 1
    kept = []
    in_toc = False
    for i, h in enumerate(chosen):
        key = norm_title(h.title)
        later[key] -= 1
        nxt = chosen[i + 1].index if i + 1 < len(chosen) else len(paragraphs)
        story = sum(p.end - p.start for p in paragraphs[h.index + 1 : nxt] if p.kind == "story")
        in_toc = later[key] > 0 and (story < TOC_STORY or in_toc)
        if in_toc:
            p = paragraphs[h.index]
            paragraphs[h.index] = Paragraph(p.start, p.end, "metadata")
        else:
            kept.append(h)
    return kept


def clean_breaks(breaks: list[int], paragraphs: list[Paragraph]) -> list[int]:
    """Sorted, unique scene-break offsets that fall between two paragraphs, neither a heading.

    A separator under a chapter title or before the next one is decoration, not a scene change.
    """
    ends = [p.end for p in paragraphs]
    kept = set()
    for b in breaks:
        i = bisect.bisect_right(ends, b)  # paragraphs[i] is the first one not ending before b
        if 0 < i < len(paragraphs) and paragraphs[i - 1].kind != "heading" and paragraphs[i].kind != "heading":
            kept.add(b)
    return sorted(kept)
