"""Every public page passes axe-core's WCAG 2.2 AA rules, on a desktop and on a phone, with the
menu closed and open."""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from .conftest import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PUBLIC_PAGES = [
    "/",
    "/publications/",
    "/publications/commentaries/russia-and-southeast-asia-what-lavrovs-july-visits-mean/",
    "/staff/people/chris-cheang/",
    "/events/maritime-domain-awareness-malacca-strait/",
    "/events/",
    "/search/?q=security",
    "/subscribe/?series=commentaries&author=chris-cheang",
    "/about-rsis/introduction/",
]
WIDTHS = {"desktop": (1280, 900), "phone": (375, 740)}


@pytest.fixture
def axe_browser(browser):
    if not AXE.exists():
        message = f"{AXE} is missing: run `npm ci` in the project root"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return browser


def axe_violations(page):
    """Run axe-core on the page as it is now and describe each violation in a line."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + json.dumps([node["target"] for node in v["nodes"]][:5])
        for v in result["violations"]
    ]


def open_menu(page, phone):
    """Open the main menu (on a phone) and the first panel of the mega-menu."""
    if phone:
        page.get_by_role("button", name="Menu", exact=True).click()
    toggle = page.locator(".menu__toggle").first
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"


@pytest.mark.parametrize("menu", ["closed", "open"])
@pytest.mark.parametrize("width", WIDTHS)
def test_public_pages_have_no_wcag_violations(live_server, demo_content, axe_browser, width, menu):
    # axe-core is injected as an inline script, which the site's policy rightly refuses.
    context, page = open_page(axe_browser, *WIDTHS[width], bypass_csp=True)
    failures = {}
    try:
        for path in PUBLIC_PAGES:
            page.goto(live_server.url + path)
            if menu == "open":
                open_menu(page, phone=width == "phone")
            violations = axe_violations(page)
            if violations:
                failures[path] = violations
    finally:
        context.close()
    assert failures == {}


# Focus visible and never hidden


def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const rgb = value => (value.match(/\\d+(\\.\\d+)?/g) || []).slice(0, 3).map(Number);
  const style = getComputedStyle(el);
  let back = el.parentElement;
  while (back && getComputedStyle(back).backgroundColor.match(/rgba\\(.*, 0\\)|transparent/)) {
    back = back.parentElement;
  }
  const shadow = style.boxShadow.match(/rgb\\([^)]*\\)/);
  return {
    label: el.outerHTML.slice(0, 80),
    outlineStyle: style.outlineStyle,
    outline: rgb(style.outlineColor),
    halo: shadow ? rgb(shadow[0]) : null,
    background: back ? rgb(getComputedStyle(back).backgroundColor) : [255, 255, 255],
  };
}"""

UNCOVERED = """() => {
  const el = document.activeElement;
  // A link that wraps has a box per line: any of them in sight and uncovered will do.
  const visible = Array.from(el.getClientRects()).some(box => {
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return !!hit && (el === hit || el.contains(hit));
  });
  return {label: el.outerHTML.slice(0, 80), visible: visible};
}"""


