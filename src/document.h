/* document.h — one article through the pipeline, and what was found in it.
 *
 * A yg_document owns its text, tokens, mentions, entities and relations.
 * Recognisers add mentions; resolve groups them into entities; relate adds
 * relations.  The strings of its mentions, links, entities (label, key,
 * canon, attributes, the items of aliases and degrees) and relations live
 * in its arena (d->strings): set them with yg_document_strdup and its
 * kin, never free one alone; they all go with yg_document_release, so no
 * pointer to one may outlive the analysis (the graph, the entity table
 * and the digests copy what they keep).  Its metadata (id, path, date,
 * url, title), rendered output and digest are malloc'd and stay until
 * yg_document_free.
 */
#ifndef YG_DOCUMENT_H
#define YG_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "normalize.h"
#include "segment.h"

/* One row per entity type: the enum's name, the guideline's name, the
 * IRI path segment, and the overlap priority (higher wins between two
 * mentions of equal span: a province inside a hospital's name is not a
 * Province).  A new type is one row here (plus its class in the ontology
 * and its style in the diagram writer). */
#define YG_ENTITY_TYPES(X)                                 \
	X(OFFICIAL, "Official", "official", 2)             \
	X(HOSPITAL, "Hospital", "hospital", 6)             \
	X(RESOLUTION, "Resolution", "resolution", 3)       \
	X(PROVINCE, "Province", "province", 1)             \
	X(BODY, "GovernmentBody", "body", 4)               \
	X(FACILITY, "HealthFacility", "facility", 5)

typedef enum {
#define YG_X(id, name, segment, priority) YG_T_##id,
	YG_ENTITY_TYPES(YG_X)
#undef YG_X
	YG_T_COUNT
} yg_etype;

/* "Official", "Hospital", ... (the names of EXTRACTION.md). */
const char *yg_etype_name(yg_etype t);
/* "official", "hospital", ...: the type's segment in entity IRIs. */
const char *yg_etype_segment(yg_etype t);
/* Overlap priority of a type (higher wins among equal spans). */
int yg_etype_priority(yg_etype t);
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

/* Add a copy of s[0..n) unless an equal string is there already; the
 * copy is malloc'd (the list owns it). */
void yg_strlist_add(yg_strlist *l, const char *s, size_t n);
/* Free the items and the list. */
void yg_strlist_free(yg_strlist *l);

/* A span of text that names an entity. */
typedef struct {
	uint32_t tok_start, tok_end; /* tokens [start, end) */
	uint16_t type;               /* yg_etype */
	uint16_t priority;           /* breaks ties between equal spans */
	int32_t concept;             /* lexicon concept (provinces) or -1 */
	char *label;                 /* canonical label (arena) */
	char *canon;                 /* the entity's identity when the label
	                              * may vary ("Trung tâm Kiểm soát bệnh tật
	                              * Hà Nội" for "... thành phố Hà Nội"),
	                              * arena; NULL: the label */
	int32_t entity;              /* filled by resolve; -1 = dropped */
	/* optional attributes (arena); NULL when absent */
	char *identifier;            /* resolutions: 54-NQ/TW */
	char *doctype;               /* resolutions: Nghị quyết */
	char *date;                  /* resolutions: YYYY-MM-DD */
	char *degrees;               /* officials: "PGS,TS,BS" */
	char *issuer_code;           /* resolutions: "TW", "BYT" from the code */
	uint32_t issuer_tok;         /* ... and its token: the issuer's mention */
	uint32_t place_start, place_end; /* tokens of a province inside the name */
	uint32_t local_start, local_end; /* tokens of a local place's name in it ("Ba Vì") */
	int32_t local_unit;          /* ... and the concept of its unit word ("huyện"), or -1 */
	int32_t head;                /* organisations: the head's lexicon concept, or -1 */
	int32_t bare_unit;           /* is_short 4/5 written with a unit word alone
	                              * ("UBND TP", "Bệnh viện đa khoa huyện"): its
	                              * concept, or -1 */
	uint8_t place_kind;          /* organisations: the yg_place_kind of the
	                              * place in the name */
	uint8_t elliptic;            /* an item of a coordinated list ("Trung tâm
	                              * Y tế các huyện: A, B"): its text names the
	                              * entity only with the shared head, so it is
	                              * no alias */
	/* 0 a full mention; 1 a short reference that must resolve to a full
	 * one in the same article (TS Diện, Nghị quyết 72); 2 a full name
	 * without a title, kept only if the article titles that person;
	 * 4 a bare head ("Trung tâm Y tế", "Phòng Y tế huyện") that refers
	 * to the one entity of that head the article names in full;
	 * 5 a provincial unit named without its province ("Sở Y tế", "UBND
	 * tỉnh"): the article's province's, completed by resolve */
	uint8_t is_short;
	uint8_t with_unit;           /* is_short 5: the label names the province
	                              * with its unit word */
	const char *rule;            /* the rule that found it (static) */
} yg_mention;

