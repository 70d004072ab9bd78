"""Demo publications: the reference site's twelve series, a category tree, the seed's
commentary CO21113 (summarised), a few invented items and some external publications.

All prose here is written for this project. ``publications_load_demo()`` creates whatever
does not exist yet and leaves everything that does exist as editors made it.
"""

import datetime
import zoneinfo

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from staff.models import Person

from .models import Authorship, Category, ExternalPublication, HomeFeature, Publication, Series
from .services import publication_release

SINGAPORE = zoneinfo.ZoneInfo("Asia/Singapore")
PUBLISH_TIME = datetime.time(9)
EDITOR_EMAIL = "RSISPublications@ntu.edu.sg"


def _disclaimer(item_name, purpose):
    """The common disclaimer of a series: its purpose, whose views, reuse and whom to ask."""
    return (
        f"{purpose} The authors speak for themselves alone: nothing published in this series "
        "is a statement of the school’s policy or an official view of RSIS (the S. Rajaratnam "
        "School of International Studies, NTU). Anyone wishing to republish an item must "
        "first obtain permission from RSIS and must credit both the authors and RSIS. "
        f"Requests go to the Editor, {item_name}, at {EDITOR_EMAIL}."
    )


# The reference site's twelve series, in its order. ``order`` is the position in this list.
SERIES = [
    {
        "name": "Annual Reviews",
        "item_name": "RSIS Annual Review",
        "slug": "annual-reviews",
        "code_prefix": "AR",
        "description": (
            "Each Annual Review looks back on a year at the school: the research its centres "
            "and programmes produced, the students who graduated, the conferences and courses "
            "it ran and the people who joined or moved on. It is the quickest way to see the "
            "whole of RSIS at a glance."
        ),
        "disclaimer": _disclaimer(
            "RSIS Annual Review",
            "The RSIS Annual Review records the school’s research, teaching and outreach over "
            "the past year.",
        ),
    },
    {
        "name": "Books",
        "item_name": "RSIS Book",
        "slug": "books",
        "code_prefix": "BK",
        "sidebar_teaser": True,
        "description": (
            "Full-length studies written or edited by RSIS faculty and researchers, many of them "
            "published with academic presses in association with the school. Each entry "
            "describes the book and explains where a copy can be obtained."
        ),
        "disclaimer": _disclaimer(
            "RSIS Book",
            "RSIS Books present extended research by the school’s faculty, researchers and "
            "associates.",
        ),
    },
    {
        "name": "Bulletins and Newsletters",
        "item_name": "RSIS Bulletin",
        "slug": "bulletins-and-newsletters",
        "code_prefix": "BN",
        "description": (
            "Regular bulletins and newsletters from the school’s centres and programmes. They "
            "follow developments in each field, gather short analyses and report on recent "
            "seminars, visits and projects."
        ),
        "disclaimer": _disclaimer(
            "RSIS Bulletin",
            "RSIS Bulletins and Newsletters keep readers up to date with the work of the "
            "school’s centres and programmes.",
        ),
    },
    {
        "name": "Commentaries",
        "item_name": "RSIS Commentary",
        "slug": "commentaries",
        "code_prefix": "CO",
        "on_home_page": True,
        "description": (
            "Short, timely pieces in which RSIS researchers and associates analyse current "
            "events in security and international affairs, usually within days of the news, "
            "and consider what they mean for Singapore, Southeast Asia and the wider region."
        ),
        "disclaimer": _disclaimer(
            "RSIS Commentary",
            "RSIS Commentary is where the school’s researchers respond quickly to current "
            "events, with analysis meant to be useful to policymakers wherever possible.",
        ),
    },
    {
        "name": "Counter Terrorist Trends and Analyses",
        "item_name": "Counter Terrorist Trends and Analyses",
        "slug": "counter-terrorist-trends-and-analyses",
        "code_prefix": "CTTA",
        "description": (
            "The journal of the International Centre for Political Violence and Terrorism "
            "Research. Its issues track terrorist groups, extremist ideas and the policies "
            "used to counter them, with particular attention to Asia."
        ),
        "disclaimer": _disclaimer(
            "Counter Terrorist Trends and Analyses",
            "Counter Terrorist Trends and Analyses publishes research on terrorism, political "
            "violence and the responses to them.",
        ),
    },
    {
        "name": "Commemorative / Event Reports",
        "item_name": "RSIS Event Report",
        "slug": "event-reports",
        "code_prefix": "ER",
        "description": (
            "Records of the conferences, workshops, dialogues and commemorative occasions the "
            "school hosts, setting out the main arguments made so that those who could not "
            "attend can follow the discussion."
        ),
        "disclaimer": _disclaimer(
            "RSIS Event Report",
            "RSIS Event Reports summarise the discussions at events organised by the school; "
            "they are the rapporteurs’ account, not a verbatim record.",
        ),
    },
    {
        "name": "IDSS Paper",
        "item_name": "IDSS Paper",
        "slug": "idss-papers",
        "code_prefix": "IP",
        "description": (
            "Analyses from the Institute of Defence and Strategic Studies that go further than "
            "a commentary while staying close to policy: defence, strategy and regional "
            "security in Southeast Asia and the Asia-Pacific."
        ),
        "disclaimer": _disclaimer(
            "IDSS Paper",
            "IDSS Papers offer considered analysis of defence and strategic questions for "
            "policymakers and informed readers.",
        ),
    },
    {
        "name": "Interreligious Relations",
        "item_name": "Interreligious Relations",
        "slug": "interreligious-relations",
        "code_prefix": "IRR",
        "description": (
            "Occasional papers from the Studies in Inter-Religious Relations in Plural "
            "Societies Programme on faith in public life, relations between religious "
            "communities and the foundations of social cohesion."
        ),
        "disclaimer": _disclaimer(
            "Interreligious Relations",
            "Interreligious Relations shares research and reflection on religion and "
            "cohesion in plural societies.",
        ),
    },
    {
        "name": "Monographs",
        "item_name": "RSIS Monograph",
        "slug": "monographs",
        "code_prefix": "MN",
        "description": (
            "Book-length studies of a single subject, giving the author room to follow an "
            "argument through in depth, with the evidence and sources set out in full."
        ),
        "disclaimer": _disclaimer(
            "RSIS Monograph",
            "RSIS Monographs present in-depth research on a single topic.",
        ),
    },
    {
        "name": "NTS Insight",
        "item_name": "NTS Insight",
        "slug": "nts-insight",
        "code_prefix": "NTS",
        "description": (
            "Briefs from the Centre for Non-Traditional Security Studies. Each takes one "
            "challenge that armies cannot solve alone, such as climate change, pandemics, food "
            "or migration, and asks what it means for policy in the region."
        ),
        "disclaimer": _disclaimer(
            "NTS Insight",
            "NTS Insight examines non-traditional security challenges and their implications "
            "for policy.",
        ),
    },
    {
        "name": "Policy Reports",
        "item_name": "RSIS Policy Report",
        "slug": "policy-reports",
        "code_prefix": "PR",
        "description": (
            "Reports that work through a specific policy problem and, where the evidence "
            "allows, recommend what governments and institutions could do about it. They are "
            "written for officials, practitioners and engaged readers."
        ),
        "disclaimer": _disclaimer(
            "RSIS Policy Report",
            "RSIS Policy Reports analyse policy questions and, where appropriate, set out "
            "recommendations.",
        ),
    },
    {
        "name": "Working Papers",
        "item_name": "RSIS Working Paper",
        "slug": "working-papers",
        "code_prefix": "WP",
        "description": (
            "Research in progress, shared so that authors can hear from colleagues and readers "
            "before the work is finished. The series spans every field the school studies."
        ),
        "disclaimer": _disclaimer(
            "RSIS Working Paper",
            "RSIS Working Papers circulate research in progress to invite comment and debate.",
        ),
    },
]

