/** The Teams app's Node side: where the built tab is, its manifest and its app package. The tab itself is src/tab (built with Vite). */
export * from './app-package/manifest.js';
export * from './app-package/app-package.js';
export * from './app-package/icons.js';
export * from './app-package/tab-files.js';
