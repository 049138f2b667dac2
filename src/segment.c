#include "segment.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "fold.h"
#include "normalize.h"

void yg_tokens_free(yg_tokens *t)
{
	free(t->items);
	free(t->lines);
	memset(t, 0, sizeof *t);
}

static int is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	return u_isalnum((UChar32)cp) || u_charType((UChar32)cp) == U_NON_SPACING_MARK;
}

static int is_space_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
		       cp == '\f' || cp == '\v';
	return u_isUWhiteSpace((UChar32)cp) || cp == 0x200B || cp == 0xFEFF;
}

static int is_upper_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return u_isupper((UChar32)cp) || cp == 0x00D0;
}

static int is_lower_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return u_islower((UChar32)cp);
}

/* Character classes.  Vietnamese text lives below U+2000 (Latin, Latin
 * Extended Additional, combining marks): those come from a table filled
 * once from the functions above, the rest ask ICU each time. */
enum { C_WORD = 1, C_SPACE = 2, C_UPPER = 4, C_LOWER = 8, CLASS_TABLE = 0x2000 };

static uint8_t class_table[CLASS_TABLE];
static pthread_once_t class_once = PTHREAD_ONCE_INIT;

static unsigned class_slow(uint32_t cp)
{
	return (is_word_cp(cp) ? C_WORD : 0) | (is_space_cp(cp) ? C_SPACE : 0) |
	       (is_upper_cp(cp) ? C_UPPER : 0) | (is_lower_cp(cp) ? C_LOWER : 0);
}

static void class_init(void)
{
	for (uint32_t cp = 0; cp < CLASS_TABLE; cp++)
		class_table[cp] = (uint8_t)class_slow(cp);
}

static inline unsigned class_table_of(uint32_t cp)
{
	return cp < CLASS_TABLE ? class_table[cp] : class_slow(cp);
}

static void push_line(yg_tokens *t, uint32_t start, uint32_t end)
{
	if (t->nlines)
		t->lines[t->nlines - 1].tok_end = (uint32_t)t->len;
	if (t->nlines == t->lines_cap) {
		t->lines_cap = t->lines_cap ? t->lines_cap * 2 : 64;
		t->lines = yg_xrealloc(t->lines, t->lines_cap * sizeof *t->lines);
	}
	yg_line *l = &t->lines[t->nlines++];
	l->start = start;
	l->end = end;
	l->tok_first = l->tok_end = (uint32_t)t->len;
	l->masked = 0;
}

/* Key ids of tokens as written, per thread: news text repeats a few
 * thousand syllables, and a hit skips folding and the key-table probe.
 * A token of up to 16 bytes (nearly every syllable) is held as two
 * zero-padded words, so a lookup is a multiply and two compares.
 * Direct-mapped, with room for twice the some 9000 different words of a
 * few MB of news (8192 slots missed one word in twenty, half of them on
 * collisions); it is emptied when the key table it was filled from
 * changes (yg_keytab_stamp). */
enum { CACHE_BITS = 14, CACHE_SLOTS = 1 << CACHE_BITS, CACHE_BYTES = 16 };

typedef struct {
	uint64_t w[2]; /* the bytes, zero-padded; a token holds no NUL */
	uint32_t key;
	uint8_t len;   /* 0 = empty */
	uint8_t ncp;   /* code points of the bytes as one word token (shape
	                  in flags), 0 when not known (cached_word) */
	uint16_t flags;
} cache_entry;

enum { PUNCT_UNKNOWN = UINT32_MAX };

typedef struct {
	uint64_t stamp;
	uint32_t punct[128]; /* key of each ASCII byte as a token, or PUNCT_UNKNOWN */
	cache_entry slot[CACHE_SLOTS];
} key_cache;

static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void cache_init(void)
{
	pthread_key_create(&cache_key, free);
}

static key_cache *thread_cache(const yg_keytab *kt)
{
	pthread_once(&cache_once, cache_init);
	key_cache *c = pthread_getspecific(cache_key);
	if (!c) {
		c = yg_xcalloc(1, sizeof *c);
		pthread_setspecific(cache_key, c);
	}
	if (c->stamp != yg_keytab_stamp(kt)) {
		memset(c->slot, 0, sizeof c->slot);
		for (size_t b = 0; b < 128; b++)
			c->punct[b] = PUNCT_UNKNOWN;
		c->stamp = yg_keytab_stamp(kt);
	}
	return c;
}

