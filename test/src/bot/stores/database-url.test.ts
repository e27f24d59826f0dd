import { loadEngineConfig } from '../../../../src/config.js';
import { ConfigError } from '../../../../src/errors.js';

/** DATABASE_URL is parsed once with the rest of the configuration: a bad one stops the start, naming the key but never the value. */
test.each([
  'postgres://bot:pw@db.example:5432/casefile',
  'postgresql://bot@localhost/casefile',
  'postgres:///casefile?host=/run/postgresql',
])('accepts %s', (url) => {
  expect(loadEngineConfig({ DATABASE_URL: url }, '/tmp').DATABASE_URL).toBe(url);
});

test('unset or empty means the SQLite store', () => {
  expect(loadEngineConfig({}, '/tmp').DATABASE_URL).toBeUndefined();
  expect(loadEngineConfig({ DATABASE_URL: '  ' }, '/tmp').DATABASE_URL).toBeUndefined();
});

test.each(['mysql://bot:s3cret-pw@db/casefile', 'db.example:5432', 'postgres://', 'not a url s3cret-pw'])(
  'refuses %s, naming the key and not the value',
  (url) => {
    const error = (() => {
      try {
        loadEngineConfig({ DATABASE_URL: url }, '/tmp');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/DATABASE_URL must be a PostgreSQL URL/);
    expect((error as Error).message).not.toContain('s3cret');
  },
);
