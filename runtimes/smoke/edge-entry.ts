// Entry for edge-runtime and browsers: bundled as an IIFE with the simulator's URL compiled
// in; the matrix reads the results from globalThis once the promise settles.
import { runAllChecks } from './all-checks.ts';

declare const SIMULATOR_URL: string;
(globalThis as { smokeResults?: Promise<unknown> }).smokeResults = runAllChecks(SIMULATOR_URL);
