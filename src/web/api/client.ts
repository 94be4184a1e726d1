import createClient from 'openapi-fetch';
import type { paths } from './schema';

/** The API, typed from the server's OpenAPI document (src/web/api/schema.ts is generated). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
  messageTh: string;
}

/** An RFC 9457 problem answered by the server, thrown so queries and forms can show it. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly titleTh: string,
    readonly detail: string,
    readonly detailTh: string,
    readonly errors: FieldProblem[] = [],
    /** Quoted when reporting a fault, so the server's log entry can be found. */
    readonly requestId?: string,
    /** The problem's type URI (e.g. …/second-factor-required), for the few answers a page acts on. */
    readonly type: string = '',
  ) {
    super(detail);
  }

  /** The message in the reader's language; instants written as ISO text are shown as Bangkok time. */
  text(language: string): string {
    const th = language.startsWith('th');
    return (th ? this.detailTh : this.detail).replace(ISO_INSTANT, (iso) =>
      new Date(iso).toLocaleString(th ? 'th-TH' : 'en-GB', { timeZone: 'Asia/Bangkok', dateStyle: 'medium', timeStyle: 'short' }),
    );
  }

  /** Field errors keyed by the last part of their path (`body.roles[0].unitCode` → `roles[0].unitCode`). */
  fieldErrors(language: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) out[e.field.replace(/^(body|query|querystring|params)\./, '')] = language.startsWith('th') ? e.messageTh : e.message;
    return out;
  }
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Returns the data of an API call or throws its problem. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const p = (error ?? {}) as Partial<Omit<ApiProblem, 'errors' | 'requestId' | 'type'>> & { errors?: FieldProblem[]; requestId?: string; type?: string };
  throw new ApiProblem(
    response.status,
    p.title ?? response.statusText,
    p.titleTh ?? 'เกิดข้อผิดพลาด',
    p.detail ?? `The server answered ${response.status}.`,
    p.detailTh ?? `ระบบตอบกลับด้วยรหัส ${response.status}`,
    p.errors ?? [],
    p.requestId ?? response.headers.get('x-request-id') ?? undefined,
    p.type ?? '',
  );
}
