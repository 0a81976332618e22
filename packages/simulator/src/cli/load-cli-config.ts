import { readFile } from 'node:fs/promises';
import { InvalidOptionError } from '@resilient-llm/policies';
import type { SimulatorConfig } from '../config/types';
import { isRecord } from '../content/json-schema';
import type { CliArguments } from './parse-cli-arguments';

/** Port the CLI listens on when neither flag nor file names one. */
const CLI_DEFAULT_PORT = 8787;

/** Reads the config file, if any, and lays the flags over it. Validation happens at start. */
export async function loadCliConfig(cliArguments: CliArguments): Promise<SimulatorConfig> {
  let fileConfig: Record<string, unknown> = {};
  if (cliArguments.configPath) {
    const text = await readFile(cliArguments.configPath, 'utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const reason = `is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
      throw new InvalidOptionError({ field: '--config', value: cliArguments.configPath, reason });
    }
    if (!isRecord(parsed))
      throw new InvalidOptionError({
        field: '--config',
        value: cliArguments.configPath,
        reason: 'does not hold a JSON object',
      });
    fileConfig = parsed;
  }
  const config: Record<string, unknown> = { port: CLI_DEFAULT_PORT, ...fileConfig };
  if (cliArguments.scenario !== undefined) config.scenario = cliArguments.scenario;
  if (cliArguments.port !== undefined) config.port = cliArguments.port;
  if (cliArguments.seed !== undefined) config.seed = cliArguments.seed;
  return config as SimulatorConfig;
}