def tab_stops(page, limit=150):
    """Press Tab through the page, yielding at each stop, until focus comes back to the top."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            return
        yield
    raise AssertionError(f"more than {limit} Tab stops")


@pytest.mark.parametrize("path", ["/", "/publications/"])
def test_focus_ring_contrasts_with_every_background(live_server, demo_content, page, path):
    page.goto(live_server.url + path)
    weak = []
    for _ in tab_stops(page):
        style = page.evaluate(FOCUS_STYLE)
        assert style["outlineStyle"] != "none", style["label"]
        best = max(
            contrast(style["outline"], style["background"]),
            contrast(style["halo"], style["background"]) if style["halo"] else 0,
        )
        if best < 3:
            weak.append((style["label"], round(best, 2)))
    assert weak == []


@pytest.mark.parametrize("path", ["/", "/publications/", "/events/"])
def test_nothing_covers_the_focused_element_on_a_phone(live_server, demo_content, phone_page, path):
    page = phone_page
    page.goto(live_server.url + path)
    expect(page.get_by_role("region", name="Cookie notice")).to_be_visible()
    covered, stops = [], []
    for _ in tab_stops(page):
        state = page.evaluate(UNCOVERED)
        stops.append(state["label"])
        if not state["visible"]:
            covered.append(state["label"])
    assert len(stops) > 20
    assert covered == []


def test_cookie_notice_link_makes_sense_out_of_context(live_server, demo_content, page):
    page.goto(live_server.url + "/")
    notice = page.get_by_role("region", name="Cookie notice")
    link = notice.get_by_role("link", name="Learn more about how we use cookies")
    assert link.get_attribute("href") == "/privacy-statement/"
    assert notice.evaluate("el => getComputedStyle(el).position") == "static"
    # The notice is the last thing on the page, after the footer.
    assert page.evaluate("document.querySelector('.site-footer').nextElementSibling.className") == (
        "cookie-notice"
    )


# The first paint is the final layout


LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


@pytest.mark.parametrize("path", ["/", "/publications/", "/events/"])
def test_phone_page_does_not_shift_while_loading(live_server, demo_content, phone_page, path):
    page = phone_page
    # Hold the deferred script back, as a slow network would, until the page has been drawn.
    held = []
    page.route("**/js/site.js", lambda route: held.append(route))
    page.goto(live_server.url + path, wait_until="commit")
    page.wait_for_function("document.readyState === 'interactive'")
    page.wait_for_timeout(200)
    assert page.evaluate("document.documentElement.className") == "js"
    expect(page.locator("#main-menu")).to_be_hidden()
    for route in held:
        route.continue_()
    page.wait_for_load_state("load")
    expect(page.get_by_role("region", name="Cookie notice")).to_be_visible()
    assert page.evaluate(LAYOUT_SHIFT) < 0.01


def test_inline_head_script_is_allowed_by_the_content_security_policy(
    live_server, demo_content, page
):
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security" in message.text else None
        ),
    )
    page.route("**/js/site.js", lambda route: route.abort())
    response = page.goto(live_server.url + "/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert page.evaluate("document.documentElement.className") == "js"
    assert refused == []


# Filters fold away on a phone


@pytest.mark.parametrize("path", ["/publications/", "/events/"])
def test_results_come_before_the_folded_filters_on_a_phone(
    live_server, demo_content, phone_page, path
):
    page = phone_page
    page.goto(live_server.url + path)
    first_result = page.locator(".pub-list > li").first
    assert first_result.bounding_box()["y"] < 740 - 40
    year = page.get_by_label("Year")
    expect(year).to_be_hidden()

    page.locator(".filter-box > summary").click()
    expect(year).to_be_visible()
    year.select_option(index=1)
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**year=*")
    expect(page.locator(".filter-box > summary")).to_contain_text("(filters applied)")


@pytest.mark.parametrize("path", ["/publications/", "/events/"])
def test_filters_show_labels_beside_their_controls_on_a_desktop(
    live_server, demo_content, page, path
):
    page.goto(live_server.url + path)
    expect(page.locator(".filter-box > summary")).to_be_hidden()
    controls = page.locator(".pub-filters select, .pub-filters input[type=search]")
    assert controls.count() >= 3
    for i in range(controls.count()):
        control = controls.nth(i)
        expect(control).to_be_visible()
        label = page.locator(f"label[for='{control.get_attribute('id')}']")
        label_box, control_box = label.bounding_box(), control.bounding_box()
        assert abs(label_box["x"] - control_box["x"]) < 2
        assert 0 <= control_box["y"] - (label_box["y"] + label_box["height"]) < 10
    assert page.locator(".pub-list > li").first.bounding_box()["y"] < 900
