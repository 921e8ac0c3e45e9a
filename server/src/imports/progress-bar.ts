/** Rows done, rows per second and time left, drawn as one line. */
export function progressLine(done: number, total: number, elapsedMs: number, width = 24): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const left = rate > 0 ? Math.ceil((total - done) / rate) : null;
  const time = left === null ? '…' : left >= 60 ? `${Math.floor(left / 60)} min ${left % 60} s` : `${left} s`;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(share * 100)}%  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} rows  ${Math.round(rate).toLocaleString('en-US')} records/s  ${time} left`;
}
