/* recognize.h — find entity mentions in a segmented document.
 *
 * Each recogniser adds candidate mentions for one type; yg_recognize runs
 * them all (one table) and then keeps a non-overlapping set by one rule:
 * the longer span wins; for equal spans the higher type priority wins
 * (Hospital, HealthFacility, GovernmentBody, Resolution, Official,
 * Province); then the earlier one.  So a province inside a hospital's name
 * is not a Province mention. */
#ifndef YG_RECOGNIZE_H
#define YG_RECOGNIZE_H

#include "document.h"
#include "lexicon.h"

typedef void (*yg_recognizer_fn)(yg_document *d, const yg_lexicon *lx);

/* The recognisers (one file each).  Stage 1 works on tokens alone;
 * officials (stage 2) read the organisations stage 1 kept, to split
 * "title + body + name" and link the person to the body. */
void yg_recognize_provinces(yg_document *d, const yg_lexicon *lx);
void yg_recognize_bodies(yg_document *d, const yg_lexicon *lx);
void yg_recognize_facilities(yg_document *d, const yg_lexicon *lx);
void yg_recognize_hospitals(yg_document *d, const yg_lexicon *lx);
void yg_recognize_documents(yg_document *d, const yg_lexicon *lx);
void yg_recognize_persons(yg_document *d, const yg_lexicon *lx);
void yg_recognize_officials(yg_document *d, const yg_lexicon *lx);

/* Run every recogniser and resolve overlaps (sets mention.entity to -1 for
 * the dropped ones, 0 for the kept ones until resolve assigns entities). */
void yg_recognize(yg_document *d, const yg_lexicon *lx);

/* Find, in one pass, every lexicon phrase starting at every token, so the
 * recognisers' lookups below are table reads.  Called by the pipeline. */
void yg_match_index(yg_document *d, const yg_lexicon *lx);
/* Rebuild the token → kept mention index (after overlaps are settled). */
void yg_mention_index(yg_document *d);

/* Longest lexicon phrase of `kind` starting at token i (tokens up to `end`,
 * masked tokens never match).  Returns its length in tokens (0 = none) and
 * the concept in *concept. */
size_t yg_match_phrase_at(const yg_document *d, const yg_lexicon *lx, size_t i,
                          size_t end, int kind, uint32_t *concept);

/* Can a phrase of one of the kinds in `mask` (bits 1 << kind) start at
 * token i?  Always 1 for a document without a phrase index.  Inline: the
 * recognisers ask at every token, and most tokens start nothing. */
static inline int yg_kinds_at(const yg_document *d, size_t i, uint32_t mask)
{
	return !d->match_kinds || (i < d->toks.len && (d->match_kinds[i] & mask));
}

static inline size_t yg_match_phrase(const yg_document *d, const yg_lexicon *lx, size_t i,
                                     size_t end, int kind, uint32_t *concept)
{
	return yg_kinds_at(d, i, 1u << kind) ? yg_match_phrase_at(d, lx, i, end, kind, concept) : 0;
}

/* Length in tokens of the relation cue `cue` (the local name of a concept in
 * lexicon/cues.ttl: "merger", "support", ...) at token i, or 0. */
size_t yg_cue_at_slow(const yg_document *d, const yg_lexicon *lx, size_t i, const char *cue);
static inline size_t yg_cue_at(const yg_document *d, const yg_lexicon *lx, size_t i, const char *cue)
{
	return yg_kinds_at(d, i, 1u << YG_LEX_CUE) ? yg_cue_at_slow(d, lx, i, cue) : 0;
}

/* ---- token helpers shared by the recognisers (match.c) ---- */

/* Inline: the recognisers ask these at almost every token. */

/* Is token i usable: inside the text, not boilerplate? */
static inline int yg_tok_live(const yg_document *d, size_t i)
{
	return i < d->toks.len && !(d->toks.items[i].flags & YG_TOK_MASKED);
}

/* Is token i the single punctuation character c? */
static inline int yg_tok_punct(const yg_document *d, size_t i, char c)
{
	if (!yg_tok_live(d, i))
		return 0;
	const yg_token *t = &d->toks.items[i];
	return (t->flags & YG_TOK_PUNCT) && t->end - t->start == 1 && d->text.s[t->start] == c;
}

/* A capitalised word (or all-caps abbreviation), not masked. */
static inline int yg_tok_capword(const yg_document *d, size_t i)
{
	if (!yg_tok_live(d, i))
		return 0;
	uint16_t f = d->toks.items[i].flags;
	return (f & YG_TOK_WORD) && (f & (YG_TOK_CAP | YG_TOK_ALLCAP));
}

/* Does token i fold to `lit` (lower case, NFC)?  yg_tok_is also requires
 * the token to be live (not boilerplate). */
int yg_tok_is(const yg_document *d, size_t i, const char *lit);
int yg_tok_eq(const yg_document *d, size_t i, const char *lit);
/* A province name at token i (a preceding "tỉnh"/"thành phố" is part of
 * the gazetteer's variants); 0 when none.  Needs a capital letter. */
size_t yg_province_at(const yg_document *d, const yg_lexicon *lx, size_t i, uint32_t *concept);
/* The mention (index) that starts at token i, or -1. */
long yg_mention_at(const yg_document *d, size_t i);
/* Property of the lexicon concept c, or NULL. */
const char *yg_lex_prop(const yg_lexicon *lx, uint32_t c, const char *pred);
/* The prefLabel of a lexicon concept. */
const char *yg_lex_label(const yg_lexicon *lx, uint32_t c);

#endif
