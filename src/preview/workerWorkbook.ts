/**
 * The wizard's workbook in the browser preview: a workbook file held by a Web Worker, which
 * reads it and writes the copy; the page keeps drawing meanwhile. The copy is offered as a
 * download.
 */
import { SourceTable } from "../engine/sourceTable";
import { ScorecardPlan } from "../plan/scorecardPlan";
import { planAsValues } from "../plan/planValues";
import {
  CancelledError,
  ProgressListener,
  WorkbookPort,
  WriteOptions,
} from "../workbook/workbookPort";
import type { Language } from "../core/language";
import type { StoredRead } from "../workbook/storedSettings";
import { WorkerReply, WorkerRequest, WrittenCopy } from "./workerProtocol";

export interface Download {
  readonly url: string;
  readonly fileName: string;
}

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: ProgressListener;
};

/** Distributes the worker's requests: `Omit` of a union keeps each member's own fields. */
type Request = WorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, "id">
    : never
  : never;

export class WorkerWorkbook implements WorkbookPort {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private written: WrittenCopy | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly fileName: string,
    private readonly offer: (download: Download) => void
  ) {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const reply = e.data;
      const p = this.pending.get(reply.id);
      if (p === undefined) return;
      if (reply.type === "progress") {
        p.onProgress?.(reply.progress);
        return;
      }
      this.pending.delete(reply.id);
      if (reply.type === "result") p.resolve(reply.value);
      else p.reject(reply.cancelled ? new CancelledError() : new Error(reply.message));
    };
  }

  /** Opens a file in a new worker; rejects with what to do when it is not a workbook. */
  static async open(
    file: File,
    offer: (download: Download) => void,
    language: string
  ): Promise<WorkerWorkbook> {
    const worker = new Worker(new URL("./workbookWorker.ts", import.meta.url));
    const workbook = new WorkerWorkbook(worker, file.name, offer);
    try {
      await workbook.ask({ type: "open", file, name: file.name, language });
    } catch (e) {
      worker.terminate();
      throw e;
    }
    return workbook;
  }

  private ask(
    request: Request,
    onProgress?: ProgressListener,
    signal?: AbortSignal
  ): Promise<unknown> {
    const id = this.nextId++;
    if (signal?.aborted) return Promise.reject(new CancelledError());
    signal?.addEventListener(
      "abort",
      () => this.worker.postMessage({ id, type: "cancel" } satisfies WorkerRequest),
      { once: true }
    );
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  async describeTables(): Promise<SourceTable[]> {
    return (await this.ask({ type: "describe" })) as SourceTable[];
  }

  async readTable(
    table: SourceTable,
    columns: readonly number[],
    onProgress: ProgressListener,
    signal?: AbortSignal
  ): Promise<SourceTable> {
    return (await this.ask({ type: "read", table, columns }, onProgress, signal)) as SourceTable;
  }

  async findScorecard(): Promise<string | null> {
    return (await this.ask({ type: "find" })) as string | null;
  }

  /** The preview page's choice: every cell as its value, for readers without the add-in. */
  values = false;

  async writeScorecard(
    plan: ScorecardPlan,
    onProgress: ProgressListener,
    signal?: AbortSignal,
    options: WriteOptions = {}
  ): Promise<string> {
    const written = options.values === true || this.values ? planAsValues(plan) : plan;
    this.written = (await this.ask(
      { type: "write", plan: written, settings: options.settings },
      onProgress,
      signal
    )) as WrittenCopy;
    return this.written.sheetName;
  }

  async storedSettings(language: Language): Promise<StoredRead> {
    return (await this.ask({ type: "stored", language })) as StoredRead;
  }

  async showScorecard(): Promise<void> {
    if (this.written === null) return;
    const base = this.fileName.replace(/\.(xlsx|xlsm|xltx|xltm)$/i, "");
    this.offer({
      url: URL.createObjectURL(this.written.blob),
      fileName: `${base} - scorecard${this.written.extension}`,
    });
  }

  /** A file read once does not change under the pane. */
  async watchChanges(): Promise<() => void> {
    return () => undefined;
  }

  displayLanguage(): string {
    return typeof navigator === "undefined" ? "en-US" : navigator.language;
  }

  close(): void {
    this.worker.terminate();
  }
}
