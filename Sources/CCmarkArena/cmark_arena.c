#include "cmark_arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#endif

#ifdef ARENA_ASAN
// Under AddressSanitizer the headers between allocations and everything freed stay poisoned, so a read past
// an allocation or after its free is reported as it would be with malloc.
#include <sanitizer/asan_interface.h>
#define POISON(address, size) ASAN_POISON_MEMORY_REGION((address), (size))
#define UNPOISON(address, size) ASAN_UNPOISON_MEMORY_REGION((address), (size))
#else
#define POISON(address, size) ((void)(address), (void)(size))
#define UNPOISON(address, size) ((void)(address), (void)(size))
#endif

enum { ALIGNMENT = 16, FIRST_BLOCK = 64 * 1024 };

/// A run of memory the arena hands out from the front; blocks are chained newest first.
typedef struct block {
  struct block *previous;
  size_t capacity;
  size_t used;
  size_t padding;
} block;

/// Precedes each allocation: its size, for `realloc` to copy.
typedef struct header {
  size_t size;
  size_t padding;
} header;

struct sitegen_arena {
  block *top;
  /// The newest allocation, the one `realloc` can grow and `free` can give back in place.
  header *last;
};

static _Thread_local sitegen_arena *current;

static size_t rounded(size_t size) { return (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1); }

static unsigned char *start(block *b) { return (unsigned char *)(b + 1); }

/// cmark's own allocator ends the process when memory runs out; so does this one.
static void out_of_memory(void) {
  fprintf(stderr, "sitegen: out of memory\n");
  abort();
}

static block *new_block(block *previous, size_t at_least) {
  size_t capacity = previous ? previous->capacity * 2 : FIRST_BLOCK;
  if (capacity < at_least) capacity = at_least;
  block *b = malloc(sizeof(block) + capacity);
  if (!b) out_of_memory();
  b->previous = previous;
  b->capacity = capacity;
  b->used = 0;
  POISON(start(b), capacity);
  return b;
}

static void *allocate(size_t size) {
  sitegen_arena *arena = current;
  if (!arena || size > SIZE_MAX / 2) out_of_memory();
  size_t need = sizeof(header) + rounded(size);
  block *top = arena->top;
  if (top->capacity - top->used < need) top = arena->top = new_block(top, need);
  header *h = (header *)(start(top) + top->used);
  top->used += need;
  UNPOISON(h, sizeof(header));
  h->size = size;
  POISON(h, sizeof(header));
  UNPOISON(h + 1, size);
  arena->last = h;
  return h + 1;
}

static size_t size_of(header *h) {
  UNPOISON(h, sizeof(header));
  size_t size = h->size;
  POISON(h, sizeof(header));
  return size;
}

static void *arena_calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) out_of_memory();
  void *memory = allocate(count * size);
  memset(memory, 0, count * size);
  return memory;
}

static void *arena_realloc(void *memory, size_t size) {
  if (!memory) return allocate(size);
  sitegen_arena *arena = current;
  header *h = (header *)memory - 1;
  size_t old = size_of(h);
  block *top = arena->top;
  if (h == arena->last && size <= SIZE_MAX / 2) {
    // The newest allocation grows or shrinks where it stands when its block has room.
    size_t end = (size_t)((unsigned char *)h - start(top)) + sizeof(header);
    if (end + rounded(size) <= top->capacity) {
      top->used = end + rounded(size);
      POISON(h + 1, rounded(old));
      UNPOISON(h, sizeof(header));
      h->size = size;
      POISON(h, sizeof(header));
      UNPOISON(h + 1, size);
      return memory;
    }
  }
  if (size <= old) {
    POISON((unsigned char *)memory + size, old - size);
    UNPOISON(h, sizeof(header));
    h->size = size;
    POISON(h, sizeof(header));
    return memory;
  }
  void *moved = allocate(size);
  memcpy(moved, memory, old);
  POISON(memory, old);
  return moved;
}

static void arena_free(void *memory) {
  if (!memory) return;
  sitegen_arena *arena = current;
  header *h = (header *)memory - 1;
  POISON(memory, size_of(h));
  // Giving back the newest allocation lets the next one reuse its room; any other waits for the close.
  block *top = arena->top;
  if (h == arena->last) {
    top->used = (size_t)((unsigned char *)h - start(top));
    arena->last = NULL;
  }
}

static cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

sitegen_arena *sitegen_arena_open(void) {
  sitegen_arena *outer = current;
  block *first = new_block(NULL, 0);
  // The arena's own record is the first block's first bytes, freed with it.
  UNPOISON(start(first), sizeof(sitegen_arena));
  sitegen_arena *arena = (sitegen_arena *)start(first);
  first->used = rounded(sizeof(sitegen_arena));
  arena->top = first;
  arena->last = NULL;
  current = arena;
  return outer;
}

void sitegen_arena_close(sitegen_arena *outer) {
  sitegen_arena *arena = current;
  if (!arena) return;
  block *b = arena->top;
  while (b) {
    block *previous = b->previous;
    UNPOISON(start(b), b->capacity);
    free(b);
    b = previous;
  }
  current = outer;
}

cmark_mem *sitegen_arena_mem(void) { return &arena_mem; }
