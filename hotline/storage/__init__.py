"""The hotline's stores on SQLite or MongoDB: `open_storage(url)` (in `open.py`) gives them all.

`base.py` is the interface, `sqlite/` and `mongo/` the back ends (a module per store, the
database plumbing in `database.py`), `shared/` the simple stores written once over a `shelf`,
`migrate.py` the copy between back ends.
"""
