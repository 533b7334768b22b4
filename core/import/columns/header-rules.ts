import type { PlanField } from './plan-fields';

/** A header cell as compared: lower case, "(s)" and punctuation gone, spaces collapsed. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\(s\)/g, '')
    .replace(/[^a-z0-9%#'/&]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Headers councils use, by meaning. Tried in order on the normalised header; the first that fits
 * wins, so narrow meanings ("accountable officer", "supporting services") come before the broad
 * ones they contain ("officer", "service").
 */
const RULES: [PlanField, RegExp][] = [
  ['ref', /^(?:no|ref|refs|reference|ref no|ref number|number|item|item no|id|#|action no|action number|action ref|action id|task no|task ref|task number|task id)$/],
  ['title', /^(?:tasks?|actions?|key actions?|key tasks?|activity|activities|action task|task action|action required|actions required|specific actions?|what we will do|what will we do|what are we going to do|initiatives?|commitments?|deliverables?|task description|action description)$/],
  ['kind', /^(?:type|task type|kind|action type|priority or ongoing|priority ongoing|priority \/ ongoing|priority\/ongoing|one off or ongoing)$/],
  // A measure's own columns: short, exact headers, so wording such as "How will we measure success?"
  // stays the success measure (words) and "Target date" the deadline.
  ['measure', /^(?:measures?|measure name|performance measures?|kpis?|kpi name|key performance indicators?|performance indicators?)$/],
  ['baseline', /\bbaselines?\b|starting (?:position|point|figure)|\bstart (?:point|position)/],
  ['target', /^(?:kpi |measure |performance )?targets?\b(?! ?(?:dates?|groups?|audiences?|communit|complet|deadline))/],
  ['measureUnit', /^(?:units? of measure(?:ment)?|measure(?:ment)? units?)$/],
  ['tolerance', /^(?:rag )?tolerances?(?: (?:levels?|thresholds?))?$|^rag thresholds?$/],
  ['percentComplete', /%|percent|per cent/],
  ['accountableOfficer', /\baccountable\b|\bsenior responsible\b|\bsro\b|\bsponsor\b/],
  ['groupsImpacted', /protected characteristic|\bgroups?\b.*\bimpact|\bimpacted\b|equality groups?|who (?:will )?benefits?|beneficiar/],
  ['strategy', /strateg|corporate plan|council plan|link to/],
  ['supportingServices', /\bsupporting\b|^support$|\bpartners?\b|\bcontributors?\b|\bother services\b/],
  ['evidence', /evidence/],
  ['risks', /\brisks?\b|\bissues?\b|\bconcerns?\b|\bbarriers?\b/],
  ['rag', /\bb?rag\b|\brating\b|traffic light|^(?:overall |current |progress )?status$/],
  ['deadline', /deadline|timescale|time ?frame|\bdates?\b|\bdue\b|by when|^when$|target date|completion|milestone/],
  ['successMeasure', /measur|\bsuccess\b|\bkpis?\b|performance indicator|how will we know/],
  ['description', /description|^details?$|background|^context$|^notes?$/],
  ['objective', /objective|priority area|strategic aim|^aims?$|outcome area|workstream|^theme$/],
  ['desiredOutcome', /outcome|\bimpact\b|difference|expected results?/],
  ['leadService', /\bservices?\b|directorate|department|service area|\bdivision\b|^team$|lead team/],
  ['owner', /\bwho\b|\blead\b|responsib|\bowners?\b|\bofficers?\b|action by|by whom|\bmanager\b/],
  ['progress', /progress|update|where (?:are )?we (?:are )?now|comment|commentary|position|latest|narrative/],
  ['indicator', /indicator|\bmetrics?\b|\blga\b|framework|sub ?theme|focus area/],
];

export function fieldForHeader(header: string): PlanField | undefined {
  const h = normaliseHeader(header);
  if (!h || h.length > 120) return undefined;
  return RULES.find(([, re]) => re.test(h))?.[0];
}
