# Hand annotations of the first 700 characters of FA-KES articles (row =
# data row of FA-KES-Dataset.csv), as in gold_wsj.py.
FILE = "fa-kes/FA-KES-Dataset.csv"
PREFIX = 700
ROWS = {
    0: [("at least 70", "deaths", "Syria", "World Health Organization")],
    7: [("4", "deaths", "Syria", None), ("four", "deaths", "Syria", "Syrian Observatory for Human Rights"),
        ("48", "deaths", "Syria", "Syrian Observatory for Human Rights"),
        ("10", "deaths", "Syria", "Syrian Observatory for Human Rights"),
        ("Four", "deaths", "Qardaha", "Syrian Observatory for Human Rights")],
    13: [("two", "deaths", "Syria", None), ("two", "deaths", "Raqqa", None), ("hundreds", "deaths", "Raqqa", None),
         ("two", None, "Syria", None)],
    21: [("at least 43", "deaths", "Jayrud", None), ("At least 43", "deaths", "Jayrud", None),
         ("At least two", "deaths", "Jayrud", "Syrian Observatory for Human Rights")],
    34: [("Ten", "deaths", "Rityan", "Syrian Observatory for Human Rights"),
         ("at least 48", "deaths", "Rityan", "Syrian Observatory for Human Rights"),
         ("six", None, "Rityan", "Syrian Observatory for Human Rights"),
         ("Five", "deaths", "Rityan", "Syrian Observatory for Human Rights"),
         ("13", "deaths", "Rityan", "Syrian Observatory for Human Rights"),
         ("six", None, "Rityan", "Syrian Observatory for Human Rights")],
    55: [("at least 58", "deaths", "Khan Shaykhun", None), ("dozens", "injuries", "Khan Shaykhun", None),
         ("at least 58", "deaths", "Idlib", None), ("11", "deaths", "Idlib", None)],
    89: [("35", "deaths", "Hass", "Syrian Observatory for Human Rights")],
    144: [("One", "deaths", "Khan Sheikhun", None), ("One", "deaths", "Khan Sheikhun", "Syrian Observatory for Human Rights"),
          ("87", "deaths", "Khan Sheikhun", None), ("31", "deaths", "Khan Sheikhun", None),
          ("hundreds", "injuries", "Khan Sheikhun", None)],
}
