/* Unit tests of one document through the pipeline: provinces, boilerplate,
 * dates.  The texts are written for these tests. */
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "pipeline.h"
#include "tap.h"
#include "testdoc.h"


/* Mentions of the entity of `type` labelled `label` (-1 if absent). */
static long mentions(const yg_document *d, yg_etype type, const char *label)
{
	for (size_t i = 0; i < d->entities.len; i++)
		if (d->entities.items[i].type == type && strcmp(d->entities.items[i].label, label) == 0)
			return (long)d->entities.items[i].mentions.len;
	return -1;
}

static void test_provinces(void)
{
	yg_document *d = run("Đoàn công tác của Bộ Y tế làm việc tại tỉnh Khánh Hoà và TP.HCM.\n"
	                     "Sau đó đoàn ra Thủ đô; ngành y tế thủ đô không có trong câu này.\n");
	OK(mentions(d, YG_T_PROVINCE, "Khánh Hòa") == 1, "tỉnh Khánh Hoà → Khánh Hòa (old tone style)");
	OK(mentions(d, YG_T_PROVINCE, "Thành phố Hồ Chí Minh") == 1, "TP.HCM → Thành phố Hồ Chí Minh");
	OK(mentions(d, YG_T_PROVINCE, "Hà Nội") == 1, "capitalised Thủ đô is Hà Nội, lower-case is not");
	yg_document_free(d);

	d = run("Lời dạy của Chủ tịch Hồ Chí Minh vẫn còn nguyên giá trị.\n");
	OK(mentions(d, YG_T_PROVINCE, "Thành phố Hồ Chí Minh") < 0, "Hồ Chí Minh the person is not the city");
	yg_document_free(d);

	d = run("Bác sĩ Bệnh viện Đà Nẵng đã hỗ trợ Sở Y tế Quảng Nam.\n");
	size_t province_mentions = 0;
	for (size_t i = 0; i < d->mentions.len; i++)
		province_mentions += d->mentions.items[i].type == YG_T_PROVINCE;
	OK(province_mentions == 0, "a province inside a hospital or body name is not a Province mention");
	OK(mentions(d, YG_T_HOSPITAL, "Bệnh viện Đà Nẵng") == 1, "... the hospital is the mention");
	OK(mentions(d, YG_T_BODY, "Sở Y tế Quảng Nam") == 1, "... the body is the mention");
	OK(mentions(d, YG_T_PROVINCE, "Đà Nẵng") == 1, "... and the province exists as the place of the hospital");
	yg_document_free(d);
}

static void test_boilerplate(void)
{
	yg_document *d = run("Trang chủ / Thời sự / Long An\n"
	                     "Y tế Cần Thơ tăng tốc\n"
	                     "0:00 / 0:00\n"
	                     "IMG_2031.jpg\n"
	                     "Lãnh đạo thăm Hậu Giang.\n"
	                     "Lãnh đạo thăm Hậu Giang.\n"
	                     "Ngày 3/4, đoàn đến Sóc Trăng (Ảnh: Bạc Liêu).\n"
	                     "Chia sẻ Facebook Zalo Kiên Giang\n"
	                     "Tin cùng chuyên mục\n"
	                     "Cà Mau triển khai tiêm chủng\n");
	OK(mentions(d, YG_T_PROVINCE, "Cần Thơ") == 1, "headline counts");
	OK(mentions(d, YG_T_PROVINCE, "Long An") < 0, "nothing in a breadcrumb line");
	IS_STR(d->title, "Y tế Cần Thơ tăng tốc", "the first content line is the headline");
	OK(mentions(d, YG_T_PROVINCE, "Hậu Giang") == 1, "a caption repeated on the next line counts once");
	OK(mentions(d, YG_T_PROVINCE, "Sóc Trăng") == 1, "text before a photo credit counts");
	OK(mentions(d, YG_T_PROVINCE, "Bạc Liêu") < 0, "nothing inside (Ảnh: ...)");
	OK(mentions(d, YG_T_PROVINCE, "Kiên Giang") < 0, "nothing in a share widget line");
	OK(mentions(d, YG_T_PROVINCE, "Cà Mau") < 0, "nothing after the related-articles heading");
	yg_document_free(d);
}

static void test_dates(void)
{
	static const struct {
		const char *text, *date;
	} cases[] = {
		{"Tiêu đề\n12/03/2024 08:15\nNội dung.\n", "2024-03-12"},
		{"Tiêu đề\nNgày 21/2, đoàn làm việc (27/2/1955 - 27/2/2024), nhiệm kỳ 2020-2025.\n", "2024-02-21"},
		{"Tiêu đề\nChiều ngày 05/01/2023, Sở Y tế họp.\n", "2023-01-05"},
		{"Tiêu đề\nHuế, ngày 20 tháng 10 năm 2025 – hội nghị.\n", "2025-10-20"},
		{" date 2026-02-26 Tiêu đề\nChiều 26/2, hội nghị.\n", "2026-02-26"},
		{"Tiêu đề\nTừ 01/7/2025, hai sở hợp nhất.\n", NULL},
		/* a source tag before the lede's opener */
		{"Tiêu đề\n(Báo Lạng Sơn) - Sáng 10/1/2025, Sở Y tế họp.\n", "2025-01-10"},
		/* a timestamp line (a time and a full date) is the publication,
		 * not the event of the lede, nor the day the page was shown */
		{"Thứ 3, Ngày 16/07/2024 -\nTiêu đề\nNgày đăng: 21/06/2024  22:57\nChiều ngày 17/6/2024, Sở Y tế họp.\n",
		 "2024-06-21"},
		{"Tiêu đề\nCập nhật lúc 19:54, Thứ Sáu, 22/02/2019 (GMT+7)\nNgày 1/3, hội nghị.\n", "2019-02-22"},
		/* a time alone with a date that has no year is no timestamp */
		{"Tiêu đề\nLúc 10:30 ngày 5/3 có họp.\n", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		yg_document *d = run(cases[i].text);
		if (cases[i].date)
			IS_STR(d->date, cases[i].date, "date of case %zu", i);
		else
			OK(d->date == NULL, "no publication date in case %zu (got %s)", i, d->date ? d->date : "null");
		yg_document_free(d);
	}
}

static void test_errors(void)
{
	yg_document *d = yg_document_new("e", "e.txt");
	yg_pipeline_opts o = {YG_ENC_UTF8, lx};
	yg_diag diag = {0};
	OK(yg_document_process(d, "", 0, &o, &diag) == YG_ERR_DATA && strstr(diag.msg, "e.txt"), "an empty document is an error naming the file");
	yg_document_free(d);
	d = yg_document_new("w", "w.txt");
	OK(yg_document_process(d, " \n\t\n", 4, &o, &diag) == YG_ERR_DATA, "a blank document is an error");
	yg_document_free(d);
	yg_document_free(NULL);
	OK(1, "freeing a NULL document is allowed");
}

int main(void)
{
	lx = yg_lexicon_new();
	yg_diag d = {0};
	OK(yg_lexicon_load_dir(lx, yg_default_datadir(), &d) == YG_OK, "lexicons load %s", d.msg);
	test_provinces();
	test_boilerplate();
	test_dates();
	test_errors();
	yg_lexicon_free(lx);
	return DONE();
}
