import { EFLG_LEVELS, type EflgLevel, type EflgModule, type EflgTag, type IsoDate, type IsoInstant, type Rag, type Task, type TaskStatus, type Update } from '../model';
import { compareRefs } from '../plan/ref-order';
import { EFLG_EDITION, EFLG_FRAMEWORK, nextEflgLevel, type EflgModuleInfo } from './framework';

/**
 * The plan read against the Equality Framework for Local Government: per module and criterion,
 * the tasks tagged to it, the evidence their owners sent, the level reached and what is missing
 * for the next. Pure: the tasks and their updates in, the assessment out (the tab's view and the
 * peer-challenge evidence pack are both drawn from it).
 */

/** The rule, in the words the view and the pack print. */
export const EFLG_LEVEL_RULE =
  'A criterion reaches a level when at least one task tagged at that level or above is Green or Complete and its owners have sent evidence for it (with an update, or as an evidence link). The level shown is the highest reached this way (levels build on each other, so a task showing Achieving shows Developing too); withdrawn and carried-forward tasks do not count.';

/** How many of a task's updates with evidence the assessment quotes (newest first). */
export const EVIDENCE_UPDATES_PER_TASK = 3;

export interface EflgTaskLine {
  id: string;
  ref: string;
  title: string;
  rag: Rag;
  status: TaskStatus;
  /** The level the tag claims. */
  level: EflgLevel;
  /** Green or Complete. */
  onTrack: boolean;
  /** Its owners sent evidence (an update's evidence, the task's evidence or an evidence link). */
  hasEvidence: boolean;
}

export interface EflgEvidenceItem {
  taskRef: string;
  /** An update's evidence, the task's own evidence text (an import's, with no update behind it), or an evidence link. */
  kind: 'update' | 'task' | 'link';
  text: string;
  /** A link's address (https). */
  url?: string;
  at?: IsoInstant;
  by?: string;
}

export interface EflgNextLevel {
  level: EflgLevel;
  /** What the level looks like for this criterion (framework.ts); none for a module-wide tag. */
  looksLike?: string;
  /** What stands between the criterion and that level, one sentence each. */
  missing: string[];
}

export interface EflgCriterionAssessment {
  /** "2.3"; "2" for the tasks tagged to module 2 as a whole. */
  id: string;
  title: string;
  tasks: EflgTaskLine[];
  evidence: EflgEvidenceItem[];
  reached?: EflgLevel;
  /** The tasks that show the level reached. */
  reachedBy: string[];
  /** Absent once Excellent is reached. */
  next?: EflgNextLevel;
}

export interface EflgModuleAssessment {
  number: EflgModule;
  title: string;
  summary: string;
  criteria: EflgCriterionAssessment[];
  /** Tasks tagged to the module without naming a criterion. */
  general?: EflgCriterionAssessment;
  /** Criteria with any level reached, of all the module's criteria. */
  criteriaReached: number;
  taggedTasks: number;
}

export interface EflgAssessment {
  framework: string;
  rule: string;
  asOf: IsoDate;
  modules: EflgModuleAssessment[];
  /** Tasks with at least one tag (withdrawn and carried forward ones left out). */
  taggedTasks: number;
  /** Open tasks with no tag: work the self-assessment does not yet draw on. */
  untaggedOpenTasks: number;
}

export interface EflgAssessmentInput {
  tasks: readonly Task[];
  /** Each tagged task's updates (any order). */
  updatesByTask: ReadonlyMap<string, readonly Update[]>;
  today: IsoDate;
}

/** Tasks that can evidence anything: withdrawn work and work carried into another plan cannot. */
const counts = (t: Task) => t.status === 'Open' || t.status === 'Complete';
const onTrack = (rag: Rag) => rag === 'Green' || rag === 'Complete';
const has = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

interface Tagged {
  task: Task;
  tag: EflgTag;
}

export function buildEflgAssessment(input: EflgAssessmentInput): EflgAssessment {
  const live = input.tasks.filter(counts);
  const tagged: Tagged[] = live.flatMap((task) => (task.eflg ?? []).map((tag) => ({ task, tag })));
  const evidenceOf = evidenceReader(input.updatesByTask);
  const modules = EFLG_FRAMEWORK.map((m) => moduleAssessment(m, tagged.filter((t) => t.tag.module === m.number), evidenceOf));
  return {
    framework: EFLG_EDITION,
    rule: EFLG_LEVEL_RULE,
    asOf: input.today,
    modules,
    taggedTasks: live.filter((t) => t.eflg?.length).length,
    untaggedOpenTasks: live.filter((t) => t.status === 'Open' && !t.eflg?.length).length,
  };
}

