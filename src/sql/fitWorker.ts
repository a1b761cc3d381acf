/**
 * A fit of the customer models in a worker thread, so that two fits from several starts (as of,
 * and the holdout's calibration end) use both cores: each is seconds of likelihood evaluations
 * over a million distinct histories, while the database waits. The worker runs the engine's own
 * fit on a copy of the summaries, so its answer is the one the main thread would give.
 * This file is also the worker's script, compiled (lib/sql/fitWorker.js); run from TypeScript
 * sources (the tests) there is no compiled script, and the fit runs in the calling thread.
 */
import { existsSync } from "fs";
import { join } from "path";
import { Worker, isMainThread, parentPort, workerData } from "worker_threads";
import { FittedModels, ModelSummaries, fitModelsOnSummaries } from "../core/customerModels";
import { Result } from "../core/result";

interface FitJob {
  readonly summaries: ModelSummaries;
  readonly upTo: string;
}

const SCRIPT = join(__dirname, "fitWorker.js");

/** Whether fitBeside runs in a worker thread (there is a compiled script to run). */
export const fitsInWorker = (): boolean => existsSync(SCRIPT);

/** Both models fitted from several starts on `summaries`, beside the calling thread when it can. */
export function fitBeside(summaries: ModelSummaries, upTo: string): Promise<Result<FittedModels>> {
  if (!fitsInWorker()) return Promise.resolve(fitModelsOnSummaries(summaries, null, upTo));
  return new Promise((resolve, reject) => {
    const job: FitJob = { summaries, upTo };
    const worker = new Worker(SCRIPT, { workerData: job });
    worker.once("message", (fit: Result<FittedModels>) => resolve(fit));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the models' fit stopped (worker exit code ${code})`));
    });
  });
}

if (!isMainThread && parentPort !== null) {
  const job = workerData as FitJob;
  parentPort.postMessage(fitModelsOnSummaries(job.summaries, null, job.upTo));
}
