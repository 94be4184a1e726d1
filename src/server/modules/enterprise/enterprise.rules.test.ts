import { describe, expect, it } from 'vitest';
import { OTOG } from './data/programmes';
import {
  advanceReasons,
  canMoveTo,
  ceNumberReasons,
  daysBetween,
  expiryAfter,
  fdaNumberReasons,
  funnelCounts,
  marksOf,
  mergeVisit,
  tcpsStandardReasons,
  validityOf,
  type VisitCopy,
} from './enterprise.rules';

const stage = (code: string) => {
  const i = OTOG.stages.findIndex((s) => s.code === code);
  return { position: i + 1, evidence: OTOG.stages[i]!.evidence };
};

describe('stage path', () => {
  it('reaches a stage only from the one before and only with its evidence', () => {
    expect(advanceReasons(1, stage('trained'), { completers: 10 }).map((r) => r.code)).toEqual(['not-next-stage']);
    expect(advanceReasons(1, stage('selected'), { byHeadquarters: false, reason: 'good' }).map((r) => r.code)).toEqual(['headquarters-only']);
    expect(advanceReasons(1, stage('selected'), { byHeadquarters: true, reason: ' ' }).map((r) => r.code)).toEqual(['reason-required']);
    expect(advanceReasons(1, stage('selected'), { byHeadquarters: true, reason: 'strong product' })).toEqual([]);
    expect(advanceReasons(2, stage('trained'), { completers: 2 }).map((r) => r.code)).toEqual(['course-not-completed']);
    expect(advanceReasons(2, stage('trained'), { completers: 3 })).toEqual([]);
    expect(advanceReasons(3, stage('product-developed'), { note: '' }).map((r) => r.code)).toEqual(['evidence-required']);
    expect(advanceReasons(3, stage('product-developed'), { documentRef: 'doc-1' })).toEqual([]);
    expect(advanceReasons(4, stage('standard-certified'), { validCertificate: false }).map((r) => r.code)).toEqual(['no-valid-certificate']);
    // "Funded": the fund module's disbursement, or an officer's document for a loan from elsewhere.
    expect(advanceReasons(5, stage('funded'), {}).map((r) => r.code)).toEqual(['evidence-required']);
    expect(advanceReasons(5, stage('funded'), { loanDisbursed: true })).toEqual([]);
    expect(advanceReasons(5, stage('funded'), { documentRef: 'GSB-2569-001' })).toEqual([]);
  });
  it('counts a group at every stage its path reached', () => {
    expect(
      funnelCounts(
        4,
        new Map([
          [1, 5],
          [2, 3],
          [4, 1],
        ]),
      ),
    ).toEqual([9, 4, 1, 1]);
    expect(funnelCounts(3, new Map())).toEqual([0, 0, 0]);
  });
});

