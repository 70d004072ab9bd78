"""The base of every admin page for publishable content (publications, events, media items)."""
