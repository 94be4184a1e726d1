import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Personal values in the trail, encrypted under a key of the person they belong to
 * (crypto-shredding): `{ "$personal": "v1.<iv>.<ciphertext and tag>" }` stands where the value
 * would. The chain hashes that text, so destroying the key (erasure) leaves every hash holding and
 * the value unreadable by anyone. The person and the field are the cipher's associated data: a
 * value moved to another person's event or another field no longer opens.
 */
export const PERSONAL_MARK = '$personal';

/** How the browse API shows a personal value whose key was destroyed. */
export const ERASED = Object.freeze({ erased: true as const });

/** How the browse API shows a personal value to administrators, who manage accounts, not people (issue 15 §4). */
export const WITHHELD = Object.freeze({ withheld: true as const });

/** A personal value that does not open with its person's key (altered since it was written). */
export const UNREADABLE = Object.freeze({ unreadable: true as const });

export type SealedPersonal = { [PERSONAL_MARK]: string };

const associatedData = (personId: number, field: string) => Buffer.from(`archeep-audit:${personId}:${field}`, 'utf8');

export const newSubjectKey = () => randomBytes(32);

export function sealPersonalValue(value: unknown, key: Buffer, personId: number, field: string): SealedPersonal {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(personId, field));
  const body = Buffer.concat([cipher.update(JSON.stringify(value ?? null), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { [PERSONAL_MARK]: `v1.${iv.toString('base64url')}.${body.toString('base64url')}` };
}

export function openPersonalValue(sealed: SealedPersonal, key: Buffer, personId: number, field: string): unknown {
  const [version, iv, body] = sealed[PERSONAL_MARK].split('.');
  if (version !== 'v1' || !iv || !body) throw new Error(`Unknown personal value format in field ${field}`);
  const bytes = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(associatedData(personId, field));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  const text = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
  return JSON.parse(text) as unknown;
}

export const isSealedPersonal = (value: unknown): value is SealedPersonal =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as Record<string, unknown>)[PERSONAL_MARK] === 'string' &&
  Object.keys(value).length === 1;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `before`/`after` with the named top-level fields encrypted; other fields stay as they are. */
export function sealFields(value: unknown, fields: readonly string[], key: Buffer, personId: number): unknown {
  if (!isRecord(value) || fields.length === 0) return value;
  const out: Record<string, unknown> = { ...value };
  for (const field of fields) {
    if (field in out && out[field] !== undefined) out[field] = sealPersonalValue(out[field], key, personId, field);
  }
  return out;
}

/**
 * `before`/`after` as a reader sees it: personal values opened with the person's key, or shown as
 * `{ erased: true }` once the key is gone.
 */
export function openFields(value: unknown, key: Buffer | null, personId: number | null, withhold = false): { value: unknown; erased: boolean } {
  if (!isRecord(value)) return { value, erased: false };
  if (withhold) {
    const out: Record<string, unknown> = {};
    for (const [field, v] of Object.entries(value)) out[field] = isSealedPersonal(v) ? (key ? WITHHELD : ERASED) : v;
    return { value: out, erased: !key && Object.values(value).some(isSealedPersonal) };
  }
  let erased = false;
  const out: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(value)) {
    if (!isSealedPersonal(v)) out[field] = v;
    else if (key && personId !== null) {
      try {
        out[field] = openPersonalValue(v, key, personId, field);
      } catch {
        // Altered ciphertext: the chain's verification names the event; here it is simply unreadable.
        out[field] = UNREADABLE;
      }
    } else {
      out[field] = ERASED;
      erased = true;
    }
  }
  return { value: out, erased };
}
