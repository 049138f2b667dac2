#!/usr/bin/env python3
"""gen_articles.py — write N varied synthetic Vietnamese health-news articles.

    tests/gen_articles.py SEED N OUTDIR

Plain python3, no dependencies; the same SEED always gives the same files
(OUTDIR/art-00000.txt ...).  Articles mix what real pages contain and what
breaks naive code: officials with titles and degrees, hospitals (some with
quotes, braces, angle brackets or a backslash in the name), provinces
(including renamed and merged ones), document codes, dates in several
forms, boilerplate lines (share buttons, captions, related-article tails),
random punctuation, and Unicode noise: NFD (decomposed) Vietnamese,
combining marks, NBSP, zero-width characters, U+2028, emoji, CJK, RTL
text, a BOM, and CRLF or CR line ends.  Every file is valid UTF-8 without
NUL bytes, so ytegraph must accept each one.
"""
import os
import random
import sys
import unicodedata

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
          "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đinh", "Trịnh", "Mai"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Thanh", "Minh", "Quang", "Xuân", "Thu", "Ngọc",
          "Trọng", "Công", "Thế", "Kim", ""]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hằng", "Hưởng", "Khải", "Lan", "Long",
         "Lực", "Mai", "Nam", "Nga", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Tiến", "Trang",
         "Tuấn", "Vinh", "Yến", "Diện", "Ánh", "Ước"]
TITLES = ["Giám đốc", "Phó Giám đốc", "Bộ trưởng", "Thứ trưởng", "Chủ tịch", "Phó Chủ tịch",
          "Bí thư", "Phó Bí thư", "Trưởng khoa", "Trưởng phòng", "Ủy viên Bộ Chính trị",
          "Phó Trưởng ban", "Viện trưởng"]
DEGREES = ["GS.TS", "PGS.TS", "TS", "ThS", "BS", "BSCKII", "TS.BS", "ThS.BS", "GS", "PGS", ""]
HONORIFICS = ["ông", "bà", "đồng chí", ""]
PROVINCES = ["Hà Nội", "TP.HCM", "TP Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế",
             "Thừa Thiên Huế", "Phú Thọ", "Vĩnh Phúc", "Hòa Bình", "Lào Cai", "Yên Bái",
             "Nghệ An", "Thanh Hóa", "Quảng Ninh", "Bắc Giang", "Bắc Ninh", "Lâm Đồng",
             "Khánh Hòa", "Đắk Lắk", "Cà Mau", "Bạc Liêu", "Sóc Trăng", "Kiên Giang",
             "An Giang", "Đồng Nai", "Bình Dương", "Hà Giang", "Tuyên Quang"]
UNITS = ["tỉnh", "thành phố", "TP", ""]
HOSP_HEADS = ["Bệnh viện", "Bệnh viện Đa khoa", "BVĐK", "Bệnh viện Nhi", "Bệnh viện Sản Nhi",
              "Bệnh viện Đa khoa tỉnh", "Bệnh viện Y học cổ truyền", "Bệnh viện Phổi"]
HOSP_NAMES = ["Bạch Mai", "Chợ Rẫy", "Việt Đức", "Trung ương Huế", "Thanh Nhàn", "Đức Giang",
              "Xanh Pôn", "Saint Paul", "Nhi Trung ương", "K", "E", "Hữu nghị", "Thống Nhất",
              "Từ Dũ", "Hùng Vương", "Tâm Anh", "Hồng Ngọc", "Thu Cúc", "115", "Quân y 103",
              "số 2", "Sóc Sơn", "Đông Anh"]
ODD_HOSPITALS = ['Bệnh viện "Hy Vọng" {A}', "Bệnh viện Tâm\\Anh", "Bệnh viện <Hồng> Đức",
                 "Bệnh viện Đa khoa {Sài Gòn}", 'BVĐK "Phương Nam"', "Bệnh viện A\\B\\C",
                 "Bệnh viện Hy Vọng\\", 'Bệnh viện "Ánh Dương', "Bệnh viện \\N \\G \\l"]
BODIES = ["Sở Y tế", "UBND", "Ủy ban nhân dân", "HĐND", "Tỉnh ủy", "Thành ủy", "Bộ Y tế",
          "Bộ Chính trị", "Ban Bí thư", "Chính phủ", "Thủ tướng Chính phủ", "Ban Tuyên giáo"]
FACILITIES = ["Trung tâm Y tế huyện", "Trung tâm Kiểm soát bệnh tật", "Trạm Y tế xã",
              "Trung tâm Y tế thị xã", "Viện Vệ sinh dịch tễ"]
PLACES = ["Sóc Sơn", "Ba Vì", "Mỹ Đức", "Ứng Hòa", "Thanh Sơn", "Lâm Thao", "Phù Linh",
          "Cần Giờ", "Hóc Môn", "Củ Chi", "Đông Anh", "Gia Lâm"]
