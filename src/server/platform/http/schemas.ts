import { z } from 'zod';

/** RFC 9457 problem document, as every failure is answered. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    titleTh: z.string(),
    status: z.number().int(),
    detail: z.string(),
    detailTh: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string(), messageTh: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details, with Thai messages beside the English ones' });

/** Adds the problem document as the answer for every 4xx and 5xx status of a route. */
export function withProblems<T extends Record<number, z.ZodType>>(responses: T) {
  return { ...responses, '4xx': ProblemSchema, '5xx': ProblemSchema };
}

export const ThaiEnglishName = { nameTh: z.string(), nameEn: z.string() };

const THAI_OF = new Map<string, string>();

/**
 * A validation message in English with its Thai, for Zod's `error` option
 * (`z.enum(codes, { error: bilingual('Choose a title.', 'กรุณาเลือกคำนำหน้า') })`): the error
 * handler answers the field with both. Each message should name the field and what it expects.
 */
export function bilingual(en: string, th: string): string {
  THAI_OF.set(en, th);
  return en;
}

/** The Thai registered for an English message by `bilingual`, if any. */
export const thaiOf = (en: string): string | undefined => THAI_OF.get(en);

/** Thai and English text for a message shown to a person. */
export const I18nText = z.object({ th: z.string(), en: z.string() });

/**
 * A calendar date (YYYY-MM-DD, C.E.) within 1900–2199: an impossible day (2023-02-30) or a year
 * like 0001 (a B.E./C.E. slip, or a probe) is refused at the field instead of reaching the
 * database or the date arithmetic.
 */
export const saneDate = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2199-12-31', {
  message: 'A date between 1900-01-01 and 2199-12-31 (C.E.)',
  params: { th: 'วันที่ต้องอยู่ระหว่าง ค.ศ. 1900 ถึง 2199 (พ.ศ. 2443–2742)' },
});
