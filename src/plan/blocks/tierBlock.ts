/**
 * Value tiers and their service channel (SPEC.md §3.3): customers, revenue share and activation
 * of each tier, live from the value table below (activation through SPEC.ACTIVATION_RATE with
 * the tier's customers as its base, unless that call's arguments are too large).
 */
import { textLiteral } from "../../engine/formulaText";
import { ACTIVATION_RATE, activationRateCall } from "../../engine/stages/service";
import { REVENUE } from "../../engine/stages/overview";
import { listBytes } from "../argumentSize";
import { BlockBuilder, BlockWriter, tooLarge } from "../planBlock";
import { PlanCell, resultOf } from "../planCells";

export const tierBlock: BlockBuilder = (ctx, at) => {
  const { card, words: L, refs } = ctx;
  const v = card.value;
  const w = new BlockWriter(at.row);
  const live = ACTIVATION_RATE.live;
  const bytes =
    (live.kind === "call" ? live.argumentBytes(ctx.columnBytes) : 0) +
    listBytes(
      v.customers.length === 0 ? [] : Array.from(v.customers, (c) => card.customerLabels[c])
    );
  const activationLive = !tooLarge(bytes);
  if (!activationLive)
    w.snapshots.push({ subject: "tier_activation", reason: "arguments_too_large" });
  w.table(L.breakdowns.tiers, [
    L.breakdowns.tier,
    L.breakdowns.customers,
    L.breakdowns.revenueShare,
    L.breakdowns.activation,
    L.breakdowns.channel,
  ]);
  const first = w.row;
  for (const t of card.tiers) {
    w.put({ row: w.row, column: 1, value: t.tier, style: "label" });
    w.put({ row: w.row++, column: 5, value: L.channels[t.channel], style: "body" });
  }
  w.row++;
  const { parameters: P, indicators } = at.anchors;
  return w.block({
    below: ({ valueTable: table }) =>
      card.tiers.flatMap((t, i): PlanCell[] => {
        const row = first + i;
        const tier = textLiteral(t.tier);
        const activation: PlanCell = activationLive
          ? {
              row,
              column: 4,
              formula: activationRateCall(
                refs,
                P.activation,
                P.cell.asOf,
                `FILTER(${table.customers},${table.tiers}=${tier})`,
                ["#CALC!"] // a tier with no customer: FILTER finds none
              ),
              result: resultOf(t.activation),
              format: "percent",
              style: "body",
            }
          : { row, column: 4, value: resultOf(t.activation), format: "percent", style: "snapshot" };
        return [
          {
            row,
            column: 2,
            formula: `COUNTIF(${table.tiers},${tier})`,
            result: t.customers,
            format: "count",
            style: "body",
          },
          {
            row,
            column: 3,
            formula: `IFERROR(SUMIFS(${table.revenue},${table.tiers},${tier})/${indicators.value(REVENUE)},"")`,
            result: resultOf(t.revenueShare),
            format: "percent",
            style: "body",
          },
          activation,
        ];
      }),
  });
};
