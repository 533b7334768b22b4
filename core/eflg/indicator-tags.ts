import { EFLG_LEVELS, type EflgLevel, type EflgModule, type EflgTag } from '../model';
import { EFLG_FRAMEWORK, eflgCriterion, type EflgCriterion } from './framework';

/** What an imported plan's indicator column says about the framework: a module, maybe a criterion, maybe a level. */
export interface EflgSuggestion {
  module: EflgModule;
  criterion?: string;
  /** Only when the text names one ("Achieving"). */
  level?: EflgLevel;
}

/** Words too common in equality plans to tell one criterion from another. */
const COMMON = new Set(['and', 'the', 'of', 'in', 'into', 'with', 'using', 'for', 'to', 'equality', 'information', 'services', 'service']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9.\s]/g, ' ')
    .split(/[\s.]+/)
    .filter(Boolean);
}

const normalised = (text: string) => words(text).join(' ');
const significant = (text: string) => words(text).filter((w) => w.length >= 4 && !COMMON.has(w));

/** The text names the framework itself, so a bare number is the framework's. */
const NAMES_FRAMEWORK = /\b(?:eflg|lga|equality framework)\b/i;

/**
 * The criterion a number in the text names ("1.1 Collecting and sharing information"), when the
 * rest of the text agrees: a plan's own "2.1 Workforce" is not the framework's 2.1 (political and
 * officer leadership). It agrees when nothing else is written, when it names the framework, or
 * when it shares a telling word with the criterion's title ("3.1 Commissioning and procurement").
 */
function criterionByNumber(text: string): EflgCriterion | undefined {
  const match = /(?:^|[^\d.])([1-4]\.[1-9])(?![\d.])/.exec(text);
  const found = match ? eflgCriterion(match[1]!) : undefined;
  if (!found) return undefined;
  const rest = text.replace(match![1]!, ' ');
  const restWords = significant(rest.replace(/\b(?:module|criterion|indicator|theme|developing|achieving|excellent)\b/gi, ' '));
  if (restWords.length === 0 || NAMES_FRAMEWORK.test(text)) return found;
  const titleWords = new Set(significant(found.title));
  return restWords.some((w) => titleWords.has(w)) ? found : undefined;
}

/** The criterion whose whole title the text contains ("Fostering good relations"). */
function criterionByTitle(text: string): EflgCriterion | undefined {
  const t = ` ${normalised(text)} `;
  return EFLG_FRAMEWORK.flatMap((m) => m.criteria).find((c) => t.includes(` ${normalised(c.title)} `));
}

function moduleNamed(text: string): EflgModule | undefined {
  const numbered = /\bmodule\s*([1-4])\b/i.exec(text);
  if (numbered) return Number(numbered[1]) as EflgModule;
  const t = ` ${normalised(text)} `;
  return EFLG_FRAMEWORK.find((m) => t.includes(` ${normalised(m.title)} `))?.number;
}

function levelNamed(text: string): EflgLevel | undefined {
  return EFLG_LEVELS.find((l) => new RegExp(`\\b${l}\\b`, 'i').test(text));
}

/**
 * A suggested tag from a free-text indicator or theme ("1.1 Collecting and sharing information",
 * "Module 4: Diverse and engaged workforce", "EFLG 2.3 – Achieving"), or undefined when the text
 * does not clearly name the framework's module or criterion. A criterion wins over a module it
 * belongs to; a criterion of a different module than the one named is not trusted.
 */
export function eflgFromIndicator(text: string | undefined): EflgSuggestion | undefined {
  if (!text?.trim()) return undefined;
  const level = levelNamed(text);
  const module = moduleNamed(text);
  const criterion = criterionByNumber(text) ?? criterionByTitle(text);
  const withLevel = <T extends object>(s: T) => ({ ...s, ...(level && { level }) });
  if (criterion && (module === undefined || module === criterion.module)) return withLevel({ module: criterion.module, criterion: criterion.id });
  return module ? withLevel({ module }) : undefined;
}

/**
 * The tag an import gives a new task from its indicator: the suggestion, at the level the text
 * names, else Developing (the framework's first level: that work on the criterion is under way).
 * An officer raises the level in the task's edit form when the evidence supports it.
 */
export function eflgTagsFromIndicator(text: string | undefined): EflgTag[] | undefined {
  const s = eflgFromIndicator(text);
  return s ? [{ module: s.module, ...(s.criterion && { criterion: s.criterion }), level: s.level ?? 'Developing' }] : undefined;
}
