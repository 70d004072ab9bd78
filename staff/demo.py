"""Demo staff: the reference site's groups and a dozen people (all but one invented)."""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

GROUPS = [
    ("Executive Deputy Chairman’s Office", "executive-deputy-chairmans-office"),
    ("Dean’s Office", "deans-office"),
    ("Management", "management"),
    ("Distinguished Fellows", "distinguished-fellows"),
    ("Faculty and Research", "faculty-and-research"),
    ("Associate Research Fellows, Senior Analysts and Research Analysts", "research-analysts"),
    ("Visiting Fellows", "visiting-fellows"),
    ("Adjunct Fellows", "adjunct-fellows"),
    ("Administrative Staff", "administrative-staff"),
]

# (honorific, name, sort name, slug, position, groups, expertise, short bio, active)
PEOPLE = [
    ("", "Chris Cheang", "Cheang, Chris", "chris-cheang", "Senior Fellow",
     ["faculty-and-research"], ["Russia", "Southeast Asia", "Great-power relations"],
     "Chris Cheang is a Senior Fellow at RSIS who writes on Russia’s foreign policy and its "
     "relations with Southeast Asia.", True),
    ("Amb", "Rosalind Tan", "Tan, Rosalind", "rosalind-tan", "Executive Deputy Chairman",
     ["executive-deputy-chairmans-office"], ["Diplomacy", "ASEAN"],
     "Rosalind Tan leads the school’s executive office and draws on a long diplomatic career "
     "in the region.", True),
    ("Prof", "Daniel Koh", "Koh, Daniel", "daniel-koh", "Dean",
     ["deans-office", "faculty-and-research"],
     ["International relations theory", "Graduate education"],
     "Daniel Koh is the Dean of RSIS and teaches international relations theory.", True),
    ("", "Peter Goh", "Goh, Peter", "peter-goh", "Director, Administration",
     ["management", "administrative-staff"], [],
     "Peter Goh oversees the school’s finance, facilities and administration.", True),
    ("Dr", "Siti Rahmah Hassan", "Hassan, Siti Rahmah", "siti-rahmah-hassan",
     "Distinguished Fellow", ["distinguished-fellows"], ["Religion and society", "Social cohesion"],
     "Siti Rahmah Hassan studies religion, identity and cohesion in plural societies.", True),
    ("Dr", "Farah Aziz", "Aziz, Farah", "farah-aziz", "Associate Professor",
     ["faculty-and-research"], ["Multilateralism", "International political economy", "ASEAN"],
     "Farah Aziz researches regional institutions and the political economy of trade in Asia.",
     True),
    ("Dr", "Arjun Menon", "Menon, Arjun", "arjun-menon", "Senior Fellow",
     ["faculty-and-research"], ["Climate security", "Food security", "Non-traditional security"],
     "Arjun Menon works on climate, food and health security in Southeast Asia.", True),
    ("Dr", "Lim Hui Ling", "Lim, Hui Ling", "lim-hui-ling", "Senior Fellow",
     ["faculty-and-research"], ["Cyber security", "Homeland security", "Emerging technology"],
     "Lim Hui Ling studies national resilience, cyber threats and emerging technology.", True),
    ("", "Marcus Ong", "Ong, Marcus", "marcus-ong", "Research Fellow",
     ["faculty-and-research"], ["Terrorism", "Political violence", "Online extremism"],
     "Marcus Ong follows militant movements and online extremism in South and Southeast Asia.",
     True),
    ("", "Nur Syafiqah Ismail", "Ismail, Nur Syafiqah", "nur-syafiqah-ismail", "Research Analyst",
     ["research-analysts"], ["Inter-religious relations", "Youth"],
     "Nur Syafiqah Ismail researches inter-religious dialogue and young people’s civic life.",
     True),
    ("Dr", "Kenji Watanabe", "Watanabe, Kenji", "kenji-watanabe", "Visiting Fellow",
     ["visiting-fellows"], ["Japan", "Maritime security", "East Asia and Asia Pacific"],
     "Kenji Watanabe is visiting RSIS to study maritime security cooperation in East Asia.", True),
    ("", "Helen Carver", "Carver, Helen", "helen-carver", "Adjunct Fellow",
     ["adjunct-fellows"], ["Defence policy", "Military education"],
     "Helen Carver teaches on defence policy and professional military education.", True),
    ("Dr", "Vincent Lau", "Lau, Vincent", "vincent-lau", "Research Fellow",
     ["faculty-and-research"], ["China", "Strategic studies"],
     "Vincent Lau was a Research Fellow at RSIS working on China’s strategic thinking.", False),
]  # fmt: skip

PALETTE = ["#8a1538", "#1f4e79", "#2e6b4f", "#7a4f1d", "#4b3f72", "#1d6f7a", "#6b2d5c"]


def placeholder_photo(seed):
    """A generated 800×1000 portrait silhouette (JPEG bytes) so demo profiles show a photo."""
    rng = random.Random(seed)
    background = PALETTE[rng.randrange(len(PALETTE))]
    image = Image.new("RGB", (800, 1000), background)
    draw = ImageDraw.Draw(image)
    shade = (255, 255, 255, 70)
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    shapes = ImageDraw.Draw(overlay)
    shapes.ellipse((250, 220, 550, 540), fill=shade)
    shapes.rounded_rectangle((130, 600, 670, 1100), radius=220, fill=shade)
    image.paste(overlay, mask=overlay)
    draw.rectangle((0, 0, 800, 24), fill="#ffffff")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return ContentFile(buffer.getvalue())
