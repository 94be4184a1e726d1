import { gunzipSync, gzipSync } from 'node:zlib';
import { CREDENTIALS_V2 } from './bundled-contexts';
import type { IssuerProfile } from './keys';

/**
 * Bitstring Status List v1.0 (https://www.w3.org/TR/vc-bitstring-status-list/): one bit per
 * credential, 1 = revoked. The list is published whole, so whoever checks one credential learns
 * nothing about which credential they were checking; the minimum length is what makes that crowd
 * big enough.
 */
export const STATUS_LIST_LENGTH = 131_072;

/** Decoded lists beyond this are refused: a few bytes of gzip must not expand into gigabytes. */
const MAX_LIST_BYTES = 16 * 2 ** 20;

export function emptyStatusList(): Uint8Array {
  return new Uint8Array(STATUS_LIST_LENGTH / 8);
}

// Bit 0 is the left-most (most significant) bit of the first byte, as the specification says.
function position(list: Uint8Array, index: number) {
  if (!Number.isSafeInteger(index) || index < 0 || index >= list.length * 8)
    throw new RangeError(`Status index ${index} is outside a list of ${list.length * 8} entries`);
  return { byte: index >> 3, mask: 0x80 >> (index & 7) };
}

export function setStatusBit(list: Uint8Array, index: number, revoked: boolean): void {
  const { byte, mask } = position(list, index);
  list[byte] = revoked ? list[byte]! | mask : list[byte]! & ~mask;
}

export function statusBit(list: Uint8Array, index: number): boolean {
  const { byte, mask } = position(list, index);
  return (list[byte]! & mask) !== 0;
}

/** The `encodedList`: multibase base64url ('u', no padding) of the GZIP of the bits. */
export function encodeStatusList(list: Uint8Array): string {
  return `u${gzipSync(list).toString('base64url')}`;
}

/** The bits of an `encodedList`; throws on anything but a well-formed list of at least the minimum length. */
export function decodeStatusList(encoded: string): Uint8Array {
  // Buffer's base64url decoder skips characters it does not know; a list must not half-decode.
  if (!/^u[A-Za-z0-9_-]+$/.test(encoded)) throw new Error('An encodedList is "u" followed by base64url');
  let bits: Buffer;
  try {
    bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'), { maxOutputLength: MAX_LIST_BYTES });
  } catch (error) {
    throw new Error(`An encodedList must be GZIP of at most ${MAX_LIST_BYTES} bytes (${(error as Error).message})`, { cause: error });
  }
  if (bits.length * 8 < STATUS_LIST_LENGTH) throw new Error(`A status list has at least ${STATUS_LIST_LENGTH} entries; this one has ${bits.length * 8}`);
  return new Uint8Array(bits.buffer, bits.byteOffset, bits.length);
}

/** What a credential carries to point at its bit: `BitstringStatusListEntry`, purpose revocation. */
export function statusListEntry(status: { listCredentialUrl: string; index: number }): Record<string, unknown> {
  if (!Number.isSafeInteger(status.index) || status.index < 0) throw new RangeError(`Status index ${status.index} is not a whole number ≥ 0`);
  return {
    id: `${status.listCredentialUrl}#${status.index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    // A string, as the specification has it.
    statusListIndex: String(status.index),
    statusListCredential: status.listCredentialUrl,
  };
}

/**
 * The unsigned list credential. Only the VC 2.0 context is needed, so the issuer's names are the
 * VC 2.0 language value objects rather than Open Badges strings.
 */
export function statusListCredential(input: {
  id: string;
  issuer: Omit<IssuerProfile, 'url'>;
  encodedList: string;
  validFrom: string;
}): Record<string, unknown> {
  return {
    '@context': [CREDENTIALS_V2],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: {
      id: input.issuer.id,
      name: [
        { '@value': input.issuer.nameTh, '@language': 'th' },
        { '@value': input.issuer.nameEn, '@language': 'en' },
      ],
    },
    validFrom: input.validFrom,
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: input.encodedList,
    },
  };
}
