/* bufio.c — raptor's output into a yg_buf.
 *
 * raptor writes a byte at a time: through a handler of our own that is one
 * inline append per byte (a memory FILE costs a stdio call per byte,
 * raptor's string stream a realloc).  The N-Quads and Turtle writers, the
 * reference serializers and the tests share it. */
#include "bufio.h"

static int write_byte(void *ctx, const int byte)
{
	yg_buf_putc(*(yg_buf **)ctx, (char)byte);
	return 0;
}

static int write_bytes(void *ctx, const void *p, size_t size, size_t nmemb)
{
	yg_buf_add(*(yg_buf **)ctx, p, size * nmemb);
	return (int)nmemb;
}

static const raptor_iostream_handler handler = {
	.version = 2, .write_byte = write_byte, .write_bytes = write_bytes,
};

raptor_iostream *yg_buf_iostream(raptor_world *w, yg_buf **target)
{
	return raptor_new_iostream_from_handler(w, target, &handler);
}