/* What the tokenizer carries from token to token. */
typedef struct {
	const char *s;
	yg_tokens *out;
	yg_keytab *intern;     /* lexicon loading: add keys */
	const yg_keytab *find; /* documents: look keys up (through the cache) */
	key_cache *cache;
	size_t n;              /* length of s */
	size_t cp;             /* code points before the byte being read */
} tokenizer;

/* The n <= 16 bytes at w as two zero-padded words.  Reads 16 bytes
 * when the text has them (avail, the fast case), else copies. */
static inline void token_words(const char *w, size_t n, size_t avail, uint64_t out[2])
{
	if (avail >= 16 && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) {
		memcpy(out, w, 16);
		if (n < 8) {
			out[0] &= (1ULL << (8 * n)) - 1;
			out[1] = 0;
		} else if (n < 16) {
			out[1] &= (1ULL << (8 * (n - 8))) - 1;
		}
	} else {
		char tmp[16] = {0};
		memcpy(tmp, w, n);
		memcpy(out, tmp, 16);
	}
}

/* A key the cache does not have: fold it and look it up. */
static uint32_t key_miss(const yg_keytab *kt, const char *w, size_t n)
{
	char key[YG_KEY_MAX];
	return yg_keytab_find(kt, key, yg_fold_key(w, n, key));
}

/* The slot of a token's words: a token holds no NUL, so its words fix
 * its length, which need not be hashed. */
static inline size_t cache_slot(uint64_t w0, uint64_t w1)
{
	return (size_t)(((w0 ^ (w1 * 0x9E3779B97F4A7C15ULL)) * 0xFF51AFD7ED558CCDULL) >> (64 - CACHE_BITS));
}

/* Key id of the token w[0..n) (n <= 16) held as words (token_words). */
static inline uint32_t cached_key(key_cache *cache, const yg_keytab *kt, const char *w, size_t n,
                                  const uint64_t words[2])
{
	cache_entry *e = &cache->slot[cache_slot(words[0], words[1])];
	if (e->w[0] == words[0] && e->w[1] == words[1] && e->len == n)
		return e->key;
	e->w[0] = words[0];
	e->w[1] = words[1];
	e->len = (uint8_t)n;
	e->ncp = 0;
	e->key = key_miss(kt, w, n);
	return e->key;
}

/* Key id of the token w[0..n), avail bytes readable from w. */
static inline uint32_t find_key(key_cache *cache, const yg_keytab *kt, const char *w, size_t n,
                                size_t avail)
{
	if (n > CACHE_BYTES)
		return key_miss(kt, w, n);
	uint64_t words[2];
	token_words(w, n, avail, words);
	return cached_key(cache, kt, w, n, words);
}

/* The key of a token when no cache is at hand: lexicon loading interns
 * it, a tokenizer without a key table gives none. */
static __attribute__((noinline)) uint32_t key_uncached(const tokenizer *tz, uint32_t start, uint32_t end)
{
	if (!tz->intern)
		return YG_KEY_NONE;
	char key[YG_KEY_MAX];
	return yg_keytab_intern(tz->intern, key, yg_fold_key(tz->s + start, end - start, key));
}

/* A token s[start..end), code points [cp_start, cp_end), on the current
 * line, in room the caller made.  The line's token range is closed by
 * push_line and at the end.  Inline: it runs once per token, and a call
 * cost a fifth of its time. */
static inline __attribute__((always_inline)) yg_token *token_in_room(yg_tokens *t, uint32_t start, uint32_t end,
                                                                      size_t cp_start, size_t cp_end,
                                                                      uint16_t flags)
{
	yg_token *tk = &t->items[t->len++];
	tk->start = start;
	tk->end = end;
	tk->cp_start = (uint32_t)cp_start;
	tk->cp_end = (uint32_t)cp_end;
	tk->line = (uint32_t)(t->nlines - 1);
	tk->sent = 0;
	tk->flags = flags;
	return tk;
}

