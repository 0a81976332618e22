// The import check: no import cycle between files, and none between the folders of a
// package's src (a folder never imports one that imports it back), for every package; and no
// file reaching into another package by a relative path (package-boundaries.mjs).
// Run: node scripts/check-layers.mjs  (or `pnpm run check:layers`). Exits 1 on a problem.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import madge from 'madge';
import { crossPackageImports } from './package-boundaries.mjs';

const root = path.resolve(import.meta.dirname, '..');
const packages = readdirSync(path.join(root, 'packages'));
const isTest = (file) => /\.test(-d)?\.ts$|(^|\/)(test|testing)\//.test(file);
let problems = 0;

for (const name of packages) {
  const src = path.join(root, 'packages', name, 'src');
  const result = await madge(src, {
    fileExtensions: ['ts'],
    tsConfig: path.join(root, 'tsconfig.json'),
    excludeRegExp: [/\.test\.ts$/, /\.test-d\.ts$/],
  });
  // Cycles inside other packages (reached through their sources) are reported for those.
  for (const cycle of result
    .circular()
    .filter((files) => !files.some((file) => file.startsWith('..')))) {
    problems += 1;
    console.log(`${name}: file cycle ${cycle.join(' -> ')}`);
  }
  const edges = new Map();
  for (const [file, deps] of Object.entries(result.obj())) {
    if (isTest(file)) continue;
    const from = path.dirname(file);
    for (const dep of deps) {
      const to = path.dirname(dep);
      if (to === from || to.startsWith('..') || isTest(dep)) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      edges.get(from).set(to, `${file} -> ${dep}`);
    }
  }
  for (const cycle of folderCycles(edges)) {
    problems += 1;
    const why = cycle.map((folder, index) =>
      edges.get(folder).get(cycle[(index + 1) % cycle.length]),
    );
    console.log(
      `${name}: folder cycle ${[...cycle, cycle[0]].join(' -> ')}\n  ${why.join('\n  ')}`,
    );
  }
}
console.log(
  problems === 0
    ? 'layers: no import cycle between files or folders'
    : `layers: ${problems} cycle(s)`,
);
const crossings = crossPackageImports(root, path.join(root, 'packages'));
for (const crossing of crossings) console.log(`relative import into another package: ${crossing}`);
console.log(
  crossings.length === 0
    ? 'boundaries: every package reaches the others through their names'
    : `boundaries: ${crossings.length} relative import(s) into another package; import it by name, or move a shared test helper to packages/test-utils`,
);
process.exitCode = problems === 0 && crossings.length === 0 ? 0 : 1;

/** One cycle per strongly connected group of folders (Tarjan), as a list of folders. */
function folderCycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  let counter = 0;
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) === index.get(node)) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group);
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return groups.map((group) => shortestCycle(group, edges));
}

function shortestCycle(group, edges) {
  const [start] = group;
  const members = new Set(group);
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of edges.get(node)?.keys() ?? []) {
      if (next === start) {
        const cycle = [node];
        while (previous.get(cycle[0]) !== undefined) cycle.unshift(previous.get(cycle[0]));
        return cycle;
      }
      if (members.has(next) && !previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return group;
}
