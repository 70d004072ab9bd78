"""Site sections a menu item can link to, by URL name.

Each app that adds a public section registers it here so editors can pick it from a list
instead of typing addresses that may change.
"""

SECTIONS = {
    "core:home": "Home page",
    "search:results": "Search",
}


def section_choices():
    return sorted(SECTIONS.items(), key=lambda item: item[1])
