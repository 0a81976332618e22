// The root entry: everything of `@resilient-llm/simulator/inject` (which needs no Node), plus
// the HTTP server and the helpers that drive a manual clock over real I/O (Node only).
export * from './inject';
export { type RunningSimulator, startSimulator } from './server/start-simulator';
export type { SimulatorStats, TrafficCounters } from './server/stats';
export { driveClock, waitForCondition, yieldToIo } from './time/drive-clock';
