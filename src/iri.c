#include "iri.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
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

void yg_slug_into(yg_buf *out, const char *s, size_t n)
{
	size_t vlen;
	const char *known = yg_memo_get(YG_MEMO_SLUG, s, n, &vlen);
	if (known) {
		yg_buf_add(out, known, vlen);
		return;
	}
	pthread_once(&slug_once, slug_init);
	size_t base = out->len;
	/* written in place: a code point gives one letter at most, and a
	 * dash before it only after one that gave none, so the slug is no
	 * longer than s */
	yg_buf_reserve(out, n);
	char *o = out->s + base;
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
			if (dash && o > out->s + base)
				*o++ = '-';
			dash = 0;
			*o++ = c;
		} else {
			if (cp >= 0x80 && (cls & S_ALNUM))
				lost = 1;
			dash = 1;
		}
	}
	out->len = (size_t)(o - out->s);
	out->s[out->len] = '\0';
	if (out->len - base > 80) {
		out->len = base + 80;
		while (out->len > base && out->s[out->len - 1] == '-')
			out->len--;
		out->s[out->len] = '\0';
		lost = 1;
	}
	if (lost || out->len == base)
		yg_buf_printf(out, "%s%08llx", out->len > base ? "-" : "x", yg_hash64(s, n) & 0xffffffffULL);
	yg_memo_put(YG_MEMO_SLUG, s, n, out->s + base, out->len - base);
}

char *yg_slug(const char *s, size_t n)
{
	yg_buf b;
	yg_buf_init(&b);
	yg_slug_into(&b, s, n);
	return yg_buf_take(&b);
}

/* ---- RFC 3987 ----
 * IRI = scheme ":" ihier-part [ "?" iquery ] [ "#" ifragment ].  Outside
 * the ASCII letters, digits and the delimiters below, an IRI holds only
 * percent-escapes ("%" and two hex digits) and the "ucschar" code points
 * (no controls, no C1, no noncharacters, no surrogates); private-use code
 * points only in the query; "[" and "]" only around an IP literal. */

static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_hex(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/* ASCII an IRI holds as it is: unreserved, gen-delims but [ ], sub-delims, %. */
static int ascii_ok(int c)
{
	/* letters, digits and -._~:/?#@!$&'()*+,;=% as bits (asked per byte
	 * of every IRI written) */
	static const uint64_t below64 = 0xaffffffa00000000ULL, above64 = 0x47fffffe87ffffffULL;
	return c > 0 && c < 128 && ((c < 64 ? below64 >> c : above64 >> (c - 64)) & 1);
}

static int ucschar(uint32_t cp)
{
	if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF))
		return 0; /* noncharacters */
	return (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xF900 && cp <= 0xFFEF) ||
	       (cp >= 0x10000 && cp <= 0xDFFFF) || (cp >= 0xE1000 && cp <= 0xEFFFF);
}

static int iprivate(uint32_t cp)
{
	return (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000;
}

/* An IP literal's inside: IPv6 (hex digits, ':' and '.') or "v" IPvFuture. */
static int ip_literal(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (s[0] == 'v' || s[0] == 'V') {
		size_t i = 1;
		while (i < n && is_hex(s[i]))
			i++;
		if (i == 1 || i >= n || s[i] != '.' || i + 1 == n)
			return 0;
		for (i++; i < n; i++)
			if (!(is_alpha(s[i]) || is_digit(s[i]) || strchr("-._~!$&'()*+,;=:", s[i])))
				return 0;
		return 1;
	}
	size_t colons = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ':')
			colons++;
		else if (!is_hex(s[i]) && s[i] != '.')
			return 0;
	}
	return colons >= 2 && colons <= 7;
}

/* The authority [userinfo "@"] host [":" port]: brackets only around a
 * whole IP literal, a port of digits. */
static int authority_ok(const char *s, size_t n)
{
	const char *at = memrchr(s, '@', n);
	size_t h = at ? (size_t)(at - s) + 1 : 0;
	if (memchr(s, '[', h) || memchr(s, ']', h))
		return 0;
	size_t port_at = n;
	if (h < n && s[h] == '[') {
		const char *close = memchr(s + h, ']', n - h);
		if (!close || !ip_literal(s + h + 1, (size_t)(close - s) - h - 1))
			return 0;
		port_at = (size_t)(close - s) + 1;
		if (port_at < n && s[port_at] != ':')
			return 0;
	} else {
		const char *colon = memchr(s + h, ':', n - h);
		if (colon)
			port_at = (size_t)(colon - s);
		if (memchr(s + h, '[', n - h) || memchr(s + h, ']', n - h))
			return 0;
	}
	for (size_t i = port_at + 1; i < n; i++)
		if (!is_digit(s[i]))
			return 0;
	return 1;
}

char *yg_article_iri(const char *base, const char *id)
{
	/* Percent-encoding is one-to-one, where a slug folds case, spaces and
	 * punctuation ("A B", "a b" and "a-b" would be one article); ids that
	 * are file names of letters, digits, "-", "_" and "." stay as they
	 * are. */
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_printf(&b, "%sarticle/", base);
	/* "." and ".." are dot segments, which a parser resolving the IRI
	 * removes (Turtle's does, N-Triples' does not) */
	int dots = strcmp(id, ".") == 0 || strcmp(id, "..") == 0;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		if (is_alpha(*p) || is_digit(*p) || *p == '-' || *p == '_' || (*p == '.' && !dots) || *p == '~')
			yg_buf_putc(&b, (char)*p);
		else
			yg_buf_printf(&b, "%%%02X", *p);
	}
	return yg_buf_take(&b);
}

