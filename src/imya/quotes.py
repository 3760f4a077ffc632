"""Quotations: where characters speak, in any of the ways English prose marks speech.

Curly or straight, double or single quotes (a straight single quote is also the
apostrophe: an opening mark follows a space or punctuation and precedes a
letter; a closing one follows a letter or punctuation and precedes a space or
punctuation — don't and Natasha's have letters on both sides), speech that runs
over several paragraphs (no closing mark until the last), speech broken by a
tag ("Yes," he said, "but..."), and dialogue opened by a dash (— Yes.).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document, Paragraph

STYLES = ("curly_double", "straight_double", "mixed_double", "curly_single", "straight_single", "dash")
MIXED = 0.05  # the share of the other double marks that makes a text mixed (edited on two devices)
_OPEN_SINGLE = re.compile(r"(?:^|(?<=[\s(\[—–\-“\"]))['‘](?=[^\s'’])")
_CLOSE_SINGLE = re.compile(r"(?<=[^\s'‘])['’](?=$|[\s.,;:!?)\]—–\-”\"])")
_DASH = re.compile(r"^[ \t]*[—–―]+[ \t]*", re.M)


@dataclass(frozen=True, slots=True)
class Piece:
    """One stretch of quoted speech; text[start:end] is its content, without the marks."""

    start: int
    end: int
    paragraph: int  # index into the document's paragraphs
    turn: int  # pieces of one utterance share a turn (a quote broken by a tag, or running on)


def style(text: str) -> str:
    """The document's way of marking speech (judged on its first 300,000 characters)."""
    text = text[:300_000]
    counts = {
        "curly_double": text.count("“"),
        "straight_double": text.count('"') // 2,
        "curly_single": len(re.findall(r"(?:^|(?<=\s))‘", text)),
        "straight_single": len(_OPEN_SINGLE.findall(text.replace("‘", "x"))),
        "dash": len(re.findall(r"(?m)^[ \t]*[—–―]", text)),
    }
    best = max(counts, key=counts.get)
    doubles = sorted((counts["curly_double"], counts["straight_double"]))
    if best in ("curly_double", "straight_double") and doubles[0] >= max(1, MIXED * doubles[1]):
        return "mixed_double"  # “this” and "this" both: fan fiction edited on a phone and a laptop
    # single marks are also apostrophes and nested quotes: they must clearly win
    if best in ("curly_single", "straight_single") and counts[best] < 2 * max(
            counts["curly_double"], counts["straight_double"]):
        best = "curly_double" if counts["curly_double"] >= counts["straight_double"] else "straight_double"
    return best


def find(doc: Document) -> list[Piece]:
    """Every quoted piece in the story paragraphs of `doc`, in text order."""
    text = doc.text
    how = style(text)
    paragraphs = doc.paragraphs or [Paragraph(0, len(text))]
    pieces: list[Piece] = []
    turn = -1
    open_turn = False  # the previous paragraph ended inside a quotation
    for index, p in enumerate(paragraphs):
        if p.kind != "story":
            open_turn = False
            continue
        spans, still_open = _spans(text, p.start, p.end, how, open_turn)
        for i, (a, b) in enumerate(spans):
            if not (i == 0 and open_turn and a == _content_start(text, p.start)):
                lead = text[spans[i - 2][1] + 1 if i > 1 else p.start:spans[i - 1][0] - 1] if i else ""
                turn += 1 if i == 0 or not _is_tag_break(text, spans[i - 1][1], a, lead) else 0
            if turn < 0:
                turn = 0
            if b > a:
                pieces.append(Piece(a, b, index, turn))
        open_turn = still_open
    return pieces


def _content_start(text: str, start: int) -> int:
    i = start
    while i < len(text) and text[i] in " \t“\"‘'—–―":
        i += 1
    return i


_NAMED_ACTOR = re.compile(r"[\s”\"’'.!?]*(?!(?:He|She|They|It|I|We|The|A|An|Then|But|And|His|Her|Their)\b)"
                         r"[A-ZА-ЯЁ]")


# the last clause of the narration between two pieces ("said the Mock Turtle. And the Gryphon
# added", "said Pooh, and Piglet said,") and a new speaker opening it with a speech verb
_LAST_CLAUSE = re.compile(r"(?:(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\b[A-Z])[.!?;]\s+|,\s+and\s+)"
                          r"([^.!?;]*)$")
_JOINED = re.compile(r"\s*,?\s*(?:and|but)\s+([^.!?;]*)$")
_NEW_SPEAKER = re.compile(r"(?:(?:And|But|While|Then|and then)\s+)?(?:the\s+)?"
                          r"(?!(?:He|She|They|It|I|We|His|Her|Their|Then|Now|So|And|But|The|A|An)\b)"
                          r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:\s*,[^,]*,)?\s+(?:\w+ly\s+)?")


