// Ends a jest run with the plain line "N passed, N failed" that CI reads in any language.
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stderr.write(
      `\n${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ""}\n`
    );
  }
}
module.exports = PlainSummaryReporter;
