/* Unit tests of entity recognition and relations, one rule at a time.
 * Every sentence here is written for these tests. */
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"
#include "recognize.h"
#include "tap.h"
#include "testdoc.h"


static long find(const yg_document *d, yg_etype type, const char *label)
{
	for (size_t i = 0; i < d->entities.len; i++)
		if (d->entities.items[i].type == type && strcmp(d->entities.items[i].label, label) == 0)
			return (long)i;
	return -1;
}

static size_t count_type(const yg_document *d, yg_etype type)
{
	size_t n = 0;
	for (size_t i = 0; i < d->entities.len; i++)
		n += d->entities.items[i].type == type;
	return n;
}

/* Is there a relation s -p-> o (labels), with this role when role != NULL? */
static int rel(const yg_document *d, const char *s, yg_rtype p, const char *o, const char *role)
{
	for (size_t i = 0; i < d->relations.len; i++) {
		const yg_relation *r = &d->relations.items[i];
		if (r->p == p && strcmp(d->entities.items[r->s].label, s) == 0 &&
		    strcmp(d->entities.items[r->o].label, o) == 0 && (!role || (r->role && strcmp(r->role, role) == 0)))
			return 1;
	}
	return 0;
}

static void test_officials(void)
{
	yg_document *d = run("Tin Hải Phòng\nGiám đốc Sở Y tế Lê Minh Khoa cho biết kế hoạch năm mới.\n");
	OK(find(d, YG_T_OFFICIAL, "Lê Minh Khoa") >= 0, "title + body + name: the name alone is the Official");
	OK(find(d, YG_T_BODY, "Sở Y tế Hải Phòng") >= 0, "Sở Y tế takes the article's province");
	OK(rel(d, "Lê Minh Khoa", YG_R_MEMBER_OF, "Sở Y tế Hải Phòng", "Giám đốc"), "memberOf with the title as role");
	yg_document_free(d);

	d = run("Tin Nghệ An\nĐồng chí Võ Thị Minh Sinh, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nghệ An phát biểu.\n");
	OK(find(d, YG_T_OFFICIAL, "Võ Thị Minh Sinh") >= 0, "name, comma, titles");
	OK(rel(d, "Võ Thị Minh Sinh", YG_R_MEMBER_OF, "Tỉnh ủy Nghệ An", "Bí thư"), "the second title links its body");
	yg_document_free(d);

	d = run("Tin Quảng Ninh\nĐồng chí Vũ Văn Hòa, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Quảng Ninh dự lễ. "
	        "Thứ trưởng Bộ Y tế Lê Đức Luận phát biểu; Thứ trưởng Luận nhấn mạnh.\n");
	OK(rel(d, "Vũ Văn Hòa", YG_R_MEMBER_OF, "Ban Chấp hành Trung ương Đảng", "Ủy viên Trung ương Đảng"),
	   "a title that names its body without a body mention still links it");
	long lu = find(d, YG_T_OFFICIAL, "Lê Đức Luận");
	OK(lu >= 0 && d->entities.items[lu].mentions.len == 2, "Thứ trưởng Luận refers back to Lê Đức Luận");
	yg_document_free(d);

	d = run("Tin Cần Thơ\nÔng Trần Việt Trường – Phó chủ tịchUBND TP Cần Thơ dự lễ.\n");
	OK(rel(d, "Trần Việt Trường", YG_R_MEMBER_OF, "Ủy ban nhân dân Cần Thơ", "Phó chủ tịch"), "dash, title glued to UBND");
	yg_document_free(d);

	d = run("Tin Đà Nẵng\nPGS.TS.BS Nguyễn Hữu Bình, Giám đốc Sở Y tế thành phố Đà Nẵng, làm việc. Sau đó TS Bình trao đổi.\n");
	long e = find(d, YG_T_OFFICIAL, "Nguyễn Hữu Bình");
	OK(e >= 0 && d->entities.items[e].degrees.len == 3, "degrees split at the dots (PGS, TS, BS)");
	OK(e >= 0 && d->entities.items[e].mentions.len == 2, "TS Bình is a short reference, not a new entity");
	OK(count_type(d, YG_T_OFFICIAL) == 1, "one official in all");
	yg_document_free(d);

	d = run("Tin Hà Nội\nBuổi lễ diễn ra trang trọng (Ảnh: Lê Văn Hưng).\nTrình bày: Trần Thu Hà\nNguyễn Mai Anh\n");
	OK(count_type(d, YG_T_OFFICIAL) == 0, "credits, layout credits and a final byline are not officials");
	yg_document_free(d);

	d = run("Tin Huế\nLời dạy của Bác Hồ được nhắc lại; phong cách Hồ Chí Minh là tấm gương.\n");
	long h = find(d, YG_T_OFFICIAL, "Hồ Chí Minh");
	OK(h >= 0 && d->entities.items[h].mentions.len == 2, "Bác Hồ and Hồ Chí Minh are one person");
	OK(count_type(d, YG_T_PROVINCE) == 1, "and not the city (only Huế is a province here)");
	yg_document_free(d);
}

