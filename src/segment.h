/* segment.h — lines, syllable tokens and sentences of an NFC text.
 *
 * A token is a run of letters/digits (one Vietnamese syllable, a number or
 * an abbreviation such as TP or HCM) or a single punctuation character.
 * Tokens are spans into the text, never copies.  A lower-to-upper case
 * change inside a run splits it, which repairs a missing space
 * ("Phó chủ tịchUBND"), but only after two lower-case letters so that
 * "ThS" stays whole. */
#ifndef YG_SEGMENT_H
#define YG_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "trie.h"

enum {
	YG_TOK_WORD = 1 << 0,       /* letters (maybe digits) */
	YG_TOK_NUM = 1 << 1,        /* starts with a digit */
	YG_TOK_PUNCT = 1 << 2,      /* one punctuation/symbol character */
	YG_TOK_CAP = 1 << 3,        /* first letter upper case */
	YG_TOK_ALLCAP = 1 << 4,     /* two or more letters, all upper case */
	YG_TOK_SPACE_BEFORE = 1 << 5,
	YG_TOK_LINE_START = 1 << 6,
	YG_TOK_SENT_START = 1 << 7,
	YG_TOK_MASKED = 1 << 8      /* boilerplate: yields no entity */
};

typedef struct {
	uint32_t start, end; /* byte offsets in the text */
	uint32_t cp_start, cp_end; /* the same in code points (JSON offsets) */
	uint32_t key;        /* interned folded key, or YG_KEY_NONE */
	uint32_t line;       /* 0-based line index */
	uint32_t sent;       /* 0-based sentence index */
	uint16_t flags;
} yg_token;

typedef struct {
	uint32_t start, end; /* byte span without the line break */
	uint32_t tok_first, tok_end; /* tokens [first, end) on the line */
	int masked;
} yg_line;

typedef struct {
	yg_token *items;
	size_t len, cap;
	yg_line *lines;
	size_t nlines, lines_cap;
	uint32_t nsent;
} yg_tokens;

/* Tokenize s[0..n).  With intern != NULL new keys are added to it (lexicon
 * loading); otherwise keys are looked up in `find` (documents).  Appends to
 * `out`, which must be zeroed or previously used for this text. */
void yg_tokenize(const char *s, size_t n, yg_keytab *intern,
                 const yg_keytab *find, yg_tokens *out);

/* yg_tokenize without its fast paths: the reference the tests hold them
 * to. */
void yg_tokenize_plain(const char *s, size_t n, yg_keytab *intern,
                       const yg_keytab *find, yg_tokens *out);

/* Assign sentence numbers and YG_TOK_SENT_START.  A full stop after a
 * token whose key is in abbrev[0..nabbrev) (sorted ascending: the
 * lexicon's abbreviation words) ends no sentence. */
void yg_segment_sentences(const char *s, yg_tokens *t, const uint32_t *abbrev, size_t nabbrev);

void yg_tokens_free(yg_tokens *t);

/* Does token `tk` equal the ASCII/UTF-8 string `lit` after folding? */
int yg_token_is(const char *s, const yg_token *tk, const char *lit);

#endif
