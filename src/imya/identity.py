"""Two names the text itself says are one person.

Characters misname each other, and the text corrects them on the spot:
"My name is Vrazumihin, not Razumihin"; "You are not Amalia Ivanovna, but
Amalia Ludwigovna"; "Sofya Ivanovna..." "Sofya Semyonovna," corrected
Raskolnikov.  Rules alone keep such names apart (two patronymics, two
surnames), so these statements are the only evidence that joins them.  The two
names must share a part or nearly a surname: "I'm Natasha, not Sonya" is a
mistaken identity, two people; and so is a pair the next lines tell apart
("Fyodor Mikhailovich," corrected the old man. "Fyodor Pavlovich is my cousin.").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .mentions import Mention

# "my name is X, not Y", "you are not X, but Y": a name said to be who someone is
_IS = re.compile(
    r"\b(?:my name is|my name's|I am|I'm|you are|you're|his name is|her name is|call me|call him|"
    r"call her|I am called|he is|he's|she is|she's)\s+(not\s+)?$", re.I)
_BUT = re.compile(r"^\s*,?\s*but\s+$")  # after "not X"
_NOT = re.compile(r"^\s*[,;]?\s*(?:[^.!?“”\"\n]{0,40}?[,;]\s*)?(?:and\s+)?not\s+$")  # after "X"
# "Sofya Ivanovna--I mean, Semyonovna": a slip put right
_I_MEAN = re.compile(r"^[.,…]*\s*(?:--|—|-)?\s*(?:I mean|or rather|that is to say)[,.]?\s*$", re.I)
# "“Sofya Semyonovna,” corrected Raskolnikov": a quote that is only a name
_CORRECTED = re.compile(r"[.,!]?[”\"]\s*,?\s*(?:\w+\s+){0,2}?correct(?:ed|ing)\b", re.I)
_QUOTE_START = re.compile(r"[“\"]\s*$")
# "Fyodor Pavlovich is my cousin", "my sister is Olga Petrovna": the other name is someone else
_SOMEONE_ELSE = re.compile(r"^[,\s]*(?:is|was|'s|’s)\s+(?:my|his|her|your|our|their)\s")
_SOMEONE_ELSE_BEFORE = re.compile(r"\b(?:my|his|her|your|our|their)\s+[\w-]+\s+(?:is|was)\s+$", re.I)
REACH = 400  # characters back to the slip a correction answers
AFTER = 300  # characters after a statement in which the other name may be told apart
SAID_REACH = 60  # characters between two names one statement equates


def statements(text: str, mentions: list[tuple[Mention, str]],
               shares: Callable[[str, str], bool]) -> list[tuple[str, str]]:
    """The (character, character) of each pair of names the text equates.  `shares(a, b)`
    says whether two characters have a name in common, or nearly one."""
    ordered = sorted(mentions, key=lambda mc: mc[0].start)
    out: list[tuple[str, str]] = []
    for i, (m2, c2) in enumerate(ordered):
        if i == 0:
            continue
        m1, c1 = ordered[i - 1]
        said = None
        if c1 != c2 and m2.start - m1.end <= SAID_REACH:
            between = text[m1.end:m2.start]
            is_ = _IS.search(text, max(0, m1.start - 30), m1.start)
            said = ((is_ and (_BUT.match(between) if is_.group(1) else _NOT.match(between)))
                    or _I_MEAN.match(between))
        if said and shares(c1, c2):
            pair = (c1, c2)
        elif _QUOTE_START.search(text, max(0, m2.start - 3), m2.start) and _CORRECTED.match(text, m2.end):
            pair = next(((c0, c2) for m0, c0 in reversed(ordered[:i]) if m2.start - m0.end <= REACH
                         and c0 != c2 and shares(c0, c2)), None)
        else:
            continue
        if pair and not _told_apart(text, ordered[i + 1:], pair, m2.end):
            out.append(pair)
    return out


def _told_apart(text: str, after: list[tuple[Mention, str]], pair: tuple[str, str], end: int) -> bool:
    """Whether the lines after the statement give one of the two names a person of its own."""
    for m, cid in after:
        if m.start - end > AFTER:
            break
        if cid in pair and (_SOMEONE_ELSE.match(text[m.end:m.end + 12])
                            or _SOMEONE_ELSE_BEFORE.search(text[max(0, m.start - 30):m.start])):
            return True
    return False

