// Agreement statistics for coded text: per unit (codedTextAgreement), per segment
// (segmentMatching) and on the continuum (unitizedAgreement). Pure functions, no I/O.

export { codedTextAgreement, unitSubsets, type CodeAgreement, type CodedTextOptions, type CodedTextReport } from "./coded";
export { binaryAgreement, type BinaryAgreement, type SubsetCounts } from "./binary";
export {
  overlapRatio,
  segmentMatching,
  type CoderMatching,
  type MatchCounts,
  type MatchedSegment,
  type PairMatching,
  type SegmentMatchingOptions,
  type SegmentMatchingReport,
} from "./matching";
export { boundaryUnitizingAlpha, unitizedAgreement, type UnitizingOptions } from "./unitizing";
export { textUnits, TEXT_UNITS, type TextUnit } from "./units";
export { unitRatingTable } from "./ratingTable";
export { TextAgreementInputError, type CoderOptions } from "./validate";
export {
  documentAgreement,
  type Disagreement,
  type DisagreementCoding,
  type DocumentAgreementOptions,
  type DocumentAgreementReport,
  type IdentifiedSegment,
} from "./documentReport";
