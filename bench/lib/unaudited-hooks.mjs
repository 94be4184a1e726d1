// Module resolve hook for bench/lib/unaudited.ts: the audit service resolves to the stub, except
// for the stub itself, which re-exports the real one.
const STUB = new URL('./audit-unaudited.ts', import.meta.url).href;
const SERVICE = '/src/server/platform/audit/audit.service.ts';

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (new URL(resolved.url).pathname.endsWith(SERVICE) && context.parentURL?.split('?')[0] !== STUB) return { ...resolved, url: STUB };
  return resolved;
}
