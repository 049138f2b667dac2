/* document.h — one article through the pipeline, and what was found in it.
 *
 * A yg_document owns its text, tokens, mentions, entities and relations.
 * Recognisers add mentions; resolve groups them into entities; relate adds
 * relations.  Strings in it are owned by it and freed by yg_document_free.
 */
#ifndef YG_DOCUMENT_H
#define YG_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "normalize.h"
#include "segment.h"

typedef enum {
	YG_T_OFFICIAL,
	YG_T_HOSPITAL,
	YG_T_RESOLUTION,
	YG_T_PROVINCE,
	YG_T_BODY,
	YG_T_FACILITY,
	YG_T_COUNT
} yg_etype;

/* "Official", "Hospital", ... (the names of EXTRACTION.md). */
const char *yg_etype_name(yg_etype t);
/* Parse a type name (case-insensitive); -1 when unknown. */
int yg_etype_from_name(const char *name);

typedef enum {
	YG_R_MEMBER_OF,
	YG_R_LOCATED_IN,
	YG_R_ISSUED_BY,
	YG_R_MERGED_INTO,
	YG_R_PARTNER_OF,
	YG_R_COUNT
} yg_rtype;

const char *yg_rtype_name(yg_rtype r);

typedef struct {
	char **items;
	size_t len, cap;
} yg_strlist;

/* Add a copy of s[0..n) unless an equal string is there already. */
void yg_strlist_add(yg_strlist *l, const char *s, size_t n);
void yg_strlist_free(yg_strlist *l);

/* A span of text that names an entity. */
typedef struct {
	uint32_t tok_start, tok_end; /* tokens [start, end) */
	uint16_t type;               /* yg_etype */
	uint16_t priority;           /* breaks ties between equal spans */
	int32_t concept;             /* lexicon concept (provinces) or -1 */
	char *label;                 /* canonical label, owned */
	int32_t entity;              /* filled by resolve; -1 = dropped */
	/* optional attributes, owned; NULL when absent */
	char *identifier;            /* resolutions: 54-NQ/TW */
	char *doctype;               /* resolutions: Nghị quyết */
	char *date;                  /* resolutions: YYYY-MM-DD */
	char *degrees;               /* officials: "PGS,TS,BS" */
	char *issuer_code;           /* resolutions: "TW", "BYT" from the code */
	uint32_t issuer_tok;         /* ... and its token: the issuer's mention */
	uint32_t place_start, place_end; /* tokens of a province inside the name */
	/* 0 a full mention; 1 a short reference that must resolve to a full
	 * one in the same article (TS Diện, Nghị quyết 72); 2 a full name
	 * without a title, kept only if the article titles that person */
	uint8_t is_short;
} yg_mention;

/* A relation found by a recogniser before entities exist: its ends are
 * mentions, named by their first token, or (for the object) an entity
 * named by type and label that the text implies (the issuer of a code). */
typedef struct {
	uint32_t from_tok;
	int32_t to_tok;              /* -1: use to_type/to_label */
	uint16_t to_type;
	char *to_label;              /* owned */
	int32_t to_concept;          /* province concept of an implied object */
	uint32_t to_a, to_b;         /* tokens naming an implied object, if any */
	uint16_t p;                  /* yg_rtype */
	char *role, *date;           /* owned */
} yg_link;

typedef struct {
	uint32_t start, end; /* bytes in the NFC text */
} yg_span;

typedef struct {
	uint16_t type;
	char *label;          /* canonical label */
	char *key;            /* folded label: identity within the document */
	yg_strlist aliases;   /* other surface forms */
	struct {
		yg_span *items;
		size_t len, cap;
	} mentions;
	int32_t concept;      /* lexicon concept (provinces), or -1 */
	char *identifier;     /* resolutions: 72-NQ/TW */
	char *doctype;        /* resolutions: Nghị quyết */
	char *date;           /* resolutions: YYYY-MM-DD */
	yg_strlist degrees;   /* officials */
} yg_entity;

typedef struct {
	int32_t s, o;         /* entity indexes */
	uint16_t p;           /* yg_rtype */
	char *role;           /* memberOf */
	char *date;           /* mergedInto, membership: YYYY-MM-DD */
	uint8_t heads;        /* memberOf: the role heads the unit (not a deputy or member) */
	char *start;          /* memberOf: YYYY-MM-DD the post began, as the text states; owned */
} yg_relation;

