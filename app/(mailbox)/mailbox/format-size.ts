/** Bytes as the page shows them: MB below 1 GB, GB above, one decimal. */
export function formatSize(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb < 1024 ? `${mb.toFixed(mb < 10 ? 1 : 0)} MB` : `${(mb / 1024).toFixed(1)} GB`;
}
