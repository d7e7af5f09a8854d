"""cdsdesk — the desk of a provincial digital-transformation steering committee's secretariat."""

__version__ = "0.1.0"
