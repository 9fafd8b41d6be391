"""hotline.yaml_text reads what yaml.safe_load reads, and refuses what it refuses."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from hotline import yaml_text


def test_the_faq_seed_reads_as_safe_load_reads_it() -> None:
    text = resources.files("hotline.faq").joinpath("seed/faq.yml").read_text(encoding="utf-8")
    assert yaml_text.read(text) == yaml.safe_load(text)


def test_vietnamese_scalars_dates_and_nulls_read_alike() -> None:
    text = "- câu hỏi: Tiêm mũi 3 ở đâu?\n  ngày: 2021-09-01\n  số: 0x1F\n  trống: ~\n  'có': yes\n"
    assert yaml_text.read(text) == yaml.safe_load(text)


def test_python_tags_are_refused_as_safe_load_refuses_them() -> None:
    with pytest.raises(yaml.YAMLError):
        yaml_text.read("!!python/object/apply:os.system ['true']")


def test_broken_yaml_raises_yaml_error() -> None:
    with pytest.raises(yaml.YAMLError):
        yaml_text.read("faq: [unclosed\n  - a: b")
