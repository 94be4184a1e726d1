/**
 * The load generator, run as its own process by `runLoad` (bench/lib/harness.ts): reads
 * { url, paths, headers, connections, seconds } as JSON on stdin, cycles through the paths with
 * autocannon on keep-alive connections, and prints the figures as JSON on stdout.
 */
import { text } from 'node:stream/consumers';
import autocannon from 'autocannon';

const options = JSON.parse(await text(process.stdin)) as { url: string; paths: string[]; headers?: Record<string, string>; connections: number; seconds: number };
const result = await autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.seconds,
  headers: options.headers ?? {},
  requests: options.paths.map((path) => ({ method: 'GET' as const, path })),
});
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
  }),
);
