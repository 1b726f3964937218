export { ERRATA, excusingErratum } from './errata';
export type { Erratum, ErratumContext } from './errata';
export { allOperations, findOperation, SPEC_FILE } from './openapi';
export type { SpecOperation } from './openapi';
export { closeObjects, OTHER_ZOOM_API_PREFIXES, validateRequest } from './validator';
export type { SpecRequest, SpecViolation } from './validator';
export { describeViolations, recordViolations, takePendingViolations } from './violations';
