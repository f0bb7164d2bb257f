"""Literals in app.py, views/ and explorer/ that look like words but are not words a patient or a
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
        "explorer/drawing.py",
        "font-family='Source Sans Pro, Helvetica, Arial, sans-serif'",
    ): "the drawings' fonts",
    ("explorer/disc_views.py", "nerve-root pressed"): "CSS classes of the drawn nerve",
    ("explorer/drawing.py", "><title id='"): "SVG markup around the catalogue's title",
    ("explorer/drawing.py", "</title><desc id='"): "SVG markup around the catalogue's description",
    ("explorer/drawing.py", "</desc><rect width='"): "SVG markup",
    ("explorer/drawing.py", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 "): "SVG markup",
    # Codes the CSV files hold (the data's own words, shown as the data gives them).
    ("explorer/rules/vocabulary.py", "very low"): "a certainty level as the CSV files spell it",
    ("explorer/rules/vocabulary.py", "not known"): "a certainty level as the CSV files spell it",
    # The reading gate's failure messages: read by authors in the test output, never in the app.
    ("explorer/readability.py", ". Hardest texts: "): "a reading-gate message in the test output",
    ("explorer/readability.py", ": a sentence of "): "a reading-gate message in the test output",
    # FHIR's own names: resource types in references and in the published files' names.
    ("explorer/fhir/document.py", "Patient/"): "a FHIR reference's resource type",
    ("explorer/fhir/document.py", "Encounter/"): "a FHIR reference's resource type",
    ("explorer/fhir/questionnaires.py", "Questionnaire-"): "a FHIR file name, by resource type",
    ("explorer/smart.py", "Bearer "): "the HTTP authorization scheme of an OAuth token",
    ("explorer/ui/record.py", '<script data-to="'): "markup around the authorization address",
    # The script that sets the page's language: markup, not words (its language is a code).
    ("explorer/ui/listen.py", '<button type="button" class="'): "markup around the Listen label",
    ("explorer/ui/printing.py", '<button type="button" class="'): "markup around the Print label",
}
