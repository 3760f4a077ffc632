"""Output: JSON documents and human-readable text for the commands."""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass

from rich.console import Console
from rich.markup import escape

from .explainer import Explanation, Part
from .patronymic import Derived, Parsed
from .surnames import Surname

GENDER = {"m": "m", "f": "f", "mf": "m/f", None: "gender unknown"}


def plain(o):
    """Dataclasses (and lists and dicts of them) as plain JSON-ready values."""
    if is_dataclass(o):
        return asdict(o)
    if isinstance(o, list):
        return [plain(x) for x in o]
    if isinstance(o, dict):
        return {k: plain(v) for k, v in o.items()}
    return o


def to_json(obj) -> str:
    return json.dumps(plain(obj), ensure_ascii=False, indent=2)


def _ref(r) -> str:
    return f"{r.latin} ({r.cyrillic})" if r else "-"


def explanation(console: Console, e: Explanation) -> None:
    console.print(f"[bold]{escape(e.query)}[/bold]")
    for p in e.parts:
        _part(console, p)
    console.print()


def _part(console: Console, p: Part) -> None:
    head = [escape(p.text)]
    if p.cyrillic:
        head.append(f"→ [bold cyan]{escape(p.cyrillic)}[/] ({escape(p.standard_latin or '')})")
    kind = p.kind if p.kind != "unknown" else "not a known name"
    head.append(f"· {kind}")
    if p.kind != "unknown" or p.gender:
        head.append(f"· {GENDER.get(p.gender, p.gender)}")
    console.print("  " + " ".join(head))
    for note in p.notes:
        console.print(f"    • {escape(note)}")
    if p.forms:
        for register, forms in p.forms.items():
            listed = ", ".join(_ref(f) for f in forms)
            console.print(f"    {register}: {escape(listed)}")
    if p.kind == "given" and p.gender == "m":
        from .patronymic import derive

        d = derive(p.cyrillic)
        console.print(f"    children: {escape(_ref(d.male))} / {escape(_ref(d.female))}")
    if p.kind == "given" or p.kind == "surname":
        other = p.feminine if p.gender == "m" else p.masculine if p.gender == "f" else None
        if other and p.kind == "surname":
            console.print(f"    {'feminine' if p.gender == 'm' else 'masculine'}: {escape(_ref(other))}")
        elif other:
            console.print(f"    {'feminine' if p.gender == 'm' else 'masculine'} name: {escape(_ref(other))}")


VERDICT_STYLE = {"expected": "bold green", "acceptable": "green", "marked": "yellow", "wrong": "bold red"}


def advice(console: Console, a) -> None:
    from .address import rules

    labels = {k: v.split(" (")[0] for k, v in rules().registers.items()}
    word = {"ty": "ты (ty)", "vy": "вы (vy)"}[a.pronoun]
    head = f"[bold]{escape(a.speaker)}[/bold] → [bold]{escape(a.addressee)}[/bold]"
    console.print(f"{head}: {word}, {escape(a.pronoun_reason)}")
    for note in a.notes:
        console.print(f"    • {escape(note)}")
    for j in a.forms:
        style = VERDICT_STYLE[j.verdict]
        label = escape(labels.get(j.register, j.register))
        console.print(f"  [{style}]{j.verdict:<10}[/] [bold]{escape(j.form)}[/bold] ({label})")
        console.print(f"             {escape(j.reason)} [dim]{' '.join(j.rules)}[/dim]")


def patronymic(console: Console, query: str, r: Derived | Parsed) -> None:
    if isinstance(r, Parsed):
        who = "son" if r.gender == "m" else "daughter"
        fathers = " or ".join(_ref(f) for f in r.fathers)
        console.print(f"[bold]{escape(query)}[/bold] ({escape(r.cyrillic)}): a {who}'s patronymic; father {escape(fathers)}")
    else:
        console.print(f"[bold]{escape(query)}[/bold] → father {escape(_ref(r.father))}")
        for label, form in (("son", r.male), ("daughter", r.female)):
            spoken = ", ".join(_ref(c) for c in form.colloquial)
            extra = f"; spoken: {spoken}" if spoken else ""
            console.print(f"    {label}: [bold cyan]{escape(form.latin)}[/] ({escape(form.cyrillic)}){escape(extra)}")
    for note in r.notes:
        console.print(f"    • {escape(note)}")


