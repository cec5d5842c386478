/**
 * Issue 16, third round (duplicates found by review): the Routing view's add-route form repeated
 * AddAsnForm and AddPrefixForm line for line (errors and busy state, the submit wrapper, the
 * field that forgets a stale refusal, the submit button, the form-wide alert), and the view drew
 * its routes and its findings with two copies of one table body. Each now has one home:
 * renderer/components/SubmitForm.tsx for the forms, one table component in RoutingView.tsx.
 * This reads the sources, so a copy that comes back fails here, not at the next review.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

const FORMS = ['renderer/features/routing/RoutingView.tsx', 'renderer/features/asns/AddAsnForm.tsx', 'renderer/features/registry/AddPrefixForm.tsx'];

describe('the add forms share one field-and-submit form', () => {
  it.each(FORMS)('%s uses SubmitForm and keeps no copy of its parts', (file) => {
    const src = read(file);
    expect(src).toMatch(/from '\.\.\/\.\.\/components\/SubmitForm'/);
    expect(src).toMatch(/<SubmitForm\b/);
    // The parts SubmitForm owns: errors and busy state, the submit row and the form-wide alert.
    expect(src).not.toMatch(/useState<Record<string, string>>/);
    expect(src).not.toMatch(/className="form-submit"/);
    expect(src).not.toMatch(/errors\._ &&/);
    expect(src).not.toMatch(/setBusy\(/);
  });

  it('SubmitForm is the one place that holds them', () => {
    const src = read('renderer/components/SubmitForm.tsx');
    expect(src).toMatch(/className="form-submit"/);
    expect(src).toMatch(/role="alert"/);
    expect(src).toMatch(/errorsFrom\(/);
  });
});

describe('the Routing view draws its tables with one table body', () => {
  it('has one <tbody> and one <thead> in its source', () => {
    const src = read('renderer/features/routing/RoutingView.tsx');
    expect(src.match(/<tbody>/g)?.length).toBe(1);
    expect(src.match(/<thead>/g)?.length).toBe(1);
  });
});
