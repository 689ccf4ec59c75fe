#!/usr/bin/env python3
"""Builds data/lang/<lang>/words.tsv: how often each word occurs in news text whose licence allows it to be shipped.

The name rules use it to tell which of two spellings written as often in a story is the slip: "Saint" is a word of
the language's news, "Saant" is not. Lower-cased words of three letters or more that occur at least twice, with how often each was written in lower case
(a word the news writes in lower case is a common word, not a name: "security" in "Social Security").
Sources, read in place from ../shared/eval (never copied whole into the repository; only the word counts are shipped):
  id: IndoSum sample (CC BY-SA 4.0, Kurniawan & Louvan 2018), indosum_sample/articles.jsonl
  en: NewsReader MEANTIME (CC BY 4.0, FBK / VU Amsterdam / UPV-EHU), meantime_en/docs.jsonl; ContraDoc news documents
      (Apache-2.0, github.com/ddhruvkr/CONTRADOC), contradictions_en/contradoc_891.jsonl
usage: scripts/make-words.py [EVAL_DIR]
"""
import collections, json, os, re, sys

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
eval_dir = sys.argv[1] if len(sys.argv) > 1 else next(
    (d for d in (os.path.join(here, "..", "shared", "eval"), os.path.join(here, "..", "..", "shared", "eval")) if os.path.isdir(d)), None)
if not eval_dir or not os.path.isdir(eval_dir):
    sys.exit("error: shared eval data not found (give its folder)")
word = re.compile(r"[^\W\d_]{3,}")
sources = {
    "id": [("indosum_sample/articles.jsonl", "IndoSum sample (CC BY-SA 4.0)", lambda o: True)],
    "en": [("meantime_en/docs.jsonl", "NewsReader MEANTIME (CC BY 4.0)", lambda o: True),
           ("contradictions_en/contradoc_891.jsonl", "ContraDoc news documents (Apache-2.0)", lambda o: o.get("doc_type") == "news")],
}
for lang, files in sources.items():
    counts = collections.Counter()
    lower = collections.Counter()
    names = []
    for rel, name, keep in files:
        with open(os.path.join(eval_dir, rel), encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                o = json.loads(line)
                if not keep(o):
                    continue
                text = o.get("text") or ""
                for w in word.findall(text):
                    low = w.lower()
                    counts[low] += 1
                    if w == low:
                        lower[low] += 1
        names.append(name)
    out = os.path.join(here, "data", "lang", lang, "words.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# word counts of news text: {'; '.join(names)}; made by scripts/make-words.py; word, times written, times written in lower case\n")
        for w, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if n >= 2:
                f.write(f"{w}\t{n}\t{lower[w]}\n")
    print(f"{out}: {sum(1 for n in counts.values() if n >= 2)} words")
