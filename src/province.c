/* province.c — province-level units from the gazetteer.
 *
 * A match counts when one of its words is capitalised, so "thủ đô" in
 * running text is not Hà Nội but "Thủ đô" is, and a preceding "tỉnh" or
 * "thành phố" joins the mention. */
#include <string.h>

#include "place.h"
#include "recognize.h"

static int has_capital(const yg_tokens *t, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (t->items[i].flags & YG_TOK_CAP)
			return 1;
	return 0;
}

/* "thành phố Cà Mau", "TP. Thanh Hóa": a unit word that is not the
 * province's own kind ends right before its name, so the name is the city
 * (DECISIONS: a provincial city is not a Province). */
static int city_before(const yg_ctx *c, size_t i, uint32_t province)
{
	for (size_t back = 1; back <= 3 && back <= i; back++) {
		uint32_t uc;
		if (yg_phrase(c, i - back, YG_LEX_UNIT, &uc) == back)
			return !yg_unit_names_province(c, uc, province);
	}
	return 0;
}

void yg_recognize_provinces(yg_ctx *c)
{
	yg_document *d = c->d;
	const yg_tokens *t = &d->toks;
	for (size_t i = 0; i < t->len; i++) {
		uint32_t concept = 0;
		size_t n = yg_phrase(c, i, YG_LEX_PROVINCE, &concept);
		if (!n || !has_capital(t, i, i + n))
			continue;
		/* A following capitalised word glued to the match means a longer
		 * name we do not know ("Hà Nam Ninh"), not this province. */
		if (i + n < t->len && (t->items[i + n].flags & YG_TOK_WORD) &&
		    (t->items[i + n].flags & YG_TOK_CAP) &&
		    !(t->items[i + n].flags & YG_TOK_SENT_START) &&
		    t->items[i + n].line == t->items[i].line &&
		    !(t->items[i + n].flags & YG_TOK_ALLCAP))
			continue;
		if (city_before(c, i, concept))
			continue;
		size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)(i + n), YG_T_PROVINCE,
		                                   (int32_t)concept, yg_province_name(c->lx, concept, d->date));
		d->mentions.items[m].priority = 0;
		d->mentions.items[m].rule = "province.name";
		i += n - 1;
	}
}
