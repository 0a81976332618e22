// One process of the fleet: builds its client, waits for the fleet's common start, offers its
// share of the load open loop, sends every outcome to the parent over IPC and exits.

import { boundedSend } from '../workload/bounded-send.ts';
import { chatCall } from '../workload/chat-call.ts';
import { offerLoad } from '../workload/offer-load.ts';
import { createFleetClient } from './fleet-client.ts';
import type { WorkerOrder, WorkerReport } from './fleet-messages.ts';

const order = JSON.parse(process.argv[2] ?? '{}') as WorkerOrder;
const { client, close } = await createFleetClient(order);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, order.startAtEpochMs - Date.now())));
const send = boundedSend(async (index, signal) => {
  await chatCall(client, index, signal, false);
  return undefined;
}, order.deadlineMs + order.graceMs);
const outcomes = await offerLoad(order, send);
await close();
const report: WorkerReport = { outcomes };
process.send?.(report, () => process.disconnect());
