"""Prometheus counters of the NLU layer, served by the app's /metrics."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

NLU_PARSES = Counter(
    "hotline_nlu_parses_total", "Texts parsed, by the NLU back end that answered.", ["backend"]
)
NLU_FALLBACKS = Counter(
    "hotline_nlu_fallbacks_total",
    "Parses the local NLU answered because Rasa failed or its circuit was open, by reason.",
    ["reason"],
)
NLU_CIRCUIT = Counter(
    "hotline_nlu_circuit_transitions_total",
    "Rasa circuit breaker state changes (closed, open, half_open).",
    ["state"],
)
NLU_PARSE_SECONDS = Histogram(
    "hotline_nlu_parse_seconds",
    "Time to parse a text, by the back end that answered.",
    ["backend"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
)
RASA_MODEL_LOADS = Counter(
    "hotline_rasa_model_loads_total", "Rasa models trained and loaded, by outcome.", ["outcome"]
)
RASA_PARSE_CACHE = Counter(
    "hotline_rasa_parse_cache_total",
    "Rasa parses by where the answer came from: hit (the cache), shared (a parse of the same "
    "text already in flight) or miss (a request to Rasa).",
    ["result"],
)
RASA_IN_FLIGHT = Gauge(
    "hotline_rasa_in_flight", "Parse requests to Rasa in flight (bounded by the concurrency)."
)
RASA_WAITING = Gauge(
    "hotline_rasa_waiting", "Parses queued for a free slot towards Rasa (each with a deadline)."
)