static inline __attribute__((always_inline)) yg_token *new_token(yg_tokens *t, uint32_t start, uint32_t end,
                                                                  size_t cp_start, size_t cp_end,
                                                                  uint16_t flags)
{
	YG_VEC_GROW(*t);
	return token_in_room(t, start, end, cp_start, cp_end, flags);
}

static inline __attribute__((always_inline)) void push_token(const tokenizer *tz, uint32_t start, uint32_t end,
                                                             size_t cp_start, size_t cp_end, uint16_t flags)
{
	yg_token *tk = new_token(tz->out, start, end, cp_start, cp_end, flags);
	tk->key = tz->cache ? find_key(tz->cache, tz->find, tz->s + start, end - start, tz->n - start)
	                    : key_uncached(tz, start, end);
}

/* Case shape of a word run, gathered while it is scanned. */
typedef struct {
	uint16_t flags;
	size_t letters, upper;
} shape;

static void shape_start(shape *sh, uint32_t first, unsigned cls)
{
	sh->flags = (first >= '0' && first <= '9') ? YG_TOK_NUM : YG_TOK_WORD;
	if (cls & C_UPPER)
		sh->flags |= YG_TOK_CAP;
	sh->letters = (cls & (C_UPPER | C_LOWER)) != 0;
	sh->upper = (cls & C_UPPER) != 0;
}

static void shape_add(shape *sh, unsigned cls)
{
	sh->letters += (cls & (C_UPPER | C_LOWER)) != 0;
	sh->upper += (cls & C_UPPER) != 0;
}

static uint16_t shape_flags(const shape *sh)
{
	return sh->flags | (sh->letters >= 2 && sh->upper == sh->letters ? YG_TOK_ALLCAP : 0);
}

/* A word run from s[i] (its first code point cp, class cls, ending at
 * s[j]), split at lower→upper after two lower-case letters; returns where
 * it ends. */
static inline size_t word_run(tokenizer *tz, size_t n, size_t i, size_t j, uint32_t cp, unsigned cls,
                              uint16_t pending)
{
	const char *s = tz->s;
	size_t start = i, k = j, cp_start = tz->cp, cps = tz->cp + 1;
	int lower_run = (cls & C_LOWER) != 0;
	int digits = cp >= '0' && cp <= '9'; /* the run so far is all digits */
	shape sh;
	shape_start(&sh, cp, cls);
	while (k < n) {
		/* most of a syllable is ASCII lower case: no split, no digit */
		size_t k0 = k;
		while (k < n && (unsigned char)(s[k] - 'a') < 26)
			k++;
		if (k > k0) {
			sh.letters += k - k0;
			lower_run += (int)(k - k0);
			cps += k - k0;
			digits = 0;
			if (k == n)
				break;
		}
		if (s[k] == ' ')
			break; /* how most words end: nothing to decode */
		size_t k2 = k;
		unsigned char b0 = (unsigned char)s[k];
		uint32_t c2 = b0 < 0x80 ? (k2++, b0) : yg_utf8_next(s, &k2);
		unsigned cl2 = class_table_of(c2);
		if ((cl2 & (C_WORD | C_UPPER | C_LOWER)) == (C_WORD | C_LOWER)) {
			sh.letters++;
			lower_run++;
			digits = 0;
			k = k2;
			cps++;
			continue;
		}
		if (!(cl2 & C_WORD)) {
			/* an apostrophe between letters is part of the word:
			 * "Đắk R'lấp", "Ia H’Drai", "Đạ M’rông" */
			size_t k3 = k2;
			if ((c2 == '\'' || c2 == 0x2019) && !digits && k2 < n &&
			    (class_table_of(yg_utf8_next(s, &k3)) & (C_UPPER | C_LOWER))) {
				shape_add(&sh, 0);
				lower_run = 0;
				k = k2;
				cps++;
				continue;
			}
			break;
		}
		/* a number glued to a capitalised word is two tokens: "2Nghị
		 * quyết" in a numbered list */
		if (((cl2 & C_UPPER) && lower_run >= 2) || ((cl2 & C_UPPER) && digits)) {
			push_token(tz, (uint32_t)start, (uint32_t)k, cp_start, cps, shape_flags(&sh) | pending);
			pending = 0;
			start = k;
			cp_start = cps;
			shape_start(&sh, c2, cl2);
			digits = 0;
		} else {
			shape_add(&sh, cl2);
			digits = digits && c2 >= '0' && c2 <= '9';
		}
		lower_run = (cl2 & C_LOWER) ? lower_run + 1 : 0;
		k = k2;
		cps++;
	}
	push_token(tz, (uint32_t)start, (uint32_t)k, cp_start, cps, shape_flags(&sh) | pending);
	tz->cp = cps;
	return k;
}

