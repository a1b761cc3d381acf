/** 2 · Marketing (SPEC.md §3.3): leads created, and the share converted. */
import { DataRefs, key, letName, sideBySide, textLiteral } from "../formulaText";
import { LiveCells, indicator } from "../indicatorDefinition";
import { none, ratio, some } from "../indicatorValue";
import { CONVERTED_STATUSES } from "../scorecardData";

/** Leads created from `start` to `end`; a time of day counts on its day. */
export const leadsWithin = (r: DataRefs, start: string, end: string): string =>
  `(${r.leadCreated}>=${start})*(${r.leadCreated}<${end}+1)`;

/** Lead statuses that mean converted, as keys. */
const convertedList = `{${CONVERTED_STATUSES.map((s) => textLiteral(s)).join(",")}}`;

/**
 * 1 for a converted lead (SPEC.md §3.1): a won status, or a customer id given (not blank, not 0),
 * as LET names: §cv holds it, after §lc (the lead's customer key) when there is a customer column.
 */
export function leadConvertedNames(r: DataRefs): string {
  const signs: string[] = [];
  let names = "";
  if (r.leadStatus !== undefined)
    signs.push(`ISNUMBER(MATCH(${key(r.leadStatus)},${convertedList},0))`);
  if (r.leadCustomer !== undefined) {
    names = `${letName("lc")},${key(r.leadCustomer)},`;
    signs.push(`(${letName("lc")}<>"")*(${letName("lc")}<>"0")`);
  }
  return `${names}${letName("cv")},${signs.length === 0 ? "0" : `SIGN(${signs.join("+")})`}`;
}

/** Each span's sum of `perLead` over the leads created in it, side by side. */
const leadSums = (c: LiveCells, perLead: string): string =>
  sideBySide(c.spans.map(({ span: s }) => `SUM(${leadsWithin(c.refs, s.start, s.end)}${perLead})`));

export const LEADS = indicator({
  id: "mkt.leads",
  stage: "marketing",
  format: "count",
  better: "more",
  flow: true,
  headline: false,
  value: (t) => (t.leads === null ? none("no_leads_table") : some(t.leads.created)),
  live: {
    kind: "formula",
    formula: (c) => (c.refs.leadCreated === undefined ? null : leadSums(c, "")),
  },
  words: { en: "Leads created", es: "Prospectos creados" },
});

export const LEAD_CONVERSION = indicator({
  id: "mkt.lead_conversion",
  stage: "marketing",
  format: "percent",
  better: "more",
  flow: false,
  headline: false,
  value: (t) =>
    t.leads === null
      ? none("no_leads_table")
      : ratio(t.leads.converted, t.leads.created, "no_leads_in_period"),
  live: {
    kind: "formula",
    formula: (c) =>
      c.refs.leadCreated === undefined
        ? null
        : `LET(${leadConvertedNames(c.refs)},IFERROR(${leadSums(c, `*${letName("cv")}`)}/${c.rangeOf(LEADS)},""))`,
  },
  words: { en: "Lead conversion", es: "Conversión de prospectos" },
});

export const MARKETING = [LEADS, LEAD_CONVERSION] as const;
