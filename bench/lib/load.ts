/**
 * The load generator, run as its own process by `runLoad` (bench/lib/harness.ts): reads its
 * options as JSON on stdin and prints the figures as JSON on stdout.
 *
 * - GETs of `paths` for `seconds`: autocannon, cycling through the paths on keep-alive connections.
 * - `requests` sent once each (e.g. one application per person): autocannon would replay the list
 *   on every connection, so here `connections` workers take the next request from one shared queue.
 */
import { text } from 'node:stream/consumers';
import autocannon from 'autocannon';
import type { LoadOptions } from './harness';

const options = JSON.parse(await text(process.stdin)) as LoadOptions;

async function eachOnce(requests: NonNullable<LoadOptions['requests']>) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests.length) {
      const r = requests[next++]!;
      const sent = performance.now();
      try {
        const response = await fetch(options.url + r.path, { method: r.method, body: r.body, headers: { ...options.headers, ...r.headers } });
        await response.arrayBuffer();
        if (response.status >= 300) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]! * 10) / 10;
  return {
    requestsPerSecond: Math.round(requests.length / seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    requests: requests.length,
    errors,
    seconds: Math.round(seconds * 100) / 100,
  };
}

async function cycle() {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
    requests: options.paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
    seconds: result.duration,
  };
}

process.stdout.write(JSON.stringify(options.requests ? await eachOnce(options.requests) : await cycle()));
