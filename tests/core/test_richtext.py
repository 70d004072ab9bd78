"""The rich-text sanitiser against hostile input, directly and through the admin."""

from html.parser import HTMLParser

import pytest
from django.conf import settings

from core.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize_html
from navigation.models import MenuItem
from publications.models import Publication
from tests.factories import SeriesFactory
from tests.publications.test_admin import publication_form

MEDIA = settings.MEDIA_URL

HOSTILE = {
    "script": "<p>Hello</p><script>alert(1)</script>",
    "script-upper-remote": '<SCRIPT SRC="https://evil.example/x.js"></SCRIPT><p>Hi</p>',
    "script-in-paragraph": "<p>a<script>document.cookie</script>b</p>",
    "img-onerror": '<img src="x" onerror="alert(1)">',
    "img-onerror-no-quotes": "<img src=x onerror=alert(1)//>",
    "a-onclick": '<a href="https://example.org" onclick="alert(1)">x</a>',
    "p-onmouseover": '<p onmouseover="alert(1)">x</p>',
    "body-onload": '<body onload="alert(1)"><p>x</p></body>',
    "details-ontoggle": '<details open ontoggle="alert(1)"><summary>x</summary></details>',
    "input-autofocus": '<input autofocus onfocus="alert(1)">',
    "video-source-onerror": '<video><source onerror="alert(1)"></video>',
    "href-javascript": '<a href="javascript:alert(1)">x</a>',
    "href-javascript-mixed-case": '<a href="JaVaScRiPt:alert(1)">x</a>',
    "href-javascript-decimal-entities": (
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'
    ),
    "href-javascript-padded-entities": '<a href="&#0000106avascript:alert(1)">x</a>',
    "href-javascript-hex-entities": '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>',
    "href-javascript-colon-entity": '<a href="javascript&colon;alert(1)">x</a>',
    "href-javascript-leading-space": '<a href="  javascript:alert(1)">x</a>',
    "href-javascript-tab": '<a href="java\tscript:alert(1)">x</a>',
    "href-javascript-newline-entity": '<a href="java&#10;script:alert(1)">x</a>',
    "href-javascript-nul": '<a href="java\x00script:alert(1)">x</a>',
    "href-vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "href-data-html": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "src-javascript": '<img src="javascript:alert(1)" alt="a">',
    "src-javascript-mixed-case-entities": '<img src="JaVa&#x53;cript:alert(1)" alt="a">',
    "src-javascript-whitespace": '<img src=" javascript:alert(1)" alt="a">',
    "src-data": '<img src="data:image/png;base64,iVBORw0KGgo=" alt="a">',
    "src-data-svg": '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="a">',
    "src-protocol-relative": '<img src="//evil.example/track.png" alt="a">',
    "src-plain-http": '<img src="http://evil.example/track.png" alt="a">',
    "src-outside-media": '<img src="/admin/logout/" alt="a">',
    "src-climbs-out-of-media": f'<img src="{MEDIA}../admin/logout/" alt="a">',
    "srcset": '<img src="https://example.org/a.jpg" srcset="javascript:alert(1) 2x" alt="a">',
    "svg-script": "<svg><script>alert(1)</script></svg><p>x</p>",
    "svg-onload": '<svg onload="alert(1)"><circle r="4"/></svg>',
    "svg-xlink": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "svg-animate": '<svg><animate onbegin="alert(1)" attributeName="x"/></svg>',
    "style-element": "<style>body { background: url(javascript:alert(1)) }</style><p>x</p>",
    "style-attribute": '<p style="color:red">x</p>',
    "css-expression": '<p style="width: expression(alert(1))">x</p>',
    "css-url-javascript": '<p style="background:url(javascript:alert(1))">x</p>',
    "css-import": "<style>@import 'https://evil.example/x.css';</style>",
    "link-stylesheet": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "iframe-youtube": '<iframe src="https://www.youtube.com/embed/abc"></iframe>',
    "iframe-any-host": '<iframe src="https://evil.example/"></iframe>',
    "iframe-srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "object": '<object data="https://evil.example/x.swf"></object>',
    "embed": '<embed src="https://evil.example/x.swf">',
    "form": '<form action="https://evil.example/"><button formaction="javascript:alert(1)">x',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "base-href": '<base href="https://evil.example/">',
    "nested-script": "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "double-angle": "<<script>script>alert(1)<</script>/script>",
    "malformed-attribute": '<img """><script>alert(1)</script>">',
    "unclosed-tags": "<p><strong><em>bold<a href='javascript:alert(1)'>x",
    "misnested": "<p><b><i>x</p></i></b><p>y",
    "unclosed-comment": "<p>a</p><!-- <script>alert(1)</script>",
    "conditional-comment": "<!--[if IE]><script>alert(1)</script><![endif]--><p>a</p>",
    "comment-breakout": "<!-- --!><script>alert(1)</script> -->",
    "math-mutation": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "noscript-mutation": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "template": "<template><script>alert(1)</script></template>",
    "textarea-breakout": "<textarea></textarea><script>alert(1)</script>",
    "target-blank": '<a href="https://example.org" target="_blank">x</a>',
    "id-and-class": '<p id="login" class="admin-only">x</p>',
}

