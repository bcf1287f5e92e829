import type { Language } from '../config';
import type { Catalog } from '../texts';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

/** The default texts per language. */
export const catalogs: Record<Language, Catalog> = { fr, nl, en, de };
