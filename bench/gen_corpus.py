#!/usr/bin/env python3
"""Generate a benchmark corpus (JSON Lines) from the project's own sample
articles, varying person names, provinces and numbers so that it is not one
string repeated.

usage: gen_corpus.py MEGABYTES OUT.jsonl [--seed N] [--distinct-entities]

--distinct-entities gives every article new hospital and official names, for
a graph with many nodes (the diagram benchmark)."""
import argparse
import glob
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đào", "Trịnh", "Mai"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Quốc", "Thanh", "Đức", "Ngọc", "Xuân", "Hồng"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Khoa", "Lan",
         "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Trang",
         "Tuấn", "Vinh", "Yến"]
SPECIALTY = ["Đa khoa", "Nhi", "Sản Nhi", "Mắt", "Phổi", "Y học cổ truyền", "Tâm thần",
             "Ung bướu", "Phục hồi chức năng", "Da liễu"]
PLACE = ["An Phú", "Bình Minh", "Cẩm Xuyên", "Đông Hưng", "Gia Lộc", "Hòa Vang", "Kim Sơn",
         "Long Điền", "Mỹ Tho", "Nghi Lộc", "Phú Lương", "Quế Sơn", "Tân Uyên", "Thạch Hà",
         "Vĩnh Linh", "Yên Định"]


def provinces():
    text = open(os.path.join(TOP, "ontology", "provinces.ttl"), encoding="utf-8").read()
    names = re.findall(r'skos:prefLabel "([^"]+)"@vi', text)
    return [n for n in names if not n.startswith("Đơn vị")]


def person(rng):
    return " ".join([rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)])


def vary(text, rng, provs, distinct, serial):
    # people: a family name followed by 1-3 capitalised syllables
    fam = "|".join(FAMILY + ["Đinh", "Châu", "Tôn", "Hà", "Lò"])
    text = re.sub(r"\b(?:%s)(?: [A-ZĐÂĂÊÔƠƯ][^\s,.;:()–-]*){1,3}" % fam,
                  lambda m: person(rng), text)
    for p in provs:
        if p in text and rng.random() < 0.5:
            text = text.replace(p, rng.choice(provs))
    text = re.sub(r"\b\d{1,4}\b", lambda m: str(rng.randint(1, 9999)), text)
    if distinct:
        extra = []
        for k in range(4):
            extra.append("Giám đốc Bệnh viện %s %s số %d %s cho biết đơn vị đã khám cho nhiều người bệnh."
                         % (rng.choice(SPECIALTY), rng.choice(PLACE), serial * 4 + k, person(rng)))
        text += "\n" + "\n".join(extra) + "\n"
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("megabytes", type=float)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--distinct-entities", action="store_true")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    templates = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(TOP, "examples", "*.txt")))]
    provs = provinces()
    target = int(a.megabytes * 1e6)
    written = 0
    n = 0
    with open(a.out, "w", encoding="utf-8") as out:
        while written < target:
            text = vary(rng.choice(templates), rng, provs, a.distinct_entities, n)
            day = "2024-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28))
            line = json.dumps({"id": "bench-%07d" % n, "text": text, "date": day,
                               "url": "https://example.org/bench/%d" % n}, ensure_ascii=False)
            out.write(line + "\n")
            written += len(line.encode("utf-8")) + 1
            n += 1
    print("%s: %d articles, %.1f MB" % (a.out, n, written / 1e6))


if __name__ == "__main__":
    main()
