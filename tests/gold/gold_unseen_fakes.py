# The unseen gold set, FA-KES articles (the first 700 characters, as in the
# first set) at rows it does not use; written from the text alone before the
# extractor was run on them. Page furniture ("Views 2494") is a number a
# reader sees, with no metric and no place.
FILE = "fa-kes/FA-KES-Dataset.csv"
PREFIX = 700
ROWS = {
    250: [("2494", None, None, None)],
    420: [("11", "deaths", "Deir Ezzor", None), ("11", "deaths", "Deir Ezzor", "SANA")],
    610: [("6", "deaths", "Sheikh Maqsood", None), ("12", "injuries", "Sheikh Maqsood", None),
          ("At least six", "deaths", "Aleppo", "Russian Defense Ministry")],
}