#ifdef __SSE2__
/* An ASCII byte that is no letter, digit or white space: a punctuation
 * token, its key from the cache's table.  Returns its end, 0 for white
 * space (line breaks: yg_tokenize). */
static inline size_t ascii_punct(tokenizer *tz, size_t i, uint16_t pending)
{
	unsigned char b = (unsigned char)tz->s[i];
	if (class_table[b] & C_SPACE)
		return 0;
	uint32_t *key = &tz->cache->punct[b];
	if (*key == PUNCT_UNKNOWN)
		*key = key_miss(tz->find, tz->s + i, 1);
	yg_token *tk = token_in_room(tz->out, (uint32_t)i, (uint32_t)i + 1, tz->cp, tz->cp + 1, YG_TOK_PUNCT | pending);
	tk->key = *key;
	tz->cp++;
	return i + 1;
}

/* Most words of a document whole, from the key cache: the bytes from s[i]
 * up to the first ASCII byte that is no letter or digit (a chunk, here
 * within the sixteen bytes at s[i]) tokenize alone, whatever comes
 * before them, and end where any word does, unless that byte is an
 * apostrophe.  So a chunk that once made exactly one word token makes
 * the same token again: its key, shape and code points are in its cache
 * entry (note_word).  Returns the end of the word (or of an ASCII
 * punctuation token), or 0 with *chunk the chunk's length when it may be
 * noted (0 when not). */
static inline size_t cached_word(tokenizer *tz, size_t i, uint16_t pending, size_t *chunk)
{
	static const unsigned char ones_then_zeros[32] = {
		0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
	const char *s = tz->s;
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
	/* a range [lo, lo + len) is one signed compare once lo is moved to
	 * -128 (exact: the add wraps no other byte into it); bytes from 0x80
	 * are in by their top bit */
	__m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
	__m128i alpha = _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8((char)(0x80 - 'a'))),
	                               _mm_set1_epi8((char)(0x80 + 26)));
	__m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))), _mm_set1_epi8((char)(0x80 + 10)));
	unsigned in = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(alpha, digit), v));
	unsigned e = (unsigned)__builtin_ctz(~in); /* in has 16 bits: e <= 16 */
	*chunk = 0;
	if (e == 0)
		return ascii_punct(tz, i, pending);
	if (e == 16 || s[i + e] == '\'')
		return 0;
	__m128i key = _mm_and_si128(v, _mm_loadu_si128((const __m128i *)(const void *)(ones_then_zeros + 16 - e)));
	uint64_t w0 = (uint64_t)_mm_cvtsi128_si64(key), w1 = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(key, key));
	const cache_entry *c = &tz->cache->slot[cache_slot(w0, w1)];
	/* equal words are equal lengths: a chunk has no NUL byte */
	if (c->w[0] != w0 || c->w[1] != w1 || !c->ncp) {
		*chunk = e;
		return 0;
	}
	yg_token *tk = token_in_room(tz->out, (uint32_t)i, (uint32_t)(i + e), tz->cp, tz->cp + c->ncp, c->flags | pending);
	tk->key = c->key;
	tz->cp += c->ncp;
	return i + e;
}

/* After word_run: when the chunk at s[start] made exactly one token, its
 * cache entry (find_key just filled it) learns the token's shape. */
static void note_word(const tokenizer *tz, size_t start, size_t chunk, size_t ntok_before)
{
	const yg_tokens *t = tz->out;
	const yg_token *tk = &t->items[t->len - 1];
	if (t->len != ntok_before + 1 || tk->end - tk->start != chunk)
		return;
	uint64_t w[2];
	token_words(tz->s + start, chunk, tz->n - start, w);
	cache_entry *c = &tz->cache->slot[cache_slot(w[0], w[1])];
	if (c->w[0] == w[0] && c->w[1] == w[1] && c->len == chunk) {
		c->ncp = (uint8_t)(tk->cp_end - tk->cp_start);
		c->flags = tk->flags & (YG_TOK_WORD | YG_TOK_NUM | YG_TOK_CAP | YG_TOK_ALLCAP);
	}
}
#else
static inline size_t cached_word(tokenizer *tz, size_t i, uint16_t pending, size_t *chunk)
{
	*chunk = 0;
	return 0;
}

