#include "iri.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "buf.h"
#include "memo.h"
#include "normalize.h"

/* ASCII base letter of a Latin code point, or 0. */
static char ascii_of(const UNormalizer2 *nfd, uint32_t cp)
{
	if (cp < 0x80)
		return (char)cp;
	if (cp == 0x0111 || cp == 0x0110 || cp == 0x00D0 || cp == 0x0189)
		return cp == 0x0111 ? 'd' : 'D';
	UChar buf[8];
	UErrorCode err = U_ZERO_ERROR;
	int32_t n = unorm2_getDecomposition(nfd, (UChar32)cp, buf, 8, &err);
	if (U_FAILURE(err) || n <= 0)
		return 0;
	/* Decompositions are recursive in NFD: the first unit is the base. */
	return buf[0] < 0x80 ? (char)buf[0] : 0;
}

/* What a code point contributes to a slug: its ASCII base letter (low
 * 7 bits, 0 for none), whether it is a combining mark to skip, whether it
 * is a letter or digit.  Tabled below U+2000, where Vietnamese lives. */
enum { S_SKIP = 0x100, S_ALNUM = 0x200, SLUG_TABLE = 0x2000 };

static uint16_t slug_table[SLUG_TABLE];
static pthread_once_t slug_once = PTHREAD_ONCE_INIT;

static unsigned slug_class_slow(uint32_t cp)
{
	if (u_charType((UChar32)cp) == U_NON_SPACING_MARK)
		return S_SKIP;
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
	char c = U_FAILURE(err) ? (cp < 0x80 ? (char)cp : 0) : ascii_of(nfd, cp);
	return (unsigned char)c | (u_isalnum((UChar32)cp) ? S_ALNUM : 0);
}

static void slug_init(void)
{
	for (uint32_t cp = 0; cp < SLUG_TABLE; cp++)
		slug_table[cp] = (uint16_t)slug_class_slow(cp);
}

static unsigned slug_class(uint32_t cp)
{
	return cp < SLUG_TABLE ? slug_table[cp] : slug_class_slow(cp);
}

char *yg_slug(const char *s, size_t n)
{
	size_t vlen;
	const char *known = yg_memo_get(YG_MEMO_SLUG, s, n, &vlen);
	if (known)
		return yg_xstrndup(known, vlen);
	pthread_once(&slug_once, slug_init);
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_reserve(&b, n);
	b.s[0] = '\0';
	int lost = 0, dash = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp = yg_utf8_next(s, &i);
		unsigned cls = slug_class(cp);
		if (cls & S_SKIP)
			continue;
		char c = (char)(cls & 0x7F);
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && b.len)
				yg_buf_putc(&b, '-');
			dash = 0;
			yg_buf_putc(&b, c);
		} else {
			if (cp >= 0x80 && (cls & S_ALNUM))
				lost = 1;
			dash = 1;
		}
	}
	if (b.len > 80) {
		b.len = 80;
		while (b.len && b.s[b.len - 1] == '-')
			b.len--;
		b.s[b.len] = '\0';
		lost = 1;
	}
	if (lost || b.len == 0)
		yg_buf_printf(&b, "%s%08llx", b.len ? "-" : "x", yg_hash64(s, n) & 0xffffffffULL);
	yg_memo_put(YG_MEMO_SLUG, s, n, b.s, b.len);
	return yg_buf_take(&b);
}

int yg_iri_valid(const char *iri)
{
	const char *colon = strchr(iri, ':');
	if (!colon || colon == iri)
		return 0;
	for (const char *p = iri; p < colon; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (p > iri && ((*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.'))))
			return 0;
	/* bytes an IRI may not hold: controls, space and <>"{}|\^` */
	static const uint32_t bad[8] = {0xFFFFFFFFu, 0x50000005u, 0x50000000u, 0x38000001u};
	for (const unsigned char *p = (const unsigned char *)iri; *p; p++)
		if (bad[*p >> 5] >> (*p & 31) & 1)
			return 0;
	return 1;
}

int yg_base_valid(const char *base)
{
	size_t n = strlen(base);
	return n > 0 && yg_iri_valid(base) && (base[n - 1] == '/' || base[n - 1] == '#');
}
