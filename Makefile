# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
EXAMPLE := $(SHARED)/examples/syria-2016-withdrawal

.PHONY: demo test install clean bench eval train-event-filter

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,tools]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/hadath analyze examples/ --format table
	@if [ -f $(EXAMPLE)/article.txt ]; then \
		echo; echo "== worked example: $(EXAMPLE) =="; \
		$(BIN)/hadath analyze $(EXAMPLE)/article.txt --date 2016-03-16 --format table && \
		$(BIN)/hadath eval example $(EXAMPLE); \
	else echo "(../shared/examples absent: worked example skipped)"; fi

test: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

eval: $(STAMP)
	$(BIN)/hadath eval example $(EXAMPLE)
	$(BIN)/hadath eval gsr $(SHARED)/data/events/plover-gsr-ar-dev

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache

# Retrain the event filter on the GSR development third (needs ../shared); writes src/hadath/data/models/
train-event-filter: $(STAMP)
	$(BIN)/python tools/train_event_filter.py --shared $(SHARED)
