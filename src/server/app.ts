import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { Database } from './db/engine';
import { schemaVersion } from './db/migrator';
import { auditRoutes } from './platform/audit/audit.routes';
import { createAuditTrail, type AuditTrailOptions } from './platform/audit/audit.service';
import { authPlugin } from './platform/auth/plugin';
import { createActorCache } from './platform/auth/actor-cache';
import { installErrorHandling, sendProblem } from './platform/http/error-handler';
import { loggerOptions } from './platform/http/logging';
import { installEdge, NONCE_PLACEHOLDER, newNonce, webAppPolicy } from './platform/http/edge';
import { problems } from './platform/problem';
import { createGeoService } from './modules/geo/geo.service';
import { geoRoutes } from './modules/geo/geo.routes';
import { createIdentityService } from './modules/identity/identity.service';
import { identityRoutes } from './modules/identity/identity.routes';
import { createOrgService } from './modules/org/org.service';
import { orgRoutes } from './modules/org/org.routes';
import { createJobRunner, type JobRunnerOptions } from './platform/jobs/jobs';
import { ALL_CONTRACTS } from './modules/contracts';
import { capabilitiesOf } from './modules/capabilities';
import { createRegistryService } from './modules/registry/registry.service';
import { registryRoutes } from './modules/registry/registry.routes';
import { createImportService, type ImportOptions } from './modules/registry/import/import.service';
import { importRoutes } from './modules/registry/import/import.routes';
import { credentialKek } from './modules/credentials/credential-kek';
import { createCredentialsService } from './modules/credentials/credentials.service';
import { createSigningPool, type SigningPool } from './modules/credentials/vc/pool';
import { credentialsRoutes } from './modules/credentials/credentials.routes';
import { createTrainingService } from './modules/training/training.service';
import { trainingRoutes } from './modules/training/training.routes';
import { createCompetencyService } from './modules/competency/competency.service';
import { competencyRoutes } from './modules/competency/competency.routes';
import { createPlanningService } from './modules/training/planning/planning.service';
import { planningRoutes } from './modules/training/planning/planning.routes';
import { createEmploymentService } from './modules/employment/employment.service';
import { employmentRoutes } from './modules/employment/employment.routes';
import { createEnterpriseService } from './modules/enterprise/enterprise.service';
import { enterpriseRoutes } from './modules/enterprise/enterprise.routes';
import { createMarketplaceService } from './modules/marketplace/marketplace.service';
import { marketplaceRoutes } from './modules/marketplace/marketplace.routes';
import { createFundingService } from './modules/funding/funding.service';
import { fundingRoutes } from './modules/funding/funding.routes';
import { createMonitoringRecorder, createMonitoringService } from './modules/monitoring/monitoring.service';
import { monitoringMoreRoutes, monitoringRoutes } from './modules/monitoring/monitoring.routes';
import { createMonitoringReports } from './modules/monitoring/reports.service';
import { createDataQuality } from './modules/monitoring/quality.service';
import { monitoringReportRoutes } from './modules/monitoring/reports.routes';
import { createNotificationsService, type NotificationsOptions } from './modules/notifications/notifications.service';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { createSelfserviceService } from './modules/selfservice/selfservice.service';
import { selfserviceRoutes } from './modules/selfservice/selfservice.routes';
import { createCitizenSignInService } from './modules/identity/sign-in/citizen-sign-in.service';
import { signInRoutes } from './modules/identity/sign-in/sign-in.routes';
import { SelfRegistrationBody } from './modules/registry/registry.schemas';

export interface AppOptions {
  database: Database;
  config: Config;
  /** Log to stdout (the server) or not at all (tests). */
  logger?: boolean;
  /** Folder of the built web app to serve; null serves the API alone. */
  webRoot?: string | null;
  /** Services already built by the caller (start-up uses them before listening); built here otherwise. */
  services?: Services;
}

