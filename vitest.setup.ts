import fc from 'fast-check';

// Property tests explore new inputs on every local run; CI replays one fixed seed so that a
// run is reproducible. Set FAST_CHECK_SEED to replay a reported counterexample.
const seed = process.env.FAST_CHECK_SEED ?? (process.env.CI ? '20261125' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
