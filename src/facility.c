/* facility.c — health facilities that are not hospitals (HealthFacility).
 *
 * A facility starts at a head from lexicon/facilities.ttl (Trung tâm Y tế,
 * Trung tâm Kiểm soát bệnh tật / CDC, Trạm Y tế ...) and takes a place: a
 * province, or a unit word and capitalised words.  Without a place it is
 * generic or planned ("Trung tâm Y tế chuyên sâu"), unless the lexicon
 * marks it national. */
#include <stdlib.h>

#include "buf.h"
#include "place.h"
#include "recognize.h"

void yg_recognize_facilities(yg_ctx *c)
{
	yg_document *d = c->d;
	const yg_tokens *t = &d->toks;
	for (size_t i = 0; i < t->len; i++) {
		uint32_t hc;
		size_t n = yg_phrase(c, i, YG_LEX_FACILITY, &hc);
		if (!n || !yg_starts_capital(d, i))
			continue;
		const yg_concept *head = yg_concept_of(c, hc);
		size_t j = i + n;
		/* "Trung tâm Kiểm soát bệnh tật (CDC) tỉnh X": skip the acronym */
		size_t after = j;
		if (yg_tok_punct(d, j, '(') && j + 2 < t->len && yg_tok_punct(d, j + 2, ')'))
			after = j + 3;
		uint32_t pc;
		int32_t prov = -1;
		size_t pn = yg_province_at(c, after, &pc);
		if (pn)
			prov = (int32_t)pc;
		else
			pn = yg_local_place(c, after);
		if (!pn && head->scope != YG_SCOPE_NATIONAL)
			continue;
		char *place = pn ? yg_document_text(d, (uint32_t)after, (uint32_t)(after + pn)) : NULL;
		char *head_text = head->expansion ? yg_xstrdup(head->expansion)
		                                  : yg_document_text(d, (uint32_t)i, (uint32_t)j);
		char *label = place ? yg_strjoin(head_text, " ", place) : yg_xstrdup(head_text);
		size_t end = pn ? after + pn : j;
		size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)end, YG_T_FACILITY, prov, label);
		if (prov >= 0) {
			d->mentions.items[m].place_start = (uint32_t)after;
			d->mentions.items[m].place_end = (uint32_t)end;
		}
		free(label);
		free(head_text);
		free(place);
		i = end - 1;
	}
}