# "'...,' he said. And she answered,": the clause's pronoun, and the first part's tag's
_PRONOUN_SPEAKER = re.compile(r"(?:(?:And|But|Then|and then|then)\s+)?(he|she)\s+(?:\w+ly\s+)?", re.I)
_PRONOUN_NEAR = re.compile(r"\s*\b(he|she)\b\s*", re.I)


def _hands_over(between: str) -> bool:
    """The narration between two pieces of a paragraph hands the word to someone new: it tags
    the first piece and then leads another speaker into the second ("'I mean what I say,' the
    Mock Turtle replied. And the Gryphon added 'Come...'"; "'...,' and Piglet said, '...'").
    A name that only leads into the second piece may be the first one's speaker going on
    ("'The rent.' Praskovya, tired of it, said, 'He will come again.'"), so it does not."""
    from .tags import speech_verb, verb_rx

    last = _LAST_CLAUSE.search(between)
    joined = _JOINED.match(between)  # '"It's what I think, Piglet," and Piglet said, "But..."'
    clause = joined.group(1) if joined else last.group(1) if last and speech_verb(between[:last.start(1)]) else None
    if clause is not None:
        subject = _NEW_SPEAKER.match(clause)
        if subject is not None and verb_rx().match(clause, subject.end()) is not None:
            return True
        # "'...,' he said. And she answered, '...'": the other pronoun
        now = _PRONOUN_SPEAKER.match(clause)
        if now is not None and verb_rx().match(clause, now.end()) is not None:
            first = between[:len(between) - len(clause)]
            before = {p for _, pronouns in _tagged_pronouns(first) for p in pronouns}
            if before and now.group(1).lower() not in before:
                return True
    return False


_NAMED = r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
_NAME_TAGS = re.compile(rf"\b(?P<verb>[a-z]+)\s+(?P<name>{_NAMED})|(?P<name2>{_NAMED})\s+(?:[a-z]+ly\s+)?(?P<verb2>[a-z]+)")
# the rest of the words, up to a closing mark that waits for a tag: ',"' or '?"' (not '."')
_TAG_NEXT = re.compile(r"[^\"“”‘’'\n]{0,300}?[,!?—–-][\"”’'][ \t]*")


def _retagged(between: str, rest: str) -> bool:
    """The first piece has a tag naming one speaker and the next its own naming another: "'Over
    the other side,' said Mr. Bunting. And 'Please shut that door,' said Mr. Cuss."""
    from .tags import verb_rx

    def named(narration: str, at_start: bool) -> str | None:
        for m in _NAME_TAGS.finditer(narration):
            if at_start and m.start() > 0:
                break
            verb, name = (m.group("verb"), m.group("name")) if m.group("verb") else (m.group("verb2"), m.group("name2"))
            if verb_rx().fullmatch(verb):
                return name
        return None

    first = named(between, False)
    close = _TAG_NEXT.match(rest)
    second = named(rest[close.end():close.end() + 60], True) if first and close else None
    return second is not None and second != first


def _answered(lead: str, between: str) -> bool:
    """A tag led into the first piece, and the narration after it tags the second with someone
    who answers ("when Rabbit said, 'Honey or condensed milk?' he said, 'Both.'"; "Mr. Bounderby
    said, 'Your health!' she answered, 'Thank you.'"); "she added" goes on instead."""
    if not led_in(lead) or _SOMEONE.search(between, 1):
        return False  # "..., and, when Jack only looked at his glass, he said": the he may be the first
    first = _PRONOUN_NEAR.search(lead, max(0, len(lead) - 30))  # "Then he said, ... he said": one man
    for verb, pronouns in _tagged_pronouns(between):
        if pronouns and verb not in _GOES_ON and not (first and first.group(1).lower() == pronouns[0]):
            return True
    return False


def _tagged_pronouns(narration: str) -> list[tuple[str, list[str]]]:
    """Each speech verb of the narration, with the he or she right before it and right after it."""
    from .tags import verb_rx

    return [(v.group(0).lower(), [m.group(1).lower() for m in (
                _PRONOUN_NEAR.search(narration, max(0, v.start() - 12), v.start()),
                _PRONOUN_NEAR.match(narration, v.end())) if m])
            for v in verb_rx().finditer(narration)]


def led_in(lead: str) -> bool:
    """The narration ends with a speech verb that leads into the words ("when Rabbit said,")."""
    from .tags import verb_rx

    led = _LED_IN.search(lead)
    return led is not None and verb_rx().fullmatch(led.group(1)) is not None


_LED_IN = re.compile(r"\b(\w+)[,:]?\s*[“\"‘']?$")
_SOMEONE = re.compile(r"(?<![.!?]\s)\b(?!I\b)[A-Z][a-z]+")  # a name inside the narration between
_GOES_ON = frozenset({"added", "continued", "went on", "resumed", "pursued", "repeated", "persisted"})


