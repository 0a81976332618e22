// Adds up vitest JSON reports into one line: "N passed, N failed[, N skipped]".
// A missing or unreadable report counts as one failure, so a run that tested nothing shows.
// Each failed test is named on a line of its own first, so a log's tail says what failed.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    if (report.numTotalTests === 0) failed += 1;
    // Files that fail to load report no tests; count them so they cannot hide.
    failed += report.testResults.filter(
      (result) => result.status === 'failed' && result.assertionResults.length === 0,
    ).length;
    for (const result of report.testResults) {
      const where = relative(process.cwd(), result.name);
      const failures = result.assertionResults.filter((test) => test.status === 'failed');
      if (result.status === 'failed' && failures.length === 0) console.log(`failed: ${where}`);
      for (const test of failures) console.log(`failed: ${where} > ${test.fullName}`);
    }
  } catch {
    console.error(`missing test report: ${file}`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
