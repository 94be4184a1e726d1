import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { POLICY_ENGINE } from '../helpers/database';
import { nationalId, personBody } from '../helpers/people';

/**
 * Issue 15 findings 8 (cross-site requests), 9 (headers) and 10 (birth dates, passports that are
 * Thai IDs), each as the probe found it.
 */
describe.each(POLICY_ENGINE)('the HTTP edge on %s', (engine) => {
  let t: TestApp;
  let admin: StaffAccount;
  let officer: StaffAccount;
  let target: StaffAccount;
  let webRoot: string;
  const audits = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    webRoot = mkdtempSync(path.join(tmpdir(), 'archeep-web-'));
    writeFileSync(
      path.join(webRoot, 'index.html'),
      '<!doctype html><html><head><meta property="csp-nonce" nonce="__ARCHEEP_CSP_NONCE__"><script type="module" nonce="__ARCHEEP_CSP_NONCE__" src="/assets/app.js"></script></head><body></body></html>',
    );
    t = await createTestApp(engine, { publicUrl: 'https://archeep.example.go.th', cookieSecure: true }, { webRoot });
    admin = await t.createStaff({ roles: [{ role: 'system_admin' }] });
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
    target = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }] });
  });
  afterAll(async () => {
    await t?.dispose();
    rmSync(webRoot, { recursive: true, force: true });
  });

  describe('cross-site requests (finding 8)', () => {
    const reset = (headers: Record<string, string>, payload?: string) =>
      t.app.inject({ method: 'POST', url: `/api/users/${target.id}/reset-password`, headers: { cookie: admin.cookie, ...headers }, payload });

    it('refuses a password reset posted as text/plain from a foreign origin, changing nothing', async () => {
      const before = await audits();
      const response = await reset({ origin: 'https://evil.example', 'content-type': 'text/plain' }, 'x');
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toContain('https://evil.example');
      expect(await audits()).toBe(before);
      // The target's password still works.
      await expect(t.signIn(target.username, target.password)).resolves.toContain('archeep_session=');
    });

    it('refuses what the browser marks cross-site or same-site, whatever the origin says', async () => {
      expect((await reset({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
      expect((await reset({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
      expect((await reset({ origin: 'null' })).statusCode).toBe(403);
    });

    it('refuses a text/plain body even from its own origin (415)', async () => {
      const response = await reset({ origin: 'https://archeep.example.go.th', 'content-type': 'text/plain' }, 'x');
      expect(response.statusCode).toBe(415);
      expect(response.json().titleTh).toBeTruthy();
    });

    it('accepts its own pages: the public origin, or the host it was sent to', async () => {
      expect((await reset({ origin: 'https://archeep.example.go.th', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
      expect((await reset({ origin: 'http://localhost:80', host: 'localhost:80' })).statusCode).toBe(200);
      // Reads are never refused for their origin.
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin.cookie, 'sec-fetch-site': 'cross-site' } });
      expect(me.statusCode).toBe(200);
    });
  });

  describe('headers (finding 9)', () => {
    it('serves the web app with a fresh nonce in a policy without unsafe-inline scripts', async () => {
      const first = await t.app.inject({ method: 'GET', url: '/people/1' });
      const second = await t.app.inject({ method: 'GET', url: '/' });
      const policy = String(first.headers['content-security-policy']);
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce).toBeTruthy();
      expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(first.body).toContain(`nonce="${nonce}"`);
      expect(first.body).not.toContain('__ARCHEEP_CSP_NONCE__');
      expect(second.headers['content-security-policy']).not.toContain(nonce!);
      expect(first.headers['cache-control']).toBe('no-store');
      // index.html is never served as a plain file, placeholder and all.
      expect((await t.app.inject({ method: 'GET', url: '/index.html' })).body).not.toContain('__ARCHEEP_CSP_NONCE__');
    });

    it('sends HSTS under https, and no-store and a script-free policy on API answers with personal data', async () => {
      const created = await t.app.inject({ method: 'POST', url: '/api/people', headers: { cookie: officer.cookie }, payload: personBody() });
      expect(created.statusCode, created.body).toBe(201);
      const page = await t.app.inject({ method: 'GET', url: `/api/people/${created.json().id}`, headers: { cookie: officer.cookie } });
      expect(page.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['content-security-policy']).toContain("default-src 'none'");
      const printable = await t.app.inject({ method: 'GET', url: `/api/people/${created.json().id}/export?format=html`, headers: { cookie: officer.cookie } });
      expect(printable.headers['cache-control']).toBe('no-store');
      expect(printable.headers['content-security-policy']).not.toContain('script-src');
    });

    it('sets the session cookie Secure under https', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: officer.username, password: officer.password } });
      expect(String(response.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    });
  });

  describe('weak inputs (finding 10)', () => {
    const register = (overrides: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/people', headers: { cookie: officer.cookie }, payload: personBody(overrides) });

    it('refuses birth dates before 1900 or in the future, naming the field', async () => {
      for (const birthDate of ['0001-01-01', '1899-12-31', '2999-01-01']) {
        const response = await register({ birthDate });
        expect(response.statusCode, birthDate).toBe(400);
        expect(response.json().errors.map((e: { field: string }) => e.field)).toContain('body.birthDate');
      }
      expect((await register({ birthDate: '1900-01-01' })).statusCode).toBe(201);
    });

    it('refuses a passport number that is a Thai national ID, so one ID cannot hold two records', async () => {
      const id = nationalId(424_242);
      expect((await register({ docNumber: id })).statusCode).toBe(201);
      for (const docType of ['passport', 'work-permit', 'other']) {
        const response = await register({ docType, docNumber: `${id.slice(0, 1)}-${id.slice(1, 5)}-${id.slice(5)}` });
        expect(response.statusCode, docType).toBe(400);
        expect(response.json().errors[0]).toMatchObject({ field: 'body.docNumber', message: expect.stringContaining('Thai national ID') });
        expect(response.json().errors[0].messageTh).toContain('เลขประจำตัวประชาชน');
      }
      expect((await register({ docType: 'passport', docNumber: 'AA1234567' })).statusCode).toBe(201);
    });
  });
});
