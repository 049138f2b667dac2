/* lexicon.h — the reference data (gazetteer and lexicons) and its matcher.
 *
 * Every lexicon is a SKOS concept scheme in Turtle under ontology/: the
 * province gazetteer (provinces.ttl) and the word lists in
 * ontology/lexicon/ (*.ttl).  They are parsed with raptor2 at start-up; every
 * skos:prefLabel and skos:altLabel becomes a path in one trie, tagged with
 * the kind its scheme declares.  Adding a title or a variant is a one-line
 * change in a .ttl file.  After yg_lexicon_finish() the lexicon is
 * read-only and may be shared between threads. */
#ifndef YG_LEXICON_H
#define YG_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "trie.h"

/* What a phrase is.  The scheme of a concept decides it (see lexicon.c). */
typedef enum {
	YG_LEX_PROVINCE = 1,
	YG_LEX_TITLE,        /* chức vụ: Giám đốc, Bí thư, ... */
	YG_LEX_DEGREE,       /* GS, PGS, TS, ThS, BS, BSCKII, TTND ... */
	YG_LEX_HONORIFIC,    /* ông, bà, đồng chí */
	YG_LEX_FAMILY,       /* họ: Nguyễn, Trần, ... */
	YG_LEX_BODY,         /* heads of government bodies: Sở Y tế, UBND ... */
	YG_LEX_FACILITY,     /* heads of health facilities: Trung tâm Y tế ... */
	YG_LEX_HOSPITAL,     /* heads of hospital names: Bệnh viện, BVĐK ... */
	YG_LEX_DOCTYPE,      /* Nghị quyết, Chỉ thị, ... */
	YG_LEX_ISSUER,       /* codes in document numbers: TW, TU, CP, BYT ... */
	YG_LEX_UNIT,         /* administrative unit words: tỉnh, huyện, xã ... */
	YG_LEX_BOILER_TAIL,  /* headings that start the related-articles tail */
	YG_LEX_BOILER_LINE,  /* lines that are page furniture (share, follow) */
	YG_LEX_CREDIT,       /* credit heads: Ảnh, Nguồn, Trình bày ... */
	YG_LEX_SPECIALTY,    /* words inside hospital names: đa khoa, nhi ... */
	YG_LEX_PERSON,       /* well-known persons: Hồ Chí Minh, Bác Hồ */
	YG_LEX_HOSPITAL_NAME,/* well-known hospitals by full name */
	YG_LEX_COMPOUND,     /* words capitalised on their first syllable only */
	YG_LEX_CUE,          /* words that signal a relation: sáp nhập, hỗ trợ ... */
	YG_LEX_KIND_COUNT
} yg_lex_kind;

typedef struct {
	char *pred;  /* local name of the predicate (after # or last /) */
	char *value; /* literal text, or the full IRI */
} yg_prop;

typedef struct {
	uint16_t kind;
	char *iri;
	char *slug;  /* local name of the IRI */
	char *pref;  /* skos:prefLabel (vi, or the first one) */
	char **alts;
	size_t nalts;
	yg_prop *props;
	size_t nprops;
} yg_concept;

typedef struct yg_lexicon yg_lexicon;

yg_lexicon *yg_lexicon_new(void);
void yg_lexicon_free(yg_lexicon *lx); /* accepts NULL */

/* Parse one Turtle file into the lexicon. Errors name the file and line. */
yg_status yg_lexicon_load_file(yg_lexicon *lx, const char *path, yg_diag *d);
/* Load provinces.ttl and every .ttl file in dir/lexicon, then finish. */
yg_status yg_lexicon_load_dir(yg_lexicon *lx, const char *dir, yg_diag *d);
/* Compile all labels into the trie.  Call once after loading. */
void yg_lexicon_finish(yg_lexicon *lx);

const yg_keytab *yg_lexicon_keys(const yg_lexicon *lx);
const yg_trie *yg_lexicon_trie(const yg_lexicon *lx);
size_t yg_lexicon_count(const yg_lexicon *lx);
const yg_concept *yg_lexicon_concept(const yg_lexicon *lx, size_t i);
/* Index of the concept of `kind` whose slug is `slug`, or -1. */
long yg_lexicon_find_slug(const yg_lexicon *lx, int kind, const char *slug);
/* First value of a property, or NULL. */
const char *yg_concept_prop(const yg_concept *c, const char *pred);

/* A province's name and unit kind ("tỉnh" / "thành phố") in force on
 * `date` (YYYY-MM-DD, or NULL for today's): units renamed or promoted
 * carry ytg:renamedTo / ytg:renamedOn / ytg:unitKindBefore. */
const char *yg_province_name(const yg_lexicon *lx, size_t concept, const char *date);
const char *yg_province_unit(const yg_lexicon *lx, size_t concept, const char *date);

/* The data folder: $YTEGRAPH_DATADIR when set, else the source tree's
 * ontology/ for a program run from its build tree, else the installed
 * $(pkgdatadir). */
const char *yg_default_datadir(void);

#endif
