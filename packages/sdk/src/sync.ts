// The runtime's exchanges with the collector once a choice was made: sending receipts and checking
// their acks (the outbox), and the visitor's proof file. A first visit draws its banner without them:
// they are loaded apart (load-sync.ts), when the browser is idle or when there is something to send.
export { createOutbox } from './store/outbox';
export { proofDocument } from './store/proof';
