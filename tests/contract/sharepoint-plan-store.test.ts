import { planStoreContract } from './plan-store.contract';
import { plansContract } from './plans.contract';
import type { EmulatorVariants } from '../support/graph-emulator';
import { sharePointStoreForContract } from '../support/sharepoint-over-emulator';

/**
 * The whole contract against the emulator as the documentation describes Graph, then again under
 * each undocumented variant a real tenant may show (tests/support/graph-emulator/variants.ts). Each
 * run takes about a second, so every variant gets the full suite.
 */
const VARIANTS: [string, Partial<EmulatorVariants>][] = [
  ['as documented', {}],
  ['PATCH answers carry @odata.etag', { patchEtag: 'in-body' }],
  ['creates answer without fields', { createAnswer: 'without-fields' }],
  ['unique violations are 400 invalidRequest', { uniqueViolation: '400-invalidRequest' }],
  ['unique violations are 500 generalException', { uniqueViolation: '500-generalException' }],
  ['unique violations are worded in French', { uniqueViolation: '400-localized' }],
  ['a unique column holds at most one empty value', { uniqueBlankValues: 'one' }],
  ['stale ETags are 409 resourceModified', { staleEtag: '409-resourceModified' }],
  ['every create is written and then answered 504', { gatewayTimeoutAfterWrite: 1_000_000 }],
  ['every update is written and then answered 504', { gatewayTimeoutAfterUpdate: 1_000_000 }],
  ['lookup ids read as integers, people as lookup objects', { lookupIds: 'integer', personReadForm: 'object' }],
  ['only Collection(Edm.Int32) lookup writes are taken', { lookupWrites: 'int32' }],
  ['delta links drop the expand; delta items lack fields or carry only changes', { deltaLinksKeepExpand: false, deltaItemFields: 'changed' }],
];

for (const [label, variants] of VARIANTS) {
  planStoreContract(`SharePoint lists over the Graph emulator (${label})`, () => sharePointStoreForContract(variants));
  // Plans in one site (issue 20): the Plans list, PlanId, PlanRef and the per-plan OpenKey.
  plansContract(`SharePoint lists over the Graph emulator (${label})`, () => sharePointStoreForContract(variants));
}
