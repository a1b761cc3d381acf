/**
 * The file a copy is written to first, beside its final name, renamed over it only when whole:
 * a failure leaves nothing behind, and neither does Ctrl+C (SIGINT), a kill (SIGTERM) or a closed
 * terminal (SIGHUP) while it is being written.
 */
import { createWriteStream, existsSync, openSync, renameSync, unlinkSync } from "fs";
import { constants } from "os";
import { basename, dirname, join } from "path";
import { Writable } from "stream";
import { OutputOpener } from "../workbook/fileWorkbook";

const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

export class PartialFile {
  readonly path: string;
  private opened = false;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.discard();
    // The shell's convention: 128 + the signal's number (130 for Ctrl+C, 143 for a kill).
    process.exit(128 + (constants.signals[signal] ?? 15));
  };

  constructor(readonly target: string) {
    this.path = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  }

  readonly open: OutputOpener = async () => {
    // Listening first: a signal the moment the file exists (the process may be descheduled right
    // after creating it) finds a listener to remove it, and one before finds nothing to remove.
    for (const s of SIGNALS) process.on(s, this.onSignal);
    this.opened = true;
    const fd = openSync(this.path, "w");
    const stream = createWriteStream(this.path, { fd });
    return { stream: Writable.toWeb(stream) as WritableStream<Uint8Array> };
  };

  commit(): void {
    this.stopListening();
    renameSync(this.path, this.target);
  }

  discard(): void {
    this.stopListening();
    if (this.opened && existsSync(this.path)) unlinkSync(this.path);
  }

  private stopListening(): void {
    for (const s of SIGNALS) process.off(s, this.onSignal);
  }
}
