#!/usr/bin/env node
import { loadCliConfig } from './cli/load-cli-config';
import { parseCliArguments, USAGE } from './cli/parse-cli-arguments';
import { defaultSimulatorConfig } from './config/defaults';
import { startSimulator } from './server/start-simulator';

async function main(): Promise<void> {
  const cliArguments = parseCliArguments(process.argv.slice(2));
  if (cliArguments.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = await loadCliConfig(cliArguments);
  const simulator = await startSimulator(config);
  process.stdout.write(`${simulator.baseURL}\n`);
  process.stderr.write(
    `resilient-llm-sim: scenario ${config.scenario ?? defaultSimulatorConfig.scenario}, seed ${config.seed ?? defaultSimulatorConfig.seed}; Ctrl-C stops.\n`,
  );
  const stop = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `resilient-llm-sim: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
