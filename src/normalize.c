#include "normalize.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <strings.h>
#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "buf.h"

int yg_encoding_from_name(const char *name)
{
	static const struct {
		const char *name;
		yg_encoding enc;
	} names[] = {
		{"utf-8", YG_ENC_UTF8}, {"utf8", YG_ENC_UTF8},
		{"windows-1258", YG_ENC_CP1258}, {"cp1258", YG_ENC_CP1258},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(name, names[i].name) == 0)
			return (int)names[i].enc;
	return -1;
}

/* NFC quick check of one code point after one with combining class
 * *last_ccc: 0 when it may not be NFC.  Vietnamese precomposed letters
 * (below U+0300 and U+1E00..U+1EFF) need no lookup. */
static inline int nfc_ok(uint32_t cp, uint8_t *last_ccc)
{
	if (cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF)) {
		*last_ccc = 0;
		return 1;
	}
	if (u_getIntPropertyValue((UChar32)cp, UCHAR_NFC_QUICK_CHECK) != UNORM_YES)
		return 0;
	uint8_t ccc = u_getCombiningClass((UChar32)cp);
	if (ccc && ccc < *last_ccc)
		return 0;
	*last_ccc = ccc;
	return 1;
}

/* One sequence at s[i] (a byte >= 0x80): its length, 0 when ill-formed;
 * the code point in *cp. */
static inline size_t utf8_sequence(const unsigned char *s, size_t i, size_t len, uint32_t *cp)
{
	unsigned c = s[i];
	if (c >= 0xC2 && c <= 0xDF) {
		/* two bytes: ơ ư đ and Latin-1 (never overlong from C2) */
		if (i + 2 > len || (s[i + 1] & 0xC0) != 0x80)
			return 0;
		*cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		/* three bytes: Latin Extended Additional (ạ ế ộ ...) */
		if (i + 3 > len || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80)
			return 0;
		*cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
		if (*cp < 0x800 || (*cp >= 0xD800 && *cp <= 0xDFFF))
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (i + 4 > len || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 ||
		    (s[i + 3] & 0xC0) != 0x80)
			return 0;
		*cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
		      (s[i + 3] & 0x3Fu);
		if (*cp < 0x10000 || *cp > 0x10FFFF)
			return 0;
		return 4;
	}
	return 0;
}

#ifdef __SSE2__
/* How many of the sixteen bytes at s are whole code points of the kinds
 * Vietnamese text is made of: ASCII, two bytes below U+0300 (lead
 * C2..CB) and U+1E00..U+1EFF (E1 B8..BB xx), all well formed and NFC
 * whatever surrounds them (combining class 0).
 * s must start a code point.  Stops before the first byte of any other
 * kind, and before a code point that runs past the sixteen bytes; the
 * caller decides those one at a time. */
static inline unsigned vietnamese_run(const unsigned char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	/* bytes as signed: 80..BF is -128..-65, C2..CB -62..-53, E1 -31,
	 * B8..BB -72..-69 */
	__m128i cont = _mm_cmplt_epi8(v, _mm_set1_epi8(-64));
	__m128i lead2 = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-63)), _mm_cmplt_epi8(v, _mm_set1_epi8(-52)));
	__m128i e1 = _mm_cmpeq_epi8(v, _mm_set1_epi8(-31));
	__m128i b8 = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-73)), _mm_cmplt_epi8(v, _mm_set1_epi8(-68)));
	__m128i lead = _mm_or_si128(lead2, e1);
	/* a fault: a continuation byte where none is owed or none where one
	 * is, not B8..BB after E1, or a byte of another kind */
	__m128i owed = _mm_or_si128(_mm_slli_si128(lead, 1), _mm_slli_si128(e1, 2));
	__m128i bad = _mm_or_si128(_mm_xor_si128(cont, owed), _mm_andnot_si128(b8, _mm_slli_si128(e1, 1)));
	__m128i known = _mm_or_si128(_mm_or_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-1)), cont), lead);
	unsigned fault = (unsigned)_mm_movemask_epi8(bad) | ((unsigned)_mm_movemask_epi8(known) ^ 0xFFFFu);
	/* before the first fault (or the seventeenth byte), back to the start
	 * of a code point that would reach it */
	unsigned end = (unsigned)__builtin_ctz(fault | 0x10000u);
	unsigned leads = (unsigned)_mm_movemask_epi8(lead) << 2, e1s = (unsigned)_mm_movemask_epi8(e1) << 2;
	if ((leads >> (end + 1)) & 1)
		return end - 1;
	if ((e1s >> end) & 1)
		return end - 2;
	return end;
}
#endif

