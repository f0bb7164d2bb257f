"""A translator's round trip in a gettext PO file, for the clinic's command line
(`python -m explorer translation export|import`): texts.py finds every text and where it lives,
po.py writes and reads the PO file (Babel), importing.py checks a translator's file and works out
the writes, toml_lines.py writes catalogue values back line by line, cli.py is the command line."""