/** The services, built once per app; routes and scripts call these, never repositories. */
export function createServices(
  database: Database,
  config: Config,
  options: {
    jobs?: JobRunnerOptions;
    imports?: ImportOptions;
    actorCacheMs?: number;
    audit?: Pick<AuditTrailOptions, 'sealIntervalMs' | 'batchSize'>;
    /** Another signing pool (the certificates benchmark's unsigned limit); one of `SIGNING_THREADS` threads otherwise. */
    signingPool?: SigningPool;
    notifications?: NotificationsOptions;
  } = {},
) {
  const db = database.db;
  const jobs = createJobRunner(db, options.jobs);
  // One key-encryption key, kept outside the database, seals the issuers' keys and the audit
  // trail's checkpoint key: platform/ is handed it rather than importing the credentials module.
  const kek = credentialKek({ secret: config.credentialKeySecret, dataDir: config.dataDir });
  const audit = createAuditTrail({
    db,
    kek,
    checkpointDir: config.auditCheckpointDir,
    boundMs: config.auditSealBoundSeconds * 1000,
    checkpointEveryMs: config.auditCheckpointMinutes * 60_000,
    onError: (error) => console.error('audit sealer:', error instanceof Error ? error.message : error),
    ...options.audit,
  });
  // Signatures are made on worker threads, one per core by default: off the thread that serves
  // requests, and outside the transactions that write what was signed.
  const signingPool = options.signingPool ?? createSigningPool({ threads: config.signingThreads });
  const geo = createGeoService({ db });
  const org = createOrgService({ db, geo });
  const actors = createActorCache({ ttlMs: options.actorCacheMs });
  const identity = createIdentityService({ db, org, config, actors, capabilitiesOf, kek });
  // Monitoring's recorder comes first: the modules tell it their facts in their own transactions.
  const recorder = createMonitoringRecorder();
  const registry = createRegistryService({ db, geo, org, identity, links: ALL_CONTRACTS.flatMap((c) => c.links), facts: recorder.count });
  // Notifications come next: the modules write their messages in their own transactions.
  // Sign-in before notifications: a message to LINE goes to the id her LINE Login link gave.
  const citizenSignIn = createCitizenSignInService({ db, config, identity, registry });
  const notifications = createNotificationsService({ db, geo, registry, signIn: citizenSignIn, jobs, config, options: options.notifications });
  const notify = notifications.enqueue;
  // PostgreSQL writes two import batches at once (one per core here); PGlite has one connection.
  const imports = createImportService({
    db,
    registry,
    jobs,
    withCopy: database.withCopy?.bind(database),
    options: { concurrency: database.engine === 'postgresql' ? 2 : 1, ...options.imports },
  });
  const credentials = createCredentialsService({
    db,
    geo,
    org,
    registry,
    publicUrl: config.publicUrl,
    kek,
    pool: signingPool,
    notify,
  });
  const training = createTrainingService({ db, geo, org, registry, credentials, jobs, facts: recorder.count, notify });
  const planning = createPlanningService({ db, geo });
  const competency = createCompetencyService({ db, org, geo, registry, identity, credentials, training });
  const employment = createEmploymentService({ db, geo, org, registry, identity, credentials, training, competency, facts: recorder.count, notify });
  const enterprise = createEnterpriseService({ db, geo, org, registry, training, facts: recorder.count });
  const marketplace = createMarketplaceService({ db, geo, registry, enterprise, identity, publicUrl: config.publicUrl, facts: recorder.count, notify });
  const funding = createFundingService({ db, geo, org, registry, training, enterprise, identity, jobs, facts: recorder.count, notify });
  const monitoring = createMonitoringService({ db, geo, registry, training, employment, enterprise, funding, marketplace });
  const monitoringReports = createMonitoringReports({ db, geo, jobs });
  const dataQuality = createDataQuality({ geo, registry, employment });
  const selfservice = createSelfserviceService({ db, geo, org, identity, registry, training, credentials, competency, employment, enterprise, funding });
  return {
    audit,
    jobs,
    signingPool,
    actors,
    geo,
    org,
    identity,
    registry,
    imports,
    credentials,
    training,
    planning,
    competency,
    employment,
    enterprise,
    marketplace,
    funding,
    monitoring,
    monitoringReports,
    dataQuality,
    notifications,
    selfservice,
    citizenSignIn,
  };
}
export type Services = ReturnType<typeof createServices>;

