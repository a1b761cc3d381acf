/** Entry point of `npx spec-scorecard`. */
import { CLI_TEXT } from "./cliText";
import { languageOfArgs } from "./options";
import { runScorecard } from "./runScorecard";

const args = process.argv.slice(2);
runScorecard(args, {
  out: (t) => process.stdout.write(t + "\n"),
  err: (t) => process.stderr.write(t + "\n"),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(
      `spec-scorecard: ${CLI_TEXT[languageOfArgs(args)].unexpected}: ${e instanceof Error ? e.message : String(e)}\n`
    );
    process.exitCode = 1;
  }
);