static void test_hospitals(void)
{
	yg_document *d = run("Tin Thanh Hóa\nBệnh viện Đa khoa tỉnh Thanh Hóa và BVĐK Hợp Lực cùng Bệnh viện Nhi Trung ương hội chẩn.\n");
	OK(find(d, YG_T_HOSPITAL, "Bệnh viện Đa khoa tỉnh Thanh Hóa") >= 0, "a provincial general hospital");
	OK(find(d, YG_T_HOSPITAL, "Bệnh viện Đa khoa Hợp Lực") >= 0, "BVĐK is spelled out in the label");
	OK(find(d, YG_T_HOSPITAL, "Bệnh viện Nhi Trung ương") >= 0, "a central hospital");
	OK(rel(d, "Bệnh viện Đa khoa tỉnh Thanh Hóa", YG_R_LOCATED_IN, "Thanh Hóa", NULL), "the province in a name gives locatedIn");
	OK(count_type(d, YG_T_PROVINCE) == 1, "a province inside a hospital name is no separate entity");
	yg_document_free(d);

	d = run("Tin Bắc Ninh\nTỉnh sẽ xây bệnh viện tim, bệnh viện ung bướu và nâng cấp các bệnh viện tuyến Trung ương.\n");
	OK(count_type(d, YG_T_HOSPITAL) == 0, "generic and planned hospitals are not entities");
	yg_document_free(d);

	d = run("Tin Hà Nội\nBác sĩ khoa Nội, Bệnh viện Bạch Mai cho biết Viện Huyết học - Truyền máu Trung ương hỗ trợ.\n");
	OK(find(d, YG_T_HOSPITAL, "Bệnh viện Bạch Mai") >= 0, "a department before the name is not part of it");
	OK(find(d, YG_T_HOSPITAL, "Viện Huyết học - Truyền máu Trung ương") >= 0, "Viện with a clinical specialty is a hospital");
	yg_document_free(d);

	d = run("Tin Hà Nội\nViện Nghiên cứu Kinh tế công bố báo cáo.\n");
	OK(count_type(d, YG_T_HOSPITAL) == 0, "a Viện without a clinical specialty is not a hospital");
	yg_document_free(d);
}

static void test_documents(void)
{
	yg_document *d = run("Tin Quảng Ninh\nTỉnh triển khai Nghị quyết số 20-NQ/TW, Chỉ thị số 15-CT/TU ngày 12/3/2024 của Tỉnh ủy, "
	                     "Nghị định 96/2023/NĐ-CP và Quyết định 1234/QĐ-BYT. Nghị quyết này rất quan trọng.\n");
	long r = find(d, YG_T_RESOLUTION, "Nghị quyết 20-NQ/TW");
	OK(r >= 0, "Nghị quyết số 20-NQ/TW → label without số");
	long c = find(d, YG_T_RESOLUTION, "Chỉ thị 15-CT/TU");
	OK(c >= 0 && d->entities.items[c].date && strcmp(d->entities.items[c].date, "2024-03-12") == 0, "a date written with it is its date");
	OK(rel(d, "Chỉ thị 15-CT/TU", YG_R_ISSUED_BY, "Tỉnh ủy Quảng Ninh", NULL), "a /TU document belongs to the article's province");
	OK(rel(d, "Nghị định 96/2023/NĐ-CP", YG_R_ISSUED_BY, "Chính phủ", NULL), "-CP is the Government");
	OK(rel(d, "Quyết định 1234/QĐ-BYT", YG_R_ISSUED_BY, "Bộ Y tế", NULL), "-BYT is the Ministry of Health");
	OK(count_type(d, YG_T_RESOLUTION) == 4, "\"Nghị quyết này\" is not a document");
	yg_document_free(d);

	d = run("Tin chung\nCần làm theo Nghị quyết 72 của Bộ Chính trị. Nghị quyết số 72 đã được phổ biến.\n");
	r = find(d, YG_T_RESOLUTION, "Nghị quyết 72");
	OK(r >= 0 && d->entities.items[r].mentions.len == 2, "Nghị quyết số 72 and Nghị quyết 72 are one document");
	OK(r >= 0 && d->entities.items[r].identifier && strcmp(d->entities.items[r].identifier, "72-NQ/TW") == 0, "the Politburo's code is implied");
	OK(rel(d, "Nghị quyết 72", YG_R_ISSUED_BY, "Bộ Chính trị", NULL), "của Bộ Chính trị gives the issuer");
	yg_document_free(d);
}

