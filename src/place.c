#include "place.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"

/* Heads and titles start something else: a place name stops there. */
#define OTHER_STARTS                                                                        \
	(1u << YG_LEX_BODY | 1u << YG_LEX_FACILITY | 1u << YG_LEX_HOSPITAL | 1u << YG_LEX_TITLE | \
	 1u << YG_LEX_DOCTYPE | 1u << YG_LEX_CREDIT)

size_t yg_local_name(const yg_ctx *c, size_t i)
{
	const yg_document *d = c->d;
	if (!yg_tok_live(d, i))
		return 0;
	uint32_t line = d->toks.items[i].line;
	size_t k = i;
	while (yg_tok_live(d, k) && d->toks.items[k].line == line) {
		uint16_t f = d->toks.items[k].flags;
		if (!(f & YG_TOK_NUM) && !yg_tok_capword(d, k))
			break;
		if ((k > i && (f & YG_TOK_SENT_START)) || yg_kinds_at(c, k, OTHER_STARTS))
			break;
		/* "Trạm Y tế xã Nghi Phong Lò Văn Tùng": a name after the place */
		if (k - i >= 2 && yg_phrase(c, k, YG_LEX_FAMILY, NULL) && yg_tok_capword(d, k + 1))
			break;
		k++;
	}
	return k - i;
}

/* Does the unit word `unit` make `province` the province itself (its own
 * unit kind at the article's date), rather than a city named after it? */
int yg_unit_names_province(const yg_ctx *c, uint32_t unit, uint32_t province)
{
	const char *kind = yg_province_unit(c->lx, province, c->d->date);
	const yg_concept *u = yg_concept_of(c, unit);
	return kind && strcmp(u->pref, kind) == 0;
}

/* A head ending a headline names no place on the next line ("... thành
 * Trung tâm Y tế khu vực" over "Thứ Hai, 14/7"); a list broken after
 * its separator goes on ("các trạm y tế: A, B,\nC"). */
static int new_sentence(const yg_ctx *c, size_t i)
{
	return i > 0 && (c->d->toks.items[i].flags & YG_TOK_SENT_START) &&
	       !yg_role_at(c, i - 1, YG_ROLE_LIST_SEP) && !yg_role_at(c, i - 1, YG_ROLE_LIST_AND) &&
	       !yg_role_at(c, i - 1, YG_ROLE_LIST_OPEN);
}

size_t yg_place_at(const yg_ctx *c, size_t i, unsigned flags, yg_place *out)
{
	memset(out, 0, sizeof *out);
	out->province = out->unit = -1;
	uint32_t pc, uc;
	size_t pn = yg_province_at(c, i, &pc);
	size_t un = yg_phrase(c, i, YG_LEX_UNIT, &uc);
	size_t n = 0;
	if (pn && pn >= un) {
		/* a name, or a variant the gazetteer lists ("TP.HCM") */
		out->kind = YG_PLACE_PROVINCE;
		out->province = (int32_t)pc;
		if (un) {
			out->unit = (int32_t)uc; /* "tỉnh Bắc Ninh", listed whole */
			out->name = (uint32_t)(i + un);
		}
		n = pn;
	} else if (un) {
		size_t k = i + un, ln;
		if (k < c->d->toks.len && c->d->toks.items[k].sent != c->d->toks.items[i].sent)
			k = c->d->toks.len; /* the name is not on the next line */
		out->unit = (int32_t)uc;
		out->name = (uint32_t)k;
		if ((pn = yg_province_at(c, k, &pc)) > 0 && yg_unit_names_province(c, uc, pc)) {
			out->kind = YG_PLACE_PROVINCE;
			out->province = (int32_t)pc;
			n = un + pn;
		} else if ((ln = yg_local_name(c, k)) > 0 &&
		           (yg_concept_of(c, uc)->level != YG_LEVEL_PROVINCE ||
		            (yg_concept_of(c, uc)->flags & YG_CF(ALSO_LOCAL)) || !yg_phrase(c, k, YG_LEX_FAMILY, NULL))) {
			/* "huyện Ba Vì", "thành phố Cà Mau", "tỉnh Bắc Thái" (a
			 * former province); "tỉnh" + a person's name is no place
			 * ("UBND tỉnh Trần Hồng Quân") */
			out->kind = YG_PLACE_LOCAL;
			n = un + (ln > pn ? ln : pn);
		} else {
			out->kind = YG_PLACE_UNIT;
			n = un;
		}
	} else if ((flags & YG_PLACE_ALLOW_NAME) && yg_tok_capword(c->d, i) && !new_sentence(c, i) &&
	           (n = yg_local_name(c, i)) > 0) {
		out->kind = YG_PLACE_NAME;
		out->name = (uint32_t)i;
	}
	out->start = (uint32_t)i;
	out->end = (uint32_t)(i + n);
	if (out->kind != YG_PLACE_PROVINCE && out->kind != YG_PLACE_UNIT && !out->name)
		out->name = (uint32_t)i;
	return n;
}

void yg_province_label(const yg_ctx *c, int32_t province, int with_unit, yg_buf *out)
{
	const char *name = yg_province_name(c->lx, (size_t)province, c->d->date);
	const char *unit = with_unit ? yg_province_unit(c->lx, (size_t)province, c->d->date) : NULL;
	if (unit) {
		char *fn = yg_fold_phrase(name, strlen(name)), *fu = yg_fold_phrase(unit, strlen(unit));
		size_t n = strlen(fu);
		int has = strncmp(fn, fu, n) == 0 && (fn[n] == ' ' || fn[n] == '\0');
		free(fn);
		free(fu);
		if (!has) {
			yg_buf_puts(out, unit);
			yg_buf_putc(out, ' ');
		}
	}
	yg_buf_puts(out, name);
}

const char *yg_head_label(const yg_ctx *c, uint32_t concept)
{
	const yg_concept *k = yg_concept_of(c, concept);
	return k->expansion ? k->expansion : k->pref;
}

int yg_starts_capital(const yg_document *d, size_t i)
{
	return yg_tok_live(d, i) && (d->toks.items[i].flags & (YG_TOK_CAP | YG_TOK_ALLCAP));
}
