import type { Catalog } from '../texts';
export const nl: Catalog = {} as Catalog; // TODO
