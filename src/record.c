#include "record.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"

static const uint64_t ONES = 0x0101010101010101ULL, HIGHS = 0x8080808080808080ULL;

/* The bytes of v that are zero, as their high bits: exact up to the first
 * zero byte, which is all a search needs (little-endian). */
static inline uint64_t zero_bytes(uint64_t v)
{
	return (v - ONES) & ~v & HIGHS;
}

/* The first i' >= i with s[i'] == a or s[i'] == b, or n. */
static size_t find2(const char *s, size_t i, size_t n, unsigned char a, unsigned char b)
{
#ifdef __SSE2__
	/* sixteen bytes a step where SSE2 is there (all x86-64) */
	const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t hit = zero_bytes(w ^ (ONES * a)) | zero_bytes(w ^ (ONES * b));
		if (hit)
			return i + (size_t)(__builtin_ctzll(hit) >> 3);
	}
#endif
	for (; i < n; i++)
		if ((unsigned char)s[i] == a || (unsigned char)s[i] == b)
			return i;
	return n;
}

static int hex4(const char *p, unsigned *out)
{
	unsigned v = 0;
	for (int k = 0; k < 4; k++) {
		unsigned char c = (unsigned char)p[k];
		unsigned d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		           : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 16;
		if (d == 16)
			return 0;
		v = v << 4 | d;
	}
	*out = v;
	return 1;
}

/* One escape at s[i] == '\\' (s[i + 1] exists) appended to *o; the length
 * it takes in s, 0 for one that is left to cJSON: \u0000, which it
 * decodes to a string-ending NUL, and surrogates. */
static size_t unescape(const char *s, size_t i, size_t end, char **o)
{
	static const char plain[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
	char c = s[i + 1];
	for (size_t k = 0; k < sizeof plain - 1; k += 2)
		if (c == plain[k]) {
			*(*o)++ = plain[k + 1];
			return 2;
		}
	unsigned cp;
	if (c != 'u' || i + 6 > end || !hex4(s + i + 2, &cp) || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	unsigned char *u = (unsigned char *)*o;
	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		*o += 1;
	} else if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | cp >> 6);
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		*o += 2;
	} else {
		u[0] = (unsigned char)(0xE0 | cp >> 12);
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		*o += 3;
	}
	return 6;
}

/* The string whose opening quote is at s[*pos], decoded (in one pass,
 * through `scratch`) into a new allocation; *pos moves past its closing
 * quote.  NULL: not one this parser takes.  A backslash and what follows
 * are read as one escape, so the closing quote is the one cJSON finds. */
enum { HAND_OVER = 256 };

static char *string_at(const char *s, size_t n, size_t *pos, yg_buf *scratch)
{
	size_t i = *pos + 1;
	scratch->len = 0;
	yg_buf_reserve(scratch, 64);
	for (;;) {
		size_t stop = find2(s, i, n, '"', '\\');
		if (stop >= n)
			return NULL;
		yg_buf_add(scratch, s + i, stop - i);
		if (s[stop] == '"') {
			*pos = stop + 1;
			/* the article text is handed over, not copied again
			 * (when it fills at least half of the room) */
			if (scratch->len >= HAND_OVER && scratch->len >= scratch->cap / 2)
				return yg_buf_take(scratch);
			return yg_xstrndup(scratch->s, scratch->len);
		}
		if (stop + 1 >= n)
			return NULL;
		yg_buf_reserve(scratch, 4);
		char *o = scratch->s + scratch->len;
		size_t took = unescape(s, stop, n, &o);
		if (!took)
			return NULL;
		scratch->len = (size_t)(o - scratch->s);
		i = stop + took;
	}
}

static size_t skip_space(const char *s, size_t i, size_t n)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* One member "key": "value" or "key": null at s[*pos] (its opening
 * quote), appended to obj; 0 when it is not one this parser takes. */
static int member_at(cJSON *obj, const char *s, size_t n, size_t *pos, yg_buf *scratch)
{
	char *key = string_at(s, n, pos, scratch);
	if (!key)
		return 0;
	cJSON *item = cJSON_CreateNull();
	if (!item) {
		free(key);
		return 0;
	}
	item->string = key;
	cJSON_AddItemToArray(obj, item); /* the key is set: no copy of it */
	size_t i = skip_space(s, *pos, n);
	if (i >= n || s[i] != ':')
		return 0;
	i = skip_space(s, i + 1, n);
	if (i < n && s[i] == '"') {
		*pos = i;
		if (!(item->valuestring = string_at(s, n, pos, scratch)))
			return 0;
		item->type = cJSON_String;
		return 1;
	}
	if (i + 4 <= n && memcmp(s + i, "null", 4) == 0) {
		*pos = i + 4;
		return 1;
	}
	return 0;
}

cJSON *yg_record_parse_flat(const char *s, size_t n)
{
	size_t i = skip_space(s, 0, n);
	if (i >= n || s[i] != '{')
		return NULL;
	cJSON *obj = cJSON_CreateObject();
	if (!obj)
		return NULL;
	yg_buf scratch;
	yg_buf_init(&scratch);
	/* no string is longer than the line: room once, not by doubling */
	yg_buf_reserve(&scratch, n);
	i = skip_space(s, i + 1, n);
	if (i < n && s[i] == '}') {
		i++;
	} else {
		for (;;) {
			if (i >= n || s[i] != '"' || !member_at(obj, s, n, &i, &scratch))
				goto other;
			i = skip_space(s, i, n);
			if (i < n && s[i] == ',') {
				i = skip_space(s, i + 1, n);
				continue;
			}
			if (i < n && s[i] == '}') {
				i++;
				break;
			}
			goto other;
		}
	}
	if (skip_space(s, i, n) == n) {
		yg_buf_free(&scratch);
		return obj;
	}
other:
	yg_buf_free(&scratch);
	cJSON_Delete(obj);
	return NULL;
}
