/**
 * Office.js requests kept under Excel on the web's 5 MB limit. Each queued operation is measured
 * as the JSON of what it sends (its values, formulas, formats) plus a fixed allowance for the
 * action and object path Office.js wraps it in; operations are sent together until the next one
 * would take the request past the budget.
 */
import type { ExcelRun } from "./officeWorkbook";
import { throwIfCancelled } from "../workbook/workbookPort";

/** The budget of one request: 4 MB, a fifth below Excel on the web's 5 MB. */
export const REQUEST_BUDGET_BYTES = 4_000_000;

/** What Office.js adds around one queued call: its action, object path and ids (a few hundred bytes). */
export const OPERATION_OVERHEAD_BYTES = 512;

/** The UTF-8 size of a value's JSON, as a request carries it. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** One queued operation: what it sends, measured, and the calls that queue it. */
export interface Operation {
  readonly bytes: number;
  readonly queue: (context: Excel.RequestContext) => void;
  /** Called once the request holding it has been sent. */
  readonly onSent?: () => void;
}

/** An operation sending `payload`, measured with the per-call allowance. */
export function operation(
  payload: unknown,
  queue: (context: Excel.RequestContext) => void
): Operation {
  return { bytes: jsonBytes(payload) + OPERATION_OVERHEAD_BYTES, queue };
}

/**
 * Sends operations in as few requests as the budget allows, each request one Excel.run and one
 * sync. `beforeEach` queues what every request needs first (e.g. suspending calculation).
 */
export class RequestBatches {
  private pending: Operation[] = [];
  private bytes = 0;
  /** The measured size of every request sent, in order. */
  readonly sent: number[] = [];

  constructor(
    private readonly run: ExcelRun,
    private readonly budget = REQUEST_BUDGET_BYTES,
    private readonly signal?: AbortSignal,
    private readonly beforeEach?: (context: Excel.RequestContext) => void
  ) {}

  async add(op: Operation): Promise<void> {
    if (op.bytes > this.budget)
      throw new Error(`one request would send ${op.bytes} bytes, over ${this.budget}`);
    if (this.bytes + op.bytes > this.budget) await this.flush();
    this.pending.push(op);
    this.bytes += op.bytes;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    throwIfCancelled(this.signal);
    const ops = this.pending;
    const bytes = this.bytes;
    this.pending = [];
    this.bytes = 0;
    await this.run(async (context) => {
      this.beforeEach?.(context);
      for (const op of ops) op.queue(context);
      await context.sync();
    });
    this.sent.push(bytes);
    for (const op of ops) op.onSent?.();
  }
}