function moduleAssessment(m: EflgModuleInfo, tagged: Tagged[], evidenceOf: (task: Task) => EflgEvidenceItem[]): EflgModuleAssessment {
  const criteria = m.criteria.map((c) =>
    criterionAssessment(
      c.id,
      `${c.id} ${c.title}`,
      tagged.filter((t) => t.tag.criterion === c.id),
      evidenceOf,
      (level) => c.levels[level],
    ),
  );
  const moduleWide = tagged.filter((t) => !t.tag.criterion);
  const general = moduleWide.length ? criterionAssessment(String(m.number), `Module ${m.number} as a whole`, moduleWide, evidenceOf, () => undefined) : undefined;
  return {
    number: m.number,
    title: m.title,
    summary: m.summary,
    criteria,
    ...(general && { general }),
    criteriaReached: criteria.filter((c) => c.reached).length,
    taggedTasks: new Set(tagged.map((t) => t.task.id)).size,
  };
}

function criterionAssessment(id: string, title: string, tagged: Tagged[], evidenceOf: (task: Task) => EflgEvidenceItem[], looksLike: (level: EflgLevel) => string | undefined): EflgCriterionAssessment {
  const sorted = [...tagged].sort((a, b) => compareRefs(a.task.ref, b.task.ref));
  const evidence = sorted.flatMap((t) => evidenceOf(t.task));
  const withEvidence = new Set(evidence.map((e) => e.taskRef));
  const tasks: EflgTaskLine[] = sorted.map(({ task, tag }) => ({
    id: task.id,
    ref: task.ref,
    title: task.title,
    rag: task.rag,
    status: task.status,
    level: tag.level,
    onTrack: onTrack(task.rag),
    hasEvidence: withEvidence.has(task.ref),
  }));
  const shows = (level: EflgLevel) => tasks.filter((t) => atOrAbove(t.level, level) && t.onTrack && t.hasEvidence);
  const reached = [...EFLG_LEVELS].reverse().find((level) => shows(level).length > 0);
  const nextLevel = nextEflgLevel(reached);
  const next = nextLevel && { level: nextLevel, ...(looksLike(nextLevel) && { looksLike: looksLike(nextLevel) }), missing: missingFor(nextLevel, tasks) };
  return { id, title, tasks, evidence, ...(reached && { reached }), reachedBy: reached ? shows(reached).map((t) => t.ref) : [], ...(next && { next }) };
}

const refList = (lines: EflgTaskLine[]) => lines.map((t) => t.ref).join(', ');
const atOrAbove = (tagged: EflgLevel, level: EflgLevel) => EFLG_LEVELS.indexOf(tagged) >= EFLG_LEVELS.indexOf(level);

/** What stands between the criterion and `level`: no task tagged at it (or above), none Green yet, no evidence sent. */
export function missingFor(level: EflgLevel, tasks: readonly EflgTaskLine[]): string[] {
  const at = tasks.filter((t) => atOrAbove(t.level, level));
  if (at.length === 0) return [`No task is tagged at ${level}${level === EFLG_LEVELS.at(-1) ? '' : ' or above'} yet: tag a task whose work would show it.`];
  const missing: string[] = [];
  const green = at.filter((t) => t.onTrack);
  if (green.length === 0) missing.push(`Not yet Green or Complete: ${at.map((t) => `${t.ref} (${t.rag})`).join(', ')}.`);
  const unevidenced = (green.length ? green : at).filter((t) => !t.hasEvidence);
  if (unevidenced.length) missing.push(`No evidence sent yet for ${refList(unevidenced)}: ask the owners to send evidence with their next update, or add an evidence link.`);
  return missing;
}

/** A task's evidence: its links, then its updates' evidence (newest first, the same words once), else the task's own evidence text. */
function evidenceReader(updatesByTask: ReadonlyMap<string, readonly Update[]>): (task: Task) => EflgEvidenceItem[] {
  const cache = new Map<string, EflgEvidenceItem[]>();
  return (task) => {
    let items = cache.get(task.id);
    if (items) return items;
    const links: EflgEvidenceItem[] = (task.evidenceLinks ?? []).map((l) => ({ taskRef: task.ref, kind: 'link', text: l.title, url: l.url, ...(l.addedAt && { at: l.addedAt }), ...(l.addedBy && { by: l.addedBy.displayName }) }));
    const updates = [...(updatesByTask.get(task.id) ?? [])].filter((u) => has(u.evidence)).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    const seen = new Set<string>();
    const said: EflgEvidenceItem[] = [];
    for (const u of updates) {
      const text = u.evidence!.trim();
      if (seen.has(text)) continue;
      seen.add(text);
      said.push({ taskRef: task.ref, kind: 'update', text, at: u.submittedAt, by: u.submittedBy.displayName });
      if (said.length === EVIDENCE_UPDATES_PER_TASK) break;
    }
    // An imported task may carry evidence with no update behind it.
    if (has(task.evidence) && !seen.has(task.evidence.trim())) said.unshift({ taskRef: task.ref, kind: 'task', text: task.evidence.trim() });
    items = [...links, ...said.slice(0, EVIDENCE_UPDATES_PER_TASK)];
    cache.set(task.id, items);
    return items;
  };
}
