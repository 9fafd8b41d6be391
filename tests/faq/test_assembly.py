"""Postings assembled in chunks of entries are those of one assembly over every entry."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from hotline.faq.assembly import PostingsAssembly
from hotline.faq.features import features
from hotline.faq.index import Analyzer
from hotline.faq.vectors import Postings, Vocabulary
from tests.support.synthetic_faq import synthetic_entries


def assembled(analyzer: Analyzer, chunk: int) -> Postings:
    entries = synthetic_entries(60)
    vocabulary = Vocabulary()
    sizes = [len(e.questions) for e in entries]
    assembly = PostingsAssembly(vocabulary, sum(sizes), len(entries))
    for first in range(0, len(entries), chunk):
        some = entries[first : first + chunk]
        rows = [vocabulary.row(features(analyzer(q))) for e in some for q in e.questions]
        assembly.add(rows, sizes[first : first + chunk])
    return assembly.finish()


@pytest.mark.parametrize("chunk", [1, 7, 25])
def test_chunks_give_the_postings_of_one_assembly(analyzer: Analyzer, chunk: int) -> None:
    whole, chunked = assembled(analyzer, 60), assembled(analyzer, chunk)
    for field in dataclasses.fields(Postings):
        mine, theirs = getattr(chunked, field.name), getattr(whole, field.name)
        assert np.array_equal(mine, theirs), field.name
        assert np.asarray(mine).dtype == np.asarray(theirs).dtype, field.name


def test_rows_other_than_those_announced_are_refused(analyzer: Analyzer) -> None:
    vocabulary = Vocabulary()
    assembly = PostingsAssembly(vocabulary, 2, 1)
    assembly.add([vocabulary.row(features(analyzer("cách ly bao lâu")))], [1])
    with pytest.raises(ValueError, match="announced"):
        assembly.finish()
