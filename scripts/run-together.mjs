// `node scripts/run-together.mjs typecheck lint`: runs the named npm scripts at once and prints
// each one's output whole when it ends; fails when any failed. `npm test` checks types beside
// ESLint and Prettier this way: each is single-threaded, and the machine has two cores.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
const results = await Promise.all(
  names.map(
    (name) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn('npm', ['run', name], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          process.stdout.write(`> npm run ${name}: ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds} s\n${output}`);
          resolve(code);
        });
      }),
  ),
);
process.exitCode = results.every((code) => code === 0) ? 0 : 1;
