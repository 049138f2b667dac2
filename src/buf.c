#include "buf.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(void)
{
	fputs("ytegraph: out of memory\n", stderr);
	abort();
}

void *yg_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *yg_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *yg_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom();
	return q;
}

char *yg_xstrdup(const char *s)
{
	return yg_xstrndup(s, strlen(s));
}

char *yg_xstrndup(const char *s, size_t n)
{
	char *p = yg_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

struct yg_arena_block {
	yg_arena_block *prev;
	max_align_t room[]; /* the allocations */
};

/* Blocks grow with the arena (a short article takes one small block, a
 * long one a few large ones); a request larger than a block gets its own. */
enum { ARENA_FIRST = 2048, ARENA_MAX = 65536 };

static void *arena_grow(yg_arena *a, size_t n)
{
	size_t size = a->blocks ? (size_t)(a->end - (char *)a->blocks->room) * 2 : ARENA_FIRST;
	if (size > ARENA_MAX)
		size = ARENA_MAX;
	if (size < n)
		size = n;
	yg_arena_block *b = yg_xmalloc(sizeof *b + size);
	b->prev = a->blocks;
	a->blocks = b;
	a->next = (char *)b->room + n;
	a->end = (char *)b->room + size;
	return b->room;
}

void *yg_arena_alloc(yg_arena *a, size_t n)
{
	size_t align = _Alignof(max_align_t);
	size_t pad = (align - (uintptr_t)a->next % align) % align;
	if (!a->next || (size_t)(a->end - a->next) < pad + n)
		return arena_grow(a, n);
	void *p = a->next + pad;
	a->next += pad + n;
	return p;
}

char *yg_arena_strndup(yg_arena *a, const char *s, size_t n)
{
	char *p;
	if (a->next && (size_t)(a->end - a->next) > n) {
		p = a->next;
		a->next += n + 1;
	} else {
		p = arena_grow(a, n + 1);
	}
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *yg_arena_strdup(yg_arena *a, const char *s)
{
	return s ? yg_arena_strndup(a, s, strlen(s)) : NULL;
}

void yg_arena_free(yg_arena *a)
{
	while (a->blocks) {
		yg_arena_block *prev = a->blocks->prev;
		free(a->blocks);
		a->blocks = prev;
	}
	a->next = a->end = NULL;
}

unsigned long long yg_hash64(const char *s, size_t n)
{
	unsigned long long h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

uint64_t yg_hash_table(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 29;
	}
	uint64_t w = 0;
	for (size_t k = 0; i + k < n; k++)
		w |= (uint64_t)(unsigned char)s[i + k] << (8 * k);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 32);
}

int yg_strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

char *yg_strjoin(const char *a, const char *sep, const char *b)
{
	size_t na = strlen(a), ns = strlen(sep), nb = strlen(b);
	char *p = yg_xmalloc(na + ns + nb + 1);
	memcpy(p, a, na);
	memcpy(p + na, sep, ns);
	memcpy(p + na + ns, b, nb + 1);
	return p;
}

void yg_buf_init(yg_buf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
}

void yg_buf_free(yg_buf *b)
{
	free(b->s);
	yg_buf_init(b);
}

void yg_buf_grow(yg_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->s = yg_xrealloc(b->s, cap);
	b->cap = cap;
}

void yg_buf_puts(yg_buf *b, const char *s)
{
	size_t n = strlen(s);
	yg_buf_reserve(b, n);
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

void yg_buf_putu(yg_buf *b, size_t v)
{
	/* two digits a division: offsets are written twice per mention */
	static const char pairs[] = "00010203040506070809101112131415161718192021222324"
	                            "25262728293031323334353637383940414243444546474849"
	                            "50515253545556575859606162636465666768697071727374"
	                            "75767778798081828384858687888990919293949596979899";
	char tmp[24];
	size_t n = 0;
	while (v >= 100) {
		size_t r = v % 100;
		v /= 100;
		n += 2;
		memcpy(tmp + sizeof tmp - n, pairs + 2 * r, 2);
	}
	if (v >= 10) {
		n += 2;
		memcpy(tmp + sizeof tmp - n, pairs + 2 * v, 2);
	} else {
		tmp[sizeof tmp - ++n] = (char)('0' + v);
	}
	yg_buf_add(b, tmp + sizeof tmp - n, n);
}

/* Does fmt use only %s, %.*s, %d, %u, %zu, %c and %%?  Those are what
 * keys and labels are made of, per mention, and are appended directly:
 * vsnprintf costs some 900 instructions a call. */
static int simple_format(const char *fmt)
{
	for (const char *p = fmt; (p = strchr(p, '%')) != NULL; p++) {
		p++;
		if (p[0] == '.' && p[1] == '*' && p[2] == 's')
			p += 2;
		else if (p[0] == 'z' && p[1] == 'u')
			p++;
		else if (!strchr("sduc%", *p) || *p == '\0')
			return 0;
	}
	return 1;
}

static void put_signed(yg_buf *b, long long v)
{
	if (v < 0) {
		yg_buf_putc(b, '-');
		yg_buf_putu(b, (size_t)(-(v + 1)) + 1);
	} else {
		yg_buf_putu(b, (size_t)v);
	}
}

static void simple_printf(yg_buf *b, const char *fmt, va_list ap)
{
	for (const char *p = fmt; *p; p++) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			yg_buf_puts(b, p);
			break;
		}
		yg_buf_add(b, p, (size_t)(pct - p));
		p = pct + 1;
		switch (*p) {
		case '%': yg_buf_putc(b, '%'); break;
		case 'c': yg_buf_putc(b, (char)va_arg(ap, int)); break;
		case 'd': put_signed(b, va_arg(ap, int)); break;
		case 'u': yg_buf_putu(b, va_arg(ap, unsigned)); break;
		case 'z': yg_buf_putu(b, va_arg(ap, size_t)); p++; break;
		case 's': {
			const char *str = va_arg(ap, const char *);
			yg_buf_puts(b, str ? str : "(null)"); /* as glibc prints it */
			break;
		}
		default: { /* ".*s" */
			int prec = va_arg(ap, int);
			const char *str = va_arg(ap, const char *);
			if (!str)
				str = prec < 0 || prec >= 6 ? "(null)" : "";
			yg_buf_add(b, str, prec < 0 ? strlen(str) : strnlen(str, (size_t)prec));
			p += 2;
		}
		}
	}
}

