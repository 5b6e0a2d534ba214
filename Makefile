# Only python3 (3.11+) and make are assumed. Everything else is installed into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Local mode: debug on, embedded PostgreSQL under var/ unless DATABASE_URL is set.
LOCAL := DEBUG=1 DJANGO_SETTINGS_MODULE=inpud.settings.base
PORT ?= 8000

.PHONY: install run test serve bench lint format stop-db clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

run: install
	$(LOCAL) $(BIN)/python manage.py migrate --noinput
	$(LOCAL) $(BIN)/python manage.py load_demo
	$(LOCAL) $(BIN)/python manage.py ensure_local_admin --port $(PORT)
	$(LOCAL) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Production-like: DEBUG off, gunicorn, hashed static files served by whitenoise.
serve: install
	@mkdir -p var
	@test -s var/secret_key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	SECRET_KEY="$$(cat var/secret_key)" DJANGO_SETTINGS_MODULE=inpud.settings.base SERVE_MEDIA=1 \
		ALLOWED_HOSTS=127.0.0.1,localhost sh -c '\
		$(BIN)/python manage.py migrate --noinput && \
		$(BIN)/python manage.py collectstatic --noinput --verbosity 0 && \
		$(BIN)/gunicorn inpud.wsgi:application --bind 127.0.0.1:$(PORT) --workers 2 \
			--env DJANGO_SETTINGS_MODULE=inpud.settings.base'

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
