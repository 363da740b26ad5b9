declare module 'node-symspell' {
  interface SuggestItem {
    term: string;
    distance: number;
    count: number;
  }
  class SymSpell {
    constructor(maxDictionaryEditDistance?: number, prefixLength?: number, countThreshold?: number);
    loadDictionary(dictFile: string, termIndex: number, countIndex: number, separator?: string): Promise<boolean>;
    createDictionaryEntry(key: string, count: number): boolean;
    lookup(
      input: string,
      verbosity: number,
      maxEditDistance?: number | null,
      options?: { includeUnknown?: boolean; ignoreToken?: RegExp; transferCasing?: boolean },
    ): SuggestItem[];
  }
  export = SymSpell;
}
