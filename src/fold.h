/* fold.h — matching keys for Vietnamese syllables.
 *
 * A key folds what must not change a match: case, the two tone-placement
 * conventions on open oa/oe/uy syllables (hoà = hòa, khoẻ = khỏe,
 * thuý = thúy; not after q, not in closed syllables such as hoàn), and
 * look-alike letters (U+00D0 Ð and U+0189 Ɖ for Đ).  Diacritics otherwise
 * stay: they distinguish Vietnamese words. */
#ifndef YG_FOLD_H
#define YG_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Longest key written for one token; longer tokens are cut (they cannot be
 * lexicon entries anyway). */
#define YG_KEY_MAX 128

/* Write the key of s[0..n) (NFC UTF-8) into out (YG_KEY_MAX bytes), NUL
 * terminated; returns its length. */
size_t yg_fold_key(const char *s, size_t n, char *out);

/* Fold a whole phrase: each run of letters/digits is folded as a syllable,
 * runs of spaces collapse to one space, other characters are kept.  Caller
 * frees the result. */
char *yg_fold_phrase(const char *s, size_t n);
/* The same, appended to b (no allocation when b has room). */
void yg_fold_phrase_into(yg_buf *b, const char *s, size_t n);
/* yg_fold_phrase_into word by word through yg_fold_key, never
 * remembered: the reference the tests hold it to. */
void yg_fold_phrase_plain(yg_buf *b, const char *s, size_t n);


#endif
