import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { pickAtProvider, startRogueProvider, startStandins, type RogueProvider, type RogueScenario, type Standins } from '../helpers/oidc';
import { personBody } from '../helpers/people';

const KK_OFFICE = 'DSD-PSDO-40';
const cookieOf = (response: { cookies: { name: string; value: string }[] }, name: string) => response.cookies.find((c) => c.name === name)?.value;

/** Starts a ThaiD sign-in at the app, picks the citizen at the provider: the callback to send and the browser's binding cookie. */
async function throughThaid(t: TestApp, sub: string) {
  const started = await t.app.inject({ method: 'GET', url: '/api/auth/thaid/start' });
  expect(started.statusCode).toBe(302);
  const binding = cookieOf(started, 'archeep_oidc')!;
  const callback = await pickAtProvider(started.headers.location as string, sub);
  return { binding, callback };
}

const callBack = (t: TestApp, flow: { binding: string; callback: URL }) =>
  t.app.inject({ method: 'GET', url: `${flow.callback.pathname}${flow.callback.search}`, headers: { cookie: `archeep_oidc=${flow.binding}` } });

const sessionOf = (response: { cookies: { name: string; value: string }[] }) => `archeep_session=${cookieOf(response, 'archeep_session')}`;

describe.each(ENGINES)('citizen sign-in with ThaiD and LINE on %s', (engine) => {
  let t: TestApp;
  let standins: Standins;
  let officer: StaffAccount;
  const [registered, newcomer, another] = ['thaid-0001', 'thaid-0002', 'thaid-0003'];

  beforeAll(async () => {
    standins = await startStandins();
    t = await createTestApp(engine, { ...standins.config });
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: KK_OFFICE }] });
  });
  afterAll(async () => {
    await t?.dispose();
    await standins?.close();
  });

  it('offers ThaiD and LINE when configured, and nothing when not', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/providers' })).json()).toEqual({ thaid: true, line: true });
    const off = await createTestApp(engine);
    try {
      expect((await off.app.inject({ method: 'GET', url: '/api/auth/providers' })).json()).toEqual({ thaid: false, line: false });
      const start = await off.app.inject({ method: 'GET', url: '/api/auth/thaid/start' });
      expect(start.statusCode).toBe(404);
      expect(start.json()).toMatchObject({ type: expect.stringContaining('sign-in-provider-off'), detailTh: expect.stringContaining('ThaiD') });
    } finally {
      await off.dispose();
    }
  });

  it('sends the browser to ThaiD with PKCE (S256), state and nonce, the secrets kept on the server', async () => {
    const started = await t.app.inject({ method: 'GET', url: '/api/auth/thaid/start' });
    const url = new URL(started.headers.location as string);
    expect(url.origin).toBe(standins.thaid.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('scope')).toBe('openid pid name birthdate');
    const cookie = started.cookies.find((c) => c.name === 'archeep_oidc')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth' });
    // The verifier and nonce are not in the cookie: it is a random handle whose hash the row keeps.
    const row = await t.database.db.selectFrom('oidc_transaction').selectAll().where('state', '=', url.searchParams.get('state')!).executeTakeFirstOrThrow();
    expect(row.binding_hash).not.toBe(cookie.value);
    expect(row.code_verifier).not.toContain(cookie.value);
  });

  it('a new ID signs in, registers herself on the form with ID and name fixed from the token, and becomes her record’s citizen', async () => {
    const flow = await throughThaid(t, newcomer);
    const answer = await callBack(t, flow);
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe('/register-self');
    const cookie = sessionOf(answer);
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();
    expect(me).toMatchObject({ personId: null, displayName: 'มาลี ใจงาม', roles: [expect.objectContaining({ role: 'citizen' })] });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/links', headers: { cookie } })).json()).toMatchObject({
      thaid: true,
      line: false,
      needsRegistration: true,
    });
    const fixed = (await t.app.inject({ method: 'GET', url: '/api/auth/self-registration', headers: { cookie } })).json();
    expect(fixed).toEqual({ nationalId: '1100700123455', firstNameTh: 'มาลี', lastNameTh: 'ใจงาม', birthDate: '1990-11-02' });

    // The body has no place for another ID or name.
    const { docType: _t, docNumber: _n, firstNameTh: _f, lastNameTh: _l, ...form } = personBody({ birthDate: '1990-11-02' });
    const sneaky = await t.app.inject({
      method: 'POST',
      url: '/api/auth/self-registration',
      headers: { cookie },
      payload: { ...form, docNumber: '3100100123451' },
    });
    expect(sneaky.statusCode).toBe(400);
    const registeredSelf = await t.app.inject({
      method: 'POST',
      url: '/api/auth/self-registration',
      headers: { cookie },
      payload: { ...form, consents: [{ purpose: 'sensitive-data' }, { purpose: 'contact' }] },
    });
    expect(registeredSelf.statusCode, registeredSelf.body).toBe(201);
    const { personId } = registeredSelf.json();
    const person = await t.database.db.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ doc_number: '1100700123455', first_name_th: 'มาลี', last_name_th: 'ใจงาม', source: 'self', registered_unit_code: null });
    const consents = await t.database.db.selectFrom('consent').selectAll().where('person_id', '=', personId).orderBy('purpose').execute();
    expect(consents.map((c) => [c.purpose, c.lawful_basis])).toEqual([
      ['contact', 'consent'],
      ['sensitive-data', 'explicit-consent'],
    ]);
    // She is her record's citizen now: her own record, and nobody else's.
    const mine = await t.app.inject({ method: 'GET', url: '/api/my/record', headers: { cookie } });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ id: personId });
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${personId}`, headers: { cookie } })).statusCode).toBe(403);
    // Registering again is refused; the audit trail has her registration and the link.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/self-registration', headers: { cookie }, payload: form })).statusCode).toBe(409);
    const actions = (
      await t.database.db
        .selectFrom('audit_event')
        .select('action')
        .where('entity_id', 'in', [String(personId), me.id])
        .execute()
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create_citizen_thaid', 'session.sign_in', 'person.create', 'user.link_person']));
    // Signing in again goes straight home, the same account and person.
    const again = await callBack(t, await throughThaid(t, newcomer));
    expect(again.headers.location).toBe('/');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionOf(again) } })).json()).toMatchObject({ id: me.id, personId });
  });

  it('an ID already registered is linked to that person (her account, when she has one), never a second person', async () => {
    const registeredBody = personBody({ docNumber: '1400100000015', firstNameTh: 'ประสิทธิ์', lastNameTh: 'มั่นคงดี', title: 'mr', sex: 'male', targetGroups: [] });
    const created = await t.app.inject({ method: 'POST', url: '/api/people', headers: { cookie: officer.cookie }, payload: registeredBody });
    expect(created.statusCode, created.body).toBe(201);
    const personId = created.json().id as number;
    const account = await t.app.inject({
      method: 'POST',
      url: `/api/people/${personId}/citizen-account`,
      headers: { cookie: officer.cookie },
      payload: { username: 'prasit.m' },
    });
    expect(account.statusCode, account.body).toBe(201);
    const peopleBefore = await t.database.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    const answer = await callBack(t, await throughThaid(t, registered));
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe('/');
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionOf(answer) } })).json();
    expect(me).toMatchObject({ username: 'prasit.m', personId });
    const peopleAfter = await t.database.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(peopleAfter.n)).toBe(Number(peopleBefore.n));
    const accounts = await t.database.db.selectFrom('app_user').select('id').where('person_id', '=', personId).execute();
    expect(accounts).toHaveLength(1);
    expect(await t.database.db.selectFrom('external_identity').select('user_id').where('subject', '=', registered).execute()).toEqual([{ user_id: me.id }]);
  });

  it('two sign-ins at once for the same new ID make one account', async () => {
    const flows = [await throughThaid(t, another), await throughThaid(t, another)];
    const answers = await Promise.all(flows.map((f) => callBack(t, f)));
    expect(answers.map((a) => a.statusCode)).toEqual([302, 302]);
    const ids = await Promise.all(
      answers.map(async (a) => (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionOf(a) } })).json().id),
    );
    expect(ids[0]).toBe(ids[1]);
    expect(await t.database.db.selectFrom('external_identity').select('user_id').where('national_id', '=', '3401200345674').execute()).toHaveLength(1);
  });

  it('refuses a replayed callback, a callback from another browser and an unknown state', async () => {
    const flow = await throughThaid(t, newcomer);
    expect((await callBack(t, flow)).statusCode).toBe(302);
    const replayed = await callBack(t, flow);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toMatchObject({ type: expect.stringContaining('sign-in-refused'), detail: expect.stringContaining('unknown-or-used-state') });
    expect(replayed.cookies.find((c) => c.name === 'archeep_session')).toBeUndefined();

    const stolen = await throughThaid(t, newcomer);
    const elsewhere = await callBack(t, { ...stolen, binding: 'another-browser' });
    expect(elsewhere.statusCode).toBe(401);
    expect(elsewhere.json().detail).toContain('other-browser');
    // The request is spent: the right browser cannot use it afterwards either.
    expect((await callBack(t, stolen)).statusCode).toBe(401);

    const forged = await t.app.inject({ method: 'GET', url: '/api/auth/thaid/callback?code=x&state=never-issued', headers: { accept: 'text/html' } });
    expect(forged.statusCode).toBe(302);
    expect(forged.headers.location).toBe('/sign-in?failed=thaid');
  });

  it('links LINE after a ThaiD sign-in and answers the LINE user id for notifications', async () => {
    const signedIn = await callBack(t, await throughThaid(t, newcomer));
    const cookie = sessionOf(signedIn);
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();
    expect(await t.services.citizenSignIn.lineUserIdOf(me.personId)).toBeNull();
    const started = await t.app.inject({ method: 'GET', url: '/api/auth/line/start', headers: { cookie } });
    expect(started.statusCode).toBe(302);
    expect(new URL(started.headers.location as string).origin).toBe(standins.line.issuer);
    const callback = await pickAtProvider(started.headers.location as string, newcomer);
    // LINE's redirect is cross-site: the strict session cookie does not come back, the binding does.
    const linked = await t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: `archeep_oidc=${cookieOf(started, 'archeep_oidc')}` },
    });
    expect(linked.statusCode, linked.body).toBe(302);
    expect(linked.headers.location).toBe('/account?linked=line');
    expect(await t.services.citizenSignIn.lineUserIdOf(me.personId)).toBe(`U${'b2'.repeat(16)}`);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/links', headers: { cookie } })).json()).toMatchObject({ thaid: true, line: true });
    // A staff account has no ThaiD sign-in to link LINE to.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/line/start', headers: { cookie: officer.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/auth/line', headers: { cookie } })).statusCode).toBe(204);
    expect(await t.services.citizenSignIn.lineUserIdOf(me.personId)).toBeNull();
  });
});

describe.each(ENGINES)('the ID token is checked (signature, issuer, audience, expiry, nonce) on %s', (engine) => {
  let t: TestApp;
  let rogue: RogueProvider;

  beforeAll(async () => {
    rogue = await startRogueProvider('1100700123455');
    t = await createTestApp(engine, { thaid: rogue.config });
  });
  afterAll(async () => {
    await t?.dispose();
    await rogue?.close();
  });

  const attempt = async (scenario: RogueScenario) => {
    rogue.scenario = scenario;
    const started = await t.app.inject({ method: 'GET', url: '/api/auth/thaid/start' });
    const authorize = await fetch(started.headers.location as string, { redirect: 'manual' });
    const back = new URL(authorize.headers.get('location')!);
    return t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { cookie: `archeep_oidc=${cookieOf(started, 'archeep_oidc')}` } });
  };

  it('accepts a well-made token from this provider (the set-up itself is sound)', async () => {
    const answer = await attempt('good');
    expect(answer.statusCode, answer.body).toBe(302);
  });

  it.each<[RogueScenario, RegExp]>([
    ['other-audience', /aud/i],
    ['expired', /exp/i],
    ['wrong-nonce', /nonce/i],
    ['wrong-issuer', /iss/i],
    ['unknown-key', /key|signature|kid|JWK/i],
    ['unsigned', /alg|signature|unsupported|JWS/i],
  ])('refuses a token with %s', async (scenario, why) => {
    const answer = await attempt(scenario);
    expect(answer.statusCode, answer.body).toBe(401);
    expect(answer.json().detail).toContain('token-not-verified');
    // The client library's reason is in the audit trail, not in the answer.
    const refusal = await t.database.db
      .selectFrom('audit_event')
      .select('after')
      .where('action', '=', 'session.sign_in_refused')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect((refusal.after as { detail: string }).detail).toMatch(why);
    expect(answer.cookies.find((c) => c.name === 'archeep_session')).toBeUndefined();
  });

  it('refuses a national ID whose checksum fails', async () => {
    const answer = await attempt('bad-pid');
    expect(answer.statusCode).toBe(401);
    expect(answer.json().detail).toContain('national ID');
  });
});
