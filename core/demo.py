"""Demo site-wide facts (the reference site's address, social accounts and footer links)."""

SITE = {
    "name": "S. Rajaratnam School of International Studies",
    "short_name": "RSIS",
    "tagline": "Think Tank and Graduate School · Ponder The Improbable Since 1966",
    "parent_institution": "Nanyang Technological University, Singapore",
    "introduction": (
        "<p>RSIS brings together policy research and graduate teaching on the security, "
        "economics and politics of the Asia-Pacific. Our analysts publish short commentaries on "
        "the news of the week as well as books, reports and working papers, and our graduate "
        "programmes prepare the next generation of practitioners and scholars.</p>"
        "<p>Browse our research centres, read the latest analysis, or find a specialist below.</p>"
    ),
    "address": (
        "Nanyang Technological University\nBlock S4, Level B3,\n50 Nanyang Avenue,\n"
        "Singapore 639798"
    ),
    "map_url": "https://www.openstreetmap.org/search?query=50%20Nanyang%20Avenue%20Singapore",
    "directions_url": "/about-rsis/getting-to-rsis/",
    "copyright_holder": "S. Rajaratnam School of International Studies",
    "cookie_notice": (
        "This site uses a cookie to remember your choices and make browsing smoother. "
        "By continuing you accept its use as our privacy statement explains."
    ),
    "cookie_policy_url": "/privacy-statement/",
}

SOCIAL_LINKS = [
    ("facebook", "rsis.ntu", "https://www.facebook.com/rsis.ntu"),
    ("x", "rsis_ntu", "https://x.com/rsis_ntu"),
    ("youtube", "rsisvideocast", "https://www.youtube.com/c/rsisvideocast"),
    ("linkedin", "school/rsis-ntu", "https://www.linkedin.com/school/rsis-ntu/"),
    ("instagram", "rsis.sg", "https://www.instagram.com/rsis.sg/"),
]

FOOTER_LINKS = [
    ("connect", "Contact us", "/contact-us/"),
    ("subscribe", "Subscribe to RSIS Publications", "/feeds/publications/rss/"),
    ("subscribe", "Subscribe to RSIS Events", "/feeds/events/rss/"),
    ("subscribe", "Events calendar (iCalendar)", "/events/calendar.ics"),
    ("legal", "Terms of Use", "/terms-of-use/"),
    ("legal", "Privacy Statement", "/privacy-statement/"),
]
