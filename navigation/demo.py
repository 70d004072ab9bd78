"""The demo navigation tree: every item of the reference site's menu, nested as there.

Each entry is ``(title, options, children)``. Options may set ``slug``, ``kind``, ``section``
(a key, or a callable returning one once the target exists), ``url`` or ``show_in_menu``;
content for pages comes from ``demo_pages.PAGES`` by tree path.
"""

from functools import partial

from django.utils.text import slugify

from publications.sections import series_section_by_slug
from research.sections import centre_section_by_slug
from staff.sections import group_section_by_slug


def centre(slug):
    """Options of a menu item that opens a research centre's page (resolved when loaded)."""
    return {"slug": slug, "kind": "section", "section": partial(centre_section_by_slug, slug)}


def staff_group(slug):
    """Options of a menu item that opens a staff group's page (resolved when loaded)."""
    return {"slug": slug, "kind": "section", "section": partial(group_section_by_slug, slug)}


def section(key, **options):
    """Options of a menu item that opens the site section ``key``."""
    return {"kind": "section", "section": key, **options}


def series(slug):
    """Options of a menu item that opens a publication series (resolved when loaded)."""
    return {"slug": slug, "kind": "section", "section": partial(series_section_by_slug, slug)}


def external(kind):
    """Options of a menu item that opens one kind of external publication."""
    return section(f"publications:external-kind:{kind}", slug=kind)


def media(kind, slug=None):
    """Options of a menu item that opens one kind of media item."""
    return section(f"newsroom:kind:{kind}", slug=slug or kind)


