# Only python3 (3.11+) and make are assumed. Everything else is installed into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Local mode: debug on, embedded PostgreSQL under var/ unless DATABASE_URL is set. The second
# factor is optional locally (ensure_local_admin says so); `make run REQUIRE_TWO_FACTOR=1` asks.
REQUIRE_TWO_FACTOR ?= 0
LOCAL := DEBUG=1 DJANGO_SETTINGS_MODULE=inpud.settings.base \
	ACCOUNTS_REQUIRE_TWO_FACTOR=$(REQUIRE_TWO_FACTOR)
PORT ?= 8000

.PHONY: install catalogues messages a11y-tools run test serve bench lint format stop-db clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP) catalogues

# The translations: .mo files compiled from locale/*/LC_MESSAGES/django.po with polib (no
# GNU gettext needed), whenever a .po file is newer.
catalogues: $(STAMP)
	$(BIN)/python -m core.catalogues

# Extract the messages again after changing strings (needs GNU gettext, a developer's tool:
# apt-get install gettext), then have them translated: tests/inpud/test_catalogues.py fails
# on any message left untranslated or fuzzy.
messages: install
	$(LOCAL) DATABASE_URL=$${DATABASE_URL:-postgres://unused/} $(BIN)/python manage.py makemessages \
		--no-obsolete -l ru -l es -l fr -i ".venv/*" -i "var/*" -i "tests/*" -i "bench/*"
	$(BIN)/python -m core.catalogues

# The accessibility checkers the tests run (axe-core in Chromium, the Nu HTML checker on
# Java), pinned in tests/a11y/package.json; needs node/npm and Java. Without them those tests
# are skipped locally (CI installs them and requires them).
a11y-tools:
	npm ci --ignore-scripts --no-audit --no-fund --prefix tests/a11y

run: install
	$(LOCAL) $(BIN)/python manage.py migrate --noinput
	$(LOCAL) $(BIN)/python manage.py load_demo
	$(LOCAL) $(BIN)/python manage.py ensure_local_admin --port $(PORT)
	@# The outbox worker sends the site's emails (printed here: console backend); it runs in
	@# the background and stops with the server.
	$(LOCAL) $(BIN)/python manage.py outbox_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(LOCAL) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The production settings on this machine: DEBUG off, gunicorn (gunicorn.conf.py) beside the
# outbox worker, hashed static files served by whitenoise; plain HTTP on the loopback only
# (PLAIN_HTTP). Secrets are generated once in var/. Emails go to EMAIL_HOST (localhost:25
# unless set); EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend writes them
# to EMAIL_FILE_PATH instead.
SERVE_ENV = DJANGO_SETTINGS_MODULE=inpud.settings.production PLAIN_HTTP=1 SERVE_MEDIA=1 \
	ALLOWED_HOSTS=127.0.0.1,localhost SITE_URL=http://127.0.0.1:$(PORT) \
	SECRET_KEY="$$(cat var/secret_key)" IP_HASH_SALT="$$(cat var/ip_hash_salt)" \
	DATABASE_URL="$${DATABASE_URL:-$$($(BIN)/python -m inpud.devdb)}"
serve: install
	@mkdir -p var
	@for name in secret_key ip_hash_salt; do test -s var/$$name || \
		$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/$$name; done
	$(SERVE_ENV) $(BIN)/python manage.py migrate --noinput
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(BIN)/python manage.py outbox_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(SERVE_ENV) GUNICORN_BIND=127.0.0.1:$(PORT) $(BIN)/gunicorn inpud.wsgi:application \
		--config gunicorn.conf.py

bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

stop-db: install
	$(BIN)/python -m inpud.devdb stop

clean: stop-db
	rm -rf var $(VENV)