# (name, slug, children); siblings are kept in alphabetical order by the tree itself.
CATEGORIES = [
    ("Country and Region Studies", "country-and-region-studies", [
        ("Americas", "americas", []),
        ("East Asia and Asia Pacific", "east-asia-and-asia-pacific", []),
        ("Europe", "europe", []),
        ("Global", "global", []),
        ("Middle East and North Africa", "middle-east-and-north-africa", []),
        ("South Asia", "south-asia", []),
        ("Southeast Asia and ASEAN", "southeast-asia-and-asean", []),
    ]),
    ("International Political Economy", "international-political-economy", [
        ("Development and Finance", "development-and-finance", []),
        ("Economic Integration", "economic-integration", []),
        ("Supply Chains", "supply-chains", []),
        ("Trade and Investment", "trade-and-investment", []),
    ]),
    ("Conflict and Security", "conflict-and-security", [
        ("Arms Control and Non-Proliferation", "arms-control-and-non-proliferation", []),
        ("Cybersecurity", "cybersecurity", []),
        ("Homeland Security", "homeland-security", []),
        ("Maritime Security", "maritime-security", []),
        ("Military and Defence", "military-and-defence", []),
        ("Terrorism Studies", "terrorism-studies", []),
    ]),
    ("Non-Traditional Security", "non-traditional-security", [
        ("Climate and Environment", "climate-and-environment", []),
        ("Energy Security", "energy-security", []),
        ("Food Security", "food-security", []),
        ("Health Security", "health-security", []),
        ("Humanitarian Assistance and Disaster Relief",
         "humanitarian-assistance-and-disaster-relief", []),
        ("Migration", "migration", []),
    ]),
    ("International Relations and Multilateralism", "international-relations-and-multilateralism", [
        ("Diplomacy", "diplomacy", []),
        ("Great Power Relations", "great-power-relations", []),
        ("International Law and Norms", "international-law-and-norms", []),
        ("Regional Architecture", "regional-architecture", []),
    ]),
    ("Religion and Society", "religion-and-society", [
        ("Inter-Religious Relations", "inter-religious-relations", []),
        ("Religion and Politics", "religion-and-politics", []),
        ("Social Cohesion", "social-cohesion", []),
    ]),
    ("Technology and Future Issues", "technology-and-future-issues", [
        ("Artificial Intelligence", "artificial-intelligence", []),
        ("Emerging Technologies", "emerging-technologies", []),
        ("Science and Technology Policy", "science-and-technology-policy", []),
    ]),
]  # fmt: skip

