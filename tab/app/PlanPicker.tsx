import { useRef } from 'react';
import { Dropdown, Field, Link, Option, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { PlanListItem } from './api-types';
import { PlansDialog } from './PlansDialog';
import { currentPlanIn, fetchPlans, findPlanIn, formatPeriod, planLabel } from './plans-api';
import { pagePlanParam, planAddress } from './url-state';
import { useAsync } from './use-async';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  current: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flex: '1 1 18rem', overflowWrap: 'anywhere' },
  name: { ...typographyStyles.subtitle2, color: tokens.colorNeutralForeground1 },
  period: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2 },
  field: { flex: '0 1 28rem', minWidth: 0 },
  dropdown: { minWidth: 0, width: '100%' },
  muted: { ...typographyStyles.caption1, margin: 0, color: tokens.colorNeutralForeground2 },
  choices: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  // A list of links, not links in a sentence: each at least 24px tall (WCAG 2.5.8).
  choice: { display: 'inline-block', minHeight: '24px', lineHeight: '24px' },
});

export interface PlanPickerProps {
  isOfficer: boolean;
  /** The officers' plans dialog closed after it changed something (tasks carried, a plan closed): the page reloads its view. */
  onPlansChanged: () => void;
}

/**
 * Under the page's title: the plan on show (its name and period) and, when there are several, a
 * "Plan" list to open another. Choosing one is a full navigation to `?plan=<key>` (every view
 * loads that plan; the filters and open task, which were the old plan's, are left behind).
 * Officers get the Plans dialog beside it.
 */
export function PlanPicker({ isOfficer, onPlansChanged }: PlanPickerProps) {
  const styles = useStyles();
  const { state, reload } = useAsync('plans', fetchPlans);
  // A reload that fails (after a change in the dialog) keeps the list on show, and the dialog open.
  const shown = useRef<PlanListItem[]>(undefined);
  if (state.kind === 'loaded') shown.current = state.value;
  const plans = shown.current;
  if (!plans) return state.kind === 'error' ? <p className={styles.muted}>The list of plans is not available: {state.message}</p> : null;
  const named = pagePlanParam();
  const current = currentPlanIn(plans, named);
  const open = (key: string | undefined) => {
    if (key && key !== current?.key) window.location.assign(planAddress(key));
  };

  return (
    <div className={styles.row} data-plan-picker="">
      {current && (
        <p className={styles.current} data-current-plan={current.key}>
          <span className={styles.name}>{current.name}</span>
          <span className={styles.period}>
            {formatPeriod(current.periodStart, current.periodEnd)}
            {current.state === 'Active' ? '' : ` (${current.state})`}
          </span>
        </p>
      )}
      {(plans.length > 1 || !current) && (
        <Field label="Plan" className={styles.field}>
          <Dropdown
            className={styles.dropdown}
            value={current ? planLabel(current) : ''}
            placeholder="Choose a plan"
            selectedOptions={current ? [current.key] : []}
            onOptionSelect={(_, data) => open(data.optionValue)}
          >
            {plans.map((p) => (
              <Option key={p.id} value={p.key} text={planLabel(p)}>
                {planLabel(p)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {isOfficer && <PlansDialog plans={plans} current={current} onChanged={reload} onClosed={(changed) => changed && onPlansChanged()} />}
    </div>
  );
}

/**
 * Beside the page's "no such plan" message (the API's 404 for an unknown `?plan=`): the plans
 * there are, as links. Nothing when the address names a plan that exists (another failure).
 */
export function UnknownPlanChoices() {
  const styles = useStyles();
  const named = pagePlanParam();
  const { state } = useAsync(named ? 'plans' : undefined, fetchPlans);
  if (!named || state.kind !== 'loaded' || findPlanIn(state.value, named) || state.value.length === 0) return null;
  return <PlanLinks plans={state.value} className={styles.choices} itemClassName={styles.choice} />;
}

function PlanLinks({ plans, className, itemClassName }: { plans: PlanListItem[]; className: string; itemClassName: string }) {
  return (
    <>
      <span> Open one of these plans:</span>
      <ul className={className} aria-label="Plans">
        {plans.map((p) => (
          <li key={p.id}>
            <Link className={itemClassName} href={planAddress(p.key)}>
              {planLabel(p)}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
