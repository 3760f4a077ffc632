"""Readers: txt, md, html (AO3, FanFicFare), epub, docx into the document model; bad input refused."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import docx
import pytest
from ebooklib import epub
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imya.document import KINDS
from imya.errors import ImyaError
from imya.read import files, read
from imya.read.structure import is_break, is_chapter_heading

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is not here")


def check(doc, source: str | None = None):
    """The invariants every document keeps; for txt/md, `source` is the decoded file."""
    if source is not None:
        assert doc.text == source
    last = -1
    for p in doc.paragraphs:
        assert p.kind in KINDS
        assert 0 <= p.start < p.end <= len(doc.text)
        chunk = doc.text[p.start : p.end]
        assert chunk == chunk.strip(), "a paragraph does not start or end with whitespace"
        if p.kind != "note":
            assert p.start > last, "paragraphs are in order and do not overlap"
            last = p.end
    starts = [c.start for c in doc.chapters]
    assert starts == sorted(starts)
    heading_starts = {p.start for p in doc.paragraphs}
    for c in doc.chapters:
        assert c.title and c.start < c.end <= len(doc.text)
        assert c.start in heading_starts
    for b in doc.scene_breaks:
        assert 0 <= b <= len(doc.text)
    return doc


def texts(doc, kind: str | None = None) -> list[str]:
    return [doc.text[p.start : p.end] for p in doc.paragraphs if kind is None or p.kind == kind]


def write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path


STORY = """CHAPTER I

Natasha said to Vasilisa Alexeyevna,
"We leave at dawn."

The General did not answer.

* * *

Vanya came back at night.

Chapter Twelve: The Red Room

"Natashenka," said Ivan Petrovich.
***
Yelena laughed.



Later, Vasya slept.

PART ONE

II.

The snow fell.

#

o0o

