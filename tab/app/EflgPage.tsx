import { Button, Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { DocumentTextRegular, OpenRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import type { EflgAssessment, EflgCriterionAssessment, EflgEvidenceItem, EflgModuleAssessment } from './api-types';
import { fetchEflg } from './eflg-api';
import { countOf, formatInstantAsDate, formatIsoDate } from './format';
import { LoadedView } from './LoadedView';
import { RagBadge } from './RagBadge';
import { sectionCard } from './shared-styles';
import { useAsync } from './use-async';
import { DownloadResult, useDownload } from './use-download';
import { visuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground1 },
  muted: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground2 },
  module: {
    ...sectionCard,
    '@media (max-width: 600px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
  moduleHeading: { ...typographyStyles.subtitle1, margin: 0, color: tokens.colorNeutralForeground1 },
  criterion: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  criterionHeading: { ...typographyStyles.subtitle2, margin: 0, color: tokens.colorNeutralForeground1 },
  label: { ...typographyStyles.body1Strong, margin: 0, color: tokens.colorNeutralForeground1 },
  list: { ...typographyStyles.body1, margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground1 },
  tasks: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  task: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, ...typographyStyles.body1, color: tokens.colorNeutralForeground1 },
  // At least 24px tall, the minimum target size (WCAG 2.5.8).
  open: { minHeight: '24px', textAlign: 'start', overflowWrap: 'anywhere' },
  evidence: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hidden: visuallyHidden,
});

export interface EflgPageProps {
  isOfficer: boolean;
  /** Opens a task in the plan's task panel. */
  onOpenTask: (taskId: string) => void;
}

/** `?view=eflg`: the plan against the LGA Equality Framework, per module and criterion, loaded when shown. */
export function EflgPage({ isOfficer, onOpenTask }: EflgPageProps) {
  const { state, reload } = useAsync('eflg', fetchEflg);

  return (
    <LoadedView state={state} onRetry={reload} loading="Loading the Equality Framework self-assessment…" failed="The Equality Framework self-assessment could not be loaded.">
      {(assessment) => (
        <>
          <Intro assessment={assessment} isOfficer={isOfficer} />
          {assessment.modules.map((m) => (
            <ModuleSection key={m.number} module={m} onOpenTask={onOpenTask} />
          ))}
        </>
      )}
    </LoadedView>
  );
}

function Intro({ assessment, isOfficer }: { assessment: EflgAssessment; isOfficer: boolean }) {
  const styles = useStyles();
  return (
    <div className={styles.intro}>
      <p className={styles.muted}>
        Self-assessment against the {assessment.framework}, as at {formatIsoDate(assessment.asOf)}.
      </p>
      <p className={styles.text}>
        {countOf(assessment.taggedTasks, 'task')} tagged to the framework; {countOf(assessment.untaggedOpenTasks, 'open task')} not tagged yet. Officers tag a task in its edit form, under
        Equality Framework.
      </p>
      <p className={styles.text}>
        <strong>How a level is reached.</strong> {assessment.rule}
      </p>
      {isOfficer && <EvidencePackButton />}
    </div>
  );
}

/** The self-assessment / peer-challenge evidence pack as Word (officers). */
function EvidencePackButton() {
  const styles = useStyles();
  const { busy, result, download } = useDownload();
  return (
    <div>
      <div className={styles.actions}>
        <Button
          icon={<DocumentTextRegular />}
          disabled={busy !== undefined}
          disabledFocusable={busy !== undefined}
          onClick={() => void download({ key: 'pack', path: '/api/export/eflg-pack.docx', fallbackName: 'equality-framework-evidence.docx', what: 'The evidence pack' })}
        >
          {busy ? 'Preparing…' : 'Evidence pack (Word)'}
        </Button>
      </div>
      <DownloadResult result={result} />
    </div>
  );
}

function ModuleSection({ module: m, onOpenTask }: { module: EflgModuleAssessment; onOpenTask: (taskId: string) => void }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.module} aria-labelledby={headingId} data-eflg-module={m.number}>
      <h2 id={headingId} className={styles.moduleHeading}>
        Module {m.number}: {m.title}
      </h2>
      <p className={styles.muted}>
        {m.summary} {m.criteriaReached} of {m.criteria.length} criteria have reached a level; {countOf(m.taggedTasks, 'task')} tagged.
      </p>
      {m.criteria.map((c) => (
        <CriterionSection key={c.id} criterion={c} onOpenTask={onOpenTask} />
      ))}
      {m.general && <CriterionSection criterion={m.general} onOpenTask={onOpenTask} />}
    </section>
  );
}

function CriterionSection({ criterion: c, onOpenTask }: { criterion: EflgCriterionAssessment; onOpenTask: (taskId: string) => void }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.criterion} aria-labelledby={headingId} data-eflg-criterion={c.id} data-reached={c.reached ?? ''}>
      <h3 id={headingId} className={styles.criterionHeading}>
        {c.title}
      </h3>
      <p className={styles.text} data-level-reached="">
        Level reached: {c.reached ? <strong>{c.reached}</strong> : 'none yet'}
        {c.reached && ` (shown by ${c.reachedBy.join(', ')})`}
      </p>
      {c.tasks.length === 0 ? (
        <p className={styles.muted}>No task is tagged to this criterion yet.</p>
      ) : (
        <ul className={styles.tasks} aria-label={`Tasks tagged to ${c.title}`}>
          {c.tasks.map((t) => (
            <li key={t.id} className={styles.task} data-task-ref={t.ref} data-level={t.level}>
              <Link as="button" className={styles.open} aria-haspopup="dialog" data-open-task={t.id} onClick={() => onOpenTask(t.id)}>
                {t.ref} {t.title}
              </Link>
              <RagBadge rag={t.rag} />
              <span>Level claimed: {t.level}</span>
            </li>
          ))}
        </ul>
      )}
      {c.evidence.length > 0 && <EvidenceList items={c.evidence} title={c.title} />}
      {c.next ? (
        <div data-next-level={c.next.level}>
          <p className={styles.text}>
            <strong>To reach {c.next.level}:</strong> {c.next.looksLike}
          </p>
          <ul className={styles.list} aria-label={`Missing for ${c.next.level}`}>
            {c.next.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className={styles.text}>Excellent is reached: keep the evidence current for the peer team.</p>
      )}
    </section>
  );
}

function EvidenceList({ items, title }: { items: EflgEvidenceItem[]; title: string }) {
  const styles = useStyles();
  return (
    <>
      <p className={styles.label}>Evidence sent</p>
      <ul className={styles.list} aria-label={`Evidence for ${title}`}>
        {items.map((e, i) => (
          <li key={`${e.taskRef}-${i}`} className={styles.evidence} data-evidence-kind={e.kind}>
            {e.taskRef}:{' '}
            {e.kind === 'link' && e.url ? (
              <Link href={e.url} target="_blank" rel="noopener noreferrer">
                {e.text} <OpenRegular aria-hidden />
                <span className={styles.hidden}> (opens in a new window)</span>
              </Link>
            ) : (
              e.text
            )}
            {(e.by || e.at) && <span className={styles.muted}> ({[e.by, e.at && formatInstantAsDate(e.at)].filter(Boolean).join(', ')})</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
