/* body.c — government bodies (GovernmentBody).
 *
 * A body starts at a head from lexicon/bodies.ttl (Sở Y tế, UBND, Tỉnh ủy,
 * Bộ Y tế ...).  A national body (ytg:scope "national") stands alone.  Any
 * other takes the province written after it, or a local place ("huyện Ba
 * Vì"); a provincial head with neither is the body of the article's
 * province; without one it is not an entity (EXTRACTION.md: say nothing the
 * text does not tell). */
#include <stdlib.h>

#include "buf.h"
#include "place.h"
#include "recognize.h"

/* The unit word of province level right after a provincial head ("UBND
 * tỉnh", "Sở Y tế thành phố"): part of the mention. */
static size_t province_unit_word(const yg_ctx *c, size_t j)
{
	uint32_t u;
	size_t n = yg_phrase(c, j, YG_LEX_UNIT, &u);
	return n && yg_concept_of(c, u)->level == YG_LEVEL_PROVINCE ? n : 0;
}

void yg_recognize_bodies(yg_ctx *c)
{
	yg_document *d = c->d;
	const yg_tokens *t = &d->toks;
	for (size_t i = 0; i < t->len; i++) {
		uint32_t hc;
		size_t n = yg_phrase(c, i, YG_LEX_BODY, &hc);
		if (!n || !yg_starts_capital(d, i))
			continue;
		const yg_concept *head = yg_concept_of(c, hc);
		size_t j = i + n;
		char *label = NULL;
		int32_t prov = -1;
		uint32_t pc;
		size_t pn, place = 0;
		if (head->scope == YG_SCOPE_NATIONAL) {
			label = yg_xstrdup(yg_head_label(c, hc));
		} else if ((pn = yg_province_at(c, j, &pc)) > 0) {
			prov = (int32_t)pc;
			label = yg_strjoin(yg_head_label(c, hc), " ", yg_province_name(c->lx, pc, d->date));
			place = j;
			j += pn;
		} else if ((pn = yg_local_place(c, j)) > 0) {
			char *where = yg_document_text(d, (uint32_t)j, (uint32_t)(j + pn));
			label = yg_strjoin(yg_head_label(c, hc), " ", where);
			free(where);
			j += pn;
		} else if (head->scope == YG_SCOPE_PROVINCE && d->province_concept >= 0) {
			prov = d->province_concept;
			label = yg_strjoin(yg_head_label(c, hc), " ", yg_province_name(c->lx, (size_t)prov, d->date));
			j += province_unit_word(c, j);
		}
		if (!label)
			continue;
		size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)j, YG_T_BODY, prov, label);
		if (place) {
			d->mentions.items[m].place_start = (uint32_t)place;
			d->mentions.items[m].place_end = (uint32_t)j;
		}
		free(label);
		i = j - 1;
	}
}
