/* lexicon.h — the reference data (gazetteer and lexicons), typed and checked.
 *
 * Every lexicon is a SKOS concept scheme in Turtle under ontology/: the
 * province gazetteer (provinces.ttl) and the word lists in
 * ontology/lexicon/ (*.ttl).  They are parsed with raptor2 at start-up.
 * The scheme of a concept gives its kind; every ytg: property it carries
 * becomes a typed field of yg_concept, read once at load time (libpostal
 * turns its data attributes into enums the same way), so the recognisers
 * test enums and flags, never property strings.  An unknown ytg: property,
 * an unknown value, or a reference that names nothing is a load error with
 * the file and line, as serd reports syntax errors.
 *
 * Every skos:prefLabel and skos:altLabel becomes a path in one trie,
 * tagged with the concept's kind; the words a rule tests (list separators,
 * "của", "kiêm", date lead-ins ...) are concepts of WordScheme whose
 * ytg:role is the action the code takes (Snowball keeps each word next to
 * its action).  After yg_lexicon_finish() the lexicon is read-only and may
 * be shared between threads. */
#ifndef YG_LEXICON_H
#define YG_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "trie.h"

/* What a phrase is: the kind its scheme gives it.  Two schemes may give
 * the same kind (WordScheme and CueScheme are both role words). */
#define YG_LEX_KINDS(X)                                                               \
	X(PROVINCE, "ProvinceScheme")          /* province-level units */             \
	X(TITLE, "TitleScheme")                /* chức vụ: Giám đốc, Bí thư */        \
	X(DEGREE, "DegreeScheme")              /* GS, PGS, TS, BSCKII, TTND */         \
	X(HONORIFIC, "HonorificScheme")        /* ông, bà, đồng chí, ranks */         \
	X(FAMILY, "FamilyNameScheme")          /* họ: Nguyễn, Trần */                 \
	X(BODY, "BodyScheme")                  /* heads of bodies: Sở Y tế, UBND */   \
	X(FACILITY, "FacilityScheme")          /* Trung tâm Y tế, Trạm Y tế */        \
	X(HOSPITAL, "HospitalScheme")          /* Bệnh viện, BVĐK */                  \
	X(DOCTYPE, "DocumentTypeScheme")       /* Nghị quyết, Chỉ thị */              \
	X(ISSUER, "IssuerScheme")              /* TW, TU, CP, BYT in codes */         \
	X(UNIT, "UnitScheme")                  /* tỉnh, huyện, xã */                  \
	X(BOILER_TAIL, "RelatedTailScheme")    /* related-articles headings */        \
	X(BOILER_LINE, "PageFurnitureScheme")  /* share/follow lines */               \
	X(CREDIT, "CreditScheme")              /* Ảnh, Nguồn, Trình bày */            \
	X(SPECIALTY, "SpecialtyScheme")        /* đa khoa, nhi in hospital names */   \
	X(PERSON, "PersonScheme")              /* Hồ Chí Minh, Bác Hồ */              \
	X(HOSPITAL_NAME, "KnownHospitalScheme")/* hospitals by full name */           \
	X(COMPOUND, "CompoundScheme")          /* capitalised on the first syllable */ \
	X(WORD, "WordScheme")                  /* function words: their ytg:role */   \
	X(CUE, "CueScheme")                    /* relation cues: their ytg:role */    \
	X(DISPLAY, "DisplayScheme")            /* words on diagrams, by slug; never matched */

typedef enum {
	YG_LEX_NONE = 0,
#define YG_X(name, scheme) YG_LEX_##name,
	YG_LEX_KINDS(YG_X)
#undef YG_X
	YG_LEX_KIND_COUNT
} yg_lex_kind;

/* The action a word or cue stands for (ytg:role).  The code asks "does a
 * phrase with role R start at token i" through the phrase index; which
 * words have the role is data.  At most 64 roles (a mask per token). */
