/**
 * A card's buttons as rows that fit a phone. Renderers put a card's `actions` in one row that never
 * wraps: Teams on Android scrolls it sideways, the web renderer lets it run off the card, so at
 * 320 px a form with five buttons shows two. Rows of ActionSets at the end of the body keep each
 * button readable in full everywhere, as many to a row as fit; an Action.Execute there submits the
 * card's inputs just as one in `actions` does (`associatedInputs` "auto" takes the whole card's).
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/design-effective-cards#best-practices
 * https://adaptivecards.io/explorer/ActionSet.html
 */

/** Width a row may take: 320 px less Teams' 16 px padding either side. */
const ROW_PX = 288;
/** A title's width, judged generously (semibold 14 px, wider fonts than Segoe UI), and the button's padding and border. */
const PX_PER_CHAR = 8.2;
const BUTTON_PX = 26;
/** Teams' gap between buttons (host config `buttonSpacing`). */
const GAP_PX = 8;

const buttonWidth = (action: Record<string, unknown>) => String(action.title ?? '').length * PX_PER_CHAR + BUTTON_PX;

/** The actions in order, packed into ActionSets each no wider than a phone's line. */
export function actionRows(actions: Record<string, unknown>[]): Record<string, unknown>[] {
  const rows: Record<string, unknown>[][] = [];
  let width = Infinity;
  for (const action of actions) {
    const needed = buttonWidth(action);
    if (width + GAP_PX + needed > ROW_PX) {
      rows.push([]);
      width = -GAP_PX;
    }
    rows.at(-1)!.push(action);
    width += GAP_PX + needed;
  }
  return rows.map((row, i) => ({ type: 'ActionSet', actions: row, spacing: i === 0 ? 'Medium' : 'Small' }));
}
