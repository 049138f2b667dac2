#include "date.h"

#include <string.h>

#include "buf.h"

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int yg_date_valid(int y, int m, int d)
{
	static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < YG_DATE_MIN_YEAR || y > YG_DATE_MAX_YEAR || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= days[m - 1] + (m == 2 && leap(y));
}

int yg_date_format(int y, int m, int d, char out[11])
{
	out[0] = '\0';
	if (!yg_date_valid(y, m, d))
		return 0;
	/* by hand: the ranges are checked, and snprintf's truncation warning
	 * cannot know them */
	const int v[3] = {y, m, d}, w[3] = {4, 2, 2};
	char *p = out;
	for (int k = 0; k < 3; k++) {
		for (int i = w[k] - 1, x = v[k]; i >= 0; i--, x /= 10)
			p[i] = (char)('0' + x % 10);
		p += w[k];
		*p++ = k < 2 ? '-' : '\0';
	}
	return 1;
}

/* n ASCII digits at s, as a number; -1 when any is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "YYYY-MM-DD" at the start of s (no check of what follows). */
static int parse_prefix(const char *s, int *y, int *m, int *d)
{
	if (strnlen(s, 10) < 10 || s[4] != '-' || s[7] != '-')
		return 0;
	*y = digits(s, 4);
	*m = digits(s + 5, 2);
	*d = digits(s + 8, 2);
	return *y >= 0 && *m >= 0 && *d >= 0 && yg_date_valid(*y, *m, *d);
}

int yg_date_parse_iso(const char *s, int *y, int *m, int *d)
{
	return parse_prefix(s, y, m, d) && s[10] == '\0';
}

char *yg_date_from_timestamp(const char *s)
{
	int y, m, d;
	if (!parse_prefix(s, &y, &m, &d) || (s[10] != '\0' && s[10] != 'T' && s[10] != ' '))
		return NULL;
	return yg_xstrndup(s, 10);
}

int yg_date_in_news(int y, int m, int d)
{
	return y >= 1900 && y <= 2100 && yg_date_valid(y, m, d);
}
