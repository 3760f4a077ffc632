"""imya: Russian names and forms of address in English-language fiction.

The Python API; the command line (`imya`) is a thin layer over these functions.

>>> from imya import explain, derive_patronymic, surname, to_latin
>>> explain("Djenya").parts[0].cyrillic
'Женя'
>>> derive_patronymic("Ilya").female.latin
'Ilyinichna'
>>> surname("Romanova").masculine.latin
'Romanov'
>>> to_latin("Фёдор", scheme="bgn")
'Fëdor'
"""

from .convert import to_cyrillic, word_to_cyrillic
from .errors import DataError, ImyaError
from .explain import Explanation, Part, explain
from .kb import load as load_knowledge
from .lookup import Match, lookup
from .patronymic import derive as derive_patronymic
from .patronymic import parse as parse_patronymic
from .surname import Surname, surname
from .translit import SCHEMES, to_latin

__version__ = "0.1.0"

__all__ = [
    "SCHEMES", "DataError", "Explanation", "ImyaError", "Match", "Part", "Surname",
    "derive_patronymic", "explain", "load_knowledge", "lookup", "parse_patronymic",
    "surname", "to_cyrillic", "to_latin", "word_to_cyrillic",
]
