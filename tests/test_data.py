"""The shipped data files: they load, they are big enough, and bad data is caught."""

from importlib import resources

import pytest

from imya import kb as kbmod
from imya.errors import DataError


def _files(**changes):
    folder = resources.files("imya.data")
    files = {f: folder.joinpath(f).read_text(encoding="utf-8") for f in kbmod.DATA_FILES}
    files.update(changes)
    return files


NAMES_HEADER = "\t".join(kbmod.NAME_COLUMNS)
DIM_HEADER = "\t".join(kbmod.DIMINUTIVE_COLUMNS)
IVAN = "Иван\tm\tIvan\t\tJohn\tJean\tИванович\tИвановна\tИваныч\t\tboth\t"
ANNA = "Анна\tf\tAnna\t\tAnn\t\t\t\t\t\tboth\t"


def test_shipped_data_is_big_enough(kb):
    # A floor against accidental loss; the goal for the forms is 2,000 (see bench/coverage.py).
    forms = sum(len(d.of) for d in kb.diminutives.values())
    assert len(kb.names) >= 400
    assert forms >= 1700


def test_every_register_is_described(kb):
    for d in kb.diminutives.values():
        for f in d.of:
            assert f.register in kb.registers


@pytest.mark.parametrize("form, names", [
    ("Саша", {"Александр", "Александра"}),
    ("Женя", {"Евгений", "Евгения"}),
    ("Валя", {"Валентин", "Валентина"}),
    ("Слава", {"Вячеслав", "Владислав", "Ярослав", "Станислав"}),
    ("Вася", {"Василий", "Василиса"}),
])
def test_shared_short_forms_name_all_their_names(kb, form, names):
    owners = {f.name.cyrillic for f in kb.diminutives[form].of}
    assert names <= owners


@pytest.mark.parametrize("form, pet_of", [
    ("Стива", "Степан"), ("Китти", "Екатерина"), ("Долли", "Дарья"),
])
def test_nineteenth_century_pet_names(kb, form, pet_of):
    assert pet_of in {f.name.cyrillic for f in kb.diminutives[form].of}
    assert {f.register for f in kb.diminutives[form].of} == {"foreign"}


def test_irregular_patronymics_in_data(kb):
    assert kb.names["Илья"].patronymic_f[0] == "Ильинична"
    assert kb.names["Фома"].patronymic_f[0] == "Фоминична"
    assert kb.names["Лев"].patronymic_m[0] == "Львович"
    assert kb.names["Яков"].patronymic_m[0] == "Яковлевич"


@pytest.mark.parametrize("names, dims, message", [
    (f"{NAMES_HEADER}\n{IVAN}\n{IVAN}\n", DIM_HEADER, "given_names.tsv:3: duplicate name 'Иван'"),
    (f"{NAMES_HEADER}\nИвaн\tm\tIvan\t\t\t\tИванович\tИвановна\t\t\tboth\t\n", DIM_HEADER,
     "given_names.tsv:2: 'Ивaн' has the Latin letter 'a' at 3"),
    (f"{NAMES_HEADER}\n{ANNA}\n", f"{DIM_HEADER}\nАнна\tАня\tcute\t\t\n",
     "diminutives.tsv:2: unknown register 'cute'"),
    (f"{NAMES_HEADER}\n{ANNA}\n", f"{DIM_HEADER}\nАнна\tАня\tshort\t\t\nАнна\tАня\tshort\t\t\n",
     "diminutives.tsv:3: duplicate form 'Аня' of 'Анна'"),
    (f"{NAMES_HEADER}\n{ANNA}\n", f"{DIM_HEADER}\nМария\tМаша\tshort\t\t\n",
     "diminutives.tsv:2: 'Мария' is not in given_names.tsv"),
    (f"{NAMES_HEADER}\nАнна\tf\tAnna\t\t\t\tАннович\tАнновна\t\t\tboth\t\n", DIM_HEADER,
     "given_names.tsv:2: a woman's name cannot form patronymics"),
    (f"{NAMES_HEADER}\nИван\tx\tIvan\t\t\t\tИванович\tИвановна\t\t\tboth\t\n", DIM_HEADER,
     "given_names.tsv:2: gender must be m or f"),
    (f"{NAMES_HEADER}\nИван\tm\tIvan\t\t\t\n", DIM_HEADER, "given_names.tsv:2: 6 cells, expected 12"),
    ("name\tsex\n", DIM_HEADER, "given_names.tsv:1: header must be"),
    (f"{NAMES_HEADER}\nИван\tm\tIvan\t\t\t\tИванович\tИвановна\tИванович\t\tboth\t\n", DIM_HEADER,
     "given_names.tsv:2: Иванович is the full patronymic"),
])
def test_malformed_data_is_reported_with_file_and_line(names, dims, message):
    with pytest.raises(DataError) as err:
        kbmod.build(_files(**{"given_names.tsv": names, "diminutives.tsv": dims}))
    assert str(err.value).startswith(message)


def test_bad_registers_file():
    with pytest.raises(DataError, match=r"registers\.toml"):
        kbmod.build(_files(**{"registers.toml": "[short\n"}))
    with pytest.raises(DataError, match="rough"):
        kbmod.build(_files(**{"registers.toml": '[short]\nlabel="x"\nuse="y"\n'}))


def test_small_valid_data_builds():
    built = kbmod.build(_files(**{
        "given_names.tsv": f"{NAMES_HEADER}\n{IVAN}\n{ANNA}\n",
        "diminutives.tsv": f"{DIM_HEADER}\nИван\tВаня\tshort\t\t\nАнна\tАня\tshort\t\t\n",
    }))
    assert built.patronymics["Иваныч"].colloquial_of == "Иванович"
    assert built.diminutives["Ваня"].gender == "m"


