"""Demo events: a dozen invented seminars, lectures, courses and conferences, dated around today.

All titles and text are written for this project. Dates are counted from the day the demo is
loaded (and moved off weekends), so there is always something upcoming and something past.
``events_load_demo()`` creates the events that do not exist yet (by slug) and never changes
existing ones.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from publications.models import Publication
from research.models import Centre
from staff.models import Person

from .dates import site_zone
from .models import Event, EventSpeaker
from .services import event_release

CAMPUS = "Seminar Room 1, Block S4, Level B3, Nanyang Technological University"
HALL = "Lecture Theatre, Nanyang Executive Centre, 60 Nanyang View, Singapore"
DEMO_LINKS = "https://events.example.org/rsis"  # invented addresses: demo content only
EVENT_REPORTS = "event-reports"

# Speakers: a staff slug, a (staff slug, role) pair, or a dict for a guest.
EVENTS = [
    {
        "slug": "maritime-domain-awareness-malacca-strait",
        "title": "Maritime Domain Awareness in the Malacca Strait: Lessons From Ten Years "
                 "of Patrols",
        "kind": "workshop", "centre": "idss", "days": -70, "at": (9, 0), "hours": 7,
        "venue": CAMPUS,
        "summary": "Navies, coast guards and researchers compare notes on sharing information "
                   "at sea along one of the world's busiest waterways.",
        "description": "<p>The littoral states of the Strait have run coordinated patrols for "
                       "more than a decade. This closed-door workshop asked what has worked, "
                       "where information still fails to flow, and how new sensors change the "
                       "picture.</p><p>Sessions covered data-sharing agreements, the role of "
                       "commercial satellite imagery, and training for junior officers.</p>",
        "speakers": [
            ("kenji-watanabe", "Convenor"),
            {"name": "Commander Aisha Rahim (Retd)",
             "affiliation": "Centre for Maritime Studies, Kuala Lumpur"},
            {"name": "Dr Tomas Lindqvist",
             "affiliation": "Baltic Sea Security Forum"}],
        "report": True,
    },
    {
        "slug": "small-states-fragmenting-trade-order",
        "title": "Annual Multilateralism Lecture: Small States in a Fragmenting Trade Order",
        "kind": "lecture", "centre": "cms", "days": -42, "at": (17, 30), "hours": 1.5,
        "venue": HALL,
        "summary": "How open economies can keep their options when the rules of world trade "
                   "are being rewritten by larger powers.",
        "description": "<p>Tariff wars, export controls and competing regional agreements have "
                       "made trade policy a security question. The lecture looked at the "
                       "choices small, trade-dependent states face and the coalitions they can "
                       "build to keep the system open.</p>",
        "speakers": [
            {"name": "Professor Helena Moreau",
             "affiliation": "Graduate Institute of Trade Policy", "role": "Lecturer"},
            ("farah-aziz", "Chair")],
    },
    {
        "slug": "food-security-climate-shocks-roundtable",
        "title": "Roundtable: Food Security and Climate Shocks in Southeast Asia",
        "kind": "roundtable", "centre": "nts-centre", "days": -28, "at": (14, 0), "hours": 3,
        "venue": CAMPUS,
        "summary": "Researchers and officials discuss how droughts, floods and export bans ripple "
                   "through the region's rice and grain markets.",
        "description": "<p>Participants traced recent price spikes back to weather events and "
                       "trade restrictions, and weighed regional stockpiles against market "
                       "measures. The discussion was held under the Chatham House rule.</p>",
        "speakers": [
            ("arjun-menon", "Moderator"),
            {"name": "Ms Dewi Lestari",
             "affiliation": "Regional Food Policy Network"}],
    },
    {
        "slug": "countering-online-radicalisation-platforms",
        "title": "Countering Online Radicalisation: Platform Governance After the Pandemic",
        "kind": "seminar", "centre": "icpvtr", "days": -14, "at": (10, 0), "hours": 2,
        "venue": CAMPUS, "online": f"{DEMO_LINKS}/online-radicalisation/recording",
        "summary": "What changed in extremist use of social media since 2020, and what platforms "
                   "and governments have learnt about moderation at scale.",
        "description": "<p>Extremist groups moved to smaller, encrypted and gaming platforms "
                       "during the pandemic. The seminar reviewed the evidence and compared "
                       "regulatory approaches in the region.</p>",
        "speakers": [
            "marcus-ong", {"name": "Dr Priya Natarajan",
             "affiliation": "Centre for Digital Society Studies"}],
    },
    {
        "slug": "interfaith-youth-dialogue",
        "title": "Interfaith Youth Dialogue: Building Trust Across Communities",
        "kind": "workshop", "centre": "srp", "days": -5, "at": (9, 30), "hours": 6,
        "venue": CAMPUS,
        "summary": "Young leaders from faith and community groups practise dialogue skills and "
                   "plan joint projects.",
        "description": "<p>A day of facilitated conversations, case studies from neighbourhood "
                       "initiatives and small-group planning. Participants left with a shared "
                       "action plan for the coming year.</p>",
        "speakers": [
            "siti-rahmah-hassan", ("nur-syafiqah-ismail", "Facilitator")],
    },
    {
        "slug": "cyber-resilience-critical-infrastructure-course",
        "title": "Cyber Resilience for Critical Infrastructure Operators",
        "kind": "course", "centre": "cens", "days": 6, "at": (9, 0), "hours": 56,
        "venue": CAMPUS,
        "summary": "A three-day course on preparing for, withstanding and recovering from "
                   "cyber incidents in energy, water and transport.",
        "description": "<p>Through short lectures and a tabletop exercise, participants work "
                       "through an incident from first alert to public communication. The "
                       "course is aimed at managers in operators and regulators.</p>"
                       "<ul><li>Day 1: threats and dependencies</li><li>Day 2: the exercise"
                       "</li><li>Day 3: recovery, reporting and lessons learnt</li></ul>",
        "speakers": [
            "lim-hui-ling", {"name": "Mr Daniel Ortega Ruiz",
             "affiliation": "Infrastructure Security Alliance"}],
        "register": True,
    },
    {
        "slug": "russia-asia-pivot-revisited-webinar",
        "title": "Webinar: Russia's Turn to Asia, Revisited",
        "kind": "webinar", "centre": "idss", "days": 13, "at": (16, 0), "hours": 1.5,
        "venue": "", "online": f"{DEMO_LINKS}/russia-asia-webinar",
        "summary": "An online discussion of how far Moscow's ties with Asian partners have "
                   "deepened, and what that means for Southeast Asia.",
        "description": "<p>A decade after Russia announced its pivot east, this webinar asks "
                       "which parts were substance and which were signalling. Questions from "
                       "the audience are welcome through the chat.</p>",
        "speakers": [
            "chris-cheang", {"name": "Dr Irina Sokolova",
             "affiliation": "Independent analyst"}],
        "register": True,
    },
    {
        "slug": "energy-transition-regional-power-grids",
        "title": "Energy Transition and a Regional Power Grid: Ambition and Reality",
        "kind": "seminar", "centre": "nts-centre", "days": 20, "at": (15, 0), "hours": 2,
        "venue": CAMPUS, "status": "cancelled",
        "summary": "Can cross-border electricity trade speed up the move away from coal?",
        "description": "<p>The seminar was to look at interconnector projects and the "
                       "agreements they need. It has been cancelled because the speaker cannot "
                       "travel; we hope to arrange it again.</p>",
        "speakers": [
            {"name": "Dr Lena Vogt",
             "affiliation": "Institute for Energy Systems"}],
    },
    {
        "slug": "multilateralism-in-an-age-of-rivalry",
        "title": "Conference: Multilateralism in an Age of Rivalry",
        "kind": "conference", "centre": "cms", "days": 34, "at": (9, 0), "hours": 32,
        "venue": HALL, "status": "postponed",
        "summary": "Two days on whether regional institutions can still broker cooperation when "
                   "the great powers compete.",
        "description": "<p>Panels on trade, health, the maritime commons and technology "
                       "standards. The conference has been postponed; new dates will follow.</p>",
        "speakers": [
            "farah-aziz", "daniel-koh"],
    },
    {
        "slug": "public-lecture-craft-of-diplomacy",
        "title": "Distinguished Public Lecture: The Craft of Diplomacy for Small States",
        "kind": "lecture", "centre": None, "days": 48, "at": (18, 0), "hours": 1.5,
        "venue": HALL, "online": f"{DEMO_LINKS}/diplomacy-lecture/live",
        "summary": "A former ambassador reflects on what a small state can achieve at the "
                   "negotiating table, and how.",
        "description": "<p>Drawing on decades of postings and negotiations, the lecture "
                       "discusses preparation, coalition-building and patience. It will also "
                       "be streamed live.</p>",
        "speakers": [
            ("rosalind-tan", "Lecturer"), ("daniel-koh", "Chair")],
        "register": True,
    },
    {
        "slug": "executive-course-national-security-strategy",
        "title": "Executive Course on National Security Strategy",
        "kind": "course", "centre": "nssp", "days": 75, "at": (9, 0), "hours": 104,
        "venue": CAMPUS,
        "summary": "Five days for senior officials on writing, testing and carrying out a "
                   "national security strategy.",
        "description": "<p>Seminars, simulations and site visits introduce strategy-making "
                       "across defence, the economy and society. Places are limited and "
                       "nominations go through sponsoring agencies.</p>",
        "speakers": [
            ("helen-carver", "Course director"), "lim-hui-ling"],
        "register": True,
    },
    {
        "slug": "japan-southeast-asia-maritime-commons",
        "title": "Roundtable: Japan and Southeast Asia in the Maritime Commons",
        "kind": "roundtable", "centre": "idss", "days": 100, "at": (14, 30), "hours": 2.5,
        "venue": CAMPUS,
        "summary": "How Japan's capacity-building for coast guards in the region has evolved, "
                   "and where it goes next.",
        "description": "<p>Practitioners and scholars discuss patrol vessels, training "
                       "programmes and the legal questions of shared waters.</p>",
        "speakers": [
            "kenji-watanabe", {"name": "Ms Hana Sato",
             "affiliation": "Ocean Policy Research Group"}],
    },
]  # fmt: skip


@transaction.atomic
def events_load_demo():
    """Create the demo events that do not exist yet; return how many were created."""
    people = {person.slug: person for person in Person.objects.all()}
    centres = {centre.slug: centre for centre in Centre.objects.all()}
    report = (
        Publication.objects.public()
        .filter(series__slug=EVENT_REPORTS)
        .order_by("-publication_date", "-id")
        .first()
    )
    today = timezone.localdate(timezone=site_zone())
    created = 0
    for spec in EVENTS:
        if Event.objects.filter(slug=spec["slug"]).exists():
            continue
        _create(spec, today, people, centres, report)
        created += 1
    return created


def _create(spec, today, people, centres, report):
    day = today + datetime.timedelta(days=spec["days"])
    if day.weekday() >= 5:  # Saturday or Sunday: the Monday after
        day += datetime.timedelta(days=7 - day.weekday())
    start = datetime.datetime.combine(day, datetime.time(*spec["at"]), tzinfo=site_zone())
    end = start + datetime.timedelta(hours=spec["hours"])
    event = Event(
        title=spec["title"],
        slug=spec["slug"],
        kind=spec["kind"],
        start=start,
        end=end,
        venue=spec["venue"],
        online_url=spec.get("online", ""),
        centre=centres.get(spec["centre"]),
        summary=spec["summary"],
        description=spec["description"],
        status=spec.get("status", Event.Status.PUBLISHED),
    )
    if spec.get("register"):
        event.registration_url = f"{DEMO_LINKS}/register/{spec['slug']}"
        event.registration_deadline = start - datetime.timedelta(days=2)
    event.full_clean()
    event_release(event=event)
    for order, speaker in enumerate(_speakers(spec["speakers"], people)):
        speaker.event, speaker.order = event, order
        speaker.full_clean()
        speaker.save()
    if spec.get("report") and report is not None:
        event.related_publications.add(report)


def _speakers(specs, people):
    """EventSpeaker rows for ``specs``, skipping staff who are not in the database."""
    speakers = []
    for spec in specs:
        if isinstance(spec, dict):
            speakers.append(EventSpeaker(**spec))
            continue
        slug, role = (spec, "") if isinstance(spec, str) else spec
        if slug in people:
            speakers.append(EventSpeaker(person=people[slug], role=role))
    return speakers
