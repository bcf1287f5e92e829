import type { Catalog } from '../texts';
export const de: Catalog = {} as Catalog; // TODO
