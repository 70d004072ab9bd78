"""The words generated publications are made of: places, subjects, title and synopsis
patterns, body paragraphs, tags and outside authors (all invented for this project)."""

# Series that keep mostly to one axis of the category tree.
SERIES_AXES = {
    "counter-terrorist-trends-and-analyses": "conflict-and-security",
    "nts-insight": "non-traditional-security",
    "interreligious-relations": "religion-and-society",
}

# Places by region category slug, as they read inside a sentence.
PLACES = {
    "americas": ["the United States", "Canada", "Brazil", "Latin America", "Washington"],
    "east-asia-and-asia-pacific": [
        "China", "Japan", "South Korea", "the Korean Peninsula", "Australia", "Taiwan",
        "the Pacific Islands", "Northeast Asia",
    ],
    "europe": ["Europe", "the European Union", "Russia", "Ukraine", "Germany", "France",
               "the United Kingdom"],
    "global": ["the G20", "the United Nations", "the Global South", "the World Trade Organization"],
    "middle-east-and-north-africa": ["the Gulf", "Iran", "Saudi Arabia", "Türkiye", "Egypt",
                                     "the Red Sea", "the Middle East"],
    "south-asia": ["India", "Pakistan", "Bangladesh", "Sri Lanka", "Afghanistan",
                   "the Bay of Bengal"],
    "southeast-asia-and-asean": [
        "ASEAN", "Southeast Asia", "Indonesia", "Malaysia", "Vietnam", "the Philippines",
        "Thailand", "Singapore", "Myanmar", "Cambodia", "Laos", "Brunei", "Timor-Leste",
    ],
}  # fmt: skip
GENERIC_PLACES = ["Asia", "the Indo-Pacific", "the Region", "the Asia-Pacific"]

# Subjects by theme category slug, in sentence case (titles capitalise them), and the tags
# that go with the theme.
THEMES = {
    "terrorism-studies": (["returning foreign fighters", "online radicalisation",
                           "terrorist financing", "deradicalisation programmes",
                           "lone-actor attacks", "militant networks"], ["Terrorism", "Extremism"]),
    "maritime-security": (["freedom of navigation", "coast guard cooperation", "undersea cables",
                           "grey-zone tactics at sea", "illegal fishing", "port security"],
                          ["Maritime Security", "South China Sea"]),
    "cybersecurity": (["ransomware", "critical infrastructure protection", "cyber norms",
                       "election interference", "data governance", "cyber deterrence"],
                      ["Cybersecurity", "Disinformation"]),
    "military-and-defence": (["defence spending", "submarine acquisitions",
                              "military modernisation", "defence diplomacy",
                              "alliance management", "defence industry"], ["Defence"]),
    "arms-control-and-non-proliferation": (["nuclear risk reduction", "missile defence",
                                            "export controls", "chemical weapons verification"],
                                           ["Nuclear Weapons", "Arms Control"]),
    "homeland-security": (["border management", "crisis communication", "national resilience",
                           "protective security"], ["Resilience"]),
    "climate-and-environment": (["climate adaptation", "sea-level rise", "transboundary haze",
                                 "carbon markets", "extreme heat"], ["Climate Change"]),
    "energy-security": (["the energy transition", "nuclear power", "regional power grids",
                         "critical minerals", "LNG supplies"], ["Energy"]),
    "food-security": (["rice export bans", "food price shocks", "fisheries depletion",
                       "agricultural technology", "fertiliser supplies"], ["Food Security"]),
    "health-security": (["pandemic preparedness", "vaccine diplomacy",
                         "antimicrobial resistance", "health system resilience"],
                        ["Health", "COVID-19"]),
    "humanitarian-assistance-and-disaster-relief": (["disaster relief coordination",
                                                     "humanitarian access", "early warning"],
                                                    ["Disaster Relief"]),
    "migration": (["labour migration", "refugee protection", "human trafficking",
                   "climate migration"], ["Migration"]),
    "diplomacy": (["summit diplomacy", "track two dialogue", "mediation",
                   "middle-power diplomacy"], ["Diplomacy"]),
    "great-power-relations": (["US-China rivalry", "strategic competition", "hedging",
                               "alliance politics", "great-power détente"],
                              ["Great Power Rivalry", "United States", "China"]),
    "international-law-and-norms": (["the law of the sea", "international arbitration",
                                     "sanctions regimes", "norms of state behaviour"],
                                    ["International Law"]),
    "regional-architecture": (["ASEAN centrality", "the East Asia Summit", "minilateralism",
                               "the Quad", "regional institutions"],
                              ["ASEAN", "Multilateralism", "Indo-Pacific"]),
    "development-and-finance": (["infrastructure finance", "debt distress",
                                 "development assistance", "digital payments"],
                                ["Development"]),
    "economic-integration": (["the RCEP agreement", "the ASEAN Economic Community",
                              "digital economy agreements", "regional value chains"],
                             ["Trade", "Economic Integration"]),
    "supply-chains": (["semiconductor supply chains", "economic security", "friend-shoring",
                       "critical supply chains"], ["Supply Chains"]),
    "trade-and-investment": (["trade diplomacy", "investment screening", "tariff wars",
                              "free trade agreements"], ["Trade"]),
    "inter-religious-relations": (["interfaith dialogue", "religious harmony",
                                   "shared sacred spaces"], ["Religion", "Interfaith"]),
    "religion-and-politics": (["religious nationalism", "faith-based parties",
                               "religion in elections"], ["Religion"]),
    "social-cohesion": (["social cohesion", "online hate speech", "integration of newcomers",
                         "trust in institutions"], ["Social Cohesion"]),
    "artificial-intelligence": (["military artificial intelligence", "AI governance",
                                 "deepfakes", "AI safety"], ["Artificial Intelligence"]),
    "emerging-technologies": (["quantum computing", "drone warfare", "space security",
                               "biotechnology risks"], ["Technology"]),
    "science-and-technology-policy": (["research security", "technology standards",
                                       "science diplomacy"], ["Technology"]),
}  # fmt: skip
GENERIC_SUBJECTS = ["regional security", "strategic uncertainty", "policy choices"]

