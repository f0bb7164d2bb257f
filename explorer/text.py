"""Making CSV text safe for the few Streamlit calls that render Markdown (headings, captions)."""

import re

# CommonMark lets any ASCII punctuation be escaped with a backslash, which turns Markdown
# images, links, HTML, emphasis and Streamlit's :colour[...] directives into literal text.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def plain(text: str) -> str:
    """Escape every character Markdown could read as markup, so the text shows as typed."""
    return _PUNCTUATION.sub(r"\\\1", str(text))
