#!/usr/bin/env python3
"""Builds a two-source story from each IndoSum article and its gold abstractive summary (CC BY-SA 4.0), for
`factcheck eval inject`: the summary restates the article's facts in other words, so the harness measures how often a
changed date or count is caught when one source paraphrases the other. Read in place from ../shared/eval; written to
the folder given (default /tmp/indosum-pairs), never into the repository.

usage: scripts/indosum-pairs.py [EVAL_DIR] [OUT_DIR]
then:  factcheck eval inject --clusters OUT_DIR/clusters.jsonl --articles OUT_DIR/docs.jsonl --rounds 3 --seed 1
"""
import json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
eval_dir = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("FACTCHECK_EVAL", os.path.join(here, "..", "..", "shared", "eval"))
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/indosum-pairs"
src = os.path.join(eval_dir, "indosum_sample", "articles.jsonl")
if not os.path.exists(src):
    sys.exit(f"error: {src} not found (give the shared eval folder)")
os.makedirs(out, exist_ok=True)
n = 0
with open(src, encoding="utf-8") as f, open(os.path.join(out, "docs.jsonl"), "w", encoding="utf-8") as docs, \
        open(os.path.join(out, "clusters.jsonl"), "w", encoding="utf-8") as clusters:
    for line in f:
        a = json.loads(line)
        if not a.get("summary"):
            continue
        article = {k: a[k] for k in ("id", "source", "published", "title", "text")}
        # the summary is a second voice: its own id and outlet name, the article's publication time
        summary = {"id": a["id"] + "-summary", "source": "ringkasan", "published": a["published"], "title": None, "text": a["summary"]}
        docs.write(json.dumps(article, ensure_ascii=False) + "\n")
        docs.write(json.dumps(summary, ensure_ascii=False) + "\n")
        clusters.write(json.dumps({"cluster_id": "s%03d" % n, "article_ids": [a["id"], summary["id"]]}) + "\n")
        n += 1
print(f"{n} article/summary stories -> {out}/docs.jsonl, {out}/clusters.jsonl")
