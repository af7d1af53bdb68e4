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

/** Lower case, no accents, no apostrophes, punctuation as spaces: the form names are compared in. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, "")
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
