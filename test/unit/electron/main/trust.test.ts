import { describe, expect, it } from 'vitest';
import { isTrustedFrameUrl } from '../../../../electron/main/trust';

const prefix = 'file:///opt/Headroom/resources/app/dist/renderer/';

describe('isTrustedFrameUrl', () => {
  it('trusts the app’s own renderer page', () => {
    expect(isTrustedFrameUrl(`${prefix}index.html`, prefix)).toBe(true);
    expect(isTrustedFrameUrl(`${prefix}index.html#/registry`, prefix)).toBe(true);
  });

  it.each([
    ['a web page', 'https://evil.example/index.html'],
    ['the bridge over http', 'http://127.0.0.1:3000/index.html'],
    ['another local file', 'file:///home/me/Downloads/evil.html'],
    ['a path that climbs out of the folder', `${prefix}../../../../../home/me/evil.html`],
    ['a sibling folder with the same start', 'file:///opt/Headroom/resources/app/dist/renderer-evil/index.html'],
    ['a file URL with a host', 'file://evil.example/opt/Headroom/resources/app/dist/renderer/index.html'],
    ['no URL at all', undefined],
    ['garbage', 'not a url'],
    ['about:blank', 'about:blank'],
    ['a data: URL', 'data:text/html,<script>1</script>'],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedFrameUrl(url, prefix)).toBe(false);
  });
});
