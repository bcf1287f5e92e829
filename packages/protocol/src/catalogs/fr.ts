import type { Catalog } from '../texts';
export const fr: Catalog = {} as Catalog; // TODO