MENU = [
    ("Home", {"kind": "section", "section": "core:home"}, []),
    ("About RSIS", {}, [
        ("Introduction", {}, []),
        ("Building the Foundations", {}, []),
        ("Welcome Message", {}, []),
        ("Board of Governors", {}, []),
        ("Staff Profiles", {"kind": "section", "section": "staff:directory"}, [
            ("Executive Deputy Chairman’s Office", staff_group("executive-deputy-chairmans-office"),
             []),
            ("Dean’s Office", staff_group("deans-office"), []),
            ("Management", staff_group("management"), []),
            ("Distinguished Fellows", staff_group("distinguished-fellows"), []),
            ("Faculty and Research", staff_group("faculty-and-research"), []),
            ("Associate Research Fellows, Senior Analysts and Research Analysts",
             staff_group("research-analysts"), []),
            ("Visiting Fellows", staff_group("visiting-fellows"), []),
            ("Adjunct Fellows", staff_group("adjunct-fellows"), []),
            ("Administrative Staff", staff_group("administrative-staff"), []),
        ]),
        ("Honours and Awards for RSIS Staff and Students", {"slug": "honours-and-awards"}, []),
        ("RSIS Endowment Fund", {}, []),
        ("Endowed Professorships", {}, []),
        ("Career Opportunities", {}, []),
        ("Getting to RSIS", {}, []),
    ]),
    ("Research", {}, [
        ("Research Centres", {}, [
            ("Centre for Multilateralism Studies (CMS)", centre("cms"), []),
            ("Centre for Non-Traditional Security Studies (NTS Centre)", centre("nts-centre"), []),
            ("Centre of Excellence for National Security (CENS)", centre("cens"), []),
            ("Institute of Defence and Strategic Studies (IDSS)", centre("idss"), []),
            ("International Centre for Political Violence and Terrorism Research (ICPVTR)",
             centre("icpvtr"), []),
        ]),
        ("Research Programmes", {}, [
            ("National Security Studies Programme (NSSP)", centre("nssp"), []),
            ("Studies in Inter-Religious Relations in Plural Societies (SRP) Programme",
             centre("srp"), []),
        ]),
        ("Future Issues and Technology Cluster", {}, []),
        ("[email protected] Newsletter", {"slug": "newsletter"}, []),
        ("Other Research", {}, [
            ("Science and Technology Studies Programme (STSP) (2017-2020)", {"slug": "stsp"}, []),
        ]),
    ]),
    ("Graduate Education", {}, [
        ("Graduate Programmes Office", {}, []),
        ("Overview", {}, []),
        ("MSc (Asian Studies)", {"slug": "msc-asian-studies"}, []),
        ("MSc (International Political Economy)",
         {"slug": "msc-international-political-economy"}, []),
        ("MSc (International Relations)", {"slug": "msc-international-relations"}, []),
        ("MSc (Strategic Studies)", {"slug": "msc-strategic-studies"}, []),
        ("NTU-Warwick Double Masters Programme", {}, []),
        ("PhD Programme", {}, []),
        ("Exchange Partners and Programmes", {}, []),
        ("How to Apply", {}, []),
        ("Financial Assistance", {}, []),
        ("Meet the Admissions Team: Information Sessions and other events",
         {"slug": "information-sessions"}, []),
        ("RSIS Alumni", {}, []),
    ]),
    ("Alumni & Networks", {"slug": "alumni-and-networks"}, [
        ("Alumni", {}, []),
        ("Asia-Pacific Programme for Senior Military Officers (APPSMO)", {"slug": "appsmo"}, []),
        ("Asia-Pacific Programme for Senior National Security Officers (APPSNO)",
         {"slug": "appsno"}, []),
        ("International Strategy Forum-Asia (ISF-Asia)", {"slug": "isf-asia"}, []),
        ("SRP Executive Programme", {}, []),
        ("Terrorism Analyst Training Course (TATC)", {"slug": "tatc"}, []),
    ]),
    ("Publications", section("publications:index"), [
        ("RSIS Publications", section("publications:index"), [
            ("Annual Reviews", series("annual-reviews"), []),
            ("Books", series("books"), []),
            ("Bulletins and Newsletters", series("bulletins-and-newsletters"), []),
            ("Commentaries", series("commentaries"), []),
            ("Counter Terrorist Trends and Analyses",
             series("counter-terrorist-trends-and-analyses"), []),
            ("Commemorative / Event Reports", series("event-reports"), []),
            ("IDSS Paper", series("idss-papers"), []),
            ("Interreligious Relations", series("interreligious-relations"), []),
            ("Monographs", series("monographs"), []),
            ("NTS Insight", series("nts-insight"), []),
            ("Policy Reports", series("policy-reports"), []),
            ("Working Papers", series("working-papers"), []),
            ("RSIS Publications for the Year", section("publications:years", slug="for-the-year"),
             []),
        ]),
        ("Glossary of Abbreviations", {}, []),
        ("External Publications", section("publications:external"), [
            ("Authored Books", external("authored-books"), []),
            ("Journal Articles", external("journal-articles"), []),
            ("Edited Books", external("edited-books"), []),
            ("Chapters in Edited Books", external("chapters-in-edited-books"), []),
            ("Policy Reports", external("policy-reports"), []),
            ("Working Papers", external("working-papers"), []),
            ("Op-Eds", external("op-eds"), []),
            ("External Publications for the Year",
             section("publications:external-years", slug="for-the-year"), []),
        ]),
        ("Policy-relevant Articles Given RSIS Award", {"slug": "rsis-award-articles"}, []),
    ]),
    ("Media", section("newsroom:index"), [
        ("Great Powers", {}, []),
        ("Sustainable Security", {}, []),
        ("Other Resource Pages", {}, []),
        ("Media Highlights", media("highlights"), []),
        ("News Releases", media("news-releases"), []),
        ("Speeches", media("speeches"), []),
        ("Vidcast Channel", media("videos", slug="vidcast-channel"), []),
        ("Audio/Video Forums", media("audio", slug="audio-video-forums"), []),
    ]),
    ("Events", section("events:index"), []),
    ("Giving", {}, []),
    ("Contact Us", {}, []),
    ("Terms of Use", {"show_in_menu": False}, []),
    ("Privacy Statement", {"show_in_menu": False}, []),
]  # fmt: skip


def walk(entries=MENU, parent_path=""):
    """Yield ``(path, parent_path, title, options)`` for every entry, parents before children."""
    for title, options, children in entries:
        slug = options.get("slug") or slugify(title)
        path = f"{parent_path}/{slug}" if parent_path else slug
        yield path, parent_path, title, options
        yield from walk(children, path)