def surname(console: Console, s: Surname) -> None:
    console.print(f"[bold]{escape(s.query)}[/bold] · {GENDER.get(s.gender, s.gender)}")
    console.print(f"    masculine: {escape(_ref(s.masculine))}")
    console.print(f"    feminine:  {escape(_ref(s.feminine))}")
    console.print(f"    family:    {escape(s.plural.latin)} ({escape(s.plural.cyrillic)})")
    for note in s.notes:
        console.print(f"    • {escape(note)}")


def cast(console: Console, result, limit: int) -> None:
    shown = result.characters[:limit]
    console.print(f"[bold]{len(result.characters)} characters[/bold] (most mentioned first)")
    for c in shown:
        forms = ", ".join(f"{escape(t)} {n}" for t, n in c.forms.most_common(8))
        more = f", +{len(c.forms) - 8} more" if len(c.forms) > 8 else ""
        gender = GENDER.get(c.gender, "?") if c.gender else "?"
        console.print(f"  [bold]{escape(c.name)}[/bold] ({gender}, {c.mentions}): {forms}{more}")
    if len(result.characters) > limit:
        console.print(f"  ... {len(result.characters) - limit} more (--limit, or --json for all)")
    if result.ambiguous:
        console.print("[bold]Ambiguous forms[/bold] (given to several characters by who was named nearby)")
        names = {c.id: c.name for c in result.characters}
        for a in result.ambiguous[:20]:
            console.print(f"  {escape(a['text'])}: {escape(', '.join(names.get(x, x) for x in a['candidates']))}")
    if result.families:
        console.print("[bold]Families[/bold]")
        names = {c.id: c.name for c in result.characters}
        for f in result.families:
            members = ", ".join(names.get(m, m) for m in f.members)
            console.print(f"  {f.relation}: {escape(members)} — {escape(f.evidence)}")


def dialogue(console: Console, doc, result, limit: int) -> None:
    console.print(f"[bold]{len(result.quotes)} quoted pieces[/bold]")
    for q in result.quotes[:limit]:
        line, col = doc.line_col(q.start)
        words = " ".join(doc.text[q.start:q.end].split())
        words = words if len(words) <= 70 else words[:67] + "..."
        to = ", ".join(a.name or "?" for a in q.addressees) or "-"
        voc = "; ".join(f"{v.text} ({v.register or '?'})" for v in q.vocatives)
        extra = f"  [italic]vocative: {escape(voc)}[/]" if voc else ""
        console.print(f"  {line}:{col} [bold]{escape(q.speaker.name or '?')}[/bold] → {escape(to)}"
                      f" [dim]({q.attribution})[/dim]: {escape(words)}{extra}")
    if len(result.quotes) > limit:
        console.print(f"  ... {len(result.quotes) - limit} more (--limit, or --json for all)")
    for p in result.permissions:
        console.print(f"  permission at {doc.line_col(p.start)[0]}: {escape(p.speaker or '?')} offers {escape(p.form)}")


SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def findings(console: Console, results) -> None:
    total = 0
    for path, _, found in results:
        for f in found:
            total += 1
            style = SEVERITY_STYLE[f.severity]
            console.print(f"{escape(path)}:{f.line}:{f.column}: [{style}]{f.severity}[/] "
                          f"[bold]{f.rule}[/bold] {escape(f.message)} [dim]({f.name})[/dim]")
            if f.suggestion:
                console.print(f"    suggestion: {escape(f.suggestion)}")
    console.print(f"{total} finding{'s' if total != 1 else ''}")


def sarif(results) -> str:
    """Findings as a SARIF 2.1.0 log, for code-scanning tools."""
    from . import __version__
    from .lint import registry

    level = {"error": "error", "warning": "warning", "info": "note"}
    rules = [{"id": r.code, "name": r.name, "shortDescription": {"text": r.summary},
              "fullDescription": {"text": r.doc}, "help": {"text": r.doc},
              "defaultConfiguration": {"level": level[r.severity]}} for r in registry().values()]
    out = []
    for path, doc, found in results:
        for f in found:
            end_line, end_col = doc.line_col(f.end)
            region = {"startLine": f.line, "startColumn": f.column, "endLine": end_line, "endColumn": end_col,
                      "charOffset": f.start, "charLength": f.end - f.start}
            result = {"ruleId": f.rule, "level": level[f.severity], "message": {"text": f.message},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}]}
            if f.suggestion:
                result["properties"] = {"suggestion": f.suggestion}
            out.append(result)
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "imya", "version": __version__, "rules": rules}},
                     "results": out}]}
    return json.dumps(log, ensure_ascii=False, indent=2)
