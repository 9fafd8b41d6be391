"""Database plumbing shared by every store (SQLite now, MongoDB next)."""
