// Number formatting shared by the tables and the chart ticks and tooltips.

/** Four significant digits; exponent notation for very small or large magnitudes. */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const text =
    magnitude < 1e-3 || magnitude >= 1e6
      ? value.toExponential(digits - 1).replace(/\.?0+e/, 'e').replace('e+', 'e')
      : String(Number(value.toPrecision(digits)));
  return text.replace(/-/g, '−');
}

/** A share in [0, 1] as a percentage. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  const percent = share * 100;
  if (percent === 0 || percent === 100) return `${percent}%`;
  return `${Number(percent.toPrecision(percent < 1 ? 2 : 3))}%`;
}

/** Integer with thin grouping: 52 650 → "52,650". */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

/** Tick label of a logarithmic axis: 1, 10, 0.01, 1e-5 — only the decades and their 2× and 5×. */
export function logTick(value: number): string | null {
  if (value <= 0) return null;
  const mantissa = value / 10 ** Math.floor(Math.log10(value) + 1e-9);
  const m = Math.round(mantissa * 100) / 100;
  if (m !== 1 && m !== 2 && m !== 5) return null;
  return formatNumber(value, 2);
}
