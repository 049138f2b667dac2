/* body.c — government bodies (GovernmentBody).
 *
 * A head from lexicon/bodies.ttl (Sở Y tế, UBND, Tỉnh ủy, Bộ Y tế ...) and
 * the place it is named with (org.c, place.c): a national body stands
 * alone; a provincial one takes the province or local place written after
 * it, else the article's province (without one it is not an entity:
 * EXTRACTION.md, say nothing the text does not tell); a district or commune
 * body ("Huyện ủy Mường Tè", "Phòng Y tế huyện Đông Anh") takes its place,
 * or refers to the one the article names. */
#include "org.h"
#include "recognize.h"

static const yg_org_type bodies = {
	YG_T_BODY, YG_LEX_BODY, 0, 0, 1u << YG_SCOPE_LOCAL,
};

void yg_recognize_bodies(yg_ctx *c)
{
	const uint32_t starts = 1u << YG_LEX_BODY;
	for (size_t i = yg_next_kind(c, 0, starts); i < c->d->toks.len; i = yg_next_kind(c, i + 1, starts)) {
		size_t end = yg_org_at(c, &bodies, i);
		if (end > i)
			i = end - 1;
	}
}
