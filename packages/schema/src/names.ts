const APOSTROPHES = /['’‘ʼʿʾ`´]/g;
const CONNECTORS = new Set(["e", "i", "a", "ul", "al", "el", "ud", "ur", "us", "ut", "un"]);
const DIGRAPHS: Array<[RegExp, string]> = [
  [/kh/g, "x"],
  [/sh/g, "S"],
  [/ch/g, "C"],
  [/gh/g, "G"],
  [/zh/g, "j"],
  [/th/g, "t"],
  [/dh/g, "d"],
  [/ph/g, "f"],
  [/q/g, "k"],
  [/w/g, "v"],
];

/**
 * Zero-width spaces and joiners, direction marks and embeddings, word joiners and the BOM: they change
 * nothing a reader sees, so they are dropped before comparing. The SQL twin of `normalizeName`
 * (migration 20261123172622_search) drops the same set.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Search text as typed, made safe and comparable: invisible and other format characters dropped
 * (so "T\u200BTP" is "TTP"), compatibility forms folded (full-width "ＴＴＰ" is "TTP"), decomposed
 * accents composed (so PostgreSQL's unaccent folds them), control characters (NUL, which PostgreSQL
 * refuses in text) and every kind of space as one space. Case, accents and the query syntax
 * (quotes, `-`, `OR`) are left to the search. Used wherever search text comes in.
 */
export function normalizeQueryText(text: string): string {
  return text
    .replace(LONE_SURROGATE, "")
    .replace(INVISIBLE, "")
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .replace(/[\p{Cc}\p{Z}]+/gu, " ")
    .trim();
}

/** Lower case, no accents, no apostrophes, punctuation as spaces: the form names are compared in. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(INVISIBLE, "")
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function consonantSkeleton(token: string): string {
  let t = token;
  for (const [pattern, replacement] of DIGRAPHS) t = t.replace(pattern, replacement);
  const head = t.slice(0, 1);
  const tail = t.slice(1).replace(/[aeiouyh]/g, "");
  return (head + tail).replace(/(.)\1+/g, "$1");
}

/**
 * A key under which the usual romanisations of one Urdu, Pashto, Dari or Arabic name coincide:
 * Tehreek/Tehrik/Tahreek, Yousaf/Yousuf/Yusuf, Hameed/Hamid, Muttaqi/Muttaki, Zabihullah/Zabiullah.
 * Connectors (-e-, -i-, -ul-) are dropped, inner vowels and h are dropped, q is k, doubled letters are one.
 */
export function transliterationKey(name: string): string {
  return normalizeName(name)
    .split(" ")
    .filter((token) => token.length > 0 && !CONNECTORS.has(token))
    .map(consonantSkeleton)
    .join(" ");
}

/** The two comparison forms an alias row stores beside its name. */
export function nameKeys(name: string): { normalized: string; translitKey: string } {
  return { normalized: normalizeName(name), translitKey: transliterationKey(name) };
}
