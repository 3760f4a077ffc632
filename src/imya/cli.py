"""The `imya` command: a thin layer over the Python API.

Exit codes: 0 success, 2 usage or input error (one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import sys

from rich.console import Console

from . import render
from .errors import ImyaError

MAX_STDIN = 16 * 1024 * 1024  # bytes of queries read from stdin


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2: argparse prints usage too
        raise ImyaError(message)


def _queries(items: list[str]) -> list[str]:
    """The queries: arguments, or one per line of stdin for '-'."""
    if not items:
        raise ImyaError("nothing to look up: give at least one name, or - to read them from stdin")
    out: list[str] = []
    for item in items:
        if item != "-":
            out.append(item)
            continue
        raw = sys.stdin.buffer.read(MAX_STDIN + 1)
        if len(raw) > MAX_STDIN:
            raise ImyaError(f"stdin is larger than {MAX_STDIN // (1024 * 1024)} MB")
        if b"\0" in raw:
            raise ImyaError("stdin is binary data, not text: give one name per line")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise ImyaError(f"stdin is not UTF-8 text (byte {e.start})") from None
        out.extend(line.strip() for line in text.splitlines() if line.strip())
    if not out:
        raise ImyaError("nothing to look up: stdin had no names")
    return out


def _explain(args, console: Console) -> None:
    from .explainer import explain

    results = [explain(q) for q in _queries(args.names)]
    if args.json:
        print(render.to_json([r.to_dict() for r in results]))
        return
    for r in results:
        render.explanation(console, r)


def _patronymic(args, console: Console) -> None:
    from .patronymic import Derived, answer

    queries = _queries(args.fathers)
    results = [(q, answer(q)) for q in queries]
    if args.json:
        docs = []
        for q, r in results:
            doc = {"query": q, **render.plain(r)}
            if not isinstance(r, Derived):
                doc["kind"] = "parsed"
            docs.append(doc)
        print(render.to_json(docs))
        return
    for q, r in results:
        render.patronymic(console, q, r)


def _surname(args, console: Console) -> None:
    from .surnames import surname

    results = [surname(q) for q in _queries(args.surnames)]
    if args.json:
        print(render.to_json(results))
        return
    for r in results:
        render.surname(console, r)


def _translit(args, console: Console) -> None:
    from .convert import to_cyrillic
    from .translit import to_latin

    docs = []
    for text in _queries(args.text):
        if args.to == "cyrillic":
            result, words = to_cyrillic(text)
            docs.append({"text": text, "to": "cyrillic", "result": result, "words": words})
        else:
            docs.append({"text": text, "to": "latin", "scheme": args.scheme,
                         "result": to_latin(text, args.scheme)})
    if args.json:
        print(render.to_json(docs))
        return
    for d in docs:
        console.print(d["result"], markup=False, highlight=False)
        for w in d.get("words", []):
            if len(w.candidates) > 1:
                alts = ", ".join(f"{c.cyrillic} ({c.source}, {c.score})" for c in w.candidates[1:])
                console.print(f"    {w.text}: also {alts}", markup=False, highlight=False)


RELATION_KEYS = ("rank", "closeness", "speaker_age", "addressee_age", "setting", "era", "foreigner",
                 "addressee_foreigner", "first_meeting", "permit", "to_title", "from_title")


def _relation_args(items: list[str]) -> dict[str, list[str]]:
    """--relation rank=far_below closeness=acquaintance (or comma-separated) → key → values."""
    out: dict[str, list[str]] = {}
    for item in items:
        for pair in filter(None, (p.strip() for p in item.split(","))):
            key, sep, value = pair.partition("=")
            key = key.strip().replace("-", "_")
            if not sep or key not in RELATION_KEYS or not value.strip():
                raise ImyaError(f"--relation takes key=value with keys {', '.join(RELATION_KEYS)}; got {pair!r}")
            out.setdefault(key, []).append(value.strip())
    return out


def _flag(value: str) -> bool:
    if value.lower() in ("true", "yes", "1"):
        return True
    if value.lower() in ("false", "no", "0"):
        return False
    raise ImyaError(f"expected true or false, not {value!r}")


def _address(args, console: Console) -> None:
    from .address import Relation, advise
    from .person import from_name
    from .roster import Point, load

    rel_args = _relation_args(args.relation)
    at = Point.parse(args.at) if args.at else None
    if args.roster:
        roster = load(args.roster)
        speaker, addressee = roster.person(args.speaker), roster.person(args.addressee)
        rel = roster.relation(args.speaker, args.addressee, at)
    else:
        if at is not None:
            raise ImyaError("--at needs a --roster")
        speaker = from_name(args.speaker, age=rel_args.get("speaker_age", ["adult"])[0],
                            titles=tuple(rel_args.get("from_title", ())))
        addressee = from_name(args.addressee, age=rel_args.get("addressee_age", ["adult"])[0],
                              titles=tuple(rel_args.get("to_title", ())))
        rel = Relation(speaker_age=speaker.age, addressee_age=addressee.age)
    for key, values in rel_args.items():
        if key in ("to_title", "from_title"):
            continue
        if key == "permit":
            rel.permissions += tuple(values)
        elif key in ("foreigner", "addressee_foreigner", "first_meeting"):
            setattr(rel, key, _flag(values[-1]))
        else:
            setattr(rel, key, values[-1])
    advice = advise(speaker, addressee, rel, args.form)
    if args.json:
        print(render.to_json(advice))
    else:
        render.advice(console, advice)


def _cast(args, console: Console) -> None:
    from .links import cast_and_dialogue
    from .read import read

    result, _ = cast_and_dialogue(read(args.file))
    if args.json:
        print(render.to_json(result.to_dict()))
    else:
        render.cast(console, result, args.limit)


def _dialogue(args, console: Console) -> None:
    from .links import cast_and_dialogue
    from .read import read

    doc = read(args.file)
    _, result = cast_and_dialogue(doc)
    if args.json:
        print(render.to_json(result.to_dict()))
    else:
        render.dialogue(console, doc, result, args.limit)


def _codes(text: str | None) -> set[str] | None:
    from .lint import registry

    if not text:
        return None
    codes = {c.strip().upper() for c in text.split(",") if c.strip()}
    unknown = codes - set(registry())
    if unknown:
        raise ImyaError(f"unknown rule codes {', '.join(sorted(unknown))}; see imya rule --list")
    return codes


def _check(args, console: Console) -> int:
    from .lint import SEVERITIES, config, context, lint
    from .read import read
    from .roster import load

    results, failing = [], 0
    for path in args.files:
        settings = config.find(path)
        roster_path = args.roster or settings.roster
        roster = load(roster_path) if roster_path else None
        select = _codes(args.select) or _codes(",".join(settings.select or [])) or None
        ignore = (_codes(args.ignore) or set()) | (_codes(",".join(settings.ignore)) or set())
        doc = read(path)
        quiet = config.suppressed(doc)
        found = [f for f in lint(context(doc, roster), select, ignore)
                 if not any(a <= f.start < b and (codes is None or f.rule in codes) for a, b, codes in quiet)]
        fail_at = SEVERITIES.index(args.fail_on or settings.fail_on or "warning")
        failing += sum(1 for f in found if SEVERITIES.index(f.severity) >= fail_at)
        results.append((path, doc, found))
    if args.format == "json":
        print(render.to_json({"findings": [{"file": path, **f.to_dict()} for path, _, found in results
                                           for f in found]}))
    elif args.format == "sarif":
        print(render.sarif(results))
    elif args.format == "github":
        for path, _, found in results:
            for f in found:
                level = {"error": "error", "warning": "warning", "info": "notice"}[f.severity]
                print(f"::{level} file={path},line={f.line},col={f.column},title={f.rule} {f.name}::{f.message}")
    else:
        render.findings(console, results)
    return 0 if args.exit_zero or not failing else 1


def _rule(args, console: Console) -> None:
    from .lint import registry

    rules = registry()
    if args.json:
        chosen = [rules[c] for c in ([args.code.upper()] if args.code else rules) if c in rules]
        if args.code and not chosen:
            raise ImyaError(f"no rule {args.code!r}; imya rule --list shows them")
        print(render.to_json([{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary,
                                "doc": r.doc} for r in chosen]))
        return
    if args.list or not args.code:
        for code, r in rules.items():
            console.print(f"{code} {r.name} ({r.severity}): {r.summary}", markup=False, highlight=False)
        return
    code = args.code.upper()
    if code not in rules:
        raise ImyaError(f"no rule {args.code!r}; imya rule --list shows them")
    r = rules[code]
    console.print(f"{r.code} {r.name} ({r.severity})\n\n{r.doc}", markup=False, highlight=False)


def build_parser() -> argparse.ArgumentParser:
    from .translit import SCHEMES

    parser = _Parser(prog="imya", description="Russian names and forms of address, done right.")
    parser.add_argument("--version", action="version", version=f"imya {__import__('imya').__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("explain", help="what a name form is: given name, short form, patronymic, surname")
    p.add_argument("names", nargs="*", help="names in any spelling; a multi-word argument is a full name; - reads stdin")
    p.set_defaults(run=_explain)

    p = sub.add_parser("patronymic", help="patronymics from a father's name, or a patronymic's father")
    p.add_argument("fathers", nargs="*", help="fathers' names (or patronymics to parse); - reads stdin")
    p.set_defaults(run=_patronymic)

    p = sub.add_parser("surname", help="a surname's gender, masculine, feminine and family forms")
    p.add_argument("surnames", nargs="*", help="surnames in Latin or Cyrillic; - reads stdin")
    p.set_defaults(run=_surname)

    p = sub.add_parser("translit", help="transliterate Cyrillic to Latin, or names to Cyrillic")
    p.add_argument("text", nargs="*", help="text to transliterate; - reads stdin")
    p.add_argument("--scheme", default="popular", choices=list(SCHEMES), help="Cyrillic → Latin scheme")
    p.add_argument("--to", default="latin", choices=["latin", "cyrillic"], help="direction")
    p.set_defaults(run=_translit)

    p = sub.add_parser("address", help="which forms of a name one character may use to another, and why")
    p.add_argument("--from", dest="speaker", required=True, help="the speaker: a name, or a roster id")
    p.add_argument("--to", dest="addressee", required=True, help="the addressee: a name, or a roster id")
    p.add_argument("--relation", action="append", default=[], metavar="KEY=VALUE",
                   help="rank, closeness, speaker_age, addressee_age, setting, era, foreigner, first_meeting, "
                        "permit (a form offered), to_title, from_title; repeat or separate with commas")
    p.add_argument("--form", help="judge this one form instead of listing all")
    p.add_argument("--roster", help="a roster TOML file with the characters and relationships")
    p.add_argument("--at", help="with --roster: the point of the story, 'chapter N' or 'line N'")
    p.set_defaults(run=_address)

    p = sub.add_parser("cast", help="the characters of a manuscript under all their names, and their families")
    p.add_argument("file", help="a .txt, .md, .html, .epub or .docx file")
    p.add_argument("--limit", type=int, default=40, help="characters to show (text output; JSON lists all)")
    p.set_defaults(run=_cast)

    p = sub.add_parser("dialogue", help="every quotation with its speaker, addressees and vocatives")
    p.add_argument("file", help="a .txt, .md, .html, .epub or .docx file")
    p.add_argument("--limit", type=int, default=60, help="quotations to show (text output; JSON lists all)")
    p.set_defaults(run=_dialogue)

    p = sub.add_parser("check", help="what a Russian reader would wince at in a manuscript")
    p.add_argument("files", nargs="+", help=".txt, .md, .html, .epub or .docx files")
    p.add_argument("--roster", help="a roster TOML file: canon spellings are kept")
    p.add_argument("--format", default="text", choices=["text", "json", "sarif", "github"], help="output format")
    p.add_argument("--select", help="only these rule codes, comma-separated")
    p.add_argument("--ignore", help="skip these rule codes, comma-separated")
    p.add_argument("--fail-on", choices=["info", "warning", "error"],
                   help="exit 1 when a finding is at least this severe (default: warning, or imya.toml's)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    p.set_defaults(run=_check)

    p = sub.add_parser("rule", help="the documentation of a lint rule")
    p.add_argument("code", nargs="?", help="a rule code, e.g. IMY102")
    p.add_argument("--list", action="store_true", help="list every rule")
    p.set_defaults(run=_rule)

    for name, p in sub.choices.items():
        if name == "check":
            p.add_argument("--json", action="store_const", const="json", dest="format", help="same as --format json")
        else:
            p.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    return parser


def main(argv: list[str] | None = None) -> int:
    console = Console(highlight=False, soft_wrap=True)
    try:
        args = build_parser().parse_args(argv)
        code = args.run(args, console)
    except ImyaError as e:
        print(f"imya: error: {' '.join(str(e).split())}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    return code or 0


if __name__ == "__main__":
    sys.exit(main())
