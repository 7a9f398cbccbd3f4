/** Replaced at build time by esbuild's `define` with the version from package.json. */
declare const DATSIS_VERSION: string;