Masha waited.
"""


# --- plain text ---------------------------------------------------------------------------


def test_txt_paragraphs_are_exact_slices_of_the_file(tmp_path):
    doc = check(read(write(tmp_path, "story.txt", STORY)), STORY)
    assert doc.format == "txt" and doc.encoding == "utf-8"
    assert texts(doc, "story") == [
        'Natasha said to Vasilisa Alexeyevna,\n"We leave at dawn."',
        "The General did not answer.",
        "Vanya came back at night.",
        '"Natashenka," said Ivan Petrovich.',
        "Yelena laughed.",
        "Later, Vasya slept.",
        "The snow fell.",
        "Masha waited.",
    ]
    assert texts(doc, "heading") == ["CHAPTER I", "Chapter Twelve: The Red Room", "PART ONE", "II."]
    assert [c.title for c in doc.chapters] == ["CHAPTER I", "Chapter Twelve: The Red Room", "PART ONE", "II."]
    assert doc.chapters[-1].end == len(STORY)
    assert doc.chapters[0].end == doc.chapters[1].start
    assert doc.chapter_at(STORY.index("Vanya")) == 1
    assert doc.chapter_at(STORY.index("Yelena")) == 2


def test_txt_scene_breaks(tmp_path):
    doc = read(write(tmp_path, "story.txt", STORY))
    marks = [STORY[b : b + 5] for b in doc.scene_breaks]
    assert marks[0] == "* * *"
    assert marks[1].startswith("***")
    assert STORY[doc.scene_breaks[2] : doc.scene_breaks[2] + 3] == "\n\n\n"  # the run of blank lines
    assert marks[3].startswith("#") and marks[4].startswith("o0o")
    assert len(doc.scene_breaks) == 5
    for p in doc.paragraphs:  # separators are not paragraphs
        assert not is_break(doc.text[p.start : p.end])


def test_txt_crlf_is_kept_and_excluded_from_paragraphs(tmp_path):
    source = "Chapter 1\r\n\r\nNatasha said to Vasilisa Alexeyevna,\r\nquietly.\r\n\r\n~~~\r\n\r\nVanya left.\r\n"
    doc = check(read(write(tmp_path, "crlf.txt", source)), source)
    assert texts(doc) == ["Chapter 1", "Natasha said to Vasilisa Alexeyevna,\r\nquietly.", "Vanya left."]
    assert [source[b : b + 3] for b in doc.scene_breaks] == ["~~~"]


def test_old_mac_line_ends(tmp_path):
    source = "Chapter 1\r\rNatasha said\rto Vasilisa.\r\rVanya left.\r"
    doc = check(read(write(tmp_path, "mac.txt", source)), source)
    assert texts(doc) == ["Chapter 1", "Natasha said\rto Vasilisa.", "Vanya left."]


def test_blank_runs_around_headings_are_not_scene_breaks(tmp_path):
    source = "Title page\n\n\n\n\nChapter 1\n\n\n\nNatasha ran.\n\n\n\n\nVanya ran.\n\n\n\n"
    doc = check(read(write(tmp_path, "gaps.txt", source)), source)
    assert doc.scene_breaks == [source.index("Natasha ran.") + len("Natasha ran.") + 1]


def test_txt_line_col(tmp_path):
    source = "Chapter 1\n\nNatasha said to\nVasilisa Alexeyevna: go.\n"
    doc = read(write(tmp_path, "lines.txt", source))
    assert doc.line_col(source.index("Vasilisa")) == (4, 1)
    assert doc.line_col(source.index("Alexeyevna")) == (4, 10)
    assert doc.line_col(0) == (1, 1)
    # With a UTF-8 BOM, offsets are into the decoded text: the BOM is not a character.
    doc = read(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + source.encode()))
    assert doc.text == source and doc.encoding == "utf-8-sig"
    assert doc.line_col(source.index("Alexeyevna")) == (4, 10)


RUSSIAN = "Глава 1\n\nНаташа сказала Василисе Алексеевне: «Пора».\n\nВаня молчал. Ёжик.\n"
FRENCH = "Chapitre 1\n\nÉlodie était à l'école. Il a reçu une lettre très élégante, où l'on parlait de Noël.\n"


@pytest.mark.parametrize(
    ("source", "encoding", "expected"),
    [
        (RUSSIAN, "utf-8", "utf-8"),
        (RUSSIAN, "utf-8-sig", "utf-8-sig"),
        (RUSSIAN, "utf-16", "utf-16"),
        (RUSSIAN, "utf-16-be", None),  # written with a BOM below
        (RUSSIAN, "cp1251", "cp1251"),
        (FRENCH, "latin-1", "latin-1"),
        (FRENCH, "utf-8", "utf-8"),
    ],
)
def test_txt_encodings(tmp_path, source, encoding, expected):
    data = source.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
        expected = "utf-16"
    doc = check(read(write(tmp_path, "enc.txt", data)), source)
    assert doc.encoding == expected


def test_cp1251_russian_decodes_to_cyrillic_and_latin1_french_stays_french(tmp_path):
    ru = read(write(tmp_path, "ru.txt", RUSSIAN, "cp1251"))
    assert "Наташа сказала Василисе Алексеевне" in ru.text
    fr = read(write(tmp_path, "fr.txt", FRENCH, "latin-1"))
    assert "Élodie était à l'école" in fr.text and "й" not in fr.text
    # Windows curly quotes in a Western file are kept as quotes, not control characters.
    quoted = read(write(tmp_path, "q.txt", "“Élodie,” he said.\n", "cp1252"))
    assert quoted.text == "“Élodie,” he said.\n"


@pytest.mark.parametrize(
    "line",
    [
        "CHAPTER I", "Chapter 12", "Chapter Twelve: Title", "Chapter Twenty-One", "Chapter Twenty One",
        "PART ONE", "Part Two: The Thaw", "BOOK III", "I.", "II", "XIV.", "12", "Chapter 1, Xenos on Cinnabar",
        "Chapter 3 - Vasilisa", "Chapter 7 The Red Room", "Prologue", "Epilogue: Moscow", "chapter iv",
        "Book the First", "Chapter 4 & 4.5", "I",
    ],
)  # fmt: skip
def test_chapter_headings(line):
    assert is_chapter_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "Chapter 3 was boring, said Natasha.", "Part of me wanted to stay.", "Book of Ruth", "Imya",
        "Bookish people", "The Chapter", "Ivan", "Prologue was long and dull", "Chapter", "MIX", "",
    ],
)  # fmt: skip
def test_not_chapter_headings(line):
    assert not is_chapter_heading(line)


def test_separator_lines():
    for s in ("***", "* * *", "#", "~~~", "---", "o0o", "oOo", "-o0o-", "0o0o0", "= = =", "• • •", "⁂"):
        assert is_break(s), s
    for s in ("ooo", "OOO", "**", "Oh", "# Heading", "--", "*Natasha*"):
        assert not is_break(s), s


def test_table_of_contents_is_not_chapters(tmp_path):
    source = (
        "CONTENTS\n\nChapter 1: Moscow\n\nChapter 2: Kyiv\n\nChapter 3: Minsk\n\n\n\n"
        "Chapter 1: Moscow\n\nNatasha arrived in Moscow with Vasilisa Alexeyevna and stayed all winter long. "
        "The snow did not stop, and nobody in the house said a word about Ivan Petrovich, though everyone thought "
        "of him.\n\nChapter 2: Kyiv\n\nVanya met her at the station.\n\nChapter 3: Minsk\n\nThe end.\n"
    )
    doc = check(read(write(tmp_path, "toc.txt", source)), source)
    assert [c.title for c in doc.chapters] == ["Chapter 1: Moscow", "Chapter 2: Kyiv", "Chapter 3: Minsk"]
    assert doc.chapters[0].start == source.index("Chapter 1: Moscow\n\nNatasha")
    assert texts(doc, "metadata") == ["CONTENTS", "Chapter 1: Moscow", "Chapter 2: Kyiv", "Chapter 3: Minsk"]
    assert "title" not in doc.metadata


def test_underlined_title_is_a_heading_but_a_rule_under_a_sentence_is_a_break(tmp_path):
    source = "The Red Room\n============\n\nNatasha waited.\n---\nVanya left.\n"
    doc = check(read(write(tmp_path, "under.txt", source)), source)
    assert texts(doc, "heading") == ["The Red Room"]
    assert texts(doc, "story") == ["Natasha waited.", "Vanya left."]
    assert [source[b : b + 3] for b in doc.scene_breaks] == ["---"]


def test_heading_with_a_title_line_or_straight_over_the_story(tmp_path):
    source = "CHAPTER I\nThe Beginning\n\nText.\n\nII.\nNatasha woke up. She\nwas cold.\n"
    doc = check(read(write(tmp_path, "h.txt", source)), source)
    assert texts(doc) == ["CHAPTER I\nThe Beginning", "Text.", "II.", "Natasha woke up. She\nwas cold."]
    assert [c.title for c in doc.chapters] == ["CHAPTER I The Beginning", "II."]


# --- markdown -----------------------------------------------------------------------------


def test_markdown_headings_comments_and_breaks(tmp_path):
    source = (
        "# Red Ledger\n\n<!-- A/N: Vasilisa is\n\nVassa to her friends. -->\n\n"
        "## Morning ##\n\nNatasha said to *Vasilisa Alexeyevna*: go.\n\n---\n\n"
        "Yelena smiled.\n\nNight\n-----\n\nVanya slept.\n"
    )
    doc = check(read(write(tmp_path, "story.md", source)), source)
    assert doc.format == "md"
    assert texts(doc, "note") == ["A/N: Vasilisa is\n\nVassa to her friends."]
    assert texts(doc, "heading") == ["Red Ledger", "Morning", "Night"]
    assert [c.title for c in doc.chapters] == ["Morning", "Night"]  # the title is used once, the h2s twice
    assert texts(doc, "story") == ["Natasha said to *Vasilisa Alexeyevna*: go.", "Yelena smiled.", "Vanya slept."]
    assert [source[b : b + 3] for b in doc.scene_breaks] == ["---"]


def test_markdown_chapter_headings_at_any_level(tmp_path):
    source = "# Chapter 1\n\nNatasha.\n\n### Chapter 2\n\nVanya.\n"
    doc = check(read(write(tmp_path, "c.markdown", source)), source)
    assert [c.title for c in doc.chapters] == ["Chapter 1", "Chapter 2"]


# --- html ---------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><title>Red Ledger</title><meta name="author" content="Sample Author">
<style>p { color: red } .Natasha { }</style>
<script>var secret = "Dmitri Smerdyakov";</script></head>
<body>
<noscript>Enable JavaScript, Boris</noscript>
<template><p>Template Tatiana</p></template>
<h1>Red Ledger</h1>
<h2>Chapter One</h2>
<p>Natasha said to <i>Vasilisa Alexeyevna</i>,
   &ldquo;We leave at dawn.&rdquo;</p>
<div>Loose text in a div<br>with a line break<br><br>and a second paragraph</div>
<script type="text/javascript">document.write("Fyodor Karamazov")</script>
<hr>
<ul><li>Vanya</li><li>Masha</li></ul>
<blockquote>Quoted Yelena</blockquote>
<p>* * *</p>
<h2>Chapter Two</h2>
<p>&nbsp;</p>
<p>Ivan Petrovich frowned.</p>
<h4>A small heading</h4>
</body></html>
"""


