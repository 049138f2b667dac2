/* place.h — the place an organisation is named with.
 *
 * After the head of a body, facility or hospital name comes, in Vietnamese
 * news, one of:
 *   a province            "Sở Y tế Hà Nội", "UBND tỉnh Lào Cai"
 *   a local place         "Trung tâm Y tế huyện Ba Vì", "Trạm Y tế xã Đạ
 *                         M’rông", "Trung tâm Y tế Tp. Cà Mau" (the city of
 *                         a tỉnh is not the province)
 *   a bare unit word      "UBND tỉnh", "Bệnh viện Đa khoa huyện": the
 *                         article's own province or district
 *   a bare name           "Trung tâm Y tế Pleiku" (heads of district or
 *                         commune scope only)
 * The unit words are UnitScheme concepts; a unit word before a province
 * name belongs to the province when it is that province's unit kind
 * ("thành phố Hà Nội", "tỉnh Cà Mau"), and makes a city otherwise
 * ("thành phố Cà Mau"). */
#ifndef YG_PLACE_H
#define YG_PLACE_H

#include "buf.h"
#include "match.h"

typedef enum {
	YG_PLACE_NONE = 0,
	YG_PLACE_PROVINCE, /* a province-level unit (concept in .province) */
	YG_PLACE_LOCAL,    /* a unit word and a name: huyện Ba Vì */
	YG_PLACE_UNIT,     /* a unit word alone: tỉnh, huyện */
	YG_PLACE_NAME      /* a name alone: Pleiku */
} yg_place_kind;

typedef struct {
	uint8_t kind;         /* yg_place_kind */
	uint32_t start, end;  /* tokens [start, end), the unit word included */
	uint32_t name;        /* first token of the name (after the unit word) */
	int32_t province;     /* PROVINCE: the gazetteer concept, else -1 */
	int32_t unit;         /* the unit word's concept, or -1 */
} yg_place;

enum {
	YG_PLACE_ALLOW_NAME = 1 /* a bare name counts (district/commune heads) */
};

/* The place at token i, or kind NONE.  Returns its length in tokens. */
size_t yg_place_at(const yg_ctx *c, size_t i, unsigned flags, yg_place *out);

/* A run of capitalised words (or a number) naming a local place at token
 * i: it stops at the end of the line or sentence, before another head or
 * title, and before a person's name after two words.  Length, 0 if none. */
size_t yg_local_name(const yg_ctx *c, size_t i);

/* Does unit word `unit` make `province` the province itself ("tỉnh Cà
 * Mau", "thành phố Hà Nội") rather than a city named after it ("thành phố
 * Cà Mau")?  By the province's unit kind at the article's date. */
int yg_unit_names_province(const yg_ctx *c, uint32_t unit, uint32_t province);

/* The province's name in force at the article's date, with its unit word
 * ("tỉnh Lào Cai", "thành phố Hà Nội") when with_unit and the name does not
 * already start with it ("Thành phố Hồ Chí Minh").  Appended to out. */
void yg_province_label(const yg_ctx *c, int32_t province, int with_unit, yg_buf *out);

/* The label of an organisation head: the expansion of an abbreviation
 * ("UBND" -> "Ủy ban nhân dân"), else its prefLabel (owned by the lexicon). */
const char *yg_head_label(const yg_ctx *c, uint32_t concept);

/* Does token i start with a capital letter (and is it live)? */
int yg_starts_capital(const yg_document *d, size_t i);

#endif
