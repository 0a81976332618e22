// A model that hangs in process holds no handle: only our timers keep the process alive while
// the caller awaits. The first-content limit, then a stream being read, must each be waited
// for, not abandoned by an exiting process.
import { createResilientModel } from '@resilient-llm/core';

const hang = () => new Promise<never>(() => {});
/** A binding whose model lives in this process; only how it streams differs. */
const inProcess = (stream: () => Promise<{ parts: AsyncIterable<string> }>) => ({
  targetId: (target: string) => target,
  generate: hang,
  stream,
  classify: () => ({
    kind: 'unknown' as const,
    retryable: false,
    fallbackable: false,
    message: '',
    cause: undefined,
  }),
  partRole: () => 'content' as const,
});
const model = createResilientModel({
  binding: inProcess(hang),
  targets: ['in-process'],
  retry: false,
  streamTimeouts: { firstContentTimeoutMs: 50 },
});
const error = await model.stream('hi').catch((caught: unknown) => caught);
process.stdout.write(`${(error as Error).message}\n`);

const parts = async function* () {
  yield 'first';
  await hang();
};
const reading = createResilientModel({
  binding: inProcess(async () => ({ parts: parts() })),
  targets: ['in-process'],
  retry: false,
  timeoutMs: 100,
});
const { stream } = await reading.stream('hi');
const read = async () => {
  for await (const _ of stream) {
    // Read until the deadline cuts the stream.
  }
};
const cut = await read().then(
  () => 'ended',
  (caught: unknown) => (caught as Error).name,
);
process.stdout.write(`${cut}\n`);
