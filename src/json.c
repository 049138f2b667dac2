#include "json.h"

#include <stdint.h>
#include <string.h>

/* Bytes a JSON string cannot hold as they are. */
static int needs_escape(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\';
}

/* Does any byte of w need escaping?  (SWAR: a byte below 0x20, '"' or
 * '\\'; bytes >= 0x80 never do.) */
static int word_needs_escape(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t low = (w - ones * 0x20) & ~w;
	uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
	uint64_t zq = (q - ones) & ~q, zb = (bs - ones) & ~bs;
	return ((low | zq | zb) & high) != 0;
}

void yg_json_strn(yg_buf *b, const char *s, size_t n)
{
	yg_buf_reserve(b, n + 2);
	yg_buf_putc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t w;
		while (i + 8 <= n && (memcpy(&w, s + i, 8), !word_needs_escape(w)))
			i += 8;
		if (i >= n)
			break;
		unsigned char c = (unsigned char)s[i];
		if (!needs_escape(c))
			continue;
		yg_buf_add(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': yg_buf_add(b, "\\\"", 2); break;
		case '\\': yg_buf_add(b, "\\\\", 2); break;
		case '\n': yg_buf_add(b, "\\n", 2); break;
		case '\r': yg_buf_add(b, "\\r", 2); break;
		case '\t': yg_buf_add(b, "\\t", 2); break;
		default: yg_buf_printf(b, "\\u%04x", c);
		}
	}
	yg_buf_add(b, s + run, n - run);
	yg_buf_putc(b, '"');
}

void yg_json_str(yg_buf *b, const char *s)
{
	yg_json_strn(b, s, strlen(s));
}

void yg_json_opt(yg_buf *b, const char *s)
{
	if (s)
		yg_json_str(b, s);
	else
		YG_BUF_LIT(b, "null");
}
