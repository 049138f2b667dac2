/* date.h — the one place that says whether a day is a real calendar date
 * and writes it as xsd:date (ISO 8601, YYYY-MM-DD).
 *
 * Every date that reaches an output passes here: the ledes and datelines
 * of the text, JSON Lines "date" fields, --date.  A date that is not in
 * the calendar (31/02, 29/2/2023, 2024-02-30) is not written at all. */
#ifndef YG_DATE_H
#define YG_DATE_H

#include <stddef.h>

/* Years written as xsd:date: four digits, as every input gives them. */
enum { YG_DATE_MIN_YEAR = 1, YG_DATE_MAX_YEAR = 9999 };

/* 1 when y-m-d is a day of the proleptic Gregorian calendar. */
int yg_date_valid(int y, int m, int d);

/* A day a news text may give: a real date from 1900 to 2100 (a number
 * outside is a count or a code, not a year). */
int yg_date_in_news(int y, int m, int d);

/* "YYYY-MM-DD" into out (11 bytes); 0 (and out empty) when not valid. */
int yg_date_format(int y, int m, int d, char out[11]);

/* Parse exactly "YYYY-MM-DD" (four digits, two, two; nothing before or
 * after), as a real date.  Returns 1 and sets *y *m *d, else 0. */
int yg_date_parse_iso(const char *s, int *y, int *m, int *d);

/* The date part of s when s is "YYYY-MM-DD", optionally followed by a
 * time ("T..." or " ..."), as JSON Lines producers write them: a new
 * "YYYY-MM-DD" string (caller frees), or NULL when s is no such date. */
char *yg_date_from_timestamp(const char *s);

#endif