def test_html_text_without_scripts(tmp_path):
    doc = check(read(write(tmp_path, "story.html", HTML)))
    assert doc.format == "html"
    for hidden in ("Smerdyakov", "Karamazov", "color", "Boris", "Tatiana", "secret"):
        assert hidden not in doc.text
    assert texts(doc) == [
        "Red Ledger",
        "Chapter One",
        "Natasha said to Vasilisa Alexeyevna, “We leave at dawn.”",
        "Loose text in a div\nwith a line break",
        "and a second paragraph",
        "Vanya",
        "Masha",
        "Quoted Yelena",
        "Chapter Two",
        "Ivan Petrovich frowned.",
        "A small heading",
    ]
    assert doc.text == "\n\n".join(texts(doc))
    assert [c.title for c in doc.chapters] == ["Chapter One", "Chapter Two"]
    assert texts(doc, "heading") == ["Red Ledger", "Chapter One", "Chapter Two", "A small heading"]
    vanya, ivan = doc.text.index("Vanya"), doc.text.index("Ivan Petrovich")
    assert doc.scene_breaks == [vanya]  # the * * * before a chapter heading is decoration
    assert doc.chapter_at(ivan) == 2
    assert doc.metadata == {"title": "Red Ledger", "author": "Sample Author"}


def test_html_deep_nesting_does_not_overflow(tmp_path):
    markup = "<div>" * 20000 + "<p>Natasha</p>" + "</div>" * 20000
    doc = read(write(tmp_path, "deep.html", markup))
    assert texts(doc) == ["Natasha"]


