"""The app: serves each page of the page list (explorer.ui.shell.PAGES) at its address."""

from explorer.ui import shell

shell.navigate()
