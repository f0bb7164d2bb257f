"""The Streamlit side of the app: the page shell, the page address, widgets and tables, and the
chart cache. Everything else in explorer/ is plain functions that run without Streamlit."""
