"""Settings read from the environment, with safe defaults.

``DEBUG`` is off unless the environment turns it on, and without ``DEBUG`` a
``SECRET_KEY`` must be given. ``production`` and ``test`` only override this module.
"""

from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from inpud.devdb import embedded_database_url
from inpud.settings.env import env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. For local work run manage.py with "
            "DEBUG=1 (as `make run` does); in production set SECRET_KEY."
        )
    # Local development only: a throwaway key that is never used with DEBUG off.
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env("SITE_NAME", "INPUD")
SITE_ID = 1

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.redirects",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "taggit",
    "django_ckeditor_5",
    "reversion",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "core",
    "audit",
    "throttle",
    "outbox",
    "pagecache",
    "accounts",
    "blog",
    "comments",
    "campaigns",
    "contact",
    "pages",
    "menus",
    "updates",
    "personaldata",
    "wordpress",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files before anything else; old WordPress ?p= links before the page cache.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "wordpress.middleware.WordPressRedirectMiddleware",
    # Readers' pages come from here when cached; what it stores carries every header the
    # middleware below adds (security policy, language).
    "pagecache.middleware.PageCacheMiddleware",
    "inpud.middleware.ContentSecurityPolicyMiddleware",
    # Bodies in another charset: a 400 before anything below reads them.
    "inpud.guards.RequestCharsetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.language.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffSessionMiddleware",
    "audit.context.AuditContextMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "inpud.middleware.MethodNotAllowedPageMiddleware",
    "inpud.middleware.AdminBadQueryMiddleware",
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
]

ROOT_URLCONF = "inpud.urls"
WSGI_APPLICATION = "inpud.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "inpud.context_processors.site",
                "menus.context_processors.site_content",
            ],
        },
    },
]

# Database: DATABASE_URL, or (local work and tests only) an embedded PostgreSQL under var/.
# Production refuses to start without DATABASE_URL before this module is read.
DATABASE_URL = env("DATABASE_URL")
if not DATABASE_URL:
    DATABASE_URL = embedded_database_url(BASE_DIR)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Nothing waits on the database for ever: a connection gives up after DB_CONNECT_TIMEOUT
# seconds, a statement after DB_STATEMENT_TIMEOUT_MS, a wait for a lock after
# DB_LOCK_TIMEOUT_MS (0 turns one off). The pages that hit one answer 503 (inpud/errors.py).
DATABASES["default"].setdefault("OPTIONS", {}).update(
    {
        "connect_timeout": env_int("DB_CONNECT_TIMEOUT", 5),
        "options": "-c statement_timeout={} -c lock_timeout={}".format(
            env_int("DB_STATEMENT_TIMEOUT_MS", 15_000), env_int("DB_LOCK_TIMEOUT_MS", 3_000)
        ),
    }
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env("LANGUAGE_CODE", "en")
# The languages the site is translated into (comma-separated codes, LANGUAGE_CODE by default).
# The browser's Accept-Language chooses among them. List a language only once its catalogue
# (locale/<code>/LC_MESSAGES/django.po) is translated: otherwise Django's own catalogue gives
# its dates and form errors in that language inside English pages marked lang="<code>".
LANGUAGES = [(code, code) for code in env_list("LANGUAGES", LANGUAGE_CODE)]
if unknown := [code for code, _name in LANGUAGES if code not in LANG_INFO]:
    raise ImproperlyConfigured(f"LANGUAGES: unknown language codes {unknown}")
LANGUAGES = [(code, _(LANG_INFO[code]["name"])) for code, _name in LANGUAGES]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates as "17 January 2015" (inpud/formats/en/formats.py).
FORMAT_MODULE_PATH = ["inpud.formats"]
TIME_ZONE = env("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Let Django itself serve uploads (make serve, small sites). Large sites: serve MEDIA_ROOT
# from the web server or object storage instead.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads larger than this are refused before they reach a form (bytes).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
MAX_IMAGE_UPLOAD_BYTES = env_int("MAX_IMAGE_UPLOAD_BYTES", 10 * 1024 * 1024)
# Images with more pixels are refused before decoding (a 40 MP photo needs ~120 MB of RAM).
MAX_IMAGE_PIXELS = env_int("MAX_IMAGE_PIXELS", 40_000_000)

# Email
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "INPUD <no-reply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Who hears of server errors (through the outbox): "Name <address>, Other <address>".
ADMINS = [parseaddr(entry) for entry in env_list("ADMINS")]

# Salt for hashing IP addresses (comments, sign-ups). Rotating it unlinks old hashes.
# Required in production; local runs and tests derive one from SECRET_KEY.
IP_HASH_SALT = env("IP_HASH_SALT") or f"ip-hash:{SECRET_KEY}"
# Behind exactly one reverse proxy that appends the client address to X-Forwarded-For.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)

# `manage.py daily` (run it once a day from cron or a systemd timer) runs these in order.
DAILY_COMMANDS = [
    "purge_comment_metadata",
    "purge_pending_supporters",
    "anonymise_closed_campaigns",
    "purge_data_requests",
    "purge_rate_limits",
    "purge_outbox",
    "purge_audit_events",
    "purge_contact_messages",
]

LOGIN_URL = "admin:login"
# Where a login goes when its "next" is missing or points elsewhere (refused as unsafe).
LOGIN_REDIRECT_URL = "admin:index"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

TAGGIT_CASE_INSENSITIVE = True
# Search ranks at most this many of the newest matches (a common word matches most posts).
SEARCH_MAX_RESULTS = env_int("SEARCH_MAX_RESULTS", 200)
# The name authenticator apps show beside the staff member's login name.
OTP_TOTP_ISSUER = SITE_NAME

# A database outage answers 503 with this Retry-After (seconds).
UNAVAILABLE_RETRY_AFTER_SECONDS = env_int("UNAVAILABLE_RETRY_AFTER_SECONDS", 30)

# Logs go to stderr: one JSON object per line with LOG_FORMAT=json (production's default),
# plain lines otherwise. Server errors also reach ADMINS by email through the outbox (never
# from inside the request; when the database is down, the log line is what remains).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s %(message)s"},
        "json": {"()": "inpud.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": env("LOG_FORMAT", "text")},
        "admins": {"class": "inpud.logs.OutboxAdminEmailHandler", "level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaces Django's default handlers, whose mail_admins would send inside the request.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.request": {"handlers": ["admins"], "level": "INFO", "propagate": True},
        "pgserver": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

from inpud.settings.accounts import *  # noqa: E402,F403
from inpud.settings.cache import *  # noqa: E402,F403
from inpud.settings.campaigns import *  # noqa: E402,F403
from inpud.settings.ckeditor import *  # noqa: E402,F403
from inpud.settings.comments import *  # noqa: E402,F403
from inpud.settings.contact import *  # noqa: E402,F403
from inpud.settings.outbox import *  # noqa: E402,F403
from inpud.settings.personaldata import *  # noqa: E402,F403
