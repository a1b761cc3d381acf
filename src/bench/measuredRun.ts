/**
 * `spec-scorecard` in a process of its own, for the benchmark: prints the exit status and the
 * process's peak resident memory as one JSON line, so each command's peak is its own.
 */
import { runScorecard } from "../cli/runScorecard";

runScorecard(process.argv.slice(2), {
  out: () => undefined,
  err: (t) => process.stderr.write(`${t}\n`),
}).then((status) => {
  const cpu = process.cpuUsage();
  process.stdout.write(
    `${JSON.stringify({ status, peakMiB: process.resourceUsage().maxRSS / 1024, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`
  );
  process.exitCode = status;
});
