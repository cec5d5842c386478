/**
 * Settings validate what they store (issue 14, item 8): country (ISO 3166-1 alpha-2, compared
 * with Debian's iso-codes list where installed), website URL, maintainer (RPSL object name,
 * RFC 2622 §2), two or more name servers (RFC 1034 §4.1); through the contract, each refusal
 * names its field in plain words. And field paths in messages are said in plain words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/contract';
import { fieldWords, invalid, issuesToError, errorLine } from '../../../../shared/errors';
import { countryProblem, ISO_3166_ALPHA2, mntnerProblem, nameServersProblem, urlProblem } from '../../../../shared/rir/org-fields';

const ISO_CODES = '/usr/share/iso-codes/json/iso_3166-1.json';

describe('country', () => {
  it.skipIf(!existsSync(ISO_CODES))('is exactly the ISO 3166-1 alpha-2 list of iso-codes', () => {
    const ref = (JSON.parse(readFileSync(ISO_CODES, 'utf8')) as { '3166-1': { alpha_2: string }[] })['3166-1'].map((c) => c.alpha_2).sort();
    expect([...ISO_3166_ALPHA2].sort()).toEqual(ref);
  });
  it('accepts NL and nl, refuses XX, EU and N1', () => {
    expect(countryProblem('NL')).toBeNull();
    expect(countryProblem('nl')).toBeNull();
    expect(countryProblem('')).toBeNull();
    expect(countryProblem('XX')).toBe('"XX" is not an ISO 3166 country code');
    expect(countryProblem('EU')).toMatch(/not an ISO 3166 country code/);
    expect(countryProblem('N1')).toMatch(/two-letter/);
  });
});

describe('website, maintainer, name servers', () => {
  it('website: an http(s) URL with a host name', () => {
    expect(urlProblem('https://www.example.net/about')).toBeNull();
    expect(urlProblem('www.example.net')).toMatch(/web address/);
    expect(urlProblem('ftp://example.net')).toMatch(/https:\/\//);
    expect(urlProblem('http://localhost')).toMatch(/host/);
  });
  it('maintainer: an RPSL object name', () => {
    for (const ok of ['EXAMPLE-MNT', 'MNT-UY-EJEM-LACNIC', 'a_b-1']) expect(mntnerProblem(ok)).toBeNull();
    expect(mntnerProblem('1-MNT')).toMatch(/start with a letter/);
    expect(mntnerProblem('EXAMPLE MNT')).toMatch(/only letters, digits/);
    expect(mntnerProblem('EXAMPLE-')).toMatch(/end with a letter or a digit/);
    expect(mntnerProblem(`A${'B'.repeat(80)}`)).toMatch(/80/);
  });
  it('name servers: none, or two or more host names, none twice', () => {
    expect(nameServersProblem([])).toBeNull();
    expect(nameServersProblem(['ns1.example.net', 'ns2.example.org.'])).toBeNull();
    expect(nameServersProblem(['ns1.example.net'])).toMatch(/two or more/);
    expect(nameServersProblem(['ns1.example.net', 'bad_name.example'])).toBe('"bad_name.example" is not a host name, such as ns1.example.net');
    expect(nameServersProblem(['ns1.example.net', 'NS1.example.net.'])).toMatch(/named twice/);
  });
});

describe('the contract refuses them with the field named', () => {
  const parse = (input: unknown) => {
    const r = contract['requests.updateOrganisation'].input.safeParse(input);
    return r.success ? null : issuesToError(r.error.issues);
  };
  it('country, website, mntner, nameServers', () => {
    expect(parse({ country: 'XX' })).toMatchObject({ field: 'country', message: '"XX" is not an ISO 3166 country code' });
    expect(parse({ website: 'example' })).toMatchObject({ field: 'website' });
    expect(parse({ mntner: 'EXAMPLE MNT' })).toMatchObject({ field: 'mntner' });
    expect(parse({ nameServers: ['ns1.example.net'] })).toMatchObject({
      field: 'nameServers',
      message: expect.stringMatching(/^give two or more/),
    });
    expect(parse({ country: 'NL', website: 'https://example.net', mntner: 'EXAMPLE-MNT', nameServers: ['ns1.example.net', 'ns2.example.net'] })).toBeNull();
  });
});

describe('field paths in messages (issue 14, item 6)', () => {
  it('are plain words; a plain name stays as it is', () => {
    expect(fieldWords('items.2.measuredW')).toBe('item 3, measured (W)');
    expect(fieldWords('holdings[5].prefix')).toBe('holding 6, prefix');
    expect(fieldWords('contacts.0.email')).toBe('contact 1, email');
    expect(fieldWords('prefixLength')).toBe('prefixLength');
    expect(errorLine(invalid('items.0.nameplateW', 'must be greater than 0'))).toBe('item 1, nameplate (W): must be greater than 0');
    expect(invalid('items.0.nameplateW', 'x').field).toBe('items.0.nameplateW');
  });
});
