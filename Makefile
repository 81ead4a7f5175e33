# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
EXAMPLE := $(SHARED)/examples/syria-2016-withdrawal
WEB_STAMP := web/node_modules/.installed
DEMO_DB := out/demo.duckdb

.PHONY: demo test install clean bench eval train-event-filter train-ner serve browser

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,tools]'
	touch $(STAMP)

# The workbench's browser libraries (Cytoscape.js), exactly as web/package-lock.json pins them
$(WEB_STAMP): web/package.json web/package-lock.json
	npm ci --prefix web --no-audit --no-fund
	touch $(WEB_STAMP)

install: $(STAMP) $(WEB_STAMP)

# Debian's Chromium for the browser tests (tests/serve/test_workbench.py), installed when absent
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && \
		apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core; \
	else echo "chromium is absent and this is not root: the browser tests will skip" \
		"(sudo apt-get install chromium chromium-driver)"; fi

demo: $(STAMP)
	$(BIN)/hadath analyze examples/ --format table
	@if [ -f $(EXAMPLE)/article.txt ]; then \
		echo; echo "== worked example: $(EXAMPLE) =="; \
		$(BIN)/hadath analyze $(EXAMPLE)/article.txt --date 2016-03-16 --format table && \
		$(BIN)/hadath eval example $(EXAMPLE); \
	else echo "(../shared/examples absent: worked example skipped)"; fi

test: $(STAMP) $(WEB_STAMP) browser
	$(BIN)/ruff check src tests bench tools
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# The workbench and the API (http://127.0.0.1:8000) over a demo store of examples/ and, when ../shared is
# present, the worked example; set HADATH_TOKEN to require a token
serve: $(STAMP) $(WEB_STAMP)
	mkdir -p out
	$(BIN)/hadath ingest examples/ --db $(DEMO_DB) --no-progress
	@if [ -f $(EXAMPLE)/article.txt ]; then \
		$(BIN)/hadath ingest $(EXAMPLE)/article.txt --date 2016-03-16 --db $(DEMO_DB) --no-progress; fi
	$(BIN)/hadath serve --db $(DEMO_DB)

eval: $(STAMP)
	$(BIN)/hadath eval example $(EXAMPLE)
	$(BIN)/hadath eval gsr $(SHARED)/data/events/plover-gsr-ar-dev --cross-validate 5
	@# the project's gold on 2015 news (text read from ../shared): its test half was never read
	$(BIN)/python tools/saudinewsnet_gold.py build --shared $(SHARED) --part test --out out/saudinewsnet-gold-test
	$(BIN)/hadath eval gsr out/saudinewsnet-gold-test
	$(BIN)/hadath eval gsr out/saudinewsnet-gold-test --rules-only
	@# every coded event audited on 2015 news (gold/event-audit-2015): eighth 7, its test half, never read
	$(BIN)/python tools/event_audit.py score --shared $(SHARED) --slice 7
	@# the challenge set written for Hadath (gold/challenge): per phenomenon, both halves
	$(BIN)/hadath eval challenge gold/challenge/items.yaml

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache web/node_modules

# Retrain the event filter on the GSR development third (needs ../shared); writes src/hadath/data/models/
train-event-filter: $(STAMP)
	$(BIN)/python tools/train_event_filter.py --shared $(SHARED)

# Retrain the NER model on ANERcorp-train less its held-out last 20 % (needs ../shared); writes
# src/hadath/data/models/ner.crfsuite and src/hadath/data/ner/; add --tune to redo the cross-validation
train-ner: $(STAMP)
	$(BIN)/python tools/train_ner.py --shared $(SHARED)
