"""The floor the app is measured against (bench/run.py): the smallest Streamlit page."""

import streamlit as st

st.write("Hello")
