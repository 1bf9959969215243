# The unseen gold set, Wall Street Journal sentences from row 300 on (the
# first gold set stops at row 252), those with a digit taken at an even step;
# written from the sentences alone before the extractor was run on them.
FILE = "gaza-casualty-mentions/data/tagged_data_wsj_oct7_to_oct22.csv"
ROWS = {
    300: [("1,400", "deaths", "Israel", None), ("close to 200", "hostages", "Israel", None),
          ("more than 20", None, "Israel", None), ("thousands", None, "Israel", None)],
    315: [("at least 1,300", "deaths", "Israel", "Israeli authorities")],
    331: [("hundreds", "deaths", "Israel", None)],
    349: [("about 2,778", "deaths", "Gaza", None), ("more than 10,000", "injuries", "Gaza", None)],
    367: [("some 900", "deaths", "Israel", None), ("at least a hundred", "hostages", "Israel", None)],
    378: [("more than 40", None, "Israel", "foreign ministry")],
    392: [("30", "deaths", None, None)],
    410: [("one", None, "Gaza", "Mahmoud Shalabi"), ("five", "deaths", "Gaza", "Mahmoud Shalabi"),
          ("80", "deaths", "Gaza", "Mahmoud Shalabi")],
    427: [],
    447: [("471", "deaths", "Gaza", "Gaza Health Ministry")],
    460: [("37", None, None, "World Health Organization"), ("six", "deaths", None, "World Health Organization")],
    483: [("at least 1,300", "deaths", "Israel", None)],
    507: [("more than 1,400", "deaths", "Israel", "Foreign Ministry"), ("more than 40", None, "Israel", "Foreign Ministry")],
    519: [("at least 1,400", "deaths", "Israel", None)],
    532: [("At least 20", "missing", None, None), ("1,200", "deaths", None, None), ("more than 100", "hostages", None, None)],
    547: [("more than 1,400", "deaths", "Israel", None), ("more than 1,000", "deaths", "Israel", None)],
    565: [("more than 1,300", "deaths", "Israel", None)],
    581: [("more than 200", "hostages", "Israel", "military"), ("1,400", "deaths", "Israel", "military")],
    597: [("more than 1,500", "deaths", "Gaza", "Gaza Health Ministry")],
    612: [("About 90", "deaths", "West Bank", "Palestinian Authority"), ("two", "deaths", "Jenin", "Palestinian Authority")],
    628: [("52", "deaths", None, None), ("seven", "hostages", None, None), ("13", "missing", None, None)],
    645: [("20", "deaths", "Beit Hanoun", "Marouf")],
}