/** Builds the whole HTTP application; `main.ts` listens with it and tests `inject` into it. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  const app = Fastify({
    logger: options.logger ? loggerOptions(config.logLevel) : false,
    bodyLimit: config.bodyLimitBytes,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  // The edge: unstorable text refused, cross-site changes refused, security headers on every answer.
  installEdge(app, { publicUrl: config.publicUrl, hsts: config.publicUrl.startsWith('https:') || config.cookieSecure });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Archeep API',
        version: '0.1.0',
        description:
          'Archeep (อาชีพ): occupation development for vulnerable people and community occupation groups. ' +
          'Every failure is an RFC 9457 problem document with Thai and English messages. ' +
          'Sign in with POST /api/auth/sign-in; the session travels in an HttpOnly cookie.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'archeep_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const problem = problems.tooManyRequests(Math.ceil(context.ttl / 1000));
      return Object.assign(problem, { statusCode: 429 });
    },
  });

  const services = options.services ?? createServices(database, config);
  await app.register(authPlugin, { db: database.db, loadActor: services.identity.loadActor, cache: services.actors });

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness, database engine and migration version',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgresql']), schemaVersion: z.number().int() }) },
      },
    },
    async () => ({ status: 'ok' as const, engine: database.engine, schemaVersion: await schemaVersion(database) }),
  );

  await app.register(geoRoutes, { geo: services.geo });
  await app.register(orgRoutes, { org: services.org });
  await app.register(identityRoutes, { identity: services.identity, cookieSecure: config.cookieSecure, signInRateLimit: 30 });
  await app.register(auditRoutes, { db: database.db, audit: services.audit });
  await app.register(registryRoutes, { registry: services.registry });
  await app.register(importRoutes, { imports: services.imports });
  await app.register(credentialsRoutes, { credentials: services.credentials });
  await app.register(trainingRoutes, { training: services.training });
  await app.register(planningRoutes, { planning: services.planning });
  await app.register(competencyRoutes, { competency: services.competency });
  await app.register(employmentRoutes, { employment: services.employment });
  await app.register(enterpriseRoutes, { enterprise: services.enterprise });
  await app.register(marketplaceRoutes, { marketplace: services.marketplace });
  await app.register(fundingRoutes, { funding: services.funding });
  await app.register(monitoringRoutes, { monitoring: services.monitoring });
  await app.register(monitoringMoreRoutes, { monitoring: services.monitoring });
  await app.register(monitoringReportRoutes, { reports: services.monitoringReports, quality: services.dataQuality });
  await app.register(notificationsRoutes, { notifications: services.notifications });
  await app.register(selfserviceRoutes, { selfservice: services.selfservice });
  await app.register(signInRoutes, {
    signIn: services.citizenSignIn,
    identity: services.identity,
    cookieSecure: config.cookieSecure,
    publicUrl: config.publicUrl,
    selfRegistrationBody: SelfRegistrationBody,
  });

  // Background jobs run while the app is up; a job cut off by a stop is resumed by the next start.
  app.addHook('onReady', async () => services.jobs.start());
  app.addHook('onClose', async () => services.jobs.stop());
  // After the jobs (a certificates job in hand finishes its batch first).
  app.addHook('onClose', async () => services.signingPool.close());
  // Every process seals the audit trail (one pass at a time across them); a stop seals what is
  // committed and signs a checkpoint of it.
  app.addHook('onReady', async () => services.audit.start());
  app.addHook('onClose', async () => services.audit.stop());
  // Housekeeping, hourly and at start: import files past their retention period are purged, old
  // sign-in failures forgotten. Idempotent, so every process may run it.
  let housekeeping: NodeJS.Timeout | undefined;
  const tidy = () =>
    Promise.all([
      services.imports.purgeExpired(config.importRetentionDays),
      services.identity.forgetOldSignInFailures(),
      services.citizenSignIn.forgetExpired(),
      // Once a day across processes: listings whose certificate lapsed are unlisted and their groups told.
      services.marketplace.dailySweep(),
      // From 08:00 in Bangkok: tomorrow's sessions and the follow-ups falling due are told to
      // their people; the outbox's event keys make every later pass (and every process) write nothing.
      services.training.remindTomorrow(),
      services.employment.remindFollowUpsDue(),
    ]).catch((error: unknown) => app.log.error({ err: error }, 'housekeeping failed'));
  app.addHook('onReady', async () => {
    void tidy();
    housekeeping = setInterval(() => void tidy(), 3_600_000);
    housekeeping.unref();
  });
  app.addHook('onClose', async () => clearInterval(housekeeping));
  // Notifications waiting out a retry's backoff are sent by a job queued when they fall due.
  let notifyTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    notifyTimer = setInterval(
      () => void services.notifications.kickIfDue().catch((error: unknown) => app.log.error({ err: error }, 'notifications failed')),
      15_000,
    );
    notifyTimer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(notifyTimer);
    services.notifications.close();
  });

  const webRoot = options.webRoot;
  const serveWeb = Boolean(webRoot && existsSync(path.join(webRoot, 'index.html')));
  if (serveWeb) {
    // index.html is never served as a file: only below, with this answer's nonce.
    await app.register(fastifyStatic, {
      root: path.resolve(webRoot!),
      wildcard: false,
      index: false,
      maxAge: '1h',
      allowedPath: (pathName) => pathName !== '/index.html',
    });
  }
  const indexHtml = serveWeb ? readFileSync(path.join(webRoot!, 'index.html'), 'utf8') : '';
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !serveWeb || request.method !== 'GET') {
      return sendProblem(
        reply,
        problems.notFound({ en: `No route ${request.method} ${request.url.split('?')[0]}.`, th: `ไม่มีเส้นทาง ${request.method} ${request.url.split('?')[0]}` }),
      );
    }
    // The web app routes on the client: every other GET is its index page.
    // Each answer gets its own nonce: the scripts and styles Vite wrote carry it, Mantine reads it
    // from the csp-nonce meta tag for the styles it injects, and nothing else may run.
    const nonce = newNonce();
    reply.header('cache-control', 'no-store');
    reply.header('content-security-policy', webAppPolicy(nonce));
    return reply.type('text/html; charset=utf-8').send(indexHtml.replaceAll(NONCE_PLACEHOLDER, nonce));
  });

  return app;
}