REGIONS = "country-and-region-studies"

# The reference site's commentary, summarised for this project (facts kept, wording ours).
# Authors are staff slugs, or {"name": ..., "affiliation": ...} for an outside author.
CO21113 = {
    "series": "commentaries",
    "code": "CO21113",
    "title": "Russia and Southeast Asia: What Lavrov’s July Visits Mean",
    "authors": ["chris-cheang"],
    "date": datetime.date(2021, 7, 26),
    "status": "published",
    "categories": [
        REGIONS,
        "international-political-economy",
        f"{REGIONS}/east-asia-and-asia-pacific",
        f"{REGIONS}/europe",
        f"{REGIONS}/global",
        f"{REGIONS}/south-asia",
        f"{REGIONS}/southeast-asia-and-asean",
    ],
    "tags": ["Russia", "ASEAN", "Indonesia", "Laos"],
    "image_credit": (
        "Source: Sergey Lavrov & Saleumxay Kommasith, МИД России, flickr, CC BY-NC-SA 2.0"
    ),
    "synopsis": (
        "Sergei Lavrov’s stops in Indonesia and Laos in early July 2021 were essentially a "
        "goodwill tour to keep two friendly relationships in good repair. His remarks on "
        "ASEAN also made the case for a Southeast Asia that stays open to all partners, which "
        "ASEAN’s own strategic outlook sees as the key to regional peace and stability."
    ),
    "body": (
        "<p>Russia’s foreign minister, Sergei Lavrov, paid a goodwill visit to Indonesia from "
        "5 to 7 July 2021, calling on President Joko Widodo and holding talks with Foreign "
        "Minister Retno Marsudi. He went on to Laos, where he was received by President "
        "Thongloun Sisoulith, Prime Minister Phankham Viphavanh and Foreign Minister Saleumxay "
        "Kommasith.</p>"
        "<p>Both stops served bilateral ends, but Lavrov also joined, by video link, a Special "
        "ASEAN-Russia Ministerial Meeting held for the 25th anniversary of the ASEAN-Russia "
        "Dialogue Partnership, a sign that Moscow wants its ties with the grouping to keep "
        "moving forward.</p>"
        "<h2>Russian-Indonesian Relations</h2>"
        "<p>Meeting the press with Retno in Jakarta, Lavrov counted Indonesia among Russia’s "
        "most important partners, particularly in the Asia-Pacific, and said the two "
        "presidents meant to meet and sign a declaration of strategic partnership.</p>"
        "<p>Trade between the two had grown by close to a quarter in the first four months of "
        "2021, he noted, and both sides wanted to broaden it through cooperation in "
        "high-technology goods. They were also prepared to hold the 13th session of their "
        "joint commission on trade, economic and technical cooperation, and to open talks on a "
        "free trade agreement between Indonesia and the Eurasian Economic Union (EEU), the "
        "Russian-led bloc whose other members are Armenia, Belarus, Kazakhstan and "
        "Kyrgyzstan.</p>"
        "<p>On COVID-19, Russia offered not only to sell vaccines to Indonesia but also to "
        "discuss making them there, and both governments said that vaccines should be within "
        "reach of every country.</p>"
        "<h2>Russian-Laotian Relations</h2>"
        "<p>In Vientiane on 7 July, Lavrov and his Lao counterpart spoke warmly of their "
        "relationship as they marked ten years since the Russian-Lao declaration on strategic "
        "partnership in the Asia-Pacific region.</p>"
        "<p>The two sides undertook to widen their trade and economic links, and their "
        "intergovernmental commission on trade, economic, scientific and technological "
        "cooperation was to meet before the end of 2021 to find ways of expanding investment "
        "substantially. Lavrov also pointed to military and military-technical cooperation, "
        "including further deliveries of military equipment to Laos.</p>"
        "<p>Russia would send Laos its Sputnik V vaccine and look into a Lao request that some "
        "doses come as humanitarian aid alongside those bought commercially.</p>"
        "<h2>Russia-ASEAN Relations</h2>"
        "<p>In Jakarta, Lavrov endorsed ASEAN centrality without reservation: Russia, he said, "
        "would back the positions ASEAN takes, and powers from outside the region ought to "
        "respect the regional practices built around ASEAN’s central role.</p>"
        "<p>In an interview with the Indonesian daily Rakyat Merdeka, which the Russian foreign "
        "ministry posted on its website on 6 July, he recalled that relations going back "
        "decades had been raised to a strategic partnership in 2018. He admitted frankly that "
        "economic cooperation still fell well short of its potential, even though growth had "
        "resumed in 2021, and argued that closer links with the EEU, which already has free "
        "trade agreements with Vietnam and Singapore and is working on one with Indonesia, "
        "would speed things up.</p>"
        "<p>More than two million Russian tourists had visited Southeast Asia before the "
        "pandemic, yet in Lavrov’s view the two sides still knew too little about each other. "
        "People-to-people links are meant to close that gap: he cited the ASEAN Centre in "
        "Moscow, a network of Russia-ASEAN research centres, youth summits and the "
        "Russia-ASEAN Business Council, which brings entrepreneurs from both sides "
        "together.</p>"
        "<p>On Myanmar, Lavrov said Russia relays ASEAN’s approach, which it sees as the basis "
        "for ending the crisis, in its dealings with the country’s military leaders, and that "
        "he had briefed his Indonesian hosts on what Moscow was telling Naypyidaw.</p>"
        "<h2>Assessing Lavrov’s Three Objectives</h2>"
        "<p>The trip pursued three linked aims: to remind ASEAN, by turning up in person, that "
        "Russia intends to keep and deepen the relationship; to make Moscow’s often-stated "
        "interest in the grouping more believable; and to show that Russian policy in the "
        "Asia-Pacific, long centred on China, is broader, more concrete and relevant to "
        "Southeast Asia.</p>"
        "<p>Despite scant press coverage, the trip achieved most of what it set out to do. "
        "Still, China and the United States, with far deeper economic ties and longer "
        "political engagement in the region, will continue to weigh much more heavily than "
        "Russia in ASEAN’s thinking and in its practical cooperation.</p>"
        "<p>Dmitry Mosyakov, head of the Southeast Asia department at the Russian Academy of "
        "Sciences’ Institute for Oriental Studies, has suggested that Russia might act as an "
        "independent arbiter backing Southeast Asian ideas of the Asia-Pacific’s future, at a "
        "time when sharper US-China rivalry makes ASEAN’s customary balancing harder. That "
        "looks too hopeful. Russia’s economic and other ties with ASEAN are thin next to those "
        "of China and the US, and its closeness to Beijing and estrangement from Washington "
        "would keep Moscow from being a neutral and effective arbiter even if it wanted the "
        "role.</p>"
        "<p>Because Russia-ASEAN economic relations remain underdeveloped, the work ahead for "
        "both sides is to build a more substantial economic partnership, which would in turn "
        "give their political ties firmer footing.</p>"
    ),
}

