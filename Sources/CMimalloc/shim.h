// mimalloc replaces the C library's malloc for the whole process once it is linked; sitegen only sets options for
// large OS pages (Sources/sitegen/LargePages.swift).
#if __has_include(<mimalloc.h>)
#include <mimalloc.h>
#else
#error "sitegen uses the mimalloc allocator on Linux: install it (Debian: apt-get install libmimalloc-dev) and build again"
#endif
