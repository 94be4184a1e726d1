import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../src/server/reference-data';
import { createTestApp, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';

describe.each(ENGINES)('reference data on %s', (engine) => {
  let t: TestApp;
  const get = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url });
    expect(response.statusCode, url).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.dispose());

  it('reports the engine and schema version', async () => {
    expect(await get('/api/health')).toEqual({ status: 'ok', engine, schemaVersion: expect.any(Number) });
  });

  it('holds 6 regions, 77 provinces, 928 districts and 7,436 sub-districts', async () => {
    const count = async (table: 'region' | 'province' | 'district' | 'subdistrict') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect([await count('region'), await count('province'), await count('district'), await count('subdistrict')]).toEqual([6, 77, 928, 7436]);
  });

  it('walks region → province → district → sub-district', async () => {
    const provinces = await get('/api/geo/provinces?region=NE');
    expect(provinces.map((p: { nameEn: string }) => p.nameEn)).toContain('Khon Kaen');
    const districts = await get('/api/geo/provinces/10/districts');
    expect(districts[0]).toMatchObject({ code: '1001', nameTh: 'พระนคร', nameEn: 'Phra Nakhon' });
    const subdistricts = await get('/api/geo/districts/1001/subdistricts');
    expect(subdistricts[0]).toMatchObject({ code: '100101', nameTh: 'พระบรมมหาราชวัง', postcode: '10200' });
  });

  it('finds "พระบรมมหาราชวัง" and "Phra Nakhon" by search, best match first', async () => {
    const thai = await get(`/api/geo/search?q=${encodeURIComponent('พระบรมมหาราชวัง')}`);
    expect(thai[0]).toMatchObject({ level: 'subdistrict', code: '100101', district: { code: '1001' }, province: { code: '10' } });
    const english = await get('/api/geo/search?q=Phra%20Nakhon');
    expect(english[0]).toMatchObject({ level: 'district', code: '1001', nameEn: 'Phra Nakhon' });
    const partial = await get(`/api/geo/search?q=${encodeURIComponent('บรมมหา')}`);
    expect(partial.map((m: { code: string }) => m.code)).toContain('100101');
  });

  it('ships the agencies of the seeds and their units', async () => {
    const agencies = await get('/api/agencies');
    const abbrs = agencies.map((a: { abbrTh: string | null }) => a.abbrTh);
    for (const abbr of ['สค.', 'กพร.', 'กกจ.', 'สดช.', 'สพธอ.']) expect(abbrs).toContain(abbr);
    const units = await t.database.db.selectFrom('unit').select(['kind']).execute();
    const byKind = (kind: string) => units.filter((u) => u.kind === kind).length;
    expect(byKind('learning-centre')).toBe(8);
    expect(byKind('provincial-skill-development-office')).toBe(77);
    expect(byKind('provincial-employment-office')).toBe(77);
    const targetGroups = await get('/api/target-groups');
    expect(targetGroups.find((g: { sensitive: boolean }) => g.sensitive)).toBeTruthy();
  });

  it('does not reload unchanged reference data on a later start', async () => {
    expect(await loadReferenceData(t.database, t.services)).toEqual([]);
  });

  it('serves the province map', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/geo/provinces.geojson' });
    expect(response.statusCode).toBe(200);
    expect(response.json().features).toHaveLength(77);
  });
});
