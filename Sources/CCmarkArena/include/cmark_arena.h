#ifndef SITEGEN_CMARK_ARENA_H
#define SITEGEN_CMARK_ARENA_H

#include <cmark.h>

/// Memory that libcmark allocates from while it is the calling thread's current arena, all freed at once when
/// it is closed. Parsing and rendering a page makes hundreds of small allocations that all die together; a bump
/// allocator serves them without a call into malloc each, and frees them without walking the tree.
typedef struct sitegen_arena sitegen_arena;

/// Opens a new arena as the calling thread's current one and returns the arena it replaces (NULL for none),
/// for `sitegen_arena_close`. Arenas nest: a render inside a render gets its own.
sitegen_arena *_Nullable sitegen_arena_open(void);

/// Frees everything the calling thread's current arena holds and makes `outer` (what the matching
/// `sitegen_arena_open` returned) current again. No pointer into the arena may be used afterwards.
void sitegen_arena_close(sitegen_arena *_Nullable outer);

/// The cmark allocator over the calling thread's current arena; only for use between an open and its close.
cmark_mem *_Nonnull sitegen_arena_mem(void);

#endif
