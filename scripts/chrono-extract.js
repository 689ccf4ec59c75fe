// Whole-process baseline for scripts/bench.sh: reads JSONL documents ({"id","text","published"?}) and prints every
// date chrono-node finds (one JSON line per mention), the same job as `factcheck extract --kinds temporal`.
// Usage: node scripts/chrono-extract.js FILE.jsonl   (chrono-node is looked up in $CHRONO_DIR, default tools/chrono)
const fs = require('fs'), path = require('path'), readline = require('readline');
const dir = process.env.CHRONO_DIR || path.join(__dirname, '..', 'tools', 'chrono');
const chrono = require(path.join(dir, 'node_modules', 'chrono-node'));
const rl = readline.createInterface({ input: fs.createReadStream(process.argv[2]), crlfDelay: Infinity });
const out = [];
rl.on('line', line => {
  if (!line.trim()) return;
  const d = JSON.parse(line);
  const ref = d.published ? new Date(d.published) : new Date(0);
  for (const r of chrono.parse(d.text, ref)) {
    out.push(JSON.stringify({ doc: d.id, start: r.index, end: r.index + r.text.length, text: r.text, value: r.start.date().toISOString() }));
    if (out.length >= 4096) { process.stdout.write(out.join('\n') + '\n'); out.length = 0; }
  }
});
rl.on('close', () => { if (out.length) process.stdout.write(out.join('\n') + '\n'); });
