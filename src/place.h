/* place.h — places inside names: the province or local unit a body, a
 * facility or a hospital is named with ("Sở Y tế tỉnh Lào Cai", "Trạm Y
 * tế phường Vĩnh Hưng"). */
#ifndef YG_PLACE_H
#define YG_PLACE_H

#include "match.h"

/* A local place at token i: a unit word and capitalised words ("huyện Ba
 * Vì", "phường Vĩnh Hưng", "xã A Lưới 3").  After two words, a family name
 * that starts another run of capitalised words is a person's name, not
 * more of the place.  Returns its length in tokens, 0 if none. */
size_t yg_local_place(const yg_ctx *c, size_t i);

/* The label of an organisation head: the expansion of an abbreviation
 * ("UBND" -> "Ủy ban nhân dân"), else its prefLabel (owned by the lexicon). */
const char *yg_head_label(const yg_ctx *c, uint32_t concept);

/* Does token i start with a capital letter (and is it live)? */
int yg_starts_capital(const yg_document *d, size_t i);

#endif
