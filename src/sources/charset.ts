/**
 * Bytes to text. Order of trust: a byte-order mark, then a declaration (HTTP header, <meta>,
 * XML prolog) unless the bytes contradict it, then detection. Detection is biased towards the
 * charsets Dyad's languages are actually published in (Russian and Kazakh Cyrillic, Turkish,
 * English), since chardet alone weighs every script of the world equally.
 */
import { isUtf8 } from 'node:buffer';
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { problem, warning, type SourceProblem, type SourceWarning } from './article.ts';

/** Bytes that are not UTF-8 in text decoded as UTF-8 all the same. */
export interface InvalidBytes {
  readonly count: number;
  /** The first lines (counted from 1) that hold some, in order. */
  readonly lines: readonly number[];
  /** How many lines hold some. */
  readonly lineCount: number;
}

/** Decoded text and the charset it was decoded from. */
export interface Decoded {
  readonly text: string;
  readonly charset: string;
  /** Bytes of UTF-8 text that are not UTF-8, each decoded as U+FFFD; only when there are any. */
  readonly invalid?: InvalidBytes;
}

const BOMS: readonly (readonly [readonly number[], string])[] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  // UTF-32LE before UTF-16LE: its mark begins with the UTF-16LE one.
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** Common spellings of the same charset, reported under one name. */
const ALIASES: Readonly<Record<string, string>> = {
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  cp1251: 'windows-1251',
  'win-1251': 'windows-1251',
  'x-cp1251': 'windows-1251',
  cp1254: 'windows-1254',
  'x-cp1254': 'windows-1254',
  cp1252: 'windows-1252',
  latin5: 'iso-8859-9',
  'iso8859-9': 'iso-8859-9',
  iso_8859_9: 'iso-8859-9',
  latin1: 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  koi8r: 'koi8-r',
  'kz-1048': 'rk1048',
  kz1048: 'rk1048',
  'strk1048-2002': 'rk1048',
};

/**
 * As browsers do (WHATWG Encoding), Latin-1 and Latin-5 labels are decoded with their Windows
 * supersets: pages labelled ISO-8859-x routinely carry Windows quotes and dashes in 0x80-0x9F.
 */
const DECODE_AS: Readonly<Record<string, string>> = {
  'iso-8859-9': 'windows-1254',
  'iso-8859-1': 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
};

/** Charsets in which EN/TR/RU/KK text is found; detection prefers them over other scripts. */
const PREFERRED = new Set([
  'utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'koi8-r', 'iso-8859-5',
  'windows-1254', 'iso-8859-9', 'windows-1252', 'iso-8859-1',
]);

/** Only this much is given to the detector: enough for a verdict, bounded cost. */
const DETECT_SAMPLE = 64 * 1024;

/** The charset named by a byte-order mark, and the mark's length. */
export function bomCharset(bytes: Uint8Array): { charset: string; length: number } | undefined {
  for (const [mark, charset] of BOMS) {
    if (mark.every((b, i) => bytes[i] === b)) return { charset, length: mark.length };
  }
  return undefined;
}

/**
 * A charset label in canonical lower case, or undefined when it names nothing a page or feed is
 * written in: a label iconv cannot decode, or one of a charset that does not read ASCII as ASCII
 * (iconv also takes "base64", "hex", "utf16" and "ucs2", under which a page labelled by mistake
 * would be decoded whole into garbage; detection reads it instead).
 */
export function normalizeCharset(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  const name = ALIASES[l] ?? l;
  const decoder = DECODE_AS[name] ?? name;
  return iconv.encodingExists(decoder) && readsAscii(decoder) ? name : undefined;
}

/** Printable ASCII, tab and the line breaks: what every charset text is published in reads as itself. */
const ASCII_PROBE = Buffer.from([0x09, 0x0a, 0x0d, ...Array.from({ length: 0x5f }, (_, i) => 0x20 + i)]);
const asciiCompatible = new Map<string, boolean>();

