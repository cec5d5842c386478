/**
 * Which frames may call the contract over IPC: only documents loaded from the app's own built
 * renderer folder (file://…/dist/renderer/…). Kept free of 'electron' so it is unit-tested.
 */
export function isTrustedFrameUrl(frameUrl: string | undefined, rendererUrlPrefix: string): boolean {
  if (!frameUrl || !rendererUrlPrefix.startsWith('file://') || !rendererUrlPrefix.endsWith('/')) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'file:' || url.host !== '') return false;
  // URL parsing resolves "..", so a path that climbs out of the folder no longer matches.
  return `${url.protocol}//${url.pathname}`.startsWith(rendererUrlPrefix);
}
