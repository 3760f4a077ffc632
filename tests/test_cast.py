"""Mentions and the cast, on a story written for the tests and on the dev novels."""

from pathlib import Path

import pytest

from imya.cast import cast
from imya.document import Document
from imya.mentions import find, parse_word

STORY = (Path(__file__).parent / "data" / "family_story.txt").read_text("utf-8")
SHARED = Path(__file__).resolve().parents[2] / "shared"


def story_cast():
    return cast(Document("family_story.txt", "txt", STORY))


def by_name(result, fragment):
    return next(c for c in result.characters if fragment in c.name)


def test_mentions_skip_places_and_sentence_openers():
    texts = {m.text for m in find(Document("s", "txt", STORY))}
    assert "Moscow" not in texts and "Nevsky Prospect" not in texts and "Tver" not in texts
    assert "Well" not in texts and "Perhaps" not in texts
    assert "Dmitri Sergeyevich Sokolovsky" in texts


def test_a_name_split_by_a_line_break_is_one_mention():
    spans = [(m.start, m.end) for m in find(Document("s", "txt", STORY)) if m.text == "Vasilisa Alexeyevna"]
    assert any("\n" in STORY[a:b] for a, b in spans)


def test_of_after_a_title_keeps_a_place_but_not_a_person_asked_of():
    text = ("“And what did you learn today?” asked the Count of Masha. The Duchess of Monmouth smiled, and "
            "the Princess of Chernigov did not.\n")
    texts = [m.text for m in find(Document("s", "txt", text))]
    assert "Count of Masha" not in texts and "Masha" in texts
    assert "Duchess of Monmouth" in texts and "Princess of Chernigov" in texts


def test_all_forms_join_their_character():
    result = story_cast()
    natalia = by_name(result, "Natalia")
    assert {"Natasha", "Natashenka", "Natashka", "Natalia Dmitrievna Sokolovskaya"} <= set(natalia.forms)
    assert natalia.gender == "f"
    alexei = by_name(result, "Alexei Dmitrievich")
    assert {"Alyosha", "Alexei", "Alexei Dmitrievich"} <= set(alexei.forms)
    vasilisa = by_name(result, "Vasilisa")
    assert {"Madame Ivashina", "Ivashina", "Vasilisa Alexeyevna"} <= set(vasilisa.forms)


def test_men_and_women_and_fathers_and_sons_stay_apart():
    result = story_cast()
    vasily = by_name(result, "Vasily")
    assert "Vasilisa Alexeyevna" not in vasily.forms
    father = by_name(result, "Dmitri Sergeyevich")
    son = by_name(result, "Alexei Dmitrievich")
    assert father is not son
    assert "Alyosha" not in father.forms


def test_shared_surname_is_reported_as_ambiguous():
    result = story_cast()
    ambiguous = {a["text"]: a["candidates"] for a in result.ambiguous}
    father, son = by_name(result, "Dmitri Sergeyevich").id, by_name(result, "Alexei Dmitrievich").id
    assert set(ambiguous["Sokolovsky"]) == {father, son}


def test_family_plurals_and_kin_words_are_not_characters():
    names = {t for c in story_cast().characters for t in c.forms}
    assert "Sokolovskys" not in names and "Papa" not in names and "Later Alyosha" not in names


def test_families_from_surnames_and_patronymics():
    result = story_cast()
    relations = {(f.relation, frozenset(f.members)) for f in result.families}
    father, son = by_name(result, "Dmitri Sergeyevich").id, by_name(result, "Alexei Dmitrievich").id
    daughter = by_name(result, "Natalia").id
    assert ("parent and child", frozenset({father, son})) in relations
    assert ("siblings", frozenset({son, daughter})) in relations
    vasilisa, vasily = by_name(result, "Vasilisa").id, by_name(result, "Vasily").id
    assert ("siblings", frozenset({vasilisa, vasily})) in relations


def test_json_shape():
    doc = story_cast().to_dict()
    c = doc["characters"][0]
    assert set(c) >= {"id", "name", "gender", "forms", "first_offset"}
    assert STORY[c["first_offset"]:].startswith(c["forms"][0]["text"].split()[0]) or c["first_offset"] >= 0
    assert all(set(f) == {"text", "count"} for f in c["forms"])
    assert all(set(a) == {"text", "candidates"} for a in doc["ambiguous"])
    assert all(set(f) == {"members", "relation", "evidence"} for f in doc["families"])


