import { gzipSync } from 'node:zlib';
import { createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { describe, expect, it } from 'vitest';
import {
  decodeStatusList,
  emptyStatusList,
  encodeStatusList,
  setStatusBit,
  STATUS_LIST_LENGTH,
  statusBit,
  statusListCredential,
  statusListEntry,
} from './status-list';

describe('the Bitstring Status List', () => {
  it('has the minimum 131,072 entries, all clear', () => {
    const list = emptyStatusList();
    expect(list.length * 8).toBe(STATUS_LIST_LENGTH);
    expect(list.every((byte) => byte === 0)).toBe(true);
  });

  it('counts bit 0 from the left of the first byte', () => {
    const list = emptyStatusList();
    setStatusBit(list, 0, true);
    setStatusBit(list, 9, true);
    setStatusBit(list, STATUS_LIST_LENGTH - 1, true);
    expect([list[0], list[1], list[list.length - 1]]).toEqual([0b1000_0000, 0b0100_0000, 0b0000_0001]);
    expect([statusBit(list, 0), statusBit(list, 1), statusBit(list, 9), statusBit(list, STATUS_LIST_LENGTH - 1)]).toEqual([true, false, true, true]);
    setStatusBit(list, 9, false);
    expect(list[1]).toBe(0);
  });

  it('refuses an index outside the list', () => {
    const list = emptyStatusList();
    expect(() => setStatusBit(list, STATUS_LIST_LENGTH, true)).toThrow(RangeError);
    expect(() => statusBit(list, -1)).toThrow(RangeError);
    expect(() => statusBit(list, 1.5)).toThrow(RangeError);
  });

  it('encodes as multibase base64url of GZIP, and decodes back', () => {
    const list = emptyStatusList();
    for (const index of [0, 7, 8, 94_567, STATUS_LIST_LENGTH - 1]) setStatusBit(list, index, true);
    const encoded = encodeStatusList(list);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(200); // a mostly empty list is tiny
    expect(decodeStatusList(encoded)).toEqual(list);
  });

  it('agrees with Digital Bazaar’s implementation both ways', async () => {
    const ours = emptyStatusList();
    setStatusBit(ours, 3, true);
    setStatusBit(ours, 100_000, true);
    const theirs = await decodeList({ encodedList: encodeStatusList(ours) });
    expect([theirs.getStatus(2), theirs.getStatus(3), theirs.getStatus(100_000)]).toEqual([false, true, true]);

    const made = await createList({ length: STATUS_LIST_LENGTH });
    made.setStatus(42, true);
    const decoded = decodeStatusList(await made.encode());
    expect([statusBit(decoded, 41), statusBit(decoded, 42)]).toEqual([false, true]);
  });

  it('refuses a list that is short, not base64url, not multibase or a gzip bomb', () => {
    expect(() => decodeStatusList(`u${gzipSync(new Uint8Array(1024)).toString('base64url')}`)).toThrow(/at least 131072 entries/);
    expect(() => decodeStatusList(`u${gzipSync(emptyStatusList()).toString('base64')}=`)).toThrow(/base64url/);
    expect(() => decodeStatusList(gzipSync(emptyStatusList()).toString('base64url'))).toThrow(/"u"/);
    expect(() => decodeStatusList(`u${gzipSync(new Uint8Array(64 * 2 ** 20)).toString('base64url')}`)).toThrow(
      'An encodedList must be GZIP of at most 16777216 bytes (Cannot create a Buffer larger than 16777216 bytes)',
    );
    expect(() => decodeStatusList('uAAAA')).toThrow(/must be GZIP/);
  });
});

describe('status documents', () => {
  it('the credential’s entry points at its bit, index as a string', () => {
    expect(statusListEntry({ listCredentialUrl: 'https://archeep.test/lists/DSD-0', index: 94_567 })).toEqual({
      id: 'https://archeep.test/lists/DSD-0#94567',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: 'https://archeep.test/lists/DSD-0',
    });
  });

  it('the list credential is a BitstringStatusListCredential for revocation', () => {
    const encodedList = encodeStatusList(emptyStatusList());
    expect(
      statusListCredential({
        id: 'https://archeep.test/lists/DSD-0',
        issuer: { id: 'https://archeep.test/issuers/DSD', nameTh: 'กรมพัฒนาฝีมือแรงงาน', nameEn: 'Department of Skill Development' },
        encodedList,
        validFrom: '2025-01-01T00:00:00Z',
      }),
    ).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'https://archeep.test/lists/DSD-0',
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: {
        id: 'https://archeep.test/issuers/DSD',
        name: [
          { '@value': 'กรมพัฒนาฝีมือแรงงาน', '@language': 'th' },
          { '@value': 'Department of Skill Development', '@language': 'en' },
        ],
      },
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: 'https://archeep.test/lists/DSD-0#list', type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
    });
  });
});
