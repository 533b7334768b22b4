/** Whose plan this is, for covers and titles: the council's name and the plan's title (config). */
export interface PlanIdentity {
  council?: string;
  title?: string;
}
