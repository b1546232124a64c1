// Turns scripts/bench's measurements into one table, printed and written into
// docs/performance.md between its "bench:begin" and "bench:end" markers.
// Usage: node bench/report.mjs <bench-dir> <markdown-file>
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir, doc] = process.argv.slice(2);
const b = JSON.parse(readFileSync(join(dir, 'browser.json'), 'utf8'));
const core = JSON.parse(readFileSync(join(dir, 'core.json'), 'utf8'));
// Lighthouse runs several times per app: on this machine one run's score can
// swing by 0.3 with where the first paint lands among the start-up's tasks.
// The table shows the run with the median score, and the range of scores.
const lh = (name) => {
  const runs = [];
  for (let i = 1; existsSync(join(dir, `lighthouse-${name}-${i}.json`)); ++i) {
    const r = JSON.parse(readFileSync(join(dir, `lighthouse-${name}-${i}.json`), 'utf8'));
    if (r.categories.performance.score == null) continue;
    runs.push({ score: r.categories.performance.score, tbt: r.audits['total-blocking-time'].numericValue,
      fcp: r.audits['first-contentful-paint'].numericValue, lcp: r.audits['largest-contentful-paint'].numericValue });
  }
  if (!runs.length) return null;
  runs.sort((a, c) => a.score - c.score);
  return { ...runs[Math.floor(runs.length / 2)], n: runs.length, min: runs[0].score, max: runs.at(-1).score };
};
const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => (n == null ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(0));
const total = (list, k) => list.reduce((s, f) => s + f[k], 0);

const rows = [];
rows.push('| | Unfurl | bare ImGui 1.86 reference |', '|---|---|---|');
const su = b.sizes.unfurl, sr = b.sizes.reference;
rows.push(`| dist/ total raw / gzip / brotli (KB) | ${kb(total(su, 'raw'))} / ${kb(total(su, 'gzip'))} / ${kb(total(su, 'brotli'))} | ${kb(total(sr, 'raw'))} / ${kb(total(sr, 'gzip'))} / ${kb(total(sr, 'brotli'))} |`);
rows.push(`| a first load, bytes over the wire by 3 s after the first frame (KB) | ${kb(b.cold.unfurl.transfer_bytes)} | ${kb(b.cold.reference.transfer_bytes)} |`);
rows.push(`| navigation → first frame, cold, median of 10 (ms) | ${ms(b.cold.unfurl.first_ms)} | ${ms(b.cold.reference.first_ms)} |`);
rows.push(`| navigation → interactive, cold (ms) | ${ms(b.cold.unfurl.interactive_ms)} | ${ms(b.cold.reference.interactive_ms)} |`);
rows.push(`| navigation → first frame, warm (service worker / cache) (ms) | ${ms(b.warm.unfurl.first_ms)} | ${ms(b.warm.reference.first_ms)} |`);
rows.push(`| navigation → interactive, warm (ms) | ${ms(b.warm.unfurl.interactive_ms)} | ${ms(b.warm.reference.interactive_ms)} |`);
const r = b.running;
rows.push(`| idle on Home: frames per second / script / all main-thread tasks per 10 s (ms) | ${r.idle.fps.toFixed(1)} / ${ms(r.idle.script_ms_per_10s)} / ${ms(r.idle.task_ms_per_10s)} | ${r.reference_idle.fps.toFixed(1)} / ${ms(r.reference_idle.script_ms_per_10s)} / ${ms(r.reference_idle.task_ms_per_10s)} |`);
rows.push(`| hold: frames per second / main thread busy | ${r.hold.fps.toFixed(1)} / ${(r.hold.busy_share * 100).toFixed(0)} % | — |`);
rows.push(`| wasm + GL per frame, hold: median / p99 (ms) | ${ms(r.hold.frame_ms_median)} / ${ms(r.hold.frame_ms_p99)} | — |`);
rows.push(`| mannequin frame, hold: wasm + GL median (ms) / draw calls per frame (scene and panel) | ${ms(r.hold.frame_ms_median)} / ${(r.hold.draws_per_frame ?? 0).toFixed(0)} | — |`);
rows.push(`| wasm + GL per frame, transition: median / p99 (ms) | ${ms(r.transition.frame_ms_median)} / ${ms(r.transition.frame_ms_p99)} | — |`);
rows.push(`| wasm + GL per frame, idle | no frames drawn (${r.idle.frames}) | every refresh |`);
rows.push(`| synchronous WebGL calls per frame (hold / transition) | ${r.hold.sync_gl_per_frame.toFixed(2)} / ${r.transition.sync_gl_per_frame.toFixed(2)} | — |`);
rows.push(`| wasm heap after a whole session (MB) | ${(r.heap / 1048576).toFixed(1)} | — |`);
// The download budgets, as scripts/check-size measures and checks them.
if (existsSync(join(dir, 'size.tsv')))
  for (const line of readFileSync(join(dir, 'size.tsv'), 'utf8').trim().split('\n')) {
    const [name, bytes, budget] = line.split('\t');
    rows.push(`| budget: ${name} (KB, budget in brackets) | ${kb(Number(bytes))} (${kb(Number(budget))}) | — |`);
  }
const lu = lh('unfurl'), lr = lh('reference');
const lhs = (x) => (x ? `${x.score.toFixed(2)} / TBT ${ms(x.tbt)} ms / FCP ${ms(x.fcp)} ms / LCP ${ms(x.lcp)} ms (scores ${x.min.toFixed(2)}–${x.max.toFixed(2)})` : 'not run');
rows.push(`| Lighthouse mobile, median of ${lu ? lu.n : 0} runs: performance / TBT / FCP / LCP | ${lhs(lu)} | ${lhs(lr)} |`);

const files = ['', '| file | raw | gzip | brotli |', '|---|---|---|---|',
  ...su.sort((a, b2) => b2.gzip - a.gzip).map((f) => `| ${f.file} | ${f.raw} | ${f.gzip} | ${f.brotli} |`)];
const micro = ['', '| core micro-benchmark | time per run |', '|---|---|',
  ...core.benchmarks.map((m) => `| ${m.name} | ${m.real_time.toFixed(m.real_time < 10 ? 2 : 0)} ${m.time_unit} |`)];

const table = [...rows, ...files, ...micro].join('\n');
console.log(table);
const text = readFileSync(doc, 'utf8');
const begin = '<!-- bench:begin -->', end = '<!-- bench:end -->';
const i = text.indexOf(begin), j = text.indexOf(end);
const dated = `${begin}\nMeasured ${new Date().toISOString().slice(0, 10)} by \`./scripts/bench\`.\n\n${table}\n${end}`;
writeFileSync(doc, i >= 0 && j > i ? text.slice(0, i) + dated + text.slice(j + end.length) : `${text}\n${dated}\n`);
