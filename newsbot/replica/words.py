"""Made-up vocabulary for titles and bodies (nothing here is a real article)."""

SOURCES = [
    "Daily Mail", "The Independent", "Independent", "Yahoo", "The Guardian", "BBC News", "CBC",
    "Sky News", "Sky News AU", "Fox News", "Reuters", "CNN", "IOL News", "Indian Express",
    "India Today", "Time of India", "Express Tribune", "Irish Times", "Irish Independent",
    "Irish Examiner", "RTÉ News", "The Irish Sun", "Khaleej Times", "What's On", "The National",
    "Yemenat", "See - Sada Elbalad", "Zawya", "New Straits Times", "The Star", "The Sun",
    "Malaysiakini", "Bangkok Post", "Japan Times", "Japan Forward", "RTHK", "NZ Herald",
    "RNZ News", "News.com.au", "9 News", "Sydney Morning Herald", "CTV News", "National Post",
    "Boston Globe", "The Hill", "Newsweek", "Daily Mirror", "Metro", "The Herald Scotland",
    "Daily Maverick", "LeMonde",
]  # fmt: skip
AR_SOURCES = ["عكاظ", "تليكسبريس"]
CATEGORIES = ["Politics", "Business", "Health", "Entertainment", "General"]
TAGS = ["Politics", "Economy", "Climate", "Football", "Technology", "Health", "Travel", "Elections"]

SUBJECTS = [
    "Harbour council", "Regional health board", "Coastal rail operator", "University researchers",
    "Mountain town", "Farmers' union", "City museum", "Water authority", "Teachers' federation",
    "Island ferry firm", "State energy agency", "Local bakery chain", "Festival organisers",
    "Airport operator", "Fishing cooperative", "Housing charity", "Tech start-up",
    "Wildlife trust", "Transport minister", "Opposition leader", "Small-business group",
    "Hospital trust", "Police chief", "Football club", "Film studio", "Space agency",
    "Chamber of commerce", "Tourism board", "Port workers", "Student union",
]  # fmt: skip
VERBS = [
    "unveils", "delays", "approves", "questions", "expands", "rejects", "defends", "scraps",
    "backs", "reviews", "launches", "pauses", "doubles", "trims", "revives", "wins support for",
    "faces criticism over", "seeks funding for", "sets deadline for", "opens talks on",
]  # fmt: skip
OBJECTS = [
    "plan for new ferry terminal", "budget for school repairs", "night bus trial",
    "rooftop solar scheme", "rules on short-term rentals", "hospital car park fees",
    "river clean-up project", "cheaper lunch menu", "new cycle lane network",
    "pay deal for nurses", "bid to host summer games", "tree-planting target",
    "late-night licensing hours", "flood defence wall", "free museum Sundays",
    "electric taxi fleet", "library opening hours", "tourist tax proposal",
    "weekend market expansion", "drone delivery pilot", "youth sports grants",
    "coastal path repairs", "rent cap extension", "heat pump subsidy", "new stadium design",
    "water price rise", "airport night flights", "heritage tram line", "four-day week pilot",
    "seaside hotel project",
]  # fmt: skip
PLACES = [
    "in Northvale", "in Port Alder", "in Brackenridge", "in Eastmere", "in Kestrel Bay",
    "in Linden Falls", "in Oakhurst", "in Redwater", "in Silverton", "in Westbrook",
    "after long debate", "amid budget fears", "ahead of winter", "despite protests",
    "after public vote", "as costs rise", "after safety review", "for second year",
]  # fmt: skip
NAMES = ["Ana Ruiz", "Ben Carter", "Chloe Grant", "Dev Patel", "Elena Novak", "Farid Haddad",
         "Grace Lin", "Hugo Brandt", "Ines Costa", "Jonah Reed", "Kira Sato",
         "Liam Doyle"]  # fmt: skip
ROLES = ["a spokesperson", "the chair", "a local resident", "an economist", "the mayor",
         "a union official", "a shop owner", "a senior engineer"]  # fmt: skip

# Body sentence templates; some carry the traps the reference warns about (relative phrases
# that are not the article's time, clock times, durations, straightened closing quotes).
SENTENCES = [
    "{subj} said the decision would be reviewed early next year.",
    "{name}, {role}, said the change was long overdue.",
    "The proposal was first discussed 40 years ago but never went ahead.",
    "Officials met last week to agree the final wording of the plan.",
    "A statement released yesterday said work would begin on Thursday.",
    "The announcement came at 10.51am, shortly after the morning session.",
    "Figures published at 0645 GMT showed a rise of {num} per cent.",
    "Critics called the scheme ‘uncivilised' and demanded a fresh consultation.",
    "The project is expected to cost about {num} million dollars.",
    "{name} told reporters the timetable remained realistic.",
    "Residents have until the end of the month to respond.",
    "The council will publish a full report in the spring.",
    "Some {num} people attended a public meeting on the issue.",
    "Supporters say the plan will create jobs and cut emissions.",
    "Opponents argue that the money would be better spent on schools.",
    "A short video of the site, lasting 01:10, was shared online.",
    "{subj} declined to comment further on the negotiations.",
    "The first phase should be finished within {num} weeks.",
    "Local businesses have been asked to share their views.",
    "A final vote is scheduled for the next full meeting.",
]  # fmt: skip

AR_SUBJECTS = ["بلدية المدينة", "وزارة النقل", "جامعة الساحل", "غرفة التجارة", "هيئة السياحة",
               "إدارة الميناء"]  # fmt: skip
AR_VERBS = ["تعلن", "تطلق", "تناقش", "تؤجل", "تعتمد"]
AR_OBJECTS = ["خطة جديدة للنقل العام", "مشروعا لتوسيع الميناء", "برنامجا لدعم المزارعين",
              "مهرجانا ثقافيا في الصيف", "ميزانية لصيانة المدارس",
              "مبادرة لزراعة الأشجار"]  # fmt: skip
AR_SENTENCES = [
    "وقال مسؤول في {subj} إن المشروع سيبدأ خلال الأشهر المقبلة.",
    "وأضاف أن الميزانية المخصصة تبلغ {num} مليون درهم.",
    "ويأتي هذا الإعلان بعد نقاشات استمرت عدة أسابيع.",
    "ورحب السكان بالخطوة، مطالبين بمزيد من الشفافية.",
    "ومن المتوقع أن تنتهي المرحلة الأولى قبل نهاية العام.",
    "وأشار إلى أن الاجتماع المقبل سيخصص لمناقشة التفاصيل.",
]  # fmt: skip
