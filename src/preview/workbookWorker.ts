/**
 * The preview's Web Worker: opens the workbook file, reads its tables and writes the copy with
 * the Scorecard, off the page's thread, so a big workbook never freezes the page.
 */
import { FileWorkbook } from "../workbook/fileWorkbook";
import { CancelledError } from "../workbook/workbookPort";
import { WorkerReply, WorkerRequest, WrittenCopy } from "./workerProtocol";

const scope = self as unknown as {
  postMessage(message: WorkerReply): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};
let workbook: FileWorkbook | null = null;
const running = new Map<number, AbortController>();

function opened(): FileWorkbook {
  if (workbook === null) throw new Error("no workbook is open");
  return workbook;
}

async function answer(request: WorkerRequest, signal: AbortSignal): Promise<unknown> {
  const progress = (p: import("../workbook/workbookPort").Progress): void =>
    scope.postMessage({ id: request.id, type: "progress", progress: p });
  switch (request.type) {
    case "open": {
      const file = await FileWorkbook.open(
        request.file,
        request.name,
        async () => ({}),
        request.language
      );
      if (!file.ok) throw new Error(file.error.message);
      workbook = file.value;
      return null;
    }
    case "describe":
      return opened().describeTables();
    case "read":
      return opened().readTable(request.table, request.columns, progress, signal);
    case "find":
      return opened().findScorecard();
    case "write": {
      const sheetName = await opened().writeScorecard(request.plan, progress, signal, {
        settings: request.settings,
      });
      const copy: WrittenCopy = {
        sheetName,
        blob: opened().written as Blob,
        extension: opened().extension,
      };
      return copy;
    }
    case "stored":
      return opened().storedSettings(request.language);
    case "cancel":
      running.get(request.id)?.abort();
      return null;
  }
}

scope.onmessage = (e) => {
  const request = e.data;
  if (request.type === "cancel") {
    void answer(request, new AbortController().signal);
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  answer(request, controller.signal)
    .then(
      (value) => scope.postMessage({ id: request.id, type: "result", value }),
      (error: unknown) =>
        scope.postMessage({
          id: request.id,
          type: "error",
          message: error instanceof Error ? error.message : String(error),
          cancelled: error instanceof CancelledError,
        })
    )
    .finally(() => running.delete(request.id));
};
