import type { InjectOptions } from 'fastify';
import type { TestApp } from '../helpers/app';
import { CALLS, defaultParam, paramIsRecord, type CallSpec } from './requests';
import { IDENTITIES, VARIANTS, type Identity, type Variant, type World } from './world';

export interface Operation {
  key: string;
  method: string;
  path: string;
  params: string[];
  hasJsonBody: boolean;
}

/** Every operation of the app's OpenAPI document, keyed `METHOD /path`. */
export function operationsOf(t: TestApp): Operation[] {
  const document = t.app.swagger() as unknown as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
      hasJsonBody: Boolean(op.requestBody?.content?.['application/json']),
    })),
  );
}

/** Does the cell's record matter: a path id, or a body or query built from the record. */
export const perRecord = (op: Operation, spec: CallSpec | undefined) =>
  (!spec?.params && op.params.some((name) => paramIsRecord(op.path, name))) ||
  [spec?.body, spec?.params, spec?.query].some((f) => typeof f === 'function' && f.length >= 2);

export const variantsOf = (op: Operation): readonly Variant[] => (perRecord(op, CALLS[op.key]) ? VARIANTS : ['own']);

/** The request of one cell. */
export function requestFor(op: Operation, w: World, who: Identity, v: Variant): InjectOptions {
  const spec = CALLS[op.key];
  const given = spec?.params?.(w, v) ?? {};
  const url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(given[name] ?? defaultParam(op.path, name, w, v))));
  const query = spec?.query?.(w, v);
  const cookie = w.cookies[who];
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const request: InjectOptions = { method: op.method as InjectOptions['method'], url: query ? `${url}?${new URLSearchParams(query)}` : url, headers };
  if (spec?.raw) {
    headers['content-type'] = spec.raw.contentType;
    request.payload = spec.raw.payload;
  } else if (op.hasJsonBody || spec?.body) {
    headers['content-type'] = 'application/json';
    request.payload = JSON.stringify(spec?.body?.(w, v) ?? {});
  }
  return request;
}

/** The order cells run in: reads, then changes, then what ends something (sign-out last of all). */
export function runOrder(ops: Operation[]): Operation[] {
  const rank = (op: Operation) => (op.key === 'POST /api/auth/sign-out' ? 3 : CALLS[op.key]?.last ? 2 : op.method === 'GET' ? 0 : 1);
  return [...ops].sort((a, b) => rank(a) - rank(b));
}

/** A row of the table as it would be written in expectations.ts, from what was observed. */
export function formatRow(key: string, cells: Record<Identity, Partial<Record<Variant, number>>>): string {
  const cell = (c: Partial<Record<Variant, number>>) => {
    const values = VARIANTS.filter((v) => c[v] !== undefined).map((v) => c[v]!);
    return new Set(values).size === 1 ? String(values[0]) : `'${values.join('/')}'`;
  };
  return `  '${key}': [${IDENTITIES.map((who) => cell(cells[who])).join(', ')}],`;
}