typedef struct {
	char *id;             /* document id */
	char *path;           /* where it came from, for messages */
	char *date;           /* YYYY-MM-DD or NULL */
	char *url, *title;    /* optional metadata */
	yg_text text;
	yg_tokens toks;
	struct {
		yg_mention *items;
		size_t len, cap;
	} mentions;
	struct {
		yg_entity *items;
		size_t len, cap;
	} entities;
	struct {
		yg_relation *items;
		size_t len, cap;
	} relations;
	struct {
		yg_link *items;
		size_t len, cap;
	} links;
	int32_t province;     /* the article's province entity, or -1 */
	int32_t province_concept; /* ... as a gazetteer concept, or -1 */
	char *rendered;       /* output prepared on a worker thread, or NULL */
	size_t rendered_len;
	/* Built by the pipeline for the recognisers (see match.c): every
	 * lexicon phrase starting at each token, found in one pass; the kept
	 * mention starting at each token. */
	const yg_keytab *keys;
	uint32_t *match_first;    /* [toks.len + 1] offsets into match_items */
	uint32_t *match_kinds;    /* [toks.len] bit (1 << kind) per kind present */
	struct yg_match_item *match_items;
	size_t nmatch_items;
	int32_t *mention_at_tok;  /* [toks.len] mention index or -1 */
	/* hash indexes (open addressing, index + 1) so that finding an entity
	 * or a relation does not scan: documents can be very large */
	uint32_t *entity_index;
	size_t entity_index_cap;
	uint32_t *relation_index;
	size_t relation_index_cap;
	yg_buf scratch;           /* reused by the functions here, never kept */
} yg_document;

struct yg_match_item {
	uint16_t kind;
	uint16_t len;             /* tokens */
	uint32_t concept;
};

/* A new empty document; id and path are copied. */
yg_document *yg_document_new(const char *id, const char *path);
void yg_document_free(yg_document *d); /* accepts NULL */
/* Free the analysis (text, tokens, mentions, entities, relations),
 * keeping the metadata and the rendered output: a worker thread does this
 * when the consumer needs only d->rendered, so that memory goes back to
 * the allocator arena of the thread that took it. */
void yg_document_release(yg_document *d);
/* Free only the working data of the analysis (the text, tokens and
 * phrase index), which nothing after yg_document_process reads; the
 * entities, relations and mentions stay. */
void yg_document_trim(yg_document *d);

/* Free a mention's strings. */
void yg_mention_clear(yg_mention *m);

/* Add a mention; label is copied. Returns its index. */
size_t yg_document_add_mention(yg_document *d, uint32_t tok_start, uint32_t tok_end,
                               yg_etype type, int32_t concept, const char *label);

/* The entity of `type` whose folded label equals label's, created when
 * absent.  Returns its index. */
int32_t yg_document_entity(yg_document *d, yg_etype type, const char *label);

/* Add a relation unless the same (s, p, o) exists; role/date copied. */
void yg_document_relate(yg_document *d, int32_t s, yg_rtype p, int32_t o,
                        const char *role, const char *date);

/* Record a relation between mentions (see yg_link); strings copied. */
void yg_document_link(yg_document *d, uint32_t from_tok, int32_t to_tok, yg_rtype p,
                      const char *role, const char *date);
/* Record a relation to an implied entity (type, label, province concept),
 * named by tokens [a, b) when b > a (that span becomes its mention). */
void yg_document_link_implied(yg_document *d, uint32_t from_tok, yg_etype type,
                              const char *label, int32_t concept, yg_rtype p,
                              uint32_t a, uint32_t b);

/* Copy of the text of tokens [a, b), each run of white space between two
 * tokens (line breaks, tabs, NBSP, zero-width space) written as one space
 * (caller frees). */
char *yg_document_text(const yg_document *d, uint32_t a, uint32_t b);
/* The same, appended to out. */
void yg_document_text_into(const yg_document *d, uint32_t a, uint32_t b, yg_buf *out);

/* Byte span of tokens [a, b) in the text. */
yg_span yg_document_span(const yg_document *d, uint32_t a, uint32_t b);

#endif
