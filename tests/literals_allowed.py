"""Literals in app.py, pages/ and explorer/ that look like words but are not words a patient or a
clinic editor reads, each with the reason. Keep this short: a word a person reads belongs in the
text catalogue (content/<language>/*.toml), a page's own copy in content/<language>/*.md."""

ALLOWED: dict[tuple[str, str], str] = {
    # Share links made before answers were codes carry the words then shown; they are read, not shown.
    ("explorer/decide.py", "True"): "an old share link's quiz answer, read back as a code",
    ("explorer/decide.py", "False"): "an old share link's quiz answer, read back as a code",
    ("explorer/decide.py", "Not sure"): "an old share link's quiz answer, read back as a code",
    ("explorer/decide.py", "Yes"): "an old share link's SURE answer, read back as a code",
    ("explorer/decide.py", "No"): "an old share link's SURE answer, read back as a code",
    # Names of fonts and of CSS classes, and SVG markup.
    ("explorer/handout.py", "Helvetica"): "the PDF's font",
    ("explorer/handout.py", "→"): "a character the PDF's font lacks, mapped to one it has",
    (
        "explorer/anatomy.py",
        "font-family='Source Sans Pro, Helvetica, Arial, sans-serif'",
    ): "the drawings' fonts",
    ("explorer/anatomy.py", "nerve-root pressed"): "CSS classes of the drawn nerve",
    ("explorer/anatomy.py", "><title id='"): "SVG markup around the catalogue's title",
    ("explorer/anatomy.py", "</title><desc id='"): "SVG markup around the catalogue's description",
    ("explorer/anatomy.py", "</desc><rect width='"): "SVG markup",
    ("explorer/anatomy.py", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 "): "SVG markup",
    # Codes the CSV files hold (the data's own words, shown as the data gives them).
    ("explorer/schema.py", "very low"): "a certainty level as the CSV files spell it",
    ("explorer/schema.py", "not known"): "a certainty level as the CSV files spell it",
    # Until the About page's reading table is built from the catalogue (issue 15, item 8).
    ("explorer/about.py", "Content date"): "moving to the catalogue",
    ("explorer/about.py", "Details"): "moving to the catalogue",
    ("explorer/about.py", "How we keep it up to date"): "moving to the catalogue",
    ("explorer/about.py", "Item"): "moving to the catalogue",
    ("explorer/about.py", "Next review by"): "moving to the catalogue",
    ("explorer/about.py", "Version"): "moving to the catalogue",
    ("explorer/readability.py", "Data: "): "moving to the catalogue",
    ("explorer/readability.py", "Longest sentence (words)"): "moving to the catalogue",
    ("explorer/readability.py", "Meets our aim"): "moving to the catalogue",
    ("explorer/readability.py", "No"): "moving to the catalogue",
    ("explorer/readability.py", "Page: "): "moving to the catalogue",
    ("explorer/readability.py", "Reading grade"): "moving to the catalogue",
    ("explorer/readability.py", "Text"): "moving to the catalogue",
    ("explorer/readability.py", "Text: "): "moving to the catalogue",
    ("explorer/readability.py", "Text: words the app shows (catalogue)"): "moving to the catalogue",
    ("explorer/readability.py", "Yes"): "moving to the catalogue",
    ("explorer/readability.py", "annular fissure"): "moving to the catalogue",
    ("explorer/readability.py", "cauda equina syndrome"): "moving to the catalogue",
    ("explorer/readability.py", "fibrin sealant"): "moving to the catalogue",
    ("pages/about.py", "All sources"): "moving to the catalogue",
    ("pages/about.py", "How easy this is to read"): "moving to the catalogue",
    ("pages/about.py", "When this was written and when it is checked"): "moving to the catalogue",
}
