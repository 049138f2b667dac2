/* match.h — the phrase index of a document, and the token tests the
 * recognisers and relation finders share.
 *
 * The index holds every lexicon phrase starting at every token, found in
 * one pass over the tokens, so each lookup below is a table read.  It is
 * built by the pipeline (which owns it) after segmentation and boilerplate
 * masking; masked tokens start and continue no phrase.  The per-token
 * masks of kinds and roles are exposed so that the common question — can
 * a phrase of this kind, or a word with this role, start here? — is one
 * inline bit test; the phrases themselves stay behind the functions. */
#ifndef YG_MATCH_H
#define YG_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "document.h"
#include "lexicon.h"

typedef struct yg_phrases yg_phrases;

/* Index the phrases of tokens t (which must outlive it). */
yg_phrases *yg_phrases_new(const yg_tokens *t, const yg_lexicon *lx);
void yg_phrases_free(yg_phrases *px); /* accepts NULL */

/* What the recognisers and relation finders work on: the document they
 * add to, the lexicon, and the phrase index of the document's tokens. */
typedef struct {
	yg_document *d;
	const yg_lexicon *lx;
	const yg_phrases *px;
	const uint32_t *kinds; /* [token] bit (1 << kind) per kind starting there */
	const uint64_t *roles; /* [token] bit (1 << role) per role starting there */
} yg_ctx;

/* A context over document d with index px (both borrowed). */
yg_ctx yg_ctx_make(yg_document *d, const yg_lexicon *lx, const yg_phrases *px);

/* Can a phrase of one of the kinds in `mask` (bits 1 << kind) start at
 * token i? */
static inline int yg_kinds_at(const yg_ctx *c, size_t i, uint32_t mask)
{
	return i < c->d->toks.len && (c->kinds[i] & mask);
}

/* Longest phrase of `kind` starting at token i and ending by token `end`:
 * its length in tokens (0 = none) and its concept in *concept. */
size_t yg_phrase_within(const yg_ctx *c, size_t i, size_t end, int kind, uint32_t *concept);

static inline size_t yg_phrase(const yg_ctx *c, size_t i, int kind, uint32_t *concept)
{
	return yg_kinds_at(c, i, 1u << kind) ? yg_phrase_within(c, i, c->d->toks.len, kind, concept) : 0;
}

/* Length in tokens of the longest word with role r at token i, 0 if none
 * or if a longer plain word (role "word": "thành lập") starts there. */
size_t yg_role_slow(const yg_ctx *c, size_t i, yg_role r);
static inline size_t yg_role_at(const yg_ctx *c, size_t i, yg_role r)
{
	return i < c->d->toks.len && (c->roles[i] & (1ull << r)) ? yg_role_slow(c, i, r) : 0;
}

/* The length of a word with role r that ends right before token i ("các"
 * before "trung tâm y tế", "một số" before "bệnh viện"), 0 if none. */
size_t yg_role_before(const yg_ctx *c, size_t i, yg_role r);

/* Does a phrase of `kind` end right before token i? */
int yg_kind_before(const yg_ctx *c, size_t i, int kind);

/* Is token i a dash: "-", en dash or em dash? */
int yg_tok_dash(const yg_document *d, size_t i);

/* The concept of a lexicon phrase (owned by the lexicon). */
static inline const yg_concept *yg_concept_of(const yg_ctx *c, uint32_t concept)
{
	return yg_lexicon_concept(c->lx, concept);
}

/* ---- token tests (inline: asked at almost every token) ---- */

/* Is token i usable: inside the text, not boilerplate? */
static inline int yg_tok_live(const yg_document *d, size_t i)
{
	return i < d->toks.len && !(d->toks.items[i].flags & YG_TOK_MASKED);
}

/* Is token i the single punctuation character ch? */
static inline int yg_tok_punct(const yg_document *d, size_t i, char ch)
{
	if (!yg_tok_live(d, i))
		return 0;
	const yg_token *t = &d->toks.items[i];
	return (t->flags & YG_TOK_PUNCT) && t->end - t->start == 1 && d->text.s[t->start] == ch;
}

/* A capitalised word (or all-caps abbreviation), not masked. */
static inline int yg_tok_capword(const yg_document *d, size_t i)
{
	if (!yg_tok_live(d, i))
		return 0;
	uint16_t f = d->toks.items[i].flags;
	return (f & YG_TOK_WORD) && (f & (YG_TOK_CAP | YG_TOK_ALLCAP));
}

static inline int yg_tok_has(const yg_document *d, size_t i, uint16_t flags)
{
	return yg_tok_live(d, i) && (d->toks.items[i].flags & flags);
}

/* A province name at token i (a preceding "tỉnh"/"thành phố" is part of
 * the gazetteer's variants); 0 when none.  Needs a capital letter. */
size_t yg_province_at(const yg_ctx *c, size_t i, uint32_t *concept);

#endif
