/**
 * The points a multiplier adds on top of `points`, rounded down: 15 at 2× adds 15, 15 at 1.5× adds 7.
 * Multipliers have at most two decimals, so the product is exact integer arithmetic in hundredths.
 */
export function multiplierBonus(points: number, multiplier: number): number {
  const extraHundredths = BigInt(Math.round(multiplier * 100)) - 100n;
  return Number((BigInt(points) * extraHundredths) / 100n);
}

/** "2×", "1.5×". */
export function formatMultiplier(multiplier: number): string {
  return `${multiplier}×`;
}
