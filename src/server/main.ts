import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, createServices } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { databaseCtype, openDatabase } from './db/engine';
import { migrate } from './db/migrator';
import { systemContext } from './platform/context';
import { loadReferenceData } from './reference-data';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/** Start-up: config → database → migrate → reference data → first administrator → listen. */
async function main() {
  const config = readConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.resolve(config.dataDir) });
  const version = await migrate(database);

  const ctype = await databaseCtype(database.db);
  if (database.engine === 'postgresql' && /^(C|POSIX)$/i.test(ctype)) {
    console.warn(`Warning: the database LC_CTYPE is ${ctype}; Thai trigram search needs C.UTF-8 or th_TH.UTF-8.`);
  }

  const services = createServices(database, config);
  const loaded = await loadReferenceData(database, services);
  const admin = await services.identity.ensureFirstAdministrator(systemContext('start-up'));

  const app = await buildApp({ database, config, services, logger: true, webRoot: path.join(PROJECT_ROOT, 'dist/web') });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  // A database migrated to the matching read model (schema 13) has job seekers without their
  // row: they are filled in the background, a batch at a time, while the system serves.
  void services.employment
    .fillMissingMatching()
    .then((filled) => filled && app.log.info({ filled }, 'matching read model: job seekers filled'))
    .catch((error: unknown) => app.log.error({ err: error }, 'matching read model: filling job seekers failed'));
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${path.resolve(config.dataDir)}`;
  console.log(
    `\nArcheep is running at http://localhost:${config.port}  (database: ${where}, schema v${version}` +
      (loaded.length ? `, loaded reference data: ${loaded.join(', ')})` : ')'),
  );
  console.log(`API reference: http://localhost:${config.port}/api/docs`);
  if (admin) {
    console.log(
      [
        '',
        '================================================================',
        ' First administrator created / สร้างผู้ดูแลระบบคนแรกแล้ว',
        `   username / ชื่อผู้ใช้:                        ${admin.username}`,
        `   one-time password / รหัสผ่านใช้ครั้งเดียว:   ${admin.oneTimePassword}`,
        ' Sign in and choose a new password. It is shown only this once.',
        ' เข้าสู่ระบบแล้วตั้งรหัสผ่านใหม่ รหัสนี้แสดงเพียงครั้งเดียว',
        '================================================================',
        '',
      ].join('\n'),
    );
  }
}

main().catch((error) => {
  console.error('Archeep could not start / ไม่สามารถเริ่มระบบได้:', error instanceof Error ? error.message : error);
  process.exit(1);
});