def test_html_declared_cp1251(tmp_path):
    markup = '<html><head><meta charset="windows-1251"></head><body><p>Наташа и Ваня</p></body></html>'
    doc = read(write(tmp_path, "ru.htm", markup, "cp1251"))
    assert texts(doc) == ["Наташа и Ваня"]
    assert doc.encoding == "windows-1251"


def test_html_utf8_wins_over_a_wrong_declaration(tmp_path):
    markup = '<html><head><meta charset="windows-1251"></head><body><p>Наташа и Ваня</p></body></html>'
    doc = read(write(tmp_path, "ru.html", markup, "utf-8"))
    assert texts(doc) == ["Наташа и Ваня"] and doc.encoding == "utf-8"


def test_html_in_a_txt_file_is_read_as_html(tmp_path):
    doc = read(write(tmp_path, "saved.txt", "<!DOCTYPE html><html><body><p>Natasha</p><script>x()</script></body></html>"))
    assert doc.format == "html" and texts(doc) == ["Natasha"]


def test_html_file_without_markup_is_read_as_text(tmp_path):
    source = "Natasha said\nto Vasilisa.\n\nVanya left.\n"
    doc = check(read(write(tmp_path, "plain.html", source)), source)
    assert doc.format == "txt" and texts(doc) == ["Natasha said\nto Vasilisa.", "Vanya left."]


def test_html_with_only_scripts_has_no_text(tmp_path):
    with pytest.raises(ImyaError, match="no text"):
        read(write(tmp_path, "empty.html", "<html><script>alert('Natasha')</script></html>"))


@needs_samples
def test_ao3_download():
    doc = check(read(str(SAMPLES / "ao3_download_synthetic.html")))
    assert doc.format == "ao3"
    assert texts(doc, "story") == ['"Good morning, Ivan Petrovich," said Natalia Romanova.', '"Vanya," she said.']
    assert [c.title for c in doc.chapters] == ["Chapter 1: Morning", "Chapter 2"]
    assert texts(doc, "heading") == ["Chapter 1: Morning", "Chapter 2"]
    notes = texts(doc, "note")
    for note in ("WORK BEGINNING NOTES.", "CHAPTER 1 SUMMARY.", "CHAPTER 1 BEGINNING NOTES.", "CHAPTER 1 END NOTES."):
        assert note in notes
    assert "WORK END NOTES." in notes
    assert "WORK SUMMARY." in texts(doc, "metadata")
    meta = doc.metadata
    assert meta["title"] == "Red Ledger" and meta["author"] == "Sample Author"
    assert meta["rating"] == "Teen And Up Audiences"
    assert meta["warnings"] == ["No Archive Warnings Apply"]
    assert meta["fandoms"] == ["Marvel Cinematic Universe"]
    assert meta["relationships"] == ["Natasha Romanoff & Yelena Belova"]
    assert meta["characters"] == ["Natasha Romanoff", "Yelena Belova"]
    assert meta["tags"] == ["Russian Names"]
    assert meta["summary"] == "WORK SUMMARY."
    assert doc.chapter_at(doc.text.index("Vanya")) == 2


@needs_samples
def test_fanficfare_html():
    doc = check(read(str(SAMPLES / "fanficfare" / "test_story.html")))
    assert doc.format == "fanficfare"
    assert len(doc.chapters) == 9
    assert doc.chapters[1].title == "Chapter 1, Xenos on Cinnabar"
    assert doc.chapters[-1].title == "Chapter 8"
    first = doc.paragraphs[0]
    assert first.kind == "metadata" and doc.text[first.start : first.end] == "Test Story Title 1 by Test Author aa"
    assert "Table of Contents" in texts(doc, "metadata")
    assert not any("Rating:" in t for t in texts(doc, "story"))
    meta = doc.metadata
    assert meta["title"] == "Test Story Title 1" and meta["author"] == "Test Author aa"
    assert meta["characters"] == ["Bob Smith", "Fred Smythe", "George Johnson"]
    assert meta["relationships"][0] == "Harry Potter & Hermione Granger"
    assert meta["rating"] == "Tweenie" and meta["warnings"] == ["Swearing", "Violence"]
    assert meta["summary"].startswith("Description tests:") and meta["summary"].endswith('"My first fic"')


