// Types of kernel.mjs for the TypeScript tests (test/media/resample-kernel.test.ts).
export declare const KERNEL_SOURCE: string;
export declare const KERNEL_WASM: string;
/** The kernel compiled from source, as bytes. */
export declare function compileKernel(): Promise<Buffer>;
