export { ERRATA, excusingErratum, MISSING_OPERATIONS } from './errata';
export type { Erratum, ErratumContext, MissingOperation } from './errata';
export {
	allOperations,
	findOperation,
	loadSpecDocument,
	rawOperation,
	SPEC_FILE,
	SPEC_SOURCES,
	specFile,
} from './openapi';
export type { RawOperation, SpecOperation } from './openapi';
export { closeObjects, OTHER_ZOOM_API_PREFIXES, validateRequest } from './validator';
export type { SpecRequest, SpecViolation } from './validator';
export { describeViolations, recordViolations, takePendingViolations } from './violations';
