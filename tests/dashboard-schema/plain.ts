import type { AnnotationQuery, Dashboard, DataQuery } from '@grafana/schema';

// The schema's TypeScript enums (ThresholdsMode, MappingType, ...) as the string values a JSON file
// holds: `${E}` of a string enum is the union of its values. Everything else is kept as it is.
export type Plain<T> = T extends string
  ? `${T}`
  : T extends readonly (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? { [K in keyof T]: Plain<T[K]> }
      : T;

// The schema's Dashboard, with annotation targets open to the data source's own query fields (a
// Prometheus `expr`), as panel targets already are.
export type SchemaDashboard = Omit<Dashboard, 'annotations'> & {
  annotations?: {
    list?: (Omit<AnnotationQuery, 'target'> & { target?: DataQuery & Record<string, unknown> })[];
  };
};
