# Two commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench smoke clean i18n fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/porchlight

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy app/core app/storage

# The suite runs pinned to UTC (tests/conftest.py); the tests marked `zones` run again where the
# computer's clock is far from UTC on either side, to catch local time used for a schedule's.
test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/porchlight content check conversations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	PORCHLIGHT_TEST_TZ=Pacific/Honolulu QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m zones
	PORCHLIGHT_TEST_TZ=Asia/Tokyo QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m zones

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/bench_startup.py
	$(BIN)/python tests/benchmarks/bench_content_load.py
	$(BIN)/python tests/benchmarks/bench_picker.py
	$(BIN)/python tests/benchmarks/bench_backup.py
	$(BIN)/python tests/benchmarks/bench_journal.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/bench_plans.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/bench_session.py

# Translations: extract every tr()/translate()/QT_TRANSLATE_NOOP string from app/ into the .ts
# files translators edit, then compile the .qm files the app loads. Both are committed, so a
# fresh clone, a wheel and a frozen build have them without this step; tests/ui/test_i18n.py
# fails when the code has strings the .ts files lack or a .qm is older than its .ts.
TRANSLATIONS := resources/translations
LOCALES := es fr
LUPDATE = $(BIN)/pyside6-lupdate -extensions py -tr-function-alias tr+=_tr
i18n: $(STAMP)
	$(LUPDATE) -locations relative app \
		-ts $(foreach l,$(LOCALES),$(TRANSLATIONS)/porchlight_$(l).ts)
	# English needs only its plural forms ("1 year old", "2 years old"), filled in by hand.
	$(LUPDATE) -locations none -pluralonly app -ts $(TRANSLATIONS)/porchlight_en.ts
	$(BIN)/python $(TRANSLATIONS)/english_plurals.py $(TRANSLATIONS)/porchlight_en.ts
	$(BIN)/pyside6-lrelease $(foreach l,$(LOCALES) en,$(TRANSLATIONS)/porchlight_$(l).ts)

# Plan and report files from outside: 10,000 damaged files (`make test` runs 2,000), each must
# give clear problems naming the file and the field, never a traceback.
fuzz: $(TEST_STAMP)
	PORCHLIGHT_FUZZ_EXAMPLES=10000 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		--timeout 1200 tests/core/test_plan_check.py

smoke: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/porchlight --smoke

clean:
	rm -rf $(VENV) build dist *.egg-info
