#include "json.h"

void yg_json_str(yg_buf *b, const char *s)
{
	yg_buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': yg_buf_puts(b, "\\\""); break;
		case '\\': yg_buf_puts(b, "\\\\"); break;
		case '\n': yg_buf_puts(b, "\\n"); break;
		case '\r': yg_buf_puts(b, "\\r"); break;
		case '\t': yg_buf_puts(b, "\\t"); break;
		default:
			if (*p < 0x20)
				yg_buf_printf(b, "\\u%04x", *p);
			else
				yg_buf_putc(b, (char)*p);
		}
	}
	yg_buf_putc(b, '"');
}

void yg_json_opt(yg_buf *b, const char *s)
{
	if (s)
		yg_json_str(b, s);
	else
		yg_buf_puts(b, "null");
}