DOCTYPES = ["Nghị quyết", "Chỉ thị", "Quyết định", "Kế hoạch", "Thông tư", "Nghị định",
            "Kết luận", "Công văn"]
CODES = ["NQ/TW", "NQ-TW", "CT/TW", "QĐ-BYT", "QĐ-TTg", "NQ-CP", "KH-UBND", "TT-BYT",
         "NĐ-CP", "QĐ-UBND", "NQ/TU", "KL/TW", "NQ-HĐND", "CV-SYT"]
VERBS = ["ký kết hợp tác với", "chuyển giao kỹ thuật cho", "hỗ trợ", "sáp nhập vào",
         "hợp nhất với", "kết nghĩa với", "giúp đỡ", "liên kết với", "tiếp nhận"]
FILLER = ["cho biết", "nhấn mạnh", "thông tin", "chia sẻ", "khẳng định", "đề nghị",
          "ghi nhận", "phát biểu tại hội nghị", "trao đổi với phóng viên"]
TOPICS = ["mạng lưới bệnh viện vệ tinh", "phòng chống dịch sốt xuất huyết", "tiêm chủng mở rộng",
          "chuyển đổi số y tế", "khám chữa bệnh từ xa", "an toàn thực phẩm", "bảo hiểm y tế",
          "nâng cao chất lượng khám chữa bệnh", "quản lý bệnh không lây nhiễm", "giảm quá tải"]
BOILER = ["Chia sẻ Facebook Zalo", "0:00 / 0:00", "Tin liên quan", "Xem thêm:", "Bình luận (0)",
          "Theo dõi chúng tôi trên Google News", "Đọc thêm", "TIN CÙNG CHUYÊN MỤC",
          "Trang chủ > Sức khỏe > Y tế", "In bài", "Gửi bài", "Copy link",
          "IMG_20240315_0912.jpg", "(Ảnh: Quang Vinh)", "Ảnh: Minh Nhật", "Nguồn: Bộ Y tế",
          "Trình bày: Khánh Ly", "Video đang được xử lý..."]
PUNCT = [",", ".", ";", ":", "!", "?", "…", "–", "—", "-", "(", ")", "[", "]", "\"", "'",
         "“", "”", "‘", "’", "«", "»", "/", "\\", "{", "}", "<", ">", "*", "&", "%", "#",
         "@", "|", "~", "^", "`", "+", "=", "$", "·", "•"]
NOISE = ["\u00a0", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u2028", "\u2029",
         "\u0301", "\u0300", "\u0323", "\u0309", "\u0303", "\u0302\u0323", "\u00ad",
         "😀", "👨‍⚕️", "🏥", "中文", "한국어", "עברית", "العربية", "\u200f", "\u202e", "\u202c",
         "ｆｕｌｌ", "Ⅻ", "ﬁ", "Å", "Ω", "\t", "\u3000", "ǅ", "İ", "ß", "\U0001d400",
         "\u0085", "\u000b", "\u000c", "e\u0301\u0302\u0323", "\U0010fffd"]


