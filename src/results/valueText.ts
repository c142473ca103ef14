// A swept value as the texts name it: 2.512, not the logspace's 2.51188643151. The CLI's
// tables and the exported PyTorch script's printed labels use these functions, so a value
// reads the same in both; the results file and the script's SWEEP_VALUES keep every digit.

/** Four significant digits (more on request), without trailing zeros: 0.02512, 100, 1e-7. */
export function valueText(value: number, digits = 4): string {
  return String(Number(value.toPrecision(digits)));
}

/**
 * Each value's text at four significant digits, or at the fewest digits beyond that which
 * tell every value apart (1.0001 and 1.0002 both read 1 at four): where the text is a run's
 * name, two runs must not share one.
 */
export function valueTexts(values: readonly number[]): string[] {
  const distinct = new Set(values).size;
  for (let digits = 4; digits <= 17; digits++) {
    const texts = values.map((v) => valueText(v, digits));
    if (new Set(texts).size === distinct) return texts;
  }
  return values.map(String);
}
