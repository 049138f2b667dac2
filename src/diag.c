#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

static const char *const messages[] = {
	[YG_OK] = "success",
	[YG_ERR_IO] = "input/output error",
	[YG_ERR_ENCODING] = "encoding error",
	[YG_ERR_DATA] = "malformed data",
	[YG_ERR_LIMIT] = "limit exceeded",
	[YG_ERR_NOMEM] = "out of memory",
	[YG_ERR_ICU] = "ICU error",
	[YG_ERR_USAGE] = "usage error",
};

const char *yg_strerror(yg_status st)
{
	if ((unsigned)st >= sizeof messages / sizeof messages[0])
		return "unknown error";
	return messages[st];
}

yg_status yg_diag_set(yg_diag *d, yg_status st, const char *where,
                      const char *fmt, ...)
{
	if (!d)
		return st;
	d->status = st;
	int n = 0;
	if (where)
		n = snprintf(d->msg, sizeof d->msg, "%s: ", where);
	if (n < 0 || (size_t)n >= sizeof d->msg)
		n = 0;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->msg + n, sizeof d->msg - (size_t)n, fmt, ap);
	va_end(ap);
	return st;
}