# Invented items across the series. "publish_in_days" schedules an item that many days
# after the demo is loaded; a draft has no date and no code.
PUBLICATIONS = [
    {
        "series": "working-papers",
        "title": "Young People, Faith and Online Spaces: Notes on Interfaith Engagement in "
        "Singapore",
        "authors": ["nur-syafiqah-ismail", "siti-rahmah-hassan"],
        "date": datetime.date(2019, 10, 21),
        "status": "published",
        "categories": [
            f"{REGIONS}/southeast-asia-and-asean",
            "religion-and-society/inter-religious-relations",
            "religion-and-society/social-cohesion",
        ],
        "tags": ["Singapore", "Religion", "Youth", "Social Media"],
        "synopsis": (
            "Interfaith activity among young Singaporeans increasingly happens on phones "
            "rather than in halls. This paper draws on interviews and workshops to describe "
            "how they meet, disagree and cooperate online, and what community groups can "
            "learn from them."
        ),
        "body": (
            "<p>Most interfaith programmes were designed for face-to-face meetings. The young "
            "people we spoke to still value those, but much of their contact with other faiths "
            "now takes place in group chats, short videos and online campaigns.</p>"
            "<h2>How young people engage</h2>"
            "<p>Participants described informal, often humorous exchanges that lower the stakes "
            "of asking difficult questions, alongside moments when a single post drew hostile "
            "replies and ended a conversation.</p>"
            "<h2>What organisers can do</h2>"
            "<p>We suggest that religious and community organisations train young moderators, "
            "pair online conversations with offline service projects and treat disagreement as "
            "something to manage rather than avoid.</p>"
        ),
    },
    {
        "series": "idss-papers",
        "title": "Reading China’s Defence White Papers: Continuity and Change",
        "authors": ["vincent-lau"],
        "date": datetime.date(2020, 6, 8),
        "status": "published",
        "categories": [
            f"{REGIONS}/east-asia-and-asia-pacific",
            "conflict-and-security/military-and-defence",
            "international-relations-and-multilateralism/great-power-relations",
        ],
        "tags": ["China", "Defence", "Strategy"],
        "synopsis": (
            "China’s defence white papers are often dismissed as propaganda. Read side by side, "
            "they show which ideas have stayed constant and where Beijing’s account of its "
            "military purposes has shifted."
        ),
        "body": (
            "<p>This paper compares successive Chinese defence white papers, looking at the "
            "language used to describe threats, missions and the role of the armed forces.</p>"
            "<h2>What stays the same</h2>"
            "<p>Sovereignty, territorial integrity and a defensive self-image run through every "
            "edition, as does the claim that China will never seek hegemony.</p>"
            "<h2>What has changed</h2>"
            "<p>Later editions give far more weight to maritime interests, overseas operations "
            "and new domains such as space and cyberspace, reflecting a navy and an economy "
            "that now reach well beyond China’s shores.</p>"
        ),
    },
    {
        "series": "idss-papers",
        "title": "Grey-Zone Pressure at Sea: Coast Guards, Militias and the Law in East Asia",
        "authors": ["kenji-watanabe"],
        "date": datetime.date(2022, 5, 18),
        "status": "published",
        "categories": [
            f"{REGIONS}/east-asia-and-asia-pacific",
            "conflict-and-security/maritime-security",
            "international-relations-and-multilateralism/international-law-and-norms",
        ],
        "tags": ["Maritime Security", "South China Sea", "Japan"],
        "synopsis": (
            "Coast guards and maritime militias let states press claims at sea without firing "
            "a shot. This paper maps how such grey-zone tactics are used in East Asian waters "
            "and how the law of the sea can be used to push back."
        ),
        "body": (
            "<p>Much of the pressure in East Asia’s disputed waters is applied by vessels that "
            "are not warships: coast guard cutters, fishing fleets with official backing and "
            "survey ships.</p>"
            "<h2>Why the grey zone works</h2>"
            "<p>Such tactics stay below the threshold that would trigger an alliance response, "
            "and each incident looks too small to justify escalation.</p>"
            "<h2>Responses</h2>"
            "<p>Transparency about incidents, capacity building for smaller coast guards and a "
            "consistent appeal to the law of the sea offer better answers than matching "
            "pressure with pressure.</p>"
        ),
    },
    {
        "series": "books",
        "title": "Navigating the Indo-Pacific: ASEAN, Middle Powers and the Search for Balance",
        "authors": ["farah-aziz", "kenji-watanabe"],
        "date": datetime.date(2023, 3, 15),
        "status": "published",
        "categories": [
            f"{REGIONS}/southeast-asia-and-asean",
            "international-relations-and-multilateralism/regional-architecture",
            "international-relations-and-multilateralism/great-power-relations",
        ],
        "tags": ["ASEAN", "Indo-Pacific", "Middle Powers"],
        "synopsis": (
            "How do Southeast Asian states and middle powers keep their room for manoeuvre as "
            "rivalry between the great powers sharpens? This edited book brings together "
            "studies of hedging, institution building and coalition making across the region."
        ),
        "body": (
            "<p>The chapters of this book examine how ASEAN members, Australia, India, Japan "
            "and South Korea have each tried to shape the regional order rather than simply "
            "choose sides.</p>"
            "<h2>About the book</h2>"
            "<p>The contributors argue that regional institutions, imperfect as they are, "
            "remain the best tools smaller states have for keeping the region open and rules "
            "based. The book is available from the publisher and in the RSIS library.</p>"
        ),
    },
    {
        "series": "policy-reports",
        "title": "Feeding the Region in a Warming World: Food Security Options for ASEAN",
        "authors": ["arjun-menon"],
        "date": datetime.date(2024, 9, 10),
        "status": "published",
        "categories": [
            f"{REGIONS}/southeast-asia-and-asean",
            "non-traditional-security/food-security",
            "non-traditional-security/climate-and-environment",
        ],
        "tags": ["Food Security", "Climate Change", "ASEAN"],
        "synopsis": (
            "Heatwaves, floods and export bans have exposed how fragile Southeast Asia’s food "
            "supply can be. This report sets out practical steps ASEAN governments could take "
            "together to keep food affordable as the climate changes."
        ),
        "body": (
            "<p>Rice and other staples remain vulnerable to weather shocks and to sudden "
            "export restrictions by producing countries.</p>"
            "<h2>Findings</h2>"
            "<p>Regional emergency reserves exist on paper but are small and slow to release, "
            "while data on harvests and stocks is shared unevenly.</p>"
            "<h2>Recommendations</h2>"
            "<ul><li>Enlarge and simplify the regional rice reserve.</li>"
            "<li>Agree on notice periods before export restrictions.</li>"
            "<li>Invest jointly in climate-resilient seed varieties and early warning.</li></ul>"
        ),
    },
    {
        "series": "commentaries",
        "title": "After the Caliphate: How Online Extremist Networks in Southeast Asia Regroup",
        "authors": ["marcus-ong"],
        "date": datetime.date(2025, 2, 12),
        "status": "published",
        "categories": [
            f"{REGIONS}/southeast-asia-and-asean",
            "conflict-and-security/terrorism-studies",
        ],
        "tags": ["Terrorism", "Extremism", "Social Media"],
        "synopsis": (
            "Years after losing its territory, the so-called Islamic State still inspires "
            "small online circles in Southeast Asia. Their shift to encrypted and gaming "
            "platforms calls for new ways of spotting and countering them."
        ),
        "body": (
            "<p>Extremist supporters in the region have moved from open social media to "
            "smaller, encrypted channels and even in-game chat.</p>"
            "<h2>A dispersed threat</h2>"
            "<p>These circles are small and often leaderless, which makes them harder to "
            "detect but also less capable of complex attacks.</p>"
            "<h2>What to do</h2>"
            "<p>Platforms, parents and schools all have a part to play, alongside the "
            "security services, in noticing when young people are drawn in.</p>"
        ),
    },
    {
        "series": "commentaries",
        "title": "Ransomware in the Ward: Building Cyber Resilience in Health Services",
        "authors": [
            "lim-hui-ling",
            {"name": "Alicia Moreno", "affiliation": "Independent cyber-policy researcher"},
        ],
        "date": datetime.date(2026, 3, 4),
        "status": "published",
        "categories": [
            f"{REGIONS}/global",
            "conflict-and-security/cybersecurity",
            "non-traditional-security/health-security",
        ],
        "tags": ["Cybersecurity", "Health", "Critical Infrastructure"],
        "synopsis": (
            "Attacks that lock hospital systems put patients, not just data, at risk. Health "
            "services need to plan for working offline and share warnings faster."
        ),
        "body": (
            "<p>Hospitals are attractive targets: they cannot afford downtime and often run "
            "old systems.</p>"
            "<h2>Lessons from recent attacks</h2>"
            "<p>Where hospitals coped, staff had rehearsed paper-based procedures and knew who "
            "would take which decisions.</p>"
            "<h2>Next steps</h2>"
            "<p>Regular exercises, separated back-ups and a regional channel for sharing "
            "threat information would make the sector much harder to hold to ransom.</p>"
        ),
    },
    {
        "series": "commentaries",
        "title": "Russia’s Turn to the East, Five Years On",
        "authors": ["chris-cheang"],
        "date": None,
        "status": "draft",
        "categories": [
            f"{REGIONS}/europe",
            f"{REGIONS}/east-asia-and-asia-pacific",
            "international-relations-and-multilateralism/great-power-relations",
        ],
        "tags": ["Russia"],
        "synopsis": (
            "A draft look at what Moscow’s eastward turn has and has not delivered in Asia."
        ),
        "body": "<p>Draft: to be completed.</p>",
    },
    {
        "series": "nts-insight",
        "title": "Heat, Work and Health: Adapting Southeast Asian Cities to Extreme Temperatures",
        "authors": ["arjun-menon"],
        "publish_in_days": 7,
        "status": "scheduled",
        "categories": [
            f"{REGIONS}/southeast-asia-and-asean",
            "non-traditional-security/climate-and-environment",
            "non-traditional-security/health-security",
        ],
        "tags": ["Climate Change", "Health", "Cities"],
        "synopsis": (
            "Hotter days are already cutting working hours and filling clinics in the "
            "region’s cities. This brief looks at cooling, work rules and health warnings "
            "that could limit the damage."
        ),
        "body": (
            "<p>Outdoor workers, older people and those in crowded housing bear most of the "
            "burden of extreme heat.</p>"
            "<h2>Options</h2>"
            "<p>Shaded public spaces, rest-break rules, heat alerts linked to clinics and "
            "cooler building standards can all be introduced without waiting for national "
            "climate plans.</p>"
        ),
    },
]

