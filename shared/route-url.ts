// Method and address of a route of the protocol table, without loading the table itself (its
// schemas would bring zod into the pages): the key is the method and the path.
import type { RouteKey, RouteParams } from "./protocol.js";

export const routeMethod = (key: RouteKey): string => key.slice(0, key.indexOf(" "));
export const routePath = (key: RouteKey): string => key.slice(key.indexOf(" ") + 1);

/** The address of a route with its parameters filled in (encoded). */
export function routeUrl<K extends RouteKey>(key: K, params: RouteParams<K>): string {
  return routePath(key).replace(/:([A-Za-z]+)/g, (_, name: string) =>
    encodeURIComponent((params as Record<string, string>)[name] ?? ""),
  );
}
