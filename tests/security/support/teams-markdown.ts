/**
 * A card client more generous with markup than Teams, for the `adaptivecards` renderer in Chromium:
 * whatever could turn text into markup in some Teams client does so here. A TextBlock's markdown
 * (Teams: bold, italic, links; https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format)
 * with CommonMark's backslash escapes, bare URLs made links (Teams autolinks), `<at>…</at>` made a
 * mention (Teams needs a matching entity; here any will do), and any HTML left as HTML (Teams shows
 * none). The renderer's own `{{DATE()}}`/`{{TIME()}}` functions run as they do everywhere.
 * Text that comes out of this as plain text is plain text in Teams.
 */
export function teamsLikeMarkdownScript(): string {
  return `AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const escapes = [];
    let s = text.replace(/\\\\([!-\\/:-@\\[-\`{-~])/g, (_, c) => { escapes.push(c); return '\\u0001' + (escapes.length - 1) + '\\u0002'; });
    s = s.replace(/<at>([\\s\\S]*?)<\\/at>/g, '<span class="mention" data-mention="true">$1</span>');
    s = s.replace(/\\[([^\\]]*)\\]\\(([^)\\s]+)\\)/g, '<a href="$2">$1</a>');
    s = s.replace(/(^|[\\s(>])((?:https?|mailto):[^\\s<>)"]+)/gi, '$1<a href="$2">$2</a>');
    s = s.replace(/\\*\\*([\\s\\S]+?)\\*\\*/g, '<strong>$1</strong>').replace(/__([\\s\\S]+?)__/g, '<strong>$1</strong>');
    s = s.replace(/(^|[^\\w*])\\*(?!\\s)([^*]+?)\\*(?!\\w)/g, '$1<em>$2</em>').replace(/(^|[^\\w])_(?!\\s)([^_]+?)_(?!\\w)/g, '$1<em>$2</em>');
    s = s.replace(/\\u0001(\\d+)\\u0002/g, (_, i) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[escapes[i]] ?? escapes[i]);
    result.outputHtml = s.replace(/\\n/g, '<br>');
    result.didProcess = true;
  };`;
}