#define YG_ROLES(X)                                                                       \
	X(LIST_SEP, "list-separator")       /* , ;  between list items */                \
	X(LIST_AND, "list-and")             /* và: before the last list item */          \
	X(LIST_OPEN, "list-open")           /* : gồm  a list follows */                   \
	X(PLURAL, "plural")                 /* các, những: a plural head */               \
	X(GENERIC, "generic-determiner")    /* nhiều, mọi, một: an unnamed unit */        \
	X(GENERIC_LEVEL, "generic-level")   /* cấp huyện, cùng cấp after a head: any such unit */ \
	X(NAME_GENERIC, "name-generic")     /* capitalised, yet no name alone */          \
	X(CENTRAL, "central")               /* Trung ương: a specialty's national hospital */ \
	X(OF, "of")                         /* của: issuer or body after it */            \
	X(CONCURRENT, "concurrent")         /* kiêm: another title follows */             \
	X(NUMBER_WORD, "number-word")       /* số: a number follows */                    \
	X(BRANCH, "branch")                 /* cơ sở: a branch's number follows */         \
	X(DATE_WORD, "date-word")           /* ngày: a date follows */                    \
	X(MONTH_WORD, "month-word")         /* tháng */                                   \
	X(YEAR_WORD, "year-word")           /* năm */                                     \
	X(DAYPART, "daypart")               /* sáng, chiều: opens a dated lede */         \
	X(ABBREVIATION, "abbreviation")     /* TP, PGS: a full stop after it ends no sentence */ \
	X(SUBJECT, "subject")               /* về: a decision described by its subject */ \
	X(CONGRESS, "congress")             /* Đại hội: a congress resolution */          \
	X(ORDINAL, "ordinal")               /* lần thứ */                                 \
	X(AMENDED, "amended")               /* sửa đổi: the same law */                   \
	X(MERGER, "merger")                 /* sáp nhập, hợp nhất */                      \
	X(MERGE_DIRECTION, "merger-direction") /* thành, vào: the merged-into side follows */ \
	X(MERGE_SOURCE, "merger-source")    /* từ right after the cue: the merged units follow */ \
	X(CELL_SEP, "cell-separator")       /* |: between the cells of a table row */     \
	X(COLUMN_PERSON, "column-person")   /* Họ và tên, Chức vụ: a header of persons */ \
	X(COLUMN_PLACE, "column-place")     /* Tỉnh: the header's column of places */     \
	X(SIDE, "side")                     /* về phía X: bare heads after it are X's province's */ \
	X(RENAME, "rename")                 /* đổi tên A thành B: one entity, B's label */ \
	X(MERGE_JOIN, "merger-join")        /* thành các đơn vị trực thuộc: units before join the one after */ \
	X(REORGANISE, "reorganisation")     /* tổ chức lại: a merger only when several units merge */ \
	X(PLANNED, "planned")               /* dự kiến, đề án: a plan, not a fact */      \
	X(FUTURE, "future")                 /* sẽ: planned unless from a given date */    \
	X(SINCE, "since")                   /* từ, kể từ: the date something holds from */ \
	X(BELONGS_TO, "belongs-to")         /* thuộc, trực thuộc: the unit's owner follows */ \
	X(BY, "by")                         /* do: "do Bộ Y tế ban hành" */              \
	X(ISSUE, "issue")                   /* ban hành: the issuing verb */              \
	X(NAME_END, "name-end")             /* được, đã, này: words no law's name holds */ \
	X(PARTNER_WITH, "partner-with")     /* với, đối với: the other side of "giữa" */ \
	X(SUPPORT, "support")               /* hỗ trợ: partnerOf, supporter first */      \
	X(MUTUAL, "mutual")                 /* hợp tác: partnerOf, both ways */           \
	X(BETWEEN, "between")               /* giữa: partnerOf, supporter after */        \
	X(SATELLITE_OF, "satellite-of")     /* vệ tinh của: partnerOf, reversed */        \
	X(CENTRAL_LEVEL, "central-level")   /* tuyến trung ương: examples, not places */ \
	X(APPOINT, "appointment")           /* làm, giữ chức: the post a person takes follows */ \
	X(APPOINTED, "appointed")           /* được bổ nhiệm: after a person, the post they take */ \
	X(BARE_HEAD, "bare-head")           /* Sở: a head alone, never before another name */ \
	X(APPOINTING, "appointing")         /* bổ nhiệm: before a person, a post they take follows */ \
	X(TENSE, "tense")                   /* vừa, đã: before "được bổ nhiệm" */          \
	X(PAST, "past")                     /* từng: "ông A từng là Giám đốc X", a former post */ \
	X(COPULA, "copula")                 /* là: "bà A là Giám đốc X" */                \
	X(WORD, "word")                     /* thành lập: a word, not its first syllable's role */ \
	X(FILLER, "filler")                 /* hoạt động: between a duty and its unit */ \
	X(OUTSIDE_ORG, "outside-org")       /* Trường Đại học, Báo: a name outside our types */ \
	X(RECEIVE, "receive")               /* được, nhận: the units before it are supported */

