#include "fold.h"

#include <pthread.h>
#include <string.h>
#include <unicode/uchar.h>

#include "buf.h"
#include "memo.h"
#include "normalize.h"

/* Lower-case one code point (simple case mapping) with look-alikes folded;
 * fold_table below holds the answers under U+2000. */
static uint32_t fold_cp_slow(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	/* Vietnamese letters without a call into ICU: Latin-1 capitals, and
	 * Latin Extended Additional, where capitals are the even code points */
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7 && cp != 0xD0)
		return cp + 32;
	if (cp >= 0xDF && cp <= 0xFF)
		return cp;
	if (cp >= 0x1EA0 && cp <= 0x1EF9)
		return cp | 1;
	switch (cp) {
	case 0x00D0: /* Ð ETH, often typed for Đ */
	case 0x0189: /* Ɖ African D */
	case 0x0110: /* Đ */
		return 0x0111;
	default:
		return (uint32_t)u_tolower((UChar32)cp);
	}
}

/* Folded code points below U+2000 (Vietnamese) from a table filled once. */
enum { FOLD_TABLE = 0x2000 };
static uint16_t fold_table[FOLD_TABLE];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void fold_init(void)
{
	for (uint32_t cp = 0; cp < FOLD_TABLE; cp++)
		fold_table[cp] = (uint16_t)fold_cp_slow(cp);
}

/* The five tones on the vowels whose tone moves between conventions,
 * in the order grave, acute, hook, tilde, dot. */
static const uint32_t tone_a[5] = {0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1};
static const uint32_t tone_e[5] = {0x00E8, 0x00E9, 0x1EBB, 0x1EBD, 0x1EB9};
static const uint32_t tone_y[5] = {0x1EF3, 0x00FD, 0x1EF7, 0x1EF9, 0x1EF5};
static const uint32_t tone_o[5] = {0x00F2, 0x00F3, 0x1ECF, 0x00F5, 0x1ECD};
static const uint32_t tone_u[5] = {0x00F9, 0x00FA, 0x1EE7, 0x0169, 0x1EE5};

static int tone_index(const uint32_t *row, uint32_t cp)
{
	for (int i = 0; i < 5; i++)
		if (row[i] == cp)
			return i;
	return -1;
}

/* Move the tone of a final oa/oe/uy cluster onto its first vowel (the
 * placement the scorer and most lexicons use). cps holds the folded code
 * points of one syllable. */
static void fold_tone(uint32_t *cps, size_t n)
{
	if (n < 2)
		return;
	uint32_t last = cps[n - 1], prev = cps[n - 2];
	int t;
	if (prev == 'o' && (t = tone_index(tone_a, last)) >= 0) {
		cps[n - 2] = tone_o[t];
		cps[n - 1] = 'a';
	} else if (prev == 'o' && (t = tone_index(tone_e, last)) >= 0) {
		cps[n - 2] = tone_o[t];
		cps[n - 1] = 'e';
	} else if (prev == 'u' && (t = tone_index(tone_y, last)) >= 0 &&
	           !(n >= 3 && cps[n - 3] == 'q')) {
		cps[n - 2] = tone_u[t];
		cps[n - 1] = 'y';
	}
}