# (kind, title, byline, staff slugs, venue, publisher, year, url)
EXTERNAL = [
    ("authored-books", "Moscow and the Mekong: Russia’s Relations with Mainland Southeast Asia",
     "Cheang, C.", ["chris-cheang"], "", "Example Academic Press", 2022,
     "https://example.org/books/moscow-and-the-mekong"),
    ("journal-articles", "Institutions as Insurance: ASEAN and the Politics of Hedging",
     "Aziz, F.", ["farah-aziz"], "Journal of Asian Regional Studies", "Example Journals", 2021,
     "https://example.org/articles/institutions-as-insurance"),
    ("journal-articles", "Heat Stress and Labour in Tropical Megacities",
     "Menon, A. and Rahman, S.", ["arjun-menon"], "Climate and Society Review",
     "Example Journals", 2024, "https://example.org/articles/heat-stress-labour"),
    ("edited-books", "Resilient Societies: Cyber Threats and Social Cohesion in Asia",
     "Lim, H. L. and Hassan, S. R. (eds.)", ["lim-hui-ling", "siti-rahmah-hassan"], "",
     "Example University Press", 2023, "https://example.org/books/resilient-societies"),
    ("chapters-in-edited-books", "Japan’s Coast Guard Diplomacy in Southeast Asia",
     "Watanabe, K.", ["kenji-watanabe"], "Maritime Order in the Indo-Pacific",
     "Example University Press", 2022, "https://example.org/chapters/coast-guard-diplomacy"),
    ("chapters-in-edited-books", "Youth, Religion and Belonging in Plural Cities",
     "Ismail, N. S.", ["nur-syafiqah-ismail"], "Faith in the City: Asian Perspectives",
     "Example Academic Press", 2025, "https://example.org/chapters/youth-religion-belonging"),
    ("policy-reports", "Countering Online Radicalisation: A Regional Playbook",
     "Ong, M. and Carver, H.", ["marcus-ong", "helen-carver"], "", "Example Policy Institute",
     2023, "https://example.org/reports/online-radicalisation-playbook"),
    ("working-papers", "Professional Military Education and Small-State Strategy",
     "Carver, H.", ["helen-carver"], "Defence Studies Working Paper Series",
     "Example Defence College", 2020, "https://example.org/papers/pme-small-states"),
    ("op-eds", "ASEAN Needs a Food Pact Before the Next Price Shock",
     "Menon, A.", ["arjun-menon"], "The Example Times", "", 2025,
     "https://example.org/opinion/asean-food-pact"),
    ("op-eds", "Why Small States Should Champion Rules at Sea",
     "Koh, D. and Watanabe, K.", ["daniel-koh", "kenji-watanabe"], "Regional Affairs Daily",
     "", 2026, "https://example.org/opinion/small-states-rules-at-sea"),
    ("journal-articles", "Reading Beijing’s Strategic Signals in the South China Sea",
     "Lau, V.", ["vincent-lau"], "Asian Security Quarterly", "Example Journals", 2019,
     "https://example.org/articles/beijing-strategic-signals"),
]  # fmt: skip


