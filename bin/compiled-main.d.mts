// Types of compiled-main.mjs for the TypeScript tests (test/foundation/compiled-main.test.ts).
/** The compiled copy of `source` (default src-main) in `cache`, built when any source changed. */
export declare function compiledMain(options?: { source?: string; cache?: string }): Promise<string>;
