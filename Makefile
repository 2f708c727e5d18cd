# The README names these targets. Everything installs into .venv with Python 3.11.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install demo run serve test lint format messages

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

# English translations: .po files are compiled by polib, no gettext binary needed.
messages: $(STAMP)
	$(PY) manage.py compile_translations

install: $(STAMP) messages

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py stats_generate_history --days 90

run: demo
	PORT=$(PORT) $(PY) manage.py ensure_admin
	PORT=$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production-like: DEBUG off, gunicorn, static files from whitenoise. Secrets for
# this local run are made once under var/; a real deployment sets them itself
# (docs/deploy.md). Plain HTTP on 127.0.0.1, so no HTTPS redirect or secure cookies.
serve: demo
	PORT=$(PORT) $(PY) manage.py ensure_admin
	@mkdir -p var && test -s var/secret_key || $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	PORT=$(PORT) DEBUG=0 SECRET_KEY="$$(cat var/secret_key)" ALLOWED_HOSTS=127.0.0.1,localhost \
	  SECURE_COOKIES=0 SECURE_SSL_REDIRECT=0 DATABASE_URL="$${DATABASE_URL:-$$($(PY) -m portal.devdb)}" \
	  sh -c '$(PY) manage.py collectstatic --noinput -v0 && \
	  exec $(VENV)/bin/gunicorn portal.wsgi -b 127.0.0.1:$(PORT) -w $${WEB_CONCURRENCY:-3}'

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
