import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has defaults that run with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: './data', databaseUrl: undefined, cookieSecure: false });
  });

  it('names every wrong variable', () => {
    const thrown = (() => {
      try {
        loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(/PORT/);
    expect((thrown as Error).message).toMatch(/DATABASE_URL: must start with postgres/);
  });

  it('reads the documented variables', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db', ARCHEEP_DATA_DIR: '/var/lib/archeep', COOKIE_SECURE: 'true' });
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgres://u@h/db', dataDir: '/var/lib/archeep', cookieSecure: true });
  });

  it('keeps the audit checkpoints beside the data folder, and refuses them inside it', () => {
    expect(loadConfig({ ARCHEEP_DATA_DIR: '/var/lib/archeep/' }).auditCheckpointDir).toBe('/var/lib/archeep-audit');
    expect(() => loadConfig({ ARCHEEP_DATA_DIR: '/var/lib/archeep', AUDIT_CHECKPOINT_DIR: '/var/lib/archeep/checkpoints' })).toThrow(
      /AUDIT_CHECKPOINT_DIR: must be outside ARCHEEP_DATA_DIR/,
    );
  });

  it('makes the session cookie Secure by default whenever the public address is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://archeep.example.go.th' }).cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).cookieSecure).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://archeep.example.go.th', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });
});
