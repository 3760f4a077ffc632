"""The address engine: which forms of a name a speaker may use to an addressee, and why.

The rules are data (data/address_rules.toml); this module checks them on load,
matches them against the facts of one relationship and one form, and resolves
conflicts by the order stated in that file: priority, then specificity, then
file order.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from functools import cache

from . import titles
from .data import read as read_data
from .errors import DataError, ImyaError
from .forms import AddressForm, Classified, classify, forms_of
from .person import AGES, Person

RANKS = ("far_above", "above", "peer", "below", "far_below")
# parent: the addressee is the speaker's parent (or a grandparent, an uncle or aunt who raised
# them); child: the speaker's child. Other relatives are family.
CLOSENESS = ("stranger", "acquaintance", "colleague", "friend", "family", "partner", "parent", "child")
SETTINGS = ("private", "official", "military", "school")
ERAS = ("imperial", "soviet", "modern")
VERDICTS = ("expected", "acceptable", "marked", "wrong")
# The values each condition may take; booleans are true/false.
CONDITIONS: dict[str, tuple] = {
    "rank": RANKS, "closeness": CLOSENESS, "speaker_age": AGES, "addressee_age": AGES,
    "setting": SETTINGS, "era": ERAS, "both_young": (True, False), "foreigner": (True, False),
    "first_meeting": (True, False), "permitted": (True, False), "title_fits_era": (True, False),
    "addressee_foreigner": (True, False),
    "title_kind": ("honorific", "rank", "nobility", "clergy", "folk", "kin"),
    "belongs": (True, False),
}


@dataclass(slots=True)
class Relation:
    """How the speaker stands to the addressee at one point of a story."""

    rank: str = "peer"  # the speaker relative to the addressee
    closeness: str = "acquaintance"
    speaker_age: str = "adult"
    addressee_age: str = "adult"
    setting: str = "private"
    era: str = "modern"
    foreigner: bool = False  # the speaker is not Russian
    addressee_foreigner: bool = False  # the addressee is not Russian
    first_meeting: bool = False
    permissions: tuple[str, ...] = ()  # forms the addressee has offered the speaker

    @property
    def both_young(self) -> bool:
        young = ("child", "young")
        return self.speaker_age in young and self.addressee_age in young

    def check(self) -> Relation:
        for name, allowed in (("rank", RANKS), ("closeness", CLOSENESS), ("speaker_age", AGES),
                              ("addressee_age", AGES), ("setting", SETTINGS), ("era", ERAS)):
            value = getattr(self, name)
            if value not in allowed:
                raise ImyaError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
        return self


RELATION_FIELDS = tuple(f.name for f in fields(Relation))


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    forms: tuple[str, ...]
    when: tuple[tuple[str, tuple], ...]  # (field, allowed values)
    verdict: str  # a verdict, or a pronoun for pronoun rules
    reason: str
    priority: int
    order: int

    def matches(self, facts: dict) -> bool:
        return all(facts.get(k) in allowed for k, allowed in self.when)


@dataclass(slots=True)
class Judgement:
    """The verdict on one form.  Field names are a stable JSON contract."""

    form: str
    register: str
    verdict: str
    reason: str
    rules: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Advice:
    """What `imya address` answers."""

    speaker: str
    addressee: str
    forms: list[Judgement]
    pronoun: str  # ty | vy
    pronoun_reason: str
    pronoun_rules: list[str]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Rules:
    registers: dict[str, str]
    forms: tuple[Rule, ...]
    pronouns: tuple[Rule, ...]
    parent_address: dict[str, str] = field(default_factory=dict)  # gender → what a child calls a parent


def _condition(rule_id: str, key: str, value) -> tuple[str, tuple]:
    if key not in CONDITIONS:
        raise DataError(f"address_rules.toml: rule {rule_id}: unknown condition {key!r}")
    values = tuple(value) if isinstance(value, list) else (value,)
    bad = [v for v in values if v not in CONDITIONS[key]]
    if bad or not values:
        allowed = ", ".join(str(v).lower() for v in CONDITIONS[key])
        raise DataError(f"address_rules.toml: rule {rule_id}: {key} must be among {allowed}, not {bad}")
    return key, values


def parse_rules(text: str) -> Rules:
    """Validate rules given as TOML text (the shipped file, or a test's)."""
    try:
        spec = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise DataError(f"address_rules.toml: {e}") from None
    registers = spec.get("registers", {})
    seen: set[str] = set()
    out: dict[str, list[Rule]] = {"rule": [], "pronoun": []}
    for section in out:
        for order, raw in enumerate(spec.get(section, [])):
            rid = raw.get("id", f"#{order + 1}")
            unknown = set(raw) - {"id", "forms", "when", "verdict", "pronoun", "reason", "priority"}
            if unknown or "id" not in raw or rid in seen:
                problem = f"unknown keys {sorted(unknown)}" if unknown else "a missing or repeated id"
                raise DataError(f"address_rules.toml: {section} {rid}: {problem}")
            seen.add(rid)
            when = tuple(_condition(rid, k, v) for k, v in raw.get("when", {}).items())
            if section == "rule":
                verdict, forms = raw.get("verdict"), tuple(raw.get("forms", ()))
                if verdict not in VERDICTS:
                    raise DataError(f"address_rules.toml: rule {rid}: verdict must be one of {', '.join(VERDICTS)}")
                if not forms or not set(forms) <= set(registers):
                    raise DataError(f"address_rules.toml: rule {rid}: forms must be registers listed in [registers]")
            else:
                verdict, forms = raw.get("pronoun"), ()
                if verdict not in ("ty", "vy"):
                    raise DataError(f"address_rules.toml: pronoun {rid}: pronoun must be ty or vy")
            if not raw.get("reason"):
                raise DataError(f"address_rules.toml: {section} {rid}: a reason is required")
            out[section].append(Rule(rid, forms, when, verdict, raw["reason"], int(raw.get("priority", 50)), order))
    for register in registers:
        if not any(register in r.forms and not r.when for r in out["rule"]):
            raise DataError(f"address_rules.toml: register {register!r} has no fallback rule (a rule with no conditions)")
    if not any(not r.when for r in out["pronoun"]):
        raise DataError("address_rules.toml: no fallback pronoun rule")
    parents = spec.get("parent_address", {})
    for gender, word in parents.items():
        t = titles.find(word)
        if gender not in ("m", "f") or t is None or t.kind != "kin":
            raise DataError(f"address_rules.toml: parent_address {gender} = {word!r}: a kin title of titles.tsv "
                            "for m or f")
    return Rules(registers, tuple(out["rule"]), tuple(out["pronoun"]), dict(parents))


@cache
def rules() -> Rules:
    return parse_rules(read_data("address_rules.toml"))


def _decide(candidates: list[Rule]) -> list[Rule]:
    """Matching rules, the deciding one first: priority, then specificity, then file order."""
    return sorted(candidates, key=lambda r: (-r.priority, -len(r.when), r.order))


def _facts(rel: Relation, form: AddressForm | None, permitted: bool, belongs: bool = True) -> dict:
    facts = {name: getattr(rel, name) for name in RELATION_FIELDS if name != "permissions"}
    facts["both_young"] = rel.both_young
    facts["permitted"] = permitted
    facts["belongs"] = belongs
    if form is not None and form.title is not None:
        facts["title_fits_era"] = form.title.fits(rel.era)
        facts["title_kind"] = form.title.kind
    return facts


def _judge(form_text: str, register: str, form: AddressForm | None, rel: Relation, permitted: bool,
           belongs: bool = True, whose: str = "") -> Judgement:
    facts = _facts(rel, form, permitted, belongs)
    matched = _decide([r for r in rules().forms if register in r.forms and r.matches(facts)])
    top = matched[0]
    title = form.title if form is not None else None
    reason = top.reason.format(form=form_text, title=title.text if title else "",
                               title_note=title.note if title else "", whose=whose)
    return Judgement(form_text, register, top.verdict, reason, [r.id for r in matched])


def _permitted(form: AddressForm, addressee: Person, rel: Relation) -> bool:
    for granted in rel.permissions:
        c = classify(granted, addressee)
        if c.form is not None and c.form.text == form.text:
            return True
    return False


def pronoun(rel: Relation) -> tuple[str, str, list[str]]:
    """ты or вы for this relationship, with the reason and the rules that matched."""
    facts = _facts(rel, None, False)
    matched = _decide([r for r in rules().pronouns if r.matches(facts)])
    return matched[0].verdict, matched[0].reason, [r.id for r in matched]


_ORDER = {v: i for i, v in enumerate(VERDICTS)}


def advise(speaker: Person, addressee: Person, rel: Relation, form: str | None = None) -> Advice:
    """The forms `speaker` may use to `addressee`, best first; or the verdict on one `form`."""
    rel.check()
    ladder = list(rules().registers)
    if form is not None:
        judgements = [judge_form(form, addressee, rel)]
    else:
        judgements = [_judge(f.text, f.register, f, rel, _permitted(f, addressee, rel)) for f in forms_of(addressee)]
        word = rules().parent_address.get(addressee.gender or "") if rel.closeness == "parent" else None
        if word:
            judgements.append(judge_form(word, addressee, rel))
        judgements.sort(key=lambda j: (_ORDER[j.verdict], ladder.index(j.register)))
    word, reason, ids = pronoun(rel)
    notes = list(addressee.notes)
    if addressee.given is not None and addressee.patronymic is None:
        her = "her" if addressee.gender == "f" else "his"
        notes.append(f"{addressee.label()} has no patronymic in the story; where the name and patronymic "
                     f"is expected, {her} full name needs one")
    return Advice(speaker.label(), addressee.label(), judgements, word, reason, ids, notes)


def judge_form(text: str, addressee: Person, rel: Relation) -> Judgement:
    """The verdict on one written form used to `addressee`."""
    c: Classified = classify(text, addressee)
    kin = titles.find(text.strip()) if len(text.split()) == 1 else None
    if not c.belongs and kin is not None and kin.kind == "kin":  # Papa, Granny: anyone's, by relation
        form = AddressForm(text, "title", (), kin)
        return _judge(text, "title", form, rel, False)
    if not c.belongs:
        return _judge(text, c.register or "unknown", None, rel, False, belongs=False, whose=c.whose)
    return _judge(text, c.register, c.form, rel, _permitted(c.form, addressee, rel))
