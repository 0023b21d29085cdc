/// <reference types="vite/client" />
/** The app version, injected at build time from package.json. */
declare const __APP_VERSION__: string;
/** True only in builds made with DUET_PROFILING=1 (the end-to-end tests): React commits are then counted. */
declare const __DUET_PROFILING__: boolean | undefined;
