# Shortcuts for the scripts in .ci/ (the README's Quick start runs those directly, so make is optional).

.PHONY: site test bench format lint sanitize fuzz install

site:
	bash .ci/site

test:
	bash .ci/test

# One binary without the Swift runtime, its man page and bash/zsh/fish completions: make install PREFIX=~/.local
PREFIX ?= /usr/local
install:
	bash .ci/package "$(DESTDIR)$(PREFIX)"

# The benchmark, in release mode: make bench PAGES=10000. sitegen is built as `make install` builds it, with the
# Swift runtime linked statically, so the bench measures the binary people install.
PAGES ?= 1000
bench:
	bash .ci/install build
	swift build -c release --product sitegen --static-swift-stdlib
	swift build -c release --product sitegen-bench --static-swift-stdlib
	.build/release/sitegen-bench --pages $(PAGES)

# The Swift tests under a sanitizer: make sanitize SANITIZER=address (default thread)
SANITIZER ?= thread
sanitize:
	bash .ci/sanitize $(SANITIZER)

# Fuzz the parsers: make fuzz TARGET=html SECONDS=300 (default all, 60 s each)
TARGET ?= all
SECONDS ?= 60
fuzz:
	bash .ci/fuzz $(TARGET) $(SECONDS)

format:
	swift format --in-place --recursive Package.swift Sources Tests

lint:
	swift format lint --strict --recursive Package.swift Sources Tests
