# The two commands of the README:  `make demo`  and  `make test`.
# Everything else here is a building block of those two, or a developer convenience.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: setup demo test browser eval eval-framing bench reliability fuzz gazetteer lint clean

# Create the virtual environment and install the package with its test tools.
setup: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

# Debian's chromium for the Playwright browser tests (Playwright's own browser download is not used).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# 1. The main job: build a demo ledger from the bundled sample texts and serve the dashboard.
demo: setup
	$(BIN)/frontwatch demo

# 2. The tests (CI runs exactly this).
test: setup browser
	$(BIN)/python -m pytest -q

eval: setup
	$(BIN)/frontwatch eval ../shared/eval/dev.jsonl

eval-framing: setup
	$(BIN)/frontwatch eval-framing ../shared/eval/framing_dev.jsonl

gazetteer: setup
	$(BIN)/python scripts/build_gazetteer.py

bench: setup
	$(BIN)/python benchmarks/run.py

reliability: setup
	$(BIN)/python -m pip install -q -e '.[fuzz]'
	$(BIN)/python benchmarks/reliability.py --fuzz-seconds 60

fuzz: setup
	$(BIN)/python -m pip install -q -e '.[fuzz]'
	$(BIN)/python benchmarks/fuzz_readers.py --seconds 60

lint: setup
	$(BIN)/ruff check src tests scripts benchmarks

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
