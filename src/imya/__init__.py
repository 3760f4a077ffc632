"""imya: Russian names and forms of address in English-language fiction.

The Python API; the command line (`imya`) is a thin layer over these functions.
Names are imported on first use, so `import imya` stays cheap.

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

from importlib import import_module

__version__ = "0.1.0"

# public name → (module, attribute)
_API = {
    "explain": ("explainer", "explain"),
    "Explanation": ("explainer", "Explanation"),
    "Part": ("explainer", "Part"),
    "lookup": ("search", "lookup"),
    "Match": ("search", "Match"),
    "load_knowledge": ("kb", "load"),
    "derive_patronymic": ("patronymic", "derive"),
    "parse_patronymic": ("patronymic", "parse"),
    "surname": ("surnames", "surname"),
    "Surname": ("surnames", "Surname"),
    "to_latin": ("translit", "to_latin"),
    "SCHEMES": ("translit", "SCHEMES"),
    "to_cyrillic": ("convert", "to_cyrillic"),
    "word_to_cyrillic": ("convert", "word_to_cyrillic"),
    "ImyaError": ("errors", "ImyaError"),
    "DataError": ("errors", "DataError"),
}

__all__ = sorted(_API)


def __getattr__(name: str):
    if name not in _API:
        raise AttributeError(f"module 'imya' has no attribute {name!r}")
    module, attr = _API[name]
    value = getattr(import_module(f".{module}", __name__), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