/* Where a fact comes from (extract --explain, the "rule" and "evidence"
 * of JSON Lines): the rule that found it, a static string named as in
 * doc/RULES.md, and a token of the sentence that states it. */
typedef struct {
	const char *rule;            /* NULL: not recorded */
	uint32_t tok;
} yg_cite;

/* A relation found by a recogniser before entities exist: its ends are
 * mentions, named by their first token, or (for the object) an entity
 * named by type and label that the text implies (the issuer of a code). */
typedef struct {
	uint32_t from_tok;
	int32_t to_tok;              /* -1: use to_type/to_label */
	uint16_t to_type;
	char *to_label;              /* arena */
	int32_t to_concept;          /* province concept of an implied object */
	uint32_t to_a, to_b;         /* tokens naming an implied object, if any */
	uint16_t p;                  /* yg_rtype */
	char *role, *date;           /* arena */
	uint8_t weight;              /* memberOf: YG_POST_* (which post wins at one body) */
	uint8_t heads;               /* memberOf: the title heads its unit (ytg:seniority "head") */
	uint8_t of_article;          /* the implied object is a provincial body
	                              * of the article's province ("Tỉnh ủy
	                              * viên"): relate completes its label */
	yg_cite cite;
} yg_link;

/* How a memberOf was stated: one person has one membership per body, the
 * post the article gives most weight (then the later one). */
enum { YG_POST_FORMER = 1, YG_POST_HELD, YG_POST_APPOINTED };

typedef struct {
	uint32_t start, end; /* bytes in the NFC text */
} yg_span;

typedef struct {
	uint16_t type;
	char *label;          /* canonical label; one arena block holds it,
	                       * key and canon */
	char *key;            /* folded identity within the document */
	char *canon;          /* the identity's name when it is not the label
	                       * (a body or facility placed in a province:
	                       * head + province, whatever the unit words
	                       * written); IRIs are made from it; arena or NULL */
	yg_strlist aliases;   /* other surface forms: the array and the
	                       * strings in the arena (yg_document_strlist_add) */
	struct {                /* in the arena (yg_document_add_span) */
		yg_span *items;
		size_t len, cap;
	} mentions;
	int32_t concept;      /* lexicon concept (provinces), or -1 */
	int32_t place;        /* the province concept that is part of its
	                       * identity, or -1: a body's, or a provincial
	                       * document's (its issuer's, set by relate) */
	char *identifier;     /* resolutions: 72-NQ/TW (arena, as doctype and date) */
	char *doctype;        /* resolutions: Nghị quyết */
	char *date;           /* resolutions: YYYY-MM-DD */
	yg_strlist degrees;   /* officials (as aliases) */
	yg_cite cite;         /* the mention or link that made it */
} yg_entity;

typedef struct {
	int32_t s, o;         /* entity indexes */
	uint16_t p;           /* yg_rtype */
	char *role;           /* memberOf (arena, as date and start) */
	char *date;           /* mergedInto, membership: YYYY-MM-DD */
	uint8_t weight;       /* memberOf: YG_POST_* */
	yg_cite cite;
	uint8_t heads;        /* memberOf: the role heads the unit (not a deputy or member) */
	char *start;          /* memberOf: YYYY-MM-DD the post began, as the text states */
} yg_relation;

