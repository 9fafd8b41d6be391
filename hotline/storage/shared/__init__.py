"""Stores written once for both back ends, over a Shelf (see `hotline.storage.shelf`)."""
