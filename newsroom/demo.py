"""Demo media items: the seed's article as a media highlight, plus a few invented items.

The seed article's headline is kept as its original title; every summary and text here is
written for this project. Invented coverage names invented outlets and links to example.org, so
nothing is attributed to a real publication.
"""

import datetime

from django.db import transaction

from staff.models import Person

from .models import MediaItem

K = MediaItem.Kind

ITEMS = [
    {
        "kind": K.HIGHLIGHT,
        "title": "Russia courts Southeast Asia as a third force beside the US and China",
        "slug": "russia-third-force-southeast-asia",
        "date": datetime.date(2021, 7, 12),
        "outlet": "",  # not known: left empty, as an editor would
        "original_title": (
            "Stepping Up Activities in China’s Backyard Russia Wants to Become Third Force in "
            "Southeast Asia After U.S. and China"
        ),
        "summary": (
            "A report on Moscow’s renewed attention to ASEAN, built around Sergei Lavrov’s trip "
            "to Jakarta and Vientiane in early July 2021. The writer sees Russia presenting "
            "itself as a partner that takes no side in the contest between Washington and "
            "Beijing, and points to arms deals, officer training and warm ties with Myanmar’s "
            "junta as its main levers. Russian specialists quoted in the piece warn against "
            "overrating this: the region’s rules, they say, will still be written by the two "
            "largest powers."
        ),
        "people": [],
    },
    {
        "kind": K.HIGHLIGHT,
        "title": "What Moscow wants from ASEAN after Ukraine",
        "slug": "moscow-asean-after-ukraine",
        "date": datetime.date(2023, 8, 14),
        "outlet": "Eurasia Monitor",
        "original_title": "Kremlin Looks East, but Southeast Asia Keeps Its Distance",
        "url": "https://example.org/eurasia-monitor/kremlin-looks-east",
        "summary": (
            "A feature on how Southeast Asian capitals have handled Russia since the invasion "
            "of Ukraine. Chris Cheang explains why most governments keep trading and talking "
            "with Moscow while avoiding anything that looks like an endorsement, and why arms "
            "purchases have become harder to sustain."
        ),
        "people": ["chris-cheang"],
    },
    {
        "kind": K.HIGHLIGHT,
        "title": "Small states and the ransomware wave",
        "slug": "small-states-ransomware",
        "date": datetime.date(2024, 10, 3),
        "outlet": "Asia Policy Review",
        "original_title": "Ransomware Gangs Find Easy Prey in the Region’s Hospitals",
        "url": "https://example.org/asia-policy-review/ransomware-hospitals",
        "summary": (
            "An investigation into attacks on hospitals and clinics across the region. Lim Hui "
            "Ling argues that regulation alone will not close the gap: smaller health providers "
            "need shared security teams and drills, and governments should treat their "
            "recovery plans as part of national resilience."
        ),
        "people": ["lim-hui-ling"],
    },
    {
        "kind": K.NEWS_RELEASE,
        "title": "RSIS starts a research programme on climate and food security",
        "slug": "climate-food-security-programme",
        "date": datetime.date(2025, 1, 15),
        "summary": (
            "A new three-year programme will study how heat, floods and drought affect food "
            "supply and stability in Southeast Asia."
        ),
        "body": (
            "<p>The S. Rajaratnam School of International Studies today announced a three-year "
            "research programme on climate change and food security in Southeast Asia.</p>"
            "<p>The programme will map how extreme weather moves through farms, ports and "
            "markets, and what that means for prices and public order. It will bring together "
            "researchers, officials and industry in annual workshops, and publish its findings "
            "as policy reports and commentaries.</p>"
            "<p>Media enquiries: RSISPublications@ntu.edu.sg</p>"
        ),
        "people": ["arjun-menon"],
    },
    {
        "kind": K.SPEECH,
        "title": "Opening remarks at the Asia-Pacific Security Roundtable",
        "slug": "asia-pacific-security-roundtable-opening",
        "date": datetime.date(2025, 5, 20),
        "summary": (
            "The school’s Executive Deputy Chairman on why dialogue between rivals matters "
            "most when it is hardest to arrange."
        ),
        "body": (
            "<p>Excellencies, colleagues and friends, welcome to this year’s roundtable.</p>"
            "<p>We meet at a time when the habits of cooperation that served our region for "
            "decades can no longer be taken for granted. Trade is being used as leverage, old "
            "disputes at sea have sharpened, and new technologies are changing what it means to "
            "be secure.</p>"
            "<p>Forums like this one exist for exactly such moments. Over the next two days I "
            "ask you to speak plainly, to listen to those you disagree with, and to leave with "
            "at least one idea you did not bring.</p>"
            "<p>Thank you.</p>"
        ),
        "people": ["rosalind-tan"],
    },
    {
        "kind": K.VIDEO,
        "title": "Vidcast: Russia, ASEAN and the war in Ukraine",
        "slug": "vidcast-russia-asean-ukraine",
        "date": datetime.date(2024, 11, 5),
        "summary": (
            "A conversation on how the war has changed Russia’s standing in "
            "Southeast Asia and what the region’s governments expect next."
        ),
        "embed_url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "outlet": "YouTube",
        "people": ["chris-cheang", "kenji-watanabe"],
    },
    {
        "kind": K.AUDIO,
        "title": "Podcast: Rice, heat and the next food crisis",
        "slug": "podcast-rice-heat-food-crisis",
        "date": datetime.date(2025, 3, 10),
        "outlet": "Harbour Radio",
        "summary": (
            "A radio interview on why a hotter climate makes food prices in the region more "
            "volatile, and what stockpiles and trade agreements can and cannot do about it."
        ),
        "url": "https://example.org/harbour-radio/rice-heat-food-crisis",
        "people": ["arjun-menon"],
    },
]


def newsroom_load_demo():
    """Create the demo media items that do not exist yet; never change existing ones.

    Returns the number of items created.
    """
    people = {person.slug: person for person in Person.objects.all()}
    created = 0
    with transaction.atomic():
        for spec in ITEMS:
            spec = dict(spec)
            slugs = spec.pop("people")
            if MediaItem.objects.filter(kind=spec["kind"], slug=spec["slug"]).exists():
                continue
            item = MediaItem(published=True, **spec)
            item.full_clean()
            item.save()
            item.people.set([people[slug] for slug in slugs if slug in people])
            created += 1
    return created
