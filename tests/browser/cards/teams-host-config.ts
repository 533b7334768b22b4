/**
 * A host config that draws cards as Teams does: Teams' spacing (16 px padding), Segoe UI at 12/14/18/24
 * px, weights 400/600, its text colours and container backgrounds, up to six actions in a row.
 * The values are those Microsoft publishes for Teams (light theme) with the Adaptive Cards designer
 * and the Teams mobile renderers:
 * https://github.com/microsoft/Teams-AdaptiveCards-Mobile/blob/main/samples/HostConfig/microsoft-teams-light.json
 * On this machine 'Segoe UI' falls back to DejaVu Sans, which is wider, so a card that fits here has room
 * to spare in Teams.
 */

const TEXT = '#252424';
const foreground = {
  default: { default: TEXT, subtle: '#bf252424' },
  dark: { default: TEXT, subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};
const background: Record<string, string> = {
  default: '#ffffff',
  emphasis: '#f9f8f7',
  accent: '#c7def9',
  good: '#ccffcc',
  attention: '#ffc5b2',
  warning: '#ffe2b2',
};
const font = (family: string) => ({
  fontFamily: family,
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
});

export const TEAMS_HOST_CONFIG = {
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#EEEEEE' },
  fontTypes: { default: font("'Segoe UI', Tahoma, Geneva, Verdana, sans-serif"), monospace: font("'Courier New', Courier, monospace") },
  containerStyles: Object.fromEntries(Object.entries(background).map(([style, backgroundColor]) => [style, { backgroundColor, foregroundColors: foreground }])),
  actions: { maxActions: 6, spacing: 'Default', buttonSpacing: 8, actionsOrientation: 'Horizontal', actionAlignment: 'Left', showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' } },
  factSet: { title: { weight: 'Bolder', wrap: true, maxWidth: 150 }, value: { wrap: true }, spacing: 16 },
  textBlock: { headingLevel: 2 },
};

/**
 * What the renderer leaves to the host: buttons styled like Teams' (a purple primary, a bordered
 * default), and inputs that fill their column. Nothing here makes long words wrap: the cards must.
 */
export const TEAMS_CARD_CSS = `
  body { margin: 0; background: #f5f5f5; }
  .ac-adaptiveCard { border-radius: 4px; }
  .ac-pushButton { font: 600 14px 'Segoe UI', Tahoma, Geneva, Verdana, sans-serif; min-height: 32px; padding: 4px 12px;
    border: 1px solid #8a8886; border-radius: 4px; background: #ffffff; color: ${TEXT}; cursor: pointer; }
  .ac-pushButton.style-positive { background: #6264a7; border-color: #6264a7; color: #ffffff; }
  .ac-pushButton.style-destructive { color: #c4314b; border-color: #c4314b; }
  .ac-pushButton:focus-visible { outline: 2px solid #000000; outline-offset: 1px; }
  .ac-input { font: 14px 'Segoe UI', Tahoma, Geneva, Verdana, sans-serif; color: ${TEXT}; box-sizing: border-box; }
  .ac-input.ac-textInput, .ac-input.ac-numberInput, .ac-input.ac-dateInput, .ac-input.ac-multichoiceInput { border: 1px solid #8a8886; border-radius: 4px; padding: 6px 8px; }
  .ac-input.ac-textInput.ac-multiline { min-height: 64px; }
`;