@needs_samples
def test_fanficfare_ao3_chapter_notes():
    doc = check(read(str(SAMPLES / "fanficfare" / "ao3_chapter_via_fanficfare.html")))
    assert doc.format == "fanficfare"
    assert texts(doc, "story") == [
        '"Good morning, Ivan Petrovich," said Natalia Romanova.',
        '"Vanya," she added, and the General frowned.',
    ]
    notes = texts(doc, "note")
    assert "CHAPTER END NOTE: Vanya = diminutive of Ivan." in notes
    assert "WORK-LEVEL BEGINNING NOTE: Russian names are hard." in notes


@needs_samples
def test_fanficfare_txt_sample_is_exact():
    path = SAMPLES / "fanficfare" / "test_story.txt"
    doc = check(read(str(path)), path.read_bytes().decode("utf-8"))
    assert [c.title for c in doc.chapters][:2] == ["Chapter 1, Xenos on Cinnabar", "Chapter 2, Sinmay on Kintikin"]
    assert (doc.metadata["title"], doc.metadata["author"]) == ("Test Story Title 1", "Test Author aa")
    assert doc.metadata["characters"] == ["Bob Smith", "Fred Smythe", "George Johnson"]
    assert doc.metadata["rating"] == "Tweenie"


# --- epub ---------------------------------------------------------------------------------


def make_epub(path: Path, chapters: list[tuple[str, str]], nav_in_spine: bool = True) -> Path:
    book = epub.EpubBook()
    book.set_identifier("imya-test-1")
    book.set_title("Red Ledger")
    book.set_language("en")
    book.add_author("Sample Author")
    book.add_metadata("DC", "subject", "Natasha Romanoff")
    book.add_metadata("DC", "subject", "Vasilisa & Natasha")
    book.add_metadata("DC", "description", "<p>Natasha meets Vasilisa.</p>")
    items = []
    for i, (title, body) in enumerate(chapters, 1):
        item = epub.EpubHtml(title=title, file_name=f"chap_{i}.xhtml", lang="en")
        item.content = body
        book.add_item(item)
        items.append(item)
    book.toc = tuple(items)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = (["nav"] if nav_in_spine else []) + items
    epub.write_epub(str(path), book)
    return path


EPUB_CHAPTERS = [
    ("Chapter 1", "<h1>Chapter 1</h1><p>Natasha said to Vasilisa Alexeyevna, “Go.”</p><p>Vanya nodded.</p>"),
    (
        "Chapter 2",
        "<h1>Chapter 2</h1><p>Ivan Petrovich waited.</p><script>var x = 'Smerdyakov';</script>"
        "<p>* * *</p><p>Masha came.</p>",
    ),
]


def test_epub_built_with_ebooklib(tmp_path):
    doc = check(read(make_epub(tmp_path / "book.epub", EPUB_CHAPTERS)))
    assert doc.format == "epub"
    assert texts(doc) == [
        "Chapter 1",
        "Natasha said to Vasilisa Alexeyevna, “Go.”",
        "Vanya nodded.",
        "Chapter 2",
        "Ivan Petrovich waited.",
        "Masha came.",
    ]
    assert "Smerdyakov" not in doc.text
    assert [c.title for c in doc.chapters] == ["Chapter 1", "Chapter 2"]
    assert doc.scene_breaks == [doc.text.index("Masha")]
    assert doc.metadata["title"] == "Red Ledger"
    assert doc.metadata["author"] == "Sample Author"
    assert doc.metadata["tags"] == ["Natasha Romanoff", "Vasilisa & Natasha"]
    assert doc.metadata["summary"] == "Natasha meets Vasilisa."


def test_epub_without_headings_takes_chapters_from_the_toc(tmp_path):
    chapters = [("Moscow", "<p>Natasha in Moscow.</p>"), ("Kyiv", "<p>Vanya in Kyiv.</p>")]
    doc = check(read(make_epub(tmp_path / "toc.epub", chapters, nav_in_spine=False)))
    assert [c.title for c in doc.chapters] == ["Moscow", "Kyiv"]
    assert doc.chapters[1].start == doc.text.index("Vanya")


