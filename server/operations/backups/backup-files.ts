import { BACKUP_EXTENSION } from "./backup-format";

// Naming and retention of backup files: pure, so the rules are unit-tested on their own.

const NAME = /^mailstead-config-(\d{8}T\d{6}Z)\.msbk$/;

/** `mailstead-config-20261127T030000Z.msbk`: UTC, second precision, sorts by time. */
export function backupFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
  return `mailstead-config-${stamp}${BACKUP_EXTENSION}`;
}

export function isBackupFileName(name: string): boolean {
  return NAME.test(name);
}

/**
 * The files to delete so that the newest `keep` remain. Only complete backups count (temp
 * files and other names are never touched), and the newest is always kept.
 */
export function filesToDelete(names: string[], keep: number): string[] {
  const backups = names.filter(isBackupFileName).sort().reverse();
  return backups.slice(Math.max(1, keep));
}
