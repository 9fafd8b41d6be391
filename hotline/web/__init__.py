"""The hotline on the web: the app, its keys, the APIs and the pages for people."""
