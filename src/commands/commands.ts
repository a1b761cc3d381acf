/*
 * The ribbon's function file. The ribbon button opens the task pane (ShowTaskpane), so no
 * command runs code yet; Office still loads this page and waits for it to be ready.
 */
Office.onReady(() => undefined);