size_t yg_fold_key(const char *s, size_t n, char *out)
{
	/* ASCII syllables (numbers, abbreviations) fold byte by byte */
	size_t a = 0;
	while (a < n && (unsigned char)s[a] < 0x80)
		a++;
	if (a == n && n < YG_KEY_MAX) {
		for (size_t i = 0; i < n; i++)
			out[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
		out[n] = '\0';
		return n;
	}
	pthread_once(&fold_once, fold_init);
	uint32_t cps[YG_KEY_MAX / 2];
	size_t m = 0;
	for (size_t i = 0; i < n && m < sizeof cps / sizeof cps[0];) {
		uint32_t cp = yg_utf8_next(s, &i);
		cps[m++] = cp < FOLD_TABLE ? fold_table[cp] : fold_cp_slow(cp);
	}
	fold_tone(cps, m);
	size_t len = 0;
	for (size_t k = 0; k < m && len + 4 < YG_KEY_MAX; k++)
		len += yg_utf8_put(cps[k], out + len);
	out[len] = '\0';
	return len;
}

enum { P_WORD = 1, P_SPACE = 2, PHRASE_TABLE = 0x2000 };

static unsigned phrase_class_slow(uint32_t cp)
{
	int word = u_isalnum((UChar32)cp) || u_getCombiningClass((UChar32)cp) != 0 ||
	           u_charType((UChar32)cp) == U_NON_SPACING_MARK;
	return (word ? P_WORD : 0) | (u_isUWhiteSpace((UChar32)cp) ? P_SPACE : 0);
}

/* Classes below U+2000 (where Vietnamese lives) from a table filled once. */
static uint8_t phrase_table[PHRASE_TABLE];
static pthread_once_t phrase_once = PTHREAD_ONCE_INIT;

static void phrase_init(void)
{
	for (uint32_t cp = 0; cp < PHRASE_TABLE; cp++)
		phrase_table[cp] = (uint8_t)phrase_class_slow(cp);
}

static unsigned phrase_class(uint32_t cp)
{
	return cp < PHRASE_TABLE ? phrase_table[cp] : phrase_class_slow(cp);
}

static int is_word_cp(uint32_t cp)
{
	return (phrase_class(cp) & P_WORD) != 0;
}

/* Up to this many code points a word's key is never cut (31 of at most
 * four bytes fit YG_KEY_MAX), so folding it as it is read gives
 * yg_fold_key's key. */
enum { WORD_CPS = 31 };

/* Fold the word (run of word characters) at s[i] onto b; returns its
 * end.  Each code point is decoded once, classed and folded; a longer
 * word goes through yg_fold_key, which cuts its key. */
static size_t fold_word(yg_buf *b, const char *s, size_t n, size_t i)
{
	uint32_t cps[WORD_CPS];
	size_t m = 0, k = i;
	while (k < n) {
		size_t k2 = k;
		uint32_t cp = yg_utf8_next(s, &k2);
		if (!is_word_cp(cp))
			break;
		if (m < WORD_CPS)
			cps[m] = cp < FOLD_TABLE ? fold_table[cp] : fold_cp_slow(cp);
		m++;
		k = k2;
	}
	if (m > WORD_CPS) {
		char key[YG_KEY_MAX];
		yg_buf_add(b, key, yg_fold_key(s + i, k - i, key));
		return k;
	}
	fold_tone(cps, m);
	yg_buf_reserve(b, 4 * m);
	for (size_t c = 0; c < m; c++)
		b->len += yg_utf8_put(cps[c], b->s + b->len);
	b->s[b->len] = '\0';
	return k;
}

/* A word folded by yg_fold_key: the plain way fold_word is held to. */
static size_t plain_word(yg_buf *b, const char *s, size_t n, size_t i)
{
	size_t k = i;
	while (k < n) {
		size_t k2 = k;
		if (!is_word_cp(yg_utf8_next(s, &k2)))
			break;
		k = k2;
	}
	char key[YG_KEY_MAX];
	size_t kl = yg_fold_key(s + i, k - i, key);
	yg_buf_add(b, key, kl);
	return k;
}

/* The phrase loop: runs of spaces become one, words are folded by
 * `word`, other characters kept.  Static with a constant `word` at each
 * call, so the compiler makes a copy per word function. */
static inline void fold_phrase(yg_buf *b, const char *s, size_t n,
                               size_t (*word)(yg_buf *, const char *, size_t, size_t))
{
	size_t base = b->len;
	yg_buf_reserve(b, n);
	b->s[b->len] = '\0';
	size_t i = 0;
	int pending_space = 0;
	while (i < n) {
		size_t j = i;
		uint32_t cp = yg_utf8_next(s, &j);
		if (phrase_class(cp) & P_SPACE) {
			pending_space = b->len > base;
			i = j;
			continue;
		}
		if (pending_space)
			yg_buf_putc(b, ' ');
		pending_space = 0;
		if (is_word_cp(cp)) {
			i = word(b, s, n, i);
		} else {
			yg_buf_add(b, s + i, j - i);
			i = j;
		}
	}
}

/* yg_fold_phrase_into without fold_word or the memo: the reference the
 * tests hold it to. */
void yg_fold_phrase_plain(yg_buf *b, const char *s, size_t n)
{
	pthread_once(&phrase_once, phrase_init);
	fold_phrase(b, s, n, plain_word);
}

void yg_fold_phrase_into(yg_buf *b, const char *s, size_t n)
{
	size_t vlen;
	const char *known = yg_memo_get(YG_MEMO_FOLD, s, n, &vlen);
	if (known) {
		yg_buf_add(b, known, vlen);
		return;
	}
	pthread_once(&phrase_once, phrase_init);
	pthread_once(&fold_once, fold_init);
	size_t base = b->len;
	fold_phrase(b, s, n, fold_word);
	yg_memo_put(YG_MEMO_FOLD, s, n, b->s + base, b->len - base);
}

char *yg_fold_phrase(const char *s, size_t n)
{
	yg_buf b;
	yg_buf_init(&b);
	yg_fold_phrase_into(&b, s, n);
	return yg_buf_take(&b);
}
