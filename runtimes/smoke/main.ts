// Entry for runtimes that run TypeScript files with a process environment (Node, Bun, Deno):
// reads the simulator's URL from SIMULATOR_URL, prints every check's result as one JSON line.
import { resultsMarker, runAllChecks } from './all-checks.ts';

declare const Deno: { env: { get(name: string): string | undefined } } | undefined;
const url = typeof Deno !== 'undefined' ? Deno.env.get('SIMULATOR_URL') : process.env.SIMULATOR_URL;
if (!url) throw new Error('SIMULATOR_URL is not set');
console.log(resultsMarker + JSON.stringify(await runAllChecks(url)));