@needs_samples
def test_ao3_download_split_into_epub_parts(tmp_path):
    """AO3's EPUBs split the download: the preface in one file, the chapters in the next."""
    page = (SAMPLES / "ao3_download_synthetic.html").read_text(encoding="utf-8")
    body = page[page.index("<body>") + 6 : page.index("</body>")]
    preface = body[: body.index('<div id="chapters"')]
    rest = body[body.index('<div id="chapters"') :].replace('id="chapters"', 'id="chapters-part"')
    doc = check(read(make_epub(tmp_path / "ao3.epub", [("Preface", preface), ("Red Ledger", rest)], False)))
    assert texts(doc, "story") == ['"Good morning, Ivan Petrovich," said Natalia Romanova.', '"Vanya," she said.']
    assert [c.title for c in doc.chapters] == ["Chapter 1: Morning", "Chapter 2"]
    assert doc.metadata["characters"] == ["Natasha Romanoff", "Yelena Belova"]
    assert "WORK END NOTES." in texts(doc, "note")


@needs_samples
@pytest.mark.parametrize("name", ["test_story_epub2.epub", "test_story_epub3.epub"])
def test_fanficfare_epub(name):
    doc = check(read(str(SAMPLES / "fanficfare" / name)))
    assert doc.format == "fanficfare"
    assert len(doc.chapters) == 9
    assert doc.chapters[1].title == "Chapter 1, Xenos on Cinnabar"
    title_page = [p for p in doc.paragraphs if doc.text[p.start : p.end].startswith("Series:")]
    assert title_page and all(p.kind == "metadata" for p in title_page)
    assert not any("Packaged:" in t for t in texts(doc, "story"))
    meta = doc.metadata
    assert meta["title"].startswith("Test Story Title") and meta["author"] == "Test Author aa"
    assert meta["characters"] == ["Bob Smith", "Fred Smythe", "George Johnson"]
    assert meta["rating"] == "Tweenie"
    assert "Harry Potter & Hermione Granger" in meta["tags"]  # FanFicFare escapes twice in the OPF


# --- docx ---------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    d = docx.Document()
    d.core_properties.title = "Red Ledger"
    d.core_properties.author = "Sample Author"
    d.core_properties.keywords = "Natasha Romanoff, Vasilisa; Red Room"
    d.add_paragraph("Red Ledger", style="Title")
    d.add_heading("Chapter One", level=1)
    d.add_paragraph("Natasha said to Vasilisa Alexeyevna, “We leave at dawn.”")
    d.add_paragraph("")
    d.add_paragraph("   ")
    d.add_paragraph("* * *")
    d.add_paragraph("Vanya came back.")
    d.add_heading("A note on names", level=3)
    d.add_paragraph("Chapter 2")  # typed, not styled
    d.add_paragraph("Ivan Petrovich frowned.")
    d.add_heading("Part Two", level=2)
    d.add_paragraph("***")
    d.add_paragraph("Masha waited.")
    d.save(str(path))
    return path


def test_docx_built_with_python_docx(tmp_path):
    doc = check(read(make_docx(tmp_path / "story.docx")))
    assert doc.format == "docx"
    assert texts(doc) == [
        "Red Ledger",
        "Chapter One",
        "Natasha said to Vasilisa Alexeyevna, “We leave at dawn.”",
        "Vanya came back.",
        "A note on names",
        "Chapter 2",
        "Ivan Petrovich frowned.",
        "Part Two",
        "Masha waited.",
    ]
    assert [c.title for c in doc.chapters] == ["Red Ledger", "Chapter One", "Chapter 2", "Part Two"]
    assert texts(doc, "story") == [
        "Natasha said to Vasilisa Alexeyevna, “We leave at dawn.”",
        "Vanya came back.",
        "Ivan Petrovich frowned.",
        "Masha waited.",
    ]
    assert doc.scene_breaks == [doc.text.index("Vanya")]  # the *** right under a heading is decoration
    assert doc.metadata == {
        "title": "Red Ledger",
        "author": "Sample Author",
        "tags": ["Natasha Romanoff", "Vasilisa", "Red Room"],
    }


