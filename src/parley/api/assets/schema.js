// Checks an entry body against its type's JSON Schema before the page signs it.
//
// The schemas come from the server (GET /v1/schemas/entries): the same models the
// server validates with, so a body the page would sign and the server refuse is caught
// here, with a sentence that says which field and why, before anything is signed. This
// is the part of JSON Schema (2020-12) that pydantic writes for Parley's bodies: type,
// properties, required, additionalProperties, propertyNames, items, enum, const, anyOf,
// $ref to $defs, string length and pattern, number bounds, array length.

let loaded = null;

/** The schemas by entry type, fetched once per page. */
export function schemas() {
  if (!loaded) {
    loaded = fetch("/v1/schemas/entries", { headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error("schemas: " + r.status))))
      .catch((e) => { loaded = null; throw e; });
  }
  return loaded;
}

const TYPES = {
  object: (v) => v !== null && typeof v === "object" && !Array.isArray(v),
  array: (v) => Array.isArray(v),
  string: (v) => typeof v === "string",
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === "number" && Number.isFinite(v),
  boolean: (v) => typeof v === "boolean",
  null: (v) => v === null,
};

function where(path) {
  return path.length ? path.join(".") : "the body";
}

function resolve(schema, root) {
  if (schema && schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, "");
    return root.$defs[name];
  }
  return schema;
}

/** The first problem with `value` under `schema`, as a sentence, or null when it fits. */
export function problem(schema, value, root = schema, path = []) {
  const s = resolve(schema, root);
  if (!s) return null;
  if (s.anyOf) {
    const found = s.anyOf.map((alt) => problem(alt, value, root, path));
    return found.includes(null) ? null : found.find((f) => f) || `${where(path)} is not valid`;
  }
  if ("const" in s && value !== s.const) return `${where(path)} must be ${JSON.stringify(s.const)}`;
  if (s.enum && !s.enum.includes(value)) {
    return `${where(path)} must be one of ${s.enum.map((e) => JSON.stringify(e)).join(", ")}`;
  }
  if (s.type) {
    const types = [].concat(s.type);
    if (!types.some((t) => TYPES[t](value))) return `${where(path)} must be ${types.join(" or ")}`;
  }
  if (typeof value === "string") {
    const n = [...value].length;
    if (s.minLength !== undefined && n < s.minLength) {
      return s.minLength === 1 ? `${where(path)} must not be empty` : `${where(path)} must have at least ${s.minLength} characters`;
    }
    if (s.maxLength !== undefined && n > s.maxLength) return `${where(path)} must have at most ${s.maxLength} characters`;
    if (s.pattern && !new RegExp(s.pattern, "u").test(value)) return `${where(path)} has the wrong form (${JSON.stringify(value)})`;
  }
  if (typeof value === "number") {
    if (s.minimum !== undefined && value < s.minimum) return `${where(path)} must be at least ${s.minimum}`;
    if (s.maximum !== undefined && value > s.maximum) return `${where(path)} must be at most ${s.maximum}`;
    if (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum) return `${where(path)} must be more than ${s.exclusiveMinimum}`;
    if (s.exclusiveMaximum !== undefined && value >= s.exclusiveMaximum) return `${where(path)} must be less than ${s.exclusiveMaximum}`;
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) return `${where(path)} needs at least ${s.minItems} item(s)`;
    if (s.maxItems !== undefined && value.length > s.maxItems) return `${where(path)} takes at most ${s.maxItems} item(s)`;
    if (s.items) {
      for (let i = 0; i < value.length; i++) {
        const p = problem(s.items, value[i], root, [...path, i]);
        if (p) return p;
      }
    }
  }
  if (TYPES.object(value)) {
    const props = s.properties || {};
    for (const name of s.required || []) {
      if (!(name in value)) return `${where([...path, name])} is missing`;
    }
    for (const [name, v] of Object.entries(value)) {
      if (name in props) {
        const p = problem(props[name], v, root, [...path, name]);
        if (p) return p;
      } else if (s.additionalProperties === false) {
        return `${where(path)} has an unknown field: ${name}`;
      } else if (s.additionalProperties && typeof s.additionalProperties === "object") {
        if (s.propertyNames) {
          const k = problem(s.propertyNames, name, root, [...path, name]);
          if (k) return k;
        }
        const p = problem(s.additionalProperties, v, root, [...path, name]);
        if (p) return p;
      }
    }
    if (s.minProperties !== undefined && Object.keys(value).length < s.minProperties) {
      return `${where(path)} needs at least ${s.minProperties} entr${s.minProperties === 1 ? "y" : "ies"}`;
    }
    if (s.maxProperties !== undefined && Object.keys(value).length > s.maxProperties) {
      return `${where(path)} takes at most ${s.maxProperties} entries`;
    }
  }
  return null;
}
