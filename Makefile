# The two set-up commands: `make run` (install, demo content, serve) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
DEV_ENV := DJANGO_DEBUG=1

.PHONY: install run demo test lint format migrations-check bench bench-search bench-pdfs bench-outage bench-lighthouse bench-crawl bench-imports bench-subscriptions bench-httpcache bench-scale

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	# bibtexparser 1.x has the import name of the 2.x in dev: tests load it from here in a subprocess
	$(PY) -m pip install --quiet --upgrade --target $(VENV)/bibtexparser1 bibtexparser==1.4.4
	touch $@

install: $(VENV)/.installed

# The Nu Html Checker and axe-core, for the HTML validity and accessibility tests (where npm is).
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund --silent; \
	else echo "npm not found: the HTML validity and accessibility checks will be skipped"; fi

demo: install
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py load_demo
	$(DEV_ENV) $(PY) manage.py make_pdfs --site-url http://127.0.0.1:8000

run: demo
	@# The task queue's worker and the minute clock run beside the site (emails printed here).
	$(DEV_ENV) $(PY) manage.py db_worker --no-startup-delay & \
	$(DEV_ENV) $(PY) manage.py periodic_tasks --every 60 & \
	trap 'kill 0' EXIT INT TERM; \
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

test: install node_modules/.package-lock.json
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: install
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run

bench: install
	$(PY) bench/run.py

bench-search: install
	$(PY) bench/search.py

bench-pdfs: install
	$(PY) bench/pdfs.py

bench-imports: install
	$(PY) bench/imports.py

bench-subscriptions: install
	$(PY) bench/subscriptions.py

bench-httpcache: install
	$(PY) bench/nginx_cache.py

bench-outage: install
	$(PY) bench/outage.py $(if $(BEFORE),--before $(BEFORE))

bench-lighthouse: install
	$(PY) bench/lighthouse.py

bench-crawl: install
	$(PY) bench/crawl.py $(ARGS)

# Two app servers behind nginx against one (wrk and nginx needed).
bench-scale: install
	$(PY) bench/scale.py $(ARGS)
