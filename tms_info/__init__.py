"""TMS information: an offline reader of patient information about TMS for depression."""

__version__ = "0.1.0"
APP_NAME = "TMS Information"
