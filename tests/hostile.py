"""Hostile texts, and what a feed reader would show of them."""

from html.parser import HTMLParser

import feedparser

#: Markup that runs script if a reader renders it as HTML.
HOSTILE = ('"><img src=x onerror=alert(1)>', "<script>alert(1)</script>")


class _Rendering(HTMLParser):
    """The elements and the visible text of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def render(html):
    """(elements, text) of ``html`` as a browser would build them."""
    rendering = _Rendering()
    rendering.feed(html)
    rendering.close()
    return rendering.elements, "".join(rendering.text)


def shown(value, detail, *, rss):
    """The text a reader shows of a parsed feed text, after checking that it runs nothing.

    Atom says whether a text is HTML; RSS does not, and many readers render every RSS text,
    titles included, as HTML, so every RSS text is rendered here.
    """
    if not rss and detail.type == "text/plain":
        return value
    elements, text = render(value)
    for tag, attrs in elements:
        assert tag != "script", value
        assert not [name for name in attrs if name.lower().startswith("on")], value
    return text


def parse_unsanitised(content):
    """The feed as a reader that trusts it sees it: feedparser, without its own clean-up."""
    parsed = feedparser.parse(content, sanitize_html=False, resolve_relative_uris=False)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def feed_shown(content):
    """(parsed feed, item titles, item summaries) as a reader shows them, after checking that
    none of them, nor the feed's own title and description, runs anything."""
    parsed = parse_unsanitised(content)
    rss = parsed.version.startswith("rss")
    for key in ("title", "subtitle"):
        if key in parsed.feed:
            shown(parsed.feed[key], parsed.feed[f"{key}_detail"], rss=rss)
    titles = [shown(e.title, e.title_detail, rss=rss) for e in parsed.entries]
    summaries = [shown(e.summary, e.summary_detail, rss=rss) for e in parsed.entries]
    return parsed, titles, summaries


def assert_feed_shows_as_typed(content, texts):
    """The feed runs nothing in a reader, and each of ``texts`` shows as typed in an item's
    title and in an item's summary."""
    parsed, titles, summaries = feed_shown(content)
    for text in texts:
        assert any(text in title for title in titles), (text, titles)
        assert any(text in summary for summary in summaries), (text, summaries)
    return parsed


#: Every control character, line breaks included, around words.
CONTROL = "One\r\nTwo\rThree\nFour\tFive\x00Six\x07Seven\x1bEight\x7fNine\x0bTen\x85Eleven\u2028End"
#: The same, as a database stores it: PostgreSQL refuses NUL in text, so another stands in.
STORABLE_CONTROL = CONTROL.replace("\x00", "\x01")
CONTROL_CHARACTERS = {chr(n) for n in [*range(32), *range(127, 160)]} | {"\u2028", "\u2029"}


def assert_lines_clean(text, *, line_end="\r\n"):
    """Each line of ``text`` ends with ``line_end`` and holds no other control character
    (tabs aside, which the formats allow)."""
    assert text.endswith(line_end), repr(text[-20:])
    for line in text[: -len(line_end)].split(line_end):
        assert not (set(line) & CONTROL_CHARACTERS) - {"\t"}, repr(line)