describe('standards', () => {
  it('checks the 13-digit FDA number', () => {
    expect(fdaNumberReasons('10-1-12345-2-0001')).toEqual([]);
    expect(fdaNumberReasons('40 2 12345 2 0001')).toEqual([]);
    expect(fdaNumberReasons('10-1-12345-2-001').map((r) => r.code)).toEqual(['fda-digits']);
    expect(fdaNumberReasons('0913123452000').map((r) => r.code)).toEqual(['fda-province']);
    expect(fdaNumberReasons('1031234520001').map((r) => r.code)).toEqual(['fda-office']);
    expect(fdaNumberReasons('9911234520001', new Set(['10', '40'])).map((r) => r.code)).toEqual(['fda-province']);
  });
  it('checks the มผช. standard number', () => {
    expect(tcpsStandardReasons('มผช. 123/2565')).toEqual([]);
    expect(tcpsStandardReasons('1081/2558')).toEqual([]);
    expect(tcpsStandardReasons('123-2565').map((r) => r.code)).toEqual(['tcps-standard']);
    expect(tcpsStandardReasons('123/1999')).toHaveLength(1);
  });
  it('gives มผช. three years and ends the day before the anniversary', () => {
    expect(expiryAfter('2024-05-10', 3)).toBe('2027-05-09');
    expect(expiryAfter('2024-02-29', 3)).toBe('2027-02-28');
  });
  it('reads validity in Bangkok time: the expiry day is valid until midnight in Bangkok', () => {
    const cert = { status: 'certified', issuedOn: '2024-01-01', expiresOn: '2026-12-03' };
    // 16:59 UTC on 3 Dec is 23:59 in Bangkok: still valid.
    expect(validityOf(cert, new Date('2026-12-03T16:59:00Z')).validity).toBe('expiring');
    // 17:00 UTC on 3 Dec is midnight of 4 Dec in Bangkok: expired, though UTC still says 3 Dec.
    expect(validityOf(cert, new Date('2026-12-03T17:00:00Z')).validity).toBe('expired');
    expect(validityOf({ ...cert, expiresOn: '2027-12-31' }, new Date('2026-12-03T00:00:00Z')).validity).toBe('valid');
    expect(validityOf({ ...cert, status: 'inspected' }, new Date('2026-12-03T00:00:00Z')).validity).toBe('not-certified');
  });
  it('removes the mark when the certificate expires', () => {
    const certs = [
      { kind: 'tcps', status: 'certified', issuedOn: '2023-12-04', expiresOn: '2026-12-03' },
      { kind: 'fda', status: 'submitted', issuedOn: null, expiresOn: null },
    ];
    expect(marksOf(certs, new Date('2026-12-03T10:00:00Z'))).toEqual(['tcps']);
    expect(marksOf(certs, new Date('2026-12-03T18:00:00Z'))).toEqual([]);
  });
  it('moves an application forward only', () => {
    expect(canMoveTo('preparing', 'submitted')).toBe(true);
    expect(canMoveTo('certified', 'preparing')).toBe(false);
    expect(canMoveTo('rejected', 'preparing')).toBe(true);
  });
  it('checks a community enterprise number', () => {
    expect(ceNumberReasons('4-40-01-01/1-0001')).toEqual([]);
    expect(ceNumberReasons('440010110001')).toHaveLength(1);
  });
  it('counts days in whole civil days', () => {
    expect(daysBetween('2025-03-01', '2025-03-31')).toBe(30);
    expect(daysBetween('2025-04-01', '2025-03-31')).toBe(-1);
  });
});

describe('visits made offline', () => {
  const base: VisitCopy = {
    visitedOn: '2026-12-01',
    officers: ['A'],
    progress: [],
    obstacles: [],
    actions: [],
    notes: [{ id: 'n0', author: 'A', text: 'first', at: '2026-12-01T03:00:00Z' }],
    latitude: 16.4,
    longitude: 102.8,
    editedAt: '2026-12-01T03:00:00Z',
  };
  it('keeps both officers’ notes and the later single fields', () => {
    const a = {
      ...base,
      notes: [...base.notes, { id: 'na', author: 'A', text: 'A saw the kiln', at: '2026-12-01T04:00:00Z' }],
      editedAt: '2026-12-01T04:00:00Z',
    };
    const b = {
      ...base,
      officers: ['B'],
      visitedOn: '2026-12-02',
      notes: [...base.notes, { id: 'nb', author: 'B', text: 'B saw the stock', at: '2026-12-01T05:00:00Z' }],
      editedAt: '2026-12-01T05:00:00Z',
    };
    const merged = mergeVisit(mergeVisit(base, a), b);
    expect(merged.notes.map((n) => n.id)).toEqual(['n0', 'na', 'nb']);
    expect(merged.officers.sort()).toEqual(['A', 'B']);
    expect(merged.visitedOn).toBe('2026-12-02');
    // The same copy twice changes nothing.
    expect(mergeVisit(merged, b)).toEqual(merged);
  });
});
