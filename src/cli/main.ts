/** Entry point of `npx spec-scorecard`. */
import { errorLine } from "./errorLine";
import { runScorecard } from "./runScorecard";

runScorecard(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + "\n"),
  err: (t) => process.stderr.write(t + "\n"),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    // Every input error is answered with status 2 and what to fix: anything else is a bug.
    const why = e instanceof Error ? e.message : String(e);
    process.stderr.write(
      `${errorLine(`spec-scorecard: unexpected failure, a bug (please report it with the command you ran): ${why}`)}\n`
    );
    process.exitCode = 1;
  }
);
