"""Demo research centres and programmes of the reference site, with invented staffing."""

# (name, acronym, slug, kind, menu path of its description, head, members)
CENTRES = [
    ("Centre for Multilateralism Studies", "CMS", "cms", "centre",
     "research/research-centres/cms", "farah-aziz", ["kenji-watanabe"]),
    ("Centre for Non-Traditional Security Studies", "NTS Centre", "nts-centre", "centre",
     "research/research-centres/nts-centre", "arjun-menon", []),
    ("Centre of Excellence for National Security", "CENS", "cens", "centre",
     "research/research-centres/cens", "lim-hui-ling", []),
    ("Institute of Defence and Strategic Studies", "IDSS", "idss", "centre",
     "research/research-centres/idss", "daniel-koh", ["chris-cheang", "kenji-watanabe",
                                                      "vincent-lau"]),
    ("International Centre for Political Violence and Terrorism Research", "ICPVTR", "icpvtr",
     "centre", "research/research-centres/icpvtr", "marcus-ong", []),
    ("National Security Studies Programme", "NSSP", "nssp", "programme",
     "research/research-programmes/nssp", None, ["helen-carver"]),
    ("Studies in Inter-Religious Relations in Plural Societies Programme", "SRP", "srp",
     "programme", "research/research-programmes/srp", "siti-rahmah-hassan",
     ["nur-syafiqah-ismail"]),
]  # fmt: skip
