// A site adds one tag: <script src=".../consent.js" data-site="clikodoc" async></script>.
// This is exactly what consent.js is built from.
import '../src/embed';
