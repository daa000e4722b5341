/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the quick exit goes (build time); a neutral page by default. */
  readonly VITE_QUICK_EXIT_URL?: string;
}
