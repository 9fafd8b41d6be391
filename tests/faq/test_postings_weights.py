"""The postings' table of 1 + log(count) gives each posting the weight `_weights` gives it."""

from __future__ import annotations

from collections import Counter

import numpy as np

from hotline.faq.vectors import Postings, Vocabulary, _weights


def postings(texts: list[str]) -> tuple[Vocabulary, Postings]:
    vocabulary = Vocabulary()
    rows = [vocabulary.row(Counter(f"w {w}" for w in text.split())) for text in texts]
    return vocabulary, Postings.build(vocabulary, rows, np.arange(len(texts)))


def test_the_table_holds_the_weight_of_every_count() -> None:
    _, built = postings(["tiem tiem tiem vac xin", "cach ly " + "ngay " * 9, "xe buyt"])
    table = built._tf_weights
    assert len(table) == int(built.counts.max()) + 1 == 10
    for count in range(1, len(table)):
        expected = _weights(np.array([count], np.uint16), 1.0)[0]
        assert table[count].tobytes() == expected.tobytes()


def test_scores_are_those_of_the_weights_per_posting() -> None:
    vocabulary, built = postings(["tiem tiem vac xin o dau", "vac xin mui 3", "cach ly f1"])
    query = [(vocabulary.ids.get(f), f, 2.0 if f == "w vac" else 1.0) for f in ("w vac", "w xin")]
    scores = built.scores([*query, (None, "w khong_co", 1.0)])
    # The same arithmetic with the weights worked out per posting, as before the table.
    norm = 0.0
    expected = np.zeros(built.n_rows)
    unseen = float(np.log1p((built.n_entries + 0.5) / 0.5))
    for fid, _, tf in query:
        assert fid is not None
        weight = (1.0 + np.log(tf)) * built.idf[fid]
        norm += weight * weight
        lo, hi = built.offsets[fid], built.offsets[fid + 1]
        rows = built.rows[lo:hi]
        stored = _weights(built.counts[lo:hi], built.idf[fid]) / built.norms[rows]
        np.add.at(expected, rows, stored * weight)
    norm += unseen * unseen
    assert np.allclose(scores, expected / np.sqrt(norm), rtol=0, atol=1e-15)
    assert built._unseen_idf == unseen


def test_a_rebuild_has_a_table_of_its_own() -> None:
    _, small = postings(["tiem vac xin"])
    _, large = postings(["tiem " * 5 + "vac xin"])
    assert len(small._tf_weights) == 2
    assert len(large._tf_weights) == 6
    assert len(Postings.empty()._tf_weights) == 1