/* One pass over the bytes: the offset of the first ill-formed sequence
 * (len when none), and, when nfc != NULL, whether the text is already in
 * NFC by the quick check (the common case, which then needs no ICU).
 * With SSE2 most text goes sixteen bytes at a time (vietnamese_run);
 * else, and near the end, ASCII goes eight bytes at a time, also the
 * ASCII letters before a Vietnamese one in a word; the letters of
 * Vietnamese (below U+0300 and U+1E00..U+1EFF) are recognised from their
 * bytes, with no lookup. */
static size_t scan_utf8(const char *str, size_t len, int *nfc)
{
	const unsigned char *s = (const unsigned char *)str;
	uint8_t last_ccc = 0;
	int quick = 1;
	size_t i = 0;
	while (i < len) {
#ifdef __SSE2__
		/* most text sixteen bytes at a time, the rest as below */
		if (i + 16 <= len) {
			unsigned run = vietnamese_run(s + i);
			if (run) {
				i += run;
				last_ccc = 0;
				continue;
			}
		}
#endif
		if (s[i] < 0x80) {
			last_ccc = 0;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			uint64_t w = 0, high = 0;
			while (i + 8 <= len && (memcpy(&w, s + i, 8), (high = w & 0x8080808080808080ULL) == 0))
				i += 8;
			if (i + 8 <= len) {
				i += (size_t)(__builtin_ctzll(high) >> 3);
				continue;
			}
#endif
			while (i < len && s[i] < 0x80)
				i++;
			continue;
		}
		unsigned c = s[i];
		if (c >= 0xC2 && c <= 0xCB && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
			last_ccc = 0; /* below U+0300 */
			i += 2;
			continue;
		}
		if (c == 0xE1 && i + 2 < len && (s[i + 1] & 0xFC) == 0xB8 && (s[i + 2] & 0xC0) == 0x80) {
			last_ccc = 0; /* U+1E00..U+1EFF */
			i += 3;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_sequence(s, i, len, &cp);
		if (!n)
			return i;
		if (nfc && quick)
			quick = nfc_ok(cp, &last_ccc);
		i += n;
	}
	if (nfc)
		*nfc = quick;
	return len;
}

size_t yg_utf8_invalid_at(const char *str, size_t len)
{
	return scan_utf8(str, len, NULL);
}

size_t yg_utf8_count(const char *s, size_t n)
{
	/* bytes minus continuation bytes (10xxxxxx), eight at a time */
	size_t cont = 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		cont += (size_t)__builtin_popcountll(w & ~(w << 1) & 0x8080808080808080ULL);
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xC0) == 0x80;
	return n - cont;
}

void yg_text_free(yg_text *t)
{
	free(t->s);
	free(t->map);
	memset(t, 0, sizeof *t);
}

size_t yg_text_input_offset(const yg_text *t, size_t out_off)
{
	size_t lo = 0, hi = t->map_len;
	/* last pair with .out <= out_off */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->map[mid].out <= out_off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return out_off + t->bom;
	const yg_offset_pair *p = &t->map[lo - 1];
	return p->in + (out_off - p->out);
}

static void map_add(yg_text *t, size_t out, size_t in)
{
	if (t->map_len == t->map_cap) {
		t->map_cap = t->map_cap ? t->map_cap * 2 : 16;
		t->map = yg_xrealloc(t->map, t->map_cap * sizeof *t->map);
	}
	t->map[t->map_len].out = out;
	t->map[t->map_len].in = in;
	t->map_len++;
}

/* Most Vietnamese text on the web is NFC already: check cheaply, code point
 * by code point, and skip normalization when no character can change. */
/* Normalize one segment (a run that starts at a normalization boundary) and
 * append it to out. */
