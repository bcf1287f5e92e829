// @consent-ledger/witness: a C2SP tlog-witness (c2sp.org/tlog-witness) for Consent Ledger logs and
// any other C2SP log. Depends on protocol only; the `consent-ledger witness` command serves it.
export { covers, LogPolicy, type LogPolicyOptions } from './policy';
export { type CosignedState, type EvidenceKind, judge, type Verdict } from './state';
export { type Advance, type Evidence, type WitnessedLog, WitnessStore } from './store';
export { createWitness, type Witness, type WitnessAnswer, type WitnessKey, type WitnessOptions } from './witness';
