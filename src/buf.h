/* buf.h — a growable byte buffer and a growable array macro.
 *
 * Allocation failure aborts with a message: every caller would otherwise
 * have to unwind, and a tool that runs out of memory has nothing useful
 * left to do. */
#ifndef YG_BUF_H
#define YG_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct {
	char *s;     /* owned, always NUL-terminated when len > 0 or after init */
	size_t len;
	size_t cap;
} yg_buf;

void yg_buf_init(yg_buf *b);
void yg_buf_free(yg_buf *b);
/* Grow the buffer to hold `extra` more bytes and the NUL. */
void yg_buf_grow(yg_buf *b, size_t extra);
/* Make room for `extra` more bytes and the NUL.  Inline: it is asked
 * before every append, and nearly always there is room. */
static inline void yg_buf_reserve(yg_buf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap)
		yg_buf_grow(b, extra);
}
void yg_buf_puts(yg_buf *b, const char *s);
/* Append an unsigned number in decimal. */
void yg_buf_putu(yg_buf *b, size_t v);

/* Inline: the writers append a byte or a short run per call. */
static inline void yg_buf_add(yg_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		yg_buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* Append a string literal (its length known at compile time). */
#define YG_BUF_LIT(b, lit) yg_buf_add((b), "" lit, sizeof(lit) - 1)

static inline void yg_buf_putc(yg_buf *b, char c)
{
	if (b->len + 2 > b->cap)
		yg_buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void yg_buf_printf(yg_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Detach the string: the caller owns it (free()); the buffer is reset. */
char *yg_buf_take(yg_buf *b);

void *yg_xmalloc(size_t n);
void *yg_xcalloc(size_t n, size_t size);
void *yg_xrealloc(void *p, size_t n);
char *yg_xstrdup(const char *s);
char *yg_xstrndup(const char *s, size_t n);
/* An arena: many small allocations that die together (the strings of
 * one document), so each costs a pointer bump instead of a malloc and a
 * free.  Its memory goes back only with yg_arena_free; a pointer from it
 * must not be passed to free() nor outlive the arena. */
typedef struct yg_arena_block yg_arena_block;
typedef struct {
	yg_arena_block *blocks; /* owned, newest first */
	char *next, *end;       /* the free room of the newest block */
} yg_arena;

/* n bytes aligned for any object, owned by the arena. */
void *yg_arena_alloc(yg_arena *a, size_t n);
/* Copy of s[0..n) and a NUL, owned by the arena (no alignment). */
char *yg_arena_strndup(yg_arena *a, const char *s, size_t n);
/* Copy of s owned by the arena; NULL for NULL. */
char *yg_arena_strdup(yg_arena *a, const char *s);
/* Free every block; the arena is empty and usable again. */
void yg_arena_free(yg_arena *a);

/* a + sep + b in a new string (the caller frees it); cheaper than printf
 * for the keys and labels built per mention. */
char *yg_strjoin(const char *a, const char *sep, const char *b);
/* strcmp with NULL before any string (a missing role, date, language or
 * datatype sorts first, as raptor_term_compare orders them). */
int yg_strcmp_null(const char *a, const char *b);

/* 64-bit FNV-1a of s[0..n): the hash of derived IRIs (and of tables
 * whose order can show). */
unsigned long long yg_hash64(const char *s, size_t n);
/* A hash of s[0..n) for tables that only look keys up (memo, key
 * tables): eight bytes a step where FNV-1a takes one.  Never in an
 * output: it may change, and differs between byte orders. */
uint64_t yg_hash_table(const char *s, size_t n);

/* A stable sort that accepts an empty or NULL array (qsort(NULL, 0, ...)
 * is undefined behaviour) and is quick on short or already sorted ones. */
void yg_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* Two words that order as one number, hi first: the keys of sorts whose
 * comparison would otherwise be a call per pair (recognize.c's
 * mentions, write_extract.c's spans). */
typedef struct {
	uint64_t hi, lo;
} yg_key2;

static inline int yg_key2_before(const yg_key2 *a, const yg_key2 *b)
{
	return a->hi < b->hi || (a->hi == b->hi && a->lo < b->lo);
}

/* Sort k[0..n) (all distinct) ascending, through tmp[0..n). */
void yg_sort_key2(yg_key2 *k, yg_key2 *tmp, size_t n);

/* Grow `arr` (with fields items/len/cap) to hold one more element. */
#define YG_VEC_GROW(v)                                                        \
	do {                                                                  \
		if ((v).len == (v).cap) {                                     \
			(v).cap = (v).cap ? (v).cap * 2 : 8;                  \
			(v).items = yg_xrealloc((v).items,                    \
			                        (v).cap * sizeof *(v).items); \
		}                                                             \
	} while (0)
#define YG_VEC_PUSH(v, x)                  \
	do {                               \
		YG_VEC_GROW(v);            \
		(v).items[(v).len++] = (x); \
	} while (0)

/* The same for an array in an arena: a full one is copied to one twice
 * its size, the old one left unused (no more than the final array, in
 * all), and nothing is freed alone. */
#define YG_ARENA_PUSH(a, v, x)                                                      \
	do {                                                                        \
		if ((v).len == (v).cap) {                                           \
			size_t cap_ = (v).cap ? (v).cap * 2 : 4;                    \
			void *items_ = yg_arena_alloc((a), cap_ * sizeof *(v).items); \
			if ((v).len)                                                \
				memcpy(items_, (v).items, (v).len * sizeof *(v).items); \
			(v).items = items_;                                         \
			(v).cap = cap_;                                             \
		}                                                                   \
		(v).items[(v).len++] = (x);                                         \
	} while (0)

#endif
