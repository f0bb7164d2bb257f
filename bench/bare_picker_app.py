"""The floor a click on the comparison page is measured against (bench/run.py): a bare page with
the same option picker (every option's name from data/options.csv, all chosen), nothing else."""

import csv
from pathlib import Path

import streamlit as st

OPTIONS = Path(__file__).resolve().parent.parent / "data" / "options.csv"

with OPTIONS.open(encoding="utf-8", newline="") as handle:
    rows = sorted(csv.DictReader(handle), key=lambda row: int(row["position"]))
names = [row["name"] for row in rows]
st.multiselect("Options", names, default=names)
st.write("Hello")