static yg_status normalize_segment(const UNormalizer2 *nfc, const char *seg,
                                   size_t n, yg_buf *out)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar small[64], small_out[128];
	UChar *u16 = small, *norm = small_out;
	int32_t cap = 64, ncap = 128, ulen = 0;
	u_strFromUTF8(u16, cap, &ulen, seg, (int32_t)n, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR) {
		err = U_ZERO_ERROR;
		cap = ulen + 1;
		u16 = yg_xmalloc((size_t)cap * sizeof(UChar));
		u_strFromUTF8(u16, cap, &ulen, seg, (int32_t)n, &err);
	}
	int32_t nlen = U_FAILURE(err) ? 0 : unorm2_normalize(nfc, u16, ulen, norm, ncap, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR) {
		err = U_ZERO_ERROR;
		ncap = nlen + 1;
		norm = yg_xmalloc((size_t)ncap * sizeof(UChar));
		nlen = unorm2_normalize(nfc, u16, ulen, norm, ncap, &err);
	}
	int32_t blen = 0;
	if (!U_FAILURE(err)) {
		u_strToUTF8(NULL, 0, &blen, norm, nlen, &err);
		if (err == U_BUFFER_OVERFLOW_ERROR)
			err = U_ZERO_ERROR;
	}
	if (!U_FAILURE(err)) {
		yg_buf_reserve(out, (size_t)blen);
		u_strToUTF8(out->s + out->len, blen + 1, NULL, norm, nlen, &err);
		out->len += (size_t)blen;
		out->s[out->len] = '\0';
	}
	if (u16 != small)
		free(u16);
	if (norm != small_out)
		free(norm);
	return U_FAILURE(err) ? YG_ERR_ICU : YG_OK;
}

/* The NFC quick check of valid UTF-8. */
static int is_nfc_quick(const char *s, size_t len)
{
	uint8_t last_ccc = 0;
	for (size_t i = 0; i < len;) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			last_ccc = 0;
			continue;
		}
		if (!nfc_ok(yg_utf8_next(s, &i), &last_ccc))
			return 0;
	}
	return 1;
}

/* NFC of valid UTF-8 s[0..len), input offsets shifted by `base`.  quick:
 * the quick check's answer when the caller has it, else -1. */
static yg_status nfc_utf8(const char *s, size_t len, size_t base, int quick, yg_text *t,
                          const char *where, yg_diag *d)
{
	if (quick < 0)
		quick = is_nfc_quick(s, len);
	if (quick) {
		t->s = yg_xstrndup(s, len);
		t->len = len;
		return YG_OK;
	}
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
	if (U_FAILURE(err))
		return yg_diag_set(d, YG_ERR_ICU, where, "NFC: %s", u_errorName(err));
	yg_buf out;
	yg_buf_init(&out);
	yg_buf_reserve(&out, len);
	size_t i = 0;
	while (i < len) {
		size_t start = i;
		yg_utf8_next(s, &i);
		while (i < len) {
			size_t j = i;
			uint32_t cp = yg_utf8_next(s, &j);
			if (unorm2_hasBoundaryBefore(nfc, (UChar32)cp))
				break;
			i = j;
		}
		size_t before = out.len;
		if (is_nfc_quick(s + start, i - start)) {
			yg_buf_add(&out, s + start, i - start);
		} else if (normalize_segment(nfc, s + start, i - start, &out) != YG_OK) {
			yg_buf_free(&out);
			return yg_diag_set(d, YG_ERR_ICU, where, "NFC failed at byte %zu", base + start);
		}
		/* Record where the next identical run begins. */
		if (out.len - before != i - start)
			map_add(t, out.len, base + i);
	}
	t->len = out.len;
	t->s = yg_buf_take(&out);
	return YG_OK;
}

static void blank_controls(char *str, size_t n);

