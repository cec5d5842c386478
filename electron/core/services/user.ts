import { userInfo } from 'node:os';

/** Who the audit log records for changes made on this machine. */
export function currentUser(): string {
  try {
    return userInfo().username || 'headroom';
  } catch {
    return 'headroom';
  }
}