#: What the editor produces, kept exactly as it is (apart from the editor's own classes).
SAFE = [
    (
        "<h2>Heading</h2><p><strong>Bold</strong>, <em>italic</em> and <u>under</u>.</p>",
        "<h2>Heading</h2><p><strong>Bold</strong>, <em>italic</em> and <u>under</u>.</p>",
    ),
    (
        '<ol start="3"><li><p>One</p></li></ol><ul><li><p>Two</p></li></ul>',
        '<ol start="3"><li><p>One</p></li></ol><ul><li><p>Two</p></li></ul>',
    ),
    (
        "<blockquote><p>Quoted</p></blockquote><hr>",
        "<blockquote><p>Quoted</p></blockquote><hr>",
    ),
    (
        '<table><tbody><tr><th colspan="2">Year</th></tr><tr><td>2024</td><td>5</td></tr>'
        "</tbody></table>",
        '<table><tbody><tr><th colspan="2">Year</th></tr><tr><td>2024</td><td>5</td></tr>'
        "</tbody></table>",
    ),
    (
        f'<p><a href="{MEDIA}library/documents/2025/01/report.pdf">the report</a>, '
        '<a href="mailto:info@example.org">mail</a>, <a href="/events/">events</a></p>',
        f'<p><a href="{MEDIA}library/documents/2025/01/report.pdf" rel="noopener noreferrer">'
        'the report</a>, <a href="mailto:info@example.org" rel="noopener noreferrer">mail</a>, '
        '<a href="/events/" rel="noopener noreferrer">events</a></p>',
    ),
    (
        f'<figure class="figure"><img src="{MEDIA}CACHE/images/library/a/1.jpg" alt="Cranes" '
        'data-file="7"><figcaption class="figure-caption">Reuters</figcaption></figure>',
        f'<figure><img src="{MEDIA}CACHE/images/library/a/1.jpg" alt="Cranes" data-file="7">'
        "<figcaption>Reuters</figcaption></figure>",
    ),
    (
        f'<p><img src="{MEDIA}library/a.png" alt="" width="600" height="400"></p>',
        f'<p><img src="{MEDIA}library/a.png" alt="" width="600" height="400"></p>',
    ),
]