static void note_word(const tokenizer *tz, size_t start, size_t chunk, size_t ntok_before) {}
#endif

/* The space after a word, at once: how most words end. */
static inline size_t space_after(tokenizer *tz, size_t i, uint16_t *pending)
{
	*pending = 0;
	if (i < tz->n && tz->s[i] == ' ') {
		*pending = YG_TOK_SPACE_BEFORE;
		tz->cp++;
		return i + 1;
	}
	return i;
}

/* Words (and ASCII punctuation) from the key cache one after another,
 * each with the space after it, from s[i] while they are there; returns
 * where the first other one starts, *chunk as cached_word left it.  The
 * tokens go into room made first (cached_word makes one and takes a byte
 * at least): one bound on i stands for the text's last sixteen bytes
 * and the array's end. */
static size_t cached_words(tokenizer *tz, size_t i, uint16_t *pending, size_t *chunk)
{
	yg_tokens *t = tz->out;
	*chunk = 0;
	if (tz->n < 16)
		return i;
	size_t last = tz->n - 16; /* the last start with sixteen bytes */
	while (i <= last) {
		if (t->len == t->cap)
			YG_VEC_GROW(*t);
		size_t room = t->cap - t->len;
		size_t stop = last - i < room ? last + 1 : i + room;
		while (i < stop) {
			size_t end = cached_word(tz, i, *pending, chunk);
			if (!end)
				return i;
			i = space_after(tz, end, pending);
		}
	}
	return i;
}

static void tokenize(const char *s, size_t n, yg_keytab *intern, const yg_keytab *find, yg_tokens *out,
                     int fast)
{
	pthread_once(&class_once, class_init);
	tokenizer tz = {s, out, intern, find, NULL, n, 0};
	if (!intern && find)
		tz.cache = thread_cache(find);
	if (out->cap < out->len + n / 4) {
		out->cap = out->len + n / 4;
		out->items = yg_xrealloc(out->items, out->cap * sizeof *out->items);
	}
	size_t i = 0;
	uint16_t pending = YG_TOK_LINE_START;
	push_line(out, 0, 0);
	while (i < n) {
		size_t chunk = 0;
		if (fast && tz.cache) {
			i = cached_words(&tz, i, &pending, &chunk);
			if (i >= n)
				break;
		}
		if (s[i] == ' ') {
			pending |= YG_TOK_SPACE_BEFORE;
			i++;
			tz.cp++;
			continue;
		}
		size_t j = i;
		uint32_t cp = yg_utf8_next(s, &j);
		if (cp == '\n' || (cp == '\r' && (j >= n || s[j] != '\n'))) {
			out->lines[out->nlines - 1].end =
				(uint32_t)(cp == '\n' && i > 0 && s[i - 1] == '\r' ? i - 1 : i);
			push_line(out, (uint32_t)j, (uint32_t)j);
			pending = YG_TOK_LINE_START | YG_TOK_SPACE_BEFORE;
			i = j;
			tz.cp++;
			continue;
		}
		unsigned cls = class_table_of(cp);
		if (cls & C_SPACE) {
			pending |= YG_TOK_SPACE_BEFORE;
			i = j;
			tz.cp++;
			continue;
		}
		if (!(cls & C_WORD)) {
			push_token(&tz, (uint32_t)i, (uint32_t)j, tz.cp, tz.cp + 1, YG_TOK_PUNCT | pending);
			tz.cp++;
			pending = 0;
			i = j;
			continue;
		}
		size_t start = i, ntok = out->len;
		i = word_run(&tz, n, i, j, cp, cls, pending);
		if (chunk)
			note_word(&tz, start, chunk, ntok);
		i = space_after(&tz, i, &pending);
	}
	out->lines[out->nlines - 1].end = (uint32_t)n;
	out->lines[out->nlines - 1].tok_end = (uint32_t)out->len;
}

