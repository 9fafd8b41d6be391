"""The MongoDB back end: one database of a deployment, one module per store (`backend.py`)."""
