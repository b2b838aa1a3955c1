/**
 * The address policy is the runtime's (it also decides which redirects an action may follow), so
 * the generator and the connectors it emits refuse the same addresses for the same reasons. The
 * subpath holds that module alone: loading it does not load the rest of the runtime.
 */
export { nonPublicAddressReason } from '@specwire/runtime/address';