ANGLES = [
    "Risks and Opportunities", "What Comes Next", "Lessons for Small States",
    "A Test for Regional Order", "Beyond the Headlines", "The Case for Cooperation",
    "Managing the Fallout", "Old Problems, New Tools", "Time for a Rethink", "Why It Matters",
    "Between Rivalry and Restraint", "Reading the Signals", "The Limits of Partnership",
    "Building Resilience", "Implications for ASEAN", "A Window of Opportunity",
    "Hard Choices Ahead", "Hedging Its Bets",
]  # fmt: skip
TITLES = [
    "{Place} and {Subject}: {angle}",
    "{Subject} in {place}: {angle}",
    "What {Subject} Means for {place}",
    "Rethinking {Subject} in {place}",
    "{Subject}: {angle}",
    "{Place}’s Approach to {Subject}",
    "{Subject} and the Future of {place}",
]
SYNOPSES = [
    "{Place} faces growing pressure over {subject}. This {item} looks at recent developments, "
    "what drives them and the choices open to policymakers.",
    "Recent moves on {subject} in {place} have drawn attention across the region. The "
    "analysis weighs the risks and suggests how governments might respond.",
    "Debates over {subject} are changing how {place} deals with its neighbours. This {item} "
    "sets out the main issues and what to watch next.",
    "This {item} argues that policymakers in {place} should pay more attention to {subject}, "
    "and outlines practical steps towards cooperation.",
]
BODY_INTROS = [
    "Concern about {subject} has grown in {place} over the past year.",
    "Few issues have drawn as much comment in {place} recently as {subject}.",
    "For {place}, {subject} is no longer a distant concern.",
]
BODY_SECTIONS = [
    ("Background", "Officials and analysts have long discussed {subject}, but recent events "
     "have given the question new urgency. Governments in {place} have responded unevenly, "
     "and their priorities do not always match."),
    ("What Is at Stake", "How {place} handles {subject} will affect its economy, its "
     "security and its standing with partners. Misjudging the issue could narrow options "
     "that are open today."),
    ("Regional Dimensions", "Neighbours watch closely, since the effects of {subject} rarely "
     "stop at borders. Regional bodies offer a forum, though they move slowly and by consensus."),
    ("Policy Implications", "Clear communication, steady investment in capacity and closer "
     "work with like-minded partners would help. None of these is costly compared with the "
     "price of inaction."),
    ("Looking Ahead", "The coming years will show whether {place} can turn attention to "
     "{subject} into lasting arrangements. Much depends on political will and on events "
     "beyond anyone’s control."),
]  # fmt: skip
OTHER_TAGS = ["Southeast Asia", "Indo-Pacific", "Singapore", "Policy", "Geopolitics"]
PLACE_TAGS = {
    "ASEAN", "China", "Japan", "India", "Russia", "Indonesia", "Singapore", "Myanmar",
    "Vietnam", "Malaysia", "the Philippines", "Australia", "the United States",
}  # fmt: skip
OUTSIDE_AUTHORS = [
    ("Alicia Moreno", "Independent cyber-policy researcher"),
    ("Tomás Herrera", "Institute for Pacific Affairs"),
    ("Priya Raghavan", "Centre for Maritime Studies"),
    ("Jonas Lindqvist", "Nordic Institute of Asian Affairs"),
    ("Mei Ling Chua", "Regional Health Policy Network"),
    ("Ahmad Faisal Rahman", "Southeast Asian Policy Forum"),
    ("Grace Okafor", "Global Food Systems Initiative"),
    ("Hiroshi Tanaka", "East Asia Strategy Group"),
    ("Sarah Whitfield", "Centre for Security Analysis"),
    ("Nguyen Thi Lan", "Mekong Research Institute"),
]