@transaction.atomic
def publications_load_demo():
    """Create the demo series, categories, publications and external publications that do
    not exist yet; never change existing ones. Returns the number created of each kind."""
    counts = {"series": 0, "categories": 0, "publications": 0, "external": 0}
    series_by_slug = {}
    for order, spec in enumerate(SERIES):
        series = Series.objects.filter(slug=spec["slug"]).first()
        if series is None:
            series = Series(order=order, **spec)
            series.full_clean()
            series.save()
            counts["series"] += 1
        series_by_slug[spec["slug"]] = series
    counts["categories"] = _load_categories(CATEGORIES, None)
    categories = _categories_by_path()
    people = {person.slug: person for person in Person.objects.all()}
    for spec in [CO21113, *PUBLICATIONS]:
        counts["publications"] += _load_publication(spec, series_by_slug, categories, people)
    if not HomeFeature.objects.exists():
        seed_item = Publication.objects.filter(code=CO21113["code"]).first()
        if seed_item is not None:
            HomeFeature.objects.create(publication=seed_item, order=0)
    for kind, title, byline, slugs, venue, publisher, year, url in EXTERNAL:
        if ExternalPublication.objects.filter(kind=kind, title=title).exists():
            continue
        item = ExternalPublication(
            kind=kind, title=title, byline=byline, venue=venue, publisher=publisher, year=year,
            url=url,
        )  # fmt: skip
        item.full_clean()
        item.save()
        item.people.set([people[slug] for slug in slugs if slug in people])
        counts["external"] += 1
    return counts


