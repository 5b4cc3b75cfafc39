# Two commands matter: `make demo` and `make test` (README). Everything installs itself in .venv,
# at the exact versions of requirements.lock (with their hashes); `make lock` refreshes the lock.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app council
STAMP := $(VENV)/.installed
LOCK := requirements.lock
BUILD_LOCK := requirements-build.lock
CATALOGS := $(wildcard translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)
# this machine's pip configuration may add local package folders that pip warns about
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check --no-input
QUIET_LOCATIONS := grep -v "^WARNING: Location" || true
step = @echo "== $(1)"

.PHONY: install lock check-lock system-deps system-deps-browser demo serve test test-browser screenshots test-postgres lint translations extract-messages eval-pseudo bench-pseudo bench-guard bench-votes bench-minutes bench-queue crash-test fuzz-api secret-scan security-figures clean

# A changed lock rebuilds the environment from scratch, so nothing outside the lock survives.
# The installers and setuptools come first from their own lock, then every package with
# --no-deps and --require-hashes (an unlocked dependency is an error, not a download) and
# without build isolation (an sdist is built with the locked setuptools, not the newest one).
$(STAMP): pyproject.toml setup.py $(LOCK) $(BUILD_LOCK)
	$(call step,Python environment in $(VENV) at the versions of $(LOCK))
	@if [ -d $(VENV) ] && [[ " $? " == *".lock "* ]]; then echo "   the lock changed: rebuilding $(VENV)"; rm -rf $(VENV); fi
	@test -x $(BIN)/python || { echo "   creating $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@echo "   installing pip and setuptools, then every package of $(LOCK) (about a minute)"
	@$(PIP) install --require-hashes --no-deps -r $(BUILD_LOCK) 2>&1 | $(QUIET_LOCATIONS)
	@$(PIP) install --require-hashes --no-deps --no-build-isolation -r $(LOCK) 2>&1 | $(QUIET_LOCATIONS)
	@# setuptools warns about every editable install: its output is shown only on failure
	@log=$$($(PIP) install --no-deps --no-build-isolation --no-index -e . 2>&1) || { echo "$$log"; exit 1; }
	@$(BIN)/python -m pip check --disable-pip-version-check
	@$(BIN)/python tools/check_lock.py
	@touch $(STAMP)

install: $(STAMP)

check-lock: install
	$(BIN)/python tools/check_lock.py

# Refreshes the locks from pyproject.toml's ranges and requirements-build.in, keeping each pin
# that still fits; `make lock UPGRADE=1` takes the newest release allowed for every package.
# uv resolves (pinned here); pip installs, so installing needs nothing but Python.
UV_VERSION := 0.13.9
LOCK_TOOLS := .venv-lock
UV_COMPILE = $(LOCK_TOOLS)/bin/uv pip compile --quiet --universal --python-version 3.11 \
	--generate-hashes --index-url https://pypi.org/simple --custom-compile-command "make lock" \
	$(if $(UPGRADE),--upgrade)
lock:
	$(call step,resolving $(LOCK) and $(BUILD_LOCK) with uv $(UV_VERSION))
	@test -x $(LOCK_TOOLS)/bin/uv || { $(PYTHON) -m venv $(LOCK_TOOLS) && \
	  $(LOCK_TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION) 2>&1 | $(QUIET_LOCATIONS); }
	$(UV_COMPILE) pyproject.toml requirements-build.in --extra test -o $(LOCK)
	$(UV_COMPILE) requirements-build.in --constraint $(LOCK) -o $(BUILD_LOCK)
	@echo "   review the diff, then \`make test\` rebuilds .venv from the new lock"

# Debian packages the tests and the demo use: pdfsig (poppler-utils) checks PDF signatures,
# against the centre's trusted roots put in an NSS database by certutil (libnss3-tools);
# WeasyPrint subsets fonts with HarfBuzz (libharfbuzz-subset0); the tests run pdfsig on their
# own clock with faketime (tests/conftest.py); the browser tests drive Debian's Chromium. tools/apt-install installs the missing ones as root (waiting for apt's lock when
# another install holds it) and names them otherwise.
TEST_PACKAGES := poppler-utils libnss3-tools libharfbuzz-subset0 faketime
BROWSER_PACKAGES := chromium

system-deps:
	$(call step,Debian packages: $(TEST_PACKAGES))
	@tools/apt-install $(TEST_PACKAGES)

system-deps-browser:
	$(call step,Debian packages: $(BROWSER_PACKAGES))
	@tools/apt-install $(BROWSER_PACKAGES)
	@command -v npm >/dev/null || tools/apt-install npm

# The compiled catalogs are committed (any install path serves fr, nl and de without a build
# step); this rebuilds one after its .po changed. tests/council/test_i18n.py checks they match.
translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po | $(STAMP)
	$(BIN)/pybabel compile --statistics -d translations -l $* 2>&1 | tail -1

translations: $(COMPILED)

# Developers: refresh the template and the four catalogs after changing user-facing strings.
extract-messages: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-output --width=100 -F babel.cfg -k _l -k lazy_gettext -o translations/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching --width=100 -i translations/messages.pot -d translations

# One line per step, so that nobody waits minutes in silence.
demo: install translations system-deps
	$(call step,building the demo database in instance/ (SQLite))
	@$(FLASK) demo | sed 's/^/   /'
	@echo "Demo accounts: dg / demo-dg, secretariat / demo-secretariat, president / demo-president,"
	@echo "councillor1..10 / demo-councillor, socialworker / demo-socialworker, admin / demo-admin"
	$(call step,serving http://127.0.0.1:5000 (Ctrl+C stops))
	@$(FLASK) run --host 127.0.0.1 --port 5000

serve: install translations
	$(FLASK) run --host 127.0.0.1 --port 5000

# The task queue's tests on a real broker (marked redis: tests/queue_support.py) use this Redis
# (database 15, keys in a namespace of their own per test); they are skipped, with the reason,
# only when no Redis answers there. COUNCIL_TEST_REDIS_URL in the environment takes precedence.
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15

test: install translations system-deps
	$(call step,the test suite (queue tests on $${COUNCIL_TEST_REDIS_URL:-$(TEST_REDIS_URL)}))
	COUNCIL_TEST_REDIS_URL=$${COUNCIL_TEST_REDIS_URL:-$(TEST_REDIS_URL)} $(BIN)/python -m pytest $(PYTEST_ARGS)

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

# EVAL_DIRS: folders to evaluate instead of the default ones, e.g. tests/agenda/corpus/hard
eval-pseudo: install
	$(BIN)/python -m agenda.pseudonymise.evaluate $(EVAL_DIRS)

bench-pseudo: install
	$(BIN)/python bench/bench_pseudo.py

# The leak guard: one meeting's texts against the corpus's dossiers, with and without the index
bench-guard: install
	$(BIN)/python bench/bench_guard.py

# Votes through the API: gunicorn (4 workers) on PostgreSQL (BENCH_DATABASE_URL, default the
# local council_bench database, wiped), 60 councillors on 200 items; see docs/benchmarks.md.
bench-votes: install
	$(BIN)/python bench/bench_votes.py $(BENCH_ARGS)

# The minutes PDF of the demo CSSS meeting with 100 and 500 items (scratch SQLite databases);
# see docs/benchmarks.md.
bench-minutes: install
	$(BIN)/python bench/bench_minutes.py

# 500 reports through the task queue (Redis: BENCH_REDIS_URL, default the local one) by 1 and
# by 2 pseudonymisation workers; see docs/benchmarks.md.
bench-queue: install
	$(BIN)/python bench/bench_queue.py $(BENCH_ARGS)

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
