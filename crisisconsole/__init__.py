"""crisisconsole: the crisis console for a Dutch mayor's direct aide."""

__version__ = "0.1.0"