/** True when the charset decodes ASCII bytes to the same characters (cached per name). */
function readsAscii(charset: string): boolean {
  let known = asciiCompatible.get(charset);
  if (known === undefined) {
    known = iconv.decode(ASCII_PROBE, charset, { stripBOM: false }) === ASCII_PROBE.toString('latin1');
    asciiCompatible.set(charset, known);
  }
  return known;
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1];
}

/** A charset declared in an HTML page's head (<meta charset> or http-equiv Content-Type). */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  // The HTML spec's prescan reads 1024 bytes; real pages often declare later, after long <link> lists.
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  const m = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1];
}

/** The encoding named in an XML prolog (<?xml ... encoding="..."?>). */
export function declaredXmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const m = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/.exec(head);
  return m?.[1];
}

/** Guess the charset of bytes that carry no mark: valid UTF-8 first, then chardet's verdict. */
export function detectCharset(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return 'utf-8';
  const matches = analyse(bytes.subarray(0, DETECT_SAMPLE));
  const preferred = matches.find((m) => PREFERRED.has(m.name.toLowerCase()));
  const any = matches.find((m) => normalizeCharset(m.name) !== undefined);
  let name = normalizeCharset((preferred ?? any)?.name) ?? 'windows-1252';
  // Bytes that are Ğ İ Ş ğ ı ş in Latin-5 are Icelandic letters in Latin-1, which none of Dyad's
  // languages uses: a short Turkish text with few special letters is often "detected" as Latin-1.
  if ((name === 'iso-8859-1' || name === 'windows-1252') && hasAny(bytes, [0xd0, 0xdd, 0xde, 0xf0, 0xfd, 0xfe])) {
    name = 'windows-1254';
  }
  // Bytes 0x80-0x9F are control codes in ISO-8859-9 but quotes and dashes in windows-1254.
  if (name === 'iso-8859-9' && bytes.some((b) => b >= 0x80 && b <= 0x9f)) name = 'windows-1254';
  return name;
}

/** How far bytes are UTF-8: the non-ASCII bytes in valid sequences, and the bytes that are in none. */
export interface Utf8Scan {
  readonly valid: number;
  readonly invalid: InvalidBytes;
}

const LINES_KEPT = 5;

/**
 * The length of the valid UTF-8 sequence at `i` (1 for ASCII), or 0 when none starts there
 * (Unicode's table of well-formed sequences: no overlong forms, no surrogates, nothing above
 * U+10FFFF).
 */
export function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  if (b < 0x80) return 1;
  const [length, low, high] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
    : b === 0xe0 ? [3, 0xa0, 0xbf]
    : b === 0xed ? [3, 0x80, 0x9f]
    : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
    : b === 0xf0 ? [4, 0x90, 0xbf]
    : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf]
    : b === 0xf4 ? [4, 0x80, 0x8f]
    : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  const second = bytes[i + 1] as number;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k] as number;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/** Scan bytes as UTF-8. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let valid = 0;
  let count = 0;
  let line = 1;
  let lastLine = 0;
  let lineCount = 0;
  const lines: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    const length = utf8SequenceAt(bytes, i);
    if (length > 0) {
      valid += length;
      i += length;
      continue;
    }
    count++;
    if (line !== lastLine) {
      lastLine = line;
      lineCount++;
      if (lines.length < LINES_KEPT) lines.push(line);
    }
    i++;
  }
  return { valid, invalid: { count, lines, lineCount } };
}

/**
 * True when most non-ASCII bytes are valid UTF-8: text written in UTF-8, maybe with a stray line
 * pasted in a legacy charset. Legacy Cyrillic or Turkish text hardly ever forms a valid
 * multi-byte sequence by chance, so in it almost every non-ASCII byte is invalid.
 */
function mostlyUtf8(scan: Utf8Scan): boolean {
  return scan.valid > scan.invalid.count;
}

/**
 * Text decoded from a charset other than UTF-8, with every lone surrogate made U+FFFD: iconv
 * leaves some in text decoded from GB18030 or from UTF-16 with an unpaired half, and no archive
 * can store one as it is.
 */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
}

