/**
 * Every failure leaves the API as one RFC 9457 problem document (`application/problem+json`)
 * carrying both an English and a Thai message, and per-field errors where a field is to blame.
 */
export interface FieldError {
  /** JSON path of the field, e.g. `body.username` or `body.roles[0].unitCode`. */
  field: string;
  code: string;
  message: string;
  messageTh: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  titleTh: string;
  status: number;
  detail: string;
  detailTh: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

const TYPE_BASE = 'https://archeep.go.th/problems/';

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly titleTh: string,
    readonly detail: string,
    readonly detailTh: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }

  toDocument(extra: { instance?: string; requestId?: string } = {}): ProblemDocument {
    return {
      type: TYPE_BASE + this.slug,
      title: this.title,
      titleTh: this.titleTh,
      status: this.status,
      detail: this.detail,
      detailTh: this.detailTh,
      ...extra,
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}

type Message = { en: string; th: string };

/** The fields a validation problem names, as their paths without `body.` (the form shows each at its box). */
const fieldNames = (errors: FieldError[]) => [...new Set(errors.map((e) => e.field.replace(/^(body|query|querystring|params)\./, '')))].join(', ');

export const problems = {
  validation: (errors: FieldError[], detail?: Message) =>
    new Problem(
      400,
      'validation',
      'Invalid request',
      'ข้อมูลที่ส่งมาไม่ถูกต้อง',
      detail?.en ?? `${errors.length === 1 ? 'One field needs' : `${errors.length} fields need`} fixing: ${fieldNames(errors)}. Each says what it expects.`,
      detail?.th ?? `มีข้อมูล ${errors.length} ช่องที่ต้องแก้ไข: ${fieldNames(errors)} แต่ละช่องระบุว่าต้องกรอกอย่างไร`,
      errors,
    ),
  malformed: (message: Message) => new Problem(400, 'malformed', 'Malformed request', 'รูปแบบคำขอไม่ถูกต้อง', message.en, message.th),
  unauthenticated: (message: Message = { en: 'Please sign in first.', th: 'กรุณาเข้าสู่ระบบก่อน' }) =>
    new Problem(401, 'unauthenticated', 'Not signed in', 'ยังไม่ได้เข้าสู่ระบบ', message.en, message.th),
  forbidden: (message: Message) => new Problem(403, 'forbidden', 'Not allowed', 'ไม่มีสิทธิ์ดำเนินการ', message.en, message.th),
  outOfScope: (message: Message) => new Problem(403, 'out-of-scope', 'Outside your area', 'อยู่นอกพื้นที่รับผิดชอบของคุณ', message.en, message.th),
  notFound: (message: Message) => new Problem(404, 'not-found', 'Not found', 'ไม่พบข้อมูล', message.en, message.th),
  conflict: (message: Message, errors?: FieldError[]) => new Problem(409, 'conflict', 'Conflict', 'ข้อมูลขัดแย้งกับที่มีอยู่', message.en, message.th, errors),
  /** The request is well-formed but the rules refuse it; `errors` says each reason. */
  unprocessable: (message: Message, errors?: FieldError[]) =>
    new Problem(422, 'unprocessable', 'Cannot be done', 'ดำเนินการไม่ได้', message.en, message.th, errors),
  tooLarge: (limitBytes: number) =>
    new Problem(
      413,
      'payload-too-large',
      'Request too large',
      'คำขอมีขนาดใหญ่เกินไป',
      `The request body is larger than the ${limitBytes.toLocaleString('en')}-byte limit.`,
      `ข้อมูลที่ส่งมามีขนาดเกิน ${limitBytes.toLocaleString('th')} ไบต์ที่ระบบรับได้`,
    ),
  unsupportedMediaType: (contentType: string) =>
    new Problem(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      'ไม่รองรับชนิดข้อมูลนี้',
      `Content-Type ${contentType} is not accepted here; send application/json.`,
      `ไม่รับข้อมูลชนิด ${contentType} กรุณาส่งเป็น application/json`,
    ),
  locked: (until: Date) =>
    new Problem(
      423,
      'account-locked',
      'Account locked',
      'บัญชีถูกล็อกชั่วคราว',
      `Too many failed sign-ins. Try again after ${until.toISOString()}.`,
      `เข้าสู่ระบบผิดหลายครั้งเกินไป ลองใหม่หลังเวลา ${until.toLocaleString('th-TH', { timeZone: 'Asia/Bangkok' })} น.`,
    ),
  tooManyRequests: (retryAfterSeconds: number) =>
    new Problem(
      429,
      'too-many-requests',
      'Too many requests',
      'มีคำขอมากเกินไป',
      `Too many requests; retry in ${retryAfterSeconds} seconds.`,
      `มีคำขอมากเกินไป กรุณาลองใหม่ในอีก ${retryAfterSeconds} วินาที`,
      undefined,
      { 'retry-after': String(retryAfterSeconds) },
    ),
  internal: () =>
    new Problem(
      500,
      'internal',
      'Something went wrong',
      'ระบบขัดข้อง',
      'The server could not complete the request. It has been logged; quote the request id when reporting it.',
      'ระบบไม่สามารถดำเนินการได้ ได้บันทึกเหตุไว้แล้ว หากแจ้งปัญหา กรุณาระบุรหัสคำขอ (request id)',
    ),
};
