/* facility.c — health facilities that are not hospitals (HealthFacility).
 *
 * A head from lexicon/facilities.ttl (Trung tâm Y tế, Trung tâm Kiểm soát
 * bệnh tật / CDC, Trạm Y tế, Bệnh xá ...) and its place (org.c, place.c):
 * a province ("Trung tâm Kiểm soát bệnh tật tỉnh Lào Cai"), a local place
 * ("Trạm Y tế xã Đạ Tông") or, for heads of district and commune scope, a
 * bare name ("Trung tâm Y tế Pleiku"); a facility named without one is
 * generic or planned ("Trung tâm Y tế chuyên sâu"), unless the lexicon
 * marks it national.  Labels name a province with its unit word. */
#include "org.h"
#include "recognize.h"

static const yg_org_type facilities = {
	YG_T_FACILITY, YG_LEX_FACILITY, 1, 1, 1u << YG_SCOPE_DISTRICT | 1u << YG_SCOPE_COMMUNE,
};

void yg_recognize_facilities(yg_ctx *c)
{
	const uint32_t starts = 1u << YG_LEX_FACILITY;
	for (size_t i = yg_next_kind(c, 0, starts); i < c->d->toks.len; i = yg_next_kind(c, i + 1, starts)) {
		size_t end = yg_org_at(c, &facilities, i);
		if (end > i)
			i = end - 1;
	}
}
