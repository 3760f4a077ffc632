"""Forms of address of one person, and the register of any written form."""

from __future__ import annotations

from dataclasses import dataclass

from . import kb, titles
from .search import lookup
from .spelling import cyrillic_keys, latin_keys
from .text import cyrillic_norm, script
from .translit import to_latin

NAME_REGISTERS = ("short", "affectionate", "rough", "foreign")
# Generic honorifics offered before a surname; whether they fit the era is for the rules.
HONORIFICS = {"m": ("Gospodin", "Comrade", "Monsieur", "Mister"), "f": ("Gospozha", "Comrade", "Madame", "Miss")}


@dataclass(frozen=True, slots=True)
class AddressForm:
    text: str  # Latin, as it would be written in English
    register: str  # a key of [registers] in address_rules.toml
    keys: tuple[frozenset[str], ...]  # one set of comparison keys per word
    title: titles.Title | None = None


def _word_keys(word: str) -> frozenset[str]:
    """Comparison keys of one word: exact entries (n:), spelling keys (k:), titles (t:)."""
    t = titles.find(word)
    if t is not None:
        return frozenset({f"t:{t.text.lower()}"})
    keys = {f"n:{cyrillic_norm(m.entry.cyrillic)}" for m in lookup(word)}
    if script(word) == "cyrillic":
        keys |= {f"k:{k}" for k in cyrillic_keys(word)}
    else:
        keys |= {f"k:{k}" for k in latin_keys(word)}
    return frozenset(keys)


def _form(text: str, register: str, title: titles.Title | None = None) -> AddressForm:
    return AddressForm(text, register, tuple(_word_keys(w) for w in text.split()), title)


def forms_of(person) -> list[AddressForm]:
    """Every form of address for `person`, in ladder order."""
    from .patronymic import parse

    data = kb.load()
    out: list[AddressForm] = []
    given = person.given
    patr = person.patronymic
    patr_latin = to_latin(patr) if patr else None
    surname = person.surname
    if given and patr:
        out.append(_form(f"{given.latin} {patr_latin}", "name_patronymic"))
    for t in person.titles:
        title = titles.find(t) or titles.Title(t, "mf", titles.ERAS, "rank", "")
        out.append(_form(title.text, "title", title))
        if title.kind == "rank":
            out.append(_form(f"Comrade {title.text}", "title", titles.find("Comrade")))
        if surname and title.kind in ("rank", "honorific"):
            out.append(_form(f"{title.text} {surname}", "title_surname", title))
        if given and title.kind in ("nobility", "clergy"):
            out.append(_form(f"{title.text} {given.latin}", "title_name", title))
    if surname and person.gender in ("m", "f"):
        for h in HONORIFICS[person.gender]:
            out.append(_form(f"{h} {surname}", "title_surname", titles.find(h)))
    if given and surname:
        out.append(_form(f"{given.latin} {surname}", "given_surname"))
    if given:
        out.append(_form(given.latin, "given"))
    if patr:
        out.append(_form(patr_latin, "patronymic"))
        parsed = parse(patr)
        fathers = {f.cyrillic for f in parsed.fathers} if parsed else set()
        for p in data.patronymics.values():
            if p.colloquial_of == patr and {f.cyrillic for f in p.fathers} & fathers:
                out.append(_form(to_latin(p.cyrillic), "colloquial_patronymic"))
    if surname:
        out.append(_form(surname, "surname"))
    if given:
        for register in NAME_REGISTERS:
            for d, f in data.forms_of.get(given.cyrillic, ()):
                if f.register == register:
                    out.append(_form(d.latin or to_latin(d.cyrillic), register))
    for canon in person.canon:  # the author's own spellings (Natasha Romanoff) are the person's too
        register = _classify_generic(canon, None).register
        if register is not None and all(f.text != canon for f in out):
            out.append(_form(canon, register))
    return out


@dataclass(frozen=True, slots=True)
class Classified:
    text: str
    register: str | None  # None when the form cannot be placed
    form: AddressForm | None  # the person's own form it matches
    belongs: bool  # False: a name form, but not this person's
    whose: str  # for a form that is not theirs: ": it belongs to Yakov", or ""


def _matches(words: list[frozenset[str]], form: AddressForm, exact: bool) -> bool:
    if len(words) != len(form.keys):
        return False
    for w, f in zip(words, form.keys, strict=True):
        if exact:
            w = {k for k in w if not k.startswith("k:")}
            f = {k for k in f if not k.startswith("k:")}
        if not w & f:
            return False
    return True


def classify(text: str, person=None) -> Classified:
    """The register of a written form; with a person, whether it is one of their forms."""
    words = [_word_keys(w) for w in text.split()]
    if person is not None:
        own = forms_of(person)
        for exact in (True, False):
            for form in own:
                if _matches(words, form, exact):
                    return Classified(text, form.register, form, True, "")
    return _classify_generic(text, person)


def _classify_generic(text: str, person) -> Classified:
    from .explainer import explain

    parts = explain(text).parts
    kinds = [p.kind for p in parts]
    register = None
    if kinds == ["given", "patronymic"]:
        register = "name_patronymic"
    elif kinds == ["given"]:
        register = "given"
    elif kinds == ["diminutive"]:
        register = parts[0].register
    elif kinds == ["patronymic"]:
        register = "colloquial_patronymic" if parts[0].register == "colloquial" else "patronymic"
    elif kinds == ["surname"]:
        register = "surname"
    elif len(kinds) == 2 and kinds[0] in ("given", "diminutive") and kinds[1] in ("surname", "unknown"):
        register = "given_surname"
    elif len(parts) == 2 and titles.find(parts[0].text):
        register = "title_surname"
    elif len(parts) == 1 and titles.find(parts[0].text):
        register = "title"
    owners = ", ".join(dict.fromkeys(f.latin for p in parts for f in p.full_names))
    return Classified(text, register, None, False, f": it belongs to {owners}" if owners else "")
