/* json.h — JSON string output (the only JSON ytegraph writes by hand:
 * strings, numbers and flat objects). */
#ifndef YG_JSON_H
#define YG_JSON_H

#include "buf.h"

/* Append s as a quoted JSON string (UTF-8 kept, controls escaped). */
void yg_json_str(yg_buf *b, const char *s);
/* The same for s[0..n), which need not be NUL-terminated. */
void yg_json_strn(yg_buf *b, const char *s, size_t n);
/* Append "null" for NULL, else the quoted string. */
void yg_json_opt(yg_buf *b, const char *s);

#endif