static yg_status from_cp1258(const char *bytes, size_t len, const char *where,
                             yg_text *t, yg_diag *d)
{
	UErrorCode err = U_ZERO_ERROR;
	UConverter *cv = ucnv_open("windows-1258", &err);
	if (U_FAILURE(err))
		return yg_diag_set(d, YG_ERR_ICU, where, "windows-1258 converter: %s", u_errorName(err));
	UChar *u16 = yg_xmalloc((len + 1) * sizeof(UChar));
	int32_t n = ucnv_toUChars(cv, u16, (int32_t)len + 1, bytes, (int32_t)len, &err);
	ucnv_close(cv);
	if (U_FAILURE(err)) {
		free(u16);
		return yg_diag_set(d, YG_ERR_ENCODING, where, "windows-1258 conversion: %s", u_errorName(err));
	}
	int32_t blen = 0;
	u_strToUTF8(NULL, 0, &blen, u16, n, &err);
	err = U_ZERO_ERROR;
	char *utf8 = yg_xmalloc((size_t)blen + 1);
	u_strToUTF8(utf8, blen + 1, NULL, u16, n, &err);
	free(u16);
	if (U_FAILURE(err)) {
		free(utf8);
		return yg_diag_set(d, YG_ERR_ICU, where, "UTF-8 conversion: %s", u_errorName(err));
	}
	/* Combining tone marks from cp1258 compose here; offsets then refer to
	 * the converted UTF-8, which is as close as a legacy file allows. */
	yg_status st = nfc_utf8(utf8, (size_t)blen, 0, -1, t, where, d);
	if (st == YG_OK) {
		yg_text_replace_nonchars(t->s, t->len);
		blank_controls(t->s, t->len);
	}
	t->legacy = 1;
	free(utf8);
	return st;
}

/* Line number (1-based) of byte offset off. */
static size_t line_of(const char *s, size_t off)
{
	size_t line = 1;
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

yg_status yg_text_normalize(const char *bytes, size_t len, yg_encoding enc,
                            const char *where, yg_text *out, yg_diag *d)
{
	memset(out, 0, sizeof *out);
	if (len >= 2 && (((unsigned char)bytes[0] == 0xFF && (unsigned char)bytes[1] == 0xFE) ||
	                 ((unsigned char)bytes[0] == 0xFE && (unsigned char)bytes[1] == 0xFF)))
		return yg_diag_set(d, YG_ERR_ENCODING, where,
		                   "UTF-16 input (byte-order mark at byte 0); convert it to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8");
	const char *nul = memchr(bytes, '\0', len);
	if (nul)
		return yg_diag_set(d, YG_ERR_ENCODING, where,
		                   "NUL byte at byte %zu (line %zu): binary data is not a text document",
		                   (size_t)(nul - bytes), line_of(bytes, (size_t)(nul - bytes)));
	if (enc == YG_ENC_CP1258)
		return from_cp1258(bytes, len, where, out, d);
	size_t bom = 0;
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		bom = 3;
	int quick = 0;
	size_t bad = scan_utf8(bytes + bom, len - bom, &quick);
	if (bad != len - bom)
		return yg_diag_set(d, YG_ERR_ENCODING, where,
		                   "invalid UTF-8 at byte %zu (line %zu); if the file is in the legacy Vietnamese code page, use --encoding windows-1258",
		                   bom + bad, line_of(bytes, bom + bad));
	out->bom = bom;
	yg_status st = nfc_utf8(bytes + bom, len - bom, bom, quick, out, where, d);
	if (st == YG_OK) {
		yg_text_replace_nonchars(out->s, out->len);
		blank_controls(out->s, out->len);
	}
	return st;
}

/* ---- text that leaves the program ---- */

static int nonchar3(const unsigned char *p)
{
	return p[0] == 0xEF && ((p[1] == 0xBF && p[2] >= 0xBE) || (p[1] == 0xB7 && p[2] >= 0x90 && p[2] <= 0xAF));
}

/* The bytes of the eight at p that may be (part of) a control: below
 * 0x20, DEL, or 0xC2, the lead byte of the C1 controls, as their high
 * bits.  Exact up to the first such byte; a byte above it may be marked
 * without being one (a borrow), so each mark is checked. */
static inline uint64_t control_marks(const unsigned char *p)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	uint64_t w, del, c2;
	memcpy(&w, p, 8);
	del = w ^ (ones * 0x7F);
	c2 = w ^ (ones * 0xC2);
	return (((w - ones * 0x20) & ~w) | ((del - ones) & ~del) | ((c2 - ones) & ~c2)) & highs;
}

/* The byte at s[i] by the rule below. */
static inline void blank_at(unsigned char *s, size_t i, size_t n)
{
	if ((s[i] < 0x20 && !(s[i] >= '\t' && s[i] <= '\r')) || s[i] == 0x7F)
		s[i] = ' ';
	else if (s[i] == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F && s[i + 1] != 0x85)
		s[i] = s[i + 1] = ' ';
}

