import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has safe defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      databaseUrl: 'sqlite:./data/tidings.db',
      port: 8080,
      host: '127.0.0.1',
      baseUrl: 'http://localhost:8080',
      allowPrivateNetworks: false,
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads and validates the environment', () => {
    const c = loadConfig({
      PORT: '9000',
      BASE_URL: 'https://news.example.org/',
      TIDINGS_ALLOW_PRIVATE_NETWORKS: '1',
    });
    expect(c).toMatchObject({
      port: 9000,
      baseUrl: 'https://news.example.org',
      allowPrivateNetworks: true,
    });
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/DATABASE_URL/);
    }
  });
});
