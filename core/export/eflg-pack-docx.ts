import { Document, HeadingLevel, Paragraph, TextRun, type Paragraph as DocxParagraph } from 'docx';
import type { EflgAssessment, EflgCriterionAssessment, EflgEvidenceItem, EflgModuleAssessment, EflgTaskLine } from '../eflg/self-assessment';
import { EFLG_LEVELS } from '../model';
import { formatDate, formatInstant, formatLongDate } from '../plan/london-time';
import { cell, clean, columns, heading, para, plural, ragCell, table, textTable, type Block } from './docx-cells';
import { docxPackage, writeTables } from './docx-package';
import { LANDSCAPE_PAGE, pageFooter, pageHeader, paperStyles } from './docx-paper';
import { ragKey } from './report-cover';

/**
 * The Equality Framework self-assessment as a Word document: the evidence pack a council takes to
 * its LGA peer challenge, drawn from the plan (core/eflg/self-assessment.ts). A cover naming the
 * council and the plan; how to read it (the rule for a level, the RAG key); a summary table; then
 * a Heading 1 per module and a Heading 2 per criterion, each with the level reached, the tasks
 * tagged to it (RAG as shape and word), the evidence their owners sent and what is missing for
 * the next level. Built with the board paper's parts (docx-cells.ts, docx-paper.ts, wordml.ts), so
 * every owner's words are cleaned of characters XML cannot hold and escaped as the paper's are.
 */
export interface EflgPackIdentity {
  council?: string;
  planTitle: string;
  /** Who asked for the pack (the cover's "prepared by"). */
  preparedBy?: string;
}

const PACK_NAME = 'Equality Framework self-assessment';

export async function eflgPackDocx(assessment: EflgAssessment, identity: EflgPackIdentity): Promise<Uint8Array> {
  const blocks: Block[] = [...coverBlocks(assessment, identity), ...summaryBlocks(assessment), ...assessment.modules.flatMap(moduleBlocks), ...untaggedBlocks(assessment)];
  const tables = await writeTables(blocks);
  return docxPackage(blocks, tables, (children) => pack(assessment, identity, children));
}

function pack(assessment: EflgAssessment, identity: EflgPackIdentity, children: DocxParagraph[]): Document {
  return new Document({
    creator: clean(identity.preparedBy ?? 'EDI Action Plan for Teams'),
    title: clean(`${identity.planTitle}: ${PACK_NAME} ${formatDate(assessment.asOf)}`),
    description: `Evidence against the ${assessment.framework}`,
    ...(identity.council && { subject: clean(identity.council) }),
    styles: paperStyles(),
    sections: [{ properties: LANDSCAPE_PAGE, headers: { default: pageHeader([identity.council, identity.planTitle, `${PACK_NAME} ${formatDate(assessment.asOf)}`]) }, footers: { default: pageFooter() }, children }],
  });
}

function coverBlocks(assessment: EflgAssessment, identity: EflgPackIdentity): Block[] {
  const details: [string, string][] = [
    ...(identity.council ? [['Council', identity.council] as [string, string]] : []),
    ['Plan', identity.planTitle],
    ['Framework', assessment.framework],
    ['Date', formatLongDate(assessment.asOf)],
    ['Prepared by', identity.preparedBy ?? 'Not recorded'],
    ['Tasks tagged', String(assessment.taggedTasks)],
  ];
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(`${identity.planTitle}: ${PACK_NAME}`))] }),
    ...(identity.council ? [new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: clean(identity.council), bold: true, size: 32 })] })] : []),
    ...para('Self-assessment and peer challenge evidence pack'),
    textTable(['Item', 'Detail'], details, columns(1, 4)),
    heading(1, 'How to read this pack'),
    ...para(
      `The pack sets the council's action plan against the ${assessment.framework}: its four modules and their criteria, each at three levels (${EFLG_LEVELS.join(', ')}). Officers tag each task with the criteria it evidences and the level it shows.`,
    ),
    leadIn('How a level is reached. ', assessment.rule),
    ...para('The criteria’s titles follow the framework; the notes on what a level looks like are a summary. Check them against the framework the LGA publishes before relying on them.'),
    ...para('RAG is shown as a symbol and a word in every table, so it does not rely on colour. The key:'),
    ragKey(),
  ];
}

