"""A translator's tools, for the clinic's command line (`python -m explorer translation
export|import|review`): texts.py finds every text and where.py says where it lives, po.py writes and
reads the PO file (Babel), importing.py checks a translator's file and works out the writes,
toml_lines.py writes catalogue values back line by line, review.py writes the in-context review
edition (English and another language side by side), cli.py is the command line."""
