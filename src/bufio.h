#ifndef YG_BUFIO_H
#define YG_BUFIO_H

#include <raptor2.h>

#include "buf.h"

/* A raptor iostream that appends to the buffer *target points at when it
 * writes, so a writer may move *target from one buffer to the next.  NULL
 * when raptor cannot make it.  The caller frees it (raptor_free_iostream)
 * and keeps target valid until then. */
raptor_iostream *yg_buf_iostream(raptor_world *w, yg_buf **target);

#endif
