/**
 * Who is an EDI officer (may open and close rounds, import and export): anyone named in
 * EDI_OFFICER_IDS, or a member of EDI_OFFICER_GROUP_ID as the token's `groups` claim says.
 * Everyone else in the tenant may view.
 *
 * A token carries no `groups` claim unless the app registration emits it, and none when the user
 * is in too many groups (the "overage"); then only the id list counts. Checking such users would
 * take Graph (`POST /users/{oid}/checkMemberGroups`), which this app does not call per request.
 */
export interface OfficerRule {
  ids: readonly string[];
  groupId?: string;
}

export function officerRoles(rule: OfficerRule, who: { oid: string; groups?: readonly string[] }): ['officer'] | [] {
  const byId = rule.ids.includes(who.oid);
  const byGroup = rule.groupId !== undefined && (who.groups ?? []).includes(rule.groupId);
  return byId || byGroup ? ['officer'] : [];
}