/* Controls are no text either: a C0 control other than the white space
 * ones (tab, line feed, vertical tab, form feed, CR), DEL, or a C1
 * control would end up inside a label ("thờeo\x17định").  Each becomes
 * spaces of its own length, so offsets do not move.  Eight bytes at a
 * time; only the marked ones (mostly line feeds) are looked at. */
static void blank_controls(char *str, size_t n)
{
	unsigned char *s = (unsigned char *)str;
	size_t i = 0;
#ifdef __SSE2__
	/* sixteen bytes a step where SSE2 is there (all x86-64); the marks
	 * are exact here, and blank_at decides as below */
	const __m128i ctl = _mm_set1_epi8(0x1F), del = _mm_set1_epi8(0x7F), c2 = _mm_set1_epi8((char)0xC2);
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v),
		                           _mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmpeq_epi8(v, c2)));
		for (unsigned m = (unsigned)_mm_movemask_epi8(hit); m; m &= m - 1)
			blank_at(s, i + (size_t)__builtin_ctz(m), n);
	}
#endif
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	for (; i + 8 <= n; i += 8)
		for (uint64_t m = control_marks(s + i); m; m &= m - 1)
			blank_at(s, i + (size_t)(__builtin_ctzll(m) >> 3), n);
#endif
	for (; i < n; i++)
		blank_at(s, i, n);
}

void yg_text_replace_nonchars(char *str, size_t n)
{
	unsigned char *s = (unsigned char *)str;
	for (unsigned char *p = s; (p = memchr(p, 0xEF, n - (size_t)(p - s))) != NULL; p++)
		if ((size_t)(p - s) + 3 <= n && nonchar3(p)) {
			p[1] = 0xBF;
			p[2] = 0xBD;
		}
}

/* A code point that no headline or label keeps. */
static int line_breaker(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

char *yg_text_clean_line(const char *s)
{
	size_t n = strlen(s);
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_reserve(&b, n);
	int space = 0;
	for (size_t i = 0; i < n;) {
		size_t start = i;
		uint32_t cp = yg_utf8_next(s, &i);
		if (line_breaker(cp) || cp == ' ') {
			space = 1;
			continue;
		}
		if (space && b.len)
			yg_buf_putc(&b, ' ');
		space = 0;
		yg_buf_add(&b, s + start, i - start);
	}
	yg_text_replace_nonchars(b.s, b.len);
	if (b.len == 0) {
		yg_buf_free(&b);
		return NULL;
	}
	return yg_buf_take(&b);
}

/* A control no RDF syntax writes the same way: C0 but tab and line feed
 * (CR included: raptor writes it raw inside a Turtle string), DEL and C1
 * (raptor's RDF/XML writer refuses them). */
static int literal_control(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F);
}

char *yg_text_literal_safe(const char *s)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		size_t start = i;
		uint32_t cp = yg_utf8_next(s, &i);
		if (literal_control(cp) || (cp >= 0xFDD0 && cp <= 0xFDEF) || cp == 0xFFFE || cp == 0xFFFF) {
			i = start;
			break;
		}
	}
	if (i >= n)
		return NULL;
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_reserve(&b, n);
	for (i = 0; i < n;) {
		size_t start = i;
		if (literal_control(yg_utf8_next(s, &i)))
			yg_buf_putc(&b, ' ');
		else
			yg_buf_add(&b, s + start, i - start);
	}
	yg_text_replace_nonchars(b.s, b.len);
	return yg_buf_take(&b);
}

char *yg_text_printable(const char *s, size_t max)
{
	size_t n = strlen(s), shown = 0;
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_puts(&b, "");
	for (size_t i = 0; i < n;) {
		if (shown++ == max) {
			yg_buf_puts(&b, "...");
			break;
		}
		size_t bad = yg_utf8_invalid_at(s + i, n - i > 4 ? 4 : n - i);
		size_t start = i;
		uint32_t cp = bad == 0 ? 0xFFFFFFFFu : yg_utf8_next(s, &i);
		if (bad == 0 || line_breaker(cp)) {
			if (bad == 0)
				i = start + 1;
			for (size_t j = start; j < i; j++)
				yg_buf_printf(&b, "\\x%02X", (unsigned char)s[j]);
		} else {
			yg_buf_add(&b, s + start, i - start);
		}
	}
	return yg_buf_take(&b);
}
