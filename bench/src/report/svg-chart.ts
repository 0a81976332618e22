import type { GoodputResult } from '../goodput/run-goodput.ts';

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * A horizontal bar chart of the goodput scenario: per arm, the share of the offered requests
 * completed and the share of the limited provider's capacity used, with 429s per success.
 */
export function goodputChart(results: GoodputResult[]): string {
  const labelWidth = 270;
  const barWidth = 360;
  const rowHeight = 46;
  const top = 58;
  // Room for the longest right-hand label, "100% capacity, 12.95 429/ok", at 12 px.
  const valueLabelWidth = 230;
  const width = labelWidth + barWidth + valueLabelWidth;
  const height = top + rowHeight * results.length + 20;
  const rows = results.map((result, index) => {
    const y = top + index * rowHeight;
    const completed = result.completed / result.offered;
    return [
      `<text x="${labelWidth - 10}" y="${y + 18}" text-anchor="end">${escapeXml(result.arm)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${(completed * barWidth).toFixed(1)}" height="16" fill="#3b82f6"/>`,
      `<rect x="${labelWidth}" y="${y + 22}" width="${(Math.min(1, result.capacityShare) * barWidth).toFixed(1)}" height="16" fill="#10b981"/>`,
      `<text x="${labelWidth + barWidth + 8}" y="${y + 17}">${(completed * 100).toFixed(0)}% completed</text>`,
      `<text x="${labelWidth + barWidth + 8}" y="${y + 35}">${(result.capacityShare * 100).toFixed(0)}% capacity, ${result.rateLimitedPerSuccess.toFixed(2)} 429/ok</text>`,
    ].join('\n  ');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-labelledby="goodput-title">
  <title id="goodput-title">Goodput at 3x the rate limit: completed requests and capacity used per arm</title>
  <rect width="100%" height="100%" fill="#ffffff"/>
  <text x="10" y="22" font-size="15" font-weight="bold">Goodput at 3x the rate limit, same workload and seed for every arm</text>
  <rect x="10" y="34" width="12" height="12" fill="#3b82f6"/><text x="28" y="44">requests completed / offered</text>
  <rect x="220" y="34" width="12" height="12" fill="#10b981"/><text x="238" y="44">primary's theoretical capacity used</text>
  <line x1="${labelWidth + barWidth}" y1="${top}" x2="${labelWidth + barWidth}" y2="${height - 16}" stroke="#9ca3af" stroke-dasharray="3 3"/>
  ${rows.join('\n  ')}
</svg>
`;
}