/* rdf:_ followed by anything but a number: valid RDF, but raptor2's
 * parsers refuse it ("Illegal ordinal value"), so no output holds it. */
static int bad_ordinal(const char *iri)
{
	static const char ns[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#_";
	if (strncmp(iri, ns, sizeof ns - 1) != 0)
		return 0;
	const char *p = iri + sizeof ns - 1;
	if (*p < '1' || *p > '9')
		return 1;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p != '\0';
}

int yg_iri_valid(const char *iri)
{
	size_t n = strlen(iri);
	if (yg_utf8_invalid_at(iri, n) != n || !is_alpha(iri[0]) || bad_ordinal(iri))
		return 0;
	size_t i = 1;
	while (i < n && (is_alpha(iri[i]) || is_digit(iri[i]) || iri[i] == '+' || iri[i] == '-' || iri[i] == '.'))
		i++;
	if (i >= n || iri[i] != ':')
		return 0;
	i++;
	size_t hier = i;
	if (n - i >= 2 && iri[i] == '/' && iri[i + 1] == '/') {
		size_t a = i + 2, z = a;
		while (z < n && iri[z] != '/' && iri[z] != '?' && iri[z] != '#')
			z++;
		if (!authority_ok(iri + a, z - a))
			return 0;
		i = z;
	}
	int query = 0, fragment = 0;
	for (size_t k = hier; k < n;) {
		unsigned char c = (unsigned char)iri[k];
		if (c < 0x80) {
			if (k >= i && (c == '[' || c == ']'))
				return 0;
			if (c != '[' && c != ']' && !ascii_ok(c))
				return 0;
			if (c == '%' && !(k + 2 < n + 0 && is_hex(iri[k + 1]) && is_hex(iri[k + 2])))
				return 0;
			if (c == '#' && fragment++)
				return 0;
			if (c == '?' && !fragment)
				query = 1;
			k++;
			continue;
		}
		uint32_t cp = yg_utf8_next(iri, &k);
		if (!ucschar(cp) && !(query && !fragment && iprivate(cp) && (cp & 0xFFFE) != 0xFFFE))
			return 0;
	}
	return 1;
}

/* Percent-encode what an IRI cannot hold (each byte of it), keeping what
 * it can: a URL with a space, a stray "%", a control or a bracket outside
 * the host becomes an IRI that means the same resource. */
char *yg_iri_repair(const char *url)
{
	size_t n = strlen(url);
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_reserve(&b, n);
	if (yg_utf8_invalid_at(url, n) != n)
		return yg_buf_take(&b); /* empty: not text */
	/* the host's brackets stay: the authority after "scheme://" */
	const char *host = strstr(url, "://"), *host_end = NULL;
	if (host) {
		host += 3;
		host_end = host + strcspn(host, "/?#");
	}
	int fragment = 0;
	for (size_t k = 0; k < n;) {
		unsigned char c = (unsigned char)url[k];
		size_t start = k;
		int keep;
		if (c < 0x80) {
			k++;
			if (c == '[' || c == ']')
				keep = host && url + start >= host && url + start < host_end;
			else if (c == '%')
				keep = start + 2 < n && is_hex(url[start + 1]) && is_hex(url[start + 2]);
			else if (c == '#')
				keep = !fragment++;
			else
				keep = ascii_ok(c);
		} else {
			keep = ucschar(yg_utf8_next(url, &k));
		}
		if (keep) {
			yg_buf_add(&b, url + start, k - start);
		} else {
			for (size_t j = start; j < k; j++)
				yg_buf_printf(&b, "%%%02X", (unsigned char)url[j]);
		}
	}
	return yg_buf_take(&b);
}

/* A "." or ".." path segment: parsers that resolve IRIs remove it, so
 * the IRIs made from such a base would read back differently. */
static int has_dot_segment(const char *s)
{
	for (const char *p = s; (p = strstr(p, "/.")) != NULL; p++) {
		const char *q = p + 2;
		if (*q == '.')
			q++;
		if (*q == '/' || *q == '#' || *q == '?' || *q == '\0')
			return 1;
	}
	return 0;
}

int yg_base_valid(const char *base)
{
	size_t n = strlen(base);
	const char *path = strstr(base, "://");
	return n > 0 && yg_iri_valid(base) && (base[n - 1] == '/' || base[n - 1] == '#') &&
	       !strchr(base, '?') && (base[n - 1] == '#' || !strchr(base, '#')) &&
	       !has_dot_segment(path ? path + 3 : base);
}

unsigned long long yg_membership_hash(const char *s, const char *o, const char *role, const char *date,
                                      const char *start)
{
	/* "s|o|role|date" (empty for NULL), without a format string */
	yg_buf key;
	yg_buf_init(&key);
	yg_buf_puts(&key, s);
	yg_buf_putc(&key, '|');
	yg_buf_puts(&key, o);
	yg_buf_putc(&key, '|');
	yg_buf_puts(&key, role ? role : "");
	yg_buf_putc(&key, '|');
	yg_buf_puts(&key, date ? date : "");
	if (start) { /* only then, so that IRIs without a start stay as they were */
		yg_buf_putc(&key, '|');
		yg_buf_puts(&key, start);
	}
	unsigned long long h = yg_hash64(key.s, key.len);
	yg_buf_free(&key);
	return h;
}