void yg_buf_printf(yg_buf *b, const char *fmt, ...)
{
	va_list ap;
	if (simple_format(fmt)) {
		yg_buf_reserve(b, 0);
		b->s[b->len] = '\0'; /* an empty result */
		va_start(ap, fmt);
		simple_printf(b, fmt, ap);
		va_end(ap);
		return;
	}
	/* print into the room there is; only a longer result prints twice */
	yg_buf_reserve(b, 64);
	size_t room = b->cap - b->len;
	va_start(ap, fmt);
	int n = vsnprintf(b->s + b->len, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->s[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		yg_buf_reserve(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

char *yg_buf_take(yg_buf *b)
{
	char *s = b->s ? b->s : yg_xstrdup("");
	yg_buf_init(b);
	return s;
}

enum { SHORT_SORT = 16 };

/* Insertion sort of k[0..n): quick on short runs and ones nearly in
 * order (mentions come mostly in text order). */
static void insert_key2(yg_key2 *k, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		yg_key2 x = k[i];
		size_t j = i;
		for (; j > 0 && yg_key2_before(&x, &k[j - 1]); j--)
			k[j] = k[j - 1];
		k[j] = x;
	}
}

/* Runs of SHORT_SORT by insertion, then a bottom-up merge of them through
 * tmp[0..n).  The keys are distinct: any correct sort gives this order. */
void yg_sort_key2(yg_key2 *k, yg_key2 *tmp, size_t n)
{
	for (size_t lo = 0; lo < n; lo += SHORT_SORT)
		insert_key2(k + lo, n - lo < SHORT_SORT ? n - lo : SHORT_SORT);
	yg_key2 *src = k, *dst = tmp;
	for (size_t w = SHORT_SORT; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t a = lo, b = mid, o = lo;
			while (a < mid && b < hi)
				dst[o++] = yg_key2_before(&src[b], &src[a]) ? src[b++] : src[a++];
			while (a < mid)
				dst[o++] = src[a++];
			while (b < hi)
				dst[o++] = src[b++];
		}
		yg_key2 *t = src;
		src = dst;
		dst = t;
	}
	if (src != k)
		memcpy(k, src, n * sizeof *k);
}

void yg_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	/* The arrays sorted per document are short and mostly in order
	 * already: check first, insert for short ones, qsort the rest.  All
	 * three keep equal elements in order, as glibc's merge sort does. */
	if (n < 2)
		return;
	char *a = base;
	size_t i = 1;
	while (i < n && cmp(a + (i - 1) * size, a + i * size) <= 0)
		i++;
	if (i == n)
		return;
	char tmp[256];
	if (n > 16 || size > sizeof tmp) {
		qsort(base, n, size, cmp);
		return;
	}
	for (; i < n; i++) {
		if (cmp(a + (i - 1) * size, a + i * size) <= 0)
			continue;
		memcpy(tmp, a + i * size, size);
		size_t j = i;
		while (j > 0 && cmp(a + (j - 1) * size, tmp) > 0)
			j--;
		memmove(a + (j + 1) * size, a + j * size, (i - j) * size);
		memcpy(a + j * size, tmp, size);
	}
}