def _load_categories(nodes, parent):
    """Create the missing categories of ``nodes`` under ``parent``, one by one (MPTT inserts)."""
    created = 0
    for name, slug, children in nodes:
        category = Category.objects.filter(parent=parent, slug=slug).first()
        if category is None:
            category = Category(name=name, slug=slug, parent=parent)
            category.full_clean()
            category.save()
            created += 1
        created += _load_categories(children, category)
    return created


def _categories_by_path():
    categories = {category.pk: category for category in Category.objects.all()}
    paths = {}
    for category in categories.values():
        parts, node = [], category
        while node is not None:
            parts.append(node.slug)
            node = categories.get(node.parent_id)
        paths["/".join(reversed(parts))] = category
    return paths


def _at_nine(day):
    return datetime.datetime.combine(day, PUBLISH_TIME, tzinfo=SINGAPORE)


def _load_publication(spec, series_by_slug, categories, people):
    """Create one demo item unless it exists; released items go through the service."""
    series = series_by_slug[spec["series"]]
    slug = spec.get("slug") or slugify(spec["title"])[:200]
    code = spec.get("code")
    if Publication.objects.filter(series=series, slug=slug).exists():
        return 0
    if code and Publication.objects.filter(code=code).exists():
        return 0
    status = spec["status"]
    publication = Publication(
        series=series,
        code=code,
        title=spec["title"],
        slug=slug,
        publication_date=spec.get("date"),
        synopsis=spec["synopsis"],
        body=spec["body"],
        image_credit=spec.get("image_credit", ""),
        about_author=spec.get("about_author", ""),
        status=status,
    )
    if status == Publication.Status.PUBLISHED:
        publication.published_at = _at_nine(spec["date"])
    elif status == Publication.Status.SCHEDULED:
        day = timezone.localdate() + datetime.timedelta(days=spec["publish_in_days"])
        publication.published_at = _at_nine(day)
    publication.full_clean()
    if status in (Publication.Status.PUBLISHED, Publication.Status.SCHEDULED):
        publication_release(publication=publication)
    else:
        publication.save()
    authorships = []
    for order, author in enumerate(spec["authors"]):
        if isinstance(author, str):
            if author in people:
                authorships.append(Authorship(person=people[author], order=order))
        else:
            authorships.append(Authorship(order=order, **author))
    for authorship in authorships:
        authorship.publication = publication
        authorship.full_clean()
        authorship.save()
    publication.categories.set([categories[path] for path in spec["categories"]])
    publication.tags.add(*spec["tags"])
    return 1
