import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCliConfig } from '../src/cli/load-cli-config';
import { parseCliArguments } from '../src/cli/parse-cli-arguments';
import { InvalidOptionError, validateConfig } from '../src/index';

describe('the CLI arguments', () => {
  it('reads the documented flags, port 8787 by default', async () => {
    const parsed = parseCliArguments(['--scenario', '429-storm', '--seed', '5']);
    expect(parsed).toMatchObject({ scenario: '429-storm', seed: 5, port: undefined });
    expect(await loadCliConfig(parsed)).toEqual({ port: 8787, scenario: '429-storm', seed: 5 });
  });

  it('lays flags over a config file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'sim-cli-'));
    const path = join(directory, 'config.json');
    await writeFile(
      path,
      JSON.stringify({ scenario: 'outage', seed: 2, models: { a: { contextWindow: 10 } } }),
    );
    const config = await loadCliConfig(parseCliArguments(['--config', path, '--port', '0']));
    expect(config).toEqual({
      port: 0,
      scenario: 'outage',
      seed: 2,
      models: { a: { contextWindow: 10 } },
    });
  });

  it('takes the rate limit kind from a config file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'sim-cli-'));
    const path = join(directory, 'config.json');
    const rateLimit = { kind: 'token-bucket', requestsPerWindow: 5000, windowMs: 60_000 };
    await writeFile(path, JSON.stringify({ defaultModel: { rateLimit } }));
    const config = validateConfig(await loadCliConfig(parseCliArguments(['--config', path])));
    expect(config.defaultModel.rateLimit).toEqual(rateLimit);
  });

  it('names the flag of a bad number or a broken file', async () => {
    expect(() => parseCliArguments(['--port', 'eighty'])).toThrow(InvalidOptionError);
    const directory = await mkdtemp(join(tmpdir(), 'sim-cli-'));
    const path = join(directory, 'broken.json');
    await writeFile(path, '{ nope');
    await expect(loadCliConfig(parseCliArguments(['--config', path]))).rejects.toMatchObject({
      field: '--config',
    });
  });
});
