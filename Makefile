# Shortcuts for the scripts in .ci/ (the README's Quick start runs those directly, so make is optional).

.PHONY: site test bench format lint

site:
	bash .ci/site

test:
	bash .ci/test

# The benchmark, in release mode: make bench PAGES=10000
PAGES ?= 1000
bench:
	bash .ci/install build
	swift build -c release --product sitegen
	swift build -c release --product sitegen-bench
	.build/release/sitegen-bench --pages $(PAGES)

format:
	swift format --in-place --recursive Package.swift Sources Tests

lint:
	swift format lint --strict --recursive Package.swift Sources Tests
