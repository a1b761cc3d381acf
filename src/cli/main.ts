/** Entry point of `npx spec-scorecard`. */
import { runScorecard } from "./runScorecard";

runScorecard(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + "\n"),
  err: (t) => process.stderr.write(t + "\n"),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(
      `spec-scorecard: unexpected failure: ${e instanceof Error ? e.message : String(e)}\n`
    );
    process.exitCode = 1;
  }
);