@pytest.mark.skipif(not (SHARED / "corpus").exists(), reason="needs ../shared")
def test_crime_and_punishment_main_characters():
    text = (SHARED / "corpus" / "crime_and_punishment.txt").read_text("utf-8")
    result = cast(Document("cp", "txt", text))
    hero = result.characters[0]
    assert {"Raskolnikov", "Rodya", "Rodion Romanovitch"} <= set(hero.forms)
    dounia = next(c for c in result.characters if "Dounia" in c.forms)
    assert "Avdotya Romanovna" in dounia.forms and dounia.gender == "f"


def run_cli(*args):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "imya.cli", *args], capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def test_cli_cast_json_on_a_story(tmp_path):
    import json

    code, out, err = run_cli("cast", "--json", str(Path(__file__).parent / "data" / "family_story.txt"))
    assert code == 0, err
    doc = json.loads(out)
    assert doc["characters"][0]["forms"] and doc["families"]


def test_cli_cast_on_a_docx_made_with_python_docx(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("Chapter 1", level=1)
    d.add_paragraph("Natalia Alianovna Romanova looked at Yelena. “Natasha,” said Yelena, “run.”")
    d.add_paragraph("Natasha ran. Romanova always ran.")
    path = tmp_path / "story.docx"
    d.save(path)
    code, out, _ = run_cli("cast", str(path))
    assert code == 0 and "Natalia Alianovna Romanova" in out and "Natasha" in out


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\x03binary", b"PK\x03\x04broken zip"])
def test_cli_cast_bad_files(tmp_path, content):
    path = tmp_path / "story.epub"
    path.write_bytes(content)
    code, out, err = run_cli("cast", str(path))
    assert code == 2 and out == "" and err.startswith("imya: error: ") and err.count("\n") == 1


def test_cli_cast_missing_file():
    code, out, err = run_cli("cast", "no/such/story.txt")
    assert code == 2 and out == "" and err.count("\n") == 1


WIFE_AND_HUSBAND = (
    "That night young Newland Archer came home late. He had been at the club, and he was tired.\n\n"
    "For an hour Newland Archer sat by the fire; he said nothing, and he did not look up.\n\n"
    "In the evenings Mrs. Newland Archer was at home. She received in the drawing-room.\n\n"
    "At the thought of it Newland Archer laughed. He lit a cigar.\n\n"
    "Across the table Mrs. Archer smiled at him. She was pleased with the evening.\n"
)


def test_mrs_with_her_husbands_name_is_his_wife_not_him():
    result = cast(Document("s", "txt", WIFE_AND_HUSBAND))
    husband = next(c for c in result.characters if c.forms.get("Newland Archer"))
    assert husband.gender == "m" and husband.forms["Newland Archer"] == 3
    assert "Mrs. Newland Archer" not in husband.forms and "Mrs. Archer" not in husband.forms


def test_days_in_the_plural_are_not_names_and_do_not_hide_one():
    text = "She was at home on Thursdays. On Tuesdays Mrs. Newland Archer received, and Sundays were quiet."
    assert [m.text for m in find(Document("s", "txt", text))] == ["Mrs. Newland Archer"]


def test_english_pet_names_and_y_endings_are_not_russian_surnames():
    assert parse_word("Lizzy", False).role == "diminutive" and parse_word("Lizzy", False).gender == "f"
    for word in ("Sissy", "Janey", "Betsey"):  # not Сиссый, Джанеый: English pet names, no -y surnames
        assert parse_word(word, False).role == "name" and parse_word(word, False).gender in (None, "f")
    for word in ("Dostoevsky", "Tolstoy", "Trubetskoy", "Gladky"):
        assert parse_word(word, False).role == "surname" and parse_word(word, False).gender == "m"


def test_a_name_that_is_also_a_word_counts_when_the_text_uses_it_as_a_name_more():
    text = ("Bill Gorton came in. I looked at Bill and paid the bill.\n\n"
            "\"Well,\" said Bill, \"let's go.\" We walked with Bill to the river.\n")
    assert [m.text for m in find(Document("s", "txt", text))].count("Bill") == 3


def test_an_english_given_name_makes_an_ordinary_word_a_surname():
    text = ("The sign of the four, Jonathan Small. He was small and active, a small man.\n\n"
            "Jonathan Small escaped. Then Harvey Stone came in; stone walls; a small room.\n")
    found = [m.text for m in find(Document("s", "txt", text))]
    assert found == ["Jonathan Small", "Jonathan Small", "Harvey Stone"]


def test_after_mrs_or_miss_a_word_of_the_language_is_a_surname():
    text = ("The hall was cold. Mrs. Hall lit the fire in the hall, and Mr. Hall went out.\n\n"
            "\"Good morning,\" said Mrs. Hall. Hush, Sir Impudence! Such impudence.\n")
    assert [m.text for m in find(Document("s", "txt", text))] == ["Mrs. Hall", "Mr. Hall", "Mrs. Hall"]


def test_his_and_her_after_a_name_say_nothing_of_its_gender():
    text = ("It was Katharine Hilbery who took his arm. Then Katharine looked at him; she smiled.\n\n"
            "At once Katharine gave him her hand, and she laughed. Later Katharine read his letter; she sighed.\n\n"
            "It was Ralph Denham who watched her; he frowned. Then Ralph nodded, and he left.\n\n"
            "Later Ralph came back; he was tired.\n")
    result = cast(Document("s", "txt", text))
    by_name = {c.name: c.gender for c in result.characters}
    assert by_name["Katharine Hilbery"] == "f" and by_name["Ralph Denham"] == "m"


def test_a_title_after_a_name_starts_another_name_and_peoples_are_not_names():
    text = "At the club were Mrs. Moore Miss Quested and two Indians; the British stayed away."
    assert [m.text for m in find(Document("s", "txt", text))] == ["Mrs. Moore", "Miss Quested"]
    assert [m.text for m in find(Document("s", "txt", "It was Lieutenant Colonel Orlov."))] == ["Lieutenant Colonel Orlov"]


def test_a_known_name_that_is_also_a_word_is_not_stripped_as_a_sentence_opener():
    text = ("A cable came from Bill Gorton. I met Bill at the station and paid the bill.\n\n"
            "We sat on the terrace of the Lilas Brett ordered a whiskey, and Bill laughed. Brett did not.\n")
    found = [m.text for m in find(Document("s", "txt", text))]
    assert "Bill Gorton" in found and "Lilas Brett" not in found and found.count("Brett") == 2


def test_the_old_semi_patronymic_is_the_patronymic_not_a_surname():
    from imya.patronymic import semi_patronymic

    assert [semi_patronymic(f) for f in ("Василий", "Иван", "Илья", "Сергей")] == [
        "Васильев", "Иванов", "Ильин", "Сергеев"]
    text = ("Yevgeny Vassilyitch Bazarov came to Maryino with Arkady Nikolaevich Kirsanov.\n\n"
            "“My name is Yevgeny Vassilyev,” he said to Nikolai Petrovich.\n\n"
            "Later Yevgeny Vassilyitch went out to the pond, and Bazarov laughed.\n\n"
            "In the town Sitnikov mentioned a Pyotr Ivanov; Yevgeny Ivanov was a clerk there.\n")
    result = cast(Document("s", "txt", text))
    bazarov = next(c for c in result.characters if "Bazarov" in c.forms)
    assert "Yevgeny Vassilyev" in bazarov.forms
    # a semi-patronymic needs the same given name: Yevgeny Ivanov is someone else
    assert "Yevgeny Ivanov" not in bazarov.forms


def test_places_named_after_in_at_and_from_are_not_characters():
    text = ("Philip Herriton went to Monteriano. In Monteriano he found Lilia; at Monteriano she was happy.\n\n"
            "From Monteriano the road ran down. Lilia laughed at Philip, and Philip went back to Monteriano.\n\n"
            "Later Sergey Ivanovich wrote to Alexander Petrovitch, and came to Alexander Petrovitch, "
            "and stayed with Alexander Petrovitch.\n")
    names = {c.name for c in cast(Document("s", "txt", text)).characters}
    assert "Monteriano" not in names and "Lilia" in names
    assert "Alexander Petrovitch" in names  # a name and patronymic is a person, whatever comes before it



def test_titles_settle_a_gender_before_the_pronouns_after_a_name():
    text = ("It was Mr. Denham whom she saw first; she smiled. Then Mr. Denham bowed, and she laughed.\n\n"
            "Later Denham came in, and she rose. At once Denham spoke, and she listened. Denham sat; she sang.\n")
    denham = next(c for c in cast(Document("s", "txt", text)).characters if "Denham" in c.forms)
    assert denham.gender == "m"


def test_an_english_given_name_gives_its_gender_before_a_surname_only():
    text = ("It was Ralph Denham whom she saw first; she smiled. Then Ralph Denham bowed, and she laughed.\n\n"
            "Later Ralph Denham came in, and she rose. At once Ralph Denham spoke, and she listened.\n\n"
            "Maria Bertram and Julia Bertram sat together; Bertram was a name they loved.\n")
    genders = {c.name: c.gender for c in cast(Document("s", "txt", text)).characters}
    assert genders["Ralph Denham"] == "m"  # Ralph is a man, whatever pronouns follow the name
    assert genders["Maria Bertram"] == "f"  # Bertram, a man's name, is her surname here


def test_a_lone_english_given_name_gives_its_gender():
    text = "Then Harriet came in. Later Harriet sat down, and Horace looked at her. At once Horace rose.\n"
    genders = {c.name: c.gender for c in cast(Document("s", "txt", text)).characters}
    assert genders == {"Harriet": "f", "Horace": "m"}


def test_a_lone_vich_word_from_no_russian_father_is_a_surname():
    text = ("Chichikov went to see Sobakevitch. Sobakevitch said little. Later Sobakevitch ate.\n\n"
            "Then Ludwigovna, as Katerina called her, shouted.\n")
    by_name = {c.name: c for c in cast(Document("s", "txt", text)).characters}
    assert by_name["Sobakevitch"].surname and not by_name["Sobakevitch"].patronymic
    assert by_name["Ludwigovna"].patronymic  # a woman's -ovna is never a surname


def test_an_interjection_the_text_keeps_using_as_a_name_is_a_name():
    bear = " ".join(f"Then Piglet looked at Pooh, and Pooh said nothing {i}." for i in range(20))
    found = [m.text for m in find(Document("s", "txt", "Pooh! What a day. " + bear))]
    assert found.count("Pooh") == 41  # "Pooh!" too: in this text it is his name
    assert "Pooh" not in [m.text for m in find(Document("s", "txt", "Pooh! What nonsense, said Natasha."))]



def test_a_month_the_text_uses_as_a_given_name_is_her_name():
    story = " ".join(f"May answered him at last {i}. He looked at May Welland and May smiled."
                     for i in range(6)) + " It was early in May. May I come in? In May 1870 they met. He saw May."
    found = [m.text for m in find(Document("s", "txt", story))]
    assert found.count("May Welland") == 6 and found.count("May") == 13
    by_name = {c.name: c for c in cast(Document("s", "txt", story)).characters}
    assert by_name["May Welland"].gender == "f"
    # where May is the month and the modal, it is never a name
    diary = " ".join(f"May I ask, Natasha? In May {1870 + i} we met; by May the snow was gone."
                     for i in range(20))
    assert "May" not in [m.text for m in find(Document("s", "txt", diary))]
    # a diary's dates are the month, however often they come: "3rd May."
    dates = "".join(f"{n}th May.\n\nNikolai went to the mill again and came back late.\n\n" for n in range(4, 24))
    assert "May" not in [m.text for m in find(Document("s", "txt", dates))]
    # "May Sasha come riding?" is the verb and Sasha, not a woman called May Sasha
    asking = story + " \"May Sasha come riding with us?\" Volodya asked."
    assert "May Sasha" not in [m.text for m in find(Document("s", "txt", asking))]


def test_a_son_named_for_his_grandfather_is_not_his_fathers_father():
    text = ("Ivan Petrovich Orlov read at the window. His son Pyotr Ivanovich Orlov came in.\n\n"
            "Later Ivan Petrovich Orlov and Pyotr Ivanovich Orlov went out together.\n")
    relations = [(f.relation, f.members) for f in cast(Document("s", "txt", text)).families]
    assert all(r != "parent and child" for r, _ in relations) and ("family", ["ivan_petrovich_orlov",
                                                                               "pyotr_ivanovich_orlov"]) in relations


def test_review_cases_english_names_titles_places_and_surnames():
    found = [m.text for m in find(Document("s", "txt", (
        "Harriet Blake came in. “Comrade Colonel, the convoy is late,” said Natalia.\n\n"
        "They lived on Vasilyevsky Island near Kuznetsky Bridge, by the Kazansky station, in St. Petersburg.\n")))]
    assert found == ["Harriet Blake", "Natalia"]
    text = ("Ivan Petrovich Sidorov came to the works, where Ivan Petrov was the engineer. Petrov nodded.\n\n"
            "Later Petrov spoke, and Ivan Petrov left. Everyone worked for Zorin and was afraid of Zorin; "
            "they went to Zorin, and Zorin smiled.\n")
    by_name = {c.name: c for c in cast(Document("s", "txt", text)).characters}
    assert "Ivan Petrov" not in by_name["Ivan Petrovich Sidorov"].forms  # Petrov alone: a surname
    assert "Zorin" in by_name  # a Russian surname is a person, whatever comes before it


def test_a_misspelt_russian_name_before_a_foreign_surname_is_that_foreign_name():
    text = ("Lucy looked at the fresco by Luca Signorelli. Then Lucy sighed, and Lucy went out.\n\n"
            "Sasha Smith came in. Later Sasha sat down.\n")
    forms = {c.name: set(c.forms) for c in cast(Document("s", "txt", text)).characters}
    assert forms["Lucy"] == {"Lucy"} and forms["Luca Signorelli"] == {"Luca Signorelli"}
    assert forms["Sasha Smith"] == {"Sasha Smith", "Sasha"}  # a standard Russian form still joins


def test_miss_and_mrs_of_one_surname_are_daughter_and_mother():
    text = ("Mrs. Honeychurch came in. Later Mrs. Honeychurch sat down, and Mrs. Honeychurch sighed.\n\n"
            "Then Miss Honeychurch played. Miss Honeychurch laughed.\n")
    forms = [set(c.forms) for c in cast(Document("s", "txt", text)).characters]
    assert {"Mrs. Honeychurch"} in forms and {"Miss Honeychurch"} in forms


def test_lady_before_a_surname_is_the_wife_not_the_daughter():
    text = ("Maria Bertram was engaged. Maria laughed, and Maria sang.\n\n"
            "Lady Bertram sat on the sofa. Lady Bertram dozed. Lady Bertram called for her pug.\n\n"
            "Lady Brett Ashley came in. Then Lady Ashley sat down, and Brett laughed.\n")
    by_name = {c.name: set(c.forms) for c in cast(Document("s", "txt", text)).characters}
    assert by_name["Maria Bertram"] == {"Maria Bertram", "Maria"}
    assert by_name["Lady Bertram"] == {"Lady Bertram"}
    assert by_name["Lady Brett Ashley"] == {"Lady Brett Ashley", "Lady Ashley", "Brett"}  # called Lady: her own form


def test_a_knight_is_not_his_son_of_the_same_given_name():
    text = ("Sir Thomas Bertram came home. Tom Bertram was out. Tom rode, and Tom drank.\n\n"
            "Sir Thomas frowned. Tom laughed. Sir Thomas sighed, and Tom went out.\n")
    by_name = {c.name: set(c.forms) for c in cast(Document("s", "txt", text)).characters}
    assert by_name["Sir Thomas Bertram"] == {"Sir Thomas Bertram", "Sir Thomas"}
    assert by_name["Tom Bertram"] == {"Tom Bertram", "Tom"}


def test_a_rank_names_the_one_called_by_it_not_his_sons_or_his_wife():
    text = ("Mr. Henry Tilney came in. Mr. Tilney bowed. Captain Frederick Tilney laughed, and Captain Tilney sat down.\n\n"
            "Then General Tilney entered. General Tilney frowned at Mr. Tilney and at Captain Tilney.\n\n"
            "Mrs Sophia Croft smiled. Mrs Croft smiled again. Admiral Croft laughed, and Admiral Croft went out.\n\n"
            "Madame Olenska sat alone. Madame Olenska sighed. The Countess Olenska rose.\n")
    forms = [set(c.forms) for c in cast(Document("s", "txt", text)).characters]
    assert {"General Tilney"} in forms and {"Admiral Croft"} in forms
    assert {"Mr. Henry Tilney", "Mr. Tilney"} in forms and {"Captain Frederick Tilney", "Captain Tilney"} in forms
    assert {"Madame Olenska", "Countess Olenska"} in forms  # a woman's rank may name a woman called Madame


def test_a_new_rank_names_the_man_the_old_one_named_once_it_is_no_longer_used():
    text = ("Lieutenant Orlov was twenty-two when he came to the regiment. Lieutenant Orlov laughed.\n\n"
            "Within a year he was Captain Orlov, and the men loved Captain Orlov.\n")
    forms = [set(c.forms) for c in cast(Document("s", "txt", text)).characters]
    assert {"Lieutenant Orlov", "Captain Orlov"} in forms


def test_a_surname_alone_names_the_man_of_the_family():
    text = ("Josiah Bounderby was a rich man. Josiah Bounderby laughed. Loo Bounderby sat at the window, "
            "and Loo Bounderby sighed.\n\nLoo looked at the fire. Bounderby came in. Loo did not look up.\n")
    by_name = {c.name: set(c.forms) for c in cast(Document("s", "txt", text)).characters}
    assert by_name["Josiah Bounderby"] == {"Josiah Bounderby", "Bounderby"}  # though Loo is named nearer
    assert by_name["Loo Bounderby"] == {"Loo Bounderby", "Loo"}


def test_two_people_named_side_by_side_are_two_mentions():
    text = "“Mother, show Rodya Pyotr Petrovitch’s letter,” said Dounia. Ivan Ivanovich Petrov came.\n"
    assert [m.text for m in find(Document("s", "txt", text))] == [
        "Rodya", "Pyotr Petrovitch", "Dounia", "Ivan Ivanovich Petrov"]


def test_a_bare_masculine_surname_followed_by_he_is_not_the_woman_of_that_surname():
    text = ("Sofya Semyonovna Marmeladov came in. Marmeladov looked up; he was drunk. Then Marmeladov "
            "rose, and he wept. Later Marmeladov sat down; he slept.\n\n"
            "Anna Sergyevna Odintsov sat alone. Odintsov smiled; she was tired. Then Odintsov rose, and "
            "she left.\n")
    forms = [set(c.forms) for c in cast(Document("s", "txt", text)).characters]
    assert {"Marmeladov"} in forms and {"Anna Sergyevna Odintsov", "Odintsov"} in forms


def test_a_titled_or_pronoun_gendered_surname_goes_to_the_one_of_that_gender():
    text = ("At noon came Thomas Bounderby and Loo Bounderby. Mr. Bounderby sat down. Then Loo smiled; "
            "Mr. Bounderby laughed. Bounderby rose, and he left; Bounderby returned, and he ate; "
            "Bounderby slept, and he snored.\n")
    forms = {c.name: set(c.forms) for c in cast(Document("s", "txt", text)).characters}
    assert {"Mr. Bounderby", "Bounderby"} <= forms["Thomas Bounderby"]
    assert forms["Loo Bounderby"] == {"Loo Bounderby", "Loo"}


def test_folk_and_church_forms_of_one_name_are_one_character():
    text = ("Avdotya Nikitishna came in. Later Evdoksya Kukshin lit a cigarette, and Evdoksya laughed.\n\n"
            "Katerina Ivanovna Marmeladov coughed. Then Ekaterina Ivanovna sat down.\n")
    forms = [set(c.forms) for c in cast(Document("s", "txt", text)).characters]
    assert {"Avdotya Nikitishna", "Evdoksya Kukshin", "Evdoksya"} in forms
    assert {"Katerina Ivanovna Marmeladov", "Ekaterina Ivanovna"} in forms


def test_a_recurring_capitalised_pair_after_the_that_speaks_is_a_name():
    rabbit = " ".join(f"Then the White Rabbit ran by {i}." for i in range(5))
    service = " ".join(f"He served in the Civil Service {i} years." for i in range(5))
    text = f"{rabbit} “Oh dear!” said the White Rabbit. Alice saw the Rabbit again. {service}\n"
    found = [m.text for m in find(Document("s", "txt", text))]
    assert found.count("White Rabbit") == 6 and "Civil Service" not in found
    forms = {c.name: set(c.forms) for c in cast(Document("s", "txt", text)).characters}
    assert forms["White Rabbit"] == {"White Rabbit", "Rabbit"}


def test_metadata_without_a_story_gives_no_characters(tmp_path):
    from imya.read import read

    path = tmp_path / "tags.txt"
    path.write_text("Rating: Teen And Up\nCharacters: Natasha Rostova, Ivan Petrovich\n", "utf-8")
    assert cast(read(str(path))).characters == []


def test_a_title_in_the_plural_is_a_title():
    text = ("Captain Frederick Wentworth came in. Later Captain Wentworth sat down, and the Captains Wentworth "
            "and Harville walked out. Captain Wentworth laughed.\n")
    forms = {c.name: set(c.forms) for c in cast(Document("s", "txt", text)).characters}
    assert "Captains Wentworth" in forms["Captain Frederick Wentworth"]


def test_pronouns_after_someone_else_is_named_say_nothing_of_the_first_name():
    text = " ".join(f"The Caterpillar smoked, and Alice watched; she sighed {i}." for i in range(4)) + "\n"
    genders = {c.name: c.gender for c in cast(Document("s", "txt", text)).characters}
    assert genders["Caterpillar"] is None and genders["Alice"] == "f"


def test_an_epithet_keeps_a_word_that_is_no_name_alone():
    text = " ".join(f"Then the March Hare ran {i}." for i in range(5)) + " “Oh,” said the March Hare. In March it rained.\n"
    assert [m.text for m in find(Document("s", "txt", text))] == ["March Hare"] * 6


def test_a_storys_character_tags_name_the_characters_the_text_calls_by_short_forms():
    from imya.document import Paragraph

    text = "Natasha came in. Later Natasha sat down, and Romanoff laughed. Yelena waved.\n"
    tags = ["Natasha Romanoff (Marvel)", "Yelena Belova", "Bucky Barnes"]
    doc = Document("s", "txt", text, [Paragraph(0, len(text) - 1)], metadata={"characters": tags})
    found = {c.name: set(c.forms) for c in cast(doc).characters}
    assert found == {"Natasha Romanoff": {"Natasha", "Romanoff"}, "Yelena Belova": {"Yelena"}}


def test_a_misprinted_patronymic_is_the_same_fathers():
    text = ("Yevgeny Vassilyitch Bazarov came in. Arkady quoted Yevgeny Onyegin at him.\n\n"
            "Yevgeny Vassilyitch laughed. Later Anna asked whether Yevgeny Vassilvitch was still living.\n")
    result = cast(Document("s.txt", "txt", text))
    bazarov = by_name(result, "Bazarov")
    assert {"Yevgeny Vassilyitch", "Yevgeny Vassilvitch"} <= set(bazarov.forms)
    assert "Yevgeny Onyegin" not in bazarov.forms
    pair = cast(Document("s.txt", "txt", "Maria Vasilyevna was the doctor's wife.\n\n"
                                       "“Marya Vassilyevna, your husband is wanted,” called the cook.\n"))
    assert {"Maria Vasilyevna", "Marya Vassilyevna"} <= set(pair.characters[0].forms)


def test_a_title_of_a_place_is_a_name_and_of_ends_any_other_name():
    text = ("Dorian talked to the Duchess of Monmouth. Later Anna of the mill came in, "
            "and Natasha of course sang. Her husband, old Monmouth, said nothing.\n")
    found = {m.text: [w.role for w in m.words] for m in find(Document("s", "txt", text))}
    assert found["Duchess of Monmouth"] == ["title", "particle", "name"]
    assert "Anna" in found and "Natasha" in found
    duchess = next(c for c in cast(Document("s", "txt", text)).characters if "Duchess of Monmouth" in c.forms)
    assert duchess.gender == "f"  # from the title
    assert "Monmouth" not in duchess.forms  # the place of her title is not her surname


def test_a_civil_rank_of_two_words_is_a_title():
    text = "Yesterday morning Collegiate Assessor Kovalev woke early, and Kovalev looked in the mirror.\n"
    names = [c.name for c in cast(Document("s", "txt", text)).characters]
    assert names == ["Collegiate Assessor Kovalev"]


def test_a_name_after_a_contraction_is_still_a_name():
    text = "“I'm Natasha Romanoff,” she said. “I’m Clint,” he said. It'll rain, Don’t Yelena know?\n"
    found = [m.text for m in find(Document("s", "txt", text))]
    assert "Natasha Romanoff" in found and "Clint" in found and "Yelena" in found


def test_towns_of_russian_novels_are_places():
    text = "Pierre rode out of Mozhaisk at dawn, and by noon Pierre saw Borodino below him. Kostroma was far.\n"
    assert [c.name for c in cast(Document("s", "txt", text)).characters] == ["Pierre"]


def test_the_bare_mr_of_a_family_whose_sons_are_mr_and_their_given_name_is_the_father():
    text = ("Charles Wilcox and Paul Wilcox came down to breakfast. \"Mr. Charles is late,\" said the maid.\n\n"
            "Mr. Wilcox read his paper. Later Mr. Wilcox went out, and Charles followed him.\n")
    found = {c.name: set(c.forms) for c in cast(Document("s", "txt", text)).characters}
    assert "Mr. Wilcox" not in found["Charles Wilcox"] and "Mr. Wilcox" not in found["Paul Wilcox"]
    assert found["Mr. Wilcox"] == {"Mr. Wilcox"}
    # one man of his name, once called in full, is one man
    alone = "Mr. Thomas Marvel sat down. Mr. Marvel said nothing, and later Mr. Marvel left.\n"
    assert [c.name for c in cast(Document("s", "txt", alone)).characters] == ["Mr. Thomas Marvel"]


def test_an_english_given_name_that_is_a_characters_surname_names_him():
    text = ("William Rodney came in with Katharine Hilbery. Rodney hesitated at the door, and Mr. Rodney bowed.\n\n"
            "TOMORROW LOVE JAKE, said the telegram. Jake read it again. Jake laughed.\n")
    owner = {f: c.id for c in cast(Document("s", "txt", text)).characters for f in c.forms}
    assert owner["Rodney"] == owner["Mr. Rodney"] == owner["William Rodney"]
    assert owner["Jake"] != owner.get("TOMORROW LOVE JAKE")  # a telegram in capitals is nobody's full name


def test_st_inside_a_name_belongs_to_the_surname():
    text = "Tony sat with Reggie St Cloud. Lady St. Cloud came in. Reggie laughed. St Cloud was rich.\n"
    mentions = {m.text: [w.role for w in m.words] for m in find(Document("s", "txt", text))}
    assert mentions["Reggie St Cloud"] == ["diminutive", "particle", "name"]
    assert mentions["Lady St. Cloud"] == ["title", "particle", "name"]
    owner = {f: c.id for c in cast(Document("s", "txt", text)).characters for f in c.forms}
    assert owner["Reggie"] == owner["Reggie St Cloud"] != owner["Lady St. Cloud"]


def test_a_slip_that_names_someone_once_in_full_takes_only_the_mentions_near_it():
    far = " ".join(["The rain went on and the house was quiet."] * 120)  # more than NEARBY characters
    text = (f"Margaret Schlegel lived in London. Margaret Schlegel was the elder. Margaret Schlegel sang. "
            f"Margaret sighed.\n\n"
            f"But on Margaret Oniton was destined to make a lasting impression. {far}\n\n"
            f"Margaret wrote to her sister. Margaret was tired.\n")
    result = cast(Document("s", "txt", text))
    assert by_name(result, "Margaret Schlegel").forms["Margaret"] == 3


def test_english_house_names_are_places():
    text = ("Mrs. Wilcox left Margaret Howards End. Howards End was hers. Henry Wilcox drove to Oniton Grange, "
            "and Oniton Grange was cold. They dined at Pemberley Manor with Henry Tilney. Francis Grange, "
            "the agent, and Mrs. End, the cook, were there.\n")
    names = {c.name for c in cast(Document("s", "txt", text)).characters}
    assert not names & {"Margaret Howards", "Howards", "Oniton", "Oniton Grange", "Pemberley", "Pemberley Manor"}
    # after a title or a given name alone, a house word is a surname
    assert {"Henry Wilcox", "Henry Tilney", "Francis Grange", "Mrs. End"} <= names
