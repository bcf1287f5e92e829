import type { Catalog } from '../texts';
export const en: Catalog = {} as Catalog; // TODO