def _is_tag_break(text: str, prev_end: int, start: int, lead: str = "") -> bool:
    """'Yes,' he said, 'but...': the stretch between two pieces of one utterance is a speech tag,
    or what the speaker does meanwhile ('Nothing for you.' He kissed her. 'Go on.').

    "Papa." Dmitri kissed her. "Natashenka..." may be two turns: the narration names someone.
    """
    from .tags import speech_verb

    between = text[prev_end + 1:start - 1]
    if len(between) > 160 or "\n\n" in between:
        return False
    if _hands_over(between) or _answered(lead, between) or _retagged(between, text[start:start + 400]):
        return False
    if re.search(r"[,:;—–-]\s*$", between) or speech_verb(between) is not None:
        return True
    # narration that opens with a name may hand the word to that character; any other goes on
    return not _NAMED_ACTOR.match(between)


def _spans(text: str, start: int, end: int, how: str, continuing: bool) -> tuple[list[tuple[int, int]], bool]:
    """Quoted spans in one paragraph, and whether the quotation runs on past it."""
    if how == "dash":
        # "Trofim spat into the river. — Till it stops.": a dash after a sentence of narration
        m = _DASH.match(text, start, end) or _DASH_AFTER.search(text, start, end)
        if not m:
            return [], False
        # — Yes, — said Natasha, — but ...: dashes inside the paragraph cut off the tags
        spans, pos, inside = [], m.end(), True
        for d in re.finditer(r"\s[—–―]\s", text[m.end():end]):
            cut = m.end() + d.start()
            if inside:
                spans.append(_untagged(text, pos, cut))
            pos, inside = m.end() + d.end(), not inside
        if inside:
            spans.append(_untagged(text, pos, end))
        return spans, False
    if how in ("curly_double", "straight_double", "mixed_double"):
        return _double(text, start, end, how, continuing)
    return _single(text, start, end, how, continuing)


_DASH_AFTER = re.compile(r"(?<=[.!?:])[ \t]+[—–―][ \t]+(?=\S)")
# "— How long? asked Nikolai. — Books, she said.": a tag after the words with no dash to close them
_WHO = r"(?:he|she|I|the\s+[a-z]+(?:\s+[a-z]+)?|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
_TAIL = (r"(?:\s+\w+ly)?(?:\s+to\s+(?:him|her|me|them|the\s+\w+|[A-Z][\w’'-]+))?(?:\s+\w+ly)?"
         r"(?:\s*,[^.!?—–]{0,60})?\s*[.!?]?\s*")  # "quietly", "to him", ", laughing at him."
_TRAILING_TAG = re.compile(rf"[,?!]\s+(?:{_WHO}\s+(?:\w+ly\s+)?(?P<verb1>\w+)|(?P<verb2>\w+)\s+{_WHO}){_TAIL}")


def _untagged(text: str, a: int, b: int) -> tuple[int, int]:
    """The words of a dash span, without a tag that closes it with no dash of its own."""
    from .tags import verb_rx

    for m in re.finditer(r"[,?!]\s", text[a:b]):
        tag = _TRAILING_TAG.fullmatch(text, a + m.start(), b)
        if tag and verb_rx().fullmatch(tag.group("verb1") or tag.group("verb2")):
            return a, a + m.start() + 1
    return a, b


_MARKS = {"curly_double": ("“", "”"), "straight_double": ('"', '"'), "mixed_double": ('“"', '”"')}
_MARK_RX = {how: re.compile("[" + "".join(set(o + c)) + "]") for how, (o, c) in _MARKS.items()}


def _straight_fits(text: str, i: int, start: int, end: int, closing: bool) -> bool:
    """A straight mark among curly ones: it opens before a word, after a space; it closes after one."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() if closing else (before.isspace() or before in "([—–-") and not after.isspace()


def _double(text: str, start: int, end: int, how: str, continuing: bool) -> tuple[list[tuple[int, int]], bool]:
    openers, closers = _MARKS[how]
    spans: list[tuple[int, int]] = []
    inside, content = False, start
    for mark in _MARK_RX[how].finditer(text, start, end):
        i = mark.start()
        if text[i] not in (closers if inside else openers):
            continue
        if how == "mixed_double" and text[i] == '"' and not _straight_fits(text, i, start, end, inside):
            continue  # 5'10" or a stray mark: not a quotation
        if inside:
            spans.append((content, i))
        else:
            content = i + 1
        inside = not inside
    if inside:
        spans.append((content, _trim_end(text, content, end)))
    return spans, inside


def _single(text: str, start: int, end: int, how: str, continuing: bool) -> tuple[list[tuple[int, int]], bool]:
    opens = {m.start() for m in _OPEN_SINGLE.finditer(text, start, end)}
    closes = {m.start() for m in _CLOSE_SINGLE.finditer(text, start, end)}
    if how == "curly_single":
        opens = {i for i in opens if text[i] == "‘"}
        closes = {i for i in closes if text[i] == "’"}
    spans: list[tuple[int, int]] = []
    inside, content = False, start
    for i in sorted(opens | closes):
        if not inside and i in opens:
            inside, content = True, i + 1
        elif inside and i in closes:
            spans.append((content, i))
            inside = False
    if inside:
        spans.append((content, _trim_end(text, content, end)))
    return spans, inside


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end
