/**
 * The development log format: pino's JSON records turned into one line of text each, for people
 * watching `npm start` in a terminal:
 *
 *   10:32:05.123 INFO  request  method=GET route=/api/plan status=200 ms=12 reqId=5b48…
 *
 * Time (this machine's clock), level, message, then the record's own fields. Production keeps the
 * JSON lines (App Service, Log Analytics). Our own few lines rather than pino-pretty: pino-pretty
 * runs as a worker thread transport and pulls in a dozen packages for what this does.
 */
import type { DestinationStream } from 'pino';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
/** Fields every line has, or that say nothing to a reader. */
const OMITTED = new Set(['level', 'time', 'msg', 'app', 'pid', 'hostname']);

function value(v: unknown): string {
  if (typeof v === 'string') return v === '' || /[\s="]/.test(v) ? JSON.stringify(v) : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return JSON.stringify(v);
}

function clockTime(ms: unknown): string {
  const d = typeof ms === 'number' ? new Date(ms) : new Date();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** One pino JSON record as a line of text (without the newline). A line that is not JSON is kept as it is. */
export function readableLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const level = LEVELS[record.level as number] ?? String(record.level).toUpperCase();
  // The request id last: long, and only wanted when following one request.
  const fields = Object.entries(record)
    .filter(([k, v]) => !OMITTED.has(k) && v !== undefined)
    .sort(([a], [b]) => Number(a === 'reqId') - Number(b === 'reqId'))
    .map(([k, v]) => `${k}=${value(v)}`);
  return `${clockTime(record.time)} ${level} ${String(record.msg ?? '')}${fields.length ? `  ${fields.join(' ')}` : ''}`;
}

/**
 * A pino destination writing readable lines to `out` (default stdout), synchronously, so they
 * interleave in order with what the app prints itself (the start banner comes after them).
 */
export function readableDestination(out: { write(s: string): unknown } = process.stdout): DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line.trim()) out.write(`${readableLine(line)}\n`);
    },
  };
}
