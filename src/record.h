/* record.h — the common JSON Lines record, parsed without cJSON's
 * byte-by-byte string copy.
 *
 * A record is nearly always one flat object of string (or null) values.
 * For exactly that shape the parser below builds the object cJSON would
 * build, scanning strings eight bytes at a time; for anything else (other
 * value types, \u0000 or surrogate escapes, a byte-order mark, malformed
 * JSON) it returns NULL and the caller asks cJSON, so errors and rare
 * forms keep cJSON's behaviour and messages. */
#ifndef YG_RECORD_H
#define YG_RECORD_H

#include <cjson/cJSON.h>
#include <stddef.h>

/* The object of line[0..n) (line[n] == '\0', no NUL before it), as
 * cJSON_ParseWithLengthOpts(line, n + 1, ..., 1) would return it, or NULL
 * when the line is outside the shape above.  The caller frees it with
 * cJSON_Delete. */
cJSON *yg_record_parse_flat(const char *line, size_t n);

#endif
