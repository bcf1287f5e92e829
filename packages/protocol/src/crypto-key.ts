// `CryptoKey` is a Web Crypto type that TypeScript declares only with the DOM library: a Node project
// compiled without it (lib ES2023, types node) would find our declarations naming an unknown type.
// Declared here as an interface, it merges with the DOM's where that exists and stands alone where not.
declare global {
  interface CryptoKey {}
}

export {};
