"""workato-tui: administer a Workato workspace from the terminal."""

__version__ = "0.1.0"