typedef enum {
	YG_ROLE_NONE = 0,
#define YG_X(name, value) YG_ROLE_##name,
	YG_ROLES(YG_X)
#undef YG_X
	YG_ROLE_COUNT
} yg_role;

/* ytg:scope of bodies and facilities: where the name takes its place. */
#define YG_SCOPES(X) X(NATIONAL, "national") X(PROVINCE, "province") \
	X(DISTRICT, "district") X(COMMUNE, "commune") X(LOCAL, "local") X(NAMED, "named") \
	X(PLACED, "placed") X(PROPER, "proper") X(SUB, "sub")
typedef enum {
	YG_SCOPE_NONE = 0,
#define YG_X(name, value) YG_SCOPE_##name,
	YG_SCOPES(YG_X)
#undef YG_X
} yg_scope;

/* ytg:level of unit words. */
#define YG_LEVELS(X) X(PROVINCE, "province") X(DISTRICT, "district") X(COMMUNE, "commune")
typedef enum {
	YG_LEVEL_NONE = 0,
#define YG_X(name, value) YG_LEVEL_##name,
	YG_LEVELS(YG_X)
#undef YG_X
} yg_level;

/* ytg:seniority of titles: does the holder head the unit? */
#define YG_RANKS(X) X(HEAD, "head") X(DEPUTY, "deputy") X(MEMBER, "member")
typedef enum {
	YG_RANK_NONE = 0,
#define YG_X(name, value) YG_RANK_##name,
	YG_RANKS(YG_X)
#undef YG_X
} yg_rank;

/* ytg:modifier of honorific words. */
#define YG_MODIFIERS(X) X(FORMER, "former") X(DECEASED, "deceased") X(RANK, "rank") X(ADDRESS, "address")
typedef enum {
	YG_MOD_NONE = 0,
#define YG_X(name, value) YG_MOD_##name,
	YG_MODIFIERS(YG_X)
#undef YG_X
} yg_modifier;

/* ytg:ambiguous of family names: the syllable is often something else. */
#define YG_AMBIGUITIES(X) X(MIDDLE_NAME, "middle-name") X(HONORIFIC, "honorific")
typedef enum {
	YG_AMBIG_NONE = 0,
#define YG_X(name, value) YG_AMBIG_##name,
	YG_AMBIGUITIES(YG_X)
#undef YG_X
} yg_ambiguity;

/* ytg:kind of degree words. */
#define YG_DEGREE_KINDS(X) X(DEGREE, "degree") X(ACADEMIC_RANK, "academic-rank") \
	X(PROFESSION, "profession") X(HONOUR, "honour") X(SPECIALIST_LEVEL, "specialist-level")
typedef enum {
	YG_DEG_NONE = 0,
#define YG_X(name, value) YG_DEG_##name,
	YG_DEGREE_KINDS(YG_X)
#undef YG_X
} yg_degree_kind;

/* Boolean properties ("true"/"false" literals). */
#define YG_FLAGS(X)                                                                          \
	X(ACTING, "acting")                 /* titles: Quyền (acting) */                      \
	X(CLINICAL, "clinical")             /* specialties: make a Viện a hospital */         \
	X(NEEDS_SPECIALTY, "needsSpecialty")/* hospital heads: only with a clinical word */   \
	X(GENERIC, "generic")               /* compounds: no proper name */                   \
	X(UNLISTED, "unlisted")             /* document types outside the guideline's list */ \
	X(ALSO_LOCAL, "alsoLocal")          /* body heads: district and commune bodies too */ \
	X(BEFORE_2025, "existedBefore2025") /* provinces: one of the 63 */                    \
	X(AFTER_2025, "existsAfter2025")    /* provinces: one of the 34 */                    \
	X(CENTRAL_PARTY, "centralParty")    /* bodies: issue -NQ/TW documents */             \
	X(NAMED, "named")                   /* document types named, not numbered (Luật); name parts */ \
	X(OPEN_UNIT, "openUnit")            /* titles: any name after it names its unit */   \
	X(DUTY, "duty")                     /* titles: a duty, may follow a post directly */ \
	X(INNER_UNIT, "innerUnit")          /* titles: of a unit inside the organisation after it */

enum {
#define YG_X(name, value) YG_CF_BIT_##name,
	YG_FLAGS(YG_X)
#undef YG_X
};
#define YG_CF(name) (1u << YG_CF_BIT_##name)

