#!/usr/bin/env python3
"""Generates the 20,000-article ~5 KB corpus of issue #11 (whole-process `check` benchmark) into /tmp.

Runs of consecutive documents of one shared corpus are joined until an article reaches ~5 KB; each article gets a new id and
a `story` field: 4,000 stories of 5 articles (the articles of a story are consecutive). The shared corpora are read in place
from ../shared/eval (never copied into the repository).

usage: scripts/make-corpus.py [--eval DIR] [--out /tmp/fc-corpus-20k.jsonl] [--articles 20000] [--story-size 5] [--kb 5]
"""
import argparse, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--eval", default=os.environ.get("FACTCHECK_EVAL", os.path.join(here, "..", "..", "shared", "eval")))
ap.add_argument("--out", default="/tmp/fc-corpus-20k.jsonl")
ap.add_argument("--articles", type=int, default=20000)
ap.add_argument("--story-size", type=int, default=5)
ap.add_argument("--kb", type=float, default=5)
a = ap.parse_args()
if not os.path.isdir(a.eval):
    for d in ("/work/shared/eval",):
        if os.path.isdir(d): a.eval = d
if not os.path.isdir(a.eval):
    sys.exit(f"no eval folder at {a.eval}; pass --eval or set FACTCHECK_EVAL")

sources = [("tempeval3/tbaq_docs.jsonl", "en"), ("id_news/id_news_articles.jsonl", "id"),
           ("basil_en_dev/docs.jsonl", "en"), ("indosum_sample/articles.jsonl", "id")]
corpora = []
for rel, lang in sources:
    p = os.path.join(a.eval, rel)
    if not os.path.exists(p): continue
    docs = [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]
    docs = [d for d in docs if isinstance(d.get("text"), str) and d["text"].strip()]
    if docs: corpora.append((rel, lang, docs))
if not corpora: sys.exit("no shared corpus found under " + a.eval)

target = int(a.kb * 1024)
n = 0
with open(a.out, "w", encoding="utf-8") as out:
    ci, pos = 0, [0] * len(corpora)
    while n < a.articles:
        k = ci % len(corpora)
        rel, lang, docs = corpora[k]
        parts, size, first = [], 0, docs[pos[k] % len(docs)]
        while size < target:   # a run of consecutive documents of one corpus, about target bytes
            d = docs[pos[k] % len(docs)]
            b = len(d["text"].encode("utf-8"))
            if parts and size + b > target * 1.3: break
            pos[k] += 1
            parts.append(d["text"].strip()); size += b
        art = {"id": f"a{n:05d}", "story": f"s{n // a.story_size:04d}", "lang": first.get("lang") or lang,
               "source": f"src{n % a.story_size}", "text": "\n\n".join(parts)}
        if isinstance(first.get("published"), str): art["published"] = first["published"]
        if isinstance(first.get("title"), str): art["title"] = first["title"]
        out.write(json.dumps(art, ensure_ascii=False) + "\n")
        n += 1
        if n % a.story_size == 0:   # next story: maybe the next corpus
            ci += 1
print(f"{a.out}: {n} articles, {os.path.getsize(a.out) / 1e6:.1f} MB, {n // a.story_size} stories")
