"""Rich text as an editor reads it, for comparing two versions word by word.

``plain_text(html)`` keeps the words and the shape of the text (a paragraph, heading or list
item per line, table cells separated by "|") and says in words what has no words of its own:
"[link: address]" after a link's words, "[image: its alt text]". No HTML tag is left.
"""

import re
from html.parser import HTMLParser

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption",
          "table", "caption", "ul", "ol", "tr", "hr"}  # fmt: skip
_SPACES = re.compile(r"[ \t\r\n\f]+")


class _PlainText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self._links = []
        self._pre = 0

    def _line(self):
        if self.out and not self.out[-1].endswith("\n"):
            self.out.append("\n")

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in BLOCKS:
            self._line()
            if tag == "hr":
                self.out.append("———\n")
        elif tag == "li":
            self._line()
            self.out.append("• ")
        elif tag == "br":
            self.out.append("\n")
        elif tag in ("td", "th") and self.out and not self.out[-1].endswith("\n"):
            self.out.append(" | ")
        elif tag == "a":
            self._links.append(attributes.get("href") or "")
        elif tag == "img":
            alt = " ".join((attributes.get("alt") or "").split())
            self.out.append(f"[image: {alt}]" if alt else "[image without alt text]")
        if tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "a" and self._links:
            href = self._links.pop()
            if href:
                self.out.append(f" [link: {href}]")
        elif tag == "pre" and self._pre:
            self._pre -= 1
        if tag in BLOCKS or tag == "li":
            self._line()

    def handle_data(self, data):
        if not self._pre:
            data = _SPACES.sub(" ", data)
            if not self.out or self.out[-1].endswith(("\n", " ")):
                data = data.lstrip(" ")
        self.out.append(data)


def plain_text(html):
    """The words of ``html`` (rich text), one block per line, without tags."""
    parser = _PlainText()
    parser.feed(html or "")
    parser.close()
    lines = [line.rstrip() for line in "".join(parser.out).split("\n")]
    return "\n".join(line for line in lines if line.strip())