typedef struct {
	uint16_t kind;        /* yg_lex_kind */
	uint16_t role;        /* yg_role (WordScheme, CueScheme) */
	uint8_t scope;        /* yg_scope */
	uint8_t level;        /* yg_level */
	uint8_t rank;         /* yg_rank */
	uint8_t modifier;     /* yg_modifier */
	uint8_t ambiguous;    /* yg_ambiguity */
	uint8_t degree_kind;  /* yg_degree_kind */
	uint32_t flags;       /* YG_CF(...) */
	int32_t province;     /* known hospitals: the province concept, or -1 */
	int32_t merged_into;  /* provinces, bodies: the concept, or -1 */
	int32_t issuer_body;  /* issuer codes of provincial bodies: the BodyScheme head, or -1 */
	int32_t city_form;    /* body heads: the head a thành phố uses (Tỉnh ủy -> Thành ủy), or -1 */
	int32_t body;         /* titles: the body the title names by itself, or -1 */
	char *iri;
	char *slug;           /* local name of the IRI */
	char *pref;           /* skos:prefLabel */
	char **alts;
	size_t nalts;
	/* literal properties, NULL when absent (owned) */
	char *expansion;      /* an abbreviation spelled out: UBND -> Ủy ban nhân dân */
	char *unit_head;      /* titles: the head of the body a name after it names ("Vụ") */
	char *role_label;     /* titles: the role as it is written when the body
	                       * starts inside the title ("Trưởng đoàn") */
	char *issuer;         /* issuer codes: the national body's label */
	char *code;           /* document types: NQ, CT, QĐ */
	char *unit;           /* body heads: the unit word it implies (Tỉnh ủy -> tỉnh) */
	char *unit_kind;      /* provinces: tỉnh / thành phố */
	char *unit_kind_before;
	char *renamed_to, *renamed_on;
	char *merger_date;    /* YYYY-MM-DD */
	char *same_as;        /* owl:sameAs (Wikidata) */
} yg_concept;

typedef struct yg_lexicon yg_lexicon;

yg_lexicon *yg_lexicon_new(void);
void yg_lexicon_free(yg_lexicon *lx); /* accepts NULL */

/* Parse one Turtle file into the lexicon. Errors name the file and line. */
yg_status yg_lexicon_load_file(yg_lexicon *lx, const char *path, yg_diag *d);
/* Load provinces.ttl and every .ttl file in dir/lexicon, then finish. */
yg_status yg_lexicon_load_dir(yg_lexicon *lx, const char *dir, yg_diag *d);
/* Resolve references between concepts and compile all labels into the
 * trie.  Call once after loading; fails (file and line) on a reference that
 * names no concept. */
yg_status yg_lexicon_finish(yg_lexicon *lx, yg_diag *d);

const yg_keytab *yg_lexicon_keys(const yg_lexicon *lx);
const yg_trie *yg_lexicon_trie(const yg_lexicon *lx);
size_t yg_lexicon_count(const yg_lexicon *lx);
/* Concept i, or NULL when out of range (owned by the lexicon). */
const yg_concept *yg_lexicon_concept(const yg_lexicon *lx, size_t i);
/* Index of the concept of `kind` whose slug is `slug`, or -1. */
long yg_lexicon_find_slug(const yg_lexicon *lx, int kind, const char *slug);
/* Index of the concept of `kind` whose prefLabel is exactly `label`, or -1
 * (hashed: issuer codes are looked up per document). */
long yg_lexicon_find_label(const yg_lexicon *lx, int kind, const char *label);
/* The key ids of the one-token words with role r, sorted ascending (owned
 * by the lexicon): for the sentence splitter, which runs before phrases
 * are indexed. */
const uint32_t *yg_lexicon_role_keys(const yg_lexicon *lx, yg_role r, size_t *n);
/* Index of the document type whose ytg:code is `code` ("QĐ"), or -1. */
long yg_lexicon_find_code(const yg_lexicon *lx, const char *code);

/* The words a diagram shows for `key` (lexicon/display.ttl: the concept
 * whose IRI ends in key, "Hospital", "memberOf", "legend" ...); the key
 * itself when the data has none.  Owned by the lexicon. */
const char *yg_lexicon_display(const yg_lexicon *lx, const char *key);
/* The data name of a role ("list-separator"), for messages. */
const char *yg_role_name(yg_role r);

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
