/** Entry point of `npx spec-scorecard`. */
import { CLI_TEXT } from "./cliText";
import { languageOfArgs } from "./options";
import { errorLine } from "./errorLine";
import { runScorecard } from "./runScorecard";

const args = process.argv.slice(2);
runScorecard(args, {
  out: (t) => process.stdout.write(t + "\n"),
  err: (t) => process.stderr.write(t + "\n"),
  processEnds: true,
}).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    // Every input error is answered with status 2 and what to fix: anything else is a bug.
    const why = e instanceof Error ? e.message : String(e);
    process.stderr.write(
      `${errorLine(`spec-scorecard: ${CLI_TEXT[languageOfArgs(args)].unexpected}: ${why}`)}\n`
    );
    process.exitCode = 1;
  }
);
