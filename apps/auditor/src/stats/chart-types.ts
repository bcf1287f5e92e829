/** One line or one stack layer of a chart: a value per category (null where there is none). */
export interface Series {
  id: string;
  label: string;
  values: Array<number | null>;
}

/** What every chart of the stats view draws from. */
export interface ChartData {
  /** Accessible name of the chart. */
  title: string;
  /** One label per x position (the periods). */
  categories: string[];
  series: Series[];
  /** How a value is written (a percentage, a count). */
  format(value: number): string;
}
