/**
 * What the browser tests check of the task pane on any page: axe-core's serious and critical
 * violations, sideways scrolling and clipped text at a width, and a visible focus.
 */
import { readFileSync } from "fs";
import { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

interface AxeNode {
  readonly html: string;
  readonly target: string[];
  readonly failureSummary?: string;
}
interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly nodes: AxeNode[];
}

/**
 * axe-core's serious and critical violations on the page, one line each. Tabster's focus
 * sentinels (`data-tabster-dummy`, focusable and aria-hidden on purpose: they hand focus on at
 * once) are the known false positive of aria-hidden-focus (microsoft/tabster#288; Accessibility
 * Insights leaves them out the same way, accessibility-insights-web#7605); nothing else is left out.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<unknown> } }).axe;
    const result = (await axe.run(document)) as { violations: unknown };
    return result.violations;
  })) as AxeViolation[];
  const lines: string[] = [];
  for (const v of violations) {
    if (v.impact !== "serious" && v.impact !== "critical") continue;
    const nodes = v.nodes.filter(
      (n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))
    );
    for (const n of nodes)
      lines.push(`${v.id} (${v.impact}) at ${n.target.join(" ")}: ${n.failureSummary ?? ""}`);
  }
  return lines;
}

/** How the page lays out at its width: its scroll width, and every element whose text is cut. */
export async function layoutAtWidth(
  page: Page
): Promise<{ scrollWidth: number; clientWidth: number; clipped: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const clipped: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const style = getComputedStyle(el);
      const cuts =
        style.overflowX === "hidden" ||
        style.overflowX === "clip" ||
        style.textOverflow === "ellipsis";
      if (!cuts || el.clientWidth <= 1 || el.getClientRects().length === 0) continue;
      // Screen-reader-only text is 1 px wide on purpose.
      if (style.position === "absolute" && el.clientWidth <= 1) continue;
      if (el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? "").trim() !== "")
        clipped.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 60)}"`);
    }
    // A tab strip, a dropdown list or a dialog may scroll inside itself; the page must not.
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, clipped };
  });
}

/**
 * Whether the focused element shows it has the focus: its area (and 4 px around it, where Fluent
 * draws its outline) looks different focused and not. Focus is given back afterwards.
 */
export async function focusIsVisible(page: Page): Promise<boolean> {
  const box = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el === null || el === document.body) return null;
    el.scrollIntoView({ block: "center" });
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  if (box === null) return false;
  const clip = {
    x: Math.max(0, box.x - 4),
    y: Math.max(0, box.y - 4),
    width: box.width + 8,
    height: box.height + 8,
  };
  const focused = await page.screenshot({ clip, animations: "disabled" });
  const handle = await page.evaluateHandle(() => document.activeElement);
  await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    el.setAttribute("data-spec-was-focused", "");
    el.blur();
  });
  const plain = await page.screenshot({ clip, animations: "disabled" });
  await page.evaluate(() => {
    const el = document.querySelector<HTMLElement>("[data-spec-was-focused]");
    el?.removeAttribute("data-spec-was-focused");
    el?.focus();
  });
  await handle.dispose();
  return !focused.equals(plain);
}
