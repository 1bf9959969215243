# The unseen gold set (claims-gold-unseen.jsonl): hand annotations written on
# 2026-11-27 from the sentences alone, before the extractor was run on them
# and after every change to it had been made. Sentences with a digit from
# the New York Times file the first gold set does not use, taken at an even
# step (photo captions with only a date are kept: they must give nothing).
# Each row: sentence row index, then figures as (text, metric, entity,
# attribution authority or None).
FILE = "gaza-casualty-mentions/data/tagged_data_nyt_oct7_to_oct18.csv"
ROWS = {
    0: [("more than 1,300", "deaths", "Israel", None)],
    70: [("At least 36", "deaths", "Israel", None)],
    143: [],
    217: [],
    304: [],
    367: [],
    454: [("at least 200", "deaths", "Israel", None)],
    523: [("1,537", "deaths", "Gaza", "Gaza Health Ministry"), ("6,612", "injuries", "Gaza", "Gaza Health Ministry")],
    607: [("around 1,500", "deaths", "Israel", "military")],
    689: [("more than 1,300", "deaths", "Israel", None)],
    775: [("more than 2,808", "deaths", "Gaza", "Gaza Health Ministry"),
          ("10,850", "injuries", "Gaza", "Gaza Health Ministry")],
    855: [],
    930: [],
    1005: [],
    1073: [("more than 2,800", "deaths", "Gaza", "Gaza Health Ministry"), ("hundreds", "deaths", "Gaza", None)],
    1172: [("two", "deaths", "West Bank", "Hamas")],
    1268: [("more than 2,808", "deaths", "Gaza", "Gaza Health Ministry"),
           ("10,850", "injuries", "Gaza", "Gaza Health Ministry")],
    1347: [("700", "deaths", "Israel", "Foreign Ministry"), ("at least 150", "hostages", "Israel", "defense official")],
    1412: [("hundreds", "deaths", "Israel", None)],
    1469: [],
    1568: [("Hundreds", None, "Israel", None), ("more than 1,200", "deaths", "Israel", None)],
    1654: [],
    1726: [("two", "deaths", "Gaza", "Hamas"), ("900", "deaths", "Gaza", "Gaza Health Ministry"),
           ("4,500", "injuries", "Gaza", "Gaza Health Ministry")],
    1824: [("at least 1,300", "deaths", "Israel", None), ("150", "hostages", "Israel", None)],
    1924: [],
    1998: [],
}
