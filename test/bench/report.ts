import { writeFileSync } from 'node:fs';

export interface ScenarioResult {
  readonly name: string;
  /** `framework-only`: the bare NestJS reference (same body validation, no database, no auth). */
  readonly kind: 'database-only' | 'http' | 'framework-only';
  /** Operations per second. */
  readonly throughput: number;
  /** Latency percentiles in milliseconds. */
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly requests: number;
  /** Microseconds of CPU per request, by process (pgbench runs: no service, pgbench as the load generator). */
  readonly cpu?: { readonly service: number; readonly postgres: number; readonly loadGenerator: number };
  /** Throughput divided by the seed design's database-only rate for the same kind of work. */
  ratio?: number;
  baseline?: string;
  /** Throughput, and service CPU per request, divided by the bare NestJS endpoint's (same run). */
  vsBare?: { readonly throughput: number; readonly cpu: number };
}

export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export function formatTable(results: readonly ScenarioResult[]): string {
  const header = [
    'scenario',
    'kind',
    'ops/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'requests',
    'vs seed design',
    'vs bare NestJS (ops, CPU)',
    'CPU µs/req: service / postgres / load gen = total',
  ];
  const rows = results.map((r) => [
    r.name,
    r.kind,
    r.throughput.toFixed(0),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    String(r.errors),
    String(r.requests),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}× ${r.baseline}`,
    r.vsBare === undefined ? '' : `${(r.vsBare.throughput * 100).toFixed(0)} %, ${r.vsBare.cpu.toFixed(2)}×`,
    r.cpu
      ? `${r.cpu.service} / ${r.cpu.postgres} / ${r.cpu.loadGenerator} = ${r.cpu.service + r.cpu.postgres + r.cpu.loadGenerator}`
      : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** A small horizontal bar chart of throughput, database-only baselines in grey. */
export function writeChart(file: string, results: readonly ScenarioResult[], title: string): void {
  const barHeight = 26;
  const left = 250;
  const width = 820;
  const max = Math.max(...results.map((r) => r.throughput));
  const bars = results
    .map((r, i) => {
      const y = 50 + i * (barHeight + 10);
      const w = Math.max(1, ((width - left - 120) * r.throughput) / max);
      const color = r.kind === 'http' ? '#2f7ed8' : '#9a9a9a';
      const label = `${r.throughput.toFixed(0)}/s${r.ratio === undefined ? '' : ` (${r.ratio.toFixed(1)}×)`}`;
      return (
        `<text x="${left - 8}" y="${y + 18}" text-anchor="end" font-size="13">${escape(r.name)}</text>` +
        `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${color}"/>` +
        `<text x="${left + w + 6}" y="${y + 18}" font-size="13">${label}</text>`
      );
    })
    .join('\n');
  const height = 70 + results.length * (barHeight + 10);
  writeFileSync(
    file,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">\n` +
      `<rect width="100%" height="100%" fill="white"/>\n` +
      `<text x="${width / 2}" y="28" text-anchor="middle" font-size="15" font-weight="bold">${escape(title)}</text>\n${bars}\n</svg>\n`,
  );
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