class Gen:
    def __init__(self, rng):
        self.r = rng

    def pick(self, xs):
        return self.r.choice(xs)

    def person(self):
        parts = [self.pick(FAMILY), self.pick(MIDDLE), self.pick(GIVEN)]
        if self.r.random() < 0.3:
            parts.insert(2, self.pick(MIDDLE))
        return " ".join(p for p in parts if p)

    def province(self):
        unit = self.pick(UNITS)
        name = self.pick(PROVINCES)
        return (unit + " " + name).strip() if self.r.random() < 0.6 else name

    def hospital(self):
        x = self.r.random()
        if x < 0.12:
            return self.pick(ODD_HOSPITALS)
        if x < 0.35:
            return "%s %s" % (self.pick(HOSP_HEADS), self.pick(PROVINCES))
        return "%s %s" % (self.pick(HOSP_HEADS), self.pick(HOSP_NAMES))

    def body(self):
        b = self.pick(BODIES)
        if b in ("Sở Y tế", "UBND", "Ủy ban nhân dân", "HĐND") and self.r.random() < 0.8:
            return b + " " + self.province()
        return b

    def facility(self):
        return "%s %s" % (self.pick(FACILITIES), self.pick(PLACES))

    def date(self):
        d, m, y = self.r.randint(1, 28), self.r.randint(1, 12), self.r.randint(2015, 2026)
        return self.pick(["%d/%d/%d" % (d, m, y), "%02d/%02d/%d" % (d, m, y),
                          "ngày %d tháng %d năm %d" % (d, m, y), "%d-%02d-%02d" % (y, m, d),
                          "%d/%d" % (d, m), "năm %d" % y])

    def document(self):
        n = self.r.randint(1, 9999)
        code = self.pick(CODES)
        sep = self.pick(["-", "/"])
        form = self.r.random()
        if form < 0.5:
            return "%s số %d%s%s" % (self.pick(DOCTYPES), n, sep, code)
        if form < 0.8:
            return "%s %d%s%s ngày %s" % (self.pick(DOCTYPES), n, sep, code, self.date())
        return "%s %d" % (self.pick(DOCTYPES), n)

    def official(self):
        deg = self.pick(DEGREES)
        hon = self.pick(HONORIFICS)
        title = self.pick(TITLES)
        org = self.pick([self.body, self.hospital, self.facility])()
        name = self.person()
        form = self.r.random()
        if form < 0.4:
            return "%s %s %s %s" % (title, org, deg, name)
        if form < 0.7:
            return "%s %s, %s %s" % ((hon + " " + deg).strip(), name, title, org)
        return "%s %s (%s %s)" % (deg, name, title, org)

    def entity(self):
        return self.pick([self.official, self.hospital, self.body, self.facility,
                          self.document, self.province])()

    def noise(self, s):
        """Sprinkle noise characters and punctuation into a sentence."""
        out = []
        for w in s.split(" "):
            out.append(w)
            x = self.r.random()
            if x < 0.03:
                out.append(self.pick(NOISE))
            elif x < 0.06:
                out.append(self.pick(PUNCT))
        return " ".join(out)

    def sentence(self):
        kind = self.r.random()
        if kind < 0.25:
            s = "%s %s, %s." % (self.official(), self.pick(FILLER), self.pick(TOPICS))
        elif kind < 0.45:
            s = "%s %s %s %s." % (self.pick(["Sáng", "Chiều", "Ngày", "Từ"]), self.date(),
                                  self.hospital(), self.pick(VERBS) + " " + self.hospital())
        elif kind < 0.6:
            s = "Thực hiện %s của %s, %s đã triển khai %s." % (
                self.document(), self.body(), self.entity(), self.pick(TOPICS))
        elif kind < 0.7:
            s = "%s và %s %s tại %s." % (self.body(), self.facility(), self.pick(VERBS),
                                         self.province())
        elif kind < 0.8:
            s = "Tham dự có %s, %s và %s." % (self.official(), self.official(), self.official())
        else:
            s = " ".join(self.entity() for _ in range(self.r.randint(1, 4))) + self.pick(PUNCT)
        if self.r.random() < 0.5:
            s = self.noise(s)
        return s

    def article(self):
        r = self.r
        lines = []
        title = "%s %s %s" % (self.entity(), self.pick(VERBS), self.pick(TOPICS))
        lines.append(title)
        if r.random() < 0.5:
            lines.append(title)  # duplicated headline, as scraped pages have
        lines.append("")
        lines.append(self.pick(["%02d/%02d/%d %02d:%02d" % (r.randint(1, 28), r.randint(1, 12),
                                                          r.randint(2018, 2026), r.randint(0, 23),
                                                          r.randint(0, 59)),
                                "(Dân trí) -", "%s -" % self.pick(PROVINCES), ""]))
        for _ in range(r.randint(1, 8)):
            para = " ".join(self.sentence() for _ in range(r.randint(1, 5)))
            lines.append(para)
            if r.random() < 0.3:
                lines.append(self.pick(BOILER))
            if r.random() < 0.2:
                lines.append("")
        if r.random() < 0.5:
            lines.append(self.person())  # byline
        if r.random() < 0.4:
            lines.append(self.pick(["Tin liên quan", "TIN CÙNG CHUYÊN MỤC", "Xem thêm:"]))
            for _ in range(r.randint(1, 4)):
                lines.append(self.sentence())
        text = "\n".join(lines) + self.pick(["\n", "", "\n\n"])
        # whole-article variations
        if r.random() < 0.15:
            text = unicodedata.normalize("NFD", text)
        elif r.random() < 0.05:
            text = unicodedata.normalize("NFKD", text)
        eol = r.random()
        if eol < 0.15:
            text = text.replace("\n", "\r\n")
        elif eol < 0.2:
            text = text.replace("\n", "\r")
        if r.random() < 0.05:
            text = "\ufeff" + text
        if r.random() < 0.05:
            text = text.replace(" ", "\u00a0", r.randint(1, 5))
        if not text.strip():
            text = "Hà Nội.\n"
        return text


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: gen_articles.py SEED N OUTDIR\n")
        return 2
    seed, n, outdir = int(argv[1]), int(argv[2]), argv[3]
    os.makedirs(outdir, exist_ok=True)
    g = Gen(random.Random(seed))
    for i in range(n):
        text = g.article()
        with open(os.path.join(outdir, "art-%05d.txt" % i), "wb") as f:
            f.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
