#include "json.h"

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Bytes a JSON string cannot hold as they are. */
static int needs_escape(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\';
}

/* Does any byte of w need escaping?  (SWAR: a byte below 0x20, '"' or
 * '\\'; bytes >= 0x80 never do.) */
static int word_needs_escape(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t low = (w - ones * 0x20) & ~w;
	uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
	uint64_t zq = (q - ones) & ~q, zb = (bs - ones) & ~bs;
	return ((low | zq | zb) & high) != 0;
}

/* The first i' >= i where s[i'] needs an escape, or n.  Nearly every
 * string needs none: 16 bytes a step where SSE2 is there (all x86-64),
 * then 8, then one. */
static size_t escape_at(const char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		/* min(v, 0x1F) == v: an unsigned byte below 0x20 */
		__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
		                           _mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v));
		unsigned m = (unsigned)_mm_movemask_epi8(hit);
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	uint64_t w;
	while (i + 8 <= n && (memcpy(&w, s + i, 8), !word_needs_escape(w)))
		i += 8;
	while (i < n && !needs_escape((unsigned char)s[i]))
		i++;
	return i;
}

/* The escape of a byte that needs one, written at o; returns its length. */
static size_t put_escape(char *o, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	switch (c) {
	case '"': memcpy(o, "\\\"", 2); return 2;
	case '\\': memcpy(o, "\\\\", 2); return 2;
	case '\n': memcpy(o, "\\n", 2); return 2;
	case '\r': memcpy(o, "\\r", 2); return 2;
	case '\t': memcpy(o, "\\t", 2); return 2;
	default:
		memcpy(o, "\\u00", 4);
		o[4] = hex[c >> 4];
		o[5] = hex[c & 15];
		return 6;
	}
}

/* Writes straight into the buffer: labels and mention texts are short and
 * many, and a bounds check per piece cost more than the copy.  Room for
 * the string and its quotes is made once; an escape (rare) makes room for
 * itself and the rest. */
void yg_json_strn(yg_buf *b, const char *s, size_t n)
{
	yg_buf_reserve(b, n + 2);
	char *o = b->s + b->len;
	*o++ = '"';
	size_t i = 0, run = 0;
	for (;;) {
		i = escape_at(s, i, n);
		memcpy(o, s + run, i - run);
		o += i - run;
		if (i >= n)
			break;
		b->len = (size_t)(o - b->s);
		yg_buf_reserve(b, 6 + (n - i) + 1);
		o = b->s + b->len;
		o += put_escape(o, (unsigned char)s[i]);
		run = ++i;
	}
	*o++ = '"';
	*o = '\0';
	b->len = (size_t)(o - b->s);
}

void yg_json_str(yg_buf *b, const char *s)
{
	yg_json_strn(b, s, strlen(s));
}

void yg_json_opt(yg_buf *b, const char *s)
{
	if (s)
		yg_json_str(b, s);
	else
		YG_BUF_LIT(b, "null");
}
