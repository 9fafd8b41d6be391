"""The sparse softmax regression: its products match dense algebra, and class weights count."""

from __future__ import annotations

import numpy as np

from hotline.bot.nlu import softmax
from hotline.bot.nlu.softmax import SparseRows


def _dense(x: SparseRows) -> np.ndarray:
    out = np.zeros(x.shape, np.float32)
    np.add.at(out, (x.rows, x.cols), x.values)
    return out


def test_sparse_products_match_dense_ones() -> None:
    rng = np.random.default_rng(5)
    vectors = []
    for length in (3, 0, 5, 1):  # an empty row (a message of only punctuation) included
        cols = np.sort(rng.choice(8, size=length, replace=False)).astype(np.intp)
        vectors.append((cols, rng.random(length).astype(np.float32)))
    x = SparseRows.of(vectors, 8)
    w = rng.random((8, 3)).astype(np.float32)
    e = rng.random((4, 3)).astype(np.float32)
    products = softmax._Products(x, 3)
    assert np.allclose(products.times(w), _dense(x) @ w, atol=1e-5)
    assert np.allclose(products.transposed_times(e), _dense(x).T @ e, atol=1e-5)


def test_a_heavier_class_weight_pulls_a_shared_feature_its_way() -> None:
    # One feature seen in three examples of class 0 and one of class 1.
    x = SparseRows.of([(np.array([0]), np.array([1.0], np.float32))] * 4, 1)
    y = np.array([[1, 0], [1, 0], [1, 0], [0, 1]], np.float32)
    settings = {"l2": 0.0, "learning_rate": 0.1, "epochs": 300}
    w, b = softmax.fit(x, y, np.ones(4), **settings)
    balanced_w, balanced_b = softmax.fit(x, y, np.array([1.0, 1.0, 1.0, 3.0]), **settings)

    def share_of_class_1(weights: np.ndarray, bias: np.ndarray) -> float:
        scores = weights[0] + bias
        p = np.exp(scores - scores.max())
        return float(p[1] / p.sum())

    assert abs(share_of_class_1(w, b) - 0.25) < 0.02
    assert abs(share_of_class_1(balanced_w, balanced_b) - 0.5) < 0.02
