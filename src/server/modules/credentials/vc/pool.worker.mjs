// The signing pool's worker entry. A worker thread starts without the parent's module hooks (tsx
// under the server and the benchmarks, Vite's transform under vitest), so it registers tsx's ESM
// loader itself and then loads the TypeScript signer.
import { register } from 'tsx/esm/api';

register();
await import('./pool.worker.ts');
