"""Demo content for the menu's pages, keyed by tree path; written for this project."""

PAGES = {
    "about-rsis": {
        "summary": (
            "Who we are: a think tank and graduate school of international affairs at Nanyang "
            "Technological University, Singapore."
        ),
        "body": (
            "<p>This section introduces the S. Rajaratnam School of International Studies: how "
            "it came to be, how it is governed, the people who work here, and how to find us on "
            "the NTU campus.</p>"
        ),
    },
    "about-rsis/introduction": {
        "summary": (
            "An overview of RSIS as a policy-oriented think tank and professional graduate "
            "school at Nanyang Technological University."
        ),
        "body": (
            "<h2>A think tank and a graduate school</h2>"
            "<p>The S. Rajaratnam School of International Studies (RSIS) is part of Nanyang "
            "Technological University (NTU) in Singapore. It combines two roles that are often "
            "kept apart: it is a think tank that produces research and analysis for "
            "policymakers, and it is a graduate school that teaches the next generation of "
            "analysts, officials and scholars. Each side strengthens the other, with research "
            "feeding into the classroom and students bringing fresh questions to the "
            "research.</p>"
            "<h2>Our areas of work</h2>"
            "<p>Work at the school is organised through research centres and programmes that "
            "look at security and international affairs from several angles, including:</p>"
            "<ul><li>defence, strategy and regional security in the Asia-Pacific;</li>"
            "<li>multilateralism, regional institutions and international political economy;</li>"
            "<li>non-traditional security challenges such as climate, health and food "
            "security;</li><li>national security, resilience and emerging technology;</li>"
            "<li>political violence, terrorism and extremism;</li>"
            "<li>inter-religious relations in plural societies.</li></ul>"
            "<h2>Ponder The Improbable</h2>"
            "<p>The school’s motto, <em>Ponder The Improbable</em>, is a reminder that the "
            "events which matter most are often the ones few people expected. Our roots lie in "
            "the Institute of Defence and Strategic Studies, and the line “Since 1966” that "
            "accompanies our name reflects that long lineage of strategic thinking.</p>"
        ),
    },
    "about-rsis/building-the-foundations": {
        "summary": (
            "How RSIS grew from its roots in the Institute of Defence and Strategic Studies into "
            "a school of international studies."
        ),
        "body": (
            "<h2>From institute to school</h2>"
            "<p>RSIS did not appear fully formed. It grew out of the Institute of Defence and "
            "Strategic Studies (IDSS), whose focus on defence and regional security gave the "
            "school its first research agenda, its first networks and much of its character. As "
            "demand grew for analysis that reached beyond traditional military questions, the "
            "institute broadened its scope and its teaching, laying the groundwork for a full "
            "school of international studies within Nanyang Technological University.</p>"
            "<h2>Building blocks</h2>"
            "<p>Several elements came together over time to shape the school as it is today:</p>"
            "<ul>"
            "<li>graduate programmes that combine academic rigour with practical relevance;</li>"
            "<li>specialised research centres and programmes, each with its own community of "
            "experts;</li>"
            "<li>executive and networking programmes for officials and practitioners from across "
            "the region;</li>"
            "<li>a steady stream of publications, from short commentaries to books and "
            "journals.</li></ul>"
            "<h2>A name with meaning</h2>"
            "<p>The school carries the name of S. Rajaratnam, and it aims to reflect the "
            "outward-looking, clear-eyed approach to international affairs associated with him. "
            "This page is the place to learn about the milestones and ideas that shaped the "
            "school’s development.</p>"
        ),
    },
    "about-rsis/welcome-message": {
        "summary": (
            "A message of welcome to students, researchers, partners and visitors from the "
            "leadership of RSIS."
        ),
        "body": (
            "<p>Welcome to the S. Rajaratnam School of International Studies. Whether you are a "
            "prospective student, a policymaker, a fellow researcher or simply curious about the "
            "forces shaping Asia and the wider world, we are glad you have found us.</p>"
            "<p>Our aim is straightforward: to understand the security and international "
            "challenges facing Singapore and the region, and to help those who must respond to "
            "them. We do this through independent research, through graduate teaching that "
            "prepares people for demanding careers, and through programmes that bring together "
            "practitioners who might otherwise rarely meet.</p>"
            "<p>In a period of rapid change, our motto, <em>Ponder The Improbable</em>, feels "
            "more relevant than ever. We encourage you to explore our research, read our "
            "publications, attend our events and join the conversation. We look forward to "
            "welcoming you.</p>"
        ),
    },
    "about-rsis/board-of-governors": {
        "summary": (
            "The Board of Governors provides strategic direction and oversight for the school’s "
            "research, education and outreach."
        ),
        "body": (
            "<h2>Role of the board</h2>"
            "<p>The Board of Governors guides the overall direction of RSIS. It reviews the "
            "school’s strategy, supports its leadership in setting priorities, and helps ensure "
            "that the school’s work remains rigorous, relevant and well governed.</p>"
            "<h2>Composition</h2>"
            "<p>Members are drawn from a range of backgrounds so that the board can offer a "
            "broad view of the school’s mission. They typically include people with experience "
            "in:</p>"
            "<ul><li>government and public service;</li><li>academia and higher education;</li>"
            "<li>business and civil society.</li></ul>"
            "<p>This page lists the current members of the board and is updated whenever its "
            "membership changes.</p>"
        ),
    },
    "about-rsis/staff-profiles": {
        "summary": "Profiles of the people who lead, teach, research and support the work of RSIS.",
        "body": (
            "<p>Find the people behind the school’s work, grouped by office and role, with links "
            "to individual profiles, research interests and publications.</p>"
        ),
    },
    "about-rsis/staff-profiles/executive-deputy-chairmans-office": {
        "summary": (
            "Profiles of the Executive Deputy Chairman and the team that supports the school’s "
            "overall leadership."
        ),
        "body": (
            "<p>The Executive Deputy Chairman’s Office provides leadership for the school as a "
            "whole, setting strategic direction and representing RSIS to government, academic "
            "and international partners. This page introduces the members of the office and "
            "their responsibilities.</p>"
        ),
    },
    "about-rsis/staff-profiles/deans-office": {
        "summary": (
            "Profiles of the Dean and colleagues who oversee the school’s academic affairs and "
            "graduate teaching."
        ),
        "body": (
            "<p>The Dean’s Office is responsible for the academic life of the school, including "
            "its graduate programmes, faculty matters and academic standards. Here you can find "
            "the members of the office and learn how they support students and faculty.</p>"
        ),
    },
    "about-rsis/staff-profiles/management": {
        "summary": (
            "Profiles of the heads of the school’s centres, programmes and administrative units."
        ),
        "body": (
            "<p>This page introduces the senior management team, including the heads of research "
            "centres and programmes and the leaders of key administrative functions. Each "
            "profile outlines the person’s role and areas of responsibility.</p>"
        ),
    },
    "about-rsis/staff-profiles/distinguished-fellows": {
        "summary": (
            "Profiles of Distinguished Fellows who bring senior experience from public service, "
            "diplomacy and scholarship."
        ),
        "body": (
            "<p>Distinguished Fellows are accomplished figures from government, diplomacy, the "
            "armed forces or academia who contribute their experience to the school’s research, "
            "teaching and events. Their profiles describe their backgrounds and the themes they "
            "work on at RSIS.</p>"
        ),
    },
    "about-rsis/staff-profiles/faculty-and-research": {
        "summary": (
            "Profiles of the faculty members and research staff who teach and carry out the "
            "school’s research."
        ),
        "body": (
            "<p>Our faculty and research staff teach in the graduate programmes, supervise "
            "student research and publish on a wide range of security and international affairs "
            "topics. Browse their profiles to see their expertise, current projects and recent "
            "publications.</p>"
        ),
    },
    "about-rsis/staff-profiles/research-analysts": {
        "summary": (
            "Profiles of the school’s associate research fellows, senior analysts and research "
            "analysts."
        ),
        "body": (
            "<p>Associate Research Fellows, Senior Analysts and Research Analysts form the "
            "backbone of many research projects at RSIS. They track developments, write "
            "commentaries and reports, and support events and programmes. This page lists them "
            "by centre or programme, with links to their profiles.</p>"
        ),
    },
    "about-rsis/staff-profiles/visiting-fellows": {
        "summary": (
            "Profiles of scholars and practitioners currently spending time at RSIS as visiting "
            "fellows."
        ),
        "body": (
            "<p>Visiting Fellows join the school for a period to pursue research, exchange ideas "
            "with colleagues and take part in seminars. Their profiles outline their home "
            "institutions, research interests and the work they are undertaking while at "
            "RSIS.</p>"
        ),
    },
    "about-rsis/staff-profiles/adjunct-fellows": {
        "summary": (
            "Profiles of adjunct fellows who contribute to research and teaching alongside their "
            "primary roles elsewhere."
        ),
        "body": (
            "<p>Adjunct Fellows are experts based in other institutions or professions who "
            "maintain a formal association with RSIS. They contribute to research, teaching and "
            "events, bringing perspectives from outside the school. Their profiles are listed "
            "here.</p>"
        ),
    },
    "about-rsis/staff-profiles/administrative-staff": {
        "summary": (
            "Profiles of the administrative staff who keep the school’s programmes, events and "
            "operations running."
        ),
        "body": (
            "<p>The school’s administrative staff support everything from admissions and student "
            "services to events, publications, finance and information technology. This page "
            "lists the teams and the people to approach for help in each area.</p>"
        ),
    },
    "about-rsis/honours-and-awards": {
        "summary": (
            "Recognition received by RSIS staff and students for their research, teaching, "
            "service and academic achievement."
        ),
        "body": (
            "<h2>Celebrating achievement</h2>"
            "<p>Members of the RSIS community are regularly recognised for the quality of their "
            "work. This page brings together the honours and awards received by our staff and "
            "students, so that their achievements can be shared with colleagues, alumni and "
            "friends of the school.</p>"
            "<h2>What you will find here</h2>"
            "<ul><li>national and public service honours conferred on staff;</li>"
            "<li>awards for research, publications and policy-relevant writing;</li>"
            "<li>teaching and mentorship awards;</li>"
            "<li>scholarships, medals and prizes awarded to students.</li></ul>"
            "<p>Entries are grouped by year, with the most recent recognition shown first.</p>"
        ),
    },
    "about-rsis/rsis-endowment-fund": {
        "summary": (
            "How the RSIS Endowment Fund supports scholarships, research and programmes over the "
            "long term, and how to contribute."
        ),
        "body": (
            "<h2>Investing in the long term</h2>"
            "<p>The RSIS Endowment Fund gives the school a stable base from which to plan ahead. "
            "Gifts to the fund are invested, and the income they generate supports the school’s "
            "work year after year, helping it to pursue ideas and opportunities that fall "
            "outside regular budgets.</p>"
            "<h2>What the fund supports</h2>"
            "<ul><li>scholarships and bursaries for talented graduate students;</li>"
            "<li>professorships and fellowships that attract leading scholars and "
            "practitioners;</li><li>research projects, conferences and public lectures;</li>"
            "<li>programmes that connect the school with partners in the region and "
            "beyond.</li></ul>"
            "<h2>Making a gift</h2>"
            "<p>Individuals, foundations and organisations can all contribute. To find out how "
            "to give, or to discuss a gift for a particular purpose, please visit our <a "
            'href="/giving/">Giving</a> page or <a href="/contact-us/">contact us</a>.</p>'
        ),
    },
    "about-rsis/endowed-professorships": {
        "summary": (
            "Endowed professorships that bring distinguished scholars and practitioners to RSIS "
            "to teach, research and lecture."
        ),
        "body": (
            "<h2>Chairs that extend our reach</h2>"
            "<p>Endowed professorships allow RSIS to host distinguished scholars and "
            "practitioners whose expertise complements that of our own faculty. Funded through "
            "dedicated gifts, each professorship is associated with a particular field or theme "
            "and is held by a person of recognised standing in that area.</p>"
            "<h2>What holders do</h2>"
            "<p>Holders of endowed professorships typically:</p>"
            "<ul><li>deliver public lectures and take part in seminars and conferences;</li>"
            "<li>teach or co-teach graduate courses and mentor students;</li>"
            "<li>collaborate with research staff on projects and publications.</li></ul>"
            "<p>This page describes each professorship and, where applicable, its current and "
            "past holders.</p>"
        ),
    },
    "about-rsis/career-opportunities": {
        "summary": (
            "Current openings for research, teaching and administrative positions at RSIS, with "
            "guidance on how to apply."
        ),
        "body": (
            "<h2>Working at RSIS</h2>"
            "<p>RSIS offers the chance to work on questions that matter to Singapore and the "
            "region, in an environment that values independent thinking and collaboration. "
            "Colleagues come from many countries and disciplines, and work closely with "
            "policymakers, academics and practitioners.</p>"
            "<h2>Types of positions</h2>"
            "<ul><li>faculty and research positions across our centres and programmes;</li>"
            "<li>research analyst and associate research fellow roles;</li>"
            "<li>administrative and professional roles in areas such as events, communications "
            "and student services.</li></ul>"
            "<h2>How to apply</h2>"
            "<p>Open positions are listed on this page together with their requirements and "
            "application instructions. Please read each listing carefully and submit all the "
            "documents requested. Only shortlisted candidates will be contacted.</p>"
        ),
    },
    "about-rsis/getting-to-rsis": {
        "summary": (
            "The school’s address on the NTU campus and practical directions for reaching us by "
            "public transport or car."
        ),
        "body": (
            "<h2>Address</h2>"
            "<p><strong>S. Rajaratnam School of International Studies</strong></p>"
            "<p>Nanyang Technological University, Block S4, Level B3, 50 Nanyang Avenue, "
            "Singapore 639798</p>"
            "<h2>Finding your way</h2>"
            "<p>RSIS is located on the main campus of Nanyang Technological University in the "
            "west of Singapore. The campus is served by public buses and by the university’s own "
            "shuttle services, which connect the main academic blocks. A journey planner or map "
            "application will suggest the best route from your starting point.</p>"
            "<ul><li><strong>By public transport:</strong> travel to a nearby MRT station and "
            "continue by bus to the campus.</li>"
            "<li><strong>By car or taxi:</strong> ask to be taken to Block S4 on Nanyang Avenue; "
            "visitor parking is available on campus, subject to the university’s charges.</li>"
            "<li><strong>On campus:</strong> RSIS is on Level B3 of Block S4.</li></ul>"
            '<p><a href="https://www.google.com/maps?q=50+Nanyang+Avenue+Singapore+639798">View '
            "the location on Google Maps</a></p>"
        ),
    },
    "research": {
        "summary": (
            "An overview of research at RSIS, carried out through specialised centres, "
            "programmes and clusters."
        ),
        "body": (
            "<p>Research at RSIS is policy-relevant and rooted in scholarship. It is organised "
            "through specialised centres and programmes, each covering a distinct set of "
            "security and international affairs questions.</p>"
        ),
    },
    "research/research-centres": {
        "summary": (
            "The school’s research centres, each focused on a distinct field of security and "
            "international affairs."
        ),
        "body": (
            "<p>Our research centres are the main homes for the school’s long-term research. "
            "Each has its own team, research agenda, publications and events.</p>"
        ),
    },
    "research/research-centres/cms": {
        "summary": (
            "The Centre for Multilateralism Studies examines regional and global institutions, "
            "cooperation and international political economy."
        ),
        "body": (
            "<p>The Centre for Multilateralism Studies (CMS) studies how states and other actors "
            "cooperate through regional and global institutions. Its work covers regional "
            "architecture in Asia, trade and economic governance, and the changing shape of the "
            "multilateral order.</p>"
            "<p>On this page you will find an introduction to the centre’s research themes, its "
            "team, its publications and its upcoming events.</p>"
        ),
    },
    "research/research-centres/nts-centre": {
        "summary": (
            "The Centre for Non-Traditional Security Studies researches challenges such as "
            "climate change, health, food and energy security."
        ),
        "body": (
            "<p>The Centre for Non-Traditional Security Studies (NTS Centre) looks at threats to "
            "the security of people and societies that go beyond military conflict, including "
            "climate change, environmental stress, pandemics, food and energy security, "
            "migration and humanitarian crises.</p>"
            "<p>The centre publishes research and policy analysis, convenes regional dialogues "
            "and works with partners across Asia on these cross-border issues.</p>"
        ),
    },
    "research/research-centres/cens": {
        "summary": (
            "The Centre of Excellence for National Security studies national security, social "
            "resilience, cyber issues and emerging threats."
        ),
        "body": (
            "<p>The Centre of Excellence for National Security (CENS) focuses on national and "
            "homeland security issues of relevance to Singapore and similar societies. Its "
            "research covers areas such as social resilience, cyber and information security, "
            "future threats and policy responses to them.</p>"
            "<p>The centre engages closely with practitioners and hosts seminars, workshops and "
            "exchanges that bring researchers and officials together.</p>"
        ),
    },
    "research/research-centres/idss": {
        "summary": (
            "The Institute of Defence and Strategic Studies conducts research on defence, "
            "strategy and regional security in the Asia-Pacific."
        ),
        "body": (
            "<p>The Institute of Defence and Strategic Studies (IDSS) is the school’s oldest "
            "research body and the root from which RSIS grew. It examines defence policy, "
            "military affairs, maritime security, great-power relations and the strategic "
            "environment of Southeast Asia and the wider Asia-Pacific.</p>"
            "<p>IDSS researchers publish commentaries, papers and books, and contribute to "
            "dialogues with defence and foreign policy communities in the region.</p>"
        ),
    },
    "research/research-centres/icpvtr": {
        "summary": (
            "The International Centre for Political Violence and Terrorism Research studies "
            "terrorism, extremism and counter-terrorism."
        ),
        "body": (
            "<p>The International Centre for Political Violence and Terrorism Research (ICPVTR) "
            "tracks and analyses terrorist and violent extremist groups, their ideologies and "
            "their operations, with a particular focus on Asia. It also studies approaches to "
            "countering violent extremism and rehabilitation.</p>"
            "<p>The centre produces analysis for policymakers and practitioners, publishes the "
            "journal <em>Counter Terrorist Trends and Analyses</em>, and runs training for "
            "analysts.</p>"
        ),
    },
    "research/research-programmes": {
        "summary": (
            "Research programmes at RSIS that address specific themes and work alongside the "
            "research centres."
        ),
        "body": (
            "<p>Alongside its centres, RSIS runs research programmes that concentrate on "
            "particular themes, often combining research with outreach and executive "
            "education.</p>"
        ),
    },
    "research/research-programmes/nssp": {
        "summary": (
            "The National Security Studies Programme brings research to bear on national "
            "security policy and the education of practitioners."
        ),
        "body": (
            "<p>The National Security Studies Programme (NSSP) focuses on national security "
            "questions and on building understanding among those who work in the field. It "
            "combines research with courses, seminars and discussions designed for officials and "
            "practitioners.</p>"
        ),
    },
    "research/research-programmes/srp": {
        "summary": (
            "The SRP Programme studies inter-religious relations and social cohesion in plural "
            "societies."
        ),
        "body": (
            "<p>The Studies in Inter-Religious Relations in Plural Societies (SRP) Programme "
            "examines how diverse religious communities live together, and how trust and "
            "cohesion can be strengthened in plural societies such as Singapore.</p>"
            "<p>The programme publishes research, organises public lectures and dialogues, and "
            "runs an executive programme for leaders from different faiths and sectors.</p>"
        ),
    },
    "research/future-issues-and-technology-cluster": {
        "summary": (
            "The Future Issues and Technology Cluster looks at how emerging technologies and "
            "long-term trends affect security and society."
        ),
        "body": (
            "<p>The Future Issues and Technology Cluster explores how developments in areas such "
            "as artificial intelligence, digital technology and other emerging fields may "
            "reshape security, governance and society. It takes a forward-looking approach, in "
            "keeping with the school’s motto, <em>Ponder The Improbable</em>.</p>"
            "<p>The cluster’s work includes research, commentaries and events that bring "
            "together technologists, policymakers and scholars.</p>"
        ),
    },
    "research/newsletter": {
        "summary": (
            "Past and current issues of the research newsletter, highlighting recent work, "
            "events and people at RSIS."
        ),
        "body": (
            "<p>The newsletter offers a regular round-up of research at RSIS, with short "
            "features on recent projects, publications, events and people. This page collects "
            "past and current issues so that readers can catch up on what the school has been "
            "working on.</p>"
        ),
    },
    "research/other-research": {
        "summary": (
            "Research initiatives and programmes that have concluded or sit outside the main "
            "centres."
        ),
        "body": (
            "<p>This section gathers research initiatives that sit outside the main centres and "
            "programmes, including programmes that have now concluded.</p>"
        ),
    },
    "research/other-research/stsp": {
        "summary": (
            "An archive of the Science and Technology Studies Programme, which ran from 2017 to "
            "2020."
        ),
        "body": (
            "<p>The Science and Technology Studies Programme (STSP) examined the relationship "
            "between science, technology and security during its years of activity, from 2017 to "
            "2020. This page is kept as a record of the programme’s aims, publications and "
            "events.</p>"
        ),
    },
    "graduate-education": {
        "summary": (
            "Graduate programmes in international affairs at RSIS, from master’s degrees to the "
            "PhD."
        ),
        "body": (
            "<p>RSIS offers graduate education that prepares students for careers in government, "
            "international organisations, business, the media and research. Explore our "
            "programmes, admissions information and support for students below.</p>"
        ),
    },
    "graduate-education/graduate-programmes-office": {
        "summary": (
            "The Graduate Programmes Office supports prospective and current students from "
            "admission through to graduation."
        ),
        "body": (
            "<p>The Graduate Programmes Office looks after the administration of the school’s "
            "graduate programmes. It answers enquiries from prospective students, manages "
            "admissions and registration, and supports current students with academic and "
            "administrative matters throughout their studies.</p>"
        ),
    },
    "graduate-education/overview": {
        "summary": (
            "An overview of the school’s graduate programmes and what makes studying "
            "international affairs at RSIS distinctive."
        ),
        "body": (
            "<p>Graduate students at RSIS learn in a school where research and policy practice "
            "meet. Courses are taught by faculty who are active researchers, often alongside "
            "practitioners, and students study with classmates from many countries and "
            "professional backgrounds.</p>"
            "<p>The school offers several MSc programmes, a double master’s programme with the "
            "University of Warwick and a PhD programme. This page summarises the options to help "
            "you choose the right one.</p>"
        ),
    },
    "graduate-education/msc-asian-studies": {
        "summary": (
            "The MSc (Asian Studies) programme examines the politics, societies, economies and "
            "security of Asia."
        ),
        "body": (
            "<p>The MSc (Asian Studies) programme offers an in-depth understanding of "
            "contemporary Asia, covering its politics, history, societies, economies and "
            "security. It suits students who want to build careers that engage with the region, "
            "whether in public service, business, the media or research.</p>"
        ),
    },
    "graduate-education/msc-international-political-economy": {
        "summary": (
            "The MSc (International Political Economy) programme explores how politics and "
            "economics interact across borders."
        ),
        "body": (
            "<p>The MSc (International Political Economy) programme explores the links between "
            "power and wealth in the global system, including trade, finance, development and "
            "economic governance. Students learn to analyse how political choices shape economic "
            "outcomes, and vice versa.</p>"
        ),
    },
    "graduate-education/msc-international-relations": {
        "summary": (
            "The MSc (International Relations) programme covers the theory and practice of "
            "relations between states and other actors."
        ),
        "body": (
            "<p>The MSc (International Relations) programme introduces students to the major "
            "theories of international relations and applies them to current issues, from "
            "great-power rivalry to regional cooperation and global governance. It is designed "
            "for students who want a broad foundation in world affairs.</p>"
        ),
    },
    "graduate-education/msc-strategic-studies": {
        "summary": (
            "The MSc (Strategic Studies) programme focuses on defence, security and the use of "
            "force in international politics."
        ),
        "body": (
            "<p>The MSc (Strategic Studies) programme examines war, peace and security, "
            "including military strategy, defence policy, conflict and emerging security "
            "challenges. It draws on the school’s long tradition of defence and strategic "
            "studies and attracts both civilian and uniformed students.</p>"
        ),
    },
    "graduate-education/ntu-warwick-double-masters-programme": {
        "summary": (
            "The NTU-Warwick Double Masters Programme lets students study in Singapore and the "
            "United Kingdom and earn two degrees."
        ),
        "body": (
            "<p>The NTU-Warwick Double Masters Programme is offered jointly with the University "
            "of Warwick in the United Kingdom. Students spend part of their studies at each "
            "institution and graduate with a master’s degree from both, gaining an international "
            "perspective and access to two academic communities.</p>"
            "<p>This page describes the structure of the programme, its entry requirements and "
            "how to apply.</p>"
        ),
    },
    "graduate-education/phd-programme": {
        "summary": (
            "The PhD programme supports doctoral research on international relations, security "
            "and related fields."
        ),
        "body": (
            "<p>The PhD programme is for candidates who want to undertake original, in-depth "
            "research in international relations, strategic studies, international political "
            "economy or related fields. Candidates work closely with faculty supervisors and "
            "take part in the school’s research community, seminars and events.</p>"
        ),
    },
    "graduate-education/exchange-partners-and-programmes": {
        "summary": (
            "Exchange arrangements with partner universities that let RSIS students spend time "
            "studying abroad."
        ),
        "body": (
            "<p>RSIS has exchange arrangements with partner universities around the world. "
            "Eligible students may spend part of their studies at a partner institution, while "
            "students from partner schools may join RSIS for a period. This page lists current "
            "partners and explains how to take part.</p>"
        ),
    },
    "graduate-education/how-to-apply": {
        "summary": (
            "Step-by-step guidance on applying to the school’s graduate programmes, including "
            "requirements and documents."
        ),
        "body": (
            "<p>This page explains how to apply to the graduate programmes at RSIS, including "
            "the entry requirements, the documents you will need and how applications are "
            "submitted and assessed. We recommend reading the information for your chosen "
            "programme carefully before starting your application.</p>"
            "<p>If you have questions, please reach out to the <a "
            'href="/graduate-education/graduate-programmes-office/">Graduate Programmes '
            "Office</a>.</p>"
        ),
    },
    "graduate-education/financial-assistance": {
        "summary": (
            "Information on scholarships, grants and other financial assistance that may be "
            "available to graduate students."
        ),
        "body": (
            "<p>RSIS is committed to helping talented students pursue graduate study. "
            "Scholarships, tuition grants and other forms of financial assistance may be "
            "available to eligible applicants, depending on the programme and the student’s "
            "circumstances.</p>"
            "<p>This page outlines the types of support offered, the eligibility criteria and "
            "how to apply for them.</p>"
        ),
    },
    "graduate-education/information-sessions": {
        "summary": (
            "Information sessions and other events where prospective students can meet the "
            "admissions team and ask questions."
        ),
        "body": (
            "<p>Meet the admissions team at our information sessions, held both in person and "
            "online. These sessions introduce the school’s graduate programmes, explain the "
            "application process and give prospective students the chance to ask questions "
            "directly.</p>"
            "<p>Upcoming sessions and other admissions events are listed on this page, together "
            "with registration details.</p>"
        ),
    },
    "graduate-education/rsis-alumni": {
        "summary": (
            "How graduates of RSIS programmes stay connected with the school and with each other."
        ),
        "body": (
            "<p>Graduates of RSIS join a community of alumni working in government, "
            "international organisations, the armed forces, business, the media and academia. "
            "This page shares alumni news and explains how graduates can stay in touch with the "
            "school and with one another.</p>"
        ),
    },
    "alumni-and-networks": {
        "summary": (
            "The alumni community and the executive programmes and networks that RSIS convenes "
            "for practitioners."
        ),
        "body": (
            "<p>RSIS builds lasting connections through its alumni community and through "
            "executive programmes and forums that bring together practitioners from across the "
            "region and beyond.</p>"
        ),
    },
    "alumni-and-networks/alumni": {
        "summary": (
            "News, activities and ways to stay connected for alumni of the school’s graduate and "
            "executive programmes."
        ),
        "body": (
            "<p>Our alumni include graduates of the school’s degree programmes as well as "
            "participants in its executive programmes. This page gathers alumni news, reunions "
            "and networking activities, and explains how alumni can update their details and "
            "stay involved with the school.</p>"
        ),
    },
    "alumni-and-networks/appsmo": {
        "summary": (
            "APPSMO brings senior military officers from across the Asia-Pacific together for "
            "dialogue on regional security."
        ),
        "body": (
            "<p>The Asia-Pacific Programme for Senior Military Officers (APPSMO) gives senior "
            "officers from across the region a forum to discuss security issues, hear from "
            "experts and build relationships with counterparts from other countries. This page "
            "describes the programme and its format.</p>"
        ),
    },
    "alumni-and-networks/appsno": {
        "summary": (
            "APPSNO gathers senior national security officers from the Asia-Pacific to exchange "
            "views on shared security challenges."
        ),
        "body": (
            "<p>The Asia-Pacific Programme for Senior National Security Officers (APPSNO) brings "
            "together officials responsible for national security in their countries. Through "
            "lectures, discussions and informal exchanges, participants examine common "
            "challenges and strengthen professional networks across the region.</p>"
        ),
    },
    "alumni-and-networks/isf-asia": {
        "summary": (
            "ISF-Asia convenes emerging strategic thinkers from different sectors and countries "
            "to discuss long-term regional issues."
        ),
        "body": (
            "<p>The International Strategy Forum-Asia (ISF-Asia) brings together rising leaders "
            "and strategic thinkers from government, business, academia and civil society. The "
            "forum encourages candid conversation about long-term challenges and builds a "
            "network of people who will shape the region’s future.</p>"
        ),
    },
    "alumni-and-networks/srp-executive-programme": {
        "summary": (
            "The SRP Executive Programme helps leaders build understanding and cohesion across "
            "religious communities."
        ),
        "body": (
            "<p>The SRP Executive Programme, run by the Studies in Inter-Religious Relations in "
            "Plural Societies Programme, is designed for religious and community leaders, "
            "officials and professionals. It explores how to strengthen social cohesion and "
            "inter-religious understanding in diverse societies.</p>"
        ),
    },
    "alumni-and-networks/tatc": {
        "summary": (
            "The Terrorism Analyst Training Course develops the skills of analysts working on "
            "terrorism and violent extremism."
        ),
        "body": (
            "<p>The Terrorism Analyst Training Course (TATC) equips analysts and practitioners "
            "with frameworks and methods for understanding terrorism and violent extremism. It "
            "draws on the research of the International Centre for Political Violence and "
            "Terrorism Research and its experience in the field.</p>"
        ),
    },
    "publications/glossary-of-abbreviations": {
        "summary": "A glossary of abbreviations and acronyms commonly used in RSIS publications.",
        "body": (
            "<p>Security and international affairs writing is full of acronyms. This glossary "
            "explains the abbreviations most often used in RSIS publications, from the names of "
            "organisations and agreements to technical terms.</p>"
        ),
    },
    "publications/rsis-award-articles": {
        "summary": (
            "Policy-relevant articles by RSIS staff that have been recognised with an RSIS award."
        ),
        "body": (
            "<p>RSIS recognises articles by its staff that are both academically strong and "
            "relevant to policy. This page lists the articles that have received the award, with "
            "short summaries and publication details.</p>"
        ),
    },
    "media": {
        "summary": "News, speeches, media coverage, video and audio from RSIS.",
        "body": (
            "<p>Find the latest news from RSIS, media coverage of our work, speeches, and "
            "recordings of talks and forums.</p>"
        ),
    },
    "media/great-powers": {
        "summary": (
            "A resource page gathering RSIS analysis on relations among the great powers and "
            "their impact on the region."
        ),
        "body": (
            "<p>This resource page brings together RSIS commentaries, papers and recordings on "
            "relations among the great powers and what they mean for Southeast Asia and the "
            "wider Asia-Pacific. It is a convenient starting point for readers following these "
            "developments.</p>"
        ),
    },
    "media/sustainable-security": {
        "summary": (
            "A resource page collecting RSIS work on sustainability, climate and their links to "
            "security."
        ),
        "body": (
            "<p>This resource page collects RSIS analysis and events on sustainability and "
            "security, including climate change, energy transitions and environmental risks, and "
            "how these shape security in the region.</p>"
        ),
    },
    "media/other-resource-pages": {
        "summary": "Further resource pages gathering RSIS analysis on topical themes.",
        "body": (
            "<p>Beyond our main resource pages, RSIS maintains collections of analysis on other "
            "topical themes. This page links to each of them.</p>"
        ),
    },
    "media/media-highlights": {
        "summary": "Highlights of RSIS staff and research appearing in the news media.",
        "body": (
            "<p>RSIS researchers are frequently interviewed and quoted by news media in "
            "Singapore and around the world. This page highlights recent coverage of the "
            "school’s staff and research.</p>"
        ),
    },
    "media/news-releases": {
        "summary": (
            "Official news releases from RSIS about its activities, appointments and events."
        ),
        "body": (
            "<p>This page carries the school’s official news releases, covering announcements "
            "about programmes, events, partnerships and other developments at RSIS.</p>"
        ),
    },
    "media/speeches": {
        "summary": "Texts of speeches delivered at RSIS events and by RSIS leaders.",
        "body": (
            "<p>Here you will find the texts of speeches delivered at RSIS conferences, lectures "
            "and ceremonies, as well as speeches given by the school’s leaders at other "
            "occasions.</p>"
        ),
    },
    "media/vidcast-channel": {
        "summary": (
            "The RSIS Vidcast Channel: video interviews, lectures and discussions with RSIS "
            "researchers and guests."
        ),
        "body": (
            "<p>The RSIS Vidcast Channel features short videos, interviews and recorded lectures "
            "in which researchers and guests discuss current issues. New episodes are added "
            "regularly.</p>"
        ),
    },
    "media/audio-video-forums": {
        "summary": "Audio and video recordings of RSIS seminars, lectures and forums.",
        "body": (
            "<p>This page provides audio and video recordings of seminars, public lectures and "
            "forums held at RSIS, so that those unable to attend can follow the discussions.</p>"
        ),
    },
    "events": {
        "summary": "Upcoming and past RSIS seminars, lectures, conferences and forums.",
        "body": (
            "<p>RSIS hosts a busy calendar of seminars, public lectures, conferences, "
            "roundtables and workshops. This page lists upcoming events, with details on how to "
            "register, as well as a record of past events.</p>"
            "<p>Some events are open to the public, while others are by invitation only; please "
            "check each listing for details.</p>"
        ),
    },
    "giving": {
        "summary": (
            "How individuals and organisations can support RSIS students, research and "
            "programmes through gifts."
        ),
        "body": (
            "<p>Gifts to RSIS help the school offer scholarships, attract outstanding faculty, "
            "pursue new research and bring people together to discuss the challenges facing the "
            "region. Support can be directed to general purposes or to a specific area of "
            "interest.</p>"
            "<p>To learn more about giving, including the <a "
            'href="/about-rsis/rsis-endowment-fund/">RSIS Endowment Fund</a>, please <a '
            'href="/contact-us/">get in touch</a>.</p>'
        ),
    },
    "contact-us": {
        "summary": (
            "How to reach RSIS, including the school’s address on the Nanyang Technological "
            "University campus."
        ),
        "body": (
            "<p>We welcome enquiries from prospective students, researchers, the media, partners "
            "and members of the public. Our postal address is:</p>"
            "<p><strong>S. Rajaratnam School of International Studies</strong></p>"
            "<p>Nanyang Technological University, Block S4, Level B3, 50 Nanyang Avenue, "
            "Singapore 639798</p>"
            '<p>For directions, see <a href="/about-rsis/getting-to-rsis/">Getting to RSIS</a>. '
            "Admissions questions are best directed to the <a "
            'href="/graduate-education/graduate-programmes-office/">Graduate Programmes '
            "Office</a>.</p>"
        ),
    },
    "terms-of-use": {
        "summary": "The terms that apply when you use this website and its content.",
        "body": (
            "<h2>Acceptance of these terms</h2>"
            "<p>By using this website, you agree to these terms of use. If you do not agree with "
            "them, please do not use the site. The terms may be updated from time to time, and "
            "continued use of the site means you accept the current version.</p>"
            "<h2>Use of content</h2>"
            "<p>The content on this site is provided for general information. You may view and "
            "print it for personal, non-commercial use. Reproducing or republishing material, "
            "including commentaries and other publications, requires prior permission from RSIS "
            "and appropriate credit to the authors and the school.</p>"
            "<h2>Views of authors</h2>"
            "<p>Publications and commentaries on this site reflect the views of their authors "
            "and do not necessarily represent the official position of the school or the "
            "university.</p>"
            "<h2>No warranty</h2>"
            "<p>We take care to keep the site accurate and available, but we do not guarantee "
            "that the content is complete, current or free from error, and we are not "
            "responsible for any loss arising from its use.</p>"
            "<h2>Links to other sites</h2>"
            "<p>This site may link to external websites. These links are provided for "
            "convenience, and we are not responsible for the content or practices of those "
            "sites.</p>"
        ),
    },
    "privacy-statement": {
        "summary": (
            "How this website collects, uses and protects personal information, including its "
            "use of cookies."
        ),
        "body": (
            "<h2>Our commitment</h2>"
            "<p>We respect the privacy of visitors to this website. This statement explains what "
            "information we collect when you use the site and how we use it.</p>"
            "<h2>Information you give us</h2>"
            "<p>When you register for an event, subscribe to updates or contact us, we collect "
            "the details you provide, such as your name and email address. We use this "
            "information only for the purpose for which you provided it.</p>"
            "<h2>Cookies</h2>"
            "<p>This site uses a cookie to remember that you have accepted the cookie notice, so "
            "that the notice is not shown to you again on every page. You can remove or block "
            "cookies in your browser settings, but the notice may then reappear.</p>"
            "<h2>Sharing and security</h2>"
            "<p>We do not sell your personal information. We take reasonable measures to protect "
            "the information we hold against unauthorised access, use or disclosure.</p>"
            "<h2>Questions</h2>"
            "<p>If you have questions about this statement or how your information is handled, "
            'please <a href="/contact-us/">contact us</a>.</p>'
        ),
    },
}
