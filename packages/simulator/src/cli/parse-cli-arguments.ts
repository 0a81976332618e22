import { parseArgs } from 'node:util';
import { InvalidOptionError } from '@resilient-llm/policies';

/** What the command line asked for. */
export interface CliArguments {
  readonly help: boolean;
  readonly scenario: string | undefined;
  readonly port: number | undefined;
  readonly seed: number | undefined;
  readonly configPath: string | undefined;
}

/** Usage text of `resilient-llm-sim`. */
export const USAGE = `Usage: resilient-llm-sim [--scenario NAME] [--port N] [--config FILE] [--seed N]

  --scenario  steady | 429-storm | overloaded | outage | slow-first-token | flaky-stream
  --port      port on 127.0.0.1 (default 8787; 0 picks a free one)
  --config    JSON config file; flags override its fields
  --seed      seed of every random draw (default 1)

Prints the base URL (http://127.0.0.1:PORT/v1) on stdout; Ctrl-C stops.`;

/** Parses `argv` (without node and script); throws `InvalidOptionError` for bad numbers. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean', short: 'h' },
      scenario: { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
      config: { type: 'string' },
    },
    strict: true,
  });
  return {
    help: values.help ?? false,
    scenario: values.scenario,
    port: toInteger('--port', values.port),
    seed: toInteger('--seed', values.seed),
    configPath: values.config,
  };
}

function toInteger(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value))
    throw new InvalidOptionError({ field: flag, value: text, reason: 'is not an integer' });
  return value;
}
