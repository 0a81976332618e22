// One simulator in a process of its own, so that the provider's event loop never competes with
// the arm's: the config arrives as the first argument (JSON), the base URL goes back over IPC,
// and the parent asks for `stats` and `close` (start-simulator-process.ts).
import { type SimulatorConfig, startSimulator } from '@resilient-llm/simulator';
import type { SimulatorRequest } from './simulator-messages.ts';

const config = JSON.parse(process.argv[2] ?? '{}') as SimulatorConfig;
const simulator = await startSimulator(config);
process.send?.({ type: 'ready', baseURL: simulator.baseURL });
process.on('message', (message: SimulatorRequest) => {
  if (message.type === 'stats') process.send?.({ type: 'stats', stats: simulator.stats() });
  if (message.type === 'close') void simulator.close().then(() => process.disconnect());
});