def test_table_reader_checks_header_and_cells():
    from imya.data import rows

    with pytest.raises(DataError, match=r"^titles\.tsv:2: header must be title gender note"):
        list(rows("titles.tsv", ("title", "gender", "note"), "# comment\ntitle\tsex\n"))
    with pytest.raises(DataError, match=r"^titles\.tsv:2: 2 cells, expected 3"):
        list(rows("titles.tsv", ("title", "gender", "note"), "title\tgender\tnote\nMadame\tf\n"))


def test_every_rule_file_loads():
    from imya import patronymic, search, surnames, titles, translit

    assert len(surnames._endings()) > 10 and len(surnames._invariable()) > 10
    assert surnames._known()["gogol"][0] == "Гоголь"
    assert titles.titles()["comrade"].eras == ("soviet",)
    assert "sh" in {r.latin for r in translit._rules()["s"]}
    assert translit._popular()[1][ord("щ")] == "shch"
    assert len(patronymic._rules()["derive"]) >= 5
    assert search.old_spelling_rules()
    from imya import mentions, tags

    nouns = tags.person_nouns()
    assert nouns["mother"] == ("f", "married") and nouns["father"] == ("m", "family") and nouns["aunt"] == ("f", "kin")
    assert tags.person_nouns()["other"] == ("other", "person")
    assert tags.person_nouns()["waiter"] == ("m", "role")
    assert tags.role_titles()["doctor"] == {"doctor", "dr"}
    assert tags.hearer_words()["m"].search("Yes, sir.") and tags.hearer_words()["f"].search("Good night, madam")
    assert not tags.hearer_words()["m"].search("the old man came")
    assert tags.speech_verb("she whispered").group(0) == "whispered"
    assert mentions.english_pet_names()["Lizzy"] == "Elizabeth" and mentions.not_names()["moscow"]
    assert mentions.english_given_names()["Katharine"] == "f" and mentions.english_given_names()["Leslie"] == "mf"


def test_the_other_before_a_noun_is_an_adjective():
    from imya.tags import noun_phrase

    assert noun_phrase("the other Prince", head_last=False) == ("the other Prince", "title", "Prince")
    assert noun_phrase("the other", head_last=False) == ("the other", "person", "other")


@pytest.mark.parametrize("load, text, message", [
    ("person_nouns", "noun\tgender\tkind\ngirl\tg\tperson\n", r"^person_nouns\.tsv:2: gender must be"),
    ("person_nouns", "noun\tgender\tkind\ngirl\tf\tpet\n", r"^person_nouns\.tsv:2: .*kind one of"),
    ("person_nouns", "noun\tgender\ngirl\tf\n", r"^person_nouns\.tsv:1: header must be"),
    ("english_given_names", "name\tgender\nRalph\tm\nRalph\tm\n", r"^english_given_names\.tsv:3: 'Ralph' is listed twice"),
    ("english_given_names", "name\tgender\nRalph\tx\n", r"^english_given_names\.tsv:2: .*not m, f or mf"),
    ("english_given_names", "name\tgender\nRalph\n", r"^english_given_names\.tsv:2: 1 cells, expected 2"),
    ("hearer_words", "words\tgender\nsir\tm\nSir\tm\n", r"^hearer_words\.tsv:3: 'Sir' is listed twice"),
    ("hearer_words", "words\tgender\nsir\tmf\n", r"^hearer_words\.tsv:2: .*not m or f"),
    ("role_titles", "noun\ttitles\ngirl\tMiss\n", r"^role_titles\.tsv:2: 'girl' is not a role"),
    ("role_titles", "noun\ttitles\ndoctor\tDr\ndoctor\tDoctor\n", r"^role_titles\.tsv:3: .*listed twice"),
    ("role_titles", "noun\ttitles\ndoctor\tMedic\n", r"^role_titles\.tsv:2: every title must be one of titles"),
])
def test_malformed_dialogue_and_name_tables(load, text, message):
    from imya import mentions, tags

    loader = {"person_nouns": tags.person_nouns, "english_given_names": mentions.english_given_names,
              "hearer_words": tags.hearer_words, "role_titles": tags.role_titles}[load]
    with pytest.raises(DataError, match=message):
        loader(text)


def test_parent_address_must_be_a_kin_title():
    from imya.address import parse_rules, rules
    from imya.data import read

    shipped = read("address_rules.toml")
    assert rules().parent_address == {"m": "Papa", "f": "Mama"}
    with pytest.raises(DataError, match=r"parent_address m = 'Colonel': a kin title"):
        parse_rules(shipped.replace('m = "Papa"', 'm = "Colonel"'))


@pytest.mark.parametrize("text, message", [
    ("name\tvariant\tkind\nКатерина\tЕкатерина\tfolk\nЕкатерина\tКатерина\tfolk\n", r":3: .*already paired"),
    ("name\tvariant\tkind\nКатерина\tЕкатерин\tfolk\n", r":2: Екатерин is not a row of given_names"),
    ("name\tvariant\tkind\nКатерина\tИван\tfolk\n", r":2: .*two names of one gender"),
    ("name\tvariant\tkind\nКатерина\tЕкатерина\tpet\n", r":2: kind must be one of"),
    ("name\tvariant\nКатерина\tЕкатерина\n", r":1: header must be"),
])
def test_malformed_name_variants(text, message):
    from imya.kb import load, load_variants

    with pytest.raises(DataError, match=r"^name_variants\.tsv" + message):
        load_variants(text, load().names)


def test_shipped_name_variants_read_both_ways():
    from imya.kb import variants

    assert "Екатерина" in variants()["Катерина"] and "Катерина" in variants()["Екатерина"]
    assert "Юрий" not in variants().get("Егор", ())  # both from Георгий, but two names now
