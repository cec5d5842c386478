/** The RFC 2901 checklist (spec §1.2): every step, what Headroom produces for it, what is done. */
import type { ChecklistStep } from '../../../shared/contract';
import { useChange, useContractQuery } from '../../data/query';
import { errorText, useReadFailure, useWorkspace } from '../../state';

const STATE_LABEL: Record<ChecklistStep['state'], string> = { done: 'done', ready: 'ready to draft', todo: 'to do', 'n/a': 'not needed' };

export function ChecklistView() {
  const { state, notify } = useWorkspace();
  const change = useChange();
  const checklist = useContractQuery('requests.checklist', {}, { enabled: Boolean(state) });
  useReadFailure(checklist.error);
  const steps: ChecklistStep[] = checklist.data ?? [];
  const readOnly = state?.readOnly ?? true;

  const tick = async (step: number, done: boolean) => {
    try {
      await change('requests.markStep', { step, done });
    } catch (e) {
      notify('error', errorText(e));
    }
  };
  const done = steps.filter((s) => s.state === 'done' || s.state === 'n/a').length;

  return (
    <section aria-labelledby="req-checklist-title" className="req-checklist">
      <h2 id="req-checklist-title">
        RFC 2901 checklist <span className="muted req-progress">{steps.length > 0 ? `${done} of ${steps.length} settled` : ''}</span>
      </h2>
      <table className="req-table" data-testid="checklist">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>Step</th>
            <th>What Headroom produces</th>
            <th>State</th>
            <th>Where it stands</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.step} data-step={s.step} data-state={s.state}>
              <td className="num">{s.step}</td>
              <td>{s.title}</td>
              <td className="muted">{s.produces}</td>
              <td>
                {s.manual ? (
                  <label className="req-tick">
                    <input
                      type="checkbox"
                      checked={s.state === 'done'}
                      disabled={readOnly}
                      onChange={(e) => void tick(s.step, e.target.checked)}
                      aria-label={`Step ${s.step} done`}
                    />
                    <span className={`req-state state-${s.state.replace('/', '')}`}>{STATE_LABEL[s.state]}</span>
                  </label>
                ) : (
                  <span className={`req-state state-${s.state.replace('/', '')}`}>{STATE_LABEL[s.state]}</span>
                )}
              </td>
              <td>{s.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