void yg_tokenize(const char *s, size_t n, yg_keytab *intern, const yg_keytab *find, yg_tokens *out)
{
	tokenize(s, n, intern, find, out, 1);
}

void yg_tokenize_plain(const char *s, size_t n, yg_keytab *intern, const yg_keytab *find, yg_tokens *out)
{
	tokenize(s, n, intern, find, out, 0);
}

int yg_token_is(const char *s, const yg_token *tk, const char *lit)
{
	char key[YG_KEY_MAX];
	size_t kl = yg_fold_key(s + tk->start, tk->end - tk->start, key);
	return strlen(lit) == kl && memcmp(key, lit, kl) == 0;
}

static int key_in(uint32_t key, const uint32_t *set, size_t n)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (set[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && set[lo] == key;
}

static int ends_sentence(const char *s, const yg_tokens *t, size_t i, const uint32_t *abbrev, size_t nabbrev)
{
	const yg_token *tk = &t->items[i];
	size_t n = tk->end - tk->start;
	const char *p = s + tk->start;
	int stop = (n == 1 && (*p == '.' || *p == '!' || *p == '?' || *p == ';')) ||
	           (n == 3 && memcmp(p, "\xE2\x80\xA6", 3) == 0);
	if (!stop || i + 1 >= t->len)
		return 0;
	const yg_token *next = &t->items[i + 1];
	if (!(next->flags & YG_TOK_SPACE_BEFORE))
		return 0; /* TP.HCM, 1.268, PGS.TS */
	if (*p == '.' && i > 0 && key_in(t->items[i - 1].key, abbrev, nabbrev))
		return 0;
	return (next->flags & (YG_TOK_CAP | YG_TOK_PUNCT)) != 0;
}

/* Text wrapped at a fixed width breaks lines inside sentences, and names
 * ("Tỉnh\nủy", "Phan Văn\nSáu"): a line break is soft, and ends no
 * sentence, when it follows a long line that ends without closing
 * punctuation and the next line follows at once. */
enum { WRAPPED_LINE = 60 };

static int soft_break(const char *s, const yg_tokens *t, size_t i)
{
	const yg_token *prev = &t->items[i - 1], *tk = &t->items[i];
	if (tk->line != prev->line + 1)
		return 0; /* a blank line between */
	const yg_line *pl = &t->lines[prev->line];
	if (pl->tok_end <= pl->tok_first)
		return 0;
	const yg_token *first = &t->items[pl->tok_first];
	/* no sentence starts in lower case: "Luật Tổ chức chính\nquyền" */
	int lower = (tk->flags & YG_TOK_WORD) && !(tk->flags & (YG_TOK_CAP | YG_TOK_ALLCAP | YG_TOK_NUM));
	if (!lower && prev->cp_end - first->cp_start < WRAPPED_LINE)
		return 0;
	if (prev->flags & YG_TOK_PUNCT) {
		char ch = s[prev->start];
		if (ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == ';' || ch == ')' || ch == '"' ||
		    (unsigned char)ch >= 0x80)
			return 0;
	}
	return !(tk->flags & YG_TOK_PUNCT) && !(tk->flags & YG_TOK_NUM);
}

void yg_segment_sentences(const char *s, yg_tokens *t, const uint32_t *abbrev, size_t nabbrev)
{
	uint32_t sent = 0;
	int start = 1;
	for (size_t i = 0; i < t->len; i++) {
		yg_token *tk = &t->items[i];
		/* most tokens: words inside a line and a sentence, a run of
		 * them at a time */
		if (!start && !(tk->flags & (YG_TOK_LINE_START | YG_TOK_PUNCT))) {
			do
				tk++->sent = sent;
			while (++i < t->len && !(tk->flags & (YG_TOK_LINE_START | YG_TOK_PUNCT)));
			if (i == t->len)
				break;
		}
		if (i > 0 && (tk->flags & YG_TOK_LINE_START) && !soft_break(s, t, i))
			start = 1;
		if (start && i > 0)
			sent++;
		tk->sent = sent;
		if (start)
			tk->flags |= YG_TOK_SENT_START;
		/* only punctuation ends a sentence */
		start = (tk->flags & YG_TOK_PUNCT) && ends_sentence(s, t, i, abbrev, nabbrev);
	}
	t->nsent = t->len ? sent + 1 : 0;
}
