/** The languages every word of the product is written in: the sheet, the command line, the task pane. */
export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];