static void test_places_and_mergers(void)
{
	yg_document *d = run("Y tế Thủ đô\nSở Y tế làm việc với Trung tâm Y tế huyện Sóc Sơn và Trạm Y tế xã Minh Phú ở Hà Nội.\n");
	OK(find(d, YG_T_BODY, "Sở Y tế Hà Nội") >= 0, "Thủ đô in the headline makes Hà Nội the article's province");
	OK(find(d, YG_T_FACILITY, "Trung tâm Y tế huyện Sóc Sơn") >= 0, "a district health centre");
	OK(rel(d, "Trạm Y tế xã Minh Phú", YG_R_LOCATED_IN, "Hà Nội", NULL), "the sentence places a commune health station");
	yg_document_free(d);

	d = run("Tin tức\nSở Y tế làm việc với đoàn công tác.\n");
	OK(count_type(d, YG_T_BODY) == 0, "Sở Y tế with no province in the text is not guessed");
	yg_document_free(d);

	d = run("Phú Thọ sau hợp nhất\nTừ 01/7/2025, Sở Y tế tỉnh Phú Thọ được thành lập trên cơ sở hợp nhất Sở Y tế tỉnh Phú Thọ (cũ), "
	        "Sở Y tế tỉnh Vĩnh Phúc (cũ) và Sở Y tế tỉnh Hòa Bình (cũ).\n");
	OK(rel(d, "Sở Y tế Vĩnh Phúc", YG_R_MERGED_INTO, "Sở Y tế Phú Thọ", NULL), "department merger");
	OK(rel(d, "Hòa Bình", YG_R_MERGED_INTO, "Phú Thọ", NULL), "the provinces merged too (gazetteer agrees)");
	OK(!rel(d, "Sở Y tế Phú Thọ", YG_R_MERGED_INTO, "Sở Y tế Phú Thọ", NULL), "old and new Phú Thọ are one entity");
	yg_document_free(d);

	d = run("Tin Hà Nội\nMô hình liên kết giữa Bệnh viện Bạch Mai với Bệnh viện Đa khoa Đông Anh, Trung tâm Y tế huyện Mê Linh.\n");
	OK(rel(d, "Bệnh viện Bạch Mai", YG_R_PARTNER_OF, "Bệnh viện Đa khoa Đông Anh", NULL), "giữa A với B: partners");
	OK(rel(d, "Bệnh viện Bạch Mai", YG_R_PARTNER_OF, "Trung tâm Y tế huyện Mê Linh", NULL), "... and A with C");
	yg_document_free(d);
}

/* The relation finders read their cue words from lexicon/cues.ttl. */
static void test_cues(void)
{
	yg_document *d = run("Tin Huế\nBệnh viện Trung ương Huế hỗ trợ kỹ thuật cho Bệnh viện Đa khoa huyện Phong Điền.\n");
	OK(rel(d, "Bệnh viện Trung ương Huế", YG_R_PARTNER_OF, "Bệnh viện Đa khoa huyện Phong Điền", NULL),
	   "A hỗ trợ B: A is the supporting side");
	yg_phrases *px = yg_phrases_new(&d->toks, lx);
	yg_ctx c = yg_ctx_make(d, lx, px);
	size_t cue = d->toks.len;
	for (size_t i = 0; i < d->toks.len && cue == d->toks.len; i++)
		if (yg_role_at(&c, i, YG_ROLE_SUPPORT))
			cue = i;
	OK(cue < d->toks.len && yg_role_at(&c, cue, YG_ROLE_SUPPORT) == 2, "the support cue is two syllables long");
	OK(cue < d->toks.len && yg_role_at(&c, cue, YG_ROLE_MERGER) == 0, "a cue is found only under its own role");
	yg_phrases_free(px);
	yg_document_free(d);

	d = run("Tin Cần Thơ\nBệnh viện Đa khoa huyện Cờ Đỏ là bệnh viện vệ tinh của Bệnh viện Đa khoa Trung ương Cần Thơ.\n");
	OK(rel(d, "Bệnh viện Đa khoa Trung ương Cần Thơ", YG_R_PARTNER_OF, "Bệnh viện Đa khoa huyện Cờ Đỏ", NULL),
	   "B là bệnh viện vệ tinh của A: A supports B");
	yg_document_free(d);

	d = run("Tin Hà Nội\nCác bệnh viện tuyến Trung ương như Bệnh viện Bạch Mai hỗ trợ Bệnh viện Đa khoa Sóc Sơn.\n");
	OK(!rel(d, "Bệnh viện Bạch Mai", YG_R_PARTNER_OF, "Bệnh viện Đa khoa Sóc Sơn", NULL),
	   "a sentence of examples (tuyến Trung ương như ...) gives no partnership");
	yg_document_free(d);
}

int main(void)
{
	lx = yg_lexicon_new();
	yg_diag d = {0};
	OK(yg_lexicon_load_dir(lx, yg_default_datadir(), &d) == YG_OK, "lexicons load %s", d.msg);
	test_officials();
	test_hospitals();
	test_documents();
	test_places_and_mergers();
	test_cues();
	yg_lexicon_free(lx);
	return DONE();
}