typedef struct {
	int32_t concept;
	uint32_t entity1;
} yg_province_memo;

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
	yg_cite cite;         /* the rule at work: what new mentions, links,
	                       * entities and relations record */
	char *rendered;       /* output prepared on a worker thread, or NULL */
	size_t rendered_len;
	char *digest;         /* what the graph keeps of it (yg_graph_digest), or NULL */
	/* the kept mention starting at each token (recognize.c): an entry
	 * counts only if that mention starts there (yg_mention_at checks),
	 * so indexing again over the same tokens clears nothing */
	int32_t *mention_at_tok;  /* [toks.len] mention index or -1 */
	size_t mention_at_len;    /* ... the toks.len it was made for */
	/* hash indexes (open addressing, index + 1) so that finding an entity
	 * or a relation does not scan: documents can be very large */
	uint32_t *entity_index;
	size_t entity_index_cap;
	uint32_t *relation_index;
	size_t relation_index_cap;
	yg_buf scratch;           /* reused by the functions here (entity
	                           * lookups, yg_document_text_dup) and by a
	                           * recogniser between two of their calls
	                           * (a label before yg_document_add_mention);
	                           * never kept */
	yg_arena strings;         /* the analysis' strings (see the top) */
	/* the Province entity of a gazetteer concept, as yg_province_entity
	 * found it (entity + 1; 0: none): asked for per unit, a few
	 * provinces an article */
	yg_province_memo province_memo[8];
} yg_document;

/* A new empty document; id and path are copied. */
yg_document *yg_document_new(const char *id, const char *path);
void yg_document_free(yg_document *d); /* accepts NULL */
/* Free the analysis (text, tokens, mentions, entities, relations and
 * the arena of their strings), keeping the metadata and the rendered output: a worker thread does this
 * when the consumer needs only d->rendered, so that memory goes back to
 * the allocator arena of the thread that took it. */
void yg_document_release(yg_document *d);
/* Free only the working data of the analysis (the text, tokens and
 * phrase index), which nothing after yg_document_process reads; the
 * entities, relations and mentions stay. */
void yg_document_trim(yg_document *d);

/* Rebuild the token -> kept mention index (after overlaps are settled). */
void yg_document_index_mentions(yg_document *d);
/* The kept mention (index) that starts at token i, or -1. */
long yg_mention_at(const yg_document *d, size_t i);

/* Forget a mention's strings (they stay in the arena until release). */
void yg_mention_clear(yg_mention *m);

/* Copies owned by d's arena: they live until yg_document_release and are
 * never freed alone.  strdup gives NULL for NULL. */
char *yg_document_strndup(yg_document *d, const char *s, size_t n);
char *yg_document_strdup(yg_document *d, const char *s);
/* yg_strlist_add for an entity's aliases or degrees: the copy and the
 * array are in d's arena. */
void yg_document_strlist_add(yg_document *d, yg_strlist *l, const char *s, size_t n);
/* Add a span of text that names entity e (its array is in d's arena). */
void yg_document_add_span(yg_document *d, int32_t e, yg_span sp);

/* Add a mention; label is copied. Returns its index. */
/* Set the rule at work and a token of the sentence it reads; mentions
 * record their own first token instead. */
void yg_document_cite(yg_document *d, const char *rule, uint32_t tok);

size_t yg_document_add_mention(yg_document *d, uint32_t tok_start, uint32_t tok_end,
                               yg_etype type, int32_t concept, const char *label);

/* The entity of `type` whose folded label equals label's, created when
 * absent.  Returns its index. */
int32_t yg_document_entity(yg_document *d, yg_etype type, const char *label);
/* The same, identified by `canon` (NULL: by the label); a new entity takes
 * `label` as its label. */
int32_t yg_document_entity_named(yg_document *d, yg_etype type, const char *canon, const char *label);

/* Keep the relations whose keep[i] is set (in order), freeing the others. */
void yg_document_filter_relations(yg_document *d, const uint8_t *keep);

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
 * (malloc'd: the caller frees it). */
char *yg_document_text(const yg_document *d, uint32_t a, uint32_t b);
/* The same, appended to out. */
void yg_document_text_into(const yg_document *d, uint32_t a, uint32_t b, yg_buf *out);
/* The same, in d's arena (see yg_document_strdup); read through
 * d->scratch, whose content it replaces. */
char *yg_document_text_dup(yg_document *d, uint32_t a, uint32_t b);

/* Byte span of tokens [a, b) in the text. */
yg_span yg_document_span(const yg_document *d, uint32_t a, uint32_t b);

#endif
