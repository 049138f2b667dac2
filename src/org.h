/* org.h — the names of organisations: a head from the lexicon (BodyScheme,
 * FacilityScheme) and the place it is named with, including coordinated
 * forms where one head serves several places ("Trung tâm Y tế các huyện:
 * A, B", "các trạm y tế xã A, B và C", "Trung tâm Y tế khu vực A, B") or one
 * place several heads ("HĐND, UBND tỉnh X").  Shared by body.c and
 * facility.c, which say what differs between the two types. */
#ifndef YG_ORG_H
#define YG_ORG_H

#include "match.h"
#include "place.h"

typedef struct {
	yg_etype type;
	int lex_kind;        /* the heads: YG_LEX_BODY or YG_LEX_FACILITY */
	int with_unit;       /* a label names its province with the unit word */
	int as_written;      /* a label keeps its head as written ("Phòng chống"
	                      * or "Phòng, chống"), unless an abbreviation */
	uint8_t name_scopes; /* scopes (bits 1 << yg_scope) whose heads take a bare name */
} yg_org_type;

/* Recognise the organisation whose head starts at token i: adds its
 * mention(s) and returns one past the last token taken, or i when there is
 * none. */
size_t yg_org_at(yg_ctx *c, const yg_org_type *t, size_t i);

#endif
