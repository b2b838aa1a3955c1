export { mergeSources } from './merge-sources.ts';
export { applyOverlay, loadOverlay, parseOverlay, type LoadedOverlay } from './overlay/apply-overlay.ts';
