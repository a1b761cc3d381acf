/** Timing and memory figures for `npm run bench`: medians of repeated runs, and the peak resident memory. */
export interface Figure {
  readonly name: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
  /** Median memory the call allocated (heap and typed arrays, before any collection), bytes. */
  readonly allocatedBytes?: number;
}

const inUse = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};

let peakRss = 0;
export function notePeakMemory(): number {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return peakRss;
}

/**
 * Times `run` on fresh arguments each run: Excel hands a function new arrays and strings on
 * every call, so `prepare` (not timed) parses them anew, as Excel's runtime does.
 */
export function time<A>(
  name: string,
  runs: number,
  prepare: () => A,
  run: (args: A) => unknown
): Figure {
  // Two untimed calls first: Excel keeps the functions' runtime alive, so compiling is paid once.
  for (let i = 0; i < 2; i++) run(prepare());
  const times: number[] = [];
  const allocated: number[] = [];
  for (let i = 0; i < runs; i++) {
    const args = prepare();
    const before = inUse();
    const started = process.hrtime.bigint();
    run(args);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    allocated.push(Math.max(0, inUse() - before));
    notePeakMemory();
  }
  times.sort((a, b) => a - b);
  allocated.sort((a, b) => a - b);
  return {
    name,
    medianMs: times[Math.floor(times.length / 2)],
    minMs: times[0],
    runs,
    allocatedBytes: allocated[Math.floor(allocated.length / 2)],
  };
}

export function show(f: Figure, targetMs?: number): string {
  const target =
    targetMs === undefined
      ? ""
      : `  (target ≤ ${targetMs} ms: ${f.medianMs <= targetMs ? "met" : "MISSED"})`;
  const memory = f.allocatedBytes === undefined ? "" : `  allocates ~${mib(f.allocatedBytes)}`;
  return `${f.name.padEnd(58)} median ${f.medianMs.toFixed(1).padStart(8)} ms  min ${f.minMs.toFixed(1).padStart(8)} ms  over ${f.runs} runs${memory}${target}`;
}

export const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MiB`;
