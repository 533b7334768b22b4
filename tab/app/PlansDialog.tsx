import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { BoardRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from './api-client';
import type { PlanListItem } from './api-types';
import { CarryForwardPanel } from './CarryForwardPanel';
import { countOf } from './format';
import { NewPlanForm } from './NewPlanForm';
import { changePlan, formatPeriod } from './plans-api';

const useStyles = makeStyles({
  surface: { maxWidth: '52rem', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  what: { flex: '1 1 20rem', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  facts: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  confirm: { flexBasis: '100%', display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  problem: { flexBasis: '100%' },
});

export interface PlansDialogProps {
  plans: PlanListItem[];
  /** The plan the page shows (undefined: the address names no plan there is). */
  current?: PlanListItem;
  /** A plan was started or changed, or tasks carried: the plan list reloads. */
  onChanged: () => void;
  /** The dialog closed; `changed`: something changed while it was open. */
  onClosed: (changed: boolean) => void;
}

/**
 * Officers: every plan and its state, where a plan is made active or closed (with a confirm
 * step), a new one started, and open tasks carried from one plan into another. Focus goes back to
 * the Plans button when it closes (Fluent's DialogTrigger).
 */
export function PlansDialog({ plans, current, onChanged, onClosed }: PlansDialogProps) {
  const styles = useStyles();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string>();
  // A plan just started: the carry-forward panel offers its predecessor's tasks for it.
  const [carryInto, setCarryInto] = useState<{ from?: string; to: string }>();
  const changed = useRef(false);
  const noticeRef = useRef<HTMLDivElement>(null);

  const changedWith = (message?: string) => {
    changed.current = true;
    onChanged();
    if (message !== undefined) {
      setNotice(message);
      // The row's buttons may be gone (a closed plan): focus goes to what happened.
      setTimeout(() => noticeRef.current?.focus(), 0);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (data.open) return;
        setNotice(undefined);
        setCarryInto(undefined);
        onClosed(changed.current);
        changed.current = false;
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<BoardRegular />}>Plans</Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Plans</DialogTitle>
          <DialogContent className={styles.content}>
            <div role="status" aria-live="polite" tabIndex={-1} ref={noticeRef}>
              {notice && (
                <MessageBar intent="success">
                  <MessageBarBody>{notice}</MessageBarBody>
                </MessageBar>
              )}
            </div>
            <section className={styles.section} aria-labelledby={headingId}>
              <h3 id={headingId} className={styles.heading}>
                All plans
              </h3>
              <ul className={styles.list}>
                {plans.map((p) => (
                  <PlanRow key={p.id} plan={p} isCurrent={p.id === current?.id} onChanged={changedWith} />
                ))}
              </ul>
            </section>
            <NewPlanForm
              plans={plans}
              onStarted={(plan, predecessorId) => {
                changedWith();
                setCarryInto({ from: predecessorId, to: plan.id });
              }}
            />
            <CarryForwardPanel plans={plans} defaultFrom={carryInto?.from ?? current?.id} defaultTo={carryInto?.to} onCarried={() => changedWith()} />
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function PlanRow({ plan, isCurrent, onChanged }: { plan: PlanListItem; isCurrent: boolean; onChanged: (message: string) => void }) {
  const styles = useStyles();
  const problemId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const closeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Into the confirm step: focus on its button; back out of it: focus on "Close plan" again.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) closeButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const change = async (state: 'Active' | 'Closed') => {
    setBusy(true);
    setProblem(undefined);
    try {
      const saved = await changePlan(plan.id, { state });
      wasConfirming.current = false;
      setConfirming(false);
      onChanged(state === 'Closed' ? `"${saved.name}" is closed. Its tasks stay as they are, to read.` : `"${saved.name}" is active.`);
    } catch (error) {
      setProblem(error instanceof ApiError ? (Object.values(error.fieldErrors)[0] ?? error.message) : 'The plan could not be changed. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={styles.item} data-plan={plan.key} data-plan-state={plan.state}>
      <div className={styles.what}>
        <strong>{plan.name}</strong>
        <span className={styles.facts}>
          {[plan.kind, formatPeriod(plan.periodStart, plan.periodEnd), plan.state, `${countOf(plan.openTasks, 'open task')} of ${plan.tasks}`, isCurrent ? 'shown now' : ''].filter(Boolean).join(' · ')}
        </span>
      </div>
      {plan.state !== 'Closed' && !confirming && (
        <div className={styles.actions}>
          {plan.state === 'Draft' && (
            <Button aria-label={`Make active ${plan.name}`} aria-describedby={problem ? problemId : undefined} disabledFocusable={busy} onClick={() => void change('Active')}>
              Make active
            </Button>
          )}
          <Button ref={closeButton} aria-label={`Close plan ${plan.name}`} aria-describedby={problem ? problemId : undefined} disabledFocusable={busy} onClick={() => setConfirming(true)}>
            Close plan
          </Button>
        </div>
      )}
      {confirming && (
        <p className={styles.confirm}>
          <span>Close &quot;{plan.name}&quot;? Its tasks stay as they are; carry the open ones forward first if they go on.</span>
          <Button ref={confirmButton} appearance="primary" disabledFocusable={busy} onClick={() => void change('Closed')}>
            {busy ? 'Closing…' : 'Yes, close the plan'}
          </Button>
          <Button disabledFocusable={busy} onClick={() => setConfirming(false)}>
            Keep it open
          </Button>
        </p>
      )}
      {problem && (
        <div className={styles.problem} role="alert" id={problemId}>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        </div>
      )}
    </li>
  );
}
