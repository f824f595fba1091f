// The fields of a JSON Schema object, as a line each: name, type, required or not, limits.
// Enough to read a body or a payload; the documents themselves say everything.

export interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  pattern?: string;
  description?: string;
}

export interface Field {
  name: string;
  type: string;
  required: boolean;
  node: SchemaNode;
}

/** "string", "single | multiple", "array of string", "integer | string"… */
export function typeOf(node: SchemaNode): string {
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum) return node.enum.map(String).join(" | ");
  const variants = node.anyOf ?? node.oneOf;
  if (variants) return variants.map(typeOf).join(" | ");
  if (node.type === "array") return node.items ? `${typeOf(node.items)}[]` : "array";
  if (Array.isArray(node.type)) return node.type.join(" | ");
  if (node.type === "object" && node.properties) return `{${Object.keys(node.properties).join(", ")}}`;
  return node.type ?? node.description ?? "any";
}

export function fieldsOf(schema: SchemaNode | undefined): Field[] {
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, node]) => ({
    name,
    type: typeOf(node),
    required: required.has(name),
    node,
  }));
}