def test_docx_table_text_in_order(tmp_path):
    d = docx.Document()
    d.add_paragraph("Before the table.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Natasha"
    table.cell(0, 1).text = "Vasilisa"
    a = table.cell(1, 0).merge(table.cell(1, 1))
    a.text = "Vanya, once"
    d.add_paragraph("After the table.")
    d.save(str(tmp_path / "t.docx"))
    doc = check(read(tmp_path / "t.docx"))
    assert texts(doc) == ["Before the table.", "Natasha", "Vasilisa", "Vanya, once", "After the table."]


# --- bad input ----------------------------------------------------------------------------


def refused(path, match: str):
    with pytest.raises(ImyaError, match=match) as info:
        read(str(path))
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    return message


def test_missing_file(tmp_path):
    refused(tmp_path / "nope.txt", "no such file")
    with pytest.raises(ImyaError, match="no file name"):
        read("")


def test_directory(tmp_path):
    (tmp_path / "book.epub").mkdir()
    refused(tmp_path / "book.epub", "directory")


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.html", "empty.epub", "empty.docx", "empty"])
def test_empty_file(tmp_path, name):
    refused(write(tmp_path, name, b""), "empty")


def test_whitespace_only_text(tmp_path):
    refused(write(tmp_path, "blank.txt", " \n\n\t\n"), "empty")


def test_binary_with_nul_bytes_as_txt(tmp_path):
    refused(write(tmp_path, "data.txt", b"Natasha\x00\x01\x02\x00" * 100), "binary|NUL")


def test_binary_as_html(tmp_path):
    refused(write(tmp_path, "data.html", b"<p>\x00\x01\x02\x03\x00</p>" * 100), "binary|NUL")


def test_image_as_txt(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    refused(write(tmp_path, "cover.txt", png), "PNG image")


def test_zip_named_txt(tmp_path):
    book = make_epub(tmp_path / "book.epub", EPUB_CHAPTERS)
    renamed = write(tmp_path, "book.txt", book.read_bytes())
    message = refused(renamed, "EPUB")
    assert ".epub" in message
    plain = tmp_path / "plain.txt"
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("a.txt", "Natasha")
    refused(plain, "ZIP archive")


def test_text_named_epub_or_docx(tmp_path):
    refused(write(tmp_path, "story.epub", "Natasha said to Vasilisa.\n"), "not an EPUB")
    refused(write(tmp_path, "story.docx", "Natasha said to Vasilisa.\n"), "not a Word document")


def test_docx_named_epub_and_back(tmp_path):
    d = make_docx(tmp_path / "story.docx")
    refused(write(tmp_path, "story.epub", d.read_bytes()), "Word document")
    e = make_epub(tmp_path / "book.epub", EPUB_CHAPTERS)
    refused(write(tmp_path, "book.docx", e.read_bytes()), "EPUB")


def test_zip_without_book_inside(tmp_path):
    path = tmp_path / "odd.epub"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "Natasha")
    refused(path, "not an EPUB")


def test_truncated_epub_and_docx(tmp_path):
    book = make_epub(tmp_path / "book.epub", EPUB_CHAPTERS).read_bytes()
    refused(write(tmp_path, "half.epub", book[: len(book) // 2]), "damaged or truncated")
    story = make_docx(tmp_path / "story.docx").read_bytes()
    refused(write(tmp_path, "half.docx", story[: len(story) // 2]), "damaged or truncated")


def test_epub_with_broken_content(tmp_path):
    path = tmp_path / "broken.epub"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr("META-INF/container.xml", "<container><rootfiles><rootfile full-path='missing.opf'/>")
    refused(path, "not a readable EPUB")


def add_bomb(path: Path, member: str, size: int = 20 * 1024 * 1024) -> Path:
    """Add a member of `size` zero bytes: it compresses about 1000:1."""
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as z, z.open(member, "w") as f:
        block = b"\0" * (1024 * 1024)
        for _ in range(size // len(block)):
            f.write(block)
    return path


def test_zip_bomb_epub_and_docx(tmp_path):
    book = add_bomb(make_epub(tmp_path / "bomb.epub", EPUB_CHAPTERS), "EPUB/chap_1_big.xhtml")
    refused(book, "ZIP bomb")
    story = add_bomb(make_docx(tmp_path / "bomb.docx"), "word/media/big.bin")
    refused(story, "ZIP bomb")


def test_zip_total_size_limit(tmp_path, monkeypatch):
    book = make_epub(tmp_path / "big.epub", EPUB_CHAPTERS)
    monkeypatch.setattr(files, "MAX_UNZIPPED_BYTES", 1000)
    message = refused(book, "would unpack to")
    assert "1000 bytes" in message


def test_text_over_the_limit(tmp_path, monkeypatch):
    assert files.MAX_TEXT_BYTES == 64 * 1024 * 1024
    assert files.mb(files.MAX_TEXT_BYTES) == "64 MB"
    monkeypatch.setattr(files, "MAX_TEXT_BYTES", 2 * 1024 * 1024)
    path = write(tmp_path, "long.txt", "Natasha said to Vasilisa.\n" * 100_000)
    message = refused(path, "too large")
    assert "2 MB" in message
    refused(write(tmp_path, "long.html", "<p>Natasha</p>" * 200_000), "too large")


def test_epub_text_over_the_limit(tmp_path, monkeypatch):
    book = make_epub(tmp_path / "book.epub", EPUB_CHAPTERS)
    monkeypatch.setattr(files, "MAX_TEXT_BYTES", 50)
    refused(book, "too much text")


def test_unsupported_extension(tmp_path):
    refused(write(tmp_path, "story.pdf", b"%PDF-1.7"), "cannot read .pdf")


def test_file_without_extension_is_sniffed(tmp_path):
    book = make_epub(tmp_path / "book.epub", EPUB_CHAPTERS)
    assert read(write(tmp_path, "book", book.read_bytes())).format == "epub"
    assert read(write(tmp_path, "notes", "Natasha.\n")).format == "txt"


# --- speed and robustness -----------------------------------------------------------------


def test_three_megabytes_of_text_read_quickly(tmp_path):
    para = 'Natasha said to Vasilisa Alexeyevna, "We leave at dawn." The snow\nfell on the Red Room.\n\n'
    parts = []
    for i in range(35_000):
        if i % 500 == 0:
            parts.append(f"CHAPTER {i // 500 + 1}\n\n")
        if i % 37 == 0:
            parts.append("* * *\n\n")
        parts.append(para)
    source = "".join(parts)
    assert len(source) > 3_000_000
    path = write(tmp_path, "big.txt", source)
    started = time.perf_counter()
    doc = read(path)
    elapsed = time.perf_counter() - started
    assert doc.text == source and len(doc.chapters) == 70
    assert elapsed < 1.0, f"{elapsed:.2f}s"


LINES = st.sampled_from(
    ["", " ", "\r", "***", "* * *", "#", "---", "===", "o0o", "CHAPTER I", "Chapter 2: Moscow", "II.", "PART ONE",
     "Natasha said to Vasilisa.", "  indented Vanya", "# Heading", "<!-- note", "-->", "<!-- a -->", "Ёжик\tи Ваня"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINES, max_size=40), ext=st.sampled_from([".txt", ".md"]), crlf=st.booleans())
def test_any_text_keeps_the_invariants(tmp_path, lines, ext, crlf):
    source = ("\r\n" if crlf else "\n").join(lines)
    path = write(tmp_path, "gen" + ext, source)
    try:
        doc = read(path)
    except ImyaError:
        assert not source.strip()
        return
    check(doc, source)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(
        st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<hr>", "<h2>", "</h2>", "<script>", "</script>",
                         "Natasha", "Chapter 1", "* * *", " ", "\n", "&amp;", "<b>", "</b>", "<li>", "<td>"]),
        max_size=40,
    )
)  # fmt: skip
def test_any_html_keeps_the_invariants(tmp_path, parts):
    path = write(tmp_path, "gen.html", "".join(parts))
    try:
        doc = read(path)
    except ImyaError as e:
        assert "no text" in str(e) or "empty" in str(e)
        return
    check(doc)
    if doc.format == "html":  # markup-free input is read as plain text
        assert doc.text == "\n\n".join(texts(doc))


def test_a_title_and_byline_over_a_plain_text_story_are_not_story(tmp_path):
    source = "Sisters\n\nBy Anna Petrova\n\nNatasha came home. Day after day she waited.\n\n“Hello,” said Masha.\n"
    doc = check(read(write(tmp_path, "sisters.txt", source)), source)
    assert texts(doc, "metadata") == ["Sisters", "By Anna Petrova"]
    assert doc.metadata["title"] == "Sisters"
    assert texts(doc, "story")[0].startswith("Natasha came home.")
    # a story that opens with a line of its own is not robbed of it
    source = "Natasha came home.\n\nShe waited.\n"
    assert texts(check(read(write(tmp_path, "open.txt", source)), source), "story") == ["Natasha came home.", "She waited."]


def test_labelled_lines_over_a_plain_text_story_are_its_metadata(tmp_path):
    source = ("The Red Room\r\n\r\nby Anna Petrova\r\n\r\nRating: Teen And Up Audiences\r\n"
              "Characters: Natalia Romanova, Vasilisa Alexeyevna,\r\nIvan Petrovich\r\n"
              "Relationships: Natalia Romanova/Ivan Petrovich\r\nWords: 3,000\r\n\r\n"
              "Natasha came home. Rating: none of this was planned.\r\n")
    doc = check(read(write(tmp_path, "fff.txt", source)), source)
    assert doc.metadata["title"] == "The Red Room" and doc.metadata["author"] == "Anna Petrova"
    assert doc.metadata["rating"] == "Teen And Up Audiences" and doc.metadata["words"] == "3,000"
    assert doc.metadata["characters"] == ["Natalia Romanova", "Vasilisa Alexeyevna", "Ivan Petrovich"]
    assert doc.metadata["relationships"] == ["Natalia Romanova/Ivan Petrovich"]
    assert texts(doc, "story") == ["Natasha came home. Rating: none of this was planned."]
