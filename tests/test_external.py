"""Agreement with outside sources (russiannames' real-name tables, iuliia's samples)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import agreement


def test_patronymics_agree_with_russiannames():
    result = agreement.patronymic_agreement(min_count=100)
    assert result["rows"] > 700
    assert result["share"] >= 0.97, result["disagreements"][:20]


def test_surnames_agree_with_russiannames():
    result = agreement.surname_agreement(top=2000)
    assert result["share"] >= 0.99, result["disagreements"][:20]


def test_every_iuliia_sample_passes():
    result = agreement.iuliia_samples()
    assert result["samples"] > 40 and result["passed"] == result["samples"]
