"""Domain logic of the disc treatment explorer: plain functions, testable without Streamlit."""
