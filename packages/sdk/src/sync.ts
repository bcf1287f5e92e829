// What the runtime needs once a choice is made: the device key and the signing of receipts into the
// device's chain, sending them and checking their acks (the outbox), the visitor's proof file, and
// ask() (a question put when the page needs a purpose, whose answer is a receipt too). A
// first visit draws its banner without any of it: it is loaded apart (load-sync.ts), when the browser
// is idle after the banner shows, or as soon as there is something to sign or send.
export { createAsk } from './ask';
export { deviceKey } from './store/device';
export { eraseReceipts } from './store/erase';
export { createOutbox } from './store/outbox';
export { proofDocument } from './store/proof';
export { appendReceipt } from './store/receipts';