class Inspector(HTMLParser):
    """Everything a browser could act on in a fragment: elements, attributes and comments."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.comments = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.comments.append(data)


def assert_inert(html):
    """Nothing in ``html`` can run code, load a script or style, or leave the allow-list."""
    inspected = Inspector(html)
    assert inspected.comments == []
    for tag, attrs in inspected.elements:
        assert tag in ALLOWED_TAGS, tag
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
        for name, value in attrs:
            assert name in allowed, (tag, name)
            assert not name.startswith("on")
            if name == "href":
                address = "".join(value.split()).lower()
                assert address.startswith(("https://", "http://", "mailto:", "/", "#")), value
            if name == "src":
                assert value.startswith(MEDIA) and ".." not in value, value
    lowered = html.lower()
    for danger in ("<script", "javascript:", "vbscript:", "data:", "expression(", "<style"):
        assert danger not in lowered, danger


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_leaves_nothing_executable(hostile):
    cleaned = sanitize_html(hostile)

    assert_inert(cleaned)
    assert sanitize_html(cleaned) == cleaned  # a second pass changes nothing


@pytest.mark.parametrize(
    ("hostile", "expected"),
    [
        (HOSTILE["script"], "<p>Hello</p>"),
        (HOSTILE["img-onerror"], "<img>"),
        (HOSTILE["href-javascript-mixed-case"], '<a rel="noopener noreferrer">x</a>'),
        (HOSTILE["href-javascript-hex-entities"], '<a rel="noopener noreferrer">x</a>'),
        (HOSTILE["src-data"], '<img alt="a">'),
        (HOSTILE["src-javascript-whitespace"], '<img alt="a">'),
        (HOSTILE["svg-script"], "<p>x</p>"),
        (HOSTILE["style-element"], "<p>x</p>"),
        (HOSTILE["css-expression"], "<p>x</p>"),
        (HOSTILE["iframe-youtube"], ""),
        (HOSTILE["object"] + HOSTILE["embed"], ""),
        (HOSTILE["misnested"], "<p>x</p><p>y</p>"),
        (HOSTILE["unclosed-comment"], "<p>a</p>"),
        (HOSTILE["target-blank"], '<a href="https://example.org" rel="noopener noreferrer">x</a>'),
        (HOSTILE["id-and-class"], "<p>x</p>"),
    ],
    ids=lambda value: value[:30] if isinstance(value, str) else None,
)
def test_hostile_input_is_reduced_to_exactly_the_safe_part(hostile, expected):
    assert sanitize_html(hostile) == expected


@pytest.mark.parametrize(("html", "expected"), SAFE)
def test_what_the_editor_produces_is_kept(html, expected):
    cleaned = sanitize_html(html)

    assert cleaned == expected
    assert_inert(cleaned)


def test_pictures_from_other_sites_are_dropped():
    cleaned = sanitize_html('<p><img src="https://tracker.example/pixel.gif" alt="x">Hi</p>')

    assert cleaned == '<p><img alt="x">Hi</p>'


@pytest.mark.parametrize(
    "attribute", ['width="100%"', 'height="-1"', 'data-file="7; drop"', 'width="1e9"']
)
def test_picture_sizes_and_library_numbers_must_be_plain_numbers(attribute):
    cleaned = sanitize_html(f'<img src="{MEDIA}a.jpg" alt="a" {attribute}>')

    assert cleaned == f'<img src="{MEDIA}a.jpg" alt="a">'


@pytest.mark.parametrize("empty", [None, "", "<p></p>", "<p><br></p>", "<script>x</script>"])
def test_empty_bodies_are_stored_empty(empty):
    assert sanitize_html(empty) == ""


HOSTILE_BODY = (
    '<p onclick="alert(1)">Ports <a href="JaVaScRiPt:alert(1)">matter</a>.</p>'
    '<script>alert(2)</script><iframe src="https://www.youtube.com/embed/x"></iframe>'
    '<img src="data:image/png;base64,AAAA" onerror="alert(3)" alt="chart">'
    '<p style="width: expression(alert(4))">End</p><!-- <script>alert(5)</script>'
)
SANITISED_BODY = '<p>Ports <a rel="noopener noreferrer">matter</a>.</p><img alt="chart"><p>End</p>'


def test_publication_body_saved_through_the_admin_is_stored_sanitised(staff_client):
    series = SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")

    response = staff_client.post(
        "/admin/publications/publication/add/", publication_form(series, body=HOSTILE_BODY)
    )

    assert response.status_code == 302
    body = Publication.objects.get(slug="ports-and-power").body
    assert body == SANITISED_BODY
    assert_inert(body)


def test_menu_page_body_saved_through_the_admin_is_stored_sanitised(staff_client, site_facts):
    response = staff_client.post(
        "/admin/navigation/menuitem/add/",
        {"title": "Visit us", "slug": "visit-us", "kind": "page", "published": "on",
         "_position": "last-child", "body": HOSTILE_BODY},
    )  # fmt: skip

    assert response.status_code == 302
    body = MenuItem.objects.get(slug="visit-us").body
    assert body == SANITISED_BODY
    assert_inert(body)


def test_public_page_shows_the_sanitised_body_only(staff_client, visitor, site_facts):
    staff_client.post(
        "/admin/navigation/menuitem/add/",
        {"title": "Visit us", "slug": "visit-us", "kind": "page", "published": "on",
         "_position": "last-child", "body": HOSTILE_BODY},
    )  # fmt: skip

    page = visitor.get("/visit-us/").content.decode()

    assert SANITISED_BODY in page
    assert "alert(" not in page