function summaryBlocks(assessment: EflgAssessment): Block[] {
  const rows = assessment.modules.flatMap((m) => m.criteria.map((c) => ({ m, c })));
  return [
    heading(1, 'Summary', { pageBreakBefore: true }),
    ...para(
      `${plural(assessment.taggedTasks, 'task')} of the plan ${assessment.taggedTasks === 1 ? 'is' : 'are'} tagged to the framework; ${plural(assessment.untaggedOpenTasks, 'open task')} ${assessment.untaggedOpenTasks === 1 ? 'is' : 'are'} not tagged yet.`,
    ),
    table(
      ['Module', 'Criterion', 'Level reached', 'Next level', 'Tasks tagged'],
      rows,
      ({ m, c }) => [cell(`Module ${m.number}`), cell(c.title), cell(c.reached ? { text: c.reached, bold: true } : 'Not yet reached'), cell(c.next?.level ?? 'None: Excellent reached'), cell(String(c.tasks.length))],
      columns(1, 4, 1.4, 1.4, 1),
    ),
  ];
}

function moduleBlocks(m: EflgModuleAssessment): Block[] {
  return [
    heading(1, `Module ${m.number}: ${m.title}`, { pageBreakBefore: true }),
    ...para(m.summary),
    ...para(`${m.criteriaReached} of ${m.criteria.length} criteria have reached a level; ${plural(m.taggedTasks, 'task')} tagged.`),
    ...m.criteria.flatMap(criterionBlocks),
    ...(m.general ? criterionBlocks(m.general) : []),
  ];
}

function criterionBlocks(c: EflgCriterionAssessment): Block[] {
  const reached = c.reached ? `Level reached: ${c.reached} (shown by ${c.reachedBy.join(', ')}).` : 'Level reached: none yet.';
  return [
    heading(2, c.title),
    ...para({ text: reached, bold: true }),
    ...(c.tasks.length ? [tasksTable(c.tasks)] : para('No task is tagged to this criterion yet.')),
    ...(c.evidence.length ? [evidenceTable(c.evidence)] : c.tasks.length ? para('No evidence has been sent for these tasks yet.') : []),
    ...nextLevelBlocks(c),
  ];
}

function tasksTable(tasks: EflgTaskLine[]): Block {
  return table(
    ['Ref', 'Task', 'RAG', 'Status', 'Level claimed', 'Evidence sent'],
    tasks,
    (t) => [cell(t.ref), cell(t.title), ragCell(t.rag), cell(t.status), cell(t.level), cell(t.hasEvidence ? 'Yes' : 'No')],
    columns(0.8, 4.5, 1.1, 1.1, 1.1, 1),
  );
}

function evidenceTable(items: EflgEvidenceItem[]): Block {
  const what = (e: EflgEvidenceItem) => (e.kind === 'link' ? [{ text: e.text, bold: true }, e.url ?? ''] : [e.text]);
  const from = (e: EflgEvidenceItem) => [e.kind === 'link' ? 'Evidence link' : e.kind === 'update' ? 'With an update' : 'On the task', ...(e.by ? [e.by] : []), ...(e.at ? [formatInstant(e.at)] : [])].join('\n');
  return table(['Ref', 'Evidence', 'From'], items, (e) => [cell(e.taskRef), cell(what(e)), cell(from(e))], columns(0.8, 6, 2), { splitRows: true });
}

function nextLevelBlocks(c: EflgCriterionAssessment): Block[] {
  if (!c.next) return para('Excellent is reached: keep the evidence current for the peer team.');
  return [
    leadIn(`To reach ${c.next.level}`, c.next.looksLike ? `: ${c.next.looksLike}` : ''),
    ...c.next.missing.map((m) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(clean(m))] })),
  ];
}

/** A paragraph starting with bold words. */
function leadIn(bold: string, rest: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: clean(bold), bold: true }), ...(rest ? [new TextRun(clean(rest))] : [])] });
}

function untaggedBlocks(assessment: EflgAssessment): Block[] {
  if (assessment.untaggedOpenTasks === 0) return [];
  return [
    heading(1, 'Tasks not yet tagged', { pageBreakBefore: true }),
    ...para(`${plural(assessment.untaggedOpenTasks, 'open task')} of the plan ${assessment.untaggedOpenTasks === 1 ? 'is' : 'are'} not tagged to the framework. Tag those that evidence a criterion (in the task's edit form, under Equality Framework) so the pack draws on them.`),
  ];
}
