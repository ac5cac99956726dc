# sitegen: `make site` builds the guide into output/, `make test` runs every test suite.
# Both install what they need first (Debian 12 with the Swift toolchain is enough).

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_BUILD := libcmark-dev pkg-config
APT_TEST := chromium chromium-driver default-jre-headless
PYTHON ?= python3

.PHONY: site test deps deps-test swift-test browser-test format lint clean

site: deps
	swift run sitegen build

test: deps deps-test
	swift build --build-tests
	$(MAKE) swift-test browser-test

swift-test:
	swift test

browser-test:
	SITEGEN_BIN=$(CURDIR)/.build/debug/sitegen $(PYTHON) -m pytest -q Tests/browser

# Installs each Debian package only when it is missing, so repeated runs are fast.
deps:
	@missing=""; for p in $(APT_BUILD); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $$missing; fi

deps-test:
	@missing=""; for p in $(APT_TEST); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $$missing; fi
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r Tests/requirements.txt

format:
	swift format --in-place --recursive Package.swift Sources Tests

lint:
	swift format lint --strict --recursive Package.swift Sources Tests

clean:
	rm -rf .build
