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

/* "Trường Đại học Y Dược Cần Thơ", "Báo Gia Lai": a province inside the
 * name of an organisation outside our types is no Province (DECISIONS).
 * The organisation's word is capitalised and a capitalised word follows
 * it ("Báo cáo của Hà Nội" is a report); between it and the province no
 * sentence ends and no comma or bracket falls; and the name is not one
 * of ours ("Bệnh viện Trường Đại học Y - Dược Huế" is a hospital). */
#define OUTSIDE_BACK 10
static int in_outside_org(const yg_ctx *c, size_t i)
{
	const yg_document *d = c->d;
	const uint32_t ours = 1u << YG_LEX_HOSPITAL | 1u << YG_LEX_FACILITY | 1u << YG_LEX_BODY;
	int outside = 0;
	for (size_t back = 1; back <= OUTSIDE_BACK && back <= i; back++) {
		size_t k = i - back;
		if ((d->toks.items[k + 1].flags & YG_TOK_SENT_START) ||
		    ((d->toks.items[k].flags & YG_TOK_PUNCT) && !yg_tok_punct(d, k, '.') && !yg_tok_dash(d, k)))
			break;
		if (yg_kinds_at(c, k, ours))
			return 0;
		size_t n = yg_role_at(c, k, YG_ROLE_OUTSIDE_ORG);
		outside |= n && (d->toks.items[k].flags & YG_TOK_CAP) && yg_tok_capword(d, k + n);
	}
	return outside;
}

void yg_recognize_provinces(yg_ctx *c)
{
	yg_document *d = c->d;
	const yg_tokens *t = &d->toks;
	for (size_t i = yg_next_kind(c, 0, 1u << YG_LEX_PROVINCE); i < t->len;
	     i = yg_next_kind(c, i + 1, 1u << YG_LEX_PROVINCE)) {
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
		if (in_outside_org(c, i)) {
			/* nor a person ("Đại học Mở TP. Hồ Chí Minh"): no entity at all */
			for (size_t k = i; k < i + n; k++)
				d->toks.items[k].flags |= YG_TOK_MASKED;
			i += n - 1;
			continue;
		}
		size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)(i + n), YG_T_PROVINCE,
		                                   (int32_t)concept, yg_province_name(c->lx, concept, d->date));
		d->mentions.items[m].priority = 0;
		d->mentions.items[m].rule = "province.name";
		i += n - 1;
	}
}
