"""The SQLite back end: one file in WAL mode, one module per store (`backend.py`)."""
