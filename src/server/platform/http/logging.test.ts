import { describe, expect, it } from 'vitest';
import { maskPersonalNumbers } from './logging';

describe('log masking', () => {
  it('masks national IDs and phone numbers in URLs, keeping first and last digits of the ID', () => {
    expect(maskPersonalNumbers('/api/people?nationalId=1234567890121')).toBe('/api/people?nationalId=1-xxxx-xxxxx-xx-1');
    expect(maskPersonalNumbers('/api/people/1-2345-67890-12-1')).toBe('/api/people/1-xxxx-xxxxx-xx-1');
    expect(maskPersonalNumbers('/api/people?phone=0812345678')).toBe('/api/people?phone=0xx-xxx-xxxx');
    expect(maskPersonalNumbers('/api/people?phone=081-234-5678')).toBe('/api/people?phone=0xx-xxx-xxxx');
  });

  it('leaves codes that are not personal numbers alone', () => {
    expect(maskPersonalNumbers('/api/geo/districts/1001/subdistricts?limit=20')).toBe('/api/geo/districts/1001/subdistricts?limit=20');
    expect(maskPersonalNumbers('/api/audit-events?before=123456')).toBe('/api/audit-events?before=123456');
  });
});
