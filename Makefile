# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test bench typecheck notebooks tagger clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# `make run` needs only the runtime dependencies
$(RUN_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $(RUN_STAMP)

# the suite also needs the test tools, the cluster engine (it runs a real Dask LocalCluster) and the
# OCR extra (it reads scanned pages made from real PDFs)
$(DEV_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev,cluster,ocr]'
	touch $(RUN_STAMP) $(DEV_STAMP)

run: $(RUN_STAMP)
	$(BIN)/reportfacts run corpus/ -o outputs/

test: $(DEV_STAMP)
	$(BIN)/python -m pytest

bench: $(DEV_STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/pdf_pages.py
	$(BIN)/python benchmarks/hostile.py

# re-run every notebook and save it with its outputs (the notebook test fails on stale outputs)
notebooks: $(DEV_STAMP)
	$(BIN)/python notebooks/refresh.py

# retrain the honour tagger (patterns/honours.crfsuite) on benchmarks/corpus/honours_tune*, sums_tune* and
# ../shared/corpus/dev after the corpus or the vocabulary of patterns/ changed (a test fails while it is stale)
tagger: $(RUN_STAMP)
	$(BIN)/python benchmarks/train_tagger.py

typecheck: $(DEV_STAMP)
	$(BIN)/mypy extract

clean:
	rm -rf $(VENV) outputs/*.csv outputs/*.parquet outputs/*.duckdb .pytest_cache
