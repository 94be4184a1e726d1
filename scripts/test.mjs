// `npm test`: Vitest, with the type check and ESLint + Prettier running beside it. Each of those
// is single-threaded, and the test run leaves a core idle for much of its time (forks waiting on
// PostgreSQL, PGlite's writes and Chromium), so running them together took a minute off CI on two
// cores. Vitest's output streams as it runs; each check's output is printed whole when it ends.
// Arguments go to Vitest (`npm test -- test/api/registry.test.ts`). Fails when any part failed.
import { spawn } from 'node:child_process';

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

function run(command, args, { buffered }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (buffered) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('close', (code) => {
      const label = [command, ...args].join(' ');
      process.stdout.write(`> ${label}: ${code === 0 ? 'passed' : `failed (exit ${code})`} after ${seconds()} s\n${output}`);
      resolve(code);
    });
  });
}

const checks = ['typecheck', 'lint'].map((name) => run('npm', ['run', '--silent', name], { buffered: true }));
const tests = run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { buffered: false });
const codes = await Promise.all([tests, ...checks]);
process.exitCode = codes.every((code) => code === 0) ? 0 : 1;
