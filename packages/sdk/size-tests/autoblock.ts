// A page asking for automatic blocking: autoblock.js, loaded after consent.js (which it does not include).
import '../src/autoblock';
