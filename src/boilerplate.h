/* boilerplate.h — mark page furniture so it yields no entities.
 *
 * Works on lines: the related-articles tail (from a heading such as
 * "Tin cùng chuyên mục" to the end), share/follow widgets, player
 * timestamps ("0:00 / 0:00"), image file names, a caption repeated verbatim
 * on the next line, credit lines and parenthesised credits ("(Ảnh: ...)"),
 * and a bare byline on the last line.  Masked tokens keep their place (so
 * offsets stay right) but carry YG_TOK_MASKED. */
#ifndef YG_BOILERPLATE_H
#define YG_BOILERPLATE_H

#include "lexicon.h"
#include "segment.h"

void yg_boilerplate_mask(const char *s, yg_tokens *t, const yg_lexicon *lx);

#endif