/** Decode as UTF-8, telling the bytes that are not. */
function decodeUtf8(bytes: Uint8Array, scan: Utf8Scan): Decoded {
  const text = iconv.decode(Buffer.from(bytes), 'utf-8', { stripBOM: false });
  return { text, charset: 'utf-8', ...(scan.invalid.count > 0 ? { invalid: scan.invalid } : {}) };
}

/**
 * Decode bytes: BOM, then the declaration unless the bytes contradict it, then detection. Text
 * that is mostly UTF-8 is decoded as UTF-8 even where some bytes are not (`invalid` tells them):
 * re-decoding it all in the legacy charset of a stray line would garble every other line.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  const bom = bomCharset(bytes);
  if (bom?.charset === 'utf-8') return decodeUtf8(bytes.subarray(bom.length), scanUtf8(bytes.subarray(bom.length)));
  if (bom) return { text: wellFormed(iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.charset, { stripBOM: false })), charset: bom.charset };
  let charset = normalizeCharset(declared);
  // UTF-16/32 without a mark is a mislabel (the HTML spec reads such pages as UTF-8): text in
  // them would be full of NUL bytes, which decodeSource has already refused.
  if (charset !== undefined && charset !== 'utf-8' && charset.startsWith('utf-')) charset = undefined;
  const scan = scanUtf8(bytes);
  const utf8 = mostlyUtf8(scan) || scan.invalid.count === 0;
  // A page re-saved as UTF-8 often keeps its old legacy declaration; multi-byte UTF-8 that
  // validates is practically never legacy text, so the bytes win. The reverse holds too.
  if (charset !== undefined && charset !== 'utf-8' && mostlyUtf8(scan)) charset = 'utf-8';
  if (charset === 'utf-8' && !utf8) charset = undefined;
  charset ??= utf8 ? 'utf-8' : detectCharset(bytes);
  if (charset === 'utf-8') return decodeUtf8(bytes, scan);
  return { text: wellFormed(iconv.decode(Buffer.from(bytes), DECODE_AS[charset] ?? charset, { stripBOM: false })), charset };
}

/** What a source's invalid bytes are reported as. */
function invalidWarning(address: string, invalid: InvalidBytes): SourceWarning {
  const more = invalid.lineCount > invalid.lines.length ? ` and ${invalid.lineCount - invalid.lines.length} more` : '';
  const where = `line${invalid.lineCount === 1 ? '' : 's'} ${invalid.lines.join(', ')}${more}`;
  const bytes = invalid.count === 1 ? '1 byte is' : `${invalid.count} bytes are`;
  return warning(address, 'invalid_bytes',
    `${address}: ${bytes} not UTF-8 (${where}, in another charset?); read as UTF-8 with each shown as \u{FFFD}`);
}

/**
 * Decode the bytes of one source, refusing what is no text: empty input, and binary data (NUL
 * bytes, which no text in an ASCII-compatible charset contains; UTF-16/32 are checked after
 * decoding since their NULs are part of the encoding). UTF-8 text with bytes that are not UTF-8
 * is kept, with a warning naming how many and on which lines.
 */
export function decodeSource(address: string, bytes: Uint8Array, declared?: string): (Decoded & { readonly warning?: SourceWarning }) | SourceProblem {
  if (bytes.length === 0) return problem(address, 'empty', `${address}: empty`);
  if (!bomCharset(bytes)?.charset.startsWith('utf-') && bytes.includes(0)) {
    return problem(address, 'binary', `${address}: binary data (NUL bytes), not text`);
  }
  const decoded = decodeBytes(bytes, declared);
  if (decoded.text.includes('\u0000')) return problem(address, 'binary', `${address}: binary data (NUL characters), not text`);
  if (decoded.text.trim().length === 0) return problem(address, 'empty', `${address}: no text`);
  return decoded.invalid ? { ...decoded, warning: invalidWarning(address, decoded.invalid) } : decoded;
}

function hasAny(bytes: Uint8Array, values: readonly number[]): boolean {
  return bytes.some((b) => values.includes(b));
}
