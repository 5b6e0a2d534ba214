"""Personal data requests, each read from an environment variable of the same name."""

from inpud.settings.env import env_int

# Personal data requests (/your-data/): how long the emailed link works, and how many
# requests one sender may make per window.
PERSONAL_DATA_LINK_MAX_AGE_HOURS = env_int("PERSONAL_DATA_LINK_MAX_AGE_HOURS", 24)
PERSONAL_DATA_RATE_LIMIT = env_int("PERSONAL_DATA_RATE_LIMIT", 5)
PERSONAL_DATA_RATE_WINDOW_SECONDS = env_int("PERSONAL_DATA_RATE_WINDOW_SECONDS", 3600)
