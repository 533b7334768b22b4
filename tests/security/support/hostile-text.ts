/** What a hostile colleague types into a title, an update, a comment or their display name. */
export const TYPED = '[click](https://evil.example) https://evil.example/bare <at>Chief Executive</at> <b>bold</b><img src=x onerror=alert(1)> **bold** ${user.name} {{DATE(2026-01-01T00:00:00Z)}}';

/** What a reader sees: invisible joiners and breaks gone, whitespace as one space. */
export const seen = (s: string) => s.replace(/[\u2060\u200B]/g, '').replace(/\s+/g, ' ').trim();
