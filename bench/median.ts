// Median wall time of an async operation, after a warm-up (JIT, caches, connections).
export async function median(runs: number, once: () => Promise<unknown>, warmup = 20): Promise<number> {
  for (let i = 0; i < warmup; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}
